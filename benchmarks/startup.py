"""Start-up benchmark: ``python -m assistant --smoke`` against a bare PySide6 window.

Both are measured as whole processes (interpreter start, imports, window shown, event loop run
for 200 ms, exit), offscreen, alternating runs so that a busy machine slows both alike, with
Python's bytecode cached as in an installed copy (``--no-bytecode-cache``: compiled every run). Prints
each median and the ratio of the medians; the target is a ratio of 1.3 or less (keep pypdf,
openpyxl and Pillow out of start-up, and leave to the event loop's first turn what the first
paint does not need: the crash hooks, the office banner and menu, the toolbar's icons).

The wall-clock ratio is the target. On a machine shared with other work it wanders by ±0.15
between runs; the ratio of the processes' CPU time (user + system), printed below it, wanders
less and shows whether a change made start-up do more or less work (it is higher than the wall
ratio, as the 200 ms idle costs no CPU).

    python benchmarks/startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TARGET_RATIO = 1.3

# The baseline: the least a PySide6 program must do to show a main window the same way as
# ``assistant --smoke`` (QApplication, a QMainWindow with a label, show, quit 200 ms later to the
# millisecond as app.py's _quit_after does: QTimer.singleShot's coarse timer ends anywhere from
# 190 to 215 ms; Qt.TimerType.PreciseTimer would build PySide6's whole Qt namespace, ~25 ms).
BARE_WINDOW = """
import sys
import time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setWindowTitle("bare")
window.setCentralWidget(QLabel("bare"))
window.resize(1100, 700)
window.show()
deadline = time.perf_counter() + 0.2
poll = QTimer(app)
poll.timeout.connect(lambda: app.quit() if time.perf_counter() >= deadline else None)
poll.start(2)
sys.exit(app.exec())
"""


def _cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _time_process(command: list[str], env: dict[str, str],
                  cpu: list[float] | None = None) -> float:
    """Wall-clock seconds of one run (its CPU seconds appended to ``cpu``)."""
    cpu_before = _cpu_of_children()
    start = time.perf_counter()
    proc = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True,
                          timeout=120)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({proc.returncode}):\n{proc.stderr}")
    if cpu is not None:
        cpu.append(_cpu_of_children() - cpu_before)
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs of each program (default 7)")
    parser.add_argument("--no-bytecode-cache", action="store_true",
                        help="keep PYTHONDONTWRITEBYTECODE from the environment (every run "
                             "compiles every module, as the first start after an update)")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    with tempfile.TemporaryDirectory(prefix="assistant-bench-") as tmp:
        env = dict(os.environ)
        env["QT_QPA_PLATFORM"] = "offscreen"
        # A fresh data folder: the assistant starts as on a new machine, never on real data.
        env["ASSISTANT_DATA_DIR"] = str(Path(tmp) / "data")
        env["ASSISTANT_CONFIG_DIR"] = str(Path(tmp) / "config")
        env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
        bytecode = "compiled on every run"
        if not args.no_bytecode_cache:
            # As installed (pip and the installer ship compiled bytecode): the untimed run
            # writes the caches, into the temp folder so the checkout stays clean. A shell with
            # PYTHONDONTWRITEBYTECODE set would otherwise compile every module on every run.
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
            bytecode = "cached, as installed"
        bare_script = Path(tmp) / "bare_window.py"
        bare_script.write_text(BARE_WINDOW, encoding="utf-8")
        assistant_cmd = [sys.executable, "-m", "assistant", "--smoke"]
        bare_cmd = [sys.executable, str(bare_script)]

        # One untimed run of each fills the OS file cache (and Python's bytecode caches).
        _time_process(assistant_cmd, env)
        _time_process(bare_cmd, env)

        assistant_times: list[float] = []
        bare_times: list[float] = []
        assistant_cpu: list[float] = []
        bare_cpu: list[float] = []
        for run in range(args.runs):
            order = [(assistant_cmd, assistant_times, assistant_cpu),
                     (bare_cmd, bare_times, bare_cpu)]
            if run % 2:
                order.reverse()
            for command, times, cpu in order:
                times.append(_time_process(command, env, cpu))

    assistant_median = statistics.median(assistant_times)
    bare_median = statistics.median(bare_times)
    ratio = assistant_median / bare_median
    print(f"runs each:                 {args.runs} (alternating, offscreen; "
          f"bytecode {bytecode})")
    print(f"assistant --smoke median:  {assistant_median * 1000:.0f} ms "
          f"(min {min(assistant_times) * 1000:.0f}, max {max(assistant_times) * 1000:.0f})")
    print(f"bare PySide6 window median: {bare_median * 1000:.0f} ms "
          f"(min {min(bare_times) * 1000:.0f}, max {max(bare_times) * 1000:.0f})")
    verdict = "OK" if ratio <= TARGET_RATIO else "ABOVE TARGET"
    print(f"median ratio:              {ratio:.2f} (target <= {TARGET_RATIO}) {verdict}")
    cpu_ratio = statistics.median(assistant_cpu) / statistics.median(bare_cpu)
    print(f"CPU time ratio:            {cpu_ratio:.2f} (medians "
          f"{statistics.median(assistant_cpu) * 1000:.0f} / "
          f"{statistics.median(bare_cpu) * 1000:.0f} ms; no target, steadier under load)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
