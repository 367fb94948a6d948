"""区分 follows the status: a case shows, validates and exports only its own 区分's questions.

The table (resources/fields/kubun.json) is ISA's 「申請人用１（裏）」 read by tools/build_kubun.py;
the catalogue's sections carry the 区分 they belong to (docs/domain.md#categories). Cases live in
a real SQLite store.
"""

from __future__ import annotations

import csv
from datetime import date

import pytest

from assistant.model import kubun
from assistant.model.case import KUBUN_ACTIVITY, Case
from assistant.model.codelists import code_list
from assistant.model.editing import CaseSession
from assistant.model.exports.bulk import export_csv
from assistant.model.fields import catalogue
from assistant.model.sample import sample_values
from assistant.model.storage import CaseStore
from assistant.model.validation import validate_case
from assistant.model.wizard import Step
from assistant.resources import load_json

TODAY = date(2026, 11, 26)
GIJINKOKU = "技術・人文知識・国際業務 Engineer/Specialist in Humanities/International Services"
SSW1 = "特定技能１号 Specified Skilled Worker ( i )"
DEPENDENT = "家族滞在 Dependent"
SPOUSE_JP = "日本人の配偶者等 Spouse or Child of Japanese National"
DESIGNATED = "特定活動 Designated Activities"
LETTERS = set("HIJKLMNOPQRTUVY")


@pytest.fixture
def store(tmp_path):
    store = CaseStore.open(tmp_path / "cases.sqlite")
    yield store
    store.close()


def _session(store: CaseStore, procedure: str, values: dict[str, str]) -> CaseSession:
    case = store.create(procedure, values)
    return CaseSession(store, case.id, today=lambda: TODAY, with_attachments=False)


def _shown_labels(session: CaseSession, step: str) -> list[str]:
    shown = []
    for f in session.catalogue.fields_for_step(step):
        if f.group and not session.group_applies(f.group):
            continue
        if session.is_shown(f.id if not f.group else f"{f.id}[1]"):
            shown.append(f.section_ja + " " + f.label_ja)
    return shown


# --- the table ---------------------------------------------------------------------------

def test_every_status_of_the_status_list_has_a_kubun_or_a_reason():
    """Walks every status of _CB19_0_C (the renewal status list) and of the change and coe
    lists through the table: each has a letter of ISA's forms or says why it has none."""
    walked = 0
    for procedure, list_id in (("renewal", "status_current"), ("change", "status_change"),
                               ("coe", "entry_purpose")):
        cat = catalogue(procedure)
        answer = kubun.answer_field(procedure)
        assert answer is not None and cat.field(answer).code_list == list_id
        for entry in code_list(list_id).entries:
            result = kubun.case_kubun(cat, {answer: entry.label})
            assert not result.open, entry.label
            assert result.kubun in LETTERS or (result.kubun is None and result.reason), \
                entry.label
            walked += 1
    assert walked == len(code_list("status_current").entries) + len(
        code_list("status_change").entries) + len(code_list("entry_purpose").entries)
    assert "_CB19_0_C" in code_list("status_current").source


@pytest.mark.parametrize(("procedure", "status", "letter"), [
    ("renewal", GIJINKOKU, "N"), ("renewal", SSW1, "V"), ("renewal", "留学 Student", "P"),
    ("renewal", "経営・管理 Business Manager", "M"), ("renewal", "介護 Nursing Care", "N"),
    ("renewal", "技能 Skilled Labor", "N"), ("change", DEPENDENT, "R"),
    ("change", SPOUSE_JP, "T"), ("change", "定住者 Long Term Resident", "T"),
    ("change", "技能実習２号イ Technical intern training (ii)(a)", "Y"),
    ("coe", SPOUSE_JP, "T"), ("coe", "特定技能 Specified Skilled Worker", "V"),
    ("coe", "技術・人文知識・国際業務，特定活動（本邦大卒者） Engineer,Humanities specialist,"
            "Int'l Services/Designated Activities（No.４６）", "N"),
    ("coe", DESIGNATED, "U"),
])
def test_the_status_gives_the_forms_letter(procedure, status, letter):
    assert kubun.kubun_for_status(procedure, status) == letter


