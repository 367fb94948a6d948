"""Rolling backups with SQLite's backup API: verified copies, the 7-day/4-week rotation,
restoring that keeps the replaced file aside (real SQLite files, really damaged)."""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from assistant.model.case import NAME
from assistant.model.storage import CaseStore, StorageError
from assistant.model.storage import backups as bk
from assistant.model.storage.health import DatabaseDamagedError, DatabaseLostError
from tests.model.storage_files import PAGE, filled_database, overwrite_page

NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


def _names(db: Path) -> list[str]:
    with CaseStore.open(db) as store:
        return sorted(s.name for s in store.list_summaries())


def test_a_backup_is_a_verified_private_copy_of_the_open_database(tmp_path):
    db = tmp_path / "cases.sqlite"
    with CaseStore.open(db) as store:
        store.create("renewal", {NAME: "IN THE WAL"})   # still only in the -wal file
        backup = bk.create_backup(db, bk.Reason.MANUAL, now=NOW)
        store.create("renewal", {NAME: "AFTER THE BACKUP"})
    assert backup.path.parent == tmp_path / "backups"
    assert backup.path.name == "cases-20261207T090000Z-manual.sqlite"
    assert bk.verify(backup.path) is None
    conn = sqlite3.connect(backup.path)
    assert [r[0] for r in conn.execute("SELECT list_name FROM cases")] == ["IN THE WAL"]
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one file
    conn.close()
    if os.name == "posix":
        assert stat.S_IMODE(backup.path.stat().st_mode) == 0o600
        assert stat.S_IMODE(backup.path.parent.stat().st_mode) == 0o700
    assert [b.path for b in bk.list_backups(db)] == [backup.path]
    assert not list((tmp_path / "backups").glob(".*"))  # no temporary left


