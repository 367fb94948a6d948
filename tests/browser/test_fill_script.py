"""The fill script on the saved 申込 page (coe 区分N) in headless Chromium: values land in the
page's own controls, repeat rows are added with the page's 「＋追加する」, conditional and
over-long values are reported, forbidden buttons are never clicked, wrong pages are refused."""

from __future__ import annotations

import json
from typing import Any

from tests.browser.conftest import TITLE_N, OfferPage, open_page

FORBIDDEN = ("確認へ進む", "入力中のデータを保存する", "再選択", "削除")

RELATIVES = [  # 続柄, 氏名, 生年月日, 国籍, 同居, 勤務先, 在留カード
    ("兄 Old brother", "王　偉", "19900412", "中国 People's Republic of China", "有 Yes",
     "株式会社東京商事", "AB12345678CD"),
    ("妹", "王　芳", "19980101", "中国", "無", "東京大学", ""),
    ("叔父（伯父）・叔母（伯母）", "李　強", "19651130", "中国", "無", "李商店", "EF87654321GH"),
]
# tr ids of the three rows: 続柄 select, 氏名, birth date radio+text, 国籍, 同居 radio, 勤務先, card
REL_IDS = [(256138, 256139, 256140, 256141, 256142, 256143, 256144),
           (256145, 256146, 256147, 256148, 256149, 256150, 256151),
           (256152, 256153, 256154, 256155, 256156, 256157, 256158)]
JOBS = [  # 国, 入社年月, 退社年月, 英字, 漢字
    ("中国", "201307", "201509", "Beijing Soft Co., Ltd.", "北京軟件有限公司"),
    ("中国", "201510", "201712", "Shanghai Data Ltd.", "上海数据有限公司"),
    ("ベトナム", "201801", "202003", "Hanoi IT JSC", ""),
    ("日本", "202004", "202512", "Tokyo Systems K.K.", "東京システム株式会社"),
]
JOB_BASE = [256199, 256208, 256217, 256226]  # 国・地域名NN; the row's controls follow


def job_ids(base: int) -> dict[str, str]:
    return {"country": f"select_{base}", "month_known": f"radioList_{base + 1}_1",
            "month_known_name": "", "start": f"yearMonthAD_{base + 2}",
            "end_known": f"radioList_{base + 4}_1", "end": f"yearMonthAD_{base + 5}",
            "en": f"switch_{base + 7}", "kanji": f"switch_{base + 8}"}


def item(key: str, value: str, label: str = "") -> dict[str, str]:
    return {"key": key, "value": value, "label": label or key}


