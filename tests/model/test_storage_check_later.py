"""The damage check left for later (the GUI's start on a large database): it runs at once after
an unclean end, later after a clean one, and no write lands before it has answered or after it
found damage (real SQLite files, really damaged; a real process killed with SIGKILL)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.model.case import NAME
from assistant.model.storage import CaseStore, health
from assistant.model.storage.health import DatabaseDamagedError, open_marker_path
from tests.model.storage_files import PAGE, filled_database, overwrite_page

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def large(monkeypatch):
    """Every file counts as large (the real threshold is 16 MB: too slow to fill per test)."""
    monkeypatch.setattr(health, "CHECK_AT_OPEN_BELOW", 0)


def test_a_clean_close_leaves_no_marker_and_the_next_open_leaves_the_check_for_later(
        tmp_path, large):
    db = tmp_path / "cases.sqlite"
    filled_database(db, cases=20)
    assert not open_marker_path(db).exists()
    with CaseStore.open(db, check_later=True) as store:
        assert open_marker_path(db).exists()      # this session is open
        assert store.check_pending
        assert store.ensure_checked() is None     # intact
        assert not store.check_pending
        store.create("renewal")                   # writes go on
    assert not open_marker_path(db).exists()


def test_damage_after_a_clean_end_is_found_later_and_no_write_lands(tmp_path, large):
    db = tmp_path / "cases.sqlite"
    ids = filled_database(db, cases=300)
    overwrite_page(db, db.stat().st_size // PAGE // 2)
    before = db.read_bytes()
    store = CaseStore.open(db, check_later=True)  # opens: the check has not run
    try:
        assert store.check_pending and store.damage is None
        report = store.ensure_checked()           # what the GUI's worker thread runs
        assert report is not None and store.damage == report
        with pytest.raises(DatabaseDamagedError) as caught:
            store.set_value(ids[0], NAME, "CHANGED")
        assert "壊れています" in caught.value.message_ja
        with pytest.raises(DatabaseDamagedError):
            store.create("renewal")
    finally:
        store.close()
    assert db.read_bytes() == before              # not one byte written
    # found damaged: the marker stays, so the next start checks before the window shows
    assert open_marker_path(db).exists()
    with pytest.raises(DatabaseDamagedError):
        CaseStore.open(db, check_later=True)


def test_a_write_before_the_check_answered_runs_it_first_and_is_refused(tmp_path, large):
    db = tmp_path / "cases.sqlite"
    ids = filled_database(db, cases=300)
    overwrite_page(db, db.stat().st_size // PAGE - 1)
    before = db.read_bytes()
    with CaseStore.open(db, check_later=True) as store:
        assert store.check_pending
        with pytest.raises(DatabaseDamagedError):
            store.set_value(ids[0], NAME, "CHANGED")   # the check ran first
        assert not store.check_pending and store.damage
    assert db.read_bytes() == before


def test_damage_after_an_unclean_end_is_found_at_open(tmp_path, large):
    db = tmp_path / "cases.sqlite"
    filled_database(db, cases=300)
    open_marker_path(db).write_text("left by a session that was killed\n")
    overwrite_page(db, 3)
    before = db.read_bytes()
    with pytest.raises(DatabaseDamagedError) as caught:
        CaseStore.open(db, check_later=True)
    assert "壊れています" in caught.value.message_ja
    assert db.read_bytes() == before


def test_a_small_database_is_checked_at_open(tmp_path):
    db = tmp_path / "cases.sqlite"
    filled_database(db, cases=300)
    assert db.stat().st_size < health.CHECK_AT_OPEN_BELOW
    overwrite_page(db, db.stat().st_size // PAGE // 2)
    with pytest.raises(DatabaseDamagedError):
        CaseStore.open(db, check_later=True)


def test_without_check_later_the_check_runs_at_open(tmp_path, large):
    """The command line (and every other caller) keeps the check before the first use."""
    db = tmp_path / "cases.sqlite"
    filled_database(db, cases=300)
    overwrite_page(db, db.stat().st_size // PAGE // 2)
    with pytest.raises(DatabaseDamagedError):
        CaseStore.open(db)


def test_the_marker_stays_while_another_store_has_the_database_open(tmp_path, large):
    db = tmp_path / "cases.sqlite"
    filled_database(db, cases=20)
    first = CaseStore.open(db, check_later=True)
    second = CaseStore.open(db, check_later=True)  # sees the first one's marker: checks now
    assert first.check_pending and not second.check_pending
    second.close()
    assert open_marker_path(db).exists()           # the first is still open
    first.close()
    assert not open_marker_path(db).exists()       # the last one out removes it


_HOLD_OPEN = """
import sys, time
from assistant.model.storage import CaseStore
store = CaseStore.open(sys.argv[1], check_later=True)
store.create("renewal", {"name": "BEFORE THE KILL"})
print("open", flush=True)
time.sleep(60)
"""


def _kill_while_open(db: Path) -> None:
    """A real process opens the store as the GUI does, writes a case and is killed -9."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    child = subprocess.Popen([sys.executable, "-c", _HOLD_OPEN, str(db)], env=env,
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "open"
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=30)
        if child.stdout is not None:
            child.stdout.close()
    assert child.returncode == -signal.SIGKILL


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_a_killed_process_leaves_the_marker_and_the_next_open_checks_at_once(tmp_path, large):
    db = tmp_path / "cases.sqlite"
    filled_database(db, cases=20)
    _kill_while_open(db)
    assert open_marker_path(db).exists()
    with CaseStore.open(db, check_later=True) as store:
        assert not store.check_pending              # checked before anything else
        assert store.count() == 21                  # the committed case survived the kill
    assert not open_marker_path(db).exists()        # this session ended cleanly


def _pages_in_wal(db: Path) -> set[int]:
    """The (0-based) pages the write-ahead log holds newer copies of (frame headers: page
    number, big-endian, after the 32-byte file header)."""
    wal = db.with_name(db.name + "-wal").read_bytes()
    pages, offset = set(), 32
    while offset + 24 + PAGE <= len(wal):
        pages.add(int.from_bytes(wal[offset:offset + 4], "big") - 1)
        offset += 24 + PAGE
    return pages


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_damage_after_a_killed_session_is_refused_at_open_before_any_window(tmp_path, large):
    db = tmp_path / "cases.sqlite"
    filled_database(db, cases=300)
    _kill_while_open(db)                  # leaves the marker and its write in the -wal file
    in_wal = _pages_in_wal(db)
    assert in_wal                         # the killed session's committed case
    middle = db.stat().st_size // PAGE // 2
    page = next(p for p in range(middle, 2 * middle) if p not in in_wal)
    overwrite_page(db, page)              # damage the log does not cover
    before = db.read_bytes()
    with pytest.raises(DatabaseDamagedError) as caught:
        CaseStore.open(db, check_later=True)
    assert "壊れています" in caught.value.message_ja
    assert db.read_bytes() == before
