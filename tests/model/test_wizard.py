"""The wizard's flow, without Qt: steps per procedure, next/previous, completeness marks."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from assistant.model.problems import Problem, Severity
from assistant.model.wizard import (
    STEP_ORDER,
    Step,
    StepStatus,
    WizardFlow,
    first_step_with_errors,
)


@dataclass(frozen=True)
class F:
    id: str
    step: str


RENEWAL = [F("procedure_status", "1"), F("name", "2-1"), F("relative_name", "2-1"),
           F("occupation_detail", "2-2"), F("employer_name", "2-3"), F("intent", "3")]
COE = [F("desired_status", "1"), F("name", "2-1"), F("agent_name", "2-2")]


def problem(field: str, severity: Severity = Severity.ERROR) -> Problem:
    return Problem(field=field, code="x", severity=severity, message_ja="x", message_en="x")


def test_renewal_walks_every_step_in_the_online_order():
    flow = WizardFlow(RENEWAL)
    assert flow.steps == STEP_ORDER
    visited = [flow.first()]
    while (nxt := flow.next_step(visited[-1])) is not None:
        visited.append(nxt)
    assert visited == [Step.SELECT, Step.APPLICANT, Step.RELATED, Step.ACTIVITY,
                       Step.ATTACHMENTS, Step.CONFIRM]
    assert flow.previous_step(Step.SELECT) is None
    assert flow.previous_step(Step.CONFIRM) is Step.ATTACHMENTS


def test_a_procedure_without_activity_fields_skips_step_2_3():
    flow = WizardFlow(COE, with_attachments=False)
    assert flow.steps == (Step.SELECT, Step.APPLICANT, Step.RELATED, Step.CONFIRM)
    assert flow.next_step(Step.RELATED) is Step.CONFIRM
    assert flow.last() is Step.CONFIRM


def test_steps_1_and_3_exist_even_with_an_empty_catalogue():
    assert WizardFlow([], with_attachments=False).steps == (Step.SELECT, Step.CONFIRM)


@pytest.mark.parametrize("text,step", [("1", Step.SELECT), ("2-1", Step.APPLICANT),
                                       ("step2_2", Step.RELATED), ("2.3", Step.ACTIVITY),
                                       ("Step3", Step.CONFIRM)])
def test_step_names_as_a_catalogue_may_write_them(text, step):
    assert Step.parse(text) is step


def test_an_unknown_step_in_the_catalogue_is_an_error_not_a_silent_skip():
    with pytest.raises(ValueError):
        WizardFlow([F("x", "4")])


def test_problems_land_on_the_step_that_shows_the_field_including_repeats():
    flow = WizardFlow(RENEWAL)
    grouped = flow.problems_by_step([problem("relative_name[3]"), problem("employer_name"),
                                     problem("receipt_method"), problem("something_new")])
    assert [p.field for p in grouped[Step.APPLICANT]] == ["relative_name[3]"]
    assert [p.field for p in grouped[Step.ACTIVITY]] == ["employer_name"]
    # Case-level and unknown problems are reviewed on Step 3.
    assert [p.field for p in grouped[Step.CONFIRM]] == ["receipt_method", "something_new"]


def test_step_marks_show_problems_warnings_and_completion():
    flow = WizardFlow(RENEWAL)
    states = flow.step_states([problem("name"), problem("employer_name", Severity.WARNING)],
                              counted=[Step.SELECT, Step.APPLICANT, Step.ACTIVITY],
                              entered=[Step.SELECT, Step.APPLICANT],
                              required={Step.SELECT: True, Step.APPLICANT: False})
    assert states[Step.SELECT].status is StepStatus.COMPLETE
    assert states[Step.APPLICANT].status is StepStatus.PROBLEMS
    assert states[Step.APPLICANT].errors == 1 and states[Step.APPLICANT].started
    assert states[Step.ACTIVITY].status is StepStatus.WARNINGS
    assert states[Step.ACTIVITY].warnings == 1
    # Been there, nothing entered and nothing required: not complete, not started.
    assert not states[Step.ACTIVITY].complete and not states[Step.ACTIVITY].started
    # Not opened yet and nothing wrong: not marked complete.
    assert states[Step.RELATED].status is StepStatus.NOT_STARTED


def test_a_new_case_shows_no_counts_before_anything_is_typed():
    flow = WizardFlow(RENEWAL)
    states = flow.step_states([problem("procedure_status"), problem("name"), problem("intent"),
                               problem("employer_name", Severity.WARNING)],
                              required={Step.SELECT: False, Step.APPLICANT: False,
                                        Step.CONFIRM: False})
    assert {s.status for s in states.values()} == {StepStatus.NOT_STARTED}
    assert all(s.errors == 0 and s.warnings == 0 for s in states.values())


def test_a_step_is_complete_only_with_its_required_items_filled_and_valid():
    flow = WizardFlow(RENEWAL)
    # Something entered, every required item filled: complete without a visit.
    states = flow.step_states([], entered=[Step.APPLICANT], required={Step.APPLICANT: True})
    assert states[Step.APPLICANT].status is StepStatus.COMPLETE
    # Something entered, a required item left (an error): in progress, counted once seen.
    states = flow.step_states([problem("name")], entered=[Step.APPLICANT],
                              required={Step.APPLICANT: False})
    assert states[Step.APPLICANT].status is StepStatus.IN_PROGRESS
    assert states[Step.APPLICANT].errors == 0  # not counted: the user has not been there
    # A step without required items is not complete by a visit alone ...
    states = flow.step_states([], counted=[Step.RELATED])
    assert states[Step.RELATED].status is StepStatus.NOT_STARTED
    # ... nor by values it was given (the 取次者 block of a new case) before a visit ...
    states = flow.step_states([], entered=[Step.RELATED])
    assert states[Step.RELATED].status is StepStatus.IN_PROGRESS
    # ... but once the user has been there with something entered.
    states = flow.step_states([], counted=[Step.RELATED], entered=[Step.RELATED])
    assert states[Step.RELATED].status is StepStatus.COMPLETE


def test_a_finished_case_shows_its_marks():
    flow = WizardFlow(RENEWAL)
    states = flow.step_states([problem("employer_name", Severity.WARNING)],
                              counted=flow.steps, entered=[Step.SELECT, Step.APPLICANT],
                              required={Step.SELECT: True, Step.APPLICANT: True}, ready=True)
    assert states[Step.SELECT].status is StepStatus.COMPLETE
    assert states[Step.RELATED].status is StepStatus.COMPLETE
    assert states[Step.ACTIVITY].status is StepStatus.WARNINGS
    assert states[Step.ACTIVITY].complete


def test_finishing_needs_no_errors_but_allows_warnings():
    flow = WizardFlow(RENEWAL)
    assert WizardFlow.can_finish([problem("name", Severity.WARNING)])
    assert not WizardFlow.can_finish([problem("name", Severity.WARNING), problem("intent")])
    assert first_step_with_errors(flow, [problem("intent"), problem("employer_name")]) \
        is Step.ACTIVITY
    assert first_step_with_errors(flow, []) is None


def test_remaining_problems_follow_the_screens_errors_first():
    flow = WizardFlow(RENEWAL)
    ordered = flow.remaining_problems([
        problem("intent"), problem("employer_name", Severity.WARNING), problem("name"),
        problem("employer_name"), problem("procedure_status")])
    assert [(p.field, p.severity.value) for p in ordered] == [
        ("procedure_status", "error"), ("name", "error"), ("employer_name", "error"),
        ("employer_name", "warning"), ("intent", "error")]


def test_fields_on_a_step_keep_catalogue_order():
    flow = WizardFlow(RENEWAL)
    assert flow.fields_on(Step.APPLICANT) == ["name", "relative_name"]
    assert Step.APPLICANT.label_ja == "申請人等情報"
