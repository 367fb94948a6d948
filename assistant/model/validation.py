"""Validation of field values and whole cases against the ISA template rules.

Every rule is written once, here, and reads its limits from the field catalogue
(:mod:`assistant.model.fields`: character class, length, pattern, code list, conditions) and
``resources/fields/patterns.json``; texts are in ``resources/messages/validation.json``.
Nothing raises for user input: everything wrong is a :class:`~assistant.model.problems.Problem`.

Public API (stable)::

    validate_field(field, value, context) -> list[Problem]   # one value, as the office types it
    validate_case(case, on, profile=None) -> list[Problem]   # everything, incl. cross-field rules
    is_required(field, values, index=None) -> bool            # required / required-when resolved
    applies(field, values) -> bool                            # applies-when (simultaneous blocks)

``context`` is a :class:`FieldContext`: the filing date ``on`` (for "not in the future" and
"passport valid on the filing date"), the case's other ``values`` (for code lists that depend on
another field and for required-when) and the value's ``key`` (``relative_name[2]`` for a repeat
member; the problem names that key).

Cross-field rules in :func:`validate_case`: phone or mobile; required-when conditions; repeat
groups (at least one entry when 有, complete entries, at most ``max``); date order (from ≤ to);
the receipt method allowed (:func:`assistant.model.rules.receipt_methods`); the online
application window (:func:`assistant.model.rules.application_window`) and online eligibility of
the statuses (:func:`assistant.model.rules.online_eligible_status`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from assistant.model import kubun, rules
from assistant.model.case import KUBUN_ACTIVITY, Case, ReceiptMethod, repeat_key, split_key
from assistant.model.codelists import CodeEntry, CodeList, code_list
from assistant.model.eras import DateResult, parse_date, parse_year_month
from assistant.model.fields import (
    PROCEDURES,
    Catalogue,
    Condition,
    FieldDef,
    catalogue,
)
from assistant.model.problems import Problem, Severity, make_problem, message_texts
from assistant.resources import load_json


@dataclass(frozen=True)
class FieldContext:
    """What :func:`validate_field` needs besides the value."""

    on: date
    values: Mapping[str, str] = field(default_factory=dict)
    key: str | None = None
    check_required: bool = True


@cache
def _patterns() -> dict[str, tuple[re.Pattern[str], str]]:
    data = load_json("fields", "patterns.json")
    return {name: (re.compile(spec["regex"]), spec["code"])
            for name, spec in data.items() if not name.startswith("_")}


@cache
def _group_labels(group_id: str) -> tuple[str, str]:
    """The Japanese and English name of a repeat group (the same in every catalogue)."""
    for procedure in PROCEDURES:
        for group in catalogue(procedure).groups:
            if group.id == group_id:
                return group.label_ja, group.label_en
    return group_id, group_id


def field_labels(f: FieldDef, key: str | None = None) -> tuple[str, str]:
    """The Japanese and English label a message names the field by; a repeat member's says
    which entry (「職歴 2件目 入社 年月」), from texts in resources/messages/validation.json."""
    _, index = split_key(key or f.id)
    if f.group is None or index is None:
        return f.label_ja, f.label("en")
    group_ja, group_en = _group_labels(f.group)
    return message_texts("repeat_member_label", group=group_ja, group_en=group_en, index=index,
                         label=f.label_ja, label_en=f.label("en"))


def _problem(f: FieldDef, key: str, code: str, severity: Severity = Severity.ERROR,
             **params: Any) -> Problem:
    label_ja, label_en = field_labels(f, key)
    return make_problem(key, code, severity, label=label_ja, label_en=label_en, **params)


# --------------------------------------------------------------------------- conditions

def _value_for(values: Mapping[str, str], field_id: str, index: int | None) -> str:
    """The value of ``field_id``; within a repeat instance the member's own index is tried first."""
    if index is not None:
        member = values.get(repeat_key(field_id, index))
        if member is not None:
            return member
    return values.get(field_id, "")


def condition_holds(cond: Condition, values: Mapping[str, str], cat: Catalogue | None = None,
                    index: int | None = None) -> bool:
    """Whether ``cond`` holds for the case ``values`` (labels and codes compare equal)."""
    value = _value_for(values, cond.field, index).strip()
    if cond.flag:
        list_id = cat.field(cond.field).code_list if cat is not None and \
            cat.has_field(cond.field) else None
        return cond.holds_for_flag(value, list_id)
    if cond.filled:
        return bool(value)
    if not value:
        return False
    if value in cond.equals:
        return True
    if cat is not None and cat.has_field(cond.field):
        list_id = cat.field(cond.field).code_list
        if list_id:
            codes = code_list(list_id)
            entry = codes.lookup(value)
            if entry is not None:
                return any(codes.lookup(v) == entry for v in cond.equals)
    return False


