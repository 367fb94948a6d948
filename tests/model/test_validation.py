"""Each field of the renewal, change and coe main sheets validates as its template guidance says.

One row per rule: a value the template accepts and one it rejects (with the problem code the
office sees). ``test_every_main_sheet_field_has_rules`` keeps the table complete.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.model.case import Case
from assistant.model.fields import catalogue
from assistant.model.problems import Severity
from assistant.model.validation import FieldContext, validate_case, validate_field

ON = date(2026, 11, 26)
T26 = "技術・人文知識・国際業務 Engineer/Specialist in Humanities/International Services"
INTENT = ("申請人(代理人による申請の場合は当該代理人)に申請の意思を確認しました。 "
          "Confirmed intent of application with applicant (or agent).")

# field id -> list of (good value, bad value, expected problem code, other case values)
RULES: dict[str, list[tuple[str, str, str, dict[str, str]]]] = {
    "nationality": [("ベトナム Viet Nam", "ベトナム国", "field_not_in_list", {}),
                    ("ベトナム Viet Nam", "ベトナム", "field_use_list_label", {})],
    "birth_date": [
        ("19900101", "20251301", "date_invalid", {}),
        ("20250500", "20250230", "date_invalid", {}),
        ("20250000", "20270101", "date_in_future", {}),
        ("99999999", "1990/01/01", "date_unreadable", {}),
        ("19900101", "１９９００１０１", "field_not_halfwidth", {}),
    ],
    "name": [
        ("HOUMU TARO", "houmu taro", "field_not_uppercase", {}),
        ("HOUMU TARO", "A" * 52 + " " + "B" * 52, "field_too_long", {}),
        ("NGUYEN VAN AN", "HOUMU  TARO", "field_bad_latin_name", {}),
        ("HOUMU TARO", "ＨＯＵＭＵ", "field_not_halfwidth", {}),
    ],
    "sex": [("女 female", "female", "field_use_list_label", {}),
            ("女 female", "F", "field_not_in_list", {})],
    "birthplace": [("ハノイ", "あ" * 41, "field_too_long", {})],
    "has_spouse": [("無 No", "なし", "field_not_in_list", {})],
    "occupation": [("専門的・技術的職業従業者", "あ" * 41, "field_too_long", {})],
    "home_address": [
        ("米国　ニューヨーク", "New York", "field_not_fullwidth", {}),
        ("あ" * 80, "あ" * 81, "field_too_long", {}),
    ],
    "postal_code": [
        ("1000001", "100-0001", "field_not_digits", {}),
        ("0000000", "100001", "field_wrong_length", {}),
    ],
    "address_prefecture": [("東京都", "東京", "field_not_in_list", {})],
    "address_municipality": [
        ("千代田区", "札幌市中央区", "municipality_not_in_prefecture",
         {"address_prefecture": "東京都"}),
        ("千代田区", "千代田町区", "field_not_in_list", {"address_prefecture": "東京都"}),
    ],
    "address_street": [
        ("１－１－１霞ヶ関ハイツ２０２号", "1-1-1 Kasumigaseki", "field_not_fullwidth", {}),
        ("あ" * 85, "あ" * 86, "field_too_long", {}),
    ],
    "phone": [
        ("0312345678", "03-1234-5678", "field_not_digits", {}),
        ("031234567890", "0312345678901", "field_too_long", {}),
    ],
    "mobile": [("09012345678", "090123456789012", "field_too_long", {})],
    "email": [
        ("example@xxx.co.jp", "example@xxx", "field_bad_email", {}),
        ("a@example.jp", "a" * 50 + "@example.jp", "field_too_long", {}),
    ],
    "passport_number": [
        ("AB1234567", "AB12345678901", "field_too_long", {}),
        ("AB1234567", "ＡＢ１２３", "field_not_halfwidth", {}),
    ],
    "passport_expiry": [
        ("20261126", "20261125", "passport_expired", {}),
        ("20271201", "20270231", "date_invalid", {}),
    ],
    "current_status": [(T26, "技人国", "field_not_in_list", {})],
    "period_of_stay": [
        ("１年", "６月", "period_not_for_status", {"current_status": T26}),
        ("３年", "２年半", "field_not_in_list", {"current_status": T26}),
    ],
    "expiry_date": [("20260210", "20260229", "date_invalid", {})],
    "has_zairyu_card": [("有 Yes", "あり", "field_not_in_list", {})],
    "zairyu_card_number": [
        ("AB12345678CD", "AB1234567CD", "field_wrong_length", {}),
        ("AB12345678CD", "AB12345678C1", "field_bad_card_number", {}),
        ("AB12345678CD", "ab12345678cd", "field_not_uppercase", {}),
    ],
    "ed_number_alpha": [
        ("ABCD", "ABCDE", "field_too_long", {}),
        ("ABCD", "AB1", "field_bad_ed_alpha", {}),
    ],
    "ed_number_digits": [
        ("1234567", "123456", "field_wrong_length", {}),
        ("1234567", "12345a7", "field_not_digits", {}),
    ],
    "desired_period": [("３年", "６月", "period_not_for_status", {"current_status": T26})],
    "reason": [("株式会社○○に就職するため", "あ" * 601, "field_too_long", {})],
    "planned_entry_date": [("2027年4月1日", "あ" * 41, "field_too_long", {})],
    "port_of_entry": [("成田空港(NRT) Narita International Airport", "成田", "field_not_in_list",
                       {})],
    "port_of_entry_other": [("○○空港", "あ" * 41, "field_too_long", {})],
    "intended_stay_years": [("5", "41", "field_not_in_list", {})],
    "intended_stay_months": [("0", "12", "field_not_in_list", {})],
    "has_companions": [("無 No", "No", "field_use_list_label", {})],
    "visa_application_place": [("ニューヨーク", "あ" * 41, "field_too_long", {})],
    "past_entries": [("有 Yes", "Yes", "field_use_list_label", {})],
    "past_entries_count": [("5", "0", "field_not_in_list", {})],
    "last_entry_from": [("20250101", "20270101", "date_in_future", {})],
    "last_entry_to": [("20250201", "2025021", "date_unreadable", {})],
    "past_coe_applications": [("無 No", "無", "field_use_list_label", {})],
    "past_coe_count": [("3", "100", "field_not_in_list", {})],
    "past_coe_refusals": [("0", "100", "field_not_in_list", {})],
    "criminal_record": [("無 No", "いいえ", "field_not_in_list", {})],
    "criminal_record_details": [("道路交通法違反（罰金）", "あ" * 41, "field_too_long", {})],
    "past_deportation": [("無 No", "有り", "field_not_in_list", {})],
    "past_deportation_count": [("1", "100", "field_not_in_list", {})],
    "last_deportation_date": [("20201010", "20281010", "date_in_future", {})],
    "has_relatives": [("有 Yes", "はい", "field_not_in_list", {}),
                      ("有 Yes", "有", "field_use_list_label", {})],
    "relative_relationship": [("妻 Wife", "いとこ", "field_not_in_list", {})],
    "relative_name": [
        ("法務　花子", "Houmu Hanako", "field_not_fullwidth", {}),
        ("あ" * 26, "あ" * 27, "field_too_long", {}),
    ],
    "relative_birth_date": [("20000101", "20001301", "date_invalid", {})],
    "relative_nationality": [("日本 Japan", "日本国", "field_not_in_list", {})],
    "relative_lives_together": [("有 Yes", "同居", "field_not_in_list", {})],
    "relative_workplace": [
        ("株式会社○○、○○大学", "ABC Inc.", "field_not_fullwidth", {}),
        ("あ" * 60, "あ" * 61, "field_too_long", {}),
    ],
    "relative_card_number": [("AB12345678CD", "AB12345678", "field_wrong_length", {})],
    "receipt_residence_prefecture": [("東京都", "Tokyo", "field_not_in_list", {})],
    "receipt_office": [("東京出入国在留管理局 Tokyo Regional Immigration Services Bureau",
                        "東京入管", "field_not_in_list", {})],
    "notification_email": [("abc@xyz.co.jp", "abc@", "field_bad_email", {})],
    "intent_confirmed": [(INTENT, "確認しました", "field_not_in_list", {})],
    "remarks": [("特になし", "あ" * 301, "field_too_long", {})],
}

# Fields whose valid values differ between procedures.
PROCEDURE_RULES: dict[tuple[str, str], list[tuple[str, str, str, dict[str, str]]]] = {
    ("change", "desired_status"): [
        ("日本人の配偶者等 Spouse or Child of Japanese National", "配偶者", "field_not_in_list",
         {})],
    ("coe", "desired_status"): [("留学 Student", "留学生", "field_not_in_list", {})],
    ("change", "desired_period"): [
        ("５年", "６月", "period_not_for_status", {"desired_status": T26})],
    ("renewal", "receipt_method"): [
        ("窓口 Regional office counter", "窓口", "field_use_list_label", {})],
    ("change", "receipt_method"): [
        ("郵送 Mailing", "宅配", "field_not_in_list", {})],
    ("coe", "receipt_method"): [
        ("メール Email", "窓口 Regional office counter", "field_not_in_list", {})],
}


def _cases() -> list[tuple[str, str, str, str, str, dict[str, str]]]:
    rows = []
    for procedure in ("renewal", "change", "coe"):
        cat = catalogue(procedure)
        main_ids = {c.field_id for c in cat.columns("main") if c.field_id}
        for field_id in sorted(main_ids):
            table = PROCEDURE_RULES.get((procedure, field_id)) or RULES.get(field_id, [])
            for good, bad, code, others in table:
                rows.append((procedure, field_id, good, bad, code, others))
    return rows


def _key(field_id: str) -> str:
    return f"{field_id}[1]" if field_id.startswith("relative_") else field_id


@pytest.mark.parametrize("procedure,field_id,good,bad,code,others", _cases(),
                         ids=lambda v: v if isinstance(v, str) and len(v) < 30 else "")
def test_template_rule(procedure: str, field_id: str, good: str, bad: str, code: str,
                       others: dict[str, str]) -> None:
    f = catalogue(procedure).field(field_id)
    ctx = FieldContext(on=ON, values=others, key=_key(field_id))
    assert [p.code for p in validate_field(f, good, ctx) if p.is_error] == []
    problems = validate_field(f, bad, ctx)
    assert [p.code for p in problems] == [code]
    problem = problems[0]
    assert problem.field == _key(field_id)
    assert problem.message_ja and problem.message_en
    assert "{" not in problem.message_ja + problem.message_en


@pytest.mark.parametrize("procedure", ["renewal", "change", "coe"])
def test_every_main_sheet_field_has_rules(procedure: str) -> None:
    cat = catalogue(procedure)
    main_ids = {c.field_id for c in cat.columns("main") if c.field_id}
    missing = {fid for fid in main_ids
               if fid not in RULES and (procedure, fid) not in PROCEDURE_RULES}
    assert missing == set()


def test_china_is_accepted_with_a_warning_about_its_code() -> None:
    f = catalogue("renewal").field("nationality")
    problems = validate_field(f, "中国 People's Republic of China", FieldContext(on=ON))
    assert [(p.code, p.severity) for p in problems] == [
        ("field_unverified_code", Severity.WARNING)]


def test_required_field_left_empty() -> None:
    f = catalogue("renewal").field("name")
    problems = validate_field(f, "  ", FieldContext(on=ON))
    assert [p.code for p in problems] == ["field_required"]
    assert "氏名" in problems[0].message_ja


def test_ed_number_required_only_without_card() -> None:
    f = catalogue("renewal").field("ed_number_alpha")
    without = FieldContext(on=ON, values={"has_zairyu_card": "無 No"})
    with_card = FieldContext(on=ON, values={"has_zairyu_card": "有 Yes"})
    assert [p.code for p in validate_field(f, "", without)] == ["field_required"]
    assert validate_field(f, "", with_card) == []


def test_offence_details_required_only_when_yes() -> None:
    f = catalogue("change").field("criminal_record_details")
    assert validate_field(f, "", FieldContext(on=ON, values={"criminal_record": "無 No"})) == []
    problems = validate_field(f, "", FieldContext(on=ON, values={"criminal_record": "1"}))
    assert [p.code for p in problems] == ["field_required"]  # the code "1" means 有 Yes


# --------------------------------------------------------------------------- whole cases

def _renewal_values() -> dict[str, str]:
    return {
        "nationality": "ベトナム Viet Nam", "birth_date": "19950412", "name": "NGUYEN VAN AN",
        "sex": "男 male", "has_spouse": "無 No", "occupation": "会社員",
        "home_address": "ハノイ市", "postal_code": "1000013", "address_prefecture": "東京都",
        "address_municipality": "千代田区", "address_street": "霞が関１－１－１",
        "mobile": "09012345678", "email": "an@example.com", "passport_number": "C1234567",
        "passport_expiry": "20300101", "current_status": T26, "period_of_stay": "１年",
        "expiry_date": "20270115", "has_zairyu_card": "有 Yes",
        "zairyu_card_number": "AB12345678CD", "desired_period": "３年",
        "reason": "引き続き同じ会社で勤務するため", "criminal_record": "無 No",
        "has_relatives": "無 No", "receipt_method": "郵送 Mailing",
        "notification_email": "an@example.com", "intent_confirmed": INTENT,
    }


def test_complete_renewal_case_has_no_errors() -> None:
    case = Case(id="c1", procedure="renewal", values=_renewal_values())
    assert [p for p in validate_case(case, ON) if p.is_error] == []


def test_phone_or_mobile_is_needed() -> None:
    values = _renewal_values()
    del values["mobile"]
    problems = validate_case(Case(id="c1", procedure="renewal", values=values), ON)
    assert [(p.field, p.code) for p in problems] == [("phone", "phone_or_mobile")]


def test_relatives_yes_needs_a_complete_entry() -> None:
    values = _renewal_values() | {"has_relatives": "有 Yes"}
    problems = validate_case(Case(id="c1", procedure="renewal", values=values), ON)
    assert [p.code for p in problems] == ["group_required"]
    values |= {"relative_name[2]": "法務　花子"}
    codes = {(p.field, p.code) for p in validate_case(Case(id="c1", procedure="renewal",
                                                            values=values), ON)}
    assert ("relative_relationship[2]", "field_required") in codes
    assert ("relative_name[2]", "field_required") not in codes


def test_seventh_relative_is_rejected() -> None:
    values = _renewal_values() | {"has_relatives": "有 Yes", "relative_name[7]": "法務　花子"}
    problems = validate_case(Case(id="c1", procedure="renewal", values=values), ON)
    assert "group_too_many" in {p.code for p in problems}


def test_renewal_window_not_yet_open() -> None:
    values = _renewal_values() | {"expiry_date": "20270601"}  # opens 2027-03-01
    problems = validate_case(Case(id="c1", procedure="renewal", values=values), ON)
    window = [p for p in problems if p.code == "outside_application_window"]
    assert window and window[0].field == "expiry_date" and window[0].is_error


def test_expiry_day_itself_is_too_late_for_online_filing() -> None:
    values = _renewal_values() | {"expiry_date": "20261126"}
    problems = validate_case(Case(id="c1", procedure="renewal", values=values), ON)
    assert "outside_application_window" in {p.code for p in problems}


def test_mail_receipt_refused_with_simultaneous_reentry() -> None:
    values = _renewal_values() | {"simultaneous_reentry": "再入国許可申請 Re-entry permit"}
    problems = validate_case(Case(id="c1", procedure="renewal", values=values), ON)
    codes = {(p.field, p.code) for p in problems}
    assert ("receipt_method", "receipt_method_not_allowed") in codes
    # the re-entry block is now part of the application
    assert ("reentry_permit_type", "field_required") in codes


def test_simultaneous_flag_saying_no_adds_no_block_and_keeps_mail() -> None:
    values = _renewal_values() | {"simultaneous_reentry": "無 No"}
    problems = validate_case(Case(id="c1", procedure="renewal", values=values), ON)
    codes = {(p.field, p.code) for p in problems}
    assert ("reentry_permit_type", "field_required") not in codes
    assert ("receipt_method", "receipt_method_not_allowed") not in codes


def test_unknown_value_key_is_reported_not_raised() -> None:
    values = _renewal_values() | {"favourite_colour": "blue"}
    problems = validate_case(Case(id="c1", procedure="renewal", values=values), ON)
    assert [(p.code, p.severity) for p in problems] == [("unknown_field", Severity.WARNING)]


def test_unknown_procedure_is_a_problem() -> None:
    problems = validate_case(Case(id="c1", procedure="visa", values={}), ON)
    assert [p.code for p in problems] == ["unknown_procedure"]


def test_date_order_on_past_entries() -> None:
    f_values = {"past_entries": "有 Yes", "last_entry_from": "20250301",
                "last_entry_to": "20250201"}
    problems = validate_case(Case(id="c1", procedure="coe", values=f_values), ON)
    assert ("last_entry_to", "date_order") in {(p.field, p.code) for p in problems}


@pytest.mark.parametrize("procedure", ["renewal", "coe"])  # change.csv has no example row
def test_template_examples_are_accepted(procedure: str) -> None:
    """ISA's own example values (row 3 of the templates) pass, once normalised; the generator
    turned Excel's ``1.23457E+12`` back into the digits it stood for."""
    from assistant.model.normalize import normalize_value

    cat = catalogue(procedure)
    checked = 0
    for f in cat.fields:
        if not f.example:
            continue
        value = normalize_value(f, f.example)
        ctx = FieldContext(on=ON, key=f.id)
        assert [p.code for p in validate_field(f, value, ctx) if p.is_error] == [], (f.id, value)
        checked += 1
    assert checked > 40


