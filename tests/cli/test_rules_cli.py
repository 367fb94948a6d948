"""`assistant window` / `assistant receipt` as a user runs them: whole processes."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date

import pytest

from assistant.cli import main


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "assistant", *args],
                          capture_output=True, text=True, timeout=60)


def run_json(*args: str) -> dict:
    proc = run(*args, "--json")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_window_json_shape_for_renewal_not_yet_open():
    data = run_json("window", "--procedure", "renewal", "--expiry", "2027-05-31",
                    "--on", "2026-11-26")
    assert set(data) == {"procedure", "online_possible", "opens", "closes", "reasons"}
    assert data["procedure"] == "renewal"
    assert data["online_possible"] is False
    assert (data["opens"], data["closes"]) == ("2027-02-28", "2027-05-30")
    assert data["reasons"][0]["code"] == "rules_window_not_yet_open"
    assert "2027年2月28日（令和9年）から申請できます" in data["reasons"][0]["message"]


def test_window_on_the_expiry_day_answers_no_with_exit_zero():
    data = run_json("window", "--procedure", "renewal", "--expiry", "2027-05-31",
                    "--on", "2027-05-31")
    assert data["online_possible"] is False
    assert data["reasons"][0]["code"] == "rules_window_expiry_day"


def test_window_leap_year_clamp():
    data = run_json("window", "--procedure", "renewal", "--expiry", "2028-05-31",
                    "--on", "2028-02-29")
    assert data["online_possible"] is True
    assert data["opens"] == "2028-02-29"


def test_window_acquisition_thirty_days():
    last = run_json("window", "--procedure", "acquisition", "--event-date", "2026-01-01",
                    "--on", "2026-01-31")
    after = run_json("window", "--procedure", "acquisition", "--event-date", "2026-01-01",
                     "--on", "2026-02-01")
    assert (last["online_possible"], after["online_possible"]) == (True, False)
    assert last["closes"] == "2026-01-31"


def test_window_change_before_reason_uses_event_date():
    data = run_json("window", "--procedure", "change", "--expiry", "2027-05-31",
                    "--event-date", "2027-01-10", "--on", "2026-12-01")
    assert data["online_possible"] is False
    assert data["opens"] == "2027-01-10"
    assert data["reasons"][0]["code"] == "rules_change_before_reason"


def test_window_coe_has_no_window_dates():
    data = run_json("window", "--procedure", "coe")
    assert data == {"procedure": "coe", "online_possible": True, "opens": None,
                    "closes": None, "reasons": data["reasons"]}


def test_window_on_defaults_to_today():
    today = date.today()
    expiry = date(today.year + 2, 1, 1).isoformat()
    data = run_json("window", "--procedure", "work-cert", "--expiry", expiry)
    assert data["online_possible"] is True
    far_past = run_json("window", "--procedure", "work-cert", "--expiry", "2000-01-01")
    assert far_past["online_possible"] is False


def test_window_reentry_with_main():
    data = run_json("window", "--procedure", "reentry", "--main", "renewal",
                    "--expiry", "2027-05-31", "--on", "2027-03-01")
    assert data["procedure"] == "reentry"
    assert data["online_possible"] is True
    assert data["reasons"][0]["code"] == "rules_window_same_as_main"


def test_window_readable_japanese_summary():
    proc = run("window", "--procedure", "renewal", "--expiry", "2027-05-31", "--on",
               "2027-04-15")
    assert proc.returncode == 0, proc.stderr
    assert "在留期間更新許可申請（renewal）" in proc.stdout
    assert "オンライン申請: 可能" in proc.stdout
    # the dates as the office reads them (JSON keeps ISO: test_window_json_shape_…)
    assert "申請できる期間: 2027年2月28日（令和9年） ～ 2027年5月30日（令和9年）" in proc.stdout
    assert "申請可能 あと45日" in proc.stdout
    assert "2027-02-28" not in proc.stdout and "2027-05-30" not in proc.stdout


def test_window_text_in_english_keeps_iso_dates_and_an_open_end_reads_as_such():
    proc = run("--lang", "en", "window", "--procedure", "renewal", "--expiry", "2027-05-31",
               "--on", "2027-04-15")
    assert proc.returncode == 0, proc.stderr
    assert "Filing window: 2027-02-28 to 2027-05-30" in proc.stdout


def test_fee_text_shows_the_table_date_as_the_office_reads_it():
    proc = run("fee", "--procedure", "renewal", "--on", "2026-11-26")
    assert proc.returncode == 0, proc.stderr
    line = next(x for x in proc.stdout.splitlines() if "手数料表" in x)
    assert "年" in line and "月" in line and "日（令和" in line, line
    assert not re.search(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", line), line


def test_window_english_with_lang_en():
    proc = run("--lang", "en", "window", "--procedure", "renewal", "--expiry", "2027-05-31",
               "--on", "2027-06-01", "--json")
    assert proc.returncode == 0
    assert "expired on 2027-05-31" in json.loads(proc.stdout)["reasons"][0]["message"]


@pytest.mark.parametrize(("args", "message"), [
    (["window", "--procedure", "visa"], "申請種別「visa」はありません"),
    (["window", "--procedure", "renewal", "--expiry", "2026-02-30"], "2026-02-30"),
    (["window", "--procedure", "renewal", "--expiry", "2026/03/01"], "YYYY-MM-DD"),
    (["window", "--procedure", "coe", "--on", "2026-13-01"], "2026-13-01"),
    (["window", "--procedure", "change"], "在留期間満了日（--expiry）が必要"),
    (["window", "--procedure", "renewal"], "在留期間満了日（--expiry）が必要"),
    (["window", "--procedure", "acquisition"], "出生等の日（--event-date）が必要"),
    (["window", "--procedure", "reentry", "--main", "coe", "--expiry", "2027-01-01"],
     "同時には申請できません"),
    (["window", "--procedure", "reentry", "--main", "work-cert", "--expiry", "2027-01-01"],
     "同時には申請できません"),
    (["window", "--procedure", "extra-activity", "--expiry", "2027-01-01"], "同時にのみ"),
    (["window", "--procedure", "coe", "--profile", "x"], "規則プロファイル「x」はありません"),
    (["receipt", "--procedure", "coe", "--with", "reentry"], "同時には申請できません"),
    (["receipt", "--procedure", "work-cert", "--with", "extra-activity"], "同時には申請できません"),
    (["receipt", "--procedure", "nope"], "申請種別「nope」はありません"),
    (["receipt", "--procedure", "renewal", "--granted-period-months", "three"], "月数"),
    (["receipt", "--procedure", "renewal", "--granted-period-months", "0"], "月数"),
])
def test_bad_arguments_exit_2_with_a_japanese_message(args, message, capsys):
    # In-process (the same main() the console script runs) to keep the suite fast; the
    # whole-process path is checked by test_bad_arguments_as_whole_processes.
    assert main(args) == 2
    out, err = capsys.readouterr()
    assert message in err
    assert err.startswith("assistant: ")
    assert out == ""


@pytest.mark.parametrize(("args", "message"), [
    (["window", "--procedure", "visa"], "申請種別「visa」はありません"),
    (["window", "--procedure", "renewal", "--expiry", "2026-02-30"], "2026-02-30"),
    (["window", "--procedure", "renewal"], "在留期間満了日（--expiry）が必要"),
    (["receipt", "--procedure", "coe", "--with", "reentry"], "同時には申請できません"),
])
def test_bad_arguments_as_whole_processes(args, message):
    proc = run(*args)
    assert proc.returncode == 2
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stdout == ""


def test_receipt_json_shape_and_exclusions():
    data = run_json("receipt", "--procedure", "renewal", "--with", "reentry",
                    "--granted-period-months", "3")
    assert data["procedure"] == "renewal"
    assert data["methods"] == ["counter"]
    assert [r["code"] for r in data["reasons"]] == ["rules_receipt_no_mail_simultaneous",
                                                     "rules_receipt_no_mail_short_period"]


def test_receipt_kanji_on_card_keeps_mail():
    data = run_json("receipt", "--procedure", "change", "--new-kanji-name", "--card-has-kanji")
    assert data["methods"] == ["mail", "counter"]
    assert run_json("receipt", "--procedure", "change", "--new-kanji-name")["methods"] == \
        ["counter"]


def test_receipt_no_card():
    assert run_json("receipt", "--procedure", "acquisition", "--no-card")["methods"] == \
        ["counter"]


def test_receipt_coe_by_profile():
    assert run_json("receipt", "--procedure", "coe")["methods"] == ["mail"]
    assert run_json("receipt", "--procedure", "coe", "--profile", "system-2026")["methods"] == \
        ["mail", "email"]


def test_receipt_readable_summary():
    proc = run("receipt", "--procedure", "renewal", "--with", "extra-activity")
    assert proc.returncode == 0
    assert "受領方法: 窓口での受領" in proc.stdout
    assert "郵送による受領はできません" in proc.stdout


def test_fee_online_and_at_the_counter():
    online = run_json("fee", "--procedure", "renewal", "--on", "2026-11-26")
    counter = run_json("fee", "--procedure", "renewal", "--on", "2026-11-26", "--counter")
    assert (online["amount_yen"], counter["amount_yen"]) == (5500, 6000)
    assert online["effective_from"] == "2025-04-01"
    proc = run("fee", "--procedure", "reentry", "--variant", "multiple", "--on", "2026-11-26")
    assert proc.returncode == 0
    assert "手数料（オンライン申請）: 6,500円" in proc.stdout


@pytest.mark.parametrize(("args", "message"), [
    (["fee", "--procedure", "reentry"], "single"),
    (["fee", "--procedure", "renewal", "--on", "2025-03-31"], "手数料表"),
    (["fee", "--procedure", "renewal", "--on", "2025-02-29"], "2025-02-29"),
])
def test_fee_bad_questions_exit_2(args, message, capsys):
    assert main(args) == 2
    assert message in capsys.readouterr().err


# --- GUI start-up skips the command modules (benchmarks/startup.py) -----------------------

@pytest.mark.parametrize(("argv", "expected"), [
    ([], {"smoke": False, "db": None, "language": None}),
    (["--smoke"], {"smoke": True, "db": None, "language": None}),
    (["--smoke", "--lang", "en", "--db", "/tmp/x.sqlite"],
     {"smoke": True, "db": "/tmp/x.sqlite", "language": "en"}),
])
def test_gui_start_does_not_build_the_command_parser(argv, expected, monkeypatch):
    import assistant.app
    import assistant.cli

    calls = []

    def fake_run_gui(**kwargs):  # stands in for the window: only the arguments matter here
        calls.append(kwargs)
        return 0

    def no_parser():
        raise AssertionError("the GUI start must not import every command module")

    monkeypatch.setattr(assistant.app, "run_gui", fake_run_gui)
    monkeypatch.setattr(assistant.cli, "build_parser", no_parser)
    assert main(argv) == 0
    assert calls == [expected]


@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["--lang", "xx"], ["--db"],
                                  ["--smoke", "window", "--procedure", "coe"]])
def test_anything_but_gui_options_goes_through_the_full_parser(argv):
    from assistant.cli import _gui_options

    assert _gui_options(argv) is None


def test_dates_at_the_edge_of_the_calendar_get_a_message_not_a_crash_report():
    proc = run("window", "--procedure", "renewal", "--expiry", "0001-01-01", "--on", "0001-01-01")
    assert proc.returncode == 2
    assert "扱える範囲" in proc.stderr and "予期しない" not in proc.stderr
