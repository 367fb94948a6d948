"""Receipt methods (docs/domain.md#receipt-methods, guide 5(1)カ): the table and every exclusion."""

from __future__ import annotations

import pytest

from assistant.model import rules
from assistant.model.rules import receipt_methods


def codes(result: rules.ReceiptResult) -> list[str]:
    return [r.code for r in result.reasons]


def test_coe_is_mail_only_in_the_guide_profile():
    result = receipt_methods("coe")
    assert result.methods == ["mail"]
    assert codes(result) == ["rules_receipt_not_offered"]
    assert "窓口での受領" in result.reasons[0].message_ja


def test_coe_also_by_email_in_the_2026_profile():
    result = receipt_methods("coe", profile="system-2026")
    assert result.methods == ["mail", "email"]
    assert "窓口での受領" in result.reasons[0].message_ja


@pytest.mark.parametrize("procedure", ["change", "renewal", "acquisition", "work-cert"])
@pytest.mark.parametrize("profile", ["guide-2024", "system-2026"])
def test_mail_or_counter(procedure, profile):
    result = receipt_methods(procedure, profile=profile)
    assert result.methods == ["mail", "counter"]
    if profile == "guide-2024":
        assert result.reasons == []
    else:  # e-mail exists in this profile (for coe) but not for these procedures
        assert [r.code for r in result.reasons] == ["rules_receipt_not_offered"]
        assert "メール" in result.reasons[0].message_ja


@pytest.mark.parametrize("procedure", ["change", "renewal", "acquisition"])
@pytest.mark.parametrize("extra", ["reentry", "extra-activity"])
def test_simultaneous_application_means_counter_only(procedure, extra):
    result = receipt_methods(procedure, with_=[extra])
    assert result.methods == ["counter"]
    assert codes(result) == ["rules_receipt_no_mail_simultaneous"]
    name = rules.get_procedure(extra).name_ja
    assert name in result.reasons[0].message_ja


def test_both_simultaneous_applications_are_named_once():
    result = receipt_methods("renewal", with_=["reentry", "extra-activity", "reentry"])
    assert result.methods == ["counter"]
    assert "再入国許可申請・資格外活動許可申請" in result.reasons[0].message_ja


@pytest.mark.parametrize("procedure", ["change", "renewal", "acquisition"])
def test_no_card_means_counter_only(procedure):
    result = receipt_methods(procedure, no_card=True)
    assert result.methods == ["counter"]
    assert codes(result) == ["rules_receipt_no_mail_no_card"]


@pytest.mark.parametrize(("months", "methods"), [
    (1, ["counter"]), (3, ["counter"]), (4, ["mail", "counter"]), (12, ["mail", "counter"]),
])
def test_granted_period_of_three_months_or_less_means_counter_only(months, methods):
    result = receipt_methods("renewal", granted_period_months=months)
    assert result.methods == methods
    if months <= 3:
        assert codes(result) == ["rules_receipt_no_mail_short_period"]
        assert f"{months}か月" in result.reasons[0].message_ja


def test_new_kanji_name_means_counter_only():
    result = receipt_methods("change", new_kanji_name=True)
    assert result.methods == ["counter"]
    assert codes(result) == ["rules_receipt_no_mail_new_kanji"]


def test_new_kanji_name_keeps_mail_when_card_already_shows_kanji():
    result = receipt_methods("change", new_kanji_name=True, card_has_kanji=True)
    assert result.methods == ["mail", "counter"]
    assert codes(result) == ["rules_receipt_kanji_already_on_card"]


def test_card_has_kanji_alone_changes_nothing():
    assert receipt_methods("change", card_has_kanji=True).methods == ["mail", "counter"]


def test_every_exclusion_is_explained():
    result = receipt_methods("renewal", with_=["reentry"], no_card=True,
                             granted_period_months=2, new_kanji_name=True)
    assert result.methods == ["counter"]
    assert codes(result) == ["rules_receipt_no_mail_simultaneous",
                             "rules_receipt_no_mail_no_card",
                             "rules_receipt_no_mail_short_period",
                             "rules_receipt_no_mail_new_kanji"]


@pytest.mark.parametrize("main", ["coe", "work-cert"])
@pytest.mark.parametrize("extra", ["reentry", "extra-activity"])
def test_reentry_with_coe_or_work_cert_is_refused(main, extra):
    with pytest.raises(rules.InvalidCombinationError) as info:
        receipt_methods(main, with_=[extra])
    assert "同時には申請できません" in info.value.message_ja


def test_only_simultaneous_procedures_go_in_with():
    with pytest.raises(rules.InvalidCombinationError):
        receipt_methods("renewal", with_=["change"])


def test_receipt_of_a_simultaneous_procedure_alone_is_refused():
    with pytest.raises(rules.InvalidCombinationError):
        receipt_methods("reentry")


@pytest.mark.parametrize("months", [0, -3])
def test_impossible_granted_period_is_refused(months):
    with pytest.raises(rules.RulesError):
        receipt_methods("renewal", granted_period_months=months)


def test_work_cert_result_is_not_a_card_so_card_conditions_do_not_apply():
    # The seed's exclusions concern the residence card (例2, 例3); a work certificate is mailed.
    result = receipt_methods("work-cert", no_card=True, new_kanji_name=True)
    assert result.methods == ["mail", "counter"]


def test_method_can_be_changed_while_filed_or_under_review():
    assert rules.receipt_change_allowed_states() == ["申請完了", "審査中"]
    assert rules.receipt_method_changeable("申請完了")
    assert rules.receipt_method_changeable("審査中", profile="system-2026")
    assert not rules.receipt_method_changeable("発行待ち")
    assert not rules.receipt_method_changeable("完了")


def test_unknown_profile_is_refused():
    with pytest.raises(rules.UnknownProfileError):
        receipt_methods("renewal", profile="nope")


def test_method_labels():
    assert rules.method_label("mail") == ("郵送による受領", "Receipt by mail")
    assert rules.method_label("counter")[0] == "窓口での受領"
