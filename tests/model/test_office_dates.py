"""The staff profile reads dates as the wizard does, names the field of a date it cannot
read, and shows dates as the office reads them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from assistant.model.dates import format_date, read_date
from assistant.model.office import read_profile_dates, validate_profile
from tests.model.test_office import complete_profile

TODAY = date(2026, 11, 26)


@pytest.mark.parametrize(("typed", "day"), [
    ("1972-05-03", date(1972, 5, 3)), ("1972/5/3", date(1972, 5, 3)),
    ("昭和47年5月3日", date(1972, 5, 3)), ("S47.5.3", date(1972, 5, 3)),
    ("令和10年3月31日", date(2028, 3, 31)), ("２０２８－０３－３１", date(2028, 3, 31)),
    ("2028年3月31日（令和10年）", date(2028, 3, 31)),
])
def test_profile_dates_are_read_as_the_wizard_reads_them(typed, day):
    values, unreadable = read_profile_dates({"birth_date": typed})
    assert values["birth_date"] == day and unreadable == {}


def test_a_date_that_cannot_be_read_names_its_field_and_is_not_called_unrecorded():
    texts = {"certificate_expiry": "2028-02-30", "password_set_on": "去年"}
    values, unreadable = read_profile_dates(texts)
    profile = replace(complete_profile(), **values)
    problems = validate_profile(profile, TODAY, unreadable)
    messages = [p.message_ja for p in problems]
    assert any("「届出済証明書の有効期限」の「2028-02-30」" in m for m in messages)
    assert any("「パスワードを設定した日」の「去年」" in m for m in messages)
    assert not any("未登録" in m for m in messages)
    assert {p.field for p in problems if p.is_error} == {"staff.certificate_expiry",
                                                         "staff.password_set_on"}
    # left empty, it is unrecorded (a warning), not an error
    empty = validate_profile(replace(complete_profile(), certificate_expiry=None), TODAY)
    assert [p.code for p in empty] == ["office_certificate_expiry_missing"]


@pytest.mark.parametrize(("day", "shown"), [
    (date(2026, 11, 15), "2026年11月15日（令和8年）"),
    (date(2019, 5, 1), "2019年5月1日（令和元年）"),
    (date(2019, 4, 30), "2019年4月30日（平成31年）"),
])
def test_dates_are_shown_as_the_office_reads_them_and_read_back(day, shown):
    assert format_date(day) == shown
    assert format_date(day, "en") == day.isoformat()
    assert read_date(shown) == day
