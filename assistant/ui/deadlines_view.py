"""The 期限 view: every deadline of the office, earliest first, and its .ics export.

Renders :func:`assistant.model.deadlines.collect` (the thresholds are the settings'), collected
in a worker thread (at 100,000 cases a pass over every case, thousands of rows) while the view
says so; a row of a case opens it (Enter or double-click); 「カレンダーに書き出す」 writes the
same dates as an iCalendar file whose events keep their UIDs, so importing it again updates
them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from assistant.model import deadlines
from assistant.model.dates import format_date
from assistant.model.settings import LAST_FOLDER, RULE_PROFILE, Settings
from assistant.model.storage import CaseStore, StorageError
from assistant.ui import ask, texts
from assistant.ui.ops.bridge import Operation

CASE_ROLE = Qt.ItemDataRole.UserRole + 1
#: Rows filled per turn of the event loop (a few tens of milliseconds of the GUI thread).
FILL_CHUNK = 150


def thresholds_and_profile(settings: Settings) -> tuple[deadlines.Thresholds, str | None]:
    """The deadlines' thresholds and the rule profile as set (read in the GUI thread)."""
    return deadlines.thresholds_from(settings), settings.get(RULE_PROFILE) or None


def collect(store: CaseStore, settings: Settings, today: date) -> list[deadlines.Deadline]:
    """The office's deadlines with the thresholds and rule profile of ``settings``."""
    thresholds, profile = thresholds_and_profile(settings)
    return deadlines.collect(store, today, thresholds, profile=profile)


def _collect(store: CaseStore, today: date, thresholds: deadlines.Thresholds,
             profile: str | None, *, progress: object = None,
             cancelled: object = None) -> list[deadlines.Deadline]:
    return deadlines.collect(store, today, thresholds, profile=profile)


