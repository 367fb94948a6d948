"""The 書き出し menu: bulk-application CSV, transcription sheet and result checklist.

The documents are built by :mod:`assistant.model.exports`, written by
:mod:`assistant.render.pdf` and printed by :mod:`assistant.ui.printing`; all are imported only
when used (they pull in the print support and the PDF code, which start-up does not need).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QMainWindow

from assistant.model.case import AWAITING_RESULT, NAME, Case, CaseStatus, ReceiptMethod
from assistant.model.settings import (
    BULK_ENCODING,
    CODE_LIST_CELLS,
    LAST_FOLDER,
    OFFICIAL_WORKBOOKS,
    Settings,
)
from assistant.model.storage import CaseStore, StorageError
from assistant.ui import ask, texts
from assistant.ui.ops.events import CaseChange, CaseEvents, ChangeKind

if TYPE_CHECKING:
    from PySide6.QtWidgets import QProgressDialog

    from assistant.model.exports.bulk import BulkResult
    from assistant.model.exports.document import Document
    from assistant.model.exports.workbook import FillResult
    from assistant.model.exports.xlsx_import import ImportResult
    from assistant.model.office import OfficeStore
    from assistant.ui.ops.bridge import Operation


class CaseSelection(Protocol):
    """What the export menu needs to know of the window's cases."""

    def current_case_id(self) -> str | None:
        """The case the user is looking at (open in the editor, else selected in the list)."""

    def shown_case_ids(self, statuses: frozenset[CaseStatus]) -> list[str]:
        """The cases the list shows (in its order) whose status is one of ``statuses``."""


