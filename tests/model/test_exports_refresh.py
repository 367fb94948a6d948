"""Refreshing the reference data from an official workbook (built here with the same structure:
input sheet with header rows 3–7 and data from row 8, code lists on a hidden sheet behind
named ranges)."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from openpyxl import Workbook
from openpyxl.workbook.defined_name import DefinedName

from assistant.model.codelists import code_list
from assistant.model.exports.refresh import RefreshError, refresh_from_workbook
from assistant.model.fields import catalogue

NEW_COLUMN = "身分事項_マイナンバーカードの有無"
DROPPED_COLUMN = "身分事項_職業"


def official_workbook(path, *, china_code="K11", with_new_country=True):
    wb = Workbook()
    ws = wb.active
    ws.title = "申請情報入力"
    cat = catalogue("renewal")
    headers = [h for h in cat.headers("main") if h != DROPPED_COLUMN]
    headers.insert(4, NEW_COLUMN)
    ws["A1"] = "在留期間更新許可申請（一括申請用）"
    ws.append([])
    ws.append([h.split("_")[0] for h in headers])          # row 3 section titles
    ws.append(["" for _ in headers])                        # row 4 repeat labels
    ws.append(headers)                                      # row 5 logical names
    guidance = {f.header: f.guidance_ja for f in cat.fields}
    ws.append([guidance.get(h, "プルダウンから選択してください。") for h in headers])  # row 6
    ws.append(["" for _ in headers])                        # row 7 example
    ws.append(["ベトナム Viet Nam", "19900101", "NGUYEN VAN AN"])  # row 8: data

    codes = wb.create_sheet("コード値")
    codes.sheet_state = "hidden"
    nationality = [(e.label, e.code or china_code) for e in code_list("nationality").entries]
    nationality = [p for p in nationality if not p[0].startswith("韓国")]  # one removed
    if with_new_country:
        nationality.append(("テスト共和国 Republic of Test", "Z99"))
    for i, (label, code) in enumerate(nationality, start=1):
        codes.cell(i, 1, label)
        codes.cell(i, 2, code)
        codes.cell(i, 4, label)
    n = len(nationality)
    wb.defined_names["_CA61_2_C"] = DefinedName("_CA61_2_C", attr_text=f"'コード値'!$A$1:$B${n}")
    wb.defined_names["_CA61_L"] = DefinedName("_CA61_L", attr_text=f"'コード値'!$D$1:$D${n}")
    codes["F1"], codes["G1"], codes["F2"], codes["G2"] = "男 male", "1", "女 female", "2"
    wb.defined_names["_C611_C"] = DefinedName("_C611_C", attr_text="'コード値'!$F$1:$G$2")
    hidden_other = wb.create_sheet("列項目TBL")   # a hidden helper sheet that is not an input sheet
    hidden_other.sheet_state = "hidden"
    hidden_other["A5"] = "項目ID"
    wb.save(path)
    return path


def test_refresh_reports_what_changed_and_writes_the_updated_data(tmp_path):
    book = official_workbook(tmp_path / "001453107.xlsx")
    report = refresh_from_workbook(book, "renewal", tmp_path / "out")
    nationality = next(c for c in report.code_lists if c.list_id == "nationality")
    assert nationality.added == ("テスト共和国 Republic of Test",)
    assert nationality.removed == ("韓国 Republic of Korea",)
    assert nationality.codes == (("中国 People's Republic of China", None, "K11"),)
    sex = next(c for c in report.code_lists if c.list_id == "sex")
    assert not sex.changed
    (main,) = report.sheets
    assert (main.sheet, main.worksheet, main.hidden) == ("main", "申請情報入力", False)
    assert main.added == (NEW_COLUMN,) and main.removed == (DROPPED_COLUMN,)
    assert report.needs_rebuild
    text = "\n".join(report.lines())
    assert "テスト共和国" in text and "韓国" in text and "K11" in text and NEW_COLUMN in text

    import json
    data = json.loads((tmp_path / "out" / "codelists" / "nationality.json").read_text("utf-8"))
    china = next(e for e in data["entries"] if e["label"].startswith("中国"))
    assert china == {"label": "中国 People's Republic of China", "code": "K11", "verified": True}
    with (tmp_path / "out" / "templates" / "renewal" / "main.csv").open(
            encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert len(rows) == 3 and rows[0][4] == NEW_COLUMN and DROPPED_COLUMN not in rows[0]
    assert rows[1][1].startswith("生年月日はYYYYMMDD")


def test_unchanged_workbook_says_so(tmp_path):
    wb = Workbook()
    codes = wb.active
    codes.title = "コード値"
    codes["A1"], codes["B1"], codes["A2"], codes["B2"] = "男 male", "1", "女 female", "2"
    wb.defined_names["_C611_C"] = DefinedName("_C611_C", attr_text="'コード値'!$A$1:$B$2")
    wb.save(tmp_path / "w.xlsx")
    report = refresh_from_workbook(tmp_path / "w.xlsx", "renewal", tmp_path / "out")
    assert not report.changed
    assert report.lines() == ["参照データに変更はありません。"]
    assert "nationality" in report.not_in_workbook


def test_not_a_workbook_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(RefreshError) as exc:
        refresh_from_workbook(bad, "renewal", tmp_path / "out")
    assert "読み込めません" in exc.value.message_ja
    empty = tmp_path / "empty.xlsx"
    Workbook().save(empty)
    with pytest.raises(RefreshError):
        refresh_from_workbook(empty, "renewal", tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_installed_lists_are_used_from_the_next_start_and_reset_goes_back(tmp_path, monkeypatch):
    import json

    from assistant.model.exports import refresh
    from assistant.model.validation import FieldContext, validate_field

    monkeypatch.delenv("ASSISTANT_RESOURCES", raising=False)
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tmp_path / "data"))
    book = official_workbook(tmp_path / "001453107.xlsx")
    report = refresh.install_reference(book, "renewal", on="2026-11-26")
    installed = sorted(p.name for p in report.written)
    assert installed == ["nationality.json"]          # sex did not change: the shipped one stays
    overlay = tmp_path / "data" / "reference"
    assert (overlay / "codelists" / "nationality.json").is_file()
    assert not (overlay / "codelists" / "sex.json").exists()
    assert refresh.installed_reference() == [{"workbook": "001453107.xlsx",
                                              "procedure": "renewal", "on": "2026-11-26",
                                              "code_lists": ["nationality"]}]

    code_list.cache_clear()                             # what a new start of the program does
    try:
        nationality = code_list("nationality")
        assert "テスト共和国 Republic of Test" in {e.label for e in nationality.entries}
        field = catalogue("renewal").field("nationality")
        context = FieldContext(on=dt.date(2026, 11, 26), values={}, key="nationality")
        assert validate_field(field, "テスト共和国 Republic of Test", context) == []
        assert json.loads((overlay / "installed.json").read_text("utf-8"))["refreshes"]

        refresh.reset_reference()
        code_list.cache_clear()
        assert "テスト共和国 Republic of Test" not in {e.label for e in code_list("nationality").entries}
        assert refresh.installed_reference() == []
    finally:
        code_list.cache_clear()


def test_nothing_is_installed_when_resources_are_named_explicitly(tmp_path, monkeypatch):
    from assistant.model.exports import refresh
    from assistant.resources import resources_dir

    monkeypatch.setenv("ASSISTANT_RESOURCES", str(resources_dir()))
    with pytest.raises(RefreshError) as raised:
        refresh.install_reference(official_workbook(tmp_path / "w.xlsx"), "renewal")
    assert "ASSISTANT_RESOURCES" in raised.value.message("ja")
