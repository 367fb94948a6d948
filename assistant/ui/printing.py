"""Print documents (checklists, transcription sheets): PDF files, the printer, a preview.

The content comes from :mod:`assistant.model.exports` as a
:class:`~assistant.model.exports.document.Document`; here it becomes HTML laid out by a
``QTextDocument`` in the IPAex Gothic font, which Qt's PDF engine embeds (as a subset), so the
PDF shows the same Japanese glyphs on any machine.
"""

from __future__ import annotations

import html
import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QSizeF
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

from assistant.model.exports.document import Document, LineKind, Section
from assistant.resources import resource_path

FONT_FAMILY = "IPAexGothic"
# Where a bundled copy of the font may live when the system has none (Windows / macOS builds).
_BUNDLED_FONT = ("fonts", "ipaexg.ttf")
_PAGE_MARGINS_MM = QMarginsF(15, 15, 15, 15)

# No bold anywhere: IPAex has no bold face, Qt fakes it by drawing every glyph twice, and text
# extracted from (or searched in) the PDF then shows each word twice.
_CSS = """
body { font-size: 10.5pt; }
h1 { font-size: 17pt; font-weight: normal; margin-bottom: 2pt; }
p.subtitle { font-size: 9pt; color: #444; margin-top: 0; }
h2 { font-size: 13pt; font-weight: normal; margin-top: 14pt; margin-bottom: 4pt; background-color: #e8e8e8; }
p.text { margin-top: 3pt; margin-bottom: 3pt; }
td.box { font-size: 13pt; padding-right: 4pt; }
td.check { padding-top: 2pt; padding-bottom: 2pt; }
td.note { font-size: 9pt; padding-left: 14pt; }
td.label { color: #333; padding-right: 10pt; }
td.value { font-size: 11pt; }
td.address { font-size: 14pt; }
p.footer { font-size: 8pt; color: #444; margin-top: 14pt; }
"""


def ensure_font() -> str:
    """Make sure the Japanese font is available to Qt and return its family name."""
    if FONT_FAMILY in QFontDatabase.families():
        return FONT_FAMILY
    bundled = resource_path(*_BUNDLED_FONT)
    if bundled.exists():
        font_id = QFontDatabase.addApplicationFont(str(bundled))
        families = QFontDatabase.applicationFontFamilies(font_id)
        if families:
            return families[0]
    return FONT_FAMILY  # Qt falls back to a font that has the glyphs


def _section_html(section: Section) -> str:
    esc = html.escape
    style = ' style="page-break-before: always"' if section.page_break_before else ""
    parts = [f"<h2{style}>{esc(section.heading)}</h2>"]
    rows: list[str] = []

    def flush() -> None:
        if rows:
            parts.append('<table cellspacing="0" cellpadding="2" width="100%">'
                         + "".join(rows) + "</table>")
            rows.clear()

    previous: LineKind | None = None
    for line in section.lines:
        if (previous is LineKind.FIELD) != (line.kind is LineKind.FIELD):
            flush()  # field rows and checkbox rows have different column widths
        previous = line.kind
        if line.kind is LineKind.FIELD:
            rows.append(f'<tr><td class="label" width="35%">{esc(line.label)}</td>'
                        f'<td class="value">{esc(line.value)}</td></tr>')
        elif line.kind is LineKind.CHECK:
            rows.append(f'<tr><td class="box" width="4%">□</td>'
                        f'<td class="check">{esc(line.text)}</td></tr>')
        elif line.kind is LineKind.NOTE:
            rows.append(f'<tr><td></td><td class="note">※ {esc(line.text)}</td></tr>')
        elif line.kind is LineKind.LABEL:
            flush()
            body = "<br/>".join(esc(t) for t in line.text.split("\n"))
            parts.append('<table border="2" style="border-style: solid" cellspacing="0" '
                         'cellpadding="14" width="75%">'
                         f'<tr><td class="address">{body}</td></tr></table>')
        else:
            flush()
            parts.append(f'<p class="text">{esc(line.text)}</p>')
    flush()
    return "".join(parts)


def document_html(document: Document) -> str:
    """The document as the HTML subset QTextDocument understands."""
    esc = html.escape
    parts = [f"<html><head><style>{_CSS}</style></head><body>",
             f"<h1>{esc(document.title)}</h1>"]
    if document.subtitle:
        parts.append(f'<p class="subtitle">{esc(document.subtitle)}</p>')
    parts.extend(_section_html(section) for section in document.sections)
    if document.footer:
        parts.append(f'<p class="footer">{esc(document.footer)}</p>')
    parts.append("</body></html>")
    return "".join(parts)


def text_document(document: Document, device: QPagedPaintDevice | None = None) -> QTextDocument:
    """A QTextDocument with the content, in the Japanese font, laid out for ``device``."""
    text = QTextDocument()
    if device is not None:
        # Lay out in the device's resolution, so point sizes come out as points on paper.
        text.documentLayout().setPaintDevice(device)
    text.setDefaultFont(QFont(ensure_font(), 10))
    text.setHtml(document_html(document))
    return text


def write_pdf(document: Document, path: str | os.PathLike[str]) -> Path:
    """Write ``document`` as an A4 PDF at ``path`` (atomically: nothing half-written stays).

    Needs a QGuiApplication (offscreen is fine).
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=".~", suffix=".pdf", dir=target.parent)
    os.close(fd)
    try:
        writer = QPdfWriter(temp_name)
        writer.setTitle(document.title)
        writer.setCreator(QCoreApplication.translate("Printing", "在留申請 準備アシスタント"))
        writer.setResolution(300)
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                         QPageLayout.Orientation.Portrait, _PAGE_MARGINS_MM,
                                         QPageLayout.Unit.Millimeter))
        text = text_document(document, writer)
        text.setPageSize(QSizeF(writer.width(), writer.height()))
        text.print_(writer)
        del writer  # finishes the file
        with open(temp_name, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return target


def _configure_printer(printer: QPrinter, document: Document) -> None:
    printer.setDocName(document.title)
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                      QPageLayout.Orientation.Portrait, _PAGE_MARGINS_MM,
                                      QPageLayout.Unit.Millimeter))


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
    """Ask for a printer (QPrintDialog) and print; False when the user cancels."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    _configure_printer(printer, document)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    text_document(document).print_(printer)
    return True
