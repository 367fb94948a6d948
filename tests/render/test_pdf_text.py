"""The text a reader copies out of our PDFs is exactly the text we drew — with pypdf and with
poppler's pdftotext, compared character for character (no Unicode normalisation).

IPAex Gothic draws 一 and the Kangxi radical ⼀ (U+2F00) with one glyph, a full-width space
(U+3000) with the glyph of an EM SPACE, a space with the glyph of a tab; a PDF whose ToUnicode
map names the radical makes 山田 一郎 copy as ⼭⽥ ⼀郎. Only the line breaks and page breaks
of the layout (ASCII whitespace) are left out of the comparison.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date

import pytest
from pypdf import PdfReader

from assistant.model.case import Case, ReceiptMethod
from assistant.model.exports.checklist import build_batch_checklist, build_checklist
from assistant.model.exports.document import Document, Line, LineKind, Section
from assistant.model.exports.transcription import build_transcription
from assistant.model.sample import sample_case
from assistant.render.pdf import write_pdf

ON = date(2026, 11, 26)

# Every unified ideograph that IPAex Gothic draws with the glyph of a Kangxi radical
# (U+2F00–) or a CJK Radicals Supplement character (U+2E80–): listed once from the font's cmap.
SHARED_GLYPH_KANJI = (
    "㣺一丨丬丶丿乙乚亀亅二亠人亻儿兀入八冂冖冫几凵刀刂力勹匕匚匸十卜卩厂厶又口囗土士夂夊夕大女子"
    "宀寸小尢尣尸屮山巛工己巳巾干幺广廴廾弋弓彐彑彡彳心忄戈戸手扌支攴攵文斉斗斤方无旡日曰月木欠止"
    "歯歹歺殳毋母比毛氏民气水氵火灬爪父爻爿片牙牛犬犭玄玉瓜瓦甘生用田疋疒癶白皮皿目矛矢石示礻禸禾"
    "穴立竜竹米糸缶网罒羊羽老耂而耒耳聿肉臣自至臼舌舛舟艮色艸艹虍虎虫血行衣衤襾西覀見角言谷豆豕豸"
    "貝赤走足身車辛辰辵辶邑酉釆里金長镸門阜阝隶隹雨靑青非面革韋韭音頁風飛食飠首香馬骨高髟鬥鬯鬲鬼"
    "魚鳥鹵鹿麥麦麻黃黄黍黒黹黽鼎鼓鼠鼻齊齒龍龜龠爫辶")
MIXED = "山田 一郎　入力 やまだ いちろう ヤマダ イチロウ LE THI HOA 1-2-3 ａｂｃ１２３ (株) ※□〒"

_LAYOUT_SPACE = re.compile(r"[ \t\r\n\f]+")   # ASCII whitespace only: U+3000 must survive
_RADICALS = re.compile(r"[\u2e80-\u2eff\u2f00-\u2fdf]")

needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils missing")


def drawn(document: Document) -> str:
    """The text of ``document`` in reading order, as the page shows it."""
    out = [document.title, document.subtitle]
    for section in document.sections:
        out.append(section.heading)
        for line in section.lines:
            if line.kind is LineKind.FIELD:
                out += [line.label, line.value]
            elif line.kind is LineKind.CHECK:
                out += ["□", line.text]
            elif line.kind is LineKind.NOTE:
                out += ["※", line.text]
            else:
                out.append(line.text)
    out.append(document.footer)
    return _LAYOUT_SPACE.sub("", "".join(out))


def pypdf_text(path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages)


def poppler_text(path) -> str:
    # -raw: in the order the page draws it (label, then value), not column by column.
    return subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def assert_copies_as_drawn(document: Document, path) -> None:
    expected = drawn(document)
    text = pypdf_text(path)
    assert not _RADICALS.findall(text) or _RADICALS.findall(expected)
    assert "\t" not in text and "\u2003" not in text
    assert _LAYOUT_SPACE.sub("", text) == expected
    if shutil.which("pdftotext"):
        # poppler turns every whitespace glyph into a word break, written as a plain space, so
        # a full-width space comes out as " " whatever the PDF says: whitespace is left out.
        text = poppler_text(path)
        assert not _RADICALS.findall(text) or _RADICALS.findall(expected)
        assert re.sub(r"\s+", "", text) == re.sub(r"\s+", "", expected)


def kanji_case() -> Case:
    """The sample case with Japanese text in the fields that take it."""
    case = sample_case(ON)
    values = dict(case.values)
    values.update({"reason": SHARED_GLYPH_KANJI, "occupation": MIXED,
                   "home_address": "ベトナム　ハノイ市　長門町　金子ビル"})
    return Case(id=case.id, procedure=case.procedure, values=values,
                application_number="東オンEN25001878")


def test_the_kanji_that_share_a_radical_glyph_copy_as_themselves(qapp, tmp_path):
    lines = [Line(LineKind.TEXT, text=SHARED_GLYPH_KANJI[i:i + 30])
             for i in range(0, len(SHARED_GLYPH_KANJI), 30)]
    doc = Document(title="山田 一郎", subtitle=MIXED, footer="入力 人 入 力",
                   sections=[Section("見出し 長門 金 青", lines)])
    out = write_pdf(doc, tmp_path / "kanji.pdf")
    assert_copies_as_drawn(doc, out)
    assert pypdf_text(out).startswith("山田 一郎")  # a space stays a space (Qt's map: a tab)


def test_characters_beyond_the_bmp_copy_as_themselves(qapp, tmp_path):
    """IPAex has some kanji outside the BMP (𠮟, the 常用漢字 form of 叱; 𩸽); Qt's own map leaves
    their glyphs out, so they copied as nothing."""
    doc = Document(title="𠮟る", sections=[Section("𩸽", [
        Line(LineKind.FIELD, label="氏名", value="𠀋𡈽𡌛 叱る 𠮟る"),
        Line(LineKind.TEXT, text="𡑮𡢽𠮟𩸽 山田 一郎")])])
    out = write_pdf(doc, tmp_path / "astral.pdf")
    assert_copies_as_drawn(doc, out)


@needs_poppler
def test_names_copy_exactly_with_pdftotext(qapp, tmp_path):
    doc = Document(title="氏名", sections=[Section("申請人", [
        Line(LineKind.FIELD, label="氏名（漢字）", value="山田 一郎"),
        Line(LineKind.FIELD, label="入力", value="済"),
        Line(LineKind.FIELD, label="住所", value="ベトナム　ハノイ市")])])
    text = poppler_text(write_pdf(doc, tmp_path / "n.pdf"))
    assert "山田 一郎" in text and "ベトナム ハノイ市" in text    # poppler: U+3000 → " "
    assert "⼊" not in text and "⼭" not in text


def test_every_jis_x_0208_character_copies_as_itself(qapp, tmp_path):
    """What the ISA system accepts (JIS X 0208), all 6879 characters, on three pages."""
    chars = []
    for row in range(0x21, 0x75):
        for cell in range(0x21, 0x7F):
            try:
                chars.append(bytes([row | 0x80, cell | 0x80]).decode("euc_jp"))
            except UnicodeDecodeError:
                continue
    assert len(chars) == 6879
    text = "".join(chars)
    doc = Document(title="JIS X 0208", sections=[Section("全文字", [
        Line(LineKind.TEXT, text=text[i:i + 40]) for i in range(0, len(text), 40)])])
    assert_copies_as_drawn(doc, write_pdf(doc, tmp_path / "jis.pdf"))


def test_transcription_sheet_copies_as_drawn(qapp, tmp_path):
    for number, case in enumerate((sample_case(ON), kanji_case())):
        doc = build_transcription(case, on=ON)
        out = write_pdf(doc, tmp_path / f"sheet{number}.pdf")
        assert_copies_as_drawn(doc, out)
    text = _LAYOUT_SPACE.sub("", pypdf_text(out))
    # What a clerk copies into the online system, exactly as stored (full-width spaces too):
    for value in ("ベトナム　ハノイ市　長門町　金子ビル", "西新宿９－９－９　サンプルハイツ１０１号",
                  SHARED_GLYPH_KANJI):
        assert value in text


@pytest.mark.parametrize("method", list(ReceiptMethod))
def test_checklists_copy_as_drawn(qapp, tmp_path, method):
    """Each receipt method's checklist (with the parts common to all) for the sample case."""
    case = kanji_case()
    doc = build_checklist(case, method, on=ON,
                          office_address="〒100-0013 東京都千代田区霞が関1-1-1 山田行政書士事務所",
                          fee_lookup=lambda *args: 6000, methods_lookup=lambda case: None)
    assert_copies_as_drawn(doc, write_pdf(doc, tmp_path / f"{method.value}.pdf"))


def test_batch_checklist_copies_as_drawn(qapp, tmp_path):
    cases = [Case(id=str(i), procedure="coe", application_number=f"東オンEN2500000{i}",
                  values={"name": name}) for i, name in enumerate(["山田 一郎", "LE THI HOA"])]
    doc = build_batch_checklist(cases, ReceiptMethod.MAIL, on=ON, fee_lookup=lambda *a: 0,
                                methods_lookup=lambda case: None)
    assert_copies_as_drawn(doc, write_pdf(doc, tmp_path / "batch.pdf"))
