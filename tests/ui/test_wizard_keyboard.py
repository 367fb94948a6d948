"""Complete cases with the keyboard alone, from the main window to 入力完了."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from assistant.model.case import CaseStatus, ReceiptMethod
from assistant.model.wizard import Step
from tests.ui.keyboard import fill, go_to_step, press, tab_to

RENEWAL = [
    # Step 1: the window needs the expiry date; era input is accepted.
    ("expiry_date", "令和9年1月15日"),
    ("current_status", "技術・人文"),
    ("desired_period", "5年"),
    # Step 2-1
    ("nationality", "viet"),
    ("birth_date", "1995-04-01"),
    ("name", "nguyen van an"),
    ("sex", "男"),
    ("has_spouse", "無"),
    ("occupation", "会社員"),
    ("home_address", "ハノイ"),
    ("postal_code", "１６００００４"),
    ("address_prefecture", "東京都"),
    ("address_municipality", "新宿区"),
    ("address_street", "西新宿２－８－１"),
    ("mobile", "090-1234-5678"),
    ("email", "an@example.jp"),
    ("period_of_stay", "5年"),
    ("has_zairyu_card", "有"),
    ("zairyu_card_number", "ab12345678cd"),
    ("reason", "引き続き同じ会社で働くため"),
    ("criminal_record", "無"),
    ("has_relatives", "無"),
    # Step 3
    ("notification_email", "an@example.jp"),
    ("intent_confirmed", " "),
]


def new_case_by_keyboard(qtbot, window, procedure_label: str) -> None:
    """Ctrl+N, choose the procedure in the list with the arrow keys, Enter."""
    from assistant.ui.new_case import NewCaseDialog

    def choose():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NewCaseDialog)
        procedures = dialog.procedures
        qtbot.keyClick(procedures, Qt.Key.Key_Home)
        for _ in range(procedures.count()):
            if procedures.currentItem().text() == procedure_label:
                break
            qtbot.keyClick(procedures, Qt.Key.Key_Down)
        if procedures.currentItem().text() != procedure_label:
            dialog.reject()  # the test fails below instead of hanging on the dialog
            return
        qtbot.keyClick(procedures, Qt.Key.Key_Return)

    QTimer.singleShot(0, choose)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.editor is not None, f"{procedure_label} not offered"
    # The window becomes active again when the dialog has gone (asynchronous).
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)


def choose_receipt(editor, label_start: str) -> None:
    go_to_step(editor, Step.CONFIRM)
    buttons = [b for b in editor.receipt_buttons.values() if b.isEnabled()]
    tab_to(buttons[0].text())
    for _ in range(4):
        if QApplication.focusWidget().text().startswith(label_start):
            break
        press(Qt.Key.Key_Down)
    press(Qt.Key.Key_Space)
    assert QApplication.focusWidget().text().startswith(label_start)


def finish_by_keyboard(qtbot, window, monkeypatch) -> list[str]:
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda _p, _t, text, *a: messages.append(text))
    editor = window.editor
    go_to_step(editor, Step.CONFIRM)
    press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    return messages


def test_a_complete_renewal_by_keyboard(qtbot, main_window, store, monkeypatch):
    new_case_by_keyboard(qtbot, main_window, "在留期間更新許可申請")
    editor = main_window.editor
    assert editor.current_step() is Step.SELECT
    for key, keys in RENEWAL:
        fill(editor, key, keys)
    choose_receipt(editor, "郵送")

    # Normalised when the field was left: era and ISO dates, widths, capitals, punctuation.
    case = store.get(editor.case_id)
    assert case.values["expiry_date"] == "20270115"
    assert case.values["birth_date"] == "19950401"
    assert case.values["name"] == "NGUYEN VAN AN"
    assert case.values["postal_code"] == "1600004"
    assert case.values["mobile"] == "09012345678"
    assert case.values["zairyu_card_number"] == "AB12345678CD"
    assert case.values["nationality"].startswith("ベトナム")
    assert case.values["address_municipality"] == "新宿区"
    assert "申請可能" in editor.window_label.text()

    editor.revalidate()
    assert [p.message_ja for p in editor.problems if p.is_error] == []
    case_id = editor.case_id
    messages = finish_by_keyboard(qtbot, main_window, monkeypatch)
    assert messages and "入力完了" in messages[-1]
    stored = store.get(case_id)
    assert stored.status is CaseStatus.READY
    assert stored.receipt_method is ReceiptMethod.MAIL
    assert stored.values["intent_confirmed"].startswith("申請人")
    # Back on the list, the case shows as 入力完了.
    assert main_window.editor is None
    row = main_window.model.rows[main_window.model.row_of(case_id)]
    assert row.status_label == "入力完了"


CHANGE_STEP_1 = [
    ("expiry_date", "20270331"),
    ("current_status", "留学"),
    ("desired_status", "技術・人文"),
    ("desired_period", "3年"),
    ("simultaneous_reentry", " "),
]
CHANGE_APPLICANT = [
    ("nationality", "中国"),
    ("birth_date", "H12.5.20"),
    ("name", "WANG FANG"),
    ("sex", "女"),
    ("has_spouse", "有"),
    ("occupation", "留学生"),
    ("home_address", "北京市"),
    ("postal_code", "5300001"),
    ("address_prefecture", "大阪府"),
    ("address_municipality", "大阪市北区"),
    ("address_street", "梅田１－１－１"),
    ("phone", "0612345678"),
    ("email", "wang@example.jp"),
    ("period_of_stay", "2年"),
    ("has_zairyu_card", "有"),
    ("zairyu_card_number", "CD87654321EF"),
    ("reason", "大学を卒業し、大阪の会社に就職するため"),
    ("criminal_record", "無"),
    ("has_relatives", "有"),
]
RELATIVE = ["relationship", "name", "birth_date", "nationality", "lives_together"]
RELATIVES = [("夫", "リ　ウェイ", "19980101", "中国", "有"),
             ("母", "ワン　メイ", "1970-03-03", "中国", "無")]
REENTRY = [
    ("reentry_purpose_decided", "未定"),
    ("reentry_destination_decided", "未定"),
    ("reentry_departure_date_decided", "未定"),
    ("reentry_departure_port_decided", "未定"),
    ("reentry_return_date_decided", "未定"),
    ("reentry_return_port_decided", "未定"),
    ("reentry_permit_type", "数次"),
    ("reentry_criminal_record", "無"),
    ("reentry_pending_trial", "無"),
]
CHANGE_CONFIRM = [
    ("receipt_residence_prefecture", "大阪府"),
    ("receipt_office", "大阪出入国在留管理局"),
    ("notification_email", "wang@example.jp"),
    ("intent_confirmed", " "),
]


def test_a_complete_change_with_two_relatives_and_reentry_by_keyboard(
        qtbot, main_window, store, monkeypatch):
    new_case_by_keyboard(qtbot, main_window, "在留資格変更許可申請")
    editor = main_window.editor
    for key, keys in CHANGE_STEP_1 + CHANGE_APPLICANT:
        fill(editor, key, keys)
    # 在日親族: the group appears with one person; the second is added with the keyboard.
    box = editor.group_box("relatives")
    assert box.isVisible() and len(box.instances) == 1
    for number, person in enumerate(RELATIVES, start=1):
        if number > 1:
            tab_to(box.add_button.text())
            press(Qt.Key.Key_Space)
            assert len(box.instances) == number
        for member, keys in zip(RELATIVE, person, strict=True):
            fill(editor, f"relative_{member}[{number}]", keys)
    # Re-entry was chosen on Step 1, so its questions are on Step 2-3.
    for key, keys in REENTRY:
        fill(editor, key, keys)
    # A simultaneous re-entry application rules out mail; the reason is shown.
    go_to_step(editor, Step.CONFIRM)
    mail = next(b for label, b in editor.receipt_buttons.items() if label.startswith("郵送"))
    assert not mail.isEnabled()
    assert "再入国許可申請" in editor.receipt_reasons.text()
    choose_receipt(editor, "窓口")
    for key, keys in CHANGE_CONFIRM:
        fill(editor, key, keys)

    case_id = editor.case_id
    messages = finish_by_keyboard(qtbot, main_window, monkeypatch)
    assert messages and "入力完了" in messages[-1], [p.message_ja for p in editor.problems]
    stored = store.get(case_id)
    assert stored.procedure == "change"
    assert stored.status is CaseStatus.READY
    assert stored.receipt_method is ReceiptMethod.COUNTER
    values = stored.values
    assert values["birth_date"] == "20000520"          # H12.5.20
    assert values["relative_name[1]"] == "リ　ウェイ"
    assert values["relative_relationship[2]"].startswith("母")
    assert values["relative_birth_date[2]"] == "19700303"
    assert values["simultaneous_reentry"].startswith("再入国許可申請")
    assert values["reentry_permit_type"].startswith("数次")
    assert values["receipt_office"].startswith("大阪出入国在留管理局")
    assert "relative_name[3]" not in values
