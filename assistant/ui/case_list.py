"""The case list: a table model over the store's case summaries, with filter and search.

After Anki's browser table: :class:`CaseTableModel` presents plain :class:`CaseRow` objects and
sorts them; :class:`CaseFilterProxy` filters them (status, procedure, incremental search by name
or residence card number). The proxy reads the rows' precomputed search keys directly instead of
through ``data()`` so a keystroke over 10,000 cases stays fast.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Slot,
)
from PySide6.QtGui import QBrush, QColor

from assistant.model import rules

ModelIndex = QModelIndex | QPersistentModelIndex

CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
# The roles the table model answers; the view asks a dozen more for every cell it paints.
_ROLES = frozenset(int(role) for role in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole,
    CASE_ID_ROLE, SORT_ROLE))


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
    staff: str = ""          # 担当者
    window_text: str = ""    # filled lazily by the model's window function
    window_sort: int = 0
    key: str = field(default="", repr=False)

    def __post_init__(self) -> None:
        self.key = search_key(self.name) + "\n" + search_key(self.zairyu_card_number)


# Column ids in display order; headers are translated in the model.
COLUMNS: tuple[str, ...] = (
    "name", "nationality", "procedure", "current_status", "expiry_date", "window", "status",
    "application_number", "updated_at", "staff",
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
            self.tr("申請受付番号"), self.tr("最終更新"), self.tr("担当者"),
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

    def _sorted_position(self, row: CaseRow) -> int:
        """Where a new row goes so that a sorted list stays sorted (the end when unsorted)."""
        if self._sort_column < 0:
            return len(self.rows)
        column = COLUMNS[self._sort_column]
        key = _sort_key(self._sort_value(row, column))
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        for number, other in enumerate(self.rows):
            other_key = _sort_key(self._sort_value(other, column))
            if (other_key < key) if descending else (key < other_key):
                return number
        return len(self.rows)

    def row_of(self, case_id: str) -> int:
        for number, row in enumerate(self.rows):
            if row.case_id == case_id:
                return number
        return -1

    def update_row(self, row: CaseRow) -> None:
        """Replace (or add) the row of ``row.case_id`` after an edit."""
        number = self.row_of(row.case_id)
        if number < 0:
            at = self._sorted_position(row)
            self.beginInsertRows(QModelIndex(), at, at)
            self.rows.insert(at, row)
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
        return self.row_data(self.rows[index.row()], index.column(), role)

    def row_data(self, row: CaseRow, column_number: int, role: int) -> object:
        """``data()`` of one row's cell (the filter proxy asks this way, without an index).

        A role answered here must be in ``_ROLES`` too.
        """
        column = COLUMNS[column_number]
        if role == CASE_ID_ROLE:
            return row.case_id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            return self._sort_value(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == "window":
            urgency = self._window(row)[1]
            if urgency < rules.urgent_days():  # closing soon, or closed
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
        if column == "staff":
            return row.staff
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


class CaseFilterProxy(QAbstractProxyModel):
    """Filter the case list: status, procedure and a search text; the order is the model's.

    A QSortFilterProxyModel would call a Python ``filterAcceptsRow`` once per case on every
    keystroke (about 15 ms for 10,000 cases before anything is drawn) and tell the view about
    every run of hidden rows separately. This proxy picks the shown rows with one list
    comprehension over the rows' precomputed search keys (narrowing the previous result while
    the search text only grows) and tells the view once, as a layout change — the way
    QSortFilterProxyModel.invalidate() does. Sorting is the table model's.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._status = ""
        self._procedure = ""
        self._needle = ""
        # With a searcher (the store's full-text search: every value, numbers, kana/width
        # folded) the search keeps the ids it answers; without one, the rows' own keys.
        self.searcher: Callable[[str], set[str] | None] | None = None
        self._matches: set[str] | None = None
        self._model: CaseTableModel | None = None
        self._rows: list[CaseRow] = []
        self._shown: list[int] = []             # proxy row → source row, ascending
        self._saved: list[tuple[QPersistentModelIndex, tuple[int, CaseRow | None], int]] = []
        self._removing = False

    # --- the source -------------------------------------------------------------------------
    def setSourceModel(self, model: QAbstractItemModel) -> None:  # noqa: N802
        old = self.sourceModel()
        if old is not None:
            old.disconnect(self)
        self.beginResetModel()
        super().setSourceModel(model)
        self._model = model if isinstance(model, CaseTableModel) else None
        self._rows = self._model.rows if self._model is not None else []
        self._shown = self._select(range(len(self._rows)))
        self.endResetModel()
        if self._model is None:
            return
        model.modelAboutToBeReset.connect(self._on_source_about_to_be_reset)
        model.modelReset.connect(self._on_source_reset)
        model.layoutAboutToBeChanged.connect(self._on_source_layout_about_to_be_changed)
        model.layoutChanged.connect(self._on_source_layout_changed)
        model.rowsInserted.connect(self._on_source_rows_inserted)
        model.rowsAboutToBeRemoved.connect(self._on_source_rows_about_to_be_removed)
        model.rowsRemoved.connect(self._on_source_rows_removed)
        model.dataChanged.connect(self._on_source_data_changed)
        model.headerDataChanged.connect(self.headerDataChanged)

    def _accepts(self, row: CaseRow) -> bool:
        return (not self._status or row.status == self._status) \
            and (not self._procedure or row.procedure == self._procedure) \
            and (not self._needle or self._found(row))

    def _found(self, row: CaseRow) -> bool:
        if self._matches is not None:
            return row.case_id in self._matches
        return self._needle in row.key

    def _select(self, candidates: Iterable[int]) -> list[int]:
        """The source rows among ``candidates`` (ascending) that pass the filters."""
        rows, needle, status, procedure = self._rows, self._needle, self._status, self._procedure
        if not (needle or status or procedure):
            return list(candidates)
        matches = self._matches
        if needle and matches is not None:
            return [number for number in candidates
                    if rows[number].case_id in matches
                    and (not status or rows[number].status == status)
                    and (not procedure or rows[number].procedure == procedure)]
        return [number for number in candidates
                if (not status or rows[number].status == status)
                and (not procedure or rows[number].procedure == procedure)
                and needle in rows[number].key]

    # --- filters ----------------------------------------------------------------------------
    def set_status(self, status: str) -> None:
        """Show only cases in ``status`` ("" = every status)."""
        if status != self._status:
            narrower = not self._status
            self._status = status
            self._refilter(narrower)

    def set_procedure(self, procedure: str) -> None:
        if procedure != self._procedure:
            narrower = not self._procedure
            self._procedure = procedure
            self._refilter(narrower)

    def set_search(self, text: str) -> None:
        """Incremental search by name or residence card number (width and case ignored)."""
        needle = search_key(text)
        if needle != self._needle:
            narrower = self._needle in needle  # typing on: only the shown rows can still match
            if self.searcher is not None:
                self._matches = self.searcher(text) if needle else None
            self._needle = needle
            self._refilter(narrower)

    def refresh_search(self) -> None:
        """Ask the searcher again (stored values changed while a search is shown)."""
        if self.searcher is not None and self._needle:
            self._matches = self.searcher(self._needle)
            self._refilter(narrower=False)

    def _refilter(self, narrower: bool) -> None:
        self._begin_layout_change()
        self._shown = self._select(self._shown if narrower else range(len(self._rows)))
        self._end_layout_change()

    def _begin_layout_change(self) -> None:
        """Remember which case each persistent index (selection, current row) shows."""
        self.layoutAboutToBeChanged.emit()
        self._saved = [(QPersistentModelIndex(index), self._source_at(index.row()),
                        index.column()) for index in self.persistentIndexList()]

    def _end_layout_change(self, moved: bool = False) -> None:
        """Point the remembered persistent indexes at their cases' new rows (or nowhere).

        ``moved``: the source reordered its rows (a sort), so find each case by object.
        """
        if self._saved:
            where: dict[int, int] = {}
            if moved:
                wanted = {id(row) for _index, (_source, row), _column in self._saved}
                where = {id(row): number for number, row in enumerate(self._rows)
                         if id(row) in wanted}
            old = [index for index, _where, _column in self._saved]
            new = []
            for _index, (source, row), column in self._saved:
                if moved:
                    source = where.get(id(row), -1) if row is not None else -1
                proxy_row = self._proxy_row(source)
                new.append(self.index(proxy_row, column) if proxy_row >= 0 else QModelIndex())
            self.changePersistentIndexList(old, new)  # type: ignore[arg-type]  # (stubs)
            self._saved = []
        self.layoutChanged.emit()

    def _source_at(self, proxy_row: int) -> tuple[int, CaseRow | None]:
        if 0 <= proxy_row < len(self._shown) and self._shown[proxy_row] < len(self._rows):
            return self._shown[proxy_row], self._rows[self._shown[proxy_row]]
        return -1, None

    def _proxy_row(self, source_row: int) -> int:
        """The proxy row of ``source_row``, or -1 when it is filtered out."""
        number = bisect.bisect_left(self._shown, source_row)
        found = source_row >= 0 and number < len(self._shown) \
            and self._shown[number] == source_row
        return number if found else -1

    # --- source signals ---------------------------------------------------------------------
    @Slot()
    def _on_source_about_to_be_reset(self) -> None:
        self.beginResetModel()

    @Slot()
    def _on_source_reset(self) -> None:
        self._shown = self._select(range(len(self._rows)))
        self.endResetModel()

    @Slot()
    def _on_source_layout_about_to_be_changed(self) -> None:
        # The source keeps its row objects while it sorts: persistent indexes follow them.
        self._begin_layout_change()

    @Slot()
    def _on_source_layout_changed(self) -> None:
        self._shown = self._select(range(len(self._rows)))
        self._end_layout_change(moved=True)

    @Slot(QModelIndex, int, int)
    def _on_source_rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        if parent.isValid():
            return
        count = last - first + 1
        at = bisect.bisect_left(self._shown, first)
        added = self._select(range(first, last + 1))
        if added:
            self.beginInsertRows(QModelIndex(), at, at + len(added) - 1)
        self._shown[at:] = added + [source + count for source in self._shown[at:]]
        if added:
            self.endInsertRows()

    @Slot(QModelIndex, int, int)
    def _on_source_rows_about_to_be_removed(self, parent: QModelIndex, first: int,
                                            last: int) -> None:
        if parent.isValid():
            return
        start = bisect.bisect_left(self._shown, first)
        end = bisect.bisect_right(self._shown, last)
        self._removing = end > start
        if self._removing:
            self.beginRemoveRows(QModelIndex(), start, end - 1)

    @Slot(QModelIndex, int, int)
    def _on_source_rows_removed(self, parent: QModelIndex, first: int, last: int) -> None:
        if parent.isValid():
            return
        count = last - first + 1
        start = bisect.bisect_left(self._shown, first)
        end = bisect.bisect_right(self._shown, last)
        self._shown[start:] = [source - count for source in self._shown[end:]]
        if self._removing:
            self._removing = False
            self.endRemoveRows()

    @Slot(QModelIndex, QModelIndex, "QList<int>")
    def _on_source_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex,
                                roles: Sequence[int] = ()) -> None:
        changed = range(top_left.row(), bottom_right.row() + 1)
        if any(self._accepts(self._rows[number]) != (self._proxy_row(number) >= 0)
               for number in changed):
            self._refilter(narrower=False)  # an edit moved the case into or out of the filter
            return
        shown = [self._proxy_row(number) for number in changed if self._proxy_row(number) >= 0]
        if shown:
            self.dataChanged.emit(self.index(min(shown), top_left.column()),
                                  self.index(max(shown), bottom_right.column()), list(roles))

    # --- QAbstractProxyModel ----------------------------------------------------------------
    def mapToSource(self, proxy_index: ModelIndex) -> QModelIndex:  # noqa: N802
        if self._model is None or not proxy_index.isValid() \
                or not 0 <= proxy_index.row() < len(self._shown):
            return QModelIndex()
        return self._model.index(self._shown[proxy_index.row()], proxy_index.column())

    def mapFromSource(self, source_index: ModelIndex) -> QModelIndex:  # noqa: N802
        if not source_index.isValid():
            return QModelIndex()
        number = self._proxy_row(source_index.row())
        return self.index(number, source_index.column()) if number >= 0 else QModelIndex()

    def index(self, row: int, column: int,
              parent: ModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or not 0 <= row < len(self._shown) \
                or not 0 <= column < len(COLUMNS) or self._model is None:
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, child: ModelIndex | None = None) -> Any:
        if child is None:
            return QObject.parent(self)  # the QObject parent, when called without an index
        return QModelIndex()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() or self._model is None else len(COLUMNS)

    def hasChildren(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and bool(self._shown) and self._model is not None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role not in _ROLES or self._model is None or not index.isValid() \
                or not 0 <= index.row() < len(self._shown):
            return None
        return self._model.row_data(self._rows[self._shown[index.row()]], index.column(), role)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        # The table model's flags, without mapping the index to it first.
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled \
            | Qt.ItemFlag.ItemNeverHasChildren

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is done by the table model; the proxy keeps the model's order."""
        if self._model is not None:
            self._model.sort(column, order)
