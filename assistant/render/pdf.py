"""Write a :class:`~assistant.model.exports.document.Document` as an A4 PDF file.

Qt lays the pages out (:mod:`.layout`) and writes the PDF into memory; :mod:`.tounicode` then
corrects the text layer, and :func:`assistant.model.atomic.atomic_write_bytes` puts the file in
place, so nothing half-written is ever left at the target. Needs a ``QGuiApplication``.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QSizeF
from PySide6.QtGui import QFont, QFontDatabase, QPdfWriter, QRawFont

from assistant.model.atomic import atomic_write_bytes
from assistant.model.exports.document import Document
from assistant.render.layout import ensure_font, page_layout, text_document
from assistant.render.tounicode import FontLookup, correct_to_unicode, glyph_headers

_RESOLUTION_DPI = 300
_NOT_DRAWN = frozenset({"Cc", "Cf", "Cn", "Co", "Cs", "Zl", "Zp"})


def _squeezed(name: str) -> str:
    return re.sub(r"[\s_-]", "", name).casefold()


@cache
def _lookup(family: str) -> tuple[str, FontLookup] | None:
    """The installed font Qt picks for ``family``: its family name (Qt may substitute another
    font) and its glyphs."""
    raw = QRawFont.fromFont(QFont(family))
    if not raw.isValid():
        return None

    def glyph(char: str) -> int:
        indexes = raw.glyphIndexesForString(char)
        return int(indexes[0]) if len(indexes) == 1 else 0

    def table(tag: str) -> bytes:
        data = raw.fontTable(tag)
        if data.isEmpty():
            raise KeyError(tag)
        return bytes(data.data())

    return raw.familyName(), FontLookup(glyph, cache(lambda: glyph_headers(table)), named=False)


def font_candidates(name: str) -> Iterator[FontLookup]:
    """Installed fonts that may be the one a PDF calls ``name``, the likeliest first: the font
    of that name, the documents' font, then every font for Japanese. A Qt PDF names a font by
    its PostScript name, which need not be its family name (``YuGothic-Regular``); the glyphs
    decide (:func:`assistant.render.tounicode.embedded_font`)."""
    seen: set[str] = set()
    for family in [name, ensure_font(),
                   *QFontDatabase.families(QFontDatabase.WritingSystem.Japanese)]:
        found = _lookup(family)
        if found is None or found[0] in seen:
            continue
        actual, lookup = found
        seen.add(actual)
        yield lookup._replace(named=_squeezed(actual) == _squeezed(name))


def font_glyphs(name: str) -> FontLookup | None:
    """The installed font called ``name`` (as a PDF names it), if there is one."""
    return next((lookup for lookup in font_candidates(name) if lookup.named), None)


def pdf_bytes(document: Document) -> bytes:
    """The PDF of ``document``: A4 pages, IPAex Gothic embedded, text that copies as drawn."""
    return correct_to_unicode(*qt_pdf(document), font_candidates)


def qt_pdf(document: Document) -> tuple[bytes, str]:
    """The PDF of ``document`` as Qt writes it, and the characters drawn on its pages."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(document.title)
    writer.setCreator(QCoreApplication.translate("Printing", "在留申請 準備アシスタント"))
    writer.setResolution(_RESOLUTION_DPI)
    writer.setPageLayout(page_layout())
    text = text_document(document, writer)
    text.setPageSize(QSizeF(writer.width(), writer.height()))
    text.print_(writer)  # begins and ends the painter: the PDF is complete in the buffer
    del writer
    data: QByteArray = buffer.data()
    buffer.close()
    # toRawText keeps non-breaking spaces; toPlainText has plain spaces. Neither's paragraph,
    # line and table-cell marks (U+2029, U+2028, U+FDD0…) are drawn.
    drawn = "".join(char for char in set(text.toRawText() + text.toPlainText())
                    if unicodedata.category(char) not in _NOT_DRAWN)
    return bytes(data.data()), drawn


def write_pdf(document: Document, path: str | os.PathLike[str]) -> Path:
    """Write ``document`` as an A4 PDF at ``path`` (atomically: nothing half-written stays).

    Raises :class:`OSError` when the file cannot be written (the old file is then unchanged).
    """
    target = Path(path)
    data = pdf_bytes(document)
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(target, data)
    return target
