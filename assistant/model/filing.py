"""The case after 入力完了: the status steps, their numbers and dates, the next renewal.

Which step may follow which, what each step needs and the usual shape of the numbers are data
(``resources/rules/filing.json``, docs/domain.md#numbers-and-statuses). :func:`perform_step`
judges a step and stores it through :meth:`CaseStore.record_step` (one transaction: the status,
the number, the history entry with its day and who recorded it). A number of another shape is
recorded with a warning, never refused: the system may change its numbering.

A 入力完了 case that an edit leaves with errors goes back to 下書き (:func:`back_to_draft_if_errors`,
called by the editing session), with the first error as the history note.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from assistant.model.case import EXPIRY_DATE, NAME, Case, CaseStatus
from assistant.model.eras import parse_date
from assistant.model.problems import MessageError, Problem, Severity, make_problem, message_texts
from assistant.model.storage import CaseChanges, CaseStore, StatusChange, StepRecord
from assistant.resources import load_json

# What a step may need (resources/rules/filing.json "needs").
NEEDS_NUMBER = "number"
NEEDS_NOTE = "note"
NEEDS_DUE = "due"
NEEDS_EXPIRY = "expiry"


@cache
def _rules() -> dict[str, Any]:
    data: dict[str, Any] = load_json("rules", "filing.json")
    return data


def next_steps(status: CaseStatus | str) -> tuple[CaseStatus, ...]:
    """The steps a case in ``status`` may take next, in the order the data lists them."""
    return tuple(CaseStatus(s) for s in _rules()["steps"].get(CaseStatus(status).value, ()))


def is_legal(current: CaseStatus | str, target: CaseStatus | str) -> bool:
    return CaseStatus(target) in next_steps(current)


def may_follow(previous: CaseStatus | str, following: CaseStatus | str, *,
               older: bool = True) -> bool:
    """Whether a case's history may record ``following`` right after ``previous``: a step after
    filing (:func:`is_legal`) or what editing records (下書き ⇄ 入力完了; ``recorded_also`` in
    ``resources/rules/filing.json``), and with ``older`` what earlier versions recorded
    (``recorded_by_older_versions``: read back, never offered)."""
    previous, following = CaseStatus(previous), CaseStatus(following)
    rules = _rules()
    return (is_legal(previous, following)
            or following.value in rules["recorded_also"].get(previous.value, ())
            or (older and following.value in rules["recorded_by_older_versions"].get(
                previous.value, ())))


def may_follow_any(previous: CaseStatus | str) -> tuple[CaseStatus, ...]:
    """Every status that may follow ``previous`` in what this version records (the order of
    :class:`CaseStatus`)."""
    return tuple(s for s in CaseStatus if may_follow(previous, s, older=False))


def impossible_order(statuses: Sequence[CaseStatus | str]) -> int | None:
    """The index of the first status in ``statuses`` (a history, oldest first) that cannot
    follow the one before it (:func:`may_follow`), or None when the order is possible. The
    first status may be any: a history may begin where an imported case stood."""
    for n in range(1, len(statuses)):
        if not may_follow(statuses[n - 1], statuses[n]):
            return n
    return None


def needs(target: CaseStatus | str) -> frozenset[str]:
    """What recording ``target`` needs: ``number``, ``note``, ``due``, ``expiry``."""
    return frozenset(_rules()["needs"].get(CaseStatus(target).value, ()))


def number_example() -> str:
    return str(_rules()["numbers"]["example"])


def normalise_number(text: str) -> str:
    """A number as typed → stored: half-width letters and digits, no spaces."""
    from assistant.model.normalize import to_halfwidth

    return re.sub(r"\s+", "", to_halfwidth(text.strip())).upper()


def number_warning(number: str) -> Problem | None:
    """A warning when ``number`` does not have the usual shape (recorded all the same)."""
    if not number or re.fullmatch(_rules()["numbers"]["pattern"], number):
        return None
    return make_problem("number", "filing_number_shape", Severity.WARNING, number=number,
                        example=number_example())


class FilingError(MessageError):
    """A step that cannot be recorded (illegal, or something it needs is missing/unreadable);
    the message says why, in Japanese and English."""


def read_date(text: str) -> date:
    """A date as the office types it (西暦 or 和暦); :class:`FilingError` when unreadable."""
    result = parse_date(text)
    if not result.ok or result.date is None:
        raise FilingError("filing_bad_date", value=text)
    return result.date


@dataclass(frozen=True)
class StepRequest:
    """A step the office asks for: the target status and what it records."""

    target: CaseStatus
    on: date | None = None          # the day it happened (default: today)
    number: str = ""                # 申請受付仮番号 (申請済) / 申請受付番号 (受付済)
    note: str = ""
    due: date | None = None         # 追完待ち: the due date
    period: str = ""                # 完了: the period of stay granted (as on the card)
    expiry: date | None = None      # 完了: the new expiry date


@dataclass(frozen=True)
class StepOutcome:
    """A recorded step: what changed (for ``CaseEvents``) and the warnings to show."""

    changes: CaseChanges
    warnings: tuple[Problem, ...] = ()


def illegal_step_error(current: CaseStatus, target: CaseStatus) -> FilingError:
    allowed = next_steps(current)
    none_ja, none_en = message_texts("filing_none_allowed")
    return FilingError(
        "filing_illegal_step", current=current.label_ja, target=target.label_ja,
        current_en=current.label_en, target_en=target.label_en,
        allowed="、".join(s.label_ja for s in allowed) or none_ja,
        allowed_en=", ".join(s.label_en for s in allowed) or none_en)


def check_step(case: Case, request: StepRequest, today: date) -> list[Problem]:
    """Judge ``request`` for ``case``: :class:`FilingError` when it cannot be recorded, else
    the warnings (a number of an unusual shape, a new expiry not after the old one)."""
    target = CaseStatus(request.target)
    if not is_legal(case.status, target):
        raise illegal_step_error(CaseStatus(case.status), target)
    required = needs(target)
    number = normalise_number(request.number)
    if NEEDS_NUMBER in required and not number:
        raise FilingError(f"filing_needs_number_{target.value}", example=number_example())
    if NEEDS_NOTE in required and not request.note.strip():
        raise FilingError("filing_needs_note")
    if NEEDS_DUE in required and request.due is None:
        raise FilingError("filing_needs_due")
    if NEEDS_EXPIRY in required and request.expiry is None:
        raise FilingError("filing_needs_expiry")
    warnings: list[Problem] = []
    if request.on is not None and request.on > today:
        warnings.append(make_problem("on", "filing_future_date", Severity.WARNING,
                                      label=target.label_ja, label_en=target.label_en,
                                      value=request.on))
    shape = number_warning(number)
    if shape is not None:
        warnings.append(shape)
    if request.expiry is not None:
        old = _stored_date(case.values.get(EXPIRY_DATE, ""))
        if old is not None and request.expiry <= old:
            warnings.append(make_problem(EXPIRY_DATE, "filing_expiry_not_after",
                                          Severity.WARNING, value=request.expiry, old=old))
    return warnings


def perform_step(store: CaseStore, case_id: str, request: StepRequest, *, today: date,
                 user: str = "") -> StepOutcome:
    """Judge and record ``request`` in one store transaction (see :func:`check_step`).
    ``user``: the current staff member's name, kept with the step."""
    case = store.get(case_id)
    warnings = check_step(case, request, today)
    step = StepRecord(
        status=CaseStatus(request.target),
        on=(request.on or today).isoformat(),
        number=normalise_number(request.number),
        note=request.note.strip(),
        due="" if request.due is None else request.due.isoformat(),
        granted_period=request.period.strip(),
        granted_expiry="" if request.expiry is None else request.expiry.isoformat())
    changes = store.record_step(case_id, step, expected=CaseStatus(case.status), user=user)
    return StepOutcome(changes, tuple(warnings))


