"""The 区分V pull-downs offer the ISA list the workbook uses, or say that the data lacks it.

Which list belongs to which column is inferred (resources/fields/columns.json,
``code_list_evidence``); these tests pin the result: a choice from the list passes, a value
outside it is reported, and the bulk CSV writes the list's label or code.
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.model.codelists import code_list
from assistant.model.exports.bulk import formatter
from assistant.model.fields import catalogue
from assistant.model.validation import FieldContext, validate_field

ON = date(2026, 11, 26)

# (procedure, field id, code list, a choice of that list, its code or None)
MAPPED = [
    ("renewal", "ti_occupation", "ti_occupation", "耕種農業 Cultivation agriculture", "001"),
    ("change", "ti_occupation", "ti_occupation", "建築大工 Carpentry", "009"),
    ("renewal", "ti_work", "ti_work", "施設園芸 Facility horticulture", "A1"),
    ("change", "ti_work", "ti_work", "育林・素材生産 Silviculture/Production of logs", "F5"),
    ("renewal", "main_occupation", "occupation", "経営 Executive", "K01"),
    ("change", "main_occupation", "occupation", "調理 Cooking", None),
    ("renewal", "other_occupation", "occupation",
     "運搬・清掃・包装等従事者 Transportation, cleaning, packaging worker", None),
    ("change", "other_occupation", "occupation", "介護福祉士 Certified care worker", None),
    ("renewal", "org_main_industry", "industry", "農林業 Agriculture", "O01"),
    ("change", "org_main_industry", "industry", "建設業 Construction", None),
    ("coe", "org_main_industry", "industry", "宿泊業 Accommodation", None),
    ("renewal", "org_other_industry", "industry", "飲食サービス業 Food and beverage service industry",
     None),
    ("coe", "org_other_industry", "industry", "分類不能の産業 Unclassifiable industry", None),
    ("renewal", "dispatch_criterion_1", "yes_no", "有 Yes", None),
    ("change", "dispatch_criterion_2", "yes_no", "無 No", None),
    ("renewal", "dispatch_criterion_3", "yes_no", "有 Yes", None),
    ("renewal", "dispatch_criterion_4", "yes_no", "無 No", None),
    ("change", "support_capable_1", "yes_no", "有 Yes", None),
    ("renewal", "support_capable_2", "yes_no", "無 No", None),
    ("renewal", "support_capable_3", "yes_no", "有 Yes", None),
    ("coe", "job_position", "yes_no", "有 Yes", None),
    ("coe", "activity", "activity", "准看護師 Assistant nurse", None),
    ("coe", "activity", "activity", "家事使用人 Housekeeper", None),
    ("coe", "education_level", "education_place", "外国 Foreign country", None),
    ("coe", "education_type", "education", "大学 Bachelor", None),
    ("coe", "major", "major", "工学 Engineer", None),
    ("coe", "major_2", "major_vocational", "商業実務 Practical commercial business", None),
    ("coe", "competition_type", "competition",
     "世界選手権大会出場 The year when the applicant participated in the world championship", None),
    ("coe", "contract_form", "contract_form", "請負 Service contract", None),
    ("coe", "main_occupation", "occupation_coe", "准看護師 Assistant nurse", "K49"),
    ("coe", "other_occupation", "occupation_coe", "会計事務 Accounting business", "K25"),
    ("coe", "passport_type", "passport_type", "公用 Official", None),
    ("coe", "sponsor_relationship", "relationship_sponsor", "妻 Wife", "02"),
    ("coe", "ys_relationship", "relationship_supporter", "友人・知人 Friend / Acquaintance", None),
]

# The pull-downs whose list the extracted data lacks (columns.json "code_list_missing").
STILL_MISSING = {
    "renewal": {"skill_test_place_1", "skill_test_place_2", "skill_test_place_3",
                "japanese_eval_type", "japanese_test_place_1", "japanese_test_place_2",
                "japanese_test_place_3"},
    "change": {"skill_test_place_1", "skill_test_place_2", "skill_test_place_3",
               "japanese_eval_type", "japanese_test_place_1", "japanese_test_place_2",
               "japanese_test_place_3"},
    "coe": {"childcare_pledge", "local_staff", "efam_relationship"},
}

SSW1 = "特定技能１号 Specified Skilled Worker ( i )"
MEDICAL = "医療 Medical Services"


def _key(procedure: str, field_id: str) -> str:
    """The storage key: group members are stored by index (career_start[1])."""
    f = catalogue(procedure).field(field_id)
    return f"{field_id}[1]" if f.group else field_id


def _problems(procedure: str, field_id: str, value: str) -> list[str]:
    f = catalogue(procedure).field(field_id)
    context = FieldContext(on=ON, values={}, key=_key(procedure, field_id))
    return [p.code for p in validate_field(f, value, context)]


@pytest.mark.parametrize("procedure,field_id,list_id,choice,code", MAPPED)
def test_a_choice_of_the_list_passes_and_anything_else_is_reported(procedure, field_id, list_id,
                                                                   choice, code):
    f = catalogue(procedure).field(field_id)
    assert f.code_list == list_id and f.kind in ("code", "yesno")
    assert not f.code_list_missing
    assert choice in code_list(list_id).labels()
    assert _problems(procedure, field_id, choice) == []
    assert _problems(procedure, field_id, "適当な自由記述") == ["field_not_in_list"]


@pytest.mark.parametrize("procedure,field_id,list_id,choice,code", MAPPED)
def test_the_bulk_csv_writes_the_label_or_the_code(procedure, field_id, list_id, choice, code):
    f = catalogue(procedure).field(field_id)
    assert formatter(f, "labels")(choice) == choice
    entry = code_list(list_id).lookup(choice)
    assert entry is not None
    if code is not None:
        assert entry.code == code
    expected = entry.code if entry.code is not None else choice   # labels-only lists stay labels
    assert formatter(f, "codes")(choice) == expected


@pytest.mark.parametrize("procedure", sorted(STILL_MISSING))
def test_the_remaining_pull_downs_without_a_list_are_exactly_these(procedure):
    """A new unmapped pull-down, or one mapped since, must be looked at (and this list updated)."""
    cat = catalogue(procedure)
    pull_downs_without_list = {f.id for f in cat.fields
                               if "プルダウン" in f.guidance_ja and not f.code_list}
    assert pull_downs_without_list == STILL_MISSING[procedure]
    for field_id in STILL_MISSING[procedure]:
        f = cat.field(field_id)
        assert f.code_list_missing and f.kind == "text"
        assert f.code_list_missing_reason
        # typed by hand as the online system shows it: no list to refuse it
        assert _problems(procedure, field_id, "日本国内 Japan") == []


def test_technical_intern_operations_belong_to_their_occupation():
    works = code_list("ti_work")
    assert works.parent_list == "ti_occupation"
    farming = works.labels("耕種農業 Cultivation agriculture")
    assert "施設園芸 Facility horticulture" in farming
    assert "延縄漁業 Long-line fishery" not in farming
    assert works.labels("003") == works.labels("漁船漁業 Fishing boat fisheries")
    assert "延縄漁業 Long-line fishery" in works.labels("003")


def test_the_occupation_and_industry_lists_have_the_isa_codes():
    occupation = code_list("occupation")
    isa = [e for e in occupation.entries if e.verified]
    assert len(isa) == 90 and occupation.has_codes and all(e.code for e in isa)
    # the online page's 主たる職種 offers four the template lacks: added, code unknown
    assert [(e.label.split(" ")[0], e.code) for e in occupation.unverified] == [
        ("接客（販売店）", None), ("接客（飲食店）", None), ("接客（その他）", None), ("製品製造", None)]
    assert all("online page" in e.note for e in occupation.unverified)
    industry = code_list("industry")
    assert len(industry.entries) == 47 and not industry.unverified
    other = industry.lookup("その他の製造業（他に分類されないもの） Manufacturing (Others)")
    assert other is not None and other.code == "O12"
    # the coe sheet (medical, official, legal/accounting, designated activities) offers its own
    # occupations, with the codes the 特定技能 sheet gives the same occupations
    coe = code_list("occupation_coe")
    assert len(coe.entries) == 45 and not coe.unverified
    assert coe.lookup("経営 Executive") is None
    for entry in coe.entries:
        same = occupation.lookup(entry.label)
        assert same is None or same.code == entry.code


def test_the_coe_activities_are_those_of_the_u_sheet():
    """The coe 区分 sheet asks about 准看護師, 公用 passports, a housekeeper's employer, 日系四世."""
    activities = code_list("activity")
    assert activities.parent_list == "entry_purpose"
    medical = activities.labels("医療 Medical Services")
    assert "准看護師 Assistant nurse" in medical and "家事使用人 Housekeeper" not in medical
    assert "家事使用人 Housekeeper" in activities.labels("特定活動 Designated Activities")
    jobs = code_list("occupation_coe").labels("法律・会計業務 Legal/Accounting Services")
    assert "弁護士 Lawyer" in jobs and "医師 Doctor" not in jobs


@pytest.mark.parametrize("procedure", ["renewal", "change", "coe"])
def test_an_other_industry_needs_its_details(procedure):
    """The 〜_その他 column is required for the choices its guidance names (その他の卸売業 …)."""
    from assistant.model.validation import is_required

    # the status of the 区分 whose sheet holds the column (V; coe: U, e.g. 医療)
    status = {"renewal": {"current_status": SSW1}, "change": {"desired_status": SSW1},
              "coe": {"desired_status": MEDICAL}}
    details = catalogue(procedure).field("org_main_industry_other")
    for choice, needed in (("その他の卸売業 Wholesale (Others)", True),
                           ("分類不能の産業 Unclassifiable industry", True),
                           ("建設業 Construction", False)):
        assert is_required(details, {**status[procedure], "org_main_industry": choice}) \
            is needed, choice
    major = catalogue("coe").field("major_other")
    assert is_required(major, {**status["coe"], "major": "その他自然科学 Others(Natural science)"})
    assert not is_required(major, {**status["coe"], "major": "工学 Engineer"})
