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
        for _ in range(procedures.count()):
            if procedures.currentItem().text() == procedure_label:
                break
            qtbot.keyClick(procedures, Qt.Key.Key_Down)
        assert procedures.currentItem().text() == procedure_label
        qtbot.keyClick(procedures, Qt.Key.Key_Return)

    QTimer.singleShot(0, choose)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.editor is not None
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
