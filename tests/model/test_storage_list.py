"""The case list's queries: SQLite filters and orders, rows read by page, the short search text
and the 書類 counts kept in step with each edit; an older database gets them when opened."""

from __future__ import annotations

import sqlite3

import pytest

from assistant.model import document_progress
from assistant.model.case import CaseStatus, DocumentsState, ItemRecord
from assistant.model.documents import case_checklist
from assistant.model.storage import MIGRATIONS, CaseStore, ListQuery


def _office(store):
    a = store.create("renewal", {"name": "NGUYEN VAN A", "zairyu_card_number": "AB12345678CD",
                                 "employer_name": "株式会社サクラ食品", "expiry_date": "20270115"},
                     staff="行政 花子")
    b = store.create("change", {"name": "WANG WEI", "name_kanji": "王　偉",
                                "expiry_date": "2026-12-01"})
    c = store.create("renewal", {"name": "SANTOS MARIA", "phone": "0312345678"}, staff="佐藤 一郎")
    store.set_status(c.id, CaseStatus.READY)
    return a.id, b.id, c.id


def _ids(store, rowids):
    by_rowid = {r.rowid: r.summary.id for r in store.list_rows(rowids)}
    return [by_rowid[r] for r in rowids]


def test_filters_combine_and_the_newest_change_comes_first(store):
    a, b, c = _office(store)
    assert _ids(store, store.list_order(ListQuery())) == [c, b, a]
    assert _ids(store, store.list_order(ListQuery(status="ready"))) == [c]
    assert _ids(store, store.list_order(ListQuery(procedure="renewal"))) == [c, a]
    assert _ids(store, store.list_order(ListQuery(staff="行政 花子"))) == [a]
    assert _ids(store, store.list_order(ListQuery(staff=""))) == [b]
    assert store.list_case_ids(ListQuery(statuses=frozenset({"draft"}))) == [b, a]
    assert store.list_staff_names() == ["佐藤 一郎", "行政 花子"]
    store.delete(a)
    assert _ids(store, store.list_order(ListQuery())) == [c, b]
    assert _ids(store, store.list_order(ListQuery(deleted=True))) == [a]
    assert store.list_staff_names() == ["佐藤 一郎"]


@pytest.mark.parametrize(("typed", "who"), [
    ("王", "b"), ("ＡＢ", "a"), ("ab", "a"), ("03", "c"), ("花", "a"), ("uy", "a"),
    ("さく", "a")])  # a short search looks in names (of the employer too), numbers, 担当者
def test_one_or_two_characters_search_names_numbers_and_staff(store, typed, who):
    a, b, c = _office(store)
    found = store.list_case_ids(ListQuery(text=typed))
    assert found == [{"a": a, "b": b, "c": c}[who]]
    assert store.search_ids(typed) == {found[0]}


def test_a_short_search_sees_an_edit_in_its_own_transaction(store):
    a, _b, _c = _office(store)
    store.set_values(a, {"name": "LE THI B"})
    assert store.list_case_ids(ListQuery(text="le")) == [a]
    assert store.list_case_ids(ListQuery(text="uy")) == []
    store.set_numbers(a, application_number="EN2501")
    assert store.list_case_ids(ListQuery(text="en")) == [a]


def test_ranked_columns_sort_by_the_callers_reading(store):
    a, b, c = _office(store)

    def rank(column, values):
        assert column == "expiry_date"
        return {"20270115": 2, "2026-12-01": 1, "": 0}[values[0]]

    assert _ids(store, store.list_order(ListQuery(order="expiry_date", descending=False),
                                        rank)) == [c, b, a]
    assert _ids(store, store.list_order(ListQuery(order="name", descending=False))) == [a, c, b]


def test_document_counts_are_kept_and_forgotten_with_each_change(store):
    a, _b, _c = _office(store)
    first = case_checklist(store.get(a)).applicable[0].item.id
    store.set_documents(a, DocumentsState(items={first: ItemRecord(status="submitted")}))
    assert store.uncounted_documents() == [a]
    total = len(case_checklist(store.get(a)).applicable)
    assert document_progress.count_all(store) == 1
    rows = {r.summary.id: r for r in store.list_rows(store.list_order(ListQuery()))}
    assert rows[a].documents == (1, total) and rows[a].documents_started
    for change in (lambda: store.set_values(a, {"name": "X"}),
                   lambda: store.set_attachments(a, []) or store.set_documents(
                       a, DocumentsState(items={first: ItemRecord(status="not_needed")}))):
        change()
        assert store.list_rows([rows[a].rowid])[0].documents is None
        document_progress.count(store, [a])
    store.forget_document_counts()
    assert store.uncounted_documents() == [a]


def test_an_older_database_gets_the_list_columns_when_opened(tmp_path, monkeypatch):
    path = tmp_path / "old.sqlite"
    with monkeypatch.context() as patch:
        before = next(n for n, m in enumerate(MIGRATIONS)
                      if callable(m) and m.__name__ == "_list_columns")
        patch.setattr("assistant.model.storage.schema.SCHEMA_VERSION", before)
        with CaseStore.open(path) as old:
            a, b, _c = _office(old)
    raw = sqlite3.connect(path)
    assert "list_search" not in [r[1] for r in raw.execute("PRAGMA table_info(cases)")]
    raw.close()
    with CaseStore.open(path) as store:
        assert store.list_case_ids(ListQuery(text="王")) == [b]
        assert store.list_case_ids(ListQuery(text="花")) == [a]
        plan = " ".join(str(r) for r in store.connection.execute(
            "EXPLAIN QUERY PLAN SELECT c.rowid FROM cases c WHERE c.deleted_at IS NULL "
            "AND instr(c.list_search, 'a') > 0 ORDER BY c.updated_at DESC"))
        assert "COVERING INDEX cases_list" in plan  # the rows themselves are never read


def test_a_store_that_cannot_be_written_still_shows_the_counts(store):
    a, _b, _c = _office(store)
    first = case_checklist(store.get(a)).applicable[0].item.id
    store.set_documents(a, DocumentsState(items={first: ItemRecord(status="submitted")}))
    total = len(case_checklist(store.get(a)).applicable)
    store.connection.execute("CREATE TRIGGER boom BEFORE UPDATE OF documents_done ON cases "
                             "BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END")
    assert document_progress.count(store, [a]) == {a: (1, total)}
    assert store.uncounted_documents() == [a]   # not kept: counted again next time
