"""Attachment limits of a rule profile, read from ``resources/rules/attachments.json``.

Every number comes from that file together with its source; nothing here is hard-coded.
The file follows the per-profile convention of ``resources/rules/README.md`` and is read with
:func:`assistant.model.rules.profile_data`; the profile ids are those of ``profiles.json``.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.model import rules
from assistant.model.rules import UnknownProfileError

__all__ = ["AttachmentLimits", "UnknownProfileError", "default_profile_id", "limits_for",
           "profile_ids"]


@dataclass(frozen=True)
class AttachmentLimits:
    """The attachment rules of one profile (sizes in bytes, lengths in mm)."""

    profile_id: str
    max_file_bytes: int
    max_files: int | None
    files_include_photo: bool        # the photo is one of the max_files files
    max_total_bytes: int
    total_includes_photo: bool
    photo_max_age_months: int
    min_dpi: int
    compress_steps: tuple[tuple[int, int], ...]   # (dpi, jpeg quality) tried in turn
    image_jpeg_quality: int
    image_dpi_range: tuple[int, int]
    fit_page_mm: tuple[float, float]
    usual_min_short_mm: float
    usual_max_long_mm: float
    large_image_min_page_share: float
    max_pages: int
    max_image_pixels: int
    photo_width_mm: float
    photo_height_mm: float
    photo_aspect_tolerance: float
    photo_min_dpi: int
    photo_max_bytes: int
    photo_max_pixels: int
    photo_output_max_px: tuple[int, int]
    photo_output_jpeg_quality: int

    @property
    def single_file(self) -> bool:
        return self.max_files == 1 and not self.files_include_photo

    def file_count(self, documents: int, photo: bool) -> int:
        """The files that count against ``max_files`` (the photo in some profiles)."""
        return documents + (1 if photo and self.files_include_photo else 0)

    def document_budget(self, photo_bytes: int = 0) -> int:
        """Bytes the documents of one sending may use (the photo counts in some profiles)."""
        budget = self.max_total_bytes - (photo_bytes if self.total_includes_photo else 0)
        return max(0, min(budget, self.max_file_bytes if self.single_file else budget))

    @property
    def photo_min_pixels(self) -> tuple[int, int]:
        """Smallest (width, height) in pixels for the photo size at the minimum resolution."""
        return (round(self.photo_width_mm / 25.4 * self.photo_min_dpi),
                round(self.photo_height_mm / 25.4 * self.photo_min_dpi))


def profile_ids() -> list[str]:
    """Profile ids (those of ``resources/rules/profiles.json``)."""
    return rules.profile_ids()


def default_profile_id() -> str:
    """The default rule profile."""
    return rules.default_profile_id()


def limits_for(profile_id: str | None = None) -> AttachmentLimits:
    """Return the limits of ``profile_id`` (the default profile when None).

    Raises :class:`assistant.model.rules.UnknownProfileError` for an unknown id.
    """
    pid = profile_id or default_profile_id()
    section = rules.profile_data("attachments.json", pid)
    v = {k: item["value"] for k, item in section.items() if isinstance(item, dict)}
    usual = v["usual_page_mm"]
    steps = tuple(zip(v["compress_dpi_steps"], v["compress_jpeg_quality_steps"],
                      strict=True))
    return AttachmentLimits(
        profile_id=pid,
        max_file_bytes=int(v["max_file_bytes"]),
        max_files=None if v["max_files"] is None else int(v["max_files"]),
        files_include_photo=bool(v["files_include_photo"]),
        max_total_bytes=int(v["max_total_bytes"]),
        total_includes_photo=bool(v["total_includes_photo"]),
        photo_max_age_months=int(v["photo_max_age_months"]),
        min_dpi=int(v["min_dpi"]),
        compress_steps=tuple((int(d), int(q)) for d, q in steps),
        image_jpeg_quality=int(v["image_jpeg_quality"]),
        image_dpi_range=(int(v["image_dpi_plausible_range"][0]),
                         int(v["image_dpi_plausible_range"][1])),
        fit_page_mm=(float(v["fit_page_mm"][0]), float(v["fit_page_mm"][1])),
        usual_min_short_mm=float(usual["min_short"]),
        usual_max_long_mm=float(usual["max_long"]),
        large_image_min_page_share=float(v["large_image_min_page_share"]),
        max_pages=int(v["max_pages"]),
        max_image_pixels=int(v["max_image_pixels"]),
        photo_width_mm=float(v["photo_width_mm"]),
        photo_height_mm=float(v["photo_height_mm"]),
        photo_aspect_tolerance=float(v["photo_aspect_tolerance"]),
        photo_min_dpi=int(v["photo_min_dpi"]),
        photo_max_bytes=int(v["photo_max_bytes"]),
        photo_max_pixels=int(v["photo_max_pixels"]),
        photo_output_max_px=(int(v["photo_output_max_px"][0]),
                             int(v["photo_output_max_px"][1])),
        photo_output_jpeg_quality=int(v["photo_output_jpeg_quality"]),
    )
