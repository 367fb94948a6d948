"""A case after filing opened in the editor: 「入力完了にする」 does not take it back to 入力完了
(real store, real attachment check; the message box is captured)."""

from __future__ import annotations

import shutil
from datetime import date

from assistant.model import filing
from assistant.model.case import AttachmentRef, CaseStatus
from assistant.model.sample import sample_values
from assistant.model.wizard import Step
from assistant.ui import ask
from tests import attachments_files as files
from tests.ui.conftest import TODAY
from tests.ui.keyboard import fill
from tests.ui.test_wizard_attachment_problems import wait_checked


def test_finishing_a_filed_case_keeps_it_filed_and_says_why(qtbot, store, main_window,
                                                           monkeypatch, tmp_path):
    said: list[str] = []
    monkeypatch.setattr(ask, "information", lambda _p, _t, text, *a: said.append(text))
    monkeypatch.setattr(ask, "warning", lambda _p, _t, text, *a: said.append(text))
    monkeypatch.setattr(ask, "question", lambda _p, _t, text, *a: said.append(text) or True)
    document = tmp_path / "passport.pdf"
    shutil.copy(files.fixture("minimal-document.pdf"), document)
    case = store.create("renewal", sample_values(TODAY))
    store.set_attachments(case.id, [AttachmentRef(str(document), "document")])
    main_window.open_case(case.id)
    editor = main_window.editor
    editor.go_to_step(Step.CONFIRM)
    fill(editor, "intent_confirmed", " ")
    wait_checked(qtbot, editor)
    editor.finish()
    assert store.get(case.id).status is CaseStatus.READY, said   # a draft finishes as before
    filing.perform_step(store, case.id, filing.StepRequest(
        CaseStatus.FILED, number="東オンEN25001877"), today=date(2026, 11, 26))
    before = store.history(case.id)

    main_window.open_case(case.id)
    editor = main_window.editor
    editor.go_to_step(Step.CONFIRM)
    wait_checked(qtbot, editor)
    editor.finish()
    assert said and "「申請済」" in said[-1] and "入力完了に戻すことはできません" in said[-1], said
    assert store.get(case.id).status is CaseStatus.FILED
    assert store.history(case.id) == before       # nothing recorded: 申請済 → 入力完了 never
