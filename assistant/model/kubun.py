"""The 区分 (form letter) of a case: which Step 2-2 / 2-3 questions it asks.

The paper forms and the online system split the questions about the applicant and the
organisation by 区分 (I, J, K, L, M, N, O, P, Q, R, T, U, V, Y; H for 短期滞在), and the 区分
follows the status of residence (docs/domain.md#categories). Data:
``resources/fields/kubun.json`` (status → 区分 per procedure, built by ``tools/build_kubun.py``
from the forms' sheet 「申請人用１（裏）」) and the catalogue's sections, each carrying the 区分 it
belongs to (``SectionInfo.kubun``; None = common to every 区分: 身分事項, 代理人, 取次者, 同時申請,
Step 3).

Rules (one place; validation, the editing session and the exports ask here):

- a section of a 区分 is part of the case only when the case's 区分 is that letter;
- while the status is not answered (or names no known status) the 区分 is open and no 区分's
  section is part of the case: Steps 2-2 / 2-3 show the common sections and say to choose
  the status; answers already stored stay stored, and come back into the case once the
  status gives their 区分;
- a 区分 whose field set the catalogue does not have (``installed`` false) leaves the case the
  common sections only;
- the online page of the case's 区分 wins over the template for the common fields it shares
  (maximum length, required mark: the set's generated ``page_rules``, docs/domain.md#online-page);
- where the forms split one status across 区分 by the activity (高度専門職, 研究, 特定活動:
  ``by_activity`` in the table), the case's chosen activity (the value ``KUBUN_ACTIVITY``: the
  purpose in the form's words, asked in Step 1) picks the 区分; until one is chosen the first
  purpose's 区分 is used and validation asks for the choice.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from assistant.model.case import KUBUN_ACTIVITY, split_key
from assistant.model.fields import Catalogue, FieldDef
from assistant.resources import load_json


@dataclass(frozen=True)
class Activity:
    """One purpose of the forms' table for a status it splits across 区分 (the form's words,
    Japanese and English, with the table's examples); choosing it picks ``kubun``."""

    kubun: str
    purpose_row: int
    purpose_ja: str
    purpose_en: str = ""
    example_ja: str = ""
    example_en: str = ""

    def text(self, language: str = "ja") -> str:
        """The purpose as the form words it, with its examples (例: …)."""
        if language == "en":
            purpose, example = self.purpose_en or self.purpose_ja, self.example_en
            return f"{purpose} (e.g. {example})" if example else purpose
        return f"{self.purpose_ja}（例：{self.example_ja}）" if self.example_ja \
            else self.purpose_ja


@dataclass(frozen=True)
class KubunAnswer:
    """The case's 区分 as its status answer gives it.

    ``answer``: the field holding the status (None: the procedure's form has no letter).
    ``status``: its value ("" = not answered). ``kubun``: the letter, None when not answered,
    unknown or when no lettered form exists for the status (``reason`` then says why).
    ``activities``: where the forms split the status across 区分 by the activity, its purposes
    (Step 1 asks which); ``activity``: the one the case chose (None: not chosen, the first
    purpose's 区分 is used). ``installed``: the catalogue has the field set of ``kubun``.
    """

    procedure: str
    answer: str | None
    status: str
    kubun: str | None
    installed: bool
    reason: str = ""
    activities: tuple[Activity, ...] = ()
    activity: Activity | None = None

    @property
    def activity_missing(self) -> bool:
        """The status is split by activity and the case has not chosen one."""
        return bool(self.activities) and self.activity is None

    @property
    def open(self) -> bool:
        """No 区分 decided yet (status not answered or unknown): the case has the common
        sections only until the status gives one."""
        return self.kubun is None and not self.reason

    @property
    def missing(self) -> bool:
        """The status needs a 区分 whose questions are not installed."""
        return self.kubun is not None and not self.installed


@dataclass(frozen=True)
class _Entry:
    kubun: str | None
    reason: str
    activities: tuple[Activity, ...]


@cache
def _table(procedure: str) -> tuple[str | None, dict[str, _Entry]]:
    data: dict[str, Any] = load_json("fields", "kubun.json")
    spec = data["procedures"].get(procedure)
    if spec is None:
        return None, {}
    entries: dict[str, _Entry] = {}
    for status in spec["statuses"]:
        entry = _Entry(kubun=status["kubun"], reason=status.get("reason", ""),
                       activities=tuple(Activity(
                           a["kubun"], a["purpose_row"], a["purpose_ja"], a["purpose_en"],
                           a["example_ja"], a["example_en"])
                           for a in status.get("by_activity", ())))
        entries.setdefault(status["label"], entry)
        entries.setdefault(_name(status["label"]), entry)
    return spec["answer"], entries


def _name(label: str) -> str:
    """The Japanese part of a bilingual label (``留学 Student`` → ``留学``)."""
    return label.strip().split(" ", 1)[0]


def answer_field(procedure: str) -> str | None:
    """The field whose value decides the 区分 (None: the procedure's form has no letter)."""
    return _table(procedure)[0]


def kubun_for_status(procedure: str, status: str) -> str | None:
    """The 区分 of ``status`` (a label of the procedure's status list) for ``procedure``;
    None when the forms give it none or the status is unknown."""
    entry = _lookup(procedure, status)
    return entry.kubun if entry else None


def _lookup(procedure: str, status: str) -> _Entry | None:
    _answer, entries = _table(procedure)
    return entries.get(status.strip()) or entries.get(_name(status)) if status.strip() else None


def installed(cat: Catalogue) -> frozenset[str]:
    """The 区分 whose field sets the catalogue has."""
    return frozenset(letter for letter in _section_letters(cat).values() if letter is not None)


