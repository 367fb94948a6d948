"""One way to move a date by years, one legal-period rule (the 29 February cases)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.model import expiry, sample
from assistant.model.dates import add_months, add_years, period_last_day


@pytest.mark.parametrize(("day", "years", "moved"), [
    (date(2024, 2, 29), 1, date(2025, 2, 28)),    # no 29 February: the month's last day
    (date(2024, 2, 29), 4, date(2028, 2, 29)),
    (date(2024, 2, 29), -30, date(1994, 2, 28)),
    (date(2023, 3, 1), 1, date(2024, 3, 1)),
])
def test_add_years_clamps_29_february_to_28(day, years, moved):
    assert add_years(day, years) == moved


@given(st.dates(date(1900, 1, 1), date(2099, 12, 31)), st.integers(-50, 50))
def test_add_years_is_add_months_by_twelve(day, years):
    assert add_years(day, years) == add_months(day, 12 * years)


@pytest.mark.parametrize(("first", "last"), [
    (date(2025, 11, 27), date(2026, 11, 26)),
    (date(2024, 2, 29), date(2025, 2, 28)),   # no corresponding day: the end of February
    (date(2024, 3, 1), date(2025, 2, 28)),
    (date(2023, 3, 1), date(2024, 2, 29)),    # the day before 2024-03-01
])
def test_a_one_year_period_ends_as_the_civil_code_counts(first, last):
    assert period_last_day(first, 1) == last


def test_there_is_one_add_years():
    assert not hasattr(expiry, "add_years") and not hasattr(sample, "_add_years")
    assert expiry.password_last_valid_day(date(2024, 2, 28)) == date(2025, 2, 28)
    assert expiry.password_last_valid_day(date(2024, 2, 29)) == date(2025, 2, 28)


def test_the_sample_moves_its_dates_with_the_same_rule():
    values = sample.sample_values(date(2028, 2, 29))
    for field_id, offset in sample._data("renewal").get("relative_dates", {}).items():
        expected = add_years(date(2028, 2, 29), int(offset.get("years", 0))) + \
            timedelta(days=int(offset.get("days", 0)))
        assert values[field_id] == expected.strftime("%Y%m%d")


def test_the_compact_form_leaves_out_the_era_year_and_reads_back():
    from assistant.model.dates import format_date, read_date

    assert format_date(date(2026, 12, 3)) == "2026年12月3日（令和8年）"
    assert format_date(date(2026, 12, 3), era=False) == "2026年12月3日"
    assert format_date(date(2026, 12, 3), "en", era=False) == "2026-12-03"
    assert read_date(format_date(date(2019, 5, 1), era=False)) == date(2019, 5, 1)


def test_a_stored_time_reads_as_the_office_reads_it_in_local_time():
    from datetime import UTC, datetime

    from assistant.model.dates import format_moment

    moment = datetime(2026, 11, 26, 1, 30, 5, tzinfo=UTC)
    local = moment.astimezone()
    day = f"{local.year}年{local.month}月{local.day}日"
    assert format_moment(moment) == f"{day}（令和8年） {local:%H:%M}"
    assert format_moment(moment, era=False, seconds=True) == f"{day} {local:%H:%M:%S}"
    assert format_moment(moment, "en") == f"{local.date().isoformat()} {local:%H:%M}"
