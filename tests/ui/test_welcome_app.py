"""The application's first start: `assistant` greets a new office once, never in --smoke mode.

Each start runs in its own process (run_gui owns the event loop and leaves application-wide
state behind), driven by a small script that answers the welcome and reports what it saw.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from assistant.model.first_start import needs_welcome
from assistant.model.storage import CaseStore

ROOT = Path(__file__).resolve().parents[2]

DRIVER = r'''
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from assistant.app import run_gui
from assistant.ui.main_window import MainWindow
from assistant.ui.welcome import WelcomeDialog

db, answer = sys.argv[1], sys.argv[2]
app = QApplication(sys.argv[:1])
seen = {"welcome": False}

def finish():
    [window] = [w for w in QApplication.topLevelWidgets()
                if isinstance(w, MainWindow) and w.isVisible()]
    seen["selected"] = window.list_page.current_case_id()
    seen["rows"] = window.model.rowCount()
    seen["icon"] = not app.windowIcon().isNull()
    app.quit()

def poll(tries=0):
    dialog = QApplication.activeModalWidget()
    if isinstance(dialog, WelcomeDialog):
        seen["welcome"] = True
        (dialog.start_button if answer == "start" else dialog.skip_button).click()
        QTimer.singleShot(0, finish)
    elif tries < 40:
        QTimer.singleShot(25, lambda: poll(tries + 1))
    else:
        finish()

QTimer.singleShot(0, poll)
seen["exit"] = run_gui(db=db)
print(json.dumps(seen))
'''


def start(db: Path, answer: str) -> dict[str, object]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-c", DRIVER, str(db), answer], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    result: dict[str, object] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def test_first_start_greets_and_lists_the_sample_then_never_again(tmp_path):
    db = tmp_path / "office.sqlite"
    first = start(db, "start")
    assert first["welcome"] and first["icon"] and first["exit"] == 0
    assert first["rows"] == 1 and first["selected"]

    second = start(db, "skip")
    assert second["welcome"] is False, "an office that was greeted is not greeted again"
    assert second["rows"] == 1


def test_smoke_mode_never_shows_the_welcome(tmp_path):
    db = tmp_path / "office.sqlite"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-m", "assistant", "--smoke", "--db", str(db)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    with CaseStore.open(db) as store:
        assert needs_welcome(store), "still a new office: the next real start greets it"
