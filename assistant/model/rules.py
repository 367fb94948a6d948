"""The rules engine: procedures, online filing windows, receipt methods, fees, statuses.

Every rule is data under ``resources/rules/`` (with its source); this module only reads it.
Rules that differ between rule profiles (``guide-2024``, the default, and ``system-2026``) are
kept in files keyed by profile id; :func:`profile_data` resolves a profile's section, following
``based_on`` (see ``resources/rules/README.md``).

Conventions (docs/domain.md#date-conventions): online filing is impossible on the expiry day itself and after it;
"3 months before" is the same day-of-month three calendar months earlier, clamped to the end of a
shorter month; "within 30 days" of an event does not count the event day.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from assistant.model.dates import add_months
from assistant.model.problems import MessageError, message_texts
from assistant.resources import load_json

RULES_DIR = "rules"


# --------------------------------------------------------------------------- errors


class RulesError(MessageError, ValueError):
    """A question the rules cannot answer as asked (bad procedure, missing date, …): ``code``
    is the message code in ``resources/messages/rules.json``, ``message_ja`` / ``message_en``
    are ready for the user."""


class UnknownProcedureError(RulesError):
    """The procedure id is not one of ``procedure_ids()``."""


class UnknownProfileError(RulesError):
    """The rule profile id is not one of ``profile_ids()``."""


class UnknownStatusError(RulesError):
    """The status-of-residence code is not in ``resources/rules/statuses.json``."""


class MissingDateError(RulesError):
    """A date the rule needs (expiry, event date) was not given."""


class InvalidCombinationError(RulesError):
    """Procedures that cannot go together (e.g. re-entry with a certificate of eligibility)."""


class FeeNotFoundError(RulesError):
    """No fee is recorded for this procedure / date / variant."""


# --------------------------------------------------------------------------- data types


@dataclass(frozen=True)
class Reason:
    """One explanation in a rules answer, in Japanese and English."""

    code: str
    message_ja: str
    message_en: str

    def message(self, language: str = "ja") -> str:
        return self.message_en if language == "en" else self.message_ja

    def to_json(self, language: str = "ja") -> dict[str, str]:
        return {"code": self.code, "message": self.message(language)}


def make_reason(code: str, **params: Any) -> Reason:
    """A reason whose dates read as each language shows them (:func:`message_texts`)."""
    ja, en = message_texts(code, **params)
    return Reason(code=code, message_ja=ja, message_en=en)


@dataclass(frozen=True)
class Profile:
    id: str
    label_ja: str
    label_en: str
    effective_from: date
    source: str
    description_ja: str = ""     # what the rule set means for the office, in a sentence
    description_en: str = ""


@dataclass(frozen=True)
class Procedure:
    id: str
    name_ja: str
    name_en: str
    window_kind: str
    simultaneous: bool
    main_procedures: tuple[str, ...]
    source: str
    window_params: Mapping[str, Any] = field(default_factory=dict)
    # The case value (a 同時申請 check box of Step 1) that asks for this simultaneous
    # application; None for a main procedure.
    flag_field: str | None = None

    @property
    def needs_expiry(self) -> bool:
        return self.window_kind in _EXPIRY_KINDS

    @property
    def needs_event_date(self) -> bool:
        return self.window_kind == "within-days-of-event"


@dataclass(frozen=True)
class Status:
    code: str
    name_ja: str
    name_en: str
    offered_by: tuple[str, ...]
    online: bool
    source: str


@dataclass(frozen=True)
class WindowResult:
    """Whether ``procedure`` can be filed online on a date, the window, and why."""

    procedure: str
    online_possible: bool
    opens: date | None
    closes: date | None
    reasons: list[Reason]
    on: date
    expired: bool = False

    def to_json(self, language: str = "ja") -> dict[str, Any]:
        return {
            "procedure": self.procedure,
            "online_possible": self.online_possible,
            "opens": self.opens.isoformat() if self.opens else None,
            "closes": self.closes.isoformat() if self.closes else None,
            "reasons": [r.to_json(language) for r in self.reasons],
        }


@dataclass(frozen=True)
class ReceiptResult:
    """The receipt methods left for a procedure, and why the others are excluded."""

    procedure: str
    methods: list[str]
    reasons: list[Reason]

    def to_json(self, language: str = "ja") -> dict[str, Any]:
        return {
            "procedure": self.procedure,
            "methods": list(self.methods),
            "reasons": [r.to_json(language) for r in self.reasons],
        }


@dataclass(frozen=True)
class Fee:
    procedure: str
    amount_yen: int
    online: bool
    variant: str | None
    effective_from: date
    source: str


@dataclass(frozen=True)
class StatusEligibility:
    """Whether applications for/into a status can be filed online; truthy when they can."""

    code: str
    online_possible: bool
    reason: Reason | None

    def __bool__(self) -> bool:
        return self.online_possible


# --------------------------------------------------------------------------- profiles


def _profiles_doc() -> Mapping[str, Any]:
    doc: Mapping[str, Any] = load_json(RULES_DIR, "profiles.json")
    return doc


def profile_ids() -> list[str]:
    """Ids of the selectable rule profiles, oldest first."""
    profiles: Mapping[str, Any] = _profiles_doc()["profiles"]
    return sorted(profiles, key=lambda pid: str(profiles[pid]["effective_from"]))


def default_profile_id() -> str:
    return str(_profiles_doc()["default"])


def _resolve_profile(profile: str | None) -> str:
    if profile is None:
        return default_profile_id()
    if profile not in _profiles_doc()["profiles"]:
        raise UnknownProfileError("rules_unknown_profile", profile=profile,
                                  choices=", ".join(profile_ids()))
    return profile


def get_profile(profile_id: str) -> Profile:
    """Return a rule profile; raise :class:`UnknownProfileError` for an unknown id."""
    pid = _resolve_profile(profile_id)
    raw = _profiles_doc()["profiles"][pid]
    return Profile(id=pid, label_ja=str(raw["label_ja"]), label_en=str(raw["label_en"]),
                   effective_from=date.fromisoformat(raw["effective_from"]),
                   source=str(raw["source"]),
                   description_ja=str(raw.get("description_ja", "")),
                   description_en=str(raw.get("description_en", "")))


def profile_data(filename: str, profile: str | None = None) -> dict[str, Any]:
    """Return ``resources/rules/<filename>``'s section for ``profile`` (default profile if None).

    A section ``{"based_on": "<other id>", ...}`` takes the other profile's section and replaces
    the keys it gives; a dict value is merged key by key (one level). Missing profile sections
    raise :class:`UnknownProfileError`.
    """
    pid = _resolve_profile(profile)
    doc: Mapping[str, Any] = load_json(RULES_DIR, filename)
    return _resolved_section(doc, pid, filename, ())


def _resolved_section(doc: Mapping[str, Any], pid: str, filename: str,
                      seen: tuple[str, ...]) -> dict[str, Any]:
    if pid in seen:
        raise ValueError(f"{filename}: based_on loop through {pid!r}")
    section = doc.get(pid)
    if not isinstance(section, Mapping):
        raise UnknownProfileError("rules_profile_missing_in_file", profile=pid, file=filename)
    base_id = section.get("based_on")
    merged: dict[str, Any] = {}
    if isinstance(base_id, str):
        merged = _resolved_section(doc, base_id, filename, (*seen, pid))
    for key, value in section.items():
        if key == "based_on":
            continue
        old = merged.get(key)
        if isinstance(old, Mapping) and isinstance(value, Mapping):
            merged[key] = {**old, **value}
        else:
            merged[key] = value
    return merged


# --------------------------------------------------------------------------- procedures

_EXPIRY_KINDS = frozenset({"from-reason-to-day-before-expiry", "months-before-expiry",
                           "until-day-before-expiry"})


def _procedures_doc() -> Mapping[str, Any]:
    doc: Mapping[str, Any] = load_json(RULES_DIR, "procedures.json")
    return doc


def procedure_ids() -> list[str]:
    """Procedure ids in the seed's order (main procedures, then simultaneous ones)."""
    return list(_procedures_doc()["procedures"])


