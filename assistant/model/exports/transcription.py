"""The transcription sheet: a case's values in the order of the online system's screens.

Step 1 → 2-1 → 2-2 → 2-3 → 3, section by section, each value as it must be typed (formatted as
the template guidance says; code-list values as the label the pull-down shows). Only fields
with a value are listed — the sheet is for typing, and the empty fields of the other 区分 would
bury the ones that matter; repeat groups (relatives, career) are listed per person / entry.
"""

from __future__ import annotations

from datetime import date

from assistant.model import kubun
from assistant.model.case import NAME, Case
from assistant.model.dates import format_date
from assistant.model.exports.bulk import formatter
from assistant.model.exports.checklist import procedure_label
from assistant.model.exports.document import Document, Line, LineKind, Section
from assistant.model.fields import Catalogue, FieldDef, catalogue
from assistant.resources import load_json


def _texts(language: str) -> dict[str, str]:
    data: dict[str, dict[str, str]] = load_json("exports", "transcription.json")
    return {key: entry["en" if language == "en" else "ja"]
            for key, entry in data.items() if not key.startswith("_")}


def _group_lines(cat: Catalogue, fdef: FieldDef, case: Case, language: str,
                 done: set[str], texts: dict[str, str]) -> list[Line]:
    """All filled members of ``fdef``'s repeat group, entry by entry (once per group)."""
    assert fdef.group is not None
    if fdef.group in done:
        return []
    done.add(fdef.group)
    group = cat.group(fdef.group)
    name = group.label_en if language == "en" else group.label_ja
    lines: list[Line] = []
    for index in range(1, group.max + 1):
        for member_id in group.members:
            member = cat.field(member_id)
            key = f"{member_id}[{index}]"
            value = case.values.get(key, "")
            if value:
                label = texts["repeat_label"].format(group=name, n=index,
                                                     field=member.label(language))
                lines.append(Line(LineKind.FIELD, label=label,
                                  value=formatter(member, template=False)(value),
                                  source=member.header_for(index), id=key))
    return lines


def build_transcription(case: Case, *, on: date, language: str = "ja") -> Document:
    """The transcription sheet of ``case`` (prepared on ``on``)."""
    cat = catalogue(case.procedure)
    texts = _texts(language)
    doc = Document(
        title=texts["title"].format(procedure=procedure_label(case.procedure, language)),
        subtitle=texts["subtitle"].format(name=case.value(NAME) or "—",
                                          date=format_date(on, language)),   # as read
        footer=texts["footer"])
    done_groups: set[str] = set()
    filled = 0
    for step in cat.steps:
        step_title = step.title_en if language == "en" else step.title_ja
        for section_info in step.sections:
            if not kubun.section_in_scope(cat, section_info.id, case.values):
                continue   # another 区分's answers are not part of the case
            section_title = section_info.title_en if language == "en" else section_info.title_ja
            section = Section(texts["heading"].format(step=step.id, step_title=step_title,
                                                      section=section_title))
            for field_id in section_info.field_ids:
                fdef = cat.field(field_id)
                if fdef.group:
                    section.lines.extend(_group_lines(cat, fdef, case, language, done_groups,
                                                      texts))
                    continue
                value = case.values.get(field_id, "")
                if value:
                    section.lines.append(Line(LineKind.FIELD, label=fdef.label(language),
                                              value=formatter(fdef, template=False)(value),
                                              source=fdef.header, id=field_id))
            if section.lines:
                filled += len(section.lines)
                doc.sections.append(section)
    if filled == 0:
        doc.sections.append(Section(texts["empty_heading"],
                                    [Line(LineKind.TEXT, text=texts["empty"], id="empty")]))
    return doc
