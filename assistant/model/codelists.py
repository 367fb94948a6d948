"""Code lists behind the template pull-downs (``resources/codelists/<id>.json``).

Built by ``tools/build_catalogue.py`` from the ISA workbooks' named ranges. Each entry has the
``label`` exactly as the workbook shows it (``"男 male"``), the ``code`` where the data has one
(``"1"``; ``None`` when the extracted data has no code) and ``verified``: ``False`` marks entries
whose code is not confirmed by the ISA data (for example 中国 in the nationality list, whose code
was lost in extraction — see docs/domain.md#bulk-template; or 兄弟姉妹 in the relationship list, which only the
label list has). ``has_codes`` is ``False`` for lists whose extracted data has labels only
(receipt method, immigration office, …): there the label is the only known value. Case values store the label; :meth:`CodeList.lookup`
accepts a label or a code.

Some lists depend on another field (``parent_list``, ``by_parent``): for example the periods of
stay allowed for a status (``period`` by status code, from the ``_CB19_0_<status>_C`` ranges),
the municipalities of a prefecture (``municipality`` by prefecture label), the 作業 of a
技能実習 職種, and the coe 活動内容 / 職種 of a purpose of entry. Use
:meth:`CodeList.entries_for`.

Public API (stable): :func:`code_list`, :func:`list_ids`, :class:`CodeList`, :class:`CodeEntry`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

from assistant.model.reference import load_reference_json, reference_path
from assistant.resources import resource_path


@dataclass(frozen=True)
class CodeEntry:
    """One choice of a pull-down."""

    label: str
    code: str | None
    verified: bool = True
    note: str = ""
    # A choice the online page splits out of a joint template choice (入国目的
    # 「技術・人文知識・国際業務，特定活動（本邦大卒者）」 → 「技術・人文知識・国際業務」): the label
    # of that joint choice, which the bulk template writes (docs/domain.md#online-page).
    joins: str = ""

    @property
    def label_ja(self) -> str:
        """The Japanese part of the label (``"男 male"`` → ``"男"``)."""
        return self.label.split(" ", 1)[0] if " " in self.label else self.label

    @property
    def label_en(self) -> str:
        """The English part of the label, or the whole label when it has none."""
        parts = self.label.split(" ", 1)
        return parts[1] if len(parts) == 2 and parts[1].isascii() else self.label


@dataclass(frozen=True)
class CodeList:
    """A named list of :class:`CodeEntry`, possibly dependent on a parent value."""

    id: str
    name_ja: str
    name_en: str
    source: str
    entries: tuple[CodeEntry, ...]
    parent_list: str | None = None
    by_parent: tuple[tuple[str, tuple[CodeEntry, ...]], ...] = ()
    has_codes: bool = True

    @cached_property
    def _index(self) -> dict[str, CodeEntry]:
        """Label or code -> the entry :meth:`lookup` finds (labels first, then codes)."""
        index: dict[str, CodeEntry] = {}
        for entry in self.entries:
            if entry.code is not None:
                index.setdefault(entry.code, entry)
        for entry in reversed(self.entries):   # the first entry with a label wins
            index[entry.label] = entry
        return index

    def lookup(self, value: str, parent: str | None = None) -> CodeEntry | None:
        """The entry whose label or code equals ``value`` (within ``parent`` if given)."""
        value = value.strip()
        if not value:
            return None
        if parent is None:   # one dict look-up (validation looks up every pull-down value)
            return self._index.get(value)
        entries = self.entries_for(parent)
        for entry in entries:
            if entry.label == value:
                return entry
        for entry in entries:
            if entry.code is not None and entry.code == value:
                return entry
        return None

    def entries_for(self, parent: str | None) -> tuple[CodeEntry, ...]:
        """Entries allowed under the parent value (a status code/label, a prefecture label).

        For a list without a parent, or an unknown/empty parent, all entries are returned.
        """
        if not self.by_parent or not parent:
            return self.entries
        mapping = dict(self.by_parent)
        if parent in mapping:
            return mapping[parent]
        if self.parent_list:
            parent_entry = code_list(self.parent_list).lookup(parent)
            if parent_entry is not None:
                for key in (parent_entry.code, parent_entry.label):
                    if key is not None and key in mapping:
                        return mapping[key]
        return self.entries

    def labels(self, parent: str | None = None) -> list[str]:
        return [entry.label for entry in self.entries_for(parent)]

    def split_choices(self, label: str) -> tuple[CodeEntry, ...]:
        """The page's own choices that split the joint choice ``label`` (none for most)."""
        return tuple(entry for entry in self.entries if entry.joins and entry.joins == label)

    @property
    def unverified(self) -> tuple[CodeEntry, ...]:
        return tuple(entry for entry in self.entries if not entry.verified)


def _entry(data: dict[str, Any]) -> CodeEntry:
    return CodeEntry(label=data["label"], code=data.get("code"),
                     verified=bool(data.get("verified", True)), note=data.get("note", ""),
                     joins=data.get("joins", ""))


@cache
def code_list(list_id: str) -> CodeList:
    """Load the code list ``list_id``; raises ``KeyError`` for an unknown id."""
    path = reference_path("codelists", f"{list_id}.json")
    if not path.exists():
        raise KeyError(f"no code list {list_id!r} in resources/codelists")
    data = load_reference_json("codelists", f"{list_id}.json")
    by_parent = tuple((key, tuple(_entry(e) for e in entries))
                      for key, entries in (data.get("by_parent") or {}).items())
    return CodeList(id=data["id"], name_ja=data["name_ja"], name_en=data["name_en"],
                    source=data["source"], entries=tuple(_entry(e) for e in data["entries"]),
                    parent_list=data.get("parent_list"), by_parent=by_parent,
                    has_codes=bool(data.get("has_codes", True)))


def list_ids() -> list[str]:
    """Ids of all code lists in ``resources/codelists``."""
    return sorted(p.stem for p in resource_path("codelists").glob("*.json"))
