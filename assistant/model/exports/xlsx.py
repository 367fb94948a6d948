"""The bulk template as an .xlsx workbook laid out like ISA's official input sheet.

Each template sheet becomes a worksheet: title rows, then header rows 3–7 as in the official
workbook (3 section titles, 4 repeat labels, 5 logical names, 6 guidance, 7 example) and one
row per applicant from row 8, so staff can review the rows in Excel and paste them into the
official workbook. Code-list columns get drop-downs (list validations over named ranges on a
hidden sheet, like the official workbook), the header rows are frozen, columns have readable
widths. The last column carries the case id (for :mod:`.xlsx_import`); it is not a template
column. Where the forms split a status across 区分 by the activity (docs/domain.md#categories),
the sheet holding the status has one more column before the case id, not a template column: the
case's activity choice (``KUBUN_ACTIVITY``, the purpose in the form's words), with a drop-down
of the purposes of the row's status. Both stay after the template columns, so the rows still
paste into the official workbook in the order of row 5. A hidden ``_meta`` sheet records the
procedure and the cell mode.

Every cell is written as text (an inline string), never as a formula or an error value: a
client's ``=HYPERLINK(…)`` stays the characters typed and a spreadsheet opening the workbook
runs nothing (:func:`text_cell`).

openpyxl is imported inside the functions (it is slow to import and not needed at start-up).
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.model import kubun
from assistant.model.atomic import atomic_write_bytes
from assistant.model.case import Case
from assistant.model.codelists import code_list
from assistant.model.exports.bulk import SheetTable, group_by_procedure, sheet_tables
from assistant.model.exports.checklist import procedure_label
from assistant.model.fields import Catalogue, catalogue
from assistant.resources import load_json

FORMAT = "zairyu-assistant-bulk"
FORMAT_VERSION = 2          # 2: the activity column (a version 1 workbook has none)
# Row numbers of the official input sheet (docs/domain.md#bulk-template: row 5 logical names, data from row 8).
ROW_SECTION, ROW_REPEAT, ROW_HEADER, ROW_GUIDANCE, ROW_EXAMPLE, FIRST_DATA_ROW = 3, 4, 5, 6, 7, 8
META_SHEET = "_meta"
LISTS_SHEET = "_lists"
SPARE_ROWS = 200          # drop-downs also cover this many empty rows below the applicants

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class SheetLayout:
    """Texts of a template sheet's worksheet (title and name) from resources."""

    sheet: str
    title_ja: str
    worksheet: str


def _layouts() -> dict[str, Any]:
    data: dict[str, Any] = load_json("exports", "workbook.json")
    return data


def worksheet_name(sheet: str) -> str:
    name: str = _layouts()["sheets"][sheet]["worksheet"]
    return name


def case_id_header() -> str:
    header: str = _layouts()["case_id_header"]
    return header


def activity_header() -> str:
    header: str = _layouts()["activity_header"]
    return header


def activity_choices(procedure: str, status: str) -> tuple[str, ...]:
    """The purposes (the form's words) a case of ``procedure`` with ``status`` chooses its
    activity from; empty when the forms do not split the status across 区分."""
    answer = kubun.answer_field(procedure)
    if answer is None or not status.strip():
        return ()
    found = kubun.case_kubun(catalogue(procedure), {answer: status})
    return tuple(dict.fromkeys(a.purpose_ja for a in found.activities))


def activity_sheet(cat: Catalogue) -> str | None:
    """The template sheet that carries the activity column: the one holding the status
    answer, when some status of the procedure is split by the activity (None: no column)."""
    answer = kubun.answer_field(cat.procedure)
    if answer is None or not cat.has_field(answer):
        return None
    fdef = cat.field(answer)
    statuses = code_list(fdef.code_list).labels() if fdef.code_list else []
    if not any(activity_choices(cat.procedure, status) for status in statuses):
        return None
    return fdef.sheet


def _all_activities(cat: Catalogue) -> list[str]:
    """Every purpose of every split status of the procedure (the drop-down of a new row)."""
    fdef = cat.field(kubun.answer_field(cat.procedure) or "")
    statuses = code_list(fdef.code_list).labels() if fdef.code_list else []
    return list(dict.fromkeys(p for s in statuses for p in activity_choices(cat.procedure, s)))


def _section_title(header: str) -> str:
    return header.lstrip("_").split("_", 1)[0]


