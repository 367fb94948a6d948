"""The one exception of the storage layer, with a Japanese and an English message.

Failures of the disk or the file (read-only, full, locked, not a database) are raised as
:class:`StorageError`; nothing else escapes the store as a ``sqlite3`` exception.
"""

from __future__ import annotations

import errno
import sqlite3
from typing import Any

from assistant.model.problems import message_texts


class StorageError(Exception):
    """The database cannot be read or written; ``message_ja`` / ``message_en`` say why."""

    def __init__(self, code: str, *, path: str = "", detail: str = "", **params: Any) -> None:
        self.code = code
        self.path = path
        self.detail = detail
        self.message_ja, self.message_en = message_texts(
            code, path=path, detail=detail, **params)
        super().__init__(self.message_ja)

    def message(self, language: str = "ja") -> str:
        return self.message_en if language == "en" else self.message_ja


class CaseNotFoundError(StorageError):
    """No case with that id (or id prefix)."""



def storage_error(exc: BaseException, path: str = "") -> StorageError:
    """The plain-message :class:`StorageError` for a database or file failure ``exc``."""
    return StorageError(error_code(exc), path=path, detail=str(exc))


def error_code(exc: BaseException) -> str:
    if isinstance(exc, sqlite3.Error):
        name = getattr(exc, "sqlite_errorname", "") or ""
        text = str(exc).lower()
        if name.startswith("SQLITE_READONLY") or "readonly" in text:
            return "storage_readonly"
        if name.startswith("SQLITE_FULL") or "disk is full" in text:
            return "storage_disk_full"
        if name.startswith("SQLITE_IOERR") or "i/o error" in text:
            return "storage_io_error"
        if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in text:
            return "storage_locked"
        if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "not a database" in text \
                or "malformed" in text:
            return "storage_corrupt"
        if name.startswith(("SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH")) \
                or "unable to open" in text:
            return "storage_cannot_open"
        return "storage_failed"
    if isinstance(exc, PermissionError):
        return "storage_readonly"
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EFBIG):
        return "storage_disk_full"
    return "storage_cannot_open"

