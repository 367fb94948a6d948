"""設定 → バックアップと復元, and the start-up: damaged or lost databases offer their backups,
an unusable data folder is said and the start ends cleanly, the day's backup is made.
Real SQLite files, really damaged; real folders (read-only by permission, or under a file)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QPushButton

from assistant.model.storage import CaseStore
from assistant.model.storage import backups as bk
from assistant.ui import ask
from assistant.ui.backup_dialog import (
    BackupDialog,
    StartAborted,
    attach_to_settings,
    open_store_at_start,
    start_checks,
)
from tests.model.storage_files import PAGE, filled_database, overwrite_page

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


@pytest.fixture
def told(monkeypatch):
    """What the dialogs said: (kind, text); every question answered yes."""
    said: list[tuple[str, str]] = []
    monkeypatch.setattr(ask, "information", lambda _p, _t, text: said.append(("info", text)))
    monkeypatch.setattr(ask, "warning", lambda _p, _t, text: said.append(("warning", text)))
    monkeypatch.setattr(ask, "question", lambda _p, _t, text: said.append(("question", text))
                        or True)
    return said


def _screenshot(widget, name: str) -> None:
    folder = Path(os.environ.get("ASSISTANT_SCREENSHOTS", ROOT / "build" / "screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    widget.grab().save(str(folder / f"ja_{name}.png"))


def test_the_dialog_lists_backups_and_restores_one_over_the_open_store(
        qtbot, store, settings, main_window, told):
    case = store.create("renewal", {"name": "BEFORE"})
    first = bk.create_backup(store.path, bk.Reason.DAILY, now=NOW)
    store.set_value(case.id, "name", "AFTER")
    dialog = BackupDialog(store.path, settings, store=store, parent=main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 1).text() == "毎日の自動バックアップ"
    local = NOW.astimezone()   # the time as the office reads it
    assert dialog.table.item(0, 0).text() == \
        f"{local.year}年{local.month}月{local.day}日 {local:%H:%M:%S}"
    _screenshot(dialog, "backup_dialog")
    with qtbot.waitSignal(dialog.accepted):
        dialog.restore_button.click()
    assert dialog.restored and dialog.store_closed
    assert any("削除せず" in text for kind, text in told if kind == "question")
    assert any(f"{local.year}年{local.month}月{local.day}日（令和8年） {local:%H:%M:%S} のバックアップ"
               in text for kind, text in told if kind == "question")
    assert any("復元しました" in text for kind, text in told if kind == "info")
    with CaseStore.open(store.path) as again:
        assert again.get(case.id).values["name"] == "BEFORE"
    # the replaced state: kept aside, and listed as a backup made before the restore
    assert list((store.path.parent / "backups" / "aside").iterdir())
    reasons = [b.reason for b in bk.list_backups(store.path)]
    assert bk.Reason.RESTORE in reasons and first.path.exists()


def test_backup_now_and_the_full_check_from_the_dialog(qtbot, store, settings, told):
    store.create("renewal", {"name": "X"})
    dialog = BackupDialog(store.path, settings, store=store)
    qtbot.addWidget(dialog)
    dialog.create_button.click()
    assert dialog.table.rowCount() == 1 and "検査済み" in told[-1][1]
    dialog.check_button.click()
    qtbot.waitUntil(lambda: dialog.check_button.isEnabled(), timeout=10000)
    assert "異常はありません" in told[-1][1]


def test_a_second_folder_receives_a_copy(qtbot, store, settings, told, tmp_path, monkeypatch):
    store.create("renewal", {"name": "X"})
    share = tmp_path / "share"
    monkeypatch.setattr(ask, "folder", lambda *a: share)
    dialog = BackupDialog(store.path, settings, store=store)
    qtbot.addWidget(dialog)
    [b for b in dialog.findChildren(QPushButton) if b.text().startswith("変更")][0].click()
    assert dialog.mirror_edit.text() == str(share)
    dialog.create_button.click()
    assert "2 つ目の保存先にもコピーしました" in told[-1][1]
    assert len(list(share.glob("cases-*.sqlite"))) == 1
    assert dialog.table.rowCount() == 2  # the local backup and its copy


def _drive(monkeypatch, action):
    """Replace BackupDialog.exec by what the user does in it (the dialog is real)."""
    seen: list[BackupDialog] = []

    def exec_(self):
        seen.append(self)
        action(self)
        return 0

    monkeypatch.setattr(BackupDialog, "exec", exec_)
    return seen


def test_a_damaged_database_at_start_opens_the_backups_and_restores(
        qtbot, tmp_path, settings, told, monkeypatch):
    db = tmp_path / "data" / "cases.sqlite"
    filled_database(db, cases=30)
    bk.create_backup(db, now=NOW)
    overwrite_page(db, db.stat().st_size // PAGE // 2)
    seen = _drive(monkeypatch, lambda d: d.restore_button.click())
    store = open_store_at_start(db, settings, clock=lambda: NOW)
    try:
        assert store.count() == 30
    finally:
        store.close()
    assert "壊れています" in seen[0].problem_label.text()
    assert seen[0].problem_label.isVisibleTo(seen[0])
    assert not seen[0].create_button.isEnabled()   # nothing to back up from a damaged file


def test_a_damaged_database_without_a_chosen_backup_ends_the_start(
        qtbot, tmp_path, settings, told, monkeypatch):
    db = tmp_path / "data" / "cases.sqlite"
    filled_database(db, cases=30)
    overwrite_page(db, 3)
    before = db.read_bytes()
    _drive(monkeypatch, lambda d: d.reject())
    with pytest.raises(StartAborted):
        open_store_at_start(db, settings)
    assert db.read_bytes() == before            # never written, never recreated


def test_an_emptied_database_can_start_empty_with_the_old_file_kept(
        qtbot, tmp_path, settings, told, monkeypatch):
    db = tmp_path / "data" / "cases.sqlite"
    filled_database(db, cases=3)
    db.write_bytes(b"")
    seen = _drive(monkeypatch, lambda d: d.empty_button.click())
    store = open_store_at_start(db, settings, clock=lambda: NOW)
    store.close()
    assert "0 バイト" in seen[0].problem_label.text()
    (aside,) = (db.parent / "backups" / "aside").iterdir()
    assert (aside / "cases.sqlite").stat().st_size == 0


def test_gui_start_on_a_data_folder_under_a_file_says_so_and_quits(qtbot, tmp_path, told):
    """Works as root too: no permission can make a folder under a regular file."""
    from assistant.app import run_gui

    blocker = tmp_path / "blocker"
    blocker.write_text("a file")
    code = run_gui(smoke=True, db=str(blocker / "data" / "cases.sqlite"))
    assert code == 1
    (kind, text), = told
    assert kind == "warning" and "起動できません" in text and str(blocker / "data") in text


CHILD = r"""
import json, sys
from assistant.ui import ask
said = []
ask.warning = lambda _p, _t, text: said.append(text)
from assistant.app import run_gui
code = run_gui(smoke=True, db=sys.argv[1])
print(json.dumps({"code": code, "said": said}, ensure_ascii=False))
"""


@pytest.mark.parametrize("with_database", [False, True])
def test_gui_start_on_a_read_only_data_folder_says_so_and_quits(tmp_path, with_database):
    """A real read-only folder (chmod), empty or holding last week's database; as root, the
    child drops the permission override (setpriv), as the storage error tests do."""
    prefix: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: permissions cannot be enforced")
        prefix = [setpriv, "--bounding-set=-dac_override,-dac_read_search"]
    folder = tmp_path / "readonly"
    folder.mkdir()
    if with_database:
        filled_database(folder / "cases.sqlite", cases=2)
    before = sorted(p.name for p in folder.iterdir())
    folder.chmod(0o500)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
           "ASSISTANT_DATA_DIR": str(folder), "ASSISTANT_CONFIG_DIR": str(tmp_path / "config")}
    try:
        done = subprocess.run([*prefix, sys.executable, "-c", CHILD,
                               str(folder / "cases.sqlite")], capture_output=True, text=True,
                              encoding="utf-8", env=env, timeout=120)
    finally:
        folder.chmod(0o700)
    assert "Traceback" not in done.stderr, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["code"] == 1
    (text,) = result["said"]
    assert "起動できません" in text and str(folder) in text
    assert sorted(p.name for p in folder.iterdir()) == before


def test_start_checks_make_the_days_backup_and_warn_about_a_sync_folder(
        qtbot, tmp_path, settings, told):
    from assistant.ui.main_window import MainWindow

    root = tmp_path / "Dropbox-root"
    root.mkdir()
    (root / ".dropbox").write_text("{}")
    db = root / "zairyu" / "cases.sqlite"
    store = CaseStore.open(db)
    try:
        store.create("renewal", {"name": "X"})
        window = MainWindow(store, settings)
        qtbot.addWidget(window)
        operation = start_checks(window, store, settings, clock=lambda: NOW)
        assert told and told[0][0] == "warning" and "Dropbox" in told[0][1]
        assert "ローカルフォルダ" in told[0][1]
        qtbot.waitUntil(lambda: bool(bk.list_backups(db)), timeout=10000)
        qtbot.waitUntil(lambda: "バックアップを作成しました" in window.statusBar().currentMessage(),
                        timeout=10000)
        assert operation is not None
    finally:
        store.close()


def test_start_checks_say_when_the_full_check_finds_damage(qtbot, tmp_path, settings, told):
    from assistant.ui.main_window import MainWindow

    db = tmp_path / "data" / "cases.sqlite"
    filled_database(db, cases=10)
    with CaseStore.open(db) as store:
        conn = store.connection
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("UPDATE sqlite_master SET sql = 'CREATE INDEX audit_by_case ON audit (key)'"
                     " WHERE name = 'audit_by_case'")
        conn.execute("PRAGMA writable_schema = OFF")
    store = CaseStore.open(db)
    try:
        window = MainWindow(store, settings)
        qtbot.addWidget(window)
        start_checks(window, store, settings, clock=lambda: NOW)
        qtbot.waitUntil(lambda: bool(told), timeout=10000)
        assert "壊れています" in told[0][1]
        assert store.damage is not None and bk.list_backups(db) == []
    finally:
        store.close()


def test_damage_the_full_check_finds_offers_the_backups_as_at_open(
        qtbot, tmp_path, settings, told, monkeypatch):
    """The start's full check (indexes against their tables) finds what the quick check at open
    does not: the office gets the same dialog as for damage found at open, restore offered."""
    from assistant.ui.main_window import MainWindow

    db = tmp_path / "data" / "cases.sqlite"
    filled_database(db, cases=10)
    bk.create_backup(db, now=NOW)
    with CaseStore.open(db) as store:
        conn = store.connection
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("UPDATE sqlite_master SET sql = 'CREATE INDEX audit_by_case ON audit (key)'"
                     " WHERE name = 'audit_by_case'")
        conn.execute("PRAGMA writable_schema = OFF")
    seen = _drive(monkeypatch, lambda d: d.reject())
    reloads: list[bool] = []
    store = CaseStore.open(db)
    try:
        window = MainWindow(store, settings)
        qtbot.addWidget(window)
        start_checks(window, store, settings, clock=lambda: NOW,
                     reload=lambda: reloads.append(True))
        qtbot.waitUntil(lambda: bool(seen), timeout=10000)
        dialog = seen[0]
        assert "壊れています" in dialog.problem_label.text()
        assert dialog.restore_button.isVisibleTo(dialog)
        assert told == []                     # no separate message box on top of the dialog
        assert store.damage is not None and reloads == []
    finally:
        store.close()


def test_settings_dialog_has_the_backup_row_and_the_location_warning(
        qtbot, tmp_path, settings, told):
    from assistant.ui.main_window import MainWindow
    from assistant.ui.settings_dialog import SettingsDialog

    root = tmp_path / "OneDrive - Yamada Office"
    store = CaseStore.open(root / "cases.sqlite")
    try:
        window = MainWindow(store, settings)
        qtbot.addWidget(window)
        dialog = SettingsDialog(settings, window)
        qtbot.addWidget(dialog)
        attach_to_settings(dialog, store, settings, window.reload_requested.emit)
        dialog.show()
        from PySide6.QtWidgets import QLabel

        warning = dialog.findChild(QLabel, "location_warning")
        assert warning is not None and "OneDrive" in warning.text()
        assert dialog.findChild(QPushButton, "backups_button") is not None
        _screenshot(dialog, "settings_backup_row")
        assert window.backup_action in window.file_menu.actions()
    finally:
        store.close()


def test_every_text_of_the_dialog_is_in_storage_ts(tmp_path):
    """The dialog's texts live in resources/i18n/en/storage.ts (its area's own file)."""
    from tests.ui.test_translations import _tool

    tool = _tool()
    copy = tmp_path / "storage.ts"
    shutil.copy(ROOT / "resources" / "i18n" / "en" / "storage.ts", copy)
    done = subprocess.run([str(tool.find_tool("lupdate")), "assistant/ui/backup_dialog.py",
                           "-ts", str(copy)], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert tool.unfinished(copy) == []


def test_the_dialog_in_english(qtbot, store, settings, told):
    from assistant.ui.i18n import install_translators
    from tests.ui.test_translations import _tool

    _tool().build("en")
    try:
        assert install_translators("en")
        bk.create_backup(store.path, bk.Reason.MANUAL, now=NOW)
        dialog = BackupDialog(store.path, settings, store=store)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.windowTitle() == "Backups and restore"
        assert dialog.restore_button.text() == "&Restore the selected backup..."
        folder = Path(os.environ.get("ASSISTANT_SCREENSHOTS", ROOT / "build" / "screenshots"))
        folder.mkdir(parents=True, exist_ok=True)
        QApplication.processEvents()
        dialog.grab().save(str(folder / "en_backup_dialog.png"))
    finally:
        install_translators("ja")


def test_restore_from_the_file_menu_rebuilds_the_window_on_the_restored_database(
        qtbot, told, monkeypatch):
    from assistant.app import Session

    session = Session(db=None, language="ja")
    try:
        window = session.open()  # (not given to qtbot: the reload deletes it)
        store = session.store
        case = store.create("renewal", {"name": "IN THE BACKUP"})
        bk.create_backup(store.path, now=NOW)
        store.set_value(case.id, "name", "CHANGED LATER")
        _drive(monkeypatch, lambda d: d.restore_button.click())
        window.backup_action.trigger()
        qtbot.waitUntil(lambda: session.window is not window, timeout=10000)
        qtbot.addWidget(session.window)
        assert session.store is not store
        assert session.store.get(case.id).values["name"] == "IN THE BACKUP"
        session.store.set_value(case.id, "name", "WRITABLE AGAIN")   # the new store works
    finally:
        session.close()
