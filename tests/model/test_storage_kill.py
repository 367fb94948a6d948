"""Durability: SIGKILL the writing process at random moments; nothing acknowledged is lost.

A child process changes cases in a loop (values, new cases, status changes) and prints an
acknowledgement line after each call has returned. The test kills it with SIGKILL at a random
moment — also while it is opening or creating the database — 50 times in a row on the same
file, and after each kill checks ``PRAGMA integrity_check`` and that every acknowledged change
is in the database.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.model.case import CaseStatus
from assistant.model.storage import CaseStore

ROUNDS = 50

WRITER = r"""
import sys
from assistant.model.storage import CaseStore

path, start = sys.argv[1], int(sys.argv[2])
store = CaseStore.open(path)
summaries = store.list_summaries()
case_id = summaries[-1].id if summaries else store.create("renewal").id
print("open", case_id, flush=True)
i = start
while True:
    if i % 7 == 0:
        new = store.create("change", {"name": f"N{i}"})
        print("create", new.id, f"N{i}", flush=True)
    elif i % 11 == 0:
        store.set_status(case_id, "filed", number=f"T{i}", note=f"s{i}")
        print("status", case_id, f"s{i}", flush=True)
    else:
        store.set_value(case_id, f"k{i}", f"値{i}")
        print("value", case_id, f"k{i}", flush=True)
    i += 1
"""


def _acks(output: str) -> list[list[str]]:
    # A line cut off by the kill has no newline: it was never acknowledged.
    return [line.split() for line in output.splitlines(keepends=True) if line.endswith("\n")]


@pytest.mark.slow
def test_sigkill_never_loses_acknowledged_changes(tmp_path: Path) -> None:
    db = tmp_path / "kill.sqlite"
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    rng = random.Random(20261126)
    acknowledged: list[list[str]] = []
    counter = 0
    total_kills_mid_write = 0
    for _round in range(ROUNDS):
        proc = subprocess.Popen([sys.executable, str(script), str(db), str(counter)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                                text=True, encoding="utf-8")
        first = ""
        if _round % 5 == 0:  # anywhere, including start-up, creation and migration
            time.sleep(rng.uniform(0.0, 0.3))
        else:  # inside the writing loop, however slow the machine is today
            assert proc.stdout is not None
            first = proc.stdout.readline()  # "open"
            first += proc.stdout.readline()  # the first acknowledged change
            time.sleep(rng.uniform(0.0, 0.1))
        proc.send_signal(signal.SIGKILL)
        out, err = proc.communicate(timeout=30)
        out = first + out
        assert proc.returncode == -signal.SIGKILL, err
        acks = _acks(out)
        writes = [a for a in acks if a[0] != "open"]
        total_kills_mid_write += bool(writes)
        acknowledged.extend(writes)
        counter += len(writes) + 1  # the unacknowledged step may or may not have happened

        conn = sqlite3.connect(db)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        finally:
            conn.close()
        if not db.exists() or not acknowledged:
            continue
        with CaseStore.open(db) as store:  # opening also recovers the WAL left by the kill
            conn = store.connection
            values = {(c, k): v for c, k, v in conn.execute("SELECT * FROM case_values")}
            procedures = dict(conn.execute("SELECT id, procedure FROM cases"))
            notes = {(c, n) for c, n in conn.execute(
                "SELECT case_id, note FROM status_history WHERE status = ?",
                (CaseStatus.FILED.value,))}
        for kind, case_id, token in acknowledged:
            if kind == "value":
                assert values.get((case_id, token)) == "値" + token[1:], token
            elif kind == "create":
                assert procedures.get(case_id) == "change"
                assert values.get((case_id, "name")) == token
            else:
                assert (case_id, token) in notes, token
    print(f"{ROUNDS} kills, {total_kills_mid_write} inside the loop, "
          f"{len(acknowledged)} acknowledged changes all present")
    # The random moments must actually have hit the writing loop, not only start-up.
    assert total_kills_mid_write >= ROUNDS * 3 // 4, total_kills_mid_write
    assert len(acknowledged) > ROUNDS
