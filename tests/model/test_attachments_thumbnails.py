"""Previews for the attachment list: the scan of a scanned PDF, the image itself, else none."""

from __future__ import annotations

import io

from PIL import Image

from assistant.model.attachments.thumbnails import thumbnail_png
from tests import attachments_files as files


def png_size(data):
    with Image.open(io.BytesIO(data)) as img:
        assert img.format == "PNG"
        return img.size


def test_scanned_pdf_shows_its_first_page(tmp_path):
    scan = files.scan_pdf(tmp_path / "scan.pdf", dpi=100, noise=False)
    width, height = png_size(thumbnail_png(scan, 96))
    assert height == 96 and 66 <= width <= 69          # A4 proportions


def test_real_grayscale_fixture_and_images(tmp_path):
    assert png_size(thumbnail_png(files.fixture("grayscale-image.pdf"), 64))[1] == 64
    import pillow_heif

    pillow_heif.register_heif_opener()
    heic = tmp_path / "page.heic"
    files.scan_image(210, 297, dpi=60, noise=False).save(heic, quality=70)
    assert max(png_size(thumbnail_png(heic, 80))) == 80


def test_no_preview_for_text_pdfs_broken_files_and_bombs(tmp_path):
    assert thumbnail_png(files.fixture("pdflatex-outline.pdf")) is None
    assert thumbnail_png(files.fixture("libreoffice-writer-password.pdf")) is None
    bomb = files.write(tmp_path / "bomb.png", files.png_header(60000, 60000))
    assert thumbnail_png(bomb) is None
    assert thumbnail_png(files.write(tmp_path / "x.pdf", b"%PDF-1.4 garbage")) is None
