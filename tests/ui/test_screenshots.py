"""PNGs of every screen, in Japanese and English, at 100 % and 150 %; no clipped text.

The pictures go to the folder named by ``ASSISTANT_SCREENSHOTS`` (``python3 dev.py test`` sets
it to build/screenshots) so a person can look at them; without it, to a temporary folder.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ui.screens import render_all

ROOT = Path(__file__).resolve().parents[2]


def _folder(tmp_path: Path) -> Path:
    return Path(os.environ.get("ASSISTANT_SCREENSHOTS") or tmp_path / "screenshots")


@pytest.fixture(scope="module")
def compiled_translations():
    subprocess.run([sys.executable, str(ROOT / "tools" / "build_translations.py")], check=True,
                   capture_output=True)


@pytest.mark.parametrize("language", ["ja", "en"])
def test_every_screen_rendered_without_clipped_text(qtbot, store, settings, tmp_path, language,
                                                    compiled_translations):
    out = _folder(tmp_path)
    clipped = render_all(out, language, store, settings)
    pictures = sorted(out.glob(f"{language}_*.png"))
    names = {p.stem for p in pictures}
    for step in ("1", "2-1", "2-2", "2-3", "3"):
        assert any(n.startswith(f"{language}_change_") and n.endswith(f"step_{step}")
                   for n in names), step
    for step in ("2-2", "2-3"):     # a 区分N coe: the online page's items
        assert any(n.startswith(f"{language}_coe_n_") and n.endswith(f"step_{step}")
                   for n in names), step
    assert f"{language}_coe_hsp_1_step_1" in names   # Step 1's activity choice
    assert all(p.stat().st_size > 10_000 for p in pictures)
    assert {name: texts for name, texts in clipped.items() if texts} == {}


@pytest.mark.slow
def test_screens_at_150_percent(tmp_path, compiled_translations):
    out = _folder(tmp_path)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR="1.5",
               PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-m", "tests.ui.screens", str(out), "ja",
                             "scale150_"], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (out / "scale150_ja_00_case_list.png").exists()
