"""Credentials in the keyring: unit tests with the in-memory backend and unusable backends."""

from __future__ import annotations

import base64

import keyring.backend
import keyring.backends.fail
import keyring.backends.null
import keyring.errors
import pytest

from assistant.model import credentials
from assistant.model.credentials import (
    REDACTED,
    SERVICE_NAME,
    CredentialStore,
    InMemoryKeyring,
    KeyringUnavailable,
    UnavailableReason,
    redact,
)


class LockedKeyring(keyring.backend.KeyringBackend):
    """Behaves like a locked keychain: every call raises KeyringLocked."""

    @keyring.backend.properties.classproperty
    def priority(cls):
        raise RuntimeError("test backend")

    def get_password(self, service, username, password=None):
        raise keyring.errors.KeyringLocked("Failed to unlock the collection!")

    set_password = delete_password = get_password


class FileKeyringStandIn(keyring.backend.KeyringBackend):
    """Looks like keyrings.alt's plaintext file backend (module in the keyrings namespace)."""

    @keyring.backend.properties.classproperty
    def priority(cls):
        raise RuntimeError("test backend")

    def get_password(self, service, username):  # pragma: no cover - must never be called
        raise AssertionError("a file backend must not be used")

    set_password = delete_password = get_password


FileKeyringStandIn.__module__ = "keyrings.alt.file"


def test_store_read_and_clear_with_documented_service_and_user_names():
    backend = InMemoryKeyring()
    store = CredentialStore(backend)
    store.set_auth_id("s1", " ABC123 ")
    store.set_password("s1", "pässwörd-1")
    assert backend.items == {(SERVICE_NAME, "s1:auth-id"): "ABC123",
                             (SERVICE_NAME, "s1:password"): "pässwörd-1"}
    assert store.get_password("s1") == "pässwörd-1"
    assert store.status("s1").has_auth_id and store.status("s1").has_password
    store.clear("s1")
    assert backend.items == {}
    assert store.status("s1") == credentials.CredentialStatus(False, False)
    store.clear("s1")  # clearing twice is not an error


def test_changing_the_password_replaces_it():
    store = CredentialStore(InMemoryKeyring())
    store.set_password("s1", "old-password")
    store.set_password("s1", "new-password")
    assert store.get_password("s1") == "new-password"


def test_empty_password_is_refused():
    with pytest.raises(ValueError, match="空の値"):
        CredentialStore(InMemoryKeyring()).set_password("s1", "")


def test_in_memory_backend_is_never_chosen_automatically():
    viable = list(keyring.backend.KeyringBackend.get_viable_backends())
    assert InMemoryKeyring not in viable
    assert not any(cls.__module__.startswith("tests.") for cls in viable)


@pytest.mark.parametrize("backend, reason", [
    (keyring.backends.fail.Keyring(), UnavailableReason.NO_BACKEND),
    (keyring.backends.null.Keyring(), UnavailableReason.NO_BACKEND),
    (FileKeyringStandIn(), UnavailableReason.NO_BACKEND),
    (LockedKeyring(), UnavailableReason.LOCKED),
])
def test_unusable_keyring_says_so_plainly_and_stores_nothing(backend, reason, tmp_path):
    store = CredentialStore(backend)
    for call in (lambda: store.set_password("s1", "secret-xyz"),
                 lambda: store.get_password("s1"), store.check,
                 lambda: store.status("s1")):
        with pytest.raises(KeyringUnavailable) as caught:
            call()
        assert caught.value.reason is reason
        assert "キーリング" in caught.value.message_ja
        assert "そのほかの機能はそのまま使えます" in caught.value.message_ja
        assert "keyring" in caught.value.message_en.lower()
        # ``from None``: no chained exception that could carry the arguments.
        error = caught.value
        assert error.__cause__ is None
        assert error.__context__ is None or error.__suppress_context__
    assert not any(tmp_path.rglob("*.cfg")) and not any(tmp_path.rglob("*keyring*"))


def test_process_default_backend_fail_keyring_is_unavailable(monkeypatch):
    monkeypatch.setattr(keyring, "get_keyring", lambda: keyring.backends.fail.Keyring())
    with pytest.raises(KeyringUnavailable) as caught:
        CredentialStore().check()
    assert caught.value.reason is UnavailableReason.NO_BACKEND


def test_chainer_skips_file_backends():
    from keyring.backends import chainer

    memory = InMemoryKeyring()

    # ``viable = False``: test subclasses register with keyring and must never be chosen.
    class Chain(chainer.ChainerBackend):
        viable = False
        backends = [FileKeyringStandIn(), memory]

    assert CredentialStore(Chain()).backend() is memory

    class OnlyFiles(chainer.ChainerBackend):
        viable = False
        backends = [FileKeyringStandIn()]

    with pytest.raises(KeyringUnavailable):
        CredentialStore(OnlyFiles()).set_password("s1", "x-secret")


def test_unexpected_backend_error_is_reported_without_the_secret():
    class Broken(InMemoryKeyring):
        def set_password(self, service, username, password):
            raise RuntimeError(f"D-Bus failure while storing {password}")

    with pytest.raises(KeyringUnavailable) as caught:
        CredentialStore(Broken()).set_password("s1", "Sup3r-Secret!")
    assert caught.value.reason is UnavailableReason.ERROR
    assert "Sup3r-Secret!" not in caught.value.message_ja
    assert "RuntimeError" in caught.value.message_ja


def test_redact_removes_every_form_of_seen_secrets():
    store = CredentialStore(InMemoryKeyring())
    secret = "パス-word_42"
    store.set_password("s9", secret)
    raw = secret.encode()
    text = "\n".join([
        f"plain {secret}", f"repr {raw!r}", f"b64 {base64.b64encode(raw).decode()}",
        f"escaped {secret.encode('unicode_escape').decode()}", f"hex {raw.hex()}",
        f"utf16 {base64.b64encode(secret.encode('utf-16-le')).decode()}",
    ])
    cleaned = redact(text)
    assert cleaned.count(REDACTED) == 6
    assert secret not in cleaned and raw.hex() not in cleaned
    assert "plain" in cleaned  # the rest of the text is kept


def test_secrets_read_back_are_remembered_too():
    backend = InMemoryKeyring()
    backend.items[(SERVICE_NAME, "s1:password")] = "stored-by-an-earlier-run"
    CredentialStore(backend).get_password("s1")
    assert "stored-by-an-earlier-run" in credentials.seen_secrets()


def test_redact_removes_the_utf16_forms_in_either_byte_order():
    secret = "パス-word_42"
    texts = []
    for codec in ("utf-16-le", "utf-16-be", "utf-16"):
        raw = secret.encode(codec)
        texts += [base64.b64encode(raw).decode(), repr(raw)[2:-1], raw.hex(),
                  raw.decode("latin-1")]
    cleaned = redact("\n".join(texts), [secret])
    assert cleaned.splitlines() == [REDACTED] * len(texts), cleaned
