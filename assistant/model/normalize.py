"""Entry normalisation: what the office types becomes the value the case stores (pure
functions; they never raise on user input).

:func:`normalize_value` is the one function every entry point calls — the wizard when a field
loses focus (it shows the result in the field), case-file reading
(:func:`assistant.model.casefile.read_case_file`, which reports what it changed) and the bulk
workbook import (:mod:`assistant.model.exports.xlsx_import`). Nothing later changes a value:
``validate`` judges the stored value and the exports write it as it is (docs/domain.md: the
value checked is the value written). It changes a value only where the result is certain
(width, letter case, spaces, an era date, the hyphens of a phone number); a value it cannot make
right with certainty (``約20万円`` or ``37.5`` in a digits column, ``1.23457E+12`` for a
corporate number) is kept as typed, and validation reports it.

* :func:`to_halfwidth` — full-width letters, digits, symbols and spaces → half-width
  (``ＡＢ１２３４５６７８ＣＤ`` → ``AB12345678CD``); katakana stays full-width and half-width
  katakana becomes full-width (``ｶﾀｶﾅ`` → ``カタカナ``), as the template expects.
* :func:`to_fullwidth` — half-width ASCII and katakana → full-width (for 全角 fields).
* :func:`collapse_spaces` — trim and collapse runs of spaces (ASCII or ideographic).
* :func:`latin_name` — passport names: half-width, upper case, single spaces.
* :func:`digits_only` — every digit of a text, nothing else (a helper; entry uses
  :func:`separated_digits`, which drops only separators).
* :func:`separated_digits` — phone numbers, postal codes, other digit numbers: digits with
  spaces, hyphens or brackets between them lose those (``〒100-0001`` → ``1000001``,
  ``(03) 1234-5678`` → ``0312345678``); anything else is kept for validation to report.
* :func:`normalize_value` — applies the right ones for a :class:`~assistant.model.fields.FieldDef`
  (its kind, character class and pattern); code-list values become the workbook label,
  dates the template's ``YYYYMMDD``; :func:`normalize_values` does a whole case.

Conversion tables come from ``jaconv`` (tested kana tables including voiced marks). Values that
are already normal (the usual case: what the wizard and the imports store) skip ``jaconv``
after a cheap test — ``str.isascii()`` or one regular-expression search for a character the
conversion would change, built from ``jaconv``'s own tables — so the result is always the same.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date
from functools import partial

import jaconv
from jaconv import conv_table

from assistant.model.codelists import code_list
from assistant.model.eras import parse_date, parse_year_month
from assistant.model.fields import Catalogue, FieldDef

_SPACES = re.compile(r"[ \u3000\t]+")
_NON_DIGITS = re.compile(r"[^0-9]")
_LINE_SPACES = re.compile(r"[ \t]+")   # ideographic spaces inside a line are kept


def _converted(*tables: dict[int, str]) -> frozenset[str]:
    """The characters ``jaconv`` tables convert, with half-width kana and marks."""
    return frozenset({chr(code) for table in tables for code in table}
                     | {chr(code) for code in range(0xFF61, 0xFFA0)})


def _char_class(chars: set[str] | frozenset[str], negate: bool = False) -> str:
    return "[" + "^" * negate + "".join(re.escape(c) for c in sorted(chars)) + "]"


def _any_of(*tables: dict[int, str]) -> re.Pattern[str]:
    """A pattern that finds any character a ``jaconv`` table (or half-width kana) converts."""
    return re.compile(_char_class(_converted(*tables)))


# characters to_halfwidth / to_fullwidth / _multiline would change; a value without any of them
# is returned as it is (jaconv's dakuten pass only touches half-width kana, included here)
_CHANGES_TO_HALF = _any_of(conv_table.Z2H_AD, conv_table.H2Z_K).search
_CHANGES_TO_FULL = _any_of(conv_table.H2Z_ALL).search
_CHANGES_KANA = _any_of(conv_table.H2Z_K).search


_VOICED_MARKS = ("\uff9e", "\uff9f")   # ﾞ ﾟ: jaconv joins ｶﾞ → ガ only around these


def _h2z(text: str, table: dict[int, str], wide_ascii: bool) -> str:
    """``jaconv.h2z`` (kana, and ASCII and digits if ``wide_ascii``) with ``table`` its table;
    its voiced-mark pass (26 replaces) runs only when a mark is there."""
    if _VOICED_MARKS[0] in text or _VOICED_MARKS[1] in text:
        return jaconv.h2z(text, kana=True, ascii=wide_ascii, digit=wide_ascii)
    return text.translate(table)


def _to_halfwidth_slow(text: str) -> str:
    ascii_half = jaconv.z2h(text, kana=False, ascii=True, digit=True)
    return _h2z(ascii_half, conv_table.H2Z_K, wide_ascii=False)


def _to_fullwidth_slow(text: str) -> str:
    return _h2z(text, conv_table.H2Z_ALL, wide_ascii=True)


def to_halfwidth(text: str) -> str:
    """Full-width ASCII (letters, digits, symbols, space) → half-width; kana → full-width."""
    if text.isascii() or _CHANGES_TO_HALF(text) is None:
        return text
    return _to_halfwidth_slow(text)


def to_fullwidth(text: str) -> str:
    """Half-width ASCII and half-width katakana → full-width (space → ideographic space)."""
    if _CHANGES_TO_FULL(text) is None:
        return text
    return _to_fullwidth_slow(text)


def collapse_spaces(text: str, space: str = " ") -> str:
    """Strip both ends and replace each run of spaces/tabs (ASCII or ideographic) by ``space``."""
    return _SPACES.sub(space, text).strip(" \u3000\t\r\n")


def trim(text: str) -> str:
    """Strip spaces (ASCII and ideographic) and line breaks at both ends."""
    return text.strip(" \u3000\t\r\n")


def latin_name(text: str) -> str:
    """A passport name as the template wants it: half-width capitals, single spaces."""
    return collapse_spaces(to_halfwidth(text).upper())


def digits_only(text: str) -> str:
    """Keep only the digits (after full-width → half-width): for phone numbers, postal codes."""
    return _NON_DIGITS.sub("", to_halfwidth(text))


def _multiline(text: str) -> str:
    """Free text: trim each line's ends and the whole, keep line breaks, half-width kana → full."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii() and _CHANGES_KANA(text) is not None:
        text = _h2z(text, conv_table.H2Z_K, wide_ascii=False)
    lines = [trim(_LINE_SPACES.sub(" ", line)) for line in text.split("\n")]
    return "\n".join(lines).strip("\n")


