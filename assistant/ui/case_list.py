"""The case list: rows read lazily from the store, filtered and sorted by SQLite.

After Anki's browser table (a model over a list of ids, each row read when the view paints
it): :class:`CaseTableModel` keeps the row numbers (SQLite rowids) of the cases the filters
select, in the chosen order (:meth:`CaseStore.list_order`), and a bounded cache of rows read a
page at a time (:meth:`CaseStore.list_rows`). A filter, a search or a sort asks SQLite again and
tells the view once, as a layout change, moving the persistent indexes (selection, current row)
to their cases' new rows. 100,000 cases cost a list of 100,000 integers and the rows on screen.
:class:`CaseListPage` is the page around it: search field, filters and the table.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import overload

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from assistant.model import rules
from assistant.model.case import CaseStatus
from assistant.model.storage import CaseStore, ListQuery, ListRow, StorageError
from assistant.ui import texts

ModelIndex = QModelIndex | QPersistentModelIndex

CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
# The roles the table model answers; the view asks a dozen more for every cell it paints.
_ROLES = frozenset(int(role) for role in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole,
    CASE_ID_ROLE))

#: Rows read from the store at once, and how many are kept (a screenful is ~40).
PAGE = 100
CACHE_LIMIT = 2_000
#: Cases listed at once: the view asks for the next ones when it is scrolled to the end
#: (``fetchMore``), so a keystroke over 100,000 cases reads the first thousand, not all.
CHUNK = 1_000
#: How long the search may rest before the cases it selects are counted (the count of a broad
#: filter reads every case's entry in the index: not on every keystroke).
COUNT_DELAY_MS = 150


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
    documents: tuple[int, int] | None = None  # 書類 (settled, applicable); None: not started
    window_text: str = ""    # filled lazily by the model
    window_sort: int = 0


# Column ids in display order; headers are translated in the model.
COLUMNS: tuple[str, ...] = (
    "name", "nationality", "procedure", "current_status", "expiry_date", "window", "status",
    "application_number", "updated_at", "staff", "documents",
)


def case_row(row: ListRow) -> CaseRow:
    """A list row in words (labels looked up once per distinct value)."""
    summary = row.summary
    return CaseRow(
        case_id=summary.id, name=summary.name,
        nationality=texts.code_label("nationality", summary.nationality),
        procedure=summary.procedure,
        procedure_label=texts.procedure_label(summary.procedure),
        current_status=texts.residence_status_label(summary.current_status),
        expiry_date=texts.parse_date_cached(summary.expiry_date),
        status=summary.status.value, status_label=texts.status_label(summary.status),
        application_number=summary.application_number or summary.provisional_number,
        updated_at=summary.updated_at.astimezone() if summary.updated_at else None,
        zairyu_card_number=summary.zairyu_card_number, is_sample=summary.is_sample,
        staff=summary.staff, documents=row.documents if row.documents_started else None)


def _text_key(text: str) -> tuple[int, str]:
    # Texts compared as the office reads them (case ignored); empty ones first.
    return (0 if text else -1, text.casefold())


class _Rows(Sequence[CaseRow]):
    """The shown rows as a sequence (each read from the store when first asked)."""

    def __init__(self, model: CaseTableModel) -> None:
        self._model = model

    def __len__(self) -> int:
        self._model.ensure_current()
        self._model.fetch_all()
        return self._model.rowCount()

    @overload
    def __getitem__(self, number: int) -> CaseRow: ...
    @overload
    def __getitem__(self, number: slice) -> Sequence[CaseRow]: ...

    def __getitem__(self, number: int | slice) -> CaseRow | Sequence[CaseRow]:
        if isinstance(number, slice):
            return [self[n] for n in range(*number.indices(len(self)))]
        self._model.ensure_current()
        if number < 0 or number >= self._model.rowCount():
            self._model.fetch_all()
        count = self._model.rowCount()
        if not -count <= number < count:
            raise IndexError(number)
        row = self._model.row(number % count)
        if row is None:
            raise IndexError(number)
        return row

    def __iter__(self) -> Iterator[CaseRow]:
        for number in range(len(self)):
            yield self[number]


class CaseTableModel(QAbstractTableModel):
    """The cases of the store the filters select, one row each, in the chosen order.

    ``today`` and ``profile`` are the clock and the rule profile of the online-window column.

    Signals:
        read_failed(object): the store could not be read (a :class:`StorageError`).
        counted: :attr:`shown_count` is known again.
    """

    read_failed = Signal(object)
    counted = Signal()

    def __init__(self, store: CaseStore, parent: QObject | None = None, *,
                 today: Callable[[], date] = date.today,
                 profile: Callable[[], str | None] = lambda: None) -> None:
        super().__init__(parent)
        self.store = store
        self._today = today
        self._profile = profile
        self._query = ListQuery(order="updated_at", descending=True)
        self._sort_column = COLUMNS.index("updated_at")
        self._sort_order = Qt.SortOrder.DescendingOrder
        self._needle = ""
        self._ids: list[int] = []
        self._more = False       # the store has more cases for the query than _ids
        self._cache: dict[int, CaseRow] = {}
        self._total = 0
        self._shown: int | None = 0   # how many cases the query selects (None: not counted)
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self._count_shown)
        self._stale = False      # the order is to be asked again (changes while deferred)
        self._deferred = False   # the list is not shown: changes only mark it stale
        self.rows: Sequence[CaseRow] = _Rows(self)
        self._headers = (
            self.tr("氏名"), self.tr("国籍・地域"), self.tr("申請種別"), self.tr("現在の在留資格"),
            self.tr("在留期間満了日"), self.tr("オンライン申請"), self.tr("案件の状態"),
            self.tr("申請受付番号"), self.tr("最終更新"), self.tr("担当者"), self.tr("書類"),
        )

    # --- what the store answers -------------------------------------------------------------
    def _order(self, query: ListQuery, at_least: int = 0) -> list[int]:
        """The first cases of ``query`` (whole chunks, ``at_least`` of them when there are)."""
        limit = max(CHUNK, -(-at_least // CHUNK) * CHUNK)
        try:
            ids = self.store.list_order(query, self._rank, limit=limit + 1)
        except StorageError as exc:
            self.read_failed.emit(exc)
            ids = []
        self._more = len(ids) > limit
        del ids[limit:]
        if self._more:
            self._shown = None
            self._count_timer.start()
        else:
            self._shown = len(ids)
            self._count_timer.stop()
        return ids

    def _count_total(self) -> None:
        try:
            self._total = self.store.count()
        except StorageError as exc:
            self.read_failed.emit(exc)

    @Slot()
    def _count_shown(self) -> None:
        try:
            self._shown = self.store.list_count(self._query)
        except StorageError as exc:
            self.read_failed.emit(exc)
            return
        self.counted.emit()

    @property
    def shown_count(self) -> int | None:
        """How many cases the filters select (None while they are being counted)."""
        return self._shown

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and self._more

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008, N802
        """The next chunk of cases (the view is scrolled to the end of those listed)."""
        if parent.isValid() or not self._more:
            return
        try:
            more = self.store.list_order(self._query, self._rank, limit=CHUNK + 1,
                                         offset=len(self._ids))
        except StorageError as exc:
            self.read_failed.emit(exc)
            self._more = False
            return
        self._more = len(more) > CHUNK
        del more[CHUNK:]
        if more:
            first = len(self._ids)
            self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
            self._ids += more
            self.endInsertRows()
        if not self._more and self._shown is None:
            self._shown = len(self._ids)
            self._count_timer.stop()
            self.counted.emit()

    def fetch_all(self) -> None:
        """List every case the filters select (e.g. to go through them all)."""
        while self._more:
            self.fetchMore()

    def _rank(self, column: str, values: tuple[str, ...]) -> object:
        """The sort key of a ranked column's stored values, as the office reads them."""
        if column == "window":
            return self._window(values[0], texts.parse_date_cached(values[1]))[1]
        if column == "expiry_date":
            day = texts.parse_date_cached(values[0])
            return day.toordinal() if day else 0
        if column == "nationality":
            return _text_key(texts.code_label("nationality", values[0]))
        if column == "procedure":
            return _text_key(texts.procedure_label(values[0]))
        if column == "current_status":
            return _text_key(texts.residence_status_label(values[0]))
        return _text_key(texts.status_label(CaseStatus(values[0])))

    def _window(self, procedure: str, expiry: date | None) -> tuple[str, int]:
        return texts.window_words(procedure, expiry, self._today(), self._profile())

    def row(self, number: int) -> CaseRow | None:
        """The row shown at ``number`` (read with its page when not cached)."""
        if not 0 <= number < len(self._ids):
            return None
        rowid = self._ids[number]
        found = self._cache.get(rowid)
        if found is None:
            self._fetch(number)
            found = self._cache.get(rowid)
        return found

    def _fetch(self, number: int) -> None:
        start = number - number % PAGE
        wanted = [rowid for rowid in self._ids[start:start + PAGE] if rowid not in self._cache]
        if len(self._cache) + len(wanted) > CACHE_LIMIT:
            self._cache.clear()
        try:
            rows = self.store.list_rows(wanted)
        except StorageError as exc:
            self.read_failed.emit(exc)
            return
        uncounted = [r.summary.id for r in rows if r.documents_started and r.documents is None]
        counts: dict[str, tuple[int, int]] = {}
        if uncounted:
            from assistant.model import document_progress  # (lists read when first needed)

            try:
                counts = document_progress.count(self.store, uncounted)
            except StorageError as exc:
                self.read_failed.emit(exc)
        for found in rows:
            row = case_row(found)
            if row.case_id in counts:
                row.documents = counts[row.case_id]
            self._cache[found.rowid] = row

    # --- filters and order ------------------------------------------------------------------
    @property
    def query(self) -> ListQuery:
        return self._query

    def set_status(self, status: str) -> None:
        """Show only cases in ``status`` ("" = every status)."""
        self._set_query(replace(self._query, status=status))

    def set_procedure(self, procedure: str) -> None:
        self._set_query(replace(self._query, procedure=procedure))

    def set_staff(self, staff: str | None) -> None:
        """Show only the cases of this 担当者 (None = every staff member)."""
        self._set_query(replace(self._query, staff=staff))

    def set_search(self, text: str) -> None:
        """Incremental search over every value (see :mod:`assistant.model.storage.search`)."""
        needle = search_key(text)
        if needle != self._needle:
            self._needle = needle
            self._set_query(replace(self._query, text=text if needle else ""))

    def _set_query(self, query: ListQuery) -> None:
        if query != self._query:
            self._query = query
            self._relayout(keep=False)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column`` (SQLite sorts; a label, date or window by how it reads)."""
        if not 0 <= column < len(COLUMNS):
            return
        self._sort_column, self._sort_order = column, order
        if COLUMNS[column] == "documents":
            from assistant.model import document_progress

            try:
                document_progress.count_all(self.store)
            except StorageError as exc:
                self.read_failed.emit(exc)
            self._cache.clear()
        self._set_query(replace(self._query, order=COLUMNS[column],
                                descending=order == Qt.SortOrder.DescendingOrder))

    def case_ids(self, statuses: frozenset[str]) -> list[str]:
        """The ids of the shown cases (in their order) whose status is one of ``statuses``."""
        try:
            return self.store.list_case_ids(replace(self._query, statuses=statuses), self._rank)
        except StorageError as exc:
            self.read_failed.emit(exc)
            return []

    # --- following the store ----------------------------------------------------------------
    def reload(self) -> None:
        """Read the list again (everything may have changed)."""
        self._count_total()
        self.beginResetModel()
        self._cache.clear()
        self._ids = self._order(self._query)
        self._stale = False
        self.endResetModel()

    def refresh(self) -> None:
        """Cases changed: read their rows and the order again (at once, or when the list is
        shown again)."""
        self._cache.clear()
        if self._deferred:
            self._stale = True
            if self._ids:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(self._ids) - 1, len(COLUMNS) - 1))
            return
        self._count_total()
        self._relayout()

    def set_deferred(self, deferred: bool) -> None:
        """While the list is hidden (a case is being edited), an edit only marks it stale."""
        self._deferred = deferred
        if not deferred:
            self.ensure_current()

    def ensure_current(self) -> None:
        if self._stale:
            self._stale = False
            self._count_total()
            self._relayout()

    def row_of(self, case_id: str) -> int:
        """The row showing ``case_id``, -1 when it is not shown."""
        self.ensure_current()
        rowid = next((rowid for rowid, row in self._cache.items() if row.case_id == case_id),
                     None)
        if rowid is None:
            try:
                rowid = self.store.rowid_of(case_id)
            except StorageError as exc:
                self.read_failed.emit(exc)
                return -1
        if rowid is None:
            return -1
        while True:
            try:
                return self._ids.index(rowid)
            except ValueError:
                if not self._more:
                    return -1
                self.fetchMore()  # further down the list

    @property
    def total(self) -> int:
        """How many cases there are outside the recycle bin (shown or filtered out)."""
        return self._total

    def _relayout(self, keep: bool = True) -> None:
        """Ask the store for the order again; persistent indexes follow their cases.

        ``keep``: list as many cases as were listed (the same query after a change: the
        office stays where it had scrolled to), else the first chunk (a new query)."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        old = [self._ids[i.row()] if 0 <= i.row() < len(self._ids) else None
               for i in persistent]
        self._ids = self._order(self._query, len(self._ids) if keep else 0)
        where: dict[int, int] = {}
        for rowid in set(old):
            if rowid is not None:
                try:
                    where[rowid] = self._ids.index(rowid)
                except ValueError:
                    where[rowid] = -1
        new = []
        for index, rowid in zip(persistent, old, strict=True):
            number = where.get(rowid, -1) if rowid is not None else -1
            new.append(self.index(number, index.column()) if number >= 0 else QModelIndex())
        self.changePersistentIndexList(persistent, new)
        self.layoutChanged.emit()

    # --- QAbstractTableModel ----------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(COLUMNS):
            return self._headers[section]
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled \
            | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role not in _ROLES or not index.isValid():
            return None
        row = self.row(index.row())
        if row is None:
            return None
        return self.row_data(row, index.column(), role)

    def _window_of(self, row: CaseRow) -> tuple[str, int]:
        if not row.window_text:
            row.window_text, row.window_sort = self._window(row.procedure, row.expiry_date)
        return row.window_text, row.window_sort

    def row_data(self, row: CaseRow, column_number: int, role: int) -> object:
        """``data()`` of one row's cell. A role answered here must be in ``_ROLES`` too."""
        column = COLUMNS[column_number]
        if role == CASE_ID_ROLE:
            return row.case_id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == "window":
            urgency = self._window_of(row)[1]
            if urgency < rules.urgent_days():  # closing soon, or closed
                return QBrush(QColor("#b00020"))
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        return None

    def _tooltip(self, row: CaseRow, column: str) -> str | None:
        if column == "name" and row.is_sample:
            return self.tr("架空の申請人による練習用のサンプル案件です。")
        if column == "name" and row.zairyu_card_number:
            return self.tr("在留カード番号: {0}").format(row.zairyu_card_number)
        if column == "expiry_date" and row.expiry_date:
            return texts.format_date(row.expiry_date)  # with the era: 2027年1月15日（令和9年）
        if column == "window":  # the whole wording where a narrow column elides it
            return self._window_of(row)[0] or None
        if column == "updated_at" and row.updated_at:
            return texts.format_date(row.updated_at.date()) + row.updated_at.strftime(" %H:%M")
        if column == "documents" and row.documents is not None:
            done, total = row.documents
            return self.tr("提出書類 {0} 件のうち {1} 件が提出済みまたは不要").format(total, done)
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
            return texts.format_date(row.expiry_date, era=False) if row.expiry_date else ""
        if column == "window":
            return self._window_of(row)[0]
        if column == "status":
            return row.status_label
        if column == "application_number":
            return row.application_number
        if column == "staff":
            return row.staff
        if column == "documents":
            return f"{row.documents[0]}/{row.documents[1]}" if row.documents is not None else ""
        # the day (the time of day in the tip: a table column has no room for both)
        return texts.format_date(row.updated_at.date(), era=False) if row.updated_at else ""


