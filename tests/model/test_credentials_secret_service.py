"""Credentials against a real Secret Service (gnome-keyring in the test's D-Bus session).

``python3 dev.py test`` runs pytest under ``dbus-run-session`` with gnome-keyring-daemon
unlocked; these tests are skipped only when no D-Bus session exists at all.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
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


@pytest.mark.skipif(not (shutil.which("dbus-run-session") and shutil.which("gnome-keyring-daemon")),
                    reason="needs dbus-run-session and gnome-keyring-daemon (dev.py test "
                           "installs them on Debian)")
def test_locked_real_keyring_is_reported_plainly_by_the_command(tmp_path):
    """A locked Secret Service collection, in a private session of its own.

    Locking needs its own D-Bus session: unlocking again would need a password prompt. Without
    a display the prompter cannot appear, so the unlock fails at once, as when a user cancels
    the prompt.
    """
    db = str(tmp_path / "cases.sqlite")
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS")}
    subprocess.run([sys.executable, "-m", "assistant", "office", "add", "--db", db,
                    "--name", "法務　太郎", "--category", "lawyer",
                    "--certificate-number", "123456789012"],
                   check=True, capture_output=True, env=env, timeout=60)
    inner = ('echo -n test | XDG_DATA_HOME="$2" gnome-keyring-daemon --unlock '
             '--components=secrets >/dev/null 2>&1; '
             '"$0" -c "import secretstorage as s; '
             's.get_default_collection(s.dbus_init()).lock()" && '
             'exec "$0" -m assistant credentials set --db "$1"')
    keyrings = tmp_path / "keyrings-home"  # the daemon's files: not the user's login keyring
    keyrings.mkdir()
    proc = subprocess.run(["dbus-run-session", "--", "sh", "-c", inner, sys.executable, db,
                           str(keyrings)],
                          input="LOCKED-ID\nlocked-pass-1\n", capture_output=True, text=True,
                          env=env, timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert "ロックされている" in proc.stderr and "Traceback" not in proc.stderr
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert b"locked-pass-1" not in path.read_bytes()
