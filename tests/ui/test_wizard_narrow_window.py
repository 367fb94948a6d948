"""Step 3 fits a window about 1100 px wide: the long intent sentence wraps beside its check box
instead of pushing the list of problems behind a horizontal scroll bar."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCheckBox, QScrollArea

from assistant.model.wizard import Step
from tests.ui.keyboard import press, tab_to

INTENT_START = "申請人(代理人による申請の場合は当該代理人)に申請の意思を確認しました。"


@pytest.fixture
def step3(qtbot, store, main_window):
    main_window.resize(1100, 800)
    case = store.create("renewal", {"expiry_date": "20270115"})
    main_window.reload_cases()
    main_window.open_case(case.id)
    editor = main_window.editor
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    editor.go_to_step(Step.CONFIRM)
    qtbot.waitUntil(lambda: editor.problem_list.isVisible())
    QApplication.processEvents()
    return editor


def _scroll_area(editor) -> QScrollArea:
    page = editor.pages.currentWidget()
    assert isinstance(page, QScrollArea)
    return page


def test_step_3_has_no_horizontal_scroll_bar_at_1100_px(step3):
    area = _scroll_area(step3)
    assert step3.window().width() == 1100
    assert not area.horizontalScrollBar().isVisible()
    assert area.widget().width() <= area.viewport().width()
    # the whole list of problems lies inside the visible part of the page
    problems = step3.problem_list
    right = problems.mapTo(area.viewport(), QPoint(problems.width(), 0)).x()
    assert problems.mapTo(area.viewport(), QPoint(0, 0)).x() >= 0
    assert right <= area.viewport().width()
    # the intent sentence is there in full, wrapped beside its check box
    text = step3.editors["intent_confirmed"][0].check_text
    assert text is not None and text.isVisible() and text.wordWrap()
    assert text.text().startswith(INTENT_START)
    assert text.mapTo(area.viewport(), QPoint(text.width(), 0)).x() <= area.viewport().width()


def test_the_intent_check_box_toggles_with_space_and_by_clicking_its_text(step3, store):
    field = step3.editors["intent_confirmed"][0]
    check = field.input
    assert isinstance(check, QCheckBox)
    assert check.accessibleName() == "申請意思の確認"
    check_widget = tab_to("field:intent_confirmed")
    assert check_widget is check
    press(Qt.Key.Key_Space)
    assert check.isChecked()
    assert store.get(step3.case_id).values["intent_confirmed"].startswith(INTENT_START)
    # a click on the wrapped text toggles it back, as a click on a check box's text does
    assert field.check_text is not None
    QTest.mouseClick(field.check_text, Qt.MouseButton.LeftButton,
                     pos=field.check_text.rect().center())
    QApplication.processEvents()
    assert not check.isChecked()
    assert "intent_confirmed" not in store.get(step3.case_id).values or \
        store.get(step3.case_id).values["intent_confirmed"] == ""
    assert QApplication.focusWidget() is check
