"""Durable case storage: one SQLite file (WAL, ``synchronous=FULL``).

The package, by what each module keeps:

- :mod:`.errors` — :class:`StorageError` (Japanese and English message) for every failure of
  the disk or the file; nothing else escapes as a ``sqlite3`` exception.
- :mod:`.schema` — the ordered :data:`MIGRATIONS` and how an older file is brought up to date.
- :mod:`.database` — the connection: opening, one durable ``BEGIN IMMEDIATE`` … ``COMMIT`` per
  change, consistent reads, the settings table.
- :mod:`.cases` — cases, values, status history, audit, recycle bin; operations that change
  several things at once (:meth:`CaseStore.change_procedure`) are one transaction each and
  return :class:`CaseChanges`.
- :mod:`.staff` — the office's staff table.
- :mod:`.steps` — the status steps after filing (:meth:`CaseStore.record_step`), one
  transaction each.

Import from here: ``from assistant.model.storage import CaseStore, StorageError``.
"""

from assistant.model.storage.cases import (
    AUDIT_ATTACHMENTS,
    AUDIT_CREATED,
    AUDIT_DUPLICATED,
    AUDIT_IMPORTED,
    AUDIT_PROCEDURE_CHANGED,
    AUDIT_REMARKS,
    AUDIT_TAKEN_ON,
    LIST_COLUMNS,
    ORDERED_COLUMNS,
    RANKED_COLUMNS,
    AuditEntry,
    CaseBrief,
    CaseChanges,
    CaseSummary,
    ListQuery,
    ListRow,
    StatusChange,
)
from assistant.model.storage.errors import CaseNotFoundError, StorageError, storage_error
from assistant.model.storage.schema import (
    MIGRATIONS,
    SCHEMA_VERSION,
    Migration,
    backup_database,
)
from assistant.model.storage.staff import StaffRecord
from assistant.model.storage.steps import StepRecord
from assistant.model.storage.store import CaseStore

__all__ = [
    "AUDIT_ATTACHMENTS", "AUDIT_CREATED", "AUDIT_DUPLICATED", "AUDIT_IMPORTED",
    "AUDIT_PROCEDURE_CHANGED", "AUDIT_REMARKS", "AUDIT_TAKEN_ON", "LIST_COLUMNS",
    "MIGRATIONS", "ORDERED_COLUMNS", "RANKED_COLUMNS", "SCHEMA_VERSION", "AuditEntry", "CaseBrief", "CaseChanges", "CaseNotFoundError",
    "CaseStore", "CaseSummary", "ListQuery", "ListRow", "Migration", "StaffRecord", "StatusChange", "StepRecord",
    "StorageError",
    "backup_database", "storage_error",
]
