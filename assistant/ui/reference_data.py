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
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assistant.model import rules
from assistant.model.exports.refresh import RefreshReport, installed_reference
from assistant.ui import texts
from assistant.ui.operations import run_with_progress


def _install(workbook: str, procedure: str, on: str, *, progress: object = None,
             cancelled: object = None) -> RefreshReport:
    """Run by :class:`Operation`: read the workbook and install what changed."""
    from assistant.model.exports.refresh import install_reference

    return install_reference(workbook, procedure, on=on)


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
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("ISAの一括申請用テンプレート"), str(Path.home()),
            self.tr("Excel ブック (*.xlsm *.xlsx)"))
        if not path:
            return
        procedures = rules.main_procedure_ids()
        labels = [texts.procedure_label(pid) for pid in procedures]
        chosen, ok = QInputDialog.getItem(self, self.tr("参照データの更新"), self.tr(
            "このテンプレートの申請種別(&P):"), labels, 0, False)
        if not ok:
            return
        procedure = procedures[labels.index(chosen)]
        self.refresh_button.setEnabled(False)
        # no 中止: openpyxl cannot be interrupted while it reads
        run_with_progress(_install, path, procedure, self.today.isoformat(), parent=self,
                          title=self.tr("参照データの更新"),
                          label=self.tr("{0} を読んでいます…").format(Path(path).name),
                          on_success=self._on_operation_succeeded,
                          on_failure=self._on_operation_failed, show_after_ms=300)

    def _end(self) -> None:
        self.refresh_button.setEnabled(True)
        self._update_status()

    @Slot(object)
    def _on_operation_succeeded(self, report: RefreshReport) -> None:
        self._end()
        text = "\n".join(report.lines(texts.language()))
        if report.written:
            text += "\n\n" + self.tr("更新した選択肢は、次にこのプログラムを起動したときから使われます。")
        QMessageBox.information(self, self.tr("参照データの更新"), text)

    @Slot(object)
    def _on_operation_failed(self, error: object) -> None:
        self._end()
        QMessageBox.warning(self, self.tr("参照データの更新"),
                            texts.error_text(error) if isinstance(error, BaseException)
                            else str(error))

    @Slot()
    def _on_reset_button_clicked(self) -> None:
        from assistant.model.exports.refresh import reset_reference

        answer = QMessageBox.question(self, self.tr("参照データ"), self.tr(
            "更新した選択肢を消して、プログラムに含まれる選択肢に戻しますか？"
            "（次の起動から使われます）"))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            reset_reference()
        except OSError as exc:
            QMessageBox.warning(self, self.tr("参照データ"), self.tr(
                "元に戻せませんでした: {0}").format(exc.strerror or str(exc)))
        self._update_status()
