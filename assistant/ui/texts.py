"""Words for what the model keeps as codes: procedures, statuses, windows, errors.

The model answers in codes and gives (Japanese, English) message pairs; this module picks the
one for the UI language, so widgets never deal with the pairs themselves.
"""

from __future__ import annotations

import os
from datetime import date
from functools import lru_cache

from assistant.model import dates, rules
from assistant.model.case import CaseStatus
from assistant.model.settings import RULE_PROFILE, Settings
from assistant.ui.i18n import current_language


def language() -> str:
    return current_language()


def pick(pair: tuple[str, str]) -> str:
    """The Japanese or English text of a (ja, en) pair, for the UI language."""
    return pair[1] if language() == "en" else pair[0]


def case_procedures() -> list[str]:
    """Procedures a case can be for (re-entry and extra-activity only go with one)."""
    return rules.main_procedure_ids()


def _resources_key() -> str:
    # Labels come from resources/; a test may point ASSISTANT_RESOURCES elsewhere.
    return os.environ.get("ASSISTANT_RESOURCES", "")


def procedure_label(procedure_id: str) -> str:
    return _procedure_label(procedure_id, language(), _resources_key())


@lru_cache(maxsize=64)
def _procedure_label(procedure_id: str, _language: str, _resources: str) -> str:
    try:
        procedure = rules.get_procedure(procedure_id)
    except rules.RulesError:
        return procedure_id
    return pick((procedure.name_ja, procedure.name_en))


def status_label(status: CaseStatus) -> str:
    return pick((status.label_ja, status.label_en))


def residence_status_label(value: str) -> str:
    """A status of residence as the office reads it (the stored value may be a code)."""
    return _residence_status_label(value, language(), _resources_key())


@lru_cache(maxsize=1024)
def _residence_status_label(value: str, _language: str, _resources: str) -> str:
    try:
        status = rules.get_status(value)
    except rules.RulesError:
        return code_label("status", value)
    return pick((status.name_ja, status.name_en))


def code_label(list_id: str, value: str) -> str:
    """The UI-language part of a code-list label (``ベトナム Viet Nam`` → ``ベトナム``)."""
    return _code_label(list_id, value, language(), _resources_key())


@lru_cache(maxsize=4096)
def _code_label(list_id: str, value: str, _language: str, _resources: str) -> str:
    if not value:
        return ""
    try:
        from assistant.model.codelists import code_list  # (not needed for the first paint)

        entry = code_list(list_id).lookup(value)
    except KeyError:
        return value
    if entry is None:
        return value
    return pick((entry.label_ja, entry.label_en))


def parse_date(text: str) -> date | None:
    """A stored date (``YYYYMMDD`` or ISO) or None when it is empty, partial or impossible:
    the model's one date reader (:func:`assistant.model.dates.read_date`)."""
    from assistant.model.dates import read_date

    return read_date(text)


def profile_id(settings: Settings) -> str | None:
    """The chosen rule profile, or None for the rules' default."""
    chosen = str(settings.get(RULE_PROFILE))
    return chosen if chosen in _profile_ids(_resources_key()) else None


@lru_cache(maxsize=8)
def _profile_ids(_resources: str) -> frozenset[str]:
    # Asked once per row when the list sorts by the window column: read the rules once.
    return frozenset(rules.profile_ids())


# Sort keys of the window column: the most urgent case first.
_SORT_EXPIRED = -1
_SORT_LATER = 1_000
_SORT_UNKNOWN = 100_000


def window_words(procedure: str, expiry: date | None, on: date,
                 profile: str | None) -> tuple[str, int]:
    """The online window in words for the case list, and a key that sorts by urgency."""
    return _window_words(procedure, expiry, on, profile, language(), _resources_key())


@lru_cache(maxsize=8192)
def _window_words(procedure: str, expiry: date | None, on: date, profile: str | None,
                  _language: str, _resources: str) -> tuple[str, int]:
    try:
        result = rules.application_window(procedure, on, expiry=expiry, profile=profile)
    except rules.RulesError:
        return "", _SORT_UNKNOWN  # e.g. no expiry date entered yet
    text = pick(rules.window_summary(result, on))
    if result.online_possible:
        left = rules.days_left(result.closes, on) if result.closes else _SORT_LATER - 1
        return text, left
    if result.expired:
        return text, _SORT_EXPIRED
    if result.opens is not None and result.opens > on:
        return text, _SORT_LATER + (result.opens - on).days
    return text, _SORT_UNKNOWN - 1


def format_date(day: date, era: bool = True) -> str:
    """A date as the office reads it in the UI language (:func:`assistant.model.dates.
    format_date`: 2027年1月15日（令和9年）, without the era year for ``era=False``;
    2027-01-15 in English)."""
    return _format_date(day, era, language(), _resources_key())


@lru_cache(maxsize=8192)
def _format_date(day: date, era: bool, language: str, _resources: str) -> str:
    return dates.format_date(day, language, era)


def parse_date_cached(text: str) -> date | None:
    """:func:`parse_date`, remembered (the list reads the same few dates again and again)."""
    return _parse_date_cached(text)


@lru_cache(maxsize=8192)
def _parse_date_cached(text: str) -> date | None:
    return parse_date(text)
