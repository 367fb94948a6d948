"""ISA's own example rows go in → validate → export and come back cell for cell.

What is checked is what is written: the example values (row 3 of ISA's templates, with the
pull-downs ISA left empty filled in, see tests/data/isa_examples.json) are entered as an office
would (entry normalisation), validate without an error, and the exported CSV holds exactly
ISA's cells — apart from the declared label↔code mapping (``--cells codes``) and the documented
differences, each with its reason.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.model.codelists import code_list
from assistant.model.exports import bulk
from assistant.model.fields import catalogue
from assistant.model.validation import validate_case
from tests.isa_cases import DATA, ON, example_rows, read_rows, stored_case


def documented(procedure: str, sheet: str, header: str, isa: str) -> str | None:
    """The exported cell a documented difference gives for this ISA cell, or None."""
    if isa in DATA["excel_artefacts"]:
        return str(DATA["excel_artefacts"][isa])
    for diff in DATA["differences"][procedure]:
        if diff["sheet"] != sheet or diff["isa"] != isa:
            continue
        if ("header_contains" in diff and diff["header_contains"] in header) or \
                diff.get("header") == header:
            return str(diff["exported"])
    return None


@pytest.mark.parametrize("procedure", ["renewal", "coe"])   # change.csv has no example row
def test_isa_examples_validate_without_an_error(procedure: str) -> None:
    case, changes = stored_case(procedure)
    assert [(p.field, p.code) for p in validate_case(case, ON) if p.is_error] == []
    # entry normalisation changes only what the differences document
    expected = {d["isa"] for d in DATA["differences"][procedure] if d["sheet"] == "main"}
    assert {typed for _, typed, _ in changes} <= expected


@pytest.mark.parametrize("procedure", ["renewal", "coe"])
def test_isa_examples_come_back_cell_for_cell(tmp_path: Path, procedure: str) -> None:
    case, _ = stored_case(procedure)
    fills = DATA["fills"][procedure]
    result = bulk.export_csv([case], tmp_path, on=ON)
    assert result.written and result.errors == []
    cat = catalogue(procedure)
    compared = 0
    for sheet, (isa_header, isa_row) in example_rows(procedure).items():
        header, row = read_rows(tmp_path / f"{procedure}_{sheet}.csv")
        assert header == isa_header
        for column, isa, cell in zip(cat.columns(sheet), isa_row, row, strict=True):
            expected = documented(procedure, sheet, column.header, isa)
            if expected is None:
                expected = isa or fills.get(column.key or "", "")
            assert cell == expected, (sheet, column.header, isa, cell)
            compared += bool(isa)
    assert compared >= {"renewal": 250, "coe": 230}[procedure]


@pytest.mark.parametrize("procedure", ["renewal", "coe"])
def test_codes_differ_only_by_the_declared_label_to_code_mapping(tmp_path: Path,
                                                                 procedure: str) -> None:
    case, _ = stored_case(procedure)
    labels = bulk.export_csv([case], tmp_path / "labels", on=ON)
    codes = bulk.export_csv([case], tmp_path / "codes", on=ON, cells="codes")
    assert labels.written and codes.written
    cat = catalogue(procedure)
    mapped = 0
    for path in labels.files:
        sheet = path.stem.split("_", 1)[1]
        by_label, by_code = read_rows(path)[1], read_rows(tmp_path / "codes" / path.name)[1]
        for column, label, code in zip(cat.columns(sheet), by_label, by_code, strict=True):
            fdef = cat.field(column.field_id) if column.field_id else None
            if fdef is None or not fdef.code_list or not label:
                assert code == label
                continue
            entry = code_list(fdef.code_list).lookup(label)
            assert entry is not None
            assert code == (entry.code if entry.code is not None else label)
            mapped += code != label
    assert mapped > 10
