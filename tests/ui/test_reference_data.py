"""Settings: refresh the pull-down lists from the official workbook, and go back."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from assistant.model.codelists import code_list
from tests.model.test_exports_refresh import official_workbook


def test_refresh_from_the_official_workbook_then_back_to_the_shipped_lists(
        qtbot, settings, monkeypatch, tmp_path):
    from assistant.ui.settings_dialog import SettingsDialog

    monkeypatch.delenv("ASSISTANT_RESOURCES", raising=False)
    book = official_workbook(tmp_path / "001453107.xlsx")
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    row = dialog.reference
    assert "プログラムに含まれる" in row.status.text() and not row.reset_button.isEnabled()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(book), ""))
    monkeypatch.setattr(QInputDialog, "getItem", lambda _p, _t, _l, items, *a, **k:
                        (next(i for i in items if "更新" in i), True))
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: said.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: said.append(text))
    row.refresh_button.click()
    qtbot.waitUntil(lambda: bool(said), timeout=30000)
    assert "テスト共和国" in said[0] and "次にこのプログラムを起動したとき" in said[0]
    assert "001453107.xlsx" in row.status.text() and "nationality" in row.status.text()
    code_list.cache_clear()                            # as the next start does
    try:
        assert "テスト共和国 Republic of Test" in {e.label for e in code_list("nationality").entries}
        monkeypatch.setattr(QMessageBox, "question",
                            lambda *a, **k: QMessageBox.StandardButton.Yes)
        row.reset_button.click()
        code_list.cache_clear()
        assert "テスト共和国 Republic of Test" not in {
            e.label for e in code_list("nationality").entries}
        assert "プログラムに含まれる" in row.status.text()
    finally:
        code_list.cache_clear()


def test_a_file_that_is_not_a_template_says_so(qtbot, settings, monkeypatch, tmp_path):
    from assistant.ui.settings_dialog import SettingsDialog

    monkeypatch.delenv("ASSISTANT_RESOURCES", raising=False)
    bad = tmp_path / "letter.xlsx"
    bad.write_bytes(b"not a workbook")
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    monkeypatch.setattr(QInputDialog, "getItem", lambda _p, _t, _l, items, *a, **k:
                        (items[0], True))
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: said.append(text))
    dialog.reference.refresh_button.click()
    qtbot.waitUntil(lambda: bool(said), timeout=30000)
    assert "letter.xlsx" in said[0]
    assert "プログラムに含まれる" in dialog.reference.status.text()
