"""CaseStore on real SQLite files: creating, editing, listing, history, recycle bin, migrations."""

from __future__ import annotations

import sqlite3

import pytest

from assistant.model import paths
from assistant.model.case import (
    EXPIRY_DATE,
    NAME,
    NATIONALITY,
    ZAIRYU_CARD_NUMBER,
    AttachmentRef,
    CaseStatus,
    ReceiptMethod,
    repeat_key,
)
from assistant.model.storage import (
    MIGRATIONS,
    SCHEMA_VERSION,
    CaseNotFoundError,
    CaseStore,
    StorageError,
)


def test_create_and_get_round_trip_with_repeat_keys(store):
    case = store.create("renewal", {NAME: "WANG WEI", repeat_key("relative_name", 2): "王 芳"},
                        user="佐藤")
    again = store.get(case.id)
    assert again == case
    assert again.value("relative_name", 2) == "王 芳"
    assert again.status is CaseStatus.DRAFT
    assert [h.status for h in store.history(case.id)] == [CaseStatus.DRAFT]


def test_set_value_persists_across_reopen_and_empty_deletes(tmp_path):
    path = tmp_path / "cases.sqlite"
    with CaseStore.open(path) as store:
        case = store.create("change")
        assert store.set_value(case.id, NAME, "NGUYEN VAN A", user="鈴木")
        assert not store.set_value(case.id, NAME, "NGUYEN VAN A")  # unchanged: nothing written
        store.set_value(case.id, NATIONALITY, "ベトナム")
        store.set_value(case.id, NATIONALITY, "")
    with CaseStore.open(path) as store:
        got = store.get(case.id)
        assert got.values == {NAME: "NGUYEN VAN A"}
        audit = [(a.key, a.old, a.new, a.user) for a in store.audit(case.id)]
        assert audit[1:] == [(NAME, None, "NGUYEN VAN A", "鈴木"),
                             (NATIONALITY, None, "ベトナム", ""),
                             (NATIONALITY, "ベトナム", None, "")]


def test_updated_at_moves_and_list_is_newest_first(store):
    first = store.create("renewal", {NAME: "A"})
    second = store.create("renewal", {NAME: "B"})
    assert [s.name for s in store.list_summaries()] == ["B", "A"]
    store.set_value(first.id, NAME, "A2")
    assert [s.name for s in store.list_summaries()] == ["A2", "B"]
    assert store.get(first.id).updated_at > second.updated_at


def test_summary_shows_list_columns(store):
    case = store.create("renewal", {NAME: "LI MING", NATIONALITY: "中国",
                                    "current_status": "T26", EXPIRY_DATE: "20270115",
                                    ZAIRYU_CARD_NUMBER: "AB12345678CD"})
    store.set_status(case.id, CaseStatus.ACCEPTED, number="R0123456789")
    copy = store.duplicate(case.id)
    store.set_value(copy.id, NAME, "")
    summary, copied = sorted(store.list_summaries(), key=lambda s: s.id != case.id)
    assert (copied.name, copied.nationality, copied.expiry_date) == ("", "中国", "")
    assert (summary.id, summary.procedure, summary.name, summary.nationality,
            summary.current_status, summary.expiry_date, summary.zairyu_card_number,
            summary.status, summary.application_number) == (
        case.id, "renewal", "LI MING", "中国", "T26", "20270115", "AB12345678CD",
        CaseStatus.ACCEPTED, "R0123456789")


def test_status_history_and_numbers(store):
    case = store.create("coe")
    store.set_status(case.id, CaseStatus.READY)
    store.set_status(case.id, CaseStatus.FILED, number="T-0001", note="オンライン申請")
    store.set_status(case.id, CaseStatus.ACCEPTED, number="A-0002")
    got = store.get(case.id)
    assert (got.status, got.provisional_number, got.application_number) == (
        CaseStatus.ACCEPTED, "T-0001", "A-0002")
    history = store.history(case.id)
    assert [(h.status, h.number, h.note) for h in history] == [
        (CaseStatus.DRAFT, "", ""), (CaseStatus.READY, "", ""),
        (CaseStatus.FILED, "T-0001", "オンライン申請"), (CaseStatus.ACCEPTED, "A-0002", "")]
    assert [h.at for h in history] == sorted(h.at for h in history)


