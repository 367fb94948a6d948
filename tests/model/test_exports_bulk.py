"""Bulk template CSV: the official header row, the stored values, Shift_JIS checks.

The cases are complete (ISA's example case, tests/isa_cases.py) and exported for filing on
its date: the export validates every case first and refuses a case with errors.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.model.case import Case
from assistant.model.exports import bulk
from assistant.model.fields import catalogue
from assistant.model.normalize import normalize_values
from tests.isa_cases import ON, complete_case, main_sheet_case

ISA = Path(__file__).resolve().parents[1] / "fixtures" / "isa_templates"


def template_header(procedure: str, sheet: str) -> list[str]:
    if ISA.exists():  # the ISA reference data is only on the build machine
        with (ISA / procedure / f"{sheet}.csv").open(encoding="utf-8-sig", newline="") as fh:
            return next(csv.reader(fh))
    return catalogue(procedure).headers(sheet)


def read_csv(path: Path, encoding: str = "utf-8-sig") -> list[list[str]]:
    with path.open(encoding=encoding, newline="") as fh:
        return list(csv.reader(fh))


def applicant(i: int = 1, procedure: str = "renewal", every_sheet: bool = False,
              **values: str) -> Case:
    """A complete case (validation accepts it on ``ON``) with these values: main-sheet data
    only, or ISA's whole example (data on every sheet)."""
    base = {"name": f"NGUYEN VAN AN{_letter(i)}", "birth_date": "19950412",
            "sex": "男 male", "nationality": "ベトナム Viet Nam", "has_zairyu_card": "有 Yes",
            "zairyu_card_number": "AB12345678CD"}
    make = complete_case if every_sheet else main_sheet_case
    return make(procedure, f"case-{i}", **{**base, **values})


def _letter(i: int) -> str:
    """A name takes capital letters only: applicant 1 is AN A, 2 is AN B …"""
    return "ABCDEFGHIJ"[(i - 1) % 10]


def export_csv(cases: list[Case], out: Path, **options: str) -> bulk.BulkResult:
    return bulk.export_csv(cases, out, on=ON, **options)  # type: ignore[arg-type]


def column(rows: list[list[str]], header: str) -> list[str]:
    index = rows[0].index(header)
    return [row[index] for row in rows[1:]]


@pytest.mark.parametrize("procedure", ["renewal", "change", "coe"])
def test_exported_header_equals_the_template_header(tmp_path, procedure):
    case = applicant(procedure=procedure, every_sheet=True)   # ISA's example: every sheet
    sheets = catalogue(procedure).sheets
    result = export_csv([case], tmp_path)
    assert sorted(p.name for p in result.files) == sorted(f"{procedure}_{s}.csv" for s in sheets)
    for sheet in sheets:
        rows = read_csv(tmp_path / f"{procedure}_{sheet}.csv")
        assert rows[0] == template_header(procedure, sheet)
        assert len(rows) == 2 and len(rows[1]) == len(rows[0])


def test_file_is_utf8_with_bom_and_crlf(tmp_path):
    result = export_csv([applicant()], tmp_path)
    raw = result.files[0].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.count(b"\r\n") == 2


def test_values_are_formatted_as_the_template_guidance_says(tmp_path):
    # The contract changed: the formatting happens once, when the values are entered
    # (normalize_values, as the wizard, case files and the workbook import do); the export
    # writes the stored values and refuses values typed but never normalised.
    typed = {"name": "nguyen van an", "birth_date": "1995-04-12", "postal_code": "１２３－４５６７",
             "address_street": "1-1-1 霞ヶ関ﾊｲﾂ202", "zairyu_card_number": "ab12345678cd"}
    refused = export_csv([applicant(**typed)], tmp_path / "raw")
    assert not refused.written and not (tmp_path / "raw").exists()
    assert {i.key for i in refused.errors} == set(typed)
    stored, _ = normalize_values(catalogue("renewal"), typed)
    export_csv([applicant(**stored)], tmp_path)
    rows = read_csv(tmp_path / "renewal_main.csv")
    assert column(rows, "身分事項_氏名") == ["NGUYEN VAN AN"]
    assert column(rows, "身分事項_生年月日") == ["19950412"]
    assert column(rows, "身分事項_日本における住居地(町名丁目番地号等)") == ["１－１－１　霞ヶ関ハイツ２０２"]
    assert column(rows, "身分事項_在留カード番号") == ["AB12345678CD"]
    assert column(rows, "身分事項_日本における連絡先_郵便番号") == ["1234567"]
    assert column(rows, "身分事項_性別") == ["男 male"]          # labels by default
    assert column(rows, "身分事項_国籍・地域") == ["ベトナム Viet Nam"]


