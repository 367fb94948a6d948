"""Real database files for the storage tests: filled, then damaged the way disks damage them."""

from __future__ import annotations

import os
from pathlib import Path

from assistant.model.case import NAME
from assistant.model.storage import CaseStore

PAGE = 4096


def filled_database(path: Path, cases: int = 300) -> list[str]:
    """A closed database at ``path`` holding ``cases`` cases (about 130 pages); their ids."""
    with CaseStore.open(path) as store:
        store.connection.execute("PRAGMA synchronous = OFF")  # setup speed; closed cleanly
        ids = [store.create("renewal", {NAME: f"APPLICANT {i}", "nationality": "中国",
                                        "remarks_x": "x" * 200}).id for i in range(cases)]
    return ids


def overwrite_page(path: Path, page: int, data: bytes | None = None) -> None:
    """Overwrite one 4 KB page of the file in place (random bytes unless ``data``)."""
    with open(path, "r+b") as handle:
        handle.seek(page * PAGE)
        handle.write(data if data is not None else os.urandom(PAGE))
        handle.flush()
        os.fsync(handle.fileno())
