"""Settings → 提出書類リスト: view and edit the document lists per status and procedure.

The office's edits are kept in the data folder and shadow the shipped list of the same name
(:func:`assistant.model.documents.save_office_list`); 元に戻す brings the shipped list back;
a list can be written to a file and read from one to share it between offices. Besides the
items, the office edits the conditions that select them (yes / no conditions and choices
with their options, :func:`assistant.model.documents.editable_conditions`), the condition
each item needs, and starts a list for a status that has none (the general items come with
it).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from assistant.model import documents as d
from assistant.ui import ask, texts

translate = QCoreApplication.translate

# the item's entries, one column each
_COLUMNS = ("ja", "detail_ja", "en", "when", "source", "seen_date", "source_kind")
_WHEN_COLUMN = 3
_ID_ROLE = Qt.ItemDataRole.UserRole + 1       # a condition's / option's id before an edit
_EITHER_ROLE = Qt.ItemDataRole.UserRole + 2   # a choice's ``either`` (kept as it is)
_CONDITION_ID = re.compile(r"^[a-z0-9_]{1,40}$")


class DocumentListsDialog(QDialog):
    """One list at a time: its items and its conditions for one procedure, editable."""

    def __init__(self, parent: QWidget | None = None,
                 lists_changed: Callable[[], None] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("提出書類リスト"))
        # told after every change of a list (the case list counts 書類 n/m again)
        self._lists_changed = lists_changed
        self.resize(1040, 680)
        self._data: dict[str, Any] = {}
        self._originals: list[dict[str, Any]] = []
        self._loading = False

        self.list_combo = QComboBox()
        self.procedure_combo = QComboBox()
        for procedure, text in (("coe", self.tr("認定")), ("change", self.tr("変更")),
                                ("renewal", self.tr("更新"))):
            self.procedure_combo.addItem(text, procedure)
        self.new_list_button = QPushButton(self.tr("新しいリスト…"))
        self.new_list_button.setToolTip(self.tr(
            "リストのない在留資格のリストを作ります（共通の書類は自動で入ります）。"))
        self.origin = QLabel()
        self.origin.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("在留資格:")))
        top.addWidget(self.list_combo, 1)
        top.addWidget(QLabel(self.tr("申請:")))
        top.addWidget(self.procedure_combo)
        top.addWidget(self.new_list_button)

        self.table = QTableWidget(0, len(_COLUMNS))
        self.table.setHorizontalHeaderLabels([
            self.tr("書類"), self.tr("詳細"), self.tr("英語"), self.tr("条件"), self.tr("出典"),
            self.tr("日付"), self.tr("出典の種類")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((250, 200, 150, 170, 150, 80)):
            self.table.setColumnWidth(column, width)
        self.table.setWordWrap(True)

        # the conditions: top-level rows are conditions, their children a choice's options
        self.conditions = QTreeWidget()
        self.conditions.setColumnCount(3)
        self.conditions.setHeaderLabels([self.tr("条件のID"), self.tr("条件（日本語）"),
                                         self.tr("英語")])
        self.conditions.setColumnWidth(0, 170)
        self.conditions.setColumnWidth(1, 520)
        self.conditions.setAccessibleName(self.tr("条件"))
        self.add_condition_button = QPushButton(self.tr("条件を追加"))
        self.add_option_button = QPushButton(self.tr("選択肢を追加"))
        self.remove_condition_button = QPushButton(self.tr("条件・選択肢を削除"))
        condition_buttons = QHBoxLayout()
        condition_buttons.addWidget(QLabel(self.tr(
            "条件（はい/いいえ、または選択肢のある質問）。書類の「条件」で選びます。")), 1)
        for button in (self.add_condition_button, self.add_option_button,
                       self.remove_condition_button):
            condition_buttons.addWidget(button)
        condition_panel = QWidget()
        condition_layout = QVBoxLayout(condition_panel)
        condition_layout.setContentsMargins(0, 0, 0, 0)
        condition_layout.addLayout(condition_buttons)
        condition_layout.addWidget(self.conditions, 1)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(condition_panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

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
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.revert_button.clicked.connect(self._on_revert_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.new_list_button.clicked.connect(self._on_new_list_button_clicked)
        self.add_condition_button.clicked.connect(self._on_add_condition_button_clicked)
        self.add_option_button.clicked.connect(self._on_add_option_button_clicked)
        self.remove_condition_button.clicked.connect(self._on_remove_condition_button_clicked)
        self.conditions.itemChanged.connect(self._on_conditions_item_changed)
        self.conditions.itemSelectionChanged.connect(self._refresh_condition_buttons)
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
        out: list[dict[str, Any]] = []
        for row in range(self.table.rowCount()):
            values = {}
            for column, key in enumerate(_COLUMNS):
                cell = self.table.item(row, column)
                values[key] = cell.text().strip() if cell is not None else ""
            values["when"] = self.item_condition(row)
            if not values["ja"]:
                continue
            item = dict(self._originals[row]) if row < len(self._originals) else {}
            item.update(values)
            item["when"] = values["when"] or None
            item["seen_date"] = values["seen_date"] or None
            item["source_kind"] = values["source_kind"] or "office"
            item.setdefault("id", self._new_item_id(out))
            item.setdefault("copies", None)
            out.append(item)
        return out

    def item_condition(self, row: int) -> str:
        """The condition (or option) item ``row`` needs; "" = always."""
        combo = self.table.cellWidget(row, _WHEN_COLUMN)
        return str(combo.currentData() or "") if isinstance(combo, QComboBox) else ""

    def set_item_condition(self, row: int, condition_id: str) -> None:
        combo = self.table.cellWidget(row, _WHEN_COLUMN)
        if isinstance(combo, QComboBox):
            combo.setCurrentIndex(max(combo.findData(condition_id), 0))

    def condition_data(self) -> list[dict[str, Any]]:
        """The conditions as the tree has them (what :meth:`save` keeps)."""
        out: list[dict[str, Any]] = []
        for n in range(self.conditions.topLevelItemCount()):
            top = self.conditions.topLevelItem(n)
            if top is None or not top.text(0).strip():
                continue
            cond: dict[str, Any] = {"id": top.text(0).strip(), "ja": top.text(1).strip(),
                                    "en": top.text(2).strip()}
            options = [{"id": child.text(0).strip(), "ja": child.text(1).strip(),
                        "en": child.text(2).strip()}
                       for child in (top.child(i) for i in range(top.childCount()))
                       if child is not None and child.text(0).strip()]
            if options:
                cond["options"] = options
                ids = {o["id"] for o in options}
                either = {k: v for k, v in (top.data(0, _EITHER_ROLE) or {}).items()
                          if set(v) <= ids}
                if either:
                    cond["either"] = either
            out.append(cond)
        return out

    def condition_row(self, condition_id: str) -> QTreeWidgetItem | None:
        """The tree row of a condition or option."""
        for n in range(self.conditions.topLevelItemCount()):
            top = self.conditions.topLevelItem(n)
            if top is None:
                continue
            if top.text(0) == condition_id:
                return top
            for i in range(top.childCount()):
                child = top.child(i)
                if child is not None and child.text(0) == condition_id:
                    return child
        return None

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
        self._loading = True
        try:
            self._data = d.raw_list(key)
            proc = self._data["procedures"].setdefault(self.procedure(), {"documents": []})
            self._originals = [dict(item) for item in proc.get("documents", [])]
            self._show_conditions(d.editable_conditions(proc.get("conditions", [])))
            self.table.setRowCount(0)
            for item in self._originals:
                self._add_row(item)
        finally:
            self._loading = False
        if d.is_office_list(key) and d.is_shipped_list(key):
            self.origin.setText(self.tr("事務所のリストです（データフォルダーに保存、出荷時の"
                                        "リストより優先）。「元に戻す」で出荷時のリストに戻ります。"))
        elif d.is_office_list(key):
            self.origin.setText(self.tr("事務所で作ったリストです（データフォルダーに保存）。"
                                        "共通の書類は自動で入ります。"))
        else:
            self.origin.setText(self.tr("出荷時のリストです（公開情報から集めた出発点、一部のみ）。"
                                        "保存すると事務所のリストになります。"))
        self.revert_button.setEnabled(d.is_office_list(key))
        self.revert_button.setText(self.tr("元に戻す") if d.is_shipped_list(key)
                                   else self.tr("リストを削除"))
        self._refresh_condition_buttons()

    def _show_conditions(self, conditions: list[dict[str, Any]]) -> None:
        self.conditions.clear()
        for cond in conditions:
            top = self._condition_item(cond)
            self.conditions.addTopLevelItem(top)
            for option in cond.get("options") or []:
                top.addChild(self._condition_item(option))
            top.setData(0, _EITHER_ROLE, dict(cond.get("either") or {}))
            top.setExpanded(True)

    def _condition_item(self, data: dict[str, Any]) -> QTreeWidgetItem:
        row = QTreeWidgetItem([str(data.get("id") or ""), str(data.get("ja") or ""),
                               str(data.get("en") or "")])
        row.setData(0, _ID_ROLE, str(data.get("id") or ""))
        row.setFlags(row.flags() | Qt.ItemFlag.ItemIsEditable)
        row.setToolTip(1, str(data.get("ja") or ""))
        return row

    def _add_row(self, item: dict[str, Any]) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, key in enumerate(_COLUMNS):
            value = item.get(key)
            self.table.setItem(row, column, QTableWidgetItem("" if value is None else str(value)))
        combo = QComboBox()
        self._fill_when_combo(combo, str(item.get("when") or ""))
        self.table.setCellWidget(row, _WHEN_COLUMN, combo)

    def _fill_when_combo(self, combo: QComboBox, current: str) -> None:
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("（常に）"), "")
        for condition_id, ja, en in d.when_choices(self.condition_data()):
            text = en if texts.language() == "en" and en else ja
            combo.addItem(f"{condition_id}: {text}", condition_id)
            combo.setItemData(combo.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
        if current and combo.findData(current) < 0:
            # a condition the list does not define (kept as it is)
            combo.addItem(self.tr("{0}（未定義の条件）").format(current), current)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.setMinimumContentsLength(14)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.blockSignals(False)

    def _refresh_when_combos(self, renamed: dict[str, str] | None = None) -> None:
        """Offer the conditions as they are now in every item's 条件 (renamed ids follow)."""
        for row in range(self.table.rowCount()):
            combo = self.table.cellWidget(row, _WHEN_COLUMN)
            if isinstance(combo, QComboBox):
                current = str(combo.currentData() or "")
                self._fill_when_combo(combo, (renamed or {}).get(current, current))

    def _refresh_condition_buttons(self) -> None:
        selected = self.conditions.selectedItems()
        self.add_option_button.setEnabled(bool(selected))
        self.remove_condition_button.setEnabled(bool(selected))

    def _new_item_id(self, taken: list[dict[str, Any]]) -> str:
        used = {str(i.get("id")) for i in taken} | {str(i.get("id")) for i in self._originals}
        n = 1
        while f"office_{n}" in used:
            n += 1
        return f"office_{n}"

    def _new_condition_id(self, prefix: str) -> str:
        n = 1
        while self.condition_row(f"{prefix}_{n}") is not None:
            n += 1
        return f"{prefix}_{n}"

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

    def add_condition(self, ja: str = "", en: str = "") -> QTreeWidgetItem:
        """A new yes / no condition (an id the office can rename)."""
        row = self._condition_item({"id": self._new_condition_id("condition"),
                                    "ja": ja or self.tr("新しい条件"), "en": en})
        self.conditions.addTopLevelItem(row)
        self.conditions.setCurrentItem(row)
        self._refresh_when_combos()
        return row

    def add_option(self, ja: str = "", en: str = "") -> QTreeWidgetItem | None:
        """A new option of the selected condition (which becomes a choice)."""
        selected = self.conditions.currentItem()
        if selected is None:
            return None
        top = selected.parent() or selected
        row = self._condition_item({"id": self._new_condition_id(top.text(0) or "option"),
                                    "ja": ja or self.tr("新しい選択肢"), "en": en})
        top.addChild(row)
        top.setExpanded(True)
        self.conditions.setCurrentItem(row)
        self._refresh_when_combos()
        return row

    def remove_condition(self) -> bool:
        """Remove the selected condition or option; the items that needed it are then always
        needed (asked first when there are any)."""
        selected = self.conditions.currentItem()
        if selected is None:
            return False
        gone = {selected.text(0)} | {
            child.text(0) for child in (selected.child(i) for i in range(selected.childCount()))
            if child is not None}
        parent = selected.parent()
        if parent is not None:
            gone |= {k for k, v in (parent.data(0, _EITHER_ROLE) or {}).items()
                     if selected.text(0) in v}
        else:
            gone |= set(selected.data(0, _EITHER_ROLE) or {})
        users = [row for row in range(self.table.rowCount()) if self.item_condition(row) in gone]
        if users and not ask.question(self, self.tr("条件の削除"), self.tr(
                "{0} 件の書類がこの条件を使っています。削除すると、それらは常に必要な書類に"
                "なります。削除しますか？").format(len(users))):
            return False
        if parent is not None:
            parent.removeChild(selected)
        else:
            self.conditions.takeTopLevelItem(self.conditions.indexOfTopLevelItem(selected))
        self._refresh_when_combos({condition_id: "" for condition_id in gone})
        self._refresh_condition_buttons()
        return True

    @Slot()
    def _on_add_condition_button_clicked(self) -> None:
        self.add_condition()

    @Slot()
    def _on_add_option_button_clicked(self) -> None:
        self.add_option()

    @Slot()
    def _on_remove_condition_button_clicked(self) -> None:
        self.remove_condition()

    @Slot(QTreeWidgetItem, int)
    def _on_conditions_item_changed(self, row: QTreeWidgetItem, column: int) -> None:
        if self._loading:
            return
        if column != 0:
            self._refresh_when_combos()
            return
        old, new = str(row.data(0, _ID_ROLE) or ""), row.text(0).strip()
        if new == old:
            return
        clash = self.condition_row(new)
        if not _CONDITION_ID.match(new) or (clash is not None and clash is not row):
            ask.warning(self, self.tr("条件のID"), self.tr(
                "条件のIDは半角の英小文字・数字・_ で、リストの中で重ならないものにしてください"
                "（「{0}」は使えません）。").format(new))
            self.conditions.blockSignals(True)
            row.setText(0, old)
            self.conditions.blockSignals(False)
            return
        row.setData(0, _ID_ROLE, new)
        parent = row.parent()
        if parent is not None:      # an option renamed: the either groups follow
            either = parent.data(0, _EITHER_ROLE) or {}
            parent.setData(0, _EITHER_ROLE, {k: [new if m == old else m for m in v]
                                             for k, v in either.items()})
        self._refresh_when_combos({old: new})

    @Slot()
    def _on_save_button_clicked(self) -> None:
        self.save()

    def save(self) -> bool:
        data = self._data
        proc = data["procedures"][self.procedure()]
        proc["documents"] = self.items()
        proc["conditions"] = self.condition_data()
        try:
            d.save_office_list(self.key(), data)
        except (d.ListFileError, OSError) as exc:
            ask.error(self, exc)
            return False
        self._fill_lists()
        self._load()
        self._changed()
        return True

    def _changed(self) -> None:
        if self._lists_changed is not None:
            self._lists_changed()

    @Slot()
    def _on_revert_button_clicked(self) -> None:
        if d.is_shipped_list(self.key()):
            asked = self.tr("事務所のリストを削除し、出荷時のリストに戻しますか？")
        else:
            asked = self.tr("事務所で作ったこのリストを削除しますか？（出荷時のリストはありません）")
        if not ask.question(self, self.revert_button.text(), asked):
            return
        try:
            d.revert_list(self.key())
        except OSError as exc:
            ask.error(self, exc)
            return
        self._fill_lists()
        self._load()
        self._changed()

    @Slot()
    def _on_new_list_button_clicked(self) -> None:
        statuses = d.statuses_without_list()
        if not statuses:
            ask.information(self, self.tr("新しいリスト"), self.tr(
                "どの在留資格にもリストがあります。"))
            return
        labels = [label for _code, label in statuses]
        chosen = ask.choose(self, self.tr("新しいリスト"), self.tr(
            "リストを作る在留資格（共通の書類は自動で入ります）:"), labels)
        if chosen is None or chosen not in labels:
            return
        code, label = statuses[labels.index(chosen)]
        try:
            key = d.create_office_list(code, label)
        except (d.ListFileError, OSError) as exc:
            ask.error(self, exc)
            return
        self._fill_lists()
        self.select(key, self.procedure())
        self._changed()

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
        self._changed()


def attach_to_settings(dialog: QDialog,
                       lists_changed: Callable[[], None] | None = None) -> QWidget:
    """Add the 提出書類リスト row to the settings ``dialog``, above its buttons;
    ``lists_changed`` is called after every change of a list."""
    row = QWidget(dialog)
    line = QHBoxLayout(row)
    line.setContentsMargins(0, 0, 0, 0)
    line.addWidget(QLabel(translate("DocumentListsDialog", "提出書類リスト:")))
    button = QPushButton(translate("DocumentListsDialog", "提出書類リストの編集(&D)..."))
    button.setObjectName("document_lists_button")
    button.clicked.connect(lambda: DocumentListsDialog(dialog, lists_changed).exec())
    line.addWidget(button)
    line.addStretch(1)
    outer = dialog.layout()
    if isinstance(outer, QVBoxLayout):
        outer.insertWidget(max(0, outer.count() - 1), row)
    return row
