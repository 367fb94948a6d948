"""Pull-downs that depend on another field: a choice outside the parent's subset is refused
with a message that names the right list (作業, 業務区分, 活動内容 …), not 市区町村."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.model.case import Case
from assistant.model.fields import catalogue
from assistant.model.problems import Problem
from assistant.model.validation import FieldContext, validate_case, validate_field

ON = date(2026, 11, 26)
FARMING = "耕種農業 Cultivation agriculture"
FISHING = "漁船漁業 Fishing boat fisheries"
GREENHOUSE = "施設園芸 Facility horticulture"     # a 作業 of 耕種農業
LONG_LINE = "延縄漁業 Long-line fishery"           # a 作業 of 漁船漁業


def _check(procedure: str, key: str, value: str, values: dict[str, str]) -> list[Problem]:
    field_id = key.split("[", 1)[0]
    f = catalogue(procedure).field(field_id)
    return validate_field(f, value, FieldContext(on=ON, values=values, key=key))


@pytest.mark.parametrize("procedure", ["renewal", "change"])
def test_an_operation_of_another_occupation_is_refused_with_the_list_name(procedure):
    values = {"ti_occupation[1]": FARMING}
    assert _check(procedure, "ti_work[1]", GREENHOUSE, values) == []
    problems = _check(procedure, "ti_work[1]", LONG_LINE, values)
    assert [p.code for p in problems] == ["choice_not_for_parent"]
    assert problems[0].field == "ti_work[1]"
    assert problems[0].message("ja") == (
        f"「{LONG_LINE}」は「{FARMING}」のときに選べる技能実習の作業ではありません。")
    assert problems[0].message("en") == (
        f"\"{LONG_LINE}\" is not one of the choices for Technical intern training: operation "
        f"when \"{FARMING}\" is selected.")
    assert "市区町村" not in problems[0].message("ja")
    assert "municipality" not in problems[0].message("en")


def test_each_technical_intern_entry_is_checked_against_its_own_occupation():
    values = {"ti_occupation[1]": FARMING, "ti_occupation[2]": FISHING}
    assert _check("renewal", "ti_work[2]", LONG_LINE, values) == []
    assert [p.code for p in _check("renewal", "ti_work[2]", GREENHOUSE, values)] == [
        "choice_not_for_parent"]
    # without a 職種 every 作業 of the list is accepted
    assert _check("renewal", "ti_work[1]", LONG_LINE, {}) == []


def test_the_whole_case_reports_the_mismatched_operation():
    case = Case(id="t", procedure="renewal", values={   # a 区分V question: 特定技能
        "current_status": "特定技能１号 Specified Skilled Worker ( i )",
        "ti_occupation[1]": FARMING, "ti_work[1]": LONG_LINE})
    found = [p for p in validate_case(case, ON) if p.field == "ti_work[1]"]
    assert [p.code for p in found] == ["choice_not_for_parent"]


def test_a_work_category_of_another_field_no_longer_speaks_of_municipalities():
    values = {"job_field[1]": "介護分野 Long-term care"}
    wrong = "ビルクリーニング（ビルクリーニング分野） Building cleaning management（Building " \
            "cleaning management）"
    problems = _check("renewal", "job_category[1]", wrong, values)
    assert [p.code for p in problems] == ["choice_not_for_parent"]
    ja, en = problems[0].message("ja"), problems[0].message("en")
    assert "市区町村" not in ja and "municipality" not in en
    assert "業務区分" in ja and "介護分野 Long-term care" in ja
    assert "Work category" in en
    right = "介護（介護分野） Long-term care（Long-term care）"
    assert _check("renewal", "job_category[1]", right, values) == []


def test_municipality_and_period_keep_their_own_wording():
    city = _check("renewal", "address_municipality", "札幌市中央区", {"address_prefecture": "東京都"})
    assert [p.code for p in city] == ["municipality_not_in_prefecture"]
    assert city[0].message("ja") == "「札幌市中央区」は「東京都」の市区町村ではありません。"
    t26 = "技術・人文知識・国際業務 Engineer/Specialist in Humanities/International Services"
    period = _check("renewal", "period_of_stay", "６月", {"current_status": t26})
    assert [p.code for p in period] == ["period_not_for_status"]
    assert "在留期間「６月」" in period[0].message("ja")


def test_the_coe_activity_and_occupations_follow_the_purpose_of_entry():
    medical = {"desired_status": "医療 Medical Services"}
    assert _check("coe", "activity", "准看護師 Assistant nurse", medical) == []
    problems = _check("coe", "activity", "家事使用人 Housekeeper", medical)
    assert [p.code for p in problems] == ["choice_not_for_parent"]
    assert problems[0].message("ja") == (
        "「家事使用人 Housekeeper」は「医療 Medical Services」のときに選べる活動内容ではありません。")
    legal = {"desired_status": "法律・会計業務 Legal/Accounting Services"}
    assert _check("coe", "main_occupation", "弁護士 Lawyer", legal) == []
    assert [p.code for p in _check("coe", "main_occupation", "医師 Doctor", legal)] == [
        "choice_not_for_parent"]
    # 他職種 entries are in a repeat group; the purpose of entry is outside it
    assert [p.code for p in _check("coe", "other_occupation[2]", "医師 Doctor", legal)] == [
        "choice_not_for_parent"]
    # a purpose without a sub-list in the data: every activity stays possible
    skilled = {"desired_status": "技能 Skilled Labor"}
    assert _check("coe", "activity", "家事使用人 Housekeeper", skilled) == []
