"""Building the PDF to send: merge, outline, real-size images, restrictions, compress, split."""

from __future__ import annotations

import dataclasses

import pytest
from PIL import Image
from pypdf import PdfReader

from assistant.model.attachments.limits import limits_for
from assistant.model.attachments.pdfcheck import check_pdf
from assistant.model.attachments.prepare import SourceDocument, prepare_documents
from assistant.model.progress import Cancelled
from tests import attachments_files as files

MM_PER_PT = 25.4 / 72


def outline_titles(path):
    return [item.title for item in PdfReader(path).outline if not isinstance(item, list)]


def page_mm(page):
    return (round(float(page.mediabox.width) * MM_PER_PT),
            round(float(page.mediabox.height) * MM_PER_PT))


def small_budget(budget, profile="guide-2024"):
    return dataclasses.replace(limits_for(profile), max_file_bytes=budget,
                               max_total_bytes=budget)


def test_merges_in_order_with_one_outline_entry_per_document(tmp_path):
    out = tmp_path / "case.pdf"
    sources = [SourceDocument(str(files.fixture("pdflatex-4-pages.pdf")), "在職証明書"),
               SourceDocument(str(files.fixture("minimal-document.pdf")), "住民票"),
               SourceDocument(str(files.fixture("pdflatex-outline.pdf")))]
    report = prepare_documents(sources, str(out))
    assert report.ok and not report.split and report.size_after is None
    reader = PdfReader(out)
    assert len(reader.pages) == 4 + 1 + 4
    assert outline_titles(out) == ["在職証明書", "住民票", "pdflatex-outline"]
    starts = [reader.get_destination_page_number(item) for item in reader.outline
              if not isinstance(item, list)]
    assert starts == [0, 4, 5]
    assert [p.file for p in report.parts] == [str(out)]
    assert check_pdf(out).ok


def test_images_are_placed_at_their_real_size(tmp_path):
    a5 = files.scan_image(148, 210, dpi=200, noise=False)
    jpeg = tmp_path / "a5.jpg"
    a5.save(jpeg, "JPEG", dpi=(200, 200), quality=90)
    tiff = tmp_path / "receipt.tiff"
    files.scan_image(80, 150, dpi=300, noise=False).save(tiff, "TIFF", dpi=(300, 300))
    png = tmp_path / "phone.png"     # 72 dpi metadata, as phones write: treated as missing
    files.scan_image(210, 297, dpi=150, noise=False).save(png, "PNG", dpi=(72, 72))
    import pillow_heif

    pillow_heif.register_heif_opener()
    heic = tmp_path / "phone.heic"
    files.scan_image(297, 210, dpi=100, noise=False).save(heic, quality=80)
    out = tmp_path / "out.pdf"
    report = prepare_documents([SourceDocument(str(p)) for p in (jpeg, tiff, png, heic)],
                               str(out))
    assert report.ok, report.problems
    assert [m.kind for m in report.merged] == ["jpeg", "tiff", "png", "heic"]
    pages = PdfReader(out).pages
    assert page_mm(pages[0]) == (148, 210)          # from its 200 dpi
    assert page_mm(pages[1]) == (80, 150)           # from its 300 dpi
    assert page_mm(pages[2]) == (210, 297)          # no usable dpi: fitted into A4
    assert page_mm(pages[3]) == (297, 210)          # landscape photo of a page: A4 landscape
    # the JPEG is embedded as it was (no re-encoding)
    xobj = pages[0]["/Resources"]["/XObject"]["/Im0"].get_object()
    assert xobj.get_data() == jpeg.read_bytes()


def test_multipage_tiff_becomes_several_pages(tmp_path):
    frames = [files.scan_image(210, 297, dpi=100, seed=i, noise=False) for i in range(3)]
    tiff = tmp_path / "scan.tiff"
    frames[0].save(tiff, "TIFF", dpi=(100, 100), save_all=True, append_images=frames[1:])
    out = tmp_path / "out.pdf"
    report = prepare_documents([SourceDocument(str(tiff), "通帳")], str(out))
    assert report.merged[0].pages == 3
    assert len(PdfReader(out).pages) == 3


def test_exif_rotated_photo_of_a_page_is_upright(tmp_path):
    img = files.scan_image(297, 210, dpi=100, noise=False)   # stored landscape
    exif = Image.Exif()
    exif[0x0112] = 6                                        # "rotate 90° to display"
    path = tmp_path / "rotated.jpg"
    img.save(path, "JPEG", exif=exif)
    out = tmp_path / "out.pdf"
    prepare_documents([SourceDocument(str(path))], str(out))
    width, height = page_mm(PdfReader(out).pages[0])
    assert height > width                                   # shown portrait, as displayed


def test_owner_restrictions_are_removed_and_reported(tmp_path):
    restricted = files.encrypted_copy(files.fixture("pdflatex-4-pages.pdf"),
                                      tmp_path / "locked.pdf", allow_print=False,
                                      allow_copy=False)
    out = tmp_path / "out.pdf"
    report = prepare_documents([SourceDocument(str(restricted), "課税証明書")], str(out))
    assert report.ok
    assert report.merged[0].restrictions_removed
    assert [n.code for n in report.notices] == ["prepare_restrictions_removed"]
    assert "locked.pdf" in report.notices[0].message_ja
    reader = PdfReader(out)
    assert not reader.is_encrypted
    assert check_pdf(out).ok


