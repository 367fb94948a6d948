"""オンラインシステムに入力 from the wizard's Step 3 and the case list's context menu (the same
action as the 書き出し menu's), and 書き出し → ブックマークレットを登録: the local page to drag
the bookmarklet from."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import lxml.html
from PySide6.QtCore import QTimer
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QMenu

from assistant.model.wizard import Step
from assistant.ui import ask, bookmarklet_page, online_fill
from tests.autofill_case import coe_values


def _said(monkeypatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(ask, "information", lambda _p, _t, text, *a: said.append(text))
    monkeypatch.setattr(ask, "warning", lambda _p, _t, text, *a: said.append("!" + text))
    return said


def _open_step3(qtbot, store, main_window, values):
    case = store.create("coe", values)
    main_window.reload_cases()
    main_window.open_case(case.id)
    editor = main_window.editor
    editor.go_to_step(Step.CONFIRM)
    qtbot.waitUntil(lambda: editor.online_fill_button.isVisible())
    return editor


def test_step3_button_copies_the_open_case(qtbot, store, main_window, monkeypatch) -> None:
    editor = _open_step3(qtbot, store, main_window, coe_values())
    said = _said(monkeypatch)
    monkeypatch.setattr(online_fill, "clear_after_ms", lambda: 300)
    assert editor.online_fill_button.text().startswith("オンラインシステムに入力")
    editor.online_fill_button.click()
    data = json.loads(QGuiApplication.clipboard().text())
    assert {"key": "applicant_lastName", "value": "WANG XIAOMING", "label": "氏名"} \
        in data["items"]
    assert len(said) == 1 and "コピーしました" in said[0]
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == "", timeout=3000)


def test_step3_button_is_only_on_step3(qtbot, store, main_window) -> None:
    editor = _open_step3(qtbot, store, main_window, coe_values())
    editor.go_to_step(Step.APPLICANT)
    assert not editor.online_fill_button.isVisible()


def test_step3_button_with_errors_copies_nothing(qtbot, store, main_window, monkeypatch) -> None:
    values = coe_values()
    del values["name"]
    editor = _open_step3(qtbot, store, main_window, values)
    QGuiApplication.clipboard().setText("before")
    said = _said(monkeypatch)
    editor.online_fill_button.click()
    assert len(said) == 1 and "まだオンラインシステムに入力できません" in said[0]
    assert "氏名" in said[0]
    assert QGuiApplication.clipboard().text() == "before"


def _context_menu_entry(qtbot, main_window):
    """Right-click the selected row; return the menu's オンラインシステムに入力 entry."""
    table = main_window.list_page.table
    shown: list[QMenu] = []

    def grab_menu() -> None:
        menu = QApplication.activePopupWidget()
        if isinstance(menu, QMenu):
            shown.append(menu)
            menu.close()

    QTimer.singleShot(0, grab_menu)
    rect = table.visualRect(table.currentIndex())
    table.customContextMenuRequested.emit(rect.center())
    qtbot.waitUntil(lambda: bool(shown), timeout=3000)
    entries = [a for a in shown[0].actions() if a.text().startswith("オンラインシステムに入力")]
    assert len(entries) == 1 and entries[0].isEnabled()
    return entries[0]


def test_context_menu_copies_the_selected_case(qtbot, store, main_window, monkeypatch) -> None:
    case = store.create("coe", coe_values())
    main_window.reload_cases()
    main_window.list_page.select_case(case.id)
    said = _said(monkeypatch)
    monkeypatch.setattr(online_fill, "clear_after_ms", lambda: 300)
    _context_menu_entry(qtbot, main_window).trigger()
    data = json.loads(QGuiApplication.clipboard().text())
    assert data["procedure_title"] == "在留資格認定証明書交付申請（区分N）"
    assert len(said) == 1 and "コピーしました" in said[0]
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == "", timeout=3000)


def test_context_menu_with_errors_copies_nothing(qtbot, store, main_window, monkeypatch) -> None:
    values = coe_values()
    del values["name"]
    case = store.create("coe", values)
    main_window.reload_cases()
    main_window.list_page.select_case(case.id)
    QGuiApplication.clipboard().setText("before")
    said = _said(monkeypatch)
    _context_menu_entry(qtbot, main_window).trigger()
    assert len(said) == 1 and said[0].startswith("!") and "氏名" in said[0]
    assert QGuiApplication.clipboard().text() == "before"


