#!/usr/bin/env python3
"""Report the size of the one-folder build and what makes it up, biggest items first.

    python tools/size_report.py [dist/assistant] [--top 25] [--limit-mb 200] [--json]

Items: each entry of the bundle's ``_internal/`` folder (``Contents/Frameworks`` in a macOS
.app), with Qt broken down further into its libraries, each plugin type and its translations,
since Qt is most of the folder. Groups sum the items into what a reader decides on (Qt, image
libraries, crypto, Python itself, the application's resources, ...). With ``--limit-mb`` the
exit status is 1 when the folder is larger than the limit (the issue's target on Linux is
200 MB). Only the standard library is used.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MB = 1024 * 1024

# (group, test on the item's path relative to the bundle's library folder), first match wins.
GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Qt plugins", ("PySide6/Qt/plugins",)),
    ("Qt translations", ("PySide6/Qt/translations",)),
    ("Qt ICU (Unicode data)", ("PySide6/Qt/lib/libicu",)),
    ("Qt libraries", ("PySide6/Qt/lib", "PySide6/Qt", "PySide6", "shiboken6", "libQt6",
                      "QtCore", "QtGui", "QtWidgets")),
    ("images (Pillow, HEIF)", ("PIL", "pillow", "pillow_heif", "libjpeg", "libpng", "libtiff",
                               "libwebp", "libopenjp2", "liblcms", "libheif")),
    ("crypto (cryptography, OpenSSL)", ("cryptography", "libcrypto", "libssl", "_cffi",
                                        "libgcrypt", "bcrypt")),
    ("Python", ("libpython", "python3", "base_library.zip", "lib-dynload", "Python")),
    ("application resources", ("resources",)),
)


@dataclass(frozen=True)
class Item:
    """One part of the bundle and its size on disk in bytes."""

    path: str
    size: int
    group: str


def tree_size(path: Path) -> int:
    """Bytes of a file or of every file under a folder (symbolic links not followed)."""
    if path.is_symlink():
        return 0
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def library_folder(bundle: Path) -> Path:
    """The folder that holds the collected libraries and data in a one-folder build."""
    for candidate in (bundle / "_internal", bundle / "Contents" / "Frameworks"):
        if candidate.is_dir():
            return candidate
    return bundle


def group_of(relative: str) -> str:
    for group, prefixes in GROUPS:
        if any(relative.startswith(prefix) for prefix in prefixes):
            return group
    if relative.endswith(".dist-info"):
        return "package metadata"
    if ".so" in relative or relative.endswith((".dll", ".dylib", ".pyd")):
        return "system libraries"
    return "other Python packages"


def _expand(base: Path, entry: Path) -> list[Path]:
    """Split Qt into its parts; every other entry is reported whole."""
    relative = entry.relative_to(base).as_posix()
    if relative in ("PySide6", "PySide6/Qt"):
        return [p for child in sorted(entry.iterdir()) for p in _expand(base, child)]
    if relative in ("PySide6/Qt/lib", "PySide6/Qt/plugins"):
        return sorted(entry.iterdir())
    return [entry]


def collect(bundle: Path) -> list[Item]:
    """Every reported item of ``bundle``, biggest first."""
    base = library_folder(bundle)
    items = []
    for entry in sorted(base.iterdir()):
        for part in _expand(base, entry):
            relative = part.relative_to(base).as_posix()
            items.append(Item(relative, tree_size(part), group_of(relative)))
    for entry in sorted(bundle.iterdir()):  # the executable and anything beside _internal
        if entry != base and not base.is_relative_to(entry):
            items.append(Item(entry.name, tree_size(entry), "executable"))
    return sorted(items, key=lambda item: (-item.size, item.path))


def report(bundle: Path, top: int = 25) -> dict[str, object]:
    items = collect(bundle)
    groups: dict[str, int] = {}
    for item in items:
        groups[item.group] = groups.get(item.group, 0) + item.size
    return {
        "folder": str(bundle),
        "total_bytes": tree_size(bundle),
        "files": sum(1 for p in bundle.rglob("*") if p.is_file()),
        "groups": dict(sorted(groups.items(), key=lambda kv: -kv[1])),
        "items": [{"path": i.path, "bytes": i.size, "group": i.group} for i in items[:top]],
    }


def format_report(data: dict[str, object], limit_mb: float | None) -> str:
    total = int(data["total_bytes"])  # type: ignore[call-overload]
    lines = [f"{data['folder']}: {total / MB:.1f} MB in {data['files']} files"
             + (f" (limit {limit_mb:.0f} MB)" if limit_mb else "")]
    lines.append("")
    lines.append("By group:")
    for group, size in data["groups"].items():  # type: ignore[attr-defined]
        lines.append(f"  {size / MB:8.1f} MB  {100 * size / total:5.1f} %  {group}")
    lines.append("")
    lines.append("Biggest items:")
    for item in data["items"]:  # type: ignore[attr-defined]
        lines.append(f"  {item['bytes'] / MB:8.1f} MB  {item['path']}  [{item['group']}]")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=ROOT / "dist" / "assistant")
    parser.add_argument("--top", type=int, default=25, help="how many items to list")
    parser.add_argument("--limit-mb", type=float, help="exit 1 when the folder is larger")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        print(f"size_report: no build at {args.folder} (run: python3 dev.py build)",
              file=sys.stderr)
        return 2
    data = report(args.folder, args.top)
    print(json.dumps(data, indent=2) if args.json else format_report(data, args.limit_mb))
    if args.limit_mb and int(data["total_bytes"]) > args.limit_mb * MB:  # type: ignore[call-overload]
        print(f"size_report: the folder is larger than {args.limit_mb:.0f} MB", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
