"""The bulk-application template (一括申請用テンプレート) as CSV files, from cases.

One CSV file per template sheet, laid out like the official workbook's CSV export: the header
row is the sheet's logical names in template order (``Catalogue.headers(sheet)``), then one row
per applicant. Row *n* of every sheet file is the same applicant (rows stay aligned across
sheets; an applicant without data for a sheet gets an empty row there). The main sheet is always
written; the 区分 and 同時申請 sheets only when some applicant has data for them.

Values are formatted as the template's guidance says: dates ``YYYYMMDD`` / ``YYYYMM``, half-width
(capital) letters and digits where the column asks for them, full-width text where it asks for
全角, code-list cells as the workbook's labels (``男 male``, the default) or as codes (``1``) — the
``code_list_cells`` setting. Encodings: UTF-8 with BOM (default) or Shift_JIS (cp932); for
cp932 every character the upload cannot carry is reported per applicant and field, with a
suggested replacement, before anything is written.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from assistant.model.atomic import atomic_write_bytes
from assistant.model.case import NAME, Case
from assistant.model.codelists import code_list
from assistant.model.exports.charset import BadChar, bad_chars
from assistant.model.fields import Catalogue, FieldDef, catalogue
from assistant.model.normalize import normalize_value
from assistant.model.problems import Problem, Severity, make_problem

CELL_MODES = ("labels", "codes")
ENCODINGS = ("utf-8-sig", "cp932")

Formatter = Callable[[str], str]


@dataclass(frozen=True)
class SheetTable:
    """One template sheet for the cases of one procedure: header row and value rows."""

    procedure: str
    sheet: str
    headers: list[str]
    rows: list[list[str]]
    keys: list[str | None]          # the case-value key behind each column
    case_ids: list[str]
    own_columns: list[int]          # columns of fields that belong to this sheet (not copies)

    @property
    def has_data(self) -> bool:
        """Whether some applicant has a value in a column that belongs to this sheet."""
        return any(row[i] for row in self.rows for i in self.own_columns)

    @property
    def file_name(self) -> str:
        return f"{self.procedure}_{self.sheet}.csv"


@dataclass(frozen=True)
class CellIssue:
    """A value that cannot be exported as it is (row = applicant number, 1-based)."""

    row: int
    case_id: str
    applicant: str
    procedure: str
    sheet: str
    header: str
    key: str
    problem: Problem
    bad: BadChar | None = None


@dataclass
class BulkResult:
    files: list[Path] = field(default_factory=list)
    issues: list[CellIssue] = field(default_factory=list)

    @property
    def written(self) -> bool:
        return bool(self.files)

    @property
    def errors(self) -> list[CellIssue]:
        return [i for i in self.issues if i.problem.is_error]


# --------------------------------------------------------------------------- formatting

def formatter(fdef: FieldDef, cells: str = "labels") -> Formatter:
    """The function that turns a stored value of ``fdef`` into the template's cell text."""
    if cells not in CELL_MODES:
        raise ValueError(f"cells must be one of {CELL_MODES}, not {cells!r}")
    if fdef.code_list:
        entries = code_list(fdef.code_list).entries
        # stored values are labels; codes are accepted too (imported or typed by hand)
        table: dict[str, str] = {}
        for entry in entries:
            target = entry.label if cells == "labels" or entry.code is None else entry.code
            table[entry.label] = target
            if entry.code is not None:
                table.setdefault(entry.code, target)
        if fdef.parent:  # dependent lists (periods, municipalities) take their parent's subset
            for _, subset in code_list(fdef.code_list).by_parent:
                for entry in subset:
                    target = entry.label if cells == "labels" or entry.code is None \
                        else entry.code
                    table.setdefault(entry.label, target)
                    if entry.code is not None:
                        table.setdefault(entry.code, target)

        def code_cell(value: str) -> str:
            hit = table.get(value.strip())
            if hit is None:  # a width or spacing variant of a label
                hit = table.get(normalize_value(fdef, value), value)
            return hit

        return code_cell

    def normalized(value: str) -> str:
        return normalize_value(fdef, value)

    return normalized


# --------------------------------------------------------------------------- tables

def _group_by_procedure(cases: Sequence[Case]) -> dict[str, list[Case]]:
    groups: dict[str, list[Case]] = {}
    for case in cases:
        groups.setdefault(case.procedure, []).append(case)
    return groups


