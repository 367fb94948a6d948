"""``assistant deadlines`` on a real database file."""

from __future__ import annotations

import json
from datetime import date

from icalendar import Calendar

from assistant.cli import main
from assistant.model import filing
from assistant.model.case import CaseStatus
from assistant.model.storage import CaseStore


def test_deadlines_text_json_ics_and_bad_days(tmp_path, capsys):
    path = tmp_path / "office.sqlite"
    with CaseStore.open(path) as store:
        soon = store.create("renewal", {"name": "CLOSING SOON", "expiry_date": "20261210"})
        waiting = store.create("renewal", {"name": "GUEN VAN B", "expiry_date": "20270301"})
        store.set_status(waiting.id, CaseStatus.READY)
        for target, kw in ((CaseStatus.FILED, {"number": "東オンEN1"}),
                           (CaseStatus.AWAITING_DOCUMENTS,
                            {"note": "課税証明書", "due": date(2026, 12, 20)})):
            filing.perform_step(store, waiting.id, filing.StepRequest(target, **kw),
                                today=date(2026, 11, 26))
    db = ("--db", str(path))
    assert main([*db, "deadlines", "--on", "2026-11-26", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["kind"], r["date"], r["case_id"]) for r in rows] == [
        ("window_closing", "2026-12-09", soon.id), ("documents_due", "2026-12-20", waiting.id)]
    assert rows[0]["days_left"] == 13
    assert main([*db, "deadlines", "--on", "令和8年11月26日", "--within", "14"]) == 0
    out = capsys.readouterr().out
    assert "CLOSING SOON" in out and "GUEN" not in out
    # the day as the office reads it (JSON above and the .ics keep ISO / DATE values)
    assert out.splitlines()[0].startswith("2026年12月9日（令和8年）    13  CLOSING SOON: "), out
    target = tmp_path / "deadlines.ics"
    assert main([*db, "deadlines", "--on", "2026-11-26", "--ics", str(target)]) == 0
    capsys.readouterr()
    events = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert [e.decoded("DTSTART") for e in events] == [date(2026, 12, 9), date(2026, 12, 20)]
    assert main([*db, "deadlines", "--ics", str(target)]) == 2      # exists: --force needed
    assert "--force" in capsys.readouterr().err
    assert main([*db, "deadlines", "--within", "-3"]) == 2
    assert "0 以上" in capsys.readouterr().err
