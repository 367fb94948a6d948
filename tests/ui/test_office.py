"""Office widgets: credentials panel and clipboard, expiry banner, profile dialog, crash dialog."""

from __future__ import annotations

import os
import sqlite3
import sys
import threading
from datetime import date
from pathlib import Path

import keyring.backends.fail
import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox

from assistant import crash
from assistant.model.credentials import CredentialStore, InMemoryKeyring
from assistant.model.expiry import expiry_warnings
from assistant.model.office import (
    OfficeStore,
    StaffCategory,
    StaffProfile,
    create_staff_table,
)
from assistant.ui.office.clipboard import SecretClipboard, default_clear_ms
from assistant.ui.office.credentials_panel import CredentialsPanel
from assistant.ui.office.exception_dialog import CrashBridge
from assistant.ui.office.expiry_banner import ExpiryBanner
from assistant.ui.office.office_dialog import OfficeDialog
from assistant.ui.office.profile_dialog import StaffProfileDialog

TODAY = date(2026, 11, 26)
# The offscreen platform warns that it cannot propagate size hints when a window is shown;
# that is the test platform talking, not the widgets.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
SHOTS = os.environ.get("ASSISTANT_SCREENSHOTS")


def shot(widget, name: str) -> None:
    """Save a PNG of ``widget`` when ASSISTANT_SCREENSHOTS names a folder."""
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def staff(**changes) -> StaffProfile:
    profile = StaffProfile(id="s1", name="法務　太郎", category=StaffCategory.GYOSEISHOSHI,
                           certificate_number="123456789012", email="taro@example.jp",
                           password_set_on=date(2026, 4, 1))
    for key, value in changes.items():
        setattr(profile, key, value)
    return profile


@pytest.fixture
def stored():
    store = CredentialStore(InMemoryKeyring())
    store.set_auth_id("s1", "AUTH-ID-77")
    store.set_password("s1", "pw-for-login-1")
    return store


def test_clipboard_default_is_30_seconds_from_resources():
    assert default_clear_ms() == 30_000


def test_copy_password_then_clipboard_is_cleared(qtbot, stored):
    panel = CredentialsPanel(stored, staff(), clear_after_ms=200)
    qtbot.addWidget(panel)
    assert panel.copy_password_button.isEnabled()
    panel.copy_password_button.click()
    clipboard = QGuiApplication.clipboard()
    assert clipboard.text() == "pw-for-login-1"
    assert "クリップボードにコピーしました" in panel.message_label.text()
    with qtbot.waitSignal(panel.clipboard.cleared, timeout=3000):
        pass
    assert clipboard.text() == ""
    assert panel.message_label.text() == "クリップボードを消去しました。"


def test_clipboard_left_alone_if_user_copied_something_else(qtbot, stored):
    panel = CredentialsPanel(stored, staff(), clear_after_ms=200)
    qtbot.addWidget(panel)
    panel.copy_id_button.click()
    assert QGuiApplication.clipboard().text() == "AUTH-ID-77"
    QGuiApplication.clipboard().setText("住所のメモ")
    with qtbot.waitSignal(panel.clipboard.cleared, timeout=3000):
        pass
    assert QGuiApplication.clipboard().text() == "住所のメモ"


def test_clipboard_still_cleared_after_the_dialog_is_closed(qtbot, stored):
    panel = CredentialsPanel(stored, staff(), clear_after_ms=200)
    panel.copy_password_button.click()
    guard = panel.clipboard
    with qtbot.waitSignal(guard.destroyed, timeout=3000):
        panel.deleteLater()   # the user closes the dialog right after copying
        qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == "", timeout=3000)


def test_clipboard_guard_restarts_countdown_on_second_copy(qtbot):
    from PySide6.QtCore import QElapsedTimer

    guard = SecretClipboard(clear_after_ms=300)
    guard.copy("first-secret")
    qtbot.wait(150)
    since_second = QElapsedTimer()
    guard.copy("second-secret")
    since_second.start()
    assert QGuiApplication.clipboard().text() == "second-secret"
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == "", timeout=3000)
    # cleared a full countdown after the second copy, not when the first one would have ended
    # (measured, so a busy machine only makes the wait longer, never the test fail)
    assert since_second.elapsed() >= 290, since_second.elapsed()


