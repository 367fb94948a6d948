"""The icon set and the size report (tools/make_icons.py, tools/size_report.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageStat

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import make_icons  # noqa: E402
import size_report  # noqa: E402

ICONS = ROOT / "resources" / "icons"


@pytest.mark.parametrize("size", make_icons.PNG_SIZES)
def test_every_png_size_is_a_square_tile_with_transparent_corners(size):
    image = Image.open(ICONS / f"assistant-{size}.png")
    assert image.size == (size, size) and image.mode == "RGBA"
    assert image.getpixel((0, 0))[3] < 16, "rounded corners are transparent"
    assert image.getpixel((size // 2, size // 2))[3] == 255


def test_windows_and_macos_icon_files_hold_the_sizes_they_need():
    ico = Image.open(ICONS / "assistant.ico")
    assert {s for s in ico.info["sizes"]} >= {(16, 16), (32, 32), (48, 48), (256, 256)}
    icns = Image.open(ICONS / "assistant.icns")
    assert (512, 512, 2) in icns.info["sizes"], "Retina 1024 px"


def test_committed_icons_are_what_the_generator_draws():
    """Redrawing gives the committed design (small tolerance for Pillow's resampling)."""
    for size in (32, 256):
        drawn = make_icons.draw_icon(size).convert("RGBA")
        committed = Image.open(ICONS / f"assistant-{size}.png").convert("RGBA")
        difference = ImageStat.Stat(ImageChops.difference(drawn, committed)).mean
        assert max(difference) < 2.0, (size, difference)


def _fake_bundle(tmp_path: Path) -> Path:
    bundle = tmp_path / "assistant"
    internal = bundle / "_internal"
    (internal / "PySide6" / "Qt" / "lib").mkdir(parents=True)
    (internal / "PySide6" / "Qt" / "plugins" / "platforms").mkdir(parents=True)
    (internal / "resources").mkdir()
    (bundle / "assistant").write_bytes(b"x" * 1000)
    (internal / "PySide6" / "Qt" / "lib" / "libQt6Core.so.6").write_bytes(b"x" * 5000)
    (internal / "PySide6" / "Qt" / "lib" / "libicudata.so.73").write_bytes(b"x" * 9000)
    (internal / "PySide6" / "Qt" / "plugins" / "platforms" / "libqxcb.so").write_bytes(b"x" * 300)
    (internal / "resources" / "a.json").write_bytes(b"x" * 200)
    (internal / "libstdc++.so.6").write_bytes(b"x" * 700)
    return bundle


def test_size_report_lists_the_biggest_first_and_groups_the_parts(tmp_path):
    report = size_report.report(_fake_bundle(tmp_path))
    assert report["total_bytes"] == 16200
    assert [i["path"] for i in report["items"]][:3] == [
        "PySide6/Qt/lib/libicudata.so.73", "PySide6/Qt/lib/libQt6Core.so.6", "assistant"]
    groups = report["groups"]
    assert groups["Qt ICU (Unicode data)"] == 9000 and groups["Qt libraries"] == 5000
    assert groups["Qt plugins"] == 300 and groups["application resources"] == 200
    assert groups["system libraries"] == 700 and groups["executable"] == 1000


def test_size_report_fails_over_the_limit_and_explains_a_missing_build(tmp_path):
    bundle = _fake_bundle(tmp_path)
    script = str(ROOT / "tools" / "size_report.py")
    under = subprocess.run([sys.executable, script, str(bundle), "--limit-mb", "1"],
                           capture_output=True, text=True)
    assert under.returncode == 0 and "Biggest items" in under.stdout
    over = subprocess.run([sys.executable, script, str(bundle), "--limit-mb", "0.01"],
                          capture_output=True, text=True)
    assert over.returncode == 1 and "larger than" in over.stderr
    missing = subprocess.run([sys.executable, script, str(tmp_path / "nope")],
                             capture_output=True, text=True)
    assert missing.returncode == 2 and "dev.py build" in missing.stderr
