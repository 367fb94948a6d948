"""``assistant office …`` and ``assistant credentials …`` on a real database file."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest

from assistant.cli import main
from assistant.commands import office as office_commands
from assistant.model.credentials import SERVICE_NAME, CredentialStore, InMemoryKeyring


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "office.sqlite")


@pytest.fixture
def keyring_backend(monkeypatch):
    backend = InMemoryKeyring()
    monkeypatch.setattr(office_commands, "credential_store", lambda: CredentialStore(backend))
    return backend


def run(capsys, *argv, stdin=None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def add(capsys, db, name="法務　太郎", number="１２３４５６７８９０１２", *extra):
    code, out, err = run(capsys, "office", "add", "--db", db, "--name", name,
                         "--category", "gyoseishoshi", "--certificate-number", number,
                         "--email", "taro@example.jp", *extra)
    assert code == 0, err
    return out.strip()


def test_add_list_set_current_show(db, capsys):
    first = add(capsys, db)
    second = add(capsys, db, "入管　花子", "210987654321", "--certificate-expiry", "2026-12-01")
    code, out, _ = run(capsys, "office", "list", "--db", db, "--json")
    rows = json.loads(out)
    assert [(r["id"], r["is_current"]) for r in rows] == [(first, True), (second, False)]
    assert rows[0]["certificate_number"] == "123456789012"  # full-width digits normalised
    assert run(capsys, "office", "set-current", "--db", db, "入管　花子")[0] == 0
    code, out, _ = run(capsys, "office", "show", "--db", db, "--today", "2026-11-26")
    assert code == 0
    assert "氏名: 入管　花子" in out
    assert "届出済証明書の有効期限: 2026年12月1日（令和8年）" in out     # as the office reads it
    assert "区分（弁護士・行政書士）: 行政書士" in out
    assert "所属する単位会" in out and "あと5日" in out


def test_wrong_certificate_number_is_a_usage_error(db, capsys):
    code, _, err = run(capsys, "office", "add", "--db", db, "--name", "法務　太郎",
                       "--category", "lawyer", "--certificate-number", "12345-67890")
    assert code == 2
    assert "数字だけ" in err
    assert json.loads(run(capsys, "office", "list", "--db", db, "--json")[1]) == []


def test_unknown_staff_and_missing_action(db, capsys):
    add(capsys, db)
    code, _, err = run(capsys, "office", "set-current", "--db", db, "だれ")
    assert code == 2 and "登録されていません" in err
    assert run(capsys, "office")[0] == 2
    assert run(capsys, "credentials")[0] == 2


def test_credentials_set_from_stdin_status_and_clear(db, capsys, keyring_backend, monkeypatch):
    staff = add(capsys, db)
    code, out, err = run(capsys, "credentials", "set", "--db", db, "--today", "2026-11-26",
                         stdin="MYID-001\nS3cret-pass\n", monkeypatch=monkeypatch)
    assert code == 0, err
    assert keyring_backend.items == {(SERVICE_NAME, f"{staff}:auth-id"): "MYID-001",
                                     (SERVICE_NAME, f"{staff}:password"): "S3cret-pass"}
    code, out, _ = run(capsys, "credentials", "status", "--db", db, "--today", "2026-11-26")
    assert code == 0
    assert "認証ID: 保存済み" in out and "パスワード: 保存済み" in out
    assert "パスワードの有効期限: 2027-11-26" in out
    assert "S3cret-pass" not in out and "MYID-001" not in out
    assert run(capsys, "credentials", "clear", "--db", db)[0] == 0
    assert keyring_backend.items == {}


def test_password_only_with_set_on_date_warns_when_old(db, capsys, keyring_backend,
                                                         monkeypatch):
    add(capsys, db)
    code, _, _ = run(capsys, "credentials", "set", "--db", db, "--password-only",
                     "--set-on", "2025-11-01", stdin="old-pass\n", monkeypatch=monkeypatch)
    assert code == 0
    code, out, _ = run(capsys, "credentials", "status", "--db", db, "--today", "2026-11-26")
    assert "有効期限が切れました" in out and "ログイン画面" in out


def test_password_is_not_an_option(db, capsys):
    with pytest.raises(SystemExit) as caught:
        main(["credentials", "set", "--db", db, "--password", "x"])
    assert caught.value.code == 2


def test_no_keyring_says_so_and_exits_1_in_a_fresh_process(db, tmp_path, capsys):
    add(capsys, db)
    env = dict(os.environ, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    proc = subprocess.run(
        [sys.executable, "-m", "assistant", "credentials", "set", "--db", db],
        input="ID\npassword-not-stored\n", capture_output=True, text=True, env=env,
        timeout=60)
    assert proc.returncode == 1
    assert "キーリング" in proc.stderr and "ファイルに保存することもしません" in proc.stderr
    assert "Traceback" not in proc.stderr
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert b"password-not-stored" not in path.read_bytes()
    # everything else keeps working
    proc = subprocess.run([sys.executable, "-m", "assistant", "office", "list", "--db", db],
                          capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 0 and "法務　太郎" in proc.stdout


@pytest.mark.keyring
@pytest.mark.skipif(not os.environ.get("DBUS_SESSION_BUS_ADDRESS"),
                    reason="no D-Bus session: run under dbus-run-session with "
                           "gnome-keyring-daemon (python3 dev.py test does)")
def test_credentials_in_the_real_secret_service_from_a_fresh_process(db, tmp_path, capsys):
    staff = add(capsys, db)
    command = [sys.executable, "-m", "assistant", "credentials"]
    try:
        proc = subprocess.run([*command, "set", "--db", db], input="REAL-ID\nreal-Pass-1\n",
                              capture_output=True, text=True, timeout=60)
        assert proc.returncode == 0, proc.stderr
        import keyring.backends.SecretService

        backend = keyring.backends.SecretService.Keyring()
        assert backend.get_password(SERVICE_NAME, f"{staff}:password") == "real-Pass-1"
        proc = subprocess.run([*command, "status", "--db", db], capture_output=True,
                              text=True, timeout=60)
        assert "パスワード: 保存済み" in proc.stdout and "real-Pass-1" not in proc.stdout
    finally:
        subprocess.run([*command, "clear", "--db", db], capture_output=True, timeout=60)
    assert keyring.backends.SecretService.Keyring().get_password(
        SERVICE_NAME, f"{staff}:password") is None
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert b"real-Pass-1" not in path.read_bytes()