def test_the_bookmarklet_page(qtbot, store, main_window, monkeypatch) -> None:
    opened: list[str] = []
    # The real default browser cannot run here: the URL handed to it is recorded instead.
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        lambda url: opened.append(url.toLocalFile()) or True)
    main_window.exports.bookmarklet_action.trigger()
    page = store.path.parent / bookmarklet_page.PAGE_NAME
    assert opened == [str(page)]
    text = page.read_text(encoding="utf-8")
    cli = subprocess.run([sys.executable, "-m", "assistant", "fill", "script", "--bookmarklet"],
                         capture_output=True, text=True, check=True).stdout.strip()
    tree = lxml.html.fromstring(text)
    links = tree.xpath("//a[@href]")
    assert [a.get("href") for a in links] == [cli]
    assert "ブックマークバー" in text and "貼り付け" in text
    # Nothing is loaded: no src, no stylesheet link, no http(s) URL anywhere in the page.
    assert not tree.xpath("//*[@src] | //link | //script | //iframe | //object | //embed")
    assert not re.search(r"https?:", text, re.IGNORECASE)


def test_settings_copies_the_bookmarklet(qtbot, settings) -> None:
    from PySide6.QtWidgets import QLabel

    from assistant.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    row = dialog.bookmarklet_row
    assert row.copy_button.text().startswith("ブックマークレットをコピー")
    assert not row.status.isVisible()
    QGuiApplication.clipboard().setText("before")
    dialog.show()
    row.copy_button.click()
    cli = subprocess.run([sys.executable, "-m", "assistant", "fill", "script", "--bookmarklet"],
                         capture_output=True, text=True, check=True).stdout.strip()
    assert QGuiApplication.clipboard().text() == cli
    # The next step is said in the dialog itself.
    assert row.status.isVisible()
    assert "ブックマークバー" in row.status.text() and "URL" in row.status.text()
    assert isinstance(row.status, QLabel)


def test_the_extension_folder_from_the_menu(qtbot, store, main_window, monkeypatch,
                                            tmp_path) -> None:
    from assistant.model import autofill

    said = _said(monkeypatch)
    monkeypatch.setattr(ask, "folder", lambda *_a: tmp_path)
    asked: list[str] = []
    monkeypatch.setattr(ask, "question", lambda _p, _t, text, *a: asked.append(text) or True)
    action = main_window.exports.extension_action
    assert action.text().startswith("拡張機能フォルダを作成")
    assert action in main_window.exports.menu.actions()
    action.trigger()
    folder = tmp_path / autofill.EXTENSION_FOLDER
    files = autofill.extension_files()
    assert sorted(p.name for p in folder.iterdir()) == sorted(files)
    for name, data in files.items():
        assert (folder / name).read_bytes() == data
    assert len(said) == 1 and str(folder) in said[0]
    assert "パッケージ化されていない拡張機能を読み込む" in said[0]
    assert asked == []
    # Again (after an update): the office is asked before the files are replaced; choosing
    # the extension folder itself updates it in place.
    (folder / "fill.js").write_text("// old", encoding="utf-8")
    monkeypatch.setattr(ask, "folder", lambda *_a: folder)
    action.trigger()
    assert len(asked) == 1 and "fill.js" in asked[0]
    assert (folder / "fill.js").read_bytes() == files["fill.js"]
    assert not (folder / autofill.EXTENSION_FOLDER).exists()


def test_the_extension_folder_is_never_written_into_the_data_folder(
        qtbot, store, main_window, monkeypatch) -> None:
    from assistant.model import autofill, paths

    monkeypatch.setenv(paths.DATA_DIR_ENV, str(store.path.parent))
    said = _said(monkeypatch)
    monkeypatch.setattr(ask, "folder", lambda *_a: store.path.parent)
    main_window.exports.extension_action.trigger()
    assert len(said) == 1 and said[0].startswith("!")  # the reason, no success message
    assert not (store.path.parent / autofill.EXTENSION_FOLDER).exists()
