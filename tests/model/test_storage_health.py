"""Damage is detected and never written to; a lost database is reported, not recreated;
database files are private to the user (real SQLite files, really damaged)."""

from __future__ import annotations

import os
import stat

import pytest

from assistant.model.case import NAME
from assistant.model.storage import CaseStore, StorageError
from assistant.model.storage.health import (
    DatabaseDamagedError,
    DatabaseLostError,
    marker_path,
)
from tests.model.storage_files import PAGE, filled_database, overwrite_page


@pytest.mark.parametrize("fill", ["random", "zeros"])
@pytest.mark.parametrize("where", ["second", "middle", "last"])
def test_one_overwritten_page_is_found_at_open(tmp_path, where, fill):
    db = tmp_path / "cases.sqlite"
    filled_database(db)
    pages = db.stat().st_size // PAGE
    page = {"second": 1, "middle": pages // 2, "last": pages - 1}[where]
    overwrite_page(db, page, None if fill == "random" else bytes(PAGE))
    with pytest.raises(DatabaseDamagedError) as caught:
        CaseStore.open(db)
    assert caught.value.code == "storage_damaged"
    assert "壊れています" in caught.value.message_ja
    assert "書き込みません" in caught.value.message_ja
    assert "assistant backup restore" in caught.value.message_ja


def test_a_damaged_database_opened_for_reading_refuses_every_write(tmp_path):
    db = tmp_path / "cases.sqlite"
    ids = filled_database(db)
    overwrite_page(db, db.stat().st_size // PAGE - 1)
    before = db.read_bytes()
    with CaseStore.open(db, allow_damaged=True) as store:
        assert store.damage
        with pytest.raises(DatabaseDamagedError):
            store.set_value(ids[0], NAME, "CHANGED")
        with pytest.raises(DatabaseDamagedError):
            store.create("renewal")
        with pytest.raises(DatabaseDamagedError), store.transaction():
            pass
    assert db.read_bytes() == before


def test_the_full_check_finds_what_the_quick_check_misses_and_then_refuses_writes(tmp_path):
    """An index that disagrees with its table passes quick_check but not integrity_check."""
    db = tmp_path / "cases.sqlite"
    ids = filled_database(db, cases=50)
    with CaseStore.open(db) as store:
        conn = store.connection
        # Make the index audit_by_case disagree with its table the way a torn write does:
        # change the table's rows behind the index's back (writable_schema trick).
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("UPDATE sqlite_master SET sql = 'CREATE INDEX audit_by_case ON audit (key)'"
                     " WHERE name = 'audit_by_case'")
        conn.execute("PRAGMA writable_schema = OFF")
    with CaseStore.open(db) as store:  # quick_check does not compare index contents
        assert store.damage is None
        report = store.check_integrity()
        assert report is not None and "audit_by_case" in report
        with pytest.raises(DatabaseDamagedError):
            store.set_value(ids[0], NAME, "CHANGED")


def test_an_intact_database_passes_both_checks(tmp_path):
    db = tmp_path / "cases.sqlite"
    filled_database(db, cases=20)
    with CaseStore.open(db) as store:
        assert store.damage is None and store.check_integrity() is None
        store.create("renewal")  # writes are allowed


def test_a_database_emptied_to_0_bytes_is_reported_not_reused(tmp_path):
    db = tmp_path / "cases.sqlite"
    filled_database(db, cases=3)
    db.write_bytes(b"")
    with pytest.raises(DatabaseLostError) as caught:
        CaseStore.open(db)
    assert caught.value.code == "storage_database_emptied"
    assert "0 バイト" in caught.value.message_ja
    assert db.stat().st_size == 0  # nothing was created in its place


def test_a_missing_database_where_one_existed_is_reported_not_recreated(tmp_path):
    db = tmp_path / "cases.sqlite"
    filled_database(db, cases=3)
    db.unlink()
    with pytest.raises(DatabaseLostError) as caught:
        CaseStore.open(db)
    assert caught.value.code == "storage_database_missing"
    assert "見つかりません" in caught.value.message_ja
    assert not db.exists()


def test_a_new_folder_gets_a_new_database(tmp_path):
    db = tmp_path / "new" / "cases.sqlite"
    with CaseStore.open(db) as store:
        assert store.count() == 0
    assert marker_path(db).exists()


def test_a_file_that_is_not_a_database_is_damage_not_an_empty_office(tmp_path):
    db = tmp_path / "cases.sqlite"
    db.write_bytes(b"PK\x03\x04 this is a zip file, not a database" * 200)
    with pytest.raises(StorageError) as caught:
        CaseStore.open(db)
    assert isinstance(caught.value, DatabaseDamagedError)
    assert caught.value.code == "storage_corrupt"


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_database_files_and_folder_are_private(tmp_path):
    old = os.umask(0o022)
    try:
        db = tmp_path / "data" / "cases.sqlite"
        with CaseStore.open(db) as store:
            store.create("renewal", {NAME: "PRIVATE"})
            files = [db, db.with_name("cases.sqlite-wal"), db.with_name("cases.sqlite-shm")]
            assert all(f.exists() for f in files)
            assert {stat.S_IMODE(f.stat().st_mode) for f in files} == {0o600}
        assert stat.S_IMODE(db.parent.stat().st_mode) == 0o700
    finally:
        os.umask(old)


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_an_existing_world_readable_database_is_tightened(tmp_path):
    db = tmp_path / "cases.sqlite"
    filled_database(db, cases=1)
    os.chmod(db, 0o644)
    with CaseStore.open(db):
        pass
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
