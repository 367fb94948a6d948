"""Fill time of the whole 申込 page (coe 区分N, saved) in headless Chromium, and the share of a
case's values the fill places.

1. Whole page: a payload with a value for every control the page shows (every text item, every
   select, every radio group, every checkbox, rows 1–6 of each repeat group: the page opens
   them with its 「＋追加する」, here a stand-in for its script), filled by
   ``window.zairyuFill``. Goal: ≤ 1 s. Baseline in the same run: assigning the same values
   straight to ``.value``/``.checked`` (no lookups, checks, events or report).
2. The typed coe case of the tests (tests/autofill_case.py): its payload through the
   bookmarklet; share of the case's values placed (goal: 100 % of those the page has an item
   for).
3. A screenshot of the filled page with the report panel: build/screenshots/autofill_panel.png.

All network requests are aborted (the saved page links ISA's server).

    python benchmarks/autofill.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.browser.conftest import ARGS, CHROMIUM, open_page  # noqa: E402

# A value for every fillable control of the page, in page order, with rows opened first.
WHOLE_PAGE = """() => {
  for (const c of document.querySelectorAll('[id^=repetition]')) {
    if (/^repetition\\d+_\\d+$/.test(c.id)) c.style.display = '';   // measure every row
  }
  const items = [], seen = new Set();
  for (const dl of document.querySelectorAll('dl[id^=tr_]')) {
    if (getComputedStyle(dl).display === 'none') continue;
    for (const el of dl.querySelectorAll('input, select, textarea')) {
      if (el.offsetParent === null && el.type !== 'radio' && el.type !== 'checkbox') continue;
      const type = el.type;
      if (['button', 'submit', 'file', 'hidden', 'reset', 'image'].includes(type)) continue;
      if (el.tagName === 'SELECT') {
        items.push({key: el.id, value: el.options[el.options.length - 1].text});
      } else if (type === 'radio') {
        if (seen.has(el.name)) continue;
        seen.add(el.name);
        const label = document.querySelector("label[for='" + el.id + "']") || el.closest('label');
        items.push({key: el.id, value: label.textContent.replace(/\\s+/g, ' ').trim()});
      } else if (type === 'checkbox') {
        const label = document.querySelector("label[for='" + el.id + "']") || el.closest('label');
        if (label) items.push({key: el.id, value: label.textContent.replace(/\\s+/g, ' ').trim()});
      } else if (el.maxLength !== 0) {
        const n = el.maxLength > 0 ? Math.min(el.maxLength, 8) : 8;
        items.push({key: el.id, value: '12345678'.slice(0, n)});
      }
    }
  }
  for (const c of document.querySelectorAll('[id^=repetition]')) {
    const m = /^repetition\\d+_(\\d+)$/.exec(c.id);
    if (m && m[1] !== '1') c.style.display = 'none';   // closed again, as saved
  }
  return items;
}"""

BASELINE = """(items) => {
  const t0 = performance.now();
  for (const it of items) {
    const el = document.getElementById(it.key);
    if (el.type === 'radio' || el.type === 'checkbox') el.checked = true;
    else if (el.tagName === 'SELECT') el.selectedIndex = el.options.length - 1;
    else el.value = it.value;
  }
  return performance.now() - t0;
}"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    from assistant.model import autofill
    from tests.autofill_case import coe_case

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        fill_ms, base_ms, counts = [], [], None
        for _ in range(args.runs):
            offer = open_page(browser)
            items = offer.page.evaluate(WHOLE_PAGE)
            payload = {"format": autofill.FORMAT,
                       "procedure_title": "在留資格認定証明書交付申請（区分N）", "items": items}
            report = offer.fill(json.dumps(payload, ensure_ascii=False))
            fill_ms.append(report["elapsedMs"])
            counts = (len(items), report["filled"], report["rowsAdded"],
                      [(n["key"], n["code"]) for n in report["notFilled"]])
            offer.page.close()
            offer = open_page(browser)
            base_ms.append(offer.page.evaluate(BASELINE, items))
            offer.page.close()
        assert counts is not None
        fill, base = statistics.median(fill_ms), statistics.median(base_ms)
        print(f"whole page: {counts[0]} items, {counts[1]} filled, {counts[2]} rows added, "
              f"not filled: {counts[3]}")
        print(f"fill time (median of {args.runs}): {fill:.1f} ms (goal ≤ 1000 ms); "
              f"bare assignment baseline {base:.1f} ms; ratio {fill / max(base, 0.001):.1f}×")

        case = coe_case()
        built = autofill.build_payload(case, date(2026, 3, 1))
        offer = open_page(browser)
        report = offer.fill(built.to_json())
        placed_items = set(report["filledKeys"])
        placed = {k for i in built.items if i.key in placed_items for k in i.sources}
        values = {k for k, v in case.values.items() if v.strip()}
        on_page = values - set(built.not_on_page)
        print(f"typed coe case: {len(values)} values, {len(on_page)} with an item on the page, "
              f"{len(placed & on_page)} placed = {100 * len(placed & on_page) / len(on_page):.1f} %;"
              f" not placed: {sorted(on_page - placed)}")
        shots = REPO / "build" / "screenshots"
        shots.mkdir(parents=True, exist_ok=True)
        offer.page.evaluate("() => document.getElementById('tr_256136').scrollIntoView()")
        offer.page.screenshot(path=str(shots / "autofill_panel.png"))
        print(f"screenshot: {shots / 'autofill_panel.png'}")
        offer.page.close()
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
