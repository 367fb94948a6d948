"""The case list: item models checked by qtmodeltester, search and filters as the office uses them."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt

from assistant.ui.case_list import CaseFilterProxy, CaseRow, CaseTableModel, search_key


def row(case_id: str, name: str, procedure: str = "renewal", status: str = "draft",
        card: str = "", expiry: date | None = None) -> CaseRow:
    return CaseRow(case_id=case_id, name=name, nationality="ベトナム", procedure=procedure,
                   procedure_label=procedure, current_status="", expiry_date=expiry,
                   status=status, status_label=status, application_number="",
                   updated_at=datetime(2026, 11, 1, 9, 30), zairyu_card_number=card)


def words(r: CaseRow) -> tuple[str, int]:
    if r.expiry_date is None:
        return "", 100_000
    left = (r.expiry_date - date(2026, 11, 26)).days
    return f"あと{left}日", left


def make_models(qtbot=None):
    model = CaseTableModel(window_words=words)
    model.set_rows([
        row("a", "NGUYEN VAN AN", card="AB12345678CD", expiry=date(2027, 1, 15)),
        row("b", "LI MING", procedure="change", expiry=date(2026, 12, 1)),
        row("c", "SANTOS MARIA", status="ready", card="CD87654321EF"),
    ])
    proxy = CaseFilterProxy()
    proxy.setSourceModel(model)
    return model, proxy


def names(proxy) -> list[str]:
    return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]


def test_models_pass_qtmodeltester(qtmodeltester):
    model, proxy = make_models()
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)
    proxy.set_search("li")
    proxy.set_status("draft")
    qtmodeltester.check(proxy)


def test_empty_model_passes_qtmodeltester(qtmodeltester):
    qtmodeltester.check(CaseTableModel())


def test_incremental_search_by_name_or_card_number_ignores_width_and_case():
    _model, proxy = make_models()
    proxy.set_search("ngu")
    assert names(proxy) == ["NGUYEN VAN AN"]
    proxy.set_search("ｃｄ８７")  # full-width, as typed with the IME on
    assert names(proxy) == ["SANTOS MARIA"]
    proxy.set_search("van an")
    assert names(proxy) == ["NGUYEN VAN AN"]
    proxy.set_search("")
    assert len(names(proxy)) == 3


def test_filters_by_status_and_procedure_combine_with_search():
    _model, proxy = make_models()
    proxy.set_status("ready")
    assert names(proxy) == ["SANTOS MARIA"]
    proxy.set_status("")
    proxy.set_procedure("change")
    assert names(proxy) == ["LI MING"]
    proxy.set_search("santos")
    assert names(proxy) == []


def test_sorting_by_window_puts_the_most_urgent_first():
    _model, proxy = make_models()
    proxy.sort(5, Qt.SortOrder.AscendingOrder)
    assert names(proxy) == ["LI MING", "NGUYEN VAN AN", "SANTOS MARIA"]
    assert proxy.index(0, 5).data() == "あと5日"
    # Five days left is shown in red.
    assert proxy.index(0, 5).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert proxy.index(1, 5).data(Qt.ItemDataRole.ForegroundRole) is None


def test_an_edited_case_updates_its_row_and_a_new_one_is_added():
    model, proxy = make_models()
    model.update_row(row("b", "LI MING CHANGED", procedure="change"))
    model.update_row(row("d", "NEW PERSON"))
    model.remove_case("a")
    assert sorted(names(proxy)) == ["LI MING CHANGED", "NEW PERSON", "SANTOS MARIA"]


def test_a_new_case_takes_its_place_in_a_sorted_list(qtmodeltester):
    model, proxy = make_models()
    proxy.sort(0, Qt.SortOrder.AscendingOrder)  # by name
    model.update_row(row("d", "MORI KEN"))
    assert names(proxy) == ["LI MING", "MORI KEN", "NGUYEN VAN AN", "SANTOS MARIA"]
    proxy.sort(0, Qt.SortOrder.DescendingOrder)
    model.update_row(row("e", "OKADA AI"))
    assert names(proxy) == ["SANTOS MARIA", "OKADA AI", "NGUYEN VAN AN", "MORI KEN", "LI MING"]
    qtmodeltester.check(proxy)


def test_search_key_normalises():
    assert search_key("ＡＢ１２ 34") == "ab1234"


def test_proxy_follows_source_changes_while_filtered(qtmodeltester):
    """Rows added, edited and removed under an active filter show up (or not) as they should."""
    model, proxy = make_models()
    proxy.set_status("draft")
    qtmodeltester.check(proxy)
    assert names(proxy) == ["NGUYEN VAN AN", "LI MING"]
    model.update_row(row("d", "NEW PERSON"))                  # added, passes the filter
    model.update_row(row("e", "READY PERSON", status="ready"))  # added, filtered out
    assert names(proxy) == ["NGUYEN VAN AN", "LI MING", "NEW PERSON"]
    model.update_row(row("b", "LI MING", procedure="change", status="ready"))  # leaves the filter
    assert names(proxy) == ["NGUYEN VAN AN", "NEW PERSON"]
    model.update_row(row("c", "SANTOS MARIA"))                # back to draft: enters it
    assert names(proxy) == ["NGUYEN VAN AN", "SANTOS MARIA", "NEW PERSON"]
    model.remove_case("a")
    model.remove_case("e")                                    # hidden row removed: no change
    assert names(proxy) == ["SANTOS MARIA", "NEW PERSON"]
    proxy.set_status("")
    assert names(proxy) == ["LI MING", "SANTOS MARIA", "NEW PERSON"]
    assert proxy.mapToSource(proxy.index(0, 0)).row() == model.row_of("b")
    assert proxy.mapFromSource(model.index(model.row_of("d"), 0)).row() == 2


def test_selected_case_stays_selected_while_typing_and_sorting(qtbot):
    """The user's selected case stays selected while it still matches and after a sort."""
    from PySide6.QtCore import QItemSelectionModel
    from PySide6.QtWidgets import QTableView

    model, proxy = make_models()
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    selection = view.selectionModel()
    selection.setCurrentIndex(proxy.index(2, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                              | QItemSelectionModel.SelectionFlag.Rows)
    assert view.currentIndex().data() == "SANTOS MARIA"
    proxy.set_search("s")
    proxy.set_search("sa")
    assert names(proxy) == ["SANTOS MARIA"]
    assert view.currentIndex().data() == "SANTOS MARIA"
    proxy.set_search("")
    proxy.sort(0, Qt.SortOrder.DescendingOrder)
    assert names(proxy) == ["SANTOS MARIA", "NGUYEN VAN AN", "LI MING"]
    assert view.currentIndex().row() == 0
    assert view.currentIndex().data() == "SANTOS MARIA"
    assert selection.isRowSelected(0)
    proxy.set_search("li")                                  # the selected case no longer matches
    assert names(proxy) == ["LI MING"]
    assert not selection.hasSelection()