@cache
def _owner(f: FieldDef) -> Catalogue | None:
    """The catalogue this field definition comes from (conditions read its code lists)."""
    for procedure in f.procedures:
        cat = catalogue(procedure)
        if f in cat.fields:
            return cat
    return None


def is_required(f: FieldDef, values: Mapping[str, str], index: int | None = None,
                cat: Catalogue | None = None) -> bool:
    """Whether ``f`` must be filled, given the other values (repeat members: see groups)."""
    if cat is None:
        cat = _owner(f)
    if not applies(f, values, cat):
        return False
    if f.required:
        return True
    if f.required_when is not None:
        return condition_holds(f.required_when, values, cat, index)
    return False


def applies(f: FieldDef, values: Mapping[str, str], cat: Catalogue | None = None) -> bool:
    """Whether ``f`` is part of the application (e.g. re-entry fields only when re-entry is on;
    a field of another 区分 than the case's never, docs/domain.md#categories)."""
    owner = cat if cat is not None else _owner(f)
    if owner is not None and not kubun.field_in_scope(owner, f, values):
        return False
    return f.applies_when is None or condition_holds(f.applies_when, values, cat)


# --------------------------------------------------------------------------- one field

def _chars(text: str, predicate: Any) -> str:
    found = []
    for ch in text:
        if predicate(ch) and ch not in found:
            found.append(ch)
    return "".join(found[:5])


def _is_halfwidth(ch: str) -> bool:
    return ch.isascii() or "\uff61" <= ch <= "\uff9f"


def _is_fullwidth_violation(ch: str) -> bool:
    # ASCII (except line breaks) and half-width katakana are not full-width.
    return (ch.isascii() and ch not in "\r\n") or "\uff61" <= ch <= "\uff9f"


# What a spreadsheet reads as the start of a formula: = + - @ (and their full-width forms,
# which a 全角 column stores and Japanese Excel also reads), after any leading spaces and
# invisible control or format characters (a tab or CR before "=" is still a formula).
_FORMULA_STARTS = frozenset("=+-@\uff1d\uff0b\uff0d\uff20")
_SKIPPED_AT_START = frozenset(("Cc", "Cf", "Zs", "Zl", "Zp"))
_EXPONENT = re.compile(r"[0-9]+(?:\.[0-9]+)?[Ee][+-]?[0-9]+")


def formula_start(value: str) -> str | None:
    """The character that makes a spreadsheet read ``value`` as a formula, or None.

    The ISA templates have no free-text column whose value needs to start with one of them
    (phone numbers and amounts are digits only), so such a value is an error, not escaped.
    """
    for ch in value:
        if ch in _FORMULA_STARTS:
            return ch
        if unicodedata.category(ch) not in _SKIPPED_AT_START:
            return None
    return None


def _char_class_problems(f: FieldDef, key: str, value: str) -> list[Problem]:
    cls = f.char_class
    if cls == "digits" and _EXPONENT.fullmatch(value):
        # 1.23457E+12: a spreadsheet rounded the number; the digits are lost
        return [_problem(f, key, "field_exponent_notation", value=value)]
    if cls == "digits" and not (value.isascii() and value.isdigit()):
        return [_problem(f, key, "field_not_digits", value=value)]
    if cls in ("halfwidth", "halfwidth_upper"):
        wide = _chars(value, lambda ch: not ch.isascii())
        if wide:
            return [_problem(f, key, "field_not_halfwidth", chars=wide)]
    if cls == "halfwidth_upper" and any("a" <= ch <= "z" for ch in value):
        return [_problem(f, key, "field_not_uppercase")]
    if cls == "fullwidth":
        narrow = _chars(value, _is_fullwidth_violation)
        if narrow:
            return [_problem(f, key, "field_not_fullwidth", chars=narrow)]
    return []


def _length_problems(f: FieldDef, key: str, value: str) -> list[Problem]:
    length = len(value)
    if f.min_length is not None and f.min_length == f.max_length and length != f.max_length:
        return [_problem(f, key, "field_wrong_length", min=f.min_length, length=length)]
    if f.max_length is not None and length > f.max_length:
        return [_problem(f, key, "field_too_long", max=f.max_length, length=length)]
    return []


