"""Start the GUI: the composition root.

Here, and only here, the application's parts are made and handed to the windows: the settings,
the case store, the clock (``today``), the change broadcast (:class:`CaseEvents`), the office
parts (expiry banner, 事務所 menu) and the crash hooks. Windows receive them; none of them
opens a store or reads the clock of its own.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from types import TracebackType

    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from assistant.crash import CrashHandler
    from assistant.model.settings import Settings
    from assistant.model.storage import CaseStore
    from assistant.ui.main_window import MainWindow
    from assistant.ui.office.integration import OfficeAttachment
    from assistant.ui.ops.events import CaseEvents


def database_path(settings: Settings, db: str | None) -> Path:
    """``--db`` wins, then the data folder chosen in the settings, then the default."""
    from assistant.model import paths
    from assistant.model.settings import DATA_FOLDER

    if db:
        return paths.db_path(db)
    folder = str(settings.get(DATA_FOLDER))
    if folder:
        return Path(folder).expanduser() / paths.DB_FILE_NAME
    return paths.default_db_path()


class Session:
    """The open store and window; rebuilt when the language or the data folder changes."""

    def __init__(self, db: str | None, language: str | None,
                 today: Callable[[], date] = date.today) -> None:
        from assistant.model.settings import Settings

        self.db = db
        self.language_override = language
        self.today = today
        self.settings: Settings = Settings()
        self.store: CaseStore | None = None
        self.events: CaseEvents | None = None
        self.window: MainWindow | None = None
        self.office: OfficeAttachment | None = None  # the expiry banner and 事務所 menu

    def open(self, defer_office: bool = False) -> MainWindow:
        """Build the window; ``defer_office`` adds the office parts once the event loop runs.

        At start-up the window is shown first: the expiry banner and the 事務所 menu (they
        read the staff table and import the office modules) follow in the event loop's first
        turn, before the user can do anything.
        """
        from assistant.model.settings import LANGUAGE
        from assistant.model.storage import CaseStore, StorageError
        from assistant.ui.i18n import install_translators
        from assistant.ui.main_window import MainWindow
        from assistant.ui.ops.events import CaseEvents

        language = self.language_override or str(self.settings.get(LANGUAGE))
        install_translators(language)
        path = database_path(self.settings, self.db)
        # A damaged or lost database offers its backups; an unusable data folder is said in a
        # message; either may end the start (StartAborted). A large database closed cleanly
        # last time is checked once the window shows (check_store), not before.
        try:
            self.store = CaseStore.open(path, check_later=True)
        except StorageError:
            # (the backup dialog and its checks are imported only then: start-up is quicker)
            from assistant.ui.backup_dialog import open_store_at_start

            self.store = open_store_at_start(path, self.settings)
        from assistant.model.office import OfficeStore

        self.events = CaseEvents()
        window = self.window = MainWindow(self.store, self.settings, today=self.today,
                                          events=self.events, office=OfficeStore(self.store))
        window.reload_requested.connect(self.reload)
        if defer_office:
            from PySide6.QtCore import QTimer

            # Bound to the window: never runs for a window already closed by a reload.
            QTimer.singleShot(0, window, lambda: self._attach_office(window, language))
        else:
            self._attach_office(window, language)
        return window

    def _attach_office(self, window: MainWindow, language: str) -> None:
        """The expiry banner and the 事務所 menu, before the ヘルプ menu."""
        if window is not self.window or self.store is None:
            return
        from assistant.ui.office.integration import attach_office

        self.office = attach_office(window, window.office, language, today=self.today)
        window.keep_help_menu_last()

    def reload(self) -> None:
        """Close the window and store, then open them again with the new settings."""
        old_window, old_store = self.window, self.store
        self.language_override = None  # the settings now say what the user wants
        if old_window is not None:
            old_window.close()
            old_window.deleteLater()
        if old_store is not None:
            old_store.close()
        try:
            window = self.open()
            window.show()
            check_store(window)
        except Exception as exc:
            if not _start_aborted(exc):
                raise
            from PySide6.QtWidgets import QApplication

            QApplication.quit()   # the user was told why; nothing left to show

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None


def _start_aborted(exc: Exception) -> bool:
    """Whether ``exc`` ends the start on purpose (the backup dialog said why)."""
    if type(exc).__name__ != "StartAborted":   # (no import of the dialog for the usual start)
        return False
    from assistant.ui.backup_dialog import StartAborted

    return isinstance(exc, StartAborted)


def _ensure_checked(store: CaseStore, *, progress: object = None,
                    cancelled: object = None) -> str | None:
    return store.ensure_checked()


def check_store(window: MainWindow, then: Callable[[], object] | None = None) -> None:
    """The damage check the store left for later (a large database whose last session ended
    cleanly), in a worker thread once the window shows; a write asked for meanwhile waits for
    it. Damage is met as at open: the store refuses every write and the office sees the same
    message with the backups to restore from (the window is rebuilt after a restore or an
    empty start). ``then`` runs once the database is known intact."""
    store = window.store
    if not store.check_pending:
        if then is not None and store.damage is None:
            then()
        return
    from assistant.ui.ops.bridge import Operation

    def answered(report: str | None) -> None:
        if report is None:
            if then is not None:
                then()
            return
        from assistant.ui.backup_dialog import offer_restore

        offer_restore(window, store, window.settings, report, window.reload_requested.emit)

    Operation(_ensure_checked, store, parent=window).on_success(answered).start()


def _start_checks(window: MainWindow) -> None:
    """After the first paint: the damage check if left for later, then the data folder's
    location, the full check and the day's backup."""
    from assistant.ui.backup_dialog import start_checks

    check_store(window, lambda: start_checks(window, window.store, window.settings,
                                             reload=window.reload_requested.emit))


