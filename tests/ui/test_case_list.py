"""The case list over a real store: its item model checked by qtmodeltester; search, filters
and sorting (done by SQLite) as the office uses them; rows read lazily, a page at a time."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from assistant.model.case import DocumentsState, ItemRecord
from assistant.model.storage import CaseStore
from assistant.ui.case_list import CASE_ID_ROLE, COLUMNS, PAGE, CaseTableModel, search_key
from tests.ui.test_english_screens import compiled_translations, english  # noqa: F401 - fixtures

TODAY = date(2026, 11, 26)


class Clock:
    """A minute later at every reading, so each change is the newest."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 1, 9, 30, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


@pytest.fixture
def store(tmp_path):
    store = CaseStore.open(tmp_path / "cases.sqlite", clock=Clock())
    yield store
    store.close()


def add(store, name: str, procedure: str = "renewal", status: str = "draft", card: str = "",
        expiry: date | None = None, staff: str = "") -> str:
    values = {"name": name, "nationality": "ベトナム Viet Nam"}
    if card:
        values["zairyu_card_number"] = card
    if expiry:
        values["expiry_date"] = expiry.strftime("%Y%m%d")
    case = store.create(procedure, values, staff=staff)
    if status != "draft":
        store.set_status(case.id, status)
    return case.id


def make_model(store) -> tuple[CaseTableModel, dict[str, str]]:
    ids = {"a": add(store, "NGUYEN VAN AN", card="AB12345678CD", expiry=date(2027, 1, 15),
                    staff="行政 花子"),
           "b": add(store, "LI MING", procedure="change", expiry=date(2026, 12, 1)),
           "c": add(store, "SANTOS MARIA", status="ready", card="CD87654321EF",
                    staff="佐藤 一郎")}
    model = CaseTableModel(store, today=lambda: TODAY)
    model.reload()
    # oldest change first: the order the cases were made in (a, b, c)
    model.sort(COLUMNS.index("updated_at"), Qt.SortOrder.AscendingOrder)
    return model, ids


def names(model) -> list[str]:
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_model_passes_qtmodeltester(qtmodeltester, store):
    model, _ids = make_model(store)
    qtmodeltester.check(model)
    model.set_search("li")
    model.set_status("draft")
    qtmodeltester.check(model)


def test_empty_model_passes_qtmodeltester(qtmodeltester, store):
    model = CaseTableModel(store)
    model.reload()
    qtmodeltester.check(model)
    assert model.rowCount() == 0 and model.total == 0


def test_incremental_search_by_name_or_card_number_ignores_width_and_case(store):
    model, _ids = make_model(store)
    model.set_search("ngu")
    assert names(model) == ["NGUYEN VAN AN"]
    model.set_search("ｃｄ８７")  # full-width, as typed with the IME on
    assert names(model) == ["SANTOS MARIA"]
    model.set_search("van an")
    assert names(model) == ["NGUYEN VAN AN"]
    model.set_search("")
    assert len(names(model)) == 3


def test_one_or_two_characters_find_names_and_numbers(store):
    model, _ids = make_model(store)
    model.set_search("li")
    assert names(model) == ["LI MING"]
    model.set_search("ＡＢ")  # the card number, full-width
    assert names(model) == ["NGUYEN VAN AN"]
    model.set_search("m")
    assert names(model) == ["LI MING", "SANTOS MARIA"]
    model.set_search("花")  # the 担当者
    assert names(model) == ["NGUYEN VAN AN"]
    assert model.total == 3


def test_filters_by_status_and_procedure_combine_with_search(store):
    model, _ids = make_model(store)
    model.set_status("ready")
    assert names(model) == ["SANTOS MARIA"]
    model.set_status("")
    model.set_procedure("change")
    assert names(model) == ["LI MING"]
    model.set_search("santos")
    assert names(model) == []


def test_filter_by_staff_member(store):
    model, _ids = make_model(store)
    assert store.list_staff_names() == ["佐藤 一郎", "行政 花子"]
    model.set_staff("行政 花子")
    assert names(model) == ["NGUYEN VAN AN"]
    model.set_status("ready")
    assert names(model) == []
    model.set_status("")
    model.set_staff(None)
    assert len(names(model)) == 3


