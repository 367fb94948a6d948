"""A printable document as structured data: sections of lines, some with a checkbox.

Checklists and transcription sheets are built as :class:`Document` objects by pure-Python code
(no Qt), so tests and the command line can inspect them; ``assistant.render`` turns them
into a PDF, and ``assistant.ui.printing`` sends them to a printer.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class LineKind(enum.StrEnum):
    CHECK = "check"      # an item to tick off: ☐ text
    TEXT = "text"        # a sentence
    FIELD = "field"      # label: value (a blank value is printed as a line to fill in)
    NOTE = "note"        # a smaller remark under the item before it
    LABEL = "label"      # a box to cut out and stick on an envelope (text lines joined by "\n")


@dataclass(frozen=True)
class Line:
    kind: LineKind
    text: str = ""
    label: str = ""      # FIELD: the field's name
    value: str = ""      # FIELD: the value as it must be typed / written
    source: str = ""     # where the requirement comes from (guide section, template column)
    id: str = ""         # stable id of the data item (tests and translations refer to it)

    def plain(self) -> str:
        """The line as plain text (what a reader of the printed page sees)."""
        mark = {LineKind.CHECK: "□ ", LineKind.NOTE: "※ "}.get(self.kind, "")
        if self.kind is LineKind.FIELD:
            return f"{self.label}: {self.value}"
        return mark + self.text


@dataclass
class Section:
    heading: str
    lines: list[Line] = field(default_factory=list)
    page_break_before: bool = False


@dataclass
class Document:
    title: str
    subtitle: str = ""
    sections: list[Section] = field(default_factory=list)
    footer: str = ""     # printed small at the end (sources, date)

    def plain_text(self) -> str:
        """All text in reading order, one line per line (for tests, the CLI and search)."""
        out = [self.title]
        if self.subtitle:
            out.append(self.subtitle)
        for section in self.sections:
            out.append(section.heading)
            out.extend(line.plain() for line in section.lines)
        if self.footer:
            out.append(self.footer)
        return "\n".join(out)
