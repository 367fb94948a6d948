"""``assistant validate CASE.json [--on] [--profile] [--json]`` on real case files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.cli import main

T26 = "技術・人文知識・国際業務 Engineer/Specialist in Humanities/International Services"
VALUES = {
    "nationality": "中国 People's Republic of China", "birth_date": "19950412",
    "name": "WANG WEI", "sex": "男 male", "has_spouse": "無 No", "occupation": "会社員",
    "home_address": "上海市", "postal_code": "1000013", "address_prefecture": "東京都",
    "address_municipality": "千代田区", "address_street": "霞が関１－１－１",
    "phone": "0312345678", "email": "wang@example.com", "passport_number": "E12345678",
    "passport_expiry": "20300101", "current_status": T26, "period_of_stay": "１年",
    "expiry_date": "20270115", "has_zairyu_card": "有 Yes",
    "zairyu_card_number": "AB12345678CD", "desired_period": "３年",
    "reason": "引き続き同じ会社で勤務するため", "criminal_record": "無 No",
    "has_relatives": "無 No", "receipt_method": "郵送 Mailing",
    "notification_email": "wang@example.com",
    "intent_confirmed": "申請人(代理人による申請の場合は当該代理人)に申請の意思を確認しました。 "
                        "Confirmed intent of application with applicant (or agent).",
}


def write(tmp_path: Path, values: dict[str, str], **top: object) -> Path:
    path = tmp_path / "case.json"
    data = {"schema_version": 1, "procedure": "renewal", "values": values, **top}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_complete_case_passes_with_china_warning(tmp_path, capsys) -> None:
    path = write(tmp_path, VALUES)
    code, out, _ = run(capsys, "validate", str(path), "--on", "2026-11-26", "--json")
    assert code == 0
    report = json.loads(out)
    assert report["ok"] is True
    assert [(p["field"], p["code"], p["severity"]) for p in report["problems"]] == [
        ("nationality", "field_unverified_code", "warning")]


def test_errors_exit_1_with_messages(tmp_path, capsys) -> None:
    path = write(tmp_path, VALUES | {"zairyu_card_number": "AB1234567CD", "phone": ""})
    code, out, _ = run(capsys, "validate", str(path), "--on", "2026-11-26", "--json")
    assert code == 1
    report = json.loads(out)
    assert report["ok"] is False
    by_field = {p["field"]: p for p in report["problems"]}
    assert by_field["zairyu_card_number"]["code"] == "field_wrong_length"
    assert "12文字" in by_field["zairyu_card_number"]["message"]
    assert by_field["phone"]["code"] == "phone_or_mobile"


def test_text_output_and_english(tmp_path, capsys) -> None:
    # (a lower-case name is no longer an error here: reading the file upper-cases it, see
    # test_values_are_normalised_when_read_and_the_change_is_shown)
    path = write(tmp_path, VALUES | {"name": "WANG WEI2"})
    code, out, _ = run(capsys, "validate", str(path), "--on", "2026-11-26")
    assert code == 1
    assert ("エラー\tname\t「氏名」は旅券のとおり半角英大文字で、姓と名をスペース1つで区切って"
            "入力してください。") in out
    # the filing date as the office reads it; ISO in English
    assert out.splitlines()[-1] == "エラー 1 件、注意 1 件（申請予定日 2026年11月26日（令和8年））"
    code, out, _ = run(capsys, "--lang", "en", "validate", str(path), "--on", "2026-11-26")
    assert code == 1 and "capital letters" in out and "1 error(s)" in out
    assert out.splitlines()[-1].endswith("for filing on 2026-11-26")


def test_values_are_normalised_when_read_and_the_change_is_shown(tmp_path, capsys) -> None:
    """A case file is an entry point: 和暦, lower case and full-width digits are normalised
    once, as the wizard does, and validate judges (and shows) the stored value."""
    path = write(tmp_path, VALUES | {"name": "wang  wei", "birth_date": "平成7年4月12日",
                                     "postal_code": "〒100-0013", "phone": "０３－１２３４－５６７８"})
    code, out, _ = run(capsys, "validate", str(path), "--on", "2026-11-26", "--json")
    report = json.loads(out)
    assert code == 0 and report["ok"] is True
    assert report["normalised"] == [
        {"field": "birth_date", "from": "平成7年4月12日", "to": "19950412"},
        {"field": "name", "from": "wang  wei", "to": "WANG WEI"},
        {"field": "phone", "from": "０３－１２３４－５６７８", "to": "0312345678"},
        {"field": "postal_code", "from": "〒100-0013", "to": "1000013"}]
    code, out, _ = run(capsys, "validate", str(path), "--on", "2026-11-26")
    assert code == 0
    assert "整形\tbirth_date\t「平成7年4月12日」を「19950412」として検査しました。" in out


@pytest.mark.parametrize(("raw", "code"), [("約20万円", "field_not_digits"),
                                           ("37.5", "field_not_digits"),
                                           ("1E+12", "field_exponent_notation")])
def test_a_value_that_cannot_be_normalised_safely_is_an_error_not_a_guess(
        tmp_path, capsys, raw: str, code: str) -> None:
    path = write(tmp_path, VALUES | {"phone": raw})
    status, out, _ = run(capsys, "validate", str(path), "--on", "2026-11-26", "--json")
    report = json.loads(out)
    assert status == 1
    assert [(p["field"], p["code"]) for p in report["problems"] if p["field"] == "phone"] == [
        ("phone", code)]
    assert report["normalised"] == []


@pytest.mark.parametrize(("procedure", "values", "ja_part"), [
    ("bogus", {}, "申請種別「bogus」"),
    ("renewal", {"favourite_colour": "blue"}, "favourite_colour"),
    ("acquisition", {"current_status": T26}, "current_status"),
    ("renewal", {"name[2]": "WANG WEI"}, "name[2]"),
    ("renewal", {"relative_name": "王　芳"}, "relative_name"),
])
def test_unknown_procedure_or_value_key_exits_2(tmp_path, capsys, procedure, values,
                                               ja_part) -> None:
    path = tmp_path / "case.json"
    path.write_text(json.dumps({"schema_version": 1, "procedure": procedure, "values": values},
                               ensure_ascii=False), encoding="utf-8")
    code, out, err = run(capsys, "validate", str(path), "--json")
    assert code == 2
    assert ja_part in err and json.loads(out)["ok"] is False


def test_an_over_long_value_is_a_validation_error_not_an_unusable_file(tmp_path,
                                                                        capsys) -> None:
    path = write(tmp_path, VALUES | {"reason": "あ" * 601})
    code, out, _ = run(capsys, "validate", str(path), "--on", "2026-11-26", "--json")
    assert code == 1
    assert ("reason", "field_too_long") in {(p["field"], p["code"])
                                            for p in json.loads(out)["problems"]}


def test_filing_date_decides_the_window(tmp_path, capsys) -> None:
    path = write(tmp_path, VALUES)
    code, out, _ = run(capsys, "validate", str(path), "--on", "2026-10-01", "--json")
    assert code == 1  # renewal opens 3 months before 2027-01-15
    assert "outside_application_window" in {p["code"] for p in json.loads(out)["problems"]}
    code, _, _ = run(capsys, "validate", str(path), "--on", "2027-01-14")
    assert code == 0


@pytest.mark.parametrize("content", ["{broken", '{"schema_version": 99, "procedure": "renewal"}',
                                     '{"schema_version": 1, "procedure": "renewal", "x": 1}'])
def test_unusable_file_exits_2(tmp_path, capsys, content: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "validate", str(path), "--json")
    assert code == 2
    assert err.startswith("assistant: ") and "案件ファイル" in err
    assert json.loads(out)["ok"] is False


def test_missing_file_and_bad_arguments_exit_2(tmp_path, capsys) -> None:
    code, _, err = run(capsys, "validate", str(tmp_path / "nothing.json"))
    assert code == 2 and err
    path = write(tmp_path, VALUES)
    code, _, err = run(capsys, "validate", str(path), "--on", "2026-02-30")
    assert code == 2 and "--on" in err
    code, _, err = run(capsys, "validate", str(path), "--profile", "nope")
    assert code == 2 and "nope" in err


def test_console_entry_point_exit_status(tmp_path) -> None:
    path = write(tmp_path, VALUES | {"birth_date": "20251301"})
    proc = subprocess.run([sys.executable, "-m", "assistant", "validate", str(path), "--on",
                           "2026-11-26"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1
    assert "存在しない日付" in proc.stdout
