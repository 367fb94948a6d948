"""A read-only database or a full disk: a typed StorageError in Japanese, nothing lost, no crash.

Both run the store in a child process: the disk-full case needs ``RLIMIT_FSIZE`` (a file-size
limit makes the kernel refuse writes with EFBIG exactly like a full disk refuses them with
ENOSPC), and the read-only case must drop root's permission override (``setpriv`` removes
CAP_DAC_OVERRIDE) when the tests run as root, as they do in the project's container.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.model.storage import CaseStore

REPO = Path(__file__).resolve().parents[2]

CHILD = r"""
import json, resource, signal, sys
from assistant.model.storage import CaseStore, StorageError

path, mode, case_id = sys.argv[1], sys.argv[2], sys.argv[3]
result = {}
try:
    store = CaseStore.open(path)
    result["opened"] = True
    result["before"] = store.get(case_id).values
    if mode == "full":
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)   # get EFBIG instead of being killed
        resource.setrlimit(resource.RLIMIT_FSIZE, (256 * 1024, resource.RLIM_INFINITY))
    store.set_value(case_id, "remarks_long", "あ" * 2_000_000)
    result["written"] = True
except StorageError as exc:
    result.update(code=exc.code, ja=exc.message_ja, en=exc.message_en)
    if result.get("opened"):
        try:   # the store stays usable for reading after the failed write
            result["after"] = store.get(case_id).values
        except StorageError as again:
            result["after_error"] = again.code
print(json.dumps(result, ensure_ascii=False))
"""


def _run_child(db: Path, mode: str, case_id: str, prefix: list[str]) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run([*prefix, sys.executable, "-c", CHILD, str(db), mode, case_id],
                          capture_output=True, text=True, encoding="utf-8", env=env, timeout=60)
    assert proc.returncode == 0, proc.stderr  # no crash, no traceback
    result: dict[str, object] = json.loads(proc.stdout)
    return result


def _make_db(folder: Path) -> tuple[Path, str]:
    db = folder / "cases.sqlite"
    with CaseStore.open(db) as store:
        case = store.create("renewal", {"name": "TANAKA TARO", "nationality": "日本"})
    return db, case.id


def _assert_intact(db: Path, case_id: str) -> None:
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    with CaseStore.open(db) as store:
        assert store.get(case_id).values == {"name": "TANAKA TARO", "nationality": "日本"}


def test_disk_full_gives_japanese_storage_error_and_keeps_data(tmp_path):
    db, case_id = _make_db(tmp_path)
    result = _run_child(db, "full", case_id, [])
    assert "written" not in result
    assert result["code"] in ("storage_disk_full", "storage_io_error")
    assert "保存できません" in result["ja"] or "エラーが発生しました" in result["ja"]
    assert "入力中の内容は画面に残っています" in result["ja"]
    assert result["after"] == {"name": "TANAKA TARO", "nationality": "日本"}
    _assert_intact(db, case_id)


def _no_override_prefix() -> list[str]:
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: file permissions cannot be enforced")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search"]


@pytest.mark.parametrize("folder_writable", [False, True])
def test_read_only_database_gives_japanese_storage_error(tmp_path, folder_writable):
    folder = tmp_path / "ro"
    folder.mkdir()
    db, case_id = _make_db(folder)
    prefix = _no_override_prefix()
    db.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    if not folder_writable:
        folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        result = _run_child(db, "readonly", case_id, prefix)
    finally:
        folder.chmod(0o755)
        db.chmod(0o644)
    assert "written" not in result
    assert result["code"] in ("storage_readonly", "storage_cannot_open"), result
    assert "書き込めません" in result["ja"] or "開けません" in result["ja"]
    assert str(db) in result["ja"]
    _assert_intact(db, case_id)
