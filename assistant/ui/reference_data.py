"""The settings row for the reference data: which pull-down lists are in use, refresh them from
the official workbook the office downloaded from ISA, or go back to the shipped ones.

The reading runs off the GUI thread (a full official workbook takes a few seconds with
openpyxl); what changed is shown as the report's sentences. Installed lists are used from the
next start of the program (the lists in memory are not swapped under open cases).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from assistant.model import rules
from assistant.model.exports.refresh import RefreshReport, installed_reference
from assistant.ui import ask, texts


class ReferenceDataRow(QWidget):
    """Status of the reference data, with 更新 and 元に戻す buttons."""

    def __init__(self, today: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today or date.today()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("公式テンプレートから更新(&U)..."))
        self.refresh_button.clicked.connect(self._on_refresh_button_clicked)
        self.reset_button = QPushButton(self.tr("元に戻す(&O)"))
        self.reset_button.clicked.connect(self._on_reset_button_clicked)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.status)
        row = QHBoxLayout()
        row.addWidget(self.refresh_button)
        row.addWidget(self.reset_button)
        row.addStretch(1)
        column.addLayout(row)
        self._update_status()

    def _update_status(self) -> None:
        refreshes = installed_reference()
        self.reset_button.setEnabled(bool(refreshes))
        if not refreshes:
            self.status.setText(self.tr("プログラムに含まれる選択肢を使っています。"))
            return
        last = refreshes[-1]
        lists = sorted({name for r in refreshes for name in r.get("code_lists", [])})
        self.status.setText(self.tr("{0} に {1} から更新した選択肢を使っています（{2}）。").format(
            last.get("on") or "—", last.get("workbook", ""), "、".join(lists) or "—"))

    @Slot()
    def _on_refresh_button_clicked(self) -> None:
        from assistant.ui.ops.exports import install_reference

        path = ask.open_file(self, self.tr("ISAの一括申請用テンプレート"), Path.home(),
                             self.tr("Excel ブック (*.xlsm *.xlsx)"))
        if path is None:
            return
        procedures = rules.main_procedure_ids()
        labels = [texts.procedure_label(pid) for pid in procedures]
        chosen = ask.choose(self, self.tr("参照データの更新"), self.tr(
            "このテンプレートの申請種別(&P):"), labels)
        if chosen is None:
            return
        procedure = procedures[labels.index(chosen)]
        self.refresh_button.setEnabled(False)
        install_reference(self, path, procedure, self.today) \
            .on_success(self._on_installed).on_finish(self._end).start()

    def _end(self) -> None:
        self.refresh_button.setEnabled(True)
        self._update_status()

    def _on_installed(self, report: RefreshReport) -> None:
        text = "\n".join(report.lines(texts.language()))
        if report.written:
            text += "\n\n" + self.tr("更新した選択肢は、次にこのプログラムを起動したときから使われます。")
        ask.information(self, self.tr("参照データの更新"), text)

    @Slot()
    def _on_reset_button_clicked(self) -> None:
        from assistant.model.exports.refresh import reset_reference

        if not ask.question(self, self.tr("参照データ"), self.tr(
                "更新した選択肢を消して、プログラムに含まれる選択肢に戻しますか？"
                "（次の起動から使われます）")):
            return
        try:
            reset_reference()
        except OSError as exc:
            ask.warning(self, self.tr("参照データ"), self.tr(
                "元に戻せませんでした: {0}").format(ask.error_text(exc)))
        self._update_status()