def test_panel_shows_status_and_saves_new_password(qtbot):
    store = CredentialStore(InMemoryKeyring())
    panel = CredentialsPanel(store, staff())
    qtbot.addWidget(panel)
    assert panel.id_status.text() == "未保存"
    assert not panel.copy_password_button.isEnabled()
    panel.id_edit.setText("NEW-ID")
    panel.password_edit.setText("new-pass-9")
    with qtbot.waitSignal(panel.passwordSaved) as saved:
        panel.save_button.click()
    assert saved.args == ["s1"]
    assert store.get_password("s1") == "new-pass-9"
    assert panel.password_edit.text() == "" and panel.id_status.text() == "保存済み"
    assert "2027年4月1日（令和9年）" in panel.password_status.text()   # as the office reads dates
    panel.resize(520, 360)
    shot(panel, "office_credentials_panel")


def test_no_keyring_panel_says_so_and_keeps_typed_values(qtbot):
    panel = CredentialsPanel(CredentialStore(keyring.backends.fail.Keyring()), staff())
    qtbot.addWidget(panel)
    panel.resize(520, 420)
    panel.show()
    assert panel.unavailable_label.isVisible()
    assert "キーリング" in panel.unavailable_label.text()
    assert "ファイルに保存することもしません" in panel.unavailable_label.text()
    assert not panel.group.isEnabled()
    shot(panel, "office_credentials_no_keyring")


def test_locked_keyring_while_saving_keeps_what_was_typed(qtbot):
    class LocksLater(InMemoryKeyring):
        locked = False

        def set_password(self, service, username, password):
            if self.locked:
                raise keyring.errors.KeyringLocked("locked")
            super().set_password(service, username, password)

    backend = LocksLater()
    panel = CredentialsPanel(CredentialStore(backend), staff())
    qtbot.addWidget(panel)
    backend.locked = True
    panel.password_edit.setText("typed-not-lost")
    panel.save_button.click()
    assert panel.password_edit.text() == "typed-not-lost"
    assert "ロック" in panel.unavailable_label.text()


def test_expiry_banner_shows_current_warnings_most_urgent_first(qtbot):
    banner = ExpiryBanner()
    qtbot.addWidget(banner)
    banner.resize(900, 200)
    banner.show()
    profile = staff(password_set_on=date(2025, 11, 20), certificate_expiry=date(2026, 12, 20))
    banner.set_warnings(expiry_warnings(profile, TODAY))
    texts = banner.texts()
    assert len(texts) == 2 and banner.isVisible()
    assert "有効期限が切れました" in texts[0] and "ログイン画面" in texts[0]
    assert "あと24日" in texts[1] and "所属する単位会" in texts[1]
    assert banner.labels[0].property("severity") == "error"
    banner.resize(900, banner.sizeHint().height())
    shot(banner, "office_expiry_banner")
    banner.set_warnings([])
    assert banner.isHidden()


def test_profile_dialog_validates_live_and_normalises(qtbot):
    dialog = StaffProfileDialog(None, TODAY)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    assert "氏名を入力してください" in dialog.problems_label.text()
    dialog.edits["name"].setText("法務　太郎")
    dialog.category_combo.setCurrentIndex(1)
    dialog.edits["certificate_number"].setText("12345678901A")
    assert "数字だけ" in dialog.problems_label.text() and not ok.isEnabled()
    dialog.edits["certificate_number"].setText("１２３４５６７８９０１２")
    dialog.edits["certificate_expiry"].setText("2027-13-01")
    assert "YYYY-MM-DD" in dialog.problems_label.text() and not ok.isEnabled()
    dialog.edits["certificate_expiry"].setText("2027-03-31")
    assert ok.isEnabled()
    profile = dialog.profile()
    assert profile.category is StaffCategory.GYOSEISHOSHI
    assert profile.certificate_expiry == date(2027, 3, 31)
    dialog.show()
    shot(dialog, "office_profile_dialog")


def test_profile_dialog_offers_the_templates_prefectures_and_municipalities(qtbot):
    dialog = StaffProfileDialog(staff(), TODAY)
    qtbot.addWidget(dialog)
    prefectures = dialog.completers["prefecture"].model().stringList()
    assert "東京都" in prefectures and "北海道" in prefectures
    dialog.edits["prefecture"].setText("大阪府")
    cities = dialog.completers["municipality"].model().stringList()
    assert "大阪市北区" in cities and "千代田区" not in cities
    dialog.edits["municipality"].setText("千代田区")  # not in 大阪府
    assert "「千代田区」は「大阪府」の市区町村ではありません" in dialog.problems_label.text()


