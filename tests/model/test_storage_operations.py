"""Store operations that are one transaction each and say what they changed (real SQLite)."""

from __future__ import annotations

import pytest

from assistant.model.case import NAME, AttachmentRef, CaseStatus
from assistant.model.storage import CaseStore, StorageError


def _filled(store: CaseStore) -> str:
    case = store.create("renewal", {NAME: "WANG WEI", "nationality": "中国"}, user="佐藤")
    store.set_remarks(case.id, "至急")
    store.set_attachments(case.id, [
        AttachmentRef("/docs/a.pdf", "document", "在職証明書"),
        AttachmentRef("/docs/face.jpg", "photo", "face.jpg", taken_on="2026-10-01")])
    store.set_status(case.id, CaseStatus.READY)
    return case.id


def test_change_procedure_carries_the_case_over_and_trashes_the_old_one(store):
    old_id = _filled(store)
    changes = store.change_procedure(old_id, "change", user="鈴木")
    new = changes.case
    assert new is not None
    assert changes.created == {new.id} and changes.trashed == {old_id}
    assert changes.ids == {new.id, old_id}
    assert new.procedure == "change" and new.status is CaseStatus.DRAFT
    assert new.values == {NAME: "WANG WEI", "nationality": "中国"}
    assert new.remarks == "至急"
    assert [(a.path, a.kind, a.taken_on) for a in new.attachments] == [
        ("/docs/a.pdf", "document", ""), ("/docs/face.jpg", "photo", "2026-10-01")]
    assert [s.id for s in store.list_summaries()] == [new.id]
    assert [s.id for s in store.list_deleted()] == [old_id]
    old = store.get(old_id)
    assert old.procedure == "renewal" and old.status is CaseStatus.READY
    audit = {(e.key, e.old, e.new, e.user) for e in store.audit(new.id)}
    assert ("#procedure_changed_from", "renewal", old_id, "鈴木") in audit
    assert (NAME, None, "WANG WEI", "鈴木") in audit


def test_change_procedure_takes_the_values_the_editor_shows(store):
    old_id = _filled(store)
    changes = store.change_procedure(old_id, "change", values={NAME: "WANG WEI", "x": ""})
    assert changes.case is not None and changes.case.values == {NAME: "WANG WEI"}


def test_change_procedure_is_all_or_nothing(store):
    """A failure at the last step (moving the old case to the recycle bin) leaves no new case."""
    old_id = _filled(store)
    before = store.list_summaries()
    store.connection.execute(
        "CREATE TRIGGER refuse_trash BEFORE UPDATE OF deleted_at ON cases "
        "BEGIN SELECT RAISE(ABORT, 'disk went away'); END")
    with pytest.raises(StorageError) as caught:
        store.change_procedure(old_id, "change")
    assert "disk went away" in caught.value.message_ja
    assert store.list_summaries() == before
    assert store.count(include_deleted=True) == 1
    assert store.get(old_id).deleted_at is None


def test_change_procedure_of_an_unknown_case_changes_nothing(store):
    from assistant.model.storage import CaseNotFoundError

    with pytest.raises(CaseNotFoundError):
        store.change_procedure("nope", "change")
    assert store.count(include_deleted=True) == 0


def test_apply_bulk_is_one_transaction(store):
    kept = store.create("renewal", {NAME: "KEPT", "nationality": "中国"})
    changes = store.apply_bulk([("renewal", {NAME: "NEW ONE"}), ("coe", {NAME: "NEW TWO"})],
                               {kept.id: {NAME: "RENAMED", "nationality": ""}}, user="佐藤")
    assert len(changes.created) == 2 and changes.updated == {kept.id}
    assert sorted(s.name for s in store.list_summaries()) == ["NEW ONE", "NEW TWO", "RENAMED"]
    assert store.get(kept.id).values == {NAME: "RENAMED"}
    # a failure at the last row (an unknown case) leaves everything as it was
    before = store.list_summaries()
    with pytest.raises(StorageError):
        store.apply_bulk([("renewal", {NAME: "NEVER"})], {kept.id: {NAME: "NEVER"},
                                                          "unknown-id": {NAME: "X"}})
    assert store.list_summaries() == before


def test_a_bulk_import_is_backed_up_first_and_written_at_once(store):
    from assistant.model.case import Case
    from assistant.model.exports.jobs import apply_import
    from assistant.model.exports.xlsx_import import ImportResult, RowResult
    from assistant.model.storage import backups

    old = store.create("renewal", {NAME: "OLD NAME"})
    result = ImportResult("renewal", imported=[
        RowResult(9, Case(id="", procedure="renewal", values={NAME: "NEW"}), created=True),
        RowResult(10, Case(id=old.id, procedure="renewal", values={NAME: "FIXED"}),
                  changed=True)])
    created, changed = apply_import(store, result)
    assert len(created) == 1 and changed == [old.id]
    (backup,) = backups.list_backups(store.path)
    assert backup.reason is backups.Reason.IMPORT
    import sqlite3

    conn = sqlite3.connect(backup.path)
    assert [r[0] for r in conn.execute("SELECT list_name FROM cases")] == ["OLD NAME"]
    conn.close()
