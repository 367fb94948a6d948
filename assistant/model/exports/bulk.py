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
from functools import cache
from pathlib import Path

from assistant.model.atomic import atomic_write_bytes
from assistant.model.case import NAME, Case
from assistant.model.codelists import code_list
from assistant.model.exports.charset import BadChar, bad_chars
from assistant.model.fields import Catalogue, FieldDef, catalogue
from assistant.model.normalize import normalizer
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
    has_data: bool      # some applicant has a value in a column that belongs to this sheet

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

@cache
def _code_table(list_id: str, cells: str, with_parents: bool) -> dict[str, str]:
    """Stored value (label, or code) -> cell text, for one code list and cell mode."""
    codes = code_list(list_id)
    entries = list(codes.entries)
    if with_parents:  # dependent lists (periods, municipalities): every parent's subset
        for _, subset in codes.by_parent:
            entries.extend(subset)
    table: dict[str, str] = {}
    for entry in entries:
        target = entry.label if cells == "labels" or entry.code is None else entry.code
        table.setdefault(entry.label, target)
        if entry.code is not None:
            table.setdefault(entry.code, target)
    return table


def _as_stored(value: str) -> str:
    return value


def formatter(fdef: FieldDef, cells: str = "labels", normalise: bool = True) -> Formatter:
    """The function that turns a stored value of ``fdef`` into the template's cell text.

    Values go through the shared normaliser (:func:`assistant.model.normalize.normalize_value`)
    unless ``normalise`` is False — for values known to be stored normalised, as the wizard and
    the imports store them (it saves about 10 µs a value).
    """
    if cells not in CELL_MODES:
        raise ValueError(f"cells must be one of {CELL_MODES}, not {cells!r}")
    normalise_value = normalizer(fdef)   # picked once per column, not per cell
    if fdef.code_list:
        table = _code_table(fdef.code_list, cells, bool(fdef.parent))

        def code_cell(value: str) -> str:
            hit = table.get(value.strip())
            if hit is None:  # a width or spacing variant of a label
                hit = table.get(normalise_value(value), value)
            return hit

        return code_cell

    if not normalise:
        return _as_stored
    seen: dict[str, str] = {}   # per export: the same value is normalised once

    def normalized(value: str) -> str:
        hit = seen.get(value)
        if hit is None:
            hit = seen[value] = normalise_value(value)
        return hit

    return normalized


# --------------------------------------------------------------------------- tables

def _group_by_procedure(cases: Sequence[Case]) -> dict[str, list[Case]]:
    groups: dict[str, list[Case]] = {}
    for case in cases:
        groups.setdefault(case.procedure, []).append(case)
    return groups


def _has_own_data(cat: Catalogue, sheet: str, cases: Sequence[Case]) -> bool:
    """Whether some case has a value for a field that belongs to ``sheet`` (not a copy)."""
    on_sheet = {f.id for f in cat.fields if f.sheet == sheet}
    own = {c.key for c in cat.columns(sheet) if c.key is not None and c.field_id in on_sheet}
    return any(value and key in own for case in cases for key, value in case.values.items())


def _sheet_table(cat: Catalogue, sheet: str, cases: Sequence[Case], cells: str,
                 normalise: bool) -> SheetTable:
    columns = cat.columns(sheet)
    fields = {f.id: f for f in cat.fields}
    keys = [c.key for c in columns]
    # key -> (column, formatter, belongs to this sheet); a case has a few dozen values among
    # hundreds of columns, so rows are filled from the case's values, not column by column
    plan: dict[str, tuple[int, Formatter, bool]] = {}
    for index, column in enumerate(columns):
        if column.key is not None and column.field_id is not None:
            fdef = fields[column.field_id]
            plan.setdefault(column.key, (index, formatter(fdef, cells, normalise),
                                         fdef.sheet == sheet))
    width = len(columns)
    rows = []
    has_data = False
    for case in cases:
        row = [""] * width
        for key, value in case.values.items():
            target = plan.get(key)
            if target is not None and value:
                row[target[0]] = target[1](value)
                has_data = has_data or target[2]
        rows.append(row)
    return SheetTable(procedure=cat.procedure, sheet=sheet, headers=cat.headers(sheet),
                      rows=rows, keys=keys, case_ids=[c.id for c in cases], has_data=has_data)


