"""Dependent pull-downs in the wizard offer only the choices their parent allows."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QComboBox

from assistant.model.codelists import code_list
from assistant.model.wizard import Step
from tests.ui.keyboard import fill, shown_problem

FARMING = "耕種農業 Cultivation agriculture"
FISHING = "漁船漁業 Fishing boat fisheries"


def _offered(editor, key: str) -> list[str]:
    combo = editor.editors[key][0].input
    assert isinstance(combo, QComboBox)
    return [combo.itemText(i) for i in range(combo.count()) if combo.itemText(i)]


def _open(qtbot, store, main_window, procedure: str, values: dict[str, str]):
    case = store.create(procedure, values)
    main_window.reload_cases()
    main_window.open_case(case.id)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return main_window.editor


def test_the_operation_list_offers_only_the_chosen_occupations_operations(qtbot, store,
                                                                          main_window):
    # 技能実習2号 is asked on the 区分V (特定技能) form: the case has that status
    editor = _open(qtbot, store, main_window, "renewal", {
        "expiry_date": "20270115", "current_status": "特定技能１号 Specified Skilled Worker ( i )"})
    editor.go_to_step(Step.RELATED)
    works = code_list("ti_work")
    assert len(_offered(editor, "ti_work[1]")) == len(works.entries)   # no 職種 yet: all 178
    fill(editor, "ti_occupation[1]", "耕種農業")
    assert store.get(editor.case_id).values["ti_occupation[1]"] == FARMING
    assert _offered(editor, "ti_work[1]") == [
        "施設園芸 Facility horticulture", "畑作・野菜 Upland field cropping/ Vegetable growing",
        "果樹 Fruit growing"]
    fill(editor, "ti_work[1]", "果樹")
    assert store.get(editor.case_id).values["ti_work[1]"] == "果樹 Fruit growing"
    # another 職種: its 作業 only, and the 作業 chosen before is reported, not dropped
    fill(editor, "ti_occupation[1]", "漁船漁業")
    assert _offered(editor, "ti_work[1]") == works.labels(FISHING)
    assert "延縄漁業 Long-line fishery" in _offered(editor, "ti_work[1]")
    qtbot.waitUntil(lambda: not editor.validation_pending(), timeout=2000)
    assert store.get(editor.case_id).values["ti_work[1]"] == "果樹 Fruit growing"
    assert shown_problem(editor, "ti_work[1]") == (
        f"「果樹 Fruit growing」は「{FISHING}」のときに選べる技能実習の作業ではありません。")


def test_the_coe_occupations_follow_the_purpose_of_entry(qtbot, store, main_window):
    editor = _open(qtbot, store, main_window, "coe",
                   {"desired_status": "法律・会計業務 Legal/Accounting Services",
                    "other_occupation[1]": "弁護士 Lawyer", "other_occupation[2]": "公認会計士 Public accountant"})
    editor.go_to_step(Step.ACTIVITY)
    legal = code_list("occupation_coe").labels("法律・会計業務 Legal/Accounting Services")
    assert _offered(editor, "main_occupation") == legal
    assert _offered(editor, "other_occupation[2]") == legal
    editor.set_values({"desired_status": "医療 Medical Services"}, "入国目的")
    medical = code_list("occupation_coe").labels("医療 Medical Services")
    assert "医師 Doctor" in medical and "弁護士 Lawyer" not in medical
    assert _offered(editor, "main_occupation") == medical
    assert _offered(editor, "other_occupation[1]") == medical
    assert _offered(editor, "other_occupation[2]") == medical
