"""Checks on the XML parts of an Office Open XML package (xlsx / xlsm) before any parser sees them.

OOXML never carries a document type declaration, and without one no entity can be declared, so
an entity bomb or an external entity (XXE) is impossible. Refusing a DTD outright is therefore
safe for every genuine workbook and keeps us independent of which XML parser openpyxl picks
(the standard library with defusedxml, or lxml when it is installed: it raises its own errors).
"""

from __future__ import annotations

import zipfile

_MARKERS = tuple(marker.encode(encoding) for marker in ("<!DOCTYPE", "<!ENTITY")
                 for encoding in ("utf-8", "utf-16-le", "utf-16-be"))
_OVERLAP = max(len(marker) for marker in _MARKERS) - 1
_CHUNK = 1 << 20


def declares_dtd(data: bytes) -> bool:
    """Whether an XML part holds a document type or entity declaration."""
    return any(marker in data for marker in _MARKERS)


def part_with_dtd(archive: zipfile.ZipFile) -> str | None:
    """The first XML part of the package that declares a DTD or an entity, read in chunks."""
    for info in archive.infolist():
        if not info.filename.lower().endswith((".xml", ".rels", ".vml")):
            continue
        tail = b""
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                if declares_dtd(tail + chunk):
                    return info.filename
                tail = chunk[-_OVERLAP:]
    return None
