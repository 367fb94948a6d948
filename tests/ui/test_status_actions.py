"""The steps after filing in the main window, by keyboard: Ctrl+T, the chooser, the step dialog.

A real store; ``ask.choose`` (a QInputDialog) is replaced to see what is offered and pick; the
step dialog itself is typed into with the keyboard.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from assistant.model.case import CaseStatus, ReceiptMethod
from assistant.model.office import OfficeStore, StaffProfile
from assistant.ui import ask
from assistant.ui.case_list import CASE_ID_ROLE
from assistant.ui.ops.events import CaseChange
from assistant.ui.status_actions import StepDialog

S = CaseStatus


def _ready_case(store) -> str:
    office = OfficeStore(store)
    office.set_current(office.save(StaffProfile(id=StaffProfile.new_id(), name="行政　花子")).id)
    case = store.create("renewal", {"name": "NGUYEN VAN A", "expiry_date": "20270115"})
    store.set_receipt_method(case.id, ReceiptMethod.COUNTER)
    store.set_status(case.id, S.READY)
    return case.id


def _type(widget, text: str) -> None:
    """Key presses carrying ``text`` (QTest's keyClicks takes ASCII only; kana and kanji come
    as the input method commits them: a key event with the text)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier,
                                                     char))


def _type_into_dialog(qtbot, steps: list[str | Qt.Key], seen: list[StepDialog]) -> None:
    """When the step dialog opens: type ``steps`` (text, or a key) where the focus is."""
    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, StepDialog):
            QTimer.singleShot(20, act)
            return
        seen.append(dialog)
        for step in steps:
            target = dialog.focusWidget() or dialog
            if isinstance(step, str):
                _type(target, step)
            elif isinstance(step, tuple):
                qtbot.keyClick(target, *step)
            else:
                qtbot.keyClick(target, step)
    QTimer.singleShot(0, act)


def _step(qtbot, window, monkeypatch, label: str, keys: list[str | Qt.Key],
          offered: list[list[str]]) -> StepDialog:
    def choose(_parent, _title, _label, items, current=0):
        offered.append(list(items))
        return label
    monkeypatch.setattr(ask, "choose", choose)
    seen: list[StepDialog] = []
    _type_into_dialog(qtbot, keys, seen)
    # (offscreen has no window manager to give the focus back when a dialog closes)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.list_page.table.setFocus()
    qtbot.keyClick(window.list_page.table, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(seen))
    return seen[0]


def test_keyboard_only_from_ready_to_completed(qtbot, main_window, store, monkeypatch):
    window = main_window
    case_id = _ready_case(store)
    window.events.publish(CaseChange.everything())
    window.list_page.select_case(case_id)
    window.list_page.table.setFocus()
    checklists = []
    monkeypatch.setattr(window.exports, "_preview", lambda document: checklists.append(document))
    warnings = []
    monkeypatch.setattr(ask, "warning", lambda _p, _t, text: warnings.append(text))
    offered: list[list[str]] = []
    tab, enter = Qt.Key.Key_Tab, Qt.Key.Key_Return

    _step(qtbot, window, monkeypatch, "申請済", ["東オンEN25001877", enter], offered)
    assert offered[-1] == ["申請済", "取下げ"]                  # 完了 is not offered
    qtbot.waitUntil(lambda: store.get(case_id).status is S.FILED)
    row = window.model.rows[window.model.row_of(case_id)]
    assert (row.status_label, row.application_number) == ("申請済", "東オンEN25001877")

    _step(qtbot, window, monkeypatch, "受付済", ["東オンEN25001878", enter], offered)
    qtbot.waitUntil(lambda: store.get(case_id).status is S.ACCEPTED)
    assert window.model.rows[window.model.row_of(case_id)].application_number == \
        "東オンEN25001878"

    # 追完待ち: the date field first, then the due date and the note
    _step(qtbot, window, monkeypatch, "追完待ち",
          [tab, "2026-12-10", tab, "課税証明書", enter], offered)  # date (today) kept
    qtbot.waitUntil(lambda: store.get(case_id).status is S.AWAITING_DOCUMENTS)
    waiting = store.history(case_id)[-1]
    assert (waiting.due, waiting.note, waiting.user) == ("2026-12-10", "課税証明書", "行政　花子")

    _step(qtbot, window, monkeypatch, "審査完了", [enter], offered)
    qtbot.waitUntil(lambda: store.get(case_id).status is S.REVIEW_COMPLETE)
    qtbot.waitUntil(lambda: bool(checklists))                  # the result checklist is shown
    assert "窓口" in checklists[-1].title or "窓口" in str(checklists[-1])

    _step(qtbot, window, monkeypatch, "完了", [tab, "1年", tab, "2027-03-10", enter], offered)
    qtbot.waitUntil(lambda: store.get(case_id).status is S.COMPLETED)
    assert store.history(case_id)[-1].granted_expiry == "2027-03-10"
    assert offered[-1] == ["完了", "不許可"]
    assert warnings == []
    assert window.model.rows[window.model.row_of(case_id)].status_label == "完了"
    # the 期限 view now shows this person's next renewal window (opens 2026-12-10)
    from assistant.ui.deadlines_view import DeadlinesDialog

    view = DeadlinesDialog(store, window.settings, window.today, window)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: not view.loading)   # collected in a worker thread
    rows = [[view.table.item(r, c).text() for c in range(4)] for r in range(view.table.rowCount())]
    assert ["2026年12月10日", "あと 14 日", "次の更新"] in [r[:3] for r in rows]
    [row] = [r for r in range(view.table.rowCount()) if view.table.item(r, 2).text() == "次の更新"]
    assert view.table.item(row, 0).toolTip() == "2026年12月10日（令和8年）"   # the era in the tip
    # nothing more to offer; the next renewal is
    window.status_actions.update()
    assert not window.status_actions.next_step_action.isEnabled()
    assert window.status_actions.next_renewal_action.isVisible()


