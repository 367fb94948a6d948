#!/usr/bin/env python3
"""The README's screenshots of the bookmarklet and the extension, made in Debian's headless
Chromium with no network (docs/autofill.md):

- ``autofill_bookmarklet_page.png``: the local page 「ブックマークレットを登録...」 opens;
- ``autofill_extensions.png``: chrome://extensions (Japanese, デベロッパー モード on) with the
  generated extension folder loaded;
- ``autofill_paste_box.png``: the extension's paste box on the 申込 page (the saved page served
  at the online system's address), with a case's fill payload pasted.

The filled page with the report panel is ``benchmarks/autofill.py``'s screenshot.

    python tools/autofill_screenshots.py [--out docs/images]

chrome://extensions shows in Japanese only with Debian's ``chromium-l10n`` installed.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OFFER_URL = "https://www.rasens-immi.moj.go.jp/rasguser/offer/offerRSS_gotoOffer"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "images"))
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from playwright.sync_api import sync_playwright
    from PySide6.QtCore import QCoreApplication

    from assistant.model import autofill
    from assistant.ui.bookmarklet_page import write_page
    from tests.autofill_case import coe_case
    from tests.browser.conftest import ARGS, CHROMIUM, PAGE

    app = QCoreApplication.instance() or QCoreApplication([])  # noqa: F841 - translate needs it
    payload = autofill.build_payload(coe_case(), date(2026, 3, 1)).to_json()
    # Chromium's own pages follow the process language.
    os.environ.update(LANGUAGE="ja", LANG="ja_JP.UTF-8", LC_ALL="ja_JP.UTF-8")
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        folder = Path(tmp)
        page_file = write_page(folder)
        extension = autofill.write_extension(folder / autofill.EXTENSION_FOLDER)
        context = p.chromium.launch_persistent_context(
            str(folder / "profile"), executable_path=CHROMIUM, headless=True,
            args=[*ARGS, "--lang=ja", f"--disable-extensions-except={extension}",
                  f"--load-extension={extension}"],
            ignore_default_args=["--disable-extensions"], locale="ja-JP",
            viewport={"width": 1100, "height": 640})
        html = PAGE.read_text(encoding="utf-8")

        def route(r: object) -> None:
            url = r.request.url  # type: ignore[attr-defined]
            if url == OFFER_URL:
                r.fulfill(status=200, content_type="text/html; charset=utf-8",  # type: ignore[attr-defined]
                          body=html)
            elif url.startswith(("file:", "chrome:", "chrome-extension:", "data:")):
                r.continue_()  # type: ignore[attr-defined]
            else:
                r.abort()  # type: ignore[attr-defined]

        context.route("**/*", route)

        page = context.new_page()
        page.set_viewport_size({"width": 1100, "height": 300})  # full_page: as tall as the text
        page.goto(page_file.as_uri())
        page.screenshot(path=str(out / "autofill_bookmarklet_page.png"), full_page=True)
        page.close()

        page = context.new_page()
        page.goto("chrome://extensions")
        page.locator("#devMode").click()
        page.wait_for_timeout(500)
        # The two controls the README's steps name, outlined in red.
        for control in ("#devMode", "#loadUnpacked"):
            page.locator(control).evaluate(
                "(e) => { e.style.outline = '3px solid #d00'; e.style.outlineOffset = '4px'; }")
        page.screenshot(path=str(out / "autofill_extensions.png"))
        page.close()

        page = context.new_page()
        page.set_viewport_size({"width": 1100, "height": 700})
        page.goto(OFFER_URL, wait_until="domcontentloaded")
        page.wait_for_selector("#zairyu-paste-open")
        page.evaluate("() => document.getElementById('tr_256101').scrollIntoView()")
        page.click("#zairyu-paste-open")
        page.fill("#zairyu-paste-text", payload)
        page.evaluate("() => document.getElementById('zairyu-paste-text').scrollTop = 0")
        page.screenshot(path=str(out / "autofill_paste_box.png"))
        page.close()
        context.close()
    for name in ("autofill_bookmarklet_page.png", "autofill_extensions.png",
                 "autofill_paste_box.png"):
        print(out / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
