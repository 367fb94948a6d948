"""PDF checks on real-world PDFs and generated problem files."""

from __future__ import annotations

import shutil

import pytest

from assistant.model.attachments.limits import limits_for
from assistant.model.attachments.pdfcheck import check_document, check_pdf, check_set
from assistant.model.problems import Severity
from assistant.model.progress import Cancelled
from tests import attachments_files as files


def codes(result):
    return [p.code for p in result.problems]


@pytest.mark.parametrize("name, pages", [
    ("minimal-document.pdf", 1), ("002-trivial-libre-office-writer.pdf", 1),
    ("pdflatex-image.pdf", 1), ("pdflatex-4-pages.pdf", 4), ("pdflatex-outline.pdf", 4),
    ("google-doc-document.pdf", 1), ("crazyones-pdfa.pdf", 1),
])
def test_real_world_pdfs_are_accepted(name, pages):
    result = check_pdf(files.fixture(name))
    assert result.ok, result.problems
    assert result.problems == []
    assert result.pages == pages
    assert result.size_bytes == files.fixture(name).stat().st_size


def test_password_to_open_is_an_error_that_says_to_remove_it():
    result = check_pdf(files.fixture("libreoffice-writer-password.pdf"))
    assert not result.ok
    assert codes(result) == ["pdf_password"]
    assert result.needs_password and result.pages is None
    assert "パスワード" in result.problems[0].message_ja


@pytest.mark.parametrize("allow_print, allow_copy, code", [
    (False, True, "pdf_no_print"), (True, False, "pdf_no_copy"),
    (False, False, "pdf_no_print_copy"), (True, True, "pdf_encrypted"),
])
def test_owner_restrictions_are_errors_the_preparation_removes(tmp_path, allow_print,
                                                               allow_copy, code):
    path = files.encrypted_copy(files.fixture("pdflatex-4-pages.pdf"), tmp_path / "r.pdf",
                                allow_print=allow_print, allow_copy=allow_copy)
    result = check_pdf(path)
    assert codes(result) == [code]
    assert result.problems[0].severity is Severity.ERROR
    assert result.pages == 4          # opened with the empty user password
    assert "送信用 PDF を作成" in result.problems[0].message_ja


def test_renamed_image_and_office_file_and_random_bytes(tmp_path):
    jpeg = files.write(tmp_path / "scan.pdf", files.jpeg_bytes(files.scan_image(dpi=30)))
    docx = files.write(tmp_path / "letter.pdf", b"PK\x03\x04" + bytes(200))
    noise = files.write(tmp_path / "noise.pdf", bytes(range(256)) * 40)
    assert codes(check_pdf(jpeg)) == ["pdf_is_image"]
    assert "JPEG" in check_pdf(jpeg).problems[0].message_ja
    assert codes(check_pdf(docx)) == ["pdf_is_office"]
    assert "Word" in check_pdf(docx).problems[0].message_ja
    assert codes(check_pdf(noise)) == ["pdf_not_pdf"]
    # the document list accepts the scan: it becomes a PDF page when preparing
    assert check_document(jpeg).ok


def test_truncated_pdf_is_reported_as_cut_off(tmp_path):
    path = files.truncated_copy(files.fixture("pdflatex-outline.pdf"), tmp_path / "t.pdf")
    result = check_pdf(path)
    assert codes(result) == ["pdf_truncated"]
    assert "途中で切れて" in result.problems[0].message_ja


def test_scan_resolution_is_measured_from_pixels_and_displayed_size(tmp_path):
    low = check_pdf(files.scan_pdf(tmp_path / "low.pdf", dpi=150, noise=False))
    good = check_pdf(files.scan_pdf(tmp_path / "good.pdf", dpi=300, noise=False))
    assert good.ok and good.problems == []
    assert good.min_dpi == pytest.approx(300, abs=1)
    assert low.ok                                   # a warning, not an error
    assert codes(low) == ["pdf_low_resolution"]
    assert low.problems[0].severity is Severity.WARNING
    assert low.min_dpi == pytest.approx(150, abs=1)
    assert "150 dpi" in low.problems[0].message_ja and "200 dpi" in low.problems[0].message_ja


def test_real_grayscale_image_fixture_is_low_resolution_and_small(tmp_path):
    result = check_pdf(files.fixture("grayscale-image.pdf"))
    assert result.ok
    assert codes(result) == ["pdf_low_resolution", "pdf_unusual_page_size"]
    assert round(result.min_dpi) == 96


