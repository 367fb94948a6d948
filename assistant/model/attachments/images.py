"""Opening images safely (decompression-bomb guard, HEIC) and their size on paper."""

from __future__ import annotations

import contextlib
import os
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.model.attachments.limits import AttachmentLimits

if TYPE_CHECKING:
    from PIL import Image as PILImage

_heif_registered = False


class ImageTooLarge(Exception):
    """The image header claims more pixels than we are willing to decode."""

    def __init__(self, pixels: int) -> None:
        super().__init__(f"{pixels} pixels")
        self.pixels = pixels

    @property
    def megapixels(self) -> str:
        return f"{self.pixels / 1_000_000:,.0f}" if self.pixels else "?"


def _register_heif() -> None:
    global _heif_registered
    if not _heif_registered:
        try:
            import pillow_heif

            pillow_heif.register_heif_opener()
        except ImportError:  # HEIC then reads as "not an image"
            pass
        _heif_registered = True


@contextlib.contextmanager
def open_image(path: str | os.PathLike[str], max_pixels: int) -> Iterator[PILImage.Image]:
    """Open an image lazily; raise :class:`ImageTooLarge` before decoding a bomb.

    Only the header has been read when this yields; ``img.load()`` decodes.
    """
    from PIL import Image

    _register_heif()
    with warnings.catch_warnings():
        # Pillow's own guard (Image.MAX_IMAGE_PIXELS) warns or raises at open; our limit is
        # checked right after, from the header only.
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            img = Image.open(path)
        except Image.DecompressionBombError as exc:
            # Pillow's own hard limit (2 × MAX_IMAGE_PIXELS) stops it before we see the size.
            found = re.search(r"\((\d+) pixels\)", str(exc))
            raise ImageTooLarge(int(found[1]) if found else 0) from exc
    try:
        width, height = img.size
        if width * height > max_pixels or width <= 0 or height <= 0:
            raise ImageTooLarge(width * height)
        yield img
    finally:
        img.close()


def oriented_size(img: PILImage.Image) -> tuple[int, int]:
    """Pixel size as displayed, after the EXIF orientation is applied."""
    orientation = 1
    with contextlib.suppress(Exception):
        orientation = int(img.getexif().get(0x0112, 1))
    width, height = img.size
    return (height, width) if orientation in (5, 6, 7, 8) else (width, height)


@dataclass(frozen=True)
class Placement:
    """Where a scanned image goes on paper: page size in points and effective dpi."""

    width_pt: float
    height_pt: float
    dpi: float
    from_metadata: bool   # True when the image's own DPI gave its real size


def metadata_dpi(img: PILImage.Image, limits: AttachmentLimits) -> float | None:
    """The image's DPI when present and plausible (phones often write 72)."""
    dpi = img.info.get("dpi")
    try:
        x = float(dpi[0]) if dpi else 0.0
        y = float(dpi[1]) if dpi else 0.0
    except (TypeError, ValueError, IndexError):
        return None
    low, high = limits.image_dpi_range
    if low <= x <= high and low <= y <= high:
        return min(x, y)
    return None


def placement(img: PILImage.Image, limits: AttachmentLimits) -> Placement:
    """Page size for an image: its real size from DPI metadata, else fitted to A4.

    An image without a usable DPI (phones write 72) is most likely a photo of a page, so it
    fills an A4 page in its own orientation; its effective dpi follows from that.
    """
    width_px, height_px = oriented_size(img)
    dpi = metadata_dpi(img, limits)
    if dpi is not None:
        return Placement(width_pt=width_px / dpi * 72, height_pt=height_px / dpi * 72,
                         dpi=dpi, from_metadata=True)
    fit_w_mm, fit_h_mm = limits.fit_page_mm
    if width_px > height_px:
        fit_w_mm, fit_h_mm = fit_h_mm, fit_w_mm
    scale_mm = min(fit_w_mm / width_px, fit_h_mm / height_px)     # mm per pixel
    return Placement(width_pt=width_px * scale_mm / 25.4 * 72,
                     height_pt=height_px * scale_mm / 25.4 * 72,
                     dpi=25.4 / scale_mm, from_metadata=False)
