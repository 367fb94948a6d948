"""Fill the office's copy of ISA's official bulk workbook (一括申請用テンプレート, .xlsm).

The office downloads the workbook from ISA, this module puts validated cases into its input
sheets exactly where a person would type them, and ISA's own macro then makes the upload file
(docs/domain.md#bulk-template). The write is **surgical**: only the cells of the input sheets
change. The sheets' XML is edited as text inside the package — cells written as inline strings
(``sharedStrings.xml`` stays as it is) or, in a cell not formatted as text, a whole number as a
number, as Excel stores what a person types — and every other member of the zip is copied byte
for byte: ``vbaProject.bin``, named ranges, data validations, sheet protection, drawings and the
macro buttons. A library that loads and re-saves the whole workbook drops form controls and
shapes, so none is used here.

What is recognised (``resources/exports/official_workbook.json``):

* the input sheets by name, through ``workbook.xml`` and its relationships:
  ``申請情報入力(<procedure>)`` (the catalogue's ``main`` sheet), ``申請情報入力(区分X)``
  (``category_x``) and ``申請情報入力(同時申請)`` (``simultaneous``);
* row 5 of each: the logical names, compared column by column with the catalogue's header row
  (``import reference`` is how a revised workbook is taken in);
* the input rows: from row 8 to the last row the sheet's data validations cover;
* the pull-downs: a column whose validation lists a named range ``_XXXX_L`` gets the label as
  that list spells it (through the ``_XXXX_C`` label/code pairs when ISA respelled a label).

Refused, with nothing written (:class:`WorkbookFillError`): a workbook that is not ISA's bulk
workbook for the cases' procedure, row-5 headers that differ from the catalogue (the differences
listed), more applicants than input rows, input cells that already hold something, a case with
errors or of another procedure, a value missing from the workbook's pull-down, and an output
that is the template itself or inside the data folder (:mod:`assistant.model.file_guard`).
"""

from __future__ import annotations

import difflib
import os
import posixpath
import re
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

from assistant.model.atomic import atomic_write_with
from assistant.model.case import NAME, Case
from assistant.model.exports.ooxml import declares_dtd
from assistant.model.problems import MessageError, message_texts
from assistant.model.progress import CancelCheck, Progress, check_cancel, report
from assistant.resources import load_json

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_DOC_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_REF = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)$")
_COLUMN = re.compile(r"^\$?([A-Z]{1,3})")
_WHOLE_NUMBER = re.compile(r"(?:[1-9][0-9]{0,14}|0)")
# characters XML 1.0 cannot carry: written as Excel's _xHHHH_ escapes
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_TEXT_FORMAT_ID = 49   # the built-in number format "@"
# refusals that concern the template itself (another file must be chosen), not the cases
TEMPLATE_REFUSALS = frozenset({
    "official_unreadable", "official_too_large", "official_not_bulk_workbook",
    "official_not_any_bulk_workbook",
    "official_other_procedure", "official_sheet_missing", "official_headers_differ",
    "official_already_filled", "official_bad_xml"})


class WorkbookFillError(MessageError):
    """The workbook cannot be filled; nothing was written (message in ja / en)."""


@dataclass(frozen=True)
class FilledSheet:
    worksheet: str          # the sheet's name in the workbook
    sheet: str              # the catalogue's sheet id (main, category_v, simultaneous)
    first_row: int
    rows: int               # applicants written


@dataclass
class FillResult:
    path: Path
    applicants: int
    sheets: list[FilledSheet] = field(default_factory=list)
    relabelled: list[tuple[str, str, str]] = field(default_factory=list)  # header, ours, theirs


# --------------------------------------------------------------------------- configuration

@cache
def _config() -> dict[str, Any]:
    data: dict[str, Any] = load_json("exports", "official_workbook.json")
    return data


def procedure_name(procedure: str) -> str:
    """The procedure's Japanese name as the workbook's sheet names use it."""
    names: dict[str, str] = _config()["procedure_names_ja"]
    return names.get(procedure, procedure)


