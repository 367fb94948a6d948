"""Kill the application while the user is typing: starting again loses nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.ui.conftest import TODAY

ROOT = Path(__file__).resolve().parents[2]

# The child opens the real main window on the database, opens the case, and types into fields
# with the keyboard; after each keystroke it reports on stdout, and keeps the field focused
# (never leaves it), so only the store-as-you-type path can have saved the text.
CHILD = textwrap.dedent("""
    import sys
    from datetime import date
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from assistant.model.settings import Settings
    from assistant.model.storage import CaseStore
    from assistant.ui.i18n import install_translators
    from assistant.ui.main_window import MainWindow
    install_translators("ja")
    store = CaseStore.open(sys.argv[1])
    window = MainWindow(store, Settings(), today=lambda: date.fromisoformat(sys.argv[3]))
    window.show()
    window.open_case(sys.argv[2])
    editor = window.editor
    editor.go_to_step(editor.flow.step_of("name"))
    field = editor.editors["name"][0].input
    field.setFocus()
    for char in "NGUYEN VAN AN":
        QTest.keyClick(field, char)
        app.processEvents()
        print("typed", char, flush=True)
    editor.go_to_step(editor.flow.step_of("occupation"))
    occupation = editor.editors["occupation"][0].input
    occupation.setFocus()
    QTest.keyClicks(occupation, "engineer")
    print("done", flush=True)
    sys.stdin.readline()  # wait to be killed
""")


@pytest.mark.slow
def test_killed_while_typing_loses_nothing(qtbot, store, settings, japanese, tmp_path):
    from assistant.model.storage import CaseStore
    from assistant.ui.main_window import MainWindow

    case = store.create("renewal", {"expiry_date": "20270115"})
    db = str(store.path)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    child = subprocess.Popen([sys.executable, "-c", CHILD, db, case.id, TODAY.isoformat()],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, cwd=ROOT,
                             text=True)
    try:
        lines = []
        while True:
            line = child.stdout.readline()
            assert line, "the child stopped before typing everything"
            lines.append(line.strip())
            if line.startswith("done"):
                break
        child.send_signal(signal.SIGKILL)  # no chance to save anything on the way out
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == -signal.SIGKILL
    assert len([x for x in lines if x.startswith("typed")]) == len("NGUYEN VAN AN")

    # Start again: the store and the reopened wizard show everything typed.
    reopened = CaseStore.open(db)
    try:
        assert reopened.get(case.id).values["name"] == "NGUYEN VAN AN"
        assert reopened.get(case.id).values["occupation"] == "engineer"
        window = MainWindow(reopened, settings, today=lambda: TODAY)
        qtbot.addWidget(window)
        window.open_case(case.id)
        editor = window.editor
        editor.go_to_step(editor.flow.step_of("name"))
        assert editor.editors["name"][0].value() == "NGUYEN VAN AN"
        window.show_list()
        assert "NGUYEN VAN AN" in [r.name for r in window.model.rows]
    finally:
        reopened.close()
