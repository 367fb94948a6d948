"""Show a crash report on the GUI thread, whichever thread crashed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assistant.crash import CrashHandler


class ExceptionDialog(QDialog):
    """The (already redacted) report, where it was saved, and a button to copy it."""

    def __init__(self, report: str, path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("予期しないエラー"))
        layout = QVBoxLayout(self)
        if path:
            text = self.tr("予期しないエラーが発生しました。エラーの記録を保存しました:\n{path}\n"
                           "（パスワードなどの秘密情報は含まれません）").format(path=path)
        else:
            text = self.tr("予期しないエラーが発生しました。エラーの記録はファイルに保存できませんでした"
                           "（ディスクの空きや権限を確認してください）。")
        self.message = QLabel(text, self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        hint = QLabel(self.tr("問題が続く場合は、下の記録をサポート担当者に送ってください。"), self)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.details = QPlainTextEdit(report, self)
        self.details.setReadOnly(True)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        layout.addWidget(self.details, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(self.tr("記録をコピー"), self)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 480)

    @Slot()
    def _on_copy_button_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())


class CrashBridge(QObject):
    """Receives reports from any thread (signal, queued) and opens the dialog on the GUI thread.

    ``CrashBridge(parent_window).attach(handler)`` — create it on the GUI thread.
    """

    reported = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._parent_widget = parent
        self.dialogs: list[ExceptionDialog] = []
        self.reported.connect(self._on_self_reported)

    def attach(self, handler: CrashHandler) -> None:
        handler.add_listener(self._on_report)

    def _on_report(self, text: str, path: Path | None) -> None:
        # May run on any thread: only emit (a queued connection crosses to the GUI thread).
        self.reported.emit(text, "" if path is None else str(path))

    @Slot(str, str)
    def _on_self_reported(self, text: str, path: str) -> None:
        dialog = ExceptionDialog(text, path, self._parent_widget)
        self.dialogs.append(dialog)
        dialog.finished.connect(lambda _result, d=dialog: self._forget(d))
        dialog.show()

    def _forget(self, dialog: ExceptionDialog) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)
        dialog.deleteLater()
