"""Attachment problems of a case: cold check, cached re-check, and the GUI thread meanwhile.

1. ``check_attachments`` on a case (a 400-page scanned bundle, an 11 MB PDF, four ordinary
   PDFs, a face photo): first with an empty cache, then again with nothing changed (the
   wizard re-checks on every visit to Step 3 and on file events), then with one file
   replaced. Ratios are against the cold check in the same run.
2. The wizard opening that case and going straight to Step 3 while the files are checked in
   a worker thread: the longest gap between two ticks of a 5 ms timer, against opening the
   same case without attachments (the baseline measured in the same run).

    python benchmarks/attachment_recheck.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests import attachments_files as files  # noqa: E402

TODAY = date(2026, 11, 26)


def make_case_files(folder: Path) -> list:
    from pypdf import PdfReader, PdfWriter

    from assistant.model.case import AttachmentRef

    source = PdfReader(str(files.fixture("pdflatex-image.pdf")))
    writer = PdfWriter()
    for _ in range(400):
        writer.add_page(source.pages[0])
    thick = folder / "bundle.pdf"
    with open(thick, "wb") as out:
        writer.write(out)
    refs = [AttachmentRef(str(thick), "document", position=0),
            AttachmentRef(str(files.oversize_pdf(folder / "big.pdf", 11_000_000)), "document",
                          position=1)]
    for n, name in enumerate(["minimal-document.pdf", "pdflatex-4-pages.pdf",
                              "google-doc-document.pdf", "grayscale-image.pdf"], start=2):
        shutil.copy(files.fixture(name), folder / name)
        refs.append(AttachmentRef(str(folder / name), "document", position=n))
    photo = files.photo(folder / "face.jpg", size=(1200, 1600), taken=datetime(2026, 2, 20))
    refs.append(AttachmentRef(str(photo), "photo"))
    return refs


def median_time(function, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def model_figures(refs: list, runs: int, folder: Path) -> None:
    from assistant.model.attachments.casecheck import CheckCache, check_attachments
    from assistant.model.attachments.limits import limits_for

    limits = limits_for("guide-2024")
    cold = median_time(lambda: check_attachments(refs, limits, TODAY, cache=CheckCache()),
                       runs)
    cache = CheckCache()
    check_attachments(refs, limits, TODAY, cache=cache)
    warm = median_time(lambda: check_attachments(refs, limits, TODAY, cache=cache), runs)

    def one_replaced() -> None:
        target = folder / "minimal-document.pdf"
        shutil.copy(files.fixture("minimal-document.pdf"), folder / "tmp.pdf")
        os.replace(folder / "tmp.pdf", target)
        check_attachments(refs, limits, TODAY, cache=cache)

    replaced = median_time(one_replaced, runs)
    print(f"files: {len(refs)} (400-page bundle, 11 MB PDF, 4 PDFs, photo 1200x1600)")
    print(f"cold check (empty cache)      {cold * 1000:8.1f} ms   1.00x")
    print(f"re-check, nothing changed     {warm * 1000:8.1f} ms   {warm / cold:.4f}x")
    print(f"re-check, one file replaced   {replaced * 1000:8.1f} ms   {replaced / cold:.4f}x")


def gui_figures(refs: list, runs: int, data: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from assistant.model.attachments.casecheck import shared_cache
    from assistant.model.settings import Settings
    from assistant.model.storage import CaseStore
    from assistant.model.wizard import Step
    from assistant.ui.i18n import install_translators
    from assistant.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    install_translators("ja")
    store = CaseStore.open(data / "cases.sqlite")
    window = MainWindow(store, Settings(data / "settings.json"), today=lambda: TODAY)
    window.show()

    def longest_gap(attachments: list) -> tuple[float, float]:
        shared_cache().clear()
        case = store.create("renewal", {"expiry_date": "20270115"})
        store.set_attachments(case.id, attachments)
        clock = QElapsedTimer()
        gaps: list[int] = []
        last = [0]

        def tick() -> None:
            now = clock.elapsed()
            gaps.append(now - last[0])
            last[0] = now

        timer = QTimer()
        timer.setInterval(5)
        timer.timeout.connect(tick)
        clock.start()
        timer.start()
        window.open_case(case.id)
        editor = window.editor
        editor.go_to_step(Step.CONFIRM)
        while editor.attachments_checking() or editor._validate_timer.isActive():
            app.processEvents()
            time.sleep(0.001)
        for _ in range(20):
            app.processEvents()
            time.sleep(0.005)
        total = clock.elapsed()
        timer.stop()
        window.show_list()
        app.processEvents()
        return float(max(gaps[1:] or [0])), float(total)

    longest_gap([])      # warm up (pages, catalogue, fonts)
    base = [longest_gap([]) for _ in range(runs)]
    with_files = [longest_gap(refs) for _ in range(runs)]
    base_gap = statistics.median(g for g, _ in base)
    file_gap = statistics.median(g for g, _ in with_files)
    total = statistics.median(t for _, t in with_files)
    print(f"wizard to Step 3, no attachments: longest GUI pause {base_gap:6.0f} ms")
    print(f"wizard to Step 3, these files:    longest GUI pause {file_gap:6.0f} ms "
          f"({file_gap / max(base_gap, 1):.2f}x), problems listed after {total:.0f} ms")
    window.close()
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["ASSISTANT_DATA_DIR"] = str(folder / "data")
        os.environ["ASSISTANT_CONFIG_DIR"] = str(folder / "config")
        refs = make_case_files(folder)
        model_figures(refs, args.runs, folder)
        gui_figures(refs, args.runs, folder)


if __name__ == "__main__":
    main()
