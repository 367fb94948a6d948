"""設定 → バックアップと復元: the database's backups, listed and restored; the start-up checks.

- :class:`BackupDialog` lists the backups (``backups/``, the migration copies, the second
  folder), makes one now, runs the full integrity check, restores a chosen backup (the replaced
  database is moved aside, never deleted) and sets the second folder (e.g. a network share).
- :func:`open_store_at_start` opens the store for the GUI: a damaged, missing or emptied
  database opens this dialog to restore a backup (or start empty); a data folder that cannot
  be used (read-only, under a file, a drive gone) is said in a message and the start ends
  cleanly (``None``).
- :func:`start_checks` runs after the window is shown: a warning when the data folder is in a
  sync folder or on a network share, then, in a worker thread, the full integrity check and
  the day's backup.
- :func:`attach_to_settings` adds the バックアップ row (and the location warning) to the
  settings dialog; :func:`backup_action` is the ファイル menu entry.

The model does the work (:mod:`assistant.model.storage.backups`, ``.health``, ``.location``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from assistant.model.dates import format_moment
from assistant.model.problems import message_texts
from assistant.model.settings import BACKUP_MIRROR, Settings
from assistant.model.storage import CaseStore, StorageError
from assistant.model.storage import backups as bk
from assistant.model.storage.health import DatabaseDamagedError, DatabaseLostError
from assistant.model.storage.location import LocationRisk, location_risk
from assistant.ui import ask, texts
from assistant.ui.ops.bridge import Operation

translate = QCoreApplication.translate  # (the name pyside6-lupdate looks for)
Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


def model_text(code: str, **params: object) -> str:
    """A message of ``resources/messages`` in the UI language."""
    ja, en = message_texts(code, **params)
    return en if texts.language() == "en" else ja


def mirror_folder(settings: Settings) -> Path | None:
    folder = str(settings.get(BACKUP_MIRROR))
    return Path(folder).expanduser() if folder else None


def location_text(risk: LocationRisk, folder: Path) -> str:
    return model_text(risk.message_code, path=folder, service=risk.service, root=risk.root)


def _full_check(store: CaseStore, *, progress: object = None,
                cancelled: object = None) -> str | None:
    return store.check_integrity()


class BackupDialog(QDialog):
    """The backups of the database at ``db``.

    ``store`` is the open store (``None`` at start-up when the database could not be opened:
    then ``problem`` says why and the dialog offers a restore or an empty start). A restore
    closes ``store`` first; the caller then opens the database again.

    Attributes:
        restored: a backup was restored.
        started_empty: the office chose to start with an empty database.
        store_closed: ``store`` was closed (the caller must reopen, restored or not).
    """

    def __init__(self, db: Path, settings: Settings, store: CaseStore | None = None,
                 problem: StorageError | None = None, parent: QWidget | None = None,
                 clock: Clock = _utc_now) -> None:
        super().__init__(parent)
        self.db = db
        self.settings = settings
        self.store = store
        self.clock = clock
        self.restored = False
        self.started_empty = False
        self.store_closed = False
        self.check: Operation[str | None] | None = None
        self.setWindowTitle(self.tr("バックアップと復元"))
        layout = QVBoxLayout(self)

        self.problem_label = QLabel(problem.message(texts.language()) if problem else "")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #b00020; font-weight: bold;")
        self.problem_label.setVisible(problem is not None)
        layout.addWidget(self.problem_label)

        risk = location_risk(db.parent)
        self.location_label = QLabel(location_text(risk, db.parent) if risk else "")
        self.location_label.setWordWrap(True)
        self.location_label.setStyleSheet("color: #8a4b00;")
        self.location_label.setVisible(risk is not None)
        layout.addWidget(self.location_label)

        about = QLabel(self.tr(
            "データベース: {0}\nバックアップの保存先: {1}\n毎日最初の起動時と、一括取り込み・復元の"
            "前に自動で作成し、書き込んだ後に検査します。直近 7 日分と 4 週分（と今日の分）を"
            "残します。").format(db, bk.backup_folder(db)))
        about.setWordWrap(True)
        about.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(about)

        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("作成日時"), self.tr("種類"), self.tr("大きさ"), self.tr("場所")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setMinimumSize(640, 220)
        layout.addWidget(self.table)
        self.empty_label = QLabel()
        layout.addWidget(self.empty_label)

        actions = QHBoxLayout()
        self.create_button = QPushButton(self.tr("今すぐバックアップ(&B)"))
        self.create_button.clicked.connect(self._on_create_clicked)
        self.restore_button = QPushButton(self.tr("選んだバックアップから復元(&R)..."))
        self.restore_button.clicked.connect(self._on_restore_clicked)
        self.check_button = QPushButton(self.tr("データベースを検査(&C)"))
        self.check_button.clicked.connect(self._on_check_clicked)
        for button in (self.create_button, self.restore_button, self.check_button):
            actions.addWidget(button)
        actions.addStretch(1)
        layout.addLayout(actions)

        mirror_row = QHBoxLayout()
        mirror_row.addWidget(QLabel(self.tr("2 つ目の保存先:")))
        self.mirror_edit = QLineEdit(str(settings.get(BACKUP_MIRROR)))
        self.mirror_edit.setReadOnly(True)
        self.mirror_edit.setPlaceholderText(self.tr("なし（共有フォルダや外付けドライブを指定できます）"))
        mirror_row.addWidget(self.mirror_edit, 1)
        change = QPushButton(self.tr("変更(&M)..."))
        change.clicked.connect(self._on_mirror_change_clicked)
        self.mirror_clear = QPushButton(self.tr("解除(&U)"))
        self.mirror_clear.clicked.connect(self._on_mirror_clear_clicked)
        mirror_row.addWidget(change)
        mirror_row.addWidget(self.mirror_clear)
        layout.addLayout(mirror_row)

        bottom = QHBoxLayout()
        self.empty_button = QPushButton(self.tr("空のデータベースで始める(&E)..."))
        self.empty_button.clicked.connect(self._on_empty_clicked)
        self.empty_button.setVisible(problem is not None)
        bottom.addWidget(self.empty_button)
        bottom.addStretch(1)
        close = QPushButton(self.tr("閉じる"))
        close.clicked.connect(self.reject)
        bottom.addWidget(close)
        layout.addLayout(bottom)

        # nothing to back up from a damaged file
        self.create_button.setEnabled(store is not None and problem is None)
        self.check_button.setEnabled(store is not None)
        self.backups: list[bk.Backup] = []
        self.refresh()

    # -- the list ----------------------------------------------------------------------------
    def refresh(self) -> None:
        self.backups = bk.list_backups(self.db, mirror_folder(self.settings))
        self.table.setRowCount(len(self.backups))
        for row, backup in enumerate(self.backups):
            # as the office reads it, compact as the case list's dates: 2026年11月26日 10:30:05
            when = format_moment(backup.taken_at, texts.language(), era=False, seconds=True)
            cells = [when, model_text(f"backup_reason_{backup.reason.value}"),
                     f"{backup.size / 1_048_576:.1f} MB", str(backup.path.parent)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(backup.path))
                self.table.setItem(row, column, item)
        if self.backups:
            self.table.selectRow(0)
        self.empty_label.setText("" if self.backups else model_text(
            "backup_none", path=bk.backup_folder(self.db)))
        self.restore_button.setEnabled(bool(self.backups))
        self.mirror_clear.setEnabled(bool(self.mirror_edit.text()))

    def selected(self) -> bk.Backup | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    # -- actions -----------------------------------------------------------------------------
    @Slot()
    def _on_create_clicked(self) -> None:
        now = self.clock()
        try:
            backup = bk.backup_before(self.db, bk.Reason.MANUAL, now=now)
        except StorageError as exc:
            ask.error(self, exc, self.tr("バックアップ"))
            return
        mirror = mirror_folder(self.settings)
        done = model_text("backup_created", path=backup.path)
        if mirror is not None:
            try:
                copy = bk.copy_to(backup, mirror)
                bk.prune(mirror, self.db.stem, now)
                done += "\n" + model_text("backup_copied", path=copy.path)
            except StorageError as exc:
                done += "\n" + exc.message(texts.language())
        self.refresh()
        ask.information(self, self.tr("バックアップ"), done)

    @Slot()
    def _on_check_clicked(self) -> None:
        if self.store is None:
            return
        self.check_button.setEnabled(False)
        self.check_button.setText(self.tr("検査中..."))
        store = self.store
        self.check = Operation(_full_check, store, parent=self) \
            .on_success(self._show_check) \
            .on_finish(self._check_finished)
        self.check.start()

    def _show_check(self, report: str | None) -> None:
        from assistant.model.storage.health import shorten

        if report is None:
            ask.information(self, self.tr("データベースの検査"),
                            model_text("backup_integrity_ok", path=self.db))
        else:
            self.problem_label.setText(model_text("storage_damaged", path=self.db,
                                                  detail=shorten(report)))
            self.problem_label.setVisible(True)
            ask.warning(self, self.tr("データベースの検査"), self.problem_label.text())

    def _check_finished(self) -> None:
        self.check_button.setText(self.tr("データベースを検査(&C)"))
        self.check_button.setEnabled(self.store is not None)

    @Slot()
    def _on_restore_clicked(self) -> None:
        backup = self.selected()
        if backup is None:
            return
        when = format_moment(backup.taken_at, texts.language(), seconds=True)
        if not ask.question(self, self.tr("バックアップから復元"), self.tr(
                "データベースを {0} のバックアップの内容に戻します。それ以降の変更は、戻した後の"
                "データベースには含まれません。\n今のデータベースは削除せず、{1} に移して残します。"
                "\n復元しますか？").format(when, bk.aside_folder(self.db))):
            return
        if self.store is not None:
            self.store.close()
            self.store = None
            self.store_closed = True
            self.create_button.setEnabled(False)
            self.check_button.setEnabled(False)
        try:
            done = bk.restore_backup(self.db, backup.path, now=self.clock())
        except StorageError as exc:
            ask.error(self, exc, self.tr("バックアップから復元"))
            self.refresh()
            return
        self.restored = True
        if done.aside:
            text = model_text("backup_restored", backup=backup.path, path=self.db,
                              aside=done.aside[0].parent)
        else:
            text = model_text("backup_restored_nothing_aside", backup=backup.path, path=self.db)
        ask.information(self, self.tr("バックアップから復元"), text)
        self.accept()

    @Slot()
    def _on_empty_clicked(self) -> None:
        if not ask.question(self, self.tr("空のデータベースで始める"), self.tr(
                "案件のない空のデータベースで始めます。今のファイルは削除せず、{0} に移して"
                "残します。\nよろしいですか？").format(bk.aside_folder(self.db))):
            return
        if self.store is not None:  # damage found after the start: the window's store
            self.store.close()
            self.store = None
            self.store_closed = True
        try:
            moved = bk.start_empty(self.db, now=self.clock())
        except StorageError as exc:
            ask.error(self, exc)
            return
        self.started_empty = True
        if moved:
            ask.information(self, self.tr("空のデータベースで始める"), model_text(
                "backup_started_empty", path=self.db, aside=moved[0].parent))
        self.accept()

    @Slot()
    def _on_mirror_change_clicked(self) -> None:
        folder = ask.folder(self, self.tr("バックアップの 2 つ目の保存先"),
                            self.mirror_edit.text() or str(Path.home()))
        if folder is None:
            return
        risk_same = folder.resolve() == self.db.parent.resolve()
        if risk_same or folder.resolve() == bk.backup_folder(self.db).resolve():
            ask.warning(self, self.tr("バックアップの 2 つ目の保存先"), self.tr(
                "データベースと同じ場所は 2 つ目の保存先になりません。別のドライブや共有フォルダを"
                "選んでください。"))
            return
        self.settings.set(BACKUP_MIRROR, str(folder))
        self.mirror_edit.setText(str(folder))
        self.refresh()

    @Slot()
    def _on_mirror_clear_clicked(self) -> None:
        self.settings.set(BACKUP_MIRROR, "")
        self.mirror_edit.setText("")
        self.refresh()


def show_backups(parent: QWidget, store: CaseStore, settings: Settings,
                 reload: Callable[[], None], over: QDialog | None = None,
                 problem: StorageError | None = None) -> BackupDialog:
    """The dialog over the window's ``store`` (``problem``: what is wrong with it); after a
    restore (or whenever the store had to be closed) ``over`` (the settings dialog) is closed
    and ``reload`` rebuilds the window."""
    dialog = BackupDialog(store.path, settings, store=store, problem=problem,
                          parent=over or parent)
    dialog.exec()
    if dialog.store_closed:
        if over is not None:
            over.reject()
        QTimer.singleShot(0, reload)
    return dialog


def offer_restore(window: QWidget, store: CaseStore, settings: Settings, report: str,
                  reload: Callable[[], None]) -> BackupDialog:
    """Damage found by the check left for later, after the window showed: as at open, the
    same message and the backups to restore from (or an empty start); the store already
    refuses every write. Closed without either, the window stays, for reading only."""
    return show_backups(window, store, settings, reload,
                        problem=DatabaseDamagedError(store.path, report))


def backup_action(window: QWidget, store: CaseStore, settings: Settings,
                  reload: Callable[[], None]) -> QAction:
    """The ファイル menu's バックアップと復元… entry."""
    action = QAction(translate("BackupDialog", "バックアップと復元(&K)..."), window)
    action.triggered.connect(lambda: show_backups(window, store, settings, reload))
    return action


