"""``assistant validate`` on a coe 区分N case: the online page's 「半角数字、13文字」 (without
以内) means exactly 13 (docs/domain.md#categories), as the template's 「N文字」 does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.cli import main

GIJINKOKU_COE = ("技術・人文知識・国際業務，特定活動（本邦大卒者） Engineer,Humanities specialist,"
                 "Int'l Services/Designated Activities（No.４６）")


def _validate(tmp_path: Path, capsys: pytest.CaptureFixture[str],
              values: dict[str, str]) -> dict[str, list[dict[str, str]]]:
    path = tmp_path / "case.json"
    path.write_text(json.dumps({"schema_version": 1, "procedure": "coe", "values": {
        "desired_status": GIJINKOKU_COE, "name": "LI NA", "n_2": "雇用 Employment",
        "n_3_1": "株式会社サンプル商事", "n_3_2": "有 Yes", **values}}, ensure_ascii=False),
        encoding="utf-8")
    main(["validate", str(path), "--on", "2026-11-26", "--json"])
    report = json.loads(capsys.readouterr().out)
    found: dict[str, list[dict[str, str]]] = {}
    for problem in report["problems"]:
        found.setdefault(problem["field"], []).append(problem)
    return found


def test_an_11_digit_corporate_number_is_reported(tmp_path, capsys) -> None:
    found = _validate(tmp_path, capsys, {"n_3_2_2": "12345678901"})
    (problem,) = found["n_3_2_2"]
    assert problem["code"] == "field_wrong_length" and problem["severity"] == "error"
    assert "13文字" in problem["message"] and "11文字" in problem["message"]


@pytest.mark.parametrize(("field", "value"), [("n_3_2_2", "1234567890123"),
                                              ("n_3_4", "12345678901"), ("n_3_9", "1000013")])
def test_the_exact_lengths_pass(tmp_path, capsys, field: str, value: str) -> None:
    assert field not in _validate(tmp_path, capsys, {field: value})


def test_the_other_exact_page_lengths_are_enforced(tmp_path, capsys) -> None:
    # 雇用保険適用事業所番号 11 digits, 郵便番号 7 (「0000000」 when unknown)
    found = _validate(tmp_path, capsys, {"n_3_4": "1234567890", "n_3_9": "100001"})
    assert [p["code"] for p in found["n_3_4"]] == ["field_wrong_length"]
    assert [p["code"] for p in found["n_3_9"]] == ["field_wrong_length"]