def _date_problems(f: FieldDef, key: str, value: str, ctx: FieldContext) -> list[Problem]:
    result: DateResult
    if f.kind == "year_month":
        result = parse_year_month(value) if re.fullmatch(r"[0-9]{6}", value) else DateResult(
            error="year_month_unreadable", params={"value": value})
    elif re.fullmatch(r"[0-9]{8}", value):
        result = parse_date(value, allow_unknown=f.date_unknown_markers)
    else:
        result = DateResult(error="date_unreadable", params={"value": value})
    if not result.ok:
        params = {k: v for k, v in result.params.items() if k != "value"}
        return [_problem(f, key, result.error, value=value, **params)]
    day = result.date
    if day is None:  # unknown parts: only the known year can be checked
        year = int(value[:4])
        if value != "99999999" and year > ctx.on.year and f.past_only:
            return [_problem(f, key, "date_in_future", value=value)]
        return []
    if f.past_only and day > ctx.on:
        return [_problem(f, key, "date_in_future", value=value)]
    if f.future_only and day < ctx.on:
        return [_problem(f, key, "date_in_past", Severity.WARNING, value=value)]
    if f.id == "passport_expiry" and day < ctx.on:
        # The passport must still be valid on the filing date (both dates as the office
        # reads them: 2026年11月25日（令和8年）).
        label_ja, label_en = field_labels(f, key)
        return [make_problem(key, "passport_expired", Severity.ERROR, label=label_ja,
                              label_en=label_en, value=day, on=ctx.on)]
    return []


def _parent_value(f: FieldDef, values: Mapping[str, str], index: int | None) -> str:
    if not f.parent:
        return ""
    for parent_id in f.parent.split("|"):
        value = _value_for(values, parent_id, index).strip()
        if value:
            return value
    return ""


# Dependent lists whose mismatch has a message of its own; every other dependent list
# (作業 by 職種, 業務区分 by 特定産業分野, …) is worded from the code list's name.
_PARENT_MESSAGES = {"period": ("period_not_for_status", "status"),
                    "municipality": ("municipality_not_in_prefecture", "prefecture")}


def _not_for_parent(f: FieldDef, key: str, codes: CodeList, value: str, parent: str) -> Problem:
    """``value`` is in the list but not among the choices its parent value allows."""
    special = _PARENT_MESSAGES.get(codes.id)
    if special is not None:
        code, parent_param = special
        params: dict[str, Any] = {"value": value, parent_param: parent}
        return _problem(f, key, code, **params)
    return _problem(f, key, "choice_not_for_parent", value=value, parent=parent,
                    list_name=codes.name_ja, list_name_en=codes.name_en)


def _code_problems(f: FieldDef, key: str, value: str, ctx: FieldContext,
                   index: int | None) -> list[Problem]:
    if f.code_list is None:
        return []
    codes = code_list(f.code_list)
    entry: CodeEntry | None = codes.lookup(value)
    if entry is None:
        from assistant.model.normalize import normalize_code

        suggestion = normalize_code(f, value)
        if suggestion != value and codes.lookup(suggestion) is not None:
            # e.g. "中国" typed by hand: the workbook's choice is "中国 People's Republic of China"
            return [_problem(f, key, "field_use_list_label", value=value, label_value=suggestion)]
        return [_problem(f, key, "field_not_in_list", value=value)]
    if value not in (entry.label, entry.code):
        # " 有 Yes": the list holds it, but the cell would be written with the spaces
        return [_problem(f, key, "field_use_list_label", value=value, label_value=entry.label)]
    parent = _parent_value(f, ctx.values, index)
    if parent and codes.by_parent:
        allowed = codes.entries_for(parent)
        if allowed is not codes.entries and entry not in allowed:
            return [_not_for_parent(f, key, codes, value, parent)]
    split = codes.split_choices(entry.label)
    if split:
        # the online page asks which of the joint choice's statuses (docs/domain.md#online-page)
        return [_problem(f, key, "field_joint_choice", Severity.WARNING, value=entry.label_ja,
                         choices="」「".join(e.label_ja for e in split),
                         choices_en='", "'.join(e.label_en for e in split))]
    if not entry.verified:
        return [_problem(f, key, "field_unverified_code", Severity.WARNING, value=value)]
    return []


