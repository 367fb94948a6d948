"""Filling the office's copy of ISA's official bulk workbook: only the input sheets' cells change.

The workbook is the synthetic one of ``tests/official_workbook.py`` (the official structure:
sheet names, header rows, named ranges, validations, protection, a macro button, a VBA part).
"""

from __future__ import annotations

import csv
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from assistant.model.case import Case
from assistant.model.exports.workbook import WorkbookFillError, fill_workbook
from assistant.model.fields import catalogue
from assistant.model.file_guard import FileGuardError
from assistant.model.sample import sample_case
from tests.official_workbook import (
    BIRTH_HEADER,
    SEX_HEADER,
    VBA_BYTES,
    build_template,
    input_parts,
    worksheet_name,
)

TODAY = date(2026, 12, 7)
INTENT = ("申請人(代理人による申請の場合は当該代理人)に申請の意思を確認しました。 "
          "Confirmed intent of application with applicant (or agent).")
NAMES = ["NGUYEN VAN MAU", "TRAN THI HOA", "LE VAN BINH"]
# An applicant with 区分V (特定技能) answers holds a 特定技能 status: a case exports only its own
# 区分's questions (docs/domain.md#categories).
SSW1 = "特定技能１号 Specified Skilled Worker ( i )"


def applicant(number: int = 0, procedure: str = "renewal", **values: str) -> Case:
    case = sample_case(TODAY, procedure)
    case.id = f"case-{number}"
    case.values["intent_confirmed"] = INTENT
    case.values["name"] = NAMES[number % len(NAMES)]
    case.values["current_status"] = SSW1   # 区分V: the 区分 whose questions are installed
    case.values.update(values)
    return case


def column_of(header: str, sheet: str = "main", procedure: str = "renewal") -> int:
    return catalogue(procedure).headers(sheet).index(header) + 1


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as package:
        return {info.filename: package.read(info) for info in package.infolist()}


@pytest.fixture
def template(tmp_path: Path) -> Path:
    return build_template(tmp_path / "一括申請用テンプレート.xlsm")


def test_only_the_input_sheets_change_every_other_part_is_byte_identical(template, tmp_path):
    before = members(template)
    cases = [applicant(0), applicant(1, current_status=SSW1, skill_other_proof="日本語能力試験N2")]
    out = tmp_path / "filled.xlsm"
    result = fill_workbook(template, cases, out, on=TODAY)
    after = members(out)
    parts = input_parts()
    written = {parts["main"], parts["category_v"]}
    assert list(after) == list(before)           # same members, same order
    for name, data in before.items():
        if name in written:
            assert after[name] != data
        else:
            assert after[name] == data, name      # vbaProject.bin, drawing, styles, strings …
    assert after["xl/vbaProject.bin"] == VBA_BYTES
    assert after[parts["simultaneous"]] == before[parts["simultaneous"]]   # nobody has data
    assert [(s.worksheet, s.rows) for s in result.sheets] == [
        (worksheet_name("main"), 2), (worksheet_name("category_v"), 2)]


