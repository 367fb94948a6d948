"""The first-start sample case: plausible, valid for the catalogue, marked as a sample."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from assistant.model import rules
from assistant.model.case import EXPIRY_DATE, NAME, PASSPORT_EXPIRY
from assistant.model.codelists import code_list
from assistant.model.fields import catalogue
from assistant.model.first_start import needs_welcome, record_welcome_done
from assistant.model.office import OfficeStore, StaffCategory, StaffProfile
from assistant.model.sample import (
    create_sample_case,
    has_sample_case,
    sample_case,
    sample_values,
)
from assistant.model.storage import CaseStore

TODAY = date(2026, 11, 26)


@pytest.fixture
def store(tmp_path):
    store = CaseStore.open(tmp_path / "cases.sqlite")
    yield store
    store.close()


def _yyyymmdd(text: str) -> date:
    return datetime.strptime(text, "%Y%m%d").date()


@pytest.mark.parametrize("today", [TODAY, date(2028, 2, 29), date(2027, 12, 31)])
def test_sample_renewal_can_be_filed_online_on_the_day_it_is_made(today):
    values = sample_values(today)
    window = rules.application_window("renewal", today, expiry=_yyyymmdd(values[EXPIRY_DATE]))
    assert window.online_possible, window.reasons
    assert _yyyymmdd(values[PASSPORT_EXPIRY]) > _yyyymmdd(values[EXPIRY_DATE])


def test_sample_values_fit_the_catalogue_and_its_code_lists():
    cat = catalogue("renewal")
    values = sample_values(TODAY)
    for key, value in values.items():
        field = cat.field(key)
        if field.max_length is not None:
            assert len(value) <= field.max_length, key
        if field.code_list:
            parent = values.get(field.parent.split("|")[-1]) if field.parent else None
            codes = code_list(field.code_list)
            if parent and codes.parent_list:
                parent_entry = code_list(cat.field(field.parent.split("|")[-1]).code_list or "") \
                    .lookup(parent)
                parent = parent_entry.code if parent_entry and parent_entry.code else parent
            assert codes.lookup(value, parent) is not None, (key, value, parent)
    required = [f.id for f in cat.fields if f.required and f.step != "3"]
    missing = [f for f in required if f not in values]
    assert not missing, missing


def test_sample_case_is_marked_and_names_a_fictional_applicant():
    case = sample_case(TODAY)
    assert case.is_sample
    assert case.procedure == "renewal"
    assert case.value(NAME) == "NGUYEN VAN MAU"
    assert case.value("email").endswith("@example.com")  # a domain reserved for examples


def test_created_sample_is_stored_as_a_sample_and_reopens_so(tmp_path):
    path = tmp_path / "cases.sqlite"
    with CaseStore.open(path) as store:
        assert not has_sample_case(store)
        created = create_sample_case(store, TODAY)
    with CaseStore.open(path) as store:
        stored = store.get(created.id)
        assert stored.is_sample
        assert stored.values == sample_values(TODAY)
        [summary] = store.list_summaries()
        assert summary.is_sample and summary.name == "NGUYEN VAN MAU"
        assert has_sample_case(store)


def test_deleted_sample_still_counts_as_offered(store):
    created = create_sample_case(store, TODAY)
    store.delete(created.id)
    assert has_sample_case(store)


def test_welcome_is_needed_only_until_dismissed_or_a_profile_exists(tmp_path):
    with CaseStore.open(tmp_path / "a.sqlite") as store:
        assert needs_welcome(store)
        record_welcome_done(store, TODAY)
        assert not needs_welcome(store)
    with CaseStore.open(tmp_path / "a.sqlite") as store:
        assert not needs_welcome(store), "remembered across restarts"
    with CaseStore.open(tmp_path / "b.sqlite") as store:
        OfficeStore(store.connection).save(StaffProfile(
            id=StaffProfile.new_id(), name="法務　花子", category=StaffCategory.GYOSEISHOSHI,
            certificate_number="123456789012"))
        assert not needs_welcome(store), "an office that has a profile is not greeted"


def test_sample_takes_the_agent_block_from_the_current_profile(store):
    office = OfficeStore(store.connection)
    profile = office.save(StaffProfile(
        id=StaffProfile.new_id(), name="法務　花子", category=StaffCategory.GYOSEISHOSHI,
        certificate_number="123456789012", office_name="サンプル行政書士事務所",
        postal_code="1000013", prefecture="東京都", municipality="千代田区",
        street="霞が関１－１－１", phone="0312345678"))
    created = create_sample_case(store, TODAY, profile=office.current())
    stored = store.get(created.id)
    assert stored.value("agent_name") == profile.name
    assert stored.value("agent_organization") == "サンプル行政書士事務所"
    assert stored.value(NAME) == "NGUYEN VAN MAU"
