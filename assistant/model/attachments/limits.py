"""Attachment limits of a rule profile, read from ``resources/rules/attachments.json``.

Every number comes from that file together with its source; nothing here is hard-coded.
The profile ids are those of ``resources/rules/profiles.json`` (``assistant.model.rules``);
when that module is not available the ids of our own file are used and ``guide-2024`` (the
seed's strict rules) is the default.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any

from assistant.resources import load_json

FALLBACK_DEFAULT_PROFILE = "guide-2024"


class UnknownProfile(ValueError):
    """No attachment limits exist for this profile id."""


@dataclass(frozen=True)
class AttachmentLimits:
    """The attachment rules of one profile (sizes in bytes, lengths in mm)."""

    profile_id: str
    max_file_bytes: int
    max_files: int | None
    max_total_bytes: int
    total_includes_photo: bool
    photo_max_age_months: int
    min_dpi: int
    compress_steps: tuple[tuple[int, int], ...]   # (dpi, jpeg quality) tried in turn
    image_jpeg_quality: int
    image_default_dpi: int
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
        return self.max_files == 1

    def document_budget(self, photo_bytes: int = 0) -> int:
        """Bytes the documents of one sending may use (the photo counts in some profiles)."""
        budget = self.max_total_bytes - (photo_bytes if self.total_includes_photo else 0)
        return max(0, min(budget, self.max_file_bytes if self.single_file else budget))

    @property
    def photo_min_pixels(self) -> tuple[int, int]:
        """Smallest (width, height) in pixels for the photo size at the minimum resolution."""
        return (round(self.photo_width_mm / 25.4 * self.photo_min_dpi),
                round(self.photo_height_mm / 25.4 * self.photo_min_dpi))


def _data() -> dict[str, Any]:
    data: dict[str, Any] = load_json("rules", "attachments.json")
    return data


def profile_ids() -> list[str]:
    """Profile ids that have attachment limits."""
    return list(_data()["profiles"])


def default_profile_id() -> str:
    """The default profile: the rules module's default when it exists, else the seed's."""
    try:
        rules = importlib.import_module("assistant.model.rules")
    except ImportError:
        return FALLBACK_DEFAULT_PROFILE
    getter = getattr(rules, "default_profile_id", None)
    default = str(getter()) if callable(getter) else FALLBACK_DEFAULT_PROFILE
    return default if default in _data()["profiles"] else FALLBACK_DEFAULT_PROFILE


def limits_for(profile_id: str | None = None) -> AttachmentLimits:
    """Return the limits of ``profile_id`` (the default profile when None)."""
    data = _data()
    pid = profile_id or default_profile_id()
    if pid not in data["profiles"]:
        raise UnknownProfile(pid)
    profile = {k: v["value"] for k, v in data["profiles"][pid].items()}
    common = {k: v["value"] for k, v in data["common"].items()}
    usual = common["usual_page_mm"]
    steps = tuple(zip(common["compress_dpi_steps"], common["compress_jpeg_quality_steps"],
                      strict=True))
    return AttachmentLimits(
        profile_id=pid,
        max_file_bytes=int(profile["max_file_bytes"]),
        max_files=None if profile["max_files"] is None else int(profile["max_files"]),
        max_total_bytes=int(profile["max_total_bytes"]),
        total_includes_photo=bool(profile["total_includes_photo"]),
        photo_max_age_months=int(profile["photo_max_age_months"]),
        min_dpi=int(common["min_dpi"]),
        compress_steps=tuple((int(d), int(q)) for d, q in steps),
        image_jpeg_quality=int(common["image_jpeg_quality"]),
        image_default_dpi=int(common["image_default_dpi"]),
        image_dpi_range=(int(common["image_dpi_plausible_range"][0]),
                         int(common["image_dpi_plausible_range"][1])),
        fit_page_mm=(float(common["fit_page_mm"][0]), float(common["fit_page_mm"][1])),
        usual_min_short_mm=float(usual["min_short"]),
        usual_max_long_mm=float(usual["max_long"]),
        large_image_min_page_share=float(common["large_image_min_page_share"]),
        max_pages=int(common["max_pages"]),
        max_image_pixels=int(common["max_image_pixels"]),
        photo_width_mm=float(common["photo_width_mm"]),
        photo_height_mm=float(common["photo_height_mm"]),
        photo_aspect_tolerance=float(common["photo_aspect_tolerance"]),
        photo_min_dpi=int(common["photo_min_dpi"]),
        photo_max_bytes=int(common["photo_max_bytes"]),
        photo_max_pixels=int(common["photo_max_pixels"]),
        photo_output_max_px=(int(common["photo_output_max_px"][0]),
                             int(common["photo_output_max_px"][1])),
        photo_output_jpeg_quality=int(common["photo_output_jpeg_quality"]),
    )
