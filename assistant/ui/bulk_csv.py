"""The bulk-application CSV export: its options dialog and the Shift_JIS character report.

:class:`BulkCsvDialog` asks where the files go, in which encoding (UTF-8 with BOM, or
Shift_JIS) and whether pull-down cells carry labels or codes. When a Shift_JIS export cannot
carry some characters, nothing is written and :class:`CharacterReportDialog` lists each one
per applicant and field, with the suggested replacement; the user may put the suggestions
into the cases and export again in one step.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from assistant.model.exports.bulk import CellIssue
from assistant.model.fields import catalogue
from assistant.ui import ask, texts


class BulkCsvDialog(QDialog):
    """Where and how to write the bulk CSV files of ``count`` cases."""

    def __init__(self, count: int, folder: str, encoding: str, cells: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("一括申請ファイル（CSV）を書き出す"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "一覧に表示している「入力完了」の案件 {0} 件を、一括申請用テンプレートの"
            "シートごとのCSVファイルに書き出します。").format(count))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)

        self.folder_edit = QLineEdit(folder)
        self.folder_edit.setAccessibleName(self.tr("保存先フォルダ"))
        self.folder_edit.textChanged.connect(self._update_ok)
        browse = QPushButton(self.tr("参照(&R)..."))
        browse.clicked.connect(self._on_browse_clicked)
        row = QHBoxLayout()
        row.addWidget(self.folder_edit, 1)
        row.addWidget(browse)
        folder_label = QLabel(self.tr("保存先フォルダ(&F):"))
        folder_label.setBuddy(self.folder_edit)
        form.addRow(folder_label, row)

        self.utf8_button = QRadioButton(self.tr("UTF-8（BOM付き）(&U)"))
        self.sjis_button = QRadioButton(self.tr("Shift_JIS(&S)"))
        self.encoding_group = QButtonGroup(self)
        encodings = QVBoxLayout()
        for button, value in ((self.utf8_button, "utf-8-sig"), (self.sjis_button, "cp932")):
            button.setProperty("value", value)
            button.setChecked(value == encoding)
            self.encoding_group.addButton(button)
            encodings.addWidget(button)
        if self.encoding_group.checkedButton() is None:
            self.utf8_button.setChecked(True)
        note = QLabel(self.tr(
            "Shift_JISでは、髙・﨑などの外字や機種依存文字は書けません。"
            "書き出す前に該当する申請人と項目を一覧にし、置き換え候補を示します。"))
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(placeholder-text);")
        encodings.addWidget(note)
        form.addRow(self.tr("文字コード:"), encodings)

        self.labels_button = QRadioButton(self.tr("表示名（例: 男 male）(&L)"))
        self.codes_button = QRadioButton(self.tr("コード（例: 1）(&C)"))
        self.cells_group = QButtonGroup(self)
        cell_modes = QVBoxLayout()
        for button, value in ((self.labels_button, "labels"), (self.codes_button, "codes")):
            button.setProperty("value", value)
            button.setChecked(value == cells)
            self.cells_group.addButton(button)
            cell_modes.addWidget(button)
        if self.cells_group.checkedButton() is None:
            self.labels_button.setChecked(True)
        form.addRow(self.tr("プルダウン項目:"), cell_modes)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("書き出す"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            self.tr("キャンセル"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._update_ok()
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("あ") * 38)

    def folder(self) -> str:
        return self.folder_edit.text().strip()

    def encoding(self) -> str:
        button = self.encoding_group.checkedButton()
        return str(button.property("value")) if button is not None else "utf-8-sig"

    def cells(self) -> str:
        button = self.cells_group.checkedButton()
        return str(button.property("value")) if button is not None else "labels"

    @Slot()
    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.folder()))

    @Slot()
    def _on_browse_clicked(self) -> None:
        chosen = ask.folder(self, self.tr("一括申請ファイルの保存先"),
                            self.folder() or str(Path.home()))
        if chosen is not None:
            self.folder_edit.setText(str(chosen))


class CharacterReportDialog(QDialog):
    """The characters a Shift_JIS export cannot carry: who, which field, what to use instead.

    ``accepted`` with :meth:`replace_chosen` True means: put the suggested replacements into
    the cases and export again.
    """

    def __init__(self, issues: Sequence[CellIssue], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Shift_JISで書けない文字があります"))
        self.issues = [i for i in issues if i.bad is not None]
        fixable = [i for i in self.issues if i.bad is not None and i.bad.suggestion]
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "次の文字はShift_JISのCSVに書けないため、何も書き出していません。"
            "置き換え候補で案件を直して書き出すか、案件を開いて直してください。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        headers = [self.tr("人目"), self.tr("申請人"), self.tr("項目"), self.tr("文字"),
                   self.tr("理由"), self.tr("置き換え候補")]
        self.table = QTableWidget(len(self.issues), len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAccessibleName(self.tr("書けない文字の一覧"))
        reasons = {"unencodable": self.tr("Shift_JISにない文字"),
                   "extension": self.tr("外字・機種依存文字"),
                   "changed": self.tr("別の文字に変わる")}
        for row, issue in enumerate(self.issues):
            assert issue.bad is not None
            cells = [str(issue.row), issue.applicant,
                     catalogue(issue.procedure).key_label(issue.key, texts.language()),
                     f"{issue.bad.char}（{issue.bad.codepoint}）",
                     reasons.get(issue.bad.issue.value, issue.bad.issue.value),
                     issue.bad.suggestion or self.tr("（候補なし: 手で直してください）")]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(issue.problem.message(texts.language()))
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.resizeRowsToContents()
        layout.addWidget(self.table, 1)

        self.buttons = QDialogButtonBox()
        self.replace_button = self.buttons.addButton(
            self.tr("候補に置き換えて書き出す(&R)"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.replace_button.setEnabled(bool(fixable))
        if len(fixable) < len(self.issues):
            left = QLabel(self.tr(
                "候補のない文字が {0} 件あります。置き換えても、その案件を直すまで"
                "Shift_JISでは書き出せません。").format(len(self.issues) - len(fixable)))
            left.setWordWrap(True)
            layout.addWidget(left)
        close = self.buttons.addButton(self.tr("閉じる"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        wide = self.fontMetrics().horizontalAdvance("あ")
        rows = sum(self.table.rowHeight(row) for row in range(min(len(self.issues), 12)))
        self.resize(max(wide * 56, self.table.horizontalHeader().length() + wide * 2),
                    rows + self.fontMetrics().lineSpacing() * 12)
