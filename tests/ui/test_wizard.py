"""The wizard's behaviour a user notices: live problems, IME, conditional fields, undo, steps."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from assistant.model.case import CaseStatus
from assistant.model.wizard import Step, StepStatus
from tests.ui.conftest import TODAY
from tests.ui.keyboard import fill, press, type_text


@pytest.fixture
def editor(qtbot, store, main_window):
    case = store.create("renewal", {"expiry_date": "20270115"})
    main_window.reload_cases()
    main_window.open_case(case.id)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return main_window.editor


def wait_validated(qtbot, editor):
    qtbot.waitUntil(lambda: not editor.validation_pending(), timeout=2000)


def test_a_problem_shows_under_the_field_while_typing_and_goes_when_fixed(qtbot, editor, store):
    editor.go_to_step(Step.APPLICANT)
    field = editor.editors["zairyu_card_number"]
    # The card number only appears once the office says the applicant has a card.
    assert not field[0].isVisibleTo(editor)
    fill(editor, "has_zairyu_card", "有")
    assert field[0].isVisibleTo(editor)
    field[0].input.setFocus()
    type_text("AB1234")
    wait_validated(qtbot, editor)
    assert "12" in field[0].shown_problem()          # 12 characters are needed
    type_text("5678CD")
    wait_validated(qtbot, editor)
    assert field[0].shown_problem() == ""
    assert store.get(editor.case_id).values["zairyu_card_number"] == "AB12345678CD"


def test_no_card_shows_the_ed_number_instead(editor):
    editor.go_to_step(Step.APPLICANT)
    fill(editor, "has_zairyu_card", "無")
    assert editor.editors["ed_number_alpha"][0].isVisibleTo(editor)
    assert not editor.editors["zairyu_card_number"][0].isVisibleTo(editor)


def test_nothing_is_normalised_while_the_ime_is_composing(qtbot, editor, store):
    editor.go_to_step(Step.APPLICANT)
    line = editor.editors["postal_code"][0].input
    line.setFocus()
    QApplication.sendEvent(line, QInputMethodEvent("１６０", []))  # composing, not committed
    QApplication.processEvents()
    assert "postal_code" not in store.get(editor.case_id).values
    commit = QInputMethodEvent()
    commit.setCommitString("１６０－０００４")
    QApplication.sendEvent(line, commit)
    QApplication.processEvents()
    # Stored as typed at once, converted to the template's form only when the field is left.
    assert store.get(editor.case_id).values["postal_code"] == "１６０－０００４"
    press(Qt.Key.Key_Tab)
    assert line.text() == "1600004"
    assert store.get(editor.case_id).values["postal_code"] == "1600004"


def test_dates_accept_iso_compact_and_japanese_eras(editor, store):
    for typed, stored in (("2000-01-02", "20000102"), ("20000103", "20000103"),
                          ("令和元年5月1日", "20190501"), ("H31.4.30", "20190430")):
        fill(editor, "birth_date", typed)
        assert store.get(editor.case_id).values["birth_date"] == stored, typed


def test_a_number_field_refuses_letters_as_they_are_typed(editor):
    from assistant.ui.field_widgets import EditorSpec, FieldEditor

    number = FieldEditor(EditorSpec("hours", "number", "週間稼働時間", False, 2, "", ""),
                         lambda raw: raw)
    number.input.setFocus()
    QApplication.processEvents()
    from PySide6.QtTest import QTest

    QTest.keyClicks(number.input, "2a8")
    assert number.value() == "28"
    number.deleteLater()


def test_undo_and_redo_field_edits(qtbot, editor, store, main_window):
    fill(editor, "name", "SATO")
    fill(editor, "occupation", "会社員")
    assert store.get(editor.case_id).values["occupation"] == "会社員"
    focus = QApplication.focusWidget()
    qtbot.keyClick(focus, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    values = store.get(editor.case_id).values
    assert "occupation" not in values and values["name"] == "SATO"
    assert editor.editors["occupation"][0].value() == ""
    main_window.undo_action.trigger()
    assert "name" not in store.get(editor.case_id).values
    main_window.redo_action.trigger()
    main_window.redo_action.trigger()
    values = store.get(editor.case_id).values
    assert values["name"] == "SATO" and values["occupation"] == "会社員"
    assert editor.editors["name"][0].value() == "SATO"


def test_removing_a_relative_moves_the_next_one_up_and_can_be_undone(qtbot, editor, store):
    fill(editor, "has_relatives", "有")
    box = editor.group_box("relatives")
    fill(editor, "relative_name[1]", "ワン　イー")
    box.add_button.click()
    fill(editor, "relative_name[2]", "ワン　アル")
    assert [b.text() for b in box.remove_buttons()] == ["この1人目を削除", "この2人目を削除"]
    box.remove_buttons()[0].click()  # 1人目を削除
    values = store.get(editor.case_id).values
    assert values["relative_name[1]"] == "ワン　アル" and "relative_name[2]" not in values
    assert len(box.instances) == 1
    editor.undo_stack.undo()
    values = store.get(editor.case_id).values
    assert values["relative_name[1]"] == "ワン　イー" and values["relative_name[2]"] == "ワン　アル"
    assert len(box.instances) == 2


def test_step_marks_and_problem_links(qtbot, editor):
    # No counts before anything is typed: 2-1 holds the expiry date the case came with.
    assert editor.step_status(Step.APPLICANT) is StepStatus.IN_PROGRESS
    item_text = editor.step_list.item(1).text()
    assert "ステップ2-1" in item_text and "入力中" in item_text and "問題" not in item_text
    # Moving on with problems left is allowed.
    editor.go_next()
    editor.go_next()
    assert editor.current_step() is Step.RELATED
    # Once the user has been on 2-1, its mark counts the problems left there.
    wait_validated(qtbot, editor)
    assert editor.step_status(Step.APPLICANT) is StepStatus.PROBLEMS
    item_text = editor.step_list.item(1).text()
    assert "ステップ2-1" in item_text and "入力中・問題" in item_text
    editor.go_to_step(Step.CONFIRM)
    wait_validated(qtbot, editor)
    problems = editor.problem_list
    assert problems.count() > 0
    row = next(r for r in range(problems.count())
               if problems.item(r).data(Qt.ItemDataRole.UserRole) == "name")
    problems.setCurrentRow(row)
    problems.setFocus()
    qtbot.keyClick(problems, Qt.Key.Key_Return)
    assert editor.current_step() is Step.APPLICANT
    assert QApplication.focusWidget() is editor.editors["name"][0].input


def test_finishing_with_errors_keeps_the_draft(qtbot, editor, store, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: shown.append(text))
    editor.go_to_step(Step.CONFIRM)
    editor.finish_button.click()
    assert shown and "問題" in shown[0]
    assert store.get(editor.case_id).status is CaseStatus.DRAFT
    # Every field with a problem now shows it, including ones never touched.
    editor.go_to_step(Step.APPLICANT)
    assert editor.editors["name"][0].shown_problem()


def test_step_1_offers_only_online_procedures_and_statuses(editor):
    from assistant.model import rules

    offered = [editor.procedure_combo.itemData(i) for i in range(editor.procedure_combo.count())]
    assert "reentry" not in offered and "renewal" in offered
    statuses = editor.editors["current_status"][0].spec.choices
    assert statuses
    names_not_online = [s.name_ja for s in rules.statuses() if not s.online]
    assert not [c for c in statuses if c.split(" ", 1)[0] in names_not_online]
    assert "申請可能 あと49日" in editor.window_label.text()


def test_a_changed_catalogue_in_resources_changes_the_form(qtbot, tmp_path, monkeypatch, store,
                                                           settings, japanese):
    """The form is generated: a label and a field added in resources/ show up."""
    from assistant.model import codelists, fields
    from assistant.resources import resources_dir
    from assistant.ui.main_window import MainWindow

    copy = tmp_path / "resources"
    shutil.copytree(resources_dir(), copy)
    path = copy / "fields" / "renewal.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    occupation = next(f for f in data["fields"] if f["id"] == "occupation")
    occupation["label_ja"] = "職業（変更テスト）"
    extra = dict(occupation, id="favourite_colour", label_ja="好きな色", header="テスト_好きな色",
                 required=False)
    data["fields"].insert(data["fields"].index(occupation) + 1, extra)
    for step in data["steps"]:
        for section in step["sections"]:
            ids = section.get("field_ids") or section.get("fields")
            if isinstance(ids, list) and "occupation" in ids:
                ids.insert(ids.index("occupation") + 1, "favourite_colour")
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setenv("ASSISTANT_RESOURCES", str(copy))
    for cached in (getattr(fields.catalogue, "cache_clear", None),
                   getattr(codelists.code_list, "cache_clear", None)):
        if cached:
            cached()
    try:
        case = store.create("renewal")
        window = MainWindow(store, settings, today=lambda: TODAY)
        qtbot.addWidget(window)
        window.open_case(case.id)
        editor = window.editor
        editor.go_to_step(Step.APPLICANT)
        assert editor.editors["occupation"][0].label.text().startswith("職業（変更テスト）")
        assert editor.editors["favourite_colour"][0].label.text().startswith("好きな色")
    finally:
        monkeypatch.undo()
        for cached in (getattr(fields.catalogue, "cache_clear", None),
                       getattr(codelists.code_list, "cache_clear", None)):
            if cached:
                cached()


def test_duplicate_opens_a_copy_without_the_card_number(qtbot, store, main_window):
    source = store.create("renewal", {"name": "LAST YEAR", "zairyu_card_number": "AB12345678CD",
                                      "expiry_date": "20261201"})
    main_window.reload_cases()
    main_window.show_list()
    main_window.list_page.select_case(source.id)
    qtbot.keyClick(main_window.list_page.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    editor = main_window.editor
    assert editor is not None and editor.case_id != source.id
    copy = store.get(editor.case_id)
    assert copy.values["name"] == "LAST YEAR" and "zairyu_card_number" not in copy.values
    assert Path(store.path).exists()


def test_the_attachments_step_asks_for_documents_and_photo(qtbot, store, main_window):
    from assistant.model.case import AttachmentRef

    case = store.create("renewal", {"expiry_date": "20270115"})
    main_window.open_case(case.id)
    editor = main_window.editor
    if Step.ATTACHMENTS not in editor.flow.steps:
        pytest.skip("no attachments panel in this build")
    # Nothing attached and the page not opened yet: no counts on a new case.
    assert editor.step_status(Step.ATTACHMENTS) is StepStatus.NOT_STARTED
    assert {p.code for p in editor.problems} >= {"wizard_no_documents", "wizard_no_photo"}
    editor.go_to_step(Step.ATTACHMENTS)
    assert editor.step_status(Step.ATTACHMENTS) is StepStatus.WARNINGS
    row = editor.flow.steps.index(Step.ATTACHMENTS)
    qtbot.waitUntil(lambda: "未入力・確認事項 2 件" in editor.step_list.item(row).text())
    main_window.show_list()
    store.set_attachments(case.id, [AttachmentRef(path="/tmp/a.pdf", kind="document"),
                                    AttachmentRef(path="/tmp/face.jpg", kind="photo")])
    main_window.open_case(case.id)
    editor = main_window.editor
    assert not {p.code for p in editor.problems} & {"wizard_no_documents", "wizard_no_photo"}


def test_the_agent_block_is_filled_from_the_current_staff_member(qtbot, store, main_window):
    from assistant.model.office import OfficeStore, StaffProfile

    office = OfficeStore(store)
    saved = office.save(StaffProfile(id=StaffProfile.new_id(), name="行政　花子",
                                     office_name="花子行政書士事務所", postal_code="1000013",
                                     prefecture="東京都", municipality="千代田区",
                                     street="霞が関１－１－１", phone="0312345678"))
    office.set_current(saved.id)
    case = store.create("renewal", {"expiry_date": "20270115"})
    main_window.open_case(case.id)
    editor = main_window.editor
    editor.go_to_step(Step.RELATED)
    button = next(b for b in editor.findChildren(type(editor.next_button))
                  if b.text().startswith("事務所の担当者"))
    button.click()
    values = store.get(case.id).values
    agent_values = [v for k, v in values.items() if k.startswith("agent_")]
    assert "行政　花子" in agent_values and "0312345678" in agent_values
    editor.undo_stack.undo()
    assert not [k for k in store.get(case.id).values if k.startswith("agent_")]


def test_ticking_a_reentry_application_fills_its_agent_block(qtbot, store, main_window):
    from assistant.model.office import OfficeStore, StaffProfile
    from tests.ui.keyboard import go_to_step

    office = OfficeStore(store)
    saved = office.save(StaffProfile(id=StaffProfile.new_id(), name="行政　花子",
                                     office_name="花子行政書士事務所", postal_code="1000013",
                                     prefecture="東京都", municipality="千代田区",
                                     street="霞が関１－１－１", phone="0312345678"))
    office.set_current(saved.id)
    case = store.create("renewal", {"expiry_date": "20270115",
                                    "reentry_agent_phone": "0399999999"})
    main_window.open_case(case.id)
    editor = main_window.editor
    fill(editor, "simultaneous_reentry", " ")         # the check box, with the keyboard
    values = store.get(case.id).values
    assert values["simultaneous_reentry"].startswith("再入国許可申請")
    assert values["reentry_agent_name"] == "行政　花子"
    assert values["reentry_agent_organization"] == "花子行政書士事務所"
    assert values["reentry_agent_phone"] == "0399999999"      # typed before: kept
    assert "extra_agent_name" not in values                    # not ticked: left alone
    assert "取次者欄に 6 項目を入力しました" in main_window.statusBar().currentMessage()
    go_to_step(editor, editor.flow.step_of("reentry_agent_name"))
    shown = [e for e in editor.editors["reentry_agent_name"] if e.isVisibleTo(editor)]
    assert shown and shown[0].value() == "行政　花子"
    editor.undo_stack.undo()                                   # one step takes both back
    values = store.get(case.id).values
    assert "simultaneous_reentry" not in values and "reentry_agent_name" not in values


def test_a_file_problem_marks_the_attachments_step_and_is_listed_on_step_3(
        qtbot, store, main_window):
    from assistant.model.case import AttachmentRef
    from tests import attachments_files as files

    locked = files.fixture("libreoffice-writer-password.pdf")
    case = store.create("renewal", {"expiry_date": "20270115"})
    store.set_attachments(case.id, [AttachmentRef(path=str(locked), kind="document")])
    main_window.open_case(case.id)
    editor = main_window.editor
    if Step.ATTACHMENTS not in editor.flow.steps:
        pytest.skip("no attachments panel in this build")
    editor.go_to_step(Step.ATTACHMENTS)
    qtbot.waitUntil(lambda: editor.step_status(Step.ATTACHMENTS) is StepStatus.PROBLEMS,
                    timeout=30_000)
    row = editor.flow.steps.index(Step.ATTACHMENTS)
    assert "問題 1 件" in editor.step_list.item(row).text()
    editor.go_to_step(Step.CONFIRM)
    wait_validated(qtbot, editor)
    problems = editor.problem_list
    texts = [problems.item(r).text() for r in range(problems.count())]
    found = [t for t in texts if "パスワード" in t]
    assert found and locked.name in found[0]
    problems.setCurrentRow(texts.index(found[0]))
    problems.setFocus()
    qtbot.keyClick(problems, Qt.Key.Key_Return)
    assert editor.current_step() is Step.ATTACHMENTS


def test_the_attachments_page_says_what_is_missing(qtbot, store, main_window):
    case = store.create("renewal", {"expiry_date": "20270115"})
    main_window.open_case(case.id)
    editor = main_window.editor
    if Step.ATTACHMENTS not in editor.flow.steps:
        pytest.skip("no attachments panel in this build")
    editor.go_to_step(Step.ATTACHMENTS)
    notes = editor.attachments_notes
    assert notes.isVisibleTo(editor)
    assert "資料（PDF）がまだ追加されていません" in notes.text()
    assert "顔写真がまだ追加されていません" in notes.text()


@pytest.mark.parametrize(("flag", "mail_enabled"), [("無 No", True),
                                                    ("再入国許可申請 Re-entry permit", False)])
def test_receipt_by_mail_stays_open_when_the_simultaneous_flag_says_no(
        qtbot, store, main_window, flag, mail_enabled):
    case = store.create("renewal", {"expiry_date": "20270115", "simultaneous_reentry": flag})
    main_window.reload_cases()
    main_window.open_case(case.id)
    editor = main_window.editor
    editor.go_to_step(Step.CONFIRM)
    mail = editor.receipt_buttons["郵送 Mailing"]
    assert mail.isEnabled() is mail_enabled
