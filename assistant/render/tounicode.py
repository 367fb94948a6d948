"""Make the text copied out of a PDF the text that was drawn: rewrite the fonts' ToUnicode maps.

A PDF shows glyphs; a reader that copies or searches text turns each glyph back into characters
through the font's ``ToUnicode`` map. Qt writes that map by asking, for each glyph, which is the
lowest code point the font draws with it. A CJK font draws a unified ideograph and its Kangxi
radical (一 U+4E00 / ⼀ U+2F00, 人 / ⼈, 長 / ⻑ in the CJK Radicals Supplement) with one glyph,
and a space and a tab with one glyph, so Qt's map names the radical and the tab: 山田 一郎 is
copied as ⼭⽥\\t⼀郎.

:func:`correct_to_unicode` knows the text that was drawn and, for every glyph whose mapped
character was not drawn, names instead the drawn character that the same font draws with the
same glyph. A map already naming a drawn character is left alone, so a radical that really was
drawn stays a radical.

Qt also leaves out every glyph of a character beyond the BMP (𠮟 U+20B9F, 𩸽): it looks for
glyphs among the code points up to U+FFFF only. Such a glyph is named by comparing the embedded
subset's glyph with the installed font's glyphs of the drawn characters not yet named: Qt keeps
each glyph's contour count and, within a unit or two, its bounding box (it re-encodes the
points), and among the few unnamed characters of one page that header tells the glyphs apart;
when it does not, the glyph stays unnamed rather than named wrongly. The same comparison, on the
glyphs the map does name, recognises which installed font a PDF font was made from, whatever
name the PDF gives it.
"""

from __future__ import annotations

import io
import re
import struct
import unicodedata
from collections.abc import Callable, Iterable
from typing import NamedTuple

# A font's glyph lookup: character → glyph index in that font (0: the font has no glyph).
Glyphs = Callable[[str], int]


class FontLookup(NamedTuple):
    """An installed font: its glyph for a character, its glyphs' headers (see
    :func:`glyph_headers`; KeyError when it has no TrueType outlines) and whether its name is
    the one the PDF gives."""

    glyph: Glyphs
    headers: Callable[[], list[bytes]]
    named: bool = True


# PDF font name (``/BaseFont`` without the subset tag) → installed fonts that may be the one
# embedded, the likeliest first (generated lazily: usually the first one is it).
FontCandidates = Callable[[str], Iterable[FontLookup]]

_SAMPLES = 40   # glyphs compared to recognise the installed font of an embedded subset

_HEX = rb"<([0-9A-Fa-f]*)>"
_BFCHAR = re.compile(rb"beginbfchar(.*?)endbfchar", re.S)
_BFRANGE = re.compile(rb"beginbfrange(.*?)endbfrange", re.S)
_RANGE_ENTRY = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>|\[[^\]]*\])")
_PAIR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>")


def _utf16(hex_digits: bytes) -> str:
    return bytes.fromhex(hex_digits.decode("ascii")).decode("utf-16-be", errors="replace")


def parse_cmap(data: bytes) -> dict[int, str]:
    """The ``bfchar``/``bfrange`` entries of a ToUnicode CMap: character code → text."""
    mapping: dict[int, str] = {}
    for block in _BFCHAR.findall(data):
        for code, target in _PAIR.findall(block):
            mapping[int(code, 16)] = _utf16(target)
    for block in _BFRANGE.findall(data):
        for low_hex, high_hex, target in _RANGE_ENTRY.findall(block):
            low, high = int(low_hex, 16), int(high_hex, 16)
            if target.startswith(b"["):
                for offset, item in enumerate(re.findall(_HEX, target)):
                    if low + offset <= high:
                        mapping[low + offset] = _utf16(item)
            else:
                first = _utf16(target[1:-1])
                for offset in range(high - low + 1):
                    # The last UTF-16 unit counts up along the range (PDF 32000 9.10.3).
                    mapping[low + offset] = first[:-1] + chr(ord(first[-1]) + offset) \
                        if first else ""
    return mapping


