"""Read the bulk workbook back (after staff edited it in Excel): create or update cases.

The workbook is the one :mod:`.xlsx` writes: a hidden ``_meta`` sheet names the procedure, each
template sheet has its logical names in row 5 and one applicant per row from row 8, the last
column the case id (empty for a new applicant). Row *n* of every sheet is the same applicant.

Every non-empty cell is normalised and checked with the validation API
(:func:`assistant.model.validation.validate_field`); a row with any error is not imported, and
every problem is reported with its sheet, row, column and header. Rows without errors become
cases: an existing case (same id) is updated — the template columns present in the workbook
replace its values, others are kept — and a new row becomes a new case.

The activity column (version 2, :mod:`.xlsx`) carries the case's activity choice where the
forms split its status across 区分 (``KUBUN_ACTIVITY``): a purpose of the row's status (compared
without width or space differences, stored in the form's words) or empty (no choice); a purpose
the status does not have refuses the row. A version 1 workbook has no such column: the stored
choice is kept.
"""

from __future__ import annotations

import os
import uuid
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from assistant.model import kubun
from assistant.model.case import KUBUN_ACTIVITY, Case
from assistant.model.exports import xlsx
from assistant.model.fields import Catalogue, catalogue
from assistant.model.normalize import normalize_value
from assistant.model.problems import MessageError, Problem, Severity, make_problem, message_texts
from assistant.model.validation import FieldContext, validate_field
from assistant.resources import load_json


class WorkbookError(MessageError):
    """The file is not a bulk workbook this program can read (message in ja / en)."""


@dataclass(frozen=True)
class CellProblem:
    """Something wrong with one cell of the workbook."""

    sheet: str        # worksheet title as the user sees it
    row: int          # Excel row number
    column: str       # Excel column letter
    header: str       # the logical name in row 5
    field: str        # case-value key
    value: str
    problem: Problem

    def describe(self, language: str = "ja") -> str:
        ja, en = message_texts("import_cell", sheet=self.sheet, cell=f"{self.column}{self.row}",
                               header=self.header, message=self.problem.message(language))
        return en if language == "en" else ja


@dataclass(frozen=True)
class _ActivityColumn:
    """The activity column read as a cell of a field (the cell checks need an id and a
    maximum length)."""

    id: str = KUBUN_ACTIVITY
    max_length: int | None = None


@dataclass
class RowResult:
    row: int                         # Excel row number (the same on every sheet)
    case: Case | None = None
    created: bool = False
    changed: bool = False            # an existing case whose values the row changes
    problems: list[CellProblem] = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        return any(p.problem.is_error for p in self.problems)


@dataclass
class ImportResult:
    procedure: str
    imported: list[RowResult] = field(default_factory=list)
    rejected: list[RowResult] = field(default_factory=list)


def _limits() -> dict[str, int]:
    data: dict[str, Any] = load_json("exports", "workbook.json")
    return {k: int(v) for k, v in data["import_limits"].items() if not k.startswith("_")}


