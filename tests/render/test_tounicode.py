"""The ToUnicode rewrite on its own: CMap syntax in and out, and which character a glyph names."""

from __future__ import annotations

import io
import struct

from pypdf import PdfReader

from assistant.model.exports.document import Document, Line, LineKind, Section
from assistant.render.pdf import font_candidates, font_glyphs, qt_pdf, write_pdf
from assistant.render.tounicode import (
    FontLookup,
    correct_mapping,
    correct_to_unicode,
    embedded_font,
    glyph_headers,
    name_unmapped,
    parse_cmap,
    write_cmap,
)

# The shapes of CMap a PDF writer uses (PDF 32000-1 9.10.3): a bfchar list, a range that counts
# up, a range with one target per code, a target of two UTF-16 units (a surrogate pair).
CMAP = b"""/CIDInit /ProcSet findresource begin 12 dict begin begincmap
1 begincodespacerange <0000> <FFFF> endcodespacerange
2 beginbfchar
<0001> <2F00>
<0002> <D842DF9F>
endbfchar
2 beginbfrange
<0010> <0012> <0041>
<0020> <0022> [<2F2D> <2F65> <0009>]
endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end"""


def test_parse_cmap_reads_chars_and_both_kinds_of_range():
    assert parse_cmap(CMAP) == {1: "⼀", 2: "\U00020b9f", 0x10: "A", 0x11: "B", 0x12: "C",
                                0x20: "⼭", 0x21: "⽥", 0x22: "\t"}


def test_written_cmap_reads_back_the_same():
    mapping = parse_cmap(CMAP)
    assert parse_cmap(write_cmap(mapping)) == mapping
    big = {code: chr(0x4E00 + code) for code in range(250)}   # more than 100 entries: 3 blocks
    assert parse_cmap(write_cmap(big)) == big


def test_each_glyph_names_the_character_drawn_with_it(qapp):
    font = font_glyphs("IPAexGothic")
    assert font is not None
    glyphs = font.glyph
    assert glyphs("⼀") == glyphs("一") != glyphs("二")
    mapping = parse_cmap(CMAP)
    assert correct_mapping(mapping, "山田 一郎", glyphs) == {**mapping, 1: "一", 0x20: "山",
                                                           0x21: "田", 0x22: " "}
    # A character that was drawn keeps its name, even a radical; one not drawn is left alone.
    assert correct_mapping({1: "⼀", 2: "⼆"}, "⼀", glyphs) == {1: "⼀", 2: "⼆"}


def test_a_font_that_cannot_be_looked_up_falls_back_to_compatibility_forms(qapp):
    assert font_glyphs("NoSuchFont") is None
    assert correct_mapping({1: "⼀", 2: "\t", 3: "⻘"}, "一 青", None) == {
        1: "一", 2: "\t", 3: "⻘"}   # ⻘ has no decomposition: only a glyph lookup can tell


def test_a_radical_that_was_really_drawn_copies_as_the_radical(qapp, tmp_path):
    doc = Document(title="部首", sections=[Section("康煕部首", [Line(LineKind.TEXT, text="⼀⼈")])])
    text = PdfReader(write_pdf(doc, tmp_path / "r.pdf")).pages[0].extract_text()
    assert "⼀⼈" in text


def _tables(glyphs: list[bytes]) -> dict[str, bytes]:
    """head/loca/glyf tables (long offsets) holding ``glyphs``."""
    offsets, glyf = [0], b""
    for data in glyphs:
        glyf += data
        offsets.append(len(glyf))
    head = bytes(50) + struct.pack(">h", 1) + bytes(2)
    return {"head": head, "loca": struct.pack(f">{len(offsets)}I", *offsets), "glyf": glyf}


def test_an_unnamed_glyph_is_named_only_when_its_header_is_unique():
    # Installed font: glyph 1 "A", glyphs 2 and 3 (two characters) with one header, 4 empty.
    a, b = struct.pack(">5h", 1, 0, 0, 10, 10), struct.pack(">5h", 2, 0, 0, 20, 20)
    tables = _tables([b"", a + b"xx", b + b"yy", b + b"zz", b""])
    cmap = {"𠀋": 1, "𠮟": 2, "𩸽": 3}
    font = FontLookup(lambda char: cmap.get(char, 0), lambda: glyph_headers(tables.__getitem__))
    assert glyph_headers(tables.__getitem__) == [b"", a, b, b, b""]
    # The subset: code 1 re-encoded with the header of "A", code 2 with the shared header.
    subset = [b"", a, b]
    assert name_unmapped({0: "\x00"}, "𠀋𠮟𩸽", font, subset) == {0: "\x00", 1: "𠀋"}
    assert name_unmapped({0: "\x00"}, "𠀋𠮟", font, subset) == {0: "\x00", 1: "𠀋", 2: "𠮟"}


def _ipaex(family: str) -> FontLookup:
    return next(lookup for lookup in font_candidates(family) if lookup.named)


def test_the_installed_font_is_recognised_by_its_glyphs_not_its_name(qapp):
    """A Qt PDF names a font by its PostScript name, which need not be the family's name (on
    Windows, YuGothic-Regular for Yu Gothic): the glyphs decide which installed font it is."""
    doc = Document(title="山田 一郎", sections=[Section("長門", [Line(LineKind.TEXT, text="青 金")])])
    pdf, drawn = qt_pdf(doc)
    gothic, mincho = _ipaex("IPAexGothic"), _ipaex("IPAexMincho")

    def mincho_first(name):   # the wrong font under the PDF's name, the right one unnamed
        return [mincho, gothic._replace(named=False)]

    fixed = correct_to_unicode(pdf, drawn, mincho_first)
    text = PdfReader(io.BytesIO(fixed)).pages[0].extract_text()
    assert "山田 一郎" in text and "長門" in text and "青 金" in text

    # Offered only a font it was not made from, nothing is named after that font's glyphs: the
    # Kangxi radicals (which decompose) are mended, the supplement's ⻑ ⻘ stay as Qt wrote them.
    only_mincho = correct_to_unicode(pdf, drawn, lambda name: [mincho])
    text = PdfReader(io.BytesIO(only_mincho)).pages[0].extract_text()
    assert "山田" in text and "\u2ed1" in text and "\u2ed8" in text   # ⻑ ⻘
    assert embedded_font([mincho], {1: "⻑"}, [b"", b"\x00\x01" + bytes(8)]) is None