def _hex_utf16(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def write_cmap(mapping: dict[int, str]) -> bytes:
    """A ToUnicode CMap (2-byte codes, as Qt's Identity-H fonts use) naming ``mapping``."""
    lines = ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
             "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
             "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
             "1 begincodespacerange", "<0000> <FFFF>", "endcodespacerange"]
    entries = sorted(mapping.items())
    for start in range(0, len(entries), 100):  # at most 100 entries per block
        chunk = entries[start:start + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        lines.extend(f"<{code:04X}> <{_hex_utf16(text)}>" for code, text in chunk)
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end", ""]
    return "\n".join(lines).encode("ascii")


def _rank(char: str) -> tuple[bool, int]:
    """Among drawn characters sharing a glyph, prefer one that is not a compatibility form."""
    return unicodedata.decomposition(char) != "", ord(char)


def correct_mapping(mapping: dict[int, str], drawn: Iterable[str],
                    glyphs: Glyphs | None) -> dict[int, str]:
    """``mapping`` with each single character that was not drawn replaced by the drawn
    character of the same glyph (``glyphs``), or — for a font whose glyphs cannot be looked up —
    by the drawn character it is a compatibility form of (⼀ → 一)."""
    drawn_chars = set(drawn)
    by_glyph: dict[int, list[str]] = {}
    if glyphs is not None:
        for char in drawn_chars:
            glyph = glyphs(char)
            if glyph:
                by_glyph.setdefault(glyph, []).append(char)
    result = dict(mapping)
    for code, text in mapping.items():
        if len(text) != 1 or text in drawn_chars:
            continue
        if glyphs is not None:
            glyph = glyphs(text)
            candidates = by_glyph.get(glyph, []) if glyph else []
        else:
            candidates = [c for c in drawn_chars if unicodedata.normalize("NFKC", text) == c]
        if candidates:
            result[code] = min(candidates, key=_rank)
    return result


def _truetype_tables(program: bytes) -> dict[str, bytes]:
    """The tables of a TrueType font program, by tag."""
    count = struct.unpack_from(">H", program, 4)[0]
    tables = {}
    for index in range(count):
        tag, _checksum, offset, length = struct.unpack_from(">4sIII", program, 12 + 16 * index)
        tables[tag.decode("latin-1")] = program[offset:offset + length]
    return tables


def glyph_headers(table: Callable[[str], bytes]) -> list[bytes]:
    """Each glyph's header (contour count and bounding box, 10 bytes; b"" for an empty glyph)
    from a TrueType font's ``head``, ``loca`` and ``glyf`` tables."""
    long_offsets = struct.unpack_from(">h", table("head"), 50)[0] == 1
    loca, glyf = table("loca"), table("glyf")
    if long_offsets:
        offsets = list(struct.unpack(f">{len(loca) // 4}I", loca))
    else:
        offsets = [2 * n for n in struct.unpack(f">{len(loca) // 2}H", loca)]
    return [glyf[start:start + 10] if end > start else b""
            for start, end in zip(offsets, offsets[1:], strict=False)]


def same_outline(subset: bytes, installed: bytes) -> bool:
    """Whether two glyph headers (:func:`glyph_headers`) are of one glyph: the same number of
    contours and a bounding box within 2 font units (Qt recomputes some boxes from the points
    it re-encodes, rounding differently)."""
    if len(subset) != 10 or len(installed) != 10:
        return False
    a, b = struct.unpack(">5h", subset), struct.unpack(">5h", installed)
    return a[0] == b[0] and all(abs(x - y) <= 2 for x, y in zip(a[1:], b[1:], strict=True))


def name_unmapped(mapping: dict[int, str], drawn: Iterable[str], font: FontLookup,
                  subset_headers: list[bytes]) -> dict[int, str]:
    """``mapping`` with the subset glyphs it does not name (code = glyph index in the subset)
    named after the drawn character whose glyph has the same outline header, when only one
    glyph among the drawn characters not yet named has."""
    unnamed = [code for code, header in enumerate(subset_headers)
               if code and header and mapping.get(code, "\x00") in ("", "\x00")]
    if not unnamed:
        return mapping
    named = {font.glyph(text) for text in mapping.values() if len(text) == 1}
    headers = font.headers()
    by_glyph: dict[int, list[str]] = {}
    for char in set(drawn):
        glyph = font.glyph(char)
        if glyph and glyph not in named and glyph < len(headers) and headers[glyph]:
            by_glyph.setdefault(glyph, []).append(char)
    result = dict(mapping)
    for code in unnamed:
        matches = [chars for glyph, chars in by_glyph.items()
                   if same_outline(subset_headers[code], headers[glyph])]
        if len(matches) == 1:   # one glyph of the font fits: that is the one
            result[code] = min(matches[0], key=_rank)
    return result


def embedded_font(candidates: Iterable[FontLookup], mapping: dict[int, str],
                  subset_headers: list[bytes] | None) -> FontLookup | None:
    """The installed font the embedded subset was made from: the first candidate that draws
    the characters ``mapping`` names with glyphs of the same headers as the subset's. Without
    a subset to compare (not a TrueType font), the first candidate of the PDF's name."""
    samples = [] if subset_headers is None else [
        (code, text) for code, text in sorted(mapping.items())
        if len(text) == 1 and 0 < code < len(subset_headers) and subset_headers[code]][:_SAMPLES]
    if subset_headers is None or not samples:
        return next((candidate for candidate in candidates if candidate.named), None)
    for candidate in candidates:
        try:
            headers = candidate.headers()
        except (KeyError, struct.error):
            continue
        if all(0 < (glyph := candidate.glyph(text)) < len(headers)
               and same_outline(subset_headers[code], headers[glyph]) for code, text in samples):
            return candidate
    return None


def _subset_headers(font: dict[str, object]) -> list[bytes] | None:
    """The glyph headers of the font's embedded TrueType subset, by character code (Qt's
    Identity-H fonts: code = CID = glyph index), or None when the font is another kind."""
    try:
        descendant = font["/DescendantFonts"][0].get_object()  # type: ignore[index]
        if descendant.get("/CIDToGIDMap") != "/Identity":
            return None
        program = descendant["/FontDescriptor"].get_object()["/FontFile2"].get_object()
        return glyph_headers(_truetype_tables(program.get_data()).__getitem__)
    except (KeyError, IndexError, TypeError, AttributeError, struct.error):
        return None


def _font_name(font: dict[str, object]) -> str:
    name = str(font.get("/BaseFont", "")).lstrip("/")
    # A subset font is named "ABCDEF+Name" (six capitals and a plus sign).
    return name[7:] if re.match(r"[A-Z]{6}\+", name) else name


def correct_to_unicode(pdf: bytes, drawn: str, font_candidates: FontCandidates) -> bytes:
    """``pdf`` with every font's ToUnicode map corrected for the ``drawn`` text (see module)."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import IndirectObject, StreamObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    done: set[int] = set()
    for page in writer.pages:
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources is not None else None
        if fonts is None:
            continue
        for ref in fonts.get_object().values():
            font = ref.get_object()
            cmap_ref = font.get("/ToUnicode")
            if cmap_ref is None:
                continue
            key = cmap_ref.idnum if isinstance(cmap_ref, IndirectObject) else id(cmap_ref)
            if key in done:
                continue
            done.add(key)
            stream = cmap_ref.get_object()
            assert isinstance(stream, StreamObject)
            mapping = parse_cmap(stream.get_data())
            subset = _subset_headers(font)
            lookup = embedded_font(font_candidates(_font_name(font)), mapping, subset)
            corrected = correct_mapping(mapping, drawn, lookup.glyph if lookup else None)
            if lookup and subset:
                try:
                    corrected = name_unmapped(corrected, drawn, lookup, subset)
                except (KeyError, struct.error):   # a font without the tables: leave it
                    pass
            if corrected != mapping:
                stream.set_data(write_cmap(corrected))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
