"""Settings → 提出書類リスト: an edited list is the office's (data folder), survives reopening,
and 元に戻す returns to the shipped list."""

from __future__ import annotations

import json
import os
from pathlib import Path

from PySide6.QtWidgets import QPushButton, QTableWidgetItem

from assistant.model import documents as d
from tests.ui.test_english_screens import compiled_translations, english  # noqa: F401

SHOTS = os.environ.get("ASSISTANT_SCREENSHOTS")


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


def _row_of(dialog, name):
    return next(r for r in range(dialog.table.rowCount())
                if dialog.table.item(r, 0).text() == name)


def test_conditions_are_edited_and_items_choose_theirs(qtbot, monkeypatch, japanese):
    dialog = open_dialog(qtbot)
    dialog.select("gijinkoku", "coe")
    # the shipped categories show as one choice with its four options
    category = dialog.condition_row("employer_category")
    assert category is not None and category.childCount() == 4
    assert dialog.item_condition(_row_of(dialog, "カテゴリー1に該当することを証明する次のいずれかの文書")) == "cat1"
    # a new yes / no condition, renamed by editing its cells
    row = dialog.add_condition()
    row.setText(0, "osaka_bureau")
    row.setText(1, "大阪出入国在留管理局に申請する場合")
    row.setText(2, "Filed at the Osaka bureau")
    # a condition's id renamed: the items that need it follow
    senmonshi = _row_of(dialog, "専門士又は高度専門士の称号を付与されたことを証明する文書")
    assert dialog.item_condition(senmonshi) == "vocational_grad"
    dialog.condition_row("vocational_grad").setText(0, "senmonshi")
    assert dialog.item_condition(senmonshi) == "senmonshi"
    # a bad id is refused with a message and the old one stays
    warnings = []
    monkeypatch.setattr("assistant.ui.ask.warning", lambda *a: warnings.append(a[2]))
    dialog.condition_row("dispatch").setText(0, "派遣")
    assert warnings and dialog.condition_row("dispatch") is not None
    # a choice: a condition with options
    school = dialog.add_condition("卒業した学校")
    school.setText(0, "school")
    dialog.conditions.setCurrentItem(school)
    dialog.add_option("日本の大学").setText(0, "jp_univ")
    dialog.conditions.setCurrentItem(school)
    dialog.add_option("海外の大学").setText(0, "foreign_univ")
    # items choose their condition
    dialog.add_button.click()
    new = dialog.table.rowCount() - 1
    dialog.table.setItem(new, 0, QTableWidgetItem("雇用理由書（大阪局の指示）"))
    dialog.set_item_condition(new, "osaka_bureau")
    dialog.add_button.click()
    abroad = dialog.table.rowCount() - 1
    dialog.table.setItem(abroad, 0, QTableWidgetItem("学位記の写し（海外の大学）"))
    dialog.set_item_condition(abroad, "foreign_univ")
    shoot(dialog, "document-lists-conditions-ja.png")
    assert dialog.save()
    dialog.close()
    # "restart": a new dialog reads them back from the data folder
    again = open_dialog(qtbot)
    again.select("gijinkoku", "coe")
    assert again.condition_row("osaka_bureau").text(1) == "大阪出入国在留管理局に申請する場合"
    assert again.condition_row("school").childCount() == 2
    assert again.item_condition(_row_of(again, "雇用理由書（大阪局の指示）")) == "osaka_bureau"
    assert again.item_condition(_row_of(again, "学位記の写し（海外の大学）")) == "foreign_univ"
    # and a case's checklist asks them
    checklist = d.build_checklist("coe", "T26")
    questions = {q.id: q for q in checklist.questions}
    assert {"osaka_bureau", "school", "senmonshi"} <= set(questions)
    assert [o.id for o in questions["school"].options] == ["jp_univ", "foreign_univ"]
    answered = d.build_checklist("coe", "T26", {"osaka_bureau": "yes", "school": "foreign_univ",
                                                "employer_category": "cat3"})
    names = [i.item.ja for i in answered.applicable]
    assert "雇用理由書（大阪局の指示）" in names and "学位記の写し（海外の大学）" in names
    assert "カテゴリー1に該当することを証明する次のいずれかの文書" not in names


def test_removing_a_condition_in_use_asks_and_its_items_are_always_needed(qtbot, monkeypatch,
                                                                          japanese):
    dialog = open_dialog(qtbot)
    dialog.select("gijinkoku", "coe")
    users = [r for r in range(dialog.table.rowCount()) if dialog.item_condition(r) == "dispatch"]
    assert users
    asked = []
    monkeypatch.setattr("assistant.ui.ask.question", lambda *a: asked.append(a[2]) or False)
    dialog.conditions.setCurrentItem(dialog.condition_row("dispatch"))
    dialog.remove_condition_button.click()
    assert asked and "1 件の書類" in asked[0]
    assert dialog.condition_row("dispatch") is not None          # said no: kept
    monkeypatch.setattr("assistant.ui.ask.question", lambda *a: True)
    dialog.remove_condition_button.click()
    assert dialog.condition_row("dispatch") is None
    assert all(dialog.item_condition(r) == "" for r in users)
    assert dialog.save()
    checklist = d.build_checklist("coe", "T26")
    assert "dispatch" not in [q.id for q in checklist.questions]
    assert checklist.item("dispatch_activity").applies is True


