"""The transcription sheet as a PDF."""

from __future__ import annotations

import re
from datetime import date

from pypdf import PdfReader

from assistant.model.case import Case
from assistant.model.exports.document import LineKind
from assistant.model.exports.transcription import build_transcription
from assistant.render.pdf import write_pdf

ON = date(2026, 11, 26)


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)   # no Unicode normalisation: the text is as drawn


def test_transcription_pdf_has_every_value_in_screen_order(qapp, tmp_path):
    case = Case(id="t", procedure="change", values={
        "name": "KIM MIN JUN", "birth_date": "19980304", "sex": "男 male",
        "nationality": "韓国 Republic of Korea", "address_street": "３－４－５",
        "has_relatives": "有 Yes", "relative_name[1]": "キム　ソヨン",
        "relative_relationship[1]": "妹 Younger sister"})
    doc = build_transcription(case, on=ON)
    out = write_pdf(doc, tmp_path / "t.pdf")
    text = squash("".join(p.extract_text() for p in PdfReader(out).pages))
    values = [squash(line.value) for s in doc.sections for line in s.lines
              if line.kind is LineKind.FIELD]
    assert values and all(v in text for v in values)
    positions = [text.index(v) for v in values if text.count(v) == 1]
    assert positions == sorted(positions)   # printed in the order of the screens