def test_a_step_with_an_unreadable_date_keeps_the_dialog_and_what_was_typed(
        qtbot, main_window, store, monkeypatch):
    window = main_window
    case_id = _ready_case(store)
    window.events.publish(CaseChange.everything())
    window.list_page.select_case(case_id)
    errors = []

    kept = []

    def reopened() -> None:  # the dialog comes back with what was typed; then cancel it
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, StepDialog):
            QTimer.singleShot(20, reopened)
            return
        kept.append((dialog.number.text(), dialog.on.text()))
        dialog.reject()

    def error(_parent, exc, _title=""):
        errors.append(exc.message("ja"))
        QTimer.singleShot(0, reopened)
    monkeypatch.setattr(ask, "error", error)
    offered: list[list[str]] = []
    select_all = (Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    _step(qtbot, window, monkeypatch, "申請済",
          ["東オンEN25001877", Qt.Key.Key_Tab, select_all, "2026-13-45", Qt.Key.Key_Return],
          offered)
    qtbot.waitUntil(lambda: bool(kept))
    assert "日付" in errors[0]
    assert kept == [("東オンEN25001877", "2026-13-45")]
    assert store.get(case_id).status is S.READY


def test_only_legal_steps_are_in_the_menu_and_next_renewal_opens_the_new_case(
        qtbot, main_window, store, monkeypatch):
    window = main_window
    case_id = _ready_case(store)
    window.events.publish(CaseChange.everything())
    window.list_page.select_case(case_id)
    actions = window.status_actions
    actions.update()
    visible = {t for t, a in actions.step_actions.items() if a.isVisible()}
    assert visible == {S.FILED, S.WITHDRAWN}
    assert not actions.next_renewal_action.isVisible()
    from datetime import date

    from assistant.model import filing

    for target, kw in ((S.FILED, {"number": "東オンEN1"}), (S.REVIEW_COMPLETE, {}),
                       (S.COMPLETED, {"expiry": date(2032, 1, 15)})):
        filing.perform_step(store, case_id, filing.StepRequest(target, **kw),
                            today=date(2026, 11, 26))
    window.events.publish(CaseChange.edited((case_id,)))
    actions.update()
    assert {t for t, a in actions.step_actions.items() if a.isVisible()} == set()
    actions.next_renewal_action.trigger()
    qtbot.waitUntil(lambda: window.editor is not None)
    new = store.get(window.editor.case_id)
    assert new.id != case_id and new.values["expiry_date"] == "20320115"
    assert "zairyu_card_number" not in new.values


def test_the_deadlines_view_then_shows_the_next_renewal_window(qtbot, main_window, store):
    from datetime import date

    from assistant.model import filing
    from assistant.ui.deadlines_view import DeadlinesDialog

    window = main_window
    case_id = _ready_case(store)
    waiting = store.create("renewal", {"name": "GUEN VAN B"}).id
    store.set_status(waiting, S.READY)
    today = date(2026, 11, 26)
    for cid, steps in ((case_id, ((S.FILED, {"number": "東オンEN1"}), (S.REVIEW_COMPLETE, {}),
                                  (S.COMPLETED, {"expiry": date(2027, 3, 10)}))),
                       (waiting, ((S.FILED, {"number": "東オンEN2"}),
                                  (S.AWAITING_DOCUMENTS, {"note": "x", "due": today})))):
        for target, kw in steps:
            filing.perform_step(store, cid, filing.StepRequest(target, **kw), today=today)
    window.events.publish(CaseChange.everything())
    # the start summary: 「今週が期限: 1 件」 (the 追完 due today), a button opening the view
    qtbot.waitUntil(lambda: window.week_button.isVisible())
    assert window.week_button.text() == "今週が期限: 1 件"
    seen = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, DeadlinesDialog) or dialog.loading:
            QTimer.singleShot(20, look)
            return
        seen.append([[dialog.table.item(r, c).text() for c in range(4)]
                     for r in range(dialog.table.rowCount())])
        # Enter on the renewal window's row opens that case
        dialog.table.selectRow(1)
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    QTimer.singleShot(0, look)
    qtbot.keyClick(window.list_page.table, Qt.Key.Key_D,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: bool(seen))
    rows = seen[0]
    # the days as the office reads them
    assert rows[0][:3] == ["2026年11月26日", "今日", "追完期限"]
    assert rows[1][:3] == ["2026年12月10日", "あと 14 日", "次の更新"]
    assert "NGUYEN VAN A" in rows[1][3] and "2027年3月9日（令和9年）まで" in rows[1][3]
    qtbot.waitUntil(lambda: window.editor is not None and window.editor.case_id == case_id)