def _text(value: Any, kind: str) -> str:
    """A cell's value as the text the office meant (Excel turns some text into numbers/dates)."""
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.strftime("%Y%m" if kind == "year_month" else "%Y%m%d")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _check_archive(path: Path) -> None:
    """Refuse a workbook whose members unpack to more than the limit, before parsing any XML
    (a few KB of deflate data can unpack to gigabytes), and one whose XML declares a DTD
    (entity bombs, external entities: :mod:`assistant.model.exports.ooxml`)."""
    limits = _limits()
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (OSError, zipfile.BadZipFile, ValueError) as exc:
        raise WorkbookError("import_unreadable", path=str(path), detail=str(exc)) from exc
    total = sum(member.file_size for member in members)
    if total > limits["max_unpacked_bytes"] or len(members) > limits["max_members"]:
        raise WorkbookError("import_too_large", path=str(path), size=total // 1_000_000,
                            limit=limits["max_unpacked_bytes"] // 1_000_000)
    import zlib

    from assistant.model.exports.ooxml import part_with_dtd

    try:
        with zipfile.ZipFile(path) as archive:
            unsafe = part_with_dtd(archive)
    except (OSError, zipfile.BadZipFile, zlib.error, EOFError, ValueError) as exc:
        raise WorkbookError("import_unreadable", path=str(path), detail=str(exc)[:200]) from exc
    if unsafe is not None:
        raise WorkbookError("import_unsafe_xml", path=str(path))


def _meta(wb: Any) -> dict[str, Any]:
    if xlsx.META_SHEET not in wb.sheetnames:
        raise WorkbookError("import_not_bulk_workbook")
    meta: dict[str, Any] = {"sheets": []}
    for row in wb[xlsx.META_SHEET].iter_rows(max_row=100, values_only=True):
        if not row or row[0] is None:
            continue
        if row[0] == "sheet":
            if len(row) < 3:
                raise WorkbookError("import_bad_meta", item="sheet", value=row[1:])
            meta["sheets"].append((str(row[1]), str(row[2])))
        else:
            meta[str(row[0])] = row[1] if len(row) > 1 else None
    if meta.get("format") != xlsx.FORMAT:
        raise WorkbookError("import_not_bulk_workbook")
    version = str(meta.get("version") or "0").strip()
    if not version.isascii() or not version.isdigit() or len(version) > 6:
        raise WorkbookError("import_bad_meta", item="version", value=version[:40])
    if int(version) > xlsx.FORMAT_VERSION:
        raise WorkbookError("import_newer_workbook", version=version)
    return meta


def _column_map(cat: Catalogue, sheet: str, title: str,
                header_row: list[Any]) -> tuple[dict[int, tuple[str, str]], str | None]:
    """0-based worksheet column -> (case-value key, header), matched by logical name, and the
    problems of the header row (unknown and missing headers) as one line, None when it is right.

    Duplicate logical names (the template repeats some) are matched by occurrence order.
    """
    from openpyxl.utils import get_column_letter

    wanted: dict[str, list[str]] = {}
    for column in cat.columns(sheet):
        wanted.setdefault(column.header, []).append(column.key or "")
    id_header = xlsx.case_id_header()
    own_headers = (id_header, xlsx.activity_header())   # the program's, not the template's
    while header_row and header_row[-1] in (None, ""):
        header_row.pop()
    out: dict[int, tuple[str, str]] = {}
    seen: dict[str, int] = {}
    unknown: list[str] = []
    for index, value in enumerate(header_row):
        header = "" if value is None else str(value).strip()
        if header in own_headers:
            continue
        n = seen.get(header, 0)
        if header not in wanted or n >= len(wanted[header]):
            unknown.append(header or message_texts(
                "import_header_empty", column=get_column_letter(index + 1))[0])
            continue
        seen[header] = n + 1
        if wanted[header][n]:
            out[index] = (wanted[header][n], header)
    missing = [h for h, keys in wanted.items() for _ in range(len(keys) - seen.get(h, 0))]
    if not unknown and not missing:
        return out, None
    ja, _ = message_texts("import_headers_sheet", sheet=title,
                          unknown="、".join(unknown) or "なし", missing="、".join(missing) or "なし")
    return out, ja


# Excel's error values: an error cell is refused, never imported as its text.
_FORMULA, _ERROR = "f", "e"


def _cell_problem(cell: Any, fdef: Any, limit: int) -> tuple[str, Problem] | None:
    """(the cell's text, why it is refused) for a formula, an error value or too long a text."""
    kind = getattr(cell, "data_type", None)
    value = cell.value
    if kind == _FORMULA:
        text = getattr(value, "text", value)   # an array formula keeps its text in .text
        return str(text)[:200], make_problem(fdef.id, "import_formula_cell", Severity.ERROR)
    if kind == _ERROR:
        return str(value), make_problem(fdef.id, "import_error_cell", Severity.ERROR,
                                        value=str(value))
    if isinstance(value, str):
        allowed = fdef.max_length or limit
        if len(value) > allowed:
            return value[:200] + "…", make_problem(fdef.id, "import_cell_too_long",
                                                    Severity.ERROR, length=len(value),
                                                    limit=allowed)
    return None


def _open(path: Path) -> Any:
    """The workbook, read-only, formulas as written (so that a formula cell can be refused)."""
    import xml.etree.ElementTree as ET
    import zlib

    from defusedxml import DefusedXmlException
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        return load_workbook(path, read_only=True, data_only=False)
    except DefusedXmlException as exc:
        raise WorkbookError("import_unsafe_xml", path=str(path)) from exc
    except ValueError as exc:   # openpyxl wraps what failed while reading the workbook part
        cause = exc.__cause__ or exc.__context__
        if isinstance(cause, DefusedXmlException):
            raise WorkbookError("import_unsafe_xml", path=str(path)) from exc
        raise WorkbookError("import_unreadable", path=str(path), detail=str(exc)[:200]) from exc
    except (OSError, InvalidFileException, KeyError, TypeError, IndexError,
            zipfile.BadZipFile, zlib.error, ET.ParseError, EOFError) as exc:
        raise WorkbookError("import_unreadable", path=str(path), detail=str(exc)[:200]) from exc


def import_workbook(path: str | os.PathLike[str], *, on: date | None = None,
                    existing: Mapping[str, Case] | None = None) -> ImportResult:
    """Read and check the workbook at ``path``; see the module docstring.

    ``existing``: the cases that rows with a case id update (by id); ``on``: the date for the
    date checks (default: today). :class:`WorkbookError` for a file that is not taken at all
    (not a regular file, too large, unsafe or broken XML, headers that differ from the export,
    more applicants than the limit); cell problems (formulas, error values, texts too long,
    values the checks refuse) reject their row only.
    """
    import xml.etree.ElementTree as ET
    import zlib

    from defusedxml import DefusedXmlException

    from assistant.model.file_guard import FileGuardError, check_input_file

    try:
        book = check_input_file(path)
    except FileGuardError as exc:
        raise WorkbookError("import_not_a_file", detail=exc.message_ja,
                            detail_en=exc.message_en) from exc
    _check_archive(book)
    wb = _open(book)
    try:
        return _read(wb, on or date.today(), existing or {})
    except DefusedXmlException as exc:
        raise WorkbookError("import_unsafe_xml", path=str(path)) from exc
    except (zlib.error, ET.ParseError, zipfile.BadZipFile, EOFError, OSError) as exc:
        raise WorkbookError("import_unreadable", path=str(path), detail=str(exc)[:200]) from exc
    finally:
        wb.close()


def _read(wb: Any, on: date, existing: Mapping[str, Case]) -> ImportResult:
    from openpyxl.utils import get_column_letter

    limits = _limits()
    meta = _meta(wb)
    procedure = str(meta.get("procedure"))
    try:
        cat = catalogue(procedure)
    except KeyError as exc:
        raise WorkbookError("import_unknown_procedure", procedure=procedure[:80]) from exc
    id_header = xlsx.case_id_header()
    max_row = xlsx.FIRST_DATA_ROW - 1 + limits["max_applicants"]
    # Excel row -> {key: (text, sheet title, column letter, header)}; row -> case id
    cells: dict[int, dict[str, tuple[str, str, str, str]]] = {}
    activities: dict[int, tuple[str, str, str, str]] = {}   # row -> the activity cell's text …
    refused: dict[int, list[CellProblem]] = {}
    ids: dict[int, str] = {}
    present: set[str] = set()
    header_problems: list[str] = []
    in_book = {sheet for sheet, _ in meta["sheets"]}
    sheets = []
    for sheet, title in meta["sheets"]:
        if title not in wb.sheetnames or sheet not in cat.sheets:
            raise WorkbookError("import_sheet_missing", sheet=title)
        ws = wb[title]
        header_row = [c.value for c in next(ws.iter_rows(min_row=xlsx.ROW_HEADER,
                                                         max_row=xlsx.ROW_HEADER), ())]
        id_col = header_row.index(id_header) if id_header in header_row else None
        act_col = header_row.index(xlsx.activity_header()) \
            if xlsx.activity_header() in header_row else None
        columns, problem = _column_map(cat, sheet, title, header_row)
        if problem:
            header_problems.append(problem)
        sheets.append((sheet, title, ws, columns, id_col, act_col))
    if header_problems:
        raise WorkbookError("import_headers_wrong", details=" ".join(header_problems))

    for sheet, title, ws, columns, id_col, act_col in sheets:
        # The 同時申請 sheet repeats 氏名, 生年月日 … of the main sheet: read each value from
        # the sheet it belongs to, so an edit there is not undone by the stale copy.
        columns = {i: (key, header) for i, (key, header) in columns.items()
                   if cat.field(key).sheet == sheet or cat.field(key).sheet not in in_book}
        present.update(key for key, _ in columns.values())
        if act_col is not None:
            present.add(KUBUN_ACTIVITY)
        fields = {i: cat.field(key) for i, (key, _) in columns.items()}
        letters = {i: get_column_letter(i + 1) for i in columns}
        for offset, row in enumerate(ws.iter_rows(min_row=xlsx.FIRST_DATA_ROW)):
            if not any(c.value not in (None, "") for c in row):
                continue
            excel_row = xlsx.FIRST_DATA_ROW + offset
            if excel_row > max_row:
                raise WorkbookError("import_too_many_rows", limit=limits["max_applicants"])
            row_cells = cells.setdefault(excel_row, {})
            for index, (key, header) in columns.items():
                if index >= len(row):
                    continue
                cell = row[index]
                if cell.value in (None, ""):
                    continue
                fdef = fields[index]
                bad = _cell_problem(cell, fdef, limits["max_cell_chars"])
                if bad is not None:
                    refused.setdefault(excel_row, []).append(CellProblem(
                        sheet=title, row=excel_row, column=letters[index], header=header,
                        field=key, value=bad[0], problem=bad[1]))
                    continue
                text = _text(cell.value, fdef.kind)
                if text:
                    row_cells[key] = (text, title, letters[index], header)
            if act_col is not None and act_col < len(row) \
                    and row[act_col].value not in (None, ""):
                header, letter = xlsx.activity_header(), get_column_letter(act_col + 1)
                bad = _cell_problem(row[act_col], _ActivityColumn(), limits["max_cell_chars"])
                if bad is not None:
                    refused.setdefault(excel_row, []).append(CellProblem(
                        sheet=title, row=excel_row, column=letter, header=header,
                        field=KUBUN_ACTIVITY, value=bad[0], problem=bad[1]))
                elif text := _text(row[act_col].value, "text"):
                    activities[excel_row] = (text, title, letter, header)
            if id_col is not None and id_col < len(row) and row[id_col].value:
                ids.setdefault(excel_row, str(row[id_col].value).strip()[:100])

    result = ImportResult(procedure=procedure)
    for excel_row in sorted(set(cells) | set(ids) | set(refused) | set(activities)):
        row_cells = cells.get(excel_row, {})
        row = RowResult(row=excel_row, problems=list(refused.get(excel_row, [])))
        values = {key: normalize_value(cat.field(key), text)
                  for key, (text, _, _, _) in row_cells.items()}
        for key, (text, title, letter, header) in row_cells.items():
            context = FieldContext(on=on, values=values, key=key, check_required=False)
            for found in validate_field(cat.field(key), values[key], context):
                row.problems.append(CellProblem(sheet=title, row=excel_row, column=letter,
                                                header=header, field=key, value=text,
                                                problem=found))
        case_id = ids.get(excel_row, "")
        base = existing.get(case_id) if case_id else None
        if base is not None and base.procedure != procedure:
            row.problems.append(CellProblem(
                sheet=meta["sheets"][0][1], row=excel_row, column="", header=id_header,
                field="id", value=case_id,
                problem=make_problem("id", "import_case_other_procedure", Severity.ERROR,
                                     procedure=base.procedure)))
        if excel_row in activities:
            status_values = dict(base.values) if base is not None else {}
            status_values.update(values)
            chosen = _activity(cat, status_values, activities[excel_row], excel_row)
            if isinstance(chosen, CellProblem):
                row.problems.append(chosen)
            else:
                values[KUBUN_ACTIVITY] = chosen
        if row.has_errors:
            result.rejected.append(row)
            continue
        if base is None:
            row.case = Case(id=case_id or uuid.uuid4().hex, procedure=procedure, values=values)
            row.created = True
        else:
            merged = {k: v for k, v in base.values.items() if k not in present}
            merged.update(values)
            row.case = replace(base, values=merged)
            row.changed = merged != base.values
        result.imported.append(row)
    return result


def _activity(cat: Catalogue, values: Mapping[str, str], cell: tuple[str, str, str, str],
              excel_row: int) -> str | CellProblem:
    """The activity choice the cell names for a case with ``values`` (the purpose in the form's
    words), or why it is refused."""
    text, title, letter, header = cell
    answer = kubun.answer_field(cat.procedure)
    status = values.get(answer, "").strip() if answer is not None else ""
    if not status:
        problem = make_problem(KUBUN_ACTIVITY, "import_activity_no_status", Severity.ERROR,
                               value=text)
    else:
        choices = kubun.case_kubun(cat, {answer or "": status}).activities
        chosen = kubun.chosen_activity(choices, text)
        if chosen is not None:
            return chosen.purpose_ja
        if choices:
            problem = make_problem(
                KUBUN_ACTIVITY, "import_activity_unknown", Severity.ERROR, value=text,
                status=status, choices="、".join(f"「{a}」" for a in
                                                xlsx.activity_choices(cat.procedure, status)))
        else:
            problem = make_problem(KUBUN_ACTIVITY, "import_activity_not_split", Severity.ERROR,
                                   status=status)
    return CellProblem(sheet=title, row=excel_row, column=letter, header=header,
                       field=KUBUN_ACTIVITY, value=text, problem=problem)


def case_files(folder: str | os.PathLike[str]) -> dict[str, tuple[Path, Case]]:
    """The readable case files in ``folder`` by case id (unreadable ones are skipped)."""
    from assistant.model.casefile import CaseFileError, load_case_file

    out: dict[str, tuple[Path, Case]] = {}
    base = Path(folder)
    if not base.is_dir():
        return out
    for path in sorted(base.glob("*.json")):
        try:
            case = load_case_file(path)
        except CaseFileError:
            continue
        out.setdefault(case.id, (path, case))
    return out


def import_into_folder(path: str | os.PathLike[str], folder: str | os.PathLike[str], *,
                       on: date | None = None) -> tuple[ImportResult, dict[str, Path]]:
    """Import the workbook into the case files of ``folder`` (updating files with the same id).

    Nothing is written until every row has been read and checked; then the case files are
    written together (each atomically, one folder sync at the end), so an import stopped while
    reading leaves the folder as it was.
    """
    from assistant.model.atomic import atomic_write_files
    from assistant.model.casefile import default_file_name, dumps_case

    known = case_files(folder)
    result = import_workbook(path, on=on, existing={k: c for k, (_, c) in known.items()})
    target = Path(folder)
    taken = {p.name for p in target.iterdir()} if target.is_dir() else set()
    next_number: dict[str, int] = {}
    written: dict[str, Path] = {}
    files: dict[Path, bytes] = {}
    for row in result.imported:
        assert row.case is not None
        if row.case.id in known:
            file = known[row.case.id][0]
        else:
            name = default_file_name(row.case)
            stem = name[:-len(".json")]
            n = next_number.get(stem, 1)
            while name in taken:       # each stem continues where it stopped: linear overall
                n += 1
                name = f"{stem}-{n}.json"
            next_number[stem] = n
            taken.add(name)
            file = target / name
        files[file] = dumps_case(row.case).encode("utf-8")
        written[row.case.id] = file
    if files:
        target.mkdir(parents=True, exist_ok=True)
        atomic_write_files(files)
    return result, written
