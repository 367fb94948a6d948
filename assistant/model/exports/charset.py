"""Which characters a Shift_JIS (cp932) export cannot carry, with a suggested replacement.

The ISA upload takes Shift_JIS; what it accepts is JIS X 0208. Three kinds of characters fail:
those cp932 cannot encode at all (𠮷, é), those cp932 encodes only through the IBM/NEC
extensions (髙, 﨑, ①, ㈱: 機種依存文字, treated as 外字), and those cp932 silently turns into
another character (〜 WAVE DASH becomes ～). Each is reported with a replacement taken from
``resources/exports/cp932_replacements.json``, else from Unicode normalisation.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from assistant.resources import load_json


class CharIssue(enum.StrEnum):
    UNENCODABLE = "unencodable"   # cp932 has no code for it
    EXTENSION = "extension"       # only in the IBM/NEC extensions: 外字 for the ISA system
    CHANGED = "changed"           # encodes, but comes back as another character


@dataclass(frozen=True)
class BadChar:
    char: str
    issue: CharIssue
    suggestion: str   # "" when nothing sensible can replace it

    @property
    def codepoint(self) -> str:
        return f"U+{ord(self.char):04X}"


@cache
def _replacements() -> dict[str, str]:
    table: dict[str, str] = load_json("exports", "cp932_replacements.json")["replacements"]
    return table


# cp932 lead bytes outside JIS X 0208: NEC special characters (row 13), NEC-selected IBM
# extensions, user-defined characters (外字 area) and IBM extensions.
_EXTENSION_LEADS = frozenset([0x87, *range(0xED, 0xEF), *range(0xF0, 0xFD)])


def _fits_jis(text: str) -> bool:
    """True when every character of ``text`` is ASCII or JIS X 0208 (as cp932 encodes it)."""
    for char in text:
        try:
            raw = char.encode("cp932")
        except UnicodeEncodeError:
            return False
        if len(raw) == 2 and raw[0] in _EXTENSION_LEADS:
            return False
    return True


def _cp932_roundtrip(char: str) -> str | None:
    try:
        return char.encode("cp932").decode("cp932")
    except UnicodeEncodeError:
        return None


def suggest(char: str) -> str:
    """A replacement that Shift_JIS (JIS X 0208) carries, or "" when there is none."""
    table = _replacements()
    if char in table:
        return table[char]
    back = _cp932_roundtrip(char)
    if back is not None and back != char:
        return back   # what cp932 would write anyway (〜 → ～)
    for candidate in (unicodedata.normalize("NFKC", char),
                      "".join(c for c in unicodedata.normalize("NFKD", char)
                              if not unicodedata.combining(c))):
        if candidate and candidate != char and _fits_jis(candidate):
            return candidate
    return ""


@cache
def classify(char: str) -> CharIssue | None:
    """Why ``char`` cannot go into a Shift_JIS export, or None when it can."""
    if char in "\r\n\t" or char.isascii():
        return None
    back = _cp932_roundtrip(char)
    if back is None:
        return CharIssue.UNENCODABLE
    if back != char:
        return CharIssue.CHANGED
    if not _fits_jis(char):
        return CharIssue.EXTENSION
    return None


@cache
def _not_carried() -> re.Pattern[str]:
    """A pattern that finds any character :func:`classify` objects to (built once, ~20 ms).

    Every character a Shift_JIS export carries comes back from decoding some cp932 code, so
    the codes' decodings that pass :func:`classify` are the whole set; anything else (not
    encodable, changed by the round trip, an extension character) is found by the pattern.
    """
    carried: set[str] = set()
    leads = [*range(0x81, 0xA0), *range(0xE0, 0xFD)]
    codes = [bytes((b,)) for b in range(0x100)]
    codes += [bytes((lead, trail)) for lead in leads for trail in range(0x40, 0xFD)]
    for code in codes:
        try:
            char = code.decode("cp932")
        except UnicodeDecodeError:
            continue
        if len(char) == 1 and classify.__wrapped__(char) is None:
            carried.add(char)
    return re.compile("[^" + "".join(re.escape(c) for c in sorted(carried)) + "]")


def fits_shift_jis(text: str) -> bool:
    """True when a Shift_JIS export carries every character of ``text`` (one regex search)."""
    return text.isascii() or _not_carried().search(text) is None


def bad_chars(text: str) -> list[BadChar]:
    """Every distinct character of ``text`` that a Shift_JIS export cannot carry, in order."""
    if fits_shift_jis(text):
        return []
    return _bad_chars_each(text)


def _bad_chars_each(text: str) -> list[BadChar]:
    """:func:`bad_chars`, character by character (what the fast path must agree with)."""
    seen: dict[str, BadChar] = {}
    for char in text:
        if char in seen:
            continue
        issue = classify(char)
        if issue is not None:
            seen[char] = BadChar(char, issue, suggest(char))
    return list(seen.values())
