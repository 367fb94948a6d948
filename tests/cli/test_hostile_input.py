"""Hostile case files and workbooks get a Japanese message and exit 2 — never a traceback, never
a hang — and change nothing (exit 1 is kept for "problems found")."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile

import pytest

from assistant.model.case import Case
from assistant.model.exports import xlsx

HEAD = '{"format": "zairyu-assistant-case", "schema_version": 1, "procedure": "renewal", '
CASE_FILES = {
    "lone surrogate": HEAD + '"values": {"name": "WANG\\ud800WEI"}}',
    "lone surrogate in remarks": HEAD + '"remarks": "\\udfff", "values": {}}',
    "date overflow": HEAD + '"created_at": "9999-12-31T23:59:59-23:59", "values": {}}',
    "date underflow in history": HEAD + '"history": [{"status": "filed", '
                                        '"at": "0001-01-01T00:00:00+14:00"}], "values": {}}',
    "position 2**70": HEAD + '"attachments": [{"path": "a.pdf", "kind": "document", '
                             f'"position": {2**70}}}], "values": {{}}}}',
    "5000-digit integer": HEAD.replace('"schema_version": 1', '"schema_version": ' + "9" * 5000)
                          + '"values": {}}',
}


def run(*argv, timeout=60):
    return subprocess.run([sys.executable, "-m", "assistant", *map(str, argv)],
                          capture_output=True, text=True, timeout=timeout)


def assert_refused(proc) -> None:
    assert proc.returncode == 2, (proc.returncode, proc.stderr)
    assert "Traceback" not in proc.stderr and proc.stderr.startswith("assistant: ")
    assert any("\u3040" <= ch <= "\u30ff" for ch in proc.stderr), proc.stderr  # Japanese


@pytest.mark.parametrize("name", sorted(CASE_FILES))
def test_hostile_case_files_are_refused_with_a_message(tmp_path, name):
    file = tmp_path / "case.json"
    file.write_text(CASE_FILES[name], encoding="utf-8")
    db = tmp_path / "cases.sqlite"
    for argv in (["validate", file], ["--db", db, "case", "import", file],
                 ["export", "bulk", file, "--out", tmp_path / "out"]):
        assert_refused(run(*argv))
    assert not (tmp_path / "out").exists()


def _workbook(tmp_path):
    case = Case(id="c1", procedure="renewal", values={"name": "WANG WEI"})
    return xlsx.write_workbook([case], tmp_path / "renewal.xlsx")


def _rewrite(book, change) -> None:
    with zipfile.ZipFile(book) as archive:
        items = [(info, archive.read(info.filename)) for info in archive.infolist()]
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in items:
            archive.writestr(info.filename, change(info.filename, data))


# openpyxl writes `<sheet name="…"` with the standard library, `<sheet xmlns:r="…" name="…"`
# when lxml is installed (img2pdf brings it in): find the attribute wherever it stands.
SHEET_NAME = re.compile(r'<sheet\b[^>]*?\bname="([^"]*)"')


def _meta_member(book) -> str:
    with zipfile.ZipFile(book) as archive:
        workbook = archive.read("xl/workbook.xml").decode()
    names = SHEET_NAME.findall(workbook)
    return f"xl/worksheets/sheet{names.index(xlsx.META_SHEET) + 1}.xml"


BOMB = (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lollollollollollollollollol">'
        + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;")
                                             * 10) for i in range(1, 10))
        + b"]>\n")


def _with_doctype(doctype: bytes, entity: bytes):
    def change(name, data):
        if name != "xl/workbook.xml":
            return data
        body = data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data
        return doctype + re.sub(rb'(<sheet\b[^>]*?\bname=")', lambda m: m.group(1) + entity,
                                body, count=1)
    return change


def test_corrupt_deflate_data_is_refused(tmp_path):
    book = _workbook(tmp_path)
    data = bytearray(book.read_bytes())
    with zipfile.ZipFile(book) as archive:
        info = archive.getinfo("xl/sharedStrings.xml" if "xl/sharedStrings.xml"
                               in archive.namelist() else "xl/workbook.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for i in range(start + 2, start + min(info.compress_size, 40)):
        data[i] ^= 0x5A
    book.write_bytes(bytes(data))
    assert_refused(run("import", "bulk", book, "--out", tmp_path / "out"))


def test_a_meta_version_that_is_not_a_number_is_refused(tmp_path):
    book = _workbook(tmp_path)
    member = _meta_member(book)
    version = f"<t>{xlsx.FORMAT_VERSION}</t>".encode()
    _rewrite(book, lambda name, data: data.replace(version, b"<t>abc</t>", 1)
             if name == member else data)
    proc = run("import", "bulk", book, "--out", tmp_path / "out")
    assert_refused(proc)
    assert "abc" in proc.stderr


def test_an_entity_bomb_is_refused_fast(tmp_path):
    book = _workbook(tmp_path)
    _rewrite(book, _with_doctype(BOMB, b"&lol9;"))
    proc = run("import", "bulk", book, "--out", tmp_path / "out", timeout=30)
    assert_refused(proc)
    assert "安全でないXML" in proc.stderr


def test_an_external_entity_is_not_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CLIENT-DATA")
    book = _workbook(tmp_path)
    doctype = (b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "'
               + secret.as_uri().encode() + b'">]>\n')
    _rewrite(book, _with_doctype(doctype, b"&xxe;"))
    proc = run("import", "bulk", book, "--out", tmp_path / "out")
    assert_refused(proc)
    assert "TOP-SECRET" not in proc.stdout + proc.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_refused_not_waited_on(tmp_path):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    for argv in (["validate", fifo], ["--db", tmp_path / "c.sqlite", "case", "import", fifo],
                 ["import", "bulk", fifo, "--out", tmp_path / "out"],
                 ["import", "reference", fifo, "--procedure", "renewal", "--out",
                  tmp_path / "ref"]):
        proc = run(*argv, timeout=30)   # a hang fails here with TimeoutExpired
        assert_refused(proc)
        assert "通常のファイルではありません" in proc.stderr


def test_an_unexpected_error_prints_a_message_and_the_crash_report_not_a_traceback(tmp_path):
    """A defect (simulated: the store's listing raises ZeroDivisionError) reaches the top-level
    guard, which writes a crash report and names it."""
    data = tmp_path / "data"
    script = ("import sys\n"
              "from assistant import cli\n"
              "from assistant.model.storage import CaseStore\n"
              "def boom(self, *args, **kwargs):\n"
              "    raise ZeroDivisionError('defect')\n"
              "CaseStore.list_summaries = boom\n"
              "sys.exit(cli.main(['case', 'list']))\n")
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60, env={**os.environ, "ASSISTANT_DATA_DIR": str(data)})
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    assert "ZeroDivisionError" in proc.stderr and "予期しないエラー" in proc.stderr
    reports = list((data / "logs").glob("crash-*.txt"))
    assert len(reports) == 1 and str(reports[0]) in proc.stderr
    assert "ZeroDivisionError: defect" in reports[0].read_text()
