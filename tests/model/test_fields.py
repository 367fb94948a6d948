"""The field catalogue matches the ISA templates and exposes what the wizard and exports need."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from assistant.model import case
from assistant.model.codelists import code_list, list_ids
from assistant.model.fields import PROCEDURES, STEPS, catalogue

ISA = Path(__file__).resolve().parents[1] / "fixtures" / "isa_templates"


def _template_headers(procedure: str, sheet: str) -> list[str]:
    with (ISA / procedure / f"{sheet}.csv").open(encoding="utf-8-sig", newline="") as handle:
        return next(csv.reader(handle))


@pytest.mark.parametrize("procedure,sheet,count", [
    ("renewal", "main", 76), ("renewal", "category_v", 263), ("renewal", "simultaneous", 114),
    ("change", "main", 78), ("change", "category_v", 265), ("change", "simultaneous", 113),
    ("coe", "main", 84), ("coe", "category_v", 297),
])
def test_header_row_is_the_template_header_row(procedure: str, sheet: str, count: int) -> None:
    headers = catalogue(procedure).headers(sheet)
    assert len(headers) == count
    if ISA.exists():  # the reference data is only on the build machine
        assert headers == _template_headers(procedure, sheet)


@pytest.mark.parametrize("procedure", ["renewal", "change", "coe"])
def test_every_column_maps_to_a_field_of_the_catalogue(procedure: str) -> None:
    cat = catalogue(procedure)
    for sheet in cat.sheets:
        for column in cat.columns(sheet):
            if column.field_id is not None:
                field = cat.field(column.field_id)
                if column.repeat is not None and field.header_for(column.repeat) != column.header:
                    # only the columns whose index was lost in extraction (COLUMN_FIXES in
                    # tools/build_catalogue.py) may differ
                    assert (procedure, column.index) in {("change", 144), ("change", 146)}


def test_well_known_ids_from_case_module_are_used() -> None:
    ids = {case.NAME, case.NATIONALITY, case.BIRTH_DATE, case.SEX, case.CURRENT_STATUS,
           case.PERIOD_OF_STAY, case.EXPIRY_DATE, case.HAS_CARD, case.ZAIRYU_CARD_NUMBER,
           case.PASSPORT_NUMBER, case.PASSPORT_EXPIRY}
    for procedure in ("renewal", "change"):
        cat = catalogue(procedure)
        assert ids <= {f.id for f in cat.fields}
    assert catalogue("change").field(case.DESIRED_STATUS).header == "身分事項_希望する在留資格"
    assert catalogue("coe").field(case.DESIRED_STATUS).header == "身分事項_入国目的"


def test_main_sheet_rules_come_from_the_guidance() -> None:
    cat = catalogue("renewal")
    name = cat.field("name")
    assert (name.char_class, name.max_length) == ("halfwidth_upper", 104)
    card = cat.field("zairyu_card_number")
    assert (card.min_length, card.max_length, card.pattern) == (12, 12, "card_number")
    street = cat.field("address_street")
    assert (street.char_class, street.max_length) == ("fullwidth", 85)
    assert cat.field("phone").max_length == 12
    assert cat.field("reason").max_length == 600
    birth = cat.field("birth_date")
    assert birth.kind == "date" and birth.date_unknown_markers


def test_relatives_are_a_repeat_group_of_six() -> None:
    cat = catalogue("renewal")
    group = cat.group("relatives")
    assert group.max == 6
    assert "relative_name" in group.members and "relative_card_number" in group.members
    assert cat.field("relative_name[3]").header_for(3) == (
        "身分事項_在日親族及び同居者3_在日親族及び同居者_氏名")
    assert group.required_when is not None and group.required_when.field == "has_relatives"


def test_career_is_a_repeat_group_of_ten() -> None:
    group = catalogue("renewal").group("career")
    assert group.max == 10
    assert set(group.members) == {"career_start", "career_end", "career_employer"}
    assert catalogue("renewal").field("career_start").kind == "year_month"
    assert catalogue("coe").group("career").max == 8  # the coe 区分V sheet has 8


def test_category_v_columns_have_english_ids_and_labels() -> None:
    for procedure in ("renewal", "change", "coe"):
        cat = catalogue(procedure)
        for f in cat.fields:
            assert not f.provisional_id
            assert re.fullmatch(r"[a-z][a-z0-9_]*", f.id), f.id
            assert f.label_en and f.label_ja, f.id
    renewal = catalogue("renewal")
    assert renewal.field("org_name").header == "所属機関に関する情報等_特定技能所属機関_(1)氏名又は名称"
    assert renewal.field("org_prefecture").code_list == "prefecture"
    assert renewal.field("org_municipality").parent == "org_prefecture"
    details = renewal.field("org_law_violation_details").required_when
    assert details is not None and details.field == "org_law_violation"
    assert renewal.field("legal_rep_name").char_class == "fullwidth"
    # the coe legal representative block (prefix numbered 第2項…第9項 in the data) maps too
    assert catalogue("coe").field("legal_rep_phone").pattern == "phone"


def test_changed_extraction_faults_are_repaired() -> None:
    change = catalogue("change")
    # the stray "良好に修了した技能実習2号2_" segment: same id as in renewal
    assert change.field("ssw_total_years").header.startswith(
        "申請人に関する情報等_良好に修了した技能実習2号")
    others = [c for c in change.columns("category_v")
              if c.field_id == "org_other_industry_other"]
    assert [c.repeat for c in others] == [1, 2]


def test_required_when_conditions() -> None:
    cat = catalogue("renewal")
    ed = cat.field("ed_number_alpha").required_when
    assert ed is not None and ed.field == "has_zairyu_card" and "無 No" in ed.equals
    details = cat.field("criminal_record_details").required_when
    assert details is not None and details.field == "criminal_record"


def test_every_step_has_fields_and_titles() -> None:
    for procedure in PROCEDURES:
        cat = catalogue(procedure)
        for step in STEPS:
            assert cat.fields_for_step(step), (procedure, step)
        assert [s.id for s in cat.steps] == list(STEPS)
        for step_info in cat.steps:
            assert step_info.title_ja and step_info.title_en
            for section in step_info.sections:
                assert section.field_ids


def test_step1_holds_procedure_choices() -> None:
    ids = {f.id for f in catalogue("renewal").fields_for_step("1")}
    assert {"current_status", "desired_period", "simultaneous_reentry",
            "simultaneous_extra_activity"} <= ids
    step3 = {f.id for f in catalogue("renewal").fields_for_step("3")}
    assert {"receipt_method", "intent_confirmed", "remarks"} <= step3


def test_derived_procedures_state_their_source() -> None:
    acq = catalogue("acquisition")
    assert "No ISA bulk template" in acq.source
    assert acq.field("acquisition_event_date").kind == "date"
    assert not acq.has_field("expiry_date")
    wc = catalogue("work-cert")
    assert wc.field("work_cert_activity").required
    assert wc.field("name").max_length == 104


def test_code_lists_referenced_by_fields_exist() -> None:
    ids = set(list_ids())
    for procedure in PROCEDURES:
        for f in catalogue(procedure).fields:
            if f.code_list:
                assert f.code_list in ids, (procedure, f.id, f.code_list)


def test_nationality_offers_china_marked_unverified() -> None:
    nationality = code_list("nationality")
    china = nationality.lookup("中国 People's Republic of China")
    assert china is not None and china.code is None and not china.verified
    vietnam = nationality.lookup("L61")
    assert vietnam is not None and vietnam.label == "ベトナム Viet Nam" and vietnam.verified
    assert china in nationality.unverified


def test_periods_depend_on_status() -> None:
    periods = code_list("period")
    labels = periods.labels("T26")
    assert labels == ["３月", "１年", "３年", "５年"]
    assert periods.labels("技術・人文知識・国際業務 Engineer/Specialist in Humanities/International Services") == labels
    assert "６月" not in labels


def test_municipalities_depend_on_prefecture() -> None:
    cities = code_list("municipality")
    assert "千代田区" in cities.labels("東京都")
    assert "千代田区" not in cities.labels("北海道")


def test_entries_without_a_code_in_a_coded_list_are_unverified() -> None:
    relationship = code_list("relationship")
    sibling = relationship.lookup("兄弟姉妹 Sibling")
    wife = relationship.lookup("妻 Wife")
    assert sibling is not None and sibling.code is None and not sibling.verified
    assert wife is not None and wife.code == "02" and wife.verified
    japan = code_list("country").lookup("日本 Japan")
    assert japan is not None and not japan.verified
    # a list that has labels only in the data is not "unverified" entry by entry
    receipt = code_list("receipt_method")
    assert not receipt.has_codes and receipt.unverified == ()
    assert code_list("sex").has_codes


def test_wizard_sections_stay_a_readable_size() -> None:
    """The 区分V sheet is split into sections a page can show (not 175 questions at once)."""
    for procedure in PROCEDURES:
        for step in catalogue(procedure).steps:
            for section in step.sections:
                assert len(section.field_ids) <= 50, (procedure, section.id)
    renewal = catalogue("renewal")
    assert renewal.field("plan_housing").section == "org_support_plan"
    assert renewal.field("rso_name").section_en == "Registered support organisation"


@pytest.mark.parametrize("procedure", PROCEDURES)
@pytest.mark.parametrize("language", ["ja", "en"])
def test_no_two_inputs_of_one_section_share_a_label(procedure, language):
    """The office must be able to tell inputs apart (e.g. the three skill tests on Step 2-2)."""
    seen: dict[tuple[str, str, str], str] = {}
    for f in catalogue(procedure).fields:
        if f.group is not None:
            continue   # repeat groups number their entries themselves
        key = (f.step, f.section, f.label(language))
        assert key not in seen, f"{f.id} and {seen[key]} both labelled {key[2]!r}"
        seen[key] = f.id


def test_skill_tests_are_numbered_in_template_order():
    cat = catalogue("change")
    assert [cat.field(f"skill_test_{n}").label_ja for n in (1, 2, 3)] == [
        "技能水準 合格した試験名（１）", "技能水準 合格した試験名（２）", "技能水準 合格した試験名（３）"]


def _pull_downs_without_list(procedure: str) -> list:
    """Fields whose ISA guidance asks for a pull-down choice but that have no code list."""
    return [f for f in catalogue(procedure).fields
            if "プルダウン" in f.guidance_ja and not f.code_list]


@pytest.mark.parametrize("procedure", PROCEDURES)
def test_every_pull_down_has_a_list_or_is_marked_missing(procedure: str) -> None:
    """A pull-down without a list is free text marked with the reason (the wizard says so)."""
    for f in _pull_downs_without_list(procedure):
        assert f.code_list_missing, (procedure, f.id)
        assert f.code_list_missing_reason.strip(), (procedure, f.id)
        assert f.kind == "text", (procedure, f.id)   # a drop-down with no choice is unusable
    for f in catalogue(procedure).fields:
        if f.code_list_missing:
            assert f.code_list is None and f.kind == "text", (procedure, f.id)


@pytest.mark.parametrize("procedure", ["renewal", "coe"])   # change's template has no examples
def test_examples_of_number_fields_are_real_numbers(procedure: str) -> None:
    """The template's spreadsheet showed long numbers as 1.23457E+12; the wizard shows the
    digits a clerk would type (法人番号 1234567890123, 資本金 1000000000000)."""
    from datetime import date

    from assistant.model.validation import FieldContext, validate_field

    digit_examples = 0
    for f in catalogue(procedure).fields:
        assert not re.search(r"\d[.]?\d*E\+\d", f.example), (f.id, f.example)
        if f.char_class == "digits" and f.kind not in ("date", "year_month") and f.example:
            digit_examples += 1
            assert f.example.isdigit(), (f.id, f.example)
            problems = validate_field(f, f.example, FieldContext(on=date(2026, 12, 7),
                                                                 check_required=False))
            assert [p.code for p in problems] == [], (f.id, f.example)
    assert digit_examples > 0


def test_corporate_number_example_is_the_digits_not_the_spreadsheet_form() -> None:
    assert catalogue("renewal").field("org_corporate_number").example == "1234567890123"
    assert catalogue("renewal").field("org_capital").example == "1000000000000"


@pytest.mark.parametrize("procedure", ["renewal", "coe"])
def test_a_corporate_number_is_exactly_thirteen_digits(procedure: str) -> None:
    """ISA writes 「13文字」 in one template and 「13桁」 in the other: both mean exactly 13."""
    from datetime import date

    from assistant.model.validation import FieldContext, validate_field

    f = catalogue(procedure).field("org_corporate_number")
    context = FieldContext(on=date(2026, 12, 7), check_required=False)
    assert validate_field(f, "12345678901", context) != []
    assert validate_field(f, "1234567890123", context) == []


@pytest.mark.parametrize("procedure", PROCEDURES)
def test_a_simultaneous_applications_questions_wait_for_its_tick(procedure: str) -> None:
    """Every question of a 同時申請 section (再入国許可, 資格外活動) belongs to that application:
    shown and asked only once its box in Step 1 is ticked (「旅券を取得することができない場合は、
    その理由」 was asked of every renewal)."""
    cat = catalogue(procedure)
    flagged = {f.section for f in cat.fields if f.applies_when is not None
               and f.applies_when.field.startswith("simultaneous_")}
    loose = [f.id for f in cat.fields if f.section in flagged
             and f.applies_when is None and f.required_when is None]
    assert loose == []


def test_the_no_passport_reason_is_asked_with_the_reentry_permit_only(store) -> None:
    from assistant.model.editing import CaseSession

    case = store.create("renewal", {"expiry_date": "20270115"})
    assert not CaseSession(store, case.id).is_shown("reentry_no_passport_reason")
    store.set_value(case.id, "simultaneous_reentry", "再入国許可申請 Re-entry permit")
    assert CaseSession(store, case.id).is_shown("reentry_no_passport_reason")
