"""``assistant export bulk|transcription|checklist`` and ``assistant import bulk``."""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
import unicodedata

import pytest
from pypdf import PdfReader

from assistant.cli import main
from assistant.model.case import Case
from assistant.model.casefile import write_case_file
from tests.isa_cases import ON, main_sheet_case


def case_file(tmp_path, name: str, procedure: str = "renewal", **values: str):
    # a complete case (ISA's example, main sheet): export bulk refuses a case with errors
    complete = main_sheet_case(procedure).values
    case = Case(id=f"id-{name}", procedure=procedure, application_number="東オンEN25001878",
                values={**complete, "name": name, "birth_date": "19900101", "sex": "女 female",
                        "nationality": "フィリピン Philippines", **values})
    path = tmp_path / f"{name.replace(' ', '_')}.json"
    write_case_file(path, case)
    return path


def test_export_bulk_csv_writes_the_template_files(tmp_path, capsys):
    files = [case_file(tmp_path, "SANTOS MARIA"), case_file(tmp_path, "REYES ANA")]
    out = tmp_path / "out"
    assert main(["export", "bulk", *map(str, files), "--out", str(out), "--json",
                 "--on", ON.isoformat()]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["problems"] == [] and report["files"] == [str(out / "renewal_main.csv")]
    with (out / "renewal_main.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert [r[2] for r in rows[1:]] == ["SANTOS MARIA", "REYES ANA"]


def test_export_bulk_cp932_reports_and_writes_nothing(tmp_path, capsys):
    files = [case_file(tmp_path, "SANTOS MARIA", occupation="髙島屋勤務")]
    out = tmp_path / "out"
    code = main(["export", "bulk", *map(str, files), "--out", str(out),
                 "--encoding", "cp932", "--json", "--on", ON.isoformat()])
    assert code == 1 and not out.exists()
    report = json.loads(capsys.readouterr().out)
    assert report["files"] == []
    assert [(p["row"], p["field"], p["char"], p["suggestion"]) for p in report["problems"]] == [
        (1, "occupation", "髙", "高")]


def test_export_bulk_xlsx(tmp_path, capsys):
    files = [case_file(tmp_path, "SANTOS MARIA")]
    assert main(["export", "bulk", str(files[0]), "--out", str(tmp_path / "x"),
                 "--format", "xlsx"]) == 0
    assert (tmp_path / "x" / "renewal.xlsx").stat().st_size > 0
    assert capsys.readouterr().out.strip() == str(tmp_path / "x" / "renewal.xlsx")


@pytest.mark.parametrize("argv", [
    ["export"],
    ["export", "bulk", "missing.json", "--out", "x"],
    ["export", "bulk", "{case}", "--out", "x", "--format", "xlsx", "--encoding", "cp932"],
    ["import"],
    ["import", "bulk", "{case}", "--out", "x"],        # a case file is not a workbook
])
def test_unusable_arguments_exit_2_with_a_japanese_message(tmp_path, capsys, argv):
    path = case_file(tmp_path, "SANTOS MARIA")
    argv = [str(path) if a == "{case}" else a for a in argv]
    assert main(argv) == 2
    assert re.search(r"[ぁ-んァ-ン一-龥]", capsys.readouterr().err)


@pytest.mark.parametrize("argv", [
    ["export", "bulk", "a.json", "--out", "x", "--encoding", "latin-1"],
    ["export", "checklist", "a.json", "--method", "post", "--out", "x.pdf"],
    ["export", "checklist", "a.json", "--out", "x.pdf"],
])
def test_bad_choices_exit_2(argv):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2


def _pdf_text(path) -> str:
    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def test_export_checklist_and_transcription_pdfs(tmp_path):
    # a real process: the command creates its own offscreen QGuiApplication
    files = [case_file(tmp_path, "SANTOS MARIA", current_status="T71"),
             case_file(tmp_path, "REYES ANA")]
    out = tmp_path / "checklist.pdf"
    proc = subprocess.run([sys.executable, "-m", "assistant", "export", "checklist",
                           *map(str, files), "--method", "mail", "--out", str(out),
                           "--date", "2026-11-26", "--office-address", "東京都千代田区霞が関1-1-1"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    text = _pdf_text(out)
    for word in ("SANTOSMARIA", "REYESANA", "在留カード送付用封筒", "手数料納付書", "指定書",
                 "5,500円", "東京都千代田区霞が関1-1-1", "おだいば分室内", "人数2"):
        assert word in text, word
    out = tmp_path / "transcription.pdf"
    proc = subprocess.run([sys.executable, "-m", "assistant", "export", "transcription",
                           str(files[0]), "--out", str(out)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    text = _pdf_text(out)
    assert "SANTOSMARIA" in text and "フィリピンPhilippines" in text


def test_export_email_checklist_for_a_certificate_of_eligibility(tmp_path):
    file = case_file(tmp_path, "LI WEI", procedure="coe", receipt_method="メール Email")
    out = tmp_path / "email.pdf"
    proc = subprocess.run([sys.executable, "-m", "assistant", "export", "checklist", str(file),
                           "--method", "email", "--profile", "system-2026", "--out", str(out),
                           "--date", "2026-11-26"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    text = _pdf_text(out)
    assert "メールで届いた在留資格認定証明書を申請人" in text
    assert "送付用封筒" not in text
    assert "受領できません" not in text   # allowed under the 2026 rules


def test_import_bulk_reports_broken_rows_and_imports_the_rest(tmp_path, capsys):
    from openpyxl import load_workbook

    files = [case_file(tmp_path, "SANTOS MARIA"), case_file(tmp_path, "REYES ANA")]
    assert main(["export", "bulk", *map(str, files), "--out", str(tmp_path), "--format",
                 "xlsx"]) == 0
    book = tmp_path / "renewal.xlsx"
    wb = load_workbook(book)
    wb["申請情報入力"]["B9"] = "1990-02-30"   # 生年月日 of the second applicant: no such day
    wb.save(book)
    capsys.readouterr()
    out = tmp_path / "imported"
    assert main(["import", "bulk", str(book), "--out", str(out), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert [r["row"] for r in report["imported"]] == [8]
    assert [(r["row"], [(p["column"], p["header"]) for p in r["problems"]])
            for r in report["rejected"]] == [(9, [("B", "身分事項_生年月日")])]
    assert [p.name for p in out.iterdir()] == ["renewal-SANTOS_MARIA.json"]


def _official_with_a_new_sex_code(path):
    """An official-structured workbook whose sex list (_C611_C) gained 不明 unknown = 9."""
    from openpyxl import Workbook
    from openpyxl.workbook.defined_name import DefinedName

    wb = Workbook()
    codes = wb.active
    codes.title = "コード値"
    for i, (label, code) in enumerate([("男 male", "1"), ("女 female", "2"),
                                       ("不明 unknown", "9")], start=1):
        codes.cell(i, 1, label)
        codes.cell(i, 2, code)
    wb.defined_names["_C611_C"] = DefinedName("_C611_C", attr_text="'コード値'!$A$1:$B$3")
    wb.save(path)


def test_import_reference_reports_changes_from_an_official_workbook(tmp_path, capsys):
    _official_with_a_new_sex_code(tmp_path / "official.xlsx")
    assert main(["import", "reference", str(tmp_path / "official.xlsx"), "--procedure",
                 "renewal", "--out", str(tmp_path / "ref"), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["code_lists"] == [{"id": "sex", "ranges": ["_C611_C"], "added": ["不明 unknown"],
                                     "removed": [], "codes": []}]
    assert (tmp_path / "ref" / "codelists" / "sex.json").exists()
    assert main(["import", "reference", str(tmp_path / "nope.xlsx"), "--procedure", "renewal",
                 "--out", str(tmp_path / "ref")]) == 2


def test_import_reference_install_puts_the_changed_lists_in_the_data_folder(
        tmp_path, capsys, monkeypatch):
    from assistant.model.codelists import code_list

    monkeypatch.delenv("ASSISTANT_RESOURCES", raising=False)
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tmp_path / "data"))
    _official_with_a_new_sex_code(tmp_path / "official.xlsx")
    assert main(["import", "reference", str(tmp_path / "official.xlsx"), "--procedure",
                 "renewal", "--install"]) == 0
    assert "不明 unknown" in capsys.readouterr().out
    assert (tmp_path / "data" / "reference" / "codelists" / "sex.json").is_file()
    code_list.cache_clear()
    try:
        assert [e.code for e in code_list("sex").entries][-1] == "9"
    finally:
        code_list.cache_clear()


def test_checklist_takes_the_return_address_from_the_current_staff_profile(tmp_path):
    from datetime import date

    from assistant.model import paths
    from assistant.model.office import OfficeStore, StaffCategory, StaffProfile
    from assistant.model.storage import CaseStore

    store = CaseStore.open(paths.db_path(None))
    office = OfficeStore(store)
    profile = StaffProfile(id="s1", name="山田太郎", category=StaffCategory.GYOSEISHOSHI,
                           certificate_number="123456789012",
                           certificate_expiry=date(2028, 3, 31), postal_code="1000013",
                           prefecture="東京都", municipality="千代田区", street="霞が関1-1-1",
                           office_name="山田行政書士事務所")
    office.save(profile)
    office.set_current("s1")
    store.close()
    out = tmp_path / "c.pdf"
    proc = subprocess.run([sys.executable, "-m", "assistant", "export", "checklist",
                           str(case_file(tmp_path, "SANTOS MARIA")), "--method", "mail",
                           "--out", str(out)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "〒100-0013東京都千代田区霞が関1-1-1山田行政書士事務所" in _pdf_text(out)


def test_import_bulk_refuses_a_workbook_with_an_edited_header_exit_2(tmp_path, capsys):
    from openpyxl import load_workbook

    files = [case_file(tmp_path, "SANTOS MARIA")]
    assert main(["export", "bulk", *map(str, files), "--out", str(tmp_path), "--format",
                 "xlsx"]) == 0
    book = tmp_path / "renewal.xlsx"
    wb = load_workbook(book)
    wb["申請情報入力"]["A5"] = "身分事項_氏名(ローマ字)"
    wb.save(book)
    capsys.readouterr()
    out = tmp_path / "imported"
    assert main(["import", "bulk", str(book), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "身分事項_氏名(ローマ字)" in err and "取り込みません" in err
    assert not out.exists()


def test_export_bulk_validates_under_the_profile_asked_for(tmp_path, capsys):
    coe = case_file(tmp_path, "SANTOS MARIA", procedure="coe", receipt_method="メール Email")
    argv = ["export", "bulk", str(coe), "--on", ON.isoformat(), "--json"]
    assert main([*argv, "--out", str(tmp_path / "a"), "--profile", "guide-2024"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert [p["field"] for p in report["problems"]] == ["receipt_method"]
    assert "メールによる受領" in report["problems"][0]["message"]
    assert main([*argv, "--out", str(tmp_path / "b"), "--profile", "system-2026"]) == 0
    capsys.readouterr()
    assert main([*argv, "--out", str(tmp_path / "c"), "--profile", "nope"]) == 2
