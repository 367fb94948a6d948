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


HSP_B = "高度専門職第１号ロ・第２号（高度専門・技術活動） Highly-Skilled Professional (i)(b) & (ii)"


def test_a_hsp_b_cases_points_table_lands_in_the_rows_of_its_activity(browser: Any) -> None:
    """高度専門・技術 (ロ): its 学歴 / 職歴 / 年収 / 研究実績 answers go to the page's second row of
    each (select_256331 …, its own choices: the MBA), the rows asked once to theirs; nothing
    is reported hidden, the イ and ハ rows stay untouched."""
    from assistant.model import kubun
    from assistant.model.fields import catalogue

    activities = kubun.case_kubun(catalogue("coe"), {"desired_status": HSP_B}).activities
    values = {**coe_values(), "desired_status": HSP_B,
              "kubun_activity": next(a.purpose_ja for a in activities if a.kubun == "N"),
              "n_hsp_points_66": "無 No",
              "n_hsp_points_67_2": "経営管理に関する専門職学位（ＭＢＡ，ＭＯＴ）を保有（２５点） Holder of "
                                   "a professional degree：business management(MBA, MOT)(25pt)",
              "n_hsp_points_69_2": "７年以上１０年未満（１５点） 7 years or more but less than 10 years "
                                   "(15 points)",
              "n_hsp_points_70": "３０～３４歳（１０点） Between 30 and 34 years of age (10 points)",
              "n_hsp_points_71_2": "８００万円以上９００万円未満（３０点） 8,000,000 yen up to 8,999,999 yen "
                                   "(30 points)",
              "n_hsp_points_74": "１つ保有（５点） has only one (5 points)",
              "n_hsp_points_78_2": "該当しない Not applicable"}
    payload = autofill.build_payload(Case(id="hsp-b", procedure="coe", values=values),
                                     date(2026, 3, 1))
    sent = {item.key: item.value for item in payload.items}
    assert {"select_256331", "select_256335", "select_256339", "select_256337",
            "radioList_256329_1", "radioList_256344_1", "radioList_256352_1"} <= set(sent)
    assert not {"select_256330", "select_256332", "select_256334", "select_256336",
                "select_256338", "select_256340"} & set(sent)
    offer = open_page(browser)
    try:
        # the page was saved for 技術・人文知識・国際業務: its 入国目的 offers that purpose and
        # 特定活動 only; the page of a 高度専門職 application offers that one (added here, as
        # Step 1 offers it: resources/codelists/entry_purpose.json)
        offer.page.evaluate("""(purpose) => {
          const select = document.getElementById('select_256117');
          select.add(new Option(purpose, String(select.options.length + 1)));
        }""", HSP_B)
        offer.page.on("dialog", lambda d: d.accept(payload.to_json()))
        offer.requests.clear()
        url = autofill.bookmarklet()
        offer.page.evaluate(urllib.parse.unquote(url[len("javascript:"):]))
        panel = offer.panel_text()
        assert f"入力した項目：{len(payload.items)}件" in panel
        assert "入力できなかった項目：0件" in panel, panel
        assert offer.value("select_256117") == HSP_B
        assert offer.value("select_256331").startswith("経営管理に関する専門職学位")
        assert offer.value("select_256335").startswith("７年以上１０年未満（１５点）")
        assert offer.value("select_256339").startswith("８００万円以上９００万円未満（３０点）")
        assert offer.value("select_256337").startswith("３０～３４歳")
        assert offer.checked("radioList_256344_3") and offer.checked("radioList_256352_1")
        for other in ("select_256330", "select_256332", "select_256334", "select_256336",
                      "select_256338", "select_256340"):
            assert offer.value(other) == "選択してください", other
        assert offer.shown("tr_256331") and not offer.shown("tr_256330")
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


