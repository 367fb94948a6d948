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

# Stand-ins for two of the online system's scripts: the saved page lost them (its <script>
# links point to cid: parts), so its 「＋追加する」 buttons do nothing here and no answer shows
# a conditional item. repetitionAdd() shows the next row of the group; choosing 23.2 最終学歴(2)
# (a university) shows 24.1 専攻・専門分野. The listeners do exactly that and nothing else.
PAGE_ROW_SCRIPT = """() => {
  document.getElementById('select_256187').addEventListener('change', (e) => {
    document.getElementById('tr_256191').style.display = e.target.selectedIndex > 0 ? '' : 'none';
  });
  document.querySelectorAll('[id$=_buttonAdd] input[type=button]').forEach((b) => {
    b.addEventListener('click', () => {
      const m = /^repetition(\\d+)_(\\d+)_buttonAdd$/.exec(b.parentElement.id);
      const next = document.getElementById('repetition' + m[1] + '_' + (Number(m[2]) + 1));
      if (next) next.style.display = '';
    });
  });
}"""


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
        page.evaluate(PAGE_ROW_SCRIPT)
    page.add_script_tag(content=FILL_JS.read_text(encoding="utf-8"))
    return offer


@pytest.fixture
def offer(browser: Any) -> Iterator[OfferPage]:
    page = open_page(browser)
    yield page
    page.page.close()
