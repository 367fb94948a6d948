"""Write a :class:`~assistant.model.exports.document.Document` as an A4 PDF file.

Qt lays the pages out (:mod:`.layout`) and writes the PDF into memory; :mod:`.tounicode` then
corrects the text layer, and :func:`assistant.model.atomic.atomic_write_bytes` puts the file in
place, so nothing half-written is ever left at the target. Needs a ``QGuiApplication``.
"""

from __future__ import annotations

import os
import re
import unicodedata
from functools import cache
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QSizeF
from PySide6.QtGui import QFont, QPdfWriter, QRawFont

from assistant.model.atomic import atomic_write_bytes
from assistant.model.exports.document import Document
from assistant.render.layout import page_layout, text_document
from assistant.render.tounicode import FontLookup, correct_to_unicode

_RESOLUTION_DPI = 300
_NOT_DRAWN = frozenset({"Cc", "Cf", "Cn", "Co", "Cs", "Zl", "Zp"})


def _squeezed(name: str) -> str:
    return re.sub(r"[\s_-]", "", name).casefold()


@cache
def _raw_font(name: str) -> QRawFont | None:
    raw = QRawFont.fromFont(QFont(name))
    # Qt substitutes another family for an unknown name: that font's glyphs would mislead.
    return raw if raw.isValid() and _squeezed(raw.familyName()) == _squeezed(name) else None


def font_glyphs(name: str) -> FontLookup | None:
    """The installed font called ``name`` (as a PDF names it), if there is one."""
    raw = _raw_font(name)
    if raw is None:
        return None

    def glyph(char: str) -> int:
        indexes = raw.glyphIndexesForString(char)
        return int(indexes[0]) if len(indexes) == 1 else 0

    def table(tag: str) -> bytes:
        data = raw.fontTable(tag)
        if data.isEmpty():
            raise KeyError(tag)
        return bytes(data.data())

    return FontLookup(glyph, table)


def pdf_bytes(document: Document) -> bytes:
    """The PDF of ``document``: A4 pages, IPAex Gothic embedded, text that copies as drawn."""
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
    return correct_to_unicode(bytes(data.data()), drawn, font_glyphs)


def write_pdf(document: Document, path: str | os.PathLike[str]) -> Path:
    """Write ``document`` as an A4 PDF at ``path`` (atomically: nothing half-written stays).

    Raises :class:`OSError` when the file cannot be written (the old file is then unchanged).
    """
    target = Path(path)
    data = pdf_bytes(document)
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(target, data)
    return target
