import subprocess
import sys

from assistant import __version__


def test_version_is_printed():
    out = subprocess.run([sys.executable, "-m", "assistant", "--version"],
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip() == f"assistant {__version__}"


def test_smoke_opens_main_window_and_exits_zero():
    proc = subprocess.run([sys.executable, "-m", "assistant", "--smoke"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