class DeadlinesDialog(QDialog):
    """The list of deadlines. Signals: open_case(str) when a case's row is activated."""

    open_case = Signal(str)

    def __init__(self, store: CaseStore, settings: Settings, today: Callable[[], date],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.settings = settings
        self.today = today
        self.deadlines: list[deadlines.Deadline] = []
        self.loading = False          # the deadlines are being collected (worker thread)
        self._load: Operation[list[deadlines.Deadline]] | None = None
        self.setWindowTitle(self.tr("期限一覧"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("期限日"), self.tr("残り"), self.tr("種類"), self.tr("内容")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        # widths from the first rows only (thousands of rows at 100,000 cases)
        self.table.horizontalHeader().setResizeContentsPrecision(200)
        self.table.setTabKeyNavigation(False)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._on_activated)
        self.empty = QLabel(self.tr("設定した日数の範囲に期限はありません。"))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.ics_button = QPushButton(self.tr("カレンダーに書き出す(&I)..."))
        self.ics_button.setToolTip(self.tr(
            "Outlook や Google カレンダーに読み込める iCalendar (.ics) ファイルに書き出します。"
            "書き出し直すと同じ予定が更新されます。"))
        buttons.addButton(self.ics_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.ics_button.clicked.connect(self.export_ics)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(buttons)
        self.resize(860, 440)
        self.reload()

    def _kind_label(self, kind: deadlines.DeadlineKind) -> str:
        labels = {
            deadlines.DeadlineKind.WINDOW_CLOSING: self.tr("申請期限"),
            deadlines.DeadlineKind.WINDOW_OPENING: self.tr("次の更新"),
            deadlines.DeadlineKind.DOCUMENTS_DUE: self.tr("追完期限"),
            deadlines.DeadlineKind.RESULT_AWAITED: self.tr("結果待ち"),
            deadlines.DeadlineKind.OFFICE_PASSWORD: self.tr("パスワード"),
            deadlines.DeadlineKind.OFFICE_CERTIFICATE: self.tr("届出済証明書"),
        }
        return labels[kind]

    def _left_text(self, days: int) -> str:
        if days == -1:
            return self.tr("1 日経過")   # (English: one day, not "1 days")
        if days < 0:
            return self.tr("{0} 日経過").format(-days)
        if days == 0:
            return self.tr("今日")
        if days == 1:
            return self.tr("あと 1 日")
        return self.tr("あと {0} 日").format(days)

    @Slot()
    def reload(self) -> None:
        """Collect the deadlines again in a worker thread; the table follows when done."""
        if self.loading:
            return
        self.loading = True
        self.summary.setText(self.tr("期限を集めています..."))
        self.empty.setVisible(False)
        self.ics_button.setEnabled(False)
        today = self.today()
        thresholds, profile = thresholds_and_profile(self.settings)
        self._load = Operation(_collect, self.store, today, thresholds, profile, parent=self) \
            .on_success(lambda found: self._show(found, today)) \
            .on_failure(self._failed)
        self._load.start()

    def _failed(self, error: Exception) -> None:
        if not isinstance(error, StorageError):
            from assistant.ui.ops.bridge import report_failure

            report_failure(self, error)
        else:
            ask.error(self, error)
        self._show([], self.today())

    def _show(self, found: list[deadlines.Deadline], today: date) -> None:
        """Fill the table a chunk of rows per turn of the event loop (thousands of rows at
        100,000 cases would hold the window for most of a second)."""
        self.deadlines = found
        self.table.setRowCount(len(found))
        self._fill(today, 0)

    def _fill(self, today: date, start: int) -> None:
        language = texts.language()
        red = QBrush(QColor("#b00020"))
        end = min(start + FILL_CHUNK, len(self.deadlines))
        for row in range(start, end):
            item = self.deadlines[row]
            days = item.days_left(today)
            # the day as the office reads it, as the case list shows dates: 2026年12月3日 in the
            # column, with the era year in the tip (ISO in English)
            cells = [format_date(item.on, language, era=False), self._left_text(days),
                     self._kind_label(item.kind), item.text(language)]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column == 0:
                    cell.setToolTip(format_date(item.on, language))
                cell.setData(CASE_ROLE, item.case_id or "")
                if days <= 7:
                    cell.setForeground(red)
                self.table.setItem(row, column, cell)
        if start == 0:
            self.table.resizeColumnsToContents()
            self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
            week = len(deadlines.this_week(self.deadlines, today))
            self.summary.setText(self.tr("期限 {0} 件（今週が期限: {1} 件）").format(
                len(self.deadlines), week))
            self.table.setVisible(bool(self.deadlines))
            self.empty.setVisible(not self.deadlines)
            if self.deadlines:
                self.table.selectRow(0)
                self.table.setFocus()
        if end < len(self.deadlines):
            QTimer.singleShot(0, self, lambda: self._fill(today, end))
            return
        self.ics_button.setEnabled(bool(self.deadlines))
        self.loading = False

    @Slot()
    def _on_activated(self) -> None:
        item = self.table.item(self.table.currentRow(), 0)
        case_id = str(item.data(CASE_ROLE) or "") if item is not None else ""
        if case_id:
            self.open_case.emit(case_id)
            self.accept()

    @Slot()
    def export_ics(self) -> None:
        start = Path(self.settings.get(LAST_FOLDER) or Path.home()) / "deadlines.ics"
        path = ask.save_file(self, self.tr("カレンダーに書き出す"), start,
                             self.tr("iCalendar ファイル (*.ics)"))
        if path is None or not ask.may_write(self, path, db=self.store.path,
                                             replace_confirmed=True):
            return
        from assistant.model.atomic import atomic_write_bytes

        try:
            atomic_write_bytes(path, deadlines.to_ics(self.deadlines, texts.language()))
        except OSError as exc:
            ask.error(self, exc)
            return
        self.settings.set(LAST_FOLDER, str(path.parent))
        ask.information(self, self.tr("カレンダーに書き出す"),
                        self.tr("{0} 件の期限を書き出しました: {1}").format(
                            len(self.deadlines), str(path)))
