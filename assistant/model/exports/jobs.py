"""The export and import jobs behind the 書き出し menu, shared by the GUI and the CLI.

Each is a plain model function taking ``progress`` / ``cancelled`` (see
:mod:`assistant.model.progress`): the GUI runs it in a worker thread
(:mod:`assistant.ui.ops.exports`), the CLI calls it directly. None of them writes half a file
when stopped.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.model.case import Case
from assistant.model.progress import CancelCheck, Progress, check_cancel, report

if TYPE_CHECKING:
    from assistant.model.exports.bulk import BulkResult
    from assistant.model.exports.refresh import RefreshReport
    from assistant.model.exports.workbook import FillResult
    from assistant.model.exports.xlsx_import import ImportResult
    from assistant.model.storage import CaseStore


def bulk_file_names(procedures: Iterable[str], fmt: str) -> list[str]:
    """Every file a bulk export (``fmt`` "xlsx" or "csv") may write for cases of these
    procedures (checked for replacing existing files before anything is written)."""
    from assistant.model.fields import catalogue

    chosen = sorted(set(procedures))
    if fmt == "xlsx":
        return [f"{procedure}.xlsx" for procedure in chosen]
    return [f"{procedure}_{sheet}.csv" for procedure in chosen
            for sheet in catalogue(procedure).sheets]


def write_workbooks(cases: Sequence[Case], folder: str | os.PathLike[str], cells: str, *,
                    progress: Progress | None = None,
                    cancelled: CancelCheck | None = None) -> list[Path]:
    """The bulk workbooks (one per procedure): reports rows done, stops when asked.

    (The xlsx writer reports ``(done, total)`` while it builds the rows, before any file is
    opened, so stopping there leaves no half-written workbook.)
    """
    from assistant.model.exports.xlsx import export_workbooks

    def rows_done(done: int, total: int) -> None:
        if done < total:          # the last report comes after the file is written
            check_cancel(cancelled)
        report(progress, done, total)

    check_cancel(cancelled)
    return export_workbooks(cases, folder, cells=cells, progress=rows_done)


def write_bulk_csv(store: CaseStore, case_ids: Sequence[str], folder: str | os.PathLike[str],
                   encoding: str, cells: str, profile: str | None = None, *,
                   progress: Progress | None = None,
                   cancelled: CancelCheck | None = None) -> tuple[list[Case], BulkResult]:
    """Read the cases and write their bulk CSV files.

    Reports the cases read; stopping is possible until the files are written, which is one
    short step at the end (nothing is half-written when stopped).
    """
    from assistant.model.exports.bulk import export_csv

    total = len(case_ids) + 1
    cases = []
    for number, case_id in enumerate(case_ids):
        if number % 50 == 0:
            check_cancel(cancelled)
            report(progress, number, total)
        cases.append(store.get(case_id))
    check_cancel(cancelled)
    # validated for today under the office's rule profile (the export refuses errors)
    result = export_csv(cases, Path(folder), encoding=encoding, cells=cells, profile=profile)
    report(progress, total, total)
    return cases, result


class _StoredCases(Mapping[str, Case]):
    """The store's cases by id, read only when the workbook names them."""

    def __init__(self, store: CaseStore) -> None:
        self._store = store

    def __getitem__(self, case_id: str) -> Case:
        from assistant.model.storage import CaseNotFoundError

        try:
            return self._store.get(case_id)
        except CaseNotFoundError:
            raise KeyError(case_id) from None

    def __iter__(self) -> Iterator[str]:
        return iter(summary.id for summary in self._store.list_summaries())

    def __len__(self) -> int:
        return len(self._store.list_summaries())


def read_workbook(store: CaseStore, path: str | os.PathLike[str], on: date, *,
                  progress: Progress | None = None,
                  cancelled: CancelCheck | None = None) -> ImportResult:
    """Read and check the bulk workbook at ``path`` against the stored cases; changes nothing."""
    from assistant.model.exports.xlsx_import import import_workbook

    check_cancel(cancelled)
    return import_workbook(path, on=on, existing=_StoredCases(store))


def apply_import(store: CaseStore, result: ImportResult, user: str = "") -> tuple[list[str],
                                                                                   list[str]]:
    """Write the accepted rows: new cases are created, known ones get the workbook's values,
    all in one transaction after a verified backup (``backups/``, reason ``import``).

    Returns the ids of the created and of the changed cases.
    """
    from datetime import UTC, datetime

    from assistant.model.storage import backups

    new_cases: list[tuple[str, dict[str, str]]] = []
    updates: dict[str, dict[str, str]] = {}
    for row in result.imported:
        case = row.case
        assert case is not None
        if row.created:
            new_cases.append((case.procedure, dict(case.values)))
        elif row.changed:
            before = store.get(case.id).values
            update = {key: value for key, value in case.values.items()
                      if before.get(key) != value}
            update.update({key: "" for key in before if key not in case.values})
            if update:
                updates[case.id] = update
    if not new_cases and not updates:
        return [], []
    backups.backup_before(store.path, backups.Reason.IMPORT, now=datetime.now(UTC))
    changes = store.apply_bulk(new_cases, updates, user=user)
    return sorted(changes.created), [i for i in updates if i in changes.updated]


def install_reference(workbook: str | os.PathLike[str], procedure: str, on: str, *,
                      progress: Progress | None = None,
                      cancelled: CancelCheck | None = None) -> RefreshReport:
    """Read an official workbook and install the pull-down lists that changed (no stopping:
    the workbook reader cannot be interrupted)."""
    from assistant.model.exports.refresh import install_reference as install

    check_cancel(cancelled)
    return install(workbook, procedure, on=on)


def fill_official_workbook(template: str | os.PathLike[str], cases: Sequence[Case],
                           out: str | os.PathLike[str], on: date, procedure: str | None = None,
                           profile: str | None = None, *, progress: Progress | None = None,
                           cancelled: CancelCheck | None = None) -> FillResult:
    """Write ``cases`` into a copy of the office's official workbook ``template`` at ``out``
    (see :mod:`assistant.model.exports.workbook`; stopping is possible until the copy is
    written, which is atomic)."""
    from assistant.model.exports.workbook import fill_workbook

    return fill_workbook(template, cases, out, on=on, procedure=procedure, profile=profile,
                         progress=progress, cancelled=cancelled)