def case_items() -> list[dict[str, str]]:
    """A 技術・人文知識・国際業務 applicant with 3 relatives in Japan and 4 jobs."""
    items = [
        item("select_256101", "中国", "国籍・地域"),
        item("item[6].selectData", "生年月日に不明な点は無い", "生年月日（不明点）"),
        item("textData1_256102", "19950615", "生年月日"),
        item("applicant_lastName", "WANG XIAOMING", "氏名"),
        item("item[8].selectData", "男", "性別"),
        item("switch_256105", "北京", "出生地"),
        item("item[10].selectData", "無", "配偶者の有無"),
        item("switch_256107", "会社員", "職業"),
        item("switch_256108", "北京市朝陽区建国路1号", "本国における居住地"),
        item("item_13_textData", "1600023", "郵便番号"),
        item("address_256110", "東京都新宿区西新宿1-1-1", "日本における居住地"),
        item("switch_256112", "09012345678", "携帯電話番号"),
        item("mailAddress_256113", "wang@example.jp", "メールアドレス"),
        item("mailAddress_256114", "wang@example.jp", "メールアドレス再入力"),
        item("switch_256115", "EA1234567", "旅券番号"),
        item("switch_256116", "20300101", "旅券有効期限"),
        item("select_256117", "技術・人文知識・国際業務", "入国目的"),
        item("switch_256118", "20260401", "入国予定年月日"),
        item("select_256119", "成田空港(NRT)", "上陸予定港"),
        item("select_256121", "5", "滞在予定期間(年数)"),
        item("select_256122", "0", "滞在予定期間(月数)"),
        item("item[27].selectData", "無", "同伴者の有無"),
        item("switch_256124", "北京", "査証申請予定地"),
        item("item[29].selectData", "無", "過去の出入国歴"),
        item("item[33].selectData", "無", "過去の交付申請歴"),
        item("item[36].selectData", "無", "犯罪処分"),
        item("item[37].selectData", "無", "退去強制"),
        item("item[40].selectData", "有", "在日親族の有無"),
    ]
    for n, rel in enumerate(RELATIVES):
        ids = REL_IDS[n]
        items += [
            item(f"select_{ids[0]}", rel[0], f"続柄0{n + 1}"),
            item(f"switch_{ids[1]}", rel[1], f"氏名0{n + 1}"),
            item(f"birthRadioList_{ids[2]}_1", "生年月日に不明な点は無い", f"生年月日0{n + 1}（不明点）"),
            item(f"textData1_{ids[2]}", rel[2], f"生年月日0{n + 1}"),
            item(f"select_{ids[3]}", rel[3], f"国籍・地域0{n + 1}"),
            item(f"radioList_{ids[4]}_1", rel[4], f"同居予定0{n + 1}"),
            item(f"switch_{ids[5]}", rel[5], f"勤務先0{n + 1}"),
        ]
        if rel[6]:
            items.append(item(f"switch_{ids[6]}", rel[6], f"在留カード番号0{n + 1}"))
    items += [
        item("item[90].selectData", "外国", "最終学歴(1)"),
        item("select_256187", "大学", "最終学歴(2)"),
        item("switch_256189", "北京理工大学", "学校名"),
        item("switch_256190", "20170630", "卒業年月日"),
        item("item[101].selectData", "有", "職歴の有無"),
    ]
    for n, job in enumerate(JOBS):
        ids = job_ids(JOB_BASE[n])
        items += [
            item(ids["country"], job[0], f"職歴 国・地域名0{n + 1}"),
            item(ids["month_known"], "不明な点は無い", f"入社月不詳0{n + 1}"),
            item(ids["start"], job[1], f"入社年月0{n + 1}"),
            item(ids["end_known"], "不明な点は無い", f"退社月不詳0{n + 1}"),
            item(ids["end"], job[2], f"退社年月0{n + 1}"),
            item(ids["en"], job[3], f"勤務先名称(英字)0{n + 1}"),
        ]
        if job[4]:
            items.append(item(ids["kanji"], job[4], f"勤務先名称(漢字)0{n + 1}"))
    items += [
        item("item[174].selectData", "雇用", "契約の形態"),
        item("switch_256271", "株式会社サンプル", "所属機関 名称"),
        item("select_256276", "建設業", "主たる業種"),
        item("switch_256297", "300000", "月額給与"),
        item("select_256301", "調査研究", "主たる職種"),
        item("switch_256306", "ソフトウェアの設計・開発に従事する。\n社内システムの保守を担当する。",
             "活動内容詳細"),
    ]
    return items


def payload(items: list[dict[str, str]], title: str = TITLE_N) -> dict[str, Any]:
    return {"format": "zairyu-fill/1", "procedure_title": title, "items": items}


def forbidden_clicks(offer: OfferPage) -> list[dict[str, Any]]:
    bad = []
    for click in offer.clicks():
        if click["type"] == "file":
            bad.append(click)
        elif click["button"] is not None:
            text, _, kind = click["button"].split("|")
            add = text in ("＋追加する", "入力追加") and click["holder"].endswith("_buttonAdd")
            if not add or kind != "button" or any(f in text for f in FORBIDDEN):
                bad.append(click)
    return bad


