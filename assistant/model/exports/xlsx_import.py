"""Read the bulk workbook back (after staff edited it in Excel): create or update cases.

The workbook is the one :mod:`.xlsx` writes: a hidden ``_meta`` sheet names the procedure, each
template sheet has its logical names in row 5 and one applicant per row from row 8, the last
column the case id (empty for a new applicant). Row *n* of every sheet is the same applicant.

Every non-empty cell is normalised and checked with the validation API
(:func:`assistant.model.validation.validate_field`); a row with any error is not imported, and
every problem is reported with its sheet, row, column and header. Rows without errors become
cases: an existing case (same id) is updated — the template columns present in the workbook
replace its values, others are kept — and a new row becomes a new case.
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

from assistant.model.case import Case
from assistant.model.exports import xlsx
from assistant.model.fields import Catalogue, catalogue
from assistant.model.normalize import normalize_value
from assistant.model.problems import Problem, Severity, make_problem, message_texts
from assistant.model.validation import FieldContext, validate_field


class WorkbookError(Exception):
    """The file is not a bulk workbook this program can read (message in ja / en)."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        self.message_ja, self.message_en = message_texts(code, **params)
        super().__init__(self.message_ja)

    def message(self, language: str = "ja") -> str:
        return self.message_en if language == "en" else self.message_ja


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


def _text(value: Any, kind: str) -> str:
    """A cell's value as the text the office meant (Excel turns some text into numbers/dates)."""
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.strftime("%Y%m" if kind == "year_month" else "%Y%m%d")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _meta(wb: Any) -> dict[str, Any]:
    if xlsx.META_SHEET not in wb.sheetnames:
        raise WorkbookError("import_not_bulk_workbook")
    meta: dict[str, Any] = {"sheets": []}
    for row in wb[xlsx.META_SHEET].iter_rows(values_only=True):
        if not row or row[0] is None:
            continue
        if row[0] == "sheet":
            meta["sheets"].append((str(row[1]), str(row[2])))
        else:
            meta[str(row[0])] = row[1]
    if meta.get("format") != xlsx.FORMAT:
        raise WorkbookError("import_not_bulk_workbook")
    if int(meta.get("version") or 0) > xlsx.FORMAT_VERSION:
        raise WorkbookError("import_newer_workbook", version=meta.get("version"))
    return meta


def _column_map(cat: Catalogue, sheet: str, header_row: list[Any]) -> dict[int, tuple[str, str]]:
    """0-based worksheet column -> (case-value key, header), matched by logical name.

    Duplicate logical names (the template repeats some) are matched by occurrence order.
    """
    wanted: dict[str, list[str]] = {}
    for column in cat.columns(sheet):
        if column.key is not None:
            wanted.setdefault(column.header, []).append(column.key)
        else:
            wanted.setdefault(column.header, []).append("")
    out: dict[int, tuple[str, str]] = {}
    seen: dict[str, int] = {}
    for index, header in enumerate(header_row):
        if not isinstance(header, str) or header not in wanted:
            continue
        n = seen.get(header, 0)
        seen[header] = n + 1
        if n < len(wanted[header]) and wanted[header][n]:
            out[index] = (wanted[header][n], header)
    return out


def import_workbook(path: str | os.PathLike[str], *, on: date | None = None,
                    existing: Mapping[str, Case] | None = None) -> ImportResult:
    """Read and check the workbook at ``path``; see the module docstring.

    ``existing``: the cases that rows with a case id update (by id); ``on``: the date for the
    date checks (default: today).
    """
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter
    from openpyxl.utils.exceptions import InvalidFileException

    on = on or date.today()
    existing = existing or {}
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (OSError, InvalidFileException, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise WorkbookError("import_unreadable", path=str(path), detail=str(exc)) from exc
    try:
        meta = _meta(wb)
        procedure = str(meta.get("procedure"))
        try:
            cat = catalogue(procedure)
        except KeyError as exc:
            raise WorkbookError("import_unknown_procedure", procedure=procedure) from exc
        id_header = xlsx.case_id_header()
        # Excel row -> {key: (text, sheet title, column letter, header)}; row -> case id
        cells: dict[int, dict[str, tuple[str, str, str, str]]] = {}
        ids: dict[int, str] = {}
        present: set[str] = set()
        in_book = {sheet for sheet, _ in meta["sheets"]}
        for sheet, title in meta["sheets"]:
            if title not in wb.sheetnames or sheet not in cat.sheets:
                raise WorkbookError("import_sheet_missing", sheet=title)
            ws = wb[title]
            rows = ws.iter_rows(min_row=xlsx.ROW_HEADER, values_only=True)
            header_row = list(next(rows, ()))
            columns = _column_map(cat, sheet, header_row)
            # The 同時申請 sheet repeats 氏名, 生年月日 … of the main sheet: read each value from
            # the sheet it belongs to, so an edit there is not undone by the stale copy.
            columns = {i: (key, header) for i, (key, header) in columns.items()
                       if cat.field(key).sheet == sheet or cat.field(key).sheet not in in_book}
            if not columns:
                raise WorkbookError("import_sheet_missing", sheet=title)
            id_col = header_row.index(id_header) if id_header in header_row else None
            present.update(key for key, _ in columns.values())
            for offset, values in enumerate(rows):
                excel_row = xlsx.ROW_HEADER + 1 + offset
                if excel_row < xlsx.FIRST_DATA_ROW or not any(v not in (None, "") for v in values):
                    continue
                row_cells = cells.setdefault(excel_row, {})
                for index, (key, header) in columns.items():
                    if index < len(values):
                        text = _text(values[index], cat.field(key).kind)
                        if text:
                            row_cells[key] = (text, title, get_column_letter(index + 1), header)
                if id_col is not None and id_col < len(values) and values[id_col]:
                    ids.setdefault(excel_row, str(values[id_col]).strip())
    finally:
        wb.close()

    result = ImportResult(procedure=procedure)
    for excel_row in sorted(set(cells) | set(ids)):
        row_cells = cells.get(excel_row, {})
        row = RowResult(row=excel_row)
        values = {key: normalize_value(cat.field(key), text)
                  for key, (text, _, _, _) in row_cells.items()}
        for key, (text, title, letter, header) in row_cells.items():
            context = FieldContext(on=on, values=values, key=key, check_required=False)
            for problem in validate_field(cat.field(key), values[key], context):
                row.problems.append(CellProblem(sheet=title, row=excel_row, column=letter,
                                                header=header, field=key, value=text,
                                                problem=problem))
        case_id = ids.get(excel_row, "")
        base = existing.get(case_id) if case_id else None
        if base is not None and base.procedure != procedure:
            row.problems.append(CellProblem(
                sheet=meta["sheets"][0][1], row=excel_row, column="", header=xlsx.case_id_header(),
                field="id", value=case_id,
                problem=make_problem("id", "import_case_other_procedure", Severity.ERROR,
                                     procedure=base.procedure)))
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
    """Import the workbook into the case files of ``folder`` (updating files with the same id)."""
    from assistant.model.casefile import default_file_name, write_case_file

    known = case_files(folder)
    result = import_workbook(path, on=on, existing={k: c for k, (_, c) in known.items()})
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    for row in result.imported:
        assert row.case is not None
        if row.case.id in known:
            file = known[row.case.id][0]
        else:
            file = target / default_file_name(row.case)
            stem, n = file.stem, 2
            while file.exists() or file in written.values():
                file = target / f"{stem}-{n}.json"
                n += 1
        write_case_file(file, row.case)
        written[row.case.id] = file
    return result, written
