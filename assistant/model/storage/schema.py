"""The database schema: the ordered list of migrations and how they are applied.

Schema changes are the ordered list :data:`MIGRATIONS`: entry ``n`` (0-based) takes the database
from ``PRAGMA user_version`` ``n`` to ``n + 1``. To change the schema, *append* an entry (an SQL
script or a function taking the connection) — never edit a released one. Before an existing
database is migrated, a copy is made next to it with SQLite's backup API
(``cases.backup-v<old>-<UTC time>.sqlite``).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from contextlib import suppress
from datetime import UTC, datetime
from pathlib import Path

from assistant.model.storage.errors import StorageError

Migration = str | Callable[[sqlite3.Connection], None]


def _build_search(conn: sqlite3.Connection) -> None:
    from assistant.model.storage.search import build_all

    build_all(conn)


def _list_columns(conn: sqlite3.Connection) -> None:
    from assistant.model.storage.search import fill_short_texts

    for statement in _split_sql(_LIST_SQL):
        conn.execute(statement)
    fill_short_texts(conn)


# v9 — the case list reads, filters and sorts in SQLite, a page of rows at a time
# (ui/case_list.py): the short search text a one- or two-character search looks in
# (model/storage/search.py), the 書類 n/m counts of the checklist (NULL = not counted since
# the checklist, the values or the attachments last changed: model/document_progress.py counts
# again), and an index that holds every column the list filters on in the default order
# (newest change first), so a filter or a short search never reads the cases' rows.
_LIST_SQL = """
ALTER TABLE cases ADD COLUMN list_search TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN documents_done INTEGER;
ALTER TABLE cases ADD COLUMN documents_total INTEGER;
CREATE INDEX cases_list ON cases (deleted_at, updated_at, status, procedure, staff, list_search);
CREATE INDEX cases_by_staff ON cases (staff);
"""

#: Ordered schema migrations; index ``n`` upgrades ``user_version`` ``n`` → ``n + 1``.
#: Append new entries at the end (other areas may add their tables here too).
MIGRATIONS: list[Migration] = [
    # v1 — cases, values, status history, audit trail, attachments, office staff, settings.
    """
    CREATE TABLE cases (
        id TEXT PRIMARY KEY,
        procedure TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'draft',
        receipt_method TEXT,
        provisional_number TEXT NOT NULL DEFAULT '',
        application_number TEXT NOT NULL DEFAULT '',
        remarks TEXT NOT NULL DEFAULT '',
        is_sample INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
    );
    CREATE INDEX cases_by_update ON cases (updated_at);
    CREATE TABLE case_values (
        case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (case_id, key)
    ) WITHOUT ROWID;
    CREATE TABLE status_history (
        id INTEGER PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        status TEXT NOT NULL,
        at TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        number TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX status_history_by_case ON status_history (case_id, id);
    CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        old TEXT,
        new TEXT,
        user TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL
    );
    CREATE INDEX audit_by_case ON audit (case_id, id);
    CREATE TABLE attachments (
        case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        path TEXT NOT NULL,
        kind TEXT NOT NULL DEFAULT 'document',
        title TEXT NOT NULL DEFAULT '',
        position INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (case_id, seq)
    ) WITHOUT ROWID;
    CREATE TABLE staff (
        id TEXT PRIMARY KEY,
        data TEXT NOT NULL,
        is_current INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT
    );
    CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT
    );
    """,
    # v2 — the case list's columns kept on the cases row (one table scan lists 10,000 cases).
    """
    ALTER TABLE cases ADD COLUMN list_name TEXT NOT NULL DEFAULT '';
    ALTER TABLE cases ADD COLUMN list_nationality TEXT NOT NULL DEFAULT '';
    ALTER TABLE cases ADD COLUMN list_current_status TEXT NOT NULL DEFAULT '';
    ALTER TABLE cases ADD COLUMN list_expiry_date TEXT NOT NULL DEFAULT '';
    ALTER TABLE cases ADD COLUMN list_zairyu_card_number TEXT NOT NULL DEFAULT '';
    UPDATE cases SET
        list_name = COALESCE((SELECT value FROM case_values
                              WHERE case_id = cases.id AND key = 'name'), ''),
        list_nationality = COALESCE((SELECT value FROM case_values
                                     WHERE case_id = cases.id AND key = 'nationality'), ''),
        list_current_status = COALESCE((SELECT value FROM case_values
                                        WHERE case_id = cases.id AND key = 'current_status'), ''),
        list_expiry_date = COALESCE((SELECT value FROM case_values
                                     WHERE case_id = cases.id AND key = 'expiry_date'), ''),
        list_zairyu_card_number = COALESCE((SELECT value FROM case_values
                                            WHERE case_id = cases.id
                                            AND key = 'zairyu_card_number'), '');
    """,
    # v3 — the receipt method lives only in the case's values (the Step 3 field, as the
    # template's label); the old cases.receipt_method column is copied there and left empty.
    """
    INSERT OR IGNORE INTO case_values (case_id, key, value)
        SELECT id, 'receipt_method',
               CASE receipt_method WHEN 'mail' THEN '郵送 Mailing'
                                   WHEN 'counter' THEN '窓口 Regional office counter'
                                   ELSE 'メール Email' END
        FROM cases WHERE receipt_method IS NOT NULL AND receipt_method != '';
    UPDATE cases SET receipt_method = NULL;
    """,
    # v4 — the photo's taken date the office typed (ISO date; '' = not entered), kept with
    # the attachment so it survives reopening the case.
    """
    ALTER TABLE attachments ADD COLUMN taken_on TEXT NOT NULL DEFAULT '';
    """,
    # v5 — the steps after filing (assistant/model/filing.py): who recorded each status step,
    # the day it happened, the 追完待ち due date, the period and expiry date granted at 完了.
    """
    ALTER TABLE status_history ADD COLUMN user TEXT NOT NULL DEFAULT '';
    ALTER TABLE status_history ADD COLUMN on_date TEXT NOT NULL DEFAULT '';
    ALTER TABLE status_history ADD COLUMN due_date TEXT NOT NULL DEFAULT '';
    ALTER TABLE status_history ADD COLUMN granted_period TEXT NOT NULL DEFAULT '';
    ALTER TABLE status_history ADD COLUMN granted_expiry TEXT NOT NULL DEFAULT '';
    """,
    # v6 — the 提出書類 checklist of the case (answers to its questions, each item's 提出 /
    # 不要 / files / provider) as JSON (model/documents.py DocumentsState; '' = not started).
    """
    ALTER TABLE cases ADD COLUMN documents TEXT NOT NULL DEFAULT '';
    """,
    # v7 — full-text search over every value of a case (FTS5 trigram, folded values;
    # model/storage/search.py), filled for the cases already stored.
    _build_search,
    # v8 — the staff member in charge of a case (担当者: a name, set from the current staff
    # member when the case is created; shown, sorted and searched in the case list).
    """
    ALTER TABLE cases ADD COLUMN staff TEXT NOT NULL DEFAULT '';
    """,
    # v9 — the case list's columns for lazy rows and SQL filters (see _LIST_SQL above).
    _list_columns,
    # v10 — the 担当者 drop-down lists the names of cases outside the recycle bin from the
    # index alone.
    """
    DROP INDEX cases_by_staff;
    CREATE INDEX cases_by_staff ON cases (staff, deleted_at);
    """,
    # v11 — the deadlines (model/deadlines.py) pass over every case's brief (id, procedure,
    # name, expiry date, status) from this index alone: at 100,000 cases 0.2 s instead of
    # 1.1 s reading the cases' rows.
    """
    CREATE INDEX cases_brief ON cases (deleted_at, status, procedure, list_expiry_date,
                                       list_name, id);
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)



