"""Case files: exact round trip (hypothesis), clear errors for every kind of bad file."""

from __future__ import annotations

import json
import tempfile
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from assistant.model import casefile, filing
from assistant.model.case import AttachmentRef, Case, CaseStatus, ReceiptMethod, repeat_key
from assistant.model.casefile import CaseFileError
from assistant.model.fields import catalogue
from assistant.model.normalize import normalize_value
from assistant.model.storage import CaseStore, StatusChange

# Text as offices type it: Japanese (kana, kanji, full-width forms), Latin, digits, anything.
JAPANESE = st.sampled_from("あいうアイウ漢字申請在留ＡＢＣ１２３　ー・（）〒")
TEXT = st.one_of(
    st.text(max_size=30),
    st.lists(JAPANESE, max_size=20).map("".join),
)
PROCEDURES = ["renewal", "change", "coe", "acquisition", "work-cert"]
MOMENT = st.one_of(
    st.none(),
    st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1)),
    st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1),
                 timezones=st.sampled_from([UTC, timezone(timedelta(hours=9))])),
)
ATTACHMENT = st.builds(AttachmentRef, path=TEXT.filter(bool), kind=st.sampled_from(
    ["document", "photo"]), title=TEXT, position=st.integers(0, 99),
    taken_on=st.one_of(st.just(""), st.dates().map(date.isoformat)))


@st.composite
def stored_values(draw, procedure: str, non_empty: bool) -> dict[str, str]:
    """Values as a case stores them: keys of the procedure's fields (repeat members with an
    index), each value as entry normalisation leaves it and within its field's length — what a
    case file must carry unchanged (a file's own values are normalised when read)."""
    cat = catalogue(procedure)
    values: dict[str, str] = {}
    for _ in range(draw(st.integers(0, 15))):
        fdef = draw(st.sampled_from(cat.fields))
        key = fdef.id if fdef.group is None else repeat_key(
            fdef.id, draw(st.integers(1, cat.group(fdef.group).max)))
        value = normalize_value(fdef, draw(TEXT))
        if fdef.max_length is not None and fdef.kind in ("text", "number"):
            value = normalize_value(fdef, value[:fdef.max_length])
            assume(len(value) <= fdef.max_length)
        assume(value or not non_empty)
        values[key] = value
    return values


def cases(non_empty_values: bool = False, aware: bool = False):
    moment = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1),
                          timezones=st.just(UTC)) if aware else MOMENT
    procedure = st.shared(st.sampled_from(PROCEDURES), key="procedure")
    return st.builds(
        Case,
        id=st.one_of(st.just(""), st.uuids().map(lambda u: u.hex)),
        procedure=procedure,
        values=procedure.flatmap(lambda p: stored_values(p, non_empty_values)),
        status=st.sampled_from(list(CaseStatus)),
        provisional_number=TEXT, application_number=TEXT,
        attachments=st.lists(ATTACHMENT, max_size=4),
        remarks=TEXT,
        created_at=moment, updated_at=moment,
        is_sample=st.booleans(),
    )


ISO_DAY = st.one_of(st.just(""), st.dates().map(date.isoformat))


@st.composite
def status_walks(draw) -> list[CaseStatus]:
    """Statuses in an order the program can record (any first one, then what may follow)."""
    walk = [draw(st.sampled_from(list(CaseStatus)))] if draw(st.integers(0, 5)) else []
    for _ in range(draw(st.integers(0, 5)) if walk else 0):
        following = filing.may_follow_any(walk[-1])
        if not following:
            break
        walk.append(draw(st.sampled_from(following)))
    return walk


@st.composite
def histories(draw) -> list[StatusChange] | None:
    """None (no history in the file) or a history with every entry a case file carries."""
    if draw(st.booleans()) and draw(st.booleans()):
        return None
    return [draw(st.builds(
        StatusChange, status=st.just(status), at=st.datetimes(timezones=st.just(UTC)),
        note=TEXT, number=TEXT, user=TEXT, on=ISO_DAY, due=ISO_DAY, granted_period=TEXT,
        granted_expiry=ISO_DAY)) for status in draw(status_walks())]


HISTORY = histories()


def at_end_of(case: Case, history: list[StatusChange] | None) -> Case:
    """``case`` standing where ``history`` ends (a case file's status matches its history)."""
    return replace(case, status=history[-1].status) if history else case