def test_code_list_cells_as_codes_is_a_setting(tmp_path):
    result = export_csv([applicant()], tmp_path, cells="codes")
    rows = read_csv(result.files[0])
    assert column(rows, "身分事項_性別") == ["1"]
    assert column(rows, "身分事項_国籍・地域") == ["L61"]
    assert column(rows, "身分事項_在留カードの有無") == ["1"]


def test_nationality_without_a_known_code_is_reported_and_kept_as_label(tmp_path):
    china = next(e for e in __import__("assistant.model.codelists", fromlist=["x"])
                 .code_list("nationality").entries if e.code is None)
    result = export_csv([applicant(nationality=china.label)], tmp_path, cells="codes")
    assert result.written
    warnings = [i for i in result.issues if i.key == "nationality"]
    assert warnings and not warnings[0].problem.is_error
    assert column(read_csv(result.files[0]), "身分事項_国籍・地域") == [china.label]


def test_one_row_per_applicant_in_the_cases_order(tmp_path):
    cases = [applicant(i) for i in range(1, 6)]
    result = export_csv(cases, tmp_path)
    rows = read_csv(result.files[0])
    assert column(rows, "身分事項_氏名") == [f"NGUYEN VAN AN{_letter(i)}" for i in range(1, 6)]


def test_sheet_files_only_where_some_applicant_has_data_and_rows_stay_aligned(tmp_path):
    plain = applicant(1)
    example = complete_case().values   # ISA's re-entry block, complete
    reentry = {k: v for k, v in example.items()
               if k.startswith(("reentry_", "receipt_"))} | {"reentry_destination": "ベトナム"}
    with_reentry = applicant(2, simultaneous_reentry="再入国許可申請 Re-entry permit", **reentry)
    result = export_csv([plain, with_reentry], tmp_path)
    assert [p.name for p in result.files] == ["renewal_main.csv", "renewal_simultaneous.csv"]
    rows = read_csv(tmp_path / "renewal_simultaneous.csv")
    assert len(rows) == 3
    assert column(rows, "共通項目_同時申請種別選択_再入国許可申請_Re-entry_permit") == [
        "", "再入国許可申請 Re-entry permit"]


def test_cases_of_different_procedures_go_to_separate_files(tmp_path):
    result = export_csv([applicant(1), applicant(2, procedure="coe")], tmp_path)
    assert sorted(p.name for p in result.files) == ["coe_main.csv", "renewal_main.csv"]


def test_cp932_reports_every_character_before_writing_anything(tmp_path):
    cases = [applicant(1, relative_name__1="x"),
             applicant(2, **{"relative_name[1]": "髙橋　﨑子", "has_relatives": "有 Yes",
                             "relative_relationship[1]": "母 Mother",
                             "relative_nationality[1]": "ベトナム Viet Nam",
                             "relative_lives_together[1]": "無 No"}),
             applicant(3, occupation="エンジニア𠮷")]
    result = export_csv(cases, tmp_path / "out", encoding="cp932")
    assert not result.written and not (tmp_path / "out").exists()
    found = [(i.row, i.key, i.bad.char, i.bad.suggestion) for i in result.errors]
    assert found == [(2, "relative_name[1]", "髙", "高"), (2, "relative_name[1]", "﨑", "崎"),
                     (3, "occupation", "𠮷", "吉")]
    message = result.errors[0].problem.message_ja
    assert "2人目" in message and "髙" in message and "高" in message
    assert "身分事項_在日親族及び同居者1_在日親族及び同居者_氏名" in message


def test_after_applying_the_suggestions_cp932_export_works(tmp_path):
    case = applicant(2, every_sheet=True, **{"relative_name[1]": "髙橋　﨑子"})
    first = export_csv([case], tmp_path, encoding="cp932")
    case.values.update(bulk.apply_suggestions(case, first.issues))
    result = export_csv([case], tmp_path, encoding="cp932")
    assert result.written and not result.errors
    rows = read_csv(result.files[0], encoding="cp932")
    assert rows[0] == template_header("renewal", "main")
    assert column(rows, "身分事項_在日親族及び同居者1_在日親族及び同居者_氏名") == ["高橋　崎子"]


def test_utf8_export_keeps_characters_shift_jis_cannot_carry(tmp_path):
    case = applicant(2, **{"relative_name[1]": "髙橋"})
    result = export_csv([case], tmp_path)
    assert result.written and not result.issues
    assert "髙橋" in result.files[0].read_text(encoding="utf-8-sig")


