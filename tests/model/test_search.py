"""Search over every stored value (FTS5 trigram), kept in step with each edit's transaction."""

from __future__ import annotations

import sqlite3

import pytest

from assistant.model import filing
from assistant.model.case import CaseStatus
from assistant.model.storage import MIGRATIONS, CaseStore, StorageError
from assistant.model.storage.search import fold


@pytest.fixture
def store(tmp_path):
    store = CaseStore.open(tmp_path / "cases.sqlite")
    yield store
    store.close()


def _office(store):
    nguyen = store.create("renewal", {
        "name": "NGUYEN VAN A", "name_kana": "グエン　バン　ア", "zairyu_card_number": "AB12345678CD",
        "passport_number": "C1234567", "employer_name": "株式会社サクラ食品", "phone": "0312345678"})
    wang = store.create("renewal", {"name": "WANG WEI", "name_kanji": "王　偉",
                                    "employer_name": "ひまわり商事"})
    return nguyen.id, wang.id


@pytest.mark.parametrize(("typed", "who"), [
    ("グエン", "nguyen"), ("ぐえん", "nguyen"), ("ｸﾞｴﾝ", "nguyen"),       # kana and width
    ("サクラ", "nguyen"), ("さくら", "nguyen"), ("ＡＢ１２３４", "nguyen"),  # employer, card
    ("ab12345678cd", "nguyen"), ("c1234567", "nguyen"), ("03123", "nguyen"),
    ("王", "wang"), ("王 偉", "wang"), ("ヒマワリ", "wang"), ("wei", "wang"),
    ("nguyen van", "nguyen"), ("NGUYENVANA", "nguyen")])
def test_names_employer_numbers_match_in_any_width_or_kana(store, typed, who):
    nguyen, wang = _office(store)
    assert store.search_ids(typed) == {{"nguyen": nguyen, "wang": wang}[who]}


def test_nothing_found_and_empty_search(store):
    _office(store)
    assert store.search_ids("ミハイロフ") == set()
    assert store.search_ids("  ") is None


def test_an_edit_is_searchable_in_its_own_transaction_and_undone_with_it(store, tmp_path):
    nguyen, _ = _office(store)
    store.set_values(nguyen, {"employer_name": "有限会社モミジ"})
    assert store.search_ids("もみじ") == {nguyen}
    assert store.search_ids("サクラ") == set()
    # a failing write rolls back the search row with the values
    store.connection.execute("CREATE TRIGGER boom BEFORE INSERT ON audit "
                             "BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END")
    with pytest.raises(StorageError):
        store.set_values(nguyen, {"employer_name": "株式会社カエデ"})
    assert store.search_ids("カエデ") == set() and store.search_ids("モミジ") == {nguyen}


def test_application_numbers_and_the_recycle_bin(store):
    nguyen, wang = _office(store)
    store.set_status(nguyen, CaseStatus.READY)
    filing.perform_step(store, nguyen, filing.StepRequest(CaseStatus.FILED,
                                                          number="東オンEN25001878"),
                        today=__import__("datetime").date(2026, 11, 26))
    assert store.search_ids("EN25001878") == {nguyen}
    assert store.search_ids("東オン") == {nguyen}
    store.delete(wang)
    assert store.search_ids("王") == set()
    assert store.search_ids("王", include_deleted=True) == {wang}
    store.purge(wang)
    rows = store.connection.execute("SELECT COUNT(*) FROM case_search").fetchone()[0]
    assert rows == 1


def test_an_older_database_gets_its_search_filled_when_opened(tmp_path, monkeypatch):
    path = tmp_path / "old.sqlite"
    with monkeypatch.context() as patch:
        before_search = next(n for n, m in enumerate(MIGRATIONS)
                             if callable(m) and m.__name__ == "_build_search")
        patch.setattr("assistant.model.storage.schema.SCHEMA_VERSION", before_search)
        with CaseStore.open(path) as old:
            old.connection.execute("PRAGMA user_version")
            nguyen, _ = _office(old)
    raw = sqlite3.connect(path)
    assert raw.execute("SELECT COUNT(*) FROM sqlite_master WHERE name = 'case_search'"
                       ).fetchone()[0] == 0
    raw.close()
    with CaseStore.open(path) as store:
        assert store.search_ids("グエン") == {nguyen}


def test_fold():
    assert fold("グエン　バン") == fold("ぐえんばん") == fold("ｸﾞｴﾝ ﾊﾞﾝ") == "ぐえんばん"
    assert fold("ＡＢ１２") == "ab12"


def test_the_staff_member_in_charge_is_kept_listed_and_searchable(store):
    case = store.create("renewal", {"name": "NGUYEN VAN A"}, staff="行政　花子")
    other = store.create("renewal", {"name": "WANG WEI"})
    summaries = {s.id: s.staff for s in store.list_summaries()}
    assert summaries == {case.id: "行政　花子", other.id: ""}
    assert store.search_ids("行政花子") == {case.id}
    assert store.search_ids("花子") == {case.id}
