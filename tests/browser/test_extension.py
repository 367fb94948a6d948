"""The Chrome/Edge extension folder: manifest v3, the same fill.js as the bookmarklet, a paste
box, no remote code; its content scripts run on the saved page as they would on the online
system's (the manifest matches only that host, so the test injects them)."""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

from assistant.model import autofill
from tests.autofill_case import coe_case
from tests.browser.conftest import FILL_JS, ROOT, open_page
from tests.browser.test_fill_script import forbidden_clicks

EXTENSION = ROOT / "resources" / "autofill" / "extension"


def test_manifest_and_scripts() -> None:
    manifest = json.loads((EXTENSION / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["manifest_version"] == 3
    assert "permissions" not in manifest and "host_permissions" not in manifest
    assert "background" not in manifest  # nothing runs outside the page
    (content,) = manifest["content_scripts"]
    assert content["matches"] == ["https://www.rasens-immi.moj.go.jp/*"]
    assert content["js"] == ["fill.js", "paste_box.js"]
    # The content script is the bookmarklet's script, byte for byte.
    assert (EXTENSION / "fill.js").read_bytes() == FILL_JS.read_bytes()
    for name in content["js"]:
        text = (EXTENSION / name).read_text(encoding="utf-8")
        assert not re.search(r"https?://|fetch\(|XMLHttpRequest|importScripts|\beval\(|"
                             r"createElement\(\"script\"\)|sendBeacon|WebSocket", text), name
    assert sorted(p.name for p in EXTENSION.iterdir()) == [
        "fill.js", "manifest.json", "paste_box.js"]


def test_the_paste_box_fills_the_page(browser: Any) -> None:
    payload = autofill.build_payload(coe_case(), date(2026, 3, 1))
    offer = open_page(browser)
    try:
        offer.page.add_script_tag(content=(EXTENSION / "paste_box.js").read_text("utf-8"))
        offer.page.click("#zairyu-paste-open")
        offer.page.fill("#zairyu-paste-text", payload.to_json())
        offer.requests.clear()
        offer.page.click("#zairyu-paste-run")
        assert f"入力した項目：{len(payload.items) - 1}件" in offer.panel_text()
        assert offer.value("applicant_lastName") == "WANG XIAOMING"
        assert offer.value("switch_256153") == "李　強"
        assert offer.page.input_value("#zairyu-paste-text") == ""  # not left on the page
        own = [c for c in forbidden_clicks(offer) if not c["id"].startswith("zairyu-paste")]
        assert own == []
        assert offer.requests == []
    finally:
        offer.page.close()

