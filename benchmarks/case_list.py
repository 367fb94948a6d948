"""Case-list figures: open a store of 10,000 cases and show the list; filter on a keystroke.

Prints (real SQLite file in a temp folder, offscreen Qt unless a display is set):
- ``open + show``: opening the store, building the main window with every case in the list
  and painting it — target <= 0.3 s — against a baseline measured in the same run: the same
  window over an empty store (what the window costs without cases);
- ``keystroke``: one character typed into the search field until the list is filtered
  (median of several keystrokes) — target <= 30 ms — against the same keystroke with the
  search cleared (the repaint alone);
- ``sort by window``: sorting by the online-window column (computes every case's window).

Usage: python benchmarks/case_list.py [N]
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from assistant.model.case import Case  # noqa: E402
from assistant.model.settings import Settings  # noqa: E402
from assistant.model.storage import CaseStore  # noqa: E402

TODAY = date(2026, 11, 26)
NAMES = ["NGUYEN VAN AN", "LI MING", "SANTOS MARIA", "KIM MINJUN", "TRAN THI BINH",
         "WANG FANG", "GARCIA JOSE", "PATEL RAVI", "SMITH JOHN", "YAMADA HANAKO"]


def fill(store: CaseStore, n: int) -> None:
    """Insert ``n`` cases in one transaction through the store's own insert path."""
    base = datetime(2026, 1, 1, tzinfo=UTC)
    with store._write() as conn:  # noqa: SLF001 - bulk fill for the benchmark only
        for i in range(n):
            expiry = TODAY + timedelta(days=(i * 7) % 400 - 30)
            values = {"name": f"{NAMES[i % len(NAMES)]} {i}", "nationality": "ベトナム Viet Nam",
                      "current_status": "技術・人文知識・国際業務 Engineer/Specialist in "
                                        "Humanities/International Services",
                      "expiry_date": expiry.strftime("%Y%m%d"),
                      "zairyu_card_number": f"AB{i:08d}CD"}
            values.update({f"field_{k:02d}": f"値{k}" for k in range(40)})
            moment = base + timedelta(minutes=i)
            store._insert_case(conn, Case(  # noqa: SLF001
                id=uuid.uuid4().hex, procedure=("renewal", "change")[i % 2], values=values,
                created_at=moment, updated_at=moment))


def open_and_show(app: QApplication, db: Path, settings: Settings) -> tuple[float, object]:
    from assistant.ui.main_window import MainWindow

    start = time.perf_counter()
    store = CaseStore.open(db)
    window = MainWindow(store, settings, today=lambda: TODAY)
    window.show()
    app.processEvents()
    window.repaint()
    elapsed = time.perf_counter() - start
    return elapsed, (window, store)


def best(values: list[float]) -> float:
    return min(values)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    app = QApplication(sys.argv[:1])
    from assistant.ui.i18n import install_translators

    install_translators("ja")
    folder = Path(tempfile.mkdtemp(prefix="case-list-bench-"))
    try:
        settings = Settings(folder / "settings.json")
        empty_db, full_db = folder / "empty.sqlite", folder / "cases.sqlite"
        CaseStore.open(empty_db).close()
        with CaseStore.open(full_db) as store:
            fill(store, n)
        # Warm-up (imports, fonts), then best of three for each.
        _t, keep = open_and_show(app, empty_db, settings)
        keep[0].close(), keep[1].close()  # type: ignore[index]
        baseline, shown = [], []
        for _ in range(3):
            elapsed, (window, store) = open_and_show(app, empty_db, settings)
            baseline.append(elapsed)
            window.close()
            store.close()
            elapsed, (window, store) = open_and_show(app, full_db, settings)
            shown.append(elapsed)
            if _ < 2:
                window.close()
                store.close()
        rows = window.model.rowCount()
        assert rows == n, rows
        print(f"cases: {n}")
        print(f"open + show list: {best(shown) * 1000:.0f} ms (target <= 300 ms); "
              f"empty-store baseline {best(baseline) * 1000:.0f} ms; "
              f"ratio {best(shown) / best(baseline):.2f}")

        search = window.list_page.search
        search.setFocus()
        app.processEvents()
        key_times, repaint_times = [], []
        for text in ("NGUYEN", "ab0000", "li", "999"):
            search.clear()
            app.processEvents()
            for char in text:
                start = time.perf_counter()
                QTest.keyClick(search, char)
                app.processEvents()
                window.repaint()
                key_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            window.repaint()
            repaint_times.append(time.perf_counter() - start)
        shown_rows = window.list_page.proxy.rowCount()
        print(f"keystroke filtered: median {statistics.median(key_times) * 1000:.1f} ms, "
              f"worst {max(key_times) * 1000:.1f} ms (target <= 30 ms); "
              f"repaint-only baseline {statistics.median(repaint_times) * 1000:.1f} ms; "
              f"last search shows {shown_rows} of {n}")
        search.clear()
        app.processEvents()
        start = time.perf_counter()
        window.list_page.table.sortByColumn(5, Qt.SortOrder.AscendingOrder)
        app.processEvents()
        print(f"sort by online window (every case's window computed): "
              f"{(time.perf_counter() - start) * 1000:.0f} ms")
        window.close()
        store.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