def _column_width(header: str, samples: list[str]) -> float:
    """Wide enough for the field's name and typical values; long texts wrap (14–40)."""
    def units(text: str) -> int:
        # CJK characters are about two Latin character widths wide in Excel's default font.
        return sum(2 if ord(c) > 0x2E7F else 1 for c in text)

    last = header.rsplit("_", 1)[-1]
    widest = max([units(last) // 2 + 2, *(units(s) + 2 for s in samples if s)])
    return float(min(max(widest, 14), 40))


def _list_names(cat: Catalogue, table: SheetTable) -> dict[int, str]:
    """Column index -> code-list id, for the columns that get a drop-down."""
    out: dict[int, str] = {}
    for index, key in enumerate(table.keys):
        if key is None:
            continue
        fdef = cat.field(key)
        if fdef.code_list:
            out[index] = fdef.code_list
    return out


def _list_values(list_id: str, cells: str) -> list[str]:
    values: list[str] = []
    seen: set[str] = set()
    codes = code_list(list_id)
    entries = list(codes.entries)
    for _, subset in codes.by_parent:  # dependent lists: every value any parent allows
        entries.extend(subset)
    for entry in entries:
        value = entry.code if cells == "codes" and entry.code is not None else entry.label
        if value not in seen:
            seen.add(value)
            values.append(value)
    return values


def _col_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    letter: str = get_column_letter(index)
    return letter


def text_cell(ws: Any, value: object) -> Any:
    """A write-only cell holding ``value`` as text: openpyxl would make a string starting with
    ``=`` a formula and ``#REF!`` an error value; the data type is set back to string."""
    from openpyxl.cell import WriteOnlyCell

    if value is None or value == "":
        return WriteOnlyCell(ws)   # no element at all unless styled (5,000 rows stay small)
    c = WriteOnlyCell(ws, value=str(value))
    c.data_type = "s"
    return c


def write_workbook(cases: Sequence[Case], path: str | os.PathLike[str], *,
                   cells: str = "labels", progress: Progress | None = None) -> Path:
    """Write the workbook for ``cases`` (all of one procedure) to ``path``, atomically."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.workbook.defined_name import DefinedName
    from openpyxl.worksheet.datavalidation import DataValidation

    if not cases:
        raise ValueError("no cases to export")
    procedures = {c.procedure for c in cases}
    if len(procedures) != 1:
        raise ValueError("a workbook holds the cases of one procedure")
    procedure = cases[0].procedure
    cat = catalogue(procedure)
    layout = _layouts()
    tables = sheet_tables(cases, cells)   # the stored values (normalised at entry)
    total = sum(len(t.rows) for t in tables)
    done = 0

    wb = Workbook(write_only=True)
    bold = Font(bold=True)
    title_font = Font(bold=True, size=14)
    small = Font(size=9, color="444444")
    header_fill = PatternFill("solid", fgColor="DDEBF7")
    section_fill = PatternFill("solid", fgColor="BDD7EE")
    id_fill = PatternFill("solid", fgColor="EEEEEE")
    wrap = Alignment(wrap_text=True, vertical="top")

    used_lists: dict[str, str] = {}   # list id -> defined name
    extra_lists: list[tuple[list[str], str]] = []   # activity drop-downs: (purposes, name)
    with_activity = activity_sheet(cat)
    answer = kubun.answer_field(procedure)
    for table in tables:
        ws = wb.create_sheet(worksheet_name(table.sheet))
        fields_by_col = [cat.field(k) if k else None for k in table.keys]
        ncols = len(table.headers)
        activity = table.sheet == with_activity
        id_col = ncols + 1 + activity
        # the trailing columns after the template ones: [activity,] case id
        extra = ([(activity_header(), layout["activity_note_ja"])] if activity else []) \
            + [(case_id_header(), layout["case_id_note_ja"])]
        if activity:
            ws.column_dimensions[_col_letter(ncols + 1)].width = 40
        for index, header in enumerate(table.headers, start=1):
            fdef = fields_by_col[index - 1]
            samples = [fdef.example] if fdef else []
            if fdef and fdef.code_list:
                samples += [label for label in code_list(fdef.code_list).labels()[:50]]
            if fdef and fdef.max_length:
                samples.append("x" * min(fdef.max_length, 30))
            dimension = ws.column_dimensions[_col_letter(index)]
            dimension.width = _column_width(header, samples)
            if fdef and (fdef.char_class == "digits" or fdef.kind in ("date", "year_month")):
                # Text, not numbers: Excel would drop the leading 0 of 0312345678 or 0123456
                dimension.number_format = "@"
        ws.column_dimensions[_col_letter(id_col)].width = 38
        ws.freeze_panes = f"A{FIRST_DATA_ROW}"

        def cell(value: str, font: Font | None = None, fill: PatternFill | None = None,
                 align: Alignment | None = None) -> Any:
            c = text_cell(ws, value)  # noqa: B023  (used within this iteration only)
            if font is not None:
                c.font = font
            if fill is not None:
                c.fill = fill
            if align is not None:
                c.alignment = align
            return c

        # write-only rows are written as appended: their heights must be set beforehand
        ws.row_dimensions[ROW_HEADER].height = 48
        ws.row_dimensions[ROW_GUIDANCE].height = 90
        sheet_text = layout["sheets"][table.sheet]
        ws.append([cell(f"{sheet_text['title_ja']} — {procedure_label(procedure)}", title_font)])
        ws.append([cell(layout["note_ja"], small)])
        sections: list[Any] = []
        previous = None
        for header in table.headers:
            title = _section_title(header)
            sections.append(cell(title if title != previous else "", bold, section_fill))
            previous = title
        sections += [cell("", fill=id_fill) for _ in extra]
        ws.append(sections)
        repeats: list[Any] = []
        for column in cat.columns(table.sheet):
            label = ""
            if column.repeat is not None and column.field_id:
                fdef = cat.field(column.field_id)
                group = cat.group(fdef.group) if fdef.group else None
                name = group.label_ja if group else ""
                label = layout["repeat_label_ja"].format(group=name, n=column.repeat)
            repeats.append(cell(label, small, header_fill))
        repeats += [cell("", fill=id_fill) for _ in extra]
        ws.append(repeats)
        ws.append([cell(h, bold, header_fill, wrap) for h in table.headers]
                  + [cell(h, bold, id_fill, wrap) for h, _ in extra])
        ws.append([cell(f.guidance_ja if f else "", small, None, wrap) for f in fields_by_col]
                  + [cell(note, small, id_fill, wrap) for _, note in extra])
        ws.append([cell(f.example if f else "", small) for f in fields_by_col]
                  + [cell("", fill=id_fill) for _ in extra])

        by_id = {c.id: c for c in cases}
        rows_of: dict[tuple[str, ...], list[int]] = {}   # a status's purposes -> its rows
        for number, (row, case_id) in enumerate(zip(table.rows, table.case_ids, strict=True),
                                                 start=FIRST_DATA_ROW):
            chosen: tuple[str, ...] = ()
            if activity:
                stored = by_id[case_id].values
                choices = activity_choices(procedure, stored.get(answer or "", ""))
                if choices:
                    rows_of.setdefault(choices, []).append(number)
                found = kubun.case_kubun(cat, stored).activity
                # a choice made for another status decides nothing: not carried
                chosen = (found.purpose_ja if found is not None else "",)
            ws.append([text_cell(ws, v) for v in (*row, *chosen, case_id)])
            done += 1
            if progress is not None and done % 50 == 0:
                progress(done, total)

        last_row = FIRST_DATA_ROW + len(table.rows) + SPARE_ROWS - 1
        if activity:
            letter = _col_letter(ncols + 1)
            spare = f"{letter}{FIRST_DATA_ROW + len(table.rows)}:{letter}{last_row}"
            targets = [(choices, [f"{letter}{n}" for n in rows])
                       for choices, rows in rows_of.items()]
            targets.append((tuple(_all_activities(cat)), [spare]))
            for choices, refs in targets:
                name = f"_ACT_{len(extra_lists) + 1}"
                extra_lists.append((list(choices), name))
                validation = DataValidation(type="list", formula1=f"={name}", allow_blank=True,
                                            showErrorMessage=True, errorStyle="warning")
                validation.error = layout["dropdown_error_ja"]
                validation.sqref = " ".join(refs)
                ws.data_validations.append(validation)
        by_list: dict[str, list[str]] = {}
        for index, list_id in _list_names(cat, table).items():
            letter = _col_letter(index + 1)
            by_list.setdefault(list_id, []).append(f"{letter}{FIRST_DATA_ROW}:{letter}{last_row}")
        for list_id, ranges in by_list.items():
            name = used_lists.setdefault(list_id, f"_CL_{list_id}")
            validation = DataValidation(type="list", formula1=f"={name}", allow_blank=True,
                                        showErrorMessage=True, errorStyle="warning")
            validation.error = layout["dropdown_error_ja"]
            validation.sqref = " ".join(ranges)
            ws.data_validations.append(validation)

    lists = wb.create_sheet(LISTS_SHEET)
    lists.sheet_state = "hidden"
    columns = [(_list_values(list_id, cells), name) for list_id, name in used_lists.items()]
    columns += extra_lists
    height = max((len(values) for values, _ in columns), default=0)
    for row_index in range(height):
        lists.append([text_cell(lists, values[row_index] if row_index < len(values) else None)
                      for values, _ in columns])
    for col_index, (values, name) in enumerate(columns, start=1):
        letter = _col_letter(col_index)
        ref = f"'{LISTS_SHEET}'!${letter}$1:${letter}${max(len(values), 1)}"
        wb.defined_names[name] = DefinedName(name, attr_text=ref)

    meta = wb.create_sheet(META_SHEET)
    meta.sheet_state = "hidden"
    meta_rows: list[list[object]] = [["format", FORMAT], ["version", FORMAT_VERSION],
                                     ["procedure", procedure], ["cells", cells]]
    meta_rows += [["sheet", table.sheet, worksheet_name(table.sheet)] for table in tables]
    for meta_row in meta_rows:
        meta.append([text_cell(meta, v) for v in meta_row])

    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    wb.save(buffer)
    atomic_write_bytes(target, buffer.getvalue())
    if progress is not None:
        progress(total, total)
    return target


def export_workbooks(cases: Sequence[Case], out_dir: str | os.PathLike[str], *,
                     cells: str = "labels", progress: Progress | None = None) -> list[Path]:
    """One workbook per procedure in ``out_dir`` (``<procedure>.xlsx``)."""
    return [write_workbook(group, Path(out_dir) / f"{procedure}.xlsx", cells=cells,
                           progress=progress)
            for procedure, group in group_by_procedure(cases).items()]
