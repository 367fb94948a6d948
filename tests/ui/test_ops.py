"""The worker bridge's default failure path, the change broadcast, and the dialogs module."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from assistant.model.case import CaseStatus
from assistant.model.storage import StorageError
from assistant.ui import ask
from assistant.ui.ops import CaseChange, Operation, use_crash_handler

ROOT = Path(__file__).resolve().parents[2]


def _said(monkeypatch):
    said: list[tuple[str, str]] = []
    monkeypatch.setattr(ask, "warning", lambda _p, title, text: said.append((title, text)))
    monkeypatch.setattr(ask, "information", lambda _p, title, text: said.append((title, text)))
    return said


def test_a_model_error_is_shown_as_its_plain_message(qtbot, monkeypatch):
    said = _said(monkeypatch)

    def locked(*, progress, cancelled):
        raise StorageError("storage_readonly", path="/data/cases.sqlite")

    Operation(locked).failure_title("書き出せませんでした").start()
    qtbot.waitUntil(lambda: bool(said), timeout=5000)
    title, text = said[0]
    assert title == "書き出せませんでした"
    assert text == StorageError("storage_readonly", path="/data/cases.sqlite").message("ja")


def test_a_full_disk_gets_a_japanese_message(qtbot, monkeypatch):
    said = _said(monkeypatch)

    def full(*, progress, cancelled):
        raise OSError(28, "No space left on device", "/out/renewal.xlsx")

    Operation(full).start()
    qtbot.waitUntil(lambda: bool(said), timeout=5000)
    assert "ディスクの空き容量が足りません" in said[0][1]
    assert "No space left" not in said[0][1]


def test_a_defect_goes_to_the_crash_report_not_to_the_message(qtbot, monkeypatch, tmp_path):
    """An unexpected exception: plain message naming the report; the report has the trace."""
    said = _said(monkeypatch)

    def broken(*, progress, cancelled):
        raise ZeroDivisionError("internal detail 12345")

    Operation(broken).start()
    qtbot.waitUntil(lambda: bool(said), timeout=5000)
    text = said[0][1]
    assert "予期しないエラーが発生しました" in text and "internal detail" not in text
    reports = list((tmp_path / "appdata" / "logs").glob("crash-*.txt"))
    assert len(reports) == 1 and str(reports[0]) in text
    report = reports[0].read_text(encoding="utf-8")
    assert "ZeroDivisionError: internal detail 12345" in report and "broken" in report


def test_with_the_crash_hooks_installed_a_defect_reaches_them(qtbot, monkeypatch, tmp_path):
    from assistant import crash

    said = _said(monkeypatch)
    handler = crash.install(tmp_path / "logs")
    seen: list[str] = []
    handler.add_listener(lambda text, path: seen.append(text))
    use_crash_handler(handler)
    try:
        def broken(*, progress, cancelled):
            raise KeyError("no such thing")

        Operation(broken).start()
        qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    finally:
        use_crash_handler(None)
        handler.uninstall()
    assert "KeyError" in seen[0]
    assert said == []          # the crash dialog (the listener) tells the user, once
    assert list((tmp_path / "logs").glob("crash-*.txt"))


def test_a_caller_failure_handler_replaces_the_default(qtbot, monkeypatch):
    said = _said(monkeypatch)
    failures: list[Exception] = []

    def broken(*, progress, cancelled):
        raise ValueError("x")

    Operation(broken).on_failure(failures.append).start()
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert said == [] and isinstance(failures[0], ValueError)


def test_confirm_overwrite_asks_only_about_existing_files(monkeypatch, tmp_path, qapp):
    asked: list[str] = []
    monkeypatch.setattr(ask, "question", lambda _p, _t, text: asked.append(text) or False)
    fresh = [tmp_path / "renewal.xlsx", tmp_path / "coe.xlsx"]
    assert ask.confirm_overwrite(None, fresh) is True and asked == []
    fresh[1].write_bytes(b"old")
    assert ask.confirm_overwrite(None, fresh) is False
    assert "coe.xlsx" in asked[0] and "renewal.xlsx" not in asked[0]


@pytest.mark.parametrize("module", ["assistant.ui.export_actions", "assistant.ui.case_list"])
def test_no_import_circle_with_the_main_window(module):
    """The export menu and the list do not need the main window (no import circle)."""
    code = f"import sys, {module}; print('assistant.ui.main_window' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, env={**__import__("os").environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_the_list_follows_changes_published_by_anyone(qtbot, store, main_window):
    """A case changed outside the window (published on the broadcast) shows in the list."""
    case = store.create("renewal", {"name": "BEFORE"})
    main_window.events.publish(CaseChange.created(case.id))
    assert main_window.model.rows[main_window.model.row_of(case.id)].name == "BEFORE"
    store.set_values(case.id, {"name": "AFTER"})
    store.set_status(case.id, CaseStatus.READY)
    main_window.events.publish(CaseChange.edited([case.id]))
    row = main_window.model.rows[main_window.model.row_of(case.id)]
    assert row.name == "AFTER" and row.status == CaseStatus.READY.value
    store.delete(case.id)
    main_window.events.publish(CaseChange.removed(case.id))
    assert main_window.model.row_of(case.id) < 0
    assert main_window.count_label.text() == "案件 0 件"


def test_the_open_editor_reopens_on_a_change_from_elsewhere_only(qtbot, store, main_window):
    case = store.create("renewal", {"name": "NGUYEN VAN AN"})
    main_window.reload_cases()
    main_window.open_case(case.id)
    first = main_window.editor
    assert first is not None
    main_window.events.publish(CaseChange.edited([case.id], source=first))   # its own save
    assert main_window.editor is first
    store.set_values(case.id, {"name": "TRAN THI BINH"})
    main_window.events.publish(CaseChange.edited([case.id]))                 # an import
    assert main_window.editor is not first and main_window.editor.case_id == case.id
    assert main_window.editor.title().startswith("TRAN THI BINH") or \
        "TRAN THI BINH" in main_window.windowTitle()


def test_closing_the_window_during_the_work_stops_it(qtbot):
    """The owner is gone: the function is asked to stop, nothing is shown afterwards."""
    import threading

    from PySide6.QtWidgets import QWidget

    from assistant.model.progress import check_cancel

    started, stopped = threading.Event(), threading.Event()

    def long_work(*, progress, cancelled):
        started.set()
        while not cancelled():
            stopped.wait(0.01)
        stopped.set()
        check_cancel(cancelled)

    window = QWidget()
    outcome: list[str] = []
    operation = Operation(long_work, parent=window).on_success(lambda _r: outcome.append("ok"))
    operation.on_finish(lambda: outcome.append("finished")).start()
    assert started.wait(10)
    window.deleteLater()
    qtbot.waitUntil(stopped.is_set, timeout=10000)
    assert operation.wait(10000)
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()   # the worker's queued outcome, had it a receiver left
    assert outcome == []