def attach_to_settings(dialog: QDialog, store: CaseStore, settings: Settings,
                       reload: Callable[[], None]) -> QWidget:
    """Add the バックアップ row (and a warning when the data folder is a sync folder or on a
    network share) to the settings ``dialog``, above its buttons; returns the row."""
    row = QWidget(dialog)
    layout = QVBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    folder = store.path.parent
    risk = location_risk(folder)
    if risk is not None:
        warning = QLabel(location_text(risk, folder))
        warning.setWordWrap(True)
        warning.setStyleSheet("color: #8a4b00;")
        warning.setObjectName("location_warning")
        layout.addWidget(warning)
    line = QHBoxLayout()
    line.addWidget(QLabel(translate("BackupDialog", "バックアップ:")))
    button = QPushButton(translate("BackupDialog", "バックアップと復元(&K)..."))
    button.setObjectName("backups_button")
    parent = dialog.parentWidget() or dialog
    button.clicked.connect(lambda: show_backups(parent, store, settings, reload, over=dialog))
    line.addWidget(button)
    line.addStretch(1)
    layout.addLayout(line)
    outer = dialog.layout()
    if isinstance(outer, QVBoxLayout):
        outer.insertWidget(max(0, outer.count() - 1), row)
    return row


# -- start-up ---------------------------------------------------------------------------------
class StartAborted(Exception):
    """The database could not be opened and the office chose to quit (already told why)."""


