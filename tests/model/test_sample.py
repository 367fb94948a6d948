"""The first-start sample case: plausible, valid for the catalogue, marked as a sample."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from assistant.model import rules
from assistant.model.case import EXPIRY_DATE, NAME, PASSPORT_EXPIRY
from assistant.model.codelists import code_list
from assistant.model.first_start import needs_welcome, record_welcome_done
from assistant.model.office import OfficeStore, StaffCategory, StaffProfile
from assistant.model.sample import (
    create_sample_case,
    has_sample_case,
    sample_case,
    sample_values,
)
from assistant.model.storage import CaseStore
from assistant.model.validation import validate_case

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


@pytest.mark.parametrize("today", [TODAY, date(2028, 2, 29)])
def test_sample_is_valid_except_the_intent_the_office_confirms_itself(today):
    """Every value passes the catalogue's rules; only Step 3's intent confirmation is left."""
    problems = validate_case(sample_case(today), on=today)
    assert [(p.field, p.code) for p in problems] == [("intent_confirmed", "field_required")]


def test_sample_with_the_intent_confirmed_has_no_problem_at_all():
    case = sample_case(TODAY)
    [entry] = code_list("intent_confirmation").entries
    case.values["intent_confirmed"] = entry.label
    assert validate_case(case, on=TODAY) == []


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
        OfficeStore(store).save(StaffProfile(
            id=StaffProfile.new_id(), name="法務　花子", category=StaffCategory.GYOSEISHOSHI,
            certificate_number="123456789012"))
        assert not needs_welcome(store), "an office that has a profile is not greeted"


def test_sample_takes_the_agent_block_from_the_current_profile(store):
    office = OfficeStore(store)
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
