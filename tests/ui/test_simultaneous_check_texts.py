"""Step 1's 同時申請 check boxes in English show the English text only, in full (the ISA label
of 資格外活動許可申請 is cut off after 'previous'); the case still stores the ISA label."""

from __future__ import annotations

import os

from PySide6.QtWidgets import QApplication

from assistant.model.wizard import Step
from tests.ui.conftest import TODAY
from tests.ui.keyboard import fill
from tests.ui.screens import clipped_texts
from tests.ui.test_english_screens import JAPANESE, compiled_translations, english  # noqa: F401, F811

SHOTS = os.environ.get("ASSISTANT_SCREENSHOTS")
EXTRA = "simultaneous_extra_activity"
ISA_LABEL = ("資格外活動許可申請 Permit to engage in activity other than that permitted by the "
             "status of residence previous")
IDS = ("simultaneous_reentry", EXTRA, "simultaneous_work_cert")


def _open(qtbot, window, store, size):
    window.resize(*size)
    window.show()
    case = store.create("change", {"expiry_date": "20270115"})
    window.reload_cases()
    window.open_case(case.id)
    editor = window.editor
    editor.go_to_step(Step.SELECT)
    QApplication.processEvents()
    return case, editor


def _texts(editor) -> dict[str, str]:
    return {key: editor.editors[key][0].check_text.text() for key in IDS}


def test_english_check_boxes_show_english_in_full(qtbot, store, settings, english):  # noqa: F811
    from assistant.ui.main_window import MainWindow

    window = MainWindow(store, settings, today=lambda: TODAY)
    qtbot.addWidget(window)
    case, editor = _open(qtbot, window, store, (1100, 700))
    texts = _texts(editor)
    assert texts["simultaneous_reentry"] == "Re-entry permit"
    assert texts["simultaneous_work_cert"] == "Certificate of authorized employment"
    assert texts[EXTRA].endswith("under the status of residence previously granted")
    assert not any(JAPANESE.search(t) for t in texts.values()), texts
    for key in IDS:
        assert editor.editors[key][0].check_text.isVisible()
    assert clipped_texts(editor) == []
    if SHOTS:
        editor.pages.currentWidget().ensureWidgetVisible(editor.editors[IDS[2]][0])
        QApplication.processEvents()
        window.grab().save(os.path.join(SHOTS, "step1-simultaneous-en-1100x700.png"))
        window.resize(1280, 800)
        QApplication.processEvents()
        window.grab().save(os.path.join(SHOTS, "step1-simultaneous-en-1280x800.png"))
    fill(editor, EXTRA, " ")                  # ticked with Space: the ISA label is stored
    assert store.get(case.id).values[EXTRA] == ISA_LABEL


def test_japanese_check_boxes_keep_the_isa_label(qtbot, store, main_window):
    case, editor = _open(qtbot, main_window, store, (1280, 800))
    assert _texts(editor)[EXTRA] == ISA_LABEL
    if SHOTS:
        editor.pages.currentWidget().ensureWidgetVisible(editor.editors[IDS[2]][0])
        QApplication.processEvents()
        main_window.grab().save(os.path.join(SHOTS, "step1-simultaneous-ja-1280x800.png"))
    fill(editor, EXTRA, " ")
    assert store.get(case.id).values[EXTRA] == ISA_LABEL