def test_sorting_by_window_puts_the_most_urgent_first(store):
    model, _ids = make_model(store)
    model.sort(5, Qt.SortOrder.AscendingOrder)
    assert names(model) == ["LI MING", "NGUYEN VAN AN", "SANTOS MARIA"]
    assert model.index(0, 5).data() == "申請可能 あと4日"  # the rules' window of a change
    # Four days left is shown in red.
    assert model.index(0, 5).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(1, 5).data(Qt.ItemDataRole.ForegroundRole) is None
    model.sort(5, Qt.SortOrder.DescendingOrder)
    assert names(model) == ["SANTOS MARIA", "NGUYEN VAN AN", "LI MING"]


def test_dates_read_as_the_office_reads_them_and_sort_by_time(store):
    model, ids = make_model(store)
    later = add(store, "KIM MINJUN", expiry=date(2026, 12, 31))
    model.refresh()
    expiry = COLUMNS.index("expiry_date")
    model.sort(expiry, Qt.SortOrder.AscendingOrder)
    # no date first, then by day: 2026年12月1日 before 2026年12月31日 before 2027年1月15日
    # (as texts, "2026年12月31日" < "2026年12月1日" — the sort is by the day, not the text)
    assert names(model) == ["SANTOS MARIA", "LI MING", "KIM MINJUN", "NGUYEN VAN AN"]
    assert [model.index(r, expiry).data() for r in range(4)] == [
        "", "2026年12月1日", "2026年12月31日", "2027年1月15日"]
    updated = COLUMNS.index("updated_at")
    assert model.index(0, updated).data() == "2026年11月1日"
    assert model.index(0, updated).data(Qt.ItemDataRole.ToolTipRole).endswith(
        "（令和8年） " + store.get(ids["c"]).updated_at.astimezone().strftime("%H:%M"))
    model.sort(updated, Qt.SortOrder.DescendingOrder)
    assert model.index(0, 0).data(CASE_ID_ROLE) == later


def test_an_edited_case_updates_its_row_and_a_new_one_is_added(store):
    model, ids = make_model(store)
    store.set_values(ids["b"], {"name": "LI MING CHANGED"})
    add(store, "NEW PERSON")
    store.delete(ids["a"])
    model.refresh()
    assert sorted(names(model)) == ["LI MING CHANGED", "NEW PERSON", "SANTOS MARIA"]


def test_a_new_case_takes_its_place_in_a_sorted_list(qtmodeltester, store):
    model, _ids = make_model(store)
    model.sort(0, Qt.SortOrder.AscendingOrder)  # by name
    add(store, "MORI KEN")
    model.refresh()
    assert names(model) == ["LI MING", "MORI KEN", "NGUYEN VAN AN", "SANTOS MARIA"]
    model.sort(0, Qt.SortOrder.DescendingOrder)
    add(store, "OKADA AI")
    model.refresh()
    assert names(model) == ["SANTOS MARIA", "OKADA AI", "NGUYEN VAN AN", "MORI KEN", "LI MING"]
    qtmodeltester.check(model)


def test_search_key_normalises():
    assert search_key("ＡＢ１２ 34") == "ab1234"


def test_the_list_follows_store_changes_while_filtered(qtmodeltester, store):
    """Cases added, edited and removed under an active filter show up (or not) as they should;
    an edited case takes its place in the order (here: oldest change first)."""
    model, ids = make_model(store)
    model.set_status("draft")
    qtmodeltester.check(model)
    assert names(model) == ["NGUYEN VAN AN", "LI MING"]
    d = add(store, "NEW PERSON")                              # added, passes the filter
    e = add(store, "READY PERSON", status="ready")            # added, filtered out
    model.refresh()
    assert names(model) == ["NGUYEN VAN AN", "LI MING", "NEW PERSON"]
    store.set_status(ids["b"], "ready")                       # leaves the filter
    model.refresh()
    assert names(model) == ["NGUYEN VAN AN", "NEW PERSON"]
    store.set_status(ids["c"], "draft")                       # back to draft: enters it
    model.refresh()
    assert names(model) == ["NGUYEN VAN AN", "NEW PERSON", "SANTOS MARIA"]
    store.delete(ids["a"])
    store.delete(e)                                           # hidden case removed: no change
    model.refresh()
    assert names(model) == ["NEW PERSON", "SANTOS MARIA"]
    model.set_status("")
    assert names(model) == ["NEW PERSON", "LI MING", "SANTOS MARIA"]
    assert model.row_of(ids["b"]) == 1
    assert model.index(model.row_of(d), 0).data(CASE_ID_ROLE) == d
    assert model.row_of(ids["a"]) == -1                       # in the recycle bin
    assert model.total == 3


