"""ISA's example rows as cases: complete, valid cases for export tests (no test here).

``stored_case(procedure)`` is ISA's example row of every template sheet entered as an office
would (entry normalisation), with the pull-downs ISA left empty filled in
(tests/data/isa_examples.json); ``complete_case(procedure, **values)`` is that case with some
values changed, also for ``change`` (whose template has no example row: the renewal example
with a desired status).
"""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path
from typing import Any

from assistant.model.case import Case
from assistant.model.fields import catalogue
from assistant.model.normalize import normalize_values

TESTS = Path(__file__).resolve().parent
TEMPLATES = TESTS / "fixtures" / "isa_templates"
DATA: dict[str, Any] = json.loads((TESTS / "data" / "isa_examples.json").read_text("utf-8"))
ON = date.fromisoformat(DATA["on"])


def read_rows(path: Path, encoding: str = "utf-8-sig") -> list[list[str]]:
    with path.open(encoding=encoding, newline="") as fh:
        return list(csv.reader(fh))


def example_rows(procedure: str) -> dict[str, tuple[list[str], list[str]]]:
    """sheet -> (ISA's header row, ISA's example row)."""
    rows = {}
    for sheet in catalogue(procedure).sheets:
        found = read_rows(TEMPLATES / procedure / f"{sheet}.csv")
        if len(found) >= 3:
            rows[sheet] = (found[0], found[2])
    return rows


def typed_values(procedure: str) -> dict[str, str]:
    """The example cells as an office types them into the case (a key's first example wins:
    the main sheet's), the Excel artefacts replaced, the empty pull-downs filled."""
    cat = catalogue(procedure)
    values: dict[str, str] = {}
    for sheet, (_, example) in example_rows(procedure).items():
        for column, cell in zip(cat.columns(sheet), example, strict=True):
            if cell and column.key is not None:
                values.setdefault(column.key, DATA["excel_artefacts"].get(cell, cell))
    return values | DATA["fills"][procedure]


def stored_case(procedure: str) -> tuple[Case, list[tuple[str, str, str]]]:
    values, changes = normalize_values(catalogue(procedure), typed_values(procedure))
    return Case(id=f"isa-{procedure}", procedure=procedure, values=values), changes


CHANGE_STATUS = "特定技能１号 Specified Skilled Worker ( i )"


def complete_case(procedure: str = "renewal", case_id: str = "case-1", **values: str) -> Case:
    """A case validation accepts on :data:`ON` (ISA's example), with ``values`` set."""
    source = "renewal" if procedure == "change" else procedure
    base, _ = stored_case(source)
    own = dict(base.values)
    if procedure == "change":
        own["desired_status"] = CHANGE_STATUS
    return Case(id=case_id, procedure=procedure, values={**own, **values})


def main_sheet_case(procedure: str = "renewal", case_id: str = "case-1", **values: str) -> Case:
    """:func:`complete_case` with only the main sheet's values (no 区分 or 同時申請 data)."""
    cat = catalogue(procedure)
    full = complete_case(procedure, case_id)
    own = {k: v for k, v in full.values.items()
           if cat.field(k).sheet == "main" and not k.startswith("simultaneous_")}
    return Case(id=case_id, procedure=procedure, values={**own, **values})