def test_a_status_the_forms_split_by_activity_lists_the_choices_default_first():
    result = kubun.case_kubun(catalogue("change"), {"desired_status": DESIGNATED})
    assert result.kubun == "U"
    # the table's purposes, in its order: two U rows, two N, three R; the first is the default
    assert list(dict.fromkeys(a.kubun for a in result.activities)) == ["U", "N", "R"]
    assert [a.kubun for a in result.activities] == ["U", "U", "N", "N", "R", "R", "R"]
    assert result.activities[0].purpose_ja == "上記以外の目的（1）"
    assert result.activity is None and result.activity_missing


def test_permanent_residence_is_no_change_of_status():
    result = kubun.case_kubun(catalogue("change"), {"desired_status": "永住者 Permanent Resident"})
    assert result.kubun is None and "永住許可申請" in result.reason


def test_the_catalogue_sections_carry_their_kubun():
    assert kubun.installed(catalogue("renewal")) == {"V"}
    assert kubun.installed(catalogue("change")) == {"V"}
    assert kubun.installed(catalogue("coe")) == {"U", "N"}     # N: from the online page
    assert kubun.template_letters(catalogue("coe")) == {"U"}
    assert kubun.installed(catalogue("acquisition")) == frozenset()
    sections = {s.id: s.kubun for step in catalogue("renewal").steps for s in step.sections}
    assert sections["org_support"] == "V" and sections["applicant_skills"] == "V"
    assert sections["identity"] is None and sections["agent"] is None
    assert sections["legal_rep"] is None and sections["reentry"] is None


# --- what the case shows ------------------------------------------------------------------

def test_a_gijinkoku_renewal_shows_no_specified_skill_question(store):
    session = _session(store, "renewal", {"current_status": GIJINKOKU})
    shown = _shown_labels(session, "2-2") + _shown_labels(session, "2-3")
    assert not [label for label in shown if "特定技能" in label]
    assert not session.is_shown("org_name")
    # the common blocks stay: 取次者 and 代理人
    assert session.is_shown("agent_name") if session.catalogue.has_field("agent_name") else True
    assert any(label.startswith("取次者") for label in shown)
    answer = session.kubun_answer()
    assert answer.kubun == "N" and answer.missing


def test_a_specified_skill_renewal_shows_the_whole_v_set(store):
    session = _session(store, "renewal", {"current_status": SSW1})
    lettered_v = {sec.id for step in session.catalogue.steps for sec in step.sections
                  if sec.kubun == "V"}
    v_fields = [f for f in session.catalogue.fields
                if f.section in lettered_v and f.step in ("2-2", "2-3")
                and f.sheet == "category_v"]
    assert len(v_fields) > 200
    assert all(kubun.field_in_scope(session.catalogue, f, session.case.values)
               for f in v_fields)
    shown = _shown_labels(session, "2-3")
    assert any("特定技能所属機関" in label for label in shown)
    assert session.group_applies("career") or session.catalogue.group("career").required_when


def test_a_dependent_change_and_a_spouse_coe_show_no_specified_skill_question(store):
    for procedure, field, status in (("change", "desired_status", DEPENDENT),
                                     ("coe", "desired_status", SPOUSE_JP)):
        session = _session(store, procedure, {field: status})
        shown = _shown_labels(session, "2-2") + _shown_labels(session, "2-3")
        assert not [label for label in shown if "特定技能" in label], procedure
        assert not [f for f in session.catalogue.fields
                    if f.section_ja and session.catalogue.field(f.id).sheet == "category_v"
                    and f.section not in ("legal_rep", "agent")
                    and session.is_shown(f.id if not f.group else f"{f.id}[1]")]


def test_changing_the_status_shows_and_hides_the_sections(store):
    session = _session(store, "renewal", {"current_status": SSW1})
    applied = session.apply({"current_status": GIJINKOKU})
    assert applied.visibility.get("org_name") is False
    applied = session.apply({"current_status": SSW1})
    assert applied.visibility.get("org_name") is True


def test_a_status_change_that_drops_answers_says_which(store):
    session = _session(store, "renewal", {"current_status": SSW1, "org_name": "株式会社テスト",
                                          "name": "NGUYEN VAN A"})
    change = session.kubun_change({"current_status": GIJINKOKU})
    assert change is not None
    assert change.old.kubun == "V" and change.new.kubun == "N"
    assert change.drops == {"org_name": ""}          # the common answer (name) stays
    assert session.kubun_change({"current_status": "特定技能２号 Specified Skilled Worker ( ii )"}) \
        is None                                       # same 区分: nothing dropped


# --- validation and export ----------------------------------------------------------------

