"""Bulk import benchmark: ``import bulk`` of 1,000 and 5,000 applicants against openpyxl alone.

Ours: :func:`xlsx_import.import_into_folder` — the whole import as the command runs it (limits
and header checks, every cell read with its type, normalised and validated, case files written
atomically into an empty folder). Baseline, in the same run: openpyxl's read-only load of the
same workbook reading every cell of every sheet (``iter_rows(values_only=True)``), i.e. the
least any import must do. Alternating runs; prints each median, the ratio of the medians, and
the memory peak of one import (tracemalloc, in a run of its own so that tracing does not slow
the timed runs).

    python benchmarks/bulk_import.py [--sizes 1000 5000] [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from exports import applicants  # noqa: E402  (benchmarks/exports.py: realistic cases)

from assistant.model.exports import xlsx, xlsx_import  # noqa: E402


def baseline(book: Path) -> int:
    from openpyxl import load_workbook

    wb = load_workbook(book, read_only=True, data_only=True)
    cells = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            cells += sum(1 for v in row if v is not None)
    wb.close()
    return cells


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    import openpyxl  # noqa: F401  (import cost outside the timings for both sides)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(f"{args.runs} runs each (median); ours = import into an empty case-file folder")
        for size in args.sizes:
            book = xlsx.write_workbook(applicants(size), folder / f"renewal-{size}.xlsx")
            counter = iter(range(10_000))

            def ours(book: Path = book, size: int = size,
                     counter: object = counter) -> None:
                target = folder / f"cases-{size}-{next(counter)}"  # type: ignore[call-overload]
                result, written = xlsx_import.import_into_folder(book, target)
                assert len(written) == size and not result.rejected, result.rejected[:1]

            ours()            # warm-up: catalogue, code lists, rules
            baseline(book)
            ours_runs, base_runs = [], []
            for _ in range(args.runs):
                ours_runs.append(timed(ours))
                base_runs.append(timed(lambda book=book: baseline(book)))
            tracemalloc.start()
            ours()
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            ours_m, base_m = statistics.median(ours_runs), statistics.median(base_runs)
            print(f"  {size:5d} applicants ({book.stat().st_size / 1e6:.1f} MB): "
                  f"ours {ours_m:6.2f} s   openpyxl read-only load {base_m:6.2f} s   "
                  f"ratio {ours_m / base_m:5.2f}   memory peak {peak / 1e6:6.1f} MB "
                  f"({peak / size / 1e3:.1f} KB per applicant)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
