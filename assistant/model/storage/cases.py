"""The cases: creating, reading, listing, changing, the recycle bin, history and audit.

Values are kept one row per key in ``case_values`` (``PRIMARY KEY (case_id, key)``), so
:meth:`CaseRecords.set_value` is one indexed upsert plus one audit row. The case list's
columns are copied onto the ``cases`` row (:data:`LIST_COLUMNS`) in the same transaction.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, NamedTuple

from assistant.model.case import (
    CURRENT_STATUS,
    EXPIRY_DATE,
    NAME,
    NATIONALITY,
    RECEIPT_METHOD,
    ZAIRYU_CARD_NUMBER,
    AttachmentRef,
    Case,
    CaseStatus,
    DocumentsState,
    ReceiptMethod,
    split_key,
)
from assistant.model.storage.database import Database, make_id, parse_ts, to_ts
from assistant.model.storage.errors import CaseNotFoundError, StorageError
from assistant.model.storage.search import condition, forget, reindex
from assistant.resources import load_json

# Field values copied onto the cases row for the case list (column names from migration v2);
# kept in step with case_values inside the same transaction.
LIST_COLUMNS: dict[str, str] = {
    NAME: "list_name",
    NATIONALITY: "list_nationality",
    CURRENT_STATUS: "list_current_status",
    EXPIRY_DATE: "list_expiry_date",
    ZAIRYU_CARD_NUMBER: "list_zairyu_card_number",
}

# Audit keys for case properties that are not field values (field ids never start with "#").
AUDIT_REMARKS = "#remarks"
AUDIT_ATTACHMENTS = "#attachments"
AUDIT_TAKEN_ON = "#photo_taken_on"
AUDIT_DOCUMENTS = "#documents"
AUDIT_CREATED = "#created"
AUDIT_IMPORTED = "#imported"
AUDIT_DUPLICATED = "#duplicated_from"
AUDIT_PROCEDURE_CHANGED = "#procedure_changed_from"


@dataclass(frozen=True)
class CaseChanges:
    """What one store operation changed, by case id, for the views to refresh.

    ``case`` is the case the operation produced or left current (e.g. the new case of
    :meth:`CaseStore.change_procedure`), as stored when the operation committed.
    """

    created: frozenset[str] = frozenset()
    updated: frozenset[str] = frozenset()
    trashed: frozenset[str] = frozenset()
    case: Case | None = None

    @property
    def ids(self) -> frozenset[str]:
        """Every case id the operation touched."""
        return self.created | self.updated | self.trashed



class CaseSummary(NamedTuple):
    """One row of the case list (everything the list shows, from one query).

    A named tuple rather than a dataclass: building 10,000 of them is several times faster.
    """

    id: str
    procedure: str
    name: str
    nationality: str
    current_status: str
    expiry_date: str
    zairyu_card_number: str
    status: CaseStatus
    provisional_number: str
    application_number: str
    is_sample: bool
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None
    staff: str = ""                 # 担当者


class ListRow(NamedTuple):
    """One row of the case list as a page of it is read (:meth:`CaseRecords.list_rows`)."""

    rowid: int
    summary: CaseSummary
    documents: tuple[int, int] | None   # 書類 (settled, applicable); None: not counted
    documents_started: bool             # the checklist has been started


# The case list's orders (column id → what SQLite sorts by). A column whose order is how the
# office reads a code or a date (a label, a date typed in several ways, the online window) is
# ranked by the caller instead (RANKED_COLUMNS, ``rank`` of :meth:`CaseRecords.list_order`).
ORDERED_COLUMNS: dict[str, str] = {
    "name": "c.list_name COLLATE NOCASE",
    "application_number": "(CASE WHEN c.application_number != '' THEN c.application_number "
                          "ELSE c.provisional_number END) COLLATE NOCASE",
    "updated_at": "c.updated_at",
    "staff": "c.staff COLLATE NOCASE",
    # progress of the checklist (not started: no value, as an empty text sorts first)
    "documents": "(CASE WHEN c.documents = '' THEN NULL "
                 "ELSE c.documents_done * 1.0 / max(c.documents_total, 1) END)",
}
#: The columns ranked by the caller, by the stored columns their rank depends on.
RANKED_COLUMNS: dict[str, tuple[str, ...]] = {
    "nationality": ("list_nationality",),
    "procedure": ("procedure",),
    "current_status": ("list_current_status",),
    "expiry_date": ("list_expiry_date",),
    "window": ("procedure", "list_expiry_date"),
    "status": ("status",),
}


@dataclass(frozen=True)
class ListQuery:
    """Which cases the case list shows, and in which order.

    ``staff``: None for every staff member, else the 担当者's name ("" = cases without one);
    ``statuses``: only these statuses (besides ``status``); ``order``: a column of
    :data:`ORDERED_COLUMNS` or :data:`RANKED_COLUMNS`; ties are in the order of the latest
    change, newest first.
    """

    status: str = ""
    procedure: str = ""
    staff: str | None = None
    text: str = ""
    statuses: frozenset[str] | None = None
    order: str = "updated_at"
    descending: bool = True
    deleted: bool = False


class CaseBrief(NamedTuple):
    """What a pass over every case needs (the deadlines): a few short texts, no times, so
    100,000 of them stay small."""

    id: str
    procedure: str
    name: str
    expiry_date: str
    status: CaseStatus


@dataclass(frozen=True)
class StatusChange:
    """One entry of a case's status history."""

    status: CaseStatus
    at: datetime
    note: str = ""
    number: str = ""
    user: str = ""            # who recorded the step (the current staff member's name)
    on: str = ""              # the day it happened (ISO date; "" = the day of ``at``)
    due: str = ""             # 追完待ち: the due date (ISO)
    granted_period: str = ""  # 完了: the period of stay granted
    granted_expiry: str = ""  # 完了: the new expiry date (ISO)