def sheet_tables(cases: Sequence[Case], cells: str = "labels",
                 normalise: bool = True) -> list[SheetTable]:
    """The template sheets for ``cases`` (grouped by procedure, in the cases' order)."""
    tables = []
    for procedure, group in _group_by_procedure(cases).items():
        cat = catalogue(procedure)
        for sheet in cat.sheets:
            if sheet == "main" or _has_own_data(cat, sheet, group):
                tables.append(_sheet_table(cat, sheet, group, cells, normalise))
    return tables


# --------------------------------------------------------------------------- checks

def _applicant(case: Case, index: int) -> str:
    return case.value(NAME) or f"#{index}"


def _unknown_code_labels(cat: Catalogue, key: str | None) -> frozenset[str]:
    """Labels of the column's code list that have no code (exported as labels in codes mode)."""
    if key is None:
        return frozenset()
    fdef = cat.field(key)
    if not fdef.code_list:
        return frozenset()
    return frozenset(e.label for e in code_list(fdef.code_list).entries if e.code is None)


def check_cells(cases: Sequence[Case], tables: Iterable[SheetTable],
                encoding: str, cells: str = "labels") -> list[CellIssue]:
    """Every cell the export cannot carry as it is, per applicant and field.

    Errors: characters Shift_JIS cannot carry (with ``encoding="cp932"``). Warnings: code-list
    cells whose code is unknown (exported as the label when ``cells="codes"``).
    """
    check_chars = encoding == "cp932"
    check_codes = cells == "codes"
    if not (check_chars or check_codes):
        return []
    by_id = {c.id: c for c in cases}
    issues: list[CellIssue] = []
    for table in tables:
        cat = catalogue(table.procedure)
        unknown = [_unknown_code_labels(cat, k) if check_codes else frozenset()
                   for k in table.keys]
        for row_index, (case_id, row) in enumerate(zip(table.case_ids, table.rows, strict=True),
                                                   start=1):
            if not check_codes and not bad_chars("\t".join(row)):
                continue   # the whole row fits: one check instead of one per column
            for column, cell in enumerate(row):
                if not cell or cell.isascii():
                    continue   # ASCII always fits, and every code is ASCII
                key = table.keys[column]
                if key is None:
                    continue
                bads = bad_chars(cell) if check_chars else []
                code_missing = cell in unknown[column]
                if not bads and not code_missing:
                    continue
                header = table.headers[column]
                applicant = _applicant(by_id[case_id], row_index)
                where = {"row": row_index, "case_id": case_id, "applicant": applicant,
                         "procedure": table.procedure, "sheet": table.sheet,
                         "header": header, "key": key}
                for bad in bads:
                    problem = make_problem(
                        key, f"export_char_{bad.issue.value}", Severity.ERROR, char=bad.char,
                        codepoint=bad.codepoint, suggestion=bad.suggestion or "—",
                        applicant=applicant, header=header, row=row_index)
                    issues.append(CellIssue(problem=problem, bad=bad, **where))  # type: ignore[arg-type]
                if code_missing:
                    problem = make_problem(key, "export_code_unknown", Severity.WARNING,
                                           value=cell, applicant=applicant, header=header,
                                           row=row_index)
                    issues.append(CellIssue(problem=problem, **where))  # type: ignore[arg-type]
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
               cells: str = "labels", normalise: bool = True) -> BulkResult:
    """Write the template CSV files for ``cases`` into ``out_dir``.

    Nothing is written when a cell cannot be carried in ``encoding`` (see
    :func:`check_cells`); the result then lists those cells and has no files.
    """
    if encoding not in ENCODINGS:
        raise ValueError(f"encoding must be one of {ENCODINGS}, not {encoding!r}")
    if not cases:
        raise ValueError("no cases to export")
    tables = sheet_tables(cases, cells, normalise)
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
