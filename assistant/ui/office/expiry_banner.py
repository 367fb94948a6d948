"""The main window's banner with the office's expiry warnings."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from assistant.model.expiry import ExpiryWarning

_ERROR_STYLE = "background:#fde8e8; color:#7a1010; border:1px solid #e0a0a0; padding:6px;"
_WARNING_STYLE = "background:#fff5d6; color:#5c4300; border:1px solid #e6c96a; padding:6px;"


class ExpiryBanner(QFrame):
    """Shows each current warning (password / 届出済証明書); hidden when there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("expiryBanner")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(8, 6, 8, 6)
        self._layout.setSpacing(4)
        self.labels: list[QLabel] = []
        self.hide()

    def set_warnings(self, warnings: Sequence[ExpiryWarning], language: str = "ja") -> None:
        """Replace the shown warnings (most urgent first, as given)."""
        for label in self.labels:
            self._layout.removeWidget(label)
            label.deleteLater()
        self.labels = []
        for warning in warnings:
            label = QLabel(warning.message(language), self)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setStyleSheet(_ERROR_STYLE if warning.problem.is_error else _WARNING_STYLE)
            label.setProperty("severity", warning.problem.severity.value)
            self._layout.addWidget(label)
            label.show()
            self.labels.append(label)
        self.setVisible(bool(self.labels))
        self._layout.activate()
        self.updateGeometry()

    def texts(self) -> list[str]:
        return [label.text() for label in self.labels]
