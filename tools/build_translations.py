#!/usr/bin/env python3
"""Compile the Qt Linguist translations: resources/i18n/en/*.ts → resources/i18n/assistant_en.qm.

Each area keeps its own ``resources/i18n/<language>/<area>.ts`` (made with pyside6-lupdate);
this tool merges all of them into one ``assistant_<language>.qm`` with pyside6-lrelease, which
the application loads when its language is not Japanese (the source language).

    python tools/build_translations.py            compile every language
    python tools/build_translations.py --check    also list unfinished translations (exit 1)

Only the standard library is used, so dev.py can run it with any Python.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"


def find_tool(name: str) -> Path:
    """``pyside6-<name>``: next to the running Python (a virtualenv), else on PATH."""
    exe = f"pyside6-{name}" + (".exe" if os.name == "nt" else "")
    candidates = [Path(sys.executable).parent / exe]
    found = shutil.which(exe)
    if found:
        candidates.append(Path(found))
    for candidate in candidates:
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"{exe} not found next to {sys.executable} or on PATH "
                            "(it comes with the PySide6 package)")


def languages(i18n: Path = I18N) -> list[str]:
    if not i18n.is_dir():
        return []
    return sorted(p.name for p in i18n.iterdir() if p.is_dir() and any(p.glob("*.ts")))


def ts_files(language: str, i18n: Path = I18N) -> list[Path]:
    return sorted((i18n / language).glob("*.ts"))


def qm_path(language: str, i18n: Path = I18N) -> Path:
    return i18n / f"assistant_{language}.qm"


def unfinished(ts_file: Path) -> list[str]:
    """Source texts of ``ts_file`` without a finished translation (context: source)."""
    missing: list[str] = []
    root = ET.parse(ts_file).getroot()
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else "unfinished"
            if kind in ("vanished", "obsolete"):
                continue
            numerus = message.get("numerus") == "yes"
            if numerus and translation is not None:
                text = "".join(translation.itertext()).strip()
            else:
                text = (translation.text or "").strip() if translation is not None else ""
            if kind == "unfinished" or not text:
                missing.append(f"{name}: {message.findtext('source', '')}")
    return missing


def build(language: str, i18n: Path = I18N) -> Path:
    """Compile every .ts of ``language`` into one .qm and return its path."""
    files = ts_files(language, i18n)
    if not files:
        raise FileNotFoundError(f"no .ts files under {i18n / language}")
    target = qm_path(language, i18n)
    lrelease = find_tool("lrelease")
    result = subprocess.run([str(lrelease), "-silent", *map(str, files), "-qm", str(target)],
                            capture_output=True, text=True)
    if result.returncode != 0 or not target.exists():
        raise RuntimeError(f"lrelease failed: {result.stderr or result.stdout}")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="list unfinished translations and exit 1 if there are any")
    args = parser.parse_args(argv)
    status = 0
    for language in languages():
        target = build(language)
        print(f"[translations] {target.relative_to(ROOT)}")
        if args.check:
            for ts_file in ts_files(language):
                for item in unfinished(ts_file):
                    print(f"unfinished {ts_file.relative_to(ROOT)}: {item}")
                    status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