def test_documents_that_cannot_be_used_are_listed_and_the_rest_is_merged(tmp_path):
    broken = files.truncated_copy(files.fixture("pdflatex-outline.pdf"), tmp_path / "b.pdf",
                                  keep=0.1)
    word = files.write(tmp_path / "letter.docx", b"PK\x03\x04" + bytes(100))
    out = tmp_path / "out.pdf"
    report = prepare_documents(
        [SourceDocument(str(files.fixture("libreoffice-writer-password.pdf"))),
         SourceDocument(str(files.fixture("minimal-document.pdf"))),
         SourceDocument(str(broken)), SourceDocument(str(word))], str(out))
    assert not report.ok
    assert [p.params["reason"] for p in report.problems] == ["pdf_password", "pdf_truncated",
                                                             "pdf_is_office"]
    assert all("送信用 PDF に入れていません" in p.message_ja for p in report.problems)
    assert len(PdfReader(out).pages) == 1


def test_over_the_limit_images_are_downsampled_and_sizes_reported(tmp_path):
    scan = files.scan_pdf(tmp_path / "scan.pdf", pages=2, dpi=300, quality=95)
    before = scan.stat().st_size
    budget = before // 3
    out = tmp_path / "out.pdf"
    report = prepare_documents([SourceDocument(str(scan), "預金通帳")], str(out),
                               small_budget(budget))
    assert report.ok and not report.split
    assert report.size_before >= before * 0.95
    assert report.size_after == out.stat().st_size <= budget
    dpi, _quality = report.compression
    assert 200 <= dpi <= 300
    notice = next(n for n in report.notices if n.code == "prepare_compressed")
    assert f"{report.size_before / 1e6:.1f} MB" in notice.message_ja
    assert f"{report.size_after / 1e6:.1f} MB" in notice.message_ja
    checked = check_pdf(out, small_budget(budget))
    assert checked.ok and checked.problems == []     # still >= 200 dpi, no warning
    assert checked.min_dpi >= 200
    assert len(PdfReader(out).pages) == 2


def test_when_even_compression_cannot_fit_the_pdf_is_split_with_form_9(tmp_path):
    scan = files.scan_pdf(tmp_path / "scan.pdf", pages=3, dpi=200, quality=70)
    out = tmp_path / "case.pdf"
    sources = [SourceDocument(str(scan), "預金通帳"),
               SourceDocument(str(files.fixture("pdflatex-4-pages.pdf")), "在職証明書")]
    one_page = 1_300_000
    limits = small_budget(one_page)
    report = prepare_documents(sources, str(out), limits)
    assert report.split, report.to_json()
    assert report.parts[0].file == str(out)
    assert all(p.size_bytes <= one_page for p in report.parts)
    assert sum(len(PdfReader(p.file).pages) for p in report.parts) == 7
    notice = next(n for n in report.notices if n.code == "prepare_split")
    assert "参考様式9" in notice.message_ja and "資料添付に関する申告書" in notice.message_ja
    assert "在職証明書" in report.send_later
    assert "在職証明書" in notice.message_ja
    assert outline_titles(report.parts[-1].file)[-1] == "在職証明書"


def test_cancel_leaves_no_output(tmp_path):
    out = tmp_path / "out.pdf"
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 1

    with pytest.raises(Cancelled):
        prepare_documents([SourceDocument(str(files.fixture("minimal-document.pdf"))),
                           SourceDocument(str(files.fixture("pdflatex-4-pages.pdf")))],
                          str(out), cancelled=cancelled)
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.suffix in (".pdf", ".tmp")] == []


def test_system_2026_counts_the_photo_in_the_budget():
    limits = limits_for("system-2026")
    assert limits.document_budget(photo_bytes=1_000_000) == 24_000_000
    assert limits_for("guide-2024").document_budget(photo_bytes=1_000_000) == 10_000_000


def test_nothing_usable_is_an_error(tmp_path):
    out = tmp_path / "out.pdf"
    report = prepare_documents([SourceDocument(str(files.write(tmp_path / "e.pdf", b"")))],
                               str(out))
    assert [p.code for p in report.problems] == ["prepare_skipped", "prepare_nothing"]
    assert not out.exists()


@pytest.mark.slow
def test_a_12_mb_scan_fits_the_real_10_mb_limit(tmp_path):
    scan = files.scan_pdf(tmp_path / "scan.pdf", pages=3, dpi=300, quality=95)
    assert scan.stat().st_size > 10_000_000
    out = tmp_path / "out.pdf"
    report = prepare_documents([SourceDocument(str(scan))], str(out), limits_for("guide-2024"),
                               progress=lambda *_: None)
    assert report.ok and not report.split
    assert out.stat().st_size <= 10_000_000
    assert check_pdf(out).ok


