"""Settings → 提出書類リスト: an edited list is the office's (data folder), survives reopening,
and 元に戻す returns to the shipped list."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QPushButton, QTableWidgetItem

from assistant.model import documents as d
from tests.ui.test_english_screens import compiled_translations, english  # noqa: F401

SHOTS = os.environ.get("ASSISTANT_SHOTS")


def shoot(widget, name):
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / name))


def open_dialog(qtbot):
    from assistant.ui.document_lists_dialog import DocumentListsDialog

    dialog = DocumentListsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.select("gijinkoku", "renewal")
    return dialog


def test_edit_save_reopen_and_revert(qtbot, monkeypatch, japanese):
    dialog = open_dialog(qtbot)
    shipped_rows = dialog.table.rowCount()
    assert shipped_rows == len(d.load_list("gijinkoku", "renewal").documents)
    assert "出荷時のリスト" in dialog.origin.text()
    assert not dialog.revert_button.isEnabled()
    dialog.add_button.click()
    row = dialog.table.rowCount() - 1
    dialog.table.setItem(row, 0, QTableWidgetItem("雇用契約書の写し（大阪入管の指示）"))
    dialog.table.setItem(row, 4, QTableWidgetItem("大阪入管 2026-11"))
    assert dialog.save()
    assert d.is_office_list("gijinkoku")
    shoot(dialog, "document-lists-ja.png")
    dialog.close()
    # "restart": a new dialog reads the office's list from the data folder
    again = open_dialog(qtbot)
    assert again.table.rowCount() == shipped_rows + 1
    assert "事務所のリスト" in again.origin.text()
    names = [again.table.item(r, 0).text() for r in range(again.table.rowCount())]
    assert "雇用契約書の写し（大阪入管の指示）" in names
    checklist = d.build_checklist("renewal", "T26")
    added = [i for i in checklist.items if i.item.ja == "雇用契約書の写し（大阪入管の指示）"]
    assert added and added[0].item.source_kind == "office" and added[0].item.confirmed
    # 元に戻す (after the question) returns to the shipped list
    monkeypatch.setattr("assistant.ui.ask.question", lambda *a, **k: True)
    again.revert_button.click()
    assert not d.is_office_list("gijinkoku")
    assert again.table.rowCount() == shipped_rows


def test_export_and_import_a_list(qtbot, monkeypatch, tmp_path, japanese):
    dialog = open_dialog(qtbot)
    target = tmp_path / "shared.json"
    monkeypatch.setattr("assistant.ui.ask.save_file", lambda *a, **k: target)
    dialog.export_button.click()
    assert target.exists()
    warnings = []
    monkeypatch.setattr("assistant.ui.ask.warning", lambda *a: warnings.append(a[2]))
    bad = tmp_path / "bad.json"
    bad.write_text("not json", encoding="utf-8")
    monkeypatch.setattr("assistant.ui.ask.open_file", lambda *a, **k: bad)
    dialog.import_button.click()
    assert warnings and "読めません" in warnings[0]
    monkeypatch.setattr("assistant.ui.ask.open_file", lambda *a, **k: target)
    dialog.import_button.click()
    assert d.is_office_list("gijinkoku")


def test_settings_dialog_has_the_row_and_english(qtbot, store, settings, english):  # noqa: F811
    from assistant.ui.document_lists_dialog import attach_to_settings
    from assistant.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    row = attach_to_settings(dialog)
    button = row.findChild(QPushButton, "document_lists_button")
    assert button is not None and button.text() == "Edit &document lists..."
    lists = open_dialog(qtbot)
    assert lists.windowTitle() == "Document lists"
    assert lists.save_button.text() == "Save"
    shoot(lists, "document-lists-en.png")
