"""The editing session of a case, without Qt: what the wizard shows, keeps and decides.

After Electrum's tests/test_wizard.py: a session is driven as the wizard drives it (open a
step, type, tick, add a relative, finish) and each answer is checked. The case lives in a real
SQLite store (tmp_path), so what the session says was stored is read back from the file.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from assistant.model import rules
from assistant.model.case import AttachmentRef, CaseStatus, ReceiptMethod
from assistant.model.editing import CaseSession, counts_persons
from assistant.model.office import OfficeStore, StaffProfile
from assistant.model.sample import sample_values
from assistant.model.storage import CaseStore, StorageError
from assistant.model.wizard import Step, StepStatus

TODAY = date(2026, 11, 26)
REENTRY = "再入国許可申請 Re-entry permit"


@pytest.fixture
def store(tmp_path):
    store = CaseStore.open(tmp_path / "cases.sqlite")
    yield store
    store.close()


def session_for(store: CaseStore, values: dict[str, str] | None = None, *,
                procedure: str = "renewal", with_attachments: bool = False) -> CaseSession:
    case = store.create(procedure, values or {})
    session = CaseSession(store, case.id, today=lambda: TODAY,
                          with_attachments=with_attachments)
    session.validate()
    return session


def staff(store: CaseStore) -> StaffProfile:
    office = OfficeStore(store)
    saved = office.save(StaffProfile(id=StaffProfile.new_id(), name="行政　花子",
                                     office_name="花子行政書士事務所", postal_code="1000013",
                                     prefecture="東京都", municipality="千代田区",
                                     street="霞が関１－１－１", phone="0312345678"))
    office.set_current(saved.id)
    return saved


# --- where the user has been decides what is shown -----------------------------------------

def test_a_new_case_shows_no_problem_and_no_count_before_anything_is_typed(store):
    session = session_for(store, with_attachments=True)
    assert session.problems_of("name")                 # the problem exists ...
    assert session.shown_problems("name") == []        # ... but is not shown yet
    states = session.step_states()
    assert {s.status for s in states.values()} == {StepStatus.NOT_STARTED}
    assert all(s.errors == 0 and s.warnings == 0 for s in states.values())


def test_a_field_shows_its_problems_once_typed_in_or_its_step_left(store):
    session = session_for(store)
    session.go_to(Step.APPLICANT)
    session.touch("name")
    session.validate()
    assert session.shown_problems("name")
    assert session.shown_problems("birth_date") == []   # same step, not typed in yet
    assert session.step_state(Step.APPLICANT).status is StepStatus.PROBLEMS
    session.go_to(Step.RELATED)                         # leaving 2-1 shows all of its problems
    assert session.shown_problems("birth_date")
    assert session.shown_problems("receipt_method") == []   # Step 3 not visited


def test_asking_to_finish_shows_every_problem_and_refuses_with_errors(store):
    session = session_for(store)
    session.attempt_finish()
    session.validate()
    assert session.shown_problems("receipt_method")
    assert not session.can_finish() and session.errors()
    assert store.get(session.case_id).status is CaseStatus.DRAFT


# --- values -----------------------------------------------------------------------------------

def test_setting_a_value_stores_it_and_says_what_appeared(store):
    session = session_for(store)
    assert session.is_shown("zairyu_card_number") is False
    edit = session.edit({"has_zairyu_card": "有 Yes"})
    assert edit.changes == {"has_zairyu_card": ("", "有 Yes")}
    applied = session.apply({key: new for key, (_old, new) in edit.changes.items()})
    assert store.get(session.case_id).values["has_zairyu_card"] == "有 Yes"
    assert applied.visibility["zairyu_card_number"] is True
    assert session.is_shown("zairyu_card_number")
    applied = session.apply({"has_zairyu_card": "無 No"})
    assert applied.visibility["zairyu_card_number"] is False
    assert applied.visibility["ed_number_alpha"] is True


def test_an_unchanged_value_is_no_edit_and_a_cleared_one_is_removed(store):
    session = session_for(store, {"name": "WANG WEI"})
    assert session.edit({"name": "WANG WEI"}).changes == {}
    applied = session.apply({"name": ""})
    assert applied.values == {"name": ""} and applied.title
    assert "name" not in store.get(session.case_id).values


def test_a_status_narrows_the_periods_it_offers(store):
    session = session_for(store)
    assert "period_of_stay" in session.dependents_of("current_status")
    everything = session.choices("period_of_stay")
    status = next(c for c in session.choices("current_status") if c.startswith("留学"))
    applied = session.apply({"current_status": status})
    narrowed = applied.choices["period_of_stay"]
    assert narrowed and set(narrowed) < set(everything)
    assert session.choices("period_of_stay") == narrowed


def test_step_1_offers_only_statuses_that_can_be_filed_online(store):
    session = session_for(store)
    offered = {c.split(" ", 1)[0] for c in session.choices("current_status")}
    not_online = {s.name_ja for s in rules.statuses() if not s.online}
    assert offered and not offered & not_online


def test_the_store_refusing_a_write_leaves_the_session_as_it_was(store):
    session = session_for(store, {"name": "WANG WEI"})
    store.connection.execute(
        "CREATE TRIGGER refuse BEFORE INSERT ON case_values "
        "BEGIN SELECT RAISE(ABORT, 'disk went away'); END")
    with pytest.raises(StorageError):
        session.apply({"occupation": "会社員"})
    assert session.value("occupation") == "" and session.value("name") == "WANG WEI"


# --- repeat groups ----------------------------------------------------------------------------

def test_relatives_appear_with_one_person_and_can_be_added_up_to_the_maximum(store):
    session = session_for(store)
    assert session.group_count("relatives") == 0
    applied = session.apply({"has_relatives": "有 Yes"})
    assert applied.groups == {"relatives": 1}
    assert applied.group_visibility == {"relatives": True}
    assert counts_persons(session.catalogue.group("relatives"))
    assert not counts_persons(session.catalogue.group("career"))
    maximum = session.catalogue.group("relatives").max
    numbers = [session.add_instance("relatives") for _ in range(maximum)]
    assert numbers[:maximum - 1] == list(range(2, maximum + 1)) and numbers[-1] is None
    assert session.group_count("relatives") == maximum


def test_removing_a_relative_moves_the_next_one_up(store):
    session = session_for(store, {"has_relatives": "有 Yes", "relative_name[1]": "ワン　イー",
                                  "relative_name[2]": "ワン　アル"})
    assert session.group_count("relatives") == 2
    changes = session.remove_instance("relatives", 1)
    assert changes["relative_name[1]"] == "ワン　アル" and changes["relative_name[2]"] == ""
    session.apply(changes)
    assert session.group_count("relatives") == 1
    stored = store.get(session.case_id).values
    assert stored["relative_name[1]"] == "ワン　アル" and "relative_name[2]" not in stored
    # Undo writes the old values back: the second person returns.
    applied = session.apply({"relative_name[1]": "ワン　イー", "relative_name[2]": "ワン　アル"})
    assert applied.groups == {"relatives": 2}


# --- the 取次者 block -------------------------------------------------------------------------

def test_ticking_a_reentry_application_brings_in_its_agent_block(store):
    staff(store)
    session = session_for(store, {"reentry_agent_phone": "0399999999"})
    edit = session.edit({"simultaneous_reentry": REENTRY})
    assert edit.agent_filled["reentry_agent_name"] == "行政　花子"
    assert "reentry_agent_phone" not in edit.agent_filled      # typed before: kept
    assert not any(key.startswith("extra_agent") for key in edit.agent_filled)
    assert edit.changes["reentry_agent_name"] == ("", "行政　花子")
    # While the user is still typing nothing is brought in.
    assert session.edit({"simultaneous_reentry": REENTRY}, finished=False).agent_filled == {}


def test_the_office_button_overwrites_the_agent_block_and_needs_a_staff_member(store):
    session = session_for(store, {"agent_name": "前任　太郎"})
    assert session.office_agent_values() is None
    staff(store)
    filled = session.office_agent_values()
    assert filled is not None and filled["agent_name"] == "行政　花子"


# --- Step 1 and Step 3 ------------------------------------------------------------------------

@pytest.mark.parametrize(("days", "urgent"), [(7, True), (14, True), (15, False), (60, False)])
def test_the_window_is_urgent_when_it_closes_soon(store, days, urgent):
    # Renewal closes the day before expiry: expiry = today + days + 1 leaves `days` days.
    expiry = TODAY + timedelta(days=days + 1)
    session = session_for(store, {"expiry_date": expiry.strftime("%Y%m%d")})
    state = session.window()
    assert state.result is not None and state.result.online_possible
    assert rules.window_summary(state.result, TODAY)[0] == f"申請可能 あと{days}日"
    assert state.urgent is urgent


def test_the_window_asks_for_the_date_it_needs_and_is_urgent_once_closed(store):
    session = session_for(store)
    assert session.window().needs == "expiry_date"
    session.apply({"expiry_date": TODAY.strftime("%Y%m%d")})     # closed on the expiry day
    state = session.window()
    assert state.result is not None and not state.result.online_possible and state.urgent


def test_a_reentry_application_rules_out_receipt_by_mail(store):
    session = session_for(store)
    options = session.receipt_options()
    mail = next(label for label in options.labels
                if ReceiptMethod.from_label(label) is ReceiptMethod.MAIL)
    assert mail in options.allowed
    applied = session.apply({"simultaneous_reentry": REENTRY})
    assert applied.receipt
    assert session.simultaneous() == ["reentry"] == rules.simultaneous_procedures(
        session.case.values)
    options = session.receipt_options()
    assert mail not in options.allowed and options.reasons


def test_a_no_in_the_simultaneous_box_is_not_a_simultaneous_application(store):
    session = session_for(store, {"simultaneous_reentry": "無 No"})
    assert session.simultaneous() == []


# --- step marks and finishing -----------------------------------------------------------------

def test_a_step_is_complete_only_when_its_required_items_are_filled_and_valid(store):
    session = session_for(store)
    session.go_to(Step.APPLICANT)
    session.touch("name")
    session.apply({"name": "WANG WEI"})
    session.validate()
    state = session.step_state(Step.APPLICANT)
    assert state.status is StepStatus.PROBLEMS and state.started and not state.complete
    # 2-2 has no required item: visiting it with nothing entered does not complete it.
    session.go_to(Step.RELATED)
    session.go_to(Step.ACTIVITY)
    session.validate()
    assert session.step_state(Step.RELATED).status is StepStatus.NOT_STARTED


def test_a_complete_case_can_be_finished_and_reopened_shows_its_marks(store):
    session = session_for(store, sample_values(TODAY))
    assert session.step_state(Step.APPLICANT).status is StepStatus.COMPLETE  # all filled
    # Step 3's intent is the one item the office confirms itself.
    assert session.step_state(Step.CONFIRM).status is StepStatus.IN_PROGRESS
    [intent] = session.choices("intent_confirmed")
    session.apply({"intent_confirmed": intent})
    session.attempt_finish()
    session.validate()
    assert session.can_finish() and session.errors() == []
    session.mark_ready()
    assert store.get(session.case_id).status is CaseStatus.READY
    reopened = CaseSession(store, session.case_id, today=lambda: TODAY, with_attachments=False)
    reopened.validate()
    states = reopened.step_states()
    assert {s.status for s in states.values()} <= {StepStatus.COMPLETE, StepStatus.WARNINGS}
    assert all(s.complete for s in states.values())


def test_the_attachments_step_needs_a_document_and_the_photo(store):
    session = session_for(store, with_attachments=True)
    session.go_to(Step.ATTACHMENTS)
    assert session.step_state(Step.ATTACHMENTS).status is StepStatus.NOT_STARTED
    store.set_attachments(session.case_id, [AttachmentRef("/docs/a.pdf", "document")])
    session.case = store.get(session.case_id)
    assert session.step_state(Step.ATTACHMENTS).status is StepStatus.IN_PROGRESS
    store.set_attachments(session.case_id, [AttachmentRef("/docs/a.pdf", "document"),
                                            AttachmentRef("/docs/face.jpg", "photo")])
    session.case = store.get(session.case_id)
    assert session.step_state(Step.ATTACHMENTS).status is StepStatus.COMPLETE


def test_navigation_follows_the_flow(store):
    session = session_for(store, procedure="coe")
    assert session.current is Step.SELECT and session.previous_step() is None
    steps = [session.current]
    while (nxt := session.next_step()) is not None:
        session.go_to(nxt)
        steps.append(nxt)
    assert steps == list(session.flow.steps) and steps[-1] is Step.CONFIRM
    assert all(session.visited(step) for step in steps)
