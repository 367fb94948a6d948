"""When the office's login stops working, and what to do before and after.

Two dates matter (docs/domain.md#credentials, ISA guide 6(1)):

* the password is valid for 1 year from the day it was set or changed;
* login stops working when the 届出済証明書 (agent certificate) expires; renewing it through the
  office's association (所属する単位会) restores access with the same 認証ID.

Warnings start ``warning_days_before`` (30, 7, 1; ``resources/office/rules.json``) days before
the last valid day and continue after it until the date is updated. Each warning says what to do
(texts in ``resources/messages/office.json``).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from assistant.model.dates import period_last_day
from assistant.model.office import StaffProfile, rules
from assistant.model.problems import Problem, Severity, message_texts


class ExpiryKind(enum.StrEnum):
    PASSWORD = "password"
    CERTIFICATE = "certificate"


def password_last_valid_day(set_on: date) -> date:
    """The last day a password set on ``set_on`` is valid.

    "設定又は変更した日から1年間" counted as Japanese law counts periods (民法 140, 143): the day
    of setting is not counted, and the period ends on the day before the corresponding day one
    year after the start (:func:`assistant.model.dates.period_last_day`). Set on 2025-11-26 →
    valid through 2026-11-26.
    """
    start = set_on + timedelta(days=1)
    return period_last_day(start, int(rules()["password_valid_years"]))


@dataclass(frozen=True)
class ExpiryWarning:
    """One warning for the main window: which date, how close, and the message (a Problem)."""

    staff_id: str
    kind: ExpiryKind
    last_valid_day: date
    days_left: int          # 0 = last valid day is today; negative = expired that many days ago
    stage: int | None       # the threshold reached (30, 7 or 1); None once expired
    problem: Problem

    @property
    def expired(self) -> bool:
        return self.days_left < 0

    def message(self, language: str = "ja") -> str:
        return self.problem.message(language)


def stage_for(days_left: int, thresholds: Iterable[int]) -> int | None:
    """The smallest threshold ``days_left`` has reached, or None if none (or expired)."""
    reached = [t for t in thresholds if 0 <= days_left <= t]
    return min(reached) if reached else None


def _warning(profile: StaffProfile, kind: ExpiryKind, last_valid: date,
             today: date) -> ExpiryWarning | None:
    days_left = (last_valid - today).days
    thresholds = [int(t) for t in rules()["warning_days_before"]]
    stage = stage_for(days_left, thresholds)
    if days_left >= 0 and stage is None:
        return None
    name = profile.name or profile.id
    if days_left < 0:
        code, severity, days = f"expiry_{kind.value}_expired", Severity.ERROR, -days_left
    elif days_left == 0:
        code, severity, days = f"expiry_{kind.value}_today", Severity.ERROR, 0
    else:
        code, severity, days = f"expiry_{kind.value}_soon", Severity.WARNING, days_left
    ja, en = message_texts(code, name=name, date=last_valid, days=days)
    problem = Problem(field=f"staff.{kind.value}_expiry", code=code, severity=severity,
                      message_ja=ja, message_en=en, params={"name": name, "days": days})
    return ExpiryWarning(staff_id=profile.id, kind=kind, last_valid_day=last_valid,
                         days_left=days_left, stage=stage, problem=problem)


def expiry_warnings(profile: StaffProfile, today: date) -> list[ExpiryWarning]:
    """The warnings due for ``profile`` on ``today`` (expired first)."""
    found: list[ExpiryWarning] = []
    if profile.password_set_on is not None:
        warning = _warning(profile, ExpiryKind.PASSWORD,
                           password_last_valid_day(profile.password_set_on), today)
        if warning:
            found.append(warning)
    if profile.certificate_expiry is not None:
        warning = _warning(profile, ExpiryKind.CERTIFICATE, profile.certificate_expiry, today)
        if warning:
            found.append(warning)
    return sorted(found, key=lambda w: w.days_left)


def office_warnings(profiles: Iterable[StaffProfile], today: date) -> list[ExpiryWarning]:
    """Warnings for every staff member, most urgent first."""
    found = [w for p in profiles for w in expiry_warnings(p, today)]
    return sorted(found, key=lambda w: w.days_left)
