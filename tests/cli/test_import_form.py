"""``assistant import form PAGE.html [--install] [--json]`` on the saved 申込 page and modified
copies of it (a field added, one removed, a choice renamed, another 区分 title) and unrelated
HTML. docs/domain.md#categories."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.model import fields as fields_module
from assistant.model.codelists import code_list

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "tests" / "data" / "coe_N_offer_form.html"
KINDS = {"text", "textarea", "select", "radio", "checkbox", "date", "file"}


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def copy(tmp_path: Path, old: str = "", new: str = "", name: str = "page.html") -> Path:
    text = PAGE.read_text("utf-8")
    if old:
        assert old in text
        text = text.replace(old, new)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_saved_page_is_reported_as_json(tmp_path, capsys):
    code, out, _ = run(capsys, "import", "form", str(PAGE), "--json")
    assert code == 0
    report = json.loads(out)
    assert (report["procedure"], report["kubun"]) == ("coe", "N")
    assert report["title"] == "在留資格認定証明書交付申請（区分N）"
    # 92 items, plus 24.1 専攻 / 24.2 その他 of a 専門学校 graduate (the page's other list),
    # plus the points table's other rows (学歴, 職歴, 年収: ロ and ハ; 研究実績: ロ; 特別加算２ of
    # the 活動機関)
    assert len(report["fields"]) == 102 and {f["kind"] for f in report["fields"]} <= KINDS
    majors = [f for f in report["fields"] if f["item"] == "24.1"]
    assert [f["control_id"] for f in majors] == ["select_256191", "select_256193"]
    assert "工業" in majors[1]["choices"][0] and "法学 Law" in majors[0]["choices"][0:1]
    first = report["fields"][0]
    assert (first["item"], first["label_ja"]) == ("23.1", "23.1 最終学歴(1)")
    career = next(f for f in report["fields"] if f["item"] == "26.5")
    assert career["repeat_max"] == 6 and career["max_length"] == 200
    assert career["control_name"] == "item[110].textData"
    # the same set as the shipped one: no difference but those against the template
    assert [d for d in report["differences"] if d.get("against") != "template"] == []
    assert report["installed"] == []


def test_a_field_added_one_removed_and_a_choice_renamed_are_reported(tmp_path, capsys):
    added = copy(tmp_path, 'name="item[178].textData"', 'name="item[999].textData"')
    code, out, _ = run(capsys, "import", "form", str(added), "--json")
    whats = {(d["what"], d.get("item")) for d in json.loads(out)["differences"]}
    assert code == 0 and ("added", "3.3") in whats and ("removed", "3.3") in whats
    renamed = copy(tmp_path, ">法学 Law<", ">法律学 Jurisprudence<")
    code, out, _ = run(capsys, "import", "form", str(renamed), "--json")
    changed = [d for d in json.loads(out)["differences"] if d["what"] == "choices_changed"]
    assert changed and changed[0]["added"] == ["法律学 Jurisprudence"]
    assert changed[0]["removed"] == ["法学 Law"]


def test_another_kubun_title_gives_that_kubuns_set(tmp_path, capsys):
    other = copy(tmp_path, "在留資格認定証明書交付申請（区分N）", "在留資格認定証明書交付申請（区分P）")
    code, out, _ = run(capsys, "import", "form", str(other), "--json")
    report = json.loads(out)
    assert code == 0 and report["kubun"] == "P"
    assert report["differences"][0]["what"] == "new_kubun"


@pytest.mark.parametrize(("old", "new", "words"), [
    ("", "", ""),                                                    # replaced below
    ('<dl id="tr_', '<div data-x="tr_', "形が変わった"),               # changed layout
    ("在留資格認定証明書交付申請（区分N）", "在留特別許可申請（区分N）", "対応していません"),
])
def test_pages_it_cannot_read_are_refused_and_nothing_changes(tmp_path, capsys, old, new,
                                                              words):
    if not old:
        page = tmp_path / "other.html"
        page.write_text("<html><body><h1>お知らせ</h1><p>hello</p></body></html>", "utf-8")
        words = "申込画面ではありません"
    else:
        text = PAGE.read_text("utf-8").replace(old, new)
        page = tmp_path / "broken.html"
        page.write_text(text, "utf-8")
    data = Path(__import__("os").environ["ASSISTANT_DATA_DIR"])
    before = sorted(p for p in data.rglob("*")) if data.exists() else []
    code, _out, err = run(capsys, "import", "form", str(page), "--install")
    assert code == 2 and words in err
    after = sorted(p for p in data.rglob("*")) if data.exists() else []
    assert after == before


def test_install_puts_the_set_into_the_data_folder_used_from_the_next_start(tmp_path, capsys):
    other = copy(tmp_path, "在留資格認定証明書交付申請（区分N）", "在留資格認定証明書交付申請（区分P）")
    code, out, _ = run(capsys, "import", "form", str(other), "--install", "--json")
    assert code == 0
    installed = [Path(p) for p in json.loads(out)["installed"]]
    assert any(p.name == "coe.kubun-P.json" for p in installed)
    assert all(p.is_file() for p in installed)
    fields_module.catalogue.cache_clear()       # "the next start"
    code_list.cache_clear()
    try:
        cat = fields_module.catalogue("coe")
        assert any(f.id.startswith("p_") and f.section == "p_applicant" for f in cat.fields)
        assert code_list("page_coe_p_01").entries
    finally:
        fields_module.catalogue.cache_clear()
        code_list.cache_clear()
