"""書き出し → オンラインシステムに入力: a checked case's fill payload goes to the clipboard and is
cleared after a minute; a case with errors gets the list of problems and nothing is copied."""

from __future__ import annotations

import json

from PySide6.QtGui import QGuiApplication

from assistant.ui import ask, online_fill
from tests.autofill_case import coe_values


def _said(monkeypatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(ask, "information", lambda _p, _t, text, *a: said.append(text))
    monkeypatch.setattr(ask, "warning", lambda _p, _t, text, *a: said.append("!" + text))
    return said


def test_the_payload_is_copied_and_cleared(qtbot, store, main_window, monkeypatch) -> None:
    case = store.create("coe", coe_values())
    main_window.reload_cases()
    main_window.list_page.select_case(case.id)
    said = _said(monkeypatch)
    assert online_fill.clear_after_ms() == 60_000
    monkeypatch.setattr(online_fill, "clear_after_ms", lambda: 300)
    main_window.exports.online_fill_action.trigger()
    data = json.loads(QGuiApplication.clipboard().text())
    assert data["procedure_title"] == "在留資格認定証明書交付申請（区分N）"
    assert {"key": "applicant_lastName", "value": "WANG XIAOMING", "label": "氏名"} \
        in data["items"]
    assert len(said) == 1 and "コピーしました" in said[0] and "手で添付" in said[0]
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == "", timeout=3000)


def test_a_case_with_errors_is_not_copied(qtbot, store, main_window, monkeypatch) -> None:
    values = coe_values()
    del values["name"]
    case = store.create("coe", values)
    main_window.reload_cases()
    main_window.list_page.select_case(case.id)
    QGuiApplication.clipboard().setText("before")
    said = _said(monkeypatch)
    main_window.exports.online_fill_action.trigger()
    assert len(said) == 1 and said[0].startswith("!")
    assert "まだオンラインシステムに入力できません" in said[0] and "氏名" in said[0]
    assert QGuiApplication.clipboard().text() == "before"
