"""The 取次者 block of a case, filled from the current staff member's profile."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from assistant.model.agent_block import AGENT_COLUMNS, agent_values, fill_agent_block
from assistant.model.case import Case
from assistant.model.office import StaffCategory, StaffProfile

TEMPLATES = Path("/work/shared/isa/templates")


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


def by_header(header: str) -> str:
    return header  # until the catalogue's ids are used, the header stands for the field id


def test_fill_empty_case_block():
    case = Case(id="c1", procedure="renewal")
    result = fill_agent_block(case, profile(), field_id_for_header=by_header)
    assert case.values["取次者_取次者_(2)住所(都道府県)"] == "東京都"
    assert len(result.filled) == 7 and not result.kept


def test_typed_values_are_kept_unless_overwrite():
    name = "取次者_取次者(オンラインシステム利用者)_(1)氏名"
    case = Case(id="c1", procedure="renewal", values={name: "入管　花子"})
    result = fill_agent_block(case, profile(), field_id_for_header=by_header)
    assert case.values[name] == "入管　花子"
    assert result.kept == {name: ("入管　花子", "法務　太郎")}
    fill_agent_block(case, profile(), overwrite=True, field_id_for_header=by_header)
    assert case.values[name] == "法務　太郎"


def test_empty_profile_items_do_not_erase_case_values():
    phone = "取次者_取次者_(3)電話番号"
    case = Case(id="c1", procedure="renewal", values={phone: "0312345678"})
    p = profile()
    p.phone = ""
    fill_agent_block(case, p, overwrite=True, field_id_for_header=by_header)
    assert case.values[phone] == "0312345678"


def test_headers_without_field_id_are_reported():
    case = Case(id="c1", procedure="renewal")
    result = fill_agent_block(case, profile(), field_id_for_header=lambda h: None)
    assert result.unmapped == list(AGENT_COLUMNS) and case.values == {}
