"""The password never reaches the data folder, logs, exports or crash reports.

A full session runs against the real files (SQLite database, log files, crash reports, case
exports when that module exists) and then every byte under the data folder and the export
folder is searched for the password in UTF-8, UTF-16 and base64 forms.
"""

from __future__ import annotations

import base64
import logging
import os
import sys
import threading
from datetime import date
from pathlib import Path

import pytest

from assistant import crash
from assistant.model.credentials import REDACTED, CredentialStore, InMemoryKeyring
from assistant.model.office import OfficeStore, StaffCategory, StaffProfile
from tests.isa_cases import ON, main_sheet_case

OLD_PASSWORD = "Kasumigaseki-初期-2026!"
NEW_PASSWORD = "Nyukan#変更後-Pass77"
AUTH_ID = "AUTHID-9F3K2Q"


def forms(secret: str) -> list[bytes]:
    """Byte patterns that would reveal ``secret`` in a file."""
    found = []
    for encoded in (secret.encode("utf-8"), secret.encode("utf-16-le"),
                    secret.encode("utf-16-be")):
        found.append(encoded)
        found.append(base64.b64encode(encoded))
    found.append(secret.encode("unicode_escape"))
    found.append(secret.encode("utf-8").hex().encode())
    return found


def contents(path: Path) -> list[tuple[str, bytes]]:
    """The file's bytes, and for a zip (xlsx) also each member's uncompressed bytes."""
    import zipfile

    found = [(str(path), path.read_bytes())]
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            found += [(f"{path}!{name}", archive.read(name)) for name in archive.namelist()]
    return found


def leaks(folders: list[Path], secrets: list[str]) -> list[str]:
    hits = []
    for folder in folders:
        for path in folder.rglob("*"):
            if not path.is_file():
                continue
            for where, data in contents(path):
                for secret in secrets:
                    for pattern in forms(secret):
                        if pattern in data:
                            hits.append(f"{where}: {pattern[:12]!r}…")
    return hits


def fail_with_password_in_locals_and_message(store: CredentialStore, staff_id: str) -> None:
    password = store.get_password(staff_id)
    login_form = {"id": store.get_auth_id(staff_id), "password": password}  # noqa: F841
    raise RuntimeError(f"online system refused the login (password={password!r})")


@pytest.fixture
def data_dir() -> Path:
    return Path(os.environ["ASSISTANT_DATA_DIR"])


def test_crash_report_redacts_secrets_in_message_and_locals(data_dir):
    store = CredentialStore(InMemoryKeyring())
    store.set_auth_id("s1", AUTH_ID)
    store.set_password("s1", OLD_PASSWORD)
    try:
        fail_with_password_in_locals_and_message(store, "s1")
    except RuntimeError:
        exc_type, exc, tb = sys.exc_info()
    text = crash.format_report(exc_type, exc, tb, capture_locals=True)
    assert "fail_with_password_in_locals_and_message" in text  # still useful
    assert "login_form" in text and REDACTED in text
    assert OLD_PASSWORD not in text and AUTH_ID not in text
    path = crash.write_report(text, crash.logs_dir())
    assert path.parent == data_dir / "logs"
    assert leaks([data_dir], [OLD_PASSWORD, AUTH_ID]) == []


def test_excepthook_writes_a_report_and_tells_listeners(data_dir, capsys):
    store = CredentialStore(InMemoryKeyring())
    store.set_password("s1", NEW_PASSWORD)
    handler = crash.install(capture_locals=True)
    reports = []
    handler.add_listener(lambda text, path: reports.append((text, path)))
    try:
        try:
            fail_with_password_in_locals_and_message(store, "s1")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
        thread = threading.Thread(
            target=fail_with_password_in_locals_and_message, args=(store, "s1"),
            name="worker")
        thread.start()
        thread.join()
        logging.getLogger("assistant.test").error("login failed for %s", NEW_PASSWORD)
    finally:
        handler.uninstall()
    assert len(reports) == 2
    assert all(path is not None and path.exists() for _, path in reports)
    assert "thread: worker" in reports[1][0]
    assert (data_dir / "logs" / "faulthandler.log").exists()
    log = (data_dir / "logs" / "assistant.log").read_text(encoding="utf-8")
    assert "login failed for " + REDACTED in log
    assert NEW_PASSWORD not in capsys.readouterr().err
    assert leaks([data_dir], [NEW_PASSWORD]) == []


