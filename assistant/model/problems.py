"""Typed problems: what every check in the model returns instead of raising.

A :class:`Problem` names the field (or file) it concerns, a stable ``code``, a severity and the
message in Japanese and English. Message texts live in ``resources/messages/*.json`` (one file
per area, each a mapping ``code -> {"ja": ..., "en": ...}`` with ``str.format`` placeholders),
so a rule's wording is changed in data, not in code.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date
from functools import cache
from typing import Any

from assistant.model.dates import format_date
from assistant.resources import load_json, resources_dir


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or doubtful) about a value, a case or a file."""

    field: str
    code: str
    severity: Severity
    message_ja: str
    message_en: str
    params: dict[str, Any] = dataclass_field(default_factory=dict, compare=False, hash=False)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def message(self, language: str = "ja") -> str:
        return self.message_en if language == "en" else self.message_ja

    def to_json(self, language: str = "ja") -> dict[str, str]:
        return {
            "field": self.field,
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message(language),
        }


@cache
def _messages() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for path in sorted((resources_dir() / "messages").glob("*.json")):
        data = load_json("messages", path.name)
        for code, texts in data.items():
            if code.startswith("_"):
                continue  # "_source" and other notes
            if code in merged:
                raise ValueError(f"message code {code!r} defined twice ({path.name})")
            merged[code] = texts
    return merged


def message_texts(code: str, **params: Any) -> tuple[str, str]:
    """Return the (Japanese, English) texts for ``code`` with ``params`` filled in; a
    :class:`date` parameter is shown as each language's reader reads it
    (:func:`~assistant.model.dates.format_date`: 2026年11月15日（令和8年） / 2026-11-15)."""
    texts = _messages().get(code)
    if texts is None:
        raise KeyError(f"no message for problem code {code!r} in resources/messages")

    def shown(language: str) -> dict[str, Any]:
        return {k: format_date(v, language) if type(v) is date else v for k, v in params.items()}

    if not any(type(v) is date for v in params.values()):
        return texts["ja"].format(**params), texts["en"].format(**params)
    return texts["ja"].format(**shown("ja")), texts["en"].format(**shown("en"))


class MessageError(Exception):
    """An error whose texts come from ``resources/messages`` (Japanese and English).

    The base of the model's typed errors that carry nothing but a message code and its
    parameters; the UI and the CLI show :meth:`message` in the user's language.
    """

    def __init__(self, code: str, /, **params: Any) -> None:
        self.code = code
        self.params = params
        self.message_ja, self.message_en = message_texts(code, **params)
        super().__init__(self.message_ja)

    def message(self, language: str = "ja") -> str:
        return self.message_en if language == "en" else self.message_ja


def make_problem(field: str, code: str, severity: Severity | str = Severity.ERROR,
                 **params: Any) -> Problem:
    """Build a :class:`Problem` whose texts come from ``resources/messages`` (date parameters
    as each language's reader reads them; kept ISO in ``params``, as the JSON output shows
    them)."""
    ja, en = message_texts(code, **params)
    return Problem(field=field, code=code, severity=Severity(severity), message_ja=ja,
                   message_en=en, params={k: v.isoformat() if type(v) is date else v
                                          for k, v in params.items()})


def has_errors(problems: list[Problem]) -> bool:
    return any(p.is_error for p in problems)
