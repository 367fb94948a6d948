"""The 取次者 block of a case, filled from the current staff member's profile."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from assistant.model.agent_block import (
    AGENT_COLUMNS,
    agent_targets,
    agent_values,
    fill_agent_block,
    new_case_values,
)
from assistant.model.case import Case
from assistant.model.office import StaffCategory, StaffProfile

TEMPLATES = Path(__file__).resolve().parents[1] / "fixtures" / "isa_templates"


def profile() -> StaffProfile:
    return StaffProfile(
        id="s1", name="法務　太郎", office_name="法務行政書士事務所", postal_code="100-8977",
        prefecture="東京都", municipality="千代田区", street="霞が関１－１－１",
        phone="03-1234-5678", email="taro@example.jp", category=StaffCategory.GYOSEISHOSHI,
        certificate_number="123456789012", certificate_expiry=date(2028, 3, 31))


@pytest.mark.parametrize("procedure", ["renewal", "change", "coe"])
def test_mapping_covers_exactly_the_templates_agent_columns(procedure):
    path = TEMPLATES / procedure / "category_v.csv"
    if not path.exists():
        pytest.skip(f"ISA reference templates not present at {path}")
    with open(path, encoding="utf-8-sig", newline="") as handle:
        headers = next(csv.reader(handle))
    assert [h for h in headers if h.startswith("取次者_")] == list(AGENT_COLUMNS)


def test_agent_values_are_normalised_for_the_template():
    values = agent_values(profile())
    assert values["取次者_取次者(オンラインシステム利用者)_(1)氏名"] == "法務　太郎"
    assert values["取次者_取次者_(2)郵便番号"] == "1008977"
    assert values["取次者_取次者_(3)電話番号"] == "0312345678"
    assert values["取次者_取次者_(3)所属機関等"] == "法務行政書士事務所"


def test_fill_empty_renewal_case_through_the_catalogue_ids():
    case = Case(id="c1", procedure="renewal")
    result = fill_agent_block(case, profile())
    assert case.values == {
        "agent_name": "法務　太郎", "agent_postal_code": "1008977", "agent_prefecture": "東京都",
        "agent_municipality": "千代田区", "agent_street": "霞が関１－１－１",
        "agent_organization": "法務行政書士事務所", "agent_phone": "0312345678"}
    assert result.changed and not result.kept


def test_every_catalogue_agent_column_is_mapped():
    from assistant.model.fields import catalogue

    cat = catalogue("renewal")
    agent_ids = {c.field_id for sheet in cat.sheets for c in cat.columns(sheet)
                 if "取次者_取次者" in c.header}
    everything = Case(id="c", procedure="renewal", values={
        "simultaneous_reentry": "有 Yes", "simultaneous_extra_activity": "有 Yes",
        "simultaneous_work_cert": "有 Yes"})
    assert set(agent_targets(everything)) == agent_ids


def test_simultaneous_application_blocks_filled_only_when_applied_for():
    plain = Case(id="c1", procedure="renewal")
    fill_agent_block(plain, profile())
    assert "reentry_agent_name" not in plain.values
    with_reentry = Case(id="c2", procedure="renewal", values={"simultaneous_reentry": "有 Yes"})
    fill_agent_block(with_reentry, profile())
    assert with_reentry.values["reentry_agent_name"] == "法務　太郎"
    assert "extra_agent_name" not in with_reentry.values


@pytest.mark.parametrize("flag", ["無 No", "無", "No"])
def test_simultaneous_flag_saying_no_leaves_the_block_empty(flag):
    case = Case(id="c3", procedure="renewal",
                values={"simultaneous_reentry": flag, "simultaneous_extra_activity": flag})
    fill_agent_block(case, profile())
    assert "reentry_agent_name" not in case.values
    assert "extra_agent_name" not in case.values


def test_simultaneous_flag_from_the_templates_pull_down_fills_the_block():
    case = Case(id="c4", procedure="change",
                values={"simultaneous_reentry": "再入国許可申請 Re-entry permit"})
    fill_agent_block(case, profile())
    assert case.values["reentry_agent_name"] == "法務　太郎"


def test_work_certificate_procedure_has_its_own_block():
    case = Case(id="c1", procedure="work-cert")
    fill_agent_block(case, profile())
    assert case.values["work_cert_agent_phone"] == "0312345678"


def test_typed_values_are_kept_unless_overwrite():
    case = Case(id="c1", procedure="renewal", values={"agent_name": "入管　花子"})
    result = fill_agent_block(case, profile())
    assert case.values["agent_name"] == "入管　花子"
    assert result.kept == {"agent_name": ("入管　花子", "法務　太郎")}
    assert case.values["agent_phone"] == "0312345678"  # the empty items were filled
    fill_agent_block(case, profile(), overwrite=True)
    assert case.values["agent_name"] == "法務　太郎"


def test_empty_profile_items_do_not_erase_case_values():
    case = Case(id="c1", procedure="renewal", values={"agent_phone": "0312345678"})
    p = profile()
    p.phone = ""
    fill_agent_block(case, p, overwrite=True)
    assert case.values["agent_phone"] == "0312345678"


def test_unknown_procedure_fills_nothing():
    case = Case(id="c1", procedure="no-such-procedure")
    assert not fill_agent_block(case, profile()).changed and case.values == {}


def test_profile_agent_fields_and_template_headers_agree():
    from assistant.model.fields import catalogue
    from assistant.model.office import AGENT_FIELDS

    cat = catalogue("renewal")
    assert set(AGENT_COLUMNS.values()) == set(AGENT_FIELDS)
    for header, attr in AGENT_COLUMNS.items():
        assert cat.field(AGENT_FIELDS[attr]).header == header


def test_new_case_values_start_with_the_agent_block():
    assert new_case_values("coe", None) == {}
    values = new_case_values("coe", profile())
    assert values["agent_name"] == "法務　太郎" and values["agent_postal_code"] == "1008977"
    assert not any(key.startswith("reentry_") for key in values)
