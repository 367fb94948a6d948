"""Start the GUI: application object, translations, main window."""

from __future__ import annotations

import os
import sys


def run_gui(smoke: bool = False, db: str | None = None, language: str | None = None) -> int:
    """Open the main window; with ``smoke`` let the event loop turn once and exit 0."""
    if smoke and not os.environ.get("QT_QPA_PLATFORM") and sys.platform.startswith("linux") \
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from assistant import APP_ID, APP_NAME
    from assistant.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    window = MainWindow()
    window.show()
    if smoke:
        QTimer.singleShot(200, app.quit)
    return int(app.exec())
