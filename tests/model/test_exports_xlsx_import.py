"""Importing the bulk workbook after staff edited it: good rows become cases, broken rows are
reported per row and column and not imported."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import Workbook, load_workbook

from assistant.model.case import Case
from assistant.model.casefile import load_case_file, write_case_file
from assistant.model.exports import xlsx, xlsx_import
from assistant.model.fields import catalogue

# 区分V: 所定労働時間(週平均) — looked up by its template header, not by a hard-coded id
WEEKLY_HOURS = next(c.key for c in catalogue("renewal").columns("category_v")
                    if c.header.endswith("(3)所定労働時間(週平均）"))

ON = dt.date(2026, 11, 26)


def applicants() -> list[Case]:
    names = {1: "ONE", 2: "TWO", 3: "THREE"}
    return [Case(id=f"case-{i}", procedure="renewal", values={
        "name": f"TRAN THI {names[i]}", "birth_date": "19920105", "sex": "女 female",
        "nationality": "ベトナム Viet Nam", "zairyu_card_number": f"AB1234567{i}CD",
        "has_zairyu_card": "有 Yes"}) for i in range(1, 4)]


def edited_workbook(tmp_path, cells: str = "labels"):
    """Export three cases, then edit like staff do in Excel."""
    folder = tmp_path / "cases"
    folder.mkdir()
    cases = applicants()
    for case in cases:
        write_case_file(folder / f"{case.id}.json", case)
    book = xlsx.write_workbook(cases, tmp_path / "renewal.xlsx", cells=cells)
    wb = load_workbook(book)
    ws = wb["申請情報入力"]
    headers = [c.value for c in ws[xlsx.ROW_HEADER]]
    col = {h: i + 1 for i, h in enumerate(headers)}
    ws.cell(8, col["身分事項_氏名"], "tran  thi ｏｎｅ")                 # fixed by normalising
    ws.cell(8, col["身分事項_生年月日"], dt.datetime(1992, 1, 6))       # Excel made it a date
    ws.cell(9, col["身分事項_生年月日"], "19921350")                    # no such date
    ws.cell(9, col["身分事項_在留カード番号"], "AB12")                  # too short
    ws.cell(11, col["身分事項_氏名"], "NEW APPLICANT")                  # a new row, no case id
    ws.cell(11, col["身分事項_性別"], "男 male")
    wb.save(book)
    return book, folder, col


def test_good_rows_are_imported_and_broken_rows_reported_per_column(tmp_path):
    book, folder, col = edited_workbook(tmp_path)
    result, written = xlsx_import.import_into_folder(book, folder, on=ON)
    assert [r.row for r in result.imported] == [8, 10, 11]
    assert [r.row for r in result.rejected] == [9]
    assert [(r.row, r.created, r.changed) for r in result.imported] == [
        (8, False, True), (10, False, False), (11, True, False)]   # row 10 was not edited
    problems = result.rejected[0].problems
    assert sorted((p.column, p.header) for p in problems if p.problem.is_error) == sorted([
        (xlsx._col_letter(col["身分事項_生年月日"]), "身分事項_生年月日"),
        (xlsx._col_letter(col["身分事項_在留カード番号"]), "身分事項_在留カード番号")])
    text = problems[0].describe()
    assert text.startswith("申請情報入力!") and "9" in text

    updated = load_case_file(folder / "case-1.json")
    assert updated.values["name"] == "TRAN THI ONE"
    assert updated.values["birth_date"] == "19920106"
    assert load_case_file(folder / "case-2.json").values["birth_date"] == "19920105"  # untouched
    new = next(r for r in result.imported if r.created)
    assert new.row == 11 and new.case.values == {"name": "NEW APPLICANT", "sex": "男 male"}
    assert load_case_file(written[new.case.id]).values["name"] == "NEW APPLICANT"
    assert len(list(folder.glob("*.json"))) == 4


def test_codes_in_cells_come_back_as_labels(tmp_path):
    book, folder, _ = edited_workbook(tmp_path, cells="codes")
    result, _ = xlsx_import.import_into_folder(book, folder, on=ON)
    case = next(r.case for r in result.imported if r.row == 10)
    assert case.values["sex"] == "女 female"
    assert case.values["nationality"] == "ベトナム Viet Nam"


def test_a_cleared_cell_clears_the_value_but_other_fields_are_kept(tmp_path):
    book, folder, col = edited_workbook(tmp_path)
    case = load_case_file(folder / "case-3.json")
    case.values[WEEKLY_HOURS] = "40"   # 区分V, a sheet not in this workbook
    write_case_file(folder / "case-3.json", case)
    wb = load_workbook(book)
    wb["申請情報入力"].cell(10, col["身分事項_在留カード番号"]).value = None
    wb.save(book)
    xlsx_import.import_into_folder(book, folder, on=ON)
    values = load_case_file(folder / "case-3.json").values
    assert "zairyu_card_number" not in values
    assert values[WEEKLY_HOURS] == "40"


def test_other_files_are_refused_with_a_message(tmp_path):
    other = tmp_path / "other.xlsx"
    Workbook().save(other)
    with pytest.raises(xlsx_import.WorkbookError) as exc:
        xlsx_import.import_workbook(other)
    assert "_meta" in exc.value.message_ja
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 broken")
    with pytest.raises(xlsx_import.WorkbookError):
        xlsx_import.import_workbook(broken)


def test_an_edit_on_the_main_sheet_wins_over_its_copy_on_the_simultaneous_sheet(tmp_path):
    folder = tmp_path / "cases"
    folder.mkdir()
    case = applicants()[0]
    case.values["simultaneous_reentry"] = "再入国許可申請 Re-entry permit"
    write_case_file(folder / "c.json", case)
    book = xlsx.write_workbook([case], tmp_path / "r.xlsx")
    wb = load_workbook(book)
    assert "同時申請" in wb.sheetnames
    ws = wb["申請情報入力"]
    col = [c.value for c in ws[xlsx.ROW_HEADER]].index("身分事項_氏名") + 1
    ws.cell(8, col, "TRAN THI RENAMED")
    wb.save(book)
    result, _ = xlsx_import.import_into_folder(book, folder, on=ON)
    assert not result.rejected
    assert load_case_file(folder / "c.json").values["name"] == "TRAN THI RENAMED"
