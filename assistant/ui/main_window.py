"""The main window: the office's case list, and the wizard of the case being edited.

The window shows one of two pages: the case list (search, filters, the table) or the case
editor (:class:`assistant.ui.wizard.CaseEditor`). Every list action has a menu entry and a
shortcut; the undo/redo actions follow the open case's undo stack.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QStackedWidget,
    QToolBar,
)

from assistant import APP_NAME, APP_NAME_EN
from assistant.model.case import CaseStatus
from assistant.model.settings import CASE_LIST_STATE, LAST_FOLDER, WINDOW_GEOMETRY, Settings
from assistant.model.storage import CaseStore, StorageError
from assistant.ui import ask, texts
from assistant.ui.case_list import CaseListPage, CaseTableModel
from assistant.ui.ops.events import CaseChange, CaseEvents, ChangeKind

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QShowEvent

    from assistant.model.office import OfficeStore
    from assistant.ui.ops.bridge import Operation
    from assistant.ui.status_actions import StatusActions
    from assistant.ui.wizard import CaseEditor


class MainWindow(QMainWindow):
    """Top-level window of the assistant.

    Signals:
        reload_requested: settings changed that need a new window (language, data folder).
    """

    reload_requested = Signal()
    # False until built, and again when Qt has already torn the Python side down
    _built = False

    def __init__(self, store: CaseStore, settings: Settings,
                 today: Callable[[], date] = date.today,
                 events: CaseEvents | None = None, office: OfficeStore | None = None) -> None:
        """The window over ``store`` and ``settings``; ``today`` is the clock of every date
        shown (tests fix it); ``events`` is the application's change broadcast and ``office``
        the office's staff profiles (app.py makes both; a window made alone makes its own)."""
        super().__init__()
        from assistant.model.office import OfficeStore

        self.store = store
        self.settings = settings
        self.today = today
        self.events = events if events is not None else CaseEvents(self)
        self.office = office if office is not None else OfficeStore(store)
        self.editor: CaseEditor | None = None
        self.deadlines_dialog: QDialog | None = None
        self._icons: list[tuple[QAction, str]] = []
        self._status_actions: StatusActions | None = None
        self._shown_once = False
        # Linux and Windows append the display name to every window title ("設定 — …"): it
        # must be in the UI language too.
        QGuiApplication.setApplicationDisplayName(self._app_title())
        self.setWindowTitle(self._app_title())
        self.undo_group = QUndoGroup(self)

        self.model = CaseTableModel(store, self, today=today,
                                    profile=lambda: texts.profile_id(self.settings))
        self.model.read_failed.connect(self._on_list_read_failed)
        self.model.reload()
        self.list_page = CaseListPage(self.model)
        self.list_page.open_requested.connect(self._on_list_page_open_requested)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.list_page)
        self.setCentralWidget(self.pages)

        self.count_label = QLabel()
        # 「今週が期限: N 件」: a button that opens the 期限 view (hidden while nothing is due).
        self.week_button = QPushButton()
        self.week_button.setFlat(True)
        self.week_button.clicked.connect(self.show_deadlines)
        self.week_button.hide()
        self.statusBar().addPermanentWidget(self.week_button)
        self.statusBar().addPermanentWidget(self.count_label)
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self.model.modelReset.connect(self._update_count)
        self.model.layoutChanged.connect(self._update_count)
        self.model.counted.connect(self._update_count)
        self.list_page.table.selectionModel().selectionChanged.connect(self._update_actions)

        # Smaller, and the wizard's page shrinks to a line or two between the banner, the step
        # title and the buttons; this still fits 1366x768, or 1920x1080 at 150 %.
        metrics = self.fontMetrics()
        self.setMinimumSize(metrics.horizontalAdvance("あ") * 56, metrics.lineSpacing() * 30)

        self._update_count()
        # The week's deadlines read every case: after the first paint, and after changes once
        # they settle (an editor publishes each keystroke).
        self._week_count: Operation[int] | None = None
        self._week_again = False
        self._week_timer = QTimer(self)
        self._week_timer.setSingleShot(True)
        self._week_timer.setInterval(400)
        self._week_timer.timeout.connect(self.update_week_summary)
        self._week_timer.start()
        self.list_page.fit_columns()
        if self.model.rowCount():
            self.list_page.table.selectRow(0)
        self._restore_geometry()
        self._built = True
        QTimer.singleShot(0, self, self._ensure_status_actions)
        QTimer.singleShot(0, self, self._load_icons)
        self._update_actions()
        self.pages.currentChanged.connect(self._update_actions)
        # While a case is edited, its autosaves only mark the list stale (read when shown).
        self.pages.currentChanged.connect(
            lambda _index: self.model.set_deferred(self.pages.currentWidget() is not self.list_page))
        self.events.subscribe(self._on_cases_changed)

    # --- set-up -----------------------------------------------------------------------------
    def _action(self, text: str, slot: Callable[[], object],
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
                icon: str = "", tip: str = "") -> QAction:
        """A window action; ``icon`` names a ``QStyle.StandardPixmap`` (set by _load_icons)."""
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon:
            self._icons.append((action, icon))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    @Slot()
    def _load_icons(self) -> None:
        """The style's standard icons of the actions: in the event loop's first turn, as
        QStyle's Python type takes a while to build and the first paint can do without."""
        from PySide6.QtWidgets import QStyle

        style = self.style()
        for action, name in self._icons:
            action.setIcon(style.standardIcon(getattr(QStyle.StandardPixmap, name)))
        self._icons = []

    def _build_actions(self) -> None:
        self.new_action = self._action(self.tr("新しい案件(&N)..."), self.new_case,
                                       QKeySequence.StandardKey.New, "SP_FileIcon",
                                       self.tr("申請種別を選んで新しい案件を作成します"))
        self.open_action = self._action(self.tr("開く(&O)"), self.open_selected, "Ctrl+O",
                                        "SP_DirOpenIcon", self.tr("選択した案件を開きます"))
        self.duplicate_action = self._action(
            self.tr("複製して新しい案件に(&D)"), self.duplicate_selected, "Ctrl+D",
            "SP_FileDialogNewFolder",
            self.tr("選択した案件を元に新しい案件を作成します（昨年の更新申請から今年の申請を作るときなど）"))
        self.delete_action = self._action(self.tr("ゴミ箱へ移動(&L)"), self.delete_selected,
                                          QKeySequence.StandardKey.Delete, "SP_TrashIcon",
                                          self.tr("選択した案件をゴミ箱へ移動します（元に戻せます）"))
        self.trash_action = self._action(self.tr("ゴミ箱を開く(&R)..."), self.show_trash)
        self.export_action = self._action(self.tr("案件ファイルへ書き出す(&E)..."),
                                          self.export_selected, "Ctrl+E")
        self.import_action = self._action(self.tr("案件ファイルを読み込む(&I)..."),
                                          self.import_case_file, "Ctrl+I")
        self.settings_action = self._action(self.tr("設定(&S)..."), self.show_settings, "Ctrl+,")
        self.backup_action = self._action(self.tr("バックアップと復元(&K)..."), self.show_backups)
        self.quit_action = self._action(self.tr("終了(&Q)"), self.close,
                                        QKeySequence.StandardKey.Quit)
        self.search_action = self._action(self.tr("検索(&F)"), self.focus_search,
                                          QKeySequence.StandardKey.Find)
        self.back_action = self._action(self.tr("案件一覧に戻る(&B)"), self.show_list, "Ctrl+L",
                                        "SP_ArrowBack")
        self.undo_action = self.undo_group.createUndoAction(self, self.tr("元に戻す(&U)"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_group.createRedoAction(self, self.tr("やり直す(&R)"))
        self.redo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Redo),
                                       QKeySequence("Ctrl+Y")])
        self.about_action = self._action(self.tr("このアプリについて(&A)"), self.show_about)
        self.deadlines_action = self._action(
            self.tr("期限一覧(&D)..."), self.show_deadlines, "Ctrl+Shift+D", "",
            self.tr("申請期限・追完期限・結果待ち・パスワードなどの期限を一覧します"))

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("ファイル(&F)"))
        for action in (self.new_action, self.open_action, self.duplicate_action, None,
                       self.export_action, self.import_action, None, self.delete_action,
                       self.trash_action, None, self.backup_action, self.settings_action, None,
                       self.quit_action):
            if action is None:
                self.file_menu.addSeparator()
            else:
                self.file_menu.addAction(action)
        self.edit_menu = bar.addMenu(self.tr("編集(&E)"))
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.search_action)
        from assistant.ui.export_actions import ExportActions

        self.exports = ExportActions(self, self.store, self.settings, self.today, self.events,
                                     selection=self, office=self.office)
        table = self.list_page.table
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        # The list's context menu: the 申請 steps (added with the 申請 menu), then
        # オンラインシステムに入力 (same actions as the menus).
        self.case_menu = QMenu(self)
        self._case_menu_separator = self.case_menu.addSeparator()
        self.case_menu.addAction(self.exports.online_fill_action)
        self.case_menu.aboutToShow.connect(self._on_case_menu_about_to_show)
        table.customContextMenuRequested.connect(
            lambda at: self.case_menu.popup(table.viewport().mapToGlobal(at)))
        self.view_menu = bar.addMenu(self.tr("表示(&V)"))
        self.view_menu.addAction(self.back_action)
        self.view_menu.addAction(self.deadlines_action)
        self.help_menu = bar.addMenu(self.tr("ヘルプ(&H)"))
        self.help_menu.addAction(self.about_action)

    @property
    def status_actions(self) -> StatusActions:
        """The steps after filing (申請済 … 完了): the 申請 menu, the list's context menu,
        Ctrl+T. Built in the event loop's first turn (before the user can reach them), or when
        first asked for: the first paint does not need them, and their import reads the
        filing rules and the eras."""
        return self._ensure_status_actions()

    def _ensure_status_actions(self) -> StatusActions:
        if self._status_actions is None:
            from assistant.ui.status_actions import StatusActions

            actions = self._status_actions = StatusActions(
                self, self.store, self, self.events, self.office, self.today,
                show_checklist=self.exports.checklist_preview_action.trigger,
                open_case=self.open_case)
            # between 書き出し and 表示, as built with the other menus
            self.menuBar().insertMenu(self.view_menu.menuAction(), actions.menu)
            self.case_menu.insertActions(self._case_menu_separator, actions.menu.actions())
        return self._status_actions

    @Slot()
    def _on_case_menu_about_to_show(self) -> None:
        self.status_actions.update()
        self.exports.online_fill_action.setEnabled(self.current_case_id() is not None)

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("ツールバー"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.back_action, self.new_action, self.open_action,
                       self.duplicate_action, self.delete_action):
            toolbar.addAction(action)
        self.addToolBar(toolbar)

    def _restore_geometry(self) -> None:
        geometry = self.settings.get(WINDOW_GEOMETRY)
        if not geometry or not self.restoreGeometry(QByteArray.fromBase64(geometry.encode())):
            self.resize(1180, 720)
        state = self.settings.get(CASE_LIST_STATE)
        if state:
            self.list_page.table.horizontalHeader().restoreState(
                QByteArray.fromBase64(state.encode()))

    def keep_help_menu_last(self) -> None:
        """Menus added by other parts (事務所) go before ヘルプ, as on every desktop."""
        bar = self.menuBar()
        bar.removeAction(self.help_menu.menuAction())
        bar.addAction(self.help_menu.menuAction())

    # --- the list ---------------------------------------------------------------------------
    @Slot(object)
    def _on_list_read_failed(self, exc: StorageError) -> None:
        self.statusBar().showMessage(ask.error_text(exc), 8000)

    def reload_cases(self) -> None:
        """Read the whole list from the store again."""
        self.model.reload()
        self.list_page.update_staff_names()
        self._update_count()

    def _refresh_rows(self, case_ids: Sequence[str]) -> None:
        """Show the current state of these cases in the list (added when new)."""
        if case_ids:
            self.model.refresh()
            self.list_page.update_staff_names()

    @Slot(object)
    def _on_cases_changed(self, change: CaseChange) -> None:
        """The list, the open editor and the menus follow every change to the cases."""
        kind = change.kind
        if kind is ChangeKind.EVERYTHING:
            self.reload_cases()
        elif kind is ChangeKind.REMOVED:
            self._refresh_rows(change.case_ids)
        elif kind is ChangeKind.REPLACED:
            new_id = change.replacement
            self._refresh_rows([*change.case_ids, *([new_id] if new_id else [])])
            if new_id is not None and self.editor is not None \
                    and self.editor.case_id in change.case_ids:
                QTimer.singleShot(0, lambda: self.open_case(new_id))
        else:
            self._refresh_rows(change.case_ids)
        editor = self.editor
        if kind is ChangeKind.EDITED and editor is not None and change.source is not editor \
                and change.touches(editor.case_id):
            # changed elsewhere (an import, a bulk replacement): show the new values
            self.open_case(editor.case_id)
        self._update_count()
        self._update_actions()
        self._week_timer.start()

    # --- what the export menu sees (export_actions.CaseSelection) ---------------------------
    def current_case_id(self) -> str | None:
        """The case open in the editor, else the one selected in the list."""
        if self.editor is not None and self.pages.currentWidget() is self.editor:
            return self.editor.case_id
        return self.list_page.current_case_id()

    def shown_case_ids(self, statuses: frozenset[CaseStatus]) -> list[str]:
        """The cases the list shows (in its order) whose status is one of ``statuses``."""
        return self.model.case_ids(frozenset(s.value for s in statuses))

    @Slot()
    def _update_count(self) -> None:
        shown, total = self.model.shown_count, self.model.total
        if shown is None:  # being counted (a broad search over many cases)
            self.count_label.setText(self.tr("案件 {0} 件中 {1} 件以上を表示").format(
                total, self.model.rowCount()))
        elif shown == total:
            self.count_label.setText(self.tr("案件 {0} 件").format(total))
        else:
            self.count_label.setText(self.tr("案件 {0} 件中 {1} 件を表示").format(total, shown))

    @Slot()
    def _update_actions(self) -> None:
        if not self._built:
            return  # the selection model still signals while the window is being destroyed
        on_list = self.pages.currentWidget() is self.list_page
        selected = on_list and self.list_page.current_case_id() is not None
        for action in (self.open_action, self.duplicate_action, self.delete_action,
                       self.export_action):
            action.setEnabled(selected)
        self.back_action.setEnabled(not on_list)
        self.search_action.setEnabled(on_list)
        if self._status_actions is not None:
            self._status_actions.update()

    # --- actions ----------------------------------------------------------------------------
    @Slot()
    def focus_search(self) -> None:
        self.show_list()
        self.list_page.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.list_page.search.selectAll()

    @Slot()
    def new_case(self) -> None:
        from assistant.ui.new_case import NewCaseDialog

        dialog = NewCaseDialog(self)
        if dialog.exec() != NewCaseDialog.DialogCode.Accepted:
            return
        try:
            from assistant.model.agent_block import new_case_values
            # The 取次者 block starts filled from the current staff member (docs/domain.md#office-account).
            current = self.office.current()
            agent = new_case_values(dialog.procedure(), current)
            # 担当者: the current staff member
            case = self.store.create(dialog.procedure(), agent,
                                     staff=current.name if current is not None else "")
        except StorageError as exc:
            ask.error(self, exc)
            return
        self.events.publish(CaseChange.created(case.id, source=self))
        self.open_case(case.id)

    @Slot()
    def open_selected(self) -> None:
        case_id = self.list_page.current_case_id()
        if case_id:
            self.open_case(case_id)

    @Slot(str)
    def _on_list_page_open_requested(self, case_id: str) -> None:
        self.open_case(case_id)

    def open_case(self, case_id: str) -> None:
        """Open the wizard of ``case_id`` (closing the one open before)."""
        from assistant.ui.wizard import CaseEditor

        self._close_editor()
        try:
            editor = CaseEditor(self.store, case_id, self.settings, today=self.today,
                                parent=self, events=self.events)
        except StorageError as exc:
            ask.error(self, exc)
            return
        except KeyError:
            # A case file from a newer version may name a procedure this one does not know.
            ask.warning(self, self.tr("エラー"),
                        self.tr("この案件の申請種別には対応していないため、開けません。"))
            return
        editor.close_requested.connect(self.show_list)
        self.undo_group.addStack(editor.undo_stack)
        self.undo_group.setActiveStack(editor.undo_stack)
        self.editor = editor
        self.pages.addWidget(editor)
        self.pages.setCurrentWidget(editor)
        self.activateWindow()  # back from the new-case dialog
        editor.focus_first_field()
        self.setWindowTitle(self.tr("{0} — {1}").format(editor.title(), self._app_title()))

    def _app_title(self) -> str:
        return APP_NAME if texts.language() == "ja" else APP_NAME_EN

    def _close_editor(self) -> None:
        if self.editor is None:
            return
        editor, self.editor = self.editor, None
        self.pages.removeWidget(editor)
        self.undo_group.removeStack(editor.undo_stack)
        editor.deleteLater()

    @Slot()
    def show_list(self) -> None:
        case_id = self.editor.case_id if self.editor is not None else None
        self._close_editor()
        self.pages.setCurrentWidget(self.list_page)
        self.setWindowTitle(self._app_title())
        if case_id:
            self._refresh_rows([case_id])
            self.list_page.select_case(case_id)
        self.list_page.table.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def duplicate_selected(self) -> None:
        case_id = self.list_page.current_case_id()
        if not case_id:
            return
        try:
            copy = self.store.duplicate(case_id)
        except StorageError as exc:
            ask.error(self, exc)
            return
        self.events.publish(CaseChange.created(copy.id, source=self))
        self.statusBar().showMessage(self.tr("案件を複製しました。在留カード番号と満了日は新しく入力してください。"),
                                     8000)
        self.open_case(copy.id)

    @Slot()
    def delete_selected(self) -> None:
        case_id = self.list_page.current_case_id()
        if not case_id:
            return
        row = self.model.rows[self.model.row_of(case_id)]
        name = row.name or self.tr("（氏名未入力）")
        if not ask.question(
                self, self.tr("ゴミ箱へ移動"),
                self.tr("「{0}」の案件をゴミ箱へ移動しますか？\nゴミ箱からいつでも元に戻せます。").format(name)):
            return
        try:
            self.store.delete(case_id)
        except StorageError as exc:
            ask.error(self, exc)
            return
        self.events.publish(CaseChange.removed(case_id, source=self))
        self.statusBar().showMessage(self.tr("「{0}」をゴミ箱へ移動しました。").format(name), 8000)

    @Slot()
    def show_trash(self) -> None:
        from assistant.ui.trash import TrashDialog

        dialog = TrashDialog(self.store, self)
        dialog.exec()
        if dialog.restored:
            self.events.publish(CaseChange.restored(dialog.restored, source=self))
            self.list_page.select_case(dialog.restored[-1])

    @Slot()
    def export_selected(self) -> None:
        case_id = self.list_page.current_case_id()
        if not case_id:
            return
        from assistant.model import casefile

        row = self.model.rows[self.model.row_of(case_id)]
        try:
            case = self.store.get(case_id)
        except StorageError as exc:
            ask.error(self, exc)
            return
        suggested = Path(self.settings.get(LAST_FOLDER) or Path.home()) / \
            casefile.default_file_name(case)
        path = ask.save_file(self, self.tr("案件ファイルへ書き出す"), suggested,
                             self.tr("案件ファイル (*.json)"))
        if path is None or not ask.may_write(self, path, db=self.store.path,
                                             replace_confirmed=True):
            return
        try:   # with its history (who, when, numbers, due dates, grant) and 担当者
            casefile.export_case(self.store, case_id, path)
        except (casefile.CaseFileError, StorageError, OSError) as exc:
            ask.error(self, exc)
            return
        self.settings.set(LAST_FOLDER, str(path.parent))
        self.statusBar().showMessage(
            self.tr("「{0}」を書き出しました: {1}").format(row.name, str(path)), 8000)

    @Slot()
    def import_case_file(self) -> None:
        from assistant.model import casefile

        path = ask.open_file(self, self.tr("案件ファイルを読み込む"),
                             self.settings.get(LAST_FOLDER) or "",
                             self.tr("案件ファイル (*.json)"))
        if path is None:
            return
        try:
            document = casefile.read_case_file(path)
            case = casefile.import_case(self.store, document)
        except (StorageError, casefile.CaseFileError) as exc:
            ask.error(self, exc)
            return
        self.settings.set(LAST_FOLDER, str(path.parent))
        self.events.publish(CaseChange.created(case.id, source=self))
        self.list_page.select_case(case.id)
        self.statusBar().showMessage(self.tr("案件ファイルを読み込みました。"), 8000)

    @Slot()
    def show_backups(self) -> None:
        """The backup dialog (imported here: start-up does not need it)."""
        from assistant.ui.backup_dialog import show_backups

        show_backups(self, self.store, self.settings, self.reload_requested.emit)

    def _on_document_lists_changed(self) -> None:
        self.store.forget_document_counts()
        self.events.publish(CaseChange.everything(source=self))

    @Slot()
    def show_settings(self) -> None:
        from assistant.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self)
        from assistant.ui.backup_dialog import attach_to_settings

        # the バックアップ row and the data folder's location warning
        attach_to_settings(dialog, self.store, self.settings, self.reload_requested.emit)
        from assistant.ui.document_lists_dialog import attach_to_settings as attach_lists

        # the 提出書類リスト row; an edited list changes the cases' 書類 n/m
        attach_lists(dialog, self._on_document_lists_changed)
        if dialog.exec() != SettingsDialog.DialogCode.Accepted:
            return
        if dialog.needs_reload:
            # Language and data folder change the whole window: rebuild it after this slot.
            QTimer.singleShot(0, self.reload_requested.emit)
        else:
            # the rule profile may change the windows of every case
            self.events.publish(CaseChange.everything(source=self))

    @Slot()
    def update_week_summary(self) -> None:
        """「今週が期限: N 件」 in the status bar (hidden when nothing is due this week), counted
        in a worker thread: at 100,000 cases the pass over every case must not hold the
        window. A change while it counts counts again when it ends."""
        if self._week_count is not None and self._week_count.is_running():
            self._week_again = True
            return
        from assistant.model.deadlines import week_count
        from assistant.ui.deadlines_view import thresholds_and_profile
        from assistant.ui.ops.bridge import Operation

        self._week_again = False
        thresholds, profile = thresholds_and_profile(self.settings)
        self._week_count = Operation(week_count, self.store, self.today(), thresholds, profile,
                                     parent=self) \
            .on_success(self._show_week_summary) \
            .on_failure(self._week_summary_failed) \
            .on_finish(self._week_summary_done)
        self._week_count.start()

    def _show_week_summary(self, due: int) -> None:
        self.week_button.setText(self.tr("今週が期限: {0} 件").format(due))
        self.week_button.setVisible(due > 0)

    def _week_summary_failed(self, error: Exception) -> None:
        if isinstance(error, StorageError):
            self._show_week_summary(0)  # the store says so where it is used; no summary now
            return
        from assistant.ui.ops.bridge import report_failure

        report_failure(self, error)

    def _week_summary_done(self) -> None:
        if self._week_again:
            self._week_timer.start()

    @Slot()
    def show_deadlines(self) -> None:
        """The 期限 view; a case chosen there opens in the editor."""
        from assistant.ui.deadlines_view import DeadlinesDialog

        dialog = DeadlinesDialog(self.store, self.settings, self.today, self)
        dialog.open_case.connect(self.open_case)
        self.deadlines_dialog = dialog
        dialog.exec()
        dialog.deleteLater()
        self.deadlines_dialog = None

    @Slot()
    def show_about(self) -> None:
        from assistant import __version__

        ask.about(self, self.tr("このアプリについて"), self.tr(
            "在留申請 準備アシスタント {0}\n\n在留申請オンラインシステムで申請する前に、"
            "申請内容・添付書類を事務所で準備・確認するためのアプリです。").format(__version__))

    # --- Qt events --------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            if not self.settings.get(CASE_LIST_STATE):  # the user's own widths come first
                self.list_page.fit_columns()  # again, now that the table's width is known

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        # Every edit is already stored; only the window's layout is kept for next time (the
        # settings file rewritten only for what changed: each write is fsynced).
        for setting, state in (
                (WINDOW_GEOMETRY, self.saveGeometry()),
                (CASE_LIST_STATE, self.list_page.table.horizontalHeader().saveState())):
            value = bytes(state.toBase64().data()).decode()
            if self.settings.get(setting) != value:
                self.settings.set(setting, value)
        super().closeEvent(event)
