"""Rolling backups of the case database, made with SQLite's online backup API.

Where: ``<database folder>/backups/`` (the data folder's ``backups``), optionally mirrored to a
second folder (e.g. a network share: the database itself must stay on a local disk). Names
are ``<db stem>-<UTC time>-<reason>.sqlite``; each copy is written to a temporary file, checked
(opened read-only, ``PRAGMA quick_check``, the case table present), made user-only (0600) and
only then renamed into place, so a listed backup is always a usable one.

When: once a day when the program starts (:func:`ensure_daily_backup`), before risky operations
(bulk import, restore: :func:`backup_before`), on request (``assistant backup create``, 設定 →
バックアップ). Migrations keep their own copy next to the database
(``cases.backup-v<old>-<time>.sqlite``, see :mod:`.schema`); it is listed too.

How many: :func:`prune` keeps the newest backup of each of the last 7 days that have one, the
newest of each of the last 4 weeks, and every backup of the last 24 hours (at most 10, so a day
of repeated imports does not fill the disk). Backups in a second folder are pruned alike.

Restoring (:func:`restore_backup`) never deletes anything: the current database (damaged or
not, with its ``-wal`` / ``-shm``) is moved to ``backups/aside/<time>/`` first.
"""

from __future__ import annotations

import contextlib
import enum
import os
import re
import shutil
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from assistant.model.atomic import atomic_write_with
from assistant.model.storage import health
from assistant.model.storage.database import Database
from assistant.model.storage.errors import StorageError, storage_error

BACKUP_FOLDER = "backups"
ASIDE_FOLDER = "aside"
KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_RECENT = timedelta(hours=24)
KEEP_RECENT_MAX = 10

_STAMP = "%Y%m%dT%H%M%SZ"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}T\d{6}Z)-(?P<reason>[a-z]+)(?:-\d+)?\.sqlite$")
_MIGRATION_NAME = re.compile(r"^(?P<stem>.+)\.backup-v(?P<version>\d+)-(?P<stamp>\d{8}T\d{12}Z)"
                             r"\.sqlite$")


class Reason(enum.StrEnum):
    """Why a backup was made (part of its file name)."""

    DAILY = "daily"          # the first start of the day
    MANUAL = "manual"        # the office asked for one
    IMPORT = "import"        # before a bulk import
    RESTORE = "restore"      # before another backup was restored
    MIGRATION = "migration"  # before the database format was upgraded (next to the database)


@dataclass(frozen=True)
class Backup:
    """One backup file."""

    path: Path
    taken_at: datetime  # UTC
    reason: Reason
    size: int


def backup_folder(db: Path) -> Path:
    """``<database folder>/backups``."""
    return db.parent / BACKUP_FOLDER


def aside_folder(db: Path) -> Path:
    """Where restoring moves the database it replaces: ``backups/aside``."""
    return backup_folder(db) / ASIDE_FOLDER


def _parse(path: Path, stem: str) -> Backup | None:
    match = _NAME.match(path.name)
    if match and match["stem"] == stem:
        with contextlib.suppress(ValueError, OSError):
            return Backup(path, datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC),
                          Reason(match["reason"]), path.stat().st_size)
        return None
    match = _MIGRATION_NAME.match(path.name)
    if match and match["stem"] == stem:
        with contextlib.suppress(ValueError, OSError):
            return Backup(path, datetime.strptime(match["stamp"], "%Y%m%dT%H%M%S%fZ")
                          .replace(tzinfo=UTC), Reason.MIGRATION, path.stat().st_size)
    return None


def list_backups(db: Path, mirror: Path | None = None) -> list[Backup]:
    """The backups of ``db``, newest first: ``backups/``, the migration copies next to the
    database and, when given, the second folder ``mirror``."""
    folders = [backup_folder(db), db.parent] + ([mirror] if mirror is not None else [])
    found: dict[Path, Backup] = {}
    for folder in folders:
        with contextlib.suppress(OSError):
            for path in folder.iterdir():
                backup = _parse(path, db.stem)
                if backup is not None and backup.path.is_file():
                    found[backup.path] = backup
    return sorted(found.values(), key=lambda b: (b.taken_at, b.path.name), reverse=True)


