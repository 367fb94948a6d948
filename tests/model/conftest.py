"""Fixtures shared by the model tests."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from assistant.model.storage import CaseStore


class Clock:
    """A clock the test moves forward by one second per call."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


@pytest.fixture
def store(tmp_path: Path) -> Iterator[CaseStore]:
    """A real SQLite case store in ``tmp_path`` whose clock ticks one second per change, so
    every stored time is distinct and ordered (a test module may define its own ``store``)."""
    with CaseStore.open(tmp_path / "cases.sqlite", clock=Clock()) as s:
        yield s