def test_hand_typed_choice_gets_the_workbook_label_suggested() -> None:
    f = catalogue("renewal").field("nationality")
    problems = validate_field(f, "中国", FieldContext(on=ON))
    assert [p.code for p in problems] == ["field_use_list_label"]
    assert "中国 People's Republic of China" in problems[0].message_ja


def test_acquisition_window_counts_from_the_event_date() -> None:
    values = {"acquisition_event_date": "20261001"}  # birth on 2026-10-01: 30 days passed
    problems = validate_case(Case(id="a1", procedure="acquisition", values=values), ON)
    window = [p for p in problems if p.code == "outside_application_window"]
    assert window and window[0].field == "acquisition_event_date"
    values = {"acquisition_event_date": "20261101"}
    problems = validate_case(Case(id="a1", procedure="acquisition", values=values), ON)
    assert "outside_application_window" not in {p.code for p in problems}


def test_extra_activity_block_applies_only_when_chosen() -> None:
    base = _renewal_values() | {"receipt_method": "窓口 Regional office counter",
                                "receipt_residence_prefecture": "東京都",
                                "receipt_office": "東京出入国在留管理局 Tokyo Regional Immigration "
                                                  "Services Bureau"}
    assert [p for p in validate_case(Case(id="c1", procedure="renewal", values=base), ON)
            if p.is_error] == []
    chosen = base | {"simultaneous_extra_activity": "資格外活動許可申請 Permit to engage in "
                     "activity other than that permitted by the status of residence previous"}
    fields = {p.field for p in validate_case(Case(id="c1", procedure="renewal", values=chosen),
                                              ON) if p.code == "field_required"}
    assert {"extra_current_activity", "extra_job_decided"} <= fields
    decided = chosen | {"extra_job_decided": "有 Yes"}
    fields = {p.field for p in validate_case(Case(id="c1", procedure="renewal", values=decided),
                                              ON) if p.code == "field_required"}
    assert "extra_job" in fields


