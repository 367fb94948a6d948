"""A synthetic copy of ISA's official bulk workbook (一括申請用テンプレート, .xlsm), built as raw
package parts with the structure the real one has (docs/domain.md#bulk-template): input sheets
named 申請情報入力(<procedure>) / (区分V) / (同時申請), header rows 1–7 with the logical names in
row 5 (shared strings), styled empty input rows from row 8 (text-formatted and unlocked, the
birth-date column general), data validations listing named ranges ``_XXXX_L`` on a hidden code
sheet (with ``_XXXX_C`` label/code pairs), a protected sheet and workbook structure, a drawing
with a macro button, and a ``vbaProject.bin`` part of known bytes.

The real workbook cannot be shipped (ISA's file, structure-locked); this one is made by the
tests so every part is known.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from assistant.model.exports.workbook import column_letter, procedure_name
from assistant.model.fields import catalogue

VBA_BYTES = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 16   # known, not parsed
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
ROLE_NAMES = {"category_v": "区分V", "simultaneous": "同時申請"}
TEXT_STYLE, GENERAL_STYLE, HEADER_STYLE = 1, 2, 3
BIRTH_HEADER = "身分事項_生年月日"
SEX_HEADER = "身分事項_性別"
YES_NO_HEADER = "身分事項_配偶者の有無"


def worksheet_name(role: str, procedure: str = "renewal") -> str:
    return f"申請情報入力({procedure_name(procedure) if role == 'main' else ROLE_NAMES[role]})"


class _Strings:
    def __init__(self) -> None:
        self.items: list[str] = []
        self.index: dict[str, int] = {}

    def __call__(self, text: str) -> int:
        if text not in self.index:
            self.index[text] = len(self.items)
            self.items.append(text)
        return self.index[text]

    def xml(self) -> str:
        body = "".join(f'<si><t xml:space="preserve">{escape(t)}</t>'
                       f'<rPh sb="0" eb="1"><t>ヨミ</t></rPh></si>' for t in self.items)
        return (f'{HEAD}<sst xmlns="{MAIN_NS}" count="{len(self.items)}" '
                f'uniqueCount="{len(self.items)}">{body}</sst>')


def _shared(ref: str, strings: _Strings, text: str, style: int | None = None) -> str:
    styled = f' s="{style}"' if style is not None else ""
    return f'<c r="{ref}"{styled} t="s"><v>{strings(text)}</v></c>'


def _input_sheet(headers: list[str], strings: _Strings, rows: int, title: str,
                 lists: dict[str, str], drawing: bool) -> str:
    width = max(len(headers), 1)
    last_col = column_letter(width)
    last_row = 7 + rows
    cells5 = "".join(_shared(f"{column_letter(i + 1)}5", strings, h, HEADER_STYLE)
                     for i, h in enumerate(headers) if h)
    guidance = "".join(f'<c r="{column_letter(i + 1)}6" s="{HEADER_STYLE}" t="inlineStr"><is>'
                       f"<t>半角{i}</t></is></c>" for i in range(width))
    header_rows = (f'<row r="1">{_shared("A1", strings, title)}</row>'
                   f'<row r="3">{_shared("A3", strings, "項目")}</row>'
                   f'<row r="4"/>'
                   f'<row r="5" spans="1:{width}">{cells5}</row>'
                   f'<row r="6" spans="1:{width}">{guidance}</row>'
                   f'<row r="7">{_shared("A7", strings, "入力例")}</row>')
    birth = headers.index(BIRTH_HEADER) + 1 if BIRTH_HEADER in headers else 0

    def style(column: int) -> int:
        return GENERAL_STYLE if column == birth else TEXT_STYLE

    input_rows = "".join(
        f'<row r="{r}" spans="1:{width}" x14ac:dyDescent="0.15">'
        + "".join(f'<c r="{column_letter(c)}{r}" s="{style(c)}"/>' for c in range(1, width + 1))
        + "</row>" for r in range(8, last_row + 1))
    validations = [f'<dataValidation type="textLength" operator="lessThanOrEqual" allowBlank="1"'
                   f' sqref="A8:{last_col}{last_row}"><formula1>600</formula1></dataValidation>']
    for header, name in lists.items():
        if header in headers:
            col = column_letter(headers.index(header) + 1)
            validations.append(
                f'<dataValidation type="list" allowBlank="1" showErrorMessage="1" '
                f'sqref="{col}8:{col}{last_row}"><formula1>{name}</formula1></dataValidation>')
    return (f'{HEAD}<worksheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}" '
            'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
            'mc:Ignorable="x14ac" '
            'xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">'
            '<sheetPr codeName="Sheet1"/>'
            f'<dimension ref="A1:{last_col}{last_row}"/>'
            '<sheetViews><sheetView workbookViewId="0"><pane ySplit="7" topLeftCell="A8" '
            'activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
            '<sheetFormatPr defaultRowHeight="13.5" x14ac:dyDescent="0.15"/>'
            f'<cols><col min="1" max="{width}" width="18" style="{TEXT_STYLE}" customWidth="1"/>'
            '</cols>'
            f"<sheetData>{header_rows}{input_rows}</sheetData>"
            '<sheetProtection password="CC3D" sheet="1" objects="1" scenarios="1" '
            'formatColumns="0"/>'
            f'<dataValidations count="{len(validations)}">{"".join(validations)}'
            '</dataValidations>'
            '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" '
            'footer="0.3"/>'
            + ('<drawing r:id="rId1"/>' if drawing else "")
            + "</worksheet>")


def _code_sheet(strings: _Strings, columns: list[list[str]]) -> str:
    height = max(len(c) for c in columns)
    rows = []
    for r in range(height):
        cells = "".join(_shared(f"{column_letter(c + 1)}{r + 1}", strings, column[r])
                        for c, column in enumerate(columns) if r < len(column))
        rows.append(f'<row r="{r + 1}">{cells}</row>')
    return (f'{HEAD}<worksheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">'
            f"<sheetData>{''.join(rows)}</sheetData></worksheet>")


DRAWING = (
    f'{HEAD}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"'
    ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
    '<xdr:twoCellAnchor editAs="absolute"><xdr:from><xdr:col>2</xdr:col><xdr:colOff>0</xdr:colOff>'
    '<xdr:row>0</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>4</xdr:col>'
    '<xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>'
    '<xdr:sp macro="[0]!CSVファイル作成" textlink=""><xdr:nvSpPr><xdr:cNvPr id="2" name="ボタン 1"/>'
    '<xdr:cNvSpPr/></xdr:nvSpPr><xdr:spPr><a:xfrm><a:off x="1400000" y="0"/>'
    '<a:ext cx="1800000" cy="400000"/></a:xfrm><a:prstGeom prst="roundRect"><a:avLst/>'
    '</a:prstGeom></xdr:spPr><xdr:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>CSVファイル作成'
    '</a:t></a:r></a:p></xdr:txBody></xdr:sp><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>')

STYLES = (
    f'{HEAD}<styleSheet xmlns="{MAIN_NS}">'
    '<fonts count="1"><font><sz val="11"/><name val="游ゴシック"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" '
    'applyProtection="1"><protection locked="0"/></xf>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyProtection="1">'
    '<protection locked="0"/></xf>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="標準" xfId="0" builtinId="0"/></cellStyles>'
    '</styleSheet>')


def build_template(path: Path, procedure: str = "renewal", *, rows: int = 20,
                   headers: dict[str, list[str]] | None = None,
                   sex_labels: tuple[str, str] = ("男 male", "女 female"),
                   sex_codes: tuple[str, str] = ("1", "2"),
                   main_name: str | None = None, without: tuple[str, ...] = ()) -> Path:
    """Write the synthetic official workbook for ``procedure`` to ``path`` (``rows`` input
    rows per sheet; ``headers`` replaces a sheet's row 5; ``sex_labels``: the pull-down's
    spelling of 男/女, ``sex_codes`` their codes; ``without``: catalogue sheets left out)."""
    cat = catalogue(procedure)
    strings = _Strings()
    sheets: list[tuple[str, str, str]] = []   # (name, part, xml)
    lists = {SEX_HEADER: "_C611_L", YES_NO_HEADER: "_A021_L"}
    for number, role in enumerate(cat.sheets, start=1):
        if role in without:
            continue
        name = main_name if role == "main" and main_name else worksheet_name(role, procedure)
        row5 = (headers or {}).get(role, cat.headers(role))
        sheets.append((name, f"xl/worksheets/sheet{number}.xml",
                       _input_sheet(row5, strings, rows, name, lists, drawing=role == "main")))
    code_number = len(cat.sheets) + 1
    code_columns = [list(sex_labels), list(sex_labels), list(sex_codes), ["有 Yes", "無 No"],
                    ["有 Yes", "無 No"], ["1", "0"]]
    sheets.append(("コード", f"xl/worksheets/sheet{code_number}.xml",
                   _code_sheet(strings, code_columns)))
    defined = {"_C611_L": "コード!$A$1:$A$2", "_C611_C": "コード!$B$1:$C$2",
               "_A021_L": "コード!$D$1:$D$2", "_A021_C": "コード!$E$1:$F$2"}
    sheet_entries = "".join(
        f'<sheet name="{escape(name)}" sheetId="{i}" r:id="rId{i}"'
        + (' state="hidden"' if name == "コード" else "") + "/>"
        for i, (name, _, _) in enumerate(sheets, start=1))
    names = "".join(f'<definedName name="{n}">{escape(ref)}</definedName>'
                    for n, ref in defined.items())
    workbook = (f'{HEAD}<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">'
                '<fileVersion appName="xl" lastEdited="7"/>'
                '<workbookPr codeName="ThisWorkbook"/>'
                '<workbookProtection lockStructure="1"/>'
                '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="20000" '
                'windowHeight="10000"/></bookViews>'
                f"<sheets>{sheet_entries}</sheets><definedNames>{names}</definedNames>"
                '<calcPr calcId="191029"/></workbook>')
    count = len(sheets)
    rels = "".join(f'<Relationship Id="rId{i}" Type="{DOC_REL}/worksheet" '
                   f'Target="{part.removeprefix("xl/")}"/>'
                   for i, (_, part, _) in enumerate(sheets, start=1))
    rels += (f'<Relationship Id="rId{count + 1}" Type="{DOC_REL}/styles" Target="styles.xml"/>'
             f'<Relationship Id="rId{count + 2}" Type="{DOC_REL}/sharedStrings" '
             'Target="sharedStrings.xml"/>'
             f'<Relationship Id="rId{count + 3}" '
             'Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" '
             'Target="vbaProject.bin"/>')
    overrides = "".join(
        f'<Override PartName="/{part}" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for _, part, _ in sheets)
    content_types = (
        f'{HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>'
        f"{overrides}"
        '<Override PartName="/xl/styles.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        '<Override PartName="/xl/drawings/drawing1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>'
        "</Types>")
    root_rels = (f'{HEAD}<Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" '
                 f'Type="{DOC_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    drawing_rels = (f'{HEAD}<Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" '
                    f'Type="{DOC_REL}/drawing" Target="../drawings/drawing1.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", content_types)
        package.writestr("_rels/.rels", root_rels)
        package.writestr("xl/workbook.xml", workbook)
        package.writestr("xl/_rels/workbook.xml.rels",
                         f'{HEAD}<Relationships xmlns="{PKG_REL}">{rels}</Relationships>')
        for _, part, xml in sheets:
            package.writestr(part, xml)
        package.writestr("xl/worksheets/_rels/sheet1.xml.rels", drawing_rels)
        package.writestr("xl/drawings/drawing1.xml", DRAWING)
        package.writestr("xl/styles.xml", STYLES)
        package.writestr("xl/sharedStrings.xml", strings.xml())
        package.writestr("xl/vbaProject.bin", VBA_BYTES, compress_type=zipfile.ZIP_STORED)
    return path


def input_parts(procedure: str = "renewal") -> dict[str, str]:
    """The input sheets' part names by catalogue sheet id."""
    return {role: f"xl/worksheets/sheet{number}.xml"
            for number, role in enumerate(catalogue(procedure).sheets, start=1)}
