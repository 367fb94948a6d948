"""In English, no screen shows Japanese except the data (names, examples of what to type).

Every widget of each screen is walked — labels, buttons, titles, placeholders, tool tips,
status tips, combo-box items, list items, table headers, menu entries — so a text added without
a translation, or left out of the .ts file, shows up here as the Japanese a user would see.
"""

from __future__ import annotations

import importlib.util
import re
import sqlite3
from pathlib import Path

import keyring.backends.fail
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QTableView,
    QWidget,
)

from tests.ui.conftest import TODAY

ROOT = Path(__file__).resolve().parents[2]
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff01-\uff5e]")
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")


@pytest.fixture(scope="module")
def compiled_translations():
    spec = importlib.util.spec_from_file_location("build_translations",
                                                  ROOT / "tools" / "build_translations.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.build("en")


@pytest.fixture
def english(qapp, compiled_translations):
    from assistant.ui.i18n import install_translators

    assert install_translators("en")
    yield
    install_translators("ja")


def shown_texts(root: QWidget) -> list[str]:
    """Every text of ``root`` and its visible children that a user can read."""
    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root) and not isinstance(widget, QMenu):
            continue
        found += [widget.windowTitle() if widget.isWindow() else "", widget.toolTip(),
                  widget.statusTip(), widget.accessibleName()]
        if isinstance(widget, (QLabel, QAbstractButton, QLineEdit)):
            found.append(widget.text())
        if isinstance(widget, QLineEdit):
            found.append(widget.placeholderText())
        if isinstance(widget, QGroupBox):
            found.append(widget.title())
        if isinstance(widget, QComboBox):
            found += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QListWidget):
            found += [widget.item(i).text() for i in range(widget.count())]
        if isinstance(widget, QTableView):
            model = widget.model()
            found += [str(model.headerData(c, Qt.Orientation.Horizontal))
                      for c in range(model.columnCount())]
        if isinstance(widget, QMenu):
            found.append(widget.title())
            for action in widget.actions():
                found += [action.text(), action.statusTip(), action.toolTip()]
    for action in root.actions():
        found += [action.text(), action.statusTip(), action.toolTip()]
    return [text for text in found if text]


# Names of Japanese documents and screens the user must recognise; the English texts give them
# next to their English words (resources/messages/office.json).
JAPANESE_NAMES = ("届出済証明書", "所属する単位会", "「パスワードを忘れた場合」", "別記第15号様式")


def japanese_in(root: QWidget, data: tuple[str, ...] = ()) -> list[str]:
    """The shown texts with Japanese in them, once the data values are taken out."""
    left = []
    for text in shown_texts(root):
        for value in (*data, *JAPANESE_NAMES):
            text = text.replace(value, "")
        if JAPANESE.search(text):
            left.append(text)
    return sorted(set(left))


def test_english_mnemonics_sit_on_a_letter_of_a_word():
    """"Procedure (&K) (only …)" is the Japanese way; English underlines a letter of a word."""
    import xml.etree.ElementTree as ET

    bracketed = re.compile(r"\(&\w\)")
    found = [translation.text for ts in sorted((ROOT / "resources" / "i18n" / "en").glob("*.ts"))
             for translation in ET.parse(ts).getroot().iter("translation")
             if translation.text and bracketed.search(translation.text)]
    assert found == []


def test_main_window_menus_list_and_empty_states_are_english(qtbot, store, settings, english):
    from assistant.ui.main_window import MainWindow
    from assistant.ui.office.integration import attach_office

    window = MainWindow(store, settings, today=lambda: TODAY)
    qtbot.addWidget(window)
    attach_office(window, store, "en", today=lambda: TODAY)
    window.show()
    assert QGuiApplication.applicationDisplayName() == "Residence Application Assistant"
    assert japanese_in(window) == []  # the empty list's hint
    store.create("renewal", {"name": "NGUYEN VAN AN", "expiry_date": "20270115",
                             "nationality": "ベトナム Viet Nam"})
    window.reload_cases()
    assert japanese_in(window) == []
    window.list_page.search.setText("nobody")
    assert window.list_page.no_match.isVisible()
    assert japanese_in(window) == []