def _sheet_table(cat: Catalogue, sheet: str, cases: Sequence[Case], cells: str) -> SheetTable:
    columns = cat.columns(sheet)
    keys = [c.key for c in columns]
    formats: list[Formatter | None] = [
        formatter(cat.field(c.field_id), cells) if c.field_id else None for c in columns]
    plan = [(k, f) for k, f in zip(keys, formats, strict=True)]
    rows = []
    for case in cases:
        values = case.values
        row = []
        for key, fmt in plan:
            value = values.get(key, "") if key is not None else ""
            row.append(fmt(value) if value and fmt is not None else value)
        rows.append(row)
    own = [i for i, c in enumerate(columns) if c.field_id and cat.field(c.field_id).sheet == sheet]
    return SheetTable(procedure=cat.procedure, sheet=sheet, headers=cat.headers(sheet),
                      rows=rows, keys=keys, case_ids=[c.id for c in cases],
                      own_columns=own)


def sheet_tables(cases: Sequence[Case], cells: str = "labels") -> list[SheetTable]:
    """The template sheets for ``cases`` (grouped by procedure, in the cases' order)."""
    tables = []
    for procedure, group in _group_by_procedure(cases).items():
        cat = catalogue(procedure)
        for sheet in cat.sheets:
            table = _sheet_table(cat, sheet, group, cells)
            if sheet == "main" or table.has_data:
                tables.append(table)
    return tables


# --------------------------------------------------------------------------- checks

def _applicant(case: Case, index: int) -> str:
    return case.value(NAME) or f"#{index}"


def check_cells(cases: Sequence[Case], tables: Iterable[SheetTable],
                encoding: str, cells: str = "labels") -> list[CellIssue]:
    """Every cell the export cannot carry as it is, per applicant and field.

    Errors: characters Shift_JIS cannot carry (with ``encoding="cp932"``). Warnings: code-list
    cells whose code is unknown (exported as the label when ``cells="codes"``).
    """
    by_id = {c.id: c for c in cases}
    issues: list[CellIssue] = []
    for table in tables:
        cat = catalogue(table.procedure)
        for row_index, (case_id, row) in enumerate(zip(table.case_ids, table.rows, strict=True),
                                                   start=1):
            case = by_id[case_id]
            for header, key, cell in zip(table.headers, table.keys, row, strict=True):
                if not cell or key is None:
                    continue
                base = dict(row=row_index, case_id=case_id, applicant=_applicant(case, row_index),
                            procedure=table.procedure, sheet=table.sheet, header=header, key=key)
                if encoding == "cp932":
                    for bad in bad_chars(cell):
                        problem = make_problem(
                            key, f"export_char_{bad.issue.value}", Severity.ERROR,
                            char=bad.char, codepoint=bad.codepoint,
                            suggestion=bad.suggestion or "—", applicant=base["applicant"],
                            header=header, row=row_index)
                        issues.append(CellIssue(problem=problem, bad=bad, **base))  # type: ignore[arg-type]
                if cells == "codes":
                    fdef = cat.field(key)
                    if fdef.code_list:
                        entry = code_list(fdef.code_list).lookup(cell)
                        if entry is not None and entry.code is None and not cell.isascii():
                            problem = make_problem(key, "export_code_unknown", Severity.WARNING,
                                                   value=cell, applicant=base["applicant"],
                                                   header=header, row=row_index)
                            issues.append(CellIssue(problem=problem, **base))  # type: ignore[arg-type]
    return issues


# --------------------------------------------------------------------------- writing

def csv_bytes(table: SheetTable, encoding: str = "utf-8-sig") -> bytes:
    """The CSV file of one sheet, as the workbook's export writes it (CRLF, quoted as needed)."""
    if encoding not in ENCODINGS:
        raise ValueError(f"encoding must be one of {ENCODINGS}, not {encoding!r}")
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(table.headers)
    writer.writerows(table.rows)
    return buffer.getvalue().encode(encoding)


def export_csv(cases: Sequence[Case], out_dir: str | Path, *, encoding: str = "utf-8-sig",
               cells: str = "labels") -> BulkResult:
    """Write the template CSV files for ``cases`` into ``out_dir``.

    Nothing is written when a cell cannot be carried in ``encoding`` (see
    :func:`check_cells`); the result then lists those cells and has no files.
    """
    if encoding not in ENCODINGS:
        raise ValueError(f"encoding must be one of {ENCODINGS}, not {encoding!r}")
    if not cases:
        raise ValueError("no cases to export")
    tables = sheet_tables(cases, cells)
    result = BulkResult(issues=check_cells(cases, tables, encoding, cells))
    if result.errors:
        return result
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    for table in tables:
        path = folder / table.file_name
        atomic_write_bytes(path, csv_bytes(table, encoding))
        result.files.append(path)
    return result


def apply_suggestions(case: Case, issues: Iterable[CellIssue]) -> dict[str, str]:
    """The case's values with every suggested replacement applied (for a one-click fix)."""
    changed: dict[str, str] = {}
    for issue in issues:
        if issue.case_id != case.id or issue.bad is None or not issue.bad.suggestion:
            continue
        current = changed.get(issue.key, case.values.get(issue.key, ""))
        changed[issue.key] = current.replace(issue.bad.char, issue.bad.suggestion)
    return changed
