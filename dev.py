#!/usr/bin/env python3
"""Set up and run the assistant or its tests. Only the standard library is used here.

    python3 dev.py start    set up (virtualenv, packages, translations) and start the GUI
    python3 dev.py test     set up (also system libraries and fonts on Debian) and run every check:
                            ruff, mypy --strict (assistant, dev.py, the house rules), lint-imports,
                            tools/check_house_rules.py, pytest
    python3 dev.py build    build the one-folder application with PyInstaller

On Debian/Ubuntu as root, missing system packages are installed with apt-get. Elsewhere they
are listed if missing; macOS needs nothing beyond python3.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("ASSISTANT_VENV", ROOT / ".venv"))
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")

# Debian packages: what Qt needs offscreen and under X, a Japanese font, a real Secret Service
# for the keyring tests, and the tools the tests compare against or convert with.
APT_RUNTIME = [
    "libgl1", "libegl1", "libxkbcommon0", "libfontconfig1", "libglib2.0-0", "libdbus-1-3",
    "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-image0", "libxcb-render-util0",
    "libxcb-shape0", "libxkbcommon-x11-0", "fonts-ipaexfont-gothic", "fonts-ipaexfont-mincho",
]
APT_TEST = [
    "gnome-keyring", "dbus", "xvfb", "qpdf", "ghostscript", "poppler-utils", "binutils",
    "libreoffice-calc-nogui", "chromium",
]


def log(message: str) -> None:
    print(f"[dev] {message}", flush=True)


def run(cmd: list[str | Path], env: dict[str, str] | None = None) -> None:
    log(" ".join(str(c) for c in cmd))
    subprocess.run([str(c) for c in cmd], check=True, cwd=ROOT, env=env)


def ensure_system_packages(packages: list[str]) -> None:
    if not sys.platform.startswith("linux") or not shutil.which("dpkg-query"):
        return
    missing = []
    for name in packages:
        probe = subprocess.run(["dpkg-query", "-W", "-f=${Status}", name],
                               capture_output=True, text=True)
        if "install ok installed" not in probe.stdout:
            missing.append(name)
    if not missing:
        return
    if os.geteuid() != 0:
        log("missing system packages (install them with sudo apt-get install): "
            + " ".join(missing))
        return
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    run(["apt-get", "update", "-q"], env=env)
    run(["apt-get", "install", "-y", "-q", "--no-install-recommends", *missing], env=env)


def ensure_venv(extras: str) -> None:
    if not PY.exists():
        run([sys.executable, "-m", "venv", VENV])
    stamp = VENV / ".installed"
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    if stamp.exists() and stamp.read_text() == digest:
        return
    run([PY, "-m", "pip", "install", "-q", "--upgrade", "pip"])
    target = f".[{extras}]" if extras else "."
    run([PY, "-m", "pip", "install", "-q", "-e", target])
    stamp.write_text(digest)


def build_translations() -> None:
    script = ROOT / "tools" / "build_translations.py"
    if script.exists():
        run([PY, script])


def cmd_start(extra: list[str]) -> int:
    ensure_system_packages(APT_RUNTIME)
    ensure_venv("")
    build_translations()
    return subprocess.call([str(PY), "-m", "assistant", *extra], cwd=ROOT)


def cmd_test(extra: list[str]) -> int:
    ensure_system_packages(APT_RUNTIME + APT_TEST)
    ensure_venv("test,build")
    build_translations()
    lint_paths = [p for p in ("assistant", "tests", "benchmarks", "tools", "dev.py")
                  if (ROOT / p).exists()]
    run([BIN / "ruff", "check", *lint_paths])
    run([BIN / "mypy", "--strict", "assistant", "dev.py", "tools/check_house_rules.py"])
    run([BIN / "lint-imports"])
    # House rules the tools above cannot express (temporary files, dialogs, citations, ...).
    run([PY, ROOT / "tools" / "check_house_rules.py", "--strict"])
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.setdefault("ASSISTANT_SCREENSHOTS", str(ROOT / "build" / "screenshots"))
    pytest = [str(PY), "-m", "pytest", "-q", *extra]
    if shutil.which("dbus-run-session") and shutil.which("gnome-keyring-daemon"):
        # A real Secret Service for the keyring tests, in a private D-Bus session, keeping its
        # keyring files in a fresh folder (XDG_DATA_HOME for the daemon only): never the
        # developer's own login keyring, and no sharing with a test run going on in parallel.
        inner = ("echo -n test | XDG_DATA_HOME=\"$(mktemp -d)\" gnome-keyring-daemon --unlock "
                 "--components=secrets >/dev/null 2>&1; exec \"$@\"")
        pytest = ["dbus-run-session", "--", "sh", "-c", inner, "sh", *pytest]
    log(" ".join(pytest))
    return subprocess.call(pytest, cwd=ROOT, env=env)


def cmd_build(extra: list[str]) -> int:
    ensure_system_packages(APT_RUNTIME + ["binutils"])
    ensure_venv("build")
    build_translations()
    run([BIN / "pyinstaller", "--noconfirm", "--clean", "build.spec", *extra])
    # What the folder is made of, biggest first (the Linux target is under 200 MB).
    return subprocess.call([str(PY), str(ROOT / "tools" / "size_report.py"),
                            str(ROOT / "dist" / "assistant"), "--top", "15"], cwd=ROOT)


def main() -> int:
    commands = {"start": cmd_start, "test": cmd_test, "build": cmd_build}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__)
        return 2
    try:
        return commands[sys.argv[1]](sys.argv[2:])
    except subprocess.CalledProcessError as exc:
        return exc.returncode or 1


if __name__ == "__main__":
    sys.exit(main())
