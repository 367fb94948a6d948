"""入国目的 as the online page asks it: the page of one purpose splits the template's joint
choice (「技術・人文知識・国際業務，特定活動（本邦大卒者）」) into its statuses. The case keeps the
page's choice (what the office types), the bulk template still gets the joint one."""

from __future__ import annotations

from datetime import date

from assistant.model import kubun
from assistant.model.case import Case
from assistant.model.codelists import code_list
from assistant.model.exports import bulk
from assistant.model.exports.transcription import build_transcription
from assistant.model.fields import catalogue
from assistant.model.validation import validate_case
from tests.autofill_case import TECH, coe_values

PAGE_TECH = "技術・人文知識・国際業務 Engineer / Specialist in Humanities / International Services"
PAGE_GRADUATE = ("特定活動（本邦大学卒業者） Designated Activities (Graduate from a university in "
                 "Japan)")


def test_the_pages_choices_follow_the_joint_one_in_step_1s_list() -> None:
    labels = code_list("entry_purpose").labels()
    at = labels.index(TECH)
    assert labels[at + 1:at + 3] == [PAGE_TECH, PAGE_GRADUATE]
    assert [e.label for e in code_list("entry_purpose").split_choices(TECH)] == [
        PAGE_TECH, PAGE_GRADUATE]
    # a joint choice the saved page does not split stays alone
    assert code_list("entry_purpose").split_choices(labels[labels.index(TECH) - 1]) == ()


def test_the_pages_choice_asks_the_same_questions_as_the_joint_one() -> None:
    cat = catalogue("coe")
    for status in (PAGE_TECH, PAGE_GRADUATE, TECH):
        assert kubun.case_kubun(cat, {"desired_status": status}).kubun == "N", status


def _problems(status: str) -> list[str]:
    case = Case(id="c", procedure="coe", values={**coe_values(), "desired_status": status})
    return [p.code for p in validate_case(case, date(2026, 3, 1))
            if p.field == "desired_status"]


def test_the_joint_choice_is_flagged_for_the_office_to_pick_the_pages_one() -> None:
    case = Case(id="c", procedure="coe", values={**coe_values(), "desired_status": TECH})
    warned = [p for p in validate_case(case, date(2026, 3, 1)) if p.field == "desired_status"]
    assert [p.code for p in warned] == ["field_joint_choice"]
    assert not warned[0].is_error
    assert "「技術・人文知識・国際業務」「特定活動（本邦大学卒業者）」のどちらか" in warned[0].message_ja
    assert _problems(PAGE_TECH) == []
    assert _problems(PAGE_GRADUATE) == []


def test_the_template_gets_the_joint_choice_and_the_transcription_the_pages() -> None:
    field = catalogue("coe").field("desired_status")
    assert bulk.formatter(field)(PAGE_TECH) == TECH
    assert bulk.formatter(field, "codes")(PAGE_GRADUATE) == TECH    # no codes: the label
    assert bulk.formatter(field, template=False)(PAGE_TECH) == PAGE_TECH
    case = Case(id="c", procedure="coe", values={**coe_values(), "desired_status": PAGE_TECH})
    tables = bulk.sheet_tables([case])
    cells = [column[0] for table in tables for key, column in zip(table.keys, table.columns,
                                                                  strict=True)
             if key == "desired_status"]
    assert cells == [TECH]
    sheet = build_transcription(case, on=date(2026, 3, 1))
    values = [line.value for section in sheet.sections for line in section.lines
              if line.id == "desired_status"]
    assert values == [PAGE_TECH]
