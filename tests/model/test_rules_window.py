"""Online filing windows (docs/domain.md#filing-window, guide 5(1)イ): every row and convention."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.model import rules
from assistant.model.dates import add_months, parse_iso_date
from assistant.model.rules import application_window, window_summary

D = date.fromisoformat


def codes(result: rules.WindowResult) -> list[str]:
    return [r.code for r in result.reasons]


# --- coe: no restriction -------------------------------------------------------------------

@pytest.mark.parametrize("on", [D("2026-01-01"), D("2030-12-31")])
def test_coe_can_be_filed_any_day(on):
    result = application_window("coe", on)
    assert result.online_possible
    assert (result.opens, result.closes) == (None, None)
    assert codes(result) == ["rules_window_no_limit"]
    assert window_summary(result, on) == ("申請可能", "Can be filed")


def test_coe_ignores_an_expiry_date():
    # A certificate of eligibility is for someone abroad: an expiry date does not limit it.
    assert application_window("coe", D("2027-01-01"), expiry=D("2026-01-01")).online_possible


# --- renewal: 3 months before expiry to the day before -------------------------------------

def test_renewal_window_is_three_months_before_to_day_before():
    result = application_window("renewal", D("2027-01-10"), expiry=D("2027-03-15"))
    assert result.online_possible
    assert result.opens == D("2026-12-15")
    assert result.closes == D("2027-03-14")


def test_renewal_first_day_is_open_and_day_before_first_is_not():
    expiry = D("2027-03-15")
    assert application_window("renewal", D("2026-12-15"), expiry=expiry).online_possible
    early = application_window("renewal", D("2026-12-14"), expiry=expiry)
    assert not early.online_possible
    assert codes(early) == ["rules_window_not_yet_open"]
    assert "2026年12月15日（令和8年）" in early.reasons[0].message_ja   # as the office reads it
    assert "2026-12-15" in early.reasons[0].message_en
    assert window_summary(early, D("2026-12-14"))[0] == "12月15日から申請可能"


def test_renewal_day_before_expiry_is_the_last_day():
    result = application_window("renewal", D("2027-03-14"), expiry=D("2027-03-15"))
    assert result.online_possible
    assert window_summary(result, D("2027-03-14")) == ("申請可能 本日まで",
                                                       "Last day today")


def test_renewal_on_expiry_day_is_not_possible():
    result = application_window("renewal", D("2027-03-15"), expiry=D("2027-03-15"))
    assert not result.online_possible
    assert codes(result) == ["rules_window_expiry_day"]
    assert "満了日の当日" in result.reasons[0].message_ja
    assert window_summary(result, D("2027-03-15"))[0] == "期限切れ"


def test_renewal_after_expiry_is_not_possible():
    result = application_window("renewal", D("2027-04-02"), expiry=D("2027-03-15"))
    assert not result.online_possible
    assert codes(result) == ["rules_window_after_expiry"]
    assert "2027年3月15日（令和9年）" in result.reasons[0].message_ja
    assert "2027-03-15" in result.reasons[0].message_en
    assert window_summary(result, D("2027-04-02")) == ("期限切れ", "Expired")


@pytest.mark.parametrize(("expiry", "opens"), [
    ("2027-05-31", "2027-02-28"),   # February of a common year is shorter: clamp
    ("2028-05-31", "2028-02-29"),   # leap year
    ("2028-05-30", "2028-02-29"),
    ("2028-05-29", "2028-02-29"),
    ("2028-05-28", "2028-02-28"),
    ("2100-05-31", "2100-02-28"),   # 2100 is not a leap year
    ("2000-05-31", "2000-02-29"),   # 2000 is
    ("2026-12-31", "2026-09-30"),   # September has 30 days
    ("2027-01-31", "2026-10-31"),   # across a year end
    ("2027-03-01", "2026-12-01"),
    ("2026-11-30", "2026-08-30"),
])
def test_three_months_before_at_month_ends_and_leap_years(expiry, opens):
    result = application_window("renewal", D("2000-01-01"), expiry=D(expiry))
    assert result.opens == D(opens)
    assert result.closes == D(expiry) - timedelta(days=1)


def test_renewal_days_left_in_case_list_wording():
    result = application_window("renewal", D("2027-04-15"), expiry=D("2027-05-31"))
    assert window_summary(result, D("2027-04-15")) == ("申請可能 あと45日",
                                                       "Open, 45 days left")


def test_one_day_left_reads_as_one_day():
    result = application_window("renewal", D("2027-05-29"), expiry=D("2027-05-31"))
    assert window_summary(result, D("2027-05-29")) == ("申請可能 あと1日", "Open, 1 day left")


def test_opening_date_in_another_year_names_the_year():
    result = application_window("renewal", D("2026-11-26"), expiry=D("2027-05-31"))
    assert window_summary(result, D("2026-11-26")) == ("2027年2月28日から申請可能",
                                                       "Opens 2027-02-28")


def test_renewal_without_expiry_is_a_usage_error():
    with pytest.raises(rules.MissingDateError) as info:
        application_window("renewal", D("2026-11-26"))
    assert "在留期間満了日" in info.value.message_ja


# --- change: from the reason date to the day before expiry ---------------------------------

def test_change_from_reason_date_to_day_before_expiry():
    result = application_window("change", D("2026-12-01"), expiry=D("2027-06-30"),
                                reason_date=D("2026-12-01"))
    assert result.online_possible
    assert (result.opens, result.closes) == (D("2026-12-01"), D("2027-06-29"))


def test_change_before_the_reason_arises_is_not_possible():
    result = application_window("change", D("2026-11-30"), expiry=D("2027-06-30"),
                                reason_date=D("2026-12-01"))
    assert not result.online_possible
    assert codes(result) == ["rules_change_before_reason"]
    assert "変更の事由" in result.reasons[0].message_ja
    assert window_summary(result, D("2026-11-30"))[0] == "12月1日から申請可能"


def test_change_event_date_serves_as_reason_date():
    result = application_window("change", D("2026-11-30"), expiry=D("2027-06-30"),
                                event_date=D("2026-12-01"))
    assert codes(result) == ["rules_change_before_reason"]


def test_change_without_reason_date_is_open_until_day_before_expiry_with_a_note():
    result = application_window("change", D("2026-11-26"), expiry=D("2027-06-30"))
    assert result.online_possible
    assert result.opens is None
    assert codes(result) == ["rules_window_open", "rules_change_reason_unknown"]


def test_change_reason_arising_after_the_last_day_cannot_go_online():
    result = application_window("change", D("2026-11-26"), expiry=D("2027-06-30"),
                                reason_date=D("2027-06-30"))
    assert not result.online_possible
    assert codes(result) == ["rules_change_reason_after_expiry"]
    assert window_summary(result, D("2026-11-26"))[0] == "オンライン申請不可"


@pytest.mark.parametrize(("on", "possible", "code"), [
    ("2027-06-29", True, "rules_window_open"),
    ("2027-06-30", False, "rules_window_expiry_day"),
    ("2027-07-01", False, "rules_window_after_expiry"),
])
def test_change_around_expiry(on, possible, code):
    result = application_window("change", D(on), expiry=D("2027-06-30"),
                                reason_date=D("2027-01-01"))
    assert result.online_possible is possible
    assert codes(result)[0] == code


def test_change_without_expiry_is_a_usage_error():
    with pytest.raises(rules.MissingDateError):
        application_window("change", D("2026-11-26"), reason_date=D("2026-11-01"))


# --- acquisition: within 30 days of the event, the event day not counted -------------------

@pytest.mark.parametrize(("on", "possible"), [
    ("2026-01-01", True),    # the event day itself
    ("2026-01-31", True),    # day 30 (event day not counted)
    ("2026-02-01", False),   # day 31
])
def test_acquisition_thirty_day_count(on, possible):
    result = application_window("acquisition", D(on), event_date=D("2026-01-01"))
    assert result.online_possible is possible
    assert (result.opens, result.closes) == (D("2026-01-01"), D("2026-01-31"))


def test_acquisition_after_thirty_days_names_the_window():
    result = application_window("acquisition", D("2026-02-01"), event_date=D("2026-01-01"))
    assert codes(result) == ["rules_window_closed"]
    assert "30日以内" in result.reasons[0].message_ja
    assert window_summary(result, D("2026-02-01"))[0] == "期限切れ"


def test_acquisition_across_february_of_a_leap_year():
    result = application_window("acquisition", D("2028-03-01"), event_date=D("2028-01-31"))
    assert result.closes == D("2028-03-01")
    assert result.online_possible


def test_acquisition_before_the_event_is_not_possible():
    result = application_window("acquisition", D("2026-01-01"), event_date=D("2026-01-05"))
    assert not result.online_possible
    assert codes(result) == ["rules_window_event_in_future"]


def test_acquisition_without_event_date_is_a_usage_error():
    with pytest.raises(rules.MissingDateError) as info:
        application_window("acquisition", D("2026-01-01"))
    assert "出生等の日" in info.value.message_ja


# --- work-cert: until the day before expiry ------------------------------------------------

@pytest.mark.parametrize(("on", "possible"), [
    ("2020-01-01", True), ("2027-06-29", True), ("2027-06-30", False), ("2027-07-01", False),
])
def test_work_cert_until_day_before_expiry(on, possible):
    result = application_window("work-cert", D(on), expiry=D("2027-06-30"))
    assert result.online_possible is possible
    assert (result.opens, result.closes) == (None, D("2027-06-29"))


def test_work_cert_without_expiry_is_open_for_permanent_residents():
    # 永住者 / 特別永住者 have no period of stay: nothing closes the work-cert window.
    result = application_window("work-cert", D("2026-11-26"))
    assert result.online_possible is True
    assert (result.opens, result.closes) == (None, None)
    assert "永住者" in result.reasons[0].message_ja


# --- reentry / extra-activity: same as the main application --------------------------------

@pytest.mark.parametrize("extra", ["reentry", "extra-activity"])
@pytest.mark.parametrize(("main", "kwargs"), [
    ("renewal", {"expiry": D("2027-03-15")}),
    ("change", {"expiry": D("2027-03-15"), "reason_date": D("2026-12-01")}),
    ("acquisition", {"event_date": D("2026-11-01")}),
])
@pytest.mark.parametrize("on", [D("2026-11-26"), D("2027-03-14"), D("2027-03-15")])
def test_simultaneous_application_follows_its_main(extra, main, kwargs, on):
    main_result = application_window(main, on, **kwargs)
    result = application_window(extra, on, main_procedure=main, **kwargs)
    assert result.procedure == extra
    assert result.online_possible is main_result.online_possible
    assert (result.opens, result.closes) == (main_result.opens, main_result.closes)
    assert codes(result) == ["rules_window_same_as_main", *codes(main_result)]


@pytest.mark.parametrize("extra", ["reentry", "extra-activity"])
@pytest.mark.parametrize("main", ["coe", "work-cert", "reentry", "extra-activity"])
def test_simultaneous_application_with_wrong_main_is_refused(extra, main):
    with pytest.raises(rules.InvalidCombinationError):
        application_window(extra, D("2026-11-26"), expiry=D("2027-03-15"),
                           main_procedure=main)


@pytest.mark.parametrize("extra", ["reentry", "extra-activity"])
def test_simultaneous_application_alone_is_refused(extra):
    with pytest.raises(rules.MissingDateError) as info:
        application_window(extra, D("2026-11-26"), expiry=D("2027-03-15"))
    assert "同時にのみ" in info.value.message_ja


def test_main_procedure_given_to_a_main_application_is_refused():
    with pytest.raises(rules.InvalidCombinationError):
        application_window("renewal", D("2026-11-26"), expiry=D("2027-03-15"),
                           main_procedure="change")


# --- ids and profiles ----------------------------------------------------------------------

def test_unknown_procedure_is_a_typed_error_listing_the_choices():
    with pytest.raises(rules.UnknownProcedureError) as info:
        application_window("visa", D("2026-11-26"))
    assert "renewal" in info.value.message_ja


@pytest.mark.parametrize("profile", ["guide-2024", "system-2026", None])
def test_windows_are_the_same_in_every_profile(profile):
    result = application_window("renewal", D("2027-02-28"), expiry=D("2027-05-31"),
                                profile=profile)
    assert result.online_possible and result.opens == D("2027-02-28")


def test_unknown_profile_in_window_question():
    with pytest.raises(rules.UnknownProfileError):
        application_window("coe", D("2026-11-26"), profile="guide-1999")


# --- properties ----------------------------------------------------------------------------

dates = st.dates(min_value=D("1990-01-01"), max_value=D("2100-12-31"))


# deadline=None: a loaded CI machine must not turn slowness into failures
@settings(deadline=None)
@given(expiry=dates, on=dates)
def test_renewal_window_properties(expiry, on):
    result = application_window("renewal", on, expiry=expiry)
    assert result.opens is not None and result.closes is not None
    assert result.opens <= result.closes < expiry
    assert result.online_possible == (result.opens <= on <= result.closes)
    # three calendar months are 89 to 92 days, also with the month-end clamp
    assert 89 <= (expiry - result.opens).days <= 92
    if on >= expiry:
        assert not result.online_possible


@settings(deadline=None)
@given(event=dates, on=dates)
def test_acquisition_window_properties(event, on):
    result = application_window("acquisition", on, event_date=event)
    assert result.closes is not None
    assert (result.closes - event).days == 30
    assert result.online_possible == (event <= on <= result.closes)


@settings(deadline=None)
@given(expiry=dates, reason=dates, on=dates)
def test_change_window_properties(expiry, reason, on):
    result = application_window("change", on, expiry=expiry, reason_date=reason)
    assert result.online_possible == (reason <= on < expiry)
    summary_ja, summary_en = window_summary(result, on)
    assert summary_ja and summary_en


@settings(deadline=None)
@given(day=dates, months=st.integers(min_value=-48, max_value=48))
def test_add_months_keeps_day_or_clamps_to_month_end(day, months):
    moved = add_months(day, months)
    assert (moved.year * 12 + moved.month) - (day.year * 12 + day.month) == months
    if moved.day != day.day:
        assert moved.day < day.day
        assert (moved + timedelta(days=1)).day == 1


@pytest.mark.parametrize("text", ["2026-02-30", "2026-13-01", "20260101", "2026-1-1", "", "x"])
def test_parse_iso_date_rejects_impossible_and_non_iso_dates(text):
    with pytest.raises(ValueError):
        parse_iso_date(text)


def test_parse_iso_date_accepts_leap_day():
    assert parse_iso_date(" 2028-02-29 ") == D("2028-02-29")
