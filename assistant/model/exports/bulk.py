"""The bulk-application template (一括申請用テンプレート) as CSV files, from cases.

One CSV file per template sheet, laid out like the official workbook's CSV export: the header
row is the sheet's logical names in template order (``Catalogue.headers(sheet)``), then one row
per applicant. Row *n* of every sheet file is the same applicant (rows stay aligned across
sheets; an applicant without data for a sheet gets an empty row there). The main sheet is always
written; the 区分 and 同時申請 sheets only when some applicant has data for them.

What is checked is what is written: values were normalised once, when they were entered
(:func:`assistant.model.normalize.normalize_value`), and every case is validated
(:func:`assistant.model.validation.validate_case`) before anything is written — a case with
errors is refused and nothing is written. Each cell is then the stored value byte for byte,
apart from the one declared mapping: code-list cells as the workbook's labels (``男 male``, the
default) or as codes (``1``) — the ``code_list_cells`` setting — and the encoding. Encodings:
UTF-8 with BOM (default) or Shift_JIS (cp932); for cp932 every character the upload cannot
carry is reported per applicant and field, with a suggested replacement, before anything is
written.

The online filing window is not a reason to refuse: an office prepares the upload before the
window opens; it is reported as a warning.
"""

from __future__ import annotations

import csv
import gc
import io
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import cache, cached_property
from itertools import repeat
from pathlib import Path

from assistant.model import kubun
from assistant.model.atomic import atomic_write_files
from assistant.model.case import KUBUN_ACTIVITY, NAME, Case
from assistant.model.codelists import code_list
from assistant.model.exports.charset import BadChar, bad_chars, fits_shift_jis
from assistant.model.fields import Catalogue, FieldDef, catalogue
from assistant.model.problems import Problem, Severity, make_problem, message_texts

CELL_MODES = ("labels", "codes")
ENCODINGS = ("utf-8-sig", "cp932")

Formatter = Callable[[str], str]


@dataclass(frozen=True)
class SheetTable:
    """One template sheet for the cases of one procedure: header row and value rows.

    Held column by column (a column no applicant has a value for is one shared empty list);
    :attr:`rows` is made from the columns when first asked for.
    """

    procedure: str
    sheet: str
    headers: list[str]
    columns: list[list[str]]        # a cell per applicant, per header
    filled: tuple[int, ...]         # the columns some applicant has a value in
    keys: list[str | None]          # the case-value key behind each column
    case_ids: list[str]
    has_data: bool      # some applicant has a value in a column that belongs to this sheet
    distinct_cells: frozenset[str] = frozenset()   # every cell text of the rows, once

    @property
    def file_name(self) -> str:
        return f"{self.procedure}_{self.sheet}.csv"

    @cached_property
    def rows(self) -> list[tuple[str, ...]]:
        """One row per applicant, a cell per header."""
        with gc_paused():   # a thousand new rows of strings, none in a cycle
            return list(zip(*self.columns, strict=True))


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
def _code_table(list_id: str, cells: str, with_parents: bool,
                template: bool = True) -> dict[str, str]:
    """Stored value (label, or code) -> cell text, for one code list and cell mode. For the
    template (``template``), a choice the online page splits out of a joint one is written as
    that joint choice, the only one the template's pull-down has."""
    codes = code_list(list_id)
    entries = list(codes.entries)
    if with_parents:  # dependent lists (periods, municipalities): every parent's subset
        for _, subset in codes.by_parent:
            entries.extend(subset)
    table: dict[str, str] = {}
    for entry in entries:
        written = codes.lookup(entry.joins) if template and entry.joins else None
        written = written or entry
        target = written.label if cells == "labels" or written.code is None else written.code
        table.setdefault(entry.label, target)
        if entry.code is not None:
            table.setdefault(entry.code, target)
    return table


def formatter(fdef: FieldDef, cells: str = "labels", *, template: bool = True) -> Formatter:
    """The function that turns a stored value of ``fdef`` into the template's cell text: the
    value itself, except that a code-list value becomes the workbook's label or code (``cells``).
    A value the code list does not hold is written as it is (validation refuses it first).
    ``template=False``: the value as the office picks it on the online page (the page's own
    split choices stay as they are)."""
    if cells not in CELL_MODES:
        raise ValueError(f"cells must be one of {CELL_MODES}, not {cells!r}")
    if fdef.code_list:
        table = _code_table(fdef.code_list, cells, bool(fdef.parent), template)

        def code_cell(value: str) -> str:
            return table.get(value, value)

        return code_cell
    return str