def test_validation_demands_no_field_of_another_kubun(store):
    values = sample_values(TODAY)
    values["current_status"] = GIJINKOKU
    values["org_name"] = "株" * 61          # over the V form's 60: judged only under 区分V
    values["different_treatment"] = "有 Yes"   # asks for its details only under 区分V
    problems = validate_case(Case(id="c", procedure="renewal", values=values), TODAY)
    cat = catalogue("renewal")
    judged = {p.field.split("[")[0] for p in problems}
    assert not [f for f in judged if cat.has_field(f)
                and cat.field(f).sheet == "category_v"
                and cat.field(f).section not in ("legal_rep", "agent")]
    values["current_status"] = SSW1
    problems = validate_case(Case(id="c", procedure="renewal", values=values), TODAY)
    found = {(p.field, p.code) for p in problems}
    assert ("org_name", "field_too_long") in found
    assert ("different_treatment_details", "field_required") in found


def test_the_bulk_export_refuses_a_case_whose_kubun_is_not_installed(store, tmp_path):
    values = sample_values(TODAY)
    values["current_status"] = GIJINKOKU
    case = Case(id="c1", procedure="renewal", values=values)
    result = export_csv([case], tmp_path / "out")
    assert not result.written and not (tmp_path / "out").exists()
    assert [i.problem.code for i in result.errors] == ["kubun_export_refused"]
    assert "区分N" in result.errors[0].problem.message_ja


def test_the_bulk_export_writes_only_the_cases_kubun(store, tmp_path):
    # a complete 特定技能 case (ISA's example): the export refuses a case with errors
    from tests.isa_cases import ON, complete_case

    case = complete_case("renewal", "c1", current_status=SSW1, org_name="株式会社テスト")
    result = export_csv([case], tmp_path / "out", on=ON)
    assert result.written
    sheet = tmp_path / "out" / "renewal_category_v.csv"
    rows = list(csv.reader(sheet.read_text("utf-8-sig").splitlines()))
    assert "株式会社テスト" in rows[1]
    # a U-form coe answer kept from another status is never written
    coe_values = {"desired_status": SPOUSE_JP, "name": "NGUYEN VAN A"}
    coe_cat = catalogue("coe")
    u_field = next(f for f in coe_cat.fields if f.section == "organization")
    coe_values[u_field.id] = "株式会社ユー"
    scoped = kubun.scoped_values(coe_cat, coe_values)
    assert u_field.id not in scoped and scoped["name"] == "NGUYEN VAN A"


def test_the_transcription_sheet_lists_only_the_cases_kubun():
    from assistant.model.exports.transcription import build_transcription

    values = {"name": "NGUYEN VAN A", "org_name": "株式会社特定"}
    for status, shown in ((SSW1, True), (GIJINKOKU, False)):
        case = Case(id="c", procedure="renewal", values={**values, "current_status": status})
        ids = [line.id for section in build_transcription(case, on=TODAY).sections
               for line in section.lines]
        assert "name" in ids
        assert ("org_name" in ids) is shown, status


# --- the activity, where the forms split a status across 区分 --------------------------------

HSP_B_COE = "高度専門職第１号ロ・第２号（高度専門・技術活動） Highly-Skilled Professional (i)(b) & (ii)"


def _split_statuses() -> list[tuple[str, str, dict]]:
    table = load_json("fields", "kubun.json")["procedures"]
    return [(procedure, status["label"], spec) for procedure, spec in table.items()
            for status in spec["statuses"] if status.get("by_activity")]


def test_the_split_statuses_are_those_the_forms_split():
    names = {(p, label.split(" ")[0]) for p, label, _spec in _split_statuses()}
    for procedure in ("renewal", "change"):
        assert {n for p, n in names if p == procedure} == {
            "高度専門職１号イ", "高度専門職１号ロ", "高度専門職２号", "研究", "特定活動"}
    assert {n for p, n in names if p == "coe"} == {
        "高度専門職第１号イ・第２号（高度学術研究活動）", "高度専門職第１号ロ・第２号（高度専門・技術活動）"}
    # one letter only: no choice (技術・人文知識・国際業務, 技能実習, 特定技能, coe 特定活動 …)
    for procedure, status in (("renewal", GIJINKOKU), ("change", SSW1), ("coe", DESIGNATED),
                              ("change", "技能実習２号イ Technical intern training (ii)(a)")):
        answer = kubun.case_kubun(catalogue(procedure), {kubun.answer_field(procedure): status})
        assert answer.activities == () and not answer.activity_missing, status


