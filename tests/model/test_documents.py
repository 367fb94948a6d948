"""The 提出書類 checklist: lists per status and procedure, conditions, item records, storage."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace

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


# --- conditions the case's own answers decide -------------------------------------------------

GIJINKOKU_COE = ("技術・人文知識・国際業務，特定活動（本邦大卒者） Engineer/Specialist in Humanities/"
                 "International Services/Designated Activities(Graduate from a university in "
                 "Japan)")
SSW1 = "特定技能１号 Specified Skilled Worker ( i )"


def test_a_coe_case_answers_decide_the_category_and_dispatch(tmp_path):
    """A 技術・人文知識・国際業務 coe case with its 区分N page answered: the innovation bonus
    (特別加算１) makes the employer カテゴリー1, an empty 派遣先等 with the employer written
    means not dispatched; neither is asked again, and both say where they came from."""
    with CaseStore.open(tmp_path / "cases.sqlite") as store:
        case = store.create("coe", {
            "desired_status": GIJINKOKU_COE, "n_3_1": "株式会社サンプル商事",
            "n_2": "雇用 Employment",
            "n_hsp_points_75": "該当する（１０点） Applicable (10 points)"})
        checklist = d.case_checklist(store.get(case.id))
    assert checklist.doc_list.key == "gijinkoku"
    category, dispatch = checklist.derived["employer_category"], checklist.derived["dispatch"]
    assert (category.value, category.field) == ("cat1", "n_hsp_points_75")
    assert "特別加算１" in category.origin() and "該当する" in category.origin()
    assert "Bonus 1" in category.origin("en")
    assert (dispatch.value, dispatch.field) == ("no", "n_12_1")
    assert dispatch.origin() == "12.1 派遣先等 (1)名称: （空欄）"
    unanswered = [q.id for q in checklist.unanswered]
    assert "employer_category" not in unanswered and "dispatch" not in unanswered
    assert "vocational_grad" in unanswered          # nothing in the case decides it
    applicable = ids(checklist.applicable)
    assert "cat1_proof" in applicable and "cat23_proof" not in applicable
    assert checklist.item("dispatch_activity").applies is False
    assert checklist.answers == {}                   # nothing stored: derived, not answered


def test_the_office_overrides_a_derived_answer_and_a_changed_answer_asks_again(tmp_path):
    with CaseStore.open(tmp_path / "cases.sqlite") as store:
        case = store.create("coe", {
            "desired_status": GIJINKOKU_COE, "n_3_1": "株式会社サンプル商事",
            "n_hsp_points_75": "該当する（１０点） Applicable (10 points)"})
        store.set_documents(case.id, d.DocumentsState(answers={"employer_category": "cat3"}))
        stored = store.get(case.id)
        checklist = d.case_checklist(stored)
        assert checklist.overridden("employer_category")
        assert checklist.effective["employer_category"] == "cat3"
        assert "cat23_proof" in ids(checklist.applicable)
        assert "cat1_proof" not in ids(checklist.applicable)
        # a 派遣先 written: not enough to say yes, the question is asked again
        store.set_value(case.id, "n_12_1", "株式会社派遣先")
        again = d.case_checklist(store.get(case.id))
    assert "dispatch" not in again.derived
    assert "dispatch" in [q.id for q in again.unanswered]
    assert again.item("dispatch_activity").applies is None


def test_a_ssw_change_reads_its_support_plan_and_skill_route(tmp_path):
    """A change to 特定技能1号 (区分V answered): the support plan entrusted in full and the
    skill shown by 技能実習2号 decide two questions; the answers of another 区分 never do."""
    with CaseStore.open(tmp_path / "cases.sqlite") as store:
        case = store.create("change", {
            CURRENT_STATUS: "技能実習２号ロ Technical intern training (ii)(b)",
            "desired_status": SSW1, "entrust_support_plan": "有 Yes",
            "skill_eval_type": "技能実習２号を良好に修了 Successfully completed Technical "
                               "Intern Training (ii)"})
        checklist = d.case_checklist(store.get(case.id))
        assert checklist.doc_list.key == "ssw1"
        assert checklist.derived["full_outsourcing"].value == "yes"
        assert "support_outsourcing" in ids(checklist.applicable)
        assert checklist.derived["by_exam"].value == "no"
        assert checklist.derived["by_exam"].origin().startswith("技能水準 評価区分: 技能実習２号")
        assert checklist.item("skill_test").applies is False
        # the same answers under a status of another 区分 do not count
        other = store.create("change", {"desired_status": GIJINKOKU,
                                        "entrust_support_plan": "有 Yes"})
        assert "entrust_support_plan" not in d.case_values(store.get(other.id))
    not_entrusted = d.build_checklist("change", SSW1, values={"entrust_support_plan": "無 No"})
    assert not_entrusted.item("support_outsourcing").applies is False


def test_the_status_and_the_procedure_decide_too():
    hsp = d.derive(d.load_list("hsp1", "coe"), "coe", "T81")
    assert hsp["hsp1_i"].value == "yes" and hsp["hsp1_ro"].value == "no"
    label = d.derive(d.load_list("hsp1", "renewal"), "renewal",
                     "高度専門職１号ロ Highly-Skilled Professional (i)(b)")
    assert label["hsp1_ro"].value == "yes" and label["hsp1_ro"].field == CURRENT_STATUS
    manager = d.build_checklist("coe", "経営・管理 Business Manager")
    assert manager.derived["post_reform"].value == "yes"
    assert "2025年10月16日" in manager.derived["post_reform"].origin()
    assert "capital_30m" in ids(manager.applicable)
    renewal = d.build_checklist("renewal", "経営・管理 Business Manager")
    assert "post_reform" not in renewal.derived        # the transition covers renewals


def test_every_rule_names_a_known_field_condition_and_list():
    from assistant.model.fields import catalogue

    cats = [catalogue(p) for p in d.PROCEDURES]
    conditions = {c.id for key in d.list_keys() for p in d.PROCEDURES
                  for q in d.load_list(key, p).questions for c in [q]}
    for rule in d._index()["from_answers"]["rules"]:
        assert rule["condition"] in conditions, rule
        for field_id in (rule.get("field"), rule.get("requires")):
            if field_id:
                assert any(cat.has_field(field_id) for cat in cats), rule
        assert set(rule.get("lists", [])) <= set(d.list_keys()), rule
        assert rule.get("source"), rule


# --- a procedure change carries the checklist over --------------------------------------------

def _coe_with_records(store, tmp_path):
    files = {name: str(tmp_path / f"{name}.pdf") for name in ("photo", "resume", "summary")}
    case = store.create("coe", {"desired_status": GIJINKOKU_COE, NAME: "WANG WEI"})
    store.set_attachments(case.id, [AttachmentRef(p) for p in files.values()])
    state = d.DocumentsState(answers={"employer_category": "cat3"})
    for item_id, name in (("photo", "photo"), ("resume", "resume"), ("cat23_proof", "summary")):
        state = d.assign_file(state, item_id, files[name])
    state.items["degree_proof"] = d.ItemRecord(status="not_needed", reason="学位記は提示済み")
    store.set_documents(case.id, state)
    return store.get(case.id), files


def test_a_procedure_change_carries_the_checklist_over_and_reports_what_leaves(tmp_path):
    """coe → change of a 技術・人文知識・国際業務 case (the applicant is in Japan after all):
    the items both lists have keep their state and files; those only the coe list has are
    reported before the change and their records stay with the case."""
    with CaseStore.open(tmp_path / "cases.sqlite") as store:
        case, files = _coe_with_records(store, tmp_path)
        report = d.carry_over(case, "change")
        assert {i.item.id for i in report.kept} == {"photo", "resume"}
        assert {i.item.id for i in report.dropped} == {"cat23_proof", "degree_proof"}
        text = report.message()
        assert "記録 2 件を引き継ぎます" in text and "在留資格変更許可申請" in text
        assert "卒業証明書" in text and "法定調書合計表の写し" in text
        assert "Change of status" in report.message("en")
        new = store.change_procedure(case.id, "change").case
        assert new.documents == case.documents           # nothing lost, by item id
        assert "#documents" in [e.key for e in store.audit(new.id)]
        after = d.case_checklist(new)
    assert after.doc_list.key == "gijinkoku" and after.procedure == "change"
    assert after.item("resume").status is d.ItemStatus.SUBMITTED
    assert after.item("resume").files == (files["resume"],)
    assert after.item("photo").files == (files["photo"],)
    assert after.item("cat23_proof") is None and after.item("degree_proof") is None
    assert after.effective["employer_category"] == "cat3"
    assert "statutory_summary" in ids(after.applicable)  # the change list's カテゴリー2/3 item


def test_a_change_to_a_procedure_whose_status_is_not_chosen_says_so(tmp_path):
    with CaseStore.open(tmp_path / "cases.sqlite") as store:
        case, _files = _coe_with_records(store, tmp_path)
        report = d.carry_over(case, "renewal", {NAME: "WANG WEI"})
    assert report.status_open and "まだ選ばれていない" in report.message()
    assert {i.item.id for i in report.kept} == {"photo"}
    # a checklist nobody started has nothing to report
    assert d.carry_over(replace(case, documents=d.DocumentsState()), "change").message() == ""


def test_the_editor_sees_the_categories_as_one_choice_and_items_name_its_options():
    raw = d.raw_list("gijinkoku")["procedures"]["renewal"]["conditions"]
    conditions = d.editable_conditions(raw)
    assert [c["id"] for c in conditions][0] == "employer_category"
    assert [o["id"] for o in conditions[0]["options"]] == ["cat1", "cat2", "cat3", "cat4"]
    choices = {cid: ja for cid, ja, _en in d.when_choices(conditions)}
    assert {"cat1", "cat23", "cat34", "dispatch"} <= set(choices)
    assert choices["cat23"].startswith("カテゴリー2") and "又はカテゴリー3" in choices["cat23"]
    # saved in that shape, the list selects the same items as the shipped one
    data = d.raw_list("gijinkoku")
    data["procedures"]["renewal"]["conditions"] = conditions
    d.save_office_list("gijinkoku", data)
    for category in ("cat1", "cat2", "cat3", "cat4"):
        office = d.build_checklist("renewal", "T26", {"employer_category": category})
        d.revert_list("gijinkoku")
        shipped = d.build_checklist("renewal", "T26", {"employer_category": category})
        d.save_office_list("gijinkoku", data)
        assert ids(office.applicable) == ids(shipped.applicable)
    # an option that is not an object, an either that is not a list of ids: refused
    data["procedures"]["renewal"]["conditions"][0]["either"] = {"cat23": "cat2,cat3"}
    with pytest.raises(d.ListFileError, match="either"):
        d.save_office_list("gijinkoku", data)
    data["procedures"]["renewal"]["conditions"][0]["options"].append("cat5")
    with pytest.raises(d.ListFileError, match="options"):
        d.save_office_list("gijinkoku", data)


def test_statuses_without_a_list_can_get_one():
    missing = dict(d.statuses_without_list())
    assert "T03" in missing and "T26" not in missing
    key = d.create_office_list("T03", missing["T03"])
    assert key == "status_t03" and d.raw_list(key)["status_ja"] == "教授"
    assert "T03" not in dict(d.statuses_without_list())
    checklist = d.build_checklist("renewal", "T03")
    assert checklist.doc_list.key == key and checklist.questions == ()
    assert ids(checklist.items)[0] == "application_form_renewal"


def test_an_office_item_for_an_officer_is_selected_by_the_case_answers(tmp_path):
    """The office adds a coe item for a new board member (役員就任); a case whose 区分N page
    gives the title 代表取締役 needs it without being asked, an employee does not."""
    data = d.raw_list("gijinkoku")
    data["procedures"]["coe"]["documents"].append({
        "id": "office_board_minutes", "ja": "役員就任を決議した株主総会議事録の写し",
        "when": "officer", "source": "事務所", "source_kind": "office"})
    d.save_office_list("gijinkoku", data)
    with CaseStore.open(tmp_path / "cases.sqlite") as store:
        board = store.create("coe", {"desired_status": GIJINKOKU_COE, "n_9_1": "有 Yes",
                                     "n_9_2": "代表取締役", "n_2": "委任 Entrustment"})
        staff = store.create("coe", {"desired_status": GIJINKOKU_COE, "n_9_1": "有 Yes",
                                     "n_9_2": "課長", "n_2": "雇用 Employment"})
        asked = store.create("coe", {"desired_status": GIJINKOKU_COE, "n_9_1": "有 Yes",
                                     "n_9_2": "顧問", "n_2": "委任 Entrustment"})
        officer = d.case_checklist(store.get(board.id))
        employee = d.case_checklist(store.get(staff.id))
        open_question = d.case_checklist(store.get(asked.id))
    assert officer.derived["officer"].value == "yes"
    assert officer.derived["officer"].origin() == "9.2 職務上の地位(役職名): 代表取締役"
    assert officer.item("office_board_minutes").applies is True
    assert employee.derived["officer"].origin().startswith("2 契約の形態: 雇用")
    assert employee.item("office_board_minutes").applies is False
    assert "officer" in [q.id for q in open_question.unanswered]
