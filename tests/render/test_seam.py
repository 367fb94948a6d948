"""The rendering seam: the command line writes PDFs without the UI or QtWidgets."""

from __future__ import annotations

import json
import subprocess
import sys

from assistant.model.case import Case
from assistant.model.casefile import write_case_file

_PROBE = """
import json, sys
from assistant.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(m for m in sys.modules
      if m.startswith(("assistant.ui", "PySide6.QtWidgets", "PySide6.QtPrintSupport")))}))
"""


def test_cli_pdf_export_loads_neither_the_ui_nor_qtwidgets(tmp_path):
    case = tmp_path / "case.json"
    write_case_file(case, Case(id="c", procedure="renewal", values={"name": "山田 一郎"}))
    for command in (["export", "transcription", str(case), "--out", str(tmp_path / "t.pdf")],
                    ["export", "checklist", str(case), "--method", "mail",
                     "--out", str(tmp_path / "c.pdf"), "--date", "2026-11-26"]):
        proc = subprocess.run([sys.executable, "-c", _PROBE, *command], capture_output=True,
                              text=True, timeout=120)
        assert proc.returncode == 0, proc.stderr
        report = json.loads(proc.stdout.splitlines()[-1])
        assert report == {"code": 0, "modules": []}
    from pypdf import PdfReader

    assert "山田 一郎" in PdfReader(tmp_path / "t.pdf").pages[0].extract_text()
