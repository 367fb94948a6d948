"""Refresh the reference data from an official bulk-application workbook (一括申請用テンプレート).

ISA revises its workbook; an office downloads the current one and this module reads it:

* the **named ranges** behind the pull-downs (``_C611_C``: label and code pairs, ``_CA61_L``:
  labels), usually on hidden sheets, update the code lists whose ``source`` names them
  (``resources/codelists/<id>.json``; lists that depend on another field are left alone);
* the **header rows** of the input sheets (row 5 logical names, row 6 guidance, row 7 example;
  data from row 8) are compared with the field catalogue and written as template files
  (``templates/<procedure>/<sheet>.csv``, the format ``tools/build_catalogue.py`` reads) — new or
  removed columns need the catalogue rebuilt, which the report says.

:func:`refresh_from_workbook` changes nothing in place: the updated files go to a target folder,
and the report lists what changed (added / removed entries, codes that changed or became known,
columns added / removed / moved). :func:`install_reference` then puts the changed code lists
where the program finds them before its own (``<data folder>/reference/codelists``, see
:mod:`assistant.resources`), so an office follows an ISA revision of the lists without waiting
for a new version; a change of columns still needs a new version (the report says so).
:func:`reset_reference` goes back to the shipped lists. openpyxl is imported inside the
functions.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.model.atomic import atomic_write_bytes, atomic_write_text
from assistant.model.codelists import CodeList, code_list, list_ids
from assistant.model.fields import catalogue
from assistant.model.problems import MessageError, message_texts
from assistant.model.reference import OVERLAID, reference_dir

HEADER_ROW, GUIDANCE_ROW, EXAMPLE_ROW = 5, 6, 7
_RANGE_NAME = re.compile(r"(?<![A-Za-z0-9])(_[A-Z0-9]+(?:_[A-Z0-9]+)*_[CL])(?![A-Za-z0-9_])")
# share of a catalogue sheet's logical names a worksheet must carry to be taken for that sheet
_MIN_OVERLAP = 0.5


class RefreshError(MessageError):
    """The workbook cannot be taken in as reference data (message in ja / en)."""


@dataclass(frozen=True)
class CodeListChange:
    list_id: str
    ranges: tuple[str, ...]
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    codes: tuple[tuple[str, str | None, str | None], ...] = ()   # label, old code, new code

    @property
    def changed(self) -> bool:
        return bool(self.added or self.removed or self.codes)


@dataclass(frozen=True)
class SheetChange:
    sheet: str
    worksheet: str
    hidden: bool
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    reordered: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.added or self.removed or self.reordered)


@dataclass
class RefreshReport:
    procedure: str
    code_lists: list[CodeListChange] = field(default_factory=list)
    sheets: list[SheetChange] = field(default_factory=list)
    not_in_workbook: list[str] = field(default_factory=list)   # code lists left unchanged
    written: list[Path] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(c.changed for c in self.code_lists) or any(s.changed for s in self.sheets)

    @property
    def needs_rebuild(self) -> bool:
        """New, removed or moved columns: the catalogue must be rebuilt from the templates."""
        return any(s.changed for s in self.sheets)

    def lines(self, language: str = "ja") -> list[str]:
        """The report as sentences for the user."""
        def say(code: str, **params: Any) -> str:
            ja, en = message_texts(code, **params)
            return en if language == "en" else ja

        out: list[str] = []
        for change in self.code_lists:
            if not change.changed:
                continue
            name = change.list_id
            if change.added:
                out.append(say("refresh_list_added", list=name, values="、".join(change.added)))
            if change.removed:
                out.append(say("refresh_list_removed", list=name,
                               values="、".join(change.removed)))
            for label, old, new in change.codes:
                out.append(say("refresh_list_code", list=name, label=label, old=old or "—",
                               new=new or "—"))
        for sheet in self.sheets:
            if sheet.added:
                out.append(say("refresh_columns_added", sheet=sheet.worksheet,
                               columns="、".join(sheet.added)))
            if sheet.removed:
                out.append(say("refresh_columns_removed", sheet=sheet.worksheet,
                               columns="、".join(sheet.removed)))
            if sheet.reordered:
                out.append(say("refresh_columns_reordered", sheet=sheet.worksheet))
        if self.needs_rebuild:
            out.append(say("refresh_rebuild_catalogue"))
        if not out:
            out.append(say("refresh_no_change"))
        return out


# --------------------------------------------------------------------------- reading

def _range_values(wb: Any, name: str) -> list[list[Any]] | None:
    """The cells of a named range as rows of values, or None when the workbook lacks it."""
    defined = wb.defined_names.get(name)
    if defined is None:
        for ws in wb.worksheets:  # sheet-scoped names
            if name in ws.defined_names:
                defined = ws.defined_names[name]
                break
    if defined is None:
        return None
    rows: list[list[Any]] = []
    for sheet_title, ref in defined.destinations:
        ws = wb[sheet_title]
        cells = ws[ref.replace("$", "")]
        if not isinstance(cells, tuple):      # a single cell
            cells = ((cells,),)
        elif cells and not isinstance(cells[0], tuple):  # a single row or column
            cells = tuple((c,) for c in cells) if ":" in ref and _is_column(ref) else (cells,)
        for row in cells:
            rows.append([c.value for c in row])
    return rows


def _is_column(ref: str) -> bool:
    start, _, end = ref.replace("$", "").partition(":")
    return re.sub(r"\d", "", start) == re.sub(r"\d", "", end)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _pairs(rows: list[list[Any]]) -> list[tuple[str, str | None]]:
    """(label, code) from a range: two columns, or one column of label, code, label, code."""
    if rows and len(rows[0]) >= 2:
        return [(_text(r[0]), _text(r[1]) or None) for r in rows if _text(r[0])]
    flat = [_text(r[0]) for r in rows if r and _text(r[0])]
    return [(flat[i], flat[i + 1] if i + 1 < len(flat) else None) for i in range(0, len(flat), 2)]


def _labels(rows: list[list[Any]]) -> list[str]:
    return [_text(r[0]) for r in rows if r and _text(r[0])]


# --------------------------------------------------------------------------- code lists

def _refresh_list(wb: Any, codes: CodeList) -> tuple[CodeListChange, list[dict[str, Any]]] | None:
    names = tuple(dict.fromkeys(_RANGE_NAME.findall(codes.source)))
    if not names or codes.by_parent:
        return None
    first = _range_values(wb, names[0])
    if first is None:
        return None
    if names[0].endswith("_C") and first and len(first[0]) >= 2:
        pairs = _pairs(first)
    else:
        pairs = [(label, None) for label in _labels(first)]
    code_of: dict[str, str | None] = dict(pairs)
    for extra in names[1:]:
        rows = _range_values(wb, extra)
        if rows is not None and extra.endswith("_C"):
            for label, code in _pairs(rows):
                if code_of.get(label) is None and label in code_of:
                    code_of[label] = code
    old = {e.label: e for e in codes.entries}
    entries: list[dict[str, Any]] = []
    for label, _ in pairs:
        code = code_of.get(label)
        if code is None and label in old:
            code = old[label].code       # a code known before stays known
        entries.append({"label": label, "code": code, "verified": True})
    added = tuple(label for label, _ in pairs if label not in old)
    removed = tuple(label for label in old if label not in code_of)
    changed = tuple((e["label"], old[e["label"]].code, e["code"]) for e in entries
                    if e["label"] in old and old[e["label"]].code != e["code"])
    return CodeListChange(codes.id, names, added, removed, changed), entries


# --------------------------------------------------------------------------- header rows

def _header_rows(ws: Any) -> tuple[list[str], list[str], list[str]]:
    rows = list(ws.iter_rows(min_row=HEADER_ROW, max_row=EXAMPLE_ROW, values_only=True))
    while len(rows) < 3:
        rows.append(())
    headers = [_text(v) for v in rows[0]]
    while headers and not headers[-1]:
        headers.pop()
    width = len(headers)

    def pad(row: tuple[Any, ...]) -> list[str]:
        values = [_text(v) for v in row][:width]
        return values + [""] * (width - len(values))

    return headers, pad(rows[1]), pad(rows[2])


def _match_sheet(headers: list[str], procedure: str) -> str | None:
    cat = catalogue(procedure)
    best, best_share = None, 0.0
    present = set(headers)
    for sheet in cat.sheets:
        known = cat.headers(sheet)
        share = sum(1 for h in known if h in present) / max(len(known), 1)
        if share > best_share:
            best, best_share = sheet, share
    return best if best_share >= _MIN_OVERLAP else None


def _template_csv(headers: list[str], guidance: list[str], example: list[str]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows([headers, guidance, example])
    return buffer.getvalue().encode("utf-8-sig")


# --------------------------------------------------------------------------- entry point

def refresh_from_workbook(workbook: str | os.PathLike[str], procedure: str,
                          target: str | os.PathLike[str]) -> RefreshReport:
    """Read the official ``workbook`` for ``procedure`` and write the updated data to ``target``.

    ``target`` receives ``codelists/<id>.json`` for every code list found in the workbook and
    ``templates/<procedure>/<sheet>.csv`` for every input sheet recognised.
    """
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        catalogue(procedure)
    except KeyError as exc:
        raise RefreshError("refresh_unknown_procedure", procedure=procedure) from exc
    import xml.etree.ElementTree as ET
    import zlib

    from assistant.model.file_guard import FileGuardError, check_input_file

    try:
        check_input_file(workbook)   # a named pipe would block the reader
        # not read-only: named ranges and hidden-sheet state need the full workbook
        wb = load_workbook(workbook, data_only=True, keep_vba=False)
    except FileGuardError as exc:
        raise RefreshError("refresh_unreadable", path=str(workbook),
                           detail=exc.message_ja) from exc
    except (OSError, InvalidFileException, KeyError, ValueError, TypeError, zipfile.BadZipFile,
            zlib.error, ET.ParseError, EOFError) as exc:
        # entity declarations and external entities are refused by defusedxml (a ValueError
        # from openpyxl, or its own exception, a ValueError subclass)
        raise RefreshError("refresh_unreadable", path=str(workbook), detail=str(exc)[:200]) from exc

    report = RefreshReport(procedure=procedure)
    out = Path(target)
    for list_id in list_ids():
        codes = code_list(list_id)
        refreshed = _refresh_list(wb, codes)
        if refreshed is None:
            if _RANGE_NAME.search(codes.source) and not codes.by_parent:
                report.not_in_workbook.append(list_id)
            continue
        change, entries = refreshed
        report.code_lists.append(change)
        data = {"id": codes.id, "name_ja": codes.name_ja, "name_en": codes.name_en,
                "source": f"{Path(workbook).name} {' '.join(change.ranges)} "
                          f"(refreshed; before: {codes.source})",
                "entries": entries}
        if codes.parent_list:
            data["parent_list"] = codes.parent_list
        path = out / "codelists" / f"{list_id}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        report.written.append(path)

    cat = catalogue(procedure)
    for ws in wb.worksheets:
        headers, guidance, example = _header_rows(ws)
        sheet = _match_sheet(headers, procedure) if headers else None
        if sheet is None:
            continue
        known = cat.headers(sheet)
        present = set(headers)
        added = tuple(h for h in headers if h not in set(known))
        removed = tuple(h for h in known if h not in present)
        common_new = [h for h in headers if h in set(known)]
        common_old = [h for h in known if h in present]
        report.sheets.append(SheetChange(sheet=sheet, worksheet=ws.title,
                                         hidden=ws.sheet_state != "visible", added=added,
                                         removed=removed, reordered=common_new != common_old))
        path = out / "templates" / procedure / f"{sheet}.csv"
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, _template_csv(headers, guidance, example))
        report.written.append(path)
    wb.close()
    if not report.code_lists and not report.sheets:
        raise RefreshError("refresh_nothing_found", path=str(workbook))
    return report


# --------------------------------------------------------------------------- installing

REFERENCE_NOTE = "installed.json"


def _installed_dir() -> Path:
    folder = reference_dir()
    if folder is None:   # ASSISTANT_RESOURCES names the resources: nothing is overlaid
        raise RefreshError("refresh_overlay_off")
    return folder


def install_reference(workbook: str | os.PathLike[str], procedure: str, *,
                      on: str = "") -> RefreshReport:
    """Refresh from ``workbook`` and install the code lists that changed for this office.

    The lists go to ``<data folder>/reference/codelists`` (found before the shipped ones from
    the next start of the program); the workbook's templates are kept next to them under
    ``templates/`` for reference. ``installed.json`` records the workbook and ``on`` (a date).
    The report's ``written`` lists the installed files.
    """
    import tempfile

    target = _installed_dir()
    with tempfile.TemporaryDirectory() as staging:
        report = refresh_from_workbook(workbook, procedure, staging)
        installed: list[Path] = []
        changed = {c.list_id for c in report.code_lists if c.changed}
        for source in sorted(Path(staging).rglob("*")):
            if not source.is_file():
                continue
            relative = source.relative_to(staging)
            if relative.parts[0] in OVERLAID and source.stem not in changed:
                continue   # an unchanged list stays the shipped one (a newer version wins)
            path = target / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(path, source.read_bytes())
            if relative.parts[0] in OVERLAID:
                installed.append(path)
        note = target / REFERENCE_NOTE
        record = json.loads(note.read_text("utf-8")) if note.is_file() else {"refreshes": []}
        record["refreshes"].append({"workbook": Path(workbook).name, "procedure": procedure,
                                    "on": on, "code_lists": sorted(changed)})
        atomic_write_text(note, json.dumps(record, ensure_ascii=False, indent=1) + "\n")
    report.written = installed
    return report


def installed_reference() -> list[dict[str, Any]]:
    """The refreshes installed for this office, oldest first (empty: the shipped data)."""
    folder = reference_dir()
    if folder is None or not (folder / REFERENCE_NOTE).is_file():
        return []
    try:
        data = json.loads((folder / REFERENCE_NOTE).read_text("utf-8"))
    except (OSError, ValueError):
        return []
    refreshes: list[dict[str, Any]] = data.get("refreshes", [])
    return refreshes


def reset_reference() -> None:
    """Go back to the shipped reference data (removes the office's refreshed copies)."""
    import shutil

    folder = reference_dir()
    if folder is not None and folder.exists():
        shutil.rmtree(folder)
