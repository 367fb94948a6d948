"""Every deadline of the office: what is listed on a day, thresholds, and the .ics file."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from icalendar import Calendar

from assistant.model import deadlines, filing
from assistant.model.case import CaseStatus
from assistant.model.deadlines import DeadlineKind as K
from assistant.model.office import OfficeStore, StaffProfile
from assistant.model.settings import DEADLINE_CLOSING_DAYS, Settings
from assistant.model.storage import CaseStore

TODAY = date(2026, 11, 26)
S = CaseStatus


@pytest.fixture
def store(tmp_path):
    store = CaseStore.open(tmp_path / "cases.sqlite")
    yield store
    store.close()


def _case(store, name, expiry, status=S.DRAFT, procedure="renewal"):
    case = store.create(procedure, {"name": name, "expiry_date": expiry})
    if status is not S.DRAFT:
        store.set_status(case.id, status)
    return case.id


def _steps(store, case_id, *steps):
    for target, kw in steps:
        filing.perform_step(store, case_id, filing.StepRequest(target, **kw), today=TODAY)


@pytest.fixture
def office(store):
    """Cases in every situation the view lists, and some it must not."""
    ids = {
        "closing": _case(store, "CLOSING SOON", "20261210"),          # closes 2026-12-09
        "closing_far": _case(store, "CLOSING LATER", "20270220"),     # closes 2027-02-19
        "not_open": _case(store, "NOT OPEN YET", "20270601"),
        "waiting": _case(store, "GUEN VAN B", "20270301", S.READY),
        "long": _case(store, "LONG WAIT", "20270301", S.READY),
        "done": _case(store, "NGUYEN VAN A", "20270115", S.READY),
    }
    _steps(store, ids["waiting"], (S.FILED, {"number": "東オンEN1"}),
           (S.AWAITING_DOCUMENTS, {"note": "課税証明書", "due": date(2026, 12, 3)}))
    _steps(store, ids["long"], (S.FILED, {"number": "東オンEN2", "on": date(2026, 9, 1)}))
    _steps(store, ids["done"], (S.FILED, {"number": "東オンEN3"}), (S.REVIEW_COMPLETE, {}),
           (S.COMPLETED, {"expiry": date(2027, 3, 10), "period": "1年"}))
    staff = OfficeStore(store)
    staff.save(StaffProfile(id="s1", name="行政　花子", password_set_on=date(2025, 12, 1),
                            certificate_expiry=date(2028, 3, 31)))
    return ids


def test_every_kind_is_listed_earliest_first(store, office):
    found = deadlines.collect(store, TODAY)
    listed = [(d.kind, d.on, d.case_id) for d in found]
    assert listed == [
        (K.RESULT_AWAITED, date(2026, 10, 31), office["long"]),  # filed 2026-09-01 + 60 days
        (K.OFFICE_PASSWORD, date(2026, 12, 1), None),           # set 2025-12-01: 1 year
        (K.DOCUMENTS_DUE, date(2026, 12, 3), office["waiting"]),
        (K.WINDOW_CLOSING, date(2026, 12, 9), office["closing"]),
        (K.WINDOW_OPENING, date(2026, 12, 10), office["done"]),  # 3 months before 2027-03-10
    ]
    opening = found[4]
    assert "NGUYEN VAN A" in opening.text_ja and "2027-03-09" in opening.text_en
    # the dates as the office reads them (ISO in English, in JSON and in the .ics dates)
    assert opening.text_ja == ("NGUYEN VAN A: 次の在留期間更新の申請期間（2026年12月10日（令和8年）から"
                               "2027年3月9日（令和9年）まで、満了日 2027年3月10日（令和9年））")


def test_long_awaited_results_and_thresholds_come_from_the_settings(store, office, tmp_path):
    found = deadlines.collect(store, TODAY, deadlines.Thresholds(result_days=90))
    assert K.RESULT_AWAITED not in {d.kind for d in found}      # 86 days < 90
    found = deadlines.collect(store, TODAY, deadlines.Thresholds(result_days=80))
    awaited = [d for d in found if d.kind is K.RESULT_AWAITED]
    assert [(d.case_id, d.on) for d in awaited] == [(office["long"], date(2026, 11, 20))]
    assert "86 日" in awaited[0].text_ja
    settings = Settings(tmp_path / "settings.json")
    settings.set(DEADLINE_CLOSING_DAYS, 90)
    wide = deadlines.collect(store, TODAY, deadlines.thresholds_from(settings))
    assert office["closing_far"] in {d.case_id for d in wide if d.kind is K.WINDOW_CLOSING}
    assert office["not_open"] not in {d.case_id for d in wide}


def test_a_prepared_next_renewal_replaces_the_opening_window(store, office):
    filing.next_renewal(store, office["done"])
    found = deadlines.collect(store, TODAY)
    assert K.WINDOW_OPENING not in {d.kind for d in found}


def test_within_and_this_week(store, office):
    found = deadlines.collect(store, TODAY)
    # today and the 6 days after it; overdue ones included
    assert [d.kind for d in deadlines.this_week(found, TODAY)] == [
        K.RESULT_AWAITED, K.OFFICE_PASSWORD]
    assert K.DOCUMENTS_DUE in {d.kind for d in deadlines.within(found, TODAY, 7)}
    assert [d.kind for d in deadlines.within(found, TODAY, 0)] == [K.RESULT_AWAITED]


def test_the_ics_file_round_trips_and_keeps_its_uids(store, office):
    found = deadlines.collect(store, TODAY)
    first = deadlines.to_ics(found, stamp=datetime(2026, 11, 26, 9, 0).astimezone())
    # later: one more step elsewhere; export again
    second = deadlines.to_ics(deadlines.collect(store, TODAY))
    events = [e for e in Calendar.from_ical(first).walk("VEVENT")]
    assert [str(e["UID"]) for e in events] == [d.uid for d in found]
    assert [e.decoded("DTSTART") for e in events] == [d.on for d in found]
    assert str(events[1]["SUMMARY"]) == found[1].text_ja
    again = [str(e["UID"]) for e in Calendar.from_ical(second).walk("VEVENT")]
    assert again == [str(e["UID"]) for e in events]
    assert len(set(again)) == len(again)



@pytest.mark.parametrize("day", [TODAY, date(2026, 12, 3), date(2026, 12, 9), date(2027, 2, 14),
                                 date(2027, 2, 20)])
def test_the_week_count_is_the_summary_of_what_the_view_lists(store, office, day):
    """「今週が期限: N 件」, counted without making every deadline, agrees with the view's
    list whatever the day (closing windows, a 追完 due date, the password, overdue ones)."""
    _case(store, "CLOSING TOO", "20261210", S.READY, procedure="change")
    store.delete(_case(store, "IN THE BIN", "20261210"))
    listed = deadlines.this_week(deadlines.collect(store, day), day)
    assert deadlines.week_count(store, day) == len(listed)
    closing = [d.name for d in listed if d.kind is K.WINDOW_CLOSING]
    if day == date(2026, 12, 3):  # both windows closing 2026-12-09; never the deleted case
        assert sorted(closing) == ["CLOSING SOON", "CLOSING TOO"]
        assert K.DOCUMENTS_DUE in {d.kind for d in listed}