class _CrashHooks:
    """The crash hooks (reports in <data>/logs, a dialog on the GUI thread), installed late.

    Until :meth:`install` runs, a light ``sys.excepthook`` stands in: an exception then
    installs the real hooks at once and hands them the report, so nothing goes unreported.
    """

    def __init__(self) -> None:
        self._installed: tuple[CrashHandler, object] | None = None
        self._previous = sys.excepthook
        sys.excepthook = self._early_hook

    def _early_hook(self, exc_type: type[BaseException], exc: BaseException,
                    tb: TracebackType | None) -> None:
        self.install()
        assert self._installed is not None
        self._installed[0].handle(exc_type, exc, tb)

    def install(self) -> None:
        if self._installed is not None:
            return
        from assistant.ui.office.integration import install_crash_dialog

        sys.excepthook = self._previous
        self._installed = install_crash_dialog()

    def uninstall(self) -> None:
        if self._installed is None:
            sys.excepthook = self._previous
            return
        from assistant.ui.ops.bridge import use_crash_handler

        self._installed[0].uninstall()
        use_crash_handler(None)
        self._installed = None


def application_icon() -> QIcon:
    """The application icon in the sizes window managers and task bars ask for."""
    from PySide6.QtGui import QIcon

    from assistant.resources import resource_path

    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        icon.addFile(str(resource_path("icons", f"assistant-{size}.png")))
    return icon


def _quit_after(app: QApplication, seconds: float) -> None:
    """End the event loop ``seconds`` from now (``--smoke``), to the millisecond: a single-shot
    QTimer is coarse (190–215 ms for 200), more than the start-up benchmark's differences;
    its bare window quits the same way."""
    import time

    from PySide6.QtCore import QTimer

    deadline = time.perf_counter() + seconds
    poll = QTimer(app)
    poll.timeout.connect(lambda: app.quit() if time.perf_counter() >= deadline else None)
    poll.start(2)


def run_gui(smoke: bool = False, db: str | None = None, language: str | None = None) -> int:
    """Open the main window; with ``smoke`` let the event loop turn once and exit 0."""
    if smoke and not os.environ.get("QT_QPA_PLATFORM") and sys.platform.startswith("linux") \
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from assistant import APP_ID, APP_NAME

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    hooks = _CrashHooks()
    session = Session(db, language)
    try:
        window = session.open(defer_office=True)
    except Exception as exc:
        if not _start_aborted(exc):
            raise
        hooks.uninstall()   # the user was told why (unusable data folder, no backup restored)
        return 1
    window.show()
    # Nor are the application icon (its seven sizes read for the task bar) and the crash hooks
    # with their dialog needed for the first paint: both follow in the event loop's first turn
    # (a crash before that installs the hooks at once, see _CrashHooks).
    QTimer.singleShot(0, lambda: app.setWindowIcon(application_icon()))
    QTimer.singleShot(0, hooks.install)
    if smoke:
        _quit_after(app, 0.2)
    else:
        from functools import partial

        from assistant.ui.welcome import welcome_new_office

        # First start on a new machine: greet the office once the window is on screen (queued
        # after the deferred office parts, so the 事務所 menu is already there).
        QTimer.singleShot(0, window, partial(welcome_new_office, window))
        # the data folder's location, the full integrity check and the day's backup
        QTimer.singleShot(0, window, partial(_start_checks, window))
    try:
        return int(app.exec())
    finally:
        session.close()
        hooks.uninstall()
