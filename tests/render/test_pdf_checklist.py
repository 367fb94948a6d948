"""Checklists as PDF files: every required line is in the text a reader (or pypdf) sees."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date

import pytest
from pypdf import PdfReader

from assistant.model.case import Case, ReceiptMethod
from assistant.model.exports.checklist import build_batch_checklist, build_checklist
from assistant.model.exports.document import LineKind
from assistant.render.pdf import write_pdf

ON = date(2026, 11, 26)
FEES = {"change": 5500, "renewal": 5500, "work-cert": 1600, "coe": 0, "acquisition": 0}
# As the system-2026 rules say: a certificate of eligibility by mail or e-mail, a card by mail
# or at the counter.
ALLOWED = {"coe": [ReceiptMethod.MAIL, ReceiptMethod.EMAIL]}


def fee(procedure, on, variant):
    return FEES.get(procedure)


def methods(case):
    return ALLOWED.get(case.procedure, [ReceiptMethod.MAIL, ReceiptMethod.COUNTER])


def squash(text: str) -> str:
    # Line wrapping in the PDF breaks lines anywhere, so whitespace is ignored; nothing else is
    # (no Unicode normalisation: the PDF's text is the text that was drawn, see test_pdf_text).
    return re.sub(r"\s+", "", text)


def pdf_text(path) -> str:
    return squash("".join(page.extract_text() for page in PdfReader(path).pages))


def required_lines(doc) -> list[str]:
    out = []
    for section in doc.sections:
        out.append(section.heading)
        for line in section.lines:
            if line.kind is LineKind.FIELD:
                out += [line.label, line.value]
            else:
                out += line.text.split("\n")
    return out


CASES = [(p, m) for p in ("coe", "acquisition", "change", "renewal", "work-cert")
         for m in ReceiptMethod if m in methods(Case(id="x", procedure=p))]


@pytest.mark.parametrize("procedure,method", CASES)
def test_checklist_pdf_contains_every_required_line(qapp, tmp_path, procedure, method):
    case = Case(id="c", procedure=procedure, application_number="東オンEN25001878",
                values={"name": "LE THI HOA", "current_status": "T71"})
    doc = build_checklist(case, method, on=ON, office_address="東京都千代田区霞が関1-1-1 山田行政書士事務所",
                          fee_lookup=fee, methods_lookup=methods)
    out = write_pdf(doc, tmp_path / "checklist.pdf")
    text = pdf_text(out)
    missing = [line for line in required_lines(doc) if squash(line) not in text]
    assert not missing
    # the items a member of staff must not forget, by name
    must = {"mail": ["簡易書留", "おだいば分室内", "〒135-0064"],
            "email": ["メールで届いた在留資格認定証明書を申請人"],
            "counter": ["旅券（パスポート）", "届出済証明書", "「審査完了に関するお知らせ」メール画面のコピー"]}
    for word in must[method.value]:
        assert squash(word) in text
    if procedure in ("change", "renewal"):
        assert squash("指定書") in text  # T71 = 特定技能1号


def test_pdf_embeds_the_japanese_font(qapp, tmp_path):
    case = Case(id="c", procedure="renewal", values={"name": "LE THI HOA"})
    doc = build_checklist(case, ReceiptMethod.MAIL, on=ON, fee_lookup=fee, methods_lookup=methods)
    out = write_pdf(doc, tmp_path / "a.pdf")
    fonts = []
    for page in PdfReader(out).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object()
            descriptor = descendant["/FontDescriptor"].get_object()
            fonts.append((str(font["/BaseFont"]), "/FontFile2" in descriptor))
    assert fonts and all(embedded for _, embedded in fonts)
    assert any("IPAex" in name for name, _ in fonts)


def test_batch_checklist_has_one_page_per_case_plus_summary_and_label(qapp, tmp_path):
    cases = [Case(id=str(i), procedure="coe", application_number=f"東オンEN2500000{i}",
                  values={"name": f"APPLICANT {i}"}) for i in range(3)]
    doc = build_batch_checklist(cases, ReceiptMethod.MAIL, on=ON, fee_lookup=fee,
                                methods_lookup=methods)
    out = write_pdf(doc, tmp_path / "batch.pdf")
    reader = PdfReader(out)
    assert len(reader.pages) >= 5  # summary, three cases, the label
    text = pdf_text(out)
    for i in range(3):
        assert f"APPLICANT{i}" in text and f"東オンEN2500000{i}" in text


def test_failed_write_leaves_no_partial_file(qapp, tmp_path):
    doc = build_checklist(Case(id="c", procedure="coe"), ReceiptMethod.MAIL, on=ON,
                          fee_lookup=fee, methods_lookup=methods)
    target = tmp_path / "exists.pdf"
    target.write_bytes(b"old")
    with pytest.raises(OSError):
        write_pdf(doc, target / "x.pdf")  # a file where a folder should be
    assert target.read_bytes() == b"old"
    write_pdf(doc, target)  # replaces the old file only once complete
    assert target.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["appdata", "exists.pdf"]


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="poppler-utils not installed")
def test_checklist_renders_as_an_image(qapp, tmp_path):
    doc = build_checklist(Case(id="c", procedure="renewal", values={"name": "LE THI HOA"}),
                          ReceiptMethod.MAIL, on=ON, fee_lookup=fee, methods_lookup=methods)
    out = write_pdf(doc, tmp_path / "a.pdf")
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(out),
                    str(tmp_path / "page")], check=True)
    assert (tmp_path / "page-1.png").stat().st_size > 5000
