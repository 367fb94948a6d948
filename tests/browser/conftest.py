"""Headless Chromium (Debian's ``chromium``) driven by Playwright for the fill-script tests.

The saved 申込 page is opened from disk with every network request aborted: the page links
images on the online system's server, and the fill script must make no request at all.
Playwright cannot download its own browsers here, so it runs the system browser
(``dev.py test`` installs it with apt).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "tests" / "data" / "coe_N_offer_form.html"
FILL_JS = ROOT / "resources" / "autofill" / "fill.js"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
TITLE_N = "在留資格認定証明書交付申請（区分N）"

# Records every click that reaches an element (capture phase, before any handler).
_CLICK_RECORDER = """() => {
  window.__clicks = [];
  document.addEventListener('click', (e) => {
    const t = e.target;
    const button = t.closest('button, input[type=submit], input[type=button], input[type=file],'
      + ' input[type=reset], input[type=image]');
    window.__clicks.push({
      tag: t.tagName, type: (t.getAttribute('type') || '').toLowerCase(), id: t.id || '',
      button: button ? ((button.value || button.textContent || '').replace(/\\s+/g, ' ').trim()
        + '|' + (button.className || '') + '|' + (button.getAttribute('type') || '')) : null,
      holder: button && button.parentElement ? (button.parentElement.id || '') : ''
    });
  }, true);
}"""

# What of the page is real here, and what is a stand-in (docs/autofill.md, "Tests"):
# the saved page carries no script at all — no <script> element (the browser's "save page"
# dropped them; their links pointed to cid: parts), no on* handler attribute (the
# 「＋追加する」 buttons' onclick="repetitionAdd(…)" survives only inside an HTML comment since
# the page's 2025/08/06 update: the online system binds its handlers from its own script
# files) — test_saved_page.py checks that. Real: the page's markup (ids, names, labels,
# options, maxlength, the rows and items hidden as saved) and the browser's own form behaviour
# (radio groups, selects, labels, events). Stand-ins for the online system's unsaved script,
# doing exactly what the page's own notes say and nothing else:
# - 「＋追加する」 shows the group's next row (as its repetitionAdd(group, n) does);
# - a select's choice shows the conditional item its note names (PAGE_RULES).
PAGE_RULES = [  # (select, item it shows, choices (Japanese part; * = prefix), the item's note)
    ("select_256119", "tr_256120", ["その他"], "１３.２：その他を選択した場合は内容について入力"),
    ("select_256187", "tr_256188", ["その他"], "２３.３：その他を選択した場合は内容について入力"),
    ("select_256187", "tr_256191", ["大学院（博士）", "大学院（修士）", "大学", "短期大学"],
     "２４.１：「２３.２　最終学歴(2)」において、大学院(博士)～短期大学を選択した場合に入力"),
    ("select_256187", "tr_256193", ["専門学校"],
     "２４.１：「２３.２　最終学歴(2)」において、専門学校を選択した場合に入力"),
    ("select_256191", "tr_256192", ["その他*"],
     "２４.２：「２４.１　専攻・専門分野」において、その他を選択した場合に入力"),
    ("select_256193", "tr_256194", ["その他*"],
     "２４.２：「２４.１　専攻・専門分野」において、その他を選択した場合に入力"),
]
# - a 高度専門職 入国目的 shows the 高度専門職ポイント表 (the page saved for 技術・人文知識・国際業務
#   keeps it hidden). The page does not say which of its repeated rows (学歴, 職歴, 年収 three
#   times, 研究実績 twice) its script shows for which activity: the stand-in shows the one the
#   field set assigns by the page's order (docs/domain.md#categories) and every row asked once.
HSP_PURPOSES = ["高度専門職第１号イ・第２号（高度学術研究活動）", "高度専門職第１号ロ・第２号（高度専門・技術活動）",
                "高度専門職第１号ハ・第２号（高度経営・管理活動）"]
HSP_ROWS_BY_ACTIVITY = {  # row → index of its purpose in HSP_PURPOSES
    "tr_256330": 0, "tr_256331": 1, "tr_256332": 2, "tr_256334": 0, "tr_256335": 1,
    "tr_256336": 2, "tr_256338": 0, "tr_256339": 1, "tr_256340": 2, "tr_256342": 0,
    "tr_256343": 1}
PAGE_RULES += [
    ("select_256117", row, [HSP_PURPOSES[HSP_ROWS_BY_ACTIVITY[row]]]
     if row in HSP_ROWS_BY_ACTIVITY else HSP_PURPOSES, "高度専門職ポイント表")
    for row in ["h4_256328", "tr_256328", *(f"tr_{n}" for n in range(256329, 256365))]
    if row not in ("tr_256353", "tr_256354", "tr_256355")]   # shown by 特別加算２ 該当する
PAGE_STAND_IN = """(rules) => {
  for (const [select, item, choices] of rules) {
    document.getElementById(select).addEventListener('change', (e) => {
      const text = e.target.options[e.target.selectedIndex].text.trim().split(' ')[0];
      const on = choices.some((c) => c.endsWith('*') ? text.startsWith(c.slice(0, -1))
                                                     : text === c);
      document.getElementById(item).style.display = on ? '' : 'none';
    });
  }
  document.querySelectorAll('[id$=_buttonAdd] input[type=button]').forEach((b) => {
    b.addEventListener('click', () => {
      const m = /^repetition(\\d+)_(\\d+)_buttonAdd$/.exec(b.parentElement.id);
      const next = document.getElementById('repetition' + m[1] + '_' + (Number(m[2]) + 1));
      if (next) next.style.display = '';
    });
  });
}"""


def add_page_stand_in(page: Any) -> None:
    """The stand-ins for the online system's unsaved script (above)."""
    page.evaluate(PAGE_STAND_IN, [list(rule[:3]) for rule in PAGE_RULES])