def validate_field(f: FieldDef, value: str, context: FieldContext) -> list[Problem]:
    """Problems with ``value`` for field ``f`` (empty list when it is fine).

    The value is checked as stored (normalise first with
    :func:`assistant.model.normalize.normalize_value`): required, character class, length,
    pattern, real dates (not in the future where impossible, passport valid on the filing date),
    code-list membership (and, for a dependent list, the choices its parent value allows: the
    period of stay for the status, the city for the prefecture, the 作業 for the 職種 …).
    """
    key = context.key or f.id
    _, index = split_key(key)
    if not value.strip():
        if context.check_required and f.group is None and is_required(f, context.values,
                                                                           index):
            return [_problem(f, key, "field_required")]
        return []
    if f.kind in ("code", "yesno"):
        return _code_problems(f, key, value, context, index)   # as stored: exported as is
    if f.kind in ("date", "year_month"):
        wide = _chars(value, lambda ch: not ch.isascii())
        if wide:
            # 令和6年2月30日 is a wrong date, not a width problem: say what the reader says
            read = parse_year_month(value) if f.kind == "year_month" else parse_date(
                value, allow_unknown=f.date_unknown_markers)
            if not read.ok:
                code = "year_month_unreadable" if f.kind == "year_month" and \
                    read.error == "date_unreadable" else read.error
                params = {k: v for k, v in read.params.items() if k != "value"}
                return [_problem(f, key, code, value=value, **params)]
            return [_problem(f, key, "field_not_halfwidth", chars=wide)]
        return _date_problems(f, key, value, context)
    start = formula_start(value)
    if start is not None:
        return [_problem(f, key, "field_formula_start", char=start)]
    problems = _char_class_problems(f, key, value)
    if problems:
        return problems
    problems = _length_problems(f, key, value)
    if problems:
        return problems
    if f.pattern:
        pattern, code = _patterns()[f.pattern]
        if not pattern.fullmatch(value):
            return [_problem(f, key, code)]
    return []


# --------------------------------------------------------------------------- whole case

_DATE_ORDER = (("last_entry_from", "last_entry_to"), ("work_cert_period_from", "work_cert_period_to"),
               ("reentry_departure_date", "reentry_return_date"), ("career_start", "career_end"))

def _case_values(case: Case) -> dict[str, str]:
    return dict(case.values)


@cache
def _case_plan(procedure: str) -> tuple[dict[str, tuple[int, FieldDef]],
                                        tuple[tuple[int, FieldDef], ...]]:
    """The catalogue's fields outside repeat groups by id, with their place, and those of
    them that can be required: an empty field that cannot be is not looked at. Cached by
    procedure: hashing a whole catalogue would cost more than the plan saves."""
    single = [(place, f) for place, f in enumerate(catalogue(procedure).fields)
              if f.group is None]
    return ({f.id: (place, f) for place, f in single},
            tuple((place, f) for place, f in single if f.required or f.required_when))


@cache
def _outside_kubun(procedure: str, status: str, activity: str = "") -> frozenset[str]:
    """The field ids outside the 区分 of a case whose 区分-deciding values are ``status`` and
    the chosen ``activity`` (:func:`assistant.model.kubun.field_in_scope`, asked once per
    procedure, status and activity)."""
    cat = catalogue(procedure)
    answer = kubun.answer_field(procedure)
    probe = {answer: status, KUBUN_ACTIVITY: activity} if answer is not None else {}
    return frozenset(f.id for f in cat.fields if not kubun.field_in_scope(cat, f, probe))


def _kubun_problems(cat: Catalogue, values: Mapping[str, str]) -> list[Problem]:
    """A status the forms split across 区分 by the activity needs Step 1's choice (until then
    the first purpose's 区分 is used: docs/domain.md#categories)."""
    answer = kubun.case_kubun(cat, values)
    if not answer.activity_missing:
        return []
    return [make_problem(KUBUN_ACTIVITY, "kubun_activity_required", status=answer.status,
                         kubun=answer.kubun or "—")]


