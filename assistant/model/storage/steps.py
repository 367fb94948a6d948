"""The steps of a case after filing: one transaction moves the case and records the step.

:meth:`StepRecords.record_step` changes the case's status (and its 申請受付仮番号 / 申請受付番号)
and appends the step to ``status_history`` with who recorded it and the day it happened, in
one ``BEGIN IMMEDIATE`` … ``COMMIT``. Which step may follow which is decided by
:mod:`assistant.model.filing`; the store only refuses a step judged from a status the case no
longer has (another window moved it meanwhile).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from assistant.model.case import Case, CaseStatus, split_key
from assistant.model.storage.cases import AUDIT_DUPLICATED, CaseChanges, CaseRecords
from assistant.model.storage.database import make_id
from assistant.model.storage.errors import StorageError
from assistant.model.storage.search import matching_ids, reindex
from assistant.resources import load_json


@dataclass(frozen=True)
class StepRecord:
    """One status step to store (dates as ISO ``YYYY-MM-DD``; "" = not given)."""

    status: CaseStatus
    on: str = ""
    number: str = ""
    note: str = ""
    due: str = ""
    granted_period: str = ""
    granted_expiry: str = ""


class StepRecords(CaseRecords):
    """Status steps (mixed into :class:`~assistant.model.storage.CaseStore`)."""

    def record_step(self, case_id: str, step: StepRecord, *, expected: CaseStatus | None,
                    user: str = "") -> CaseChanges:
        """Move the case to ``step.status`` and append the step to its history, in one
        transaction. ``expected``: the status the step was judged from; when the stored
        status differs, nothing is written (:class:`StorageError` ``storage_status_moved``).
        A number is stored on the case: the 申請受付仮番号 at 申請済, the 申請受付番号 at 受付済.
        """
        now = self._now()
        with self._write() as conn:
            row = self._require(conn, case_id)
            if expected is not None and row["status"] != expected.value:
                raise StorageError("storage_status_moved", path=str(self.path),
                                   case_id=case_id, status=CaseStatus(row["status"]).label_ja)
            conn.execute("UPDATE cases SET status = ?, updated_at = ? WHERE id = ?",
                         (step.status.value, now, case_id))
            if step.number and step.status is CaseStatus.FILED:
                conn.execute("UPDATE cases SET provisional_number = ? WHERE id = ?",
                             (step.number, case_id))
            elif step.number and step.status is CaseStatus.ACCEPTED:
                conn.execute("UPDATE cases SET application_number = ? WHERE id = ?",
                             (step.number, case_id))
            conn.execute(
                "INSERT INTO status_history (case_id, status, at, note, number, user, on_date, "
                "due_date, granted_period, granted_expiry) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (case_id, step.status.value, now, step.note, step.number, user, step.on,
                 step.due, step.granted_period, step.granted_expiry))
            if step.number:
                reindex(conn, (case_id,))
        return CaseChanges(updated=frozenset({case_id}), case=self.get(case_id))

    def staff_of(self, case_id: str) -> str:
        """The case's 担当者 ("" when none); :class:`CaseNotFoundError` for an unknown id."""
        rows = self._read("SELECT staff FROM cases WHERE id = ?", (case_id,))
        if not rows:
            self.get(case_id)   # raises CaseNotFoundError
        return str(rows[0]["staff"])

    def step_entries(self, status: CaseStatus, *, current: bool = True
                     ) -> dict[str, tuple[str, str, str]]:
        """Per case not in the recycle bin: the latest history entry of ``status`` as (the day
        it happened, due date, granted expiry) — what the deadlines need, from one query.
        ``current``: only cases whose status is ``status`` now."""
        rows = self._read(
            "SELECT c.id, h.on_date, h.at, h.due_date, h.granted_expiry "
            "FROM cases c JOIN status_history h ON h.id = ("
            "  SELECT MAX(id) FROM status_history WHERE case_id = c.id AND status = ?) "
            "WHERE c.deleted_at IS NULL" + (" AND c.status = ?" if current else ""),
            (status.value, status.value) if current else (status.value,))
        return {r["id"]: (r["on_date"] or r["at"][:10], r["due_date"], r["granted_expiry"])
                for r in rows}

    def create_from(self, case_id: str, procedure: str, values: Mapping[str, str], *,
                    remarks: str = "", user: str = "") -> CaseChanges:
        """A new draft for ``procedure`` from the case ``case_id`` in one transaction: its
        values except those ``resources/storage/duplicate.json`` drops, then ``values`` on top
        (e.g. the expiry date granted at 完了), with ``remarks``. Status, numbers, history and
        attachments are not copied (as :meth:`duplicate`)."""
        source = self.get(case_id)
        dropped = set(load_json("storage", "duplicate.json")["drop_fields"])
        copied = {k: v for k, v in source.values.items() if split_key(k)[0] not in dropped}
        copied.update({k: v for k, v in values.items() if v})
        now = self._now()
        new_id = make_id()
        with self._write() as conn:
            self._insert_case(conn, Case(
                id=new_id, procedure=procedure, values=copied, remarks=remarks,
                created_at=datetime.fromisoformat(now), updated_at=datetime.fromisoformat(now)))
            conn.execute("INSERT INTO status_history (case_id, status, at, user) "
                         "VALUES (?,?,?,?)", (new_id, CaseStatus.DRAFT.value, now, user))
            if user:  # 担当者: who prepared it
                conn.execute("UPDATE cases SET staff = ? WHERE id = ?", (user, new_id))
                reindex(conn, (new_id,))
            self._audit(conn, new_id, AUDIT_DUPLICATED, None, case_id, user, now)
        return CaseChanges(created=frozenset({new_id}), case=self.get(new_id))

    def search_ids(self, text: str, include_deleted: bool = False) -> set[str] | None:
        """The ids of the cases holding ``text`` anywhere in their values, numbers or remarks
        (width, kana and case folded; see :mod:`.search`); None for an empty search."""
        try:
            with self._lock:
                return matching_ids(self._conn, text, include_deleted)
        except sqlite3.Error as exc:
            raise self._wrap(exc) from exc
