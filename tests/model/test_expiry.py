"""Expiry of the password (1 year) and of the 届出済証明書, and what each warning tells."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from assistant.model.expiry import (
    ExpiryKind,
    expiry_warnings,
    office_warnings,
    password_last_valid_day,
)
from assistant.model.office import StaffProfile


@pytest.mark.parametrize("set_on, last", [
    (date(2025, 11, 26), date(2026, 11, 26)),
    (date(2024, 2, 29), date(2025, 2, 28)),   # leap day: period ends at the end of February
    (date(2023, 2, 28), date(2024, 2, 29)),   # start 3/1, ends the day before 2024-03-01
    (date(2025, 12, 31), date(2026, 12, 31)),
])
def test_password_valid_for_one_year(set_on, last):
    assert password_last_valid_day(set_on) == last


def password_profile(days_left: int, today: date) -> StaffProfile:
    last = today + timedelta(days=days_left)
    set_on = date(last.year - 1, last.month, last.day)
    assert password_last_valid_day(set_on) == last
    return StaffProfile(id="s1", name="法務　太郎", password_set_on=set_on)


TODAY = date(2026, 11, 26)


@pytest.mark.parametrize("days_left, stage", [
    (31, None), (30, 30), (8, 30), (7, 7), (2, 7), (1, 1), (0, 1), (-1, None), (-400, None),
])
def test_password_warning_stages(days_left, stage):
    warnings = expiry_warnings(password_profile(days_left, TODAY), TODAY)
    if days_left > 30:
        assert warnings == []
        return
    [warning] = warnings
    assert warning.kind is ExpiryKind.PASSWORD
    assert warning.stage == stage
    assert warning.days_left == days_left
    assert warning.expired is (days_left < 0)


def test_password_soon_says_change_it_and_when():
    [w] = expiry_warnings(password_profile(7, TODAY), TODAY)
    assert not w.problem.is_error
    assert "2026年12月3日（令和8年）" in w.message() and "あと7日" in w.message()
    assert "2026-12-03" in w.message("en")
    assert "パスワードを変更" in w.message()


def test_expired_password_says_reset_from_login_screen_and_form_15_for_lost_id():
    [w] = expiry_warnings(password_profile(-3, TODAY), TODAY)
    assert w.problem.is_error
    text = w.message()
    assert "ログイン画面" in text and "認証IDとメールアドレス" in text
    assert "別記第15号様式" in text and "3日経過" in text
    assert "forgot password" in w.message("en")


def test_certificate_warnings_point_to_the_association():
    profile = StaffProfile(id="s1", name="法務　太郎", certificate_expiry=date(2026, 12, 1))
    [soon] = expiry_warnings(profile, TODAY)
    assert soon.kind is ExpiryKind.CERTIFICATE and soon.stage == 7
    assert "所属する単位会" in soon.message() and "ログインできなくなります" in soon.message()
    [today] = expiry_warnings(profile, date(2026, 12, 1))
    assert "本日" in today.message() and today.problem.is_error
    [expired] = expiry_warnings(profile, date(2026, 12, 2))
    assert expired.expired and "所属する単位会" in expired.message()
    assert "同じ認証ID" in expired.message()


def test_no_dates_no_warnings_and_far_dates_no_warnings():
    assert expiry_warnings(StaffProfile(id="x"), TODAY) == []
    far = StaffProfile(id="x", certificate_expiry=date(2030, 1, 1), password_set_on=TODAY)
    assert expiry_warnings(far, TODAY) == []


def test_office_warnings_most_urgent_first_across_staff():
    a = StaffProfile(id="a", name="甲", certificate_expiry=TODAY + timedelta(days=20))
    b = StaffProfile(id="b", name="乙", certificate_expiry=TODAY - timedelta(days=2))
    warnings = office_warnings([a, b], TODAY)
    assert [w.staff_id for w in warnings] == ["b", "a"]
