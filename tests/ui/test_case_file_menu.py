"""書き出し / 読み込み in the main window carry the steps after filing and the 担当者 (real
SQLite file, real case file; only the file dialogs are answered)."""

from __future__ import annotations

import json
from datetime import date

from assistant.model import filing
from assistant.model.case import CaseStatus
from assistant.ui import ask

STAFF = "行政　花子"


def _completed_case(store) -> str:
    case = store.create("renewal", {"name": "NGUYEN VAN A", "expiry_date": "20270115"},
                        staff=STAFF)
    store.set_status(case.id, CaseStatus.READY)
    for request in (
            filing.StepRequest(CaseStatus.FILED, on=date(2026, 11, 20), number="東オンEN25001877"),
            filing.StepRequest(CaseStatus.ACCEPTED, number="東オンEN25001878"),
            filing.StepRequest(CaseStatus.AWAITING_DOCUMENTS, note="課税証明書",
                               due=date(2026, 12, 10)),
            filing.StepRequest(CaseStatus.REVIEW_COMPLETE),
            filing.StepRequest(CaseStatus.COMPLETED, period="5年", expiry=date(2032, 1, 15))):
        filing.perform_step(store, case.id, request, today=date(2026, 11, 26), user=STAFF)
    return case.id


def test_export_and_import_from_the_window_keep_the_history_and_staff(
        qtbot, store, main_window, monkeypatch, tmp_path):
    case_id = _completed_case(store)
    main_window.reload_cases()
    main_window.list_page.select_case(case_id)
    file = tmp_path / "nguyen.json"
    monkeypatch.setattr(ask, "save_file", lambda *a, **k: file)
    main_window.export_selected()
    data = json.loads(file.read_text(encoding="utf-8"))
    assert data["staff"] == STAFF
    assert [h["status"] for h in data["history"]][-3:] == [
        "awaiting_documents", "review_complete", "completed"]

    monkeypatch.setattr(ask, "open_file", lambda *a, **k: file)
    main_window.import_case_file()   # the same database: the id is taken, a new case
    qtbot.waitUntil(lambda: main_window.list_page.current_case_id() not in ("", case_id))
    new_id = main_window.list_page.current_case_id()
    assert store.history(new_id) == store.history(case_id)
    assert store.staff_of(new_id) == STAFF
    rows = {s.id: s for s in store.list_summaries()}
    original, imported = rows[case_id], rows[new_id]
    assert (imported.status, imported.provisional_number, imported.application_number,
            imported.staff) == (original.status, original.provisional_number,
                                original.application_number, original.staff)
    assert imported.status is CaseStatus.COMPLETED
    grant = filing.latest_grant(store.history(new_id))
    assert grant is not None and grant.granted_expiry == "2032-01-15"