@dataclass
class OfferPage:
    page: Any
    requests: list[str] = field(default_factory=list)

    def fill(self, payload: dict[str, Any] | str) -> dict[str, Any]:
        import json

        text = payload if isinstance(payload, str) else json.dumps(payload, ensure_ascii=False)
        self.requests.clear()
        result: dict[str, Any] = self.page.evaluate("(t) => window.zairyuFill(t)", text)
        return result

    def clicks(self) -> list[dict[str, Any]]:
        clicks: list[dict[str, Any]] = self.page.evaluate("() => window.__clicks")
        return clicks

    def value(self, control_id: str) -> str:
        value: str = self.page.evaluate(
            """(id) => { const el = document.getElementById(id);
                 return el.tagName === 'SELECT' ? el.options[el.selectedIndex].text.trim()
                                                : el.value; }""", control_id)
        return value

    def checked(self, control_id: str) -> bool:
        checked: bool = self.page.evaluate("(id) => document.getElementById(id).checked",
                                           control_id)
        return checked

    def shown(self, element_id: str) -> bool:
        shown: bool = self.page.evaluate(
            "(id) => getComputedStyle(document.getElementById(id)).display !== 'none'",
            element_id)
        return shown

    def panel_text(self) -> str:
        text: str = self.page.inner_text("#zairyu-fill-panel")
        return text


@pytest.fixture(scope="session")
def playwright() -> Iterator[Any]:
    """One Playwright driver for the session (its sync API cannot run two at once)."""
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is installed by dev.py test")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright: Any) -> Iterator[Any]:
    chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
    yield chromium
    chromium.close()


def record_clicks(page: Any) -> None:
    """From now on, every click on the page is listed in ``window.__clicks``."""
    page.evaluate(_CLICK_RECORDER)


def open_page(browser: Any, *, url: str | None = None, html: str | None = None,
              page_script: bool = True) -> OfferPage:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    offer = OfferPage(page)

    def route(r: Any) -> None:
        if r.request.url.startswith("file://"):
            r.continue_()
        else:
            offer.requests.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    if html is not None:
        page.set_content(html)
    else:
        page.goto(url or PAGE.as_uri(), wait_until="domcontentloaded")
    record_clicks(page)
    if page_script and html is None:
        add_page_stand_in(page)
    page.add_script_tag(content=FILL_JS.read_text(encoding="utf-8"))
    return offer


@pytest.fixture
def offer(browser: Any) -> Iterator[OfferPage]:
    page = open_page(browser)
    yield page
    page.page.close()
