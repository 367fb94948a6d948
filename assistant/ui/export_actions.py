"""The 書き出し menu: bulk-application CSV, transcription sheet and result checklist.

The documents are built by :mod:`assistant.model.exports`, written by
:mod:`assistant.render.pdf` and printed by :mod:`assistant.ui.printing`; all are imported only
when used (they pull in the print support and the PDF code, which start-up does not need).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QProgressDialog,
)

from assistant.model.case import AWAITING_RESULT, NAME, Case, CaseStatus, ReceiptMethod
from assistant.model.progress import CancelCheck, Progress, check_cancel, report
from assistant.model.settings import BULK_ENCODING, CODE_LIST_CELLS, LAST_FOLDER
from assistant.model.storage import CaseStore, StorageError
from assistant.ui import texts
from assistant.ui.operations import Operation, run_with_progress

if TYPE_CHECKING:
    from assistant.model.exports.bulk import BulkResult
    from assistant.model.exports.document import Document
    from assistant.model.exports.xlsx_import import ImportResult
    from assistant.ui.main_window import MainWindow


def write_workbooks(cases: Sequence[Case], folder: str, cells: str, *,
                    progress: Progress | None = None,
                    cancelled: CancelCheck | None = None) -> list[Path]:
    """The bulk workbooks, run by :class:`Operation`: reports rows done, stops when asked.

    (The xlsx writer reports ``(done, total)`` while it builds the rows, before any file is
    opened, so stopping there leaves no half-written workbook.)
    """
    from assistant.model.exports.xlsx import export_workbooks

    def rows_done(done: int, total: int) -> None:
        if done < total:          # the last report comes after the file is written
            check_cancel(cancelled)
        report(progress, done, total)

    check_cancel(cancelled)
    return export_workbooks(cases, folder, cells=cells, progress=rows_done)


def write_bulk_csv(store: CaseStore, case_ids: Sequence[str], folder: str, encoding: str,
                   cells: str, *, progress: Progress | None = None,
                   cancelled: CancelCheck | None = None) -> tuple[list[Case], BulkResult]:
    """Read the cases and write their bulk CSV files, run by :class:`Operation`.

    Reports the cases read; stopping is possible until the files are written, which is one
    short step at the end (nothing is half-written when stopped).
    """
    from assistant.model.exports.bulk import export_csv

    total = len(case_ids) + 1
    cases = []
    for number, case_id in enumerate(case_ids):
        if number % 50 == 0:
            check_cancel(cancelled)
            report(progress, number, total)
        cases.append(store.get(case_id))
    check_cancel(cancelled)
    result = export_csv(cases, folder, encoding=encoding, cells=cells)
    report(progress, total, total)
    return cases, result


class ExportActions(QObject):
    """The export menu of the main window and what its entries do."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
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
        self.case_actions = (self.transcription_action, self.transcription_preview_action,
                             self.transcription_print_action, self.checklist_action,
                             self.checklist_preview_action, self.checklist_print_action)
        for action in (self.bulk_action, self.xlsx_action, self.xlsx_import_action, None,
                       self.transcription_action, self.transcription_preview_action,
                       self.transcription_print_action, None,
                       self.checklist_action, self.checklist_preview_action,
                       self.checklist_print_action, self.batch_checklist_action):
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.aboutToShow.connect(self._on_menu_about_to_show)
        self.operation: Operation | None = None
        self.progress_dialog: QProgressDialog | None = None
        self._on_success: Callable[[Any], None] | None = None
        self._csv_options: tuple[list[str], str, str, str] = ([], "", "", "")

    # --- helpers ----------------------------------------------------------------------------
    def _selected_case(self) -> Case | None:
        case_id = self.window.list_page.current_case_id()
        if case_id is None and self.window.editor is not None:
            case_id = getattr(self.window.editor, "case_id", None)
        if case_id is None:
            QMessageBox.information(self.window, self.tr("書き出し"),
                                    self.tr("先に一覧で案件を選んでください。"))
            return None
        try:
            return self.window.store.get(case_id)
        except StorageError as exc:
            QMessageBox.warning(self.window, self.tr("エラー"), exc.message(texts.language()))
            return None

    def _ask_save(self, title: str, name: str, pattern: str) -> Path | None:
        folder = Path(self.window.settings.get(LAST_FOLDER) or Path.home())
        path, _ = QFileDialog.getSaveFileName(self.window, title, str(folder / name), pattern)
        if not path:
            return None
        self.window.settings.set(LAST_FOLDER, str(Path(path).parent))
        return Path(path)

    def _write_pdf(self, document: object, target: Path) -> None:
        from assistant.render.pdf import write_pdf

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            written = write_pdf(document, target)  # type: ignore[arg-type]
        except OSError as exc:
            QMessageBox.warning(self.window, self.tr("書き出せませんでした"), str(exc))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.window.statusBar().showMessage(self.tr("書き出しました: {0}").format(str(written)),
                                            8000)

    def _today(self) -> date:
        return self.window.today()

    def _office_address(self) -> str:
        """The current staff member's office address for the return envelope ("" if none)."""
        from assistant.model.agent_block import office_return_address
        from assistant.model.office import OfficeStore

        try:
            return office_return_address(OfficeStore(self.window.store).current())
        except StorageError:
            return ""

    def _ready_case_ids(self) -> list[str]:
        """The 入力完了 cases the list shows (in its order)."""
        ids = self._shown_case_ids(frozenset({CaseStatus.READY}))
        if not ids:
            QMessageBox.information(self.window, self.tr("一括申請ファイル"), self.tr(
                "一覧に「入力完了」の案件がありません。案件を入力完了にしてから書き出してください。"))
        return ids

    def _transcription(self, case: Case) -> Document:
        from assistant.model.exports.transcription import build_transcription

        return build_transcription(case, on=self._today(), language=texts.language())

    def _receipt_method(self, case: Case) -> ReceiptMethod | None:
        if case.receipt_method is not None:
            return case.receipt_method
        labels = [self.tr("郵送"), self.tr("窓口")]
        chosen, ok = QInputDialog.getItem(self.window, self.tr("結果受領チェックリスト"),
                                          self.tr("受領方法(&M):"), labels, 0, False)
        if not ok:
            return None
        return ReceiptMethod.MAIL if chosen == labels[0] else ReceiptMethod.COUNTER

    def _checklist(self, case: Case, method: ReceiptMethod) -> Document:
        from assistant.model.exports.checklist import build_checklist

        return build_checklist(case, method, on=self._today(),
                               office_address=self._office_address(),
                               language=texts.language(),
                               profile=texts.profile_id(self.window.settings))

    def _preview(self, document: Document) -> None:
        from assistant.ui.printing import preview_dialog

        dialog = preview_dialog(document, self.window)
        dialog.exec()
        dialog.deleteLater()

    def _print(self, document: Document) -> None:
        from assistant.ui.printing import print_with_dialog

        if print_with_dialog(document, self.window):
            self.window.statusBar().showMessage(
                self.tr("印刷しました: {0}").format(document.title), 8000)

    # --- slots ------------------------------------------------------------------------------
    @Slot()
    def _on_menu_about_to_show(self) -> None:
        has_case = self.window.list_page.current_case_id() is not None \
            or self.window.editor is not None
        for action in self.case_actions:
            action.setEnabled(has_case)
        for action in (self.xlsx_action, self.bulk_action, self.xlsx_import_action):
            action.setEnabled(self.operation is None)

    def _choose_bulk_folder(self) -> str:
        """Ask where the bulk files go (starting at the last folder used); "" when cancelled."""
        folder = QFileDialog.getExistingDirectory(
            self.window, self.tr("一括申請ファイルの保存先"),
            str(self.window.settings.get(LAST_FOLDER) or Path.home()))
        if folder:
            self.window.settings.set(LAST_FOLDER, folder)
        return folder

    @Slot()
    def _on_bulk_action_triggered(self) -> None:
        from assistant.ui.bulk_csv import BulkCsvDialog

        if self.operation is not None:
            return
        ids = self._ready_case_ids()
        if not ids:
            return
        settings = self.window.settings
        dialog = BulkCsvDialog(len(ids), str(settings.get(LAST_FOLDER) or Path.home()),
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
        self._start_csv(ids, folder, encoding, cells)

    def _start_csv(self, ids: list[str], folder: str, encoding: str, cells: str) -> None:
        self._csv_options = (ids, folder, encoding, cells)
        self._run(write_bulk_csv, (self.window.store, ids, folder, encoding, cells),
                  self.tr("一括申請ファイル（CSV）"), len(ids), self._on_csv_written,
                  show_after_ms=400)

    def _on_csv_written(self, outcome: tuple[list[Case], BulkResult]) -> None:
        cases, result = outcome
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
                    self.window.store.set_values(case.id, changes)
                    changed_ids.append(case.id)
        except StorageError as exc:
            QMessageBox.warning(self.window, self.tr("書き出せませんでした"),
                                texts.error_text(exc))
            return
        self.window.show_changed_cases(changed_ids)
        self.window.statusBar().showMessage(self.tr(
            "{0} 件の案件の文字を置き換えました。").format(len(changed_ids)), 8000)
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

    def _shown_case_ids(self, statuses: frozenset[CaseStatus]) -> list[str]:
        """The cases the list shows (in its order) whose status is one of ``statuses``."""
        proxy = self.window.list_page.proxy
        model = self.window.model
        ids = []
        for row in range(proxy.rowCount()):
            source = model.rows[proxy.mapToSource(proxy.index(row, 0)).row()]
            if source.status in statuses:
                ids.append(source.case_id)
        return ids

    @Slot()
    def _on_batch_checklist_action_triggered(self) -> None:
        from assistant.model.exports.checklist import build_batch_checklist

        title = self.tr("結果受領チェックリスト")
        try:
            cases = [self.window.store.get(case_id)
                     for case_id in self._shown_case_ids(AWAITING_RESULT)]
        except StorageError as exc:
            QMessageBox.warning(self.window, self.tr("エラー"), texts.error_text(exc))
            return
        if not cases:
            QMessageBox.information(self.window, title, self.tr(
                "一覧に結果待ちの案件（入力完了から審査完了まで）がありません。"))
            return
        labels = [self.tr("郵送"), self.tr("窓口")]
        chosen, ok = QInputDialog.getItem(self.window, title, self.tr(
            "どの受領方法の案件をまとめますか(&M):"), labels, 0, False)
        if not ok:
            return
        method = ReceiptMethod.MAIL if chosen == labels[0] else ReceiptMethod.COUNTER
        # a case without a method yet is taken as the chosen one
        picked = [c for c in cases if c.receipt_method in (None, method)]
        if not picked:
            QMessageBox.information(self.window, title, self.tr(
                "一覧の結果待ちの案件に、受領方法が「{0}」の案件がありません。").format(chosen))
            return
        target = self._ask_save(title, self.tr("結果受領チェックリスト_{0}_{1}件.pdf").format(
            chosen, len(picked)), self.tr("PDF (*.pdf)"))
        if target is None:
            return
        document = build_batch_checklist(picked, method, on=self._today(),
                                         office_address=self._office_address(),
                                         language=texts.language(),
                                         profile=texts.profile_id(self.window.settings))
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

    # --- the Excel export, off the GUI thread with a progress bar ----------------------------
    @Slot()
    def _on_xlsx_action_triggered(self) -> None:
        if self.operation is not None:
            return
        ids = self._ready_case_ids()
        if not ids:
            return
        folder = self._choose_bulk_folder()
        if not folder:
            return
        try:
            cases = [self.window.store.get(case_id) for case_id in ids]
        except StorageError as exc:
            QMessageBox.warning(self.window, self.tr("書き出せませんでした"),
                                texts.error_text(exc))
            return
        self._run(write_workbooks,
                  (cases, folder, str(self.window.settings.get(CODE_LIST_CELLS))),
                  self.tr("一括申請ファイル（Excel）"), len(cases),
                  lambda files: self._say_written(len(cases), files))

    @Slot()
    def _on_xlsx_import_action_triggered(self) -> None:
        from assistant.ui.bulk_import import read_workbook

        if self.operation is not None:
            return
        folder = str(self.window.settings.get(LAST_FOLDER) or Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("取り込む一括申請ファイル（Excel）"), folder,
            self.tr("Excel ブック (*.xlsx)"))
        if not path:
            return
        self.window.settings.set(LAST_FOLDER, str(Path(path).parent))
        self._run(read_workbook, (self.window.store, path, self._today()),
                  self.tr("一括申請ファイル（Excel）の取り込み"), 0,
                  lambda result: self._on_workbook_read(Path(path).name, result),
                  show_after_ms=400, label=self.tr("{0} を読んでいます…").format(Path(path).name))

    def _on_workbook_read(self, file_name: str, result: ImportResult) -> None:
        from assistant.ui.bulk_import import ImportReportDialog, apply_import

        dialog = ImportReportDialog(result, file_name, self.window)
        accepted = dialog.exec() == ImportReportDialog.DialogCode.Accepted
        dialog.deleteLater()
        if not accepted:
            return
        try:
            created, changed = apply_import(self.window.store, result)
        except StorageError as exc:
            QMessageBox.warning(self.window, self.tr("取り込めませんでした"),
                                texts.error_text(exc))
            self.window.reload_cases()   # what was taken before the failure
            return
        self.window.show_changed_cases(changed)
        self.window.statusBar().showMessage(self.tr(
            "取り込みました: 新しい案件 {0} 件、更新 {1} 件").format(len(created), len(changed)),
            10000)

    def _say_written(self, count: int, files: Sequence[Path],
                     notes: Sequence[str] = ()) -> None:
        """How many cases went into which files (and up to ten notes on them)."""
        text = self.tr("{0} 件の案件を書き出しました:\n{1}").format(
            count, "\n".join(str(p) for p in files))
        if notes:
            text += "\n\n" + self.tr("注意（{0} 件）:").format(len(notes)) + "\n" + \
                "\n".join(notes[:10])
        QMessageBox.information(self.window, self.tr("一括申請ファイル"), text)

    def _run(self, function: Callable[..., Any], args: tuple[Any, ...], title: str,
             count: int, on_success: Callable[[Any], None], show_after_ms: int = 0,
             label: str = "") -> None:
        """Run an export off the GUI thread with a progress dialog (中止 stops it)."""
        self._on_success = on_success
        self.operation, self.progress_dialog = run_with_progress(
            function, *args, parent=self.window, title=title,
            label=label or self.tr("{0} 件の案件を書き出しています…").format(count),
            on_success=self._on_operation_succeeded, on_failure=self._on_operation_failed,
            on_cancel=self._on_operation_cancelled, cancel_text=self.tr("中止"),
            show_after_ms=show_after_ms)

    @Slot(object)
    def _on_operation_succeeded(self, outcome: object) -> None:
        on_success = self._on_success
        self._end_operation()
        if on_success is not None:
            on_success(outcome)

    @Slot(object)
    def _on_operation_failed(self, error: object) -> None:
        self._end_operation()
        QMessageBox.warning(self.window, self.tr("書き出せませんでした"),
                            texts.error_text(error) if isinstance(error, BaseException)
                            else str(error))

    @Slot()
    def _on_operation_cancelled(self) -> None:
        self._end_operation()
        self.window.statusBar().showMessage(self.tr("書き出しを中止しました。"), 8000)

    def _end_operation(self) -> None:
        """The operation has ended (exactly one of succeeded / failed / cancelled came)."""
        self.operation, self.progress_dialog, self._on_success = None, None, None
