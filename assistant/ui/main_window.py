"""The main window: the office's list of cases."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow


class MainWindow(QMainWindow):
    """Top-level window of the assistant."""

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("在留申請 準備アシスタント"))
        self.setCentralWidget(QLabel(self.tr("案件はまだありません。")))
        self.resize(1100, 700)
