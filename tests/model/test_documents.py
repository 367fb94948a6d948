"""The 提出書類 checklist: lists per status and procedure, conditions, item records, storage."""

from __future__ import annotations

import json
import sqlite3

import pytest

from assistant.model import documents as d
from assistant.model.case import CURRENT_STATUS, NAME, AttachmentRef
from assistant.model.casefile import CaseFileError, dumps_case, loads_case
from assistant.model.storage import MIGRATIONS, SCHEMA_VERSION, CaseStore

# the migration that adds the checklist column (the one before it is the "old" database)
BEFORE = next(n for n, m in enumerate(MIGRATIONS) if "ADD COLUMN documents" in str(m))
GIJINKOKU = "技術・人文知識・国際業務 Engineer/Specialist in Humanities/International Services"


def ids(items):
    return [i.item.id for i in items]


def test_gijinkoku_renewal_with_a_category_3_employer():
    checklist = d.build_checklist("renewal", "T26", {"employer_category": "cat3"})
    applicable = ids(checklist.applicable)
    assert "cat23_proof" in applicable and "resident_tax" in applicable
    assert "cat1_proof" not in applicable and "online_approval" not in applicable
    # the general items come once, first, for this procedure only
    assert applicable[:2] == ["application_form_renewal", "photo"]
    assert "return_envelope" not in applicable           # coe only
    assert len(applicable) == len(set(applicable))
    category1 = d.build_checklist("renewal", "T26", {"employer_category": "cat1"})
    assert "cat1_proof" in ids(category1.applicable)
    assert "resident_tax" not in ids(category1.applicable)


def test_every_item_keeps_its_source_and_only_isa_pages_count_as_confirmed():
    for key in d.list_keys():
        for procedure in d.PROCEDURES:
            for item in d.load_list(key, procedure).documents:
                assert item.source and item.source_kind
                assert item.confirmed == (item.source_kind == "isa")
    photo = d.general_items("renewal", ["photo"])[0]
    assert photo.confirmed and photo.source.startswith("https://www.moj.go.jp/isa/")
    proof = d.build_checklist("renewal", "T26").item("cat23_proof")
    assert proof is not None and not proof.item.confirmed
    assert proof.item.source == "https://chieri17.com/gijinkokuupdate/"


def test_unanswered_category_leaves_its_items_undecided_and_asks_once():
    checklist = d.build_checklist("renewal", "T26")
    assert [q.id for q in checklist.questions].count("employer_category") == 1
    category = checklist.questions[0]
    assert [o.id for o in category.options] == ["cat1", "cat2", "cat3", "cat4"]
    assert checklist.item("cat1_proof").applies is None
    assert checklist.item("photo").applies is True
    # only questions that select an item of the renewal list are asked
    assert "officer" not in [q.id for q in checklist.questions]


def test_status_answers_select_the_list_and_decide_the_subtype():
    assert d.find_list_key(GIJINKOKU) == "gijinkoku"
    assert d.find_list_key("技術・人文知識・国際業務，特定活動（本邦大卒者） Engineer") == "gijinkoku"
    assert d.find_list_key("高度専門職１号ロ Highly-Skilled Professional (i)(b)") == "hsp1"
    assert d.answered_conditions("高度専門職１号ロ Highly-Skilled Professional (i)(b)") == \
        {"hsp1_ro"}
    assert d.answered_conditions("T81") == {"hsp1_i"}
    assert d.find_list_key("教授 Professor") is None
    none = d.build_checklist("change", "教授 Professor")
    assert none.doc_list is None and "application_form_change" in ids(none.items)


def test_records_files_and_problems():
    state = d.DocumentsState(answers={"employer_category": "cat3"})
    checklist = d.build_checklist("renewal", "T26", state=state)
    problems = d.checklist_problems(checklist)
    assert problems and not any(p.is_error for p in problems)
    assert len(problems) == len(checklist.open_items) + len(checklist.unanswered)
    state = d.assign_file(state, "resident_tax", "/docs/住民税.pdf")
    state.items["fee"] = d.ItemRecord(status="not_needed", reason="許可時に納付")
    after = d.build_checklist("renewal", "T26", state=state, attachments=["/docs/住民税.pdf"])
    assert after.item("resident_tax").status is d.ItemStatus.SUBMITTED
    assert after.item("fee").status is d.ItemStatus.NOT_NEEDED
    assert len(d.checklist_problems(after)) == len(problems) - 2
    done, total = after.done_count()
    assert (done, total) == (2, len(after.applicable))
    # a file that is no longer attached does not cover the item
    gone = d.build_checklist("renewal", "T26", state=state, attachments=["/docs/other.pdf"])
    assert gone.item("resident_tax").status is d.ItemStatus.OPEN
    # a checklist nobody started adds no 確認事項
    assert d.checklist_problems(d.build_checklist("renewal", "T26")) == []


def test_a_file_name_proposes_its_item():
    checklist = d.build_checklist("renewal", "T26", {"employer_category": "cat3"})
    assert d.propose_item(checklist, "/x/住民税課税証明書.pdf").item.id == "resident_tax"
    assert d.propose_item(checklist, "法定調書合計表.pdf").item.id == "cat23_proof"
    assert d.propose_item(checklist, "photo.jpg").item.id == "photo"
    assert d.propose_item(checklist, "IMG_0001.pdf") is None


def test_providers_first_guess_and_override():
    checklist = d.build_checklist("renewal", "T26", {"employer_category": "cat3"})
    assert checklist.item("cat23_proof").provider is d.Provider.ORGANIZATION
    assert checklist.item("photo").provider is d.Provider.APPLICANT
    assert checklist.item("application_form_renewal").provider is d.Provider.OFFICE
    state = d.DocumentsState(items={"photo": d.ItemRecord(provider="office")})
    assert d.build_checklist("renewal", "T26", state=state).item("photo").provider \
        is d.Provider.OFFICE


