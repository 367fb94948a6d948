"""Settings: refresh the pull-down lists from the official workbook, and go back."""

from __future__ import annotations

from assistant.model.codelists import code_list
from assistant.ui import ask
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
    monkeypatch.setattr(ask, "open_file", lambda *a, **k: book)
    monkeypatch.setattr(ask, "choose", lambda _p, _t, _l, items, *a, **k:
                        next(i for i in items if "更新" in i))
    said: list[str] = []
    monkeypatch.setattr(ask, "information", lambda _p, _t, text, *a: said.append(text))
    monkeypatch.setattr(ask, "warning", lambda _p, _t, text, *a: said.append(text))
    row.refresh_button.click()
    qtbot.waitUntil(lambda: bool(said), timeout=30000)
    assert "テスト共和国" in said[0] and "次にこのプログラムを起動したとき" in said[0]
    assert "001453107.xlsx" in row.status.text() and "nationality" in row.status.text()
    code_list.cache_clear()                            # as the next start does
    try:
        assert "テスト共和国 Republic of Test" in {e.label for e in code_list("nationality").entries}
        monkeypatch.setattr(ask, "question", lambda *a, **k: True)
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
    monkeypatch.setattr(ask, "open_file", lambda *a, **k: bad)
    monkeypatch.setattr(ask, "choose", lambda _p, _t, _l, items, *a, **k:
                        items[0])
    said: list[str] = []
    monkeypatch.setattr(ask, "warning", lambda _p, _t, text, *a: said.append(text))
    dialog.reference.refresh_button.click()
    qtbot.waitUntil(lambda: bool(said), timeout=30000)
    assert "letter.xlsx" in said[0]
    assert "プログラムに含まれる" in dialog.reference.status.text()
