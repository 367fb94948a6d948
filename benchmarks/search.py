"""Search figures: a keystroke in the case list's search over N cases (default 10,000).

Prints (real SQLite file in a temp folder, offscreen Qt unless a display is set):
- ``store search``: :meth:`CaseStore.search_ids` (FTS5 trigram over every value, folded) for
  each prefix typed, median — target <= 30 ms per keystroke;
- ``list keystroke``: the same through the case list's model (SQLite selects and orders the
  shown cases, newest change first), against a baseline measured in the same run: the list's
  order without a search (every case) — the cost the search adds;
- ``edit``: one autosaved value (one fsynced transaction that also rewrites the search row).

Needles of one or two characters cannot use the trigram index: they look in the short search
text of each case (names, phone and document numbers, 担当者; ``resources/storage/search.json``)
kept in the case list's covering index — target <= 30 ms too (the per-needle figures).

Usage: python benchmarks/search.py [N]
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from assistant.model.case import Case  # noqa: E402
from assistant.model.storage import CaseStore  # noqa: E402

NAMES = [("NGUYEN VAN AN", "グエン　バン　アン"), ("LI MING", "リ　ミン"),
         ("SANTOS MARIA", "サントス　マリア"), ("KIM MINJUN", "キム　ミンジュン"),
         ("TRAN THI BINH", "チャン　ティ　ビン"), ("WANG FANG", "ワン　ファン")]
EMPLOYERS = ["株式会社サクラ食品", "ひまわり商事株式会社", "有限会社モミジ工業", "東京ロジスティクス株式会社"]
TYPED = ["グ", "グエ", "グエン", "サ", "サク", "サクラ", "AB0000", "AB00001234"]


def fill(store: CaseStore, n: int) -> None:
    base = datetime(2026, 1, 1, tzinfo=UTC)
    with store._write() as conn:  # noqa: SLF001 - bulk fill through the store's insert path
        for i in range(n):
            name, kana = NAMES[i % len(NAMES)]
            values = {"name": f"{name} {i}", "name_kana": kana, "nationality": "ベトナム Viet Nam",
                      "employer_name": EMPLOYERS[i % len(EMPLOYERS)],
                      "zairyu_card_number": f"AB{i:08d}CD", "phone": f"03{i:08d}",
                      "expiry_date": "20270331"}
            values.update({f"field_{k:02d}": f"値{k}" for k in range(40)})
            moment = base + timedelta(minutes=i)
            store._insert_case(conn, Case(  # noqa: SLF001
                id=uuid.uuid4().hex, procedure="renewal", values=values,
                created_at=moment, updated_at=moment))


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def main(n: int) -> None:
    app = QApplication.instance() or QApplication([])
    from assistant.model.storage import ListQuery
    from assistant.ui.case_list import CaseTableModel

    folder = Path(tempfile.mkdtemp())
    try:
        store = CaseStore.open(folder / "cases.sqlite")
        started = time.perf_counter()
        fill(store, n)
        print(f"fill {n} cases (values + search rows, one transaction): "
              f"{time.perf_counter() - started:.2f} s")
        model = CaseTableModel(store)
        model.reload()
        measured = []
        for _ in range(3):
            for text in TYPED:
                t = time.perf_counter()
                model.set_search(text)
                app.processEvents()
                measured.append(time.perf_counter() - t)
            model.set_search("")
        baseline = []
        for _ in range(3 * len(TYPED)):
            t = time.perf_counter()
            store.list_order(ListQuery())
            baseline.append(time.perf_counter() - t)
        store_times, short_times = [], []
        for text in TYPED:
            needle_times, ordered_times = [], []
            for _ in range(3):
                t = time.perf_counter()
                store.search_ids(text)
                needle_times.append(time.perf_counter() - t)
                t = time.perf_counter()
                shown = store.list_order(ListQuery(text=text))
                ordered_times.append(time.perf_counter() - t)
            store_times += needle_times
            if len(text) <= 2:
                short_times += ordered_times
            print(f"  「{text}」: search_ids median {median_ms(needle_times):.1f} ms; the list's "
                  f"ordered rows ({len(shown)}) median {median_ms(ordered_times):.1f} ms")
        found = len(store.search_ids("グエン") or ())
        print(f"store search ({n} cases, 「グエン」 finds {found}): median "
              f"{median_ms(store_times):.1f} ms, worst {max(store_times) * 1000:.1f} ms "
              f"(target <= 30 ms); the list's 1-2 character searches: median "
              f"{median_ms(short_times):.1f} ms, "
              f"worst {max(short_times) * 1000:.1f} ms (target <= 30 ms)")
        print(f"list keystroke (search, order, shown rows): median {median_ms(measured):.1f} ms, "
              f"worst {max(measured) * 1000:.1f} ms; baseline (the list's order, no search): "
              f"median {median_ms(baseline):.1f} ms; ratio "
              f"{median_ms(measured) / max(median_ms(baseline), 1e-6):.2f}")
        case_id = store.list_summaries()[0].id
        edits = []
        for k in range(20):
            t = time.perf_counter()
            store.set_values(case_id, {"employer_name": f"株式会社テスト{k}"})
            edits.append(time.perf_counter() - t)
        print(f"one autosaved edit (values + search row, fsynced): median "
              f"{median_ms(edits):.1f} ms")
        store.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
