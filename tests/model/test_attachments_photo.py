"""The face photo: format, 3:4, pixels, taken date against the profile, cropping."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PIL import Image

from assistant.model.attachments.limits import limits_for
from assistant.model.attachments.photo import check_photo, crop_photo, default_crop_box
from tests import attachments_files as files

APPLY = date(2026, 11, 26)


def codes(result):
    return [p.code for p in result.problems]


def test_a_good_photo_passes_with_its_exif_date(tmp_path):
    path = files.photo(tmp_path / "p.jpg", taken=datetime(2026, 10, 1, 9, 30))
    result = check_photo(path, apply_on=APPLY)
    assert result.ok and result.problems == []
    assert (result.width, result.height) == (600, 800)
    assert result.taken_on == date(2026, 10, 1) and result.taken_on_source == "exif"


def test_age_limit_depends_on_the_profile(tmp_path):
    path = files.photo(tmp_path / "p.jpg", taken=datetime(2026, 7, 1))   # ~5 months old
    seed_rules = check_photo(path, limits_for("guide-2024"), apply_on=APPLY)
    assert codes(seed_rules) == ["photo_too_old"]
    assert "2026年8月26日（令和8年）" in seed_rules.problems[0].message_ja   # 3 months before 11-26
    assert "2026-08-26" in seed_rules.problems[0].message_en
    assert check_photo(path, limits_for("system-2026"), apply_on=APPLY).ok


def test_age_limit_boundary_clamps_to_month_end(tmp_path):
    # filing 2027-05-31: three months earlier is 2027-02-28 (docs/domain.md#date-conventions)
    ok = check_photo(files.photo(tmp_path / "a.jpg"), apply_on=date(2027, 5, 31),
                     taken_on=date(2027, 2, 28))
    old = check_photo(files.photo(tmp_path / "b.jpg"), apply_on=date(2027, 5, 31),
                      taken_on=date(2027, 2, 27))
    assert ok.ok
    assert codes(old) == ["photo_too_old"]


def test_without_exif_the_entered_date_is_used_or_asked_for(tmp_path):
    path = files.photo(tmp_path / "p.jpg")
    unknown = check_photo(path, apply_on=APPLY)
    assert unknown.ok and codes(unknown) == ["photo_date_unknown"]
    assert "撮影日を入力" in unknown.problems[0].message_ja
    entered = check_photo(path, apply_on=APPLY, taken_on=date(2026, 11, 20))
    assert entered.ok and entered.problems == []
    assert entered.taken_on_source == "entered"
    future = check_photo(path, apply_on=APPLY, taken_on=date(2026, 12, 1))
    assert codes(future) == ["photo_date_future"]


def test_exif_date_wins_over_the_entered_one(tmp_path):
    path = files.photo(tmp_path / "p.jpg", taken=datetime(2025, 1, 1))
    result = check_photo(path, apply_on=APPLY, taken_on=date(2026, 11, 1))
    assert result.taken_on == date(2025, 1, 1)
    assert codes(result) == ["photo_too_old"]


def test_shape_format_and_size_problems(tmp_path):
    png = check_photo(files.photo(tmp_path / "p.png", fmt="PNG"), apply_on=APPLY,
                      taken_on=APPLY)
    assert codes(png) == ["photo_not_jpeg"]
    wide = check_photo(files.photo(tmp_path / "w.jpg", size=(800, 600)), apply_on=APPLY,
                       taken_on=APPLY)
    assert codes(wide) == ["photo_aspect"]
    small = check_photo(files.photo(tmp_path / "s.jpg", size=(150, 200)), apply_on=APPLY,
                        taken_on=APPLY)
    assert codes(small) == ["photo_too_small"]
    assert "236 × 315" in small.problems[0].message_ja     # 3 × 4 cm at 200 dpi
    nearly = check_photo(files.photo(tmp_path / "n.jpg", size=(603, 800)), apply_on=APPLY,
                         taken_on=APPLY)
    assert nearly.ok                                        # within the small tolerance


def test_exif_orientation_is_applied_before_judging_the_shape(tmp_path):
    # stored landscape 800 × 600, EXIF says "rotate 90°": displayed as 600 × 800 portrait
    path = files.photo(tmp_path / "r.jpg", size=(800, 600), orientation=6)
    result = check_photo(path, apply_on=APPLY, taken_on=APPLY)
    assert (result.width, result.height) == (600, 800)
    assert result.ok and result.problems == []


def test_broken_and_hostile_photos(tmp_path):
    good = files.photo(tmp_path / "g.jpg", size=(900, 1200))
    cut = files.truncated_copy(good, tmp_path / "cut.jpg", keep=0.4)
    assert codes(check_photo(cut, apply_on=APPLY)) == ["photo_corrupt"]
    noise = files.write(tmp_path / "noise.jpg", bytes(range(256)) * 10)
    assert codes(check_photo(noise, apply_on=APPLY)) == ["photo_unreadable"]
    bomb = files.write(tmp_path / "bomb.png", files.png_header(60000, 60000))
    result = check_photo(bomb, apply_on=APPLY)
    assert codes(result) == ["photo_too_many_pixels"]
    assert "3,600 メガピクセル" in result.problems[0].message_ja


def test_crop_saves_a_3_by_4_jpeg_without_metadata(tmp_path):
    source = files.photo(tmp_path / "src.jpg", size=(1600, 1200),
                         taken=datetime(2026, 11, 1), gps=True)
    with Image.open(source) as original:
        assert original.getexif()                       # the source has camera data
        assert "icc_profile" in original.info
    out = tmp_path / "face.jpg"
    cropped = crop_photo(str(source), str(out), (500, 100, 600, 800))
    assert cropped.taken_on == date(2026, 11, 1)        # kept for the date check
    with Image.open(out) as saved:
        assert saved.format == "JPEG"
        assert saved.size == (600, 800)
        assert len(saved.getexif()) == 0
        assert "icc_profile" not in saved.info and "exif" not in saved.info
        assert saved.info["dpi"][0] == pytest.approx(600 / (30 / 25.4), rel=0.01)
    result = check_photo(out, apply_on=APPLY, taken_on=cropped.taken_on)
    assert result.ok and result.problems == []


def test_crop_box_is_made_3_by_4_and_outside_is_white(tmp_path):
    source = files.photo(tmp_path / "src.jpg", size=(400, 400))
    out = tmp_path / "face.jpg"
    cropped = crop_photo(str(source), str(out), (-50, 0, 300, 300))   # square, partly outside
    assert cropped.width * 4 == cropped.height * 3
    with Image.open(out) as saved:
        r, g, b = saved.convert("RGB").getpixel((2, saved.height // 2))
        assert min(r, g, b) > 240                       # left of the photo: white


def test_large_source_is_reduced_and_default_box_is_centred(tmp_path):
    box = default_crop_box(4000, 3000)
    assert box == (875.0, 0.0, 2250.0, 3000.0)
    source = files.photo(tmp_path / "big.jpg", size=(4000, 3000))
    cropped = crop_photo(str(source), str(tmp_path / "f.jpg"), box)
    assert (cropped.width, cropped.height) == (900, 1200)
