"""The fill payload of a case: the case's values only, keyed by the saved page's controls, in
the page's format; a case with errors gets none."""

from __future__ import annotations

import json
import re
import urllib.parse
from datetime import date
from pathlib import Path

import pytest

from assistant.model import autofill
from assistant.model.case import Case
from assistant.model.fields import catalogue
from tests.autofill_case import coe_case, coe_values

PAGE = Path(__file__).resolve().parents[1] / "data" / "coe_N_offer_form.html"
ON = date(2026, 3, 1)


def page_ids() -> set[str]:
    return set(re.findall(r'\sid="([^"]+)"', PAGE.read_text(encoding="utf-8")))


def test_every_mapped_control_exists_on_the_saved_page() -> None:
    ids = page_ids()
    (page,) = [m for m in autofill.page_maps() if m.kubun == "N"]
    controls = list(page.controls())
    assert len(controls) > 80
    assert [c for c in controls if c not in ids] == []
    # Every mapped field is a field of the procedure's catalogue.
    cat = catalogue(page.procedure)
    assert [f for f in page.fields() if not cat.has_field(f)] == []
    # The title is the page's own.
    assert f">{page.procedure_title}</span>" in PAGE.read_text(encoding="utf-8")


def test_the_payload_holds_the_case_values_in_the_pages_format() -> None:
    payload = autofill.build_payload(coe_case(), ON)
    data = json.loads(payload.to_json())
    assert data["format"] == "zairyu-fill/1"
    assert data["procedure_title"] == "在留資格認定証明書交付申請（区分N）"
    by_key = {i["key"]: i["value"] for i in data["items"]}
    assert by_key["applicant_lastName"] == "WANG XIAOMING"
    assert by_key["textData1_256102"] == "19950615"
    assert by_key["birthRadioList_256102_1"] == "生年月日に不明な点は無い"
    assert by_key["address_256110"] == "東京都新宿区西新宿１－１－１"  # 住居地 in one item
    assert by_key["mailAddress_256113"] == by_key["mailAddress_256114"] == "wang@example.jp"
    # Repeat rows: row n's controls are 7 apart.
    assert by_key["switch_256139"] == "王　偉"
    assert by_key["switch_256146"] == "王　芳"
    assert by_key["switch_256153"] == "李　強"
    assert "switch_256151" not in by_key  # row 2 has no card number
    assert "switch_256160" not in by_key  # no fourth relative
    # 区分N sections from the 区分N field set: 職歴 rows 9 apart, dates as digits.
    assert by_key["switch_256233"] == "Tokyo Systems K.K."
    assert by_key["yearMonthAD_256228"] == "202004"
    assert by_key["switch_256190"] == "20170630"
    assert by_key["radioList_256186_1"] == "外国 Foreign country"
    # Every value of the case is placed; nothing else travels.
    assert payload.placed_keys == set(coe_values())
    assert payload.not_on_page == ()
    text = payload.to_json()
    assert set(data) == {"format", "procedure_title", "items"}
    assert all(set(i) == {"key", "value", "label"} for i in data["items"])
    assert "password" not in text.lower() and "認証" not in text


def test_items_whose_condition_does_not_hold_stay_out() -> None:
    values = coe_values()
    values["has_relatives"] = "無 No"  # the rows typed before stay in the case file
    payload = autofill.build_payload(Case(id="c", procedure="coe", values=values), ON,
                                     check=False)
    keys = {i.key for i in payload.items}
    assert "radioList_256136_1" in keys
    assert not any(k in keys for k in ("switch_256139", "switch_256146", "select_256138"))


def test_a_case_with_errors_gets_no_payload() -> None:
    values = coe_values()
    del values["name"]
    values["postal_code"] = "160-0023"
    with pytest.raises(autofill.PayloadRefused) as caught:
        autofill.build_payload(Case(id="c", procedure="coe", values=values), ON)
    fields = {p.field for p in caught.value.problems}
    assert {"name", "postal_code"} <= fields
    assert all(p.message_ja for p in caught.value.problems)


def test_a_procedure_without_a_page_map_is_refused_with_a_message() -> None:
    with pytest.raises(autofill.PayloadRefused) as caught:
        autofill.build_payload(Case(id="c", procedure="renewal", values={}), ON, check=False)
    assert "区分N" in caught.value.problems[0].message_ja


def test_the_bookmarklet_is_the_whole_script_and_a_paste_box() -> None:
    url = autofill.bookmarklet()
    assert url.startswith("javascript:")
    assert " " not in url and "\n" not in url and '"' not in url
    body = urllib.parse.unquote(url[len("javascript:"):])
    assert body.startswith(autofill.fill_script())
    assert "window.prompt(" in body and "zairyuFill(t)" in body
    script = autofill.fill_script()
    assert "http" not in script and "fetch(" not in script and "XMLHttpRequest" not in script
