"""Is the database file whole? Damage checks, the "it existed" marker, private file modes.

- :func:`quick_check` runs ``PRAGMA quick_check`` (every page read, b-tree structure checked;
  for 10,000 cases a few tens of milliseconds) when the store opens; :func:`integrity_check`
  runs the full ``PRAGMA integrity_check`` (indexes against their tables too) on a connection of
  its own, so a worker thread can run it while the store stays usable.
- A damaged database is never written to: :class:`DatabaseDamagedError` at open, and a store
  whose background check found damage refuses every write (see ``Database.mark_damaged``).
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


def quick_check(conn: sqlite3.Connection) -> str | None:
    """``None`` when ``PRAGMA quick_check`` finds the database intact, else its report."""
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.OperationalError:  # locked, I/O: not a finding about the file's pages
        raise
    except sqlite3.DatabaseError as exc:  # "database disk image is malformed"
        return str(exc)
    report = "\n".join(str(r[0]) for r in rows)
    return None if report == "ok" else report


def integrity_check(db: Path) -> str | None:
    """The full ``PRAGMA integrity_check`` on a read-only connection of its own (safe in a
    worker thread while the store writes); ``None`` when intact, else the report.

    A file SQLite cannot even read as a database counts as damaged (the report says why); a
    file that cannot be opened or is locked raises :class:`StorageError`.
    """
    try:
        conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True, timeout=10.0)
    except sqlite3.Error as exc:
        raise storage_error(exc, str(db)) from exc
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.OperationalError as exc:  # locked, cannot open: not damage
        raise storage_error(exc, str(db)) from exc
    except sqlite3.DatabaseError as exc:  # not a database, malformed
        return str(exc)
    finally:
        conn.close()
    report = "\n".join(str(r[0]) for r in rows)
    return None if report == "ok" else report
