"""The hint under a field says each thing once: guidance, accepted forms, one example."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from assistant.model.wizard import Step


@pytest.fixture
def coe_n_editor(qtbot, store, main_window):
    case = store.create("coe", {"desired_status": "技術・人文知識・国際業務 Engineer / Specialist "
                                                  "in Humanities / International Services",
                                "name": "LI NA"})
    main_window.reload_cases()
    main_window.open_case(case.id)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return main_window.editor


def test_the_pages_own_example_is_not_repeated(coe_n_editor):
    coe_n_editor.go_to_step(Step.ACTIVITY)
    hints = [field.hint.text() for fields in coe_n_editor.editors.values() for field in fields]
    with_example = [h for h in hints if "1234567890123" in h]
    assert with_example, "the 法人番号 hint shows an example"
    for hint in with_example:
        assert hint.count("1234567890123") == 1, hint
    assert any("例）1234567890123" in h for h in with_example)   # the page's own words stay


def test_a_template_example_is_still_shown_where_the_guidance_has_none(qtbot, store,
                                                                       main_window):
    case = store.create("renewal", {"expiry_date": "20270115"})
    main_window.reload_cases()
    main_window.open_case(case.id)
    editor = main_window.editor
    editor.go_to_step(Step.APPLICANT)
    hint = editor.editors["postal_code"][0].hint.text()
    assert "例: " in hint or "例）" in hint


def test_the_template_joint_purpose_is_flagged_at_the_field(qtbot, store, main_window):
    """A coe case holding the template's joint 入国目的 sees, under the field, which of the
    page's two choices to pick; the page's own choice is quiet."""
    joint = ("技術・人文知識・国際業務，特定活動（本邦大卒者） Engineer,Humanities specialist,"
             "Int'l Services/Designated Activities（No.４６）")
    case = store.create("coe", {"desired_status": joint, "name": "LI NA"})
    main_window.reload_cases()
    main_window.open_case(case.id)
    editor = main_window.editor
    editor.go_to_step(Step.SELECT)
    editor.go_to_step(Step.APPLICANT)      # a step shows its problems once it has been left
    editor.go_to_step(Step.SELECT)
    field = editor.editors["desired_status"][0]
    qtbot.waitUntil(lambda: "特定活動（本邦大学卒業者）" in field.shown_problem(), timeout=3000)
    assert "どちらか" in field.shown_problem()
