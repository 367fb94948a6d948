"""Put the office pieces into the main window without the main window knowing them.

``attach_office(window, store)`` adds the expiry banner above the window's central widget and
an 事務所(&O) menu with the staff dialog; ``install_crash_dialog(window)`` installs the crash
hooks (:mod:`assistant.crash`) and shows their reports in a dialog on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from assistant.crash import CrashHandler
    from assistant.model.office import OfficeStore
    from assistant.model.storage import CaseStore

# The office modules are imported where they are used: install_crash_dialog() runs before the
# main window is built and must stay cheap (see benchmarks/startup.py).

REFRESH_MS = 60 * 60 * 1000


class OfficeAttachment(QObject):
    """The banner and menu added to one main window; ``refresh()`` re-reads the staff."""

    def __init__(self, window: QMainWindow, store: CaseStore | OfficeStore,
                 today: Callable[[], date] = date.today, language: str = "ja") -> None:
        from assistant.model.office import OfficeStore
        from assistant.ui.office.expiry_banner import ExpiryBanner

        super().__init__(window)
        self.window = window
        self.office = store if isinstance(store, OfficeStore) else OfficeStore(store)
        self._today = today
        self._language = language
        central = window.takeCentralWidget()
        container = QWidget(window)
        layout = QVBoxLayout(container)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.banner = ExpiryBanner(container)
        layout.addWidget(self.banner)
        if central is not None:
            layout.addWidget(central, 1)
        window.setCentralWidget(container)
        if window.isVisible():
            container.show()  # added to a shown window (start-up): show it now, not next turn

        menu = window.menuBar().addMenu(self.tr("事務所(&O)"))
        self.staff_action = QAction(self.tr("担当者とログイン情報(&S)…"), window)
        self.staff_action.triggered.connect(self._on_staff_action_triggered)
        menu.addAction(self.staff_action)
        # The app may stay open for days: look at the dates again every hour.
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.refresh()

    def refresh(self) -> None:
        """Show the expiry warnings of every staff member for today."""
        from assistant.model.expiry import office_warnings

        self.banner.set_warnings(office_warnings(self.office.list(), self._today()),
                                 self._language)

    @Slot()
    def _on_staff_action_triggered(self) -> None:
        from assistant.model.credentials import CredentialStore
        from assistant.ui.office.office_dialog import OfficeDialog

        dialog = OfficeDialog(self.office, CredentialStore(), self._today(), self.window,
                              language=self._language)
        dialog.staffChanged.connect(self.refresh)
        dialog.exec()
        dialog.deleteLater()


def attach_office(window: QMainWindow, store: CaseStore | OfficeStore, language: str = "ja",
                  today: Callable[[], date] = date.today) -> OfficeAttachment:
    return OfficeAttachment(window, store, today, language)


def install_crash_dialog(window: QWidget | None = None) -> tuple[CrashHandler, QObject]:
    """Install the crash hooks (reports in <data>/logs) and show each report in a dialog.

    Keep both returned objects for the life of the application.
    """
    from assistant import crash
    from assistant.ui.office.exception_dialog import CrashBridge
    from assistant.ui.ops.bridge import use_crash_handler

    handler = crash.install()
    bridge = CrashBridge(window)
    bridge.attach(handler)
    use_crash_handler(handler)  # failed operations report through the same hooks
    return handler, bridge
