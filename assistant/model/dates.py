"""Calendar helpers shared by the model: strict ISO parsing and month arithmetic.

Conventions (docs/domain.md#date-conventions): "N months before" is the same day-of-month N calendar months
earlier, clamped to the last day of a shorter month (2027-05-31 minus 3 months = 2027-02-28).
"""

from __future__ import annotations

import calendar
import re
from datetime import date

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