@given(case=cases(), history=HISTORY, staff=TEXT)
def test_dict_and_text_round_trip_is_exact(case, history, staff):
    case = at_end_of(case, history)
    data = casefile.case_to_dict(case, history, staff)
    assert casefile.case_from_dict(data) == casefile.CaseDocument(case, history, staff=staff)
    text = casefile.dumps_case(case, history, staff)
    assert casefile.loads_case(text) == casefile.CaseDocument(case, history, staff=staff)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=cases(non_empty_values=True, aware=True), history=HISTORY)
def test_file_round_trip_through_two_databases_is_exact(tmp_path, case, history):
    case = at_end_of(case, history)
    """export → import into another office's database → export again: identical files."""
    # A fresh folder per example: a database deleted where one existed is refused on open.
    tmp_path = Path(tempfile.mkdtemp(dir=tmp_path))
    first = tmp_path / "first.json"
    casefile.write_case_file(first, case, history)
    with CaseStore.open(tmp_path / "a.sqlite") as store:
        stored = store.import_case(casefile.load_case_file(first),
                                   casefile.read_case_file(first).history)
        if case.id:
            assert stored.id == case.id
        second = tmp_path / "second.json"
        casefile.write_case_file(second, stored, store.history(stored.id) if history else None)
    with CaseStore.open(tmp_path / "b.sqlite") as other:
        again = other.import_case(casefile.load_case_file(second))
    expected = Case(**{**case.__dict__, "id": stored.id})
    if expected.created_at is None:  # the database always records when a case was made
        expected.created_at = stored.created_at
    if expected.updated_at is None:
        expected.updated_at = stored.updated_at
    assert stored == expected
    assert again == expected
    if history:
        assert casefile.read_case_file(second).history == history


def test_file_is_readable_json_with_japanese(tmp_path):
    case = Case(id="abc", procedure="renewal", values={"name": "王 芳",
                                                       repeat_key("relative_name", 2): "李"})
    path = tmp_path / "case.json"
    casefile.write_case_file(path, case)
    text = path.read_text(encoding="utf-8")
    assert "王 芳" in text and '"schema_version": 2' in text
    assert [p.name for p in tmp_path.iterdir() if p.name != "appdata"] == ["case.json"]


def test_minimal_hand_written_file_loads_with_defaults(tmp_path):
    path = tmp_path / "min.json"
    path.write_text('{"schema_version": 1, "procedure": "coe", "values": {"name": "A B"}}',
                    encoding="utf-8")
    case = casefile.load_case_file(path)
    assert (case.procedure, case.values, case.status, case.attachments, case.id) == (
        "coe", {"name": "A B"}, CaseStatus.DRAFT, [], "")


@pytest.mark.parametrize(("old", "label"), [("mail", "郵送 Mailing"),
                                            ("counter", "窓口 Regional office counter")])
def test_older_file_with_a_top_level_receipt_method_still_loads(tmp_path, old, label):
    path = tmp_path / "old.json"
    path.write_text(json.dumps({"schema_version": 1, "procedure": "renewal",
                                "receipt_method": old, "values": {"name": "A B"}}),
                    encoding="utf-8")
    case = casefile.load_case_file(path)
    assert case.values == {"name": "A B", "receipt_method": label}
    assert case.receipt_method is ReceiptMethod(old)
    # written again, the method is only in the values (one record of it)
    assert "receipt_method" not in casefile.case_to_dict(case)


def test_photo_taken_date_is_written_and_read_back(tmp_path):
    case = Case(id="p", procedure="renewal", attachments=[
        AttachmentRef("C:/案件/王/face.jpg", kind="photo", taken_on="2026-09-01"),
        AttachmentRef("C:/案件/王/在職証明書.pdf")])
    path = tmp_path / "case.json"
    casefile.write_case_file(path, case)
    written = json.loads(path.read_text(encoding="utf-8"))["attachments"]
    assert written[0]["taken_on"] == "2026-09-01"
    # no date entered: no entry, so the file stays as earlier versions wrote it
    assert "taken_on" not in written[1]
    assert casefile.load_case_file(path).attachments == case.attachments


