"""``assistant check-pdf`` / ``check-photo`` / ``prepare-pdf``: JSON shapes and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime

import pytest
from pypdf import PdfReader

from assistant.cli import main
from tests import attachments_files as files


def run_process(*args):
    """The command as a user runs it: a whole process."""
    return subprocess.run([sys.executable, "-m", "assistant", *map(str, args)],
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def run(capsys):
    """The same command through ``assistant.cli.main`` in this process (faster)."""
    def _run(*args):
        try:
            code = main([str(a) for a in args])
        except SystemExit as exc:          # argparse's own usage errors
            code = int(exc.code or 0)
        out, err = capsys.readouterr()
        return subprocess.CompletedProcess(args, code, out, err)
    return _run


def test_check_pdf_json_shape_and_exit_codes(tmp_path):
    good = files.fixture("minimal-document.pdf")
    locked = files.fixture("libreoffice-writer-password.pdf")
    run = run_process
    proc = run("check-pdf", good, "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == [{"file": str(good), "ok": True,
                                        "size_bytes": good.stat().st_size, "pages": 1,
                                        "problems": []}]
    proc = run("check-pdf", good, locked, "--json")
    assert proc.returncode == 1
    answers = json.loads(proc.stdout)
    assert answers[1]["ok"] is False and answers[1]["pages"] is None
    assert set(answers[1]["problems"][0]) == {"code", "severity", "message"}
    assert answers[1]["problems"][0]["code"] == "pdf_password"
    assert answers[1]["problems"][0]["severity"] == "error"


def test_check_pdf_warnings_alone_still_exit_zero(tmp_path, run):
    low = files.scan_pdf(tmp_path / "low.pdf", dpi=120, noise=False)
    proc = run("check-pdf", low, "--json")
    assert proc.returncode == 0
    problem = json.loads(proc.stdout)[0]["problems"][0]
    assert (problem["code"], problem["severity"]) == ("pdf_low_resolution", "warning")


def test_check_pdf_human_output_is_japanese(tmp_path):
    proc = run_process("check-pdf", files.fixture("libreoffice-writer-password.pdf"))
    assert proc.returncode == 1
    assert "パスワード" in proc.stdout and "NG" in proc.stdout


def test_profile_changes_the_size_limit(tmp_path, run):
    big = files.oversize_pdf(tmp_path / "big.pdf", 12_000_000)
    assert run("check-pdf", big, "--profile", "guide-2024").returncode == 1
    assert run("check-pdf", big, "--profile", "system-2026").returncode == 0


def test_unusable_arguments_exit_2(tmp_path, run):
    good = files.fixture("minimal-document.pdf")
    assert run("check-pdf", good, "--profile", "nope").returncode == 2
    missing = run("check-pdf", tmp_path / "missing.pdf")
    assert missing.returncode == 2 and "missing.pdf" in missing.stderr
    assert run("check-photo", good, "--apply-on", "2026-13-01").returncode == 2
    assert run("check-photo", good, "--taken-on", "yesterday").returncode == 2
    assert run("prepare-pdf", good, "--out", tmp_path / "no" / "dir" / "x.pdf").returncode == 2
    assert run("prepare-pdf", good).returncode == 2           # --out is required
    assert run("prepare-pdf", good, "--out", good).returncode == 2


def test_check_photo_json(tmp_path, run):
    photo = files.photo(tmp_path / "face.jpg", taken=datetime(2026, 6, 1))
    proc = run("check-photo", photo, "--apply-on", "2026-11-26", "--json")
    assert proc.returncode == 1
    answer = json.loads(proc.stdout)
    assert set(answer) == {"file", "ok", "width", "height", "taken_on", "problems"}
    assert (answer["width"], answer["height"], answer["taken_on"]) == (600, 800, "2026-06-01")
    assert [p["code"] for p in answer["problems"]] == ["photo_too_old"]
    proc = run("check-photo", photo, "--apply-on", "2026-11-26", "--profile", "system-2026",
               "--json")
    assert proc.returncode == 0 and json.loads(proc.stdout)["ok"] is True


def test_check_photo_uses_the_entered_date_when_exif_has_none(tmp_path, run):
    photo = files.photo(tmp_path / "face.jpg")
    proc = run("check-photo", photo, "--apply-on", "2026-11-26", "--taken-on", "2026-11-20",
               "--json")
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["taken_on"] == "2026-11-20"


def test_prepare_pdf_merges_and_reports(tmp_path, run):
    locked = files.encrypted_copy(files.fixture("pdflatex-4-pages.pdf"), tmp_path / "l.pdf",
                                  allow_print=False)
    scan = tmp_path / "scan.jpg"
    files.scan_image(210, 297, dpi=100, noise=False).save(scan, "JPEG", dpi=(100, 100))
    out = tmp_path / "case.pdf"
    proc = run("prepare-pdf", files.fixture("minimal-document.pdf"), locked, scan,
               "--out", out, "--json")
    assert proc.returncode == 0, proc.stderr
    answer = json.loads(proc.stdout)
    assert answer["ok"] is True and answer["out"] == [str(out)]
    assert [m["pages"] for m in answer["merged"]] == [1, 4, 1]
    assert [m["restrictions_removed"] for m in answer["merged"]] == [False, True, False]
    assert answer["compressed"] is None and answer["split"] is None
    assert [n["code"] for n in answer["notices"]] == ["prepare_restrictions_removed"]
    assert len(PdfReader(out).pages) == 6
    assert json.loads(run("check-pdf", out, "--json").stdout)[0]["ok"] is True


def test_prepare_pdf_exit_1_when_a_document_is_left_out(tmp_path, run):
    out = tmp_path / "case.pdf"
    proc = run("prepare-pdf", files.fixture("minimal-document.pdf"),
               files.fixture("libreoffice-writer-password.pdf"), "--out", out)
    assert proc.returncode == 1
    assert "送信用 PDF に入れていません" in proc.stdout
    assert out.exists()