def test_selected_case_stays_selected_while_typing_and_sorting(qtbot, store):
    """The user's selected case stays selected while it still matches and after a sort."""
    from PySide6.QtCore import QItemSelectionModel
    from PySide6.QtWidgets import QTableView

    model, _ids = make_model(store)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    selection = view.selectionModel()
    selection.setCurrentIndex(model.index(2, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                              | QItemSelectionModel.SelectionFlag.Rows)
    assert view.currentIndex().data() == "SANTOS MARIA"
    model.set_search("s")
    model.set_search("sa")
    assert names(model) == ["SANTOS MARIA"]
    assert view.currentIndex().data() == "SANTOS MARIA"
    model.set_search("")
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert names(model) == ["SANTOS MARIA", "NGUYEN VAN AN", "LI MING"]
    assert view.currentIndex().row() == 0
    assert view.currentIndex().data() == "SANTOS MARIA"
    assert selection.isRowSelected(0)
    model.set_search("li")                                  # the selected case no longer matches
    assert names(model) == ["LI MING"]
    assert not selection.hasSelection()


def test_documents_column_shows_checklist_progress_and_sorts_by_it(store):
    """書類 n/m: items settled (提出 or 不要) of the items that apply; empty when the checklist
    has not been started; counted again after each change it depends on."""
    from assistant.model.documents import case_checklist

    model, ids = make_model(store)
    column = COLUMNS.index("documents")
    case = store.get(ids["a"])
    first, second = [i.item.id for i in case_checklist(case).applicable][:2]
    store.set_documents(ids["a"], DocumentsState(items={
        first: ItemRecord(status="submitted"), second: ItemRecord(status="not_needed")}))
    first_b = case_checklist(store.get(ids["b"])).applicable[0].item.id
    store.set_documents(ids["b"], DocumentsState(items={first_b: ItemRecord(status="submitted")}))
    model.refresh()
    shown = {model.index(r, 0).data(CASE_ID_ROLE): model.index(r, column).data()
             for r in range(model.rowCount())}
    total_a = len(case_checklist(store.get(ids["a"])).applicable)
    total_b = len(case_checklist(store.get(ids["b"])).applicable)
    assert shown == {ids["a"]: f"2/{total_a}", ids["b"]: f"1/{total_b}", ids["c"]: ""}
    assert model.index(model.row_of(ids["a"]), column).data(Qt.ItemDataRole.ToolTipRole) == \
        f"提出書類 {total_a} 件のうち 2 件が提出済みまたは不要"
    # the count is kept, and forgotten when the checklist changes
    stored = store.connection.execute(
        "SELECT documents_done, documents_total FROM cases WHERE id = ?", (ids["a"],)).fetchone()
    assert tuple(stored) == (2, total_a)
    store.set_documents(ids["a"], DocumentsState(items={first: ItemRecord(status="submitted")}))
    stored = store.connection.execute(
        "SELECT documents_done FROM cases WHERE id = ?", (ids["a"],)).fetchone()
    assert stored[0] is None
    model.refresh()
    assert model.index(model.row_of(ids["a"]), column).data() == f"1/{total_a}"
    second_b = case_checklist(store.get(ids["b"])).applicable[1].item.id
    store.set_documents(ids["b"], DocumentsState(items={
        first_b: ItemRecord(status="submitted"), second_b: ItemRecord(status="submitted")}))
    assert 2 / total_b > 1 / total_a
    model.sort(column, Qt.SortOrder.DescendingOrder)        # most progress first
    assert names(model) == ["LI MING", "NGUYEN VAN AN", "SANTOS MARIA"]
    model.sort(column, Qt.SortOrder.AscendingOrder)         # not started, then least progress
    assert names(model) == ["SANTOS MARIA", "NGUYEN VAN AN", "LI MING"]


def test_rows_are_read_a_page_at_a_time(store):
    """A long list keeps only the rows it has shown; every row reads the same as when all
    were read."""
    for number in range(PAGE * 3):
        add(store, f"PERSON {number:04d}")
    model = CaseTableModel(store, today=lambda: TODAY)
    model.reload()
    assert model.rowCount() == PAGE * 3
    assert model._cache == {}  # noqa: SLF001 - nothing read before it is shown
    assert model.index(0, 0).data() == f"PERSON {PAGE * 3 - 1:04d}"  # newest first
    assert len(model._cache) == PAGE  # noqa: SLF001
    assert model.index(PAGE * 3 - 1, 0).data() == "PERSON 0000"
    assert len(model._cache) == 2 * PAGE  # noqa: SLF001
    assert [r.name for r in model.rows] == [f"PERSON {n:04d}" for n in range(PAGE * 3 - 1, -1, -1)]


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_list_with_staff_filter_and_documents_column_on_screen(qtbot, store, settings,
                                                                     language, request):
    """The page as the office sees it (saved as a PNG when ASSISTANT_SCREENSHOTS is set): the
    担当者 drop-down beside the status filter, 書類 n/m, dates as read in the UI language."""
    import os
    from pathlib import Path

    from assistant.ui.main_window import MainWindow

    request.getfixturevalue("japanese" if language == "ja" else "english")
    _model, ids = make_model(store)
    add(store, "KIM MINJUN", expiry=date(2027, 3, 31), staff="行政 花子")
    from assistant.model.documents import case_checklist

    items = [i.item.id for i in case_checklist(store.get(ids["a"])).applicable]
    store.set_documents(ids["a"], DocumentsState(items={
        items[0]: ItemRecord(status="submitted"), items[1]: ItemRecord(status="not_needed"),
        items[2]: ItemRecord(status="submitted")}))
    window = MainWindow(store, settings, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.resize(1280, 560)
    window.show()
    qtbot.waitExposed(window)
    page = window.list_page
    staff = page.staff_filter
    assert [staff.itemText(i) for i in range(staff.count())] == [
        "すべての担当者" if language == "ja" else "All staff", "佐藤 一郎", "行政 花子"]
    layout = page.layout().itemAt(0).layout()
    widgets = [layout.itemAt(i).widget() for i in range(layout.count())]
    assert widgets.index(staff) == widgets.index(page.status_filter) + 2  # label, drop-down
    headers = [window.model.headerData(c, Qt.Orientation.Horizontal) for c in range(11)]
    assert headers[-1] == ("書類" if language == "ja" else "Documents")
    staff.setCurrentIndex(2)
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)
    assert window.count_label.text() == ("案件 4 件中 2 件を表示" if language == "ja"
                                         else "2 of 4 case(s) shown")
    page.fit_columns()
    row = window.model.row_of(ids["a"])
    cells = [window.model.index(row, c).data() for c in range(11)]
    total = len(items)
    assert cells[-1] == f"3/{total}"
    assert cells[4] == ("2027年1月15日" if language == "ja" else "2027-01-15")
    label = window.count_label  # laid out again for its longer text before the picture
    qtbot.waitUntil(lambda: label.width() >= label.sizeHint().width())
    folder = os.environ.get("ASSISTANT_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        window.grab().save(str(Path(folder) / f"case_list_staff_documents_{language}.png"))


def test_a_long_list_is_listed_a_chunk_at_a_time_and_counted_when_typing_rests(
        qtbot, store, settings, monkeypatch):
    """The view asks for more cases when scrolled to the end; a broad search shows its
    first cases at once and says how many it found once they are counted."""
    from assistant.ui import case_list
    from assistant.ui.main_window import MainWindow

    monkeypatch.setattr(case_list, "CHUNK", 40)
    ids = [add(store, f"PERSON {number:03d}", staff="行政 花子" if number % 2 else "")
           for number in range(100)]
    window = MainWindow(store, settings, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    model = window.model
    assert model.rowCount() in (40, 80) and model.canFetchMore()  # (the view may ask once)
    assert model.shown_count == 100 or model.shown_count is None
    window.list_page.table.scrollToBottom()
    qtbot.waitUntil(lambda: not model.canFetchMore() or model.rowCount() > 40)
    while model.canFetchMore():
        model.fetchMore()
    assert names(model) == [f"PERSON {n:03d}" for n in range(99, -1, -1)]
    window.list_page.search.setText("person")           # every case: 40 listed at once
    assert model.rowCount() == 40 and model.shown_count is None
    assert window.count_label.text() == "案件 100 件中 40 件以上を表示"
    qtbot.waitUntil(lambda: window.count_label.text() == "案件 100 件")
    window.list_page.staff_filter.setCurrentIndex(1)    # half of them
    qtbot.waitUntil(lambda: window.count_label.text() == "案件 100 件中 50 件を表示")
    assert model.row_of(ids[1]) == 49                    # found further down: listed
    assert model.rowCount() == 50
