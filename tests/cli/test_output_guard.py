"""No output command may write over the case database, its companions or backups, or into the
data folder; an existing file is replaced only with --force (exit 2 otherwise, nothing written)."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from assistant.cli import main
from assistant.model import paths
from assistant.model.casefile import write_case_file
from assistant.model.storage import CaseStore
from tests import attachments_files as files


@pytest.fixture
def office(tmp_path):
    """The default database in the data folder with one case, and that case as a file."""
    db = paths.default_db_path()
    with CaseStore.open(db) as store:
        case = store.create("renewal", {"name": "WANG WEI", "birth_date": "19900101",
                                        "sex": "男 male", "nationality": "中国 China"})
    file = tmp_path / "wang.json"
    write_case_file(file, case)
    backups = db.parent / "backups"
    backups.mkdir()
    shutil.copy(db, backups / "cases-20261207.sqlite")
    shutil.copy(db, db.with_name("cases.backup-v1-20261207T000000Z.sqlite"))
    return db, case.id, file


def _cases(db) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [row[0] for row in conn.execute("select id from cases")]


def _commands(db, case_id, file, out):
    pdf = str(files.fixture("minimal-document.pdf"))
    return [
        ["case", "export", case_id[:8], "--out", out],
        ["prepare-pdf", pdf, "--out", out],
        ["export", "transcription", str(file), "--out", out],
        ["export", "checklist", str(file), "--method", "mail", "--out", out],
    ]


@pytest.mark.parametrize("target", [
    "cases.sqlite", "cases.sqlite-wal", "cases.sqlite-shm", "backups/cases-20261207.sqlite",
    "cases.backup-v1-20261207T000000Z.sqlite", "settings.json", "new-file.pdf"])
def test_an_output_in_the_data_folder_is_refused_even_with_force(office, capsys, target):
    db, case_id, file = office
    out = str(db.parent / target)
    before = {p: p.read_bytes() for p in db.parent.rglob("*") if p.is_file()}
    for argv in _commands(db, case_id, file, out):
        for force in ([], ["--force"]):
            assert main([*argv, *force]) == 2, argv
            err = capsys.readouterr().err
            assert "書き出せません" in err and "データベース" in err, err
    assert {p: p.read_bytes() for p in db.parent.rglob("*") if p.is_file()} == before
    assert _cases(db) == [case_id]


def test_bulk_exports_and_imports_into_the_data_folder_are_refused(office, capsys, tmp_path):
    db, _, file = office
    for argv in (["export", "bulk", str(file), "--out", str(db.parent)],
                 ["export", "bulk", str(file), "--out", str(db.parent / "sub"), "--format",
                  "xlsx"],
                 ["import", "bulk", str(tmp_path / "any.xlsx"), "--out", str(db.parent)]):
        assert main(argv) == 2
        assert "書き出せません" in capsys.readouterr().err
    assert not (db.parent / "sub").exists() and _cases(db)


def test_a_database_given_with_db_is_protected_too(tmp_path, capsys):
    other = tmp_path / "elsewhere" / "office.sqlite"
    other.parent.mkdir()
    with CaseStore.open(other) as store:
        case = store.create("coe", {"name": "NGUYEN VAN A"})
    assert main(["--db", str(other), "case", "export", case.id, "--out",
                 str(other.with_name("office.sqlite-wal")), "--force"]) == 2
    assert main(["--db", str(other), "case", "export", case.id, "--out", str(other)]) == 2
    assert _cases(other) == [case.id]


def test_an_existing_file_is_replaced_only_with_force(office, tmp_path, capsys, qapp):
    # qapp: the PDF exports run in this process; without the test suite's QApplication the
    # command would make a QGuiApplication that outlives the test, and the next test to open a
    # widget would abort the whole run.
    db, case_id, file = office
    for argv in _commands(db, case_id, file, "unused"):
        out = tmp_path / f"existing-{argv[0]}-{len(argv)}.out"
        out.write_bytes(b"the office's own file")
        argv[argv.index("unused")] = str(out)
        assert main(argv) == 2
        assert "--force" in capsys.readouterr().err
        assert out.read_bytes() == b"the office's own file"
        assert main([*argv, "--force"]) == 0, capsys.readouterr().err
        assert out.read_bytes() != b"the office's own file"


def test_export_bulk_into_a_folder_with_the_same_files_needs_force(office, tmp_path, capsys):
    from tests.isa_cases import ON, main_sheet_case

    # a complete case: the CSV export validates every case and refuses one with errors
    file = tmp_path / "complete.json"
    write_case_file(file, main_sheet_case("renewal", "c1", name="WANG WEI"))
    out = tmp_path / "out"
    on = ["--on", ON.isoformat()]
    assert main(["export", "bulk", str(file), "--out", str(out), *on]) == 0
    written = (out / "renewal_main.csv").read_bytes()
    (out / "renewal_main.csv").write_bytes(b"edited by hand")
    assert main(["export", "bulk", str(file), "--out", str(out), *on]) == 2
    assert (out / "renewal_main.csv").read_bytes() == b"edited by hand"
    assert main(["export", "bulk", str(file), "--out", str(out), "--force", *on]) == 0
    assert (out / "renewal_main.csv").read_bytes() == written
