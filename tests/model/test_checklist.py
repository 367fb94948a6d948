"""Result checklists: the lines a member of staff needs for each procedure and receipt method."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.model.case import Case, ReceiptMethod
from assistant.model.exports.checklist import build_batch_checklist, build_checklist
from assistant.model.exports.document import LineKind

ON = date(2026, 11, 26)
# Online fees of docs/domain.md#fees as the rules module reports them; injected here so that these
# tests are about which lines appear, not about the fee table (tested with the rules).
FEES = {"change": 5500, "renewal": 5500, "work-cert": 1600, "coe": 0, "acquisition": 0}


def fee(procedure: str, on: date, variant: str | None) -> int | None:
    return FEES.get(procedure)


def any_method(case: Case) -> None:
    return None


def make_case(procedure: str = "renewal", status: str = "T26", number: str = "東オンEN25001878",
              **values: str) -> Case:
    return Case(id="c1", procedure=procedure, application_number=number,
                values={"name": "NGUYEN VAN AN", "current_status": status, **values})


def ids(doc) -> list[str]:
    return [line.id for section in doc.sections for line in section.lines]


def checklist(case: Case, method: ReceiptMethod, **kw):
    return build_checklist(case, method, on=ON, fee_lookup=fee, methods_lookup=any_method, **kw)


MAIL_ITEMS = {
    "coe": ["envelope_certificate_coe"],
    "acquisition": ["envelope_card"],
    "change": ["envelope_card", "fee_slip", "current_card"],
    "renewal": ["envelope_card", "fee_slip", "current_card"],
    "work-cert": ["envelope_certificate_work", "fee_slip", "card_copy_work"],
}


@pytest.mark.parametrize("procedure", sorted(MAIL_ITEMS))
def test_mail_checklist_lists_what_to_enclose_for_each_procedure(procedure):
    doc = checklist(make_case(procedure), ReceiptMethod.MAIL)
    enclose = next(s for s in doc.sections if s.heading == "同封するもの")
    assert [line.id for line in enclose.lines] == MAIL_ITEMS[procedure]
    assert all(line.kind is LineKind.CHECK for line in enclose.lines)
    assert {"envelope_stamps", "envelope_address", "mailing_address"} <= set(ids(doc))


@pytest.mark.parametrize("status,expected", [("T26", False), ("T51", True), ("T71", True),
                                             ("T72", True), ("T81", True), ("T90", True),
                                             ("特定活動 Designated Activities", True),
                                             ("技術・人文知識・国際業務 Engineer", False)])
def test_designation_only_for_highly_skilled_specified_skilled_and_designated(status, expected):
    for method in (ReceiptMethod.MAIL, ReceiptMethod.COUNTER):   # a card: mail or counter
        doc = checklist(make_case("change", status=status), method)
        assert ("designation" in ids(doc)) is expected, (status, method)


def test_fee_slip_lines_carry_number_name_and_stamps():
    doc = checklist(make_case("renewal"), ReceiptMethod.MAIL)
    slip = next(s for s in doc.sections if s.heading == "手数料納付書の記入")
    values = {line.id: line.value for line in slip.lines}
    assert values == {"fee_slip_number": "東オンEN25001878", "fee_slip_name": "NGUYEN VAN AN",
                      "fee_slip_stamps": "5,500円"}


def test_missing_application_number_leaves_a_blank_to_fill_in():
    doc = checklist(make_case("renewal", number=""), ReceiptMethod.MAIL)
    slip = next(s for s in doc.sections if s.heading == "手数料納付書の記入")
    assert slip.lines[0].value.startswith("＿")


def test_coe_envelope_back_has_application_number_and_persons():
    doc = checklist(make_case("coe"), ReceiptMethod.MAIL)
    back = next(line for s in doc.sections for line in s.lines if line.id == "envelope_coe_back")
    assert "東オンEN25001878" in back.text and "1名" in back.text
    assert "fee_slip" not in ids(doc)  # no fee for a certificate of eligibility


def test_batch_of_coe_cases_counts_persons_and_lists_every_number():
    cases = [make_case("coe", number=f"東オンEN2500000{i}") for i in range(3)]
    doc = build_batch_checklist(cases, ReceiptMethod.MAIL, on=ON, fee_lookup=fee,
                                methods_lookup=any_method)
    backs = [line.text for s in doc.sections for line in s.lines if line.id == "envelope_coe_back"]
    assert len(backs) == 3
    for i in range(3):
        assert f"東オンEN2500000{i}" in backs[0]
    assert "3名" in backs[0]
    assert ids(doc).count("mailing_address") == 1  # one label for the one outer envelope
    assert [s.page_break_before for s in doc.sections if s.heading == "申請人"] == [True] * 3


def test_counter_checklist_lists_what_to_bring():
    doc = checklist(make_case("renewal", status="T71"), ReceiptMethod.COUNTER)
    bring = next(s for s in doc.sections if s.heading == "持参するもの")
    assert [line.id for line in bring.lines] == [
        "passport", "card", "designation", "fee_slip", "review_complete_email", "agent_certificate"]
    assert "mailing_address" not in ids(doc) and "envelope_stamps" not in ids(doc)
    assert "note_colour_copy" not in ids(doc)  # the applicant keeps the card


def test_counter_without_card_does_not_ask_for_it():
    doc = checklist(make_case("acquisition", has_zairyu_card="無 No"), ReceiptMethod.COUNTER)
    assert "card" not in ids(doc)
    assert "fee_slip" not in ids(doc)


def test_mail_notes_for_the_applicant_when_the_office_holds_the_card():
    doc = checklist(make_case("renewal"), ReceiptMethod.MAIL)
    assert {"note_colour_copy", "note_reentry", "note_keep_email"} <= set(ids(doc))
    doc = checklist(make_case("work-cert"), ReceiptMethod.MAIL)
    assert "note_colour_copy" not in ids(doc)  # only a copy of the card is sent


def test_office_address_goes_on_the_return_envelope():
    doc = checklist(make_case("renewal"), ReceiptMethod.MAIL, office_address="東京都千代田区霞が関1-1-1")
    line = next(line for s in doc.sections for line in s.lines if line.id == "envelope_address")
    assert "東京都千代田区霞が関1-1-1" in line.text


def test_method_not_allowed_is_flagged_on_the_checklist():
    doc = build_checklist(make_case("coe"), ReceiptMethod.COUNTER, on=ON, fee_lookup=fee,
                          methods_lookup=lambda case: [ReceiptMethod.MAIL])
    assert "method_not_allowed" in ids(doc)


def test_every_item_names_its_source():
    for procedure in MAIL_ITEMS:
        for method in ReceiptMethod:
            doc = checklist(make_case(procedure), method)
            for line in (line for s in doc.sections for line in s.lines):
                if line.kind in (LineKind.CHECK, LineKind.LABEL) and line.id != "batch_case":
                    assert line.source, line


def test_english_checklist():
    doc = checklist(make_case("renewal"), ReceiptMethod.MAIL, language="en")
    assert doc.title == "Result checklist (by mail)"
    assert "Passport" not in doc.plain_text()
    assert "Envelope for sending the residence card (stamped, addressed)" in doc.plain_text()


# --- with the real rules (fees and receipt methods from resources/rules) --------------------

def test_real_fee_table_fills_the_stamps_line():
    doc = build_checklist(make_case("renewal"), ReceiptMethod.MAIL, on=ON)
    slip = next(s for s in doc.sections if s.heading == "手数料納付書の記入")
    assert slip.lines[-1].value == "5,500円"
    assert "method_not_allowed" not in ids(doc)


def test_simultaneous_reentry_means_counter_and_adds_the_reentry_fee():
    case = make_case("renewal", simultaneous_reentry="再入国許可申請 Re-entry permit",
                     reentry_permit_type="数次の再入国許可 Multiple")
    mail = build_checklist(case, ReceiptMethod.MAIL, on=ON)
    assert "method_not_allowed" in ids(mail)  # re-entry filed together: counter only
    counter = build_checklist(case, ReceiptMethod.COUNTER, on=ON)
    assert "method_not_allowed" not in ids(counter)
    fee = next(s for s in counter.sections if s.heading == "手数料と収入印紙")
    values = {line.id: line.value for line in fee.lines if line.kind is LineKind.FIELD}
    assert values == {"fee_renewal": "5,500円", "fee_reentry": "6,500円"}
    assert any(line.text.endswith("12,000円") for line in fee.lines)
    slip = next(s for s in counter.sections if s.heading == "手数料納付書の記入")
    assert slip.lines[-1].value == "12,000円（内訳: 在留期間更新許可申請 5,500円、再入国許可申請 6,500円）"


def test_coe_cannot_be_received_at_the_counter():
    doc = build_checklist(make_case("coe"), ReceiptMethod.COUNTER, on=ON)
    assert "method_not_allowed" in ids(doc)


def test_return_address_from_the_office_profile():
    from assistant.model.exports.checklist import return_address

    assert return_address("1000013", "東京都千代田区霞が関1-1-1", "山田行政書士事務所") == \
        "〒100-0013 東京都千代田区霞が関1-1-1 山田行政書士事務所"
    assert return_address("", "東京都千代田区霞が関1-1-1", "") == "東京都千代田区霞が関1-1-1"


def test_newborn_without_a_card_yet_may_still_receive_it_by_mail():
    # No card *now* is not the rules' "no card is issued": the newborn will be sent one.
    case = make_case("acquisition", has_zairyu_card="無 No", desired_period="３年")
    doc = build_checklist(case, ReceiptMethod.MAIL, on=ON)
    assert "method_not_allowed" not in ids(doc)


@pytest.mark.parametrize(("period", "mail_allowed"), [
    ("３月", False), ("９０日", False), ("１年", True), ("４月", True), ("", True)])
def test_short_desired_period_rules_out_mail(period, mail_allowed):
    from assistant.model.exports.checklist import desired_period_months

    case = make_case("renewal", desired_period=period)
    doc = build_checklist(case, ReceiptMethod.MAIL, on=ON)
    assert ("method_not_allowed" not in ids(doc)) is mail_allowed
    assert desired_period_months(make_case("renewal", desired_period="１年６月")) == 18


@pytest.mark.parametrize("flag", ["無 No", "無"])
def test_simultaneous_flag_saying_no_is_not_a_simultaneous_application(flag):
    from assistant.model.exports.checklist import simultaneous_procedures

    case = make_case("renewal", simultaneous_reentry=flag)
    assert simultaneous_procedures(case) == []
    assert "method_not_allowed" not in ids(build_checklist(case, ReceiptMethod.MAIL, on=ON))


def test_email_checklist_for_a_coe_tells_the_office_to_forward_the_certificate():
    doc = build_checklist(make_case("coe"), ReceiptMethod.EMAIL, on=ON, profile="system-2026")
    assert "forward_certificate" in ids(doc)
    assert "method_not_allowed" not in ids(doc)
    assert "envelope_certificate_coe" not in ids(doc) and "mailing_address" not in ids(doc)
    text = doc.plain_text()
    assert "事務所が行うこと" in text and "メールでの受領" in text
    english = build_checklist(make_case("coe"), ReceiptMethod.EMAIL, on=ON, language="en",
                              profile="system-2026").plain_text()
    assert "Forward the e-mailed certificate of eligibility" in english


def test_email_for_a_coe_is_flagged_under_the_guide_rules():
    doc = build_checklist(make_case("coe"), ReceiptMethod.EMAIL, on=ON, profile="guide-2024")
    assert "method_not_allowed" in ids(doc)


def test_email_is_not_a_way_to_receive_a_residence_card():
    doc = build_checklist(make_case("renewal"), ReceiptMethod.EMAIL, on=ON)
    assert "method_not_allowed" in ids(doc)


def test_the_prepared_date_reads_as_the_office_reads_it():
    doc = checklist(make_case(), ReceiptMethod.MAIL)
    assert doc.subtitle == "作成日 2026年11月26日（令和8年）"
    english = checklist(make_case(), ReceiptMethod.MAIL, language="en")
    assert "2026-11-26" in english.subtitle