def main_procedure_ids() -> list[str]:
    return [pid for pid in procedure_ids() if not get_procedure(pid).simultaneous]


def get_procedure(procedure: str) -> Procedure:
    """Return a procedure; raise :class:`UnknownProcedureError` for an unknown id."""
    procedures: Mapping[str, Any] = _procedures_doc()["procedures"]
    raw = procedures.get(procedure)
    if raw is None:
        raise UnknownProcedureError("rules_unknown_procedure", procedure=procedure,
                                    choices=", ".join(procedures))
    window = dict(raw["window"])
    kind = str(window.pop("kind"))
    return Procedure(id=procedure, name_ja=str(raw["name_ja"]), name_en=str(raw["name_en"]),
                     window_kind=kind, simultaneous=bool(raw["simultaneous"]),
                     main_procedures=tuple(raw.get("main_procedures", ())),
                     source=str(raw["source"]), window_params=window,
                     flag_field=raw.get("flag_field"))


def _names(procedure: Procedure, prefix: str = "procedure") -> dict[str, str]:
    return {f"{prefix}_ja": procedure.name_ja, f"{prefix}_en": procedure.name_en}


def simultaneous_procedures(values: Mapping[str, str]) -> list[str]:
    """The simultaneous applications a case's 同時申請 check boxes ask for (``reentry``, …),
    in the order of procedures.json (each procedure's ``flag_field`` names its check box)."""
    from assistant.model.fields import flag_set

    found = []
    for pid in procedure_ids():
        flag = get_procedure(pid).flag_field
        if flag is not None and flag_set(values.get(flag, ""), flag):
            found.append(pid)
    return found