def test_dialogs_of_the_case_list_are_english(qtbot, store, settings, english):
    from assistant.ui.main_window import MainWindow
    from assistant.ui.new_case import NewCaseDialog
    from assistant.ui.settings_dialog import SettingsDialog
    from assistant.ui.trash import TrashDialog

    window = MainWindow(store, settings, today=lambda: TODAY)
    qtbot.addWidget(window)
    trash = TrashDialog(store, window)
    assert japanese_in(trash) == []  # the empty bin's message
    store.delete(store.create("coe", {"name": "KIM MINJUN"}).id)
    trash = TrashDialog(store, window)
    assert japanese_in(trash) == []
    # The language is offered by its own name; the cell example shows a label as exported.
    assert japanese_in(SettingsDialog(settings, window), data=("日本語", "男")) == []
    assert japanese_in(NewCaseDialog(window)) == []


def test_welcome_and_office_screens_are_english(qtbot, store, english, tmp_path):
    from assistant.model.credentials import CredentialStore
    from assistant.model.office import OfficeStore, StaffCategory, StaffProfile, create_staff_table
    from assistant.ui.office.office_dialog import OfficeDialog
    from assistant.ui.office.profile_dialog import StaffProfileDialog
    from assistant.ui.welcome import WelcomeDialog

    welcome = WelcomeDialog(store, today=TODAY, language="en")
    qtbot.addWidget(welcome)
    assert japanese_in(welcome) == []
    db = sqlite3.connect(tmp_path / "office.sqlite")
    create_staff_table(db)
    office = OfficeStore(db)
    name = "法務　太郎"
    office.save(StaffProfile(id="s1", name=name, category=StaffCategory.GYOSEISHOSHI))
    dialog = OfficeDialog(office, CredentialStore(keyring.backends.fail.Keyring()), TODAY,
                          language="en")
    qtbot.addWidget(dialog)
    assert japanese_in(dialog, data=(name,)) == []
    form = StaffProfileDialog(None, TODAY, language="en")
    qtbot.addWidget(form)
    # The examples show what to type, and that is Japanese (a name in full-width, an address).
    assert japanese_in(form, data=("法務　太郎", "東京都", "千代田区")) == []


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_online_window_column_is_read_whole_at_1180_px(
        qtbot, store, settings, compiled_translations, language):
    """The days left (or the day it opens) are never cut off in either language; a narrow
    column's other texts elide, and the window's wording is also the cell's tip."""
    from assistant.ui.case_list import COLUMNS
    from assistant.ui.i18n import install_translators
    from assistant.ui.main_window import MainWindow

    install_translators(language)
    try:
        status = ("技術・人文知識・国際業務 Engineer/Specialist in Humanities/International "
                  "Services")
        for name, expiry, procedure in (
                ("GARCIA JOSE", "20261128", "change"), ("WANG FANG", "20270301", "change"),
                ("TRAN THI BINH", "20261120", "renewal"), ("LI MING", "20270601", "renewal"),
                ("KIM MINJUN", "", "coe"), ("SANTOS MARIA", "20261205", "renewal")):
            store.create(procedure, {"name": name, "expiry_date": expiry,
                                     "nationality": "ベトナム Viet Nam",
                                     "current_status": status})
        window = MainWindow(store, settings, today=lambda: TODAY)
        qtbot.addWidget(window)
        window.resize(1180, 700)
        window.show()
        qtbot.waitExposed(window)
        window.list_page.fit_columns()
        folder = ROOT / "build" / "screenshots"
        folder.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(folder / f"{language}_case_list_1180.png"))
        table, model = window.list_page.table, window.model
        column = COLUMNS.index("window")
        metrics = table.fontMetrics()
        texts = [str(model.index(row, column).data()) for row in range(model.rowCount())]
        if language == "en":
            assert {"Open, 1 day left", "Opens 2027-03-01", "Expired"} <= set(texts)
        for row, text in enumerate(texts):
            assert metrics.horizontalAdvance(text) < table.horizontalHeader().sectionSize(column)
            assert model.index(row, column).data(Qt.ItemDataRole.ToolTipRole) == text
        # every column still fits the window: no horizontal scroll bar
        assert table.horizontalHeader().length() <= table.viewport().width()
    finally:
        install_translators("ja")


def test_the_deadlines_view_says_one_day_in_english(qtbot, store, settings, english):
    from assistant.ui.deadlines_view import DeadlinesDialog

    store.create("renewal", {"name": "TRAN THI BINH", "expiry_date": "20261128"})  # 11-27
    store.create("renewal", {"name": "SANTOS MARIA", "expiry_date": "20261205"})   # 12-04
    view = DeadlinesDialog(store, settings, lambda: TODAY)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: not view.loading)   # collected in a worker thread
    assert [view.table.item(row, 1).text() for row in range(view.table.rowCount())] == [
        "in 1 day", "in 8 days"]
    assert view.summary.text() == "2 deadlines (1 due this week)"
