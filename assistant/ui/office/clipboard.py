"""Copy a secret to the clipboard and clear it again after a while."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QClipboard, QGuiApplication

from assistant.model.office import rules


def default_clear_ms() -> int:
    """``clipboard_clear_seconds`` from resources/office/rules.json (30 seconds, docs/domain.md#project-decisions)."""
    return int(rules()["clipboard_clear_seconds"]) * 1000


class SecretClipboard(QObject):
    """Puts one secret on the clipboard; clears it after ``clear_after_ms``.

    The clipboard is cleared only if it still holds that value (the user may have copied
    something else meanwhile). The KDE hint ``x-kde-passwordManagerHint: secret`` asks
    clipboard managers not to keep a history of it.

    The object belongs to the application, not to the widget that uses it (``owner``): closing
    the dialog right after copying must not stop the countdown. It also clears when the
    application quits, and deletes itself once its owner is gone and nothing is pending.
    """

    copied = Signal()
    cleared = Signal()

    def __init__(self, owner: QObject | None = None, clear_after_ms: int | None = None) -> None:
        super().__init__(QGuiApplication.instance())
        self.clear_after_ms = default_clear_ms() if clear_after_ms is None else clear_after_ms
        self._value = ""
        self._orphan = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        # Coarse timers may fire up to 5 % early: the secret stays its full time, not less.
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._on_timer_timeout)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.aboutToQuit.connect(self.clear_now)
        if owner is not None:
            owner.destroyed.connect(self._on_owner_destroyed)

    @staticmethod
    def _clipboard() -> QClipboard:
        return QGuiApplication.clipboard()

    def copy(self, value: str) -> None:
        """Put ``value`` on the clipboard and start the countdown."""
        mime = QMimeData()
        mime.setText(value)
        mime.setData("x-kde-passwordManagerHint", b"secret")
        self._clipboard().setMimeData(mime)
        self._value = value
        self._timer.start(self.clear_after_ms)
        self.copied.emit()

    def is_pending(self) -> bool:
        return self._timer.isActive()

    @Slot()
    def clear_now(self) -> None:
        """Clear the clipboard now if it still holds the secret."""
        self._timer.stop()
        if self._value and self._clipboard().text() == self._value:
            self._clipboard().clear()
        self._value = ""
        self.cleared.emit()
        if self._orphan:
            self.deleteLater()

    @Slot()
    def _on_timer_timeout(self) -> None:
        self.clear_now()

    @Slot()
    def _on_owner_destroyed(self) -> None:
        self._orphan = True
        if not self._timer.isActive():
            self.deleteLater()
