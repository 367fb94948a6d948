"""Case files: one case as a readable JSON file (export, import, ``assistant validate``).

The format (``schema_version`` 2; documented in docs/casefile.md, with what changed since
format 1)::

    {
      "format": "zairyu-assistant-case",     # optional marker; if present must be this
      "schema_version": 2,                   # required; newer versions are refused
      "procedure": "renewal",                # required
      "id": "…",                             # optional; everything below is optional too
      "status": "draft", "provisional_number": "", "application_number": "",
      "receipt_method": null | "mail" | "counter" | "email",   # read only (older files)
      "remarks": "", "is_sample": false,
      "staff": "行政　花子",                  # 担当者 (format 2)
      "created_at": ISO datetime | null, "updated_at": ISO datetime | null,
      "values": {"name": "WANG WEI", "relative_name[1]": "王 芳", …},
      "attachments": [{"path": "…", "kind": "document", "title": "", "position": 0,
                       "taken_on": "2026-09-01"}],   # taken_on: only when entered
      "history": [{"status": "filed", "at": ISO datetime, "note": "", "number": "…",
                   # format 2: who recorded the step, the day it happened, 追完 due date,
                   # the period and expiry granted at 完了 (ISO dates, "" = not given)
                   "user": "", "on": "2026-11-20", "due": "", "granted_period": "",
                   "granted_expiry": ""}],
      "documents": {"answers": {"employer_category": "cat3"},      # only when started
                    "items": {"photo": {"status": "submitted", "files": ["…"]}}}
    }

A history must be in an order the program could have recorded
(:func:`assistant.model.filing.impossible_order`: 完了 never before 申請済) and end where the
case stands; its dates must be real ``YYYY-MM-DD`` dates. Files of format 1 (no staff, history
entries without the format-2 entries) still load.

Anything else (unknown entries, wrong types, broken JSON, a newer ``schema_version``, a file
that cannot be read) raises :class:`CaseFileError` with a Japanese and an English message;
nothing is half-loaded. The values must fit the procedure's field catalogue: an unknown
procedure, a value key that is not a field of that procedure (``current_status`` on an
``acquisition`` case), an index on a field that does not repeat (``name[2]``) or a repeating
field without one are refused, and so (unless ``check_lengths=False``, as ``validate`` reads
a file to report it) is a value longer than its field allows.

Reading a case file is an entry point: every value goes through the entry normaliser
(:func:`assistant.model.normalize.normalize_values`: 平成7年4月12日 → 19950412, full-width
digits, letter case) and :attr:`CaseDocument.normalised` lists what changed, for the caller to
show. Where the online page asks one item with two controls for two answers (24.1 専攻 of 区分N:
the university list after 大学…, its own list after 専門学校, docs/domain.md#categories), a file
written when the catalogue had the first control only may hold the answer there: a value that
is not among that control's choices but is among those of the other one, which alone applies
to the case, moves to it (:func:`other_control_moves`, reported with the normalised values).
Files are written atomically (:mod:`assistant.model.atomic`).
The recycle-bin mark and the audit trail are not part of a case file. The receipt method is
the ``receipt_method`` value (Step 3); files written before that still load: their top-level
``receipt_method`` fills the value when the file has none.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from assistant.model.atomic import atomic_write_text
from assistant.model.case import (
    KUBUN_ACTIVITY,
    RECEIPT_METHOD,
    AttachmentRef,
    Case,
    CaseStatus,
    DocumentsState,
    ReceiptMethod,
    split_key,
)
from assistant.model.fields import PROCEDURES, Catalogue, FieldDef, catalogue
from assistant.model.normalize import normalize_values
from assistant.model.problems import Problem, Severity, message_texts
from assistant.model.storage import CaseStore, StatusChange
from assistant.resources import load_json

FORMAT_MARKER = "zairyu-assistant-case"
SCHEMA_VERSION = 2   # 2: the history's who/day/due/granted entries and the 担当者 (staff)

_TOP_LEVEL = ("format", "schema_version", "id", "procedure", "status", "provisional_number",
              "application_number", "receipt_method", "remarks", "is_sample", "staff", "created_at",
              "updated_at", "values", "attachments", "history", "documents")
_ATTACHMENT_FIELDS = ("path", "kind", "title", "position", "taken_on")
_HISTORY_FIELDS = ("status", "at", "note", "number", "user", "on", "due", "granted_period",
                   "granted_expiry")
_VALUE_KEY = re.compile(r"^[a-z0-9_]+(\[[1-9][0-9]*\])?$")


class CaseFileError(Exception):
    """A case file (or dict) that cannot be used; ``message_ja`` / ``message_en`` say why."""

    def __init__(self, code: str, path: str = "", **params: Any) -> None:
        self.code = code
        self.path = path
        if "entry" in params:
            params.setdefault("entry_en", params["entry"])
        self.params = {"path": path, **params}
        self.message_ja, self.message_en = message_texts(code, **self.params)
        super().__init__(self.message_ja)

    def message(self, language: str = "ja") -> str:
        return self.message_en if language == "en" else self.message_ja

    def to_problem(self) -> Problem:
        """The error as a :class:`Problem` on the pseudo-field ``"file"``."""
        return Problem(field="file", code=self.code, severity=Severity.ERROR,
                       message_ja=self.message_ja, message_en=self.message_en,
                       params=dict(self.params))


@dataclass
class CaseDocument:
    """What a case file holds: the case and, optionally, its status history."""

    case: Case
    history: list[StatusChange] | None = None
    normalised: list[tuple[str, str, str]] = field(default_factory=list)
    """The values entry normalisation changed: ``(key, as in the file, as stored)``."""
    staff: str = ""
    """The 担当者 (the staff member in charge; "" when the file names none)."""


# -- writing -------------------------------------------------------------------------------

def _value_sort_key(key: str) -> tuple[str, int]:
    base, index = split_key(key)
    return base, index or 0


def _ts(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def case_to_dict(case: Case, history: list[StatusChange] | None = None,
                 staff: str = "") -> dict[str, Any]:
    """The case-file form of ``case`` (JSON-ready; ``history`` included when given;
    ``staff``: the case's 担当者)."""
    data: dict[str, Any] = {
        "format": FORMAT_MARKER,
        "schema_version": SCHEMA_VERSION,
        "id": case.id,
        "procedure": case.procedure,
        "status": CaseStatus(case.status).value,
        "provisional_number": case.provisional_number,
        "application_number": case.application_number,
        "remarks": case.remarks,
        "is_sample": case.is_sample,
        "staff": staff,
        "created_at": _ts(case.created_at),
        "updated_at": _ts(case.updated_at),
        "values": {k: case.values[k] for k in sorted(case.values, key=_value_sort_key)},
        "attachments": [_attachment_dict(a) for a in case.attachments],
    }
    if not case.documents.is_empty():
        data["documents"] = case.documents.to_dict()
    if history is not None:
        data["history"] = [{"status": CaseStatus(h.status).value, "at": h.at.isoformat(),
                            "note": h.note, "number": h.number, "user": h.user, "on": h.on,
                            "due": h.due, "granted_period": h.granted_period,
                            "granted_expiry": h.granted_expiry} for h in history]
    return data


def _attachment_dict(ref: AttachmentRef) -> dict[str, Any]:
    data: dict[str, Any] = {"path": ref.path, "kind": ref.kind, "title": ref.title,
                            "position": ref.position}
    if ref.taken_on:
        # Only when entered: a file without a taken date stays readable by earlier versions.
        data["taken_on"] = ref.taken_on
    return data


def dumps_case(case: Case, history: list[StatusChange] | None = None, staff: str = "") -> str:
    """The case file text (UTF-8 JSON, indented, Japanese kept readable)."""
    return json.dumps(case_to_dict(case, history, staff), ensure_ascii=False, indent=2) + "\n"


def write_case_file(path: str | os.PathLike[str], case: Case,
                    history: list[StatusChange] | None = None, staff: str = "") -> None:
    """Write the case file atomically; :class:`CaseFileError` if it cannot be written."""
    try:
        atomic_write_text(path, dumps_case(case, history, staff))
    except OSError as exc:
        raise CaseFileError("casefile_write_failed", str(path),
                            detail=exc.strerror or str(exc)) from exc


def export_case(store: CaseStore, case_id: str, path: str | os.PathLike[str], *,
                with_history: bool = True) -> Case:
    """Write the stored case ``case_id`` to the case file ``path`` (atomically) with its
    担当者 and, unless ``with_history`` is False, its status history: every step with who
    recorded it and its day, the numbers, the 追完 note and due date, the period and expiry
    granted. The CLI's ``case export`` and the GUI's 書き出し both call this. Returns the case."""
    case = store.get(case_id)
    history = store.history(case_id) if with_history else None
    write_case_file(path, case, history, store.staff_of(case_id))
    return case


def import_case(store: CaseStore, document: CaseDocument, user: str = "") -> Case:
    """Store a case file's case (read and checked whole by :func:`read_case_file`, so nothing
    is half-imported) as a new case with its history and 担当者, in one transaction; the case
    as stored (see :meth:`CaseStore.import_case` for the id)."""
    return store.import_case(document.case, document.history, user=user,
                             staff=document.staff)


# -- reading -------------------------------------------------------------------------------

class _Reader:
    """Checks one decoded JSON document; every failure is a :class:`CaseFileError`."""

    def __init__(self, source: str, check_lengths: bool = True) -> None:
        self.source = source
        self.check_lengths = check_lengths

    def fail(self, code: str, **params: Any) -> CaseFileError:
        return CaseFileError(code, self.source, **params)

    def wrong_type(self, field: str, expected_ja: str, expected_en: str) -> CaseFileError:
        if not field:  # the document itself
            return self.fail("casefile_wrong_type", entry="ファイル全体", entry_en="whole file",
                             expected=expected_ja, expected_en=expected_en)
        return self.fail("casefile_wrong_type", entry=field, expected=expected_ja,
                         expected_en=expected_en)

    def object(self, value: Any, field: str, allowed: tuple[str, ...]) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.wrong_type(field, "オブジェクト", "an object")
        unknown = [k for k in value if k not in allowed]
        if unknown:
            raise self.fail("casefile_unknown_fields", entry=field or "最上位",
                            entry_en=field or "top level",
                            fields=", ".join(sorted(str(k) for k in unknown)))
        return value

    def string(self, data: dict[str, Any], key: str, field: str, default: str = "") -> str:
        value = data.get(key, default)
        if not isinstance(value, str):
            raise self.wrong_type(field, "文字列", "a string")
        return value

    def integer(self, data: dict[str, Any], key: str, field: str, default: int = 0) -> int:
        value = data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.wrong_type(field, "整数", "an integer")
        if not 0 <= value < 2**31:   # positions and versions; SQLite stops at 2**63
            raise self.fail("casefile_bad_value", entry=field, value=str(value)[:20])
        return value

    def boolean(self, data: dict[str, Any], key: str, field: str) -> bool:
        value = data.get(key, False)
        if not isinstance(value, bool):
            raise self.wrong_type(field, "true または false", "true or false")
        return value

    def moment(self, value: Any, field: str) -> datetime:
        if not isinstance(value, str):
            raise self.wrong_type(field, "日時の文字列（ISO 8601）", "an ISO 8601 date-time string")
        try:
            moment = datetime.fromisoformat(value)
            moment.astimezone(UTC)   # 9999-12-31T23:59-23:59 is past the last datetime in UTC
        except (ValueError, OverflowError):
            raise self.fail("casefile_bad_value", entry=field, value=value[:40]) from None
        return moment

    def iso_date(self, data: dict[str, Any], key: str, field: str) -> str:
        """An ISO date (``YYYY-MM-DD``) or "" (not entered)."""
        value = self.string(data, key, field)
        if value:
            try:
                date.fromisoformat(value)
            except ValueError:
                raise self.fail("casefile_bad_value", entry=field, value=value) from None
        return value

    def history_date(self, data: dict[str, Any], key: str, field: str) -> str:
        """A date of a history entry: strictly ``YYYY-MM-DD`` and real, or "" (not given)."""
        from assistant.model.dates import parse_iso_date

        value = self.string(data, key, field)
        if value:
            try:
                parse_iso_date(value)
            except ValueError:
                raise self.fail("casefile_bad_date", entry=field, value=value[:40]) from None
        return value

    def history(self, raw: Any, current: CaseStatus) -> list[StatusChange]:
        """The status history, each entry checked, in an order the program could have
        recorded, ending where the case stands (``current``)."""
        from assistant.model import filing

        if not isinstance(raw, list):
            raise self.wrong_type("history", "配列", "an array")
        history: list[StatusChange] = []
        for n, item in enumerate(raw):
            where = f"history[{n}]"
            entry = self.object(item, where, _HISTORY_FIELDS)
            for required in ("status", "at"):
                if required not in entry:
                    raise self.fail("casefile_missing_field", entry=f"{where}.{required}")
            history.append(StatusChange(
                status=self.status(entry["status"], f"{where}.status"),
                at=self.moment(entry["at"], f"{where}.at"),
                note=self.string(entry, "note", f"{where}.note"),
                number=self.string(entry, "number", f"{where}.number"),
                user=self.string(entry, "user", f"{where}.user"),
                on=self.history_date(entry, "on", f"{where}.on"),
                due=self.history_date(entry, "due", f"{where}.due"),
                granted_period=self.string(entry, "granted_period", f"{where}.granted_period"),
                granted_expiry=self.history_date(entry, "granted_expiry",
                                                 f"{where}.granted_expiry")))
        wrong = filing.impossible_order([h.status for h in history])
        if wrong is not None:
            previous, following = history[wrong - 1].status, history[wrong].status
            allowed = filing.may_follow_any(previous)
            none_ja, none_en = message_texts("filing_none_allowed")
            raise self.fail(
                "casefile_history_order", entry=f"history[{wrong}]",
                previous=previous.label_ja, previous_en=previous.label_en,
                following=following.label_ja, following_en=following.label_en,
                allowed="、".join(s.label_ja for s in allowed) or none_ja,
                allowed_en=", ".join(s.label_en for s in allowed) or none_en)
        if history:
            last = history[-1].status
            if last is not current and not filing.may_follow(last, current):
                raise self.fail("casefile_history_status", status=current.label_ja,
                                status_en=current.label_en, last=last.label_ja,
                                last_en=last.label_en)
        return history

    def optional_moment(self, data: dict[str, Any], key: str) -> datetime | None:
        value = data.get(key)
        return None if value is None else self.moment(value, key)

    def status(self, value: Any, field: str) -> CaseStatus:
        if not isinstance(value, str):
            raise self.wrong_type(field, "文字列", "a string")
        try:
            return CaseStatus(value)
        except ValueError:
            raise self.fail(
                "casefile_unknown_status", entry=field, value=value[:40],
                statuses="、".join(f"{s.value}（{s.label_ja}）" for s in CaseStatus),
                statuses_en=", ".join(s.value for s in CaseStatus)) from None

    def document(self, data: Any) -> CaseDocument:
        top = self.object(data, "", _TOP_LEVEL)
        if "format" in top and top["format"] != FORMAT_MARKER:
            raise self.fail("casefile_not_case", expected=FORMAT_MARKER)
        if "schema_version" not in top:
            raise self.fail("casefile_missing_field", entry="schema_version")
        version = self.integer(top, "schema_version", "schema_version")
        if version > SCHEMA_VERSION:
            raise self.fail("casefile_newer_version", version=version, supported=SCHEMA_VERSION)
        if version < 1:
            raise self.fail("casefile_bad_value", entry="schema_version", value=version)
        if "procedure" not in top:
            raise self.fail("casefile_missing_field", entry="procedure")
        procedure = self.string(top, "procedure", "procedure")
        if not procedure:
            raise self.fail("casefile_bad_value", entry="procedure", value='""')
        if procedure not in PROCEDURES:
            raise self.fail("casefile_unknown_procedure", procedure=procedure,
                            choices=", ".join(PROCEDURES))

        raw_method = top.get("receipt_method")
        method: ReceiptMethod | None = None
        if raw_method is not None:
            if not isinstance(raw_method, str):
                raise self.wrong_type("receipt_method", "文字列または null", "a string or null")
            try:
                method = ReceiptMethod(raw_method)
            except ValueError:
                raise self.fail("casefile_bad_value", entry="receipt_method",
                                value=raw_method) from None

        raw_values = top.get("values", {})
        if not isinstance(raw_values, dict):
            raise self.wrong_type("values", "オブジェクト", "an object")
        values: dict[str, str] = {}
        for key, value in raw_values.items():
            if not _VALUE_KEY.match(key):
                raise self.fail("casefile_bad_value", entry="values", value=key)
            if not isinstance(value, str):
                raise self.wrong_type(f"values.{key}", "文字列", "a string")
            values[key] = value
        values, normalised = self.values(procedure, values)

        raw_attachments = top.get("attachments", [])
        if not isinstance(raw_attachments, list):
            raise self.wrong_type("attachments", "配列", "an array")
        attachments: list[AttachmentRef] = []
        for n, item in enumerate(raw_attachments):
            where = f"attachments[{n}]"
            entry = self.object(item, where, _ATTACHMENT_FIELDS)
            if "path" not in entry:
                raise self.fail("casefile_missing_field", entry=f"{where}.path")
            attachments.append(AttachmentRef(
                path=self.string(entry, "path", f"{where}.path"),
                kind=self.string(entry, "kind", f"{where}.kind", "document"),
                title=self.string(entry, "title", f"{where}.title"),
                position=self.integer(entry, "position", f"{where}.position"),
                taken_on=self.iso_date(entry, "taken_on", f"{where}.taken_on")))

        status = self.status(top.get("status", CaseStatus.DRAFT.value), "status")
        history: list[StatusChange] | None = None
        if top.get("history") is not None:
            history = self.history(top["history"], status)

        try:
            documents = DocumentsState.from_dict(top.get("documents"))
        except ValueError as exc:
            raise self.fail("casefile_bad_value", entry="documents", value=str(exc)) from None

        case = Case(
            id=self.string(top, "id", "id"),
            procedure=procedure,
            values=values,
            status=status,
            provisional_number=self.string(top, "provisional_number", "provisional_number"),
            application_number=self.string(top, "application_number", "application_number"),
            attachments=attachments,
            remarks=self.string(top, "remarks", "remarks"),
            created_at=self.optional_moment(top, "created_at"),
            updated_at=self.optional_moment(top, "updated_at"),
            is_sample=self.boolean(top, "is_sample", "is_sample"),
            documents=documents,
        )
        if method is not None and not values.get(RECEIPT_METHOD, "").strip():
            case.receipt_method = method   # an older file: the method was a top-level entry
        return CaseDocument(case=case, history=history, normalised=normalised,
                            staff=self.string(top, "staff", "staff"))

    def values(self, procedure: str, raw: dict[str, str]
               ) -> tuple[dict[str, str], list[tuple[str, str, str]]]:
        """The values checked against the procedure's catalogue and normalised at entry."""
        cat = catalogue(procedure)
        # KUBUN_ACTIVITY: Step 1's activity choice, a value of no template column
        unknown = sorted(k for k in raw if not cat.has_field(k) and k != KUBUN_ACTIVITY)
        if unknown:
            raise self.fail("casefile_unknown_value_keys", procedure=procedure,
                            keys=", ".join(unknown))
        for key in raw:
            if key == KUBUN_ACTIVITY:
                continue
            base, index = split_key(key)
            repeats = cat.field(base).group is not None
            if index is not None and not repeats:
                raise self.fail("casefile_index_not_repeating", key=key, base=base)
            if index is None and repeats:
                raise self.fail("casefile_index_missing", key=key)
        values, changes = normalize_values(cat, raw)
        moves = other_control_moves(cat, values)
        if moves:
            for key, _before, new in moves:
                if new:
                    values[key] = new
                else:
                    values.pop(key, None)
            changes = sorted([*changes, *moves])
        if self.check_lengths:
            for key, value in values.items():
                if key == KUBUN_ACTIVITY:
                    continue
                fdef = cat.field(key)
                if (fdef.kind in ("text", "number") and fdef.max_length is not None
                        and len(value) > fdef.max_length):
                    raise self.fail("casefile_value_too_long", key=key, label=fdef.label_ja,
                                    label_en=fdef.label("en"), max=fdef.max_length,
                                    length=len(value))
        return values, changes


def _other_controls(cat: Catalogue) -> list[tuple[FieldDef, FieldDef]]:
    """(first control, other control) of the items the page asks with two pull-downs for two
    answers of one question: the other control is labelled as the first with the answer it is
    for (``24.1 専攻・専門分野 (専門学校)``), in the same section, both shown by an answer of the
    same field (model/formpage.py names them so)."""
    by_label = {(f.section, f.label_ja): f for f in cat.fields}
    pairs = []
    for other in cat.fields:
        base, paren, rest = other.label_ja.rpartition(" (")
        first = by_label.get((other.section, base)) if paren and rest.endswith(")") else None
        if (first is not None and first.code_list and other.code_list
                and first.group is None and other.group is None
                and first.applies_when is not None and other.applies_when is not None
                and first.applies_when.field == other.applies_when.field):
            pairs.append((first, other))
    return pairs


def other_control_moves(cat: Catalogue, values: dict[str, str]) -> list[tuple[str, str, str]]:
    """The answers stored in an item's first control that belong to its other control, as
    changes ``(key, before, after)`` ("" = no value): a value not among the first control's
    choices but among the other's, when the other control alone applies to the case and holds
    nothing yet. Anything else stays where it is (validation reports it)."""
    from assistant.model.codelists import code_list
    from assistant.model.validation import applies

    moves: list[tuple[str, str, str]] = []
    for first, other in _other_controls(cat):
        value = values.get(first.id, "")
        if not value or values.get(other.id, "") or not first.code_list or not other.code_list:
            continue
        entry = code_list(other.code_list).lookup(value)
        if (entry is None or code_list(first.code_list).lookup(value) is not None
                or not applies(other, values, cat) or applies(first, values, cat)):
            continue
        moves += [(first.id, value, ""), (other.id, "", entry.label)]
    return moves


def case_from_dict(data: Any, source: str = "<dict>", *,
                   check_lengths: bool = True) -> CaseDocument:
    """Check and convert a decoded case file; :class:`CaseFileError` if it is not valid."""
    return _Reader(source, check_lengths).document(data)


def loads_case(text: str, source: str = "<text>", *,
               check_lengths: bool = True) -> CaseDocument:
    """Parse case-file text; :class:`CaseFileError` for broken JSON or invalid content."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CaseFileError("casefile_bad_json", source, line=exc.lineno, column=exc.colno,
                            detail=exc.msg) from None
    except RecursionError:
        raise CaseFileError("casefile_bad_json", source, line=0, column=0,
                            detail="too deeply nested") from None
    except ValueError:   # an integer of more than 4,300 digits
        raise CaseFileError("casefile_bad_text", source, detail="桁数が多すぎる数 / a number "
                            "with too many digits") from None
    try:   # "\ud800" is valid JSON but no character: it could be neither stored nor shown
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as exc:
        raise CaseFileError("casefile_bad_text", source, detail=(
            f"対になっていないサロゲート / a lone surrogate "
            f"U+{ord(exc.object[exc.start]):04X}")) from None
    return case_from_dict(data, source, check_lengths=check_lengths)


def read_case_file(path: str | os.PathLike[str], *,
                   check_lengths: bool = True) -> CaseDocument:
    """Read a case file (UTF-8, a byte-order mark is accepted) with its history if present.

    ``check_lengths=False`` keeps over-long values for validation to report (``validate``);
    importing and exporting refuse them."""
    from assistant.model.file_guard import FileGuardError, check_input_file

    source = str(path)
    limit = int(load_json("storage", "casefile.json")["max_bytes"])
    try:   # a named pipe would block the read for ever; a folder or device is no case file
        check_input_file(path)
    except FileGuardError as exc:
        raise CaseFileError("casefile_unreadable", source, detail=exc.message_ja) from None
    try:
        with open(path, "rb") as handle:
            raw = handle.read(limit + 1)
    except OSError as exc:
        raise CaseFileError("casefile_unreadable", source,
                            detail=exc.strerror or str(exc)) from None
    if len(raw) > limit:
        raise CaseFileError("casefile_unreadable", source,
                            detail=f"> {limit // 1_000_000} MB")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CaseFileError("casefile_unreadable", source,
                            detail=f"UTF-8 ではありません / not UTF-8 (byte {exc.start})") from None
    return loads_case(text, source, check_lengths=check_lengths)


def load_case_file(path: str | os.PathLike[str], *, check_lengths: bool = True) -> Case:
    """Read a case file and return the case (see :func:`read_case_file`)."""
    return read_case_file(path, check_lengths=check_lengths).case


def default_file_name(case: Case) -> str:
    """A file name for exporting ``case``: ``<procedure>-<name or id>.json``, filesystem-safe."""
    label = case.values.get("name", "").strip() or case.id[:8] or "case"
    safe = re.sub(r"[^\w.-]+", "_", f"{case.procedure}-{label}").strip("._") or "case"
    return str(Path(safe[:80] + ".json"))