def validate_case(case: Case, on: date, profile: str | None = None) -> list[Problem]:
    """Every problem of ``case`` for filing on ``on`` under rule profile ``profile``."""
    try:
        cat = catalogue(case.procedure)
    except KeyError:
        return [make_problem("procedure", "unknown_procedure", procedure=case.procedure)]
    values = _case_values(case)
    problems: list[Problem] = []
    by_id, may_be_required = _case_plan(case.procedure)
    indexes: dict[str, set[int]] = {}   # repeat member id -> the indexes with a value
    filled: list[tuple[int, FieldDef]] = []
    for key in sorted(values):
        base, index = split_key(key)
        if key == KUBUN_ACTIVITY:
            continue   # Step 1's activity choice: checked by _kubun_problems
        if not cat.has_field(base):
            problems.append(make_problem(key, "unknown_field", Severity.WARNING, name=key))
        elif index is not None:
            if values[key].strip():
                indexes.setdefault(base, set()).add(index)
        elif key in by_id and values[key].strip():
            filled.append(by_id[key])
    empty = [(place, f) for place, f in may_be_required if not values.get(f.id, "").strip()]
    answer = kubun.answer_field(case.procedure)
    outside = _outside_kubun(case.procedure,
                             values.get(answer, "").strip() if answer is not None else "",
                             values.get(KUBUN_ACTIVITY, "").strip())
    problems.extend(_kubun_problems(cat, values))
    # the online page of the case's 区分 wins over the template for the fields it shares
    page = kubun.page_fields(cat, values)
    if page:
        asked = {f.id for _, f in empty}
        empty += [by_id[fid] for fid, f in page.items() if f.required and fid in by_id
                  and fid not in asked and not values.get(fid, "").strip()]
        filled = [(place, page.get(f.id, f)) for place, f in filled]
        empty = [(place, page.get(f.id, f)) for place, f in empty]
    for _, f in sorted(filled + empty, key=lambda item: item[0]):   # in template order
        if f.id in outside:   # another 区分's question: not part of this case (applies())
            continue
        value = values.get(f.id, "")
        applies_here = f.applies_when is None or condition_holds(f.applies_when, values, cat)
        if not value.strip():
            if applies_here and (f.required or (
                    f.required_when is not None
                    and condition_holds(f.required_when, values, cat, None))):
                problems.append(_problem(f, f.id, "field_required"))   # as is_required()
            continue
        if not applies_here:
            continue
        ctx = FieldContext(on=on, values=values, key=f.id, check_required=False)
        problems.extend(validate_field(f, value, ctx))
    for group in cat.groups:
        used = sorted(set().union(*(indexes.get(m, set()) for m in group.members)))
        problems.extend(_group_problems(cat, group.id, values, on, used))
    problems.extend(_cross_field_problems(cat, values, on))
    problems.extend(_rules_problems(case, cat, values, on, profile))
    return problems




def _group_problems(cat: Catalogue, group_id: str, values: Mapping[str, str],
                    on: date, indexes: list[int] | None = None) -> list[Problem]:
    group = cat.group(group_id)
    members = [cat.field(m) for m in group.members]
    if not kubun.field_in_scope(cat, members[0], values):
        return []   # a group of another 区分 (docs/domain.md#categories)
    if indexes is None:
        indexes = sorted({idx for key in values for base, idx in [split_key(key)]
                          if idx is not None and base in group.members
                          and values[key].strip()})
    problems: list[Problem] = []
    first = members[0]
    if group.required_when is not None and condition_holds(group.required_when, values, cat):
        if not indexes:
            controller = cat.field(group.required_when.field)
            problems.append(make_problem(repeat_key(first.id, 1), "group_required",
                                         label=controller.label_ja,
                                         label_en=controller.label("en")))
    for idx in indexes:
        if idx > group.max:
            problems.append(make_problem(repeat_key(first.id, idx), "group_too_many",
                                         label=group.label_ja, label_en=group.label_en,
                                         max=group.max, index=idx))
            continue
        for f in members:
            key = repeat_key(f.id, idx)
            value = values.get(key, "")
            if not value.strip():
                if f.required_in_group:
                    problems.append(_problem(f, key, "field_required"))
                continue
            problems.extend(validate_field(f, value, FieldContext(on=on, values=values, key=key,
                                                                  check_required=False)))
    return problems


