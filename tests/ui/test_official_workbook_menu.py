"""書き出し → 公式ワークブックに書き込む: the ready cases go into the office's copy of ISA's
workbook; the template is remembered per procedure, and forgotten when it no longer fits."""

from __future__ import annotations

import zipfile

from openpyxl import load_workbook

from assistant.model.case import CaseStatus
from assistant.model.fields import catalogue
from assistant.model.sample import sample_values
from assistant.model.settings import OFFICIAL_WORKBOOKS
from assistant.ui import ask
from tests.official_workbook import VBA_BYTES, build_template, worksheet_name
from tests.ui.conftest import TODAY

INTENT = ("申請人(代理人による申請の場合は当該代理人)に申請の意思を確認しました。 "
          "Confirmed intent of application with applicant (or agent).")


def ready_case(store, name: str):
    values = {**sample_values(TODAY), "intent_confirmed": INTENT, "name": name,
              "current_status": "特定技能１号 Specified Skilled Worker ( i )"}   # 区分V
    case = store.create("renewal", values)
    store.set_status(case.id, CaseStatus.READY)
    return case


def _answers(monkeypatch, template, out):
    said: list[str] = []
    picked: list[str] = []

    def open_file(_parent, title, *_a, **_k):
        picked.append(title)
        return template

    monkeypatch.setattr(ask, "open_file", open_file)
    monkeypatch.setattr(ask, "save_file", lambda *a, **k: out)
    monkeypatch.setattr(ask, "information", lambda _p, _t, text, *a: said.append(text))
    monkeypatch.setattr(ask, "warning", lambda _p, _t, text, *a: said.append(text))
    return said, picked


def test_ready_cases_fill_the_official_workbook_and_the_template_is_remembered(
        qtbot, store, settings, main_window, monkeypatch, tmp_path):
    ready_case(store, "NGUYEN VAN AN")
    ready_case(store, "TRAN THI HOA")
    store.create("renewal", {"name": "DRAFT ONLY"})
    main_window.reload_cases()
    template = build_template(tmp_path / "official.xlsm")
    out = tmp_path / "filled.xlsm"
    said, picked = _answers(monkeypatch, template, out)
    exports = main_window.exports
    exports.official_action.trigger()
    qtbot.waitUntil(lambda: exports.operation is None and bool(said), timeout=20000)
    assert "2 人" in said[-1] and "マクロ" in said[-1], said
    assert len(picked) == 1 and "在留期間更新" in picked[0]
    ws = load_workbook(out)[worksheet_name("main")]
    column = catalogue("renewal").headers("main").index("身分事項_氏名") + 1
    names = {ws.cell(row=r, column=column).value for r in (8, 9, 10)}
    assert names == {"NGUYEN VAN AN", "TRAN THI HOA", None}
    with zipfile.ZipFile(out) as package:
        assert package.read("xl/vbaProject.bin") == VBA_BYTES
    assert settings.get(OFFICIAL_WORKBOOKS) == {"renewal": str(template)}
    second = tmp_path / "again.xlsm"
    monkeypatch.setattr(ask, "save_file", lambda *a, **k: second)
    exports.official_action.trigger()                       # chosen once: not asked again
    qtbot.waitUntil(lambda: exports.operation is None and second.exists(), timeout=20000)
    assert len(picked) == 1


def test_a_template_whose_headers_differ_is_refused_and_forgotten(
        qtbot, store, settings, main_window, monkeypatch, tmp_path):
    ready_case(store, "NGUYEN VAN AN")
    main_window.reload_cases()
    headers = list(catalogue("renewal").headers("main"))
    headers[0] = "身分事項_国籍"
    template = build_template(tmp_path / "revised.xlsm", headers={"main": headers})
    settings.set(OFFICIAL_WORKBOOKS, {"renewal": str(template)})
    out = tmp_path / "filled.xlsm"
    said, picked = _answers(monkeypatch, template, out)
    main_window.exports.official_action.trigger()
    qtbot.waitUntil(lambda: main_window.exports.operation is None and bool(said), timeout=20000)
    assert "A列: ワークブック「身分事項_国籍」" in said[-1]
    assert picked == [] and not out.exists()
    assert settings.get(OFFICIAL_WORKBOOKS) == {}
