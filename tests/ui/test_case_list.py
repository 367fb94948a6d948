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


def test_search_key_normalises():
    assert search_key("ＡＢ１２ 34") == "ab1234"