def test_older_file_without_taken_dates_still_loads(tmp_path):
    path = tmp_path / "old.json"
    path.write_text(json.dumps({"schema_version": 1, "procedure": "renewal", "attachments": [
        {"path": "face.jpg", "kind": "photo", "title": "face.jpg", "position": 0}]}),
        encoding="utf-8")
    (ref,) = casefile.load_case_file(path).attachments
    assert (ref.kind, ref.taken_on) == ("photo", "")


def test_the_step3_value_wins_over_an_old_top_level_entry(tmp_path):
    data = {"schema_version": 1, "procedure": "coe", "receipt_method": "mail",
            "values": {"receipt_method": "メール Email"}}
    case = casefile.case_from_dict(data).case
    assert case.receipt_method is ReceiptMethod.EMAIL


def test_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes('{"schema_version": 1, "procedure": "coe"}'.encode("utf-8-sig"))
    assert casefile.load_case_file(path).procedure == "coe"


GOOD = {"schema_version": 1, "procedure": "renewal"}


@pytest.mark.parametrize(("content", "code", "ja_part"), [
    ('{"schema_version": 1, "procedure": "renewal",', "casefile_bad_json", "正しいJSONではありません"),
    (json.dumps({**GOOD, "colour": "red"}), "casefile_unknown_fields", "colour"),
    (json.dumps({**GOOD, "attachments": [{"path": "a.pdf", "size": 3}]}),
     "casefile_unknown_fields", "size"),
    (json.dumps({**GOOD, "values": {"name": 5}}), "casefile_wrong_type", "values.name"),
    (json.dumps({**GOOD, "values": ["name"]}), "casefile_wrong_type", "values"),
    (json.dumps({**GOOD, "values": {"Bad Key": "x"}}), "casefile_bad_value", "Bad Key"),
    (json.dumps({**GOOD, "is_sample": "yes"}), "casefile_wrong_type", "is_sample"),
    (json.dumps({**GOOD, "attachments": [{"path": "a.pdf", "position": True}]}),
     "casefile_wrong_type", "position"),
    (json.dumps({**GOOD, "attachments": [{"path": "a.jpg", "taken_on": "2026-13-01"}]}),
     "casefile_bad_value", "2026-13-01"),
    (json.dumps({**GOOD, "attachments": [{"path": "a.jpg", "taken_on": 20260901}]}),
     "casefile_wrong_type", "taken_on"),
    (json.dumps({**GOOD, "status": "approved"}), "casefile_unknown_status", "approved"),
    (json.dumps({**GOOD, "receipt_method": "fax"}), "casefile_bad_value", "fax"),
    (json.dumps({**GOOD, "created_at": "yesterday"}), "casefile_bad_value", "yesterday"),
    (json.dumps({**GOOD, "schema_version": 3}), "casefile_newer_version", "新しいバージョン"),
    (json.dumps({**GOOD, "schema_version": "1"}), "casefile_wrong_type", "schema_version"),
    (json.dumps({"procedure": "renewal"}), "casefile_missing_field", "schema_version"),
    (json.dumps({"schema_version": 1}), "casefile_missing_field", "procedure"),
    (json.dumps({**GOOD, "format": "something-else"}), "casefile_not_case", "案件ファイルではありません"),
    ('[1, 2, 3]', "casefile_wrong_type", "オブジェクト"),
    ("[" * 100000, "casefile_bad_json", "JSON"),
])
def test_bad_files_give_clear_messages(tmp_path, content, code, ja_part):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CaseFileError) as info:
        casefile.load_case_file(path)
    err = info.value
    assert err.code == code
    assert ja_part in err.message_ja
    assert str(path) in err.message_ja and str(path) in err.message_en
    assert err.message_en.isascii() or code == "casefile_bad_value"
    problem = err.to_problem()
    assert problem.is_error and problem.message_ja == err.message_ja


def test_unreadable_and_non_utf8_files(tmp_path):
    with pytest.raises(CaseFileError) as info:
        casefile.load_case_file(tmp_path / "missing.json")
    assert info.value.code == "casefile_unreadable" and "読み込めません" in str(info.value)
    folder = tmp_path / "folder.json"
    folder.mkdir()
    with pytest.raises(CaseFileError):
        casefile.load_case_file(folder)
    sjis = tmp_path / "sjis.json"
    sjis.write_bytes('{"schema_version": 1, "procedure": "申請"}'.encode("shift_jis"))
    with pytest.raises(CaseFileError) as info:
        casefile.load_case_file(sjis)
    assert "UTF-8" in info.value.message_ja


