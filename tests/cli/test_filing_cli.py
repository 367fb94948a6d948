"""``assistant case status ID [STATE …]`` on a real database file."""

from __future__ import annotations

import json
import re

import pytest

from assistant.cli import main
from assistant.model.case import CaseStatus
from assistant.model.office import OfficeStore, StaffProfile
from assistant.model.storage import CaseStore


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "office.sqlite"
    with CaseStore.open(path) as store:
        office = OfficeStore(store)
        saved = office.save(StaffProfile(id=StaffProfile.new_id(), name="行政　花子"))
        office.set_current(saved.id)
        case = store.create("renewal", {"name": "NGUYEN VAN A", "expiry_date": "20270115"})
        store.set_status(case.id, CaseStatus.READY)
    return path, case.id


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_steps_from_the_command_line_to_completed(db, capsys):
    path, case_id = db
    base = ("--db", str(path), "case", "status", case_id[:8])
    code, out, err = run(capsys, *base, "filed", "--number", "東オンEN25001877",
                         "--date", "令和8年11月20日")
    assert (code, err) == (0, "") and "申請済" in out
    code, _, err = run(capsys, *base, "accepted", "--number", "X-1")
    assert code == 0 and "通常の形" in err                       # warning, still recorded
    code, _, _ = run(capsys, *base, "awaiting_documents", "--note", "課税証明書",
                     "--due", "2026-12-10")
    assert code == 0
    code, _, _ = run(capsys, *base, "review_complete")
    assert code == 0
    code, out, _ = run(capsys, *base, "completed", "--expiry", "2032-01-15", "--period", "5年",
                       "--json")
    assert code == 0 and json.loads(out)["status"] == "completed"
    code, out, _ = run(capsys, *base, "--json")
    shown = json.loads(out)
    assert shown["application_number"] == "X-1" and shown["next"] == []
    rows = shown["history"]
    assert [r["status"] for r in rows][-5:] == [
        "filed", "accepted", "awaiting_documents", "review_complete", "completed"]
    assert rows[-5]["on"] == "2026-11-20" and rows[-5]["user"] == "行政　花子"
    assert (rows[-3]["note"], rows[-3]["due"]) == ("課税証明書", "2026-12-10")
    assert rows[-1]["granted_expiry"] == "2032-01-15"
    code, out, _ = run(capsys, *base)
    assert code == 0 and "完了" in out and "X-1" in out
    # the days as the office reads them (JSON above keeps ISO)
    lines = out.splitlines()
    assert lines[3].startswith("  2026年11月20日（令和8年）  申請済  行政　花子  東オンEN25001877")
    waiting = next(x for x in lines if "追完待ち" in x)
    assert "期限 2026年12月10日（令和8年）" in waiting and "課税証明書" in waiting
    done = next(x for x in lines if "  完了  " in x)
    assert "在留期間 5年" in done and "満了日 2032年1月15日（令和14年）" in done
    assert not re.search(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", out), out
    code, out, _ = run(capsys, "--lang", "en", *base)
    assert code == 0 and "expiry 2032-01-15" in out and "due 2026-12-10" in out


def test_an_illegal_step_exits_2_and_changes_nothing(db, capsys):
    path, case_id = db
    code, _, err = run(capsys, "--db", str(path), "case", "status", case_id, "completed",
                       "--expiry", "2032-01-15")
    assert code == 2 and "申請済、取下げ" in err
    code, _, err = run(capsys, "--db", str(path), "--lang", "en", "case", "status", case_id,
                       "finished")
    assert code == 2 and "under_review" in err
    code, _, err = run(capsys, "--db", str(path), "case", "status", case_id, "filed")
    assert code == 2 and "申請受付仮番号" in err
    code, _, err = run(capsys, "--db", str(path), "case", "status", case_id, "filed",
                       "--number", "東オンEN1", "--date", "2026-13-45")
    assert code == 2 and "日付" in err
    with CaseStore.open(path) as store:
        assert store.get(case_id).status is CaseStatus.READY
