"""Storage figures: the case list for 10,000 cases and the cost of one durable autosave.

Prints, for a database of N cases with ~60 values each (real SQLite file in a temp folder):
- ``list_summaries`` time (the case list's one query), against a baseline measured in the same
  run: a bare ``SELECT id, updated_at FROM cases ORDER BY updated_at`` on the same file;
- ``set_value`` time (one durable, fsynced transaction with its audit row), against a baseline
  of the same upsert with ``synchronous=OFF`` on a copy (what durability costs).

- ``CaseStore.open`` (which runs ``PRAGMA quick_check``) against a bare connect, the full
  ``integrity_check`` and one verified backup (the damage checks' and backups' cost).

Usage: python benchmarks/storage_bench.py [N]
"""

from __future__ import annotations

import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant.model.case import Case  # noqa: E402
from assistant.model.storage import CaseStore  # noqa: E402


def _fill(store: CaseStore, n: int) -> None:
    """Insert ``n`` cases in one transaction through the store's own insert path."""
    base = datetime(2026, 1, 1, tzinfo=UTC)
    with store._write() as conn:  # noqa: SLF001 - bulk fill for the benchmark only
        for i in range(n):
            values = {"name": f"APPLICANT {i}", "nationality": "中国", "current_status": "T26",
                      "expiry_date": "20270115", "zairyu_card_number": f"AB{i:08d}CD"}
            values.update({f"field_{k:02d}": f"値{k}" for k in range(55)})
            moment = base + timedelta(minutes=i)
            store._insert_case(conn, Case(  # noqa: SLF001
                id=uuid.uuid4().hex, procedure="renewal", values=values,
                created_at=moment, updated_at=moment))


def _best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    folder = Path(tempfile.mkdtemp(prefix="storage-bench-"))
    try:
        db = folder / "cases.sqlite"
        with CaseStore.open(db) as store:
            _fill(store, n)
        with CaseStore.open(db) as store:  # a fresh open, as when the application starts
            cold = _best(store.list_summaries, 1)
            warm = _best(store.list_summaries, 5)
            conn = store.connection
            base = _best(lambda: conn.execute(
                "SELECT id, updated_at FROM cases ORDER BY updated_at").fetchall(), 5)
            rows = len(store.list_summaries())
            print(f"cases: {n}, rows listed: {rows}")
            print(f"list_summaries: first {cold * 1000:.1f} ms, best {warm * 1000:.1f} ms; "
                  f"baseline bare SELECT {base * 1000:.1f} ms; ratio {warm / base:.1f}x")

            case_id = store.list_summaries()[0].id
            durable = []
            for k in range(50):
                start = time.perf_counter()
                store.set_value(case_id, "remarks_field", f"autosave {k}")
                durable.append(time.perf_counter() - start)
        # What the damage checks cost: open (with PRAGMA quick_check) against a bare connect and
        # one read of the schema; the full integrity_check (run in a worker thread at start) and
        # one verified backup (online backup API + quick_check of the copy).
        def bare_open() -> None:
            c = sqlite3.connect(db)
            c.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            c.close()

        opened = _best(lambda: CaseStore.open(db).close(), 3)
        bare = _best(bare_open, 3)
        print(f"open with quick_check: {opened * 1000:.1f} ms; baseline bare connect "
              f"{bare * 1000:.2f} ms; ratio {opened / bare:.0f}x")
        from assistant.model.storage import backups, health

        full = _best(lambda: health.integrity_check(db), 1)
        made = _best(lambda: backups.create_backup(db, now=datetime.now(UTC),
                                                   folder=folder / "b"), 1)
        print(f"full integrity_check (worker thread): {full * 1000:.0f} ms; verified backup "
              f"{made * 1000:.0f} ms ({db.stat().st_size / 1_048_576:.1f} MB); "
              f"ratio to open {full / opened:.1f}x / {made / opened:.1f}x")
        copy = folder / "copy.sqlite"
        shutil.copy(db, copy)
        raw = sqlite3.connect(copy, isolation_level=None)
        raw.execute("PRAGMA journal_mode=WAL")
        raw.execute("PRAGMA synchronous=OFF")
        loose = []
        for k in range(50):
            start = time.perf_counter()
            raw.execute("INSERT INTO case_values VALUES (?,?,?) ON CONFLICT (case_id, key) "
                        "DO UPDATE SET value = excluded.value", (case_id, "remarks_field", str(k)))
            loose.append(time.perf_counter() - start)
        raw.close()
        med_d, med_l = statistics.median(durable), statistics.median(loose)
        print(f"set_value (durable, fsync, audit): median {med_d * 1000:.2f} ms; "
              f"baseline unsynced upsert {med_l * 1000:.3f} ms; ratio {med_d / med_l:.0f}x")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
