"""Crash reports and logs: never one report over another, private files, and a data folder
that cannot be written does not stop the program from starting (real files and folders)."""

from __future__ import annotations

import logging
import os
import stat
import sys
from datetime import datetime

import pytest

from assistant import crash

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def test_two_reports_in_the_same_second_are_two_files(tmp_path):
    moment = datetime(2026, 12, 7, 14, 0, 0)
    first = crash.write_report("first report", tmp_path / "logs", now=moment)
    second = crash.write_report("second report", tmp_path / "logs", now=moment)
    third = crash.write_report("third report", tmp_path / "logs", now=moment)
    assert len({first, second, third}) == 3
    assert [p.read_text(encoding="utf-8") for p in (first, second, third)] == [
        "first report", "second report", "third report"]
    assert not [p for p in (tmp_path / "logs").iterdir() if p.name.startswith(".")]


@posix_only
def test_reports_and_logs_are_private_to_the_user(tmp_path):
    old = os.umask(0o022)
    handler = crash.CrashHandler(tmp_path / "logs")
    try:
        handler.install()
        logging.getLogger("assistant.test").warning("a line for the log")
        try:
            raise RuntimeError("boom")
        except RuntimeError:
            path = handler.handle(*sys.exc_info())
    finally:
        handler.uninstall()
        os.umask(old)
    assert path is not None
    folder = tmp_path / "logs"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    files = {p.name: stat.S_IMODE(p.stat().st_mode) for p in folder.iterdir()}
    assert set(files) == {path.name, "assistant.log", "faulthandler.log"}
    assert set(files.values()) == {0o600}
    assert "a line for the log" in (folder / "assistant.log").read_text(encoding="utf-8")


@posix_only
def test_an_older_world_readable_log_is_tightened(tmp_path):
    folder = tmp_path / "logs"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    (folder / "assistant.log").write_text("old\n")
    os.chmod(folder / "assistant.log", 0o644)
    handler = crash.CrashHandler(folder)
    handler.install()
    handler.uninstall()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / "assistant.log").stat().st_mode) == 0o600


def test_a_folder_that_cannot_be_made_leaves_the_hooks_working(tmp_path, capsys):
    """The data folder lies under a file (works as root too, unlike chmod): no exception at
    install; a crash is still printed and told to the listeners, without a file."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder's parent should be")
    handler = crash.CrashHandler(blocker / "data" / "logs")
    heard: list[tuple[str, object]] = []
    handler.add_listener(lambda text, path: heard.append((text, path)))
    handler.install()
    try:
        assert isinstance(handler.folder_error, OSError)
        try:
            raise ValueError("still reported")
        except ValueError:
            assert handler.handle(*sys.exc_info()) is None
    finally:
        handler.uninstall()
    assert heard and "still reported" in heard[0][0] and heard[0][1] is None
    assert "still reported" in capsys.readouterr().err