def _state():
    return d.DocumentsState(
        answers={"employer_category": "cat3"},
        items={"resident_tax": d.ItemRecord(status="submitted", files=["/docs/税.pdf"]),
               "fee": d.ItemRecord(status="not_needed", reason="窓口で納付")})


def test_checklist_is_stored_with_the_case_and_survives_reopening(tmp_path):
    path = tmp_path / "cases.sqlite"
    with CaseStore.open(path) as store:
        case = store.create("renewal", {CURRENT_STATUS: GIJINKOKU})
        assert store.set_documents(case.id, _state(), user="佐藤")
        assert not store.set_documents(case.id, _state())        # nothing changed
        assert store.audit(case.id)[-1].key == "#documents"
    with CaseStore.open(path) as store:
        stored = store.get(case.id)
        assert stored.documents == _state()
        assert store.import_case(stored).documents == _state()
        checklist = d.case_checklist(stored)
        assert checklist.doc_list is not None and checklist.doc_list.key == "gijinkoku"
        assert checklist.item("fee").reason == "窓口で納付"


def test_older_database_is_migrated_and_starts_with_empty_checklists(tmp_path, monkeypatch):
    path = tmp_path / "cases.sqlite"
    with monkeypatch.context() as patch:
        patch.setattr("assistant.model.storage.schema.MIGRATIONS", MIGRATIONS[:BEFORE])
        patch.setattr("assistant.model.storage.schema.SCHEMA_VERSION", BEFORE)
        with CaseStore.open(path) as store:
            case = store.create("renewal", {NAME: "OLD CASE"})
            store.set_attachments(case.id, [AttachmentRef("/docs/a.pdf")])
    with CaseStore.open(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        reopened = store.get(case.id)
        assert reopened.values[NAME] == "OLD CASE"
        assert reopened.attachments == [AttachmentRef("/docs/a.pdf")]
        assert reopened.documents.is_empty()
    (backup,) = tmp_path.glob(f"cases.backup-v{BEFORE}-*.sqlite")
    assert sqlite3.connect(backup).execute("PRAGMA user_version").fetchone()[0] == BEFORE


def test_case_files_round_trip_the_checklist(tmp_path):
    with CaseStore.open(tmp_path / "cases.sqlite") as store:
        case = store.create("renewal", {CURRENT_STATUS: GIJINKOKU})
        store.set_documents(case.id, _state())
        text = dumps_case(store.get(case.id))
    assert json.loads(text)["documents"]["answers"] == {"employer_category": "cat3"}
    assert loads_case(text).case.documents == _state()
    data = json.loads(text)
    data["documents"]["items"]["fee"]["status"] = "maybe"
    with pytest.raises(CaseFileError):
        loads_case(json.dumps(data))
    del data["documents"]
    assert loads_case(json.dumps(data)).case.documents.is_empty()


def test_office_list_shadows_the_shipped_one_and_reverts(tmp_path):
    data = d.raw_list("gijinkoku")
    data["procedures"]["renewal"]["documents"].append({
        "id": "office_pledge", "ja": "雇用契約書の写し（当事務所の依頼）", "detail_ja": "",
        "en": "Copy of the employment contract", "when": None, "copies": 1,
        "source": "大阪入管の指示 2026-11", "source_kind": "office", "seen_date": "2026-11-30"})
    d.save_office_list("gijinkoku", data)
    assert d.is_office_list("gijinkoku")
    edited = d.build_checklist("renewal", "T26")
    item = edited.item("office_pledge")
    assert item is not None and item.item.confirmed and item.item.seen_date == "2026-11-30"
    # the shipped file is untouched (a program update replaces only it)
    shipped = d.load_json_file(d._lists_dir() / "gijinkoku.json")
    assert "office_pledge" not in json.dumps(shipped)
    # export, revert, import: the edited list comes back from the shared file
    shared = d.export_list("gijinkoku", tmp_path / "gijinkoku-list.json")
    assert d.revert_list("gijinkoku") and not d.is_office_list("gijinkoku")
    assert d.build_checklist("renewal", "T26").item("office_pledge") is None
    assert d.import_list(shared) == "gijinkoku"
    assert d.build_checklist("renewal", "T26").item("office_pledge") is not None


def test_a_status_without_a_list_gets_an_empty_office_list(tmp_path):
    assert d.find_list_key("教授 Professor") is None
    data = d.new_list("professor", "教授", "T03")
    data["procedures"]["renewal"]["documents"].append({
        "id": "univ_contract", "ja": "大学との契約書の写し", "when": None,
        "source": "事務所", "source_kind": "office"})
    d.save_office_list("professor", data)
    checklist = d.build_checklist("renewal", "教授 Professor")
    assert checklist.doc_list is not None and checklist.doc_list.key == "professor"
    assert ids(checklist.items)[0] == "application_form_renewal"
    assert "univ_contract" in ids(checklist.items)


def test_bad_list_files_are_refused_with_a_message(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(d.ListFileError) as error:
        d.import_list(broken)
    assert "読めません" in error.value.message("ja")
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({"format": d.LIST_FORMAT, "key": "x",
                                 "list": {"status_ja": "教授", "procedures": {
                                     "renewal": {"documents": [{"id": "a", "ja": ""}]}}}}),
                     encoding="utf-8")
    with pytest.raises(d.ListFileError):
        d.import_list(wrong)
    with pytest.raises(d.ListFileError):
        d.save_office_list("../evil", d.raw_list("gijinkoku"))
    assert not d.office_lists_dir().exists() or not list(d.office_lists_dir().iterdir())