def test_the_case_lands_in_the_pages_controls_row_by_row(offer: OfferPage) -> None:
    items = case_items()
    report = offer.fill(payload(items))

    assert report["ok"] is True
    assert report["notFilled"] == []
    assert report["filled"] == len(items)
    # Applicant: text as given, selects by the option's text, radios by their label.
    assert offer.value("applicant_lastName") == "WANG XIAOMING"
    assert offer.value("select_256101") == "中国 People's Republic of China"
    assert offer.value("select_256119") == "成田空港(NRT) Narita International Airport"
    assert offer.value("select_256121") == "5"
    assert offer.value("select_256117").startswith("技術・人文知識・国際業務 ")
    assert offer.checked("sexRadioList_256104_1") and not offer.checked("sexRadioList_256104_2")
    assert offer.checked("radioList_256136_1")  # 在日親族 有
    assert offer.value("textData1_256102") == "19950615"
    assert offer.value("item_13_textData") == "1600023"
    assert offer.value("switch_256306") == ("ソフトウェアの設計・開発に従事する。\n"
                                            "社内システムの保守を担当する。")
    # Relatives: three rows, each in its own row's controls; the fourth stays closed.
    for n, rel in enumerate(RELATIVES):
        ids = REL_IDS[n]
        assert offer.shown(f"repetition256137_{n + 1}")
        assert offer.value(f"select_{ids[0]}").split(" ")[0] == rel[0].split(" ")[0]
        assert offer.value(f"switch_{ids[1]}") == rel[1]
        assert offer.value(f"textData1_{ids[2]}") == rel[2]
        assert offer.value(f"select_{ids[3]}").split(" ")[0] == rel[3].split(" ")[0]
        assert offer.checked(f"radioList_{ids[4]}_{1 if rel[4].startswith('有') else 2}")
        assert offer.value(f"switch_{ids[5]}") == rel[5]
        assert offer.value(f"switch_{ids[6]}") == rel[6]
    assert not offer.shown("repetition256137_4")
    assert offer.value("switch_256160") == ""
    # Jobs: four rows.
    for n, job in enumerate(JOBS):
        ids = job_ids(JOB_BASE[n])
        assert offer.shown(f"repetition256198_{n + 1}")
        assert offer.value(ids["country"]).split(" ")[0] == job[0]
        assert offer.value(ids["start"]) == job[1]
        assert offer.value(ids["end"]) == job[2]
        assert offer.value(ids["en"]) == job[3]
        assert offer.value(ids["kanji"]) == job[4]
    assert not offer.shown("repetition256198_5")
    # Rows were added with the page's own buttons: 2 for relatives, 3 for jobs.
    adds = [c for c in offer.clicks() if c["button"] and c["button"].startswith("＋追加する")]
    assert [c["holder"] for c in adds] == [
        "repetition256137_1_buttonAdd", "repetition256137_2_buttonAdd",
        "repetition256198_1_buttonAdd", "repetition256198_2_buttonAdd",
        "repetition256198_3_buttonAdd"]
    assert report["rowsAdded"] == 5
    assert forbidden_clicks(offer) == []
    # The panel says what the report says, and reminds about the files.
    panel = offer.panel_text()
    assert f"入力した項目：{len(items)}件" in panel
    assert "入力できなかった項目：0件" in panel
    assert "手で添付してください" in panel
    # No request of any kind left the page while filling.
    assert offer.requests == []


def test_typing_like_events_reach_the_pages_scripts(offer: OfferPage) -> None:
    offer.page.evaluate("""() => { window.__events = [];
      for (const name of ['input', 'change']) document.addEventListener(name,
        (e) => window.__events.push(name + ':' + e.target.id), true); }""")
    offer.fill(payload([item("switch_256105", "北京"), item("select_256101", "中国"),
                        item("item[8].selectData", "女")]))
    events = offer.page.evaluate("() => window.__events")
    for target in ("switch_256105", "select_256101", "sexRadioList_256104_2"):
        assert f"input:{target}" in events and f"change:{target}" in events


def test_filled_items_stay_highlighted_until_the_office_edits_them(offer: OfferPage) -> None:
    offer.fill(payload([item("switch_256105", "北京"), item("switch_256107", "会社員")]))
    outline = "(id) => document.getElementById(id).style.outline"
    assert "solid" in offer.page.evaluate(outline, "switch_256105")
    offer.page.click("#switch_256105")
    offer.page.keyboard.type("市")  # a real keystroke: a trusted input event
    assert offer.value("switch_256105") == "北京市"
    assert "solid" not in offer.page.evaluate(outline, "switch_256105")
    assert "solid" in offer.page.evaluate(outline, "switch_256107")


def test_problems_are_reported_never_cut(offer: OfferPage) -> None:
    too_long = "あ" * 27  # 在日親族 氏名 allows 26
    items = [
        item("item[40].selectData", "有", "在日親族の有無"),
        item("switch_256139", too_long, "氏名01"),
        item("select_256101", "アトランティス", "国籍・地域"),
        item("item[8].selectData", "不明", "性別"),
        item("switch_999999", "x", "ない項目"),
        item("fileNew_256396", "photo.jpg", "添付ファイル"),
        item("select_256097", "技術・人文知識・国際業務", "主たる活動内容"),  # hidden on this page
        item("switch_256105", "北京", "出生地"),
    ]
    report = offer.fill(payload(items))
    reasons = {n["key"]: n["code"] for n in report["notFilled"]}
    assert reasons == {"switch_256139": "length", "select_256101": "choice",
                       "item[8].selectData": "choice", "switch_999999": "missing",
                       "fileNew_256396": "file", "select_256097": "hidden"}
    assert report["filled"] == 2
    assert offer.value("switch_256139") == ""  # not cut to 26
    assert offer.value("select_256101") == "選択してください"
    assert not offer.checked("sexRadioList_256104_1") and not offer.checked("sexRadioList_256104_2")
    assert offer.value("fileNew_256396") == ""
    panel = offer.panel_text()
    assert "入力できなかった項目：6件" in panel
    assert "氏名01：文字数が上限を超えています（27文字（上限26文字））" in panel
    assert "国籍・地域：選択肢にありません（アトランティス）" in panel
    assert forbidden_clicks(offer) == []


