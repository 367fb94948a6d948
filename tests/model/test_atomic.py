"""Atomic file writes: the old file or the new one, never half, and no temporary files left."""

from __future__ import annotations

import os
import stat

import pytest

from assistant.model.atomic import atomic_write_bytes, atomic_write_files


def test_several_files_are_written_and_replace_the_old_ones_keeping_their_mode(tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    old = tmp_path / "a.csv"
    old.write_bytes(b"old")
    old.chmod(0o640)
    atomic_write_files({old: b"new a", tmp_path / "b.csv": b"new b"})
    assert old.read_bytes() == b"new a" and (tmp_path / "b.csv").read_bytes() == b"new b"
    assert stat.S_IMODE(old.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "b.csv"]


def test_a_target_that_cannot_be_replaced_is_left_as_it_was(tmp_path):
    folder = tmp_path / "out"
    (folder / "a.csv").mkdir(parents=True)        # a folder where the file should go
    (folder / "a.csv" / "inside.txt").write_text("kept")
    with pytest.raises(OSError):
        atomic_write_files({folder / "a.csv": b"new"})
    assert (folder / "a.csv" / "inside.txt").read_text() == "kept"
    assert sorted(p.name for p in folder.iterdir()) == ["a.csv"]


def test_a_failed_write_leaves_no_temporary_file_and_the_old_content(tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    target = tmp_path / "a.csv"
    target.write_bytes(b"old")
    missing = tmp_path / "no-such-folder" / "b.csv"
    with pytest.raises(OSError):
        atomic_write_files({target: b"new", missing: b"x"})
    assert target.read_bytes() == b"old"            # all written before any is replaced
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv"]
    atomic_write_bytes(target, b"again")
    assert target.read_bytes() == b"again"


def _killed_while_writing(*targets) -> None:
    """A real process writes its temporaries beside ``targets`` and is killed with SIGKILL."""
    import subprocess
    import sys

    script = ("import os, signal, sys\n"
              "from pathlib import Path\n"
              "from assistant.model import atomic\n"
              "for target in sys.argv[1:]:\n"
              "    atomic._stage(Path(target), b'client data ' * 1000)\n"
              "os.kill(os.getpid(), signal.SIGKILL)\n")
    proc = subprocess.run([sys.executable, "-c", script, *map(str, targets)])
    assert proc.returncode == -9


def test_a_temporary_left_by_a_killed_export_is_removed_by_the_next_export_there(tmp_path):
    import subprocess
    import sys

    from assistant.model.casefile import write_case_file

    out = tmp_path / "out"
    out.mkdir()
    _killed_while_writing(out / "renewal_main.csv", out / "renewal.xlsx")
    other = out / ".someone-elses.abcdefgh.tmpx"
    other.write_text("not ours")
    left = sorted(p.name for p in out.iterdir() if p.name.endswith(".tmp"))
    assert len(left) == 2 and left[0].startswith(".renewal.xlsx.")   # the leak, as reported
    case = tmp_path / "case.json"
    # a complete case: export bulk validates every case and refuses one with errors
    from tests.isa_cases import ON, main_sheet_case

    write_case_file(case, main_sheet_case("renewal", "c1", name="TRAN THI MAI"))
    proc = subprocess.run([sys.executable, "-m", "assistant", "export", "bulk", str(case),
                           "--out", str(out), "--on", ON.isoformat()],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in out.iterdir()) == [".someone-elses.abcdefgh.tmpx",
                                                     "renewal_main.csv"]


def test_the_next_start_removes_temporaries_left_in_the_data_folder(tmp_path):
    import os
    import subprocess
    import sys

    data = tmp_path / "appdata"
    _killed_while_writing(data / "settings.json")
    assert any(p.name.endswith(".tmp") for p in data.iterdir())
    proc = subprocess.run([sys.executable, "-m", "assistant", "--version"], capture_output=True,
                          env={**os.environ, "ASSISTANT_DATA_DIR": str(data)}, timeout=60)
    assert proc.returncode == 0
    assert not any(p.name.endswith(".tmp") for p in data.iterdir())


def test_a_temporary_being_written_by_this_process_is_kept(tmp_path):
    from assistant.model import atomic

    name = atomic._stage(tmp_path / "a.csv", b"being written")
    assert atomic.remove_stale_temporaries(tmp_path) == []
    assert os.path.exists(name)
