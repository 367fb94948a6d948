"""What the saved 申込 page brings of its own behaviour, and the fill against the conditional
items its notes describe.

The saved page carries no script: the tests say so here (if a newer saved page brings its
scripts, these fail, and the stand-ins in conftest.py should give way to the page's own), and
the fill is tested against the stand-ins that do what the page's notes say (conftest.PAGE_RULES).
"""

from __future__ import annotations

from typing import Any

from tests.browser.conftest import PAGE, OfferPage
from tests.browser.test_fill_script import item, payload

_OWN_SCRIPT = """() => {
  const handlers = [];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) if (a.name.startsWith('on')) handlers.push(el.tagName + ' ' + a.name);
  }
  const comments = [], walker = document.createTreeWalker(document, NodeFilter.SHOW_COMMENT);
  while (walker.nextNode()) if (/repetition(Add|Del)\\(/.test(walker.currentNode.data)) {
    comments.push(walker.currentNode.data.trim());
  }
  const adds = [...document.querySelectorAll('[id$=_buttonAdd] input[type=button]')];
  return {scripts: document.scripts.length, handlers, comments: comments.length,
          repetitionAdd: typeof window.repetitionAdd, addButtons: adds.length,
          addButtonsWithHandler: adds.filter((b) => b.onclick !== null).length};
}"""


def test_the_saved_page_carries_none_of_its_scripts(browser: Any) -> None:
    errors: list[str] = []
    page = browser.new_page()  # the saved page alone: no fill script, no stand-in
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:")
               else r.abort())
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(PAGE.as_uri(), wait_until="load")
    offer = OfferPage(page)
    try:
        own = offer.page.evaluate(_OWN_SCRIPT)
        assert own["scripts"] == 0
        assert own["handlers"] == []
        assert own["repetitionAdd"] == "undefined"
        # 14 「＋追加する」 buttons (在日親族 5, 職歴 5, 3 other groups 4), none with a handler;
        # the former onclick="repetitionAdd(…)" of 入力追加/＋追加する (28) and
        # onclick="repetitionDel(…)" of 入力削除 (14) are in HTML comments only.
        assert own["addButtons"] == 14 and own["addButtonsWithHandler"] == 0
        assert own["comments"] == 42
        # So on the saved page alone, 「＋追加する」 does nothing (and raises nothing).
        offer.page.click("#repetition256137_1_buttonAdd input[type=button]")
        assert not offer.shown("repetition256137_2")
        assert errors == []
        # The markup's own state is real: the conditional items are hidden as saved.
        assert not offer.shown("tr_256191") and not offer.shown("tr_256193")
        assert "cid:" in PAGE.read_text(encoding="utf-8")  # its stylesheets were not saved either
    finally:
        offer.page.close()


def _education(offer: OfferPage, school: str, major_key: str, major: str) -> dict[str, Any]:
    return offer.fill(payload([item("select_256187", school, "最終学歴(2)"),
                               item(major_key, major, "専攻・専門分野"),
                               item("switch_256192", "国際経営学", "専攻・専門分野 その他")]))


def test_a_university_major_follows_the_pages_rule(offer: OfferPage) -> None:
    report = _education(offer, "大学", "select_256191", "その他人文・社会科学")
    assert report["notFilled"] == [] and report["filled"] == 3
    assert offer.shown("tr_256191") and not offer.shown("tr_256193")
    assert offer.value("select_256191").startswith("その他人文・社会科学")
    assert offer.shown("tr_256192") and offer.value("switch_256192") == "国際経営学"


def test_the_university_majors_are_hidden_for_a_vocational_school(offer: OfferPage) -> None:
    # 専門学校: the page shows its own 24.1 (tr_256193), not the university list: a major sent
    # to the university list is reported as hidden by an answer, never forced in.
    report = _education(offer, "専門学校", "select_256191", "その他人文・社会科学")
    assert {n["key"]: n["code"] for n in report["notFilled"]} == {
        "select_256191": "hidden", "switch_256192": "hidden"}
    assert offer.shown("tr_256193") and not offer.shown("tr_256191")
    assert offer.value("select_256191") == "選択してください"
    assert "専攻・専門分野：回答により表示されていない項目です" in offer.panel_text()


def test_an_answer_changed_on_the_page_hides_what_it_showed(offer: OfferPage) -> None:
    _education(offer, "大学", "select_256191", "その他人文・社会科学")
    report = offer.fill(payload([item("select_256187", "その他", "最終学歴(2)"),
                                 item("switch_256188", "職業訓練校卒業", "最終学歴(2) その他")]))
    assert report["notFilled"] == [] and report["filled"] == 2
    assert offer.shown("tr_256188") and not offer.shown("tr_256191")
    assert offer.value("switch_256188") == "職業訓練校卒業"