class ExportActions(QObject):
    """The export menu of a main window and what its entries do.

    It knows the window only as a :class:`QMainWindow` (its menu bar, status bar, the parent of
    dialogs) and the cases by ``selection``; cases it changes are published on ``events``.
    """

    def __init__(self, window: QMainWindow, store: CaseStore, settings: Settings,
                 today: Callable[[], date], events: CaseEvents,
                 selection: CaseSelection, office: OfficeStore) -> None:
        super().__init__(window)
        self.window = window
        self.store = store
        self.settings = settings
        self.today = today
        self.events = events
        self.selection = selection
        self.office = office
        menu = window.menuBar().addMenu(self.tr("書き出し(&X)"))
        self.menu = menu
        self.bulk_action = QAction(self.tr("一括申請ファイル（CSV）を書き出す(&B)..."), window)
        self.bulk_action.setStatusTip(self.tr(
            "一覧に表示している「入力完了」の案件を、一括申請用テンプレートのCSVに書き出します"))
        self.bulk_action.triggered.connect(self._on_bulk_action_triggered)
        self.transcription_action = QAction(self.tr("入力転記シート（PDF）を書き出す(&T)..."),
                                            window)
        self.transcription_action.setStatusTip(self.tr(
            "選択した案件の入力内容を、オンラインシステムの画面の順に並べたPDFにします"))
        self.transcription_action.triggered.connect(self._on_transcription_action_triggered)
        self.checklist_action = QAction(self.tr("結果受領チェックリスト（PDF）を書き出す(&C)..."),
                                        window)
        self.checklist_action.triggered.connect(self._on_checklist_action_triggered)
        self.xlsx_action = QAction(self.tr("一括申請ファイル（Excel）を書き出す(&E)..."), window)
        self.xlsx_action.setStatusTip(self.tr(
            "一覧に表示している「入力完了」の案件を、申請種別ごとのExcelファイルに書き出します"))
        self.xlsx_action.triggered.connect(self._on_xlsx_action_triggered)
        self.xlsx_import_action = QAction(self.tr("一括申請ファイル（Excel）から取り込む(&M)..."),
                                          window)
        self.xlsx_import_action.setStatusTip(self.tr(
            "Excelで直した一括申請ファイルを読み、案件を作成・更新します（問題のある行は取り込みません）"))
        self.xlsx_import_action.triggered.connect(self._on_xlsx_import_action_triggered)
        self.official_action = QAction(self.tr("公式ワークブックに書き込む(&O)..."), window)
        self.official_action.setStatusTip(self.tr(
            "一覧に表示している「入力完了」の案件を、ISAからダウンロードした一括申請用テンプレート"
            "（.xlsm）のコピーに書き込みます（マクロ・ボタン・プルダウンはそのまま）"))
        self.official_action.triggered.connect(self._on_official_action_triggered)
        self.transcription_preview_action = QAction(
            self.tr("入力転記シートの印刷プレビュー(&R)..."), window)
        self.transcription_preview_action.triggered.connect(
            self._on_transcription_preview_action_triggered)
        self.transcription_print_action = QAction(self.tr("入力転記シートを印刷(&P)..."), window)
        self.transcription_print_action.triggered.connect(
            self._on_transcription_print_action_triggered)
        self.checklist_preview_action = QAction(
            self.tr("結果受領チェックリストの印刷プレビュー(&V)..."), window)
        self.checklist_preview_action.triggered.connect(
            self._on_checklist_preview_action_triggered)
        self.checklist_print_action = QAction(self.tr("結果受領チェックリストを印刷(&I)..."),
                                              window)
        self.checklist_print_action.triggered.connect(self._on_checklist_print_action_triggered)
        self.batch_checklist_action = QAction(
            self.tr("結果受領チェックリストをまとめて書き出す（一覧の案件）(&A)..."), window)
        self.batch_checklist_action.setStatusTip(self.tr(
            "一覧に表示している結果待ちの案件のうち、選んだ受領方法の案件を1つのPDFにまとめます"
            "（封筒の裏書き用の申請受付番号と人数つき）"))
        self.batch_checklist_action.triggered.connect(
            self._on_batch_checklist_action_triggered)
        self.online_fill_action = QAction(self.tr("オンラインシステムに入力(&N)..."), window)
        self.online_fill_action.setStatusTip(self.tr(
            "選択した案件を検査し、申込画面に入力するデータをクリップボードにコピーします（60秒後に消去）"))
        self.online_fill_action.triggered.connect(self._on_online_fill_action_triggered)
        self.bookmarklet_action = QAction(self.tr("ブックマークレットを登録(&K)..."), window)
        self.bookmarklet_action.setStatusTip(self.tr(
            "申込画面に入力するブックマークレットをブラウザのブックマークバーへ登録するページを開きます"))
        self.bookmarklet_action.triggered.connect(self._on_bookmarklet_action_triggered)
        self.extension_action = QAction(self.tr("拡張機能フォルダを作成(&X)..."), window)
        self.extension_action.setStatusTip(self.tr(
            "申込画面に入力する Chrome / Edge の拡張機能のフォルダを作成します"))
        self.extension_action.triggered.connect(self._on_extension_action_triggered)
        self.case_actions = (self.online_fill_action, self.transcription_action,
                             self.transcription_preview_action,
                             self.transcription_print_action, self.checklist_action,
                             self.checklist_preview_action, self.checklist_print_action)
        for action in (self.bulk_action, self.xlsx_action, self.xlsx_import_action,
                       self.official_action, None, self.online_fill_action,
                       self.bookmarklet_action, self.extension_action, None,
                       self.transcription_action, self.transcription_preview_action,
                       self.transcription_print_action, None,
                       self.checklist_action, self.checklist_preview_action,
                       self.checklist_print_action, self.batch_checklist_action):
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.aboutToShow.connect(self._on_menu_about_to_show)
        # the running export or import (one at a time) and its progress dialog
        self.operation: Operation[Any] | None = None
        self.progress_dialog: QProgressDialog | None = None
        self._csv_options: tuple[list[str], str, str, str] = ([], "", "", "")

    # --- helpers ----------------------------------------------------------------------------
    def _say(self, text: str, msecs: int = 8000) -> None:
        self.window.statusBar().showMessage(text, msecs)

    def _selected_case(self) -> Case | None:
        case_id = self.selection.current_case_id()
        if case_id is None:
            ask.information(self.window, self.tr("書き出し"),
                            self.tr("先に一覧で案件を選んでください。"))
            return None
        try:
            return self.store.get(case_id)
        except StorageError as exc:
            ask.error(self.window, exc)
            return None

    def _last_folder(self) -> Path:
        return Path(self.settings.get(LAST_FOLDER) or Path.home())

    def _ask_save(self, title: str, name: str, pattern: str) -> Path | None:
        path = ask.save_file(self.window, title, self._last_folder() / name, pattern)
        if path is None:
            return None
        self.settings.set(LAST_FOLDER, str(path.parent))
        # (the save dialog has asked before replacing a file)
        return path if ask.may_write(self.window, path, db=self.store.path,
                                     replace_confirmed=True, title=title) else None

    def _may_write_bulk(self, folder: str, procedures: Iterable[str], fmt: str) -> bool:
        """The bulk files may go into ``folder`` (the user agreed to replace existing ones)."""
        from assistant.model.exports.jobs import bulk_file_names

        return ask.may_write(self.window, Path(folder), db=self.store.path,
                             will_write=bulk_file_names(procedures, fmt),
                             title=self.tr("一括申請ファイル"))

    def _write_pdf(self, document: Document, target: Path) -> None:
        from assistant.render.pdf import write_pdf

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            written = write_pdf(document, target)
        except OSError as exc:
            QGuiApplication.restoreOverrideCursor()
            ask.error(self.window, exc, self.tr("書き出せませんでした"))
            return
        QGuiApplication.restoreOverrideCursor()
        self._say(self.tr("書き出しました: {0}").format(str(written)))

    def _office_address(self) -> str:
        """The current staff member's office address for the return envelope ("" if none)."""
        from assistant.model.agent_block import office_return_address

        try:
            return office_return_address(self.office.current())
        except StorageError:
            return ""

    def _ready_case_ids(self) -> list[str]:
        """The 入力完了 cases the list shows (in its order)."""
        ids = self.selection.shown_case_ids(frozenset({CaseStatus.READY}))
        if not ids:
            ask.information(self.window, self.tr("一括申請ファイル"), self.tr(
                "一覧に「入力完了」の案件がありません。案件を入力完了にしてから書き出してください。"))
        return ids

    def _transcription(self, case: Case) -> Document:
        from assistant.model.exports.transcription import build_transcription

        return build_transcription(case, on=self.today(), language=texts.language())

    def _receipt_method(self, case: Case) -> ReceiptMethod | None:
        if case.receipt_method is not None:
            return case.receipt_method
        labels = [self.tr("郵送"), self.tr("窓口")]
        chosen = ask.choose(self.window, self.tr("結果受領チェックリスト"),
                            self.tr("受領方法(&M):"), labels)
        if chosen is None:
            return None
        return ReceiptMethod.MAIL if chosen == labels[0] else ReceiptMethod.COUNTER

    def _checklist(self, case: Case, method: ReceiptMethod) -> Document:
        from assistant.model.exports.checklist import build_checklist

        return build_checklist(case, method, on=self.today(),
                               office_address=self._office_address(),
                               language=texts.language(),
                               profile=texts.profile_id(self.settings))

    def _preview(self, document: Document) -> None:
        from assistant.ui.printing import preview_dialog

        dialog = preview_dialog(document, self.window)
        dialog.exec()
        dialog.deleteLater()

    def _print(self, document: Document) -> None:
        from assistant.ui.printing import print_with_dialog

        if print_with_dialog(document, self.window):
            self._say(self.tr("印刷しました: {0}").format(document.title))

    # --- slots ------------------------------------------------------------------------------
    @Slot()
    def _on_menu_about_to_show(self) -> None:
        has_case = self.selection.current_case_id() is not None
        for action in self.case_actions:
            action.setEnabled(has_case)
        for action in (self.xlsx_action, self.bulk_action, self.xlsx_import_action,
                       self.official_action):
            action.setEnabled(self.operation is None)

    def _choose_bulk_folder(self) -> str:
        """Ask where the bulk files go (starting at the last folder used); "" when cancelled."""
        folder = ask.folder(self.window, self.tr("一括申請ファイルの保存先"), self._last_folder())
        if folder is None or not ask.output_allowed(self.window, folder, folder=True,
                                                    db=self.store.path):
            return ""
        self.settings.set(LAST_FOLDER, str(folder))
        return str(folder)

    @Slot()
    def _on_bulk_action_triggered(self) -> None:
        from assistant.ui.bulk_csv import BulkCsvDialog

        if self.operation is not None:
            return
        ids = self._ready_case_ids()
        if not ids:
            return
        settings = self.settings
        dialog = BulkCsvDialog(len(ids), str(self._last_folder()),
                               str(settings.get(BULK_ENCODING)),
                               str(settings.get(CODE_LIST_CELLS)), self.window)
        accepted = dialog.exec() == BulkCsvDialog.DialogCode.Accepted
        dialog.deleteLater()
        if not accepted:
            return
        folder, encoding, cells = dialog.folder(), dialog.encoding(), dialog.cells()
        settings.set(LAST_FOLDER, folder)
        settings.set(BULK_ENCODING, encoding)
        settings.set(CODE_LIST_CELLS, cells)
        try:
            wanted = set(ids)
            procedures = {s.procedure for s in self.store.list_summaries() if s.id in wanted}
        except StorageError as exc:
            ask.error(self.window, exc, self.tr("書き出せませんでした"))
            return
        if self._may_write_bulk(folder, procedures, "csv"):
            self._start_csv(ids, folder, encoding, cells)

    def _start_csv(self, ids: list[str], folder: str, encoding: str, cells: str) -> None:
        from assistant.ui.ops.exports import export_bulk_csv

        if not ask.output_allowed(self.window, folder, folder=True, db=self.store.path):
            return
        self._csv_options = (ids, folder, encoding, cells)
        self._track(export_bulk_csv(self.window, self.store, ids, folder, encoding, cells,
                                    texts.profile_id(self.settings))
                    .on_success(self._on_csv_written))

    def _on_csv_written(self, outcome: tuple[list[Case], BulkResult]) -> None:
        cases, result = outcome
        invalid = [i.problem.message(texts.language()) for i in result.errors if i.bad is None]
        if invalid:   # validation refused some case: nothing written, say what to correct
            shown = invalid[:20] + (["…"] if len(invalid) > 20 else [])
            why = self.tr("エラーのある案件があるため、何も書き出していません。直してから書き出してください。")
            ask.warning(self.window, self.tr("書き出せませんでした"), why + "\n\n" + "\n".join(shown))
            return
        if not result.written:
            self._report_characters(cases, result)
            return
        warnings = [i.problem.message(texts.language())
                    for i in result.issues if not i.problem.is_error]
        self._say_written(len(cases), result.files, warnings)

    def _report_characters(self, cases: list[Case], result: BulkResult) -> None:
        """Show what Shift_JIS cannot carry; on request put the suggestions in and retry."""
        from assistant.model.exports.bulk import apply_suggestions
        from assistant.ui.bulk_csv import CharacterReportDialog

        dialog = CharacterReportDialog(result.errors, self.window)
        replace = dialog.exec() == CharacterReportDialog.DialogCode.Accepted
        dialog.deleteLater()
        if not replace:
            return
        changed_ids = []
        try:
            for case in cases:
                changes = apply_suggestions(case, result.errors)
                if changes:
                    self.store.set_values(case.id, changes)
                    changed_ids.append(case.id)
        except StorageError as exc:
            ask.error(self.window, exc, self.tr("書き出せませんでした"))
            return
        finally:
            if changed_ids:
                self.events.publish(CaseChange.edited(changed_ids, source=self))
        self._say(self.tr("{0} 件の案件の文字を置き換えました。").format(len(changed_ids)))
        self._start_csv(*self._csv_options)

    def _selected_transcription(self) -> tuple[Case, Document] | None:
        """The selected case and its transcription sheet, or None when nothing is selected."""
        case = self._selected_case()
        return None if case is None else (case, self._transcription(case))

    def _selected_for_checklist(self) -> tuple[Case, ReceiptMethod] | None:
        """The selected case and its receipt method (asked when the case has none yet)."""
        case = self._selected_case()
        method = None if case is None else self._receipt_method(case)
        return None if case is None or method is None else (case, method)

    def _selected_checklist(self) -> tuple[Case, Document] | None:
        """The selected case and its checklist, or None when there is no case or no method."""
        chosen = self._selected_for_checklist()
        return None if chosen is None else (chosen[0], self._checklist(*chosen))

    @staticmethod
    def _file_stem(case: Case) -> str:
        return case.value(NAME) or case.id[:8]

    @Slot()
    def _on_transcription_action_triggered(self) -> None:
        case = self._selected_case()
        if case is None:
            return
        target = self._ask_save(self.tr("入力転記シート"), f"{self._file_stem(case)}_転記シート.pdf",
                                self.tr("PDF (*.pdf)"))
        if target is not None:
            self._write_pdf(self._transcription(case), target)

    @Slot()
    def _on_transcription_preview_action_triggered(self) -> None:
        chosen = self._selected_transcription()
        if chosen is not None:
            self._preview(chosen[1])

    @Slot()
    def _on_transcription_print_action_triggered(self) -> None:
        chosen = self._selected_transcription()
        if chosen is not None:
            self._print(chosen[1])

    @Slot()
    def _on_checklist_action_triggered(self) -> None:
        chosen = self._selected_for_checklist()
        if chosen is None:
            return
        case, method = chosen
        target = self._ask_save(self.tr("結果受領チェックリスト"),
                                f"{self._file_stem(case)}_チェックリスト.pdf",
                                self.tr("PDF (*.pdf)"))
        if target is not None:
            self._write_pdf(self._checklist(case, method), target)

    @Slot()
    def _on_batch_checklist_action_triggered(self) -> None:
        from assistant.model.exports.checklist import build_batch_checklist

        title = self.tr("結果受領チェックリスト")
        try:
            cases = [self.store.get(case_id)
                     for case_id in self.selection.shown_case_ids(AWAITING_RESULT)]
        except StorageError as exc:
            ask.error(self.window, exc)
            return
        if not cases:
            ask.information(self.window, title, self.tr(
                "一覧に結果待ちの案件（入力完了から審査完了まで）がありません。"))
            return
        labels = [self.tr("郵送"), self.tr("窓口")]
        chosen = ask.choose(self.window, title, self.tr(
            "どの受領方法の案件をまとめますか(&M):"), labels)
        if chosen is None:
            return
        method = ReceiptMethod.MAIL if chosen == labels[0] else ReceiptMethod.COUNTER
        # a case without a method yet is taken as the chosen one
        picked = [c for c in cases if c.receipt_method in (None, method)]
        if not picked:
            ask.information(self.window, title, self.tr(
                "一覧の結果待ちの案件に、受領方法が「{0}」の案件がありません。").format(chosen))
            return
        target = self._ask_save(title, self.tr("結果受領チェックリスト_{0}_{1}件.pdf").format(
            chosen, len(picked)), self.tr("PDF (*.pdf)"))
        if target is None:
            return
        document = build_batch_checklist(picked, method, on=self.today(),
                                         office_address=self._office_address(),
                                         language=texts.language(),
                                         profile=texts.profile_id(self.settings))
        self._write_pdf(document, target)

    @Slot()
    def _on_checklist_preview_action_triggered(self) -> None:
        chosen = self._selected_checklist()
        if chosen is not None:
            self._preview(chosen[1])

    @Slot()
    def _on_checklist_print_action_triggered(self) -> None:
        chosen = self._selected_checklist()
        if chosen is not None:
            self._print(chosen[1])

    # --- the Excel export and import, off the GUI thread with a progress bar -----------------
    @Slot()
    def _on_xlsx_action_triggered(self) -> None:
        from assistant.ui.ops.exports import export_xlsx

        if self.operation is not None:
            return
        ids = self._ready_case_ids()
        if not ids:
            return
        folder = self._choose_bulk_folder()
        if not folder:
            return
        try:
            cases = [self.store.get(case_id) for case_id in ids]
        except StorageError as exc:
            ask.error(self.window, exc, self.tr("書き出せませんでした"))
            return
        if not self._may_write_bulk(folder, (case.procedure for case in cases), "xlsx"):
            return
        self._track(export_xlsx(self.window, cases, folder,
                                str(self.settings.get(CODE_LIST_CELLS)))
                    .on_success(lambda files: self._say_written(len(cases), files)))

    @Slot()
    def _on_xlsx_import_action_triggered(self) -> None:
        from assistant.ui.ops.exports import import_bulk

        if self.operation is not None:
            return
        path = ask.open_file(self.window, self.tr("取り込む一括申請ファイル（Excel）"),
                             self._last_folder(), self.tr("Excel ブック (*.xlsx)"))
        if path is None:
            return
        self.settings.set(LAST_FOLDER, str(path.parent))
        self._track(import_bulk(self.window, self.store, path, self.today())
                    .on_success(lambda result: self._on_workbook_read(path.name, result)))

    def _on_workbook_read(self, file_name: str, result: ImportResult) -> None:
        from assistant.model.exports.jobs import apply_import
        from assistant.ui.bulk_import import ImportReportDialog

        dialog = ImportReportDialog(result, file_name, self.window)
        accepted = dialog.exec() == ImportReportDialog.DialogCode.Accepted
        dialog.deleteLater()
        if not accepted:
            return
        try:
            created, changed = apply_import(self.store, result)
        except StorageError as exc:
            # one transaction: nothing was taken (the list is read again all the same)
            ask.error(self.window, exc, self.tr("取り込めませんでした"))
            self.events.publish(CaseChange.everything(source=self))
            return
        if created:
            self.events.publish(CaseChange(ChangeKind.CREATED, tuple(created), source=self))
        if changed:
            self.events.publish(CaseChange.edited(changed, source=self))
        self._say(self.tr("取り込みました: 新しい案件 {0} 件、更新 {1} 件").format(
            len(created), len(changed)), 10000)

    def _on_online_fill_action_triggered(self) -> None:
        from assistant.ui.online_fill import copy_fill_payload

        case = self._selected_case()
        if case is not None:
            copy_fill_payload(self.window, case, self.today())

    def _on_bookmarklet_action_triggered(self) -> None:
        from assistant.ui.bookmarklet_page import open_bookmarklet_page

        open_bookmarklet_page(self.window, Path(self.store.path).parent)

    def _on_extension_action_triggered(self) -> None:
        from assistant.ui.extension_folder import create_extension_folder

        create_extension_folder(self.window, Path(self.store.path))

    # --- the office's copy of ISA's official workbook ----------------------------------------
    def _official_template(self, procedure: str) -> Path | None:
        """The remembered official workbook of ``procedure``, else the one the user picks."""
        remembered = dict(self.settings.get(OFFICIAL_WORKBOOKS)).get(procedure)
        if isinstance(remembered, str) and Path(remembered).is_file():
            return Path(remembered)
        return ask.open_file(
            self.window, self.tr("ISAの一括申請用テンプレート（{0}）を選ぶ").format(
                texts.procedure_label(procedure)),
            self._last_folder(), self.tr("Excel マクロ有効ブック (*.xlsm);;Excel ブック (*.xlsx)"))

    def _remember_template(self, procedure: str, template: Path | None) -> None:
        chosen = dict(self.settings.get(OFFICIAL_WORKBOOKS))
        if template is None:
            chosen.pop(procedure, None)
        else:
            chosen[procedure] = str(template)
        self.settings.set(OFFICIAL_WORKBOOKS, chosen)

    @Slot()
    def _on_official_action_triggered(self) -> None:
        from assistant.ui.ops.exports import fill_official_workbook

        if self.operation is not None:
            return
        ids = self._ready_case_ids()
        if not ids:
            return
        title = self.tr("公式ワークブックに書き込む")
        try:
            cases = [self.store.get(case_id) for case_id in ids]
        except StorageError as exc:
            ask.error(self.window, exc, title)
            return
        procedures = list(dict.fromkeys(case.procedure for case in cases))
        procedure = procedures[0]
        if len(procedures) > 1:   # one workbook per procedure: the office picks which
            labels = [texts.procedure_label(p) for p in procedures]
            chosen = ask.choose(self.window, title, self.tr(
                "入力完了の案件の申請種別が分かれています。書き込む申請種別(&P):"), labels)
            if chosen is None:
                return
            procedure = procedures[labels.index(chosen)]
        cases = [case for case in cases if case.procedure == procedure]
        template = self._official_template(procedure)
        if template is None:
            return
        target = self._ask_save(
            self.tr("書き込んだワークブックの保存先（テンプレート: {0}）").format(template.name),
            self.tr("{0}_記入済み_{1}人.xlsm").format(template.stem, len(cases)),
            self.tr("Excel マクロ有効ブック (*.xlsm)"))
        if target is None:
            return
        self._track(fill_official_workbook(self.window, template, cases, target, self.today(),
                                           procedure, texts.profile_id(self.settings))
                    .on_success(lambda result: self._on_official_filled(procedure, template,
                                                                        result))
                    .on_failure(lambda exc: self._on_official_failed(procedure, exc)))

    def _on_official_filled(self, procedure: str, template: Path, result: FillResult) -> None:
        self._remember_template(procedure, template)
        text = self.tr(
            "{0} 人の申請人を書き込みました:\n{1}\n\nExcelで開き、マクロを有効にして、ISAのテンプレートの"
            "ボタン（マクロ）でアップロード用のファイルを作ってください。").format(
                result.applicants, str(result.path))
        if result.relabelled:
            text += "\n\n" + self.tr("ワークブックの表記に合わせた選択肢: {0}").format(
                "、".join(f"{ours} → {theirs}" for _, ours, theirs in result.relabelled[:10]))
        ask.information(self.window, self.tr("公式ワークブックに書き込む"), text)

    def _on_official_failed(self, procedure: str, exc: Exception) -> None:
        from assistant.model.exports.workbook import TEMPLATE_REFUSALS, WorkbookFillError
        from assistant.ui.ops.bridge import report_failure

        if isinstance(exc, WorkbookFillError) and exc.code in TEMPLATE_REFUSALS:
            self._remember_template(procedure, None)   # the next time the office picks again
        report_failure(self.window, exc, self.tr("公式ワークブックに書き込めませんでした"))

    def _say_written(self, count: int, files: Sequence[Path],
                     notes: Sequence[str] = ()) -> None:
        """How many cases went into which files (and up to ten notes on them)."""
        text = self.tr("{0} 件の案件を書き出しました:\n{1}").format(
            count, "\n".join(str(p) for p in files))
        if notes:
            text += "\n\n" + self.tr("注意（{0} 件）:").format(len(notes)) + "\n" + \
                "\n".join(notes[:10])
        ask.information(self.window, self.tr("一括申請ファイル"), text)

    def _track(self, operation: Operation[Any]) -> None:
        """Start ``operation`` as the one running export (中止 shows in the status bar)."""
        self.operation = operation
        self.progress_dialog = operation.progress_dialog
        operation.on_cancel(lambda: self._say(self.tr("書き出しを中止しました。")))
        operation.on_finish(lambda: self._forget(operation))
        operation.start()

    def _forget(self, operation: object) -> None:
        """``operation`` has ended (a success callback may already have started the next)."""
        if self.operation is operation:
            self.operation, self.progress_dialog = None, None