def template_letters(cat: Catalogue) -> frozenset[str]:
    """The 区分 whose fields the bulk template carries (a sheet to export to); a set read from
    the online page alone (sheet ``page``) has none."""
    letters = _section_letters(cat)
    return frozenset(letter for f in cat.fields
                     if f.sheet != "page" and (letter := letters.get(f.section)) is not None)


def case_kubun(cat: Catalogue, values: Mapping[str, str]) -> KubunAnswer:
    """The 区分 of a case of ``cat``'s procedure with ``values``."""
    answer = answer_field(cat.procedure)
    status = values.get(answer, "").strip() if answer else ""
    if answer is None or not status:
        return KubunAnswer(cat.procedure, answer, status, None, installed=True)
    entry = _lookup(cat.procedure, status)
    if entry is None:
        return KubunAnswer(cat.procedure, answer, status, None, installed=True)
    if entry.kubun is None:
        return KubunAnswer(cat.procedure, answer, status, None, installed=True,
                           reason=entry.reason)
    chosen = chosen_activity(entry.activities, values.get(KUBUN_ACTIVITY, ""))
    letter = chosen.kubun if chosen is not None else entry.kubun
    return KubunAnswer(cat.procedure, answer, status, letter,
                       installed=letter in installed(cat), activities=entry.activities,
                       activity=chosen)


def chosen_activity(activities: Iterable[Activity], value: str) -> Activity | None:
    """The activity whose purpose ``value`` names (the form's words, compared without width
    or space differences); None when none does (not chosen, or chosen for another status)."""
    wanted = _plain(value)
    if not wanted:
        return None
    return next((a for a in activities if _plain(a.purpose_ja) == wanted), None)


def _plain(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


# Per catalogue (by identity: a catalogue is built once per procedure and kept).
_LETTERS: dict[int, tuple[Catalogue, dict[str, str | None]]] = {}


def _section_letters(cat: Catalogue) -> dict[str, str | None]:
    known = _LETTERS.get(id(cat))
    if known is None or known[0] is not cat:
        known = (cat, {sec.id: sec.kubun for step in cat.steps for sec in step.sections})
        _LETTERS[id(cat)] = known
    return known[1]


def section_in_scope(cat: Catalogue, section: str, values: Mapping[str, str]) -> bool:
    """Whether the catalogue section ``section`` is part of a case with ``values``."""
    letter = _section_letters(cat).get(section)
    if letter is None:
        return True
    return case_kubun(cat, values).kubun == letter


def field_in_scope(cat: Catalogue, field: FieldDef, values: Mapping[str, str]) -> bool:
    """Whether ``field`` belongs to the case's 区分 (or to the common sections)."""
    return section_in_scope(cat, field.section, values)


def dropped_keys(cat: Catalogue, values: Mapping[str, str],
                 changes: Mapping[str, str]) -> list[str]:
    """The keys holding an answer that setting ``changes`` takes out of the case (a status
    whose 区分 differs: the old 区分's sections go), in catalogue order. Clearing the status
    (the 区分 open again) drops nothing: the answers stay stored, out of the case until a
    status gives their 区分 again."""
    after = {**values, **changes}
    if case_kubun(cat, after).open:
        return []
    gone: list[str] = []
    for key in _filled(values, changes):
        base, _index = split_key(key)
        if not cat.has_field(base):
            continue
        field = cat.field(base)
        if field_in_scope(cat, field, values) and not field_in_scope(cat, field, after):
            gone.append(key)
    order = {f.id: n for n, f in enumerate(cat.fields)}
    return sorted(gone, key=lambda k: (order.get(split_key(k)[0], 0), k))


def _filled(values: Mapping[str, str], changes: Mapping[str, str]) -> Iterable[str]:
    return (key for key, value in values.items() if value.strip() and key not in changes)


def scoped_values(cat: Catalogue, values: Mapping[str, str]) -> dict[str, str]:
    """``values`` without the answers of sections outside the case's 区分 (what an export
    writes: a case never exports a question of another 区分)."""
    letter = case_kubun(cat, values).kubun   # as field_in_scope, the 区分 looked up once
    letters = _section_letters(cat)
    kept: dict[str, str] = {}
    for key, value in values.items():
        base = split_key(key)[0]
        own = letters.get(cat.field(base).section) if cat.has_field(base) else None
        if own is None or own == letter:
            kept[key] = value
    return kept


@cache
def _page_rules(procedure: str, letter: str) -> dict[str, dict[str, Any]]:
    from assistant.model.formimport import field_set_path
    from assistant.resources import load_json_file

    path = field_set_path(procedure, letter)
    if path is None:
        return {}
    try:
        data = load_json_file(path)
    except (OSError, ValueError):
        return {}
    return {str(rule["field"]): rule for rule in data.get("page_rules", ())}


def page_fields(cat: Catalogue, values: Mapping[str, str]) -> dict[str, FieldDef]:
    """The common fields as the online page of the case's 区分 asks them, where it differs
    from the template (the page wins: its maximum length and required mark), by field id;
    empty when the case's 区分 has no page or the page agrees."""
    answer = case_kubun(cat, values)
    if answer.kubun is None or not answer.installed:
        return {}
    found: dict[str, FieldDef] = {}
    for field_id, rule in _page_rules(cat.procedure, answer.kubun).items():
        if not cat.has_field(field_id):
            continue
        field = cat.field(field_id)
        if "max_length" in rule:
            field = replace(field, max_length=int(rule["max_length"]))
        if "required" in rule:
            field = replace(field, required=bool(rule["required"]))
        found[field_id] = field
    return found