def check_simultaneous(main_procedure: str, simultaneous: Iterable[str]) -> None:
    """Raise unless every id in ``simultaneous`` may be filed together with ``main_procedure``."""
    main = get_procedure(main_procedure)
    for pid in simultaneous:
        extra = get_procedure(pid)
        if not extra.simultaneous:
            raise InvalidCombinationError("rules_not_simultaneous", **_names(extra))
        if main.id not in extra.main_procedures:
            raise InvalidCombinationError("rules_bad_combination", **_names(extra),
                                          **_names(main, "main"))


# --------------------------------------------------------------------------- windows


def application_window(procedure: str, on: date, expiry: date | None = None,
                       event_date: date | None = None, reason_date: date | None = None,
                       main_procedure: str | None = None,
                       profile: str | None = None) -> WindowResult:
    """Can ``procedure`` be filed online on ``on``? With the window's first and last day.

    ``expiry`` is the period-of-stay expiry date (change, renewal, work-cert), ``event_date`` the
    birth or other event (acquisition), ``reason_date`` the day the reason for a change arises
    (for ``change``, ``event_date`` is used when ``reason_date`` is not given). Re-entry and
    extra-activity take ``main_procedure``'s window. Raises :class:`RulesError` subclasses for
    questions that cannot be answered (unknown ids, a missing date, a wrong combination).
    """
    _resolve_profile(profile)
    proc = get_procedure(procedure)
    if proc.simultaneous:
        if main_procedure is None:
            raise MissingDateError("rules_main_required", **_names(proc))
        check_simultaneous(main_procedure, [proc.id])
        main_result = application_window(main_procedure, on, expiry=expiry,
                                         event_date=event_date, reason_date=reason_date,
                                         profile=profile)
        same = make_reason("rules_window_same_as_main", **_names(proc),
                           **_names(get_procedure(main_procedure), "main"))
        return WindowResult(procedure=proc.id, online_possible=main_result.online_possible,
                            opens=main_result.opens, closes=main_result.closes,
                            reasons=[same, *main_result.reasons], on=on,
                            expired=main_result.expired)
    if main_procedure is not None:
        raise InvalidCombinationError("rules_main_not_allowed", **_names(proc))

    kind = proc.window_kind
    if kind == "none":
        return WindowResult(procedure=proc.id, online_possible=True, opens=None, closes=None,
                            reasons=[make_reason("rules_window_no_limit", **_names(proc))], on=on)
    if kind == "within-days-of-event":
        if event_date is None:
            raise MissingDateError("rules_event_required", **_names(proc))
        days = int(proc.window_params["days"])
        # The event day is not counted (民法140条): event 01-01, 30 days -> last day 01-31.
        return _judge(proc, on, opens=event_date, closes=event_date + timedelta(days=days),
                      expiry=None, days=days)
    if expiry is None:
        if proc.window_params.get("no_expiry_means_no_limit"):
            # 永住者・特別永住者 have no period of stay, so nothing closes their window.
            return WindowResult(procedure=proc.id, online_possible=True, opens=None, closes=None,
                                reasons=[make_reason("rules_window_no_expiry", **_names(proc))],
                                on=on)
        raise MissingDateError("rules_expiry_required", **_names(proc))
    closes = expiry - timedelta(days=1)
    if kind == "months-before-expiry":
        months = int(proc.window_params["months"])
        return _judge(proc, on, opens=add_months(expiry, -months), closes=closes, expiry=expiry,
                      months=months)
    if kind == "until-day-before-expiry":
        return _judge(proc, on, opens=None, closes=closes, expiry=expiry)
    if kind == "from-reason-to-day-before-expiry":
        reason = reason_date if reason_date is not None else event_date
        return _judge_change(proc, on, reason, closes, expiry)
    raise ValueError(f"procedures.json: unknown window kind {kind!r} for {proc.id}")


