"""A :class:`~assistant.model.exports.document.Document` laid out for paper (QtGui only).

The content becomes HTML laid out by a ``QTextDocument`` in the IPAex Gothic font, which Qt's
PDF engine embeds (as a subset), so the PDF shows the same Japanese glyphs on any machine. The
same layout is used for PDF files, the print preview and the printer.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QTextDocument,
)

from assistant.model.exports.document import Document, LineKind, Section
from assistant.resources import resource_path

FONT_FAMILY = "IPAexGothic"
# Where a bundled copy of the font may live when the system has none (Windows / macOS builds).
_BUNDLED_FONT = ("fonts", "ipaexg.ttf")
_PAGE_MARGINS_MM = QMarginsF(15, 15, 15, 15)

# No bold anywhere: IPAex has no bold face, Qt fakes it by drawing every glyph twice, and text
# extracted from (or searched in) the PDF then shows each word twice.
# white-space: pre-wrap — every value is printed as stored, to be typed as printed: HTML would
# collapse runs of spaces and turn a full-width space (U+3000, as in 「西新宿９－９－９　サンプル
# ハイツ」) into a half-width one. The HTML below has no whitespace between its tags.
_CSS = """
body { font-size: 10.5pt; white-space: pre-wrap; }
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


def page_layout() -> QPageLayout:
    """A4 portrait with 15 mm margins: every printed document's page."""
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                       _PAGE_MARGINS_MM, QPageLayout.Unit.Millimeter)


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