def test_every_split_status_picks_the_kubun_of_the_chosen_purpose():
    """Walks every status the forms split: each purpose is the form's own words (a paragraph
    of its purpose row in 「申請人用１（裏）」), choosing it picks that row's letter, and
    validation asks for the choice only while none is made."""
    walked = 0
    for procedure, label, spec in _split_statuses():
        cat = catalogue(procedure)
        answer_id = kubun.answer_field(procedure)
        rows: dict[tuple[int, str], list[str]] = {}
        for row in spec["purpose_rows"]:   # 上記以外の目的 (1) and (2) share a number
            rows.setdefault((row["number"], row["kubun"]), []).extend(
                p["ja"] for p in row["purposes"])
        base = {answer_id: label}
        unchosen = kubun.case_kubun(cat, base)
        assert unchosen.activity_missing and unchosen.kubun == unchosen.activities[0].kubun
        assert len({a.kubun for a in unchosen.activities}) > 1
        case = Case(id="c", procedure=procedure, values=base)
        assert "kubun_activity_required" in {p.code for p in validate_case(case, TODAY)}
        for activity in unchosen.activities:
            assert activity.purpose_ja in rows[(activity.purpose_row, activity.kubun)], label
            assert activity.purpose_en and activity.text("en").startswith(activity.purpose_en)
            values = {**base, KUBUN_ACTIVITY: activity.purpose_ja}
            chosen = kubun.case_kubun(cat, values)
            assert chosen.kubun == activity.kubun and chosen.activity == activity, label
            assert chosen.installed == (activity.kubun in kubun.installed(cat))
            case = Case(id="c", procedure=procedure, values=values)
            codes = {p.code for p in validate_case(case, TODAY)}
            assert "kubun_activity_required" not in codes and "unknown_field" not in codes
            walked += 1
    assert walked == 2 * (2 + 2 + 5 + 2 + 7) + 2 + 2


def test_the_chosen_activity_decides_what_a_coe_case_shows_validates_and_exports(store, tmp_path):
    from assistant.model.exports.transcription import build_transcription

    cat = catalogue("coe")
    n_field = next(f for f in cat.fields if f.section == "n_organization" and f.required)
    n_text = next(f for f in cat.fields if f.section == "n_organization" and f.kind == "text"
                  and f.group is None and f.id != n_field.id)
    answer = kubun.case_kubun(cat, {"desired_status": HSP_B_COE})
    by_letter = {a.kubun: a.purpose_ja for a in answer.activities}
    assert set(by_letter) == {"N", "L"} and answer.kubun == "N"
    for letter, in_scope in (("N", True), ("L", False)):
        values = {"desired_status": HSP_B_COE, "name": "LI NA", n_text.id: "株式会社エヌ",
                  KUBUN_ACTIVITY: by_letter[letter]}
        session = _session(store, "coe", values)
        assert session.section_shown("n_organization") is in_scope
        assert session.section_shown("identity")
        case = Case(id="c", procedure="coe", values=values)
        problems = {(p.field, p.code) for p in validate_case(case, TODAY)}
        assert ((n_field.id, "field_required") in problems) is in_scope, letter
        ids = [line.id for section in build_transcription(case, on=TODAY).sections
               for line in section.lines]
        assert (n_text.id in ids) is in_scope and "name" in ids
        result = export_csv([case], tmp_path / letter)
        codes = [i.problem.code for i in result.errors]
        assert ("kubun_export_refused" in codes) is (not in_scope), codes
        assert ("kubun_no_template" in codes) is in_scope, codes


def test_choosing_another_purpose_drops_the_old_kubuns_answers_after_asking(store):
    cat = catalogue("coe")
    n_field = next(f for f in cat.fields if f.section == "n_organization" and f.kind == "text"
                   and f.group is None)
    answer = kubun.case_kubun(cat, {"desired_status": HSP_B_COE})
    by_letter = {a.kubun: a.purpose_ja for a in answer.activities}
    session = _session(store, "coe", {"desired_status": HSP_B_COE, n_field.id: "株式会社エヌ",
                                      KUBUN_ACTIVITY: by_letter["N"]})
    change = session.kubun_change({KUBUN_ACTIVITY: by_letter["L"]})
    assert change is not None and change.old.kubun == "N" and change.new.kubun == "L"
    assert change.drops == {n_field.id: ""}
    # the choice is stored with the case (a value of its own) and comes back from the store
    session.apply({KUBUN_ACTIVITY: by_letter["L"], **change.drops})
    again = CaseSession(store, session.case_id, today=lambda: TODAY, with_attachments=False)
    assert again.kubun_answer().activity is not None
    assert again.kubun_answer().kubun == "L" and n_field.id not in again.case.values


