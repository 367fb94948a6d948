#!/usr/bin/env python3
"""Draw the application icon and write the icon set to ``resources/icons/``.

    python tools/make_icons.py [--out resources/icons]

The mark: a white document on a deep-blue rounded square, the character 在 (在留) set in
IPAex Gothic on the page, and a green check badge in the lower right ("checked and ready").
Each PNG size is drawn at 4x and reduced, so edges stay clean; below 48 px the page's text lines
and the badge's ring are left out because they turn to mush at that scale.

Writes ``assistant-<size>.png`` for 16–1024 px, ``assistant.ico`` (Windows: 16–256) and
``assistant.icns`` (macOS). The generated files are committed; run this again only when the
design changes. Needs Pillow and the IPAex Gothic font (Debian: fonts-ipaexfont-gothic).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
FONT = Path("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf")

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)

BACKGROUND = (28, 69, 135, 255)      # deep blue: calm, official
BACKGROUND_EDGE = (20, 50, 100, 255)
PAGE = (255, 255, 255, 255)
PAGE_FOLD = (205, 216, 232, 255)
INK = (28, 69, 135, 255)
LINES = (170, 186, 210, 255)
BADGE = (30, 150, 90, 255)           # green: "checked"
CHECK = (255, 255, 255, 255)

SUPERSAMPLE = 4


def draw_icon(size: int, font_path: Path = FONT) -> Image.Image:
    """Return the icon drawn for ``size`` x ``size`` pixels."""
    detailed = size >= 48
    canvas = size * SUPERSAMPLE
    unit = canvas / 64.0  # the design is laid out on a 64-unit grid

    def box(x0: float, y0: float, x1: float, y1: float) -> tuple[int, int, int, int]:
        return (round(x0 * unit), round(y0 * unit), round(x1 * unit), round(y1 * unit))

    image = Image.new("RGBA", (canvas, canvas), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)

    # Background tile with a slightly darker rim.
    margin = 2 if detailed else 0.5
    draw.rounded_rectangle(box(margin, margin, 64 - margin, 64 - margin),
                           radius=round(12 * unit), fill=BACKGROUND_EDGE)
    draw.rounded_rectangle(box(margin + 1, margin + 1, 63 - margin, 63 - margin),
                           radius=round(11 * unit), fill=BACKGROUND)

    # The document with a folded top-right corner.
    left, top, right, bottom, fold = (14, 9, 46, 55, 9) if detailed else (12, 7, 48, 57, 10)
    draw.polygon([(left * unit, top * unit), ((right - fold) * unit, top * unit),
                  (right * unit, (top + fold) * unit), (right * unit, bottom * unit),
                  (left * unit, bottom * unit)], fill=PAGE)
    draw.polygon([((right - fold) * unit, top * unit), ((right - fold) * unit, (top + fold) * unit),
                  (right * unit, (top + fold) * unit)], fill=PAGE_FOLD)

    # 在 on the page.
    glyph_size = round((22 if detailed else 30) * unit)
    font = ImageFont.truetype(str(font_path), glyph_size)
    centre_x = (left + right - (3 if detailed else 0)) / 2 * unit
    centre_y = (top + (19 if detailed else 24)) * unit
    # IPAex Gothic has one weight: a thin stroke of the same colour makes it bolder so the
    # character survives the reduction to 16-32 px.
    weight = round((0.4 if detailed else 1.2) * unit)
    draw.text((centre_x, centre_y), "在", font=font, fill=INK, anchor="mm",
              stroke_width=weight, stroke_fill=INK)

    if detailed:
        # Form lines under the character.
        for row in (37, 42, 47):
            draw.rounded_rectangle(box(left + 4, row, right - (12 if row > 37 else 4), row + 2),
                                   radius=round(unit), fill=LINES)

    # The check badge, overlapping the page's lower-right corner.
    cx, cy, radius = (46, 47, 12) if detailed else (45, 46, 14)
    if detailed:
        draw.ellipse(box(cx - radius - 1.5, cy - radius - 1.5, cx + radius + 1.5, cy + radius + 1.5),
                     fill=BACKGROUND)
    draw.ellipse(box(cx - radius, cy - radius, cx + radius, cy + radius), fill=BADGE)
    stroke = round((3.2 if detailed else 4.5) * unit)
    scale = radius / 12
    draw.line([((cx - 6 * scale) * unit, (cy + 0.5 * scale) * unit),
               ((cx - 1.5 * scale) * unit, (cy + 5 * scale) * unit),
               ((cx + 6.5 * scale) * unit, (cy - 5 * scale) * unit)],
              fill=CHECK, width=stroke, joint="curve")

    return image.resize((size, size), Image.Resampling.LANCZOS)


def write_icon_set(out: Path, font_path: Path = FONT) -> list[Path]:
    """Write every PNG size, the .ico and the .icns into ``out``; return the written paths."""
    out.mkdir(parents=True, exist_ok=True)
    images = {size: draw_icon(size, font_path) for size in PNG_SIZES}
    written = []
    for size, image in images.items():
        path = out / f"assistant-{size}.png"
        image.save(path, optimize=True)
        written.append(path)
    ico = out / "assistant.ico"
    images[256].save(ico, sizes=[(s, s) for s in ICO_SIZES],
                     append_images=[images[s] for s in ICO_SIZES if s != 256])
    written.append(ico)
    icns = out / "assistant.icns"
    images[1024].save(icns, append_images=[images[s] for s in (16, 32, 64, 128, 256, 512)])
    written.append(icns)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "icons")
    parser.add_argument("--font", type=Path, default=FONT)
    args = parser.parse_args(argv)
    if not args.font.exists():
        print(f"make_icons: font not found: {args.font} (install fonts-ipaexfont-gothic)",
              file=sys.stderr)
        return 2
    for path in write_icon_set(args.out, args.font):
        print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}"
              f"  {path.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
