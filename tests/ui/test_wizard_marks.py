"""Honest step marks, as a user sees them: a new case, a half-filled case, a finished case.

Each state is also saved as a PNG (to ``ASSISTANT_SCREENSHOTS``, which ``python3 dev.py test``
sets to build/screenshots; else to a temporary folder) so a person can look at the marks.
"""

from __future__ import annotations

import os
import shutil
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from assistant.model.case import AttachmentRef, CaseStatus
from assistant.model.sample import sample_values
from assistant.model.wizard import Step
from assistant.ui import ask
from tests import attachments_files as files
from tests.ui.conftest import TODAY
from tests.ui.keyboard import fill


def _shot(window, tmp_path: Path, name: str) -> None:
    folder = Path(os.environ.get("ASSISTANT_SCREENSHOTS") or tmp_path / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    window.grab().save(str(folder / f"ja_marks_{name}.png"))


def _marks(editor) -> dict[Step, str]:
    return {step: editor.step_list.item(row).text().split("\n", 2)[-1]
            for row, step in enumerate(editor.flow.steps)}


def _open(qtbot, main_window, case_id):
    main_window.resize(1280, 800)
    main_window.open_case(case_id)
    editor = main_window.editor
    qtbot.waitUntil(lambda: not editor.validation_pending() and not editor.attachments_checking(),
                    timeout=30_000)
    return editor


def test_a_new_case_shows_no_counts_before_anything_is_typed(qtbot, store, main_window,
                                                             tmp_path):
    case = store.create("renewal")
    editor = _open(qtbot, main_window, case.id)
    marks = _marks(editor)
    assert set(marks.values()) == {"未入力"}, marks
    assert "在留期間の満了日を入力すると" in editor.window_label.text()
    _shot(main_window, tmp_path, "1_new_case")


def test_a_half_filled_case_counts_problems_where_the_user_has_been(qtbot, store, main_window,
                                                                   tmp_path):
    # The window closes in 7 days: the 申請可能 line is red, not green.
    case = store.create("renewal", {"expiry_date": "20261204"})
    editor = _open(qtbot, main_window, case.id)
    assert "申請可能 あと7日" in editor.window_label.text()
    assert "#b00020" in editor.window_label.text() and "#1b5e20" not in editor.window_label.text()
    fill(editor, "name", "NGUYEN VAN AN")
    fill(editor, "nationality", "ベトナム")
    editor.go_to_step(Step.RELATED)                      # 2-1 is left with problems
    qtbot.waitUntil(lambda: not editor.validation_pending())
    editor.go_to_step(Step.SELECT)
    qtbot.waitUntil(lambda: not editor.validation_pending())
    marks = _marks(editor)
    assert marks[Step.APPLICANT].startswith("入力中・問題 ")
    assert marks[Step.ACTIVITY] == "未入力" and marks[Step.CONFIRM] == "未入力"
    # 2-2 was opened but nothing was entered there (and nothing is required): not 完了.
    assert marks[Step.RELATED] == "未入力"
    _shot(main_window, tmp_path, "2_half_filled")


@pytest.fixture
def attachments(tmp_path):
    document = tmp_path / "passport.pdf"
    shutil.copy(files.fixture("minimal-document.pdf"), document)
    photo = files.photo(tmp_path / "face.jpg", taken=datetime(2026, 11, 1))
    return [AttachmentRef(str(document), "document"), AttachmentRef(str(photo), "photo")]


def test_a_finished_case_reopens_with_every_step_complete(qtbot, store, main_window, tmp_path,
                                                          attachments, monkeypatch):
    told: list[str] = []
    monkeypatch.setattr(ask, "information", lambda _p, _t, text: told.append(text))
    values = sample_values(TODAY)
    case = store.create("renewal", values)
    store.set_attachments(case.id, attachments)
    editor = _open(qtbot, main_window, case.id)
    if Step.ATTACHMENTS not in editor.flow.steps:
        pytest.skip("no attachments panel in this build")
    marks = _marks(editor)
    # Filled and valid before any visit: 完了; the intent is the office's own tick on Step 3.
    assert marks[Step.APPLICANT] == "完了" and marks[Step.CONFIRM] == "入力中"
    [intent] = editor.session.choices("intent_confirmed")
    editor.set_values({"intent_confirmed": intent}, "intent")
    editor.go_to_step(Step.CONFIRM)
    qtbot.waitUntil(lambda: not editor.validation_pending() and not editor.attachments_checking(),
                    timeout=30_000)
    editor.finish()
    assert told and "入力完了にしました" in told[-1], told
    assert store.get(case.id).status is CaseStatus.READY
    editor = _open(qtbot, main_window, case.id)
    marks = _marks(editor)
    assert all(mark.startswith("完了") for mark in marks.values()), marks
    _shot(main_window, tmp_path, "3_finished")