def _iso(day: date | None) -> date | str:
    """A date for a reason's message, shown as each language reads it (:func:`make_reason`)."""
    return day if day else ""


def _after_expiry_reasons(proc: Procedure, on: date, expiry: date) -> list[Reason]:
    if on == expiry:
        return [make_reason("rules_window_expiry_day", on=_iso(on), **_names(proc))]
    return [make_reason("rules_window_after_expiry", on=_iso(on), expiry=_iso(expiry),
                        **_names(proc))]


def _judge(proc: Procedure, on: date, opens: date | None, closes: date,
           expiry: date | None, **params: Any) -> WindowResult:
    names = _names(proc)
    if opens is not None and on < opens:
        code = "rules_window_event_in_future" if proc.needs_event_date \
            else "rules_window_not_yet_open"
        reason = make_reason(code, opens=_iso(opens), closes=_iso(closes), expiry=_iso(expiry),
                             on=_iso(on), **params, **names)
        return WindowResult(proc.id, False, opens, closes, [reason], on)
    if on > closes:
        if expiry is not None:
            reasons = _after_expiry_reasons(proc, on, expiry)
        else:
            reasons = [make_reason("rules_window_closed", opens=_iso(opens), closes=_iso(closes),
                                   on=_iso(on), **params, **names)]
        return WindowResult(proc.id, False, opens, closes, reasons, on, expired=True)
    reason = make_reason("rules_window_open", closes=_iso(closes),
                         days=days_left(closes, on), **names)
    return WindowResult(proc.id, True, opens, closes, [reason], on)


def _judge_change(proc: Procedure, on: date, reason_date: date | None, closes: date,
                  expiry: date) -> WindowResult:
    names = _names(proc)
    if on > closes:
        return WindowResult(proc.id, False, reason_date, closes,
                            _after_expiry_reasons(proc, on, expiry), on, expired=True)
    if reason_date is not None and reason_date > closes:
        reason = make_reason("rules_change_reason_after_expiry", reason=_iso(reason_date),
                             closes=_iso(closes), **names)
        return WindowResult(proc.id, False, reason_date, closes, [reason], on)
    if reason_date is not None and on < reason_date:
        reason = make_reason("rules_change_before_reason", reason=_iso(reason_date),
                             on=_iso(on), **names)
        return WindowResult(proc.id, False, reason_date, closes, [reason], on)
    reasons = [make_reason("rules_window_open", closes=_iso(closes),
                           days=days_left(closes, on), **names)]
    if reason_date is None:
        reasons.append(make_reason("rules_change_reason_unknown", **names))
    return WindowResult(proc.id, True, reason_date, closes, reasons, on)


def days_left(closes: date, on: date) -> int:
    """Days after ``on`` up to and including ``closes`` (0 on the last day, negative after)."""
    return (closes - on).days


def urgent_days() -> int:
    """A window closing within this many days is urgent (procedures.json ``urgent_days``)."""
    return int(_procedures_doc()["urgent_days"]["value"])


def window_urgent(result: WindowResult, on: date) -> bool:
    """Whether Step 1 shows the window in red: online filing is not possible on ``on``, or
    the window closes within :func:`urgent_days`; else it is shown in green."""
    if not result.online_possible:
        return True
    return result.closes is not None and days_left(result.closes, on) < urgent_days()


def _short_date(day: date, on: date) -> tuple[str, str]:
    code = "rules_date_same_year" if day.year == on.year else "rules_date_other_year"
    return message_texts(code, year=day.year, month=day.month, day=day.day, iso=day.isoformat())


def window_summary(result: WindowResult, on: date) -> tuple[str, str]:
    """A short (Japanese, English) wording for the case list, e.g. 「申請可能 あと45日」."""
    if result.online_possible:
        if result.closes is None:
            return message_texts("rules_summary_no_limit")
        left = days_left(result.closes, on)
        if left == 0:
            return message_texts("rules_summary_last_day")
        # (short: the case list's column; "1 day", not "1 days")
        return message_texts("rules_summary_open_one" if left == 1 else "rules_summary_open",
                             days=left)
    if result.expired:
        return message_texts("rules_summary_expired")
    if result.opens is not None and on < result.opens and \
            (result.closes is None or result.opens <= result.closes):
        ja, en = _short_date(result.opens, on)
        return message_texts("rules_summary_opens", date_ja=ja, date_en=en)
    return message_texts("rules_summary_not_possible")


