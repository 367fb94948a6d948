"""The 書き出し menu writes the bulk CSV of the ready cases, a transcription sheet, a checklist."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox

from assistant.model.case import CaseStatus, ReceiptMethod


def ready_case(store):
    case = store.create("renewal", {"name": "NGUYEN VAN AN", "expiry_date": "20270115",
                                    "nationality": "ベトナム Viet Nam"})
    store.set_receipt_method(case.id, ReceiptMethod.MAIL)
    store.set_status(case.id, CaseStatus.READY)
    return case


def test_transcription_and_checklist_pdfs(qtbot, store, main_window, monkeypatch, tmp_path):
    case = ready_case(store)
    main_window.reload_cases()
    main_window.list_page.select_case(case.id)
    for action, name in ((main_window.exports.transcription_action, "sheet.pdf"),
                         (main_window.exports.checklist_action, "check.pdf")):
        target = tmp_path / name
        monkeypatch.setattr(QFileDialog, "getSaveFileName",
                            lambda *a, t=target, **k: (str(t), ""))
        action.trigger()
        assert target.read_bytes().startswith(b"%PDF")


def test_bulk_csv_of_the_ready_cases_shown(qtbot, store, main_window, monkeypatch, tmp_path):
    ready_case(store)
    store.create("renewal", {"name": "DRAFT ONLY"})
    main_window.reload_cases()
    out = tmp_path / "bulk"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(out))
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: said.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: said.append(text))
    main_window.exports.bulk_action.trigger()
    files = list(out.glob("*.csv"))
    assert files, said
    text = files[0].read_text(encoding="utf-8-sig")
    assert "NGUYEN VAN AN" in text and "DRAFT ONLY" not in text
    assert said and "1 件" in said[-1]


def test_bulk_without_ready_cases_explains(qtbot, store, main_window, monkeypatch):
    store.create("renewal", {"name": "DRAFT ONLY"})
    main_window.reload_cases()
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: said.append(text))
    main_window.exports.bulk_action.trigger()
    assert said and "入力完了" in said[0]