def test_values_land_in_the_right_cells_with_the_right_types(template, tmp_path):
    cases = [applicant(0), applicant(1, current_status=SSW1, skill_other_proof="日本語能力試験N2",
                                 sex="女 female")]
    out = tmp_path / "filled.xlsm"
    fill_workbook(template, cases, out, on=TODAY)
    book = load_workbook(out)
    main = book[worksheet_name("main")]

    def cell(row: int, header: str, ws=main, sheet="main"):
        return ws.cell(row=row, column=column_of(header, sheet)).value

    assert cell(8, "身分事項_氏名") == "NGUYEN VAN MAU"
    assert cell(9, "身分事項_氏名") == "TRAN THI HOA"
    assert cell(8, SEX_HEADER) == "男 male"            # the pull-down's label
    assert cell(9, SEX_HEADER) == "女 female"
    assert cell(8, BIRTH_HEADER) == 19950412          # a general cell: a number, as typed
    assert cell(8, "身分事項_日本における連絡先_携帯電話番号") == "09012345678"   # text cell
    assert cell(8, "身分事項_日本における連絡先_郵便番号") == "1600023"      # text-formatted
    assert cell(8, "身分事項_国籍・地域") == "ベトナム Viet Nam"
    assert cell(10, "身分事項_氏名") is None
    # the header rows are as they were; row 5 still the logical names
    assert main.cell(row=5, column=1).value == catalogue("renewal").headers("main")[0]
    kubun = book[worksheet_name("category_v")]
    header = "申請人に関する情報等_技能水準_その他の評価方法による証明"
    assert kubun.cell(row=9, column=column_of(header, "category_v")).value == "日本語能力試験N2"
    assert kubun.cell(row=8, column=column_of(header, "category_v")).value is None
    # protection, validations, defined names survive (they are in untouched bytes, and the
    # edited sheets keep their own)
    assert main.protection.sheet
    assert any("_C611_L" in (v.formula1 or "") for v in main.data_validations.dataValidation)
    assert "_C611_L" in book.defined_names


