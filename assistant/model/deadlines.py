"""Every deadline of the office at a glance, and the same dates as an iCalendar file.

What is collected (docs/domain.md#filing-window, #numbers-and-statuses, #credentials), each
with its own threshold, a declared setting (:mod:`assistant.model.settings`):

- ``window_closing`` — a case not filed yet (下書き / 入力完了) whose online window closes within
  ``deadline_closing_days``;
- ``window_opening`` — the next renewal of a person whose case is 完了: the window opens 3
  months before the expiry granted, listed from ``deadline_opening_days`` before it opens
  until it closes (unless a case for that renewal already exists);
- ``documents_due`` — the due date of a case that is 追完待ち (always listed);
- ``result_awaited`` — a case filed longer than ``deadline_result_days`` ago without a result;
- ``office_password`` / ``office_certificate`` — a staff member's password (valid one year) or
  届出済証明書 expiring within ``deadline_office_days`` (or expired).

:func:`collect` answers them sorted by date; :func:`to_ics` writes them as VEVENTs whose UID is
made from the kind and the case (or staff member), so exporting again updates the same events.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from assistant.model import rules
from assistant.model.case import CaseStatus
from assistant.model.eras import parse_date
from assistant.model.problems import message_texts
from assistant.model.storage import CaseBrief, CaseStore

UID_DOMAIN = "zairyu-assistant.local"


class DeadlineKind(enum.StrEnum):
    WINDOW_CLOSING = "window_closing"
    WINDOW_OPENING = "window_opening"
    DOCUMENTS_DUE = "documents_due"
    RESULT_AWAITED = "result_awaited"
    OFFICE_PASSWORD = "office_password"
    OFFICE_CERTIFICATE = "office_certificate"


@dataclass(frozen=True)
class Thresholds:
    """How far ahead (or how long) each kind is looked at, in days (settings)."""

    closing_days: int = 30
    opening_days: int = 30
    result_days: int = 60
    office_days: int = 30


@dataclass(frozen=True)
class Deadline:
    """One date the office must act on (``on``), for a case or a staff member."""

    kind: DeadlineKind
    on: date
    subject_id: str          # the case id, or the staff member's id for office dates
    name: str                # the applicant's (or staff member's) name
    text_ja: str
    text_en: str
    case_id: str | None = None

    @property
    def uid(self) -> str:
        """Stable across exports: the same case and kind give the same event."""
        return f"{self.kind.value}-{self.subject_id}@{UID_DOMAIN}"

    def days_left(self, today: date) -> int:
        return (self.on - today).days

    def text(self, language: str = "ja") -> str:
        return self.text_en if language == "en" else self.text_ja

    def to_json(self, today: date, language: str = "ja") -> dict[str, Any]:
        return {"kind": self.kind.value, "date": self.on.isoformat(),
                "days_left": self.days_left(today), "case_id": self.case_id,
                "name": self.name, "text": self.text(language), "uid": self.uid}


def thresholds_from(settings: Any) -> Thresholds:
    """The thresholds as set (``settings``: a :class:`~assistant.model.settings.Settings`)."""
    from assistant.model import settings as declared

    return Thresholds(closing_days=settings.get(declared.DEADLINE_CLOSING_DAYS),
                      opening_days=settings.get(declared.DEADLINE_OPENING_DAYS),
                      result_days=settings.get(declared.DEADLINE_RESULT_DAYS),
                      office_days=settings.get(declared.DEADLINE_OFFICE_DAYS))


@lru_cache(maxsize=8192)  # an office's cases share a few thousand days
def _day(text: str) -> date | None:
    if not text.strip():
        return None
    result = parse_date(text)
    return result.date if result.ok else None


@lru_cache(maxsize=64)
def _procedure_label(procedure: str) -> tuple[str, str]:
    try:
        proc = rules.get_procedure(procedure)
    except rules.RulesError:
        return procedure, procedure
    return proc.name_ja, proc.name_en


def _make(kind: DeadlineKind, on: date, subject: str, name: str, case_id: str | None,
          **params: Any) -> Deadline:
    # dates as the office reads them (2026年12月3日（令和8年）), ISO in English
    ja, en = message_texts(f"deadline_{kind.value}", name=name or "—", date=on, **params)
    return Deadline(kind, on, subject, name, ja, en, case_id)


class _Briefs:
    """Every case's brief, read once when first asked for (100,000 summaries with their times
    would not be small; a count of the closing windows needs none)."""

    def __init__(self, store: CaseStore) -> None:
        self._store = store
        self._all: list[CaseBrief] | None = None

    def all(self) -> list[CaseBrief]:
        if self._all is None:
            self._all = self._store.list_briefs()
        return self._all


def collect(store: CaseStore, today: date, thresholds: Thresholds = Thresholds(),
            profile: str | None = None) -> list[Deadline]:
    """Every deadline the thresholds let through on ``today``, earliest first."""
    briefs = _Briefs(store)
    found: list[Deadline] = []
    found += _windows_closing(briefs.all(), today, thresholds, profile)
    found += _others(store, briefs, today, thresholds, profile)
    return sorted(found, key=lambda d: (d.on, d.kind.value, d.name))


def _others(store: CaseStore, briefs: _Briefs, today: date, thresholds: Thresholds,
            profile: str | None) -> list[Deadline]:
    """The deadlines of cases after filing and of the office (all but the closing windows)."""
    found: list[Deadline] = []
    found += _windows_opening(store, briefs, today, thresholds, profile)
    found += _documents_due(store, briefs)
    found += _results_awaited(store, briefs, today, thresholds)
    found += _office(store, today, thresholds)
    return found


def within(deadlines: Iterable[Deadline], today: date, days: int) -> list[Deadline]:
    """The deadlines on or before ``today + days`` (overdue ones included)."""
    last = today + timedelta(days=days)
    return [d for d in deadlines if d.on <= last]


def _windows_closing(summaries: Sequence[CaseBrief], today: date, th: Thresholds,
                     profile: str | None) -> list[Deadline]:
    found = []
    closing = _ClosingDays(today, th, profile)
    for s in summaries:
        closes = closing.of(s)
        if closes is None:
            continue
        ja, en = _procedure_label(s.procedure)
        found.append(_make(DeadlineKind.WINDOW_CLOSING, closes, s.id, s.name, s.id,
                           procedure=ja, procedure_en=en))
    return found


#: The states whose online window closing is a deadline (下書き / 入力完了).
NOT_FILED = (CaseStatus.DRAFT, CaseStatus.READY)


class _ClosingDays:
    """The day a case's online window closes when that is a ``window_closing`` deadline on
    ``today`` (a case not filed yet, its window open and closing within the threshold), else
    ``None``; worked out once per procedure and expiry date (an office's cases share a few
    hundred of them)."""

    def __init__(self, today: date, th: Thresholds, profile: str | None) -> None:
        self.today, self.th, self.profile = today, th, profile
        self._days: dict[tuple[str, str], date | None] = {}

    def of(self, s: CaseBrief) -> date | None:
        if s.status not in NOT_FILED:
            return None
        return self.day(s.procedure, s.expiry_date)

    def day(self, procedure: str, expiry_text: str) -> date | None:
        """For a case not filed yet, of ``procedure`` and this expiry date (as entered)."""
        key = (procedure, expiry_text)
        if key not in self._days:
            self._days[key] = self._closes(procedure, expiry_text)
        return self._days[key]

    def _closes(self, procedure: str, expiry_text: str) -> date | None:
        expiry = _day(expiry_text)
        if expiry is None:
            return None
        try:
            window = rules.application_window(procedure, self.today, expiry=expiry,
                                              profile=self.profile)
        except rules.RulesError:
            return None
        if window.closes is None or not 0 <= (window.closes - self.today).days \
                <= self.th.closing_days:
            return None
        if window.opens is not None and window.opens > self.today:
            return None  # not open yet: listed as opening, not closing
        return window.closes


def _windows_opening(store: CaseStore, briefs: _Briefs, today: date,
                     th: Thresholds, profile: str | None) -> list[Deadline]:
    entries = store.step_entries(CaseStatus.COMPLETED)
    if not entries:
        return []
    summaries = briefs.all()
    by_id = {s.id: s for s in summaries}
    prepared = {(s.name, _day(s.expiry_date)) for s in summaries
                if s.status not in (CaseStatus.COMPLETED, CaseStatus.REFUSED,
                                    CaseStatus.WITHDRAWN)}
    found = []
    for case_id, (_on, _due, granted) in entries.items():
        expiry = _day(granted)
        summary = by_id.get(case_id)
        if expiry is None or summary is None or (summary.name, expiry) in prepared:
            continue
        try:
            window = rules.application_window("renewal", today, expiry=expiry, profile=profile)
        except rules.RulesError:
            continue
        if window.opens is None or window.closes is None or window.closes < today:
            continue
        if (window.opens - today).days > th.opening_days:
            continue
        found.append(_make(DeadlineKind.WINDOW_OPENING, window.opens, case_id, summary.name,
                           case_id, closes=window.closes, expiry=expiry))
    return found


def _documents_due(store: CaseStore, briefs: _Briefs) -> list[Deadline]:
    entries = store.step_entries(CaseStatus.AWAITING_DOCUMENTS)
    if not entries:
        return []
    names = {s.id: s.name for s in briefs.all()}
    found = []
    for case_id, (_on, due_text, _granted) in entries.items():
        due = _day(due_text)
        if due is not None and case_id in names:
            found.append(_make(DeadlineKind.DOCUMENTS_DUE, due, case_id, names[case_id],
                               case_id))
    return found


def _results_awaited(store: CaseStore, briefs: _Briefs, today: date,
                     th: Thresholds) -> list[Deadline]:
    entries = store.step_entries(CaseStatus.FILED, current=False)
    if not entries:
        return []
    waiting = {s.id: s.name for s in briefs.all()
               if s.status in (CaseStatus.FILED, CaseStatus.ACCEPTED, CaseStatus.UNDER_REVIEW)}
    found = []
    for case_id, (filed_text, _due, _granted) in entries.items():
        filed = _day(filed_text)
        if filed is None or case_id not in waiting:
            continue
        after = filed + timedelta(days=th.result_days)
        if after <= today:
            found.append(_make(DeadlineKind.RESULT_AWAITED, after, case_id, waiting[case_id],
                               case_id, filed=filed, days=(today - filed).days))
    return found


def _office(store: CaseStore, today: date, th: Thresholds) -> list[Deadline]:
    from assistant.model.expiry import password_last_valid_day
    from assistant.model.office import OfficeStore

    found = []
    for profile in OfficeStore(store).list():
        name = profile.name or profile.id
        if profile.password_set_on is not None:
            last = password_last_valid_day(profile.password_set_on)
            if (last - today).days <= th.office_days:
                found.append(_make(DeadlineKind.OFFICE_PASSWORD, last, profile.id, name, None))
        if profile.certificate_expiry is not None:
            last = profile.certificate_expiry
            if (last - today).days <= th.office_days:
                found.append(_make(DeadlineKind.OFFICE_CERTIFICATE, last, profile.id, name,
                                   None))
    return found


WEEK_DAYS = 6  # today and the 6 days after it


def this_week(deadlines: Iterable[Deadline], today: date) -> list[Deadline]:
    """The deadlines due by the end of the 7 days from ``today`` (overdue included): the
    start-up summary 「今週が期限: N 件」."""
    return within(deadlines, today, WEEK_DAYS)


def week_count(store: CaseStore, today: date, thresholds: Thresholds = Thresholds(),
               profile: str | None = None, *, progress: object = None,
               cancelled: object = None) -> int:
    """``len(this_week(collect(…)))`` without making a :class:`Deadline` of every case whose
    window closes within the threshold (thousands at 100,000 cases): the cases not filed yet
    are counted by SQLite per procedure and expiry date (an index holds both), the other
    kinds (cases filed, awaiting documents or completed, and the office's own dates)
    collected as :func:`collect` does. For a worker thread (the GUI's start-up summary)."""
    last = today + timedelta(days=WEEK_DAYS)
    closing = _ClosingDays(today, thresholds, profile)
    due = 0
    for procedure, expiry_text, count in store.count_by_expiry(NOT_FILED):
        closes = closing.day(procedure, expiry_text)
        if closes is not None and closes <= last:
            due += count
    others = _others(store, _Briefs(store), today, thresholds, profile)
    return due + len(this_week(others, today))


def to_ics(deadlines: Iterable[Deadline], language: str = "ja",
           stamp: datetime | None = None) -> bytes:
    """The deadlines as an iCalendar file: one all-day VEVENT each, UID stable per kind and
    case (re-importing updates the events instead of adding copies)."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//zairyu-assistant//deadlines//JA")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "在留申請の期限" if language != "en" else "Application deadlines")
    moment = stamp or datetime.now().astimezone()
    for deadline in deadlines:
        event = Event()
        event.add("uid", deadline.uid)
        event.add("dtstamp", moment)
        event.add("dtstart", deadline.on)
        event.add("dtend", deadline.on + timedelta(days=1))
        event.add("summary", deadline.text(language))
        event.add("categories", [deadline.kind.value])
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data
