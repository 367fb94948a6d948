"""The main window as the office uses it: list, search, recycle bin, case files, settings."""

from __future__ import annotations

import json
import re

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from assistant.model.case import CaseStatus
from assistant.model.settings import CASE_LIST_STATE, LANGUAGE, RULE_PROFILE, WINDOW_GEOMETRY
from assistant.ui import ask
from tests.ui.conftest import TODAY


def visible_names(window) -> list[str]:
    model = window.list_page.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def fill(store):
    a = store.create("renewal", {"name": "NGUYEN VAN AN", "nationality": "ベトナム Viet Nam",
                                 "expiry_date": "20270115",
                                 "zairyu_card_number": "AB12345678CD"})
    b = store.create("change", {"name": "LI MING", "expiry_date": "20261210"})
    c = store.create("renewal", {"name": "SANTOS MARIA", "expiry_date": "20260301"})
    store.set_status(c.id, CaseStatus.READY)
    return a, b, c


def test_the_list_shows_every_case_in_words(qtbot, store, settings, japanese):
    from assistant.ui.main_window import MainWindow

    a, _b, _c = fill(store)
    window = MainWindow(store, settings, today=lambda: TODAY)
    qtbot.addWidget(window)
    model = window.model
    row = model.rows[model.row_of(a.id)]
    index = model.index(model.row_of(a.id), 0)
    texts = [model.index(index.row(), c).data() for c in range(model.columnCount())]
    assert texts[:3] == ["NGUYEN VAN AN", "ベトナム", "在留期間更新許可申請"]
    # dates as the office reads them (the era year in the tip), sorted chronologically
    assert texts[4] == "2027年1月15日"
    assert model.index(index.row(), 4).data(Qt.ItemDataRole.ToolTipRole) == \
        "2027年1月15日（令和9年）"
    assert texts[5] == "申請可能 あと49日"
    assert texts[6] == "下書き"
    assert row.zairyu_card_number == "AB12345678CD"
    assert "期限切れ" in [model.index(r, 5).data() for r in range(3)]
    assert window.count_label.text() == "案件 3 件"


def test_keyboard_search_and_filters(qtbot, store, main_window):
    fill(store)
    main_window.reload_cases()
    qtbot.keyClick(main_window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert main_window.list_page.search.hasFocus()
    qtbot.keyClicks(main_window.list_page.search, "ab1234")
    assert visible_names(main_window) == ["NGUYEN VAN AN"]
    assert main_window.count_label.text() == "案件 3 件中 1 件を表示"
    main_window.list_page.search.clear()
    status = main_window.list_page.status_filter
    status.setCurrentIndex(status.findData("ready"))
    assert visible_names(main_window) == ["SANTOS MARIA"]
    status.setCurrentIndex(0)
    procedure = main_window.list_page.procedure_filter
    procedure.setCurrentIndex(procedure.findData("change"))
    assert visible_names(main_window) == ["LI MING"]


def test_delete_goes_to_the_recycle_bin_and_comes_back(qtbot, store, main_window, monkeypatch):
    a, _b, _c = fill(store)
    main_window.reload_cases()
    main_window.list_page.select_case(a.id)
    main_window.list_page.table.setFocus()
    monkeypatch.setattr(ask, "question", lambda *args, **kw: True)
    qtbot.keyClick(main_window.list_page.table, Qt.Key.Key_Delete)
    assert "NGUYEN VAN AN" not in visible_names(main_window)
    assert [s.id for s in store.list_deleted()] == [a.id]

    from assistant.ui.trash import TrashDialog

    def restore_in_dialog():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, TrashDialog)
        assert dialog.cases.count() == 1
        assert "NGUYEN VAN AN" in dialog.cases.item(0).text()
        qtbot.keyClick(dialog.cases, Qt.Key.Key_Return)  # restore the selected case
        assert dialog.cases.count() == 0
        dialog.reject()

    QTimer.singleShot(0, restore_in_dialog)
    main_window.trash_action.trigger()
    assert "NGUYEN VAN AN" in visible_names(main_window)
    assert store.list_deleted() == []


