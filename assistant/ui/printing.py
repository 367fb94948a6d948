"""Print documents (checklists, transcription sheets) on a printer, and their print preview.

The content is laid out by :mod:`assistant.render.layout`, as for the PDF files of
:func:`assistant.render.pdf.write_pdf` (same HTML, font and A4 page); Qt paginates it for the
printer and numbers the pages. Only the dialogs (QtPrintSupport, QtWidgets) live here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

from assistant.model.exports.document import Document
from assistant.render.layout import page_layout, text_document
from assistant.ui import ask


def _configure_printer(printer: QPrinter, document: Document) -> None:
    printer.setDocName(document.title)
    printer.setPageLayout(page_layout())


def preview_dialog(document: Document, parent: QWidget | None = None) -> QPrintPreviewDialog:
    """A print preview of ``document``; its Print button prints it (call ``exec()``)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    _configure_printer(printer, document)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("Printing", "印刷プレビュー"))
    text = text_document(document)
    dialog.paintRequested.connect(text.print_)
    dialog._document = text  # type: ignore[attr-defined]  # keep it alive with the dialog
    dialog._printer = printer  # type: ignore[attr-defined]
    return dialog


def print_with_dialog(document: Document, parent: QWidget | None = None) -> bool:
    """Ask for a printer (QPrintDialog) and print; False when the user cancels (or a file to
    print to cannot be written: the user is told why)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    _configure_printer(printer, document)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    if printer.outputFormat() is QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        # Print to file: the exported PDF, whose text copies as drawn (Qt's printer PDF names
        # radicals for kanji, see assistant.render.tounicode).
        from assistant.render.pdf import write_pdf

        try:
            write_pdf(document, printer.outputFileName())
        except OSError as exc:
            ask.error(parent, exc, QCoreApplication.translate("Printing", "印刷できませんでした"))
            return False
        return True
    text_document(document).print_(printer)
    return True
