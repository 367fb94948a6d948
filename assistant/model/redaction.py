"""Secrets seen in this process, and their removal from any text (crash reports, logs).

Kept apart from :mod:`assistant.model.credentials` so that the crash hooks installed at
start-up do not import the keyring library. The registry lives in memory only.
"""

from __future__ import annotations

import base64
import threading
from collections.abc import Iterable

REDACTED = "[秘匿]"

_seen_lock = threading.Lock()
_seen: set[str] = set()


def remember_secret(value: str) -> None:
    """Add ``value`` to the secrets that :func:`redact` removes (memory only)."""
    if value:
        with _seen_lock:
            _seen.add(value)


def seen_secrets() -> frozenset[str]:
    with _seen_lock:
        return frozenset(_seen)


def secret_forms(secret: str) -> list[str]:
    """The ways a secret can show up in text: as is, escaped, as bytes repr, base64, hex — of
    its UTF-8 bytes and of its UTF-16 bytes in either byte order (with or without a byte-order
    mark), also those UTF-16 bytes read as Latin-1 text."""
    raw = secret.encode("utf-8")
    forms = {
        secret,
        secret.encode("unicode_escape").decode("ascii"),
        repr(secret)[1:-1],
        repr(raw)[2:-1],
        base64.b64encode(raw).decode("ascii"),
        base64.urlsafe_b64encode(raw).decode("ascii"),
        raw.hex(),
    }
    for codec in ("utf-16-le", "utf-16-be", "utf-16"):
        utf16 = secret.encode(codec)
        forms.update({base64.b64encode(utf16).decode("ascii"),
                      base64.urlsafe_b64encode(utf16).decode("ascii"), repr(utf16)[2:-1],
                      utf16.hex(), utf16.decode("latin-1")})
    return sorted((f for f in forms if f), key=len, reverse=True)


def redact(text: str, secrets: Iterable[str] | None = None) -> str:
    """``text`` with every form of every known secret replaced by :data:`REDACTED`."""
    pool = seen_secrets() if secrets is None else frozenset(secrets)
    for secret in sorted(pool, key=len, reverse=True):
        for form in secret_forms(secret):
            if form in text:
                text = text.replace(form, REDACTED)
    return text
