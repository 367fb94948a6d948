"""Which characters a Shift_JIS (cp932) export cannot carry, with a suggested replacement.

The ISA upload takes Shift_JIS; what it accepts is JIS X 0208. Three kinds of characters fail:
those cp932 cannot encode at all (𠮷, é), those cp932 encodes only through the IBM/NEC
extensions (髙, 﨑, ①, ㈱: 機種依存文字, treated as 外字), and those cp932 silently turns into
another character (〜 WAVE DASH becomes ～). Each is reported with a replacement taken from
``resources/exports/cp932_replacements.json``, else from Unicode normalisation.
"""

from __future__ import annotations

import enum
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
def _extension_chars() -> frozenset[str]:
    """Every character cp932 decodes from a code with an extension lead byte (機種依存文字, 外字)."""
    chars: set[str] = set()
    for lead in _EXTENSION_LEADS:
        for trail in range(0x40, 0xFD):
            try:
                char = bytes((lead, trail)).decode("cp932")
            except UnicodeDecodeError:
                continue
            if char.encode("cp932")[0] in _EXTENSION_LEADS:   # not ∵ (also in JIS X 0208)
                chars.add(char)
    return frozenset(chars)


def _carries(text: str) -> bool:
    """True when cp932 encodes all of ``text`` within JIS X 0208 and gives it back unchanged.

    One ``encode``/``decode`` for the whole value: a character cp932 cannot encode fails the
    encode, one it changes (〜) fails the comparison, and an extension character (髙, 﨑, ①)
    decodes from an extension code, so it is in :func:`_extension_chars`.
    """
    try:
        if text.encode("cp932").decode("cp932") != text:
            return False
    except UnicodeEncodeError:
        return False
    return _extension_chars().isdisjoint(text)


def bad_chars(text: str) -> list[BadChar]:
    """Every distinct character of ``text`` that a Shift_JIS export cannot carry, in order."""
    if text.isascii() or _carries(text):
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