def test_the_chosen_activity_travels_with_a_case_file(store):
    from assistant.model.casefile import dumps_case, loads_case

    cat = catalogue("coe")
    answer = kubun.case_kubun(cat, {"desired_status": HSP_B_COE})
    l_purpose = next(a.purpose_ja for a in answer.activities if a.kubun == "L")
    case = store.create("coe", {"desired_status": HSP_B_COE, "name": "LI NA",
                                KUBUN_ACTIVITY: l_purpose})
    again = loads_case(dumps_case(case)).case
    assert again.values[KUBUN_ACTIVITY] == l_purpose
    assert kubun.case_kubun(cat, again.values).kubun == "L"


# --- the status not answered yet: the 区分 is open ----------------------------------------

def test_a_case_without_a_status_shows_validates_and_exports_no_kubun_question(store):
    """A new renewal with no 現に有する在留資格 asks none of the ~150 特定技能 (区分V) questions;
    the common sections stay, and answers already stored are kept, not judged, not exported."""
    values = {"name": "NGUYEN VAN A", "org_name": "株" * 61, "different_treatment": "有 Yes",
              "career_start[1]": "202004", "career_end[1]": "201903"}
    session = _session(store, "renewal", values)
    answer = session.kubun_answer()
    assert answer.open and answer.kubun is None and answer.answer == "current_status"
    shown = _shown_labels(session, "2-2") + _shown_labels(session, "2-3")
    assert not [label for label in shown if "特定技能" in label]
    assert any(label.startswith("取次者") for label in shown)          # common: kept
    assert not session.is_shown("org_name") and session.is_shown("agent_name")
    lettered = [sec.id for step in session.catalogue.steps for sec in step.sections
                if sec.kubun is not None]
    assert lettered and not [s for s in lettered if session.section_shown(s)]
    # stored answers are kept (opening the case drops nothing) but are not part of the case
    assert store.get(session.case_id).values["org_name"] == "株" * 61
    assert kubun.scoped_values(session.catalogue, session.case.values) == {"name": "NGUYEN VAN A"}
    judged = {p.field.split("[")[0] for p in session.validate()}
    assert not judged & {"org_name", "different_treatment_details", "career_end"}
    assert "current_status" in judged                                  # Step 1 asks for it
    # the step marks: Step 2-3's stored 区分V answers do not make it 入力中
    states = session.step_states()
    assert not states[Step.ACTIVITY].started
    # the exports write none of them
    from assistant.model.exports.transcription import build_transcription

    case = store.get(session.case_id)
    ids = [line.id for section in build_transcription(case, on=TODAY).sections
           for line in section.lines]
    assert "name" in ids and "org_name" not in ids


def test_a_coe_without_a_purpose_shows_neither_the_u_nor_the_n_questions(store):
    session = _session(store, "coe", {"name": "LI NA"})
    lettered = {sec.id for step in session.catalogue.steps for sec in step.sections
                if sec.kubun is not None}
    assert {"n_applicant", "organization"} <= lettered
    for step in ("2-2", "2-3"):
        for f in session.catalogue.fields_for_step(step):
            if f.section in lettered:
                key = f.id if not f.group else f"{f.id}[1]"
                assert not session.is_shown(key), f.id
    assert session.is_shown("agent_name")


def test_choosing_the_status_brings_the_kept_answers_back_and_clearing_it_drops_nothing(store):
    session = _session(store, "renewal", {"name": "NGUYEN VAN A", "org_name": "株式会社特定"})
    assert session.kubun_change({"current_status": SSW1}) is None
    applied = session.apply({"current_status": SSW1})
    assert applied.visibility.get("org_name") is True
    assert kubun.scoped_values(session.catalogue, session.case.values)["org_name"] == "株式会社特定"
    assert session.step_states()[Step.ACTIVITY].started
    # clearing the status again hides them without dropping (nothing to ask)
    assert session.kubun_change({"current_status": ""}) is None
    applied = session.apply({"current_status": ""})
    assert applied.visibility.get("org_name") is False
    assert store.get(session.case_id).values["org_name"] == "株式会社特定"