def test_receipt_method_remarks_attachments(store):
    case = store.create("renewal")
    store.set_receipt_method(case.id, ReceiptMethod.COUNTER)
    store.set_remarks(case.id, "再入国許可を同時申請")
    refs = [AttachmentRef("/docs/b.pdf", title="在職証明書", position=2),
            AttachmentRef("/docs/photo.jpg", kind="photo"),
            AttachmentRef("/docs/a.pdf", position=2)]
    store.set_attachments(case.id, refs)
    got = store.get(case.id)
    assert got.receipt_method is ReceiptMethod.COUNTER
    assert got.remarks == "再入国許可を同時申請"
    assert got.attachments == refs
    store.set_attachments(case.id, refs[:1])
    assert store.get(case.id).attachments == refs[:1]
    store.set_receipt_method(case.id, None)
    assert store.get(case.id).receipt_method is None


def test_duplicate_keeps_applicant_and_drops_grant_specific_data(store):
    case = store.create("renewal", {NAME: "KIM MINJI", NATIONALITY: "韓国",
                                    ZAIRYU_CARD_NUMBER: "AB12345678CD", EXPIRY_DATE: "20261231",
                                    repeat_key("relative_name", 1): "金 哲"})
    store.set_status(case.id, CaseStatus.ACCEPTED, number="A-1")
    store.set_attachments(case.id, [AttachmentRef("/p.jpg", kind="photo")])
    store.set_receipt_method(case.id, ReceiptMethod.MAIL)
    store.set_remarks(case.id, "昨年分")
    copy = store.duplicate(case.id)
    assert copy.id != case.id
    assert copy.values == {NAME: "KIM MINJI", NATIONALITY: "韓国",
                           repeat_key("relative_name", 1): "金 哲", "receipt_method": "郵送 Mailing"}
    assert (copy.status, copy.application_number, copy.provisional_number) == (
        CaseStatus.DRAFT, "", "")
    assert copy.attachments == [] and copy.remarks == ""
    assert copy.receipt_method is ReceiptMethod.MAIL
    assert store.get(case.id).application_number == "A-1"  # the original is untouched


def test_recycle_bin(store):
    keep = store.create("renewal", {NAME: "KEEP"})
    gone = store.create("renewal", {NAME: "GONE"})
    store.delete(gone.id)
    assert [s.id for s in store.list_summaries()] == [keep.id]
    assert [s.id for s in store.list_deleted()] == [gone.id]
    assert {s.id for s in store.list_summaries(include_deleted=True)} == {keep.id, gone.id}
    assert store.get(gone.id).deleted_at is not None
    with pytest.raises(StorageError):
        store.purge(keep.id)  # only from the recycle bin
    store.restore(gone.id)
    assert store.get(gone.id).deleted_at is None
    store.delete(gone.id)
    store.purge(gone.id)
    with pytest.raises(CaseNotFoundError) as info:
        store.get(gone.id)
    assert "案件が見つかりません" in str(info.value)
    assert store.connection.execute("SELECT COUNT(*) FROM case_values WHERE case_id = ?",
                                    (gone.id,)).fetchone()[0] == 0


def test_unknown_case_gives_typed_error(store):
    with pytest.raises(CaseNotFoundError):
        store.set_value("nope", NAME, "X")
    with pytest.raises(CaseNotFoundError):
        store.history("nope")


def test_resolve_id_prefix(store):
    case = store.create("renewal")
    assert store.resolve_id(case.id[:6]) == case.id
    with pytest.raises(CaseNotFoundError):
        store.resolve_id("zzzz")


def test_database_is_wal_and_synchronous_full(store):
    conn = store.connection
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert store.schema_version() == SCHEMA_VERSION == len(MIGRATIONS)


def test_staff_and_settings_tables(store):
    store.put_staff("s1", {"name": "佐藤 花子"})
    store.put_staff("s2", {"name": "鈴木 一郎"})
    store.set_current_staff("s2")
    assert [(s.id, s.data["name"], s.is_current) for s in store.list_staff()] == [
        ("s1", "佐藤 花子", False), ("s2", "鈴木 一郎", True)]
    store.set_setting("office.name", "山田行政書士事務所")
    assert store.get_setting("office.name") == "山田行政書士事務所"
    store.set_setting("office.name", None)
    assert store.get_setting("office.name") is None


def test_migration_backs_up_existing_database(tmp_path, monkeypatch):
    path = tmp_path / "cases.sqlite"
    with CaseStore.open(path) as store:
        case = store.create("renewal", {NAME: "BACKUP ME"})
    # A later version appends a migration: opening the v1 file must copy it first.
    monkeypatch.setattr("assistant.model.storage.schema.MIGRATIONS",
                        [*MIGRATIONS, "ALTER TABLE cases ADD COLUMN label TEXT"])
    monkeypatch.setattr("assistant.model.storage.schema.SCHEMA_VERSION", len(MIGRATIONS) + 1)
    with CaseStore.open(path) as store:
        assert store.schema_version() == len(MIGRATIONS) + 1
        assert store.get(case.id).value(NAME) == "BACKUP ME"
    backups = list(tmp_path.glob(f"cases.backup-v{len(MIGRATIONS)}-*.sqlite"))
    assert len(backups) == 1
    old = sqlite3.connect(backups[0])
    assert old.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert old.execute("SELECT value FROM case_values").fetchone()[0] == "BACKUP ME"
    old.close()


