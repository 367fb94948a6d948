"""Importing the bulk workbook after staff edited it: good rows become cases, broken rows are
reported per row and column and not imported."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import Workbook, load_workbook

from assistant.model import kubun
from assistant.model.case import KUBUN_ACTIVITY, Case
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


# ----------------------------------------------------------------- what import refuses

def _rewrite_member(book, member: str, change) -> None:
    """Rewrite one XML member of the workbook as a user (or an attacker) could."""
    import zipfile

    with zipfile.ZipFile(book) as archive:
        items = [(info, archive.read(info.filename)) for info in archive.infolist()]
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in items:
            archive.writestr(info.filename, change(data) if info.filename == member else data)


def _main_sheet_member(book) -> str:
    wb = load_workbook(book, read_only=True)
    index = wb.sheetnames.index("申請情報入力")
    wb.close()
    return f"xl/worksheets/sheet{index + 1}.xml"


def test_an_edited_or_missing_header_refuses_the_whole_file_and_lists_them(tmp_path):
    book, folder, col = edited_workbook(tmp_path)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    wb = load_workbook(book)
    ws = wb["申請情報入力"]
    ws.cell(xlsx.ROW_HEADER, col["身分事項_氏名"], "身分事項_氏名(ローマ字)")
    wb.save(book)
    with pytest.raises(xlsx_import.WorkbookError) as exc:
        xlsx_import.import_into_folder(book, folder, on=ON)
    message = exc.value.message_ja
    assert "身分事項_氏名(ローマ字)" in message              # unknown
    assert "ない見出し: 身分事項_氏名" in message             # missing
    assert "申請情報入力" in message
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_formula_and_error_cells_are_refused_per_cell_and_never_erase_a_stored_value(tmp_path):
    book, folder, col = edited_workbook(tmp_path)
    wb = load_workbook(book)
    ws = wb["申請情報入力"]
    name, card = col["身分事項_氏名"], col["身分事項_在留カード番号"]
    ws.cell(8, name).value = "=cmd|' /C calc'!A0"               # DDE formula, no cached value
    ws.cell(10, card).value = "=\"AB12345673CD\""               # a formula giving a value
    wb.save(book)
    # an error value as Excel stores it: t="e" with the error text
    member = _main_sheet_member(book)
    letter = xlsx._col_letter(name)
    _rewrite_member(book, member, lambda xml: xml.replace(
        b'<c r="' + f"{letter}9".encode() + b'" t="inlineStr"><is><t>TRAN THI TWO</t></is></c>',
        b'<c r="' + f"{letter}9".encode() + b'" t="e"><v>#REF!</v></c>'))
    stored = {p.name: p.read_bytes() for p in folder.iterdir()}
    result, _ = xlsx_import.import_into_folder(book, folder, on=ON)
    refused = {(p.row, p.column): p.problem.code for r in result.rejected for p in r.problems}
    assert refused[(8, letter)] == "import_formula_cell"
    assert refused[(10, xlsx._col_letter(card))] == "import_formula_cell"
    assert refused[(9, letter)] == "import_error_cell"
    assert 8 not in [r.row for r in result.imported] and 10 not in [r.row for r in result.imported]
    for case_id in ("case-1", "case-2", "case-3"):        # stored values untouched
        assert (folder / f"{case_id}.json").read_bytes() == stored[f"{case_id}.json"]
    assert load_case_file(folder / "case-1.json").values["name"] == "TRAN THI ONE"
    text = [p for r in result.rejected for p in r.problems if p.row == 8][0].describe()
    assert "数式" in text


def test_a_cell_longer_than_its_field_is_refused(tmp_path):
    book, folder, col = edited_workbook(tmp_path)
    limit = catalogue("renewal").field("name").max_length
    wb = load_workbook(book)
    wb["申請情報入力"].cell(10, col["身分事項_氏名"], "A" * 10_000_000)
    wb.save(book)
    result, _ = xlsx_import.import_into_folder(book, folder, on=ON)
    (problem,) = [p for r in result.rejected if r.row == 10 for p in r.problems]
    assert problem.problem.code == "import_cell_too_long"
    assert f"{limit}文字まで" in problem.problem.message_ja and len(problem.value) < 300


def test_more_applicants_than_the_limit_are_refused(tmp_path):
    book, folder, _ = edited_workbook(tmp_path)
    wb = load_workbook(book)
    ws = wb["申請情報入力"]
    ws.cell(xlsx.FIRST_DATA_ROW + 5000, 1, "TOO MANY")       # applicant number 5001
    wb.save(book)
    with pytest.raises(xlsx_import.WorkbookError) as exc:
        xlsx_import.import_into_folder(book, folder, on=ON)
    assert "5000人" in exc.value.message_ja


def test_a_workbook_unpacking_to_more_than_50_mb_is_refused_before_parsing(tmp_path):
    import zipfile

    book, folder, _ = edited_workbook(tmp_path)
    with zipfile.ZipFile(book, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/padding.bin", b"\0" * 60_000_000)   # 60 MB of zeros
    assert book.stat().st_size < 1_000_000
    with pytest.raises(xlsx_import.WorkbookError) as exc:
        xlsx_import.import_workbook(book, on=ON)
    assert exc.value.code == "import_too_large"


def test_the_case_files_are_written_together_or_not_at_all(tmp_path):
    """A write failing at the last file (a file-size limit, like a full disk) leaves every case
    file as it was: the files are written in full before any replaces its old version."""
    import subprocess
    import sys

    book, folder, col = edited_workbook(tmp_path)
    # the new applicant's file (row 11, written last) is over the limit with its remarks
    wb = load_workbook(book)
    wb["申請情報入力"].cell(11, col[catalogue("renewal").field("remarks").header], "備" * 300)
    wb.save(book)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    size = max(len(b) for b in before.values()) + 100
    script = (
        "import resource, signal, sys\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        f"resource.setrlimit(resource.RLIMIT_FSIZE, ({size}, {size}))\n"
        "from assistant.model.exports import xlsx_import\n"
        "import datetime\n"
        "try:\n"
        f"    xlsx_import.import_into_folder({str(book)!r}, {str(folder)!r},"
        " on=datetime.date(2026, 11, 26))\n"
        "except OSError:\n"
        "    sys.exit(3)\n")
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert proc.returncode == 3, proc.stderr
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_an_import_into_the_database_is_one_transaction(tmp_path):
    """A case that vanishes between reading the workbook and writing it (purged in another
    window) stops the import: nothing of it is written, neither the update of the row before
    nor the new applicant after."""
    from assistant.model.exports.jobs import apply_import
    from assistant.model.storage import CaseNotFoundError, CaseStore

    with CaseStore.open(tmp_path / "cases.sqlite") as store:
        stored = [store.create("renewal", case.values) for case in applicants()]
        book = xlsx.write_workbook(stored, tmp_path / "renewal.xlsx")
        wb = load_workbook(book)
        ws = wb["申請情報入力"]
        col = {h: i + 1 for i, h in enumerate(c.value for c in ws[xlsx.ROW_HEADER])}
        ws.cell(8, col["身分事項_氏名"], "TRAN THI CHANGED")
        ws.cell(9, col["身分事項_氏名"], "TRAN THI GONE")
        ws.cell(11, col["身分事項_氏名"], "NEW APPLICANT")
        wb.save(book)
        result = xlsx_import.import_workbook(book, on=ON, existing={c.id: c for c in stored})
        assert [(r.row, r.created) for r in result.imported if r.created or r.changed] == [
            (8, False), (9, False), (11, True)]
        store.delete(stored[1].id)
        store.purge(stored[1].id)
        with pytest.raises(CaseNotFoundError):
            apply_import(store, result)
        assert store.count() == 2
        assert store.get(stored[0].id).values["name"] == "TRAN THI ONE"


def test_text_cells_that_a_spreadsheet_would_run_are_refused(tmp_path):
    """Typed as text (not a formula cell), =cmd|… or a tab before = would still become a formula
    in the next export's spreadsheet: the check refuses the cell, so the row is not taken."""
    book, folder, col = edited_workbook(tmp_path)
    wb = load_workbook(book)
    ws = wb["申請情報入力"]
    remarks = col[catalogue("renewal").field("remarks").header]
    for row, text in ((10, "=cmd|' /C calc'!A0"), (11, "\t=1+1")):
        cell = ws.cell(row, remarks, text)
        cell.data_type = "s"
    wb.save(book)
    result, _ = xlsx_import.import_into_folder(book, folder, on=ON)
    refused = {(p.row, p.field): p.problem.code for r in result.rejected for p in r.problems}
    assert refused[(10, "remarks")] == refused[(11, "remarks")] == "field_formula_start"
    assert "remarks" not in load_case_file(folder / "case-3.json").values
    assert len(list(folder.glob("*.json"))) == 3          # the new applicant was not taken