def test_full_session_leaves_no_password_anywhere(data_dir, tmp_path, qtbot):
    """Store, copy to the clipboard, change the password in the panel, fill and export a case,
    crash with the password in the locals and the message: then search every file."""
    from PySide6.QtGui import QGuiApplication

    from assistant.model import casefile
    from assistant.model.agent_block import fill_agent_block
    from assistant.model.exports import bulk, xlsx
    from assistant.model.storage import CaseStore
    from assistant.ui.office.office_dialog import OfficeDialog

    exports = tmp_path / "exports"
    exports.mkdir()
    handler = crash.install(capture_locals=True)
    try:
        with CaseStore.open(data_dir / "cases.sqlite") as cases:
            office = OfficeStore(cases)
            profile = office.save(StaffProfile(
                id="s1", name="法務　太郎", category=StaffCategory.GYOSEISHOSHI,
                certificate_number="123456789012", email="taro@example.jp",
                office_name="法務行政書士事務所", phone="0312345678",
                password_set_on=date(2025, 12, 1)))
            store = CredentialStore(InMemoryKeyring())
            store.set_auth_id(profile.id, AUTH_ID)
            store.set_password(profile.id, OLD_PASSWORD)

            dialog = OfficeDialog(office, store, today=date(2026, 11, 26), clear_after_ms=100)
            qtbot.addWidget(dialog)
            panel = dialog.panel
            panel.copy_password_button.click()                       # used for the login
            assert QGuiApplication.clipboard().text() == OLD_PASSWORD
            with qtbot.waitSignal(panel.clipboard.cleared, timeout=3000):
                pass
            panel.password_edit.setText(NEW_PASSWORD)                 # changed
            panel.save_button.click()
            assert store.get_password(profile.id) == NEW_PASSWORD
            assert office.get(profile.id).password_set_on == date(2026, 11, 26)
            panel.copy_id_button.click()
            panel.clipboard.clear_now()

            # a complete case (ISA's example): the CSV export refuses one with errors
            case = cases.create("renewal", {**main_sheet_case().values, "name": "NGUYEN VAN A"})
            fill_agent_block(case, office.current())
            cases.set_values(case.id, case.values)
            filled = cases.get(case.id)
            casefile.write_case_file(exports / "case.json", filled, cases.history(case.id))
            bulk.export_csv([filled], exports / "csv", on=ON)             # bulk template CSV
            bulk.export_csv([filled], exports / "csv-sjis", encoding="cp932", on=ON)
            xlsx.write_workbook([filled], exports / "review.xlsx")         # review workbook
            logging.getLogger("assistant").warning("password changed: %s", NEW_PASSWORD)
            try:
                fail_with_password_in_locals_and_message(store, profile.id)
            except RuntimeError:
                sys.excepthook(*sys.exc_info())
    finally:
        handler.uninstall()
    assert list((data_dir / "logs").glob("crash-*.txt"))
    assert "法務　太郎" in (exports / "case.json").read_text(encoding="utf-8")
    assert any("法務　太郎" in f.read_text(encoding="utf-8-sig")
               for f in (exports / "csv").glob("*.csv"))
    assert (exports / "review.xlsx").stat().st_size > 0
    assert (data_dir / "cases.sqlite").stat().st_size > 0
    assert leaks([data_dir, exports], [OLD_PASSWORD, NEW_PASSWORD, AUTH_ID]) == []


def test_leak_search_finds_a_planted_password(tmp_path):
    """The search itself works: UTF-16, base64 and inside a compressed xlsx/zip member."""
    import zipfile

    (tmp_path / "planted.bin").write_bytes(b"xx" + NEW_PASSWORD.encode("utf-16-le"))
    assert leaks([tmp_path], [NEW_PASSWORD])
    (tmp_path / "planted.bin").unlink()
    (tmp_path / "b64.txt").write_bytes(base64.b64encode(NEW_PASSWORD.encode()))
    assert leaks([tmp_path], [NEW_PASSWORD])
    (tmp_path / "b64.txt").unlink()
    with zipfile.ZipFile(tmp_path / "book.xlsx", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings.xml", f"<t>{NEW_PASSWORD}</t>")
    assert leaks([tmp_path], [NEW_PASSWORD])
