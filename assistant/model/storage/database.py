"""The store's connection: opening, one durable write transaction, consistent reads.

Every public method that changes something runs in its own ``BEGIN IMMEDIATE`` … ``COMMIT``
transaction (:meth:`Database._write`); with WAL and ``synchronous=FULL`` the commit is fsynced
before the method returns, so an autosave that got its call back has nothing left to lose.
The case and staff tables add their methods in :mod:`.cases` and :mod:`.staff`.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from assistant.model.storage import health, schema
from assistant.model.storage.errors import StorageError, error_code, storage_error
from assistant.model.storage.schema import migrate


def to_ts(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def parse_ts(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def utc_now() -> datetime:
    return datetime.now(UTC)


def make_id() -> str:
    import uuid  # (imported when first needed: uuid imports platform, slow at start-up)

    return uuid.uuid4().hex


class Database:
    """One SQLite database file (WAL, ``synchronous=FULL``) and its connection."""

    def __init__(self, connection: sqlite3.Connection, path: Path,
                 clock: Callable[[], datetime] = utc_now) -> None:
        self._conn = connection
        self.path = path
        self._clock = clock
        # One connection may be used from a worker thread (autosave) and the GUI thread;
        # the lock keeps each BEGIN … COMMIT to one thread at a time.
        self._lock = threading.RLock()
        self._damage: str | None = None
        # The damage check left for later (open's ``check_later``) and the lock that makes
        # one thread run it while the others wait for its answer.
        self._check_pending = False
        self._check_lock = threading.Lock()
        self._marked_open = False

    # -- opening and closing -------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, clock: Callable[[], datetime] = utc_now, *,
             allow_damaged: bool = False, check_later: bool = False) -> Self:
        """Open (creating or migrating as needed) the database at ``path``.

        Refuses, with a :class:`StorageError` saying so in Japanese: a database that
        ``PRAGMA quick_check`` finds damaged (:class:`~.health.DatabaseDamagedError`; with
        ``allow_damaged`` it opens for reading only, every write refused), and a missing or
        0-byte file where a database with data existed (:class:`~.health.DatabaseLostError`).
        A new database is created user-only (0600, its folder 0700) on POSIX.

        ``check_later`` (the GUI, whose window should show at once): a large database whose
        last session ended cleanly and that needs no migration opens without the check;
        :meth:`ensure_checked` runs it (the GUI in a worker thread once the window shows) and
        every write waits for it. See :func:`~.health.check_at_open`.
        """
        db = Path(path)
        conn: sqlite3.Connection | None = None
        damage: str | None = None
        later = False
        try:
            health.check_presence(db)
            health.make_private_folder(db.parent)
            health.make_private_file(db)
            # (a migration writes: never on a database not yet checked)
            check_now = allow_damaged or health.check_at_open(db, may_wait=check_later) \
                or health.user_version(db) != schema.SCHEMA_VERSION
            checked = False
            if check_now:
                # before the store's own connection: a damaged file is then never written,
                # not even by the checkpoint of the -wal a closing connection makes
                with suppress(StorageError):  # cannot read it so: checked below, as before
                    damage, checked = health.quick_check_read_only(db), True
            if damage is not None and not allow_damaged:
                raise health.DatabaseDamagedError(db, damage)
            if damage is not None:  # for reading only: not even SQLite writes to it
                conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True,
                                       isolation_level=None, timeout=10.0,
                                       check_same_thread=False)
            else:
                conn = sqlite3.connect(db, isolation_level=None, timeout=10.0,
                                       check_same_thread=False)
                conn.execute("PRAGMA foreign_keys = ON")
                mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                if str(mode).lower() != "wal":
                    # e.g. a read-only file whose journal mode cannot be changed
                    raise StorageError("storage_readonly", path=str(db),
                                       detail=f"journal_mode={mode}")
                conn.execute("PRAGMA synchronous = FULL")
                if check_now and not checked:
                    damage = health.quick_check(conn)
                later = not check_now
            if damage is not None and not allow_damaged:
                raise health.DatabaseDamagedError(db, damage)
            if damage is None:
                migrate(conn, db, clock)
                health.make_private_file(db)  # the -wal / -shm SQLite has just made
                health.mark_present(db)
        except StorageError:
            if conn is not None:
                conn.close()
            raise
        except sqlite3.DatabaseError as exc:
            if conn is not None:
                conn.close()
            code = error_code(exc)
            if code == "storage_corrupt":
                # our database, damaged where opening reads it (the schema): as the check
                # says it; not a database at all (SQLITE_NOTADB): as such
                name = getattr(exc, "sqlite_errorname", "") or ""
                if name.startswith("SQLITE_CORRUPT") or "malformed" in str(exc).lower():
                    code = "storage_damaged"
                raise health.DatabaseDamagedError(db, str(exc), code) from exc
            raise StorageError(code, path=str(db), detail=str(exc)) from exc
        except (sqlite3.Error, OSError) as exc:
            if conn is not None:
                conn.close()
            raise StorageError(error_code(exc), path=str(db), detail=str(exc)) from exc
        store = cls(conn, db, clock)
        if damage is not None:
            store.mark_damaged(damage)
        else:
            # the session is open until close(); left behind, it makes the next open check
            store._marked_open = health.mark_open(db)
        store._check_pending = later
        return store

    @property
    def damage(self) -> str | None:
        """SQLite's damage report when a check found the database damaged, else ``None``."""
        return self._damage

    def mark_damaged(self, report: str) -> None:
        """Refuse every later write (a check found the database damaged)."""
        self._damage = report

    @property
    def check_pending(self) -> bool:
        """Whether the damage check was left for later (:meth:`ensure_checked` runs it)."""
        return self._check_pending

    def ensure_checked(self) -> str | None:
        """Run the damage check left for later, if it has not run yet (another thread
        running it is waited for): ``PRAGMA quick_check`` on a read-only connection of its
        own, so reads on the store go on meanwhile. Damage marks the store damaged (every
        write refused). Answers the damage found (``None``: intact, or no check pending and
        none found before). Raises :class:`StorageError` when the check cannot run (the
        check stays pending)."""
        if self._check_pending:
            with self._check_lock:
                if self._check_pending:
                    report = health.quick_check_file(self.path)
                    if report is not None:
                        self.mark_damaged(report)
                    self._check_pending = False
        return self._damage

    def check_integrity(self) -> str | None:
        """The full ``PRAGMA integrity_check`` on a connection of its own (call it from a
        worker thread; the store stays usable meanwhile). A damaged result marks the store
        damaged (writes refused). ``None`` when intact, else SQLite's report."""
        report = health.integrity_check(self.path)
        if report is not None:
            self.mark_damaged(report)
        return report

    def close(self) -> None:
        """Close the database (a checkpoint folds the WAL back into the file). A clean close
        of an undamaged store removes the ``.open`` marker (unless another process still has
        the database open): the next start may then leave the damage check for later."""
        with self._lock, suppress(sqlite3.Error):  # after a read a worker thread is doing
            self._conn.close()
        if self._marked_open:
            self._marked_open = False
            if self._damage is None:  # damage found: the next open checks at once
                health.mark_closed(self.path)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    @property
    def connection(self) -> sqlite3.Connection:
        """The underlying connection (for other areas' own tables; autocommit mode)."""
        return self._conn

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One durable write transaction on the store's connection, for other areas' tables
        (committed when the block ends normally; failures raise :class:`StorageError`)."""
        with self._write() as conn:
            yield conn

    @contextmanager
    def locked(self) -> Iterator[sqlite3.Connection]:
        """The connection, for reads, while no other thread uses it."""
        with self._lock:
            yield self._conn

    # -- internals -----------------------------------------------------------------------

    def _now(self) -> str:
        return to_ts(self._clock())

    def _wrap(self, exc: BaseException) -> StorageError:
        return storage_error(exc, str(self.path))

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One durable transaction: committed (and fsynced) when the block ends normally."""
        conn = self._conn
        if self._check_pending:  # no write before the check has answered
            self.ensure_checked()
        with self._lock:
            if self._damage is not None:
                raise health.DatabaseDamagedError(self.path, self._damage)
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise self._wrap(exc) from exc
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException as exc:
                if conn.in_transaction:
                    with suppress(sqlite3.Error):
                        conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    raise self._wrap(exc) from exc
                raise

    @contextmanager
    def _snapshot(self) -> Iterator[None]:
        """Several reads that see one consistent state of the database."""
        with self._lock:
            try:
                self._conn.execute("BEGIN")
            except sqlite3.Error as exc:
                raise self._wrap(exc) from exc
            try:
                yield
            finally:
                with suppress(sqlite3.Error):
                    self._conn.execute("COMMIT")

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        try:
            with self._lock:
                cur = self._conn.execute(sql, params)
                cur.row_factory = sqlite3.Row
                return cur.fetchall()
        except sqlite3.Error as exc:
            raise self._wrap(exc) from exc

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        rows = self._read("SELECT value FROM settings WHERE key = ?", (key,))
        return default if not rows else rows[0]["value"]

    def set_setting(self, key: str, value: str | None) -> None:
        """Set a setting (``None`` removes it)."""
        with self._write() as conn:
            if value is None:
                conn.execute("DELETE FROM settings WHERE key = ?", (key,))
            else:
                conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) "
                             "DO UPDATE SET value = excluded.value", (key, value))

    # -- maintenance -------------------------------------------------------------------------

    def integrity_check(self) -> str:
        """``"ok"`` when SQLite finds the file intact, else its report."""
        return "\n".join(str(r[0]) for r in self._read("PRAGMA integrity_check"))

    def schema_version(self) -> int:
        return int(self._read("PRAGMA user_version")[0][0])