def test_styles_of_the_input_cells_are_kept_so_protection_still_lets_the_office_type(
        template, tmp_path):
    out = tmp_path / "filled.xlsm"
    fill_workbook(template, [applicant(0)], out, on=TODAY)
    main = load_workbook(out)[worksheet_name("main")]
    name = main.cell(row=8, column=column_of("身分事項_氏名"))
    assert name.protection.locked is False
    assert name.number_format == "@"


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is installed by dev.py")
def test_libreoffice_opens_and_converts_the_filled_workbook(template, tmp_path):
    out = tmp_path / "filled.xlsm"
    fill_workbook(template, [applicant(0), applicant(1)], out, on=TODAY)
    converted = tmp_path / "lo"
    profile = (tmp_path / "lo-profile").as_uri()
    proc = subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to",
         "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", str(converted), str(out)],
        capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr
    with (converted / "filled.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    name = column_of("身分事項_氏名") - 1
    assert rows[4][:3] == catalogue("renewal").headers("main")[:3]
    assert [rows[7][name], rows[8][name]] == ["NGUYEN VAN MAU", "TRAN THI HOA"]
    assert rows[7][column_of(BIRTH_HEADER) - 1] == "19950412"


def test_changed_headers_are_refused_with_the_differences_listed(tmp_path):
    headers = list(catalogue("renewal").headers("main"))
    headers[2] = "身分事項_氏名（ローマ字）"
    del headers[5]
    template = build_template(tmp_path / "revised.xlsm", headers={"main": headers})
    out = tmp_path / "filled.xlsm"
    with pytest.raises(WorkbookFillError) as refused:
        fill_workbook(template, [applicant(0)], out, on=TODAY)
    message = refused.value.message_ja
    assert refused.value.code == "official_headers_differ"
    assert "C列: ワークブック「身分事項_氏名（ローマ字）」／プログラム「身分事項_氏名」" in message
    assert f"ワークブックにない「{catalogue('renewal').headers('main')[5]}」" in message
    assert "参照データの更新" in message
    assert not out.exists()


def test_more_applicants_than_input_rows_is_refused(tmp_path):
    template = build_template(tmp_path / "small.xlsm", rows=2)
    out = tmp_path / "filled.xlsm"
    with pytest.raises(WorkbookFillError) as refused:
        fill_workbook(template, [applicant(i) for i in range(3)], out, on=TODAY)
    assert refused.value.code == "official_too_many_applicants"
    assert "3 人" in refused.value.message_ja and "2 行（8〜9行目）" in refused.value.message_ja
    assert not out.exists()
    fill_workbook(template, [applicant(0), applicant(1)], out, on=TODAY)   # two fit
    assert out.exists()


def test_a_workbook_for_another_procedure_or_none_is_refused(tmp_path):
    change = build_template(tmp_path / "change.xlsm", "change")
    with pytest.raises(WorkbookFillError) as refused:
        fill_workbook(change, [applicant(0)], tmp_path / "a.xlsm", on=TODAY, procedure="renewal")
    assert refused.value.code == "official_other_procedure"
    with pytest.raises(WorkbookFillError) as refused:   # the cases say renewal
        fill_workbook(change, [applicant(0)], tmp_path / "a.xlsm", on=TODAY)
    assert refused.value.code == "official_wrong_procedure"
    assert "在留資格変更許可申請の案件だけ" in refused.value.message_ja
    plain = build_template(tmp_path / "plain.xlsx", main_name="Sheet1")
    with pytest.raises(WorkbookFillError) as refused:
        fill_workbook(plain, [applicant(0)], tmp_path / "a.xlsm", on=TODAY)
    assert refused.value.code == "official_not_any_bulk_workbook"
    with pytest.raises(WorkbookFillError) as refused:
        fill_workbook(plain, [applicant(0)], tmp_path / "a.xlsm", on=TODAY, procedure="renewal")
    assert refused.value.code == "official_not_bulk_workbook"
    assert "在留期間更新許可申請" in refused.value.message_ja
    (tmp_path / "text.xlsm").write_text("not a zip")
    with pytest.raises(WorkbookFillError) as refused:
        fill_workbook(tmp_path / "text.xlsm", [applicant(0)], tmp_path / "a.xlsm", on=TODAY)
    assert refused.value.code == "official_unreadable"
    assert not (tmp_path / "a.xlsm").exists()


def test_a_case_with_errors_is_refused_and_nothing_written(template, tmp_path):
    broken = applicant(1, birth_date="19951340")
    with pytest.raises(WorkbookFillError) as refused:
        fill_workbook(template, [applicant(0), broken], tmp_path / "a.xlsm", on=TODAY)
    assert refused.value.code == "official_case_errors"
    assert "TRAN THI HOA" in refused.value.message_ja
    assert not (tmp_path / "a.xlsm").exists()


def test_the_template_itself_and_the_data_folder_are_refused_as_output(template, tmp_path):
    before = template.read_bytes()
    with pytest.raises(WorkbookFillError) as refused:
        fill_workbook(template, [applicant(0)], template, on=TODAY)
    assert refused.value.code == "official_same_file"
    assert template.read_bytes() == before
    data = tmp_path / "appdata"     # the data folder of the test (conftest)
    with pytest.raises(FileGuardError):
        fill_workbook(template, [applicant(0)], data / "filled.xlsm", on=TODAY)
    assert not (data / "filled.xlsm").exists()


def test_a_filled_copy_is_refused_rather_than_mixing_applicants(template, tmp_path):
    first = tmp_path / "first.xlsm"
    fill_workbook(template, [applicant(0)], first, on=TODAY)
    with pytest.raises(WorkbookFillError) as refused:
        fill_workbook(first, [applicant(1)], tmp_path / "second.xlsm", on=TODAY)
    assert refused.value.code == "official_already_filled"
    assert "A8" in refused.value.message_ja


def test_a_label_the_workbook_spells_differently_is_written_as_its_pull_down_shows(tmp_path):
    template = build_template(tmp_path / "t.xlsm", sex_labels=("男 Male", "女 Female"))
    out = tmp_path / "filled.xlsm"
    result = fill_workbook(template, [applicant(0)], out, on=TODAY)
    main = load_workbook(out)[worksheet_name("main")]
    assert main.cell(row=8, column=column_of(SEX_HEADER)).value == "男 Male"
    assert (SEX_HEADER, "男 male", "男 Male") in result.relabelled


def test_a_value_missing_from_the_workbooks_pull_down_is_refused(tmp_path):
    # a respelled label is found through its code (M for 1): with other codes it is not
    template = build_template(tmp_path / "t.xlsm", sex_labels=("M", "F"), sex_codes=("M", "F"))
    with pytest.raises(WorkbookFillError) as refused:
        fill_workbook(template, [applicant(0)], tmp_path / "a.xlsm", on=TODAY)
    assert refused.value.code == "official_not_in_list"
    assert "男 male" in refused.value.message_ja and "_C611_L" in refused.value.message_ja


def test_text_that_looks_like_markup_or_a_formula_stays_plain_text(template, tmp_path):
    value = "株式会社<A&B> \"=1+1\""
    out = tmp_path / "filled.xlsm"
    fill_workbook(template, [applicant(0, occupation=value)], out, on=TODAY)
    cell = load_workbook(out)[worksheet_name("main")].cell(
        row=8, column=column_of("身分事項_職業"))
    assert cell.value == value and cell.data_type == "s"


def test_a_case_whose_kubun_questions_are_not_installed_is_refused(template, tmp_path):
    engineer = applicant(1, current_status=(
        "技術・人文知識・国際業務 Engineer/Specialist in Humanities/International Services"))
    with pytest.raises(WorkbookFillError) as refused:
        fill_workbook(template, [applicant(0), engineer], tmp_path / "a.xlsm", on=TODAY)
    assert refused.value.code == "official_kubun_refused"
    assert "区分N" in refused.value.message_ja and "TRAN THI HOA" in refused.value.message_ja
    assert not (tmp_path / "a.xlsm").exists()


def test_rows_the_sheet_lacks_are_added_and_cells_without_a_reference_keep_their_place(
        tmp_path):
    """A template whose input rows are not all written out (row 8 absent), and whose row 9
    cells carry no ``r`` (allowed: each follows the one before)."""
    import re

    source = build_template(tmp_path / "t.xlsm", rows=3)
    part = input_parts()["main"]
    with zipfile.ZipFile(source) as package:
        parts = {info.filename: package.read(info) for info in package.infolist()}
    xml = parts[part].decode("utf-8")
    xml = re.sub(r'<row r="8"[^>]*>.*?</row>', "", xml, flags=re.S)
    xml = re.sub(r'<row r="9"[^>]*>.*?</row>',
                 lambda m: re.sub(r' r="[A-Z]+9"', "", m.group()), xml, flags=re.S)
    parts[part] = xml.encode("utf-8")
    template = tmp_path / "sparse.xlsm"
    with zipfile.ZipFile(template, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    out = tmp_path / "filled.xlsm"
    fill_workbook(template, [applicant(0), applicant(1), applicant(2)], out, on=TODAY)
    main = load_workbook(out)[worksheet_name("main")]
    name = column_of("身分事項_氏名")
    assert [main.cell(row=r, column=name).value for r in (8, 9, 10)] == NAMES
    assert main.cell(row=9, column=name).protection.locked is False   # its style kept
    assert main.cell(row=9, column=column_of(BIRTH_HEADER)).value == 19950412


def test_a_workbook_without_the_sheet_an_applicants_answers_need_is_refused(tmp_path):
    template = build_template(tmp_path / "t.xlsm", without=("category_v",))
    out = tmp_path / "a.xlsm"
    fill_workbook(template, [applicant(0)], out, on=TODAY)    # no 区分V answers: fits
    with pytest.raises(WorkbookFillError) as refused:
        fill_workbook(template, [applicant(1, skill_other_proof="日本語能力試験N2")],
                      tmp_path / "b.xlsm", on=TODAY)
    assert refused.value.code == "official_sheet_missing"
    assert "申請情報入力(区分V)" in refused.value.message_ja
    assert not (tmp_path / "b.xlsm").exists()


def test_a_sheet_with_a_dtd_is_refused_before_any_entity_could_expand(tmp_path):
    source = build_template(tmp_path / "t.xlsm")
    part = input_parts()["main"]
    with zipfile.ZipFile(source) as package:
        parts = {info.filename: package.read(info) for info in package.infolist()}
    bomb = b'<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    parts[part] = parts[part].replace(b"?>\n", b"?>\n" + bomb + b"\n", 1)
    hostile = tmp_path / "hostile.xlsm"
    with zipfile.ZipFile(hostile, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)
    with pytest.raises(WorkbookFillError) as refused:
        fill_workbook(hostile, [applicant(0)], tmp_path / "a.xlsm", on=TODAY)
    assert refused.value.code == "official_bad_xml" and part in refused.value.message_ja
