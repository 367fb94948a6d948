"""The first-start welcome: greets a new office once, registers the profile, makes the sample."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from assistant.model.first_start import needs_welcome
from assistant.model.office import OfficeStore
from assistant.ui.welcome import WelcomeDialog, maybe_show_welcome

from .conftest import TODAY


def save_screenshot(widget, name: str) -> None:
    folder = os.environ.get("ASSISTANT_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(folder) / f"{name}.png"))


@pytest.fixture
def welcome(qtbot, store, japanese):
    dialog = WelcomeDialog(store, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_start_creates_one_sample_case_marked_as_sample(qtbot, welcome, store):
    save_screenshot(welcome, "welcome_ja")
    assert welcome.sample_check.isChecked()
    qtbot.mouseClick(welcome.start_button, Qt.MouseButton.LeftButton)
    assert welcome.result() == QDialog.DialogCode.Accepted
    [summary] = store.list_summaries()
    assert summary.is_sample and summary.procedure == "renewal"
    assert welcome.sample is not None and welcome.sample.id == summary.id
    assert not needs_welcome(store)


def test_enter_starts_with_the_sample(qtbot, welcome, store):
    qtbot.keyClick(welcome, Qt.Key.Key_Return)
    assert [s.is_sample for s in store.list_summaries()] == [True]


def test_unticking_the_sample_creates_no_case(qtbot, welcome, store):
    welcome.sample_check.setFocus()
    qtbot.keyClick(welcome.sample_check, Qt.Key.Key_Space)
    assert not welcome.sample_check.isChecked()
    qtbot.mouseClick(welcome.start_button, Qt.MouseButton.LeftButton)
    assert store.list_summaries() == []
    assert welcome.sample is None


def test_skip_creates_nothing_and_is_not_asked_again(qtbot, welcome, store):
    qtbot.keyClick(welcome, Qt.Key.Key_Escape)
    assert welcome.result() == QDialog.DialogCode.Rejected
    assert store.list_summaries() == []
    assert OfficeStore(store).list() == []
    assert not needs_welcome(store)
    assert maybe_show_welcome(None, store, today=TODAY) is None  # returns at once: no dialog


def test_a_second_sample_is_not_offered(qtbot, store, japanese):
    from assistant.model.sample import create_sample_case

    create_sample_case(store, TODAY)
    dialog = WelcomeDialog(store, today=TODAY)
    qtbot.addWidget(dialog)
    assert not dialog.sample_check.isEnabled()
    dialog.accept()
    assert len(store.list_summaries()) == 1


def test_profile_registered_from_the_welcome_becomes_the_current_staff(qtbot, welcome, store):
    def fill_profile_form():
        form = QApplication.activeModalWidget()
        assert form is not None and form is not welcome
        # Japanese arrives through the IME, which QTest cannot type: set it as committed text.
        form.edits["name"].setText("法務　花子")
        form.category_combo.setCurrentIndex(form.category_combo.findData("gyoseishoshi"))
        qtbot.keyClicks(form.edits["certificate_number"], "123456789012")
        form.edits["office_name"].setText("サンプル行政書士事務所")
        qtbot.keyClicks(form.edits["email"], "hanako@example.jp")
        save_screenshot(form, "welcome_profile_form_ja")
        form.accept()

    QTimer.singleShot(0, fill_profile_form)
    qtbot.mouseClick(welcome.profile_button, Qt.MouseButton.LeftButton)
    current = OfficeStore(store).current()
    assert current is not None and current.name == "法務　花子"
    assert "法務　花子" in welcome.profile_status.text()
    assert "行政書士" in welcome.profile_status.text()
    save_screenshot(welcome, "welcome_profile_done_ja")
    qtbot.mouseClick(welcome.start_button, Qt.MouseButton.LeftButton)
    assert not needs_welcome(store)


def test_cancelled_profile_form_registers_nobody(qtbot, welcome, store):
    def cancel_form():
        form = QApplication.activeModalWidget()
        assert form is not None and form is not welcome
        form.reject()

    QTimer.singleShot(0, cancel_form)
    qtbot.mouseClick(welcome.profile_button, Qt.MouseButton.LeftButton)
    assert OfficeStore(store).list() == []
    assert "まだ登録されていません" in welcome.profile_status.text()


def test_welcome_fits_its_texts_without_clipping(welcome):
    """Every label gets at least the height its wrapped text needs."""
    from PySide6.QtWidgets import QLabel

    for label in welcome.findChildren(QLabel):
        if label.isVisible() and label.wordWrap() and label.text():
            needed = label.heightForWidth(label.width())
            assert label.height() >= needed, (label.text()[:30], label.height(), needed)


@pytest.fixture
def english_welcome(qtbot, qapp, store, tmp_path):
    """The welcome with only its own English translation (resources/i18n/en/welcome.ts)."""
    import subprocess
    import sys

    from PySide6.QtCore import QTranslator

    root = Path(__file__).resolve().parents[2]
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    qm = tmp_path / "welcome_en.qm"
    subprocess.run([str(lrelease), "-silent", str(root / "resources/i18n/en/welcome.ts"),
                    "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    qapp.installTranslator(translator)
    dialog = WelcomeDialog(store, today=TODAY, language="en")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    yield dialog
    qapp.removeTranslator(translator)


def test_welcome_is_complete_in_english(english_welcome):
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel

    save_screenshot(english_welcome, "welcome_en")
    assert english_welcome.windowTitle() == "Welcome"
    texts = [w.text() for w in english_welcome.findChildren(QLabel)]
    texts += [w.text() for w in english_welcome.findChildren(QAbstractButton)]
    texts += [w.title() for w in english_welcome.findChildren(QGroupBox)]
    japanese = [t for t in texts
                if any("\u3040" <= c <= "\u30ff" or "\u4e00" <= c <= "\u9fff" for c in t)]
    assert not japanese, japanese
    assert "NGUYEN VAN MAU" in " ".join(texts)


def test_sample_is_marked_as_a_sample_in_the_case_list(qtbot, store, japanese):
    from assistant.model.sample import create_sample_case
    from assistant.ui.case_list import CASE_ID_ROLE, CaseTableModel

    sample = create_sample_case(store, TODAY)
    store.create("renewal", {"name": "LI MING"})
    model = CaseTableModel(store)
    model.reload()
    shown = {model.index(r, 0).data(CASE_ID_ROLE): model.index(r, 0).data()
             for r in range(model.rowCount())}
    assert shown[sample.id] == "【サンプル】NGUYEN VAN MAU"
    assert "LI MING" in shown.values()
    tips = [model.index(r, 0).data(Qt.ItemDataRole.ToolTipRole) for r in range(model.rowCount())]
    assert any(tip and "サンプル" in tip for tip in tips)


def test_new_office_sees_the_welcome_then_the_sample_selected_in_the_list(qtbot, main_window,
                                                                           store):
    from assistant.ui.welcome import welcome_new_office

    def press_start():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, WelcomeDialog)
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, press_start)
    sample = welcome_new_office(main_window)
    assert sample is not None
    assert main_window.list_page.current_case_id() == sample.id
    assert main_window.model.rowCount() == 1
    name_column = main_window.list_page.table.horizontalHeader().sectionSize(0)
    shown = main_window.model.index(0, 0).data()
    assert shown.startswith("【サンプル】")
    assert name_column >= main_window.list_page.table.fontMetrics().horizontalAdvance(shown), \
        "the sample mark and the name are not cut off"
    save_screenshot(main_window, "welcome_sample_in_list_ja")
    assert welcome_new_office(main_window) is None, "greeted once only"


def test_the_sample_opens_in_the_wizard_marked_as_a_sample(qtbot, main_window, store):
    from assistant.model.sample import create_sample_case

    sample = create_sample_case(store, TODAY)
    main_window.reload_cases()
    main_window.open_case(sample.id)
    assert main_window.editor is not None
    assert main_window.editor.title().startswith("【サンプル】NGUYEN VAN MAU")
    assert "【サンプル】" in main_window.windowTitle()
    save_screenshot(main_window, "welcome_sample_wizard_ja")


def test_the_welcome_names_the_menu_entry_that_exists(qtbot, welcome, main_window, store):
    """"Register later under 事務所 → 担当者とログイン情報": the words of the real menu."""
    from PySide6.QtWidgets import QLabel

    from assistant.ui.office.integration import attach_office

    attachment = attach_office(main_window, store)

    def plain(text: str) -> str:
        return text.replace("(&O)", "").replace("(&S)", "").replace("&", "").rstrip("…")

    menu = plain(next(action.text() for action in main_window.menuBar().actions()
                      if action.menu() and attachment.staff_action in action.menu().actions()))
    entry = plain(attachment.staff_action.text())
    explained = " ".join(label.text() for label in welcome.findChildren(QLabel))
    assert f"「{menu}」メニューの「{entry}」" in explained
