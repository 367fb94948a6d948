"""Credentials against a real Secret Service (gnome-keyring in the test's D-Bus session).

``python3 dev.py test`` runs pytest under ``dbus-run-session`` with gnome-keyring-daemon
unlocked; these tests are skipped only when no D-Bus session exists at all.
"""

from __future__ import annotations

import os
import uuid

import pytest

from assistant.model.credentials import SERVICE_NAME, CredentialStore

pytestmark = [
    pytest.mark.keyring,
    pytest.mark.skipif(not os.environ.get("DBUS_SESSION_BUS_ADDRESS"),
                       reason="no D-Bus session: run under dbus-run-session with "
                              "gnome-keyring-daemon (python3 dev.py test does)"),
]


@pytest.fixture
def secret_service():
    import keyring.backends.SecretService

    backend = keyring.backends.SecretService.Keyring()
    staff = f"test-{uuid.uuid4().hex[:8]}"
    yield backend, staff
    CredentialStore(backend).clear(staff)


def items_in_collection(staff: str) -> dict[str, str]:
    """What the Secret Service itself holds for ``staff`` (read with secretstorage)."""
    import secretstorage

    connection = secretstorage.dbus_init()
    try:
        collection = secretstorage.get_default_collection(connection)
        found = {}
        for item in collection.search_items({"service": SERVICE_NAME}):
            username = item.get_attributes().get("username", "")
            if username.startswith(f"{staff}:"):
                found[username] = item.get_secret().decode()
        return found
    finally:
        connection.close()


def test_default_backend_is_the_secret_service():
    store = CredentialStore()
    assert "SecretService" in store.backend_name()
    store.check()  # unlocked by the test command: no error


def test_store_change_and_clear_in_the_real_secret_service(secret_service):
    backend, staff = secret_service
    store = CredentialStore(backend)
    store.set_auth_id(staff, "A1B2C3D4")
    store.set_password(staff, "初期パスワード-1")
    assert items_in_collection(staff) == {f"{staff}:auth-id": "A1B2C3D4",
                                          f"{staff}:password": "初期パスワード-1"}
    store.set_password(staff, "changed-2")
    assert CredentialStore(backend).get_password(staff) == "changed-2"
    assert items_in_collection(staff)[f"{staff}:password"] == "changed-2"
    store.clear(staff)
    assert items_in_collection(staff) == {}
    assert CredentialStore(backend).status(staff).has_password is False
