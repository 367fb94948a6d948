""":class:`CaseStore`: the office's cases, staff and settings in one SQLite database."""

from __future__ import annotations

from assistant.model.storage.cases import CaseRecords
from assistant.model.storage.staff import StaffRecords


class CaseStore(CaseRecords, StaffRecords):
    """The office's cases in one SQLite database.

    Use as ``with CaseStore.open(path) as store: ...``. Methods raise :class:`StorageError`
    for disk or file problems and :class:`CaseNotFoundError` for an unknown case id.
    ``clock`` returns the current time (tests fix it); times are stored in UTC.
    """