# --------------------------------------------------------------------------- tables

def group_by_procedure(cases: Sequence[Case]) -> dict[str, list[Case]]:
    """The cases by procedure, each group and the groups in the cases' order."""
    groups: dict[str, list[Case]] = {}
    for case in cases:
        groups.setdefault(case.procedure, []).append(case)
    return groups


@cache
def _places(procedure: str) -> dict[str, list[tuple[int, int]]]:
    """key -> its (sheet number, column number) places: a key's first column on each sheet."""
    cat = catalogue(procedure)
    places: dict[str, list[tuple[int, int]]] = {}
    for number, sheet in enumerate(cat.sheets):
        on_sheet: set[str] = set()
        for index, column in enumerate(cat.columns(sheet)):
            key = column.key
            if key is not None and column.field_id is not None and key not in on_sheet:
                on_sheet.add(key)
                places.setdefault(key, []).append((number, index))
    return places


def _column_cells(fdef: FieldDef, stored: list[str], cells: str,
                  code_tables: dict[tuple[str, bool], dict[str, str]]
                  ) -> tuple[list[str], set[str]]:
    """The cells of one column from its stored values ("" where a case has none), and the
    column's distinct cells: the stored values themselves, code-list values through the code
    list's table (one copy per export, which also keeps the values met that it lacks)."""
    distinct = set(stored)
    if fdef.code_list:
        which = (fdef.code_list, bool(fdef.parent))
        known = code_tables.get(which)
        if known is None:
            known = code_tables[which] = {"": "",
                                          **_code_table(fdef.code_list, cells, bool(fdef.parent))}
        known.update((value, value) for value in distinct.difference(known))
        return list(map(known.__getitem__, stored)), set(map(known.__getitem__, distinct))
    distinct.discard("")
    return stored, distinct


@cache
def _out_of_scope(procedure: str, status: str, activity: str = "") -> frozenset[str]:
    """The exported keys a case with this status and chosen activity (the values that decide
    its 区分) does not export: the questions of another 区分
    (:func:`assistant.model.kubun.scoped_values`, asked once per procedure, status and
    activity)."""
    cat = catalogue(procedure)
    probe = dict.fromkeys(_places(procedure), "x")
    answer = kubun.answer_field(procedure)
    if answer is not None:
        probe[answer] = status
        probe[KUBUN_ACTIVITY] = activity
    return frozenset(probe).difference(kubun.scoped_values(cat, probe))


def _in_scope(cat: Catalogue, values: dict[str, str]) -> dict[str, str]:
    """``values`` without another 区分's answers (as ``kubun.scoped_values``; one set
    look-up per case when it has none, as nearly every case)."""
    answer = kubun.answer_field(cat.procedure)
    status = values.get(answer, "").strip() if answer is not None else ""
    out = _out_of_scope(cat.procedure, status, values.get(KUBUN_ACTIVITY, "").strip())
    if out.isdisjoint(values):
        return values
    return {key: value for key, value in values.items() if key not in out}


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection inside (as it was outside: a paused caller stays paused).

    Building thousands of rows triggers a collection every few hundred new containers, each
    walking the rows made so far; none of them can be part of a cycle, so the walks find
    nothing.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _procedure_tables(cat: Catalogue, cases: Sequence[Case], cells: str) -> list[SheetTable]:
    """The sheets of ``cat`` for ``cases``: the main sheet and each sheet some applicant has
    data of its own on.

    Built column by column: a case has a few dozen values among hundreds of columns, so only
    the columns some case has a value for are gathered (one C-level pass each) and the others
    share one empty column.
    """
    places = _places(cat.procedure)
    values = [_in_scope(cat, case.values) for case in cases]   # the case's 区分 only
    empty = [""] * len(cases)
    columns = [[empty] * len(cat.columns(sheet)) for sheet in cat.sheets]
    has_data = [False] * len(cat.sheets)
    distinct: list[set[str]] = [set() for _ in cat.sheets]
    code_tables: dict[tuple[str, bool], dict[str, str]] = {}
    present = set().union(*values).intersection(places)
    for key in sorted(present):   # sorted: the same export every time
        stored = list(map(dict.get, values, repeat(key), repeat("")))
        if not any(stored):
            continue
        fdef = cat.field(key)
        column_cells, column_distinct = _column_cells(fdef, stored, cells, code_tables)
        for sheet, index in places[key]:
            columns[sheet][index] = column_cells
            distinct[sheet].update(column_distinct)
            if fdef.sheet == cat.sheets[sheet]:   # the field's own sheet, not a copy
                has_data[sheet] = True
    wanted = [number for number, sheet in enumerate(cat.sheets)
              if sheet == "main" or has_data[number]]
    case_ids = [c.id for c in cases]
    return [SheetTable(procedure=cat.procedure, sheet=cat.sheets[number],
                       headers=cat.headers(cat.sheets[number]), columns=columns[number],
                       filled=tuple(index for index, column in enumerate(columns[number])
                                    if column is not empty),
                       keys=[c.key for c in cat.columns(cat.sheets[number])],
                       case_ids=case_ids, has_data=has_data[number],
                       distinct_cells=frozenset(distinct[number]))
            for number in wanted]


