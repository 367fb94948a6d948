"""The print preview and the printer dialog (the PDF files are tested in tests/render)."""

from __future__ import annotations

from datetime import date

from pypdf import PdfReader
from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrintDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from assistant.model.case import Case, ReceiptMethod
from assistant.model.exports.checklist import build_checklist
from assistant.ui import printing

ON = date(2026, 11, 26)


def fee(procedure, on, variant):
    return {"renewal": 5500}.get(procedure)


def methods(case):
    return [ReceiptMethod.MAIL, ReceiptMethod.COUNTER]


def test_print_preview_shows_the_pages(qtbot):
    doc = build_checklist(Case(id="c", procedure="renewal", values={"name": "LE THI HOA"}),
                          ReceiptMethod.MAIL, on=ON, fee_lookup=fee, methods_lookup=methods)
    dialog = printing.preview_dialog(doc)
    qtbot.addWidget(dialog)
    widget = dialog.findChild(QPrintPreviewWidget)
    widget.updatePreview()
    assert widget.pageCount() >= 1


def test_print_dialog_cancel_prints_nothing(qapp):
    doc = build_checklist(Case(id="c", procedure="coe", values={"name": "A B"}),
                          ReceiptMethod.MAIL, on=ON, fee_lookup=lambda *a: 0,
                          methods_lookup=lambda case: None)

    def cancel() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QPrintDialog) and widget.isVisible():
                widget.reject()
                return
        QTimer.singleShot(20, cancel)

    QTimer.singleShot(20, cancel)
    assert printing.print_with_dialog(doc) is False


def _accept_print_dialog_to_file(path) -> None:
    """Pick 「ファイルに出力」 (the last printer Qt lists) with ``path`` and accept the dialog."""
    def accept() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QPrintDialog) and widget.isVisible():
                printers = widget.findChild(QComboBox, "printers")
                printers.setCurrentIndex(printers.count() - 1)
                widget.findChild(QLineEdit, "filename").setText(str(path))
                widget.accept()
                return
        QTimer.singleShot(20, accept)

    QTimer.singleShot(20, accept)


def test_print_to_file_writes_the_pdf_whose_text_copies_as_drawn(qapp, tmp_path):
    doc = build_checklist(Case(id="c", procedure="renewal", values={"name": "山田 一郎"}),
                          ReceiptMethod.MAIL, on=ON, fee_lookup=fee, methods_lookup=methods)
    target = tmp_path / "printed.pdf"
    _accept_print_dialog_to_file(target)
    assert printing.print_with_dialog(doc) is True
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    assert "山田 一郎" in text and "記入" in text
    assert "\u2f0a" not in text and "\u2f2d" not in text   # no Kangxi radical ⼊ or ⼭


def test_print_to_a_file_that_cannot_be_written_says_so(qapp, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(printing.ask, "error", lambda parent, exc, title: shown.append(title))
    blocker = tmp_path / "file"
    blocker.write_text("x")
    doc = build_checklist(Case(id="c", procedure="coe", values={"name": "A B"}),
                          ReceiptMethod.MAIL, on=ON, fee_lookup=lambda *a: 0,
                          methods_lookup=lambda case: None)
    _accept_print_dialog_to_file(blocker / "x.pdf")   # a file where a folder should be
    assert printing.print_with_dialog(doc) is False
    assert shown == ["印刷できませんでした"] and blocker.read_text() == "x"
