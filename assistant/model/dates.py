"""Calendar helpers shared by the model: strict ISO parsing and month arithmetic.

Conventions (docs/domain.md#date-conventions): "N months before" is the same day-of-month N calendar months
earlier, clamped to the last day of a shorter month (2027-05-31 minus 3 months = 2027-02-28).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta
from functools import cache

from assistant.resources import load_json

_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def parse_iso_date(text: str) -> date:
    """Parse ``YYYY-MM-DD`` strictly (no week dates, no ``YYYYMMDD``); raise ``ValueError``."""
    value = text.strip()
    if not _ISO_DATE.match(value):
        raise ValueError(f"not an ISO date (YYYY-MM-DD): {text!r}")
    return date.fromisoformat(value)  # raises ValueError for 2026-02-30


def add_months(day: date, months: int) -> date:
    """Return ``day`` moved by ``months`` calendar months, clamped to the end of the month."""
    index = day.year * 12 + (day.month - 1) + months
    year, month0 = divmod(index, 12)
    month = month0 + 1
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(day.day, last))


def add_years(day: date, years: int) -> date:
    """``day`` moved by ``years`` years: :func:`add_months` by 12·``years`` (29 February →
    28 February in a common year)."""
    return add_months(day, 12 * years)


def period_last_day(first_day: date, years: int) -> date:
    """The last day of a period of ``years`` years whose first counted day is ``first_day``
    (民法 143(2)): the day before the corresponding day ``years`` later; when that year has no
    corresponding day (``first_day`` is 29 February), the last day of February."""
    corresponding = add_years(first_day, years)
    if corresponding.day != first_day.day:   # clamped: no corresponding day that year
        return corresponding
    return corresponding - timedelta(days=1)


# what format_date appends, ignored when such a text is read back
_SHOWN_ERA = re.compile(r"[（(][^（）()]*[0-9元]+年[）)]\s*$")


def read_date(text: str) -> date | None:
    """THE reader of a date a person typed (or this program showed): ``20261115``,
    ``2026-11-15``, ``2026/11/15``, ``2026年11月15日``, ``令和8年11月15日``, ``R8.11.15``,
    full-width digits too, and ``2026年11月15日（令和8年）`` as :func:`format_date` shows it.
    None when it is empty or not a real date (the wizard, the case files, the staff profile
    and the stored values all go through :func:`assistant.model.eras.parse_date`)."""
    from assistant.model.eras import parse_date

    cleaned = _SHOWN_ERA.sub("", text).strip()
    if not cleaned:
        return None
    return parse_date(cleaned).date


@cache
def _date_texts() -> dict[str, str]:
    """The 「date_shown」 texts, read once (not through problems.message_texts: that one
    shows its date parameters with :func:`format_date`)."""
    texts: dict[str, str] = load_json("messages", "validation.json")["date_shown"]
    return texts


def format_date(day: date, language: str = "ja", era: bool = True) -> str:
    """A date as the office reads it: ``2026年11月15日（令和8年）`` (``2026-11-15`` in English);
    the texts are in resources/messages/validation.json. ``era=False``: the compact form
    without the era year (``2026年11月15日``), for a table column."""
    from assistant.model.eras import eras

    with_era = era
    found = next((e for e in eras() if e.start <= day), None)
    era_year = day.year - found.start.year + 1 if found is not None else 0
    texts = _date_texts()
    params = {"year": day.year, "month": day.month, "day": day.day,
              "era": found.name if found is not None else "",
              "era_year": "元" if era_year == 1 else era_year, "iso": day.isoformat()}
    ja, en = str(texts["ja"]).format(**params), str(texts["en"]).format(**params)
    if found is None or not with_era:
        ja = ja.split("（")[0]
    return en if language == "en" else ja


def format_moment(moment: datetime, language: str = "ja", era: bool = True,
                  seconds: bool = False) -> str:
    """A stored time as the office reads it, in local time: ``2026年11月26日（令和8年） 10:30``
    (:func:`format_date` then the time; ``2026-11-26 10:30`` in English)."""
    local = moment.astimezone()
    return f"{format_date(local.date(), language, era=era)} " + local.strftime(
        "%H:%M:%S" if seconds else "%H:%M")
