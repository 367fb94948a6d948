"""Staff profiles: validation a user would see, and storage in a real SQLite file."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

import pytest

from assistant.model.office import (
    OfficeStore,
    Sex,
    StaffCategory,
    StaffNotFound,
    StaffProfile,
    create_staff_table,
    normalise_profile,
    validate_certificate_number,
    validate_profile,
)

TODAY = date(2026, 11, 26)


def complete_profile(**changes: object) -> StaffProfile:
    profile = StaffProfile(
        id="s1", name="法務　太郎", sex=Sex.MALE, birth_date=date(1980, 4, 1),
        office_name="法務行政書士事務所", postal_code="100-8977", prefecture="東京都",
        municipality="千代田区", street="霞が関１－１－１", phone="03-1234-5678",
        email="taro@example.jp", category=StaffCategory.GYOSEISHOSHI,
        certificate_number="123456789012", certificate_expiry=date(2028, 3, 31),
        password_set_on=date(2026, 4, 1))
    for key, value in changes.items():
        setattr(profile, key, value)
    return profile


def codes(problems):
    return [p.code for p in problems]


def test_complete_profile_has_no_problems():
    assert validate_profile(complete_profile(), TODAY) == []


@pytest.mark.parametrize("raw", ["１２３４５６７８９０１２", "123456789012", " 12345678901２ "])
def test_certificate_number_full_width_digits_are_accepted_and_normalised(raw):
    assert validate_certificate_number(raw) == []
    assert normalise_profile(complete_profile(certificate_number=raw)).certificate_number \
        == "123456789012"


@pytest.mark.parametrize("raw, code", [
    ("", "office_certificate_number_missing"),
    ("12345678901", "office_certificate_number_wrong_length"),
    ("1234567890123", "office_certificate_number_wrong_length"),
    ("12345678901A", "office_certificate_number_invalid_chars"),
    ("1234-5678-9012", "office_certificate_number_invalid_chars"),
    ("١٢٣٤٥٦٧٨٩٠١٢", "office_certificate_number_invalid_chars"),  # Arabic-Indic digits
    ("①２３４５６７８９０１２", "office_certificate_number_invalid_chars"),
])
def test_certificate_number_wrong_values_are_rejected_with_a_reason(raw, code):
    problems = validate_certificate_number(raw)
    assert codes(problems) == [code]
    assert problems[0].is_error
    assert "申請等取次者証明書番号" in problems[0].message_ja


def test_wrong_length_message_says_how_many_digits():
    [problem] = validate_certificate_number("12345")
    assert "12桁" in problem.message_ja and "5桁" in problem.message_ja


def test_missing_required_items_are_errors_and_missing_dates_are_warnings():
    profile = StaffProfile(id="s2")
    problems = validate_profile(profile, TODAY)
    errors = {p.code for p in problems if p.is_error}
    warnings = {p.code for p in problems if not p.is_error}
    assert errors == {"office_name_missing", "office_category_missing",
                      "office_certificate_number_missing"}
    assert {"office_email_missing", "office_certificate_expiry_missing",
            "office_password_set_on_missing", "office_address_incomplete"} <= warnings


def test_agent_items_follow_the_catalogue_rules_of_the_agent_block():
    """The same rules as the case's 取次者 fields (one rule, written once in the catalogue)."""
    p = normalise_profile(complete_profile(name="Taro Homu", street="霞が関1-1-1"))
    assert p.name == "Ｔａｒｏ\u3000Ｈｏｍｕ" and p.street == "霞が関１－１－１"  # made 全角
    problems = validate_profile(complete_profile(name="あ" * 27), TODAY)
    assert [(x.field, x.code) for x in problems] == [("staff.name", "field_too_long")]
    assert "26文字以内" in problems[0].message_ja


def test_prefecture_and_municipality_must_be_from_the_lists():
    problems = validate_profile(complete_profile(prefecture="東京", municipality="千代田区"),
                                TODAY)
    assert ("staff.prefecture", "field_not_in_list") in [(x.field, x.code) for x in problems]
    wrong_city = validate_profile(complete_profile(municipality="大阪市北区"), TODAY)
    assert "staff.municipality" in [x.field for x in wrong_city if x.is_error]


def test_phone_and_postal_code_are_normalised_and_checked():
    p = normalise_profile(complete_profile(phone="０３－１２３４－５６７８", postal_code="１００－８９７７"))
    assert (p.phone, p.postal_code) == ("0312345678", "1008977")
    bad = complete_profile(phone="03-1234-5678-9999", postal_code="100-89")
    problems = validate_profile(bad, TODAY)
    assert {x.field for x in problems if x.is_error} == {"staff.phone", "staff.postal_code"}


def test_wrong_dates_and_email():
    bad = complete_profile(birth_date=date(2030, 1, 1), password_set_on=date(2026, 12, 1),
                           email="taro.example.jp")
    assert set(codes(validate_profile(bad, TODAY))) == {
        "office_birth_date_future", "office_password_set_on_future", "office_email_invalid"}


