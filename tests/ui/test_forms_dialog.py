"""Settings → 申請様式: list the 区分 field sets, import a saved 申込 page, remove it again."""

from __future__ import annotations

import os
import re
from pathlib import Path

from PySide6.QtWidgets import QPushButton

from assistant.ui import ask

PAGE = Path(__file__).resolve().parents[1] / "data" / "coe_N_offer_form.html"


def _rows(dialog):
    table = dialog.table
    return [[table.topLevelItem(r).text(c) for c in range(table.columnCount())]
            for r in range(table.topLevelItemCount())]


def test_import_lists_and_remove_a_form_from_the_settings(
        qtbot, settings, japanese, monkeypatch, tmp_path):
    from assistant.ui.forms_dialog import FormsDialog
    from assistant.ui.settings_dialog import SettingsDialog

    opened: list[FormsDialog] = []
    monkeypatch.setattr(FormsDialog, "exec", lambda self: opened.append(self) or 0)
    settings_dialog = SettingsDialog(settings)
    qtbot.addWidget(settings_dialog)
    button = next(b for b in settings_dialog.findChildren(QPushButton)
                  if b.text().startswith("申請様式"))
    button.click()
    (dialog,) = opened
    (shipped,) = _rows(dialog)
    assert shipped[1:4] == ["N", "在留資格認定証明書交付申請（区分N）", "（同梱）"]
    dialog.table.setCurrentItem(dialog.table.topLevelItem(0))
    assert not dialog.remove_button.isEnabled()   # the shipped set stays

    saved = tmp_path / "申込画面.html"
    saved.write_text(PAGE.read_text("utf-8").replace("（区分N）", "（区分P）"), "utf-8")
    told: list[str] = []
    monkeypatch.setattr(ask, "open_file", lambda *_a: saved)
    monkeypatch.setattr(ask, "question", lambda _p, _t, text: told.append(text) or True)
    monkeypatch.setattr(ask, "information", lambda _p, _t, text: told.append(text))
    dialog.import_button.click()
    assert "区分: P" in told[0] and "質問: 102" in told[0] and "新しく追加" in told[0]
    assert "次にこのプログラムを起動したとき" in told[1]
    installed = Path(os.environ["ASSISTANT_DATA_DIR"]) / "reference" / "fields" / "coe.kubun-P.json"
    assert installed.is_file()
    rows = _rows(dialog)
    assert [r[1] for r in rows] == ["N", "P"]
    assert rows[1][2] == "在留資格認定証明書交付申請（区分P）" and rows[1][4] == "102"
    assert re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日（令和\d+年） \d\d:\d\d", rows[1][3]), rows[1][3]

    # declining the question keeps it; yes removes it
    dialog.table.setCurrentItem(dialog.table.topLevelItem(1))
    assert dialog.remove_button.isEnabled()
    monkeypatch.setattr(ask, "question", lambda _p, _t, text: told.append(text) and False)
    dialog.remove_button.click()
    assert "区分P" in told[-1] and installed.is_file()
    monkeypatch.setattr(ask, "question", lambda _p, _t, text: True)
    dialog.remove_button.click()
    assert not installed.exists()
    assert [r[1] for r in _rows(dialog)] == ["N"]


def test_a_page_that_is_not_an_application_form_is_refused(
        qtbot, japanese, monkeypatch, tmp_path):
    from assistant.ui.forms_dialog import FormsDialog

    dialog = FormsDialog()
    qtbot.addWidget(dialog)
    saved = tmp_path / "other.html"
    saved.write_text("<html><body><p>ログイン</p></body></html>", "utf-8")
    warned: list[str] = []
    monkeypatch.setattr(ask, "open_file", lambda *_a: saved)
    monkeypatch.setattr(ask, "warning", lambda _p, _t, text: warned.append(text))
    monkeypatch.setattr(ask, "question", lambda *_a: (_ for _ in ()).throw(AssertionError))
    dialog.import_button.click()
    assert warned and len(_rows(dialog)) == 1


def test_the_confirmation_names_the_differences_from_the_current_form(
        qtbot, japanese, monkeypatch, tmp_path):
    from assistant.ui.forms_dialog import FormsDialog

    dialog = FormsDialog()
    qtbot.addWidget(dialog)
    saved = tmp_path / "申込画面.html"
    told: list[str] = []
    monkeypatch.setattr(ask, "open_file", lambda *_a: saved)
    monkeypatch.setattr(ask, "question", lambda _p, _t, text: told.append(text) and False)
    saved.write_bytes(PAGE.read_bytes())
    dialog.import_button.click()
    assert "今の様式と同じです" in told[-1]
    saved.write_text(PAGE.read_text("utf-8").replace("最終学歴", "最後の学歴"), "utf-8")
    dialog.import_button.click()
    assert "今の様式との違い: 5 件" in told[-1]
    assert "・項目名の変更: 23.1 最後の学歴(1)" in told[-1]
    # declined: nothing installed
    assert [r[3] for r in _rows(dialog)] == ["（同梱）"]
