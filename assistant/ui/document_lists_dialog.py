"""Settings → 提出書類リスト: view and edit the document lists per status and procedure.

The office's edits are kept in the data folder and shadow the shipped list of the same name
(:func:`assistant.model.documents.save_office_list`); 元に戻す brings the shipped list back;
a list can be written to a file and read from one to share it between offices.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from assistant.model import documents as d
from assistant.ui import ask

translate = QCoreApplication.translate

# the item's entries, one column each
_COLUMNS = ("ja", "detail_ja", "en", "when", "source", "seen_date", "source_kind")


class DocumentListsDialog(QDialog):
    """One list at a time: its items for one procedure, editable in a table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("提出書類リスト"))
        self.resize(1000, 560)
        self._data: dict[str, Any] = {}
        self._originals: list[dict[str, Any]] = []

        self.list_combo = QComboBox()
        self.procedure_combo = QComboBox()
        for procedure, text in (("coe", self.tr("認定")), ("change", self.tr("変更")),
                                ("renewal", self.tr("更新"))):
            self.procedure_combo.addItem(text, procedure)
        self.origin = QLabel()
        self.origin.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("在留資格:")))
        top.addWidget(self.list_combo, 1)
        top.addWidget(QLabel(self.tr("申請:")))
        top.addWidget(self.procedure_combo)

        self.table = QTableWidget(0, len(_COLUMNS))
        self.table.setHorizontalHeaderLabels([
            self.tr("書類"), self.tr("詳細"), self.tr("英語"), self.tr("条件"), self.tr("出典"),
            self.tr("日付"), self.tr("出典の種類")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((260, 220, 160, 70, 160, 80)):
            self.table.setColumnWidth(column, width)
        self.table.setWordWrap(True)
        self.conditions = QLabel()
        self.conditions.setWordWrap(True)
        self.conditions.setStyleSheet("color: #555;")

        self.add_button = QPushButton(self.tr("行を追加"))
        self.remove_button = QPushButton(self.tr("行を削除"))
        self.save_button = QPushButton(self.tr("保存"))
        self.revert_button = QPushButton(self.tr("元に戻す"))
        self.export_button = QPushButton(self.tr("書き出す…"))
        self.import_button = QPushButton(self.tr("読み込む…"))
        self.close_button = QPushButton(self.tr("閉じる"))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.save_button,
                       self.revert_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.export_button, self.import_button, self.close_button):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.origin)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.conditions)
        layout.addLayout(buttons)

        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.revert_button.clicked.connect(self._on_revert_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.close_button.clicked.connect(self.accept)
        self._fill_lists()
        self.list_combo.currentIndexChanged.connect(self._on_selection_changed)
        self.procedure_combo.currentIndexChanged.connect(self._on_selection_changed)
        self._load()

    # --- API ---------------------------------------------------------------------------------
    def key(self) -> str:
        return str(self.list_combo.currentData() or "")

    def procedure(self) -> str:
        return str(self.procedure_combo.currentData())

    def select(self, key: str, procedure: str) -> None:
        self.procedure_combo.setCurrentIndex(self.procedure_combo.findData(procedure))
        self.list_combo.setCurrentIndex(self.list_combo.findData(key))
        self._load()

    def items(self) -> list[dict[str, Any]]:
        """The table's items, each keeping what the table does not show (copies, note)."""
        out = []
        for row in range(self.table.rowCount()):
            values = {}
            for column, key in enumerate(_COLUMNS):
                cell = self.table.item(row, column)
                values[key] = cell.text().strip() if cell is not None else ""
            if not values["ja"]:
                continue
            item = dict(self._originals[row]) if row < len(self._originals) else {}
            item.update(values)
            item["when"] = values["when"] or None
            item["seen_date"] = values["seen_date"] or None
            item["source_kind"] = values["source_kind"] or "office"
            item.setdefault("id", f"office_{row + 1}")
            item.setdefault("copies", None)
            out.append(item)
        return out

    # --- showing -----------------------------------------------------------------------------
    def _fill_lists(self) -> None:
        current = self.key()
        self.list_combo.blockSignals(True)
        self.list_combo.clear()
        for key in d.list_keys():
            name = d.raw_list(key).get("status_ja", key)
            mark = self.tr("（事務所版）") if d.is_office_list(key) else ""
            self.list_combo.addItem(f"{name}{mark}", key)
        self.list_combo.setCurrentIndex(max(self.list_combo.findData(current), 0))
        self.list_combo.blockSignals(False)

    def _load(self) -> None:
        key = self.key()
        if not key:
            return
        self._data = d.raw_list(key)
        proc = self._data["procedures"].setdefault(self.procedure(), {"documents": []})
        self._originals = [dict(item) for item in proc.get("documents", [])]
        self.table.setRowCount(0)
        for item in self._originals:
            self._add_row(item)
        if d.is_office_list(key):
            self.origin.setText(self.tr("事務所のリストです（データフォルダーに保存、出荷時の"
                                        "リストより優先）。「元に戻す」で出荷時のリストに戻ります。"))
        else:
            self.origin.setText(self.tr("出荷時のリストです（公開情報から集めた出発点、一部のみ）。"
                                        "保存すると事務所のリストになります。"))
        conditions = proc.get("conditions", [])
        self.conditions.setText(self.tr("「条件」に書ける条件: {0}").format(
            ", ".join(c["id"] for c in conditions) or "—"))
        self.conditions.setToolTip("\n".join(f"{c['id']}: {c.get('ja', '')}"
                                              for c in conditions))
        self.revert_button.setEnabled(d.is_office_list(key) and d.is_shipped_list(key))

    def _add_row(self, item: dict[str, Any]) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, key in enumerate(_COLUMNS):
            value = item.get(key)
            self.table.setItem(row, column, QTableWidgetItem("" if value is None else str(value)))

    # --- input -------------------------------------------------------------------------------
    @Slot()
    def _on_selection_changed(self) -> None:
        self._load()

    @Slot()
    def _on_add_button_clicked(self) -> None:
        self._add_row({"source_kind": "office"})
        self.table.setCurrentCell(self.table.rowCount() - 1, 0)

    @Slot()
    def _on_remove_button_clicked(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
            if row < len(self._originals):
                del self._originals[row]

    @Slot()
    def _on_save_button_clicked(self) -> None:
        self.save()

    def save(self) -> bool:
        data = self._data
        data["procedures"][self.procedure()]["documents"] = self.items()
        try:
            d.save_office_list(self.key(), data)
        except (d.ListFileError, OSError) as exc:
            ask.error(self, exc)
            return False
        self._fill_lists()
        self._load()
        return True

    @Slot()
    def _on_revert_button_clicked(self) -> None:
        if not ask.question(self, self.tr("元に戻す"), self.tr(
                "事務所のリストを削除し、出荷時のリストに戻しますか？")):
            return
        try:
            d.revert_list(self.key())
        except OSError as exc:
            ask.error(self, exc)
            return
        self._fill_lists()
        self._load()

    @Slot()
    def _on_export_button_clicked(self) -> None:
        path = ask.save_file(self, self.tr("リストの書き出し先"),
                             Path.home() / f"{self.key()}.json", "JSON (*.json)")
        if path is None or not ask.output_allowed(self, path):
            return
        try:
            d.export_list(self.key(), path)
        except OSError as exc:
            ask.error(self, exc)

    @Slot()
    def _on_import_button_clicked(self) -> None:
        path = ask.open_file(self, self.tr("読み込むリスト"), Path.home(), "JSON (*.json)")
        if path is None:
            return
        try:
            key = d.import_list(path)
        except d.ListFileError as exc:
            ask.error(self, exc, self.tr("読み込めません"))
            return
        self._fill_lists()
        self.select(key, self.procedure())


def attach_to_settings(dialog: QDialog) -> QWidget:
    """Add the 提出書類リスト row to the settings ``dialog``, above its buttons."""
    row = QWidget(dialog)
    line = QHBoxLayout(row)
    line.setContentsMargins(0, 0, 0, 0)
    line.addWidget(QLabel(translate("DocumentListsDialog", "提出書類リスト:")))
    button = QPushButton(translate("DocumentListsDialog", "提出書類リストの編集(&D)..."))
    button.setObjectName("document_lists_button")
    button.clicked.connect(lambda: DocumentListsDialog(dialog).exec())
    line.addWidget(button)
    line.addStretch(1)
    outer = dialog.layout()
    if isinstance(outer, QVBoxLayout):
        outer.insertWidget(max(0, outer.count() - 1), row)
    return row
