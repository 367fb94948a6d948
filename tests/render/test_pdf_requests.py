"""The 依頼書 (request list) per provider: Japanese, English beside it for the applicant,
rendered like the checklists; its text copies out of the PDF as drawn."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata

import pytest
from pypdf import PdfReader

from assistant.model import documents as d
from assistant.render.pdf import write_pdf


def squash(text: str) -> str:
    # whitespace comes from line wrapping; NFKC folds any radical code point (⼈ → 人) back
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def pdf_text(path) -> str:
    return squash("".join(page.extract_text() for page in PdfReader(path).pages))


def checklist():
    state = d.DocumentsState(
        answers={"employer_category": "cat3"},
        items={"photo": d.ItemRecord(status="submitted", files=["/docs/face.jpg"])})
    return d.build_checklist("renewal", "T26", state=state)


def test_applicant_request_is_japanese_with_english_beside(qapp, tmp_path):
    doc = d.request_document(checklist(), d.Provider.APPLICANT, applicant="LE THI HOA",
                             office="行政書士山田事務所", on="2026-12-07")
    ids = [line.id for line in doc.sections[0].lines]
    assert "resident_tax" in ids and "passport_and_card_present" in ids
    assert "photo" not in ids                       # already provided
    assert "cat23_proof" not in ids                 # the employer's
    tax = next(line for line in doc.sections[0].lines if line.id == "resident_tax")
    assert tax.text == "住民税の課税(又は非課税)証明書及び納税証明書 / Resident tax certificates"
    out = write_pdf(doc, tmp_path / "applicant.pdf")
    text = pdf_text(out)
    for expected in ("ご用意いただく書類/Documentsweneedfromyou", "LETHIHOA",
                     squash(tax.text), "行政書士山田事務所", "Pleasebringorsendus"):
        assert expected in text


def test_employer_request_lists_the_category_items(qapp, tmp_path):
    doc = d.request_document(checklist(), d.Provider.ORGANIZATION, applicant="LE THI HOA")
    ids = [line.id for line in doc.sections[0].lines]
    assert "cat23_proof" in ids and "cat1_proof" not in ids and "resident_tax" not in ids
    assert all("抜粋はここで途切れる" not in line.text for line in doc.sections[0].lines)
    out = write_pdf(doc, tmp_path / "employer.pdf")
    text = pdf_text(out)
    assert squash("前年分の職員の給与所得の源泉徴収票等の法定調書合計表の写し") in text
    assert "申請人LETHIHOA様の在留期間更新許可申請" in text
    assert "Documents" not in text                    # Japanese only for the employer


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="poppler-utils not installed")
def test_request_renders_as_an_image(qapp, tmp_path):
    doc = d.request_document(checklist(), d.Provider.APPLICANT, applicant="LE THI HOA")
    out = write_pdf(doc, tmp_path / "a.pdf")
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", str(out),
                    str(tmp_path / "page")], check=True)
    assert (tmp_path / "page-1.png").stat().st_size > 5000
