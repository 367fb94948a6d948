"""``assistant fill payload CASE.json`` and ``assistant fill script [--bookmarklet]``."""

from __future__ import annotations

import json
import urllib.parse
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.model.autofill import fill_script
from tests.autofill_case import coe_values


def write(tmp_path: Path, values: dict[str, str]) -> Path:
    path = tmp_path / "case.json"
    data = {"schema_version": 1, "procedure": "coe", "values": values}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_payload_of_a_good_case(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = write(tmp_path, coe_values())
    code, out, _err = run(capsys, "fill", "payload", str(case), "--on", "2026-03-01")
    assert code == 0
    data = json.loads(out)
    assert data["procedure_title"] == "在留資格認定証明書交付申請（区分N）"
    assert {"key": "applicant_lastName", "value": "WANG XIAOMING", "label": "氏名"} \
        in data["items"]
    target = tmp_path / "payload.json"
    code, out, _err = run(capsys, "fill", "payload", str(case), "--on", "2026-03-01",
                          "--out", str(target))
    assert code == 0 and out == ""
    assert json.loads(target.read_text(encoding="utf-8")) == data
    # An existing file is replaced only with --force.
    code, _out, err = run(capsys, "fill", "payload", str(case), "--out", str(target))
    assert code == 2 and err


def test_a_case_with_errors_gets_the_problems_and_exit_1(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    values = coe_values()
    del values["name"]
    target = tmp_path / "payload.json"
    code, out, err = run(capsys, "fill", "payload", str(write(tmp_path, values)),
                         "--on", "2026-03-01", "--out", str(target))
    assert code == 1 and out == ""
    assert "入力データは書き出していません" in err
    assert "name\t" in err and "氏名" in err
    assert not target.exists()


def test_an_unreadable_case_file_exits_2(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    code, _out, err = run(capsys, "fill", "payload", str(bad))
    assert code == 2 and err.startswith("assistant: ")


def test_script_and_bookmarklet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, "fill", "script")
    assert code == 0 and out.rstrip("\n") == fill_script().rstrip("\n")
    target = tmp_path / "bookmarklet.txt"
    code, _out, _err = run(capsys, "fill", "script", "--bookmarklet", "--out", str(target))
    url = target.read_text(encoding="utf-8")
    assert code == 0 and url.startswith("javascript:")
    assert "window.zairyuFill = function" in urllib.parse.unquote(url)
