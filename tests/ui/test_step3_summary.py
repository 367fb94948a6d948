"""Step 3's heading counts what its list shows: problems (errors) and 確認事項 (△ warnings)
apart, so 「問題 1 件」 never sits above three rows."""

from __future__ import annotations

import os
import re

import pytest
from PySide6.QtWidgets import QApplication

from assistant.model.wizard import Step
from tests.ui.conftest import TODAY
from tests.ui.test_english_screens import compiled_translations, english  # noqa: F401, F811
from tests.ui.test_wizard_attachment_problems import open_case, problem_texts, wait_checked

SHOTS = os.environ.get("ASSISTANT_SCREENSHOTS")


def _rows(editor) -> tuple[int, int]:
    """(errors, warnings) among the rows of the list, as a user tells them apart: the △."""
    texts = problem_texts(editor)
    warnings = sum(1 for t in texts if t.startswith("△ "))
    return len(texts) - warnings, warnings


def _step3(qtbot, main_window, store, values):
    editor = open_case(main_window, store, [], values=values)
    editor.go_to_step(Step.CONFIRM)
    wait_checked(qtbot, editor)
    QApplication.processEvents()
    return editor


def test_heading_counts_problems_and_points_to_check_apart(qtbot, main_window, store):
    # Only the expiry date typed, no files: many errors, and 2 △ (no document, no photo).
    editor = _step3(qtbot, main_window, store, {"expiry_date": "20270115"})
    errors, warnings = _rows(editor)
    assert errors >= 1 and warnings == 2
    heading = editor.problem_summary.text()
    match = re.match(r"問題 (\d+) 件・確認事項 (\d+) 件。", heading)
    assert match, heading
    assert (int(match[1]), int(match[2])) == (errors, warnings)
    if SHOTS:
        main_window.resize(1280, 800)
        main_window.grab().save(os.path.join(SHOTS, "step3-summary-ja.png"))


def test_heading_with_only_points_to_check_counts_them(qtbot, main_window, store):
    from assistant.model.sample import sample_values
    from tests.ui.keyboard import fill

    # The review's case: all typed but 申請意思の確認, no files — 1 problem and 2 △ rows.
    editor = _step3(qtbot, main_window, store, sample_values(TODAY))
    assert _rows(editor) == (1, 2)
    assert editor.problem_summary.text().startswith("問題 1 件・確認事項 2 件。")
    fill(editor, "intent_confirmed", " ")        # ticked with Space
    qtbot.waitUntil(lambda: _rows(editor) == (0, 2))
    heading = editor.problem_summary.text()
    assert heading.startswith("問題はありません。確認事項 2 件")


def test_heading_counts_apart_in_english(qtbot, store, settings, english):  # noqa: F811
    from assistant.ui.main_window import MainWindow

    window = MainWindow(store, settings, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.resize(1100, 700)
    window.show()
    editor = open_case(window, store, [], values={"expiry_date": "20270115"})
    editor.go_to_step(Step.CONFIRM)
    wait_checked(qtbot, editor)
    QApplication.processEvents()
    errors, warnings = _rows(editor)
    match = re.match(r"(\d+) problem\(s\) and (\d+) to check\.", editor.problem_summary.text())
    assert match, editor.problem_summary.text()
    assert (int(match[1]), int(match[2])) == (errors, warnings)
    if SHOTS:
        window.grab().save(os.path.join(SHOTS, "step3-summary-en-1100x700.png"))


@pytest.mark.parametrize("size", [(1100, 700)])
def test_step3_heading_is_not_clipped(qtbot, main_window, store, size):
    from tests.ui.screens import clipped_texts

    main_window.resize(*size)
    editor = _step3(qtbot, main_window, store, {"expiry_date": "20270115"})
    assert editor.problem_summary.wordWrap()
    assert clipped_texts(editor.problem_summary.parentWidget()) == []
    if SHOTS:
        main_window.grab().save(os.path.join(SHOTS, "step3-summary-ja-1100x700.png"))
