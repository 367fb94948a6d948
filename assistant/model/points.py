"""The 高度専門職 points of a case, added up as the online page adds them.

The page's points table (a section of the 区分N field set, shown for the 高度専門職 purposes)
names each choice's points in its text, 「修士又は専門職学位（２０点）」, and totals them itself
(部分合計, 合計). The assistant adds the same numbers so the office sees before filing whether
the applicant reaches the pass mark (``resources/rules/hsp_points.json``,
docs/domain.md#online-page). Items kept as text (研究実績: tick boxes on the page) are named,
not counted: the page counts them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from assistant.model import kubun
from assistant.model.codelists import code_list
from assistant.model.fields import Catalogue, FieldDef
from assistant.model.problems import Problem, Severity, make_problem
from assistant.model.validation import applies
from assistant.resources import load_json

_POINTS = re.compile(r"[（(]\s*(\d+)\s*点\s*[）)]")


@dataclass(frozen=True)
class PointsTotal:
    """``total``: the points of the chosen answers; ``parts``: (field id, points) of each
    answer that carries points; ``uncounted``: ids of answered items the page counts itself."""

    total: int
    pass_mark: int
    parts: tuple[tuple[str, int], ...]
    uncounted: tuple[str, ...]
    first_field: str

    @property
    def reached(self) -> bool:
        return self.total >= self.pass_mark


@cache
def _rule() -> dict[str, Any]:
    data: dict[str, Any] = load_json("rules", "hsp_points.json")
    return data


def choice_points(label: str) -> int | None:
    """The points a choice's text names (「（２０点）」 → 20), None when it names none."""
    found = _POINTS.search(unicodedata.normalize("NFKC", label))
    return int(found.group(1)) if found else None


def points_sections(cat: Catalogue) -> frozenset[str]:
    """The ids of the catalogue's points-table sections (none in most catalogues)."""
    return frozenset(sec.id for step in cat.steps for sec in step.sections
                     if sec.title_ja == _rule()["section_title_ja"])


def _points_fields(cat: Catalogue) -> list[FieldDef]:
    sections = points_sections(cat)
    return [f for f in cat.fields if f.section in sections]


def hsp_points(cat: Catalogue, values: Mapping[str, str]) -> PointsTotal | None:
    """The case's points, or None when its points table is not part of the case (another
    purpose, another 区分, or a catalogue without the table)."""
    asked = [f for f in _points_fields(cat)
             if kubun.field_in_scope(cat, f, values) and applies(f, values, cat)]
    if not asked:
        return None
    parts: list[tuple[str, int]] = []
    uncounted: list[str] = []
    for f in asked:
        value = values.get(f.id, "").strip()
        if not value:
            continue
        entry = code_list(f.code_list).lookup(value) if f.code_list else None
        points = choice_points(entry.label) if entry is not None else None
        if points is not None:
            parts.append((f.id, points))
        elif f.code_list is None and choice_points(f.guidance_ja) is not None:
            uncounted.append(f.id)
    return PointsTotal(total=sum(p for _, p in parts), pass_mark=int(_rule()["pass_mark"]),
                       parts=tuple(parts), uncounted=tuple(uncounted), first_field=asked[0].id)


def points_problems(cat: Catalogue, values: Mapping[str, str]) -> list[Problem]:
    """A 確認事項 (not an error: the office decides) when the answered points table adds up to
    less than the pass mark; nothing before the table is started."""
    points = hsp_points(cat, values)
    if points is None or not points.parts or points.reached:
        return []
    key = points.parts[0][0]
    code = "hsp_points_below_uncounted" if points.uncounted else "hsp_points_below"
    return [make_problem(key, code, Severity.WARNING, total=points.total,
                         pass_mark=points.pass_mark)]
