"""Full-text search over every stored value of a case (SQLite FTS5, trigram tokenizer).

One row per case in ``case_search`` (rowid = the case's rowid): its values, its 申請受付仮番号 /
申請受付番号 and remarks, *folded* so that the variants an office types match each other —
full-width and half-width (ＡＢ１ / AB1, ｸﾞｴﾝ / グエン), katakana and hiragana (グエン / ぐえん),
upper and lower case, spaces ignored. The trigram tokenizer makes any substring of three or
more characters an index lookup (Japanese has no spaces between words). A needle of one or two
characters cannot use the trigrams: it is looked for in ``cases.list_search`` instead, a short
folded text of the values that say who and which case (names, phone and document numbers, the
case's numbers and 担当者: ``resources/storage/search.json``), which sits in the case list's
covering index so the scan never reads the cases' rows. Both are rewritten by :func:`reindex`
inside the transaction of every write that changes what they hold, so search never sees a
half-done edit.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Iterable, Mapping
from fnmatch import fnmatchcase
from functools import cache

import jaconv

from assistant.model.case import split_key
from assistant.resources import load_json

#: The FTS table (migration v7 in :mod:`.schema`).
CREATE_SQL = "CREATE VIRTUAL TABLE case_search USING fts5(body, tokenize = 'trigram')"


# The cases row's own columns that are searched besides the values.
_CASE_COLUMNS = ("provisional_number", "application_number", "remarks", "staff")


def fold(text: str) -> str:
    """``text`` as stored and searched: NFKC (width), hiragana for katakana, lower case, no
    spaces."""
    folded = unicodedata.normalize("NFKC", text)
    return jaconv.kata2hira(folded).casefold().replace(" ", "").replace("\u3000", "")


def body_of(values: Iterable[str]) -> str:
    return "\n".join(f for f in (fold(v) for v in values) if f)


@cache
def _short_patterns() -> tuple[str, ...]:
    return tuple(load_json("storage", "search.json")["short_search_fields"])


@cache
def is_short_search_key(key: str) -> bool:
    """Whether the value of field ``key`` (a repeated field's instance too) is in the short
    search text (:func:`short_text`)."""
    base = split_key(key)[0]
    return any(fnmatchcase(base, pattern) for pattern in _short_patterns())


def short_text(values: Mapping[str, str], case_columns: Iterable[str]) -> str:
    """The folded text a one- or two-character search looks in: the values of the short-search
    fields and the case's own columns (numbers, 担当者)."""
    return body_of([*(v for k, v in sorted(values.items()) if is_short_search_key(k)),
                    *case_columns])


def reindex(conn: sqlite3.Connection, case_ids: Iterable[str]) -> None:
    """Rewrite the search rows of ``case_ids`` from what the transaction holds now."""
    for case_id in case_ids:
        cursor = conn.execute("SELECT rowid AS search_rowid, * FROM cases WHERE id = ?",
                              (case_id,))
        found = cursor.fetchone()
        if found is None:
            continue
        # by name: the columns a migration added later (staff, v8) may not exist yet
        case = dict(zip([d[0] for d in cursor.description], found, strict=True))
        row = (case["search_rowid"], *(str(case.get(column) or "") for column in _CASE_COLUMNS))
        values = dict(conn.execute(
            "SELECT key, value FROM case_values WHERE case_id = ?", (case_id,)).fetchall())
        if "list_search" in case:  # (a database before migration v9 has no such column)
            conn.execute("UPDATE cases SET list_search = ? WHERE rowid = ?",
                         (short_text(values, [str(case.get(column) or "") for column in
                                           ("provisional_number", "application_number",
                                            "staff")]), row[0]))
        try:
            conn.execute("DELETE FROM case_search WHERE rowid = ?", (row[0],))
        except sqlite3.OperationalError:
            if _has_table(conn):
                raise
            return  # a database before migration v7 (tests of older versions): no search
        conn.execute("INSERT INTO case_search (rowid, body) VALUES (?, ?)",
                     (row[0], body_of([*values.values(), *row[1:]])))


def forget(conn: sqlite3.Connection, case_id: str) -> None:
    """Remove the search row of a case about to be erased."""
    if _has_table(conn):
        conn.execute("DELETE FROM case_search WHERE rowid = "
                     "(SELECT rowid FROM cases WHERE id = ?)", (case_id,))


def _has_table(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'case_search'"
                        ).fetchone() is not None


def build_all(conn: sqlite3.Connection) -> None:
    """Migration v7: the table, filled for every stored case."""
    conn.execute(CREATE_SQL)
    ids = [r[0] for r in conn.execute("SELECT id FROM cases")]
    reindex(conn, ids)


def fill_short_texts(conn: sqlite3.Connection) -> None:
    """Migration v9: ``cases.list_search`` for every stored case."""
    values: dict[str, dict[str, str]] = {}
    for case_id, key, value in conn.execute("SELECT case_id, key, value FROM case_values"):
        if is_short_search_key(key):
            values.setdefault(case_id, {})[key] = value
    conn.executemany(
        "UPDATE cases SET list_search = ? WHERE id = ?",
        [(short_text(values.get(case_id, {}), [provisional, application, staff]), case_id)
         for case_id, provisional, application, staff in conn.execute(
             "SELECT id, provisional_number, application_number, staff FROM cases").fetchall()])


#: The tables a case-list query reads for its search (``c``: the cases).
CASES = "cases c"
MATCHES = "case_search s CROSS JOIN cases c ON c.rowid = s.rowid"


#: From how many full-text matches on the list walks its index in order testing each case
#: against the matches (stopping once a chunk is found) rather than sorting the matches.
MANY_MATCHES = 3_000


def condition(text: str, conn: sqlite3.Connection | None = None) -> tuple[str, str, str] | None:
    """What selects the cases holding ``text``: the tables to read (:data:`CASES` or
    :data:`MATCHES`), the SQL condition and its parameter; None for an empty needle.

    Three characters or more: the full-text index — read first (the matches, then their
    cases), or, given ``conn`` and at least :data:`MANY_MATCHES` matches, as a set the
    cases are tested against in the list's order (the first chunk comes after a few
    thousand cases instead of after sorting all the matches); fewer: the short search
    text."""
    needle = fold(text)
    if not needle:
        return None
    if len(needle) >= 3:
        phrase = '"' + needle.replace('"', '""') + '"'
        if conn is not None and conn.execute(
                "SELECT count(*) FROM (SELECT rowid FROM case_search WHERE case_search MATCH ? "
                "LIMIT ?)", (phrase, MANY_MATCHES)).fetchone()[0] >= MANY_MATCHES:
            return CASES, ("c.rowid IN (SELECT rowid FROM case_search "
                           "WHERE case_search MATCH ?)"), phrase
        return MATCHES, "case_search MATCH ?", phrase
    return CASES, "instr(c.list_search, ?) > 0", needle


def matching_ids(conn: sqlite3.Connection, text: str,
                 include_deleted: bool = False) -> set[str] | None:
    """The ids of the cases whose values contain ``text`` (folded); None for an empty needle."""
    found = condition(text)
    if found is None:
        return None
    tables, where, param = found
    deleted = "" if include_deleted else " AND c.deleted_at IS NULL"
    return {r[0] for r in conn.execute(f"SELECT c.id FROM {tables} WHERE {where}{deleted}",
                                       (param,))}