def _cross_field_problems(cat: Catalogue, values: Mapping[str, str], on: date) -> list[Problem]:
    problems: list[Problem] = []
    if cat.has_field("phone") and cat.has_field("mobile"):
        if not values.get("phone", "").strip() and not values.get("mobile", "").strip():
            problems.append(make_problem("phone", "phone_or_mobile"))
    for first_id, second_id in _DATE_ORDER:
        if not (cat.has_field(first_id) and cat.has_field(second_id)) \
                or not kubun.field_in_scope(cat, cat.field(second_id), values):
            continue   # (or a question of another 区分: not part of the case)
        keys = [(first_id, second_id)]
        if cat.field(first_id).group:
            keys = [(k, repeat_key(second_id, i)) for k in values
                    for base, i in [split_key(k)] if base == first_id and i is not None]
        for a_key, b_key in keys:
            a, b = values.get(a_key, "").strip(), values.get(b_key, "").strip()
            if a.isdigit() and b.isdigit() and len(a) == len(b) and "00" not in (a[-2:], b[-2:]) \
                    and b < a:
                second = cat.field(second_id)
                first = cat.field(first_id)
                problems.append(make_problem(b_key, "date_order", label=second.label_ja,
                                             label_en=second.label("en"), value=b,
                                             other_label=first.label_ja,
                                             other_label_en=first.label("en"), other_value=a))
    return problems


def _iso_from_template(value: str) -> date | None:
    result = parse_date(value) if re.fullmatch(r"[0-9]{8}", value or "") else None
    return result.date if result is not None and result.ok else None


def _rules_problems(case: Case, cat: Catalogue, values: Mapping[str, str], on: date,
                    profile: str | None) -> list[Problem]:
    problems: list[Problem] = []
    procedure = case.procedure
    # The online window (docs/domain.md#filing-window), from the rules engine.
    expiry = _iso_from_template(values.get("expiry_date", ""))
    event = _iso_from_template(values.get("acquisition_event_date", ""))
    window_field = "acquisition_event_date" if procedure == "acquisition" else "expiry_date"
    try:
        window = rules.application_window(procedure, on, expiry=expiry, event_date=event,
                                          profile=profile)
    except rules.MissingDateError:
        window = None  # the missing date is reported as a required field
    except rules.RulesError as exc:
        problems.append(Problem(field="procedure", code=exc.code, severity=Severity.ERROR,
                                message_ja=exc.message_ja, message_en=exc.message_en))
        return problems
    if window is not None and not window.online_possible:
        for reason in window.reasons:
            problems.append(Problem(field=window_field, code="outside_application_window",
                                    severity=Severity.ERROR, message_ja=reason.message_ja,
                                    message_en=reason.message_en,
                                    params={"reason": reason.code}))
    # Statuses that cannot be handled online.
    codes = {"current_status": "status_current", "desired_status": None}
    for field_id in codes:
        if not cat.has_field(field_id) or not values.get(field_id, "").strip():
            continue
        list_id = cat.field(field_id).code_list
        entry = code_list(list_id).lookup(values[field_id]) if list_id else None
        if entry is None or entry.code is None:
            continue
        try:
            eligibility = rules.online_eligible_status(entry.code)
        except rules.RulesError:
            continue
        if not eligibility.online_possible and eligibility.reason is not None:
            problems.append(Problem(field=field_id, code=eligibility.reason.code,
                                    severity=Severity.ERROR,
                                    message_ja=eligibility.reason.message_ja,
                                    message_en=eligibility.reason.message_en))
    # Receipt method allowed with the simultaneous applications (docs/domain.md#receipt-methods).
    chosen = values.get("receipt_method", "").strip()
    if chosen and cat.has_field("receipt_method"):
        receipt = ReceiptMethod.from_label(chosen)
        method = None if receipt is None else receipt.value
        with_ = rules.simultaneous_procedures(values)
        try:
            allowed = rules.receipt_methods(procedure, with_=with_, profile=profile)
        except rules.RulesError:
            allowed = None
        if method is not None and allowed is not None and method not in allowed.methods:
            # only the reasons about the method chosen (not 「窓口での受領」 for a メール choice)
            method_ja, method_en = rules.method_label(method)
            reasons = [r for r in allowed.reasons or [] if method_ja in r.message_ja]
            for reason in reasons:
                problems.append(Problem(field="receipt_method", code="receipt_method_not_allowed",
                                        severity=Severity.ERROR, message_ja=reason.message_ja,
                                        message_en=reason.message_en,
                                        params={"reason": reason.code}))
            if not reasons:   # a method no procedure offers under this profile
                name = rules.get_procedure(procedure)
                ja, en = message_texts(
                    "receipt_method_not_offered", method_ja=method_ja, method_en=method_en,
                    procedure_ja=name.name_ja, procedure_en=name.name_en,
                    profile=profile or rules.default_profile_id())
                problems.append(Problem(field="receipt_method", code="receipt_method_not_allowed",
                                        severity=Severity.ERROR, message_ja=ja, message_en=en,
                                        params={"reason": "receipt_method_not_offered"}))
    return problems
