""":class:`CaseStore`: the office's cases, staff and settings in one SQLite database."""

from __future__ import annotations

from assistant.model.storage.staff import StaffRecords
from assistant.model.storage.steps import StepRecords


class CaseStore(StepRecords, StaffRecords):
    """The office's cases in one SQLite database.

    Use as ``with CaseStore.open(path) as store: ...``. Methods raise :class:`StorageError`
    for disk or file problems and :class:`CaseNotFoundError` for an unknown case id.
    ``clock`` returns the current time (tests fix it); times are stored in UTC.
    """
