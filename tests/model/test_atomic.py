"""Atomic file writes: the old file or the new one, never half, and no temporary files left."""

from __future__ import annotations

import stat

import pytest

from assistant.model.atomic import atomic_write_bytes, atomic_write_files


def test_several_files_are_written_and_replace_the_old_ones_keeping_their_mode(tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    old = tmp_path / "a.csv"
    old.write_bytes(b"old")
    old.chmod(0o640)
    atomic_write_files({old: b"new a", tmp_path / "b.csv": b"new b"})
    assert old.read_bytes() == b"new a" and (tmp_path / "b.csv").read_bytes() == b"new b"
    assert stat.S_IMODE(old.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "b.csv"]


def test_a_target_that_cannot_be_replaced_is_left_as_it_was(tmp_path):
    folder = tmp_path / "out"
    (folder / "a.csv").mkdir(parents=True)        # a folder where the file should go
    (folder / "a.csv" / "inside.txt").write_text("kept")
    with pytest.raises(OSError):
        atomic_write_files({folder / "a.csv": b"new"})
    assert (folder / "a.csv" / "inside.txt").read_text() == "kept"
    assert sorted(p.name for p in folder.iterdir()) == ["a.csv"]


def test_a_failed_write_leaves_no_temporary_file_and_the_old_content(tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    target = tmp_path / "a.csv"
    target.write_bytes(b"old")
    missing = tmp_path / "no-such-folder" / "b.csv"
    with pytest.raises(OSError):
        atomic_write_files({target: b"new", missing: b"x"})
    assert target.read_bytes() == b"new"            # each file on its own is atomic
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv"]
    atomic_write_bytes(target, b"again")
    assert target.read_bytes() == b"again"