def migrate(conn: sqlite3.Connection, path: Path, clock: Callable[[], datetime]) -> None:
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise StorageError("storage_newer_schema", path=str(path), version=version,
                           supported=SCHEMA_VERSION)
    if version == SCHEMA_VERSION:
        return
    has_tables = conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0] > 0
    if version > 0 or has_tables:
        backup_database(conn, path, version, clock())
    for index in range(version, SCHEMA_VERSION):
        migration = MIGRATIONS[index]
        conn.execute("BEGIN IMMEDIATE")
        try:
            if callable(migration):
                migration(conn)
            else:
                for statement in _split_sql(migration):
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {index + 1}")
            conn.execute("COMMIT")
        except BaseException:
            with suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            raise


def _split_sql(script: str) -> list[str]:
    """Split a migration script into statements (``sqlite3.complete_statement`` boundaries)."""
    statements: list[str] = []
    current = ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    if current.strip():
        statements.append(current.strip())
    return statements


def backup_database(conn: sqlite3.Connection, path: Path, version: int,
                    moment: datetime) -> Path:
    """Copy the open database next to ``path`` with the SQLite backup API; return the copy
    (one self-contained file, user-only on POSIX)."""
    stamp = moment.astimezone(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = path.with_name(f"{path.stem}.backup-v{version}-{stamp}{path.suffix or '.sqlite'}")
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    dest = sqlite3.connect(target)
    try:
        conn.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")  # no -wal/-shm beside a copy
    finally:
        dest.close()
    return target

