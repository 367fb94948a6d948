"""What a file really is, from its first bytes (never from its name)."""

from __future__ import annotations

import os

PDF = "pdf"
JPEG = "jpeg"
PNG = "png"
TIFF = "tiff"
HEIC = "heic"
GIF = "gif"
BMP = "bmp"
WEBP = "webp"
OFFICE = "office"      # .docx/.xlsx (ZIP) or .doc/.xls (OLE)
EMPTY = "empty"
UNKNOWN = "unknown"

# Kinds we can turn into a PDF page.
IMAGE_KINDS = frozenset({JPEG, PNG, TIFF, HEIC, GIF, BMP, WEBP})

# Name shown in messages (the same in Japanese and English).
KIND_LABELS = {
    PDF: "PDF", JPEG: "JPEG", PNG: "PNG", TIFF: "TIFF", HEIC: "HEIC", GIF: "GIF", BMP: "BMP",
    WEBP: "WebP", OFFICE: "Word/Excel", EMPTY: "-", UNKNOWN: "?",
}

_HEAD_BYTES = 1024


def sniff_bytes(head: bytes) -> str:
    """Kind of a file from its first bytes."""
    if not head:
        return EMPTY
    if b"%PDF-" in head[:_HEAD_BYTES]:
        return PDF
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return TIFF
    if head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"mif1", b"msf1", b"heim",
                                               b"heis", b"hevc", b"hevx", b"avif"):
        return HEIC
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return GIF
    if head.startswith(b"BM"):
        return BMP
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head.startswith(b"PK\x03\x04") or head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return OFFICE
    return UNKNOWN


def sniff_file(path: str | os.PathLike[str]) -> str:
    """Kind of the file at ``path`` (raises OSError when it cannot be read)."""
    with open(path, "rb") as handle:
        return sniff_bytes(handle.read(_HEAD_BYTES))
