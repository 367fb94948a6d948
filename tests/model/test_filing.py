"""The case after 入力完了: status steps, numbers, history, back to 下書き, the next renewal.

Real SQLite store (tmp_path); what the functions say was stored is read back from the file.
"""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from assistant.model import filing
from assistant.model.case import CaseStatus
from assistant.model.editing import CaseSession
from assistant.model.office import OfficeStore, StaffProfile
from assistant.model.sample import sample_values
from assistant.model.storage import CaseStore, StepRecord, StorageError

TODAY = date(2026, 11, 26)
S = CaseStatus


@pytest.fixture
def store(tmp_path):
    store = CaseStore.open(tmp_path / "cases.sqlite")
    yield store
    store.close()


def ready_case(store: CaseStore) -> str:
    case = store.create("renewal", {"name": "NGUYEN VAN A", "expiry_date": "20270115",
                                    "zairyu_card_number": "AB12345678CD"})
    store.set_status(case.id, S.READY)
    return case.id


def step(store, case_id, target, **kw):
    return filing.perform_step(store, case_id, filing.StepRequest(target=target, **kw),
                               today=TODAY, user="行政　花子")


def test_the_whole_life_after_filing_is_stored_with_day_and_staff(store):
    case_id = ready_case(store)
    step(store, case_id, S.FILED, number="東オンＥＮ２５００１８７７", on=date(2026, 11, 20))
    step(store, case_id, S.ACCEPTED, number="東オンEN25001878", on=date(2026, 11, 21))
    step(store, case_id, S.UNDER_REVIEW)
    step(store, case_id, S.AWAITING_DOCUMENTS, note="課税証明書の追加", due=date(2026, 12, 10))
    step(store, case_id, S.REVIEW_COMPLETE)
    outcome = step(store, case_id, S.COMPLETED, period="5年", expiry=date(2032, 1, 15))
    assert outcome.warnings == ()
    case = store.get(case_id)
    assert case.status is S.COMPLETED
    assert case.provisional_number == "東オンEN25001877"   # full-width typed, stored half-width
    assert case.application_number == "東オンEN25001878"
    history = store.history(case_id)
    assert [h.status for h in history] == [
        S.DRAFT, S.READY, S.FILED, S.ACCEPTED, S.UNDER_REVIEW, S.AWAITING_DOCUMENTS,
        S.REVIEW_COMPLETE, S.COMPLETED]
    filed, accepted, _review, waiting, _done, completed = history[2:]
    assert (filed.on, filed.user, filed.number) == ("2026-11-20", "行政　花子", "東オンEN25001877")
    assert accepted.on == "2026-11-21"
    assert (waiting.note, waiting.due, waiting.on) == ("課税証明書の追加", "2026-12-10",
                                                       TODAY.isoformat())
    assert (completed.granted_period, completed.granted_expiry) == ("5年", "2032-01-15")
    assert filing.next_steps(case.status) == ()


@pytest.mark.parametrize(("current", "target"), [
    (S.DRAFT, S.FILED), (S.READY, S.COMPLETED), (S.READY, S.ACCEPTED),
    (S.FILED, S.COMPLETED), (S.COMPLETED, S.FILED), (S.WITHDRAWN, S.UNDER_REVIEW)])
def test_an_illegal_step_is_refused_and_nothing_is_written(store, current, target):
    case = store.create("renewal", {"name": "A"})
    if current is not S.DRAFT:
        store.set_status(case.id, current)
    before = store.history(case.id)
    with pytest.raises(filing.FilingError) as info:
        step(store, case.id, target, number="東オンEN25001878", note="x", due=TODAY,
             expiry=date(2030, 1, 1))
    assert current.label_ja in info.value.message_ja and target.label_ja in info.value.message_ja
    assert store.get(case.id).status is current and store.history(case.id) == before


def test_illegal_message_names_the_possible_steps(store):
    case_id = ready_case(store)
    with pytest.raises(filing.FilingError) as info:
        step(store, case_id, S.COMPLETED, expiry=date(2030, 1, 1))
    assert "申請済、取下げ" in info.value.message_ja
    assert "Filed, Withdrawn" in info.value.message_en


def test_each_step_asks_for_what_it_records(store):
    case_id = ready_case(store)
    with pytest.raises(filing.FilingError, match="申請受付仮番号"):
        step(store, case_id, S.FILED)
    step(store, case_id, S.FILED, number="東オンEN25001877")
    with pytest.raises(filing.FilingError, match="メモ"):
        step(store, case_id, S.AWAITING_DOCUMENTS, due=TODAY)
    with pytest.raises(filing.FilingError, match="提出期限"):
        step(store, case_id, S.AWAITING_DOCUMENTS, note="住民税の納税証明書")
    step(store, case_id, S.REVIEW_COMPLETE)
    with pytest.raises(filing.FilingError, match="満了日"):
        step(store, case_id, S.COMPLETED)
    assert store.get(case_id).status is S.REVIEW_COMPLETE


def test_a_number_of_another_shape_is_recorded_with_a_warning(store):
    case_id = ready_case(store)
    outcome = step(store, case_id, S.FILED, number="tmp 001")
    [warning] = outcome.warnings
    assert warning.code == "filing_number_shape" and not warning.is_error
    assert "TMP001" in warning.message_ja and "東オンEN25001878" in warning.message_ja
    assert store.get(case_id).provisional_number == "TMP001"