def test_bad_settings_are_refused(tmp_path):
    with pytest.raises(ValueError):
        export_csv([applicant()], tmp_path, encoding="latin-1")
    with pytest.raises(ValueError):
        export_csv([applicant()], tmp_path, cells="both")


# ---------------------------------------------------------------- the fast paths against the rule

RENEWAL = catalogue("renewal")
# every case has the status of the 区分 whose sheet the template carries (区分V): a case whose
# status is not answered exports no 区分 sheet (docs/domain.md#categories)
_SSW1 = "特定技能１号 Specified Skilled Worker ( i )"
_SOME_KEYS = sorted({c.key for s in RENEWAL.sheets for c in RENEWAL.columns(s) if c.key}
                    - {"current_status"})
_TEXT_KEYS = [k for k in _SOME_KEYS if not RENEWAL.field(k).code_list]
_CODE_KEYS = [k for k in _SOME_KEYS if RENEWAL.field(k).code_list]
# stored values as offices have them: normalised, half-normalised, code labels and codes,
# and the characters CSV has to quote
_values = st.one_of(
    st.sampled_from(["NGUYEN VAN AN", "nguyen  van an", "19950412", "1995-04-12", "令和6年4月1日",
                     "１２３－４５６７", "0312345678", "霞が関1-2-3", "霞が関１－２－３", "ｶﾀｶﾅ",
                     "男 male", "2", "ベトナム Viet Nam", " ベトナム ", "有 Yes", "1",
                     'say "hi"', "a,b", "line1\nline2", "cr\rlf", "  ", "\x1f"]),
    st.text(alphabet=st.sampled_from('AZaz09 ,"\n\r\u3000ｱア霞-'), max_size=8))
_case_values = st.dictionaries(st.one_of(st.sampled_from(_TEXT_KEYS), st.sampled_from(_CODE_KEYS)),
                               _values, max_size=12)


def _reference_tables(cases: list[Case], cells: str) -> dict[str, list[list[str]]]:
    """The rule, cell by cell: each column's key, its stored value (a pull-down's mapped to
    the label or code); sheets with data of their own."""
    tables = {}
    for sheet in RENEWAL.sheets:
        columns = RENEWAL.columns(sheet)
        first = {}
        for index, column in enumerate(columns):
            if column.key and column.field_id:
                first.setdefault(column.key, index)
        own = any(case.values.get(key) and RENEWAL.field(key).sheet == sheet
                  for case in cases for key in first)
        if sheet != "main" and not own:
            continue
        rows = []
        for case in cases:
            row = [""] * len(columns)
            for key, index in first.items():
                value = case.values.get(key, "")
                if value:
                    row[index] = bulk.formatter(RENEWAL.field(key), cells)(value)
            rows.append(row)
        tables[sheet] = rows
    return tables


@settings(deadline=None, max_examples=60)  # a loaded machine must not turn slowness into failures
@given(st.lists(_case_values, min_size=1, max_size=5), st.sampled_from(bulk.CELL_MODES))
def test_tables_hold_each_value_formatted_as_the_rule_says(values: list[dict[str, str]],
                                                           cells: str) -> None:
    cases = [Case(id=f"c{i}", procedure="renewal", values={**v, "current_status": _SSW1})
             for i, v in enumerate(values)]
    tables = bulk.sheet_tables(cases, cells)
    assert {t.sheet: [list(r) for r in t.rows] for t in tables} == \
        _reference_tables(cases, cells)
    for table in tables:   # what the Shift_JIS check looks at: every cell, once
        assert table.distinct_cells - {""} == set().union(*table.rows) - {""}


@settings(deadline=None, max_examples=60)  # a loaded machine must not turn slowness into failures
@given(st.lists(_case_values, min_size=1, max_size=5))
def test_csv_text_is_what_the_csv_module_writes(values: list[dict[str, str]]) -> None:
    cases = [Case(id=f"c{i}", procedure="renewal", values=v) for i, v in enumerate(values)]
    for table in bulk.sheet_tables(cases):   # quotes and line breaks kept
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(table.headers)
        writer.writerows(table.rows)
        assert bulk.csv_text(table) == buffer.getvalue()


def test_the_rule_profile_decides_what_is_refused(tmp_path):
    """A coe received by e-mail is right under the 2026 rules only: the export validates under
    the office's profile (the GUI passes its setting through jobs.write_bulk_csv)."""
    case = applicant(1, procedure="coe", receipt_method="メール Email")
    assert export_csv([case], tmp_path / "2026", profile="system-2026").written
    refused = export_csv([case], tmp_path / "2024", profile="guide-2024")
    assert not refused.written
    assert [i.problem.code for i in refused.errors] == ["receipt_method_not_allowed"]
