"""Taking the bulk workbook back in after staff edited it in Excel: what will change, and why
some rows will not be taken.

:func:`assistant.model.exports.jobs.read_workbook` (run off the GUI thread) reads and checks
the workbook against the cases in the store; :class:`ImportReportDialog` shows how many cases
will be created and updated and every problem per sheet, cell and header (rows with an error
are not taken); :func:`assistant.model.exports.jobs.apply_import` writes the accepted rows.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from assistant.model.exports.xlsx_import import ImportResult
from assistant.ui import texts


class ImportReportDialog(QDialog):
    """What the workbook would change, and each cell problem; 取り込む takes the good rows."""

    def __init__(self, result: ImportResult, file_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("一括申請ファイル（Excel）の取り込み"))
        created = sum(1 for row in result.imported if row.created)
        updated = sum(1 for row in result.imported if row.changed)
        same = len(result.imported) - created - updated
        layout = QVBoxLayout(self)
        summary = QLabel(self.tr(
            "{0}: 新しい案件 {1} 件、更新する案件 {2} 件を取り込めます"
            "（変更のない案件 {3} 件）。").format(file_name, created, updated, same))
        summary.setWordWrap(True)
        layout.addWidget(summary)
        self.summary = summary
        problems = [p for row in result.rejected + result.imported for p in row.problems]
        problems.sort(key=lambda p: (p.row, p.sheet, p.column))
        if result.rejected:
            rejected = QLabel(self.tr(
                "次の問題がある {0} 行は取り込みません（Excelで直してから、もう一度取り込んで"
                "ください）。").format(len(result.rejected)))
            rejected.setWordWrap(True)
            layout.addWidget(rejected)
        elif problems:
            layout.addWidget(QLabel(self.tr("注意（取り込みはできます）:")))
        headers = [self.tr("シート"), self.tr("セル"), self.tr("項目"), self.tr("値"),
                   self.tr("問題")]
        self.table = QTableWidget(len(problems), len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.setAccessibleName(self.tr("取り込めない行の問題"))
        for number, problem in enumerate(problems):
            cells = [problem.sheet, f"{problem.column}{problem.row}", problem.header,
                     problem.value, problem.problem.message(texts.language())]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(problem.describe(texts.language()))
                self.table.setItem(number, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        self.table.setVisible(bool(problems))
        layout.addWidget(self.table, 1)

        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            self.tr("取り込む(&I)"), QDialogButtonBox.ButtonRole.AcceptRole)
        takes = created + updated > 0
        self.import_button.setEnabled(takes)
        cancel = self.buttons.addButton(self.tr("キャンセル"),
                                        QDialogButtonBox.ButtonRole.RejectRole)
        (self.import_button if takes else cancel).setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        wide = self.fontMetrics().horizontalAdvance("あ")
        self.resize(wide * 60, self.fontMetrics().lineSpacing() * (min(len(problems), 12) * 2
                                                                   + 10))
