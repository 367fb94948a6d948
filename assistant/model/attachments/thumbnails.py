"""Small previews of documents for the attachment list (PNG bytes; no Qt here).

A scanned PDF's first page is usually one large image: that image is the preview. An image
document is its own preview. Anything else (a text PDF) has none, and the UI shows a page
icon — rendering PDF text needs a PDF renderer that PySide6-Essentials does not include.
"""

from __future__ import annotations

import io
import os

from assistant.model.attachments import sniff
from assistant.model.attachments.limits import AttachmentLimits, limits_for


def thumbnail_png(path: str | os.PathLike[str], size: int = 96,
                  limits: AttachmentLimits | None = None) -> bytes | None:
    """A PNG of at most ``size`` × ``size`` pixels, or None when there is no cheap preview."""
    from assistant.model.attachments.pdfcheck import regular_file_kind

    limits = limits or limits_for()
    if regular_file_kind(os.fspath(path)) is not None:
        return None                # a folder, device or FIFO (never opened) has no preview
    try:
        kind = sniff.sniff_file(path)
        if kind in sniff.IMAGE_KINDS:
            return _image_thumbnail(os.fspath(path), size, limits)
        if kind == sniff.PDF:
            return _pdf_thumbnail(os.fspath(path), size, limits)
    except Exception:  # a preview is optional: a broken file simply has none
        return None
    return None


def _png(img: object, size: int) -> bytes:
    from PIL import Image

    assert isinstance(img, Image.Image)
    img = img.convert("RGB")
    img.thumbnail((size, size))
    buffer = io.BytesIO()
    img.save(buffer, "PNG")
    return buffer.getvalue()


def _image_thumbnail(path: str, size: int, limits: AttachmentLimits) -> bytes:
    from PIL import ImageOps

    from assistant.model.attachments.images import open_image

    with open_image(path, limits.max_image_pixels) as img:
        img.draft("RGB", (size * 2, size * 2))     # JPEG: decode at a reduced scale
        return _png(ImageOps.exif_transpose(img), size)


def _pdf_thumbnail(path: str, size: int, limits: AttachmentLimits) -> bytes | None:
    from PIL import Image

    from assistant.model.attachments.geometry import placed_images
    from assistant.model.attachments.pdfcheck import open_reader

    reader = open_reader(path)
    if reader.is_encrypted and not _try_unlock(reader):
        return None
    page = reader.pages[0]
    area = abs(float(page.mediabox.width) * float(page.mediabox.height))
    scans = [img for img in placed_images(page)
             if img.idnum is not None and area and img.area_pt2 >= 0.5 * area
             and img.pixel_width * img.pixel_height <= limits.max_image_pixels]
    if not scans:
        return None
    xobj = page["/Resources"]["/XObject"][scans[0].name].get_object()
    if str(xobj.get("/Filter")) == "/DCTDecode":
        img = Image.open(io.BytesIO(xobj.get_data()))
        img.draft("RGB", (size * 2, size * 2))
    else:
        img = page.images[scans[0].name].image
    return _png(img, size)


def _try_unlock(reader: object) -> bool:
    from assistant.model.attachments.pdfcheck import unlock

    return unlock(reader)
