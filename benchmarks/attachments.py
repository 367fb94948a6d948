"""Attachment benchmark: check a 10 MB scanned PDF; merge 20 documents (30 MB) under 10 MB.

Each task is also done by qpdf and Ghostscript on the same files in the same run, and the
ratios are printed (ours ÷ theirs; below 1 means we are faster). The files are generated
first (scans with paper grain at 300 dpi, plus the real-world PDFs of tests/fixtures).

    python benchmarks/attachments.py [--runs 3] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests import attachments_files as files  # noqa: E402

LIMIT = 10_000_000


def timed(function: Callable[[], object], runs: int) -> tuple[float, object]:
    """Median wall time of ``runs`` calls, and the last result."""
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def run(cmd: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, capture_output=True, text=True)


def make_scan(path: Path, target: int) -> Path:
    """A scanned PDF (three A4 pages, 300 dpi) of just over ``target`` bytes."""
    for quality in range(90, 99):
        files.scan_pdf(path, pages=3, dpi=300, quality=quality)
        if path.stat().st_size >= target:
            break
    return path


def make_document_set(folder: Path) -> list[Path]:
    """20 documents, about 30 MB: eleven one-page 300 dpi scans and nine real-world PDFs."""
    docs = []
    for index in range(11):
        path = folder / f"scan{index:02d}.pdf"
        image = files.scan_image(210, 297, dpi=300, seed=100 + index)
        image.save(path, "PDF", resolution=300, quality=90)
        docs.append(path)
    real = ["minimal-document.pdf", "002-trivial-libre-office-writer.pdf", "pdflatex-image.pdf",
            "pdflatex-4-pages.pdf", "pdflatex-outline.pdf", "google-doc-document.pdf",
            "crazyones-pdfa.pdf", "grayscale-image.pdf", "pdflatex-4-pages.pdf"]
    for index, name in enumerate(real):
        path = folder / f"doc{index:02d}-{name}"
        shutil.copy(files.fixture(name), path)
        docs.append(path)
    scans, others = docs[:11], docs[11:]
    order = []
    for scan, doc in zip(scans, others, strict=False):
        order += [scan, doc]
    return order + scans[len(others):]


def gs_pdfwrite(sources: list[Path], out: Path) -> list[str]:
    return ["gs", "-q", "-dBATCH", "-dNOPAUSE", "-dSAFER", "-sDEVICE=pdfwrite",
            "-dPDFSETTINGS=/ebook", "-dDownsampleColorImages=true",
            "-dDownsampleGrayImages=true", "-dColorImageResolution=200",
            "-dGrayImageResolution=200", "-dColorImageDownsampleThreshold=1.0",
            "-dGrayImageDownsampleThreshold=1.0", f"-sOutputFile={out}",
            *map(str, sources)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", metavar="DIR", help="keep the generated files here")
    args = parser.parse_args()
    for tool in ("qpdf", "gs"):
        if not shutil.which(tool):
            print(f"{tool} is not installed; install qpdf and ghostscript", file=sys.stderr)
            return 2
    from assistant.model.attachments.limits import limits_for
    from assistant.model.attachments.pdfcheck import check_pdf
    from assistant.model.attachments.prepare import SourceDocument, prepare_documents

    folder = Path(args.keep or tempfile.mkdtemp(prefix="attachments-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"files in {folder}")

    # 1. checking a 10 MB scanned PDF -------------------------------------------------------
    scan = make_scan(folder / "scan-10mb.pdf", LIMIT)
    limits = limits_for("system-2026")       # 25 MB: the file is checked, not refused for size
    first = time.perf_counter()
    check_pdf(scan, limits)                  # the first call also imports pypdf
    first = time.perf_counter() - first
    ours, result = timed(lambda: check_pdf(scan, limits), args.runs)
    ours_cli, _ = timed(lambda: run([sys.executable, "-m", "assistant", "check-pdf", str(scan),
                                     "--profile", "system-2026"]), args.runs)
    qpdf, _ = timed(lambda: run(["qpdf", "--check", str(scan)]), args.runs)
    gs, _ = timed(lambda: run(["gs", "-q", "-dBATCH", "-dNOPAUSE", "-dSAFER",
                               "-sDEVICE=nullpage", str(scan)]), args.runs)
    print(f"\n1. check a scanned PDF: {scan.stat().st_size / 1e6:.1f} MB, "
          f"{result.pages} pages, {result.min_dpi:.0f} dpi")       # type: ignore[attr-defined]
    print(f"   ours (first call)      {first * 1000:8.1f} ms  (includes importing pypdf)")
    print(f"   ours (in process)      {ours * 1000:8.1f} ms")
    print(f"   ours (assistant CLI)   {ours_cli * 1000:8.1f} ms")
    print(f"   qpdf --check           {qpdf * 1000:8.1f} ms")
    print(f"   gs (interpret pages)   {gs * 1000:8.1f} ms")
    print(f"   ratio ours/qpdf {ours / qpdf:.4f}   CLI/qpdf {ours_cli / qpdf:.3f}   "
          f"ours/gs {ours / gs:.3f}   CLI/gs {ours_cli / gs:.2f}")

    # 2. merging 20 documents (30 MB) into one file under 10 MB -----------------------------
    docs = make_document_set(folder)
    total = sum(p.stat().st_size for p in docs)
    sources = [SourceDocument(str(p)) for p in docs]
    out = folder / "ours.pdf"
    ours, report = timed(lambda: prepare_documents(sources, str(out), limits_for("guide-2024")),
                         args.runs)
    gs_out = folder / "gs.pdf"
    gs, _ = timed(lambda: run(gs_pdfwrite(docs, gs_out)), args.runs)
    qpdf_out = folder / "qpdf.pdf"
    qpdf, _ = timed(lambda: run(["qpdf", "--empty", "--pages", *map(str, docs), "--",
                                 str(qpdf_out)]), args.runs)
    qpdf_opt = folder / "qpdf-optimize.pdf"
    qpdf_o, _ = timed(lambda: run(["qpdf", "--empty", "--pages", *map(str, docs), "--",
                                   "--optimize-images", "--recompress-flate",
                                   "--compression-level=9", str(qpdf_opt)]), args.runs)
    ours_check = check_pdf(out, limits_for("guide-2024"))
    gs_check = check_pdf(gs_out, limits_for("guide-2024"))
    print(f"\n2. merge {len(docs)} documents, {total / 1e6:.1f} MB, into one file under "
          f"{LIMIT / 1e6:.0f} MB")
    parts = len(report.parts)                                        # type: ignore[attr-defined]
    compression = report.compression                                # type: ignore[attr-defined]
    print(f"   ours   {ours:7.2f} s  -> {out.stat().st_size / 1e6:5.1f} MB in {parts} file(s), "
          f"images at {compression[0]} dpi q{compression[1]}, lowest "
          f"{ours_check.min_dpi:.0f} dpi, outline entries: {len(docs)}")
    print(f"   gs     {gs:7.2f} s  -> {gs_out.stat().st_size / 1e6:5.1f} MB "
          f"(pdfwrite /ebook, 200 dpi), lowest {gs_check.min_dpi or 0:.0f} dpi")
    print(f"   qpdf   {qpdf:7.2f} s  -> {qpdf_out.stat().st_size / 1e6:5.1f} MB (merge only)")
    print(f"   qpdf+  {qpdf_o:7.2f} s  -> {qpdf_opt.stat().st_size / 1e6:5.1f} MB "
          "(merge, --optimize-images: no downsampling)")
    print(f"   ratio time ours/gs {ours / gs:.2f}   ours/qpdf {ours / qpdf:.1f}   "
          f"ours/qpdf+ {ours / qpdf_o:.2f}")
    print(f"   ratio size ours/gs {out.stat().st_size / gs_out.stat().st_size:.2f}   "
          f"ours/qpdf+ {out.stat().st_size / qpdf_opt.stat().st_size:.2f}")
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    return 0 if out.stat().st_size <= LIMIT else 1


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main())
