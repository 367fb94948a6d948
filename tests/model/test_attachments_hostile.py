"""Hostile PDFs and paths: what the online system should not get is refused or removed.

Every file is made here with pypdf (or the OS: FIFO, link loop), the way an attacker or a
broken producer would write it. ``check-pdf`` must say what is wrong; ``prepare-pdf`` must
never write a file that ``check-pdf`` then rejects.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    TextStringObject,
)

from assistant.model.attachments.pdfcheck import active_content, check_document, check_pdf
from assistant.model.attachments.prepare import SourceDocument, prepare_documents

BOUND_SECONDS = 20      # generous on a loaded 2-core machine; the work itself is ~1 s


def codes(result):
    return [p.code for p in result.problems]


def blank_pdf(pages: int) -> PdfWriter:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(595, 842)
    return writer


def written(writer: PdfWriter) -> bytes:
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def lying_count_pdf(path, real_pages: int, claimed: int):
    """``/Count`` says ``claimed`` pages; the page tree holds ``real_pages``."""
    data = written(blank_pdf(real_pages))
    old = b"/Count %d" % real_pages
    new = (b"/Count %d" % claimed).ljust(len(old))     # same length: the xref stays right
    assert data.count(old) == 1
    path.write_bytes(data.replace(old, new))
    return path


def run_cli(*args, timeout=60):
    return subprocess.run([sys.executable, "-m", "assistant", *map(str, args)],
                          capture_output=True, text=True, timeout=timeout)


# --- page count ----------------------------------------------------------------------------

def test_a_pdf_claiming_40_pages_that_holds_thousands_is_refused(tmp_path):
    path = lying_count_pdf(tmp_path / "lying.pdf", real_pages=2500, claimed=40)
    started = time.monotonic()
    result = check_pdf(path)
    assert time.monotonic() - started < BOUND_SECONDS
    assert not result.ok and codes(result) == ["pdf_too_many_pages"]
    message = result.problems[0].message_ja
    assert "2000 ページを超える" in message and "40 ページ" in message
    out = tmp_path / "out.pdf"
    report = prepare_documents([SourceDocument(str(path))], str(out))
    assert not report.ok and not out.exists()           # no 2,500-page file written
    assert [p.params["reason"] for p in report.problems if p.code == "prepare_skipped"] == [
        "pdf_too_many_pages"]


def test_a_page_count_that_disagrees_with_the_pages_is_an_error(tmp_path):
    path = lying_count_pdf(tmp_path / "lying.pdf", real_pages=60, claimed=40)
    result = check_pdf(path)
    assert codes(result) == ["pdf_page_count_mismatch"]
    assert "40 ページ" in result.problems[0].message_ja
    assert "60 ページ" in result.problems[0].message_ja


def test_cli_check_and_prepare_refuse_the_lying_page_count(tmp_path):
    path = lying_count_pdf(tmp_path / "lying.pdf", real_pages=2500, claimed=40)
    proc = run_cli("check-pdf", path, "--json")
    assert proc.returncode == 1, proc.stderr
    assert json.loads(proc.stdout)[0]["problems"][0]["code"] == "pdf_too_many_pages"
    out = tmp_path / "out.pdf"
    proc = run_cli("prepare-pdf", path, "--out", out)
    assert proc.returncode == 1 and not out.exists(), proc.stdout


def test_prepare_fails_when_what_it_wrote_does_not_pass_the_check(tmp_path):
    """Two documents each within the page limit merge into one over it: the file written is
    checked like check-pdf does, and the preparation fails with the reason."""
    half = tmp_path / "half.pdf"
    half.write_bytes(written(blank_pdf(1100)))
    out = tmp_path / "out.pdf"
    report = prepare_documents([SourceDocument(str(half), "前半"),
                                SourceDocument(str(half), "後半")], str(out))
    assert not check_pdf(out).ok                        # the file check-pdf rejects …
    assert not report.ok                                # … is not reported as fine
    rejected = [p for p in report.problems if p.code == "prepare_output_rejected"]
    assert rejected and rejected[0].params["reason"] == "pdf_too_many_pages"
    assert "確認を通りません" in rejected[0].message_ja
    proc = run_cli("prepare-pdf", half, half, "--out", tmp_path / "cli.pdf", "--json")
    assert proc.returncode == 1
    assert "prepare_output_rejected" in [p["code"] for p in json.loads(proc.stdout)["problems"]]


# --- active content ------------------------------------------------------------------------

def with_javascript(path):
    from pypdf.actions import JavaScript

    writer = blank_pdf(1)
    writer.add_open_action(JavaScript("app.alert('hello');"))     # runs on opening
    path.write_bytes(written(writer))
    return path


def with_launch_action(path):
    writer = blank_pdf(1)
    link = DictionaryObject({
        NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Link"),
        NameObject("/Rect"): ArrayObject([FloatObject(0), FloatObject(0), FloatObject(595),
                                          FloatObject(842)]),
        NameObject("/A"): DictionaryObject({
            NameObject("/S"): NameObject("/Launch"),
            NameObject("/F"): TextStringObject("C:\\Windows\\System32\\calc.exe")}),
    })
    writer.add_annotation(0, link)
    path.write_bytes(written(writer))
    return path


def with_embedded_file(path):
    writer = blank_pdf(1)
    writer.add_attachment("payload.exe", b"MZ" + bytes(2000))
    path.write_bytes(written(writer))
    return path


@pytest.mark.parametrize(("make", "code", "words"), [
    (with_javascript, "pdf_javascript", "JavaScript"),
    (with_launch_action, "pdf_launch_action", "起動する"),
    (with_embedded_file, "pdf_embedded_file", "埋め込まれて"),
])
def test_scripts_launch_actions_and_embedded_files_fail_the_check_and_prepare_removes_them(
        tmp_path, make, code, words):
    path = make(tmp_path / "active.pdf")
    result = check_pdf(path)
    assert not result.ok and codes(result) == [code]
    assert words in result.problems[0].message_ja
    assert "「送信用 PDF を作成」で取り除けます" in result.problems[0].message_ja
    assert codes(check_document(path)) == [code]        # the attachments page says it too
    out = tmp_path / "out.pdf"
    report = prepare_documents([SourceDocument(str(path))], str(out))
    assert report.ok, report.to_json()
    assert "prepare_active_content_removed" in [n.code for n in report.notices]
    assert check_pdf(out).ok and active_content(PdfReader(out)) == set()
    assert len(PdfReader(out).pages) == 1


def test_cli_check_pdf_exits_1_on_javascript(tmp_path):
    proc = run_cli("check-pdf", with_javascript(tmp_path / "js.pdf"))
    assert proc.returncode == 1
    assert "JavaScript" in proc.stdout and "pdf_javascript" in proc.stdout


# --- paths that are not regular files --------------------------------------------------------

def not_regular_paths(tmp_path):
    folder = tmp_path / "folder.pdf"
    folder.mkdir()
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    loop_a, loop_b = tmp_path / "loop-a.pdf", tmp_path / "loop-b.pdf"
    os.symlink(loop_b, loop_a)
    os.symlink(loop_a, loop_b)
    return {"フォルダ": folder, "パイプ（FIFO）": fifo, "循環しているリンク": loop_a,
            "デバイス": "/dev/null"}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_folders_devices_fifos_and_link_loops_are_not_regular_files(tmp_path):
    for what, path in not_regular_paths(tmp_path).items():
        started = time.monotonic()
        result = check_document(str(path))               # a FIFO must not wait for a writer
        assert time.monotonic() - started < BOUND_SECONDS
        assert codes(result) == ["file_unreadable"], (what, codes(result))
        message = result.problems[0].message_ja
        assert "通常のファイルではありません" in message and what in message, message
        assert "見つかりません" not in message
        assert "not a regular file" in result.problems[0].message_en
        report = prepare_documents([SourceDocument(str(path))], str(tmp_path / "out.pdf"))
        assert report.problems[0].params["reason"] == "file_unreadable"
        assert "通常のファイルではありません" in report.problems[0].message_ja


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_cli_says_not_a_regular_file_not_missing(tmp_path):
    for what, path in not_regular_paths(tmp_path).items():
        for args in (("check-pdf", path), ("prepare-pdf", path, "--out", tmp_path / "o.pdf"),
                     ("check-photo", path)):
            proc = run_cli(*args, timeout=30)            # a FIFO would hang: timeout fails
            assert proc.returncode == 2, (what, args, proc.stderr)
            assert "通常のファイルではありません" in proc.stderr and what in proc.stderr
            assert "ファイルがありません" not in proc.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_case_whose_files_became_fifos_is_checked_without_hanging(tmp_path):
    """The wizard checks a case's files (with previews for the page): a path that is now a
    FIFO must not be opened (that waits for a writer for ever)."""
    import threading
    from datetime import date

    from assistant.model.attachments.casecheck import check_attachments
    from assistant.model.attachments.limits import limits_for
    from assistant.model.case import AttachmentRef

    document, photo = tmp_path / "doc.pdf", tmp_path / "face.jpg"
    os.mkfifo(document)
    os.mkfifo(photo)
    found = []
    worker = threading.Thread(daemon=True, target=lambda: found.append(check_attachments(
        [AttachmentRef(str(document), "document"), AttachmentRef(str(photo), "photo")],
        limits_for(), date(2026, 11, 26), thumbnail_size=72)))
    worker.start()
    worker.join(BOUND_SECONDS)
    assert found, "the check hung on a FIFO"
    result = found[0]
    messages = [p.message_ja for p in result.problems]
    assert sum("通常のファイルではありません" in m for m in messages) == 2, messages
    assert result.thumbnails == {str(document): None}
