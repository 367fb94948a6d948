"""The 提出書類 checklist on the 添付書類 step: questions asked there, items ticked by files,
Step 3 counting the open ones as 確認事項."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from assistant.model.case import CURRENT_STATUS, AttachmentRef
from assistant.model.wizard import Step
from tests import attachments_files as files
from tests.ui.test_english_screens import compiled_translations, english  # noqa: F401

GIJINKOKU = "技術・人文知識・国際業務 Engineer/Specialist in Humanities/International Services"
SHOTS = os.environ.get("ASSISTANT_SCREENSHOTS")


def open_checklist(qtbot, main_window, store, tmp_path):
    tax = files.write(tmp_path / "住民税課税証明書.pdf", files.one_page_pdf())
    other = files.write(tmp_path / "scan001.pdf", files.one_page_pdf())
    case = store.create("renewal", {CURRENT_STATUS: GIJINKOKU, "expiry_date": "20270115"})
    store.set_attachments(case.id, [AttachmentRef(str(tax)), AttachmentRef(str(other))])
    main_window.open_case(case.id)
    editor = main_window.editor
    if Step.ATTACHMENTS not in editor.flow.steps:
        pytest.skip("no attachments panel in this build")
    editor.go_to_step(Step.ATTACHMENTS)
    section = editor.checklist_section
    assert section is not None
    return editor, section, case, tax


def names(section):
    return [section.tree.topLevelItem(r).text(0) for r in range(section.tree.topLevelItemCount())]


def shoot(section, name):
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        section.grab().save(str(Path(SHOTS) / name))


def test_category_answer_selects_items_and_a_file_ticks_one(qtbot, main_window, store,
                                                             tmp_path):
    editor, section, case, tax = open_checklist(qtbot, main_window, store, tmp_path)
    assert "技術・人文知識・国際業務" in section.summary.text()
    assert "書類 0/" in section.summary.text()
    category = section.question_combos["employer_category"]
    assert category.currentData() == ""
    category.setCurrentIndex(category.findData("cat3"))
    shown = "\n".join(names(section))
    assert "法定調書合計表" in shown and "カテゴリー1に該当" not in shown
    assert "△要確認" in shown
    # stored with the case at once
    assert store.get(case.id).documents.answers == {"employer_category": "cat3"}
    # the file name proposes its item; accepting assigns it and the item is 提出
    assert "住民税課税証明書.pdf → 住民税の課税" in section.proposals.text()
    assert "scan001" not in section.proposals.text()
    section.apply_proposals_button.click()
    row = section.row_of("resident_tax")
    assert row is not None and "住民税課税証明書.pdf" in row.text(3)
    assert section.tree.itemWidget(row, 1).currentData() == "submitted"
    assert store.get(case.id).documents.items["resident_tax"].files == [str(tax)]
    # 不要 with the reason typed in its column
    fee = section.row_of("fee")
    section.tree.itemWidget(fee, 1).setCurrentIndex(
        section.tree.itemWidget(fee, 1).findData("not_needed"))
    section.row_of("fee").setText(4, "許可時に窓口で納付")
    record = store.get(case.id).documents.items["fee"]
    assert (record.status, record.reason) == ("not_needed", "許可時に窓口で納付")
    shoot(section, "checklist-ja.png")
    # Step 3 counts the open items as 確認事項 (warnings), never as problems
    editor.go_to_step(Step.CONFIRM)
    qtbot.waitUntil(lambda: not editor.attachments_checking()
                    and not editor._validate_timer.isActive(), timeout=30_000)
    open_items = len(section.checklist.open_items) + len(section.checklist.unanswered)
    documents = [p for p in editor.session.problems if p.field == "documents"]
    assert len(documents) == open_items and not any(p.is_error for p in documents)
    texts = [editor.problem_list.item(r).text() for r in range(editor.problem_list.count())]
    assert any("提出書類「" in t and t.startswith("△") for t in texts)
    assert not any("住民税の課税" in t for t in texts)       # covered by its file


def test_a_new_case_without_a_started_checklist_adds_no_notes(qtbot, main_window, store,
                                                              tmp_path):
    editor, section, case, _tax = open_checklist(qtbot, main_window, store, tmp_path)
    editor.revalidate()
    assert not [p for p in editor.session.problems if p.field == "documents"]


def test_checklist_in_english(qtbot, main_window, store, tmp_path, english):  # noqa: F811
    editor, section, case, _tax = open_checklist(qtbot, main_window, store, tmp_path)
    section.set_language("en")
    section.answer("employer_category", "cat3")
    assert section.title() == "Document checklist"
    assert "Documents 0/" in section.summary.text()
    shown = "\n".join(names(section))
    assert "Statutory withholding summary" in shown and "To check" in shown
    shoot(section, "checklist-en.png")


def test_request_pdf_and_merged_pdf_order_follow_the_checklist(qtbot, main_window, store,
                                                                tmp_path, monkeypatch):
    editor, section, case, tax = open_checklist(qtbot, main_window, store, tmp_path)
    section.answer("employer_category", "cat3")
    # 依頼書 for the applicant through the button's menu and the save dialog
    target = tmp_path / "out" / "依頼書.pdf"
    monkeypatch.setattr("assistant.ui.ask.save_file", lambda *a, **k: target)
    action = next(a for a in section.request_button.menu().actions()
                  if a.data() == "applicant")
    action.trigger()
    from pypdf import PdfReader
    text = "".join(p.extract_text() for p in PdfReader(target).pages).replace("\n", "")
    assert "Documents we need from you" in text and "Resident tax certificates" in text
    # the merged PDF: the file assigned to an item first, titled by the item
    section.apply_proposals_button.click()
    panel = editor.attachments_panel
    order = panel.outline(panel.documents.documents())
    assert order[0] == (str(tax), "住民税の課税(又は非課税)証明書及び納税証明書")
    assert order[1][0].endswith("scan001.pdf")


GIJINKOKU_COE = ("技術・人文知識・国際業務，特定活動（本邦大卒者） Engineer/Specialist in Humanities/"
                 "International Services/Designated Activities(Graduate from a university in "
                 "Japan)")


def open_coe_case(qtbot, main_window, store):
    """A 技術・人文知識・国際業務 coe case whose 区分N page says the employer gets the
    innovation bonus (カテゴリー1) and names no 派遣先."""
    case = store.create("coe", {
        "desired_status": GIJINKOKU_COE, "n_3_1": "株式会社サンプル商事",
        "n_2": "雇用 Employment",
        "n_hsp_points_75": "該当する（１０点） Applicable (10 points)"})
    main_window.open_case(case.id)
    editor = main_window.editor
    if Step.ATTACHMENTS not in editor.flow.steps:
        pytest.skip("no attachments panel in this build")
    editor.go_to_step(Step.ATTACHMENTS)
    return editor, editor.checklist_section, case


def test_answers_the_case_has_decide_questions_and_the_office_can_override(
        qtbot, main_window, store):
    editor, section, case = open_coe_case(qtbot, main_window, store)
    category = section.question_combos["employer_category"]
    assert category.currentData() == "" and category.currentText().startswith("回答から: カテゴリー1")
    origin = section.question_origins["employer_category"]
    assert origin.isVisibleTo(section) and "特別加算１" in origin.text()
    assert section.question_combos["dispatch"].currentText() == "回答から: いいえ"
    assert "派遣先等 (1)名称: （空欄）" in section.question_origins["dispatch"].text()
    # the question nothing decides is still asked
    assert section.question_combos["vocational_grad"].currentText() == "（未回答）"
    assert not section.question_origins["vocational_grad"].isVisibleTo(section)
    shown = "\n".join(names(section))
    assert "カテゴリー1に該当" in shown and "法定調書合計表" not in shown
    shoot(section, "checklist-derived-ja.png")
    # the office overrides: stored with the case, the origin says what was overridden
    category.setCurrentIndex(category.findData("cat3"))
    assert store.get(case.id).documents.answers == {"employer_category": "cat3"}
    assert "変更済み" in origin.text() and "カテゴリー1" in origin.text()
    assert "法定調書合計表" in "\n".join(names(section))
    # back to what the answers say: the override is gone
    category.setCurrentIndex(0)
    assert store.get(case.id).documents.answers == {}
    assert "変更済み" not in origin.text()


def test_derived_answers_in_english(qtbot, main_window, store, english):  # noqa: F811
    editor, section, case = open_coe_case(qtbot, main_window, store)
    section.set_language("en")
    section.set_case(store.get(case.id))
    assert section.question_combos["dispatch"].currentText() == "From the answers: No"
    assert "(blank)" in section.question_origins["dispatch"].text()
    shoot(section, "checklist-derived-en.png")


def test_the_wizard_procedure_change_carries_the_checklist_and_says_what_leaves(
        qtbot, main_window, store, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    editor, section, case = open_coe_case(qtbot, main_window, store)
    resume = files.write(tmp_path / "履歴書.pdf", files.one_page_pdf())
    degree = files.write(tmp_path / "卒業証明書.pdf", files.one_page_pdf())
    store.set_attachments(case.id, [AttachmentRef(str(resume)), AttachmentRef(str(degree))])
    main_window.open_case(case.id)
    editor = main_window.editor
    editor.go_to_step(Step.ATTACHMENTS)
    section = editor.checklist_section
    section.answer("employer_category", "cat3")
    section.assign("resume", str(resume))
    section.assign("degree_proof", str(degree))
    asked: list[str] = []

    def question(_parent, _title, text, *args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    editor.go_to_step(Step.SELECT)
    combo = editor.procedure_combo
    combo.setCurrentIndex(combo.findData("change"))
    combo.activated.emit(combo.currentIndex())
    qtbot.waitUntil(lambda: main_window.editor is not None
                    and main_window.editor.case_id != case.id)
    assert "記録 1 件を引き継ぎます" in asked[0]      # 履歴書 (both lists have it)
    assert "卒業証明書" in asked[0] and "表示されなくなります" in asked[0]
    new = main_window.editor
    new.go_to_step(Step.ATTACHMENTS)
    row = new.checklist_section.row_of("resume")
    assert row is not None and "履歴書.pdf" in row.text(3)
    assert new.checklist_section.row_of("degree_proof") is None
    assert store.get(new.case_id).documents.items["degree_proof"].files == [str(degree)]
