"""Changing a case's 申請種別 in Step 1: one store transaction, the editor moves to the new case."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from assistant.model.case import NAME, AttachmentRef


@pytest.fixture
def editor(qtbot, store, main_window):
    case = store.create("renewal", {"expiry_date": "20270115", NAME: "WANG WEI"})
    store.set_remarks(case.id, "至急")
    store.set_attachments(case.id, [AttachmentRef("/docs/a.pdf", "document", "在職証明書")])
    main_window.reload_cases()
    main_window.open_case(case.id)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return main_window.editor


def _choose(editor, procedure: str) -> None:
    combo = editor.procedure_combo
    combo.setCurrentIndex(combo.findData(procedure))
    combo.activated.emit(combo.currentIndex())


def test_changing_the_procedure_moves_everything_to_a_new_case(qtbot, editor, store,
                                                               main_window, monkeypatch):
    old_id = editor.case_id
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    _choose(editor, "change")
    qtbot.waitUntil(lambda: main_window.editor is not None
                    and main_window.editor.case_id != old_id)
    new = store.get(main_window.editor.case_id)
    assert new.procedure == "change"
    assert new.values[NAME] == "WANG WEI" and new.remarks == "至急"
    assert [a.path for a in new.attachments] == ["/docs/a.pdf"]
    assert [s.id for s in store.list_deleted()] == [old_id]


def test_a_failed_change_keeps_the_case_and_says_why(qtbot, editor, store, monkeypatch):
    old_id = editor.case_id
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: shown.append(text))
    store.connection.execute(
        "CREATE TRIGGER refuse_trash BEFORE UPDATE OF deleted_at ON cases "
        "BEGIN SELECT RAISE(ABORT, 'disk went away'); END")
    _choose(editor, "change")
    assert shown and "disk went away" in shown[0]
    assert editor.case_id == old_id
    assert [s.id for s in store.list_summaries()] == [old_id]
    assert store.list_deleted() == []
