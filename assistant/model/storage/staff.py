"""The office's staff table (the office area, :mod:`assistant.model.office`, owns ``data``)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from assistant.model.storage.database import Database, parse_ts


@dataclass(frozen=True)
class StaffRecord:
    """A row of the office's staff table (the office area owns the meaning of ``data``)."""

    id: str
    data: dict[str, Any]
    is_current: bool
    updated_at: datetime | None



class StaffRecords(Database):
    """The staff table's operations (mixed into :class:`~assistant.model.storage.CaseStore`)."""

    def list_staff(self) -> list[StaffRecord]:
        return [StaffRecord(id=r["id"], data=json.loads(r["data"]),
                            is_current=bool(r["is_current"]),
                            updated_at=parse_ts(r["updated_at"]))
                for r in self._read("SELECT * FROM staff ORDER BY id")]

    def put_staff(self, staff_id: str, data: Mapping[str, Any]) -> None:
        """Insert or replace a staff member's data (a JSON object)."""
        now = self._now()
        with self._write() as conn:
            conn.execute("INSERT INTO staff (id, data, updated_at) VALUES (?,?,?) "
                         "ON CONFLICT (id) DO UPDATE SET data = excluded.data, "
                         "updated_at = excluded.updated_at",
                         (staff_id, json.dumps(dict(data), ensure_ascii=False), now))

    def delete_staff(self, staff_id: str) -> None:
        with self._write() as conn:
            conn.execute("DELETE FROM staff WHERE id = ?", (staff_id,))

    def set_current_staff(self, staff_id: str | None) -> None:
        """Mark one staff member as the current user (``None``: nobody)."""
        with self._write() as conn:
            conn.execute("UPDATE staff SET is_current = (id IS ?)", (staff_id,))

