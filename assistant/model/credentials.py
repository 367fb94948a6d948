"""The office's online-system credentials, kept only in the OS keyring.

Every secret is stored with the `keyring <https://pypi.org/project/keyring/>`_ library (Windows
Credential Locker, macOS Keychain, Secret Service on Linux) under ONE service name,
:data:`SERVICE_NAME` = ``"zairyu-assistant"``, with these user names::

    <staff id>:auth-id     the 認証ID of that staff member
    <staff id>:password    the password

Nothing here ever writes a secret anywhere else: when no usable keyring exists (no backend,
the null/fail backends, a file-based backend from ``keyrings.alt``, a locked keychain) every
call raises :class:`KeyringUnavailable` with a plain Japanese message and the rest of the
application keeps working. There is no fallback to a file.

Every secret this process reads or writes is remembered (in memory only) so that crash reports
and logs can be redacted (:func:`redact`).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

import keyring
import keyring.backend
import keyring.errors
from keyring.compat import properties

from assistant.model.problems import message_texts
from assistant.model.redaction import (  # noqa: F401 - re-exported for callers
    REDACTED,
    redact,
    remember_secret,
    secret_forms,
    seen_secrets,
)

SERVICE_NAME = "zairyu-assistant"
AUTH_ID = "auth-id"
PASSWORD = "password"

# Backends that never keep a secret safely: they are treated as "no keyring".
_REJECTED_MODULES = ("keyring.backends.fail", "keyring.backends.null")
# Third-party backends in the ``keyrings`` namespace (keyrings.alt, keyrings.cryptfile) store
# secrets in files; they are refused even when configured.
_REJECTED_PREFIXES = ("keyrings.",)


class UnavailableReason(enum.StrEnum):
    NO_BACKEND = "no_backend"
    LOCKED = "locked"
    ERROR = "error"


class KeyringUnavailable(Exception):
    """The OS keyring cannot be used; ``message_ja``/``message_en`` say so plainly."""

    def __init__(self, reason: UnavailableReason, detail: str = "") -> None:
        code = {
            UnavailableReason.NO_BACKEND: "credentials_keyring_missing",
            UnavailableReason.LOCKED: "credentials_keyring_locked",
            UnavailableReason.ERROR: "credentials_keyring_error",
        }[reason]
        self.reason = reason
        self.message_ja, self.message_en = message_texts(code, detail=redact(detail))
        super().__init__(self.message_ja)

    def message(self, language: str = "ja") -> str:
        return self.message_en if language == "en" else self.message_ja


# --- backends ------------------------------------------------------------------------------

class InMemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring in a dict, for unit tests only (a real OS keyring is not there in every test).

    It is never chosen automatically: its priority raises, so keyring treats it as not viable.
    """

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.items: dict[tuple[str, str], str] = {}

    @properties.classproperty
    def priority(cls) -> float:
        raise RuntimeError("InMemoryKeyring is for tests; pass it explicitly")

    def __str__(self) -> str:
        return "InMemoryKeyring"

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self.items[(service, username)]
        except KeyError:
            raise keyring.errors.PasswordDeleteError("No such password!") from None


def _is_rejected(backend: Any) -> bool:
    module = type(backend).__module__
    return module in _REJECTED_MODULES or module.startswith(_REJECTED_PREFIXES)


def _usable_backend(backend: Any) -> Any:
    """``backend`` itself, or from a chainer the best usable member; raise if none."""
    from keyring.backends.chainer import ChainerBackend

    if isinstance(backend, ChainerBackend):
        usable = [b for b in backend.backends if not _is_rejected(b)]
        if not usable:
            raise KeyringUnavailable(UnavailableReason.NO_BACKEND)
        return usable[0]
    if _is_rejected(backend):
        raise KeyringUnavailable(UnavailableReason.NO_BACKEND)
    return backend


@dataclass(frozen=True)
class CredentialStatus:
    has_auth_id: bool
    has_password: bool


class CredentialStore:
    """Read and write one staff member's 認証ID and password in the OS keyring."""

    def __init__(self, backend: keyring.backend.KeyringBackend | None = None) -> None:
        self._backend = backend

    def backend(self) -> Any:
        """The keyring backend in use; raises :class:`KeyringUnavailable` if there is none."""
        try:
            chosen = self._backend if self._backend is not None else keyring.get_keyring()
        except Exception as exc:  # keyring's own set-up failed (bad config, import error)
            raise KeyringUnavailable(UnavailableReason.ERROR, type(exc).__name__) from None
        return _usable_backend(chosen)

    def backend_name(self) -> str:
        return str(type(self.backend()).__module__ + "." + type(self.backend()).__name__)

    def check(self) -> None:
        """Raise :class:`KeyringUnavailable` unless the keyring can be read now."""
        self._get(f"{_PROBE}:{AUTH_ID}")

    @staticmethod
    def username(staff_id: str, kind: str) -> str:
        if kind not in (AUTH_ID, PASSWORD):
            raise ValueError(kind)
        return f"{staff_id}:{kind}"

    def _call(self, method: str, *args: str) -> Any:
        backend = self.backend()
        try:
            return getattr(backend, method)(SERVICE_NAME, *args)
        except keyring.errors.KeyringLocked:
            raise KeyringUnavailable(UnavailableReason.LOCKED) from None
        except keyring.errors.NoKeyringError:
            raise KeyringUnavailable(UnavailableReason.NO_BACKEND) from None
        except keyring.errors.PasswordDeleteError:
            raise
        except Exception as exc:  # D-Bus errors, InitError, PasswordSetError, OS errors
            # ``from None``: the original exception may carry the arguments (the secret).
            raise KeyringUnavailable(UnavailableReason.ERROR, _describe(exc)) from None

    def _get(self, username: str) -> str | None:
        value: str | None = self._call("get_password", username)
        if value:
            remember_secret(value)
        return value

    def _set(self, username: str, value: str) -> None:
        if not value:
            raise ValueError(message_texts("credentials_empty_value")[0])
        remember_secret(value)
        self._call("set_password", username, value)

    def _delete(self, username: str) -> None:
        try:
            self._call("delete_password", username)
        except keyring.errors.PasswordDeleteError:
            pass  # nothing stored: already cleared

    def get_auth_id(self, staff_id: str) -> str | None:
        return self._get(self.username(staff_id, AUTH_ID))

    def get_password(self, staff_id: str) -> str | None:
        return self._get(self.username(staff_id, PASSWORD))

    def set_auth_id(self, staff_id: str, auth_id: str) -> None:
        self._set(self.username(staff_id, AUTH_ID), auth_id.strip())

    def set_password(self, staff_id: str, password: str) -> None:
        self._set(self.username(staff_id, PASSWORD), password)

    def clear(self, staff_id: str) -> None:
        """Remove both secrets of ``staff_id`` (no error if none were stored)."""
        self._delete(self.username(staff_id, AUTH_ID))
        self._delete(self.username(staff_id, PASSWORD))

    def status(self, staff_id: str) -> CredentialStatus:
        return CredentialStatus(has_auth_id=bool(self.get_auth_id(staff_id)),
                                has_password=bool(self.get_password(staff_id)))


_PROBE = "availability-check"


def _describe(exc: BaseException) -> str:
    """A short, secret-free description of a keyring error (its class and message)."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return redact(f"{type(exc).__name__}: {text}" if text else type(exc).__name__)[:200]
