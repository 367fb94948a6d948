"""Real files for the attachment tests, made on the fly (PDFs, scans, photos, broken files).

The real-world PDFs are in ``tests/fixtures/attachments`` (CC-BY-SA-4.0, see the README there).
"""

from __future__ import annotations

import io
import random
import struct
import zlib
from datetime import datetime
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "attachments"


def fixture(name: str) -> Path:
    return FIXTURES / name


def scan_image(width_mm: float = 210, height_mm: float = 297, dpi: int = 300, seed: int = 0,
               noise: bool = True, mode: str = "RGB"):
    """A page that looks like a scanned printed document (text-like bars, paper noise)."""
    from PIL import Image, ImageDraw

    width, height = round(width_mm / 25.4 * dpi), round(height_mm / 25.4 * dpi)
    rnd = random.Random(seed)
    img = Image.new("RGB", (width, height), (250, 248, 240))
    draw = ImageDraw.Draw(img)
    step = max(6, dpi // 10)
    for y in range(int(height * 0.06), int(height * 0.94), step):
        x = int(width * 0.08)
        while x < width * 0.9:
            word = rnd.randint(max(2, dpi // 20), max(3, dpi // 4))
            shade = rnd.randint(0, 60)
            draw.rectangle([x, y, x + word, y + max(1, dpi // 20)], fill=(shade, shade, shade))
            x += word + max(2, dpi // 30)
    if noise:
        grain = Image.effect_noise((width, height), 40).convert("RGB")
        img = Image.blend(img, grain, 0.12)
    return img.convert(mode)


def scan_pdf(path: Path, pages: int = 1, dpi: int = 300, quality: int = 92,
             width_mm: float = 210, height_mm: float = 297, noise: bool = True) -> Path:
    """A PDF of scanned pages at exactly ``dpi`` (Pillow places the JPEG at that resolution)."""
    images = [scan_image(width_mm, height_mm, dpi, seed=i, noise=noise) for i in range(pages)]
    images[0].save(path, "PDF", resolution=dpi, quality=quality, save_all=True,
                   append_images=images[1:])
    return path


def encrypted_copy(source: Path, path: Path, *, allow_print: bool = True,
                   allow_copy: bool = True, user_password: str = "") -> Path:
    """``source`` encrypted with an owner password and the given permissions (AES-256)."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.constants import UserAccessPermissions as Perm

    writer = PdfWriter(clone_from=PdfReader(source))
    permissions = Perm.all()
    if not allow_print:
        permissions &= ~(Perm.PRINT | Perm.PRINT_TO_REPRESENTATION)
    if not allow_copy:
        permissions &= ~Perm.EXTRACT
    writer.encrypt(user_password=user_password, owner_password="owner-secret",
                   permissions_flag=permissions, algorithm="AES-256")
    with open(path, "wb") as out:
        writer.write(out)
    return path


def raw_pdf(objects: list[bytes], root: int = 1, eof: bool = True) -> bytes:
    """A PDF file assembled from object bodies (object n is ``objects[n-1]``)."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n" % (len(objects) + 1, root,
                                                                      xref)
    if eof:
        out += b"%%EOF\n"
    return bytes(out)


def one_page_pdf(width_pt: float = 595, height_pt: float = 842, extra: bytes = b"") -> bytes:
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] %s >>" % (width_pt, height_pt,
                                                                          extra),
    ])


def oversize_pdf(path: Path, size: int) -> Path:
    """A valid one-page PDF of about ``size`` bytes (an incompressible image the page lists).

    The image is listed in the page's resources but not drawn: no resolution to measure, no
    preview; an embedded file would be flagged as one (it is not what this file is about).
    """
    width = 1000
    height = max(1, size // width)
    payload = random.Random(1).randbytes(width * height)
    body = raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /XObject << /Im0 4 0 R >> >> >>",
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Length %d >>\nstream\n" % (width, height, len(payload))
        + payload + b"\nendstream",
    ])
    path.write_bytes(body)
    return path


def png_header(width: int, height: int) -> bytes:
    """A PNG whose header claims ``width`` × ``height`` (with a tiny, wrong body)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))

    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\0" * 1000)) + chunk(b"IEND", b""))


def photo(path: Path, size: tuple[int, int] = (600, 800), taken: datetime | None = None,
          fmt: str = "JPEG", orientation: int | None = None, gps: bool = False) -> Path:
    """A face-photo-like image (plain background, an oval head) with optional EXIF."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", size, (235, 240, 245))
    draw = ImageDraw.Draw(img)
    w, h = size
    draw.ellipse([w * 0.3, h * 0.15, w * 0.7, h * 0.6], fill=(220, 180, 150))
    draw.rectangle([w * 0.15, h * 0.65, w * 0.85, h], fill=(40, 50, 80))
    exif = Image.Exif()
    if taken is not None:
        stamp = taken.strftime("%Y:%m:%d %H:%M:%S")
        exif[0x0132] = stamp
        exif.get_ifd(0x8769)[0x9003] = stamp
    if orientation is not None:
        exif[0x0112] = orientation
    if gps:
        exif.get_ifd(0x8825)[2] = (35.0, 41.0, 22.0)   # GPSLatitude
        exif[0x010F] = "TestCam"                        # Make
    kwargs = {"exif": exif} if len(exif) else {}
    if fmt == "JPEG":
        kwargs["quality"] = 90
        kwargs["icc_profile"] = b"\0" * 128 if gps else None
        if kwargs["icc_profile"] is None:
            del kwargs["icc_profile"]
    img.save(path, fmt, **kwargs)
    return path


def truncated_copy(source: Path, path: Path, keep: float = 0.5) -> Path:
    data = source.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])
    return path


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def jpeg_bytes(img, **kwargs) -> bytes:
    buffer = io.BytesIO()
    img.save(buffer, "JPEG", **kwargs)
    return buffer.getvalue()