def test_write_failure_is_a_case_file_error(tmp_path):
    case = Case(id="x", procedure="coe")
    with pytest.raises(CaseFileError) as info:
        casefile.write_case_file(tmp_path / "no" / "such" / "dir.json", case)
    assert info.value.code == "casefile_write_failed"


def test_readme_example_is_a_valid_case_file():
    """The example in README.md ("Case files / 案件ファイル") must load as documented."""
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Case files / 案件ファイル")[1].split("```json")[1].split("```")[0]
    document = casefile.case_from_dict(json.loads(block), "README.md")
    assert document.case.value("relative_name", 1) == "王　芳"   # a 全角 field: U+3000
    assert document.case.status is CaseStatus.FILED
    assert [h.status for h in document.history] == [CaseStatus.DRAFT, CaseStatus.FILED]
    assert [a.taken_on for a in document.case.attachments] == ["", "2026-10-01"]


def test_docs_example_is_a_valid_case_file_with_its_history_after_filing():
    """The example in docs/casefile.md loads as documented: every step with its day, who, the
    numbers, the 追完 due date and the grant."""
    from pathlib import Path

    text = (Path(__file__).resolve().parents[2] / "docs" / "casefile.md").read_text(
        encoding="utf-8")
    block = text.split("```json")[1].split("```")[0]
    document = casefile.case_from_dict(json.loads(block), "docs/casefile.md")
    assert document.staff == "行政　花子" and document.case.status is CaseStatus.COMPLETED
    history = document.history
    assert [h.status.value for h in history] == [
        "draft", "ready", "filed", "accepted", "awaiting_documents", "review_complete",
        "completed"]
    assert (history[2].number, history[2].on, history[2].user) == (
        "東オンEN25001877", "2026-11-20", "行政　花子")
    assert (history[4].note, history[4].due) == ("課税証明書", "2026-12-10")
    assert (history[6].granted_period, history[6].granted_expiry) == ("5年", "2032-01-15")
    assert filing.latest_grant(history) == history[6]


@pytest.mark.parametrize(("statuses", "status", "code", "ja_part"), [
    (["draft", "ready", "completed"], "completed", "casefile_history_order",
     "「入力完了」の次に「完了」"),
    (["ready", "filed", "completed"], "completed", "casefile_history_order",
     "「申請済」の次に「完了」"),
    (["review_complete", "completed", "filed"], "filed", "casefile_history_order",
     "「完了」の次にできるのは なし"),
    (["ready", "filed", "nonsense"], "filed", "casefile_unknown_status", "nonsense"),
    (["ready", "filed"], "accepted", None, ""),             # the status may follow the history
    (["ready", "filed"], "completed", "casefile_history_status", "履歴の最後は「申請済」"),
    (["draft", "filed"], "filed", None, ""),                # recorded so before the filing steps
    (["draft", "ready", "draft", "ready", "ready", "filed"], "filed", None, ""),
    (["filed", "accepted"], "accepted", None, ""),          # a history may begin anywhere
])
def test_history_order_is_checked(statuses, status, code, ja_part):
    data = {**GOOD, "schema_version": 2, "status": status,
            "history": [{"status": s, "at": "2026-11-20T09:00:00+00:00"} for s in statuses]}
    if code is None:
        assert [h.status.value for h in casefile.case_from_dict(data).history] == statuses
        return
    with pytest.raises(CaseFileError) as info:
        casefile.case_from_dict(data, "f.json")
    assert info.value.code == code and ja_part in info.value.message_ja, info.value.message_ja


@pytest.mark.parametrize(("entry", "value"), [
    ("on", "2026-02-30"), ("on", "20261120"), ("due", "2026-W48-1"), ("due", "明日"),
    ("granted_expiry", "令和14年1月15日"), ("granted_expiry", "2032-1-15"),
])
def test_history_dates_must_be_real_iso_dates(entry, value):
    data = {**GOOD, "schema_version": 2, "status": "filed",
            "history": [{"status": "filed", "at": "2026-11-20T09:00:00+00:00", entry: value}]}
    with pytest.raises(CaseFileError) as info:
        casefile.case_from_dict(data, "f.json")
    assert info.value.code == "casefile_bad_date"
    assert f"history[0].{entry}" in info.value.message_ja and value in info.value.message_ja


