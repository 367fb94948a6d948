"""The GUI session: settings choose the language and the data folder; a change rebuilds it."""

from __future__ import annotations

from assistant.model.settings import DATA_FOLDER, LANGUAGE


def test_language_and_data_folder_changes_rebuild_the_window(qtbot, tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    from assistant.app import Session

    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, str(root / "tools" / "build_translations.py")], check=True,
                   capture_output=True)
    session = Session(db=None, language=None)
    try:
        window = session.open()
        qtbot.addWidget(window)
        assert window.file_menu.title() == "ファイル(&F)"
        titles = [a.text() for a in window.menuBar().actions()]
        assert titles[-1] == window.help_menu.title()  # 事務所 and others come before ヘルプ
        first_db = session.store.path
        session.settings.set(LANGUAGE, "en")
        session.settings.set(DATA_FOLDER, str(tmp_path / "elsewhere"))
        session.reload()
        qtbot.addWidget(session.window)
        assert session.window.file_menu.title() == "&File"
        assert session.store.path == tmp_path / "elsewhere" / "cases.sqlite"
        assert session.store.path != first_db
    finally:
        session.close()
        from assistant.ui.i18n import install_translators

        install_translators("ja")


def test_a_case_of_an_unknown_procedure_gets_a_message(qtbot, store, main_window, monkeypatch):
    from assistant.model.case import Case
    from assistant.ui import ask

    case = store.import_case(Case(id="", procedure="future-procedure", values={"name": "X"}))
    shown: list[str] = []
    monkeypatch.setattr(ask, "warning", lambda _p, _t, text, *a: shown.append(text))
    main_window.reload_cases()
    main_window.open_case(case.id)
    assert shown and main_window.editor is None


def test_start_up_shows_the_window_then_adds_the_expiry_banner_and_office_menu(qtbot):
    """At start-up the office parts follow the window in the event loop's first turn."""
    from datetime import date, timedelta

    from assistant.app import Session, database_path
    from assistant.model.office import OfficeStore, StaffCategory, StaffProfile
    from assistant.model.storage import CaseStore

    session = Session(db=None, language="ja")
    path = database_path(session.settings, None)
    path.parent.mkdir(parents=True, exist_ok=True)
    with CaseStore.open(path) as cases:  # a certificate that expires tomorrow (real today)
        OfficeStore(cases).save(StaffProfile(
            id="s1", name="法務　太郎", category=StaffCategory.GYOSEISHOSHI,
            certificate_number="123456789012", email="taro@example.jp",
            certificate_expiry=date.today() + timedelta(days=1)))
    try:
        window = session.open(defer_office=True)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: session.office is not None, timeout=5000)
        banner = session.office.banner  # type: ignore[attr-defined]
        # Shown at once with the list (no turn of the loop with an empty window in between).
        assert banner.isVisible() and "あと1日" in banner.texts()[0]
        assert window.list_page.isVisible()
        titles = [a.text() for a in window.menuBar().actions()]
        assert "事務所(&O)" in titles
        assert titles[-1] == window.help_menu.title()
    finally:
        session.close()


STARTUP_PROBE = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

import assistant.app as app_module

seen = {}
real_exec = QApplication.exec


def exec_and_look():
    # at the first paint (the window is shown, the event loop has not turned yet)
    seen["first"] = {name: name in sys.modules for name in DEFERRED}
    seen["hook_before"] = sys.excepthook.__qualname__

    def after_first_turn():
        seen["hook_after"] = getattr(sys.excepthook, "__self__", None).__class__.__name__
        from PySide6.QtWidgets import QToolBar

        actions = window().findChild(QToolBar).actions()
        seen["icons"] = bool(actions) and all(not a.icon().isNull() for a in actions)

    QTimer.singleShot(50, after_first_turn)
    return real_exec()


def window():
    from assistant.ui.main_window import MainWindow

    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))


DEFERRED = ["assistant.crash", "assistant.ui.office.exception_dialog", "assistant.ui.backup_dialog",
            "assistant.model.storage.location", "assistant.model.storage.backups",
            "assistant.model.codelists", "openpyxl", "pypdf", "PIL"]
QApplication.exec = staticmethod(exec_and_look)
code = app_module.run_gui(smoke=True)
print(repr((code, seen)))
"""


def test_the_first_paint_leaves_the_crash_hooks_and_icons_to_the_first_turn(tmp_path):
    """Start-up shows the window before loading what it does not draw; all of it follows."""
    import ast
    import os
    import subprocess
    import sys

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-c", STARTUP_PROBE], capture_output=True,
                          text=True, timeout=60, env=env)
    assert proc.returncode == 0, proc.stderr
    code, seen = ast.literal_eval(proc.stdout.strip().splitlines()[-1])
    assert code == 0
    assert seen["first"] == dict.fromkeys(seen["first"], False)
    assert seen["hook_before"] == "_CrashHooks._early_hook"   # a crash now is still reported
    assert seen["hook_after"] == "CrashHandler"                # the real hooks, installed
    assert seen["icons"] is True
