"""Is the database file whole? Damage checks, the "it existed" marker, private file modes.

- :func:`quick_check` runs ``PRAGMA quick_check`` (every page read, b-tree structure checked:
  about 80 ms for 10,000 cases, 0.8 s for 100,000) when the store opens; :func:`integrity_check`
  runs the full ``PRAGMA integrity_check`` (indexes against their tables too) on a connection of
  its own, so a worker thread can run it while the store stays usable.
- When the check may wait (:func:`check_at_open`): the GUI opens a large database that was
  closed cleanly last time without the check, and runs :func:`quick_check_file` in a worker
  thread once the window shows; a write asked for before that check has answered waits for
  it (``Database.ensure_checked``). Damage is likeliest after a crash, a killed process or a
  power loss: the marker ``.<db name>.open`` (:func:`mark_open`) is written when a store
  opens and removed when the last one closes cleanly (:func:`mark_closed`), so a marker found
  at open means the previous session did not end cleanly and the check runs at once.
- A damaged database is never written to: :class:`DatabaseDamagedError` at open, and a store
  whose later check found damage refuses every write (see ``Database.mark_damaged``).
- The marker ``.<db name>.present`` next to the database records that a database with tables
  existed there. A missing or 0-byte database where the marker says one existed is reported
  (:class:`DatabaseLostError`) instead of being silently replaced by an empty one.
- On POSIX the database (and its ``-wal`` / ``-shm``, which SQLite creates with the database's
  mode) and the folders the store creates are private to the user: 0600 / 0700.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from pathlib import Path

from assistant.model.atomic import atomic_write_text
from assistant.model.storage.errors import StorageError, storage_error

FILE_MODE = 0o600
FOLDER_MODE = 0o700
#: A database file smaller than this is checked when it opens even when the check may wait:
#: ``PRAGMA quick_check`` reads it in a few tens of milliseconds (about 1.7 ms per MB here).
CHECK_AT_OPEN_BELOW = 16 * 2**20
#: Lines of SQLite's damage report kept in messages (the full report can be thousands).
REPORT_LINES = 5


class DatabaseDamagedError(StorageError):
    """SQLite's check found the database damaged; ``report`` is its (shortened) finding."""

    def __init__(self, path: Path, report: str, code: str = "storage_damaged") -> None:
        self.report = report
        super().__init__(code, path=str(path), detail=shorten(report))


class DatabaseLostError(StorageError):
    """The database is missing or empty although one with data existed there before."""


def shorten(report: str) -> str:
    lines = report.strip().splitlines()
    kept = "; ".join(lines[:REPORT_LINES])
    return kept + (f" …（ほか {len(lines) - REPORT_LINES} 件）" if len(lines) > REPORT_LINES else "")


