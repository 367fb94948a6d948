"""Full-text search over every stored value of a case (SQLite FTS5, trigram tokenizer).

One row per case in ``case_search`` (rowid = the case's rowid): its values, its 申請受付仮番号 /
申請受付番号 and remarks, *folded* so that the variants an office types match each other —
full-width and half-width (ＡＢ１ / AB1, ｸﾞｴﾝ / グエン), katakana and hiragana (グエン / ぐえん),
upper and lower case, spaces ignored. The trigram tokenizer makes any substring of three or
more characters an index lookup (Japanese has no spaces between words); shorter needles are a
``LIKE`` over the same table. The row is rewritten by :func:`reindex` inside the transaction of
every write that changes what it holds, so search never sees a half-done edit.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Iterable

import jaconv

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
        values = [r[0] for r in conn.execute(
            "SELECT value FROM case_values WHERE case_id = ?", (case_id,))]
        try:
            conn.execute("DELETE FROM case_search WHERE rowid = ?", (row[0],))
        except sqlite3.OperationalError:
            if _has_table(conn):
                raise
            return  # a database before migration v7 (tests of older versions): no search
        conn.execute("INSERT INTO case_search (rowid, body) VALUES (?, ?)",
                     (row[0], body_of([*values, *row[1:]])))


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


def matching_ids(conn: sqlite3.Connection, text: str,
                 include_deleted: bool = False) -> set[str] | None:
    """The ids of the cases whose values contain ``text`` (folded); None for an empty needle."""
    needle = fold(text)
    if not needle:
        return None
    where = "" if include_deleted else " AND c.deleted_at IS NULL"
    if len(needle) >= 3:
        phrase = '"' + needle.replace('"', '""') + '"'
        sql = ("SELECT c.id FROM case_search s JOIN cases c ON c.rowid = s.rowid "
               "WHERE case_search MATCH ?" + where)
        param = phrase
    else:
        escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        sql = ("SELECT c.id FROM case_search s JOIN cases c ON c.rowid = s.rowid "
               "WHERE s.body LIKE ? ESCAPE '\\'" + where)
        param = f"%{escaped}%"
    return {r[0] for r in conn.execute(sql, (param,))}