def normalize_code(field: FieldDef, value: str) -> str:
    """A pull-down value → the workbook label (a code or a width variant is accepted)."""
    value = trim(value)
    if not value or field.code_list is None:
        return value
    codes = code_list(field.code_list)
    entry = codes.lookup(value) or codes.lookup(to_halfwidth(value))
    if entry is None:
        wide = to_fullwidth(value)
        entry = codes.lookup(wide)
    if entry is None:
        folded = collapse_spaces(to_halfwidth(value)).casefold()
        for candidate in codes.entries:
            names = (candidate.label, candidate.label_ja, candidate.label_en)
            if any(collapse_spaces(to_halfwidth(n)).casefold() == folded for n in names):
                entry = candidate
                break
    return entry.label if entry is not None else value


def _template_date(allow_unknown: bool, raw: str) -> str:
    """A date in the template's ``YYYYMMDD`` (unreadable input is kept, half-width)."""
    if len(raw) == 8 and raw.isascii() and raw.isdigit():   # already YYYYMMDD: check only
        try:
            date(int(raw[:4]), int(raw[4:6]), int(raw[6:]))
        except ValueError:
            pass   # 00 month or day, or not a date: the full parser says which
        else:
            return raw
    result = parse_date(raw, allow_unknown=allow_unknown)
    return result.template if result.ok else collapse_spaces(to_halfwidth(raw))


