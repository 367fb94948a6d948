"""The documents a case sends (提出書類): the list for its procedure and status, the conditions
that select items, and the office's record of each item (docs/domain.md#document-lists).

Data: ``resources/documents/lists/*.json`` (one file per status of residence, each with
``procedures.{coe,change,renewal}`` and the shared ``general`` items) and
``resources/documents/index.json`` (the employer-category question, conditions the case's
answers decide, the first guess of who provides an item). Every item keeps its ``source``,
``seen_date`` and ``source_kind``; an item not from ISA's own pages is 要確認.

A case's checklist is :func:`checklist` of the case: the questions (asked once, kept in
``Case.documents.answers``), the general items once, then the status's items whose condition
holds. Each item is 提出 (marked, or a file of the case assigned to it), 不要 (with the reason)
or 未. Open items and unanswered questions are 確認事項 (warnings, never errors) once the office
has started the checklist.
"""

from __future__ import annotations

import enum
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from assistant.model.case import DocumentsState, ItemRecord
from assistant.model.exports.document import Document, Line, LineKind, Section
from assistant.model.problems import Problem, Severity, make_problem
from assistant.resources import load_json, load_json_file, resource_path

__all__ = ["DocumentsState", "ItemRecord"]  # stored with the case (model/case.py)

PROCEDURES = ("coe", "change", "renewal")
CATEGORY_QUESTION = "employer_category"
YES = "yes"
NO = "no"


class Provider(enum.StrEnum):
    """Who brings the document."""

    APPLICANT = "applicant"        # 申請人
    ORGANIZATION = "organization"  # 所属機関
    OFFICE = "office"              # 事務所

    @property
    def label_ja(self) -> str:
        return {"applicant": "申請人", "organization": "所属機関", "office": "事務所"}[self.value]

    @property
    def label_en(self) -> str:
        return {"applicant": "Applicant", "organization": "Employer / school",
                "office": "Office"}[self.value]


class ItemStatus(enum.StrEnum):
    SUBMITTED = "submitted"    # 提出
    NOT_NEEDED = "not_needed"  # 不要
    OPEN = "open"              # 未

    @property
    def label_ja(self) -> str:
        return {"submitted": "提出", "not_needed": "不要", "open": "未"}[self.value]

    @property
    def label_en(self) -> str:
        return {"submitted": "Provided", "not_needed": "Not needed", "open": "Open"}[self.value]


# --- the lists ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Condition:
    id: str
    ja: str
    en: str


@dataclass(frozen=True)
class DocumentItem:
    """One document of a list, as the list says it (with where that comes from)."""

    id: str
    ja: str
    detail_ja: str
    en: str
    when: str | None
    copies: int | None
    source: str
    source_kind: str
    seen_date: str | None = None
    note: str = ""
    general: bool = False

    @property
    def confirmed(self) -> bool:
        """Whether the item rests on ISA's own current page (else it is shown as 要確認)."""
        return self.source_kind in _index()["confirmed_source_kinds"]


@dataclass(frozen=True)
class Question:
    """A question that selects items: a choice (the employer category, or a condition the
    office gave options) or yes / no. ``either``: ids that hold for any of several options
    (カテゴリー2又は3)."""

    id: str
    ja: str
    en: str
    options: tuple[Condition, ...] = ()   # empty: a yes / no question
    either: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def is_choice(self) -> bool:
        return bool(self.options)

    def owns(self) -> set[str]:
        """The condition ids an item's ``when`` can name to depend on this question."""
        if not self.is_choice:
            return {self.id}
        return {o.id for o in self.options} | {key for key, _members in self.either}

    def holds(self, value: str) -> set[str]:
        """The condition ids that hold when the question is answered ``value``."""
        if not value:
            return set()
        if not self.is_choice:
            return {self.id} if value == YES else set()
        return {value} | {key for key, members in self.either if value in members}


@dataclass(frozen=True)
class Derived:
    """A question the case's own answers decide (``resources/documents/index.json``
    ``from_answers``): its value and where it came from, shown in the 添付書類 step."""

    question: str
    value: str
    field: str = ""        # the field read ("" = the procedure itself decides)
    label_ja: str = ""     # the field's label, or why the procedure decides
    label_en: str = ""
    answer: str = ""       # the field's value as the case has it

    def origin(self, language: str = "ja") -> str:
        """Where the value came from: 「契約の形態: 委任 Entrustment」, or why (no field)."""
        from assistant.model.problems import message_texts

        pick = 1 if language == "en" else 0
        label = self.label_en if language == "en" and self.label_en else self.label_ja
        if not self.field and not self.answer:
            return label
        if not self.answer:
            return message_texts("documents_derived_blank", label=label)[pick]
        return message_texts("documents_derived_answer", label=label, answer=self.answer)[pick]


