"""The coe 区分N field set comes from the online system's own saved 申込 page, generated.

tests/data/coe_N_offer_form.html is the real saved page (tests/data/README.md); the shipped
set resources/fields/coe.kubun-N.json is what tools/build_form_fields.py makes of it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.model import kubun
from assistant.model.case import Case
from assistant.model.exports.bulk import export_csv
from assistant.model.fields import catalogue
from assistant.model.formimport import build_outputs
from assistant.model.formpage import FormPageError, page_text, parse_page
from assistant.model.validation import validate_case

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "tests" / "data" / "coe_N_offer_form.html"
ON = date(2026, 12, 1)
GIJINKOKU_COE = ("技術・人文知識・国際業務，特定活動（本邦大卒者） Engineer,Humanities specialist,"
                 "Int'l Services/Designated Activities（No.４６）")
SPOUSE_JP = "日本人の配偶者等 Spouse or Child of Japanese National"
HSP_B = "高度専門職第１号ロ・第２号（高度専門・技術活動） Highly-Skilled Professional (i)(b) & (ii)"


@pytest.fixture(scope="module")
def page():
    return parse_page(page_text(PAGE.read_bytes()))


def test_the_page_is_read_with_every_input_row(page):
    assert page.title == "在留資格認定証明書交付申請（区分N）"
    assert (page.procedure, page.kubun) == ("coe", "N")
    assert len(page.items) == 274            # the page's README: 274 input rows
    by_item = {(i.item, i.instance): i for i in page.items if i.item}
    mobile = by_item[("9.4", None)]
    assert mobile.label == "日本における連絡先 携帯電話番号" and mobile.max_length == 12
    assert mobile.control_id == "switch_256112" and mobile.control_name == "item[16].textData"
    name = by_item[("21.3", 1)]
    assert name.max_length == 26 and name.group is not None
    assert {i.instance for i in page.items if i.group == name.group} == set(range(1, 7))
    relation = by_item[("21.2", 1)]
    texts = [c.text.split(" ")[0] for c in relation.choices]
    assert len(texts) == 29 and "子" in texts and texts[-1] == "その他"
    assert by_item[("12", None)].max_length == 40 and by_item[("12", None)].kind == "text"


def test_the_shipped_set_is_what_the_tool_makes_of_the_page():
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "build_form_fields.py"),
                             str(PAGE), "--check"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    outputs = build_outputs(PAGE.read_bytes())
    shipped = (ROOT / "resources" / "fields" / "coe.kubun-N.json").read_text("utf-8")
    assert outputs.files["fields/coe.kubun-N.json"] == shipped     # byte-identical


def test_the_set_keeps_numbers_groups_conditions_and_controls():
    data = json.loads((ROOT / "resources" / "fields" / "coe.kubun-N.json").read_text("utf-8"))
    fields = {f["id"]: f for f in data["fields"]}
    number = fields["n_3_2_2"]
    assert number["label_ja"] == "3.2 所属機関等契約先 (2)法人番号"
    assert number["applies_when"] == {"field": "n_3_2", "equals": ["有 Yes"]}   # only when 有
    assert number["example"] == "1234567890123"                  # a real value, as the page
    assert number["control_id"] == "switch_256273"
    career = next(g for g in data["groups"] if g["label_ja"] == "職歴")
    assert career["max"] == 6 and career["required_when"]["equals"] == ["有 Yes"]
    points = [f for f in data["fields"] if f["section"] == "n_hsp_points"]
    assert points and all(f["applies_when"]["field"] == "desired_status" for f in points)
    kinds = {f["kind"] for f in data["fields"]}
    assert {"code", "text", "date", "year_month"} <= kinds
    assert any(d["what"] == "choices_missing" and d["field"] == "relative_relationship"
               for d in data["differences"])


def test_a_gijinkoku_coe_shows_the_pages_n_items_in_the_pages_order():
    cat = catalogue("coe")
    values = {"desired_status": GIJINKOKU_COE}
    shown = [f for f in cat.fields if f.step in ("2-2", "2-3")
             and kubun.field_in_scope(cat, f, values)
             and f.section not in ("legal_rep", "agent")]
    assert shown and all(f.section.startswith("n_") for f in shown)
    numbers = [f.label_ja.split(" ")[0] for f in shown if f.label_ja[0].isdigit()]
    assert numbers[:6] == ["23.1", "23.2", "23.3", "23.4", "23.5", "24.1"]
    steps = {s.id: [sec.id for sec in s.sections] for s in cat.steps}
    assert steps["2-2"].index("n_applicant") < steps["2-2"].index("legal_rep")
    # the points table only for a 高度専門職 purpose
    hsp = next(f for f in cat.fields if f.section == "n_hsp_points")
    from assistant.model.validation import applies
    assert not applies(hsp, values, cat)
    assert applies(hsp, {"desired_status": HSP_B}, cat)
    # a 日本人の配偶者等 coe: neither U nor N questions
    spouse = {"desired_status": SPOUSE_JP}
    assert not [f for f in cat.fields if f.section.startswith(("n_", "org_"))
                and kubun.field_in_scope(cat, f, spouse)]


def test_validation_enforces_the_pages_lengths_required_items_and_choices(tmp_path, capsys):
    values = {"desired_status": GIJINKOKU_COE, "n_3_1": "株" * 61, "n_2": "派遣契約",
              "n_3_2": "有 Yes"}
    problems = {(p.field, p.code) for p in validate_case(
        Case(id="c", procedure="coe", values=values), ON)}
    assert ("n_3_1", "field_too_long") in problems           # the page's maxlength 60
    assert ("n_2", "field_not_in_list") in problems          # not one of the page's choices
    assert ("n_23_4", "field_required") in problems          # 必須 on the page
    assert ("n_3_2_2", "field_required") in problems         # 法人番号 once 有
    # the same through the command line
    path = tmp_path / "case.json"
    path.write_text(json.dumps({"schema_version": 1, "procedure": "coe", "values": values},
                               ensure_ascii=False), encoding="utf-8")
    code = main(["validate", str(path), "--on", "2026-12-01", "--json"])
    report = json.loads(capsys.readouterr().out)
    assert code != 0
    found = {(p["field"], p["code"]) for p in report["problems"]}
    assert {("n_3_1", "field_too_long"), ("n_2", "field_not_in_list")} <= found


def test_the_bulk_export_refuses_an_n_case_for_want_of_a_template_sheet(tmp_path):
    case = Case(id="c", procedure="coe", values={"desired_status": GIJINKOKU_COE,
                                                 "name": "WANG WEI"})
    result = export_csv([case], tmp_path / "out")
    assert not result.written
    assert [i.problem.code for i in result.errors] == ["kubun_no_template"]


def test_unrelated_html_is_refused_with_a_message():
    with pytest.raises(FormPageError) as caught:
        parse_page("<html><body><h1>Hello</h1></body></html>")
    assert "申込画面ではありません" in caught.value.message_ja


def test_a_choice_the_page_offers_and_the_template_lacks_is_added_marked_unverified():
    from assistant.model.codelists import code_list

    relationship = code_list("relationship")
    child = relationship.lookup("子 Child")
    assert child is not None and child.code is None and not child.verified
    assert "online page" in child.note
    assert relationship.entries[-1].label == "その他 Others"       # その他 stays last
    assert relationship.lookup("夫 Husband").verified


# --- the page over the template for the common items ------------------------------------

def _shipped_set() -> dict:
    return json.loads((ROOT / "resources" / "fields" / "coe.kubun-N.json").read_text("utf-8"))


def test_every_common_page_item_is_one_of_our_fields_and_every_difference_says_why(page):
    data = _shipped_set()
    assert not [d for d in data["differences"] if d["what"] == "not_in_catalogue"]
    assert all(d.get("reason") for d in data["differences"])
    mapped = {d["item"]: d["fields"] for d in data["differences"] if d["what"] == "mapped"}
    # the five items the template words otherwise: 居住地, メールアドレス再入力, 入国予定年月日, 代理人
    assert mapped["9.2"] == ["address_prefecture", "address_municipality", "address_street"]
    assert mapped["9.6"] == ["email"] and mapped["12"] == ["planned_entry_date"]
    assert mapped["27.1"] == ["legal_rep_name"] and mapped["27.6"] == ["legal_rep_mobile"]
    assert mapped["27.4"] == ["legal_rep_prefecture", "legal_rep_municipality",
                              "legal_rep_street"]
    # 入国予定年月日: free text of 40 on the page, as our field (no length difference left)
    entry = catalogue("coe").field("planned_entry_date")
    assert entry.kind == "text" and entry.max_length == 40
    assert not [d for d in data["differences"] if d["what"] == "max_length"]
    # each required mark the page sets differently is a page rule or kept with its reason
    required = [d for d in data["differences"] if d["what"] == "required"]
    assert {d["item"] for d in required if "page_rules" in d} == {
        "5", "9.1", "9.2", "9.5", "27.1", "27.2", "27.3", "27.4"}
    assert all(d["reason"].startswith("kept:") for d in required if "page_rules" not in d)


def test_a_coe_n_case_is_validated_with_the_pages_required_marks():
    base = {"name": "LI NA", "nationality": "中国 People's Republic of China"}
    n_case = Case(id="c", procedure="coe", values={**base, "desired_status": GIJINKOKU_COE})
    found = {(p.field, p.code) for p in validate_case(n_case, ON)}
    for field in ("birthplace", "postal_code", "address_prefecture", "address_street",
                  "legal_rep_name", "legal_rep_relationship"):
        assert (field, "field_required") in found, field       # 必須 on the page
    assert ("email", "field_required") not in found            # not 必須 on the page
    # a 区分U coe (医療): the template's marks, the N page says nothing about it
    u_case = Case(id="c", procedure="coe", values={**base, "desired_status": "医療 Medical Services"})
    found = {(p.field, p.code) for p in validate_case(u_case, ON)}
    assert ("email", "field_required") in found
    assert ("birthplace", "field_required") not in found
    assert ("legal_rep_name", "field_required") not in found
    # filled, the page's limit applies as the template's: 9.2's street keeps 85
    long_street = {**n_case.values, "address_street": "あ" * 86}
    found = {(p.field, p.code) for p in validate_case(
        Case(id="c", procedure="coe", values=long_street), ON)}
    assert ("address_street", "field_too_long") in found


def test_the_pages_pull_downs_shared_with_template_lists_add_what_those_lack():
    from assistant.model.codelists import code_list
    from assistant.model.formimport import shared_list_differences

    data = _shipped_set()
    outputs = build_outputs(PAGE.read_bytes())
    shared = shared_list_differences(outputs.field_set, outputs.field_set["code_lists"])
    assert [(d["field"], d["code_list"]) for d in shared] == [("n_10_1", "occupation")]
    assert shared[0]["page"] == ["接客（販売店） Service(store)", "接客（飲食店） Service(restaurant)",
                                 "接客（その他） Service(others)", "製品製造 Product manufacturing"]
    # every choice a page pull-down adds is in our list, code unknown and marked so (the
    # status answer's list excepted, each 区分's page words its purposes its own way)
    added = [d for d in data["differences"] if d["what"] == "choices_missing"
             and "added to the list" in d["reason"]]
    assert {d.get("code_list") or d["field"] for d in added} == {
        "relative_relationship", "occupation"}
    for difference in added:
        list_id = difference.get("code_list") or catalogue("coe").field(
            difference["field"]).code_list
        for label in difference["page"]:
            entry = code_list(list_id).lookup(label)
            assert entry is not None and not entry.verified and "online page" in entry.note
            assert entry.code is None
    # the page's 主たる職種 choices, its country, industry and major lists are all in ours
    for page_field, list_id in (("n_10_1", "occupation"), ("n_3_5", "industry")):
        page_list = outputs.field_set["code_lists"][catalogue("coe").field(page_field).code_list]
        ours = {e.label.split(" ")[0] for e in code_list(list_id).entries}
        assert {e["label"].split(" ")[0] for e in page_list["entries"]} <= ours


def test_a_page_limit_other_than_the_templates_becomes_a_page_rule_with_its_reason():
    old = 'id="switch_256105" name="item[9].textData" class="text_box" ' \
          'style="ime-mode:active;" type="text" value="" maxlength="40"'
    text = PAGE.read_text("utf-8")
    assert old in text
    outputs = build_outputs(text.replace(old, old.replace('"40"', '"30"')).encode("utf-8"))
    (difference,) = [d for d in outputs.differences if d["what"] == "max_length"]
    assert (difference["item"], difference["field"]) == ("5", "birthplace")
    assert (difference["page"], difference["catalogue"]) == (30, 40)
    assert difference["reason"].startswith("the page wins")
    rules = {r["field"]: r for r in outputs.field_set["page_rules"]}
    assert rules["birthplace"] == {"field": "birthplace", "item": "5", "required": True,
                                   "max_length": 30}


def test_the_major_of_a_vocational_school_graduate_is_its_own_item_with_the_pages_list():
    """24.1 専攻 has two controls on the page: the university list (select_256191) after
    大学院(博士)～短期大学 and the 専門学校 list (select_256193) after 専門学校, each with its
    24.2 その他; the set keeps both, each shown, validated and filled for its own answer."""
    from assistant.model import autofill
    from assistant.model.codelists import code_list
    from assistant.model.validation import applies
    from tests.autofill_case import coe_values

    cat = catalogue("coe")
    university, school = cat.field("n_24_1"), cat.field("n_24_1_2")
    shipped = {f["id"]: f for f in json.loads(
        (ROOT / "resources" / "fields" / "coe.kubun-N.json").read_text("utf-8"))["fields"]}
    assert [(shipped[f]["item"], shipped[f]["control_id"]) for f in ("n_24_1", "n_24_1_2")] \
        == [("24.1", "select_256191"), ("24.1", "select_256193")]
    # the office tells them apart (Step 3's list, the transcription sheet)
    assert (university.label_ja, school.label_ja) == ("24.1 専攻・専門分野", "24.1 専攻・専門分野 (専門学校)")
    assert school.label("en") == "24.1 Major / field of study (vocational school)"
    assert code_list(school.code_list).labels()[:2] == ["工業 Engineering", "農業 Agriculture"]
    assert "法学 Law" in code_list(university.code_list).labels()
    assert "法学 Law" not in code_list(school.code_list).labels()
    assert cat.field("n_24_2_2").applies_when.field == "n_24_1_2"
    values = {**coe_values(), "n_23_2": "専門学校 College of technology"}
    del values["n_24_1"]
    assert applies(school, values, cat) and not applies(university, values, cat)
    purpose = {"desired_status": values["desired_status"]}
    for answer in ("大学院（博士） Doctor", "短期大学 Junior college"):
        assert applies(university, {**purpose, "n_23_2": answer}, cat)
        assert not applies(school, {**purpose, "n_23_2": answer}, cat)
    assert not applies(university, {**purpose, "n_23_2": "高等学校 Senior high school"}, cat)
    # validation asks for the 専門学校 major, not the university one
    problems = {(p.field, p.code) for p in validate_case(Case("c", "coe", values), ON)}
    assert ("n_24_1_2", "field_required") in problems
    assert not [p for p in problems if p[0] == "n_24_1"]
    # filled into the 専門学校 list; その他 asks for its details there
    values.update({"n_24_1_2": "その他 Others", "n_24_2_2": "ゲームデザイン"})
    problems = {(p.field, p.code) for p in validate_case(Case("c", "coe", values), ON)}
    assert not [p for p in problems if p[0].startswith(("n_24_1", "n_24_2"))]
    payload = autofill.build_payload(Case("c", "coe", values), ON, check=False)
    keys = {item.key: item.value for item in payload.items}
    assert keys["select_256193"] == "その他 Others" and keys["switch_256194"] == "ゲームデザイン"
    assert "select_256191" not in keys and "switch_256192" not in keys


HSP_A = "高度専門職第１号イ・第２号（高度学術研究活動） Highly-Skilled Professional (i)(a) & (ii)"
MBA = "経営管理に関する専門職学位（ＭＢＡ，ＭＯＴ）を保有（２５点） Holder of a professional degree：business management(MBA, MOT)(25pt)"


def _n_case(status: str) -> dict[str, str]:
    """A 高度専門職 coe whose chosen activity is the 区分N one."""
    cat = catalogue("coe")
    activities = kubun.case_kubun(cat, {"desired_status": status}).activities
    purpose = next(a.purpose_ja for a in activities if a.kubun == "N")
    values = {"desired_status": status, "kubun_activity": purpose}
    assert kubun.case_kubun(cat, values).kubun == "N"
    return values


def test_the_points_table_asks_each_activity_types_own_rows():
    """学歴, 職歴 and 年収 are asked three times on the page (one row per activity type, in the
    order イ 高度学術研究, ロ 高度専門・技術, ハ 高度経営・管理), 研究実績 twice: each row is its
    own field with the page's control and choices, shown, validated and filled only for its
    activity; the ids of the first rows (stored cases name them) stay."""
    from assistant.model import autofill
    from assistant.model.codelists import code_list
    from assistant.model.validation import applies

    cat = catalogue("coe")
    shipped = {f["id"]: f for f in json.loads(
        (ROOT / "resources" / "fields" / "coe.kubun-N.json").read_text("utf-8"))["fields"]}
    rows = {"学歴": ("n_hsp_points_67", "n_hsp_points_67_2", "n_hsp_points_67_3"),
            "職歴": ("n_hsp_points_69", "n_hsp_points_69_2", "n_hsp_points_69_3"),
            "年収": ("n_hsp_points_71", "n_hsp_points_71_2", "n_hsp_points_71_3"),
            "研究実績": ("n_hsp_points_73", "n_hsp_points_73_2")}
    assert [shipped[f]["control_id"] for f in rows["学歴"]] \
        == ["select_256330", "select_256331", "select_256332"]
    assert [shipped[f]["control_id"] for f in rows["職歴"]] \
        == ["select_256334", "select_256335", "select_256336"]
    assert [shipped[f]["control_id"] for f in rows["年収"]] \
        == ["select_256338", "select_256339", "select_256340"]
    assert [shipped[f]["control_id"] for f in rows["研究実績"]] \
        == ["checkList_256342_1", "checkList_256343_1"]
    # each its own choices: ロ's 学歴 offers the MBA (25点), イ's does not; ハ's 年収 starts at
    # 1,000万円 and goes to 3,000万円 (50点); ロ's 職歴 from 3 to 10 years (20点)
    education = [code_list(cat.field(f).code_list).labels() for f in rows["学歴"]]
    assert MBA not in education[0] and MBA in education[1] and MBA in education[2]
    assert not any(t.startswith("博士学位") for t in education[2])
    salary_c = code_list(cat.field("n_hsp_points_71_3").code_list).labels()
    assert salary_c[1].startswith("３，０００万円以上（５０点）")
    assert code_list(cat.field("n_hsp_points_69_2").code_list).labels()[1] \
        == "１０年以上（２０点） 10 years or more (20 points)"
    # the office tells them apart
    assert cat.field("n_hsp_points_67_2").label_ja == "学歴 (高度専門・技術活動)"
    assert cat.field("n_hsp_points_69_3").label("en") \
        == "Employment (advanced business management activities)"

    a_case, b_case = _n_case(HSP_A), _n_case(HSP_B)
    shown_a = {f.id for f in cat.fields if f.section == "n_hsp_points" and applies(f, a_case, cat)}
    shown_b = {f.id for f in cat.fields if f.section == "n_hsp_points" and applies(f, b_case, cat)}
    for alternatives in rows.values():
        assert alternatives[0] in shown_a and not set(alternatives[1:]) & shown_a
        assert alternatives[1] in shown_b and not {alternatives[0], *alternatives[2:]} & shown_b
    # the rows asked once are asked of both (年齢, 地位, 特別加算 …)
    for common in ("n_hsp_points_66", "n_hsp_points_70", "n_hsp_points_78", "n_hsp_points_78_2"):
        assert common in shown_a and common in shown_b
    assert cat.field("n_hsp_points_78_2").label_ja.endswith("(活動機関)")
    assert shipped["n_hsp_points_78_2"]["control_id"] == "radioList_256352_1"

    # validated against its own list: the MBA is a choice of ロ's 学歴, not of イ's
    answers = {"n_hsp_points_67_2": MBA, "n_hsp_points_69_2": "１０年以上（２０点） 10 years or more (20 points)",
               "n_hsp_points_71_2": salary_c[0]}   # 該当しない
    b_values = {**coe_values_for(HSP_B), **b_case, **answers}
    problems = {(p.field, p.code) for p in validate_case(Case("b", "coe", b_values), ON)}
    assert not [p for p in problems if p[0].startswith("n_hsp_points")], problems
    a_values = {**coe_values_for(HSP_A), **a_case, "n_hsp_points_67": MBA}
    problems = {(p.field, p.code) for p in validate_case(Case("a", "coe", a_values), ON)}
    assert ("n_hsp_points_67", "field_not_in_list") in problems
    # filled into ロ's controls only; イ's answers a ロ case keeps are not sent
    b_values["n_hsp_points_67"] = "該当しない Not applicable"
    payload = autofill.build_payload(Case("b", "coe", b_values), ON, check=False)
    keys = {item.key: item.value for item in payload.items}
    assert keys["select_256331"] == MBA and keys["select_256335"].startswith("１０年以上")
    assert keys["select_256339"] == "該当しない Not applicable"
    assert not {"select_256330", "select_256332", "select_256334", "select_256336",
                "select_256338", "select_256340"} & set(keys)


def coe_values_for(status: str) -> dict[str, str]:
    from tests.autofill_case import coe_values

    return {**coe_values(), "desired_status": status}