# ----------------------------------------------------------------- the activity choice

RESEARCHER = "研究 Researcher"
TRANSFER = "日本にある事業所に期間を定めて転勤して研究活動に従事すること"   # 区分L, not the default N
CONTRACT = "契約に基づき収入を伴う研究を行う活動"                           # 区分N


def researcher(activity: str = TRANSFER) -> dict[str, str]:
    values = dict(applicants()[0].values, current_status=RESEARCHER)
    if activity:
        values[KUBUN_ACTIVITY] = activity
    return values


def _column(ws, header: str) -> int:
    return [c.value for c in ws[xlsx.ROW_HEADER]].index(header) + 1


def test_the_activity_choice_survives_the_workbook_into_a_fresh_store(tmp_path):
    """A 研究 renewal whose activity picks 区分L (not the status's default N), exported from one
    real store and imported into a fresh one, keeps its activity, its 区分 and validates
    without asking for the activity again."""
    from assistant.model.exports.jobs import apply_import, read_workbook
    from assistant.model.storage import CaseStore
    from assistant.model.validation import validate_case

    cat = catalogue("renewal")
    assert kubun.case_kubun(cat, researcher("")).kubun == "N"     # the default …
    with CaseStore.open(tmp_path / "office-a.sqlite") as store:
        case = store.create("renewal", researcher())
        assert kubun.case_kubun(cat, case.values).kubun == "L"    # … and the choice
        book = xlsx.write_workbook([case], tmp_path / "renewal.xlsx")

    wb = load_workbook(book)
    ws = wb["申請情報入力"]
    column = _column(ws, xlsx.activity_header())
    assert ws.cell(xlsx.FIRST_DATA_ROW, column).value == TRANSFER
    assert column == _column(ws, xlsx.case_id_header()) - 1        # after the template columns
    cell = f"{xlsx._col_letter(column)}{xlsx.FIRST_DATA_ROW}"
    dropdown = next(dv for dv in ws.data_validations.dataValidation if cell in dv.sqref)
    sheet, cells = wb.defined_names[dropdown.formula1.lstrip("=")].attr_text.split("!")
    choices = [c.value for row in wb[sheet.strip("'")][cells.replace("$", "")] for c in row]
    assert choices == [CONTRACT, TRANSFER]                         # the 研究 purposes only

    with CaseStore.open(tmp_path / "office-b.sqlite") as fresh:
        result = read_workbook(fresh, book, ON)
        assert not result.rejected
        created, _ = apply_import(fresh, result)
        assert len(created) == 1
        imported = fresh.get(created[0])
    assert imported.values[KUBUN_ACTIVITY] == TRANSFER
    assert kubun.case_kubun(cat, imported.values).kubun == "L"
    codes = {p.code for p in validate_case(imported, ON)}
    assert "kubun_activity_required" not in codes
    # the check this guards against: the same case without its choice is asked for one
    without = Case(id="x", procedure="renewal", values=researcher(""))
    assert "kubun_activity_required" in {p.code for p in validate_case(without, ON)}