def open_store_at_start(path: Path, settings: Settings, clock: Clock = _utc_now) -> CaseStore:
    """The GUI's store at ``path``. A damaged, missing or emptied database opens the backup
    dialog until a backup is restored (or an empty start chosen); a data folder that cannot
    be used is said in a message. Raises :class:`StartAborted` when the start should end."""
    title = translate("BackupDialog", "在留申請 準備アシスタント")
    while True:
        try:
            return CaseStore.open(path)
        except (DatabaseDamagedError, DatabaseLostError) as exc:
            dialog = BackupDialog(path, settings, problem=exc, clock=clock)
            dialog.exec()
            if not (dialog.restored or dialog.started_empty):
                raise StartAborted from exc
        except StorageError as exc:
            ask.warning(None, title, translate(
                "BackupDialog",
                "データの保存先 {0} を使えないため、起動できません。フォルダの書き込み権限や、"
                "ドライブ・共有フォルダがつながっているかを確認してください。別の場所を使う"
                "場合は、起動時の --db オプションまたは環境変数 ASSISTANT_DATA_DIR で指定でき"
                "ます。\n\n{1}").format(path.parent, exc.message(texts.language())))
            raise StartAborted from exc


def start_checks(window: QMainWindow, store: CaseStore, settings: Settings,
                 clock: Clock = _utc_now, reload: Callable[[], None] | None = None
                 ) -> Operation[bk.StartCheck]:
    """After the window is shown: the location warning, then the full integrity check and the
    day's backup in a worker thread. Damage the full check finds is met as at open: writes are
    refused and the office sees the same message with the backups to restore from (``reload``
    rebuilds the window after a restore; without it, the message alone)."""
    folder = store.path.parent
    risk = location_risk(folder)
    if risk is not None:
        ask.warning(window, translate("BackupDialog", "データの保存先"),
                    location_text(risk, folder))

    def finished(result: bk.StartCheck) -> None:
        from assistant.model.storage.health import shorten

        if result.damage is not None and reload is not None:
            offer_restore(window, store, settings, result.damage, reload)
        elif result.damage is not None:
            ask.warning(window, translate("BackupDialog", "データベースの検査"), model_text(
                "storage_damaged", path=store.path, detail=shorten(result.damage)))
        elif result.problem is not None:
            window.statusBar().showMessage(result.problem.message(texts.language()), 15000)
        elif result.backup is not None:
            window.statusBar().showMessage(
                model_text("backup_created", path=result.backup.path), 8000)

    operation = Operation(bk.check_and_back_up, store, now=clock(),
                          mirror=mirror_folder(settings), parent=window)
    operation.on_success(finished).start()
    return operation
