"""The application's first start: `assistant` greets a new office once, never in --smoke mode."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from assistant.app import run_gui
from assistant.ui.main_window import MainWindow
from assistant.ui.welcome import WelcomeDialog


def _main_window() -> MainWindow:
    [window] = [w for w in QApplication.topLevelWidgets()
                if isinstance(w, MainWindow) and w.isVisible()]
    return window


def _run_answering(qapp, db: str, answer) -> dict[str, object]:
    """Run the GUI; ``answer(dialog)`` handles a welcome dialog if one appears; then quit."""
    seen: dict[str, object] = {"welcome": False}

    def poll(tries: int = 0) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, WelcomeDialog):
            seen["welcome"] = True
            seen["icon"] = not qapp.windowIcon().isNull()
            answer(dialog)
            QTimer.singleShot(0, finish)
        elif tries < 20:
            QTimer.singleShot(25, lambda: poll(tries + 1))
        else:
            finish()

    def finish() -> None:
        window = _main_window()
        seen["selected"] = window.list_page.current_case_id()
        seen["rows"] = window.model.rowCount()
        qapp.quit()

    QTimer.singleShot(0, poll)
    seen["exit"] = run_gui(db=db)
    return seen


def test_first_start_greets_and_lists_the_sample_then_never_again(qapp, tmp_path):
    db = str(tmp_path / "office.sqlite")
    first = _run_answering(qapp, db, lambda dialog: dialog.start_button.click())
    assert first["welcome"] and first["icon"]
    assert first["exit"] == 0
    assert first["rows"] == 1 and first["selected"]

    second = _run_answering(qapp, db, lambda dialog: dialog.skip_button.click())
    assert second["welcome"] is False, "an office that was greeted is not greeted again"
    assert second["rows"] == 1


def test_smoke_mode_never_shows_the_welcome(qapp, tmp_path):
    db = str(tmp_path / "office.sqlite")
    shown: list[bool] = []

    def look() -> None:
        shown.append(isinstance(QApplication.activeModalWidget(), WelcomeDialog))

    QTimer.singleShot(100, look)
    assert run_gui(smoke=True, db=db) == 0
    assert shown == [False]
    from assistant.model.first_start import needs_welcome
    from assistant.model.storage import CaseStore

    with CaseStore.open(db) as store:
        assert needs_welcome(store), "still a new office: the next real start greets it"
