"""Japanese era dates and the template's unknown-part markers."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.model.eras import eras, parse_date, parse_year_month, to_iso, to_template_date


@pytest.mark.parametrize("text,iso", [
    ("令和6年4月1日", "2024-04-01"),
    ("R6.4.1", "2024-04-01"),
    ("r06/04/01", "2024-04-01"),
    ("H31.4.30", "2019-04-30"),
    ("令和元年5月1日", "2019-05-01"),
    ("平成元年1月8日", "1989-01-08"),
    ("昭和64年1月7日", "1989-01-07"),
    ("S20-8-15", "1945-08-15"),
    ("大正15年12月25日", "1926-12-25"),
    ("昭和元年12月25日", "1926-12-25"),
    ("明治45年7月30日", "1912-07-30"),
    ("令和６年４月１日", "2024-04-01"),
    ("Ｒ６．４．１", "2024-04-01"),
    ("2024-04-01", "2024-04-01"),
    ("2024/4/1", "2024-04-01"),
    ("2024年4月1日", "2024-04-01"),
    ("20240401", "2024-04-01"),
    (" 令和 6 年 4 月 1 日 ", "2024-04-01"),
])
def test_accepted_forms(text: str, iso: str) -> None:
    result = parse_date(text)
    assert result.ok and result.iso == iso
    assert result.template == iso.replace("-", "")


@pytest.mark.parametrize("text,error", [
    ("H31.5.1", "era_out_of_range"),          # 平成 ended on 2019-04-30
    ("令和1年4月30日", "era_out_of_range"),    # 令和 began on 2019-05-01
    ("昭和元年12月24日", "era_out_of_range"),
    ("R6.2.30", "date_invalid"),
    ("20251301", "date_invalid"),
    ("2023-02-29", "date_invalid"),
    ("X6.4.1", "date_unreadable"),
    ("来月", "date_unreadable"),
    ("", "date_unreadable"),
    ("令和0年5月1日", "date_invalid"),
])
def test_rejected_forms_are_typed_results(text: str, error: str) -> None:
    result = parse_date(text)
    assert not result.ok and result.error == error and result.template == ""


@pytest.mark.parametrize("text,unknown", [
    ("99999999", "all"), ("20250000", "month_day"), ("20250500", "day")])
def test_unknown_markers_only_where_allowed(text: str, unknown: str) -> None:
    allowed = parse_date(text, allow_unknown=True)
    assert allowed.ok and allowed.unknown == unknown and allowed.template == text
    assert allowed.date is None and allowed.iso == ""
    assert parse_date(text).error == "date_unknown_not_allowed"


def test_bad_unknown_marker() -> None:
    assert parse_date("20251300", allow_unknown=True).error == "date_invalid"


def test_year_month() -> None:
    assert parse_year_month("200101").template == "200101"
    assert parse_year_month("2001年1月").template == "200101"
    assert parse_year_month("2001/13").error == "date_invalid"
    assert parse_year_month("平成13年1月").template == "200101"
    assert parse_year_month("H13.1").template == "200101"
    assert parse_year_month("令和元年5月").template == "201905"
    assert parse_year_month("H31.4").template == "201904"
    assert parse_year_month("H31.5").error == "era_out_of_range"  # 平成 ended on 2019-04-30
    assert parse_year_month("R1.4").error == "era_out_of_range"


def test_helpers() -> None:
    assert to_template_date("R6.4.1") == "20240401"
    assert to_template_date("R6.2.30") is None
    assert to_iso("H31.4.30") == "2019-04-30"


def test_era_table_is_contiguous() -> None:
    table = eras()
    for newer, older in zip(table, table[1:], strict=False):
        assert older.end is not None
        assert older.end in (newer.start, newer.start - timedelta(days=1))


_ERA_DATES = st.dates(min_value=date(1868, 1, 25), max_value=date(2100, 12, 31))


def _era_text(day: date, letters: bool) -> str:
    era = next(e for e in eras() if e.start <= day and (e.end is None or day <= e.end))
    year = day.year - era.start.year + 1
    if letters:
        return f"{era.letters[0]}{year}.{day.month}.{day.day}"
    year_text = "元" if year == 1 else str(year)
    return f"{era.name}{year_text}年{day.month}月{day.day}日"


@settings(deadline=None)  # a loaded machine must not turn slowness into failures
@given(_ERA_DATES, st.booleans())
def test_era_round_trip(day: date, letters: bool) -> None:
    """Every day written as an era date reads back as the same day."""
    assert parse_date(_era_text(day, letters)).date == day


@settings(deadline=None)  # a loaded machine must not turn slowness into failures
@given(st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))
def test_template_round_trip(day: date) -> None:
    result = parse_date(day.strftime("%Y%m%d") if day.year >= 1000 else f"{day.year:04d}"
                        f"{day.month:02d}{day.day:02d}")
    assert result.date == day
    assert parse_date(result.template).template == result.template


@settings(deadline=None)  # a loaded machine must not turn slowness into failures
@given(st.text(max_size=30))
def test_never_raises(text: str) -> None:
    result = parse_date(text, allow_unknown=True)
    assert result.ok or result.error
