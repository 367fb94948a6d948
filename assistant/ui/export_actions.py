"""The 書き出し menu: bulk-application CSV, transcription sheet and result checklist.

The documents are built by :mod:`assistant.model.exports` and written by
:mod:`assistant.ui.printing`; both are imported only when used (they pull in the print
support and the PDF code, which start-up does not need).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from assistant.model.case import Case, CaseStatus, ReceiptMethod
from assistant.model.settings import CODE_LIST_CELLS, LAST_FOLDER
from assistant.model.storage import StorageError
from assistant.ui import texts

if TYPE_CHECKING:
    from assistant.ui.main_window import MainWindow


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
        for action in (self.bulk_action, self.transcription_action, self.checklist_action):
            menu.addAction(action)
        menu.aboutToShow.connect(self._on_menu_about_to_show)

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

    # --- slots ------------------------------------------------------------------------------
    @Slot()
    def _on_menu_about_to_show(self) -> None:
        has_case = self.window.list_page.current_case_id() is not None \
            or self.window.editor is not None
        self.transcription_action.setEnabled(has_case)
        self.checklist_action.setEnabled(has_case)

    @Slot()
    def _on_bulk_action_triggered(self) -> None:
        from assistant.model.exports.bulk import export_csv

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
            return
        folder = QFileDialog.getExistingDirectory(
            self.window, self.tr("一括申請ファイルの保存先"),
            str(self.window.settings.get(LAST_FOLDER) or Path.home()))
        if not folder:
            return
        self.window.settings.set(LAST_FOLDER, folder)
        try:
            cases = [self.window.store.get(case_id) for case_id in ids]
            result = export_csv(cases, folder,
                                cells=str(self.window.settings.get(CODE_LIST_CELLS)))
        except (StorageError, OSError, ValueError) as exc:
            QMessageBox.warning(self.window, self.tr("書き出せませんでした"),
                                texts.error_text(exc))
            return
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

    @Slot()
    def _on_transcription_action_triggered(self) -> None:
        from assistant.model.exports.transcription import build_transcription

        case = self._selected_case()
        if case is None:
            return
        name = case.values.get("name", "") or case.id[:8]
        target = self._ask_save(self.tr("入力転記シート"), f"{name}_転記シート.pdf",
                                self.tr("PDF (*.pdf)"))
        if target is None:
            return
        self._write_pdf(build_transcription(case, on=self._today(),
                                            language=texts.language()), target)

    @Slot()
    def _on_checklist_action_triggered(self) -> None:
        from assistant.model.exports.checklist import build_checklist

        case = self._selected_case()
        if case is None:
            return
        method = case.receipt_method
        if method is None:
            labels = [self.tr("郵送"), self.tr("窓口")]
            chosen, ok = QInputDialog.getItem(self.window, self.tr("結果受領チェックリスト"),
                                              self.tr("受領方法(&M):"), labels, 0, False)
            if not ok:
                return
            method = ReceiptMethod.MAIL if chosen == labels[0] else ReceiptMethod.COUNTER
        name = case.values.get("name", "") or case.id[:8]
        target = self._ask_save(self.tr("結果受領チェックリスト"), f"{name}_チェックリスト.pdf",
                                self.tr("PDF (*.pdf)"))
        if target is None:
            return
        self._write_pdf(build_checklist(case, method, on=self._today(),
                                        language=texts.language()), target)
