"""The wizard follows the case's 区分: Step 1 says which form the status uses, Steps 2-2/2-3
show only that 区分's questions, and a status change that drops answers asks first (undo brings
them back). docs/domain.md#categories."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from assistant.model.wizard import Step, StepStatus
from assistant.ui import ask

SSW1 = "特定技能１号 Specified Skilled Worker ( i )"
GIJINKOKU = "技術・人文知識・国際業務 Engineer/Specialist in Humanities/International Services"


@pytest.fixture
def editor(qtbot, store, main_window):
    case = store.create("renewal", {"expiry_date": "20270115", "current_status": SSW1,
                                    "org_name": "株式会社特定", "name": "NGUYEN VAN A"})
    main_window.reload_cases()
    main_window.open_case(case.id)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return main_window.editor


def choose(editor, key: str, label: str) -> None:
    """Pick ``label`` in the pull-down ``key`` as a click in its list does."""
    editor.go_to_step(editor.flow.step_of(key))
    combo = editor.editors[key][0].input
    index = combo.findText(label)
    assert index >= 0, label
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def _shown(editor, key: str) -> bool:
    return editor.editors[key][0].isVisibleTo(editor)


def test_a_new_status_asks_before_dropping_the_old_kubuns_answers_and_undo_restores(
        qtbot, editor, store, monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr(ask, "question", lambda _p, _t, text: asked.append(text) or True)
    editor.go_to_step(Step.ACTIVITY)
    assert _shown(editor, "org_name")
    assert "区分V" in editor.kubun_label.text()
    choose(editor, "current_status", GIJINKOKU)
    assert store.get(editor.case_id).values["current_status"] == GIJINKOKU
    assert len(asked) == 1 and "区分が" in asked[0] and "V" in asked[0] and "N" in asked[0]
    assert "org_name" not in store.get(editor.case_id).values     # dropped, after asking
    assert store.get(editor.case_id).values["name"] == "NGUYEN VAN A"   # common: kept
    assert "区分N" in editor.kubun_label.text()
    assert "取り込まれていません" in editor.kubun_label.text()
    editor.go_to_step(Step.ACTIVITY)
    assert not _shown(editor, "org_name")
    editor.undo_stack.undo()                         # one step: the status and the answers
    values = store.get(editor.case_id).values
    assert values["current_status"] == SSW1 and values["org_name"] == "株式会社特定"
    assert _shown(editor, "org_name")
    assert editor.editors["org_name"][0].value() == "株式会社特定"


def test_declining_keeps_the_status_and_the_answers(qtbot, editor, store, monkeypatch):
    monkeypatch.setattr(ask, "question", lambda *_a: False)
    choose(editor, "current_status", GIJINKOKU)
    values = store.get(editor.case_id).values
    assert values["current_status"] == SSW1 and values["org_name"] == "株式会社特定"
    assert editor.editors["current_status"][0].value() == SSW1


def test_step_1_offers_to_import_a_missing_kubun_from_a_saved_page(
        qtbot, store, main_window, monkeypatch, tmp_path):
    import os
    from pathlib import Path

    page = Path(__file__).resolve().parents[1] / "data" / "coe_N_offer_form.html"
    saved = tmp_path / "申込画面.html"
    saved.write_text(page.read_text("utf-8").replace("（区分N）", "（区分P）"), "utf-8")
    case = store.create("coe", {"desired_status": "留学 Student", "name": "LI NA"})
    main_window.reload_cases()
    main_window.open_case(case.id)
    editor = main_window.editor
    assert "区分P" in editor.kubun_label.text() and "取り込まれていません" in editor.kubun_label.text()
    assert editor.kubun_import_button.isVisibleTo(editor)
    told: list[str] = []
    monkeypatch.setattr(ask, "open_file", lambda *_a: saved)
    monkeypatch.setattr(ask, "question", lambda _p, _t, text: told.append(text) or True)
    monkeypatch.setattr(ask, "information", lambda _p, _t, text: told.append(text))
    editor.kubun_import_button.click()
    # the confirmation of Settings → 申請様式, in the UI's words (no English summary)
    assert "（区分P）」を読み取りました" in told[0] and "区分: P" in told[0]
    assert "質問: 102" in told[0] and "新しく追加" in told[0]
    assert "fields" not in told[0] and "differences" not in told[0]
    assert "次にこのプログラムを起動したとき" in told[1]
    data = Path(os.environ["ASSISTANT_DATA_DIR"])
    assert (data / "reference" / "fields" / "coe.kubun-P.json").is_file()
    # a renewal of a 特定技能 holder: nothing to import, no button
    main_window.show_list()
    other = store.create("renewal", {"current_status": SSW1})
    main_window.reload_cases()
    main_window.open_case(other.id)
    assert not main_window.editor.kubun_import_button.isVisibleTo(main_window.editor)


HSP_B_COE = "高度専門職第１号ロ・第２号（高度専門・技術活動） Highly-Skilled Professional (i)(b) & (ii)"


def test_step_1_asks_for_the_activity_where_the_forms_split_the_status(
        qtbot, store, main_window, monkeypatch):
    from assistant.model.case import KUBUN_ACTIVITY

    case = store.create("coe", {"desired_status": HSP_B_COE, "name": "LI NA",
                                "n_2": "株式会社エヌ"})
    main_window.reload_cases()
    main_window.open_case(case.id)
    editor = main_window.editor
    combo = editor.activity_combo
    assert combo.isVisibleTo(editor) and editor.activity_label.isVisibleTo(editor)
    items = [combo.itemText(i) for i in range(combo.count())]
    # the table's purposes in the form's words, each with the 区分 it picks; none chosen yet
    assert items[0] == "（選んでください）" and combo.currentIndex() == 0
    assert items[1].startswith("区分N：高度の専門的な能力を有する人材として自然科学又は人文科学の分野")
    assert items[1].endswith("（例：機械工学等の技術者，マーケティング業務従事者）")
    assert items[2].startswith("区分L：日本にある事業所に期間を定めて転勤して")
    assert "区分N" in editor.kubun_label.text()       # the first purpose's, until one is chosen
    asked: list[str] = []
    monkeypatch.setattr(ask, "question", lambda _p, _t, text: asked.append(text) or True)
    combo.setCurrentIndex(2)
    combo.activated.emit(2)
    stored = store.get(case.id).values
    assert stored[KUBUN_ACTIVITY].startswith("日本にある事業所に期間を定めて転勤して")
    assert "n_2" not in stored and len(asked) == 1 and "N" in asked[0] and "L" in asked[0]
    assert "区分L" in editor.kubun_label.text() and "取り込まれていません" in editor.kubun_label.text()
    assert combo.currentIndex() == 2
    editor.undo_stack.undo()                          # the choice and the answer come back
    stored = store.get(case.id).values
    assert KUBUN_ACTIVITY not in stored and stored["n_2"] == "株式会社エヌ"
    assert combo.currentIndex() == 0 and "区分N" in editor.kubun_label.text()
    # declining keeps the old choice shown
    monkeypatch.setattr(ask, "question", lambda *_a: False)
    combo.setCurrentIndex(2)
    combo.activated.emit(2)
    assert combo.currentIndex() == 0 and KUBUN_ACTIVITY not in store.get(case.id).values


def test_the_activity_choice_is_hidden_for_a_status_of_one_kubun(qtbot, editor):
    assert not editor.activity_combo.isVisibleTo(editor)
    assert not editor.activity_label.isVisibleTo(editor)


GIJINKOKU_COE = ("技術・人文知識・国際業務，特定活動（本邦大卒者） Engineer,Humanities specialist,"
                 "Int'l Services/Designated Activities（No.４６）")


def test_a_coe_n_case_marks_the_common_items_as_the_online_page_does(qtbot, store, main_window):
    def marks(values):
        case = store.create("coe", values)
        main_window.reload_cases()
        main_window.open_case(case.id)
        editor = main_window.editor
        editor.go_to_step(Step.APPLICANT)
        return {key: editor.editors[key][0].spec.required
                for key in ("birthplace", "postal_code", "email", "name")}

    # 出生地 and 郵便番号 are 必須 on the 区分N page, メールアドレス is not
    assert marks({"desired_status": GIJINKOKU_COE}) == {
        "birthplace": True, "postal_code": True, "email": False, "name": True}
    main_window.show_list()
    # a 区分U coe (医療): the template's marks
    assert marks({"desired_status": "医療 Medical Services"}) == {
        "birthplace": False, "postal_code": False, "email": True, "name": True}


def test_the_missing_activity_is_listed_on_step_3_and_leads_to_the_choice(
        qtbot, store, main_window):
    from assistant.model.case import KUBUN_ACTIVITY

    case = store.create("coe", {"desired_status": HSP_B_COE, "name": "LI NA"})
    main_window.reload_cases()
    main_window.open_case(case.id)
    editor = main_window.editor
    editor.go_to_step(Step.CONFIRM)
    qtbot.waitUntil(lambda: not editor.validation_pending())
    items = [editor.problem_list.item(i) for i in range(editor.problem_list.count())]
    (item,) = [i for i in items if "活動" in i.text() and "ステップ1" in i.text()]
    editor.problem_list.itemActivated.emit(item)
    assert editor.current_step() is Step.SELECT
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.activity_combo)
    # on Step 1 the choice says so under it
    assert "活動" in editor.activity_problem.text() and editor.activity_problem.isVisibleTo(editor)
    editor.activity_combo.setCurrentIndex(1)
    editor.activity_combo.activated.emit(1)
    qtbot.waitUntil(lambda: not editor.activity_problem.isVisibleTo(editor))
    assert KUBUN_ACTIVITY in store.get(case.id).values


def test_the_marks_follow_a_status_of_another_kubun_while_the_case_is_open(
        qtbot, store, main_window, monkeypatch):
    """出生地 is 必須 on the 区分N page, not in the template: changing the purpose of an open
    coe from 医療 (区分U) to 技術・人文知識・国際業務 (区分N) and back changes the mark at once."""
    monkeypatch.setattr(ask, "question", lambda *_a: True)
    case = store.create("coe", {"desired_status": "医療 Medical Services", "name": "LI NA"})
    main_window.reload_cases()
    main_window.open_case(case.id)
    editor = main_window.editor
    editor.go_to_step(Step.APPLICANT)
    birthplace = editor.editors["birthplace"][0]
    email = editor.editors["email"][0]
    assert "［必須］" not in birthplace.label.text() and "［必須］" in email.label.text()
    choose(editor, "desired_status", GIJINKOKU_COE)
    assert birthplace.label.text().endswith("［必須］") and birthplace.spec.required
    assert "［必須］" not in email.label.text()
    editor.undo_stack.undo()
    assert "［必須］" not in birthplace.label.text() and "［必須］" in email.label.text()


def test_steps_2_2_and_2_3_of_a_case_without_a_status_say_to_choose_it(
        qtbot, store, main_window):
    """A new renewal with no status shows none of the 特定技能 questions (its stored answers
    kept), only the common sections and a line leading to Step 1's status."""
    case = store.create("renewal", {"name": "NGUYEN VAN A", "org_name": "株式会社特定",
                                    "simultaneous_reentry": "再入国許可申請 Re-entry permit"})
    main_window.reload_cases()
    main_window.open_case(case.id)
    editor = main_window.editor
    for step, common, lettered in ((Step.RELATED, "agent_name", "skill_eval_type"),
                                   (Step.ACTIVITY, "reentry_purpose_decided", "org_name")):
        editor.go_to_step(step)
        note = editor.kubun_open_notes[step]
        assert note.isVisibleTo(editor)
        assert "ステップ1で在留資格を選ぶと" in " ".join(
            label.text() for label in note.findChildren(QLabel))
        assert _shown(editor, common) and not _shown(editor, lettered)
        shown = [e.spec.label for key, editors in editor.editors.items() for e in editors
                 if e.isVisibleTo(editor)]
        assert shown and not [label for label in shown if "特定技能" in label]
    # the step list does not count the hidden answers as 入力中
    assert editor.step_status(Step.ACTIVITY) is StepStatus.NOT_STARTED
    # the button leads to the status
    note.findChild(QPushButton).click()
    assert editor.current_step() is Step.SELECT
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.editors["current_status"][0].input)
    choose(editor, "current_status", SSW1)
    editor.go_to_step(Step.ACTIVITY)
    assert not note.isVisibleTo(editor) and _shown(editor, "org_name")
    assert editor.editors["org_name"][0].value() == "株式会社特定"   # kept, shown again