@pytest.fixture
def store(tmp_path):
    connection = sqlite3.connect(tmp_path / "cases.sqlite3")
    create_staff_table(connection)
    yield OfficeStore(connection)
    connection.close()


def test_profiles_survive_reopening_the_database_file(tmp_path, store):
    saved = store.save(complete_profile(phone="03-1234-5678"))
    second = store.save(complete_profile(id="s2", name="入管　花子", sex=Sex.FEMALE,
                                         category=StaffCategory.LAWYER))
    reopened = OfficeStore(sqlite3.connect(tmp_path / "cases.sqlite3"))
    assert [p.id for p in reopened.list()] == ["s1", "s2"]
    assert reopened.get("s1") == saved
    assert reopened.get("s1").phone == "0312345678"
    assert reopened.get("s2").category is StaffCategory.LAWYER
    assert reopened.get("s2") == second


def test_first_saved_staff_member_is_current_and_only_one_is_current(store):
    store.save(complete_profile(id="a"))
    store.save(complete_profile(id="b", name="入管　花子"))
    assert store.current().id == "a"
    store.set_current("b")
    assert store.current().id == "b"
    db = store._db
    assert db.execute("SELECT COUNT(*) FROM staff WHERE is_current = 1").fetchone()[0] == 1
    with pytest.raises(StaffNotFound):
        store.set_current("nobody")
    assert store.current().id == "b"


def test_find_by_name_or_id_prefix(store):
    store.save(complete_profile(id="abc123"))
    assert store.find("法務　太郎").id == "abc123"
    assert store.find("abc").id == "abc123"
    with pytest.raises(StaffNotFound):
        store.find("誰か")


def test_stored_json_has_no_secret_fields(store):
    store.save(complete_profile())
    data = json.loads(store._db.execute("SELECT data FROM staff").fetchone()[0])
    assert not {k for k in data if "password" in k and k != "password_set_on"}
    assert "auth_id" not in data
    assert data["certificate_expiry"] == "2028-03-31"


def test_office_store_uses_the_case_database_staff_table(tmp_path):
    from assistant.model.storage import CaseStore

    path = tmp_path / "cases.sqlite"
    with CaseStore.open(path) as cases:
        office = OfficeStore(cases)
        office.save(complete_profile(id="a"))
        office.save(complete_profile(id="b", name="入管　花子"))
        office.set_current("b")
        records = {r.id: r for r in cases.list_staff()}
        assert records["b"].is_current and not records["a"].is_current
        assert records["a"].data["name"] == "法務　太郎"
    with CaseStore.open(path) as cases:
        assert OfficeStore(cases).current().name == "入管　花子"


def test_database_failure_is_a_storage_error_with_a_plain_message(tmp_path):
    from assistant.model.storage import CaseStore, StorageError

    with CaseStore.open(tmp_path / "cases.sqlite") as cases:
        office = OfficeStore(cases)
        office.save(complete_profile())
        cases.connection.execute("DROP TABLE staff")  # a damaged database
        with pytest.raises(StorageError) as caught:
            office.save(complete_profile(id="s2"))
        assert caught.value.message_ja
        with pytest.raises(StorageError):
            office.list()


def test_office_store_waits_while_the_case_store_is_in_use(tmp_path):
    """OfficeStore(store) goes through the store's public locking, not its private parts."""
    import threading

    from assistant.model.storage import CaseStore

    with CaseStore.open(tmp_path / "cases.sqlite") as cases:
        office = OfficeStore(cases)
        saved = threading.Event()

        def save():
            office.save(complete_profile())
            saved.set()

        worker = threading.Thread(target=save)
        with cases.locked():
            worker.start()
            assert not saved.wait(0.3)   # the GUI thread still holds the connection
        worker.join(10)
        assert saved.is_set()
        with cases.transaction() as conn:
            conn.execute("UPDATE staff SET data = json_set(data, '$.name', '入管　花子')")
        assert office.current().name == "入管　花子"


def test_storage_error_translation_is_public():
    import sqlite3

    from assistant.model.storage import storage_error

    error = storage_error(sqlite3.OperationalError("attempt to write a readonly database"), "x")
    assert error.code == "storage_readonly" and error.message_ja


def test_staff_saved_while_another_thread_writes_cases(tmp_path):
    """The office store shares the case store's connection and lock with a worker thread."""
    import threading

    from assistant.model.storage import CaseStore

    with CaseStore.open(tmp_path / "cases.sqlite") as cases:
        case = cases.create("renewal", {"name": "NGUYEN VAN A"})
        office = OfficeStore(cases)
        errors = []

        def write_cases():
            try:
                for n in range(60):
                    cases.set_value(case.id, "remarks_field_for_test", str(n))
            except Exception as exc:  # pragma: no cover - reported below
                errors.append(exc)

        worker = threading.Thread(target=write_cases)
        worker.start()
        for n in range(60):
            office.save(complete_profile(id=f"s{n % 3}", phone=f"0312345{n:03d}"))
        worker.join()
        assert errors == []
        assert len(office.list()) == 3
        assert cases.get(case.id).values["remarks_field_for_test"] == "59"
