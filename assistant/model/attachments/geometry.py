"""Where images are drawn on a PDF page, to measure the effective resolution of scans.

The content stream is followed operator by operator (``q``/``Q``/``cm``/``Do``/inline
images, and Form XObjects up to a small depth); each image's pixel size is divided by the
size it is displayed at. Image data is never decoded here.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
MAX_FORM_DEPTH = 4
MAX_CONTENT_BYTES = 8_000_000   # content streams larger than this are not followed


@dataclass(frozen=True)
class PlacedImage:
    """An image as drawn on a page: pixels and displayed size in points (1/72 inch)."""

    name: str
    pixel_width: int
    pixel_height: int
    width_pt: float
    height_pt: float
    area_pt2: float
    idnum: int | None          # indirect object number (None for inline images)

    @property
    def dpi(self) -> float:
        """Effective resolution: the lower of the horizontal and vertical one."""
        if self.width_pt <= 0 or self.height_pt <= 0:
            return 0.0
        return min(self.pixel_width / (self.width_pt / 72.0),
                   self.pixel_height / (self.height_pt / 72.0))


def multiply(m: Matrix, n: Matrix) -> Matrix:
    """``m × n`` in PDF's row-vector convention (``cm`` sets CTM = M × CTM)."""
    return (m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3],
            m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3],
            m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5])


def _matrix(values: Any) -> Matrix | None:
    try:
        nums = [float(v) for v in values]
    except (TypeError, ValueError):
        return None
    if len(nums) != 6 or not all(math.isfinite(v) for v in nums):
        return None
    return (nums[0], nums[1], nums[2], nums[3], nums[4], nums[5])


def _placed(name: str, width: Any, height: Any, ctm: Matrix, idnum: int | None) -> PlacedImage:
    a, b, c, d = ctm[0], ctm[1], ctm[2], ctm[3]
    return PlacedImage(name=name, pixel_width=int(width), pixel_height=int(height),
                       width_pt=math.hypot(a, b), height_pt=math.hypot(c, d),
                       area_pt2=abs(a * d - b * c), idnum=idnum)


def placed_images(page: Any) -> list[PlacedImage]:
    """Images drawn on a pypdf page, with the size each is displayed at."""
    from pypdf.generic import ContentStream

    contents = page.get_contents()
    if contents is None:
        return []
    data = contents.get_data()
    if len(data) > MAX_CONTENT_BYTES:
        return []
    if not _has_xobjects(page.get("/Resources")) and not _INLINE_IMAGE.search(data):
        return []          # text and vector drawing only: nothing to measure, skip parsing
    return _walk(ContentStream(contents, page.pdf), page.get("/Resources"), IDENTITY, 0)


_INLINE_IMAGE = re.compile(rb"(?:^|\s)BI\s")


def _has_xobjects(resources: Any) -> bool:
    if resources is None:
        return False
    xobjects = resources.get_object().get("/XObject")
    return bool(xobjects is not None and len(xobjects.get_object()) > 0)


def _walk(stream: Any, resources: Any, start: Matrix, depth: int) -> list[PlacedImage]:
    from pypdf.generic import ContentStream

    found: list[PlacedImage] = []
    xobjects: Any = {}
    if resources is not None:
        resources = resources.get_object()
        found_xobjects = resources.get("/XObject")
        xobjects = found_xobjects.get_object() if found_xobjects is not None else {}
    ctm = start
    stack: list[Matrix] = []
    for operands, operator in stream.operations:
        if operator == b"q":
            stack.append(ctm)
        elif operator == b"Q":
            ctm = stack.pop() if stack else start
        elif operator == b"cm":
            m = _matrix(operands)
            if m is not None:
                ctm = multiply(m, ctm)
        elif operator == b"INLINE IMAGE":
            settings = operands.get("settings", {})
            width = settings.get("/W", settings.get("/Width"))
            height = settings.get("/H", settings.get("/Height"))
            if width is not None and height is not None:
                found.append(_placed("inline", width, height, ctm, None))
        elif operator == b"Do" and operands:
            name = str(operands[0])
            ref = xobjects.get(name) if hasattr(xobjects, "get") else None
            if ref is None:
                continue
            idnum = getattr(ref, "idnum", None)
            xobj = ref.get_object()
            subtype = xobj.get("/Subtype")
            if subtype == "/Image" and "/Width" in xobj and "/Height" in xobj:
                if xobj.get("/ImageMask") is True:
                    continue
                found.append(_placed(name, xobj["/Width"], xobj["/Height"], ctm, idnum))
            elif subtype == "/Form" and depth < MAX_FORM_DEPTH:
                form_matrix = _matrix(xobj.get("/Matrix", IDENTITY)) or IDENTITY
                inner = ContentStream(xobj, xobj.indirect_reference.pdf
                                      if xobj.indirect_reference else None)
                found.extend(_walk(inner, xobj.get("/Resources", resources),
                                   multiply(form_matrix, ctm), depth + 1))
    return found
