"""The transcription sheet lists every value in the order of the online system's screens."""

from __future__ import annotations

from datetime import date

from assistant.model.case import Case
from assistant.model.exports.document import LineKind
from assistant.model.exports.transcription import build_transcription
from assistant.model.fields import catalogue
from assistant.model.normalize import normalize_values

ON = date(2026, 11, 26)


def sample() -> Case:
    """A case as typed, stored as entry normalisation leaves it (the sheet shows the stored
    values; nothing is reformatted on the way out)."""
    typed = {
        "name": "nguyen van an", "birth_date": "20000102", "sex": "男 male",
        "nationality": "ベトナム Viet Nam", "current_status": "T26", "expiry_date": "20270105",
        "has_relatives": "有 Yes", "relative_name[2]": "山田　一郎",
        "relative_relationship[1]": "妻 Wife", "relative_name[1]": "山田　花子",
        "address_street": "1-2-3", "receipt_method": "窓口 At the counter"}
    stored, _ = normalize_values(catalogue("renewal"), typed)
    return Case(id="t1", procedure="renewal", values=stored)


def test_values_follow_the_screen_order_step_1_to_3():
    doc = build_transcription(sample(), on=ON)
    steps = [s.heading.split()[1] for s in doc.sections]
    assert steps == sorted(steps, key=["1", "2-1", "2-2", "2-3", "3"].index)
    order = {f.id: i for i, f in enumerate(catalogue("renewal").fields)}
    for section in doc.sections:
        keys = [line.id.split("[")[0] for line in section.lines if "[" not in line.id]
        assert keys == sorted(keys, key=order.__getitem__)


def test_values_are_shown_as_they_must_be_typed():
    doc = build_transcription(sample(), on=ON)
    values = {line.id: line.value for s in doc.sections for line in s.lines}
    assert values["name"] == "NGUYEN VAN AN"
    assert values["address_street"] == "１－２－３"
    assert values["sex"] == "男 male"
    assert values["relative_name[1]"] == "山田　花子"


def test_repeat_groups_are_listed_person_by_person():
    doc = build_transcription(sample(), on=ON)
    relatives = next(s for s in doc.sections if "在日親族及び同居者" in s.heading)
    assert [line.id for line in relatives.lines] == [
        "has_relatives", "relative_relationship[1]", "relative_name[1]", "relative_name[2]"]
    assert relatives.lines[2].label.startswith("在日親族及び同居者1")


def test_only_filled_fields_and_a_note_for_an_empty_case():
    doc = build_transcription(Case(id="e", procedure="coe"), on=ON)
    assert [line.id for s in doc.sections for line in s.lines] == ["empty"]
    full = build_transcription(sample(), on=ON)
    assert all(line.value for s in full.sections for line in s.lines
               if line.kind is LineKind.FIELD)


def test_english_labels():
    doc = build_transcription(sample(), on=ON, language="en")
    assert doc.title.startswith("Transcription sheet")
    assert any(line.label == "Name (as in passport)" for s in doc.sections for line in s.lines)


def test_the_prepared_date_reads_as_the_office_reads_it():
    doc = build_transcription(sample(), on=ON)
    assert doc.subtitle.endswith("作成日: 2026年11月26日（令和8年）")
    assert build_transcription(sample(), on=ON, language="en").subtitle.endswith(
        "Prepared on 2026-11-26")