def test_the_list_search_finds_katakana_employer_card_and_application_numbers(
        qtbot, main_window, store):
    from datetime import date

    from assistant.model import filing

    window = main_window
    nguyen = store.create("renewal", {"name": "NGUYEN VAN A", "name_kana": "グエン　バン　ア",
                                      "employer_name": "株式会社サクラ食品",
                                      "zairyu_card_number": "AB12345678CD"}).id
    other = store.create("renewal", {"name": "WANG WEI"}).id
    store.set_status(nguyen, S.READY)
    filing.perform_step(store, nguyen, filing.StepRequest(S.FILED, number="東オンEN25001878"),
                        today=date(2026, 11, 26))
    window.events.publish(CaseChange.everything())
    page = window.list_page

    def shown() -> set[str]:
        return {page.model.index(r, 0).data(CASE_ID_ROLE) for r in range(page.model.rowCount())}

    for typed in ("グエン", "ｻｸﾗ", "ab1234", "EN25001878"):
        page.search.clear()
        page.search.setFocus()
        _type(page.search, typed)
        assert shown() == {nguyen}, typed
    page.search.clear()
    assert shown() == {nguyen, other}
    # an edit elsewhere while a search is shown: the list follows
    _type(page.search, "モミジ")
    assert shown() == set()
    store.set_values(other, {"employer_name": "有限会社モミジ"})
    window.events.publish(CaseChange.edited((other,)))
    assert shown() == {other}


def test_a_new_case_gets_the_current_staff_member_in_charge(qtbot, main_window, store,
                                                           monkeypatch):
    from assistant.ui.new_case import NewCaseDialog

    office = OfficeStore(store)
    office.set_current(office.save(StaffProfile(id=StaffProfile.new_id(), name="行政　花子")).id)
    monkeypatch.setattr(NewCaseDialog, "exec", lambda self: NewCaseDialog.DialogCode.Accepted)
    monkeypatch.setattr(NewCaseDialog, "procedure", lambda self: "renewal")
    main_window.new_case()
    qtbot.waitUntil(lambda: main_window.editor is not None)
    case_id = main_window.editor.case_id
    row = main_window.model.rows[main_window.model.row_of(case_id)]
    assert row.staff == "行政　花子"
    column = list(main_window.model._headers).index("担当者")  # noqa: SLF001
    assert main_window.model.index(main_window.model.row_of(case_id), column).data() == \
        "行政　花子"


def test_the_deadline_thresholds_are_settings_the_dialog_changes(qtbot, settings):
    from assistant.model.settings import DEADLINE_CLOSING_DAYS, DEADLINE_RESULT_DAYS
    from assistant.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.deadline_days["deadline_closing_days"].value() == 30
    dialog.deadline_days["deadline_closing_days"].setValue(45)
    dialog.deadline_days["deadline_result_days"].setValue(90)
    dialog._on_buttons_accepted()  # noqa: SLF001 - the OK button's slot
    assert (settings.get(DEADLINE_CLOSING_DAYS), settings.get(DEADLINE_RESULT_DAYS)) == (45, 90)


def test_the_deadlines_view_writes_the_ics_file_and_again_with_the_same_uids(
        qtbot, main_window, store, tmp_path, monkeypatch):
    from icalendar import Calendar

    from assistant.ui.deadlines_view import DeadlinesDialog

    store.create("renewal", {"name": "CLOSING SOON", "expiry_date": "20261210"})
    target = tmp_path / "out" / "deadlines.ics"
    target.parent.mkdir()
    monkeypatch.setattr(ask, "save_file", lambda *_args: target)
    told = []
    monkeypatch.setattr(ask, "information", lambda _p, _t, text: told.append(text))
    view = DeadlinesDialog(store, main_window.settings, main_window.today, main_window)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: not view.loading)   # collected in a worker thread
    view.export_ics()
    first = [str(e["UID"]) for e in Calendar.from_ical(target.read_bytes()).walk("VEVENT")]
    assert len(first) == 1 and told and str(target) in told[-1]
    view.export_ics()  # the save dialog has asked about replacing it
    again = [str(e["UID"]) for e in Calendar.from_ical(target.read_bytes()).walk("VEVENT")]
    assert again == first