def back_to_draft_if_errors(store: CaseStore, case: Case, problems: Sequence[Problem],
                            user: str = "") -> Problem | None:
    """A 入力完了 case with errors goes back to 下書き; the first error is the history note.
    Returns that error (for the office to see why) or None when nothing changed."""
    if CaseStatus(case.status) is not CaseStatus.READY:
        return None
    error = next((p for p in problems if p.is_error), None)
    if error is None:
        return None
    note_ja, _ = message_texts("filing_back_to_draft", problem=error.message_ja)
    store.record_step(case.id, StepRecord(status=CaseStatus.DRAFT, note=note_ja),
                      expected=CaseStatus.READY, user=user)
    return error


def latest_grant(history: Sequence[StatusChange]) -> StatusChange | None:
    """The last 完了 entry of a history (its granted period and expiry), if any."""
    return next((h for h in reversed(history) if h.status is CaseStatus.COMPLETED), None)


def next_renewal(store: CaseStore, case_id: str, user: str = "") -> CaseChanges:
    """「次の更新案件を作成」: a renewal draft from a completed case.

    The values are copied except those ``resources/storage/duplicate.json`` drops (card number,
    period, expiry …); the new expiry date granted at 完了 is filled in (in the template's
    form), and the remarks say where the case came from. One transaction.
    """
    from assistant.model.fields import catalogue
    from assistant.model.normalize import normalize_value

    case = store.get(case_id)
    if CaseStatus(case.status) is not CaseStatus.COMPLETED:
        raise FilingError("filing_not_completed", status=case.status.label_ja,
                          status_en=case.status.label_en)
    grant = latest_grant(store.history(case_id))
    filled: dict[str, str] = {}
    if grant is not None and grant.granted_expiry:
        cat = catalogue("renewal")
        expiry = grant.granted_expiry
        filled[EXPIRY_DATE] = (normalize_value(cat.field(EXPIRY_DATE), expiry)
                               if cat.has_field(EXPIRY_DATE) else expiry)
    done_on = _stored_date(grant.on) if grant is not None and grant.on else None
    remarks, _ = message_texts("filing_next_renewal_note", date=done_on or "",
                                     name=case.values.get(NAME, ""))
    return store.create_from(case_id, "renewal", filled, remarks=remarks, user=user)


def _stored_date(text: str) -> date | None:
    if not text.strip():
        return None
    result = parse_date(text)
    return result.date if result.ok else None


def state_by_id(text: str) -> CaseStatus | None:
    """The status named by its stored id (``filed``) or its Japanese label (申請済)."""
    text = text.strip()
    for status in CaseStatus:
        if text in (status.value, status.label_ja):
            return status
    return None


def describe(history: Sequence[StatusChange]) -> list[Mapping[str, str]]:
    """The history as plain rows (for the CLI's JSON and the GUI's history list)."""
    return [{"status": h.status.value, "label": h.status.label_ja,
             "on": h.on or h.at.date().isoformat(), "at": h.at.isoformat(),
             "user": h.user, "number": h.number, "note": h.note, "due": h.due,
             "granted_period": h.granted_period, "granted_expiry": h.granted_expiry}
            for h in history]
