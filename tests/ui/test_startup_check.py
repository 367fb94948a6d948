"""The GUI's start on a large database closed cleanly: the window shows first, the damage check
follows in a worker thread, and damage it finds is met as at open — the same message with the
backups to restore from, and no write. Real SQLite files, really damaged."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from assistant.model.case import NAME
from assistant.model.storage import backups as bk
from assistant.model.storage import health
from assistant.model.storage.health import DatabaseDamagedError
from assistant.ui import ask
from tests.model.storage_files import PAGE, filled_database, overwrite_page
from tests.ui.test_backup_dialog import _drive

NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


@pytest.fixture
def large(monkeypatch):
    """Every file counts as large (the real threshold is 16 MB: too slow to fill per test)."""
    monkeypatch.setattr(health, "CHECK_AT_OPEN_BELOW", 0)


@pytest.fixture
def told(monkeypatch):
    said: list[tuple[str, str]] = []
    monkeypatch.setattr(ask, "information", lambda _p, _t, text: said.append(("info", text)))
    monkeypatch.setattr(ask, "warning", lambda _p, _t, text: said.append(("warning", text)))
    monkeypatch.setattr(ask, "question", lambda _p, _t, text: said.append(("question", text))
                        or True)
    return said


def _session(db):
    from assistant.app import Session

    return Session(db=str(db), language="ja")


def test_damage_found_after_the_window_shows_offers_the_backups_and_stops_writes(
        qtbot, tmp_path, monkeypatch, large, told):
    from assistant.app import check_store

    db = tmp_path / "data" / "cases.sqlite"
    ids = filled_database(db, cases=300)
    overwrite_page(db, db.stat().st_size // PAGE // 2)
    before = db.read_bytes()
    seen = _drive(monkeypatch, lambda d: d.reject())
    session = _session(db)
    try:
        window = session.open()                      # no damage error: the check waits
        qtbot.addWidget(window)
        window.show()
        assert session.store is not None and session.store.check_pending
        check_store(window, then=lambda: told.append(("then", "")))
        qtbot.waitUntil(lambda: bool(seen), timeout=20000)
        dialog = seen[0]
        # the same message as when the damage is found at open, with the backups offered
        assert "壊れています" in dialog.problem_label.text()
        assert "書き込みません" in dialog.problem_label.text()
        assert dialog.problem_label.isVisibleTo(dialog)
        assert dialog.restore_button.isVisibleTo(dialog)
        assert not dialog.create_button.isEnabled()  # nothing to back up from a damaged file
        assert ("then", "") not in told              # no start checks on a damaged store
        store = session.store
        assert store.damage is not None
        with pytest.raises(DatabaseDamagedError):
            store.set_value(ids[0], NAME, "CHANGED")
        assert window.isVisible()                    # closed without a restore: for reading
    finally:
        session.close()
    assert db.read_bytes() == before


def test_a_restore_offered_after_the_start_rebuilds_the_window_on_the_backup(
        qtbot, tmp_path, monkeypatch, large, told):
    from assistant.app import check_store

    db = tmp_path / "data" / "cases.sqlite"
    filled_database(db, cases=30)
    bk.create_backup(db, now=NOW)
    overwrite_page(db, db.stat().st_size // PAGE // 2)
    seen = _drive(monkeypatch, lambda d: d.restore_button.click())
    session = _session(db)
    try:
        window = session.open()   # (deleted by the reload: not handed to qtbot)
        window.show()
        check_store(window)
        qtbot.waitUntil(lambda: session.window is not window, timeout=20000)
        qtbot.addWidget(session.window)
        assert seen and seen[0].restored
        assert session.store is not None and session.store.damage is None
        assert session.store.count() == 30
        session.store.create("renewal")              # the restored database takes writes
    finally:
        session.close()


def test_an_intact_database_goes_on_to_the_start_checks(qtbot, tmp_path, monkeypatch, large):
    from assistant.app import check_store

    db = tmp_path / "data" / "cases.sqlite"
    filled_database(db, cases=30)
    session = _session(db)
    went_on: list[bool] = []
    try:
        window = session.open()
        qtbot.addWidget(window)
        window.show()
        assert session.store is not None and session.store.check_pending
        check_store(window, then=lambda: went_on.append(True))
        qtbot.waitUntil(lambda: bool(went_on), timeout=20000)
        assert not session.store.check_pending and session.store.damage is None
    finally:
        session.close()