def sheet_tables(cases: Sequence[Case], cells: str = "labels") -> list[SheetTable]:
    """The template sheets for ``cases`` (grouped by procedure, in the cases' order): the main
    sheet always, the 区分 and 同時申請 sheets when some applicant has data of their own there."""
    if cells not in CELL_MODES:
        raise ValueError(f"cells must be one of {CELL_MODES}, not {cells!r}")
    tables = []
    for procedure, group in group_by_procedure(cases).items():
        tables.extend(_procedure_tables(catalogue(procedure), group, cells))
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


def _where(cat: Catalogue, key: str) -> tuple[str, str]:
    """The sheet and header a case-value key is exported under ("", "" when none)."""
    for number, index in _places(cat.procedure).get(key, []):
        sheet = cat.sheets[number]
        return sheet, cat.columns(sheet)[index].header
    return "", ""


def check_cases(cases: Sequence[Case], on: date, profile: str | None = None
                ) -> list[CellIssue]:
    """What ``validate`` says about each case, as export issues: every error (the case is
    refused), and the online filing window as a warning (not a reason to refuse)."""
    from assistant.model.validation import validate_case

    issues: list[CellIssue] = []
    for procedure, group in group_by_procedure(cases).items():
        try:
            cat = catalogue(procedure)
        except KeyError:
            cat = None
        for row, case in enumerate(group, start=1):
            applicant = _applicant(case, row)
            for found in validate_case(case, on, profile):
                window = found.code == "outside_application_window"
                if not (found.is_error or window):
                    continue
                ja, en = message_texts("export_case_problem", row=row, applicant=applicant,
                                       message=found.message_ja, message_en=found.message_en)
                problem = Problem(field=found.field, code=found.code,
                                  severity=Severity.WARNING if window else found.severity,
                                  message_ja=ja, message_en=en, params=found.params)
                sheet, header = _where(cat, found.field) if cat is not None else ("", "")
                issues.append(CellIssue(row=row, case_id=case.id, applicant=applicant,
                                        procedure=procedure, sheet=sheet, header=header,
                                        key=found.field, problem=problem))
    return issues


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