def test_office_dialog_works_from_the_keyboard(qtbot, tmp_path):
    """Enter on a staff member opens the form, Alt+letters reach the buttons, a 閉じる button."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    db = sqlite3.connect(tmp_path / "cases.sqlite")
    create_staff_table(db)
    office = OfficeStore(db)
    office.save(staff())
    dialog = OfficeDialog(office, CredentialStore(InMemoryKeyring()), TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for button in (dialog.add_button, dialog.edit_button, dialog.current_button,
                   dialog.panel.save_button, dialog.panel.copy_id_button,
                   dialog.panel.copy_password_button):
        assert "(&" in button.text(), button.text()  # a mnemonic the user can press
    opened = []

    def close_forms():  # any form opened is noted and closed (a test must not hang)
        form = QApplication.activeModalWidget()
        if form is not None and form is not dialog:
            opened.append(form)
            form.reject()

    closer = QTimer(dialog)
    closer.timeout.connect(close_forms)
    closer.start(10)
    dialog.staff_list.setFocus()
    qtbot.keyClick(dialog.staff_list, Qt.Key.Key_Return)
    assert len(opened) == 1 and isinstance(opened[0], StaffProfileDialog)
    assert opened[0].edits["name"].text() == "法務　太郎"  # the selected member, to edit
    assert len(opened) == 1  # only the edit form (Enter used to open the 追加 form as well)
    assert dialog.isVisible()
    # Enter in the password field saves it, and opens nothing.
    dialog.panel.password_edit.setFocus()
    qtbot.keyClicks(dialog.panel.password_edit, "pw-typed")
    qtbot.keyClick(dialog.panel.password_edit, Qt.Key.Key_Return)
    assert len(opened) == 1 and dialog.panel.password_edit.text() == ""
    assert dialog.panel.copy_password_button.isEnabled()
    assert dialog.close_button.text() == "閉じる"
    with qtbot.waitSignal(dialog.finished, timeout=1000):
        qtbot.keyClick(dialog.staff_list, Qt.Key.Key_Escape)


def test_profile_form_fits_a_small_screen_with_its_ok_button(qtbot):
    """1366x768, or 1920x1080 at 150 % (720 logical pixels) less the task bar and title bar."""
    dialog = StaffProfileDialog(None, TODAY)  # empty: every problem line is shown
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.height() <= 600, dialog.height()
    assert dialog.width() <= 1000, dialog.width()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.rect().contains(ok.geometry().translated(dialog.buttons.pos()))


def test_office_dialog_lists_staff_and_records_password_date(qtbot, tmp_path):
    db = sqlite3.connect(tmp_path / "cases.sqlite")
    create_staff_table(db)
    office = OfficeStore(db)
    office.save(staff())
    office.save(staff(id="s2", name="入管　花子"))
    dialog = OfficeDialog(office, CredentialStore(InMemoryKeyring()), TODAY)
    qtbot.addWidget(dialog)
    assert [dialog.staff_list.item(i).text() for i in range(2)] == ["★ 法務　太郎", "　 入管　花子"]
    dialog.staff_list.setCurrentRow(1)
    with qtbot.waitSignal(dialog.staffChanged):
        dialog.current_button.click()
    assert office.current().id == "s2"
    dialog.panel.password_edit.setText("hanako-pass")
    with qtbot.waitSignal(dialog.staffChanged):
        dialog.panel.save_button.click()
    assert office.get("s2").password_set_on == TODAY
    dialog.show()
    shot(dialog, "office_dialog")


def test_crash_on_worker_thread_opens_dialog_on_gui_thread(qtbot, tmp_path):
    handler = crash.CrashHandler(tmp_path / "logs")
    bridge = CrashBridge()
    bridge.attach(handler)
    store = CredentialStore(InMemoryKeyring())
    store.set_password("s1", "crash-secret-1")

    def work():
        password = store.get_password("s1")
        try:
            raise ValueError(f"bad login with {password}")
        except ValueError:
            handler.handle(*sys.exc_info(), thread_name="worker")

    with qtbot.waitSignal(bridge.reported, timeout=3000):
        worker = threading.Thread(target=work)
        worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(bridge.dialogs) == 1, timeout=3000)
    dialog = bridge.dialogs[0]
    qtbot.addWidget(dialog)
    assert dialog.thread() is QGuiApplication.instance().thread()
    assert "crash-secret-1" not in dialog.details.toPlainText()
    assert "ValueError" in dialog.details.toPlainText()
    assert str(tmp_path / "logs") in dialog.message.text()
    shot(dialog, "office_exception_dialog")


def test_attach_office_adds_banner_and_menu_to_a_main_window(qtbot, tmp_path):
    from PySide6.QtWidgets import QLabel, QMainWindow

    from assistant.model.storage import CaseStore
    from assistant.ui.office.integration import attach_office

    with CaseStore.open(tmp_path / "cases.sqlite") as cases:
        OfficeStore(cases).save(staff(certificate_expiry=date(2026, 11, 27)))
        window = QMainWindow()
        qtbot.addWidget(window)
        window.setCentralWidget(QLabel("案件一覧"))
        attachment = attach_office(window, cases, today=lambda: TODAY)
        titles = [a.text() for a in window.menuBar().actions()]
        assert titles == ["事務所(&O)"]
        assert attachment.staff_action.text() == "担当者とログイン情報(&S)…"
        assert attachment.banner.texts() and "あと1日" in attachment.banner.texts()[0]
        assert window.centralWidget().findChild(QLabel, "") is not None
        window.resize(900, 400)
        shot(window, "office_main_window_banner")
        later = [date(2026, 11, 28)]   # the app stayed open: two days later it has expired
        attachment._today = lambda: later[0]
        attachment.timer.timeout.emit()
        assert "有効期限が切れました" in attachment.banner.texts()[0]


@pytest.fixture
def english(qapp, tmp_path):
    """The office translations compiled from resources/i18n/en/office.ts and installed."""
    import shutil
    import subprocess

    from PySide6.QtCore import QTranslator

    from assistant.resources import resource_path

    tool = Path(sys.executable).parent / "pyside6-lrelease"
    lrelease = str(tool) if tool.exists() else shutil.which("pyside6-lrelease")
    if lrelease is None:
        pytest.skip("pyside6-lrelease not found (it comes with PySide6)")
    qm = tmp_path / "office_en.qm"
    subprocess.run([lrelease, str(resource_path("i18n", "en", "office.ts")), "-qm", str(qm)],
                   check=True, capture_output=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


def test_office_screens_in_english(qtbot, english, tmp_path):
    db = sqlite3.connect(tmp_path / "cases.sqlite")
    create_staff_table(db)
    office = OfficeStore(db)
    office.save(staff())
    dialog = OfficeDialog(office, CredentialStore(keyring.backends.fail.Keyring()), TODAY,
                          language="en")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Office staff"
    assert dialog.current_button.text() == "&Make current user"
    assert dialog.panel.copy_password_button.text() == "Copy &password"
    assert dialog.close_button.text() == "Close"
    assert "No secure password store" in dialog.panel.unavailable_label.text()
    dialog.show()
    shot(dialog, "office_dialog_en")
    profile = StaffProfileDialog(staff(), TODAY, language="en")
    qtbot.addWidget(profile)
    assert profile.windowTitle() == "Staff member's registration details"
    assert "Enter" in profile.problems_label.text() or "not recorded" in \
        profile.problems_label.text()
    profile.show()
    shot(profile, "office_profile_dialog_en")


def test_new_case_from_the_main_window_has_the_current_staff_in_the_agent_block(
        main_window, store, monkeypatch):
    import assistant.ui.new_case as new_case

    class ChooseRenewal:  # stands in for the user picking 在留期間更新 in the dialog
        DialogCode = new_case.NewCaseDialog.DialogCode

        def __init__(self, parent):
            pass

        def exec(self):
            return self.DialogCode.Accepted

        def procedure(self):
            return "renewal"

    OfficeStore(store).save(staff(office_name="法務行政書士事務所", phone="03-1234-5678"))
    monkeypatch.setattr(new_case, "NewCaseDialog", ChooseRenewal)
    before = {s.id for s in store.list_summaries()}
    main_window.new_case()
    [created] = [s.id for s in store.list_summaries() if s.id not in before]
    values = store.get(created).values
    assert values["agent_name"] == "法務　太郎"
    assert values["agent_organization"] == "法務行政書士事務所"
    assert values["agent_phone"] == "0312345678"
