"""``assistant case list|show|export|import`` on a real database file."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace

import pytest

from assistant.cli import main
from assistant.model import paths
from assistant.model.case import AttachmentRef, CaseStatus, ReceiptMethod, repeat_key
from assistant.model.fields import catalogue
from assistant.model.normalize import normalize_values
from assistant.model.storage import CaseStore


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "office.sqlite"
    with CaseStore.open(path) as store:
        case = store.create("renewal", {"name": "WANG WEI", "nationality": "中国",
                                        repeat_key("relative_name", 1): "王 芳"})
        store.set_status(case.id, CaseStatus.FILED, number="TMP-001")
        store.set_receipt_method(case.id, ReceiptMethod.COUNTER)
        store.set_attachments(case.id, [AttachmentRef("/d/在職証明書.pdf", title="在職証明書")])
        store.create("coe", {"name": "NGUYEN VAN A"})
    return path, case.id


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_json_and_text(db, capsys):
    path, case_id = db
    code, out, _ = run(capsys, "--db", str(path), "case", "list", "--json")
    assert code == 0
    rows = json.loads(out)
    assert {r["name"] for r in rows} == {"WANG WEI", "NGUYEN VAN A"}
    wang = next(r for r in rows if r["id"] == case_id)
    assert (wang["status"], wang["provisional_number"], wang["nationality"]) == (
        "filed", "TMP-001", "中国")
    code, out, _ = run(capsys, "case", "list", "--db", str(path))  # --db after the action
    assert code == 0 and "申請済" in out and case_id[:8] in out


def test_show_by_prefix(db, capsys):
    path, case_id = db
    code, out, _ = run(capsys, "--db", str(path), "case", "show", case_id[:6])
    assert code == 0
    assert "WANG WEI" in out and "relative_name[1]: 王 芳" in out and "TMP-001" in out
    code, out, _ = run(capsys, "--db", str(path), "case", "show", case_id, "--json")
    data = json.loads(out)
    assert data["values"]["relative_name[1]"] == "王 芳"
    assert [h["status"] for h in data["history"]] == ["draft", "filed"]


def test_unknown_id_exits_2_with_japanese_message(db, capsys):
    path, _ = db
    code, _, err = run(capsys, "--db", str(path), "case", "show", "ffffffffff")
    assert code == 2 and "案件が見つかりません" in err


def test_export_import_round_trip(db, tmp_path, capsys):
    path, case_id = db
    out_file = tmp_path / "wang.json"
    code, _, _ = run(capsys, "--db", str(path), "case", "export", case_id, "--out",
                     str(out_file))
    assert code == 0
    exported = json.loads(out_file.read_text(encoding="utf-8"))
    other = tmp_path / "other.sqlite"
    code, out, _ = run(capsys, "--db", str(other), "case", "import", str(out_file), "--json")
    assert code == 0
    result = json.loads(out)
    assert result == {"id": case_id, "procedure": "renewal", "kept_id": True}
    with CaseStore.open(path) as a, CaseStore.open(other) as b:
        # importing is an entry point: the values come in normalised ("中国" → the workbook
        # label, a 全角 name with U+3000), everything else exactly as exported
        original, imported = a.get(case_id), b.get(case_id)
        assert original is not None and imported is not None
        stored, _ = normalize_values(catalogue("renewal"), original.values)
        assert imported == replace(original, values=stored)
        assert imported.values["nationality"] == "中国 People's Republic of China"
        assert a.history(case_id) == b.history(case_id)
    # Importing into the same database again makes a new case (the id is taken).
    code, out, _ = run(capsys, "--db", str(path), "case", "import", str(out_file), "--json")
    assert code == 0 and json.loads(out)["id"] != case_id and not json.loads(out)["kept_id"]
    assert exported["schema_version"] == 2


@pytest.mark.parametrize(("content", "message"), [
    ("{broken", "正しいJSONではありません"),
    ('{"schema_version": 1, "procedure": "renewal", "extra": 1}', "不明な項目"),
    ('{"schema_version": 9, "procedure": "renewal"}', "新しいバージョン"),
    ('{"schema_version": 1, "procedure": "renewal", "values": {"name": 1}}', "形式が正しくありません"),
    # the values must fit the procedure (a case export bulk could not write)
    ('{"schema_version": 1, "procedure": "bogus"}', "申請種別「bogus」はこのアプリでは扱えません"),
    ('{"schema_version": 1, "procedure": "renewal", "values": {"favourite_colour": "x"}}',
     "項目ではないもの"),
    ('{"schema_version": 1, "procedure": "acquisition", "values": {"current_status": "T26"}}',
     "current_status"),
    ('{"schema_version": 1, "procedure": "renewal", "values": {"name[2]": "A B"}}',
     "繰り返す項目ではない"),
    ('{"schema_version": 1, "procedure": "renewal", "values": {"name": "%s"}}' % ("A" * 105),
     "104文字以内"),
    ('{"schema_version": 1, "procedure": "renewal", "values": {"remarks": "%s"}}'
     % ("あ" * 5_000_000), "300文字以内"),
])
def test_bad_case_file_changes_nothing(db, tmp_path, capsys, content, message):
    path, _ = db
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    with CaseStore.open(path) as store:
        count = store.count(include_deleted=True)
    before = path.read_bytes()  # closed: everything is in the main file
    code, out, err = run(capsys, "--db", str(path), "case", "import", str(bad))
    assert code == 2 and message in err and out == ""
    assert path.read_bytes() == before
    with CaseStore.open(path) as store:
        assert store.count(include_deleted=True) == count


def test_unreadable_file_exits_2(db, tmp_path, capsys):
    path, _ = db
    code, _, err = run(capsys, "--db", str(path), "case", "import", str(tmp_path / "nope.json"))
    assert code == 2 and "読み込めません" in err


def test_missing_action_and_export_target_are_usage_errors(db, tmp_path, capsys):
    path, case_id = db
    assert run(capsys, "--db", str(path), "case")[0] == 2
    code, _, err = run(capsys, "--db", str(path), "case", "export", case_id, "--out",
                       str(tmp_path / "missing" / "x.json"))
    assert code == 2 and "書き込めません" in err


def test_default_database_in_data_folder_via_real_entry_point(tmp_path):
    """Without --db the command uses <ASSISTANT_DATA_DIR>/cases.sqlite (set by conftest)."""
    with CaseStore.open(paths.default_db_path()) as store:
        store.create("work-cert", {"name": "SMITH JOHN"})
    proc = subprocess.run([sys.executable, "-m", "assistant", "case", "list", "--json"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert [r["name"] for r in json.loads(proc.stdout)] == ["SMITH JOHN"]


def test_corrupt_database_exits_2(tmp_path, capsys):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"not a database at all" * 200)
    code, _, err = run(capsys, "--db", str(bad), "case", "list")
    assert code == 2 and "壊れているか" in err


def test_show_does_not_send_a_clients_control_characters_to_the_terminal(tmp_path):
    """A value with ANSI escapes (recolour, retitle, clear screen) and a C1 CSI is shown as
    visible escapes by the real command; the JSON output still decodes to the stored value."""
    hostile = "WANG\x1b[31mRED\x1b]0;pwned\x07\x1b[2J\x9b1mWEI\u202eEVIL\rX"
    path = tmp_path / "office.sqlite"
    with CaseStore.open(path) as store:
        case = store.create("renewal", {"name": "WANG WEI"})
        store.set_remarks(case.id, hostile)
        store.set_values(case.id, {"occupation": hostile})
    env_cmd = [sys.executable, "-m", "assistant", "--db", str(path), "case", "show", case.id]
    shown = subprocess.run(env_cmd, capture_output=True, timeout=60)
    assert shown.returncode == 0, shown.stderr
    for control in (b"\x1b", b"\x07", b"\r", "\x9b".encode(), "\u202e".encode()):
        assert control not in shown.stdout
    text = shown.stdout.decode("utf-8")
    assert "WANG\\u001b[31mRED" in text and "\\u009b1mWEI" in text
    data = subprocess.run([*env_cmd, "--json"], capture_output=True, timeout=60)
    assert b"\x1b" not in data.stdout and "\x9b".encode() not in data.stdout
    loaded = json.loads(data.stdout)
    assert loaded["values"]["occupation"] == hostile and loaded["remarks"] == hostile


def test_import_normalises_the_values_and_says_what_changed(db, tmp_path, capsys):
    """Case import is an entry point: 和暦, lower case and full-width digits are normalised
    once (as the wizard does) and each change is shown; the stored values are the normal ones."""
    path, _ = db
    source = tmp_path / "typed.json"
    source.write_text(json.dumps({"schema_version": 1, "procedure": "renewal", "values": {
        "name": "wang  wei", "birth_date": "平成7年4月12日", "postal_code": "〒100-0013"}},
        ensure_ascii=False), encoding="utf-8")
    code, out, err = run(capsys, "--db", str(path), "case", "import", str(source), "--json")
    assert code == 0
    assert "整形\tbirth_date\t「平成7年4月12日」を「19950412」として読み込みました。" in err
    assert "「wang  wei」を「WANG WEI」" in err
    with CaseStore.open(path) as store:
        stored = store.get(json.loads(out)["id"])
    assert stored.values == {"name": "WANG WEI", "birth_date": "19950412",
                             "postal_code": "1000013"}


def test_list_and_show_text_give_dates_as_the_office_reads_them(tmp_path, capsys):
    from datetime import UTC, datetime

    path = tmp_path / "office.sqlite"
    moments = iter([datetime(2026, 11, 26, 1, 30, tzinfo=UTC)] * 10)
    with CaseStore.open(path, clock=lambda: next(moments)) as store:
        case = store.create("renewal", {"name": "WANG WEI", "expiry_date": "20270115"})
    local = datetime(2026, 11, 26, 1, 30, tzinfo=UTC).astimezone()
    shown = f"{local.year}年{local.month}月{local.day}日"
    code, out, _ = run(capsys, "--db", str(path), "case", "list")
    assert code == 0
    row = out.splitlines()[0].split("\t")
    assert row[5] == "2027年1月15日" and row[7] == f"{shown} {local:%H:%M}"
    code, out, _ = run(capsys, "--db", str(path), "case", "show", case.id)
    assert f"  {shown}（令和8年） {local:%H:%M} 下書き" in out
    code, out, _ = run(capsys, "--lang", "en", "--db", str(path), "case", "list")
    assert out.split("\t")[5] == "2027-01-15"