def test_failed_export_keeps_the_previous_file_and_leaves_no_temporary(tmp_path):
    """A write that fails half-way (file-size limit = a full disk) leaves the old file whole."""
    import subprocess
    import sys
    from pathlib import Path

    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "case.json"
    casefile.write_case_file(target, Case(id="old", procedure="renewal", values={"name": "OLD"}))
    before = target.read_bytes()
    child = (
        "import resource, signal, sys\n"
        "from assistant.model import casefile\n"
        "from assistant.model.case import Case\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, resource.RLIM_INFINITY))\n"
        "try:\n"
        "    casefile.write_case_file(sys.argv[1], Case(id='new', procedure='renewal',\n"
        "                             values={'remarks': 'あ' * 100_000}))\n"
        "except casefile.CaseFileError as exc:\n"
        "    print(exc.code, exc.message_ja)\n")
    repo = Path(__file__).resolve().parents[2]
    proc = subprocess.run([sys.executable, "-c", child, str(target)], capture_output=True,
                          text=True, encoding="utf-8", timeout=60, cwd=repo)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("casefile_write_failed 案件ファイルを書き込めません")
    assert target.read_bytes() == before
    assert [p.name for p in folder.iterdir()] == ["case.json"]


# -- 24.1 専攻 of a 専門学校 graduate (区分N) --------------------------------------------------

N_PURPOSE = "技術・人文知識・国際業務 Engineer / Specialist in Humanities / International Services"
VOCATIONAL = "専門学校 College of technology"


def _coe_n(**values: str) -> Case:
    return Case(id="senmon", procedure="coe", values={
        "name": "NGUYEN VAN AN", "desired_status": N_PURPOSE, **values})


def test_a_vocational_major_in_the_university_list_moves_to_the_vocational_field(tmp_path):
    """A file written when 24.1 had the university list only holds a 専門学校 graduate's major
    there: reading it moves the major to 24.1 (専門学校), says so, and the stored case asks
    for nothing more about it."""
    from assistant.model.validation import validate_case

    path = tmp_path / "old.json"
    casefile.write_case_file(path, _coe_n(n_23_2=VOCATIONAL, n_24_1="工業 Engineering"))
    document = casefile.read_case_file(path)
    values = document.case.values
    assert values.get("n_24_1_2") == "工業 Engineering" and "n_24_1" not in values
    assert ("n_24_1", "工業 Engineering", "") in document.normalised
    assert ("n_24_1_2", "", "工業 Engineering") in document.normalised
    with CaseStore.open(tmp_path / "cases.sqlite") as store:
        stored = casefile.import_case(store, document)
        assert store.get(stored.id).values["n_24_1_2"] == "工業 Engineering"
    fields = {p.field for p in validate_case(stored, date(2026, 12, 7))}
    assert not fields & {"n_24_1", "n_24_1_2"}
    # as written, the case would be asked for 24.1 (専門学校) again
    unmoved = _coe_n(n_23_2=VOCATIONAL, n_24_1="工業 Engineering")
    assert "n_24_1_2" in {p.field for p in validate_case(unmoved, date(2026, 12, 7))}


@pytest.mark.parametrize(("education", "major", "other"), [
    ("大学 Bachelor", "工業 Engineering", ""),           # a university graduate: not moved
    (VOCATIONAL, "法学 Law", ""),                        # a university-list value: kept
    (VOCATIONAL, "工業 Engineering", "農業 Agriculture"),  # the field is already answered
    ("", "工業 Engineering", ""),                        # no education answer
])
def test_a_major_stays_where_it_is_unless_it_can_only_be_the_vocational_one(
        tmp_path, education, major, other):
    values = {"n_24_1": major}
    if education:
        values["n_23_2"] = education
    if other:
        values["n_24_1_2"] = other
    path = tmp_path / "case.json"
    casefile.write_case_file(path, _coe_n(**values))
    document = casefile.read_case_file(path)
    assert document.case.values.get("n_24_1") == major
    assert document.case.values.get("n_24_1_2", "") == other
    assert not [c for c in document.normalised if c[0].startswith("n_24")]