def test_v2_receipt_method_column_moves_into_the_step3_value(tmp_path, monkeypatch):
    path = tmp_path / "cases.sqlite"
    with monkeypatch.context() as patch:
        patch.setattr("assistant.model.storage.schema.MIGRATIONS", MIGRATIONS[:2])
        patch.setattr("assistant.model.storage.schema.SCHEMA_VERSION", 2)
        with CaseStore.open(path) as store:
            mail = store.create("renewal", {NAME: "MAIL CASE"})
            counter = store.create("change", {NAME: "COUNTER CASE"})
            typed = store.create("change", {"receipt_method": "郵送 Mailing"})
            store.connection.executemany("UPDATE cases SET receipt_method = ? WHERE id = ?", [
                ("mail", mail.id), ("counter", counter.id), ("counter", typed.id)])
    with CaseStore.open(path) as store:
        assert store.get(mail.id).values["receipt_method"] == "郵送 Mailing"
        assert store.get(counter.id).receipt_method is ReceiptMethod.COUNTER
        # a value the office typed on Step 3 is kept
        assert store.get(typed.id).receipt_method is ReceiptMethod.MAIL


def test_set_receipt_method_writes_the_step3_value_with_audit(store):
    case = store.create("coe")
    store.set_receipt_method(case.id, ReceiptMethod.EMAIL, user="山田")
    assert store.get(case.id).values == {"receipt_method": "メール Email"}
    assert [(e.key, e.new, e.user) for e in store.audit(case.id)][-1] == (
        "receipt_method", "メール Email", "山田")


def test_v1_database_is_migrated_and_case_list_filled(tmp_path, monkeypatch):
    """A database written by schema v1 (values only in case_values) lists correctly after v2."""
    path = tmp_path / "cases.sqlite"
    with monkeypatch.context() as patch:
        patch.setattr("assistant.model.storage.schema.MIGRATIONS", MIGRATIONS[:1])
        patch.setattr("assistant.model.storage.schema.SCHEMA_VERSION", 1)
        with CaseStore.open(path) as store:
            conn = store.connection
            conn.execute("INSERT INTO cases (id, procedure, created_at, updated_at) VALUES "
                         "('old1', 'renewal', '2025-01-01T00:00:00+00:00', "
                         "'2025-01-01T00:00:00+00:00')")
            conn.executemany("INSERT INTO case_values VALUES ('old1', ?, ?)",
                             [(NAME, "OLD CASE"), (NATIONALITY, "タイ"),
                              (EXPIRY_DATE, "20250301")])
    with CaseStore.open(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        (summary,) = store.list_summaries()
        assert (summary.name, summary.nationality, summary.expiry_date) == (
            "OLD CASE", "タイ", "20250301")
        store.set_value("old1", NAME, "RENAMED")
        assert store.list_summaries()[0].name == "RENAMED"
    assert len(list(tmp_path.glob("cases.backup-v1-*.sqlite"))) == 1


def test_new_database_makes_no_backup(tmp_path):
    with CaseStore.open(tmp_path / "cases.sqlite"):
        pass
    assert list(tmp_path.glob("*.backup-*")) == []


def test_newer_database_is_refused_with_message(tmp_path):
    path = tmp_path / "cases.sqlite"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    with pytest.raises(StorageError) as info:
        CaseStore.open(path)
    assert info.value.code == "storage_newer_schema"
    assert "新しいバージョン" in info.value.message_ja


def test_not_a_database_gives_storage_error(tmp_path):
    path = tmp_path / "cases.sqlite"
    path.write_bytes(b"this is a text file, not sqlite" * 100)
    with pytest.raises(StorageError) as info:
        CaseStore.open(path)
    assert info.value.code == "storage_corrupt"
    assert path.read_bytes().startswith(b"this is a text file")  # left as it was


def test_default_paths_follow_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tmp_path / "d"))
    monkeypatch.setenv("ASSISTANT_CONFIG_DIR", str(tmp_path / "c"))
    assert paths.default_db_path() == tmp_path / "d" / "cases.sqlite"
    assert paths.config_dir() == tmp_path / "c" and (tmp_path / "c").is_dir()
    assert paths.db_path("/x/y.sqlite").as_posix() == "/x/y.sqlite"
    monkeypatch.delenv("ASSISTANT_DATA_DIR")
    assert paths.data_dir(create=False).name == "zairyu-assistant"