def test_a_damaged_database_makes_no_backup_and_keeps_the_good_ones(tmp_path):
    db = tmp_path / "cases.sqlite"
    filled_database(db, cases=100)
    good = bk.create_backup(db, bk.Reason.DAILY, now=NOW)
    overwrite_page(db, db.stat().st_size // PAGE // 2)
    with pytest.raises(StorageError) as caught:
        bk.backup_before(db, bk.Reason.IMPORT, now=NOW + timedelta(days=1))
    assert caught.value.code == "backup_verify_failed"
    assert "以前のバックアップはそのまま残っています" in caught.value.message_ja
    assert [b.path for b in bk.list_backups(db)] == [good.path]
    assert sorted(p.name for p in (tmp_path / "backups").iterdir()) == [good.path.name]


def test_two_backups_in_the_same_second_both_exist(tmp_path):
    db = tmp_path / "cases.sqlite"
    filled_database(db, cases=2)
    first = bk.create_backup(db, now=NOW)
    second = bk.create_backup(db, now=NOW)
    assert first.path != second.path and first.path.exists() and second.path.exists()


def _fake_backups(folder: Path, times: list[datetime]) -> list[Path]:
    """Real (tiny) backup files with the given times in their names."""
    source = folder.parent / "source.sqlite"
    if not source.exists():
        filled_database(source, cases=1)
    return [bk.create_backup(source, bk.Reason.DAILY, now=moment, folder=folder).path
            for moment in times]


def test_rotation_keeps_7_days_and_4_weeks_and_today(tmp_path):
    # one backup a day for 60 days, two on the last day
    times = [NOW - timedelta(days=d) for d in range(60)] + [NOW - timedelta(hours=3)]
    paths = _fake_backups(tmp_path / "backups", times)
    removed = bk.prune(tmp_path / "backups", "source", NOW)
    kept = sorted(p for p in paths if p.exists())
    assert len(removed) == len(paths) - len(kept)
    kept_times = sorted(bk._parse(p, "source").taken_at for p in kept)  # noqa: SLF001
    days = {t.date() for t in kept_times}
    # the last 7 days, and the newest of each of the 4 newest ISO weeks
    assert {(NOW - timedelta(days=d)).date() for d in range(7)} <= days
    weeks = {t.isocalendar()[:2] for t in kept_times}
    assert len(weeks) == 4
    assert min(kept_times) >= NOW - timedelta(days=28)
    assert NOW - timedelta(hours=3) in kept_times  # today's earlier backup is kept too
    assert len(kept) <= 7 + 4 + 1


def test_rotation_never_touches_other_files(tmp_path):
    folder = tmp_path / "backups"
    paths = _fake_backups(folder, [NOW - timedelta(days=d * 10) for d in range(10)])
    (folder / "notes.txt").write_text("mine")
    (folder / "aside").mkdir()
    bk.prune(folder, "source", NOW)
    assert (folder / "notes.txt").exists() and (folder / "aside").is_dir()
    assert any(not p.exists() for p in paths)


def test_daily_backup_once_a_day(tmp_path):
    db = tmp_path / "cases.sqlite"
    filled_database(db, cases=2)
    first = bk.ensure_daily_backup(db, now=NOW)
    assert first is not None and first.reason is bk.Reason.DAILY
    assert bk.ensure_daily_backup(db, now=NOW + timedelta(hours=1)) is None
    assert bk.ensure_daily_backup(db, now=NOW + timedelta(days=1)) is not None


def test_daily_backup_is_mirrored_to_a_second_folder(tmp_path):
    db = tmp_path / "local" / "cases.sqlite"
    filled_database(db, cases=2)
    share = tmp_path / "share"
    backup = bk.ensure_daily_backup(db, now=NOW, mirror=share)
    assert backup is not None
    (copy,) = share.iterdir()
    assert copy.name == backup.path.name and bk.verify(copy) is None
    assert copy in [b.path for b in bk.list_backups(db, mirror=share)]


def test_restore_replaces_a_damaged_database_and_keeps_it_aside(tmp_path):
    db = tmp_path / "cases.sqlite"
    filled_database(db, cases=50)
    backup = bk.create_backup(db, now=NOW)
    with CaseStore.open(db) as store:
        store.create("renewal", {NAME: "AFTER BACKUP"})
    overwrite_page(db, 2)
    damaged = db.read_bytes()
    with pytest.raises(DatabaseDamagedError):
        CaseStore.open(db)
    restored = bk.restore_backup(db, backup.path, now=NOW + timedelta(hours=1))
    assert restored.aside[0].name == "cases.sqlite"
    assert {p.name for p in restored.aside} <= {"cases.sqlite", "cases.sqlite-wal",
                                                 "cases.sqlite-shm"}
    assert restored.aside[0].read_bytes() == damaged          # kept, byte for byte
    assert restored.aside[0].parent.parent == tmp_path / "backups" / "aside"
    names = _names(db)
    assert len(names) == 50 and "AFTER BACKUP" not in names
    if os.name == "posix":
        assert stat.S_IMODE(db.stat().st_mode) == 0o600
    assert backup.path.exists()                                # the backup stays a backup


def test_restore_over_a_0_byte_database(tmp_path):
    db = tmp_path / "cases.sqlite"
    filled_database(db, cases=5)
    backup = bk.create_backup(db, now=NOW)
    db.write_bytes(b"")
    with pytest.raises(DatabaseLostError):
        CaseStore.open(db)
    restored = bk.restore_backup(db, backup.path, now=NOW)
    assert restored.aside[0].stat().st_size == 0
    assert len(_names(db)) == 5


KILLED_WRITER = r"""
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA journal_mode = WAL")
conn.execute("PRAGMA wal_autocheckpoint = 0")
conn.execute("UPDATE cases SET list_name = 'ONLY IN WAL'")
os.kill(os.getpid(), 9)   # dies with its last change only in the -wal file
"""


def test_restore_keeps_the_wal_with_the_file_it_belongs_to(tmp_path):
    """A database whose writer was killed (last changes only in -wal) is moved aside whole."""
    import subprocess
    import sys

    db = tmp_path / "cases.sqlite"
    filled_database(db, cases=3)
    backup = bk.create_backup(db, now=NOW)
    subprocess.run([sys.executable, "-c", KILLED_WRITER, str(db)], check=False)
    assert db.with_name("cases.sqlite-wal").stat().st_size > 0
    aside = bk.restore_backup(db, backup.path, now=NOW).aside
    assert {p.name for p in aside} >= {"cases.sqlite", "cases.sqlite-wal"}
    conn = sqlite3.connect(aside[0])
    assert {r[0] for r in conn.execute("SELECT list_name FROM cases")} == {"ONLY IN WAL"}
    conn.close()
    assert len(_names(db)) == 3 and "ONLY IN WAL" not in _names(db)


def test_an_unusable_backup_is_refused_and_nothing_moves(tmp_path):
    db = tmp_path / "cases.sqlite"
    filled_database(db, cases=3)
    bad = tmp_path / "backups" / "cases-20261201T000000Z-manual.sqlite"
    bad.parent.mkdir()
    bad.write_bytes(b"not a database" * 500)
    before = db.read_bytes()
    with pytest.raises(StorageError) as caught:
        bk.restore_backup(db, bad, now=NOW)
    assert caught.value.code == "backup_unusable"
    assert db.read_bytes() == before and not (tmp_path / "backups" / "aside").exists()


def test_start_empty_moves_the_old_file_aside_and_opens_a_new_database(tmp_path):
    db = tmp_path / "cases.sqlite"
    filled_database(db, cases=3)
    db.write_bytes(b"")
    moved = bk.start_empty(db, now=NOW)
    assert [p.stat().st_size for p in moved] == [0]
    with CaseStore.open(db) as store:
        assert store.count() == 0


def test_migration_copies_are_listed(tmp_path):
    db = tmp_path / "cases.sqlite"
    filled_database(db, cases=1)
    copy = tmp_path / "cases.backup-v3-20261101T101010123456Z.sqlite"
    copy.write_bytes(db.read_bytes())
    (listed,) = bk.list_backups(db)
    assert listed.path == copy and listed.reason is bk.Reason.MIGRATION


def test_start_check_backs_up_an_intact_database_once_a_day(tmp_path):
    db = tmp_path / "cases.sqlite"
    filled_database(db, cases=5)
    with CaseStore.open(db) as store:
        first = bk.check_and_back_up(store, now=NOW)
        again = bk.check_and_back_up(store, now=NOW + timedelta(minutes=5))
    assert first.damage is None and first.backup is not None and first.problem is None
    assert again.backup is None


def test_start_check_keeps_the_local_backup_when_the_share_is_unreachable(tmp_path):
    db = tmp_path / "cases.sqlite"
    filled_database(db, cases=5)
    blocker = tmp_path / "share-offline"
    blocker.write_text("a file where the share's folder should be")
    with CaseStore.open(db) as store:
        result = bk.check_and_back_up(store, now=NOW, mirror=blocker / "backups")
    assert result.backup is not None and result.backup.path.exists()
    assert result.problem is not None and str(blocker) in result.problem.message_ja


def test_start_check_of_a_damaged_database_makes_no_backup_and_stops_writes(tmp_path):
    db = tmp_path / "cases.sqlite"
    ids = filled_database(db, cases=20)
    with CaseStore.open(db) as store:
        conn = store.connection
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("UPDATE sqlite_master SET sql = 'CREATE INDEX audit_by_case ON audit (key)'"
                     " WHERE name = 'audit_by_case'")
        conn.execute("PRAGMA writable_schema = OFF")
    with CaseStore.open(db) as store:
        result = bk.check_and_back_up(store, now=NOW)
        assert result.damage is not None and result.backup is None
        with pytest.raises(DatabaseDamagedError):
            store.set_value(ids[0], NAME, "X")
    assert bk.list_backups(db) == []


def test_the_copy_before_a_format_upgrade_is_one_private_checked_file(tmp_path, monkeypatch):
    from assistant.model.storage import MIGRATIONS

    db = tmp_path / "cases.sqlite"
    filled_database(db, cases=3)
    monkeypatch.setattr("assistant.model.storage.schema.MIGRATIONS",
                        [*MIGRATIONS, "ALTER TABLE cases ADD COLUMN label TEXT"])
    monkeypatch.setattr("assistant.model.storage.schema.SCHEMA_VERSION", len(MIGRATIONS) + 1)
    CaseStore.open(db).close()
    (listed,) = bk.list_backups(db)
    assert listed.reason is bk.Reason.MIGRATION and bk.verify(listed.path) is None
    assert not listed.path.with_name(listed.path.name + "-wal").exists()
    if os.name == "posix":
        assert stat.S_IMODE(listed.path.stat().st_mode) == 0o600