def test_a_new_expiry_not_after_the_old_one_is_a_warning(store):
    case_id = ready_case(store)
    for target, kw in ((S.FILED, {"number": "東オンEN25001877"}), (S.REVIEW_COMPLETE, {})):
        step(store, case_id, target, **kw)
    outcome = step(store, case_id, S.COMPLETED, expiry=date(2027, 1, 15))
    assert [w.code for w in outcome.warnings] == ["filing_expiry_not_after"]
    [warning] = outcome.warnings   # dates as the office reads them; ISO in English
    assert warning.message_ja.startswith(
        "新しい満了日 2027年1月15日（令和9年）が今までの満了日 2027年1月15日（令和9年）より後では")
    assert "2027-01-15" in warning.message_en and "2027-01-15" not in warning.message_ja
    assert warning.params["value"] == "2027-01-15"


def test_a_step_dated_after_today_is_a_warning_with_the_date_as_the_office_reads_it(store):
    case_id = ready_case(store)
    outcome = step(store, case_id, S.FILED, number="東オンEN25001877", on=date(2026, 12, 3))
    [warning] = outcome.warnings
    assert warning.code == "filing_future_date"
    assert warning.message_ja == "申請済の日付 2026年12月3日（令和8年）は今日より後です。"
    assert "2026-12-03" in warning.message_en


def test_a_step_judged_from_a_status_the_case_no_longer_has_writes_nothing(store):
    case_id = ready_case(store)
    store.set_status(case_id, S.WITHDRAWN)  # another window withdrew it meanwhile
    before = store.history(case_id)
    with pytest.raises(StorageError) as info:
        store.record_step(case_id, StepRecord(S.FILED, number="東オンEN1"), expected=S.READY)
    assert "取下げ" in info.value.message_ja
    assert store.get(case_id).status is S.WITHDRAWN and store.history(case_id) == before


def test_a_failed_history_insert_leaves_the_status_as_it_was(store, tmp_path):
    case_id = ready_case(store)
    # A trigger makes the history insert fail inside the transaction (like a full disk would).
    store.connection.execute(
        "CREATE TRIGGER boom BEFORE INSERT ON status_history WHEN NEW.status = 'filed' "
        "BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END")
    with pytest.raises(StorageError):
        step(store, case_id, S.FILED, number="東オンEN25001877")
    raw = sqlite3.connect(tmp_path / "cases.sqlite")
    assert raw.execute("SELECT status, provisional_number FROM cases WHERE id = ?",
                       (case_id,)).fetchone() == ("ready", "")


def _finished_session(store: CaseStore) -> CaseSession:
    office = OfficeStore(store)
    saved = office.save(StaffProfile(id=StaffProfile.new_id(), name="行政　花子"))
    office.set_current(saved.id)
    case = store.create("renewal", sample_values(TODAY))
    session = CaseSession(store, case.id, today=lambda: TODAY, with_attachments=False)
    [intent] = session.choices("intent_confirmed")
    session.apply({"intent_confirmed": intent})
    session.validate()
    assert session.can_finish()
    session.mark_ready()
    return session


def test_a_finished_case_edited_into_an_error_goes_back_to_draft_and_says_why(store):
    session = _finished_session(store)
    applied = session.apply({"zairyu_card_number": "AB1234567"})  # 9 characters
    assert applied.back_to_draft is not None and applied.title
    assert applied.back_to_draft.field == "zairyu_card_number"
    assert store.get(session.case_id).status is S.DRAFT
    assert session.case.status is S.DRAFT
    last = store.history(session.case_id)[-1]
    assert last.status is S.DRAFT and last.user == "行政　花子"
    assert "下書きに戻しました" in last.note and "在留カード番号" in last.note


def test_an_edit_that_keeps_a_finished_case_valid_keeps_it_ready(store):
    session = _finished_session(store)
    applied = session.apply({"zairyu_card_number": "AB12345679CD"})
    assert applied.back_to_draft is None
    assert store.get(session.case_id).status is S.READY


def test_next_renewal_from_a_completed_case_drops_what_a_grant_changes(store):
    case_id = ready_case(store)
    step(store, case_id, S.FILED, number="東オンEN25001877")
    step(store, case_id, S.REVIEW_COMPLETE)
    with pytest.raises(filing.FilingError, match="完了"):
        filing.next_renewal(store, case_id)
    step(store, case_id, S.COMPLETED, expiry=date(2032, 1, 15), on=date(2026, 12, 1))
    changes = filing.next_renewal(store, case_id, user="行政　花子")
    new = changes.case
    assert new is not None and changes.created == {new.id}
    assert (new.procedure, new.status) == ("renewal", S.DRAFT)
    assert new.values["name"] == "NGUYEN VAN A"
    assert "zairyu_card_number" not in new.values               # duplicate.json drops it
    assert new.values["expiry_date"] == "20320115"               # the grant, template form
    assert "2026年12月1日（令和8年）に完了した案件" in new.remarks and new.provisional_number == ""
    assert "2026-12-01" not in new.remarks             # the remarks read as the office reads
    assert store.get(case_id).status is S.COMPLETED              # the old case stays


def test_a_case_after_filing_is_not_marked_ready_again(store):
    """The editor's 入力完了 on a filed case: refused with the reason, nothing recorded (a
    history 申請済 → 入力完了 could not be imported from a case file either)."""
    session = _finished_session(store)
    step(store, session.case_id, S.FILED, number="東オンEN25001877")
    before = store.history(session.case_id)
    with pytest.raises(filing.FilingError) as info:
        session.mark_ready()
    assert "「申請済」" in info.value.message_ja and "Filed" in info.value.message_en
    assert store.get(session.case_id).status is S.FILED
    assert store.history(session.case_id) == before
