"""書類 n/m: the progress of each case's 提出書類 checklist, as the case list shows it.

The storage keeps the counts on the case (``documents_done`` / ``documents_total``) and forgets
them in the transaction of every change they depend on (the checklist, the values, the
attachments); counting needs the document lists (``model/documents.py``), which the storage
does not import, so the counts are made again here when the list needs them.
"""

from __future__ import annotations

from collections.abc import Iterable

from assistant.model.documents import case_checklist
from assistant.model.storage import CaseNotFoundError, CaseStore, StorageError


def count(store: CaseStore, case_ids: Iterable[str]) -> dict[str, tuple[int, int]]:
    """Count the checklists of ``case_ids`` (settled — 提出 or 不要 —, applicable) and keep the
    counts in the store (when it can be written); a case whose checklist is not started gets
    none."""
    counts: dict[str, tuple[int, int]] = {}
    for case_id in case_ids:
        try:
            case = store.get(case_id)
        except CaseNotFoundError:
            continue  # erased meanwhile
        if case.documents.is_empty():
            continue
        counts[case_id] = case_checklist(case).done_count()
    try:
        store.set_document_counts(counts)
    except StorageError:
        pass  # a store opened for reading only (damaged): shown now, counted again next time
    return counts


def count_all(store: CaseStore) -> int:
    """Count every started checklist without a count (before the list sorts by 書類);
    answers how many were counted."""
    return len(count(store, store.uncounted_documents()))
