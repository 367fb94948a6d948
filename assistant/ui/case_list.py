"""The case list: a table model over the store's case summaries, with filter and search.

After Anki's browser table: :class:`CaseTableModel` presents plain :class:`CaseRow` objects and
:class:`CaseFilterProxy` sorts and filters them (status, procedure, incremental search by name
or residence card number). The proxy reads the rows directly instead of through ``data()`` so
a keystroke over 10,000 cases stays fast.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

ModelIndex = QModelIndex | QPersistentModelIndex

CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
# Windows closing within this many days (or closed) are shown in red.
URGENT_DAYS = 15
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


def search_key(text: str) -> str:
    """Normalise for matching: full-width → half-width, case and spaces ignored."""
    return unicodedata.normalize("NFKC", text).casefold().replace(" ", "")


@dataclass
class CaseRow:
    """One line of the list, already in words (labels, not codes)."""

    case_id: str
    name: str
    nationality: str
    procedure: str           # id, for the filter
    procedure_label: str
    current_status: str
    expiry_date: date | None
    status: str              # CaseStatus value, for the filter
    status_label: str
    application_number: str
    updated_at: datetime | None
    zairyu_card_number: str = ""
    is_sample: bool = False  # the first-start sample (fictional applicant)
    window_text: str = ""    # filled lazily by the model's window function
    window_sort: int = 0
    key: str = field(default="", repr=False)

    def __post_init__(self) -> None:
        self.key = search_key(self.name) + "\n" + search_key(self.zairyu_card_number)


# Column ids in display order; headers are translated in the model.
COLUMNS: tuple[str, ...] = (
    "name", "nationality", "procedure", "current_status", "expiry_date", "window", "status",
    "application_number", "updated_at",
)


class CaseTableModel(QAbstractTableModel):
    """The cases of the store, one row each.

    Attributes:
        rows: the rows shown, in the store's order.
    """

    def __init__(self, parent: QObject | None = None,
                 window_words: Callable[[CaseRow], tuple[str, int]] | None = None) -> None:
        super().__init__(parent)
        self.rows: list[CaseRow] = []
        self._window_words = window_words
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._headers = (
            self.tr("氏名"), self.tr("国籍・地域"), self.tr("申請種別"), self.tr("現在の在留資格"),
            self.tr("在留期間満了日"), self.tr("オンライン申請"), self.tr("案件の状態"),
            self.tr("申請受付番号"), self.tr("最終更新"),
        )

    def set_rows(self, rows: Sequence[CaseRow]) -> None:
        self.beginResetModel()
        self.rows[:] = rows  # in place: the filter proxy keeps a reference to the list
        if self._sort_column >= 0:
            self._sort_rows()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows in Python (one key per row), far faster than a proxy comparing
        10,000 rows through ``data()``; the proxy passes its sort requests here."""
        if not 0 <= column < len(COLUMNS):
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self.rows[i.row()].case_id for i in persistent]
        self._sort_column, self._sort_order = column, order
        self._sort_rows()
        where = {row.case_id: number for number, row in enumerate(self.rows)}
        self.changePersistentIndexList(
            persistent, [self.index(where[case_id], old.column())
                         for case_id, old in zip(ids, persistent, strict=True)])
        self.layoutChanged.emit()

    def _sort_rows(self) -> None:
        column = COLUMNS[self._sort_column]
        self.rows.sort(key=lambda row: _sort_key(self._sort_value(row, column)),
                       reverse=self._sort_order == Qt.SortOrder.DescendingOrder)

    def row_of(self, case_id: str) -> int:
        for number, row in enumerate(self.rows):
            if row.case_id == case_id:
                return number
        return -1

    def update_row(self, row: CaseRow) -> None:
        """Replace (or add) the row of ``row.case_id`` after an edit."""
        number = self.row_of(row.case_id)
        if number < 0:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows))
            self.rows.append(row)
            self.endInsertRows()
            return
        self.rows[number] = row
        self.dataChanged.emit(self.index(number, 0), self.index(number, len(COLUMNS) - 1))

    def remove_case(self, case_id: str) -> None:
        number = self.row_of(case_id)
        if number >= 0:
            self.beginRemoveRows(QModelIndex(), number, number)
            del self.rows[number]
            self.endRemoveRows()

    # --- QAbstractTableModel ----------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(COLUMNS):
            return self._headers[section]
        return None

    def _window(self, row: CaseRow) -> tuple[str, int]:
        if not row.window_text and self._window_words is not None:
            row.window_text, row.window_sort = self._window_words(row)
        return row.window_text, row.window_sort

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        column = COLUMNS[index.column()]
        if role == CASE_ID_ROLE:
            return row.case_id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            return self._sort_value(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == "window":
            urgency = self._window(row)[1]
            if urgency < URGENT_DAYS:
                return QBrush(QColor("#b00020"))
            return None
        if role == Qt.ItemDataRole.ToolTipRole and column == "name" and row.is_sample:
            return self.tr("架空の申請人による練習用のサンプル案件です。")
        if role == Qt.ItemDataRole.ToolTipRole and column == "name" and row.zairyu_card_number:
            return self.tr("在留カード番号: {0}").format(row.zairyu_card_number)
        return None

    def _display(self, row: CaseRow, column: str) -> str:
        if column == "name":
            name = row.name or self.tr("（氏名未入力）")
            return self.tr("【サンプル】{0}").format(name) if row.is_sample else name
        if column == "nationality":
            return row.nationality
        if column == "procedure":
            return row.procedure_label
        if column == "current_status":
            return row.current_status
        if column == "expiry_date":
            return row.expiry_date.isoformat() if row.expiry_date else ""
        if column == "window":
            return self._window(row)[0]
        if column == "status":
            return row.status_label
        if column == "application_number":
            return row.application_number
        return row.updated_at.strftime("%Y-%m-%d %H:%M") if row.updated_at else ""

    def _sort_value(self, row: CaseRow, column: str) -> object:
        if column == "expiry_date":
            return row.expiry_date.toordinal() if row.expiry_date else 0
        if column == "window":
            return self._window(row)[1]
        if column == "updated_at":
            return row.updated_at.timestamp() if row.updated_at else 0.0
        return self._display(row, column)


def _sort_key(value: object) -> tuple[int, object]:
    # Numbers before texts; texts compared as the office reads them (case ignored).
    if isinstance(value, (int, float)):
        return (0, value)
    return (1, str(value).casefold())


class CaseFilterProxy(QSortFilterProxyModel):
    """Sort and filter the case list: status, procedure and a search text."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._status = ""
        self._procedure = ""
        self._needle = ""
        self._rows: list[CaseRow] = []
        self.setSortRole(SORT_ROLE)
        self.setSortLocaleAware(True)

    def setSourceModel(self, model: QAbstractItemModel) -> None:  # noqa: N802
        self._rows = model.rows if isinstance(model, CaseTableModel) else []
        super().setSourceModel(model)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is done by the table model; the proxy keeps the model's order."""
        source = self.sourceModel()
        if isinstance(source, CaseTableModel):
            source.sort(column, order)

    def set_status(self, status: str) -> None:
        """Show only cases in ``status`` ("" = every status)."""
        self.beginFilterChange()
        self._status = status
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_procedure(self, procedure: str) -> None:
        self.beginFilterChange()
        self._procedure = procedure
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_search(self, text: str) -> None:
        """Incremental search by name or residence card number (width and case ignored)."""
        self.beginFilterChange()
        self._needle = search_key(text)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:  # noqa: N802
        # Called once per case on every keystroke: keep it to plain attribute reads.
        if not (self._needle or self._status or self._procedure):
            return True
        row = self._rows[source_row]
        if self._status and row.status != self._status:
            return False
        if self._procedure and row.procedure != self._procedure:
            return False
        return not self._needle or self._needle in row.key