@dataclass(frozen=True)
class DocumentList:
    """The items of one status for one procedure (without the general items)."""

    key: str                 # file stem, e.g. "gijinkoku"
    status_ja: str
    status_codes: tuple[str, ...]
    procedure: str
    coverage: str            # found / partial / not_found
    conditions: tuple[Condition, ...]
    documents: tuple[DocumentItem, ...]
    general_ids: tuple[str, ...]
    note: str = ""
    unknown: str = ""
    questions: tuple[Question, ...] = ()   # every condition of the list, as questions

    def condition(self, condition_id: str) -> Condition | None:
        return next((c for c in self.conditions if c.id == condition_id), None)


def _lists_dir() -> Path:
    return resource_path("documents", "lists")


OFFICE_DIR_NAME = "documents"


def office_lists_dir() -> Path:
    """The office's own lists (data folder): they shadow the shipped ones of the same name and
    survive program updates; deleting one (元に戻す) brings the shipped list back."""
    from assistant.model.paths import data_dir

    return data_dir(create=False) / OFFICE_DIR_NAME


def _list_path(key: str) -> Path:
    office = office_lists_dir() / f"{key}.json"
    return office if office.is_file() else _lists_dir() / f"{key}.json"


def is_office_list(key: str) -> bool:
    return (office_lists_dir() / f"{key}.json").is_file()


def is_shipped_list(key: str) -> bool:
    return (_lists_dir() / f"{key}.json").is_file()


@cache
def _index() -> dict[str, Any]:
    data: dict[str, Any] = load_json("documents", "index.json")
    return data


def list_keys() -> list[str]:
    """The lists there are (shipped and the office's own), sorted by file stem."""
    keys = {path.stem for path in _lists_dir().glob("*.json")}
    office = office_lists_dir()
    if office.is_dir():
        keys |= {path.stem for path in office.glob("*.json")}
    return sorted(keys)


def _raw(key: str) -> dict[str, Any]:
    data: dict[str, Any] = load_json_file(_list_path(key))
    return data


def raw_list(key: str) -> dict[str, Any]:
    """A deep copy of list ``key`` as stored (the office's when it has one) for editing."""
    copied: dict[str, Any] = json.loads(json.dumps(_raw(key)))
    return copied


class ListFileError(ValueError):
    """An office list (edited or imported) that is not a document list; ``message`` in
    Japanese and English (``resources/messages/documents.json``)."""

    def __init__(self, code: str, **params: Any) -> None:
        from assistant.model.problems import message_texts

        self.code = code
        self.texts = message_texts(code, **params)
        super().__init__(self.texts[1])

    def message(self, language: str = "ja") -> str:
        return self.texts[1] if language == "en" else self.texts[0]


_KEY = re.compile(r"^[a-z0-9_]{1,40}$")


def check_list(data: Any) -> dict[str, Any]:
    """``data`` if it has the shape of a document list, else :class:`ListFileError`."""
    if not isinstance(data, dict) or not isinstance(data.get("status_ja"), str) \
            or not isinstance(data.get("procedures"), dict):
        raise ListFileError("documents_list_bad_shape", detail="status_ja / procedures")
    for procedure, proc in data["procedures"].items():
        if procedure not in PROCEDURES or not isinstance(proc, dict):
            raise ListFileError("documents_list_bad_shape", detail=f"procedures.{procedure}")
        for n, item in enumerate(proc.get("documents", [])):
            if not isinstance(item, dict) or not isinstance(item.get("id"), str) \
                    or not isinstance(item.get("ja"), str) or not item["ja"].strip():
                raise ListFileError("documents_list_bad_shape",
                                    detail=f"procedures.{procedure}.documents[{n}]")
            for text_key in ("detail_ja", "en", "source", "source_kind"):
                if item.get(text_key) is not None and not isinstance(item[text_key], str):
                    raise ListFileError("documents_list_bad_shape",
                                        detail=f"procedures.{procedure}.documents[{n}]."
                                               f"{text_key}")
        for n, cond in enumerate(proc.get("conditions", [])):
            if not isinstance(cond, dict) or not isinstance(cond.get("id"), str):
                raise ListFileError("documents_list_bad_shape",
                                    detail=f"procedures.{procedure}.conditions[{n}]")
            options = cond.get("options", [])
            if not isinstance(options, list) or not all(
                    isinstance(o, dict) and isinstance(o.get("id"), str)
                    and all(isinstance(o.get(k, ""), str) for k in ("ja", "en"))
                    for o in options):
                raise ListFileError("documents_list_bad_shape",
                                    detail=f"procedures.{procedure}.conditions[{n}].options")
            either = cond.get("either", {})
            if not isinstance(either, dict) or not all(
                    isinstance(v, list) and all(isinstance(m, str) for m in v)
                    for v in either.values()):
                raise ListFileError("documents_list_bad_shape",
                                    detail=f"procedures.{procedure}.conditions[{n}].either")
    return data


