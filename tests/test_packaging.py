"""The packaged application: build the one-folder app with PyInstaller and run it.

One build per test run (about 25 s with PyInstaller's binary cache warm), into a temporary
folder; the tests then run the frozen executable the way an installed copy runs.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from assistant import __version__

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import size_report  # noqa: E402

pytestmark = pytest.mark.slow

SIZE_LIMIT_MB = 200  # docs/domain.md#project-decisions: the one-folder build stays under 200 MB on Linux


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Build ``build.spec`` into a temporary folder; return the dist and work folders."""
    base = tmp_path_factory.mktemp("pyinstaller")
    # As `dev.py build` does: the compiled translations (.qm, not in git) go into the bundle.
    if (ROOT / "resources" / "i18n").is_dir():
        subprocess.run([sys.executable, str(ROOT / "tools" / "build_translations.py")],
                       cwd=ROOT, check=True, capture_output=True)
    dist, work = base / "dist", base / "work"
    # PyInstaller's binary cache is shared per user by default: test runs in other checkouts
    # building at the same moment corrupt it. This checkout keeps its own (build/ is ignored).
    # Two runs in the same checkout at once take turns (a lock file next to the cache): a cold
    # cache costs ~65 s a build, a warm one ~25 s, so one cache per run would cost more.
    cache = ROOT / "build" / "pyinstaller-cache"
    cache.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, PYINSTALLER_CONFIG_DIR=str(cache))
    with open(cache.parent / "pyinstaller-cache.lock", "w") as lock:
        if os.name != "nt":   # no fcntl on Windows (one run at a time there)
            import fcntl

            fcntl.flock(lock, fcntl.LOCK_EX)   # released when the file closes
        proc = subprocess.run(
            [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
             "--distpath", str(dist), "--workpath", str(work), str(ROOT / "build.spec")],
            cwd=ROOT, capture_output=True, text=True, timeout=600, env=env,
        )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-5000:]
    return {"app": dist / "assistant", "exe": dist / "assistant" / "assistant", "work": work}


def run_frozen(build: dict[str, Path], *args: str,
               stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONPATH", None)  # the frozen app must not need the source tree
    return subprocess.run([str(build["exe"]), *args], capture_output=True, text=True,
                          timeout=60, env=env, cwd=build["app"].parent,
                          input=stdin if stdin is not None else "")


@pytest.mark.parametrize("language", ["ja", "en"])
def test_frozen_app_opens_main_window_and_exits_zero(build, language):
    proc = run_frozen(build, "--smoke", "--lang", language)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr


def test_frozen_app_reports_its_version(build):
    proc = run_frozen(build, "--version")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"assistant {__version__}"


def test_frozen_app_offers_every_subcommand_of_the_source_tree(build):
    """Sub-command modules are imported by name, so a missing hidden import shows up here."""
    from assistant.cli import build_parser

    parser = build_parser()
    expected = sorted(parser._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    proc = run_frozen(build, "--help")
    assert proc.returncode == 0, proc.stderr
    for name in expected:
        assert re.search(rf"\b{re.escape(name)}\b", proc.stdout), (name, proc.stdout)


def test_bundle_holds_every_resource_file_unchanged(build):
    source = ROOT / "resources"
    bundled = build["app"] / "_internal" / "resources"
    missing, changed = [], []
    for path in source.rglob("*"):
        if not path.is_file() or path.suffix == ".ts":
            continue
        target = bundled / path.relative_to(source)
        if not target.exists():
            missing.append(str(path.relative_to(source)))
        elif target.read_bytes() != path.read_bytes():
            changed.append(str(path.relative_to(source)))
    assert not missing and not changed, (missing, changed)
    assert (bundled / "icons" / "assistant-256.png").exists()
    assert not list(bundled.rglob("*.ts")), "translation sources are not shipped"
    for ts_folder in (source / "i18n").glob("*/"):
        if list(ts_folder.glob("*.ts")):
            assert (bundled / "i18n" / f"assistant_{ts_folder.name}.qm").exists()


def test_bundled_translation_turns_the_welcome_into_english(build, qapp):
    """The .qm in the bundle is compiled from the current sources (not a stale or empty file)."""
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(build["app"] / "_internal" / "resources" / "i18n"
                               / "assistant_en.qm"))
    assert translator.translate("WelcomeDialog", "ようこそ") == "Welcome"
    qt_ja = QTranslator()
    assert qt_ja.load(str(build["app"] / "_internal" / "PySide6" / "Qt" / "translations"
                          / "qtbase_ja.qm"))
    assert qt_ja.translate("QPlatformTheme", "Cancel") == "キャンセル"


def test_bundle_keeps_japanese_qt_translations_and_drops_the_rest(build):
    translations = build["app"] / "_internal" / "PySide6" / "Qt" / "translations"
    names = sorted(p.name for p in translations.iterdir())
    assert "qtbase_ja.qm" in names, names
    assert all(re.match(r"^(qt|qtbase)_(ja|en)\.qm$", name) for name in names), names


def test_bundle_leaves_out_what_the_application_does_not_use(build):
    internal = build["app"] / "_internal"
    names = {p.relative_to(internal).as_posix() for p in internal.rglob("*")}
    unwanted = [n for n in names
                if re.search(r"tkinter|_tkinter|libtk|libtcl|libQt6(Qml|Quick|Designer|Sql|Test)"
                             r"|libgtk-3|libqgtk3|sqldrivers|qmltooling", n)]
    assert not unwanted, unwanted


def test_bundle_links_every_library_it_needs(build):
    """No shared library in the folder refers to one that is neither bundled nor on the system."""
    internal = build["app"] / "_internal"
    env = dict(os.environ, LD_LIBRARY_PATH=f"{internal}:{internal / 'PySide6' / 'Qt' / 'lib'}")
    broken = []
    for path in internal.rglob("*.so*"):
        if path.is_symlink() or not path.is_file():
            continue
        out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env).stdout
        broken += [f"{path.name}: {line.strip()}" for line in out.splitlines()
                   if "not found" in line]
    assert not broken, broken


