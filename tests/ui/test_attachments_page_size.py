"""The 添付書類 page fits a laptop screen: it scrolls like the other steps instead of forcing
the main window taller (the 次へ / 入力完了 buttons stay on screen), and its buttons have
Alt-letter mnemonics and are never clipped."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QScrollArea

from assistant.model.wizard import Step
from tests.ui.conftest import TODAY
from tests.ui.screens import clipped_texts
from tests.ui.test_english_screens import compiled_translations, english  # noqa: F401, F811

SHOTS = os.environ.get("ASSISTANT_SCREENSHOTS")


def _min_height(window) -> int:
    QApplication.processEvents()
    return window.minimumSizeHint().height()


@pytest.fixture
def editor(qtbot, store, main_window):
    case = store.create("renewal", {"expiry_date": "20270115"})
    main_window.reload_cases()
    main_window.open_case(case.id)
    editor = main_window.editor
    if Step.ATTACHMENTS not in editor.flow.steps:
        pytest.skip("no attachments panel in this build")
    return editor


def test_attachments_page_does_not_make_the_window_taller_than_step_1(editor, main_window):
    step1 = _min_height(main_window)
    assert step1 <= 700      # a 1366x768 laptop, less the task bar and title bar
    editor.go_to_step(Step.ATTACHMENTS)
    attachments = _min_height(main_window)
    print(f"minimum window height: step 1 {step1} px, attachments {attachments} px")
    assert attachments <= step1
    # it scrolls like the other steps
    assert isinstance(editor.pages.currentWidget(), QScrollArea)
    editor.go_to_step(Step.CONFIRM)
    assert _min_height(main_window) <= step1
    editor.go_to_step(Step.SELECT)
    assert _min_height(main_window) == step1


@pytest.mark.parametrize("size", [(1280, 800), (1100, 700)])
def test_attachments_page_buttons_are_on_screen_and_not_clipped(qtbot, editor, main_window,
                                                                 size):
    main_window.resize(*size)
    editor.go_to_step(Step.ATTACHMENTS)
    QApplication.processEvents()
    assert main_window.height() == size[1]
    # the navigation buttons are inside the window
    for button in (editor.next_button, editor.finish_button):
        bottom = button.mapTo(main_window, QPoint(0, button.height())).y()
        assert bottom <= main_window.height()
    panel = editor.attachments_panel
    # the file list still shows a few rows
    assert panel.list.height() >= panel.list.fontMetrics().lineSpacing() * 4
    assert clipped_texts(editor) == []
    # the drop hint lies below the list, not over its border
    hint = panel.empty_hint
    assert hint.isVisible()
    list_bottom = panel.list.mapTo(panel, QPoint(0, panel.list.height())).y()
    assert hint.mapTo(panel, QPoint(0, 0)).y() >= list_bottom
    # no empty result line takes room before anything was made
    assert not panel.result_label.isVisible()
    if SHOTS:
        main_window.grab().save(os.path.join(SHOTS, f"attachments_{size[0]}x{size[1]}.png"))


def test_attachments_buttons_have_mnemonics(editor):
    editor.go_to_step(Step.ATTACHMENTS)
    panel = editor.attachments_panel
    texts = [b.text() for b in (panel.add_button, panel.remove_button, panel.up_button,
                                panel.down_button)]
    assert texts == ["追加(&A)…", "削除(&R)", "上へ(&U)", "下へ(&W)"]


def test_attachments_buttons_have_english_mnemonics(qtbot, store, settings, english):  # noqa: F811
    from assistant.ui.main_window import MainWindow

    window = MainWindow(store, settings, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.resize(1100, 700)
    window.show()
    case = store.create("renewal", {"expiry_date": "20270115"})
    window.reload_cases()
    window.open_case(case.id)
    editor = window.editor
    if Step.ATTACHMENTS not in editor.flow.steps:
        pytest.skip("no attachments panel in this build")
    step1 = _min_height(editor)
    editor.go_to_step(Step.ATTACHMENTS)
    assert _min_height(editor) <= step1
    assert _min_height(window) <= 700
    panel = editor.attachments_panel
    texts = [b.text() for b in (panel.add_button, panel.remove_button, panel.up_button,
                                panel.down_button)]
    assert texts == ["&Add…", "&Remove", "&Up", "Do&wn"]
    QApplication.processEvents()
    assert clipped_texts(editor) == []
    if SHOTS:
        window.grab().save(os.path.join(SHOTS, "attachments_en_1100x700.png"))
