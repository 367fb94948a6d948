"""A pull-down whose choices the ISA data lacks is typed, and the wizard says why."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit

from assistant.model.wizard import Step
from tests.ui.keyboard import type_text

MESSAGE = "この項目の選択肢は公式データに含まれていないため、オンラインシステムの表示どおりに入力してください。"


@pytest.fixture
def editor(qtbot, store, main_window):
    case = store.create("renewal", {"expiry_date": "20270115"})
    main_window.reload_cases()
    main_window.open_case(case.id)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return main_window.editor


def test_a_pull_down_without_choices_is_typed_with_the_reason_shown(qtbot, editor, store):
    editor.go_to_step(Step.RELATED)
    field = editor.editors["japanese_eval_type"][0]
    # free text: a drop-down without choices would leave nothing to pick
    assert isinstance(field.input, QLineEdit)
    assert field.hint.text().startswith(MESSAGE)
    assert "プルダウンから選択" not in field.hint.text()   # the template's words would mislead
    assert "特定技能1号" in field.hint.text()               # the rest of ISA's guidance stays
    assert field.input.toolTip() == field.hint.text()
    field.input.setFocus()
    type_text("試験による証明")
    qtbot.waitUntil(lambda: not editor.validation_pending(), timeout=2000)
    assert field.shown_problem() == ""
    assert store.get(editor.case_id).values["japanese_eval_type"] == "試験による証明"


def test_a_pull_down_with_a_list_keeps_its_drop_down(editor):
    editor.go_to_step(Step.RELATED)
    field = editor.editors["skill_eval_type"][0]
    assert not isinstance(field.input, QLineEdit)
    assert MESSAGE not in field.hint.text()