def verify(path: Path) -> str | None:
    """``None`` when ``path`` opens read-only as an intact case database, else why not."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=10.0)
    except sqlite3.Error as exc:
        return str(exc)
    try:
        report = health.quick_check(conn)
        if report is not None:
            return health.shorten(report)
        if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'cases'"
                        ).fetchone() is None:
            return "no case table"
        return None
    except sqlite3.Error as exc:
        return str(exc)
    finally:
        conn.close()


def _free_name(folder: Path, stem: str, moment: datetime, reason: Reason) -> Path:
    base = f"{stem}-{moment.astimezone(UTC).strftime(_STAMP)}-{reason.value}"
    target = folder / f"{base}.sqlite"
    counter = 2
    while target.exists():
        target = folder / f"{base}-{counter}.sqlite"
        counter += 1
    return target


def _copy_verified(write: Callable[[Path], None], target: Path) -> None:
    """Make ``target`` with ``write(tmp)``; it gets its name only once :func:`verify` passes
    (user-only on POSIX; written and renamed through :mod:`assistant.model.atomic`)."""
    def check(tmp: Path) -> None:
        if os.name == "posix":
            os.chmod(tmp, health.FILE_MODE)
        problem = verify(tmp)
        if problem is not None:
            raise StorageError("backup_verify_failed", path=str(target), detail=problem)

    atomic_write_with(target, write, check)


def _sqlite_copy(source: Path) -> Callable[[Path], None]:
    def write(tmp: Path) -> None:
        src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True, timeout=10.0)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = DELETE")  # a backup is one self-contained file
            finally:
                dst.close()
        finally:
            src.close()
    return write


def create_backup(db: Path, reason: Reason = Reason.MANUAL, *, now: datetime,
                  folder: Path | None = None) -> Backup:
    """Copy the database at ``db`` (open or not) into ``folder`` (default ``backups/``) with
    SQLite's online backup API; the copy is verified before it gets its name.

    Raises :class:`StorageError`: ``backup_verify_failed`` when the copy is not intact (a
    damaged database makes no backup, so it never pushes a good one out), or the disk's error.
    """
    folder = folder if folder is not None else backup_folder(db)
    try:
        if not db.is_file() or db.stat().st_size == 0:
            raise StorageError("backup_no_database", path=str(db))
        health.make_private_folder(folder, tighten=True)
        target = _free_name(folder, db.stem, now, reason)
        _copy_verified(_sqlite_copy(db), target)
        return Backup(target, now.astimezone(UTC).replace(microsecond=0), reason,
                      target.stat().st_size)
    except StorageError:
        raise
    except (sqlite3.Error, OSError) as exc:
        raise storage_error(exc, str(folder)) from exc


def copy_to(backup: Backup, folder: Path) -> Backup:
    """Copy a (verified) backup to a second ``folder``, verified again there."""
    try:
        health.make_private_folder(folder)  # the office's own folder: modes left as they are
        target = folder / backup.path.name
        if target.exists():
            return Backup(target, backup.taken_at, backup.reason, target.stat().st_size)

        def write(tmp: Path) -> None:
            shutil.copyfile(backup.path, tmp)

        _copy_verified(write, target)
        return Backup(target, backup.taken_at, backup.reason, target.stat().st_size)
    except StorageError:
        raise
    except OSError as exc:
        raise storage_error(exc, str(folder)) from exc


def to_keep(backups: Sequence[Backup], now: datetime, *, daily: int = KEEP_DAILY,
            weekly: int = KEEP_WEEKLY) -> set[Path]:
    """The backups the rotation keeps (see the module's description); pure."""
    newest_first = sorted(backups, key=lambda b: (b.taken_at, b.path.name), reverse=True)
    keep: set[Path] = set()
    days: dict[date, Path] = {}
    weeks: dict[tuple[int, int], Path] = {}
    recent = 0
    for backup in newest_first:
        local = backup.taken_at.astimezone()
        day = local.date()
        iso = day.isocalendar()
        week = (iso.year, iso.week)
        if day not in days and len(days) < daily:
            days[day] = backup.path
        if week not in weeks and len(weeks) < weekly:
            weeks[week] = backup.path
        if now - backup.taken_at <= KEEP_RECENT and recent < KEEP_RECENT_MAX:
            keep.add(backup.path)
            recent += 1
    return keep | set(days.values()) | set(weeks.values())


def prune(folder: Path, stem: str, now: datetime) -> list[Path]:
    """Delete the rolling backups in ``folder`` the rotation no longer keeps; return them.
    Only this program's backup files are touched (never ``aside/``, never other files)."""
    try:
        backups = [b for b in (_parse(p, stem) for p in folder.iterdir())
                   if b is not None and b.reason is not Reason.MIGRATION]
    except OSError:
        return []
    keep = to_keep(backups, now)
    removed = []
    for backup in backups:
        if backup.path not in keep:
            with contextlib.suppress(OSError):
                backup.path.unlink()
                removed.append(backup.path)
    return removed


def backup_before(db: Path, reason: Reason, *, now: datetime,
                  mirror: Path | None = None) -> Backup:
    """A verified backup before a risky operation (and the rotation applied)."""
    backup = create_backup(db, reason, now=now)
    prune(backup.path.parent, db.stem, now)
    if mirror is not None:
        copy_to(backup, mirror)
        prune(mirror, db.stem, now)
    return backup


def daily_backup_due(db: Path, now: datetime) -> bool:
    """No backup of ``db`` was made today (local date) in ``backups/``."""
    today = now.astimezone().date()
    return not any(b.taken_at.astimezone().date() == today and b.path.parent != db.parent
                   for b in list_backups(db))


def ensure_daily_backup(db: Path, *, now: datetime,
                        mirror: Path | None = None) -> Backup | None:
    """The day's backup when none exists yet (run at start, e.g. in a worker thread)."""
    if not db.is_file() or db.stat().st_size == 0 or not daily_backup_due(db, now):
        return None
    return backup_before(db, Reason.DAILY, now=now, mirror=mirror)


@dataclass(frozen=True)
class Restored:
    """What :func:`restore_backup` did: the database now holds ``backup``; the files it
    replaced are in ``aside`` (empty when there was no database)."""

    backup: Path
    aside: list[Path]


def _move_aside(db: Path, now: datetime) -> list[Path]:
    files = [f for f in health.companions(db) if f.exists()]
    if not files:
        return []
    folder = aside_folder(db) / now.astimezone(UTC).strftime(_STAMP)
    health.make_private_folder(folder, tighten=True)
    moved = []
    for file in files:
        target = folder / file.name
        shutil.move(file, target)
        moved.append(target)
    return moved


def _move_back(db: Path, moved: Iterable[Path]) -> None:
    for file in moved:
        with contextlib.suppress(OSError):
            shutil.move(file, db.parent / file.name)


def restore_backup(db: Path, backup: Path, *, now: datetime) -> Restored:
    """Replace the database at ``db`` by the backup ``backup``. The store must be closed.

    The backup is verified first; an intact current database is backed up (reason
    ``restore``, so the restore can be undone from the list); the current database with its
    ``-wal`` / ``-shm`` is moved
    to ``backups/aside/<time>/`` (never deleted); the backup is copied in with SQLite's backup
    API, verified, made user-only and renamed into place. On any failure the moved files go
    back where they were and :class:`StorageError` says why. A database another program (the
    GUI, a command) has open is not replaced (``backup_database_in_use``).
    """
    problem = verify(backup)
    if problem is not None:
        raise StorageError("backup_unusable", path=str(backup), detail=problem)
    if health.in_use(db):
        raise StorageError("backup_database_in_use", path=str(db))
    if db.is_file() and db.stat().st_size > 0 and verify(db) is None:
        # an intact database being replaced is also kept as a listed, restorable backup
        backup_before(db, Reason.RESTORE, now=now)
    moved: list[Path] = []
    try:
        moved = _move_aside(db, now)
        _copy_verified(_sqlite_copy(backup), db)
        health.mark_present(db)
    except BaseException as exc:
        if moved:  # whatever stands at `db` now is a half-made replacement
            for file in health.companions(db):
                with contextlib.suppress(OSError):
                    file.unlink()
        _move_back(db, moved)
        if isinstance(exc, (sqlite3.Error, OSError)):
            raise storage_error(exc, str(db)) from exc
        raise
    return Restored(backup, moved)


def start_empty(db: Path, *, now: datetime) -> list[Path]:
    """Let the next open create an empty database at ``db``: whatever is there (a 0-byte or
    damaged file) is moved aside, never deleted, and the "it existed" marker is dropped."""
    if health.in_use(db):
        raise StorageError("backup_database_in_use", path=str(db))
    try:
        moved = _move_aside(db, now)
    except OSError as exc:
        raise storage_error(exc, str(db)) from exc
    health.forget_presence(db)
    return moved


@dataclass(frozen=True)
class StartCheck:
    """What :func:`check_and_back_up` found: SQLite's damage report (``None``: intact), the
    day's backup if one was made, and why a backup or its second copy failed."""

    damage: str | None
    backup: Backup | None = None
    problem: StorageError | None = None


def check_and_back_up(store: Database, *, now: datetime, mirror: Path | None = None,
                      progress: object = None, cancelled: object = None) -> StartCheck:
    """At start, in a worker thread: the full integrity check (a damaged store then refuses
    writes), and when the database is intact the day's backup (and its copy in ``mirror``).
    A second folder that cannot be reached does not undo the local backup."""
    damage = store.check_integrity()
    if damage is not None:
        return StartCheck(damage)
    try:
        backup = ensure_daily_backup(store.path, now=now)
    except StorageError as exc:
        return StartCheck(None, None, exc)
    if backup is not None and mirror is not None:
        try:
            copy_to(backup, mirror)
            prune(mirror, store.path.stem, now)
        except StorageError as exc:
            return StartCheck(None, backup, exc)
    return StartCheck(None, backup)
