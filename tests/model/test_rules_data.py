"""Profiles, fees, statuses and the data files' integrity."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.model import rules
from assistant.resources import load_json

D = date.fromisoformat


# --- profiles ------------------------------------------------------------------------------

def test_two_profiles_with_guide_as_default():
    assert rules.profile_ids() == ["guide-2024", "system-2026"]
    assert rules.default_profile_id() == "guide-2024"


def test_system_2026_profile_is_effective_from_the_rebuild():
    profile = rules.get_profile("system-2026")
    assert profile.effective_from == D("2026-01-05")
    assert profile.label_ja and profile.label_en and "[2026]" in profile.source


def test_unknown_profile_is_a_typed_error():
    with pytest.raises(rules.UnknownProfileError) as info:
        rules.get_profile("guide-1999")
    assert "guide-2024" in info.value.message_ja


def test_profile_data_follows_based_on():
    base = rules.profile_data("receipt.json", "guide-2024")
    derived = rules.profile_data("receipt.json", "system-2026")
    assert derived["exclusions"] == base["exclusions"]
    assert derived["methods"]["renewal"] == base["methods"]["renewal"]
    assert derived["methods"]["coe"] == ["mail", "email"]
    assert "based_on" not in derived


# --- fees (docs/domain.md#fees, from 2025-04-01) ------------------------------------------------

@pytest.mark.parametrize(("procedure", "variant", "counter", "online"), [
    ("change", None, 6000, 5500),
    ("renewal", None, 6000, 5500),
    ("reentry", "single", 4000, 3500),
    ("reentry", "multiple", 7000, 6500),
    ("work-cert", None, 2000, 1600),
    ("coe", None, 0, 0),
])
@pytest.mark.parametrize("profile", ["guide-2024", "system-2026"])
@pytest.mark.parametrize("on", [D("2025-04-01"), D("2026-11-26")])
def test_fee_table(procedure, variant, counter, online, profile, on):
    at_counter = rules.fee(procedure, on, online=False, variant=variant, profile=profile)
    filed_online = rules.fee(procedure, on, online=True, variant=variant, profile=profile)
    assert (at_counter.amount_yen, filed_online.amount_yen) == (counter, online)
    assert filed_online.effective_from == D("2025-04-01")
    assert "[ext]" in filed_online.source


def test_no_fee_known_before_the_table_starts():
    with pytest.raises(rules.FeeNotFoundError) as info:
        rules.fee("renewal", D("2025-03-31"), online=True)
    assert "2025年3月31日（令和7年）時点" in info.value.message_ja    # as the office reads it
    assert "on 2025-03-31" in info.value.message_en


def test_reentry_fee_needs_single_or_multiple():
    with pytest.raises(rules.FeeNotFoundError) as info:
        rules.fee("reentry", D("2026-01-01"), online=True)
    assert "single" in info.value.message_ja and "multiple" in info.value.message_ja


def test_variant_for_a_fee_without_variants_is_refused():
    with pytest.raises(rules.FeeNotFoundError):
        rules.fee("renewal", D("2026-01-01"), online=True, variant="single")


def test_fee_not_in_the_table_is_reported_not_guessed():
    with pytest.raises(rules.FeeNotFoundError):
        rules.fee("acquisition", D("2026-01-01"), online=True)


def test_later_fee_table_applies_from_its_date(tmp_path, monkeypatch):
    # A copy of resources/ with a new (hypothetical) fee table added, as the 2027 rise will be.
    import json
    import shutil

    from assistant.resources import resources_dir

    copy = tmp_path / "resources"
    shutil.copytree(resources_dir(), copy)
    fees = json.loads((copy / "rules" / "fees.json").read_text(encoding="utf-8"))
    newer = json.loads(json.dumps(fees["guide-2024"]["tables"][0]))
    newer["effective_from"] = "2027-04-01"
    newer["fees"]["renewal"] = {"counter": 10000, "online": 9500}
    fees["guide-2024"]["tables"].append(newer)
    (copy / "rules" / "fees.json").write_text(json.dumps(fees, ensure_ascii=False),
                                              encoding="utf-8")
    monkeypatch.setenv("ASSISTANT_RESOURCES", str(copy))
    assert rules.fee("renewal", D("2027-03-31"), online=True).amount_yen == 5500
    assert rules.fee("renewal", D("2027-04-01"), online=True).amount_yen == 9500
    # system-2026 is based on guide-2024 and sees the new table too
    assert rules.fee("renewal", D("2027-04-01"), online=False,
                     profile="system-2026").amount_yen == 10000


# --- statuses -----------------------------------------------------------------------------

def test_status_codes_and_names_from_isa_lists():
    status = rules.get_status("T26")
    assert status.name_ja == "技術・人文知識・国際業務"
    assert status.name_en.startswith("Engineer/Specialist in Humanities")
    assert set(status.offered_by) == {"coe", "change", "renewal"}


def test_all_statuses_have_unique_codes():
    all_statuses = rules.statuses()
    assert len(all_statuses) == 39
    assert len({s.code for s in all_statuses}) == 39


def test_highly_skilled_ii_is_only_reached_by_change():
    assert rules.get_status("T90").offered_by == ("change",)
    assert "T90" not in {s.code for s in rules.statuses("coe")}
    assert "T90" in {s.code for s in rules.statuses("change")}


@pytest.mark.parametrize("code", ["T01", "T32", "X14"])
def test_statuses_that_cannot_go_online(code):
    result = rules.online_eligible_status(code)
    assert not result
    assert result.reason is not None
    assert rules.get_status(code).name_ja in result.reason.message_ja


def test_designated_activities_for_departure_cannot_go_online():
    assert rules.online_eligible_status("T51")
    result = rules.online_eligible_status("T51", designation="出国準備期間")
    assert not result
    assert result.reason is not None and "出国準備期間" in result.reason.message_ja


def test_ordinary_status_can_go_online():
    result = rules.online_eligible_status("T26")
    assert result and result.reason is None


def test_unknown_status_is_a_typed_error():
    with pytest.raises(rules.UnknownStatusError):
        rules.online_eligible_status("T99")


# --- data integrity -----------------------------------------------------------------------

def test_procedures_match_the_domain_list():
    assert rules.procedure_ids() == ["coe", "change", "renewal", "acquisition", "work-cert",
                                     "reentry", "extra-activity"]
    assert rules.main_procedure_ids() == ["coe", "change", "renewal", "acquisition",
                                          "work-cert"]


@pytest.mark.parametrize("pid", ["coe", "change", "renewal", "acquisition", "work-cert",
                                 "reentry", "extra-activity"])
def test_every_procedure_has_names_and_a_source(pid):
    proc = rules.get_procedure(pid)
    assert proc.name_ja.endswith("申請") and proc.name_en
    assert "Seed" in proc.source


def test_every_receipt_exclusion_has_a_source_and_a_message():
    for pid in rules.profile_ids():
        for rule in rules.profile_data("receipt.json", pid)["exclusions"]:
            assert rule["source"]
            assert rule["code"] in load_json("messages", "rules.json")


def test_every_profile_has_a_section_in_each_profile_keyed_file():
    for name in ("receipt.json", "fees.json"):
        doc = load_json("rules", name)
        assert set(rules.profile_ids()) <= set(doc)


# --- statuses in an application ------------------------------------------------------------

def test_status_reasons_for_an_ordinary_renewal_are_empty():
    assert rules.status_reasons("renewal", current="T26") == []


@pytest.mark.parametrize(("procedure", "kwargs", "fragment"), [
    ("change", {"current": "T26", "desired": "T32"}, "短期滞在"),       # change into 短期滞在
    ("change", {"current": "T32", "desired": "T26"}, "短期滞在"),       # holder of 短期滞在
    ("change", {"current": "T26", "desired": "T01"}, "外交"),
    ("change", {"current": "T61", "desired": "X14"}, "永住者"),
    ("change", {"current": "T41", "desired": "T51", "desired_designation": "出国準備期間"},
     "出国準備期間"),
    ("renewal", {"current": "T51", "current_designation": "出国準備期間"}, "出国準備期間"),
])
def test_status_reasons_rule_out_online_filing(procedure, kwargs, fragment):
    reasons = rules.status_reasons(procedure, **kwargs)
    assert [r.code for r in reasons][0].startswith("rules_status_")
    assert fragment in reasons[0].message_ja
    assert "オンラインでは申請できません" in reasons[0].message_ja


def test_status_not_in_the_procedures_list_is_reported():
    # 高度専門職２号 has no period of stay to extend and is reached only by a change.
    reasons = rules.status_reasons("renewal", current="T90")
    assert [r.code for r in reasons] == ["rules_status_not_offered"]
    assert "高度専門職２号" in reasons[0].message_ja
    assert rules.status_reasons("coe", desired="T90")[0].code == "rules_status_not_offered"
    assert rules.status_reasons("change", current="T81", desired="T90") == []


def test_reception_is_every_day_so_weekends_and_holidays_count():
    note = rules.reception_note()
    assert "24時間365日" in note.message_ja and "メンテナンス" in note.message_ja
    # 2027-01-01 (New Year's Day) and 2027-01-03 (a Sunday) are ordinary filing days.
    for day in (D("2027-01-01"), D("2027-01-03")):
        assert rules.application_window("renewal", day, expiry=D("2027-03-01")).online_possible
    # ... and the last day is the day before expiry even when that is a Sunday (2027-02-28).
    result = rules.application_window("renewal", D("2027-02-28"), expiry=D("2027-03-01"))
    assert result.online_possible and result.closes == D("2027-02-28")
