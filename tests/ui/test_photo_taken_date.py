"""The photo's taken date typed on the 添付書類 page is kept with the case (never re-asked)."""

from __future__ import annotations

import os
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt

from assistant.model.case import AttachmentRef
from assistant.model.storage import CaseStore
from assistant.model.wizard import Step
from tests import attachments_files as files
from tests.ui.test_wizard_attachment_problems import open_case, problem_texts, wait_checked

SHOTS = os.environ.get("ASSISTANT_SCREENSHOTS")
UNKNOWN = "撮影日が分かりません"


@pytest.fixture
def studio_photo(tmp_path):
    """A JPEG without any camera data (as photo studios and scanners deliver them)."""
    from PIL import Image

    path = files.photo(tmp_path / "studio.jpg")
    with Image.open(path) as img:
        assert not img.getexif()
    return path


def type_taken_date(qtbot, panel, text):
    """Tick 撮影日を入力する and type the date into the field, as the office does."""
    qtbot.mouseClick(panel.taken_check, Qt.MouseButton.LeftButton)
    assert panel.taken_check.isChecked() and panel.taken_edit.isEnabled()
    edit = panel.taken_edit
    edit.setFocus(Qt.FocusReason.OtherFocusReason)
    edit.setSelectedSection(edit.Section.YearSection)     # as a click on the year selects it
    qtbot.keyClicks(edit, text)


def test_typed_taken_date_is_kept_after_reopening_the_case(qtbot, store, main_window,
                                                          studio_photo):
    editor = open_case(main_window, store, [AttachmentRef(str(studio_photo), "photo")])
    case_id = editor.case_id
    editor.go_to_step(Step.CONFIRM)
    wait_checked(qtbot, editor)
    assert any(UNKNOWN in t for t in problem_texts(editor))

    editor.go_to_step(Step.ATTACHMENTS)
    panel = editor.attachments_panel
    type_taken_date(qtbot, panel, "20261001")
    assert panel.taken_edit.date() == QDate(2026, 10, 1)
    # Stored at once: another connection (the app after a crash) already sees it.
    with CaseStore.open(store.path) as other:
        (photo,) = other.get(case_id).attachments
    assert (photo.path, photo.taken_on) == (str(studio_photo), "2026-10-01")

    main_window.show_list()                       # close the wizard
    assert main_window.editor is None
    main_window.open_case(case_id)
    editor = main_window.editor
    editor.go_to_step(Step.CONFIRM)               # the attachments page is not opened
    wait_checked(qtbot, editor)
    assert editor.attachments_panel is None
    texts = problem_texts(editor)
    assert not any(UNKNOWN in t for t in texts), texts
    assert not any("撮影日" in t for t in texts), texts   # 2026-10-01 is within 3 months

    editor.go_to_step(Step.ATTACHMENTS)
    panel = editor.attachments_panel
    assert panel.taken_check.isChecked()
    assert panel.taken_edit.date() == QDate(2026, 10, 1)
    qtbot.waitUntil(lambda: "撮影日 2026年10月1日（令和8年）" in panel.photo_name.text(), timeout=10_000)
    assert UNKNOWN not in panel.photo_problems.text()


def test_a_typed_date_outside_the_window_is_counted_after_reopening(qtbot, store, main_window,
                                                                    studio_photo):
    editor = open_case(main_window, store, [AttachmentRef(str(studio_photo), "photo")])
    case_id = editor.case_id
    editor.go_to_step(Step.ATTACHMENTS)
    type_taken_date(qtbot, editor.attachments_panel, "20260105")   # over 3 months before
    main_window.show_list()
    main_window.open_case(case_id)
    editor = main_window.editor
    editor.go_to_step(Step.CONFIRM)
    wait_checked(qtbot, editor)
    texts = problem_texts(editor)
    assert any("撮影日 2026年1月5日（令和8年）" in t for t in texts), texts
    assert not any(UNKNOWN in t for t in texts), texts


def test_unticking_the_date_forgets_it_in_the_case(qtbot, store, main_window, studio_photo):
    editor = open_case(main_window, store, [AttachmentRef(str(studio_photo), "photo",
                                                          taken_on="2026-10-01")])
    editor.go_to_step(Step.ATTACHMENTS)
    panel = editor.attachments_panel
    assert panel.taken_check.isChecked()
    assert panel.entered_taken_on() == date(2026, 10, 1)
    panel.taken_check.click()
    assert store.get(editor.case_id).attachments[0].taken_on == ""
    editor.go_to_step(Step.CONFIRM)
    wait_checked(qtbot, editor)
    assert any(UNKNOWN in t for t in problem_texts(editor))


@pytest.mark.parametrize("language", ["ja", "en"])
def test_screenshot_of_the_attachments_page_with_the_typed_date(
        qtbot, store, main_window, studio_photo, language, tmp_path):
    from assistant.ui.i18n import install_translators
    from tests.ui.test_translations import _tool

    if language == "en":
        _tool().build("en")
    assert install_translators(language) or language == "ja"
    try:
        editor = open_case(main_window, store, [AttachmentRef(str(studio_photo), "photo",
                                                              taken_on="2026-10-01")])
        main_window.resize(1280, 800)
        editor.go_to_step(Step.ATTACHMENTS)
        panel = editor.attachments_panel
        shown = "2026-10-01" if language == "en" else "2026年10月1日（令和8年）"   # as read
        qtbot.waitUntil(lambda: shown in panel.photo_name.text(), timeout=10_000)
        qtbot.waitUntil(lambda: not panel.is_busy(), timeout=10_000)
        wait_checked(qtbot, editor)
        shots = SHOTS or str(tmp_path)
        os.makedirs(shots, exist_ok=True)
        main_window.grab().save(os.path.join(shots, f"attachments-taken-date-{language}.png"))
        assert panel.taken_edit.text() == ("2026-10-01" if language == "en" else "2026年10月1日")
        if language == "en":
            assert panel.taken_check.text() == "Enter the date taken"
    finally:
        install_translators("ja")