def test_case_receipt_method_is_the_step3_value() -> None:
    from assistant.model.case import ReceiptMethod

    values = _renewal_values()
    del values["receipt_method"]
    case = Case(id="c1", procedure="renewal", values=values)
    assert case.receipt_method is None
    assert ("receipt_method", "field_required") in {(p.field, p.code)
                                                   for p in validate_case(case, ON)}
    case.receipt_method = ReceiptMethod.MAIL
    assert case.values["receipt_method"] == "郵送 Mailing"
    assert [p for p in validate_case(case, ON) if p.is_error] == []
    case.values["receipt_method"] = "窓口 Regional office counter"
    assert case.receipt_method is ReceiptMethod.COUNTER


_ALL_FIELDS = [(p, f.id) for p in ("renewal", "change", "coe", "acquisition", "work-cert")
               for f in catalogue(p).fields]


@settings(deadline=None, max_examples=300)  # a loaded machine must not turn slowness into failures
@given(st.sampled_from(_ALL_FIELDS), st.text(max_size=120))
def test_any_input_gives_problems_never_an_exception(pf: tuple[str, str], raw: str) -> None:
    """Whatever is typed into whichever field: normalised and checked, never raised."""
    from assistant.model.normalize import normalize_value

    procedure, field_id = pf
    f = catalogue(procedure).field(field_id)
    value = normalize_value(f, raw)
    key = f"{field_id}[1]" if f.group else field_id
    problems = validate_field(f, value, FieldContext(on=ON, key=key))
    for p in problems:
        assert p.field == key and p.message_ja and p.message_en


@pytest.mark.parametrize(("profile", "allowed"), [("system-2026", True), ("guide-2024", False)])
def test_coe_received_by_email_only_under_the_2026_rules(profile, allowed) -> None:
    case = Case(id="c1", procedure="coe", values={"receipt_method": "メール Email"})
    from assistant.model.case import ReceiptMethod

    assert case.receipt_method is ReceiptMethod.EMAIL
    problems = validate_case(case, ON, profile=profile)
    codes = {(p.field, p.code) for p in problems}
    assert (("receipt_method", "receipt_method_not_allowed") not in codes) is allowed
    assert ("receipt_method", "field_not_in_list") not in codes
    # the message names the method chosen, not another one (「窓口での受領」 was named)
    for p in problems:
        if p.code == "receipt_method_not_allowed":
            assert "メールによる受領" in p.message_ja and "窓口" not in p.message_ja