def sheet_role(name: str) -> tuple[str, str | None] | None:
    """What an input sheet's name says: ``("main", procedure)``, ``("category_v", None)``,
    ``("simultaneous", None)``, or None for a sheet that is not an input sheet.

    A main sheet whose parenthesised name matches no procedure is ``("main", "")``."""
    config = _config()
    text = unicodedata.normalize("NFKC", name).strip()
    prefix = config["sheet_prefix"]
    if not text.startswith(prefix):
        return None
    rest = text[len(prefix):].strip()
    if not (rest.startswith("(") and rest.endswith(")")):
        return None
    inner = rest[1:-1].strip()
    if inner == config["simultaneous"]:
        return "simultaneous", None
    kubun = re.fullmatch(re.escape(config["category_prefix"]) + r"\s*([A-Za-z])", inner)
    if kubun:
        return f"category_{kubun.group(1).lower()}", None
    for procedure, words in config["procedures"].items():
        if any(word in inner for word in words):
            return "main", procedure
    return "main", ""


# --------------------------------------------------------------------------- small helpers

def column_letter(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@cache
def column_number(letters: str) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ord(ch) - 64
    return number


def _parse(data: bytes, part: str) -> Element:
    """``data`` parsed with defusedxml (no entity expansion, no external entities)."""
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        root: Element = fromstring(data)
    except (ParseError, DefusedXmlException, ValueError) as exc:
        raise WorkbookFillError("official_bad_xml", part=part, detail=str(exc)[:200]) from exc
    return root


def _string_text(node: Element) -> str:
    """The text of a shared or inline string (``<t>`` and rich-text runs; not the furigana)."""
    own = node.find(f"{_MAIN}t")
    parts = [own.text or ""] if own is not None else []
    for run in node.findall(f"{_MAIN}r"):
        text = run.find(f"{_MAIN}t")
        if text is not None:
            parts.append(text.text or "")
    return "".join(parts)


def _cell_text(cell: Element, shared: Sequence[str]) -> str:
    kind = cell.get("t")
    if kind == "inlineStr":
        node = cell.find(f"{_MAIN}is")
        return _string_text(node).strip() if node is not None else ""
    value = cell.find(f"{_MAIN}v")
    text = (value.text or "") if value is not None else ""
    if kind == "s":
        try:
            return shared[int(text)].strip()
        except (ValueError, IndexError):
            return ""
    if text.endswith(".0") and text[:-2].lstrip("-").isdigit():
        text = text[:-2]
    return text.strip()


def _has_content(cell: Element) -> bool:
    return any(cell.find(f"{_MAIN}{tag}") is not None for tag in ("v", "is", "f"))


def _cells_by_column(row: Element) -> dict[int, Element]:
    """The row's cells by column number (a cell without ``r`` follows the one before)."""
    cells: dict[int, Element] = {}
    number = 0
    for cell in row.findall(f"{_MAIN}c"):
        ref = _COLUMN.match(cell.get("r", ""))
        number = column_number(ref.group(1)) if ref else number + 1
        cells[number] = cell
    return cells


def _escape_text(value: str) -> str:
    value = value.replace("\r\n", "\n")
    value = _NOT_XML.sub(lambda m: f"_x{ord(m.group()):04X}_", value)
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# --------------------------------------------------------------------------- the package

@dataclass
class _InputSheet:
    name: str
    part: str
    role: str
    procedure: str | None
    headers: list[str] = field(default_factory=list)
    last_input_row: int | None = None
    filled_cell: str | None = None          # the first input cell already holding something
    lists: dict[int, str] = field(default_factory=dict)   # column -> `_XXXX_L` range name
    col_styles: dict[int, str] = field(default_factory=dict)
    split: _SheetText | None = None


class _Package:
    """The workbook's parts as the write needs them (read through a ZipFile)."""

    def __init__(self, archive: zipfile.ZipFile, path: str) -> None:
        self.archive = archive
        self.path = path
        names = set(archive.namelist())
        self.names = names
        root = self._xml("_rels/.rels")
        self.workbook_part = ""
        for rel in root.iter(f"{_PKG_REL}Relationship"):
            if rel.get("Type", "").endswith("/officeDocument"):
                self.workbook_part = _resolve("", rel.get("Target", ""))
        if self.workbook_part not in names:
            raise WorkbookFillError("official_unreadable", path=path,
                                    detail="workbook.xml がありません")
        self.workbook = self._xml(self.workbook_part)
        rels = self._xml(_rels_of(self.workbook_part))
        folder = posixpath.dirname(self.workbook_part)
        self.targets: dict[str, str] = {}
        self.shared_part = self.styles_part = ""
        for rel in rels.iter(f"{_PKG_REL}Relationship"):
            target = _resolve(folder, rel.get("Target", ""))
            self.targets[rel.get("Id", "")] = target
            kind = rel.get("Type", "")
            if kind.endswith("/sharedStrings"):
                self.shared_part = target
            elif kind.endswith("/styles"):
                self.styles_part = target
        self.sheets: list[tuple[str, str]] = []   # (name, part) in workbook order
        for sheet in self.workbook.iter(f"{_MAIN}sheet"):
            part = self.targets.get(sheet.get(f"{_DOC_REL}id", ""), "")
            if part in names:
                self.sheets.append((sheet.get("name", ""), part))
        self.defined: dict[str, str] = {}
        for name in self.workbook.iter(f"{_MAIN}definedName"):
            if name.get("localSheetId") is None and name.text:
                self.defined[name.get("name", "")] = name.text.strip()
        self._shared: list[str] | None = None
        self._text_styles: frozenset[int] | None = None

    def read(self, part: str) -> bytes:
        try:
            return self.archive.read(part)
        except (KeyError, OSError, zipfile.BadZipFile, EOFError, ValueError,
                zlib.error) as exc:
            raise WorkbookFillError("official_bad_xml", part=part, detail=str(exc)[:200]) from exc

    def _xml(self, part: str) -> Element:
        if part not in self.names:
            raise WorkbookFillError("official_unreadable", path=self.path,
                                    detail=f"{part} がありません")
        return _parse(self.read(part), part)

    @property
    def shared(self) -> list[str]:
        if self._shared is None:
            self._shared = []
            if self.shared_part in self.names:
                root = self._xml(self.shared_part)
                self._shared = [_string_text(si) for si in root.findall(f"{_MAIN}si")]
        return self._shared

    @property
    def text_styles(self) -> frozenset[int]:
        """The cell formats (``s`` indexes) whose number format is text (``@``)."""
        if self._text_styles is None:
            styles: set[int] = set()
            if self.styles_part in self.names:
                root = self._xml(self.styles_part)
                text_ids = {_TEXT_FORMAT_ID}
                for fmt in root.iter(f"{_MAIN}numFmt"):
                    if fmt.get("formatCode", "").strip() == "@":
                        text_ids.add(int(fmt.get("numFmtId", "-1")))
                xfs = root.find(f"{_MAIN}cellXfs")
                if xfs is not None:
                    for index, xf in enumerate(xfs.findall(f"{_MAIN}xf")):
                        if int(xf.get("numFmtId", "0")) in text_ids:
                            styles.add(index)
            self._text_styles = frozenset(styles)
        return self._text_styles

    def range_values(self, name: str) -> list[list[str]] | None:
        """The cells of the workbook-level named range ``name`` as rows of text."""
        ref = self.defined.get(name)
        if ref is None or "!" not in ref:
            return None
        sheet_name, _, cells = ref.rpartition("!")
        sheet_name = sheet_name.strip()
        if sheet_name.startswith("'") and sheet_name.endswith("'"):
            sheet_name = sheet_name[1:-1].replace("''", "'")
        part = dict(self.sheets).get(sheet_name)
        start, _, end = cells.partition(":")
        first, last = _REF.match(start), _REF.match(end or start)
        if part is None or first is None or last is None:
            return None
        col0, row0 = column_number(first.group(1)), int(first.group(2))
        col1, row1 = column_number(last.group(1)), int(last.group(2))
        root = self._xml(part)
        rows: list[list[str]] = []
        by_row = {int(r.get("r", "0")): r for r in root.iter(f"{_MAIN}row")}
        for number in range(row0, min(row1, row0 + 20000) + 1):
            row = by_row.get(number)
            cells_of = _cells_by_column(row) if row is not None else {}
            rows.append([_cell_text(cells_of[c], self.shared) if c in cells_of else ""
                         for c in range(col0, col1 + 1)])
        return rows


def _rels_of(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def _resolve(folder: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(folder, target))


@dataclass(frozen=True)
class _SheetText:
    """A worksheet's XML split around the inside of ``<sheetData>``, with its row pattern."""

    prefix: str          # the main namespace's prefix ("" when it is the default one)
    head: str            # up to and with ``<sheetData …>``
    inner: str
    tail: str            # from ``</sheetData>``
    root_tag: str        # the ``<worksheet …>`` start tag (its namespace declarations)

    @property
    def rows(self) -> re.Pattern[str]:
        qp = re.escape(self.prefix)
        return re.compile(rf"<{qp}row\b([^>]*?)(?:/>|>(.*?)</{qp}row>)", re.S)

    @property
    def cells(self) -> re.Pattern[str]:
        """A cell: (its column letters when it has ``r``, its attributes, its content)."""
        qp = re.escape(self.prefix)
        return re.compile(rf'<{qp}c\b(?:(?=[^>]*?\sr="\$?([A-Z]{{1,3}}))|)([^>]*?)'
                          rf"(?:/>|>(.*?)</{qp}c>)", re.S)


def _split_sheet(data: bytes, part: str) -> _SheetText:
    """The sheet's text split for reading and editing (a DTD is refused: OOXML never has one,
    and without it no entity can expand)."""
    if declares_dtd(data):
        raise WorkbookFillError("official_bad_xml", part=part, detail="DTD")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise WorkbookFillError("official_bad_xml", part=part, detail=str(exc)[:200]) from exc
    root = re.search(r"<([A-Za-z_][\w.-]*:)?worksheet\b[^>]*>", text)
    if root is None:
        raise WorkbookFillError("official_bad_xml", part=part, detail="worksheet がありません")
    prefix = root.group(1) or ""
    qp = re.escape(prefix)
    opening = re.search(rf"<{qp}sheetData\b[^>]*?(/?)>", text)
    if opening is None:
        raise WorkbookFillError("official_bad_xml", part=part, detail="sheetData がありません")
    if opening.group(1):
        return _SheetText(prefix, text[:opening.start()] + f"<{prefix}sheetData>", "",
                          f"</{prefix}sheetData>" + text[opening.end():], root.group())
    closing = text.find(f"</{prefix}sheetData>", opening.end())
    if closing < 0:
        raise WorkbookFillError("official_bad_xml", part=part, detail="sheetData が閉じていません")
    return _SheetText(prefix, text[:opening.end()], text[opening.end():closing], text[closing:],
                      root.group())


def _row_number(attributes: str, previous: int) -> int:
    found = _ROW_R.search(attributes)
    return int(found.group(1)) if found else previous + 1


_ROW_R = re.compile(r'\sr="(\d+)"')
_ATTR_S = re.compile(r'\ss="(\d+)"')
_CONTENT = re.compile(r"<(?:[A-Za-z_][\w.-]*:)?(?:v|is|f)\b")


def _read_input_sheet(package: _Package, name: str, part: str, role: str,
                      procedure: str | None) -> _InputSheet:
    """Row 5, the input rows' extent and contents, the columns' styles and pull-downs.

    The sheet's frame (everything but the rows) and its header rows are parsed with
    defusedxml; the input rows — thousands of styled empty cells in a real template — are only
    scanned, as the write does."""
    config = _config()
    header_row, first = int(config["header_row"]), int(config["first_input_row"])
    sheet = _InputSheet(name=name, part=part, role=role, procedure=procedure)
    split = _split_sheet(package.read(part), part)
    sheet.split = split
    root = _parse((split.head + split.tail).encode("utf-8"), part)
    cols = root.find(f"{_MAIN}cols")
    if cols is not None:
        for col in cols.findall(f"{_MAIN}col"):
            style = col.get("style")
            if style is not None:
                for number in range(int(col.get("min", "0")), int(col.get("max", "0")) + 1):
                    if number > 16384:
                        break
                    sheet.col_styles[number] = style
    number = 0
    last_row = 0
    header_text = ""
    input_rows: list[tuple[int, str]] = []
    for match in split.rows.finditer(split.inner):
        number = _row_number(match.group(1), number)
        if number == header_row:
            header_text = match.group()
        elif number >= first:
            last_row = number
            content = match.group(2) or ""
            if _CONTENT.search(content):
                input_rows.append((number, content))
    if header_text:
        # the header row alone, inside the sheet's own start tag (its namespace declarations)
        closing = f"</{split.prefix}worksheet>"
        frame = _parse((split.root_tag + f"<{split.prefix}sheetData>" + header_text
                        + f"</{split.prefix}sheetData>" + closing).encode("utf-8"), part)
        row = frame.find(f"{_MAIN}sheetData/{_MAIN}row")
        cells = _cells_by_column(row) if row is not None else {}
        width = max(cells, default=0)
        sheet.headers = [_cell_text(cells[c], package.shared) if c in cells else ""
                         for c in range(1, width + 1)]
        while sheet.headers and not sheet.headers[-1]:
            sheet.headers.pop()
    width = len(sheet.headers)
    for row_number, content in input_rows:   # rows with a value, a string or a formula
        column = 0
        for cell in split.cells.finditer(content):
            column = column_number(cell.group(1)) if cell.group(1) else column + 1
            if column <= width and _CONTENT.search(cell.group(3) or ""):
                sheet.filled_cell = f"{column_letter(column)}{row_number}"
                break
        if sheet.filled_cell is not None:
            break
    # the input rows: as far as the data validations reach (else the rows the sheet prepares)
    validation_end = 0
    for validation in root.iter(f"{_MAIN}dataValidation"):
        formula = validation.find(f"{_MAIN}formula1")
        listed = (formula.text or "").strip().lstrip("=") if formula is not None else ""
        for area in validation.get("sqref", "").split():
            start, _, end = area.partition(":")
            a, b = _REF.match(start), _REF.match(end or start)
            if a is None or b is None:
                continue
            if int(b.group(2)) >= first:
                validation_end = max(validation_end, int(b.group(2)))
                if (validation.get("type") == "list" and listed.endswith("_L")
                        and listed in package.defined and int(a.group(2)) <= first):
                    for listed_column in range(column_number(a.group(1)),
                                               column_number(b.group(1)) + 1):
                        sheet.lists[listed_column] = listed
    if validation_end:
        sheet.last_input_row = validation_end
    elif last_row:
        sheet.last_input_row = last_row
    return sheet


# --------------------------------------------------------------------------- checks

def _header_differences(found: list[str], expected: list[str]) -> list[str]:
    """The differences between the workbook's row 5 and the catalogue's headers, as sentences."""
    def say(code: str, **params: Any) -> str:
        return message_texts(code, **params)[0]

    out: list[str] = []
    matcher = difflib.SequenceMatcher(a=found, b=expected, autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            continue
        for offset in range(max(a1 - a0, b1 - b0)):
            i, j = a0 + offset, b0 + offset
            if i < a1 and j < b1:
                out.append(say("official_header_changed", column=column_letter(i + 1),
                               found=found[i], expected=expected[j]))
            elif i < a1:
                out.append(say("official_header_extra", column=column_letter(i + 1),
                               found=found[i]))
            else:
                out.append(say("official_header_missing", column=column_letter(a1 + 1),
                               expected=expected[j]))
    return out


def _check_cases(cases: Sequence[Case], procedure: str, on: date, profile: str | None) -> None:
    from assistant.model.validation import validate_case

    for number, case in enumerate(cases, start=1):
        applicant = case.value(NAME) or f"{number}人目"
        if case.procedure != procedure:
            from assistant.model.fields import catalogue

            try:
                case_procedure = procedure_name(catalogue(case.procedure).procedure)
            except KeyError:
                case_procedure = case.procedure
            raise WorkbookFillError("official_wrong_procedure", applicant=applicant,
                                    case_id=case.id, case_procedure=case_procedure,
                                    procedure=procedure, procedure_ja=procedure_name(procedure))
        errors = [p for p in validate_case(case, on, profile) if p.is_error]
        if errors:
            raise WorkbookFillError("official_case_errors", applicant=applicant,
                                    case_id=case.id, count=len(errors),
                                    first_ja=errors[0].message_ja, first_en=errors[0].message_en)
    from assistant.model.exports.bulk import kubun_refusals

    for issue in kubun_refusals(cases):   # a 区分 whose questions are not installed
        raise WorkbookFillError("official_kubun_refused", detail_ja=issue.problem.message_ja,
                                detail_en=issue.problem.message_en)


def _check_paths(template: Path, out: Path) -> None:
    from assistant.model.file_guard import check_input_file, check_output_path

    check_input_file(template)
    same = os.path.realpath(template) == os.path.realpath(out)
    if not same and out.exists():
        try:
            same = os.path.samefile(template, out)
        except OSError:
            same = False
    if same:
        raise WorkbookFillError("official_same_file")
    check_output_path(out, force=True)   # the data folder, the database, backups: never


# --------------------------------------------------------------------------- writing a sheet

@dataclass
class _SheetWrite:
    sheet: _InputSheet
    rows: dict[int, dict[int, str]]         # row -> column -> value


def _cell_xml(ref: str, value: str, style: str | None, text_styles: frozenset[int]) -> str:
    styled = f' s="{style}"' if style is not None else ""
    as_text = style is not None and style.isdigit() and int(style) in text_styles
    if not as_text and _WHOLE_NUMBER.fullmatch(value):
        return f'<c r="{ref}"{styled}><v>{value}</v></c>'
    return (f'<c r="{ref}"{styled} t="inlineStr"><is><t xml:space="preserve">'
            f"{_escape_text(value)}</t></is></c>")


def _sheet_xml(write: _SheetWrite, text_styles: frozenset[int]) -> bytes:
    """The sheet's XML with ``write.rows`` put in; every byte outside those rows unchanged.

    A written row keeps its attributes (but ``spans``, a hint that may no longer hold) and its
    other cells; a cell written over keeps its style (so a protected sheet's unlocked input
    cells stay unlocked), a new cell takes the row's or the column's style."""
    sheet = write.sheet
    split = sheet.split
    assert split is not None
    p = split.prefix
    cell_pattern = split.cells
    pending = sorted(write.rows)
    letters = {column: column_letter(column)
               for values in write.rows.values() for column in values}

    def new_cells(number: int, old: dict[int, str], row_style: str | None) -> str:
        cells = dict(old)
        for column, value in write.rows[number].items():
            ref = f"{letters[column]}{number}"
            existing = old.get(column)
            found = _ATTR_S.search(existing.split(">", 1)[0]) if existing else None
            style = found.group(1) if found else (
                row_style if row_style is not None else sheet.col_styles.get(column))
            cells[column] = _cell_xml(ref, value, style, text_styles)
        return "".join(cells[c] for c in sorted(cells))

    def fresh_row(number: int) -> str:
        return f'<{p}row r="{number}">{new_cells(number, {}, None)}</{p}row>'

    inner = split.inner
    pieces: list[str] = []
    position = 0
    number = 0
    for match in split.rows.finditer(inner):
        attributes = match.group(1)
        number = _row_number(attributes, number)
        if not pending or number < pending[0]:
            continue
        pieces.append(inner[position:match.start()])
        position = match.end()
        while pending and pending[0] < number:
            pieces.append(fresh_row(pending.pop(0)))
        if pending and pending[0] == number:
            pending.pop(0)
            old: dict[int, str] = {}
            column = 0
            for cell in cell_pattern.finditer(match.group(2) or ""):
                cell_text = cell.group()
                if cell.group(1):
                    column = column_number(cell.group(1))
                else:   # give the cell its reference: cells are put in around it
                    column += 1
                    cell_text = f'<{p}c r="{column_letter(column)}{number}"' + \
                        cell_text[len(p) + 2:]
                old[column] = cell_text
            kept = re.sub(r'\sspans="[^"]*"', "", attributes)
            if not _ROW_R.search(attributes):
                kept = f' r="{number}"' + kept
            custom = re.search(r'\scustomFormat="(?:1|true)"', attributes)
            row_style = _ATTR_S.search(attributes) if custom else None
            pieces.append(f"<{p}row{kept}>"
                          f"{new_cells(number, old, row_style.group(1) if row_style else None)}"
                          f"</{p}row>")
        else:
            pieces.append(match.group())
    pieces.extend(fresh_row(n) for n in pending)
    pieces.append(inner[position:])
    body = split.head + "".join(pieces) + split.tail
    body = _widen_dimension(body, re.escape(p), write)
    return body.encode("utf-8")


def _widen_dimension(text: str, qp: str, write: _SheetWrite) -> str:
    """``<dimension ref>`` covering the written cells too (readers size the sheet from it)."""
    found = re.search(rf'<{qp}dimension\b[^>]*?\sref="([^"]*)"', text)
    if found is None or not write.rows:
        return text
    start, _, end = found.group(1).partition(":")
    a, b = _REF.match(start), _REF.match(end or start)
    if a is None or b is None:
        return text
    last_row = max(int(b.group(2)), max(write.rows))
    last_col = max([column_number(b.group(1))] + [max(r) for r in write.rows.values() if r])
    ref = f"{a.group(1)}{a.group(2)}:{column_letter(last_col)}{last_row}"
    return text[:found.start(1)] + ref + text[found.end(1):]


# --------------------------------------------------------------------------- entry point

def _check_archive(archive: zipfile.ZipFile, path: str) -> None:
    limits = _config()["limits"]
    members = archive.infolist()
    total = sum(m.file_size for m in members)
    if total > int(limits["max_unpacked_bytes"]) or len(members) > int(limits["max_members"]):
        raise WorkbookFillError("official_too_large", path=path, size=total // 1_000_000,
                                members=len(members))


def _input_sheets(package: _Package) -> list[_InputSheet]:
    sheets = []
    for name, part in package.sheets:
        role = sheet_role(name)
        if role is not None:
            sheets.append(_read_input_sheet(package, name, part, role[0], role[1]))
    return sheets


def _pick_procedure(sheets: Sequence[_InputSheet], procedure: str | None,
                    path: str) -> str:
    mains = [s for s in sheets if s.role == "main"]
    known = [s for s in mains if s.procedure]
    wanted = procedure or (known[0].procedure if len(known) == 1 else None)
    if wanted is not None and any(s.procedure == wanted for s in known):
        return wanted
    if procedure is not None and known:
        raise WorkbookFillError("official_other_procedure", path=path, found=known[0].name,
                                procedure=procedure, procedure_ja=procedure_name(procedure))
    if procedure is None:
        raise WorkbookFillError("official_not_any_bulk_workbook", path=path)
    raise WorkbookFillError("official_not_bulk_workbook", path=path, procedure=procedure,
                            procedure_ja=procedure_name(procedure))


def _pull_down_labels(package: _Package, sheet: _InputSheet, column: int,
                      values: set[str], code_of: Callable[[str], str | None],
                      ) -> tuple[dict[str, str], str | None]:
    """Our labels -> the workbook's spelling for one pull-down column, and the first value the
    workbook's list lacks (None: all found)."""
    name = sheet.lists[column]
    rows = package.range_values(name)
    if rows is None:
        return {}, None
    labels = {row[0] for row in rows if row and row[0]}
    missing = sorted(values - labels - {""})
    if not missing:
        return {}, None
    pairs_rows = package.range_values(name[:-2] + "_C") or []
    if pairs_rows and len(pairs_rows[0]) >= 2:
        pairs = [(r[0], r[1]) for r in pairs_rows if r[0]]
    else:
        flat = [r[0] for r in pairs_rows if r and r[0]]
        pairs = list(zip(flat[::2], flat[1::2], strict=False))
    label_of_code = {code: label for label, code in pairs if code}
    mapping: dict[str, str] = {}
    for value in missing:
        code = code_of(value)
        theirs = label_of_code.get(code) if code is not None else None
        if theirs is None or theirs not in labels:
            return mapping, value
        mapping[value] = theirs
    return mapping, None


def _code_lookup(list_id: str) -> Callable[[str], str | None]:
    from assistant.model.codelists import code_list

    codes = code_list(list_id)
    entries = list(codes.entries)
    for _, subset in codes.by_parent:
        entries.extend(subset)
    table = {e.label: e.code for e in entries}
    return table.get


def fill_workbook(template: str | os.PathLike[str], cases: Sequence[Case],
                  out: str | os.PathLike[str], *, on: date, procedure: str | None = None,
                  profile: str | None = None, progress: Progress | None = None,
                  cancelled: CancelCheck | None = None) -> FillResult:
    """Write ``cases`` into a copy of the official workbook ``template`` at ``out``.

    ``procedure``: the workbook must be the one for it (default: the one the workbook is for).
    Validation runs as of ``on`` under rule profile ``profile``. Replacing an existing ``out``
    is the caller's decision (``--force`` / the GUI's question); the template itself and the
    program's data are refused here whatever the caller says. Raises
    :class:`WorkbookFillError` (or :class:`~assistant.model.file_guard.FileGuardError`) with
    nothing written.
    """
    from assistant.model.exports.bulk import sheet_tables
    from assistant.model.fields import catalogue

    source, target = Path(template), Path(out)
    if not cases:
        raise WorkbookFillError("official_no_cases")
    _check_paths(source, target)
    check_cancel(cancelled)
    try:
        archive = zipfile.ZipFile(source)
    except (OSError, zipfile.BadZipFile, ValueError) as exc:
        raise WorkbookFillError("official_unreadable", path=str(source),
                                detail=str(exc)[:200]) from exc
    with archive:
        _check_archive(archive, str(source))
        package = _Package(archive, str(source))
        sheets = _input_sheets(package)
        chosen = _pick_procedure(sheets, procedure, str(source))
        _check_cases(cases, chosen, on, profile)
        report(progress, 1, 4)
        check_cancel(cancelled)
        cat = catalogue(chosen)
        by_role: dict[str, _InputSheet] = {}
        for sheet in sheets:
            if sheet.role == "main" and sheet.procedure != chosen:
                continue
            by_role.setdefault(sheet.role, sheet)
        for role in cat.sheets:   # every input sheet the catalogue knows must match it
            sheet_found = by_role.get(role)
            if sheet_found is None:
                continue
            differences = _header_differences(sheet_found.headers, cat.headers(role))
            if differences:
                limit = int(_config()["max_listed_differences"])
                listed = differences[:limit]
                if len(differences) > limit:
                    listed.append(message_texts("official_more_differences",
                                                count=len(differences) - limit)[0])
                raise WorkbookFillError("official_headers_differ", sheet=sheet_found.name,
                                        differences="、".join(listed))
        tables = sheet_tables(list(cases), "labels")
        first = int(_config()["first_input_row"])
        result = FillResult(path=target, applicants=len(cases))
        writes: list[_SheetWrite] = []
        for table in tables:
            sheet_found = by_role.get(table.sheet)
            if sheet_found is None:
                if table.sheet == "main" or table.has_data:
                    name = (f"{_config()['sheet_prefix']}("
                            f"{_sheet_label(table.sheet, chosen)})")
                    raise WorkbookFillError("official_sheet_missing", sheet=name,
                                            applicants=len(cases))
                continue
            last = sheet_found.last_input_row
            if last is not None and len(cases) > last - first + 1:
                rows = max(last - first + 1, 0)
                raise WorkbookFillError("official_too_many_applicants", applicants=len(cases),
                                        sheet=sheet_found.name, rows=rows, first=first,
                                        last=last)
            if sheet_found.filled_cell is not None:
                raise WorkbookFillError("official_already_filled", sheet=sheet_found.name,
                                        cell=sheet_found.filled_cell)
            columns = {index: list(table.columns[index]) for index in table.filled}
            for index, cells in columns.items():
                key = table.keys[index]
                if index + 1 not in sheet_found.lists or key is None:
                    continue
                fdef = cat.field(key)
                if not fdef.code_list:
                    continue
                mapping, missing = _pull_down_labels(package, sheet_found, index + 1,
                                                     set(cells), _code_lookup(fdef.code_list))
                if missing is not None:
                    row = cells.index(missing)
                    case = cases[row]
                    raise WorkbookFillError(
                        "official_not_in_list", applicant=case.value(NAME) or f"{row + 1}人目",
                        header=table.headers[index], value=missing,
                        range=sheet_found.lists[index + 1])
                if mapping:
                    columns[index] = [mapping.get(c, c) for c in cells]
                    result.relabelled.extend((table.headers[index], ours, theirs)
                                             for ours, theirs in mapping.items())
            rows_out: dict[int, dict[int, str]] = {}
            for applicant in range(len(cases)):
                rows_out[first + applicant] = {
                    index + 1: cells[applicant] for index, cells in columns.items()
                    if cells[applicant]}
            writes.append(_SheetWrite(sheet_found, rows_out))
            result.sheets.append(FilledSheet(worksheet=sheet_found.name, sheet=table.sheet,
                                             first_row=first, rows=len(cases)))
        report(progress, 2, 4)
        check_cancel(cancelled)
        replaced = {w.sheet.part: _sheet_xml(w, package.text_styles) for w in writes}
        report(progress, 3, 4)
        check_cancel(cancelled)
        atomic_write_with(target, lambda tmp: _write_package(archive, tmp, replaced))
    report(progress, 4, 4)
    return result


def _sheet_label(role: str, procedure: str) -> str:
    if role == "main":
        return procedure_name(procedure)
    if role == "simultaneous":
        return str(_config()["simultaneous"])
    return f"{_config()['category_prefix']}{role.rsplit('_', 1)[-1].upper()}"


def _write_package(archive: zipfile.ZipFile, path: Path, replaced: Mapping[str, bytes]) -> None:
    """The template's members in their order: the replaced sheets' new XML, every other member
    with the same bytes, name, date, attributes and compression."""
    with zipfile.ZipFile(path, "w") as copy:
        for info in archive.infolist():
            data = replaced.get(info.filename)
            if data is None:
                data = archive.read(info)
            member = zipfile.ZipInfo(info.filename, info.date_time)
            member.compress_type = info.compress_type
            member.external_attr = info.external_attr
            member.create_system = info.create_system
            member.comment = info.comment
            copy.writestr(member, data)