def test_a_status_without_a_list_gets_a_new_one(qtbot, monkeypatch, japanese):
    assert d.build_checklist("change", "教授 Professor").doc_list is None
    dialog = open_dialog(qtbot)
    dialog.select("gijinkoku", "change")
    offered = []

    def choose(_parent, _title, _label, items, current=0):
        offered.extend(items)
        return "教授 Professor"

    monkeypatch.setattr("assistant.ui.ask.choose", choose)
    dialog.new_list_button.click()
    assert "教授 Professor" in offered and not any("技術・人文" in s for s in offered)
    assert dialog.key() == "status_t03" and dialog.table.rowCount() == 0
    assert "事務所で作ったリスト" in dialog.origin.text()
    assert dialog.revert_button.text() == "リストを削除"
    dialog.add_button.click()
    dialog.table.setItem(0, 0, QTableWidgetItem("大学との契約書の写し"))
    assert dialog.save()
    checklist = d.build_checklist("change", "教授 Professor")
    assert checklist.doc_list is not None and checklist.doc_list.key == "status_t03"
    names = [i.item.ja for i in checklist.applicable]
    assert names[-1] == "大学との契約書の写し"
    assert any(i.item.general for i in checklist.applicable)      # the general items came
    monkeypatch.setattr("assistant.ui.ask.question", lambda *a: True)
    dialog.revert_button.click()
    assert "status_t03" not in d.list_keys()


def test_an_office_list_survives_a_program_update_and_reverts_to_the_new_shipped_one(
        qtbot, monkeypatch, tmp_path, japanese):
    dialog = open_dialog(qtbot)
    dialog.add_button.click()
    dialog.table.setItem(dialog.table.rowCount() - 1, 0, QTableWidgetItem("事務所の追加書類"))
    assert dialog.save()
    dialog.close()
    # the program is updated: its shipped 技術・人文知識・国際業務 list has a new item
    shipped = tmp_path / "shipped"
    shipped.mkdir()
    for path in d._lists_dir().glob("*.json"):
        (shipped / path.name).write_bytes(path.read_bytes())
    updated = json.loads((shipped / "gijinkoku.json").read_text(encoding="utf-8"))
    updated["procedures"]["renewal"]["documents"].append({
        "id": "isa_2027", "ja": "2027年改訂で加わった書類", "when": None,
        "source": "https://www.moj.go.jp/isa/", "source_kind": "isa"})
    (shipped / "gijinkoku.json").write_text(json.dumps(updated, ensure_ascii=False),
                                           encoding="utf-8")
    monkeypatch.setattr(d, "_lists_dir", lambda: shipped)
    again = open_dialog(qtbot)
    names = [again.table.item(r, 0).text() for r in range(again.table.rowCount())]
    assert "事務所の追加書類" in names and "2027年改訂で加わった書類" not in names
    monkeypatch.setattr("assistant.ui.ask.question", lambda *a: True)
    again.revert_button.click()
    names = [again.table.item(r, 0).text() for r in range(again.table.rowCount())]
    assert "2027年改訂で加わった書類" in names and "事務所の追加書類" not in names


def test_an_edited_list_has_the_case_list_count_documents_again(qtbot, main_window, store,
                                                                 japanese):
    from assistant.model.case import CURRENT_STATUS
    from assistant.model.document_progress import count_all
    from assistant.ui.document_lists_dialog import DocumentListsDialog

    case = store.create("renewal", {CURRENT_STATUS: "技術・人文知識・国際業務 Engineer/"
                                    "Specialist in Humanities/International Services"})
    store.set_documents(case.id, d.DocumentsState(answers={"employer_category": "cat3"}))
    assert count_all(store) == 1 and store.uncounted_documents() == []
    before = d.case_checklist(store.get(case.id)).done_count()
    dialog = DocumentListsDialog(lists_changed=main_window._on_document_lists_changed)
    qtbot.addWidget(dialog)
    dialog.select("gijinkoku", "renewal")
    dialog.add_button.click()
    dialog.table.setItem(dialog.table.rowCount() - 1, 0, QTableWidgetItem("事務所の追加書類"))
    assert dialog.save()
    assert store.uncounted_documents() == [case.id]          # counted again when shown
    assert count_all(store) == 1
    assert d.case_checklist(store.get(case.id)).done_count() == (before[0], before[1] + 1)