def save_office_list(key: str, data: dict[str, Any]) -> Path:
    """Keep ``data`` as the office's list ``key`` (shadowing the shipped one)."""
    from assistant.model.atomic import atomic_write_text

    if not _KEY.match(key):
        raise ListFileError("documents_list_bad_key", key=key)
    check_list(data)
    target = office_lists_dir() / f"{key}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(target, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    return target


def revert_list(key: str) -> bool:
    """元に戻す: drop the office's list ``key`` (the shipped one shows again); whether one
    was there."""
    target = office_lists_dir() / f"{key}.json"
    if not target.is_file():
        return False
    target.unlink()
    return True


def export_list(key: str, path: str | Path) -> Path:
    """Write list ``key`` (as the office has it) to ``path`` to share with another office."""
    from assistant.model.atomic import atomic_write_text

    target = Path(path)
    atomic_write_text(target, json.dumps({"format": LIST_FORMAT, "key": key,
                                          "list": _raw(key)}, ensure_ascii=False, indent=1)
                      + "\n")
    return target


LIST_FORMAT = "zairyu-assistant-document-list"


def import_list(path: str | Path) -> str:
    """Read a list written by :func:`export_list` and keep it as the office's; its key."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise ListFileError("documents_list_unreadable", path=str(path), detail=str(exc)) \
            from None
    if not isinstance(data, dict) or data.get("format") != LIST_FORMAT \
            or not isinstance(data.get("key"), str):
        raise ListFileError("documents_list_bad_shape", detail="format / key")
    key = str(data["key"])
    save_office_list(key, check_list(data.get("list")))
    return key


def new_list(key: str, status_ja: str, status_code: str | None = None) -> dict[str, Any]:
    """An empty list for a status without one (the general items come from the shipped
    lists); the office fills it and saves it with :func:`save_office_list`."""
    return {
        "status_ja": status_ja, "status_code": status_code,
        "procedures": {p: {"coverage": "office", "includes_general": [
            g.id for g in general_items(p)], "conditions": [], "documents": []}
            for p in PROCEDURES},
        "general": [],
        "source_pages": [],
        "_created_by": "office",
    }


def statuses_without_list() -> list[tuple[str, str]]:
    """(code, label) of the statuses of residence no list (shipped or the office's) covers:
    the office can start an empty one for them (:func:`create_office_list`)."""
    from assistant.model.codelists import code_list

    found = []
    for entry in code_list("status").entries:
        if entry.code and find_list_key(entry.code) is None \
                and find_list_key(entry.label) is None:
            found.append((entry.code, entry.label))
    return found


def create_office_list(code: str, label: str) -> str:
    """Start the office's own (empty) list for the status ``code`` / ``label``; its key.
    The general items come with every procedure; the office adds the rest."""
    key = f"status_{code.lower()}"
    save_office_list(key, new_list(key, _status_names(label)[0] if _status_names(label)
                                   else label, code.upper()))
    return key


def editable_conditions(raw: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """A procedure's conditions as the list editor shows them: yes / no conditions, and
    choices with their options; the shipped lists' employer categories (cat1–cat4 as plain
    conditions, cat23 / cat34 for either of two) become the one employer-category choice."""
    spec = _index()["employer_category"]
    out: list[dict[str, Any]] = []
    folded = False
    for data in raw:
        if data.get("id") in _category_ids() and not data.get("options"):
            if not folded:
                out.append({"id": spec["id"], "ja": spec["ja"], "en": spec["en"],
                            "options": [{"id": o, **spec["labels"][o]} for o in spec["options"]],
                            "either": {k: list(v) for k, v in spec["either"].items()}})
                folded = True
            continue
        out.append(json.loads(json.dumps(dict(data))))
    return out


def when_choices(conditions: Sequence[Mapping[str, Any]]) -> list[tuple[str, str, str]]:
    """(id, Japanese, English) of everything an item's ``when`` can name: each yes / no
    condition, each option of a choice (「カテゴリー3…」) and each ``either`` of two options
    (「カテゴリー2…又はカテゴリー3…」)."""
    found: list[tuple[str, str, str]] = []
    for cond in conditions:
        options = cond.get("options") or []
        if not options:
            found.append((str(cond["id"]), cond.get("ja") or "", cond.get("en") or ""))
            continue
        labels = {str(o["id"]): o for o in options}
        found += [(str(o["id"]), o.get("ja") or "", o.get("en") or "") for o in options]
        for key, members in (cond.get("either") or {}).items():
            found.append((str(key),
                          "又は".join(str(labels[m].get("ja") or m) for m in members
                                     if m in labels),
                          " or ".join(str(labels[m].get("en") or m) for m in members
                                      if m in labels)))
    return found


def _seen_dates(raw: Mapping[str, Any]) -> dict[str, str | None]:
    return {page["url"]: page.get("seen_date") for page in raw.get("source_pages", [])}


def _item(data: Mapping[str, Any], seen: Mapping[str, str | None], general: bool
          ) -> DocumentItem:
    return DocumentItem(
        id=data["id"], ja=data["ja"], detail_ja=data.get("detail_ja") or "",
        en=data.get("en") or "", when=data.get("when"), copies=data.get("copies"),
        source=data.get("source") or "", source_kind=data.get("source_kind") or "secondary",
        seen_date=data.get("seen_date") or seen.get(data.get("source") or ""),
        note=data.get("note") or "", general=general)


def _codes(raw: Mapping[str, Any]) -> tuple[str, ...]:
    codes = [raw["status_code"]] if raw.get("status_code") else []
    codes.extend((raw.get("status_codes_by_subtype") or {}).values())
    return tuple(codes)


def load_list(key: str, procedure: str) -> DocumentList:
    """The list ``key`` (a file stem) for ``procedure``."""
    raw = _raw(key)
    seen = _seen_dates(raw)
    proc = raw["procedures"].get(procedure) or {}
    unknown = raw.get("unknown") or ""
    conditions, questions = _questions(proc.get("conditions", []))
    return DocumentList(
        key=key, status_ja=raw["status_ja"], status_codes=_codes(raw), procedure=procedure,
        coverage=proc.get("coverage", "not_found"),
        conditions=conditions,
        documents=tuple(_item(d, seen, False) for d in proc.get("documents", [])),
        general_ids=tuple(proc.get("includes_general", ())),
        note=proc.get("note") or "",
        unknown=unknown if isinstance(unknown, str) else "; ".join(map(str, unknown)),
        questions=questions)


def _category_question() -> Question:
    spec = _index()["employer_category"]
    options = tuple(Condition(o, spec["labels"][o]["ja"], spec["labels"][o]["en"])
                    for o in spec["options"])
    either = tuple((key, tuple(members)) for key, members in spec["either"].items())
    return Question(spec["id"], spec["ja"], spec["en"], options, either)


def _questions(raw: Sequence[Mapping[str, Any]]
               ) -> tuple[tuple[Condition, ...], tuple[Question, ...]]:
    """A list's conditions (every id an item's ``when`` can name) and its questions.

    A condition with ``options`` is a choice (an item names one option, or an ``either``
    key); the shipped lists' employer categories (cat1–cat4, cat23, cat34 as plain
    conditions) are the one employer-category choice of ``index.json``; any other
    condition is a yes / no question."""
    flat: list[Condition] = []
    questions: list[Question] = []
    folded = False
    for data in raw:
        cid, ja, en = str(data["id"]), data.get("ja") or "", data.get("en") or ""
        if data.get("options"):
            options = tuple(Condition(str(o["id"]), o.get("ja") or "", o.get("en") or "")
                            for o in data["options"])
            either = tuple((str(key), tuple(str(m) for m in members))
                           for key, members in (data.get("either") or {}).items())
            labels = {o.id: o for o in options}
            flat += options
            flat += [Condition(key, "又は".join(labels[m].ja for m in members if m in labels),
                               " or ".join(labels[m].en for m in members if m in labels))
                     for key, members in either]
            questions.append(Question(cid, ja, en, options, either))
            continue
        flat.append(Condition(cid, ja, en))
        if cid in _category_ids():
            if not folded:
                questions.append(_category_question())
                folded = True
            continue
        questions.append(Question(cid, ja, en))
    return tuple(flat), tuple(questions)


@cache
def _general_items() -> dict[str, tuple[DocumentItem, tuple[str, ...]]]:
    """The shared items (申請書, 写真, 返信用封筒, 手数料 …) by id, with their procedures."""
    items: dict[str, tuple[DocumentItem, tuple[str, ...]]] = {}
    for path in sorted(_lists_dir().glob("*.json")):     # the shipped lists only
        raw: dict[str, Any] = load_json_file(path)
        seen = _seen_dates(raw)
        for data in raw.get("general", []):
            if data["id"] not in items:
                items[data["id"]] = (_item(data, seen, True),
                                     tuple(data.get("applies_to", PROCEDURES)))
    return items


def general_items(procedure: str, ids: Sequence[str] | None = None) -> list[DocumentItem]:
    """The general items of ``procedure`` (those ``ids`` when the list names them)."""
    known = _general_items()
    if ids:
        return [known[i][0] for i in ids if i in known]
    return [item for item, procedures in known.values() if procedure in procedures]


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def _status_names(status: str) -> list[str]:
    """The Japanese status names a status answer or name holds (a coe label can hold several:
    ``技術・人文知識・国際業務，特定活動（本邦大卒者） Engineer…``)."""
    japanese = _norm(status).split(" ", 1)[0]
    return [part.strip() for part in japanese.split(",") if part.strip()]


def _all_raw() -> dict[str, dict[str, Any]]:
    """Every list by key (the office's shadowing the shipped one), found in one pass."""
    paths = {path.stem: path for path in _lists_dir().glob("*.json")}
    office = office_lists_dir()
    if office.is_dir():
        paths.update({path.stem: path for path in office.glob("*.json")})
    return {key: load_json_file(paths[key]) for key in sorted(paths)}


def find_list_key(status: str) -> str | None:
    """The list of a status given as a code (``T26``), a name or a status answer's label."""
    wanted = _norm(status)
    if not wanted:
        return None
    lists = _all_raw()
    for key, raw in lists.items():
        if wanted.upper() in _codes(raw):
            return key
    names = _status_names(status)
    prefix_matches: list[str] = []
    for key, raw in lists.items():
        list_name = _norm(raw["status_ja"])
        for name in names:
            bare = name.replace("第", "")
            if name == list_name:
                return key
            if bare.startswith(list_name) or (list_name.startswith(name) and len(name) >= 2):
                prefix_matches.append(key)
    return prefix_matches[0] if len(set(prefix_matches)) == 1 else None


def _rules() -> list[dict[str, Any]]:
    rules: list[dict[str, Any]] = _index()["from_answers"]["rules"]
    return rules


def _status_is(status: str, names: Iterable[str]) -> bool:
    """Whether a status answer (label, name or code) is one of ``names``."""
    wanted = _norm(status)
    prefixes = [_norm(name) for name in names]
    if any(wanted.startswith(prefix) for prefix in prefixes):
        return True
    for raw in _all_raw().values():
        by_code = raw.get("status_codes_by_subtype") or {}
        if any(code == wanted.upper() and any(_norm(name).startswith(prefix)
                                              for prefix in prefixes)
               for name, code in by_code.items()):
            return True
    return False


def answered_conditions(status: str) -> set[str]:
    """Conditions the status itself decides to hold (the 高度専門職1号 subtype)."""
    if not _norm(status):
        return set()
    return {rule["condition"] for rule in _rules()
            if "status" in rule and rule["value"] == YES and _status_is(status, rule["status"])}


def _field_catalogue(procedure: str) -> Any:
    from assistant.model.fields import catalogue

    try:
        return catalogue(procedure)
    except KeyError:
        return None


def _apply(rule: Mapping[str, Any], procedure: str, status: str,
           values: Mapping[str, str]) -> Derived | None:
    """What ``rule`` decides for a case (None: nothing, the question stays asked)."""
    question, value, otherwise = rule["condition"], rule["value"], rule.get("otherwise")
    if "status" in rule:
        if not _norm(status):
            return None
        got = value if _status_is(status, rule["status"]) else otherwise
        if got is None:
            return None
        from assistant.model.problems import message_texts

        label_ja, label_en = message_texts("documents_derived_status")
        field_id = ""
        cat = _field_catalogue(procedure)
        answer = status_field(procedure)
        if cat is not None and answer and cat.has_field(answer):
            field_id = answer
            label_ja, label_en = cat.field(answer).label("ja"), cat.field(answer).label("en")
        return Derived(question, got, field_id, label_ja, label_en, status.strip())
    if "field" in rule:
        field_id = rule["field"]
        cat = _field_catalogue(procedure)
        if cat is None or not cat.has_field(field_id):
            return None
        if rule.get("requires") and not values.get(rule["requires"], "").strip():
            return None
        answer = values.get(field_id, "").strip()
        if rule.get("empty"):
            matched = not answer
        elif not answer:
            return None
        else:
            text = _norm(answer)
            matched = any(text.startswith(_norm(w)) for w in rule.get("is", ())) \
                or any(_norm(w) in text for w in rule.get("contains", ()))
        got = value if matched else (otherwise if answer else None)
        if got is None:
            return None
        defn = cat.field(field_id)
        return Derived(question, got, field_id, defn.label("ja"), defn.label("en"), answer)
    return Derived(question, value, "", rule.get("why_ja", ""), rule.get("why_en", ""))


def derive(doc_list: DocumentList | None, procedure: str, status: str = "",
           values: Mapping[str, str] | None = None) -> dict[str, Derived]:
    """The questions of ``doc_list`` the case's answers decide (``index.json``
    ``from_answers``; the first rule giving a value wins), by question id. ``values``: the
    case's answers of the fields that belong to it (its 区分)."""
    if doc_list is None:
        return {}
    questions = {q.id: q for q in doc_list.questions}
    found: dict[str, Derived] = {}
    for rule in _rules():
        question = questions.get(rule["condition"])
        if question is None or question.id in found:
            continue
        if rule.get("lists") and doc_list.key not in rule["lists"]:
            continue
        if rule.get("procedures") and procedure not in rule["procedures"]:
            continue
        got = _apply(rule, procedure, status, values or {})
        if got is None:
            continue
        valid = {o.id for o in question.options} if question.is_choice else {YES, NO}
        if got.value in valid:
            found[question.id] = got
    return found


# --- a checklist ----------------------------------------------------------------------------

@dataclass(frozen=True)
class ChecklistItem:
    item: DocumentItem
    applies: bool | None        # None: its condition's question is not answered yet
    status: ItemStatus
    reason: str
    files: tuple[str, ...]
    provider: Provider
    condition: Condition | None = None

    @property
    def is_open(self) -> bool:
        return self.applies is True and self.status is ItemStatus.OPEN


@dataclass(frozen=True)
class Checklist:
    procedure: str
    status: str
    doc_list: DocumentList | None      # None: no list for the status (general items only)
    questions: tuple[Question, ...]
    answers: Mapping[str, str]
    active: frozenset[str]
    items: tuple[ChecklistItem, ...]
    started: bool = False
    derived: Mapping[str, Derived] = field(default_factory=dict)

    @property
    def effective(self) -> dict[str, str]:
        """The answers that select items: those the case's answers decide, overridden by
        the office's own (``answers``)."""
        return {**{k: v.value for k, v in self.derived.items()}, **self.answers}

    def overridden(self, question_id: str) -> bool:
        """Whether the office's answer differs from what the case's answers decide."""
        derived = self.derived.get(question_id)
        answer = self.answers.get(question_id)
        return derived is not None and answer is not None and answer != derived.value

    @property
    def applicable(self) -> list[ChecklistItem]:
        return [i for i in self.items if i.applies is True]

    @property
    def open_items(self) -> list[ChecklistItem]:
        return [i for i in self.items if i.is_open]

    @property
    def unanswered(self) -> list[Question]:
        effective = self.effective
        return [q for q in self.questions if q.id not in effective]

    def done_count(self) -> tuple[int, int]:
        """(items settled — 提出 or 不要, items that apply): 書類 3/11."""
        applicable = self.applicable
        return sum(1 for i in applicable if not i.is_open), len(applicable)

    def by_provider(self, provider: Provider) -> list[ChecklistItem]:
        return [i for i in self.applicable if i.provider is provider
                and i.status is not ItemStatus.NOT_NEEDED]

    def item(self, item_id: str) -> ChecklistItem | None:
        return next((i for i in self.items if i.item.id == item_id), None)


def _category_ids() -> set[str]:
    spec = _index()["employer_category"]
    return set(spec["options"]) | set(spec["either"])


def questions_for(doc_list: DocumentList | None) -> list[Question]:
    """The questions of a list that select an item of its procedure (the others are not
    asked), in the list's order; the employer category is one choice."""
    if doc_list is None:
        return []
    used = {d.when for d in doc_list.documents if d.when}
    return [q for q in doc_list.questions if q.owns() & used]


def active_conditions(answers: Mapping[str, str], questions: Iterable[Question]) -> set[str]:
    """The condition ids that hold, from the (effective) answers of ``questions``."""
    active: set[str] = set()
    for question in questions:
        active |= question.holds(answers.get(question.id, ""))
    return active


def guess_provider(item: DocumentItem) -> Provider:
    spec = _index()["providers"]
    if item.id in spec["office_items"]:
        return Provider.OFFICE
    if any(word in item.ja for word in spec["organization_words"]):
        return Provider.ORGANIZATION
    return Provider.APPLICANT


def build_checklist(procedure: str, status: str, answers: Mapping[str, str] | None = None,
                    state: DocumentsState | None = None,
                    attachments: Iterable[str] = (),
                    values: Mapping[str, str] | None = None) -> Checklist:
    """The checklist of ``status`` (code, name or answer label) for ``procedure``.

    ``answers`` default to those of ``state``; files of ``state`` that are no longer among
    ``attachments`` (when given) do not count. ``values``: the case's field answers (of its
    区分) that decide questions (:func:`derive`)."""
    state = state or DocumentsState()
    answers = dict(state.answers if answers is None else answers)
    key = find_list_key(status) if status else None
    doc_list = load_list(key, procedure) if key else None
    questions = tuple(questions_for(doc_list))
    derived = {k: v for k, v in derive(doc_list, procedure, status, values).items()
               if k in {q.id for q in questions}}
    effective = {**{k: v.value for k, v in derived.items()}, **answers}
    active = frozenset(active_conditions(effective, doc_list.questions if doc_list else ()))
    owner = {cid: q.id for q in (doc_list.questions if doc_list else ()) for cid in q.owns()}
    attached = set(attachments)
    items: list[ChecklistItem] = []
    entries = general_items(procedure, doc_list.general_ids if doc_list else None)
    entries += list(doc_list.documents) if doc_list else []
    for entry in entries:
        if entry.when is None:
            applies: bool | None = True
        elif entry.when in active:
            applies = True
        elif owner.get(entry.when) in effective:
            applies = False
        else:
            applies = None
        record = state.items.get(entry.id, ItemRecord())
        files = tuple(f for f in record.files if not attached or f in attached)
        if record.status == ItemStatus.NOT_NEEDED:
            item_status = ItemStatus.NOT_NEEDED
        elif record.status == ItemStatus.SUBMITTED or files:
            item_status = ItemStatus.SUBMITTED
        else:
            item_status = ItemStatus.OPEN
        provider = Provider(record.provider) if record.provider else guess_provider(entry)
        condition = doc_list.condition(entry.when) if doc_list and entry.when else None
        items.append(ChecklistItem(entry, applies, item_status, record.reason, files,
                                   provider, condition))
    return Checklist(procedure, status, doc_list, questions, answers, active, tuple(items),
                     started=not state.is_empty(), derived=derived)


def status_field(procedure: str) -> str | None:
    """The field holding the case's status answer (Step 1): the status applied for (coe,
    change) or held (renewal), the same field that decides the 区分
    (``resources/fields/kubun.json``)."""
    spec = load_json("fields", "kubun.json")["procedures"].get(procedure)
    return str(spec["answer"]) if spec and spec.get("answer") else None


def status_answer(procedure: str, values: Mapping[str, str]) -> str:
    """The case's status answer (Step 1)."""
    answer = status_field(procedure)
    return values.get(answer, "").strip() if answer else ""


def case_values(case: Any) -> dict[str, str]:
    """The case's answers that belong to it (those of its 区分 and the common ones)."""
    from assistant.model.kubun import scoped_values

    cat = _field_catalogue(case.procedure)
    return scoped_values(cat, case.values) if cat is not None else dict(case.values)


def case_checklist(case: Any) -> Checklist:
    """The checklist of a case (``Case``: procedure, values, attachments, documents)."""
    return build_checklist(case.procedure, status_answer(case.procedure, case.values),
                           state=case.documents,
                           attachments=[a.path for a in case.attachments],
                           values=case_values(case))


@dataclass(frozen=True)
class CarryOver:
    """What changing a case's procedure does to its checklist (:func:`carry_over`).

    The records (answers, 提出 / 不要, reasons, files, providers) go along by item id, all of
    them: ``kept`` are the new checklist's items that keep a record, ``dropped`` the old
    checklist's items with a record that the new one does not show (their records stay with
    the case, and come back if the procedure is changed back)."""

    procedure: str
    kept: tuple[ChecklistItem, ...]
    dropped: tuple[ChecklistItem, ...]
    status_open: bool          # the new procedure's status answer is still empty

    def message(self, language: str = "ja") -> str:
        """The report for the office ("" when nothing is recorded)."""
        from assistant.model.problems import message_texts

        pick = 1 if language == "en" else 0
        lines = []
        if self.kept:
            lines.append(message_texts("documents_carry_over_kept", count=len(self.kept))[pick])
        if self.dropped:
            names = "、".join(i.item.en if language == "en" and i.item.en else i.item.ja
                             for i in self.dropped)
            code = "documents_carry_over_no_status" if self.status_open \
                else "documents_carry_over_dropped"
            procedure = message_texts(f"documents_procedure_{self.procedure}")[pick] \
                if self.procedure in PROCEDURES else self.procedure
            lines.append(message_texts(code, procedure=procedure, count=len(self.dropped),
                                       items=names)[pick])
        return "\n".join(lines)


def _recorded(state: DocumentsState, item_id: str) -> bool:
    record = state.items.get(item_id)
    return record is not None and bool(record.status or record.files or record.reason)


def carry_over(case: Any, procedure: str, values: Mapping[str, str] | None = None
               ) -> CarryOver:
    """What the checklist of ``case`` becomes when its procedure changes to ``procedure``
    (with ``values``: what the editor shows). Items with the same id keep their state and
    files; those with a record that no longer apply are reported, never silently lost."""
    from dataclasses import replace

    old = case_checklist(case)
    moved = replace(case, procedure=procedure,
                    values=dict(case.values if values is None else values))
    new = case_checklist(moved)
    state = case.documents
    kept = tuple(i for i in new.items if i.applies is not False and _recorded(state, i.item.id))
    kept_ids = {i.item.id for i in kept}
    dropped = tuple(i for i in old.items if i.applies is not False
                    and _recorded(state, i.item.id) and i.item.id not in kept_ids)
    return CarryOver(procedure, kept, dropped, status_open=not new.status)


def checklist_problems(checklist: Checklist) -> list[Problem]:
    """確認事項 (warnings) for the open items and unanswered questions, once the office has
    started the checklist (an answer, a mark or an assigned file); never errors."""
    if not checklist.started:
        return []
    problems = [make_problem("documents", "documents_question_open", Severity.WARNING,
                             question=q.ja) for q in checklist.unanswered]
    problems += [make_problem("documents", "documents_item_open", Severity.WARNING,
                              item=i.item.ja) for i in checklist.open_items]
    return problems


def propose_item(checklist: Checklist, file_name: str) -> ChecklistItem | None:
    """The applicable item a file's name points to (``在職証明書.pdf`` → 在職証明書等), or
    None. Compares the name's words with each item's name; the longest match wins."""
    stem = _norm(Path(file_name).stem).lower()
    if not stem:
        return None
    best: tuple[float, ChecklistItem] | None = None
    grams = _bigrams(stem)
    for entry in checklist.items:
        if entry.applies is False:
            continue
        for name in _names(entry.item):
            if len(name) >= 2 and (name in stem or stem in name):
                score = float(len(name) if name in stem else len(stem))
            else:
                # Word order and particles differ (住民税課税証明書 / 住民税の課税…証明書):
                # most of the name's two-character pieces must be in the item's name.
                shared = len(grams & _bigrams(name))
                score = shared / 2 if shared >= 3 and shared >= 0.6 * len(grams) else 0.0
            if score and (best is None or score > best[0]):
                best = (score, entry)
    return best[1] if best else None


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


def _names(item: DocumentItem) -> list[str]:
    """An item's names to match a file name: its name, the part before brackets, its English
    name, the id."""
    ja = _norm(item.ja).lower()
    names = [ja]
    for bracket in ("(", "（", "又は", "及び"):
        if bracket in ja:
            names.append(ja.split(bracket, 1)[0])
    names += [_norm(item.en).lower(), item.id.lower()]
    return [n.strip() for n in names if n.strip()]


def assign_file(state: DocumentsState, item_id: str, path: str) -> DocumentsState:
    """A copy of ``state`` with ``path`` covering ``item_id`` too."""
    items = {k: ItemRecord(v.status, v.reason, list(v.files), v.provider)
             for k, v in state.items.items()}
    record = items.setdefault(item_id, ItemRecord())
    if path not in record.files:
        record.files.append(path)
    return DocumentsState(dict(state.answers), items)


def outline_order(checklist: Checklist, paths: Sequence[str],
                  titles: Mapping[str, str] | None = None) -> list[tuple[str, str]]:
    """(path, outline title) for the merged PDF: files assigned to items first, in the
    checklist's order and titled by their item(s) (「写真・パスポート」 when one file covers
    two); then the other files in their own order with their own ``titles`` ("" = file name)."""
    names: dict[str, list[str]] = {}
    for entry in checklist.items:
        if entry.applies is False:
            continue
        for path in entry.files:
            if path in paths:
                names.setdefault(path, []).append(entry.item.ja)
    placed = [(path, "・".join(items)) for path, items in names.items()]
    placed += [(p, (titles or {}).get(p, "")) for p in paths if p not in names]
    return placed


# --- requests to the applicant and the employer (依頼書) ------------------------------------

# The collector's mark where a page excerpt stopped: not for the client's eyes.
_CUT_MARK = re.compile(r"[(（]抜粋はここで途切れる[)）]")


def request_document(checklist: Checklist, provider: Provider, *, applicant: str = "",
                     office: str = "", on: str = "", language: str = "ja") -> Document:
    """The 依頼書 for one provider: the open items it provides (not 提出, not 不要), each with
    its detail. For the applicant the Japanese comes with the English beside it."""
    from assistant.model.problems import message_texts

    pick = 1 if language == "en" else 0
    bilingual = provider is Provider.APPLICANT and language == "ja"

    def text(code: str, **params: Any) -> str:
        return message_texts(code, **params)[pick]

    status = checklist.doc_list.status_ja if checklist.doc_list else checklist.status
    procedure = text(f"documents_procedure_{checklist.procedure}") \
        if checklist.procedure in PROCEDURES else checklist.procedure
    if bilingual:
        procedure += " / " + message_texts(f"documents_procedure_{checklist.procedure}")[1]
    suffix = "_organization" if provider is Provider.ORGANIZATION else ""
    subtitle = text(f"documents_request_subtitle{suffix}", name=applicant or "—",
                    procedure=procedure, status=status)
    intro_key = "documents_request_intro_organization" if provider is Provider.ORGANIZATION \
        else "documents_request_intro_applicant"
    lines = [Line(LineKind.TEXT, text(intro_key), id="intro")]
    wanted = [i for i in checklist.by_provider(provider) if i.status is ItemStatus.OPEN]
    for entry in wanted:
        name = entry.item.en if language == "en" and entry.item.en else entry.item.ja
        if bilingual and entry.item.en:
            name = f"{entry.item.ja} / {entry.item.en}"
        if entry.item.copies:
            name += "　" + text("documents_request_copies", copies=entry.item.copies)
        lines.append(Line(LineKind.CHECK, name, source=entry.item.source, id=entry.item.id))
        detail = _CUT_MARK.sub("", entry.item.detail_ja).strip()
        if detail:
            lines.append(Line(LineKind.NOTE, detail, id=f"{entry.item.id}.detail"))
    if not wanted:
        lines.append(Line(LineKind.TEXT, text("documents_request_none"), id="none"))
    heading = "documents_request_heading_organization" if not bilingual \
        else "documents_request_heading"
    return Document(
        title=text(f"documents_request_title_{provider.value}"),
        subtitle=subtitle,
        sections=[Section(text(heading), lines)],
        footer=text("documents_request_footer", office=office, date=on).strip())
