"""A coe case typed in the assistant lands on the saved 区分N page: its payload (built by
assistant.model.autofill) run through the real bookmarklet in headless Chromium."""

from __future__ import annotations

import urllib.parse
from datetime import date
from typing import Any

from assistant.model import autofill
from assistant.model.case import Case
from tests.autofill_case import coe_case, coe_values
from tests.browser.conftest import FILL_JS, open_page
from tests.browser.test_fill_script import forbidden_clicks

READ_BACK = """(keys) => keys.map((key) => {
  let el = document.getElementById(key);
  if (el && (el.type === 'radio' || el.type === 'checkbox')) {
    const group = el.type === 'radio' ? [...document.getElementsByName(el.name)] : [el];
    const on = group.filter((g) => g.checked);
    return on.map((g) => (document.querySelector("label[for='" + g.id + "']")
      || g.closest('label')).textContent.replace(/\\s+/g, ' ').trim()).join('|');
  }
  if (el.tagName === 'SELECT') return el.options[el.selectedIndex].text.trim();
  return el.value;
})"""


def _japanese(text: str) -> str:
    return text.strip().split(" ")[0]


# What Step 1 offers a 区分N coe: the page's own 入国目的, split out of the template's joint one.
PAGE_TECH = "技術・人文知識・国際業務 Engineer / Specialist in Humanities / International Services"


def test_a_case_with_the_pages_own_purpose_lands_whole(browser: Any) -> None:
    case = Case(id="autofill-case", procedure="coe",
                values={**coe_values(), "desired_status": PAGE_TECH})
    payload = autofill.build_payload(case, date(2026, 3, 1))
    offer = open_page(browser)
    try:
        offer.page.on("dialog", lambda d: d.accept(payload.to_json()))
        offer.requests.clear()
        url = autofill.bookmarklet()
        offer.page.evaluate(urllib.parse.unquote(url[len("javascript:"):]))
        panel = offer.panel_text()
        assert f"入力した項目：{len(payload.items)}件" in panel
        assert "入力できなかった項目：0件" in panel, panel
        assert offer.value("select_256117") == PAGE_TECH
        got = offer.page.evaluate(READ_BACK, [i.key for i in payload.items])
        for item, value in zip(payload.items, got, strict=True):
            if item.key.startswith(("select_", "radioList_", "birthRadioList_", "sexRadio",
                                    "checkList_")):
                assert _japanese(value) == _japanese(item.value), item
            else:
                assert value == item.value, item
        assert forbidden_clicks(offer) == []
        assert offer.requests == []
    finally:
        offer.page.close()


def test_a_vocational_school_graduates_major_lands_in_the_pages_other_list(browser: Any) -> None:
    """最終学歴 専門学校: the page shows its own 24.1 list (select_256193) and 24.2 その他
    (switch_256194); the case's major goes there, nothing is reported hidden."""
    values = {**coe_values(), "desired_status": PAGE_TECH,
              "n_23_2": "専門学校 College of technology", "n_23_4": "東京デザイン専門学校",
              "n_24_1_2": "その他 Others", "n_24_2_2": "ゲームデザイン"}
    del values["n_24_1"]
    payload = autofill.build_payload(Case(id="school", procedure="coe", values=values),
                                     date(2026, 3, 1))
    keys = [item.key for item in payload.items]
    assert keys.index("select_256187") < keys.index("select_256193") < keys.index("switch_256194")
    assert "select_256191" not in keys
    offer = open_page(browser)
    try:
        offer.page.on("dialog", lambda d: d.accept(payload.to_json()))
        offer.requests.clear()  # what the page itself asked for while loading
        url = autofill.bookmarklet()
        offer.page.evaluate(urllib.parse.unquote(url[len("javascript:"):]))
        panel = offer.panel_text()
        assert f"入力した項目：{len(payload.items)}件" in panel
        assert "入力できなかった項目：0件" in panel, panel
        assert offer.shown("tr_256193") and not offer.shown("tr_256191")
        assert offer.value("select_256193") == "その他 Others"
        assert offer.shown("tr_256194") and offer.value("switch_256194") == "ゲームデザイン"
        assert offer.value("select_256191") == "選択してください"
        assert forbidden_clicks(offer) == [] and offer.requests == []
    finally:
        offer.page.close()


def test_a_typed_case_lands_on_the_page_through_the_bookmarklet(browser: Any) -> None:
    payload = autofill.build_payload(coe_case(), date(2026, 3, 1))
    url = autofill.bookmarklet()
    offer = open_page(browser)
    try:
        # The bookmarklet asks for the payload in a paste box (window.prompt).
        offer.page.on("dialog", lambda d: d.accept(payload.to_json()))
        offer.requests.clear()  # what the page itself asked for while loading
        offer.page.evaluate(urllib.parse.unquote(url[len("javascript:"):]))
        panel = offer.panel_text()
        # The catalogue's 入国目的 is the bulk template's joint choice 「技術・人文知識・国際業務，
        # 特定活動（本邦大卒者）」; the 区分N page asks which of the two: the office chooses.
        assert f"入力した項目：{len(payload.items) - 1}件" in panel
        assert "入力できなかった項目：1件" in panel
        assert "入国目的：選択肢にありません" in panel
        assert offer.value("select_256117") == "選択してください"
        placed = [i for i in payload.items if i.key != "select_256117"]
        got = offer.page.evaluate(READ_BACK, [i.key for i in placed])
        for item, value in zip(placed, got, strict=True):
            if item.key.startswith(("select_", "radioList_", "birthRadioList_", "sexRadio",
                                    "checkList_")):
                assert _japanese(value) == _japanese(item.value), item
            else:
                assert value == item.value, item
        # Three relatives, row by row; the fourth row stays closed.
        assert [offer.value(k) for k in ("switch_256139", "switch_256146", "switch_256153")] \
            == ["王　偉", "王　芳", "李　強"]
        assert not offer.shown("repetition256137_4")
        # Four jobs (区分N field set), row by row, rows 9 items apart; the fifth stays closed.
        assert [offer.value(f"switch_{256206 + 9 * n}") for n in range(4)] == [
            "Beijing Soft Co., Ltd.", "Shanghai Data Ltd.", "Hanoi IT JSC", "Tokyo Systems K.K."]
        assert [offer.value(f"yearMonthAD_{256201 + 9 * n}") for n in range(4)] == [
            "201307", "201510", "201801", "202004"]
        assert offer.value("switch_256225") == ""  # job 3 has no kanji name
        assert not offer.shown("repetition256198_5")
        assert offer.value("switch_256306").startswith("ソフトウェアの設計")
        assert forbidden_clicks(offer) == []
        assert offer.requests == []
        assert not offer.checked("checkList_256394_1")  # 申請内容の確認 is the office's own
    finally:
        offer.page.close()


def test_the_script_file_is_what_the_command_writes() -> None:
    assert autofill.fill_script() == FILL_JS.read_text(encoding="utf-8")


