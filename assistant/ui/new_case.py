"""Choose the procedure of a new case (only procedures that can be filed online)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from assistant.ui import texts


class NewCaseDialog(QDialog):
    """A list of procedures; arrow keys and Enter choose one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("新しい案件"))
        label = QLabel(self.tr("申請種別(&K)を選んでください（オンラインで申請できるものだけを表示しています）:"))
        label.setWordWrap(True)
        self.procedures = QListWidget()
        for procedure_id in texts.case_procedures():
            item = QListWidgetItem(texts.procedure_label(procedure_id))
            item.setData(256, procedure_id)
            self.procedures.addItem(item)
        # Renewal is what offices file most; start there.
        renewal = [i for i in range(self.procedures.count())
                   if self.procedures.item(i).data(256) == "renewal"]
        self.procedures.setCurrentRow(renewal[0] if renewal else 0)
        self.procedures.itemActivated.connect(self.accept)
        label.setBuddy(self.procedures)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("作成"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("キャンセル"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.procedures)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("あ") * 28)
        self.procedures.setMinimumHeight(self.fontMetrics().lineSpacing() * 8)

    def procedure(self) -> str:
        item = self.procedures.currentItem()
        return str(item.data(256)) if item else "renewal"