# Never elided: the name is what the office looks for, and a cut date reads as another one.
_WHOLE = frozenset({"name", "expiry_date", "updated_at"})
# Elided only when the other columns cannot give way: its days left read wrong when cut.
_LAST_TO_GIVE = frozenset({"window"})


class CaseListPage(QWidget):
    """Search field, filters and the table of cases.

    Signals:
        open_requested(str): the user pressed Enter or double-clicked a case.
    """

    open_requested = Signal(str)

    def __init__(self, model: CaseTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr(
            "氏名・カナ・在留カード番号・勤務先・申請番号などで検索 (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search_text_changed)
        search_label = QLabel(self.tr("検索(&S):"))
        search_label.setBuddy(self.search)

        self.procedure_filter = QComboBox()
        self.procedure_filter.addItem(self.tr("すべての申請種別"), "")
        for procedure_id in texts.case_procedures():
            self.procedure_filter.addItem(texts.procedure_label(procedure_id), procedure_id)
        self.procedure_filter.currentIndexChanged.connect(self._on_procedure_filter_changed)
        procedure_label = QLabel(self.tr("申請種別(&P):"))
        procedure_label.setBuddy(self.procedure_filter)

        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("すべての状態"), "")
        for status in CaseStatus:
            self.status_filter.addItem(texts.status_label(status), status.value)
        self.status_filter.currentIndexChanged.connect(self._on_status_filter_changed)
        status_label = QLabel(self.tr("状態(&T):"))
        status_label.setBuddy(self.status_filter)

        # 担当者: the names the cases carry (「すべての担当者」 first), filtered in SQL.
        self.staff_filter = QComboBox()
        self.staff_filter.addItem(self.tr("すべての担当者"))
        self.staff_filter.currentIndexChanged.connect(self._on_staff_filter_changed)
        staff_label = QLabel(self.tr("担当者(&M):"))
        staff_label.setBuddy(self.staff_filter)
        self.update_staff_names()

        self.table = QTableView()
        self.table.setModel(self.model)
        # newest change first: the model's order already, so enabling sorting asks nothing
        self.table.horizontalHeader().setSortIndicator(COLUMNS.index("updated_at"),
                                                       Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        rows = self.table.verticalHeader()
        rows.hide()
        # One height for every row: the header keeps no size per row, so a filter that
        # changes 100,000 rows into 10 costs nothing there.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSectionsMovable(True)
        self.table.activated.connect(self._on_table_activated)

        self.empty_hint = QLabel(self.tr(
            "案件はまだありません。\n「新しい案件」(Ctrl+N) から最初の案件を作成してください。"))
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setWordWrap(True)
        # Shown instead of an empty table when the search or a filter hides every case.
        self.no_match = QWidget()
        self.no_match_label = QLabel(self.tr(
            "検索・絞り込みの条件に合う案件はありません。"), self.no_match)
        self.no_match_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_match_label.setWordWrap(True)
        self.clear_filters_button = QPushButton(self.tr("条件を解除してすべての案件を表示(&A)"),
                                                self.no_match)
        self.clear_filters_button.clicked.connect(self.clear_filters)
        no_match_layout = QVBoxLayout(self.no_match)
        no_match_layout.addStretch(1)
        no_match_layout.addWidget(self.no_match_label)
        no_match_layout.addWidget(self.clear_filters_button, 0, Qt.AlignmentFlag.AlignCenter)
        no_match_layout.addStretch(1)

        bar = QHBoxLayout()
        bar.addWidget(search_label)
        bar.addWidget(self.search, 3)
        bar.addSpacing(12)
        bar.addWidget(procedure_label)
        bar.addWidget(self.procedure_filter, 1)
        bar.addWidget(status_label)
        bar.addWidget(self.status_filter, 1)
        bar.addWidget(staff_label)
        bar.addWidget(self.staff_filter, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_hint, 1)
        layout.addWidget(self.no_match, 1)
        self.setTabOrder(self.search, self.procedure_filter)
        self.setTabOrder(self.procedure_filter, self.status_filter)
        self.setTabOrder(self.status_filter, self.staff_filter)
        self.setTabOrder(self.staff_filter, self.table)
        self.setTabOrder(self.table, self.clear_filters_button)
        for signal in (self.model.modelReset, self.model.rowsInserted, self.model.rowsRemoved,
                       self.model.layoutChanged):
            signal.connect(self._update_empty_hint)
        self._update_empty_hint()

    @Slot()
    def _update_empty_hint(self) -> None:
        empty = self.model.total == 0
        hidden = not empty and self.model.rowCount() == 0
        self.empty_hint.setVisible(empty)
        self.no_match.setVisible(hidden)
        self.table.setVisible(not empty and not hidden)

    def update_staff_names(self) -> None:
        """The 担当者 filter offers the names the cases carry now (the chosen one kept)."""
        try:
            names = self.model.store.list_staff_names()
        except StorageError:
            return
        chosen = self.staff_filter.currentText() if self.staff_filter.currentIndex() > 0 \
            else None
        if chosen is not None and chosen not in names:
            names.append(chosen)  # still filtering by it: keep it offered
        shown = [self.staff_filter.itemText(i) for i in range(1, self.staff_filter.count())]
        if shown == names:
            return
        self.staff_filter.blockSignals(True)
        while self.staff_filter.count() > 1:
            self.staff_filter.removeItem(1)
        for name in names:
            self.staff_filter.addItem(name, name)
        if chosen is not None:
            self.staff_filter.setCurrentIndex(names.index(chosen) + 1)
        self.staff_filter.blockSignals(False)

    @Slot()
    def clear_filters(self) -> None:
        """Show every case again: empty search, every filter back to すべて."""
        self.search.clear()
        self.procedure_filter.setCurrentIndex(0)
        self.status_filter.setCurrentIndex(0)
        self.staff_filter.setCurrentIndex(0)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def fit_columns(self) -> None:
        """Size the columns to their headers and a sample of rows (cheap with many cases)."""
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        least: list[int] = []
        widths: list[int] = []
        sorted_column = header.sortIndicatorSection()
        for column in range(self.model.columnCount()):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            # room for the sort arrow where it is shown
            width = metrics.horizontalAdvance(title) + (36 if column == sorted_column else 24)
            least.append(width)
            for row in range(min(self.model.rowCount(), 50)):
                text = str(self.model.index(row, column).data() or "")
                width = max(width, metrics.horizontalAdvance(text) + 24)
            widths.append(min(width, 320))
            if COLUMNS[column] in _WHOLE:
                least[column] = widths[column]
        # Too wide for the table: the last columns (最終更新) would need the scroll bar. Take the
        # excess from the columns wider than their headers (not the name or a date), in
        # proportion; their texts elide.
        available = 0
        if self.table.isVisible():  # (the vertical scroll bar may only come once rows are laid)
            available = self.table.viewport().width() - (
                0 if self.table.verticalScrollBar().isVisible()
                else self.table.verticalScrollBar().sizeHint().width())
        for last_ones in (False, True):
            gives = [last_ones or COLUMNS[c] not in _LAST_TO_GIVE for c in range(len(widths))]
            excess = sum(widths) - available
            spare = sum(w - m for w, m, g in zip(widths, least, gives, strict=True) if g)
            if available and excess > 0 and spare > 0:
                cut = min(1.0, excess / spare)
                widths = [w - int((w - m) * cut + 0.999) if g else w
                          for w, m, g in zip(widths, least, gives, strict=True)]
        for column, width in enumerate(widths):
            header.resizeSection(column, width)

    def current_case_id(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(
                index.row(), QModelIndex()):
            return None
        value = index.siblingAtColumn(0).data(CASE_ID_ROLE)
        return str(value) if value else None

    def select_case(self, case_id: str) -> None:
        row = self.model.row_of(case_id)
        if row < 0:
            return
        index = self.model.index(row, 0)
        if index.isValid():
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(index)

    @Slot(str)
    def _on_search_text_changed(self, text: str) -> None:
        self.model.set_search(text)

    @Slot(int)
    def _on_procedure_filter_changed(self, _index: int) -> None:
        self.model.set_procedure(str(self.procedure_filter.currentData() or ""))

    @Slot(int)
    def _on_status_filter_changed(self, _index: int) -> None:
        self.model.set_status(str(self.status_filter.currentData() or ""))

    @Slot(int)
    def _on_staff_filter_changed(self, index: int) -> None:
        self.model.set_staff(self.staff_filter.itemText(index) if index > 0 else None)

    @Slot(QModelIndex)
    def _on_table_activated(self, index: QModelIndex) -> None:
        case_id = index.siblingAtColumn(0).data(CASE_ID_ROLE)
        if case_id:
            self.open_requested.emit(str(case_id))

