"""Translations: every .ts is finished, the UI's texts are all in ui.ts, English loads."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"
# The files whose texts resources/i18n/en/ui.ts translates (other areas keep their own .ts).
UI_SOURCES = sorted(str(p.relative_to(ROOT)) for p in [
    *(ROOT / "assistant" / "ui").glob("*.py"), *(ROOT / "assistant" / "ui" / "ops").glob("*.py")]
    if p.name not in ("operations.py", "printing.py", "welcome.py", "backup_dialog.py",
                      "__init__.py"))


def _tool():
    spec = importlib.util.spec_from_file_location("build_translations",
                                                  ROOT / "tools" / "build_translations.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("ts_file", sorted((I18N / "en").glob("*.ts")), ids=lambda p: p.name)
def test_every_translation_is_finished(ts_file):
    assert _tool().unfinished(ts_file) == []


def test_every_ui_text_is_in_ui_ts(tmp_path):
    """A text added to the code without a translation fails here (run pyside6-lupdate)."""
    tool = _tool()
    copy = tmp_path / "ui.ts"
    shutil.copy(I18N / "en" / "ui.ts", copy)
    result = subprocess.run([str(tool.find_tool("lupdate")), *UI_SOURCES, "-ts", str(copy)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert tool.unfinished(copy) == []


def test_the_compiled_translation_turns_the_window_english(qtbot, store, settings):
    from assistant.ui.i18n import install_translators
    from assistant.ui.main_window import MainWindow

    target = _tool().build("en")
    assert target.exists()
    try:
        assert install_translators("en")
        window = MainWindow(store, settings)
        qtbot.addWidget(window)
        assert window.file_menu.title() == "&File"
        assert window.windowTitle() == "Residence Application Assistant"
        assert window.model.headerData(0, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal) == "Name"
    finally:
        install_translators("ja")