def csv_text(table: SheetTable) -> str:
    """The CSV text of one sheet, exactly as the csv module writes it (CRLF, quoted as needed).

    When no cell holds a comma, a quote or a line break (counted over the whole text at once),
    each row is a template of commas with the filled columns' cells put in (a sheet has
    hundreds of columns, most of them empty for everyone); otherwise :class:`csv.writer`
    writes the rows.
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(table.headers)
    rows = len(table.case_ids)
    if rows:
        filled = set(table.filled)
        line = ",".join("%s" if index in filled else "" for index in range(len(table.headers)))
        if filled:
            cells = zip(*(table.columns[index] for index in table.filled), strict=True)
            body = "\r\n".join(map(line.__mod__, cells)) + "\r\n"
        else:
            body = (line + "\r\n") * rows
        if (body.count(",") == (len(table.headers) - 1) * rows and '"' not in body
                and body.count("\n") == rows and body.count("\r") == rows):
            return buffer.getvalue() + body
        writer.writerows(table.rows)
    return buffer.getvalue()


def csv_bytes(table: SheetTable, encoding: str = "utf-8-sig") -> bytes:
    """The CSV file of one sheet in ``encoding`` (see :func:`csv_text`)."""
    if encoding not in ENCODINGS:
        raise ValueError(f"encoding must be one of {ENCODINGS}, not {encoding!r}")
    return csv_text(table).encode(encoding)


def export_csv(cases: Sequence[Case], out_dir: str | Path, *, encoding: str = "utf-8-sig",
               cells: str = "labels", on: date | None = None,
               profile: str | None = None) -> BulkResult:
    """Write the template CSV files for ``cases`` into ``out_dir``.

    Every case is validated first for filing on ``on`` (default today) under rule profile
    ``profile`` (:func:`check_cases`); then every cell is checked against ``encoding``
    (:func:`check_cells`). Nothing is written when any case has an error or a cell cannot be
    carried; the result then lists them and has no files.
    """
    if encoding not in ENCODINGS:
        raise ValueError(f"encoding must be one of {ENCODINGS}, not {encoding!r}")
    if cells not in CELL_MODES:
        raise ValueError(f"cells must be one of {CELL_MODES}, not {cells!r}")
    if not cases:
        raise ValueError("no cases to export")
    refused = kubun_refusals(cases)
    if refused:
        return BulkResult(issues=refused)
    result = BulkResult(issues=check_cases(cases, on or date.today(), profile))
    if result.errors:
        return result
    return _write_csv(cases, Path(out_dir), encoding, cells, result)


def _write_csv(cases: Sequence[Case], folder: Path, encoding: str, cells: str,
               result: BulkResult) -> BulkResult:
    """The writer of :func:`export_csv`, for validated cases: the tables, the Shift_JIS check,
    the files (all or none)."""
    with gc_paused():   # the rows are gone (freed as usual) before collection resumes
        tables = sheet_tables(cases, cells)
        texts = [csv_text(table) for table in tables]
        # the cell-by-cell check runs only when some cell has a character Shift_JIS cannot
        # carry (one search over the distinct cells) or code-list cells are written as codes
        if cells == "codes" or (encoding == "cp932" and not all(
                fits_shift_jis("\n".join(table.distinct_cells)) for table in tables)):
            result.issues.extend(check_cells(cases, tables, encoding, cells))
        names = [table.file_name for table in tables]
        del tables
    if result.errors:
        return result
    folder.mkdir(parents=True, exist_ok=True)
    files = {folder / name: text.encode(encoding) for name, text in zip(names, texts, strict=True)}
    atomic_write_files(files)
    result.files.extend(files)
    return result


def kubun_refusals(cases: Sequence[Case]) -> list[CellIssue]:
    """The cases whose status needs a 区分 without installed questions: the template's 区分
    sheet cannot be filled for them (docs/domain.md#categories), so the export refuses them."""
    issues: list[CellIssue] = []
    for row, case in enumerate(cases, start=1):
        cat = catalogue(case.procedure)
        answer = kubun.case_kubun(cat, case.values)
        if answer.kubun is None or answer.answer is None:
            continue
        if answer.missing:
            code = "kubun_export_refused"
        elif answer.kubun not in kubun.template_letters(cat):
            code = "kubun_no_template"
        else:
            continue
        name = _applicant(case, row)
        fdef = cat.field(answer.answer)
        issues.append(CellIssue(
            row=row, case_id=case.id, applicant=name, procedure=case.procedure,
            sheet=fdef.sheet, header=fdef.header, key=answer.answer,
            problem=make_problem(answer.answer, code, name=name, kubun=answer.kubun,
                                 status=answer.status)))
    return issues


def apply_suggestions(case: Case, issues: Iterable[CellIssue]) -> dict[str, str]:
    """The case's values with every suggested replacement applied (for a one-click fix)."""
    changed: dict[str, str] = {}
    for issue in issues:
        if issue.case_id != case.id or issue.bad is None or not issue.bad.suggestion:
            continue
        current = changed.get(issue.key, case.values.get(issue.key, ""))
        changed[issue.key] = current.replace(issue.bad.char, issue.bad.suggestion)
    return changed