def companions(db: Path) -> list[Path]:
    """The database file and the ``-wal`` / ``-shm`` files SQLite keeps next to it."""
    return [db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")]


def marker_path(db: Path) -> Path:
    return db.with_name(f".{db.name}.present")


def check_presence(db: Path) -> None:
    """Raise :class:`DatabaseLostError` when the marker says a database existed at ``db`` but
    the file is gone or has 0 bytes."""
    if not marker_path(db).exists():
        return
    try:
        size = db.stat().st_size
    except FileNotFoundError:
        raise DatabaseLostError("storage_database_missing", path=str(db)) from None
    except OSError:
        return  # unreadable: opening will say why
    if size == 0:
        raise DatabaseLostError("storage_database_emptied", path=str(db))


def mark_present(db: Path) -> None:
    """Remember that a database with tables exists at ``db`` (written once)."""
    marker = marker_path(db)
    if marker.exists():
        return
    with contextlib.suppress(OSError):  # a marker that cannot be written only loses the check
        atomic_write_text(marker, "このファイルは、この場所にデータベースがあることを記録しています。\n"
                                  "Records that a case database exists here.\n")


def open_marker_path(db: Path) -> Path:
    return db.with_name(f".{db.name}.open")


def ended_cleanly(db: Path) -> bool:
    """Whether every session that opened ``db`` closed it (no ``.open`` marker left behind by
    a crash, a killed process or a power loss — or by a session still running)."""
    return not open_marker_path(db).exists()


def mark_open(db: Path) -> bool:
    """Record that a session has ``db`` open (durably: the marker must outlive a power loss);
    ``False`` when it cannot be written next to the database (a folder SQLite could not
    write its ``-wal`` in either, so the store would not have opened)."""
    marker = open_marker_path(db)
    if marker.exists():
        return True  # left by a session that did not end cleanly, or one still running
    try:
        atomic_write_text(marker, "このファイルは、データベースが使用中であることを記録しています。"
                                  "正常に終了すると消えます。\n"
                                  "Records that the database is open; removed on a clean exit.\n")
    except OSError:
        return False
    return True


def mark_closed(db: Path) -> None:
    """Remove the ``.open`` marker after a clean close, unless another process (the GUI, a
    command) still has ``db`` open: the last one to close removes it."""
    if in_use(db):
        return
    with contextlib.suppress(OSError):
        open_marker_path(db).unlink(missing_ok=True)


def check_at_open(db: Path, *, may_wait: bool) -> bool:
    """Whether ``PRAGMA quick_check`` must run before the store at ``db`` is used: always
    unless ``may_wait``; then only for a file under :data:`CHECK_AT_OPEN_BELOW` or one whose
    last session did not end cleanly (its ``.open`` marker is still there)."""
    if not may_wait or not ended_cleanly(db):
        return True
    try:
        return db.stat().st_size < CHECK_AT_OPEN_BELOW
    except OSError:
        return True


def forget_presence(db: Path) -> None:
    """Drop the marker (the office chose to start over with an empty database)."""
    marker_path(db).unlink(missing_ok=True)


def make_private_folder(folder: Path, tighten: bool = False) -> None:
    """Create ``folder`` (and parents) user-only (0700 on POSIX). An existing folder is left
    as it is unless ``tighten`` (folders only this program uses: ``backups``, ``logs``), which
    takes group and other access away."""
    if not folder.is_dir():
        folder.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
        tighten = True
    if tighten and os.name == "posix":
        with contextlib.suppress(OSError):
            mode = stat.S_IMODE(folder.stat().st_mode)
            if mode & 0o077:
                os.chmod(folder, mode & ~0o077)


def make_private_file(path: Path) -> None:
    """Create ``path`` empty with mode 0600 if it does not exist; on POSIX take group and
    other access away from it and its SQLite companions if it does."""
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        os.close(fd)
    if os.name != "posix":
        return
    for file in companions(path):
        with contextlib.suppress(OSError):
            mode = stat.S_IMODE(file.stat().st_mode)
            if mode & 0o077:  # take away group/other access only (a read-only file stays so)
                os.chmod(file, mode & ~0o077)


def in_use(db: Path) -> bool:
    """Whether another connection (another process: the GUI, a command) has ``db`` open.

    In WAL mode every open connection holds a shared lock on the database file; asking for the
    exclusive locking mode and an exclusive transaction fails at once while one does.
    """
    if not db.is_file():
        return False
    try:
        conn = sqlite3.connect(db, timeout=0.2, isolation_level=None)
    except sqlite3.Error:
        return False
    try:
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError as exc:
        text = str(exc).lower()
        return "locked" in text or "busy" in text
    except sqlite3.Error:  # not a database, damaged: not a sign of another user
        return False
    finally:
        conn.close()


def quick_check(conn: sqlite3.Connection, not_a_database: bool = False) -> str | None:
    """``None`` when ``PRAGMA quick_check`` finds the database intact, else its report
    (``not_a_database``: a file that is no database at all raises instead)."""
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.OperationalError:  # locked, I/O: not a finding about the file's pages
        raise
    except sqlite3.DatabaseError as exc:  # "database disk image is malformed"
        name = getattr(exc, "sqlite_errorname", "") or ""
        if not_a_database and (name.startswith("SQLITE_NOTADB")
                               or "not a database" in str(exc).lower()):
            raise
        return str(exc)
    report = "\n".join(str(r[0]) for r in rows)
    return None if report == "ok" else report


def _read_only(db: Path) -> sqlite3.Connection:
    try:
        return sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True, timeout=10.0)
    except sqlite3.Error as exc:
        raise storage_error(exc, str(db)) from exc


def user_version(db: Path) -> int:
    """The schema version of the database at ``db`` (read-only; 0 for a new or unreadable
    file, which is then checked and migrated at open)."""
    try:
        conn = _read_only(db)
    except StorageError:
        return 0
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.Error:
        return 0
    finally:
        conn.close()


def quick_check_read_only(db: Path) -> str | None:
    """:func:`quick_check` on a read-only connection, before the store opens: ``None`` when
    intact, else the report. A file that is not a database at all raises
    ``sqlite3.DatabaseError`` (SQLITE_NOTADB); one that cannot be opened or read so,
    :class:`StorageError`."""
    conn = _read_only(db)
    try:
        return quick_check(conn, not_a_database=True)
    except sqlite3.OperationalError as exc:
        raise storage_error(exc, str(db)) from exc
    finally:
        conn.close()


def quick_check_file(db: Path) -> str | None:
    """:func:`quick_check` on a read-only connection of its own (safe in a worker thread while
    the store reads and writes); ``None`` when intact, else the report. Errors as
    :func:`integrity_check`."""
    return _check_file(db, "PRAGMA quick_check")


def integrity_check(db: Path) -> str | None:
    """The full ``PRAGMA integrity_check`` on a read-only connection of its own (safe in a
    worker thread while the store writes); ``None`` when intact, else the report.

    A file SQLite cannot even read as a database counts as damaged (the report says why); a
    file that cannot be opened or is locked raises :class:`StorageError`.
    """
    return _check_file(db, "PRAGMA integrity_check")


def _check_file(db: Path, pragma: str) -> str | None:
    try:
        conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True, timeout=10.0)
    except sqlite3.Error as exc:
        raise storage_error(exc, str(db)) from exc
    try:
        rows = conn.execute(pragma).fetchall()
    except sqlite3.OperationalError as exc:  # locked, cannot open: not damage
        raise storage_error(exc, str(db)) from exc
    except sqlite3.DatabaseError as exc:  # not a database, malformed
        return str(exc)
    finally:
        conn.close()
    report = "\n".join(str(r[0]) for r in rows)
    return None if report == "ok" else report