@dataclass(frozen=True)
class AuditEntry:
    """Who changed which field (or ``#property``) of a case, when, from what to what."""

    key: str
    old: str | None
    new: str | None
    user: str
    at: datetime



class CaseRecords(Database):
    """The case tables' operations (mixed into :class:`~assistant.model.storage.CaseStore`)."""

    def _require(self, conn: sqlite3.Connection, case_id: str) -> sqlite3.Row:
        cur = conn.execute("SELECT * FROM cases WHERE id = ?", (case_id,))
        cur.row_factory = sqlite3.Row
        row: sqlite3.Row | None = cur.fetchone()
        if row is None:
            raise CaseNotFoundError("storage_case_not_found", path=str(self.path), case_id=case_id)
        return row

    def _touch(self, conn: sqlite3.Connection, case_id: str, now: str) -> None:
        conn.execute("UPDATE cases SET updated_at = ? WHERE id = ?", (now, case_id))

    @staticmethod
    def _audit(conn: sqlite3.Connection, case_id: str, key: str, old: str | None,
               new: str | None, user: str, now: str) -> None:
        conn.execute("INSERT INTO audit (case_id, key, old, new, user, at) VALUES (?,?,?,?,?,?)",
                     (case_id, key, old, new, user, now))

    def _put_values(self, conn: sqlite3.Connection, case_id: str, values: Mapping[str, str],
                    user: str, now: str) -> int:
        """Upsert/delete ``values`` with audit rows; returns how many actually changed."""
        changed = 0
        for key, value in values.items():
            if not isinstance(key, str) or not isinstance(value, str):
                raise TypeError("case values are str -> str")
            row = conn.execute("SELECT value FROM case_values WHERE case_id = ? AND key = ?",
                               (case_id, key)).fetchone()
            old: str | None = None if row is None else row[0]
            new: str | None = value if value != "" else None
            if old == new:
                continue
            if new is None:
                conn.execute("DELETE FROM case_values WHERE case_id = ? AND key = ?",
                             (case_id, key))
            else:
                conn.execute("INSERT INTO case_values (case_id, key, value) VALUES (?,?,?) "
                             "ON CONFLICT (case_id, key) DO UPDATE SET value = excluded.value",
                             (case_id, key, new))
            self._audit(conn, case_id, key, old, new, user, now)
            column = LIST_COLUMNS.get(key)
            if column is not None:
                conn.execute(f"UPDATE cases SET {column} = ? WHERE id = ?", (new or "", case_id))
            changed += 1
        if changed:
            reindex(conn, (case_id,))  # search sees the edit in the same transaction
            _documents_changed(conn, case_id)  # the values decide the checklist's items
        return changed

    def _insert_case(self, conn: sqlite3.Connection, case: Case) -> None:
        conn.execute(
            "INSERT INTO cases (id, procedure, status, provisional_number, "
            "application_number, remarks, is_sample, created_at, updated_at, deleted_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?)",
            (case.id, case.procedure, CaseStatus(case.status).value,
             case.provisional_number, case.application_number, case.remarks,
             int(case.is_sample), to_ts(case.created_at or self._clock()),
             to_ts(case.updated_at or self._clock()),
             None if case.deleted_at is None else to_ts(case.deleted_at)))
        conn.executemany("INSERT INTO case_values (case_id, key, value) VALUES (?,?,?)",
                         [(case.id, k, v) for k, v in case.values.items() if v != ""])
        for key, column in LIST_COLUMNS.items():
            conn.execute(f"UPDATE cases SET {column} = ? WHERE id = ?",
                         (case.values.get(key, ""), case.id))
        self._insert_attachments(conn, case.id, case.attachments)
        reindex(conn, (case.id,))
        if not case.documents.is_empty():
            conn.execute("UPDATE cases SET documents = ? WHERE id = ?",
                         (case.documents.to_json(), case.id))

    @staticmethod
    def _insert_attachments(conn: sqlite3.Connection, case_id: str,
                            attachments: Iterable[AttachmentRef]) -> None:
        conn.executemany(
            "INSERT INTO attachments (case_id, seq, path, kind, title, position, taken_on) "
            "VALUES (?,?,?,?,?,?,?)",
            [(case_id, seq, a.path, a.kind, a.title, a.position, a.taken_on)
             for seq, a in enumerate(attachments)])

    # -- cases -----------------------------------------------------------------------------

    def create(self, procedure: str, values: Mapping[str, str] | None = None, user: str = "",
               is_sample: bool = False, staff: str = "") -> Case:
        """Create a draft case for ``procedure`` with optional initial ``values``; ``staff``:
        the 担当者 (the current staff member's name)."""
        now = self._now()
        with self._write() as conn:
            case_id = self._new_draft(conn, procedure, values or {}, user, now, is_sample)
            if staff:
                conn.execute("UPDATE cases SET staff = ? WHERE id = ?", (staff, case_id))
                reindex(conn, (case_id,))
        return self.get(case_id)

    def _new_draft(self, conn: sqlite3.Connection, procedure: str, values: Mapping[str, str],
                   user: str, now: str, is_sample: bool = False) -> str:
        case_id = make_id()
        conn.execute(
            "INSERT INTO cases (id, procedure, status, is_sample, created_at, updated_at) "
            "VALUES (?,?,?,?,?,?)",
            (case_id, procedure, CaseStatus.DRAFT.value, int(is_sample), now, now))
        conn.execute("INSERT INTO status_history (case_id, status, at) VALUES (?,?,?)",
                     (case_id, CaseStatus.DRAFT.value, now))
        self._audit(conn, case_id, AUDIT_CREATED, None, procedure, user, now)
        if values:
            self._put_values(conn, case_id, values, user, now)
        return case_id

    def apply_bulk(self, new_cases: Sequence[tuple[str, Mapping[str, str]]],
                   updates: Mapping[str, Mapping[str, str]], user: str = "") -> CaseChanges:
        """Create ``new_cases`` (procedure, values) as drafts and set ``updates`` (case id →
        values; ``""`` deletes a value) in one transaction: a failure anywhere (a full disk, an
        unknown case id) leaves every case as it was. Returns the created and changed ids."""
        now = self._now()
        created: list[str] = []
        updated: list[str] = []
        with self._write() as conn:
            for procedure, values in new_cases:
                created.append(self._new_draft(conn, procedure, values, user, now))
            for case_id, values in updates.items():
                self._require(conn, case_id)
                if self._put_values(conn, case_id, values, user, now):
                    self._touch(conn, case_id, now)
                    updated.append(case_id)
        return CaseChanges(created=frozenset(created), updated=frozenset(updated))

    def import_case(self, case: Case, history: Sequence[StatusChange] | None = None,
                    user: str = "", staff: str = "") -> Case:
        """Store ``case`` (e.g. from a case file) as a new case and return it as stored.

        The case keeps its id when no case has that id yet, else it gets a new one. Times,
        status, numbers, attachments and remarks are kept; empty values are dropped; the
        recycle-bin mark is not carried over. ``history`` (if given) becomes the status
        history, every entry whole (who, day, due date, grant), else the current status is
        recorded once. ``staff``: the 担当者.
        """
        now = self._now()
        with self._write() as conn:
            taken = conn.execute("SELECT 1 FROM cases WHERE id = ?", (case.id,)).fetchone()
            new_id = make_id() if taken or not case.id else case.id
            stored = Case(
                id=new_id, procedure=case.procedure, values=dict(case.values),
                status=CaseStatus(case.status),
                provisional_number=case.provisional_number,
                application_number=case.application_number,
                attachments=list(case.attachments), remarks=case.remarks,
                created_at=case.created_at, updated_at=case.updated_at,
                is_sample=case.is_sample, deleted_at=None, documents=case.documents)
            self._insert_case(conn, stored)
            if history:
                conn.executemany(
                    "INSERT INTO status_history (case_id, status, at, note, number, user, "
                    "on_date, due_date, granted_period, granted_expiry) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?)",
                    [(new_id, CaseStatus(h.status).value, to_ts(h.at), h.note, h.number,
                      h.user, h.on, h.due, h.granted_period, h.granted_expiry)
                     for h in history])
            else:
                conn.execute("INSERT INTO status_history (case_id, status, at) VALUES (?,?,?)",
                             (new_id, stored.status.value, now))
            if staff:
                conn.execute("UPDATE cases SET staff = ? WHERE id = ?", (staff, new_id))
                reindex(conn, (new_id,))
            self._audit(conn, new_id, AUDIT_IMPORTED, None, case.id, user, now)
        return self.get(new_id)

    def get(self, case_id: str) -> Case:
        """Return the case with id ``case_id`` (also when it is in the recycle bin)."""
        with self._snapshot():
            rows = self._read("SELECT * FROM cases WHERE id = ?", (case_id,))
            if not rows:
                raise CaseNotFoundError("storage_case_not_found", path=str(self.path),
                                        case_id=case_id)
            row = rows[0]
            values = {r["key"]: r["value"] for r in self._read(
                "SELECT key, value FROM case_values WHERE case_id = ? ORDER BY key",
                (case_id,))}
            attachments = [
                AttachmentRef(path=r["path"], kind=r["kind"], title=r["title"],
                              position=r["position"], taken_on=r["taken_on"])
                for r in self._read("SELECT * FROM attachments WHERE case_id = ? ORDER BY seq",
                                    (case_id,))]
        return Case(
            id=row["id"], procedure=row["procedure"], values=values,
            status=CaseStatus(row["status"]),
            provisional_number=row["provisional_number"],
            application_number=row["application_number"],
            attachments=attachments, remarks=row["remarks"],
            created_at=parse_ts(row["created_at"]), updated_at=parse_ts(row["updated_at"]),
            is_sample=bool(row["is_sample"]), deleted_at=parse_ts(row["deleted_at"]),
            # (a database opened read-only before its v5 migration has no such column)
            documents=_documents_state(row["documents"] if "documents" in row.keys() else ""))

    def exists(self, case_id: str) -> bool:
        return bool(self._read("SELECT 1 FROM cases WHERE id = ?", (case_id,)))

    def resolve_id(self, prefix: str) -> str:
        """The full id of the one case whose id starts with ``prefix`` (for the command line)."""
        prefix = prefix.strip().lower()
        if not prefix:
            raise CaseNotFoundError("storage_case_not_found", path=str(self.path), case_id="")
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = self._read("SELECT id FROM cases WHERE id LIKE ? ESCAPE '\\' LIMIT 2",
                          (escaped + "%",))
        if len(rows) == 1:
            return str(rows[0]["id"])
        if not rows:
            raise CaseNotFoundError("storage_case_not_found", path=str(self.path),
                                    case_id=prefix)
        raise StorageError("storage_case_ambiguous", path=str(self.path), case_id=prefix)

    _SUMMARY_COLUMNS = (
        "id, procedure, list_name, list_nationality, list_current_status, "
        "list_expiry_date, list_zairyu_card_number, status, provisional_number, "
        "application_number, is_sample, created_at, updated_at, deleted_at, staff")
    _SUMMARY_SQL = ("SELECT " + _SUMMARY_COLUMNS
                    + " FROM cases {where} ORDER BY updated_at DESC, id")

    def _summaries(self, where: str) -> list[CaseSummary]:
        try:
            with self._lock:
                rows = self._conn.execute(self._SUMMARY_SQL.format(where=where)).fetchall()
        except sqlite3.Error as exc:
            raise self._wrap(exc) from exc
        return self._make_summaries(rows)

    @staticmethod
    def _make_summaries(rows: Sequence[Sequence[Any]]) -> list[CaseSummary]:
        parse = datetime.fromisoformat
        statuses = {s.value: s for s in CaseStatus}
        make = CaseSummary
        return [
            make(r[0], r[1], r[2], r[3], r[4], r[5], r[6], statuses[r[7]], r[8], r[9],
                 bool(r[10]), parse(r[11]), parse(r[12]), None if r[13] is None else parse(r[13]),
                 r[14])
            for r in rows]

    # -- the case list: filtered and sorted by SQLite, read a page at a time ----------------

    def _list_select(self, conn: sqlite3.Connection, what: str, query: ListQuery,
                     rank: Callable[[str, tuple[str, ...]], Any] | None,
                     limit: int | None = None, offset: int = 0) -> list[Any]:
        where = ["c.deleted_at IS NOT NULL" if query.deleted else "c.deleted_at IS NULL"]
        params: list[Any] = []
        for column, value in (("status", query.status), ("procedure", query.procedure)):
            if value:
                where.append(f"c.{column} = ?")
                params.append(value)
        if query.staff is not None:
            where.append("c.staff = ?")
            params.append(query.staff)
        if query.statuses is not None:
            where.append(f"c.status IN ({','.join('?' * len(query.statuses))})")
            params.extend(sorted(query.statuses))
        tables = "cases c"
        # in the index's order, stopping at the limit, when the matches are many
        walk = limit is not None and query.order == "updated_at"
        found = condition(query.text, conn if walk else None)
        if found is not None:
            tables = found[0]
            where.append(found[1])
            params.append(found[2])
        direction = "DESC" if query.descending else "ASC"
        join = ""
        if query.order == "updated_at":
            order = f"c.updated_at {direction}"
        elif query.order in RANKED_COLUMNS and rank is not None:
            columns = RANKED_COLUMNS[query.order]
            self._fill_ranks(conn, query.order, columns, rank)
            second = f"c.{columns[1]}" if len(columns) > 1 else "''"
            join = (f" JOIN temp.list_rank r ON r.a = c.{columns[0]} AND r.b = {second}")
            order = f"r.position {direction}, c.updated_at DESC"
        elif query.order in RANKED_COLUMNS:
            order = f"c.{RANKED_COLUMNS[query.order][0]} {direction}, c.updated_at DESC"
        else:
            order = f"{ORDERED_COLUMNS[query.order]} {direction}, c.updated_at DESC"
        sql = f"SELECT {what} FROM {tables}{join} WHERE {' AND '.join(where)} ORDER BY {order}"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        return conn.execute(sql, params).fetchall()

    def list_count(self, query: ListQuery) -> int:
        """How many cases ``query`` selects."""
        try:
            with self._lock:
                rows = self._list_select(self._conn, "count(*)", replace(query, order="updated_at"),
                                         None)
        except sqlite3.Error as exc:
            raise self._wrap(exc) from exc
        return int(rows[0][0])

    @staticmethod
    def _fill_ranks(conn: sqlite3.Connection, column_id: str, columns: tuple[str, ...],
                    rank: Callable[[str, tuple[str, ...]], Any]) -> None:
        """The temporary table ranking each distinct value of ``columns`` by ``rank`` (equal
        ranks share a position, so their cases stay in the order of the latest change)."""
        values = conn.execute(f"SELECT DISTINCT {', '.join(columns)} FROM cases").fetchall()
        keys = {tuple(v): rank(column_id, tuple(v)) for v in values}
        positions = {key: number for number, key in enumerate(sorted(set(keys.values())))}
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS list_rank "
                     "(a TEXT, b TEXT, position INTEGER, PRIMARY KEY (a, b)) WITHOUT ROWID")
        conn.execute("DELETE FROM temp.list_rank")
        conn.executemany("INSERT INTO temp.list_rank VALUES (?,?,?)",
                         [(v[0], v[1] if len(v) > 1 else "", positions[key])
                          for v, key in keys.items()])

    def list_order(self, query: ListQuery,
                   rank: Callable[[str, tuple[str, ...]], Any] | None = None,
                   limit: int | None = None, offset: int = 0) -> list[int]:
        """The cases ``query`` selects, in its order, as row numbers for :meth:`list_rows`
        (``limit`` of them from ``offset``, or all).

        ``rank(column_id, stored values)`` answers a sort key for a column of
        :data:`RANKED_COLUMNS` (its label, date or window as the office reads it); without it
        such a column sorts by the stored text.
        """
        try:
            with self._lock:
                return [r[0] for r in self._list_select(self._conn, "c.rowid", query, rank,
                                                        limit, offset)]
        except sqlite3.Error as exc:
            raise self._wrap(exc) from exc

    def list_case_ids(self, query: ListQuery,
                      rank: Callable[[str, tuple[str, ...]], Any] | None = None) -> list[str]:
        """The ids of the cases ``query`` selects, in its order."""
        try:
            with self._lock:
                return [r[0] for r in self._list_select(self._conn, "c.id", query, rank)]
        except sqlite3.Error as exc:
            raise self._wrap(exc) from exc

    def list_rows(self, rowids: Sequence[int]) -> list[ListRow]:
        """The case-list rows of ``rowids`` (from :meth:`list_order`), in any order; a row
        erased since is left out."""
        if not rowids:
            return []
        sql = (f"SELECT rowid, {self._SUMMARY_COLUMNS}, documents != '', documents_done, "
               f"documents_total FROM cases WHERE rowid IN ({','.join('?' * len(rowids))})")
        try:
            with self._lock:
                rows = self._conn.execute(sql, list(rowids)).fetchall()
        except sqlite3.Error as exc:
            raise self._wrap(exc) from exc
        summaries = self._make_summaries([r[1:16] for r in rows])
        return [ListRow(r[0], summary, None if r[17] is None else (r[17], r[18]), bool(r[16]))
                for r, summary in zip(rows, summaries, strict=True)]

    def rowid_of(self, case_id: str) -> int | None:
        """The row number of ``case_id`` in :meth:`list_order`'s answers (None: no such case)."""
        rows = self._read("SELECT rowid FROM cases WHERE id = ?", (case_id,))
        return int(rows[0][0]) if rows else None

    def list_staff_names(self) -> list[str]:
        """The 担当者 of the cases outside the recycle bin, by name."""
        return [str(r[0]) for r in self._read(
            "SELECT s.staff FROM (SELECT DISTINCT staff FROM cases WHERE staff != '') s "
            "WHERE EXISTS (SELECT 1 FROM cases c WHERE c.staff = s.staff "
            "AND c.deleted_at IS NULL) ORDER BY s.staff")]

    def set_document_counts(self, counts: Mapping[str, tuple[int, int]]) -> None:
        """Keep the 書類 counts (settled, applicable) of cases' checklists for the case list
        (counted by ``model/document_progress.py``; not a change of the case: not audited)."""
        if not counts:
            return
        with self._write() as conn:
            conn.executemany(
                "UPDATE cases SET documents_done = ?, documents_total = ? WHERE id = ?",
                [(done, total, case_id) for case_id, (done, total) in counts.items()])

    def forget_document_counts(self) -> None:
        """Count every checklist again (e.g. after the office edited a document list)."""
        with self._write() as conn:
            conn.execute("UPDATE cases SET documents_done = NULL, documents_total = NULL "
                         "WHERE documents_total IS NOT NULL")

    def uncounted_documents(self) -> list[str]:
        """The ids of the cases (outside the recycle bin) whose started checklist has no
        count."""
        return [str(r[0]) for r in self._read(
            "SELECT id FROM cases WHERE documents != '' AND documents_total IS NULL "
            "AND deleted_at IS NULL")]

    def list_summaries(self, include_deleted: bool = False) -> list[CaseSummary]:
        """The case list, newest change first (one query; recycle bin excluded by default)."""
        return self._summaries("" if include_deleted else "WHERE deleted_at IS NULL")

    def list_briefs(self) -> list[CaseBrief]:
        """Every case outside the recycle bin, briefly (see :class:`CaseBrief`)."""
        try:
            with self._lock:
                rows = self._conn.execute(
                    "SELECT id, procedure, list_name, list_expiry_date, status FROM cases "
                    "WHERE deleted_at IS NULL").fetchall()
        except sqlite3.Error as exc:
            raise self._wrap(exc) from exc
        statuses = {s.value: s for s in CaseStatus}
        return [CaseBrief(r[0], r[1], r[2], r[3], statuses[r[4]]) for r in rows]

    def count_by_expiry(self, statuses: Sequence[CaseStatus]) -> list[tuple[str, str, int]]:
        """How many cases outside the recycle bin in one of ``statuses`` share each procedure
        and expiry date (as entered): (procedure, expiry date, count), from an index alone."""
        marks = ", ".join("?" * len(statuses))
        try:
            with self._lock:
                rows = self._conn.execute(
                    "SELECT procedure, list_expiry_date, COUNT(*) FROM cases "
                    f"WHERE deleted_at IS NULL AND status IN ({marks}) "
                    "GROUP BY procedure, list_expiry_date", [s.value for s in statuses]
                ).fetchall()
        except sqlite3.Error as exc:
            raise self._wrap(exc) from exc
        return [(str(r[0]), str(r[1]), int(r[2])) for r in rows]

    def list_deleted(self) -> list[CaseSummary]:
        """The cases in the recycle bin, most recently changed first."""
        return self._summaries("WHERE deleted_at IS NOT NULL")

    def count(self, include_deleted: bool = False) -> int:
        where = "" if include_deleted else " WHERE deleted_at IS NULL"
        return int(self._read("SELECT COUNT(*) FROM cases" + where)[0][0])

    # -- changing a case -------------------------------------------------------------------

    def set_value(self, case_id: str, key: str, value: str, user: str = "") -> bool:
        """Set one field value (``""`` deletes it). Durable on return; returns whether the
        stored value changed (an unchanged value writes nothing)."""
        return self.set_values(case_id, {key: value}, user) > 0

    def set_values(self, case_id: str, values: Mapping[str, str], user: str = "") -> int:
        """Set several values in one transaction; returns how many changed."""
        now = self._now()
        with self._write() as conn:
            self._require(conn, case_id)
            changed = self._put_values(conn, case_id, values, user, now)
            if changed:
                self._touch(conn, case_id, now)
        return changed

    def set_status(self, case_id: str, status: CaseStatus | str, number: str = "",
                   note: str = "") -> None:
        """Move the case to ``status`` and record it in the history.

        ``number`` is the 申請受付仮番号 for :attr:`CaseStatus.FILED` and the 申請受付番号 for
        :attr:`CaseStatus.ACCEPTED`; those numbers are stored on the case when given.
        """
        status = CaseStatus(status)
        now = self._now()
        with self._write() as conn:
            self._require(conn, case_id)
            conn.execute("UPDATE cases SET status = ?, updated_at = ? WHERE id = ?",
                         (status.value, now, case_id))
            if number and status is CaseStatus.FILED:
                conn.execute("UPDATE cases SET provisional_number = ? WHERE id = ?",
                             (number, case_id))
            elif number and status is CaseStatus.ACCEPTED:
                conn.execute("UPDATE cases SET application_number = ? WHERE id = ?",
                             (number, case_id))
            conn.execute(
                "INSERT INTO status_history (case_id, status, at, note, number) "
                "VALUES (?,?,?,?,?)", (case_id, status.value, now, note, number))
            if number:
                reindex(conn, (case_id,))

    def set_numbers(self, case_id: str, provisional_number: str | None = None,
                    application_number: str | None = None, user: str = "") -> None:
        """Correct the 申請受付仮番号 / 申請受付番号 without a status change (audited)."""
        now = self._now()
        with self._write() as conn:
            row = self._require(conn, case_id)
            for column, new in (("provisional_number", provisional_number),
                                ("application_number", application_number)):
                if new is None or new == row[column]:
                    continue
                conn.execute(f"UPDATE cases SET {column} = ? WHERE id = ?", (new, case_id))
                self._audit(conn, case_id, "#" + column, row[column], new, user, now)
                self._touch(conn, case_id, now)
                reindex(conn, (case_id,))

    def set_receipt_method(self, case_id: str, method: ReceiptMethod | str | None,
                           user: str = "") -> None:
        """Set (or clear with ``None``) how the result is received: the Step 3 value
        ``receipt_method`` (the template's label), the one record of the method."""
        label = "" if method is None else ReceiptMethod(method).label
        self.set_values(case_id, {RECEIPT_METHOD: label}, user=user)

    def set_remarks(self, case_id: str, remarks: str, user: str = "") -> None:
        """Set the office's free remarks on the case."""
        now = self._now()
        with self._write() as conn:
            row = self._require(conn, case_id)
            if row["remarks"] == remarks:
                return
            conn.execute("UPDATE cases SET remarks = ?, updated_at = ? WHERE id = ?",
                         (remarks, now, case_id))
            self._audit(conn, case_id, AUDIT_REMARKS, row["remarks"] or None,
                        remarks or None, user, now)
            reindex(conn, (case_id,))

    def set_attachments(self, case_id: str, attachments: Sequence[AttachmentRef],
                        user: str = "") -> None:
        """Replace the case's attachment list (kept in the given order).

        An unchanged list writes nothing. A change of the photo's taken date alone (typed
        on the 添付書類 page, stored at once) is audited as ``#photo_taken_on``.
        """
        now = self._now()
        with self._write() as conn:
            self._require(conn, case_id)
            rows = conn.execute(
                "SELECT path, kind, title, position, taken_on FROM attachments "
                "WHERE case_id = ? ORDER BY seq", (case_id,)).fetchall()
            before = [tuple(r) for r in rows]
            after = [(a.path, a.kind, a.title, a.position, a.taken_on) for a in attachments]
            if before == after:
                return
            conn.execute("DELETE FROM attachments WHERE case_id = ?", (case_id,))
            self._insert_attachments(conn, case_id, attachments)
            _documents_changed(conn, case_id)  # a file covers an item only while attached
            if [r[:4] for r in before] != [r[:4] for r in after]:
                old = [r[0] for r in before]
                new = [a.path for a in attachments]
                self._audit(conn, case_id, AUDIT_ATTACHMENTS,
                            json.dumps(old, ensure_ascii=False),
                            json.dumps(new, ensure_ascii=False), user, now)
            old_taken = _photo_taken_on(before)
            new_taken = _photo_taken_on(after)
            if old_taken != new_taken:
                self._audit(conn, case_id, AUDIT_TAKEN_ON, old_taken or None,
                            new_taken or None, user, now)
            self._touch(conn, case_id, now)

    def set_documents(self, case_id: str, state: DocumentsState, user: str = "") -> bool:
        """Store the case's 提出書類 checklist (answers and item records); audited as
        ``#documents``. Returns whether anything changed."""
        text = state.to_json()
        now = self._now()
        with self._write() as conn:
            row = self._require(conn, case_id)
            if row["documents"] == text:
                return False
            conn.execute("UPDATE cases SET documents = ?, updated_at = ? WHERE id = ?",
                         (text, now, case_id))
            _documents_changed(conn, case_id)
            self._audit(conn, case_id, AUDIT_DOCUMENTS, row["documents"] or None,
                        text or None, user, now)
        return True

    def duplicate(self, case_id: str, procedure: str | None = None, user: str = "") -> Case:
        """A new draft from an earlier case (e.g. last year's renewal for this year's).

        Copied: the applicant's values except those listed in
        ``resources/storage/duplicate.json`` (values that change with every grant, such as
        the card number and the expiry date), the receipt method. Not copied: status and its
        history (the copy starts as 下書き), 申請受付仮番号 / 申請受付番号, attachments (documents
        and the photo must be current), remarks, the sample mark.
        """
        source = self.get(case_id)
        dropped = set(load_json("storage", "duplicate.json")["drop_fields"])
        values = {k: v for k, v in source.values.items() if split_key(k)[0] not in dropped}
        now = self._now()
        new_id = make_id()
        with self._write() as conn:
            self._insert_case(conn, Case(
                id=new_id, procedure=procedure or source.procedure, values=values,
                created_at=datetime.fromisoformat(now), updated_at=datetime.fromisoformat(now)))
            conn.execute("INSERT INTO status_history (case_id, status, at) VALUES (?,?,?)",
                         (new_id, CaseStatus.DRAFT.value, now))
            self._audit(conn, new_id, AUDIT_DUPLICATED, None, case_id, user, now)
        return self.get(new_id)

    def change_procedure(self, case_id: str, procedure: str,
                         values: Mapping[str, str] | None = None, user: str = "") -> CaseChanges:
        """Carry the case over to ``procedure``, in one transaction.

        A new draft for ``procedure`` gets the case's values (``values`` when given: what the
        editor shows), its remarks, its attachments and its 提出書類 checklist; the old case goes to the recycle bin
        (it keeps its own history there). Either all of this happens or, on any failure,
        nothing does. Returns the new case (``created``) and the old one (``trashed``).
        """
        now = self._now()
        new_id = make_id()
        with self._write() as conn:
            row = self._require(conn, case_id)
            if values is None:
                values = dict(conn.execute(
                    "SELECT key, value FROM case_values WHERE case_id = ?", (case_id,)))
            attachments = [
                AttachmentRef(path=r[0], kind=r[1], title=r[2], position=r[3], taken_on=r[4])
                for r in conn.execute(
                    "SELECT path, kind, title, position, taken_on FROM attachments "
                    "WHERE case_id = ? ORDER BY seq", (case_id,))]
            conn.execute(
                "INSERT INTO cases (id, procedure, status, remarks, created_at, updated_at) "
                "VALUES (?,?,?,?,?,?)",
                (new_id, procedure, CaseStatus.DRAFT.value, row["remarks"], now, now))
            conn.execute("INSERT INTO status_history (case_id, status, at) VALUES (?,?,?)",
                         (new_id, CaseStatus.DRAFT.value, now))
            self._audit(conn, new_id, AUDIT_CREATED, None, procedure, user, now)
            self._audit(conn, new_id, AUDIT_PROCEDURE_CHANGED, row["procedure"], case_id,
                        user, now)
            self._put_values(conn, new_id, values, user, now)
            if row["remarks"]:
                self._audit(conn, new_id, AUDIT_REMARKS, None, row["remarks"], user, now)
            if attachments:
                self._insert_attachments(conn, new_id, attachments)
                self._audit(conn, new_id, AUDIT_ATTACHMENTS, None,
                            json.dumps([a.path for a in attachments], ensure_ascii=False),
                            user, now)
            # The 提出書類 checklist goes along: records are kept by item id, so an item of
            # the new procedure's list keeps its state and files (model/documents.py
            # carry_over says which no longer apply).
            if row["documents"]:
                conn.execute("UPDATE cases SET documents = ? WHERE id = ?",
                             (row["documents"], new_id))
                self._audit(conn, new_id, AUDIT_DOCUMENTS, None, row["documents"], user, now)
            conn.execute("UPDATE cases SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL",
                         (now, case_id))
        return CaseChanges(created=frozenset({new_id}), trashed=frozenset({case_id}),
                           case=self.get(new_id))

    # -- recycle bin -------------------------------------------------------------------------

    def delete(self, case_id: str) -> None:
        """Move the case to the recycle bin (ゴミ箱); :meth:`restore` brings it back."""
        now = self._now()
        with self._write() as conn:
            self._require(conn, case_id)
            conn.execute("UPDATE cases SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL",
                         (now, case_id))

    def restore(self, case_id: str) -> None:
        """Take the case out of the recycle bin."""
        with self._write() as conn:
            self._require(conn, case_id)
            conn.execute("UPDATE cases SET deleted_at = NULL WHERE id = ?", (case_id,))

    def purge(self, case_id: str) -> None:
        """Erase a case in the recycle bin for good, with its values, history and audit."""
        with self._write() as conn:
            row = self._require(conn, case_id)
            if row["deleted_at"] is None:
                raise StorageError("storage_purge_not_deleted", path=str(self.path),
                                   case_id=case_id)
            forget(conn, case_id)
            conn.execute("DELETE FROM cases WHERE id = ?", (case_id,))

    # -- history ---------------------------------------------------------------------------

    def history(self, case_id: str) -> list[StatusChange]:
        """The case's status changes, oldest first."""
        self.get(case_id)  # raises CaseNotFoundError
        return [StatusChange(status=CaseStatus(r["status"]), at=datetime.fromisoformat(r["at"]),
                             note=r["note"], number=r["number"], user=r["user"],
                             on=r["on_date"], due=r["due_date"],
                             granted_period=r["granted_period"],
                             granted_expiry=r["granted_expiry"])
                for r in self._read("SELECT * FROM status_history WHERE case_id = ? "
                                    "ORDER BY id", (case_id,))]

    def audit(self, case_id: str) -> list[AuditEntry]:
        """Every recorded change of the case, oldest first."""
        self.get(case_id)
        return [AuditEntry(key=r["key"], old=r["old"], new=r["new"], user=r["user"],
                           at=datetime.fromisoformat(r["at"]))
                for r in self._read("SELECT * FROM audit WHERE case_id = ? ORDER BY id",
                                    (case_id,))]



def _documents_changed(conn: sqlite3.Connection, case_id: str) -> None:
    """The case's 書類 count is to be counted again (in the transaction of the change)."""
    try:
        conn.execute("UPDATE cases SET documents_done = NULL, documents_total = NULL "
                     "WHERE id = ? AND documents_total IS NOT NULL", (case_id,))
    except sqlite3.OperationalError:
        # a database before migration v9 (tests of older versions) keeps no counts; a
        # statement that fails to prepare leaves the transaction as it was
        if conn.execute("SELECT 1 FROM pragma_table_info('cases') "
                        "WHERE name = 'documents_total'").fetchone() is not None:
            raise


def _photo_taken_on(rows: Sequence[tuple[Any, ...]]) -> str:
    """The taken date of the case's photo (the first ``photo`` row), "" when none."""
    return next((str(r[4]) for r in rows if r[1] == "photo"), "")


def _documents_state(text: str) -> DocumentsState:
    """The stored checklist; a damaged entry reads as not started (the column is only ever
    written from a ``DocumentsState``)."""
    try:
        return DocumentsState.from_json(text or "")
    except ValueError:
        return DocumentsState()
