"""The 書き出し menu: bulk-application CSV, transcription sheet and result checklist.

The documents are built by :mod:`assistant.model.exports` and written by
:mod:`assistant.ui.printing`; both are imported only when used (they pull in the print
support and the PDF code, which start-up does not need).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QProgressDialog

from assistant.model.case import NAME, Case, CaseStatus, ReceiptMethod
from assistant.model.progress import CancelCheck, Progress, check_cancel, report
from assistant.model.settings import CODE_LIST_CELLS, LAST_FOLDER
from assistant.model.storage import StorageError
from assistant.ui import texts
from assistant.ui.operations import Operation

if TYPE_CHECKING:
    from assistant.model.exports.document import Document
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
        self.case_actions = (self.transcription_action, self.transcription_preview_action,
                             self.transcription_print_action, self.checklist_action,
                             self.checklist_preview_action, self.checklist_print_action)
        for action in (self.bulk_action, self.xlsx_action, None,
                       self.transcription_action, self.transcription_preview_action,
                       self.transcription_print_action, None,
                       self.checklist_action, self.checklist_preview_action,
                       self.checklist_print_action):
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.aboutToShow.connect(self._on_menu_about_to_show)
        self.operation: Operation | None = None
        self.progress_dialog: QProgressDialog | None = None

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
        from assistant.ui.printing import write_pdf

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
        proxy = self.window.list_page.proxy
        model = self.window.model
        ids = []
        for row in range(proxy.rowCount()):
            source = model.rows[proxy.mapToSource(proxy.index(row, 0)).row()]
            if source.status == CaseStatus.READY.value:
                ids.append(source.case_id)
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
        self.xlsx_action.setEnabled(self.operation is None)

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
        from assistant.model.exports.bulk import export_csv

        ids = self._ready_case_ids()
        if not ids:
            return
        folder = self._choose_bulk_folder()
        if not folder:
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            cases = [self.window.store.get(case_id) for case_id in ids]
            result = export_csv(cases, folder,
                                cells=str(self.window.settings.get(CODE_LIST_CELLS)))
        except (StorageError, OSError, ValueError) as exc:
            QGuiApplication.restoreOverrideCursor()
            QMessageBox.warning(self.window, self.tr("書き出せませんでした"),
                                texts.error_text(exc))
            return
        QGuiApplication.restoreOverrideCursor()
        if not result.written:
            lines = [f"{i.applicant}: {i.header} — {i.problem.message(texts.language())}"
                     for i in result.errors[:20]]
            QMessageBox.warning(self.window, self.tr("書き出せませんでした"), self.tr(
                "次の値はテンプレートに書き出せません。直してから、もう一度書き出してください。"
            ) + "\n\n" + "\n".join(lines))
            return
        QMessageBox.information(self.window, self.tr("一括申請ファイル"), self.tr(
            "{0} 件の案件を書き出しました:\n{1}").format(
            len(cases), "\n".join(str(p) for p in result.files)))

    def _selected_transcription(self) -> tuple[Case, Document] | None:
        """The selected case and its transcription sheet, or None when nothing is selected."""
        case = self._selected_case()
        return None if case is None else (case, self._transcription(case))

    def _selected_checklist(self) -> tuple[Case, Document] | None:
        """The selected case and its checklist, or None when there is no case or no method."""
        case = self._selected_case()
        method = None if case is None else self._receipt_method(case)
        if case is None or method is None:
            return None
        return case, self._checklist(case, method)

    @staticmethod
    def _file_stem(case: Case) -> str:
        return case.value(NAME) or case.id[:8]

    @Slot()
    def _on_transcription_action_triggered(self) -> None:
        chosen = self._selected_transcription()
        if chosen is None:
            return
        case, document = chosen
        target = self._ask_save(self.tr("入力転記シート"), f"{self._file_stem(case)}_転記シート.pdf",
                                self.tr("PDF (*.pdf)"))
        if target is not None:
            self._write_pdf(document, target)

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
        chosen = self._selected_checklist()
        if chosen is None:
            return
        case, document = chosen
        target = self._ask_save(self.tr("結果受領チェックリスト"),
                                f"{self._file_stem(case)}_チェックリスト.pdf",
                                self.tr("PDF (*.pdf)"))
        if target is not None:
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
        dialog = QProgressDialog(self.tr("{0} 件の案件を書き出しています…").format(len(cases)),
                                 self.tr("中止"), 0, 0, self.window)
        dialog.setWindowTitle(self.tr("一括申請ファイル（Excel）"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        operation = Operation(write_workbooks, cases, folder,
                              str(self.window.settings.get(CODE_LIST_CELLS)), parent=self)
        operation.progressed.connect(self._on_operation_progressed)
        operation.succeeded.connect(self._on_operation_succeeded)
        operation.failed.connect(self._on_operation_failed)
        operation.cancelled.connect(self._on_operation_cancelled)
        operation.finished.connect(self._on_operation_finished)
        dialog.canceled.connect(operation.cancel)
        self.operation, self.progress_dialog = operation, dialog
        self._case_count = len(cases)
        dialog.show()
        operation.start()

    @Slot(int, int, str)
    def _on_operation_progressed(self, done: int, total: int, _message: str) -> None:
        if self.progress_dialog is not None and total:
            self.progress_dialog.setMaximum(total)
            self.progress_dialog.setValue(min(done, total))

    @Slot(object)
    def _on_operation_succeeded(self, files: list[Path]) -> None:
        self._close_progress()
        QMessageBox.information(self.window, self.tr("一括申請ファイル"), self.tr(
            "{0} 件の案件を書き出しました:\n{1}").format(
            self._case_count, "\n".join(str(p) for p in files)))

    @Slot(object)
    def _on_operation_failed(self, error: object) -> None:
        self._close_progress()
        QMessageBox.warning(self.window, self.tr("書き出せませんでした"),
                            texts.error_text(error) if isinstance(error, BaseException)
                            else str(error))

    @Slot()
    def _on_operation_cancelled(self) -> None:
        self._close_progress()
        self.window.statusBar().showMessage(self.tr("書き出しを中止しました。"), 8000)

    @Slot()
    def _on_operation_finished(self) -> None:
        if self.operation is not None:
            self.operation.deleteLater()
        self.operation = None

    def _close_progress(self) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.reset()
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
        self.progress_dialog = None
