"""``assistant export workbook``: the office's copy of ISA's official workbook, filled."""

from __future__ import annotations

import json
import zipfile
from datetime import date

from openpyxl import load_workbook

from assistant.cli import main
from assistant.model.casefile import write_case_file
from assistant.model.fields import catalogue
from assistant.model.sample import sample_case
from tests.official_workbook import VBA_BYTES, build_template, worksheet_name

TODAY = date(2026, 12, 7)
INTENT = ("申請人(代理人による申請の場合は当該代理人)に申請の意思を確認しました。 "
          "Confirmed intent of application with applicant (or agent).")


def case_file(tmp_path, name: str, **values: str):
    case = sample_case(TODAY)
    case.id = f"id-{name.replace(' ', '-')}"
    case.values.update({"intent_confirmed": INTENT, "name": name,
                        "current_status": "特定技能１号 Specified Skilled Worker ( i )", **values})
    path = tmp_path / f"{name.replace(' ', '_')}.json"
    write_case_file(path, case)
    return path


def test_export_workbook_fills_the_official_copy(tmp_path, capsys):
    template = build_template(tmp_path / "official.xlsm")
    files = [case_file(tmp_path, "SANTOS MARIA"), case_file(tmp_path, "REYES ANA")]
    out = tmp_path / "filled.xlsm"
    code = main(["export", "workbook", *map(str, files), "--template", str(template),
                 "--out", str(out), "--date", TODAY.isoformat(), "--json"])
    assert code == 0
    report = json.loads(capsys.readouterr().out)
    assert report["file"] == str(out) and report["applicants"] == 2
    assert report["sheets"][0]["worksheet"] == worksheet_name("main")
    column = catalogue("renewal").headers("main").index("身分事項_氏名") + 1
    ws = load_workbook(out)[worksheet_name("main")]
    assert [ws.cell(row=r, column=column).value for r in (8, 9)] == ["SANTOS MARIA", "REYES ANA"]
    with zipfile.ZipFile(out) as package:
        assert package.read("xl/vbaProject.bin") == VBA_BYTES


def test_existing_output_needs_force_and_the_template_is_never_replaced(tmp_path, capsys):
    template = build_template(tmp_path / "official.xlsm")
    files = [str(case_file(tmp_path, "SANTOS MARIA"))]
    out = tmp_path / "filled.xlsm"
    out.write_bytes(b"keep")
    argv = ["export", "workbook", *files, "--template", str(template), "--date", "2026-12-07"]
    assert main([*argv, "--out", str(out)]) == 2
    assert out.read_bytes() == b"keep"
    assert "--force" in capsys.readouterr().err
    assert main([*argv, "--out", str(out), "--force"]) == 0
    before = template.read_bytes()
    assert main([*argv, "--out", str(template), "--force"]) == 2
    assert "テンプレート）そのもの" in capsys.readouterr().err
    assert template.read_bytes() == before


def test_case_problems_exit_1_template_problems_exit_2(tmp_path, capsys):
    template = build_template(tmp_path / "official.xlsm", rows=1)
    good, bad = case_file(tmp_path, "SANTOS MARIA"), case_file(tmp_path, "REYES ANA",
                                                               birth_date="19951340")
    out = tmp_path / "filled.xlsm"
    base = ["export", "workbook", "--template", str(template), "--out", str(out),
            "--date", "2026-12-07"]
    assert main([*base[:2], str(bad), *base[2:], "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["file"] is None and report["problems"][0]["code"] == "official_case_errors"
    assert main([*base[:2], str(good), str(good), *base[2:]]) == 2   # 2 applicants, 1 row
    assert "入力行は 1 行" in capsys.readouterr().err
    assert not out.exists()