def test_conditional_items_only_when_their_condition_holds(offer: OfferPage) -> None:
    # 13.2 上陸予定港 その他 is shown by the page only when 13.1 is その他 (conftest.PAGE_RULES).
    report = offer.fill(payload([item("select_256119", "成田空港(NRT)"),
                                 item("switch_256120", "稚内港", "上陸予定港 その他")]))
    assert [n["code"] for n in report["notFilled"]] == ["hidden"]
    assert offer.value("switch_256120") == ""
    assert "上陸予定港 その他：回答により表示されていない項目です" in offer.panel_text()

    report = offer.fill(payload([item("select_256119", "その他"),
                                 item("switch_256120", "稚内港", "上陸予定港 その他")]))
    assert report["notFilled"] == [] and report["filled"] == 2
    assert offer.value("switch_256120") == "稚内港"


def test_rows_the_page_does_not_add_are_reported(browser: Any) -> None:
    offer = open_page(browser, page_script=False)  # the saved page as it is: buttons inert
    try:
        items = [item("item[40].selectData", "有"), item("switch_256139", "王　偉", "氏名01"),
                 item("switch_256146", "王　芳", "氏名02")]
        report = offer.fill(payload(items))
        assert report["filled"] == 2
        assert [(n["key"], n["code"]) for n in report["notFilled"]] == [("switch_256146", "row")]
        assert not offer.shown("repetition256137_2")
        assert offer.value("switch_256146") == ""
        assert forbidden_clicks(offer) == []
    finally:
        offer.page.close()


_STATE = """() => [...document.querySelectorAll('input, select, textarea')].map((e) =>
    e.id + '=' + (e.type === 'radio' || e.type === 'checkbox' ? e.checked : e.value))"""


def test_another_kubun_is_refused(browser: Any) -> None:
    offer = open_page(browser)
    try:
        # The same page for another 区分 (its title says so).
        offer.page.evaluate("""() => document.querySelector('.c-box--selectProcess__title--sub')
            .textContent = '在留資格認定証明書交付申請（区分V）'""")
        before = offer.page.evaluate(_STATE)
        report = offer.fill(payload(case_items()))
        assert report["ok"] is False and report["filled"] == 0
        assert "手続き・区分が案件と違います" in report["message"]
        assert "在留資格認定証明書交付申請（区分V）" in offer.panel_text()
        assert offer.page.evaluate(_STATE) == before  # nothing filled
        assert offer.clicks() == []
    finally:
        offer.page.close()


def test_a_payload_for_another_kubun_is_refused(offer: OfferPage) -> None:
    before = offer.page.evaluate(_STATE)
    report = offer.fill(payload(case_items(), title="在留資格変更許可申請（区分V）"))
    assert report["ok"] is False
    assert "何も入力していません" in offer.panel_text()
    assert offer.page.evaluate(_STATE) == before
    assert offer.clicks() == []


def test_an_unrelated_page_is_refused(browser: Any) -> None:
    offer = open_page(browser, html="<html><head><title>ログイン</title></head><body>"
                      "<form id='frm' action='/login'><input id='applicant_lastName'>"
                      "<input type='submit' value='確認へ進む'></form></body></html>")
    try:
        report = offer.fill(payload(case_items()))
        assert report["ok"] is False
        assert "申込画面ではありません" in offer.panel_text()
        assert offer.page.evaluate("() => document.getElementById('applicant_lastName').value") == ""
        assert offer.clicks() == []
    finally:
        offer.page.close()


def test_a_damaged_payload_gets_a_message(offer: OfferPage) -> None:
    report = offer.fill("{not json")
    assert report["ok"] is False
    assert "入力データを読めません" in offer.panel_text()
    report = offer.fill(json.dumps({"items": []}))
    assert report["ok"] is False