def test_unusual_page_size_is_a_warning(tmp_path):
    huge = files.write(tmp_path / "poster.pdf", files.one_page_pdf(2834, 2834))  # 1 m square
    result = check_pdf(huge)
    assert result.ok
    assert codes(result) == ["pdf_unusual_page_size"]
    assert "1000 × 1000 mm" in result.problems[0].message_ja


def test_size_against_the_profile(tmp_path):
    path = files.oversize_pdf(tmp_path / "big.pdf", 10_200_000)
    seed_rules = check_pdf(path, limits_for("guide-2024"))
    assert codes(seed_rules) == ["pdf_too_large_single"]
    assert "10.0 MB" in seed_rules.problems[0].message_ja
    assert "参考様式9" in seed_rules.problems[0].message_ja
    assert check_pdf(path, limits_for("system-2026")).ok


def test_the_set_counts_files_and_the_total_with_the_photo(tmp_path):
    a = check_pdf(files.fixture("minimal-document.pdf"))
    b = check_pdf(files.fixture("pdflatex-4-pages.pdf"))
    assert [p.code for p in check_set([a, b], limits_for("guide-2024"))] == [
        "attachments_too_many_files"]
    assert check_set([a, b], limits_for("system-2026")) == []
    assert [p.code for p in check_set([a], limits_for("system-2026"),
                                      photo_bytes=25_000_000)] == ["attachments_total_too_large"]
    assert check_set([a], limits_for("guide-2024"), photo_bytes=25_000_000) == []


def test_progress_is_reported_and_cancel_stops(tmp_path):
    path = tmp_path / "four.pdf"
    shutil.copy(files.fixture("pdflatex-4-pages.pdf"), path)
    seen = []
    check_pdf(path, progress=lambda done, total, _msg: seen.append((done, total)))
    assert seen[0] == (0, 4) and seen[-1] == (4, 4)
    with pytest.raises(Cancelled):
        check_pdf(path, cancelled=lambda: True)


def test_missing_file_is_a_problem_not_an_exception(tmp_path):
    result = check_pdf(tmp_path / "gone.pdf")
    assert codes(result) == ["file_missing"]
    assert "「gone.pdf」が見つかりません" in result.problems[0].message_ja
    assert str(tmp_path) in result.problems[0].message_ja


def test_a_folder_instead_of_a_file_is_unreadable_not_missing(tmp_path):
    (tmp_path / "folder.pdf").mkdir()
    assert codes(check_pdf(tmp_path / "folder.pdf")) == ["file_unreadable"]


def test_inline_image_scan_is_measured_and_text_pages_are_not(tmp_path):
    pixels = bytes(60 * 80)
    content = (b"q 595 0 0 842 0 0 cm BI /W 60 /H 80 /CS /G /BPC 8 ID " + pixels
               + b" EI Q")
    path = files.write(tmp_path / "inline.pdf", files.raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"]))
    result = check_pdf(path)
    assert codes(result) == ["pdf_low_resolution"]
    assert round(result.min_dpi) == 7            # 60 px across 8.26 in
    assert check_pdf(files.fixture("pdflatex-4-pages.pdf")).min_dpi is None   # text only


def test_system_2026_allows_20_files_with_the_photo_counted(tmp_path):
    """The page: 「合計20ファイル、顔写真含め25MBまで添付できます。」"""
    doc = check_pdf(files.fixture("minimal-document.pdf"))
    system = limits_for("system-2026")
    assert system.max_files == 20 and system.files_include_photo
    assert check_set([doc] * 20, system) == []
    assert check_set([doc] * 19, system, photo=True) == []
    over = check_set([doc] * 20, system, photo=True)
    assert [p.code for p in over] == ["attachments_too_many_files"]
    assert "資料と顔写真を合わせて 20 ファイルまで" in over[0].message_ja
    assert "（現在 21 ファイル）" in over[0].message_ja
    assert "20 files" in over[0].message_en
    # the guide's one file is the documents' PDF: the photo never counts against it
    seed = limits_for("guide-2024")
    assert seed.single_file and check_set([doc], seed, photo=True) == []


def test_the_profiles_describe_their_limits_and_promise_no_csv_draft():
    from assistant.model import rules

    system = rules.get_profile("system-2026")
    assert "20 ファイル" in system.description_ja and "25 MB" in system.description_ja
    assert "20 files" in system.description_en
    for profile_id in rules.profile_ids():
        profile = rules.get_profile(profile_id)
        assert profile.description_ja and profile.description_en
        # The page's 「入力中のデータを保存する」 is readable only by that screen: no draft
        # file, CSV or otherwise, is promised.
        for word in ("CSV", "下書き", "一時保存", "入力中のデータ"):
            assert word not in profile.description_ja
        for word in ("csv", "draft", "save"):
            assert word not in profile.description_en.lower()
