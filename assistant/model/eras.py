"""Dates as offices type them → the template's ``YYYYMMDD`` (pure functions, no exceptions).

Accepted (full-width digits and spaces are fine): Japanese era dates ``令和6年4月1日``,
``令和元年5月1日``, ``平成31年4月30日``, ``昭和``/``大正``/``明治``; the one-letter forms ``R6.4.1``,
``H31/4/30``, ``S64-1-7``; ISO ``2024-04-01``, ``2024/4/1``, ``2024年4月1日``, ``20240401``; and, where the
field allows it (birth dates), the template's unknown-part markers ``99999999`` (all unknown),
``20250000`` (month and day unknown), ``20250500`` (day unknown).

:func:`parse_date` returns a :class:`DateResult`: either ``ok`` with ``template``
(``"20240401"``), ``iso`` (``"2024-04-01"``, empty when parts are unknown) and ``date``, or an
``error`` code (``date_unreadable``, ``date_invalid``, ``era_out_of_range``,
``date_unknown_not_allowed``) with ``params`` for the message. The era table is data:
``resources/fields/eras.json``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from typing import Any

from assistant.resources import load_json


@dataclass(frozen=True)
class Era:
    name: str
    letters: tuple[str, ...]
    start: date
    end: date | None  # last day, None for the current era


@dataclass(frozen=True)
class DateResult:
    """The outcome of reading a date: ``ok`` with the template form, or an ``error`` code."""

    template: str = ""
    date: date | None = None
    unknown: str = ""          # "", "day", "month_day" or "all"
    error: str = ""
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.error

    @property
    def iso(self) -> str:
        return self.date.isoformat() if self.date is not None else ""


@cache
def eras() -> tuple[Era, ...]:
    """The eras, newest first, from ``resources/fields/eras.json``."""
    data = load_json("fields", "eras.json")["eras"]
    result: list[Era] = []
    next_start: date | None = None
    for item in data:  # newest first
        start = date.fromisoformat(item["start"])
        if "end" in item:
            end: date | None = date.fromisoformat(item["end"])
        else:
            end = next_start - timedelta(days=1) if next_start is not None else None
        result.append(Era(item["name"], tuple(item["letters"]), start, end))
        next_start = start
    return tuple(result)


def _era_by_token(token: str) -> Era | None:
    token_upper = token.upper()
    for era in eras():
        if token == era.name or token_upper in era.letters:
            return era
    return None


_ERA_KANJI = re.compile(
    r"^(?P<era>[^\d\s]{2})\s*(?P<year>元|\d{1,2})\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日?$")
_ERA_LETTER = re.compile(
    r"^(?P<era>[A-Za-z])\s*(?P<year>\d{1,2})\s*[./\-年]\s*(?P<month>\d{1,2})\s*[./\-月]\s*"
    r"(?P<day>\d{1,2})\s*日?$")
_WESTERN = re.compile(
    r"^(?P<year>\d{4})\s*[./\-年]\s*(?P<month>\d{1,2})\s*[./\-月]\s*(?P<day>\d{1,2})\s*日?$")
_COMPACT = re.compile(r"^(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})$")
_YEAR_MONTH = re.compile(r"^(?P<year>\d{4})\s*[./\-年]?\s*(?P<month>\d{1,2})\s*月?$")


def _clean(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def _real(year: int, month: int, day: int, text: str) -> DateResult:
    try:
        value = date(year, month, day)
    except ValueError:
        return DateResult(error="date_invalid", params={"value": text})
    return DateResult(template=f"{year:04d}{month:02d}{day:02d}", date=value)


def parse_date(text: str, allow_unknown: bool = False) -> DateResult:
    """Read ``text`` as a date (see the module docstring for the accepted forms)."""
    raw = text
    cleaned = _clean(text)
    if not cleaned:
        return DateResult(error="date_unreadable", params={"value": raw})
    m = _COMPACT.match(cleaned)
    if m:
        year, month, day = int(m["year"]), int(m["month"]), int(m["day"])
        if cleaned == "99999999" or month == 0 or day == 0:
            return _unknown_parts(cleaned, year, month, day, allow_unknown, raw)
        return _real(year, month, day, raw)
    m = _WESTERN.match(cleaned)
    if m:
        return _real(int(m["year"]), int(m["month"]), int(m["day"]), raw)
    m = _ERA_KANJI.match(cleaned) or _ERA_LETTER.match(cleaned)
    if m:
        era = _era_by_token(m["era"])
        if era is None:
            return DateResult(error="date_unreadable", params={"value": raw})
        era_year = 1 if m["year"] == "元" else int(m["year"])
        if era_year < 1:
            return DateResult(error="date_invalid", params={"value": raw})
        result = _real(era.start.year + era_year - 1, int(m["month"]), int(m["day"]), raw)
        if result.date is None:
            return result
        if result.date < era.start or (era.end is not None and result.date > era.end):
            return DateResult(error="era_out_of_range",
                              params={"value": raw, "era": era.name,
                                      "start": era.start.isoformat(),
                                      "end": era.end.isoformat() if era.end else ""})
        return result
    return DateResult(error="date_unreadable", params={"value": raw})


def _unknown_parts(cleaned: str, year: int, month: int, day: int, allow_unknown: bool,
                   raw: str) -> DateResult:
    if not allow_unknown:
        return DateResult(error="date_unknown_not_allowed", params={"value": raw})
    if cleaned == "99999999":
        return DateResult(template=cleaned, unknown="all")
    if month == 0 and day == 0 and year >= 1:
        return DateResult(template=cleaned, unknown="month_day")
    if day == 0 and 1 <= month <= 12 and year >= 1:
        return DateResult(template=cleaned, unknown="day")
    return DateResult(error="date_invalid", params={"value": raw})


_ERA_YEAR_MONTH = re.compile(
    r"^(?P<era>[^\d\s]{2}|[A-Za-z])\s*(?P<year>元|\d{1,2})\s*[./\-年]\s*(?P<month>\d{1,2})\s*月?$")


def parse_year_month(text: str) -> DateResult:
    """Read a year and month (``200101``, ``2001/1``, ``2001年1月``, ``平成13年1月``, ``H13.1``)
    → template ``YYYYMM``. ``date`` is the first day of that month.
    """
    cleaned = _clean(text)
    m = _YEAR_MONTH.match(cleaned)
    era_m = None if m else _ERA_YEAR_MONTH.match(cleaned)
    if era_m:
        era = _era_by_token(era_m["era"])
        if era is None:
            return DateResult(error="date_unreadable", params={"value": text})
        era_year = 1 if era_m["year"] == "元" else int(era_m["year"])
        year, month = era.start.year + era_year - 1, int(era_m["month"])
        if not 1 <= month <= 12 or era_year < 1:
            return DateResult(error="date_invalid", params={"value": text})
        first, last = date(year, month, 1), _month_end(year, month)
        if last < era.start or (era.end is not None and first > era.end):
            return DateResult(error="era_out_of_range",
                              params={"value": text, "era": era.name,
                                      "start": era.start.isoformat(),
                                      "end": era.end.isoformat() if era.end else ""})
        return DateResult(template=f"{year:04d}{month:02d}", date=first)
    if not m:
        return DateResult(error="date_unreadable", params={"value": text})
    year, month = int(m["year"]), int(m["month"])
    if not 1 <= month <= 12 or year < 1:
        return DateResult(error="date_invalid", params={"value": text})
    return DateResult(template=f"{year:04d}{month:02d}", date=date(year, month, 1))


def _month_end(year: int, month: int) -> date:
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return nxt - timedelta(days=1)


def to_template_date(text: str, allow_unknown: bool = False) -> str | None:
    """The template form ``YYYYMMDD`` of ``text``, or ``None`` when it is not a valid date."""
    result = parse_date(text, allow_unknown)
    return result.template if result.ok else None


def to_iso(text: str) -> str | None:
    """ISO ``YYYY-MM-DD`` of ``text`` (era dates included), or ``None``."""
    result = parse_date(text)
    return result.iso or None
