"""``assistant backup list|create|check|restore`` and the damage checks, on real files."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from assistant.cli import main
from assistant.model.storage import CaseStore
from tests.model.storage_files import PAGE, filled_database, overwrite_page


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "data" / "cases.sqlite"
    filled_database(path, cases=40)
    return path


def _listed(capsys, db):
    return run(capsys, "case", "list", "--json", "--db", str(db))


def test_case_list_on_a_damaged_database_says_so_instead_of_answering_0(capsys, db):
    overwrite_page(db, db.stat().st_size // PAGE // 2)
    code, out, err = run(capsys, "case", "list", "--db", str(db))
    assert code == 2 and out == ""
    assert "データベースが壊れています" in err and "assistant backup restore" in err
    # importing a case into it is refused too, and nothing is written
    from assistant.model import casefile
    from assistant.model.case import Case

    case_file = db.parent / "one.json"
    casefile.write_case_file(case_file, Case(id="", procedure="renewal",
                                             values={"name": "NEW ONE"}))
    before = db.read_bytes()
    code, out, err = run(capsys, "case", "import", str(case_file), "--db", str(db))
    assert code == 2 and "データベースが壊れています" in err
    assert db.read_bytes() == before


def test_backup_create_list_check_and_restore_after_damage(capsys, db, tmp_path):
    code, out, _ = run(capsys, "backup", "create", "--db", str(db))
    assert code == 0 and "検査済み" in out
    code, out, _ = run(capsys, "backup", "list", "--json", "--db", str(db))
    (entry,) = json.loads(out)
    assert entry["number"] == 1 and entry["reason"] == "manual"
    code, out, _ = run(capsys, "backup", "list", "--db", str(db))   # the time as the office reads
    taken = datetime.fromisoformat(entry["taken_at"]).astimezone()
    assert out.split("\t")[1] == (f"{taken.year}年{taken.month}月{taken.day}日（令和"
                                  f"{taken.year - 2018}年） {taken:%H:%M:%S}")
    code, out, _ = run(capsys, "backup", "check", "--db", str(db))
    assert code == 0 and "異常はありません" in out

    overwrite_page(db, 3)
    code, out, _ = run(capsys, "backup", "check", "--db", str(db))
    assert code == 1 and "壊れています" in out
    code, out, err = run(capsys, "backup", "create", "--db", str(db))
    assert code == 2 and "検査に失敗" in err        # a damaged database makes no backup

    code, out, _ = run(capsys, "backup", "restore", "1", "--db", str(db))
    assert code == 0 and "復元しました" in out and "aside" in out
    code, out, _ = _listed(capsys, db)
    assert code == 0 and len(json.loads(out)) == 40
    (aside,) = (db.parent / "backups" / "aside").iterdir()
    assert (aside / "cases.sqlite").stat().st_size > 0  # the damaged file is kept


def test_a_0_byte_database_is_reported_and_the_latest_backup_restored(capsys, db):
    run(capsys, "backup", "create", "--db", str(db))
    db.write_bytes(b"")
    code, out, err = _listed(capsys, db)
    assert code == 2 and "0 バイト" in err
    assert db.stat().st_size == 0
    code, out, _ = run(capsys, "backup", "restore", "--latest", "--db", str(db))
    assert code == 0
    code, out, _ = _listed(capsys, db)
    assert len(json.loads(out)) == 40


def test_restore_empty_starts_over_and_keeps_the_old_file(capsys, db):
    db.unlink()
    code, _, err = _listed(capsys, db)
    assert code == 2 and "見つかりません" in err
    code, out, _ = run(capsys, "backup", "restore", "--empty", "--db", str(db))
    assert code == 0 and "空のデータベース" in out
    code, out, _ = _listed(capsys, db)
    assert code == 0 and json.loads(out) == []


def test_restore_of_an_unknown_backup_exits_2_and_changes_nothing(capsys, db):
    before = db.read_bytes()
    code, _, err = run(capsys, "backup", "restore", "7", "--db", str(db))
    assert code == 2 and "見つかりません" in err
    assert db.read_bytes() == before


def test_restore_of_an_intact_database_backs_it_up_first(capsys, db):
    run(capsys, "backup", "create", "--db", str(db))
    with CaseStore.open(db) as store:
        store.create("renewal", {"name": "AFTER THE BACKUP"})
    code, out, _ = run(capsys, "backup", "restore", "1", "--db", str(db))
    assert code == 0
    code, out, _ = run(capsys, "backup", "list", "--json", "--db", str(db))
    reasons = [e["reason"] for e in json.loads(out)]
    assert reasons[0] == "restore"  # the state before the restore can be restored again
    code, out, _ = run(capsys, "backup", "restore", "1", "--db", str(db))
    code, out, _ = _listed(capsys, db)
    assert "AFTER THE BACKUP" in out


def test_backup_without_an_action_is_a_usage_error(capsys):
    code, _, err = run(capsys, "backup")
    assert code == 2 and "list" in err


CHILD = r"""
import sys, time
from assistant.model.storage import CaseStore
store = CaseStore.open(sys.argv[1])
print("open", flush=True)
time.sleep(60)
"""


def test_restore_refuses_a_database_another_program_has_open(capsys, db):
    """The GUI of another process holds the database: nothing is moved or replaced."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    run(capsys, "backup", "create", "--db", str(db))
    root = Path(__file__).resolve().parents[2]
    holder = subprocess.Popen([sys.executable, "-c", CHILD, str(db)], stdout=subprocess.PIPE,
                              text=True, env={**os.environ, "PYTHONPATH": str(root)})
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        before = db.read_bytes()
        code, out, err = run(capsys, "backup", "restore", "1", "--db", str(db))
        assert code == 2 and "使用中" in err
        code, out, err = run(capsys, "backup", "restore", "--empty", "--db", str(db))
        assert code == 2 and "使用中" in err
        assert db.read_bytes() == before
        assert not (db.parent / "backups" / "aside").exists()
    finally:
        holder.kill()
        holder.wait()
    code, out, _ = run(capsys, "backup", "restore", "1", "--db", str(db))
    assert code == 0
