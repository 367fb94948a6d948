"""A case file carries the steps after filing: ``case export`` from one office's database,
``case import`` into a fresh data folder, and the history, numbers, 担当者 and the next renewal
deadline are the same there (real SQLite files, the real command line)."""

from __future__ import annotations

import json

import pytest

from assistant.cli import main
from assistant.model.case import CaseStatus
from assistant.model.office import OfficeStore, StaffProfile
from assistant.model.storage import CaseStore

STAFF = "行政　花子"


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def completed_case(tmp_path, capsys):
    """A renewal taken from 入力完了 to 完了 with ``assistant case status`` (office A)."""
    path = tmp_path / "office-a.sqlite"
    with CaseStore.open(path) as store:
        office = OfficeStore(store)
        saved = office.save(StaffProfile(id=StaffProfile.new_id(), name=STAFF))
        office.set_current(saved.id)
        case = store.create("renewal", {"name": "NGUYEN VAN A", "expiry_date": "20270115"},
                            staff=STAFF)
        store.set_status(case.id, CaseStatus.READY)
    base = ("--db", path, "case", "status", case.id)
    for step in (("filed", "--number", "東オンEN25001877", "--date", "令和8年11月20日"),
                 ("accepted", "--number", "東オンEN25001878", "--date", "2026-11-21"),
                 ("under_review", "--date", "2026-11-25"),
                 ("awaiting_documents", "--note", "課税証明書", "--due", "2026-12-10",
                  "--date", "2026-11-30"),
                 ("review_complete", "--date", "2026-12-20"),
                 ("completed", "--expiry", "2032-01-15", "--period", "5年",
                  "--date", "2026-12-24")):
        code, _, err = run(capsys, *base, *step, "--today", "2026-12-24")
        assert (code, err) == (0, ""), err
    return path, case.id


def _shown(capsys, *db, case_id):
    """What the office sees of the case: status with history (JSON and text), list row,
    deadlines on a fixed day."""
    code, status_json, _ = run(capsys, *db, "case", "status", case_id, "--json")
    assert code == 0
    code, status_text, _ = run(capsys, *db, "case", "status", case_id)
    assert code == 0
    code, rows, _ = run(capsys, *db, "case", "list", "--json")
    assert code == 0
    row = next(r for r in json.loads(rows) if r["id"] == case_id)
    code, due, _ = run(capsys, "deadlines", *db, "--on", "2031-10-01", "--json")
    assert code == 0
    return json.loads(status_json), status_text, row, json.loads(due)


def test_export_then_import_into_a_fresh_data_folder_shows_the_same(completed_case, tmp_path,
                                                                    capsys, monkeypatch):
    path, case_id = completed_case
    before = _shown(capsys, "--db", path, case_id=case_id)
    file = tmp_path / "nguyen.json"
    code, _, _ = run(capsys, "--db", path, "case", "export", case_id, "--out", file)
    assert code == 0
    data = json.loads(file.read_text(encoding="utf-8"))
    assert data["schema_version"] == 2 and data["staff"] == STAFF
    waiting = next(h for h in data["history"] if h["status"] == "awaiting_documents")
    assert (waiting["note"], waiting["due"], waiting["on"], waiting["user"]) == (
        "課税証明書", "2026-12-10", "2026-11-30", STAFF)
    assert (data["history"][-1]["granted_period"], data["history"][-1]["granted_expiry"]) == (
        "5年", "2032-01-15")

    # another office: a new data folder, its database made by the import (no --db)
    fresh = tmp_path / "office-b"
    fresh.mkdir()
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(fresh))
    code, out, _ = run(capsys, "case", "import", file, "--json")
    assert code == 0 and json.loads(out)["id"] == case_id
    after = _shown(capsys, case_id=case_id)
    status, text, row, due = after
    assert status == before[0]                     # every step: day, who, number, note, due …
    assert [h["status"] for h in status["history"]] == [
        "draft", "ready", "filed", "accepted", "under_review", "awaiting_documents",
        "review_complete", "completed"]
    assert status["history"][2]["on"] == "2026-11-20" and status["history"][2]["user"] == STAFF
    assert text == before[1] and "課税証明書" in text and "完了" in text
    assert row == before[2]
    assert (row["status"], row["application_number"], row["provisional_number"],
            row["staff"]) == ("completed", "東オンEN25001878", "東オンEN25001877", STAFF)
    # the next renewal window, from the expiry granted at 完了, is the same deadline
    assert due == before[3]
    assert any(d["kind"] == "window_opening" and d["case_id"] == case_id for d in due), due