def test_bundle_is_smaller_than_the_limit(build):
    report = size_report.report(build["app"], top=10)
    print(size_report.format_report(report, SIZE_LIMIT_MB))
    assert report["total_bytes"] < SIZE_LIMIT_MB * size_report.MB
    assert report["items"][0]["bytes"] >= report["items"][-1]["bytes"], "biggest first"


def test_windows_version_resource_carries_the_version(build):
    """The version file (used only on Windows) is valid VSVersionInfo text for __version__."""
    text = (build["work"] / "build" / "version_info.txt").read_text(encoding="utf-8")
    recorded: dict[str, object] = {}

    def record(name):
        def make(*args, **kwargs):
            if name == "StringStruct":
                recorded[args[0]] = args[1]
            if name == "FixedFileInfo":
                recorded["filevers"] = kwargs["filevers"]
            return (name, args, kwargs)
        return make

    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct",
             "VarFileInfo", "VarStruct")
    eval(compile(text, "version_info.txt", "eval"), {n: record(n) for n in names})  # noqa: S307
    numbers = tuple(int(n) for n in __version__.split(".")[:3])
    assert recorded["FileVersion"] == __version__
    assert recorded["ProductVersion"] == __version__
    assert recorded["filevers"][:3] == numbers  # type: ignore[index]
    assert recorded["OriginalFilename"] == "assistant.exe"


@pytest.mark.keyring
@pytest.mark.skipif(not os.environ.get("DBUS_SESSION_BUS_ADDRESS"),
                    reason="no D-Bus session: run under dbus-run-session with "
                           "gnome-keyring-daemon (python3 dev.py test does)")
def test_frozen_app_stores_credentials_in_the_real_secret_service(build, tmp_path):
    """keyring finds its backends through entry points: the frozen build must still see them."""
    db = str(tmp_path / "frozen.sqlite")
    added = run_frozen(build, "office", "add", "--db", db, "--name", "山田花子",
                       "--category", "gyoseishoshi", "--certificate-number", "123456789012")
    assert added.returncode == 0, added.stderr
    stored = run_frozen(build, "credentials", "set", "--db", db,
                        stdin="FROZEN-ID-1\nfrozen-pass-1\n")
    try:
        assert stored.returncode == 0, stored.stdout + stored.stderr
        status = run_frozen(build, "credentials", "status", "--db", db)
        assert status.returncode == 0, status.stderr
        assert "認証ID: 保存済み" in status.stdout
        assert "パスワード: 保存済み" in status.stdout
    finally:
        run_frozen(build, "credentials", "clear", "--db", db)


def test_frozen_app_checks_real_pdfs_and_a_heic_photo(build, tmp_path):
    """pypdf (with its AES support), Pillow and pillow_heif work inside the bundle."""
    import json

    fixtures = ROOT / "tests" / "fixtures" / "attachments"
    proc = run_frozen(build, "check-pdf", "--json", str(fixtures / "pdflatex-4-pages.pdf"),
                      str(fixtures / "libreoffice-writer-password.pdf"))
    assert proc.returncode in (0, 1), proc.stderr
    plain, locked = json.loads(proc.stdout)
    assert plain["pages"] == 4 and plain["ok"], plain
    assert [p["code"] for p in locked["problems"]] == ["pdf_password"]

    import pillow_heif
    from PIL import Image

    pillow_heif.register_heif_opener()
    photo = tmp_path / "face.heic"
    Image.new("RGB", (600, 800), (180, 170, 160)).save(photo)
    proc = run_frozen(build, "check-photo", "--json", "--taken-on", "2026-11-20",
                      "--apply-on", "2026-11-26", str(photo))
    assert proc.returncode in (0, 1), proc.stderr
    result = json.loads(proc.stdout)
    assert (result["width"], result["height"]) == (600, 800), "the HEIC was decoded"
    assert "photo_not_jpeg" in [p["code"] for p in result["problems"]]


def test_the_build_carries_the_generated_extension_folder(build):
    """build.spec writes the Chrome/Edge extension folder next to the executable: the same
    files `assistant fill extension` writes, its script the bundled fill.js."""
    from assistant.model import autofill

    folder = build["app"] / autofill.EXTENSION_FOLDER
    files = autofill.extension_files()
    assert sorted(p.name for p in folder.iterdir()) == sorted(files)
    for name, data in files.items():
        assert (folder / name).read_bytes() == data, name
        if os.name != "nt":
            assert (folder / name).stat().st_mode & 0o777 == 0o644, name
    bundled = build["app"] / "_internal" / "resources" / "autofill" / "fill.js"
    assert (folder / "fill.js").read_bytes() == bundled.read_bytes()
