"""The face photo: checks (readable, JPEG, 3:4, enough pixels, taken recently) and cropping.

The photo must be 4 cm high × 3 cm wide and taken within the profile's months before the
planned filing date (seed: 3 months; the 2026 system: 6 months). The taken date comes from
EXIF, or from the office when the photo has none. :func:`crop_photo` cuts a 3:4 frame
and saves a JPEG without any metadata (no EXIF, GPS, comments or ICC profile).
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from assistant.model.attachments import sniff
from assistant.model.attachments.limits import AttachmentLimits, limits_for
from assistant.model.attachments.pdfcheck import (
    file_error,
    mb,
    not_regular_problem,
    problems_json,
)
from assistant.model.dates import add_months
from assistant.model.problems import Problem, Severity, has_errors, make_problem

EXIF_IFD = 0x8769
DATETIME_ORIGINAL = 0x9003
DATETIME_DIGITIZED = 0x9004
DATETIME = 0x0132


@dataclass
class PhotoCheck:
    """What was found about the face photo."""

    file: str
    width: int | None = None
    height: int | None = None
    taken_on: date | None = None
    taken_on_source: str | None = None     # "exif" or "entered"
    kind: str = sniff.UNKNOWN
    size_bytes: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not has_errors(self.problems)

    def to_json(self, language: str = "ja") -> dict[str, Any]:
        """The ``check-photo --json`` shape."""
        return {"file": self.file, "ok": self.ok, "width": self.width, "height": self.height,
                "taken_on": self.taken_on.isoformat() if self.taken_on else None,
                "problems": problems_json(self.problems, language)}


def exif_taken_on(img: Any) -> date | None:
    """The date the photo was taken, from EXIF (original, digitised, or file date)."""
    try:
        exif = img.getexif()
        inner = exif.get_ifd(EXIF_IFD)
        candidates = [inner.get(DATETIME_ORIGINAL), inner.get(DATETIME_DIGITIZED),
                      exif.get(DATETIME)]
    except Exception:
        return None
    for value in candidates:
        if isinstance(value, bytes):
            value = value.decode("ascii", "ignore")
        if isinstance(value, str):
            try:
                return datetime.strptime(value.strip()[:19], "%Y:%m:%d %H:%M:%S").date()
            except ValueError:
                continue
    return None


def check_photo(path: str | os.PathLike[str], limits: AttachmentLimits | None = None, *,
                apply_on: date, taken_on: date | None = None) -> PhotoCheck:
    """Check the face photo against the profile's rules for filing on ``apply_on``.

    ``taken_on`` is the date the office entered; it is used when EXIF has no date.
    """
    from assistant.model.attachments.images import ImageTooLarge, open_image, oriented_size

    limits = limits or limits_for()
    name = os.fspath(path)
    label = os.path.basename(name)
    result = PhotoCheck(file=name)
    not_regular = not_regular_problem(name)       # a FIFO would wait for ever when opened
    if not_regular is not None:
        result.problems.append(not_regular)
        return result
    try:
        result.size_bytes = os.path.getsize(name)
        result.kind = sniff.sniff_file(name)
    except OSError as exc:
        result.problems.append(file_error(name, exc))
        return result
    if result.kind == sniff.EMPTY:
        result.problems.append(make_problem(name, "file_empty", Severity.ERROR, name=label))
        return result
    if result.kind not in sniff.IMAGE_KINDS:
        result.problems.append(make_problem(name, "photo_unreadable", Severity.ERROR,
                                            name=label))
        return result
    try:
        with open_image(name, limits.photo_max_pixels) as img:
            result.width, result.height = oriented_size(img)
            exif_date = exif_taken_on(img)
            img.load()   # decode fully: finds truncated and damaged files
    except ImageTooLarge as exc:
        result.problems.append(make_problem(name, "photo_too_many_pixels", Severity.ERROR,
                                            name=label, megapixels=exc.megapixels))
        return result
    except Exception:
        code = "photo_corrupt" if result.width else "photo_unreadable"
        result.problems.append(make_problem(name, code, Severity.ERROR, name=label))
        return result
    if result.kind != sniff.JPEG:
        result.problems.append(make_problem(name, "photo_not_jpeg", Severity.ERROR, name=label,
                                            kind=sniff.KIND_LABELS[result.kind]))
    _check_shape(result, label, limits)
    if result.size_bytes > limits.photo_max_bytes:
        result.problems.append(make_problem(name, "photo_file_too_large", Severity.WARNING,
                                            size_mb=mb(result.size_bytes),
                                            limit_mb=mb(limits.photo_max_bytes)))
    if exif_date is not None:
        result.taken_on, result.taken_on_source = exif_date, "exif"
    elif taken_on is not None:
        result.taken_on, result.taken_on_source = taken_on, "entered"
    _check_date(result, limits, apply_on)
    return result


def _check_shape(result: PhotoCheck, label: str, limits: AttachmentLimits) -> None:
    assert result.width is not None and result.height is not None
    width, height = result.width, result.height
    wanted = limits.photo_width_mm / limits.photo_height_mm
    if abs(width / height - wanted) > limits.photo_aspect_tolerance * wanted:
        result.problems.append(make_problem(result.file, "photo_aspect", Severity.ERROR,
                                            width=width, height=height))
    min_width, min_height = limits.photo_min_pixels
    if width < min_width or height < min_height:
        result.problems.append(make_problem(result.file, "photo_too_small", Severity.ERROR,
                                            width=width, height=height,
                                            min_width=min_width, min_height=min_height,
                                            min_dpi=limits.photo_min_dpi))


def _check_date(result: PhotoCheck, limits: AttachmentLimits, apply_on: date) -> None:
    months = limits.photo_max_age_months
    if result.taken_on is None:
        result.problems.append(make_problem(result.file, "photo_date_unknown", Severity.WARNING,
                                            months=months))
        return
    earliest = add_months(apply_on, -months)
    if result.taken_on > apply_on:
        # (dates as the office reads them; ISO in English and in the params)
        result.problems.append(make_problem(result.file, "photo_date_future", Severity.ERROR,
                                             taken_on=result.taken_on, apply_on=apply_on))
    elif result.taken_on < earliest:
        result.problems.append(make_problem(result.file, "photo_too_old", Severity.ERROR,
                                             taken_on=result.taken_on, apply_on=apply_on,
                                             months=months, earliest=earliest))


# --- cropping ------------------------------------------------------------------------------

Box = tuple[float, float, float, float]   # left, top, width, height in pixels


def default_crop_box(width: int, height: int, aspect: float = 0.75) -> Box:
    """The largest centred box of ``aspect`` (width / height) inside the image."""
    if width / height > aspect:
        box_h = float(height)
        box_w = box_h * aspect
    else:
        box_w = float(width)
        box_h = box_w / aspect
    return ((width - box_w) / 2, (height - box_h) / 2, box_w, box_h)


@dataclass(frozen=True)
class CroppedPhoto:
    file: str
    width: int
    height: int
    size_bytes: int
    taken_on: date | None     # the source's EXIF date (the saved JPEG no longer has it)


def load_upright(path: str, limits: AttachmentLimits | None = None) -> Any:
    """The photo decoded and turned upright (EXIF orientation applied), as RGB."""
    from PIL import ImageOps

    from assistant.model.attachments.images import open_image

    limits = limits or limits_for()
    with open_image(path, limits.photo_max_pixels) as img:
        upright = ImageOps.exif_transpose(img)
        return upright.convert("RGB")


def crop_photo(source: str, out: str, box: Box, limits: AttachmentLimits | None = None,
               ) -> CroppedPhoto:
    """Cut ``box`` (pixels of the upright photo) out and save it as a metadata-free JPEG.

    The box is widened to exactly 3:4 around its centre; parts outside the photo become white; the result is at most
    ``photo_output_max_px`` and carries the DPI that makes it
    print at 3 × 4 cm.
    """
    from PIL import Image

    from assistant.model.atomic import atomic_write_bytes
    from assistant.model.attachments.images import open_image

    limits = limits or limits_for()
    with open_image(source, limits.photo_max_pixels) as img:
        taken_on = exif_taken_on(img)
    upright = load_upright(source, limits)
    left, top, width, height = box
    aspect = limits.photo_width_mm / limits.photo_height_mm
    cx, cy = left + width / 2, top + height / 2
    height = max(height, width / aspect)
    width = height * aspect
    left, top = cx - width / 2, cy - height / 2
    # A new image holding only pixels: no EXIF, GPS, ICC, XMP or comments. Parts of the
    # frame outside the photo become white (a plain background, as the standard asks).
    clean = Image.new("RGB", (max(1, round(width)), max(1, round(height))), "white")
    clean.paste(upright, (-round(left), -round(top)))
    max_w, max_h = limits.photo_output_max_px
    if clean.width > max_w or clean.height > max_h:
        clean = clean.resize((max_w, max_h), Image.Resampling.LANCZOS)
    dpi = clean.width / (limits.photo_width_mm / 25.4)
    buffer = io.BytesIO()
    clean.save(buffer, "JPEG", quality=limits.photo_output_jpeg_quality, dpi=(dpi, dpi))
    data = buffer.getvalue()
    atomic_write_bytes(out, data)
    return CroppedPhoto(out, clean.width, clean.height, len(data), taken_on)
