"""Messages say what the office sees: the entry of a repeat group, the right hint for a
year-month, the receipt method chosen, the filing date (not "today"), 件 for entries."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.model.case import Case
from assistant.model.fields import PROCEDURES, catalogue
from assistant.model.normalize import normalize_value
from assistant.model.validation import FieldContext, validate_case, validate_field

ON = date(2026, 11, 26)


@pytest.mark.parametrize("procedure", PROCEDURES)
def test_no_label_shows_a_placeholder_or_repeats_its_group(procedure: str) -> None:
    cat = catalogue(procedure)
    for f in cat.fields:
        assert "{" not in f.label_ja and "{" not in f.label_en, f.id
        if f.group:
            group = cat.group(f.group).label_ja
            assert not f.label_ja.startswith(group), (f.id, f.label_ja)


def test_a_repeat_member_is_named_with_its_entry() -> None:
    f = catalogue("coe").field("career_start")
    [problem] = validate_field(f, "2001", FieldContext(on=ON, key="career_start[2]"))
    assert problem.message_ja.startswith("「職歴 2件目 入社年月」")
    assert "{n}" not in problem.message_ja and "職歴 職歴" not in problem.message_ja
    assert problem.message_en.startswith('"Employment history, entry 2: ')


def test_a_year_month_gets_the_year_month_hint() -> None:
    f = catalogue("coe").field("career_start")
    [problem] = validate_field(f, "2001", FieldContext(on=ON, key="career_start[1]"))
    assert problem.code == "year_month_unreadable"
    assert "YYYYMM（" in problem.message_ja and "YYYYMMDD" not in problem.message_ja
    assert "平成13年4月" in problem.message_ja


def test_a_wrong_era_date_is_named_as_such_not_as_full_width() -> None:
    f = catalogue("renewal").field("birth_date")
    stored = normalize_value(f, "令和6年2月30日")   # not a date: kept as typed
    [problem] = validate_field(f, stored, FieldContext(on=ON))
    assert problem.code == "date_invalid"
    assert normalize_value(f, "平成7年4月12日") == "19950412"


def test_group_required_counts_entries_not_persons() -> None:
    values = {"has_relatives": "有 Yes"}
    problems = validate_case(Case(id="c", procedure="renewal", values=values), ON)
    [group] = [p for p in problems if p.code == "group_required"]
    assert "少なくとも1件" in group.message_ja and "人" not in group.message_ja.split("少なくとも")[1]


def test_passport_number_in_lower_case_is_upper_cased_at_entry_and_flagged_if_stored() -> None:
    f = catalogue("renewal").field("passport_number")
    assert normalize_value(f, "c1234567") == "C1234567"
    [problem] = validate_field(f, "c1234567", FieldContext(on=ON))
    assert problem.code == "field_not_uppercase"


def test_the_expiry_day_message_names_the_filing_date_not_today() -> None:
    values = {"expiry_date": "20261126"}
    problems = validate_case(Case(id="c", procedure="renewal", values=values), ON)
    window = [p for p in problems if p.code == "outside_application_window"]
    assert window and "申請日（2026年11月26日（令和8年））が在留期間満了日です" in window[0].message_ja
    assert "本日" not in window[0].message_ja and "Today" not in window[0].message_en


@pytest.mark.parametrize("value", ["=1+1", "\t=1+1", "\r\n@SUM(A1)", " +1", "-1", "\u200b=A1",
                                   "＝１＋１"])
def test_a_value_a_spreadsheet_reads_as_a_formula_is_an_error(value: str) -> None:
    for field_id in ("remarks", "reason", "email", "address_street", "passport_number"):
        f = catalogue("renewal").field(field_id)
        stored = normalize_value(f, value)
        codes = [p.code for p in validate_field(f, stored, FieldContext(on=ON))]
        assert codes[:1] == ["field_formula_start"], (field_id, value, stored, codes)


@pytest.mark.parametrize("value", ["1+1=2", "A-1", "メール@", "・－", "ー1"])
def test_the_same_characters_later_in_the_value_are_fine(value: str) -> None:
    f = catalogue("renewal").field("remarks")
    assert "field_formula_start" not in [p.code for p in validate_field(f, value,
                                                                       FieldContext(on=ON))]


@pytest.mark.parametrize("procedure", PROCEDURES)
def test_the_wizard_guidance_of_a_date_does_not_contradict_its_entry_hint(procedure: str) -> None:
    """ISA's 「YYYYMMDDで入力してください」 beside 「平成12年1月1日…の形で入力できます」 contradicted
    each other: the stored form is left out of a date's or year-month's guidance."""
    from assistant.model.fields import entry_guidance

    for f in catalogue(procedure).fields:
        shown = entry_guidance(f)
        if f.kind in ("date", "year_month"):
            assert "YYYYMMDDで" not in shown and "YYYYMMで" not in shown, (f.id, shown)
        else:
            assert shown == f.guidance_ja
    birth = catalogue("renewal").field("birth_date")
    assert "年月日不詳:99999999" in entry_guidance(birth)   # the rest of ISA's text stays


def test_an_expired_passport_names_both_dates_as_the_office_reads_them() -> None:
    f = catalogue("renewal").field("passport_expiry")
    [problem] = validate_field(f, "20261125", FieldContext(on=ON, key="passport_expiry"))
    assert problem.code == "passport_expired"
    assert problem.message_ja == ("旅券の有効期限（2026年11月25日（令和8年））が申請日"
                                  "（2026年11月26日（令和8年））に切れています。")
    assert problem.message_en == "The passport expires (2026-11-25) before the filing date (2026-11-26)."
