"""A corpus of broken and hostile files: each gets a clear problem, never a crash or a hang.

The issue demands a hard bound (5 s) on each check, so the elapsed time is asserted here; the
whole corpus also goes through the command line in a subprocess with a timeout, so a hang
fails the test instead of stopping the suite.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.model.attachments.pdfcheck import check_document, check_pdf
from assistant.model.attachments.photo import check_photo
from assistant.model.attachments.prepare import SourceDocument, prepare_documents
from tests import attachments_files as files

BOUND_SECONDS = 5.0


def _corpus(folder):
    """name -> (path, expected problem code)."""
    source = files.fixture("pdflatex-outline.pdf")
    catalog = b"<< /Type /Catalog /Pages 2 0 R >>"
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] %s >>"
    deep_array = b"[" * 100_000 + b"]" * 100_000
    deep_dict = b"<< /A " * 50_000 + b"1" + b" >>" * 50_000
    kids = b" ".join([b"3 0 R"] * 200_000)
    corpus = {
        "truncated": (files.truncated_copy(source, folder / "truncated.pdf"), "pdf_truncated"),
        "random": (files.write(folder / "random.pdf",
                               __import__("random").Random(5).randbytes(200_000)),
                   "pdf_not_pdf"),
        "zero": (files.write(folder / "zero.pdf", b""), "file_empty"),
        "huge-count": (files.write(folder / "count.pdf", files.raw_pdf([
            catalog, b"<< /Type /Pages /Kids [3 0 R] /Count 1000000000 >>", page % b""])),
            "pdf_too_many_pages"),
        "many-kids": (files.write(folder / "kids.pdf", files.raw_pdf([
            catalog, b"<< /Type /Pages /Kids [" + kids + b"] /Count 200000 >>", page % b""])),
            "pdf_too_complex"),
        "many-pages": (_many_pages(folder / "pages.pdf", 2500), "pdf_too_many_pages"),
        "loop": (files.write(folder / "loop.pdf", files.raw_pdf([
            catalog, b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>", page % b""])),
            "pdf_corrupt"),
        "nested-array": (files.write(folder / "nested.pdf", files.raw_pdf([
            catalog, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", page % b"/Contents 4 0 R",
            deep_array])), "pdf_corrupt"),
        "nested-dict": (files.write(folder / "nested-dict.pdf", files.raw_pdf([
            catalog, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            page % (b"/Resources " + deep_dict)])), "pdf_corrupt"),
        "bomb-image": (files.write(folder / "bomb.png", files.png_header(60000, 60000)),
                       "image_too_many_pixels"),
        "bomb-in-pdf": (files.write(folder / "bomb-in.pdf", files.png_header(60000, 60000)),
                        "image_too_many_pixels"),
    }
    return corpus


def _many_pages(path, count):
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(count):
        writer.add_blank_page(595, 842)
    with open(path, "wb") as out:
        writer.write(out)
    return path


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return _corpus(tmp_path_factory.mktemp("corpus"))


CASES = ["truncated", "random", "zero", "huge-count", "many-kids", "many-pages", "loop", "nested-array",
         "nested-dict", "bomb-image", "bomb-in-pdf"]


@pytest.mark.parametrize("case", CASES)
def test_each_broken_file_gets_a_clear_problem_quickly(corpus, case):
    path, code = corpus[case]
    started = time.monotonic()
    result = check_document(path)
    elapsed = time.monotonic() - started
    assert elapsed < BOUND_SECONDS
    assert not result.ok
    assert code in [p.code for p in result.problems]
    assert all(p.message_ja.endswith("。") for p in result.problems)


def test_prepare_skips_the_whole_corpus_quickly(corpus, tmp_path):
    started = time.monotonic()
    report = prepare_documents([SourceDocument(str(path)) for path, _ in corpus.values()],
                               str(tmp_path / "out.pdf"))
    assert time.monotonic() - started < BOUND_SECONDS * len(corpus)
    assert [p.code for p in report.problems].count("prepare_skipped") == len(corpus)
    assert report.problems[-1].code == "prepare_nothing"
    assert not (tmp_path / "out.pdf").exists()


@pytest.mark.parametrize("case, code", [
    ("bomb-image", "photo_too_many_pixels"), ("random", "photo_unreadable"),
    ("zero", "file_empty"), ("truncated", "photo_unreadable"),
])
def test_photo_check_on_the_corpus(corpus, case, code):
    path, _ = corpus[case]
    started = time.monotonic()
    result = check_photo(path, apply_on=date(2026, 11, 26))
    assert time.monotonic() - started < BOUND_SECONDS
    assert [p.code for p in result.problems] == [code]


def test_the_command_line_answers_for_the_whole_corpus_within_the_bound(corpus):
    paths = [str(path) for path, _ in corpus.values()]
    proc = subprocess.run([sys.executable, "-m", "assistant", "check-pdf", *paths, "--json"],
                          capture_output=True, text=True,
                          timeout=BOUND_SECONDS * len(paths))
    assert proc.returncode == 1, proc.stderr
    answers = json.loads(proc.stdout)
    assert [a["file"] for a in answers] == paths
    assert all(not a["ok"] and a["problems"] for a in answers)


def test_pdf_check_never_decodes_a_huge_image_inside_a_pdf_and_refuses_it(tmp_path):
    # an image XObject claiming 60000 × 60000 pixels drawn on an A4 page: refused by its
    # pixel count, read from the header (both the check and the preparation)
    image = (b"<< /Type /XObject /Subtype /Image /Width 60000 /Height 60000 /ColorSpace "
             b"/DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode /Length 8 >>\nstream\n"
             b"xxxxxxxx\nendstream")
    content = b"q 595 0 0 842 0 0 cm /Im0 Do Q"
    path = files.write(tmp_path / "claims.pdf", files.raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject "
        b"<< /Im0 4 0 R >> >> /Contents 5 0 R >>", image,
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"]))
    started = time.monotonic()
    result = check_pdf(path)
    assert time.monotonic() - started < BOUND_SECONDS
    assert result.min_dpi > 5000              # measured from the header, not decoded
    assert not result.ok
    assert [p.code for p in result.problems] == ["pdf_image_too_many_pixels"]
    assert "3,600 メガピクセル" in result.problems[0].message_ja
    out = tmp_path / "out.pdf"
    started = time.monotonic()
    import dataclasses

    from assistant.model.attachments.limits import limits_for
    tiny = dataclasses.replace(limits_for(), max_file_bytes=100, max_total_bytes=100)
    report = prepare_documents([SourceDocument(str(path))], str(out), tiny)
    assert time.monotonic() - started < BOUND_SECONDS
    assert not report.parts and not out.exists()     # not copied into the file to send
    assert [p.params["reason"] for p in report.problems if p.code == "prepare_skipped"] == [
        "pdf_image_too_many_pixels"]


_SEEDS = [files.fixture(n).read_bytes() for n in ("pdflatex-outline.pdf", "grayscale-image.pdf",
                                                  "libreoffice-writer-password.pdf")]


@settings(max_examples=60, deadline=BOUND_SECONDS * 1000,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.sampled_from(range(len(_SEEDS))),
       cut=st.floats(min_value=0.0, max_value=1.0),
       flips=st.lists(st.tuples(st.floats(min_value=0.0, max_value=0.999),
                                st.integers(min_value=0, max_value=255)), max_size=20))
def test_damaged_real_pdfs_never_crash_the_check(tmp_path, seed, cut, flips):
    data = bytearray(_SEEDS[seed])
    for where, value in flips:
        data[int(where * len(data))] = value
    data = data[: max(1, int(len(data) * cut))] if cut < 1.0 else data
    path = tmp_path / "damaged.pdf"
    path.write_bytes(bytes(data))
    result = check_document(path)                 # never raises
    assert result.size_bytes == len(data)
    for problem in result.problems:
        assert problem.message_ja and problem.severity.value in ("error", "warning")