def _template_year_month(raw: str) -> str:
    """A year and month in the template's ``YYYYMM`` (unreadable input is kept, half-width)."""
    if (len(raw) == 6 and raw.isascii() and raw.isdigit() and raw[:4] != "0000"
            and 1 <= int(raw[4:]) <= 12):   # already YYYYMM
        return raw
    result = parse_year_month(raw)
    return result.template if result.ok else collapse_spaces(to_halfwidth(raw))


# Between digits: spaces, hyphens and dashes of every width (U+2010–U+2015, minus sign, the
# long-vowel mark typed for a hyphen), brackets, and a leading postal mark.
_DIGIT_SEPARATED = re.compile(
    "\u3012?[ (]*[0-9]+(?:[ ()\\-\u2010-\u2015\u2212\u30fc]*[0-9]+)*[ )]*")
_THOUSANDS = re.compile("[0-9]{1,3}(?:,[0-9]{3})+")


def separated_digits(text: str) -> str:
    """Digits typed with separators → the digits (``03-1234-5678`` → ``0312345678``).

    Only spaces, hyphens/dashes and brackets between digits (and a leading 〒) are dropped;
    any other text (``+81 3…``, ``37.5``, ``約20万円``) is kept half-width and trimmed, for
    validation to report — a digit is never guessed.
    """
    half = collapse_spaces(to_halfwidth(text))
    if _DIGIT_SEPARATED.fullmatch(half):
        return _NON_DIGITS.sub("", half)
    return half


def _amount(text: str) -> str:
    """A number column (円, hours, counts): digits; thousands commas (``200,000``) dropped.
    Anything else (``37.5``, ``1E+12``, ``約20万円``) is kept for validation to report."""
    half = collapse_spaces(to_halfwidth(text))
    if _THOUSANDS.fullmatch(half):
        return half.replace(",", "")
    return half


def _halfwidth_text(raw: str) -> str:
    return collapse_spaces(to_halfwidth(raw))


def _fullwidth_text(raw: str) -> str:
    return collapse_spaces(to_fullwidth(raw), space="\u3000")


def normalizer(field: FieldDef) -> Callable[[str], str]:
    """The function :func:`normalize_value` applies for ``field`` (pick it once per column)."""
    if field.kind in ("code", "yesno"):
        return partial(normalize_code, field)
    if field.kind == "date":
        return partial(_template_date, field.date_unknown_markers)
    if field.kind == "year_month":
        return _template_year_month
    if field.kind == "number":
        return _amount
    if field.pattern in ("phone", "postal_code") or field.char_class == "digits":
        return separated_digits
    if field.char_class == "halfwidth_upper":
        return latin_name
    if field.char_class == "halfwidth":
        return _halfwidth_text
    if field.char_class == "fullwidth":
        return _fullwidth_text
    return _multiline


def normalize_value(field: FieldDef, raw: str) -> str:
    """THE entry normaliser: what the office typed for ``field`` → the value to store.

    Call it wherever a value enters (wizard focus-out, case-file reading, bulk workbook
    import) and show the user the result; never on the way out (exports write the stored
    value). It returns the value as typed (trimmed, half-width where the column is half-width)
    where a change would be a guess; :func:`assistant.model.validation.validate_field` then
    reports it. Idempotent: ``normalize_value(f, normalize_value(f, x)) ==
    normalize_value(f, x)``.
    """
    return normalizer(field)(raw)


def normalize_values(cat: Catalogue, values: Mapping[str, str]
                     ) -> tuple[dict[str, str], list[tuple[str, str, str]]]:
    """:func:`normalize_value` for every value of a case (keys the catalogue does not know
    are kept as they are): the values to store and the changes ``(key, typed, stored)``, in
    key order, to show the user."""
    stored: dict[str, str] = {}
    changes: list[tuple[str, str, str]] = []
    for key, raw in values.items():
        if not cat.has_field(key):
            stored[key] = raw
            continue
        value = normalize_value(cat.field(key), raw)
        stored[key] = value
        if value != raw:
            changes.append((key, raw, value))
    return stored, sorted(changes)