def test_export_and_import_a_case_file(qtbot, store, main_window, monkeypatch, tmp_path):
    a, _b, _c = fill(store)
    main_window.reload_cases()
    main_window.list_page.select_case(a.id)
    target = tmp_path / "out" / "nguyen.json"
    target.parent.mkdir()
    monkeypatch.setattr(ask, "save_file",
                        lambda *args, **kw: target)
    qtbot.keyClick(main_window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["values"]["name"] == "NGUYEN VAN AN"

    monkeypatch.setattr(ask, "open_file", lambda *args, **kw: target)
    qtbot.keyClick(main_window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert visible_names(main_window).count("NGUYEN VAN AN") == 2
    assert len(store.list_summaries()) == 4


def test_a_broken_case_file_gets_a_message_and_changes_nothing(qtbot, store, main_window,
                                                               monkeypatch, tmp_path):
    fill(store)
    main_window.reload_cases()
    broken = tmp_path / "broken.json"
    broken.write_text("{ not json", encoding="utf-8")
    monkeypatch.setattr(ask, "open_file", lambda *args, **kw: broken)
    shown: list[str] = []
    monkeypatch.setattr(ask, "warning", lambda _p, _t, text, *a: shown.append(text))
    main_window.import_action.trigger()
    assert shown and "JSON" in shown[0]
    assert len(store.list_summaries()) == 3


def test_settings_dialog_changes_profile_and_asks_for_a_new_window_on_language(
        qtbot, main_window, settings):
    from assistant.ui.settings_dialog import SettingsDialog

    def choose():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SettingsDialog)
        dialog.profile.setCurrentIndex(dialog.profile.findData("system-2026"))
        dialog.language.setFocus()
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    QTimer.singleShot(0, choose)
    with qtbot.waitSignal(main_window.reload_requested, timeout=2000):
        main_window.settings_action.trigger()
    assert settings.get(RULE_PROFILE) == "system-2026"
    assert settings.get(LANGUAGE) == "en"


def test_an_empty_store_says_how_to_start(main_window):
    assert main_window.list_page.empty_hint.isVisible()
    assert "Ctrl+N" in main_window.list_page.empty_hint.text()
    assert not main_window.open_action.isEnabled()


def test_window_geometry_is_kept(qtbot, main_window, settings):
    main_window.resize(900, 600)
    main_window.close()
    assert settings.get(WINDOW_GEOMETRY)
    assert settings.get(CASE_LIST_STATE)


def test_a_search_that_finds_nothing_says_so_and_one_button_shows_every_case(
        qtbot, store, main_window):
    fill(store)
    main_window.reload_cases()
    page = main_window.list_page
    qtbot.keyClicks(page.search, "nobody")
    assert page.no_match.isVisible() and not page.table.isVisible()
    assert not page.empty_hint.isVisible()  # "no cases yet" would be wrong: there are three
    assert "条件に合う案件はありません" in page.no_match_label.text()
    qtbot.mouseClick(page.clear_filters_button, Qt.MouseButton.LeftButton)
    assert page.search.text() == ""
    assert page.table.isVisible() and not page.no_match.isVisible()
    assert len(visible_names(main_window)) == 3
    # A filter alone (no search text) that hides every case says the same.
    page.status_filter.setCurrentIndex(page.status_filter.findData(CaseStatus.REFUSED.value))
    assert page.no_match.isVisible()
    page.clear_filters_button.click()
    assert page.status_filter.currentIndex() == 0 and page.table.isVisible()


def test_an_empty_recycle_bin_says_so_and_enter_closes_it(qtbot, store, main_window):
    from assistant.ui.trash import TrashDialog

    dialog = TrashDialog(store, main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.empty_label.isVisible() and not dialog.cases.isVisible()
    assert "ゴミ箱は空です" in dialog.empty_label.text()
    assert not dialog.restore_button.isEnabled()
    with qtbot.waitSignal(dialog.finished, timeout=1000):
        qtbot.keyClick(dialog.close_button, Qt.Key.Key_Return)


def test_enter_in_the_recycle_bin_restores_only_the_selected_case(qtbot, store, main_window):
    from assistant.ui.trash import TrashDialog

    for name in ("AAA", "BBB", "CCC"):
        store.delete(store.create("renewal", {"name": name}).id)
    dialog = TrashDialog(store, main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.cases.setFocus()
    chosen = dialog.cases.currentItem().text()
    assert re.search(r"（削除: 20[0-9]{2}年[0-9]{1,2}月[0-9]{1,2}日（令和[0-9]+年） [0-9]{2}:[0-9]{2}）$",
                     chosen), chosen   # the day as the office reads it
    qtbot.keyClick(dialog.cases, Qt.Key.Key_Return)
    assert len(dialog.restored) == 1 and dialog.cases.count() == 2
    assert chosen not in [dialog.cases.item(i).text() for i in range(2)]
    item = dialog.cases.item(1)
    rect = dialog.cases.visualItemRect(item)
    qtbot.mouseClick(dialog.cases.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(dialog.cases.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert len(dialog.restored) == 2 and dialog.cases.count() == 1


def test_the_smallest_window_still_shows_the_wizards_fields(qtbot, store, main_window):
    case = store.create("renewal", {"name": "NGUYEN VAN AN"})
    main_window.reload_cases()
    main_window.resize(1, 1)  # as small as the user can drag it
    main_window.open_case(case.id)
    editor = main_window.editor

    def page_shows_ten_lines() -> None:   # once the layout has settled, however long it takes
        lines = editor.pages.currentWidget().height() / main_window.fontMetrics().lineSpacing()
        assert lines >= 10, lines
        assert editor.next_button.isVisible()

    qtbot.waitUntil(page_shows_ten_lines, timeout=5000)
    # …and is no larger than a 1920x1080 screen at 150 % leaves (1280x720 less the task bar).
    assert main_window.minimumSize().width() <= 1000
    assert main_window.minimumSize().height() <= 620


def test_every_column_fits_the_window_at_first_start(qtbot, store, settings, japanese):
    """The last column (最終更新) is on screen without scrolling sideways."""
    from assistant.ui.main_window import MainWindow

    for number in range(60):
        store.create("renewal" if number % 2 else "coe",
                     {"name": f"NGUYEN THI THANH HUONG {number:03d}", "expiry_date": "20270331",
                      "nationality": "ベトナム Viet Nam", "current_status": "留学 Student"})
    window = MainWindow(store, settings, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()  # at the first start's size (nothing saved yet)
    qtbot.waitExposed(window)
    table = window.list_page.table
    header = table.horizontalHeader()
    last = header.logicalIndex(header.count() - 1)

    def last_column_fits() -> None:
        # the columns are fitted once the list has settled (deferred work after the first
        # paint): wait for it rather than for a fixed time, which a busy machine outlasts
        assert header.sectionViewportPosition(last) + header.sectionSize(last) \
            <= table.viewport().width()
        assert not table.horizontalScrollBar().isVisible()

    qtbot.waitUntil(last_column_fits, timeout=5000)
    # …and the names, which the office reads, are not cut short for it.
    assert header.sectionSize(0) > table.fontMetrics().horizontalAdvance(
        "NGUYEN THI THANH HUONG 059")


def test_the_file_menu_opens_the_backups(qtbot, main_window, monkeypatch):
    """ファイル → バックアップと復元… opens the backup dialog over the window's database."""
    from assistant.ui.backup_dialog import BackupDialog

    seen: list[BackupDialog] = []
    monkeypatch.setattr(BackupDialog, "exec", lambda dialog: seen.append(dialog) or 0)
    assert main_window.backup_action in main_window.file_menu.actions()
    main_window.backup_action.trigger()
    assert len(seen) == 1 and seen[0].parentWidget() is main_window
