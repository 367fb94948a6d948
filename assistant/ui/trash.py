"""The recycle bin (ゴミ箱): deleted cases, restorable."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assistant.model.dates import format_moment
from assistant.model.storage import CaseStore, StorageError
from assistant.ui import ask, texts

_CASE_ID = Qt.ItemDataRole.UserRole


class TrashDialog(QDialog):
    """Deleted cases with a restore button.

    Attributes:
        restored: ids of the cases restored while the dialog was open.
    """

    def __init__(self, store: CaseStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.restored: list[str] = []
        self.setWindowTitle(self.tr("ゴミ箱"))
        self.cases = QListWidget()
        label = QLabel(self.tr("ゴミ箱の案件(&C):"))
        label.setBuddy(self.cases)
        self.restore_button = QPushButton(self.tr("元に戻す(&R)"))
        self.restore_button.clicked.connect(self._on_restore_button_clicked)
        # Enter reaches the default button (元に戻す) once; itemActivated would restore a second
        # case, as the dialog also passes Enter on to its default button.
        self.restore_button.setDefault(True)
        self.cases.itemDoubleClicked.connect(self._on_restore_button_clicked)
        buttons = QDialogButtonBox()
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("閉じる"))
        buttons.rejected.connect(self.reject)
        self.close_button = close
        self.empty_label = QLabel(self.tr(
            "ゴミ箱は空です。\n一覧で削除した案件はここに入り、いつでも元に戻せます。"))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.cases, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addWidget(buttons)
        self.resize(560, 380)
        self._fill()

    def _fill(self) -> None:
        self.cases.clear()
        for summary in self.store.list_deleted():
            name = summary.name or self.tr("（氏名未入力）")
            deleted = format_moment(summary.deleted_at, texts.language()) \
                if summary.deleted_at else ""   # 2026年11月26日（令和8年） 10:30
            item = QListWidgetItem(self.tr("{0}　{1}（削除: {2}）").format(
                name, texts.procedure_label(summary.procedure), deleted))
            item.setData(_CASE_ID, summary.id)
            self.cases.addItem(item)
        if self.cases.count():
            self.cases.setCurrentRow(0)
        empty = self.cases.count() == 0
        self.restore_button.setEnabled(not empty)
        self.cases.setVisible(not empty)
        self.empty_label.setVisible(empty)
        if empty:
            self.close_button.setFocus()  # nothing to restore: Enter or Esc closes

    @Slot()
    def _on_restore_button_clicked(self) -> None:
        item = self.cases.currentItem()
        if item is None:
            return
        case_id = str(item.data(_CASE_ID))
        try:
            self.store.restore(case_id)
        except StorageError as exc:
            ask.error(self, exc)
            return
        self.restored.append(case_id)
        self._fill()
