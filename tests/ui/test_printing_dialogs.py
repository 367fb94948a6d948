"""The print preview and the printer dialog (the PDF files are tested in tests/render)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrintDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication

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