def test_an_activity_the_status_does_not_have_refuses_its_row_only(tmp_path):
    folder = tmp_path / "cases"
    folder.mkdir()
    cases = [Case(id=f"r{i}", procedure="renewal", values=researcher()) for i in (1, 2, 3)]
    cases.append(Case(id="r4", procedure="renewal", values=dict(
        applicants()[1].values, current_status="技術・人文知識・国際業務 "
        "Engineer/Specialist in Humanities/International Services")))
    for case in cases:
        write_case_file(folder / f"{case.id}.json", case)
    book = xlsx.write_workbook(cases, tmp_path / "renewal.xlsx")
    wb = load_workbook(book)
    ws = wb["申請情報入力"]
    column = _column(ws, xlsx.activity_header())
    assert ws.cell(11, column).value is None                       # 技術…: no activity
    ws.cell(8, column, "上記以外の目的（1）")                        # a 特定活動 purpose
    ws.cell(9, column, CONTRACT.replace("研究", " 研究 ", 1))        # spaced: still a purpose
    ws.cell(10, column).value = None                               # the choice cleared
    ws.cell(11, column, CONTRACT)                                  # 技術… is not split
    ws.cell(8, _column(ws, "身分事項_氏名"), "TRAN THI RENAMED")
    wb.save(book)

    result, _ = xlsx_import.import_into_folder(book, folder, on=ON)
    assert [r.row for r in result.imported] == [9, 10]
    assert [r.row for r in result.rejected] == [8, 11]
    unknown, = result.rejected[0].problems
    assert unknown.problem.code == "import_activity_unknown"
    text = unknown.describe()
    assert f"{xlsx._col_letter(column)}8" in text and "上記以外の目的（1）" in text
    assert RESEARCHER in text and CONTRACT in text and TRANSFER in text
    not_split, = result.rejected[1].problems
    assert not_split.problem.code == "import_activity_not_split"
    assert "技術・人文知識・国際業務" in not_split.describe()
    kept = load_case_file(folder / "r1.json").values                # nothing of row 8 taken
    assert kept[KUBUN_ACTIVITY] == TRANSFER and kept["name"] == cases[0].values["name"]
    assert load_case_file(folder / "r2.json").values[KUBUN_ACTIVITY] == CONTRACT
    assert KUBUN_ACTIVITY not in load_case_file(folder / "r3.json").values


def test_a_workbook_of_version_1_keeps_the_stored_activity(tmp_path):
    """A workbook written before the activity column (version 1) still imports; the case's
    stored choice is kept."""
    folder = tmp_path / "cases"
    folder.mkdir()
    case = Case(id="r1", procedure="renewal", values=researcher())
    write_case_file(folder / "r1.json", case)
    book = xlsx.write_workbook([case], tmp_path / "renewal.xlsx")
    wb = load_workbook(book)
    ws = wb["申請情報入力"]
    ws.delete_cols(_column(ws, xlsx.activity_header()))
    ws.cell(8, _column(ws, "身分事項_氏名"), "TRAN THI OLD BOOK")
    meta = wb["_meta"]
    version = next(row for row in meta.iter_rows() if row[0].value == "version")
    version[1].value = "1"
    wb.save(book)
    result, _ = xlsx_import.import_into_folder(book, folder, on=ON)
    assert not result.rejected
    values = load_case_file(folder / "r1.json").values
    assert values["name"] == "TRAN THI OLD BOOK" and values[KUBUN_ACTIVITY] == TRANSFER