# --------------------------------------------------------------------------- receipt


def receipt_methods(procedure: str, with_: Iterable[str] = (), no_card: bool = False,
                    granted_period_months: int | None = None, new_kanji_name: bool = False,
                    card_has_kanji: bool = False, profile: str | None = None) -> ReceiptResult:
    """Which receipt methods (``mail``, ``counter``, ``email``) remain, and why others do not.

    ``with_``: simultaneous applications (``reentry``, ``extra-activity``); ``no_card``: the
    permit is stamped in the passport; ``granted_period_months``: the period of stay granted
    (3 months or less means no card); ``new_kanji_name``: a new request to show the name in
    kanji on the card, which does not count when ``card_has_kanji``.
    """
    proc = get_procedure(procedure)
    extras = list(dict.fromkeys(with_))
    if proc.simultaneous:
        raise InvalidCombinationError("rules_receipt_for_main_only", **_names(proc))
    check_simultaneous(proc.id, extras)
    if granted_period_months is not None and granted_period_months < 1:
        raise RulesError("rules_bad_months", months=granted_period_months)
    data = profile_data("receipt.json", profile)
    offered: list[str] = list(data["methods"][proc.id])
    reasons: list[Reason] = []
    known = {m for methods_of in data["methods"].values() for m in methods_of}
    for method in _ALL_METHODS:
        if method in known and method not in offered:
            reasons.append(make_reason("rules_receipt_not_offered", method=method,
                                       **_method_names(method), **_names(proc)))
    conditions = {
        "simultaneous": bool(extras),
        "no-card": no_card,
        "new-kanji-name": new_kanji_name and not card_has_kanji,
    }
    methods = list(offered)
    for rule in data["exclusions"]:
        when = str(rule["when"])
        if when == "short-period":
            applies = granted_period_months is not None and \
                granted_period_months <= int(rule["max_months"])
        else:
            applies = conditions[when]
        if not applies or proc.id not in rule["applies_to"]:
            continue
        excluded = str(rule["excludes"])
        if excluded in methods:
            methods.remove(excluded)
        reasons.append(make_reason(str(rule["code"]), months=granted_period_months,
                                   max_months=rule.get("max_months"),
                                   extras_ja="・".join(get_procedure(e).name_ja for e in extras),
                                   extras_en=", ".join(get_procedure(e).name_en for e in extras),
                                   **_method_names(excluded), **_names(proc)))
    if new_kanji_name and card_has_kanji and proc.id in _kanji_rule_procedures(data):
        reasons.append(make_reason("rules_receipt_kanji_already_on_card"))
    return ReceiptResult(procedure=proc.id, methods=methods, reasons=reasons)


_ALL_METHODS = ("mail", "counter", "email")


def _method_names(method: str) -> dict[str, str]:
    ja, en = message_texts(f"rules_method_{method}")
    return {"method_ja": ja, "method_en": en}


def method_label(method: str) -> tuple[str, str]:
    """(Japanese, English) label of a receipt method id."""
    return message_texts(f"rules_method_{method}")


def _kanji_rule_procedures(data: Mapping[str, Any]) -> list[str]:
    for rule in data["exclusions"]:
        if rule["when"] == "new-kanji-name":
            return list(rule["applies_to"])
    return []


def receipt_change_allowed_states(profile: str | None = None) -> list[str]:
    """The ISA case states (as shown) in which the receipt method can still be changed."""
    return list(profile_data("receipt.json", profile)["change_allowed_while"])


# --------------------------------------------------------------------------- fees


def fee(procedure: str, on: date, online: bool, variant: str | None = None,
        profile: str | None = None) -> Fee:
    """The fee (yen) for ``procedure`` filed on ``on``, online or at the window.

    ``variant`` selects e.g. re-entry ``single`` / ``multiple``. Raises
    :class:`FeeNotFoundError` when the table has no amount for it.
    """
    proc = get_procedure(procedure)
    tables = profile_data("fees.json", profile)["tables"]
    applicable = [t for t in tables if date.fromisoformat(t["effective_from"]) <= on]
    if not applicable:
        raise FeeNotFoundError("rules_fee_unknown", on=on, **_names(proc))
    table = max(applicable, key=lambda t: str(t["effective_from"]))
    entry = table["fees"].get(proc.id)
    if entry is None:
        raise FeeNotFoundError("rules_fee_unknown", on=on, **_names(proc))
    if "counter" not in entry:
        if variant is None or variant not in entry:
            raise FeeNotFoundError("rules_fee_variant_required", variants=", ".join(entry),
                                   **_names(proc))
        entry = entry[variant]
    elif variant is not None:
        raise FeeNotFoundError("rules_fee_no_variants", variant=variant, **_names(proc))
    amount = int(entry["online" if online else "counter"])
    return Fee(procedure=proc.id, amount_yen=amount, online=online, variant=variant,
               effective_from=date.fromisoformat(table["effective_from"]),
               source=str(table["source"]))