def test_a_file_without_history_imports_without_one(completed_case, tmp_path, capsys):
    path, case_id = completed_case
    file = tmp_path / "bare.json"
    code, _, _ = run(capsys, "--db", path, "case", "export", case_id, "--out", file,
                     "--no-history")
    assert code == 0 and "history" not in json.loads(file.read_text(encoding="utf-8"))
    other = tmp_path / "other.sqlite"
    assert run(capsys, "--db", other, "case", "import", file)[0] == 0
    code, out, _ = run(capsys, "--db", other, "case", "status", case_id, "--json")
    shown = json.loads(out)
    assert [h["status"] for h in shown["history"]] == ["completed"]   # recorded once
    assert shown["application_number"] == "東オンEN25001878"


FORMAT_1 = {
    "format": "zairyu-assistant-case", "schema_version": 1, "id": "0123456789abcdef",
    "procedure": "renewal", "status": "filed", "provisional_number": "TMP-1",
    "values": {"name": "WANG WEI"},
    "history": [{"status": "draft", "at": "2026-11-20T09:00:00+00:00", "note": "",
                 "number": ""},
                {"status": "filed", "at": "2026-11-26T10:30:00+00:00", "note": "",
                 "number": "TMP-1"}],
}


def test_a_format_1_file_still_imports(tmp_path, capsys):
    file = tmp_path / "old.json"
    file.write_text(json.dumps(FORMAT_1, ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "cases.sqlite"
    assert run(capsys, "--db", db, "case", "import", file)[0] == 0
    code, out, _ = run(capsys, "--db", db, "case", "status", "0123456789", "--json")
    shown = json.loads(out)
    assert [(h["status"], h["on"], h["user"], h["number"]) for h in shown["history"]] == [
        ("draft", "2026-11-20", "", ""), ("filed", "2026-11-26", "", "TMP-1")]
    assert shown["provisional_number"] == "TMP-1"
    assert "accepted" in shown["next"]


def _history(*entries, status):
    return {**FORMAT_1, "schema_version": 2, "status": status,
            "history": [{"status": s, "at": f"2026-11-{20 + n}T09:00:00+00:00", **extra}
                        for n, (s, extra) in enumerate(entries)]}


@pytest.mark.parametrize(("data", "message"), [
    (_history(("draft", {}), ("ready", {}), ("completed", {}), status="completed"),
     "「入力完了」の次に「完了」が記録されています"),
    (_history(("ready", {}), ("filed", {}), ("approved", {}), status="filed"),
     "「history[2].status」の状態「approved」はこのアプリにありません"),
    (_history(("ready", {}), ("filed", {"on": "2026-02-30"}), status="filed"),
     "「history[1].on」の日付「2026-02-30」が正しくありません"),
    (_history(("ready", {}), ("filed", {}), ("awaiting_documents", {"due": "20261210"}),
              status="awaiting_documents"), "「history[2].due」の日付「20261210」"),
    (_history(("review_complete", {}), ("completed", {"granted_expiry": "令和14年1月15日"}),
              status="completed"), "history[1].granted_expiry"),
    (_history(("ready", {}), ("filed", {}), status="completed"),
     "状態「完了」が履歴と合いません（履歴の最後は「申請済」）"),
    (_history(("filed", {"user": 7}), status="filed"), "history[0].user"),
])
def test_a_bad_history_is_refused_and_nothing_is_imported(tmp_path, capsys, data, message):
    db = tmp_path / "cases.sqlite"
    with CaseStore.open(db) as store:
        store.create("coe", {"name": "ALREADY HERE"})
    before = db.read_bytes()   # closed: everything is in the main file
    file = tmp_path / "bad.json"
    file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, out, err = run(capsys, "--db", db, "case", "import", file)
    assert code == 2 and out == "" and message in err, err
    assert db.read_bytes() == before
    with CaseStore.open(db) as store:
        assert store.count(include_deleted=True) == 1
    code, _, err = run(capsys, "validate", file)    # the same judgement when only checked
    assert code == 2 and message in err


def test_an_older_export_with_a_filed_case_marked_ready_again_still_imports(tmp_path, capsys):
    """Versions before the fix let 入力完了にする move a 申請済 case back to 入力完了: the office's
    own export of such a case is read back, history and all."""
    data = _history(("ready", {}), ("filed", {"number": "東オンEN25001878"}), ("ready", {}),
                    status="ready")
    file = tmp_path / "older.json"
    file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "cases.sqlite"
    code, _, err = run(capsys, "--db", db, "case", "import", file)
    assert code == 0, err
    with CaseStore.open(db) as store:
        (summary,) = store.list_summaries()
        assert store.get(summary.id).status.value == "ready"
        assert [h.status.value for h in store.history(summary.id)] == ["ready", "filed", "ready"]