# --------------------------------------------------------------------------- statuses


def _statuses_doc() -> Mapping[str, Any]:
    doc: Mapping[str, Any] = load_json(RULES_DIR, "statuses.json")
    return doc


def statuses(procedure: str | None = None) -> list[Status]:
    """Every status of residence (in the ISA lists' order), or those ``procedure`` offers."""
    if procedure is not None:
        get_procedure(procedure)
    result = []
    for raw in _statuses_doc()["statuses"]:
        status = _status_from(raw)
        if procedure is None or procedure in status.offered_by:
            result.append(status)
    return result


def _status_from(raw: Mapping[str, Any]) -> Status:
    return Status(code=str(raw["code"]), name_ja=str(raw["name_ja"]),
                  name_en=str(raw["name_en"]), offered_by=tuple(raw["offered_by"]),
                  online=bool(raw["online"]), source=str(raw.get("online_source", "")))


def get_status(code: str) -> Status:
    for raw in _statuses_doc()["statuses"]:
        if raw["code"] == code:
            return _status_from(raw)
    raise UnknownStatusError("rules_unknown_status", status=code)


def online_eligible_status(code: str, designation: str | None = None) -> StatusEligibility:
    """Can an application by a holder of, or for a change into, status ``code`` go online?

    ``designation`` is the 特定活動 designation (e.g. ``出国準備期間``), which can rule it out.
    """
    status = get_status(code)
    if not status.online:
        return StatusEligibility(code, False, make_reason(
            "rules_status_not_online", status_ja=status.name_ja, status_en=status.name_en))
    if designation:
        for rule in _statuses_doc()["not_online_designations"]:
            if rule["code"] == code and designation in (rule["designation_ja"],
                                                        rule["designation_en"]):
                return StatusEligibility(code, False, make_reason(
                    "rules_status_designation_not_online", status_ja=status.name_ja,
                    status_en=status.name_en, designation_ja=rule["designation_ja"],
                    designation_en=rule["designation_en"]))
    return StatusEligibility(code, True, None)


def status_reasons(procedure: str, current: str | None = None, desired: str | None = None,
                   current_designation: str | None = None,
                   desired_designation: str | None = None) -> list[Reason]:
    """Why statuses rule out filing ``procedure`` online (an empty list: they do not).

    ``current`` is the applicant's status (change, renewal, …), ``desired`` the status applied
    for (change: 希望する在留資格; coe: the status sought). Both the holder's status and a change
    into a status count (docs/domain.md#not-online); a status that the procedure's ISA list does not offer is
    reported too.
    """
    proc = get_procedure(procedure)
    reasons: list[Reason] = []
    roles = ((current, current_designation, "current"), (desired, desired_designation, "desired"))
    for code, designation, role in roles:
        if not code:
            continue
        eligibility = online_eligible_status(code, designation)
        if eligibility.reason is not None:
            reasons.append(eligibility.reason)
            continue
        offering = {"current": ("change", "renewal"), "desired": ("coe", "change")}[role]
        status = get_status(code)
        if proc.id in offering and proc.id not in status.offered_by:
            role_ja, role_en = message_texts(f"rules_role_{role}")
            reasons.append(make_reason("rules_status_not_offered", status_ja=status.name_ja,
                                       status_en=status.name_en, role_ja=role_ja,
                                       role_en=role_en, **_names(proc)))
    return reasons


def reception_note() -> Reason:
    """When the online system accepts applications (24 h / 365 days, maintenance stops)."""
    reception = _procedures_doc()["reception"]
    if not reception["every_day"]:
        raise ValueError("procedures.json: only every-day reception is modelled")
    return make_reason("rules_reception_hours")


def receipt_method_changeable(isa_state: str, profile: str | None = None) -> bool:
    """True while the receipt method can still be changed (ISA shows 申請完了 or 審査中)."""
    return isa_state.strip() in receipt_change_allowed_states(profile)
