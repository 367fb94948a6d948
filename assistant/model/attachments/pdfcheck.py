"""Checks of one document before it is attached: is it a PDF the online system accepts?

:func:`check_pdf` looks at a file that must be a PDF (the ``check-pdf`` command);
:func:`check_document` also accepts scanned images, which :mod:`.prepare` turns into PDF
pages. Neither raises for a bad file: everything found is a :class:`Problem`. Guards keep
hostile files from hanging or exhausting memory (page count read from the page tree before
the pages are listed, image data never decoded, recursion errors caught).
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from typing import Any

from assistant.model.attachments import sniff
from assistant.model.attachments.limits import AttachmentLimits, limits_for
from assistant.model.problems import Problem, Severity, has_errors, make_problem
from assistant.model.progress import CancelCheck, Progress, check_cancel, report

MB = 1_000_000
_TAIL_BYTES = 2048


@dataclass
class DocumentCheck:
    """What was found about one document file."""

    file: str
    kind: str                      # sniff kind: "pdf", "jpeg", ... , "empty", "unknown"
    size_bytes: int
    pages: int | None = None
    problems: list[Problem] = field(default_factory=list)
    encrypted: bool = False        # encrypted (owner password only, or a password to open)
    needs_password: bool = False   # cannot be opened without a password
    restricted: bool = False       # printing or copying is not allowed
    min_dpi: float | None = None   # lowest effective resolution of a scanned page
    pixel_size: tuple[int, int] | None = None   # for images

    @property
    def ok(self) -> bool:
        """No problem of severity error."""
        return not has_errors(self.problems)

    def to_json(self, language: str = "ja") -> dict[str, Any]:
        """The ``check-pdf --json`` shape."""
        return {"file": self.file, "ok": self.ok, "size_bytes": self.size_bytes,
                "pages": self.pages, "problems": problems_json(self.problems, language)}


def problems_json(problems: list[Problem], language: str = "ja") -> list[dict[str, str]]:
    """Problems as ``{"code", "severity", "message"}`` objects."""
    return [{"code": p.code, "severity": p.severity.value, "message": p.message(language)}
            for p in problems]


def mb(size: int) -> str:
    """Bytes as megabytes with one decimal (``10.0``), as the online system counts."""
    return f"{size / MB:.1f}"


def check_pdf(path: str | os.PathLike[str], limits: AttachmentLimits | None = None, *,
              progress: Progress | None = None,
              cancelled: CancelCheck | None = None) -> DocumentCheck:
    """Check a file that must be a PDF the online system accepts."""
    return _check(path, limits or limits_for(), accept_images=False, progress=progress,
                  cancelled=cancelled)


def check_document(path: str | os.PathLike[str], limits: AttachmentLimits | None = None, *,
                   progress: Progress | None = None,
                   cancelled: CancelCheck | None = None) -> DocumentCheck:
    """Check a document for the attachment list: a PDF, or a scan that becomes a PDF page."""
    return _check(path, limits or limits_for(), accept_images=True, progress=progress,
                  cancelled=cancelled)


def _check(path: str | os.PathLike[str], limits: AttachmentLimits, *, accept_images: bool,
           progress: Progress | None, cancelled: CancelCheck | None) -> DocumentCheck:
    name = os.fspath(path)
    label = os.path.basename(name)
    try:
        size = os.path.getsize(name)
        kind = sniff.sniff_file(name)
    except OSError as exc:
        result = DocumentCheck(file=name, kind=sniff.UNKNOWN, size_bytes=0)
        result.problems.append(file_error(name, exc))
        return result
    result = DocumentCheck(file=name, kind=kind, size_bytes=size)
    if kind == sniff.EMPTY:
        result.problems.append(make_problem(name, "file_empty", Severity.ERROR, name=label))
        return result
    if kind == sniff.PDF:
        _check_pdf_file(result, label, limits, progress, cancelled)
    elif accept_images and kind in sniff.IMAGE_KINDS:
        _check_image_file(result, label, limits)
    elif kind in sniff.IMAGE_KINDS or kind == sniff.OFFICE:
        code = "pdf_is_image" if kind in sniff.IMAGE_KINDS else "pdf_is_office"
        result.problems.append(make_problem(name, code, Severity.ERROR, name=label,
                                            kind=sniff.KIND_LABELS[kind]))
        return result
    else:
        result.problems.append(make_problem(name, "pdf_not_pdf", Severity.ERROR, name=label))
        return result
    _check_size(result, label, limits)
    return result


def file_error(path: str, exc: OSError) -> Problem:
    """The problem of a file that cannot be opened: gone (moved, deleted) or unreadable."""
    label = os.path.basename(path)
    if isinstance(exc, FileNotFoundError):
        return make_problem(path, "file_missing", Severity.ERROR, name=label,
                            folder=os.path.dirname(path) or ".")
    return make_problem(path, "file_unreadable", Severity.ERROR, name=label,
                        detail=exc.strerror or str(exc))


def _check_size(result: DocumentCheck, label: str, limits: AttachmentLimits) -> None:
    if result.size_bytes > limits.max_file_bytes:
        code = "pdf_too_large_single" if limits.single_file else "pdf_too_large"
        result.problems.append(make_problem(
            result.file, code, Severity.ERROR, name=label, size_mb=mb(result.size_bytes),
            limit_mb=mb(limits.max_file_bytes)))


def open_reader(path: str) -> Any:
    """A lenient pypdf reader whose own warnings go to our log, not to the user."""
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    return PdfReader(path, strict=False)


def has_eof_marker(path: str) -> bool:
    """True when the file ends with ``%%EOF`` (within the last 2 KB), as a complete PDF does."""
    with open(path, "rb") as handle:
        handle.seek(0, os.SEEK_END)
        handle.seek(max(0, handle.tell() - _TAIL_BYTES))
        return b"%%EOF" in handle.read()


def declared_page_count(reader: Any) -> int:
    """``/Count`` of the page tree root, read without listing the pages."""
    root = reader.trailer["/Root"].get_object()
    pages = root["/Pages"].get_object()
    return int(pages.get("/Count", 0))


def _check_pdf_file(result: DocumentCheck, label: str, limits: AttachmentLimits,
                    progress: Progress | None, cancelled: CancelCheck | None) -> None:
    name = result.file
    truncated = not has_eof_marker(name)
    try:
        reader = open_reader(name)
        if reader.is_encrypted:
            result.encrypted = True
            if not unlock(reader):
                result.needs_password = True
                result.problems.append(make_problem(name, "pdf_password", Severity.ERROR,
                                                    name=label))
                return
            _check_permissions(result, label, reader)
        declared = declared_page_count(reader)
        if declared > limits.max_pages:
            result.pages = declared
            result.problems.append(make_problem(name, "pdf_too_many_pages", Severity.ERROR,
                                                name=label, pages=declared,
                                                max_pages=limits.max_pages))
            return
        pages = len(reader.pages)
        result.pages = pages
        if pages == 0:
            result.problems.append(make_problem(name, "pdf_no_pages", Severity.ERROR,
                                                name=label))
            return
        _check_pages(result, label, reader, limits, progress, cancelled)
    except (RecursionError, MemoryError):
        result.problems.append(make_problem(name, "pdf_corrupt", Severity.ERROR, name=label))
        return
    except Exception as exc:  # pypdf raises many kinds of errors for damaged files
        from pypdf.errors import LimitReachedError

        from assistant.model.progress import Cancelled
        if isinstance(exc, Cancelled):
            raise
        if isinstance(exc, LimitReachedError):   # pypdf's own guard against hostile files
            code = "pdf_too_complex"
        else:
            code = "pdf_truncated" if truncated else "pdf_corrupt"
        result.problems.append(make_problem(name, code, Severity.ERROR, name=label))
        return
    if truncated:
        result.problems.append(make_problem(name, "pdf_truncated", Severity.ERROR, name=label))


def unlock(reader: Any) -> bool:
    """Open an encrypted PDF with the empty user password (owner-password-only files)."""
    from pypdf import PasswordType

    try:
        return bool(reader.decrypt("") != PasswordType.NOT_DECRYPTED)
    except Exception:  # unsupported or damaged encryption dictionary
        return False


def _check_permissions(result: DocumentCheck, label: str, reader: Any) -> None:
    from pypdf.constants import UserAccessPermissions as Perm

    perms = reader.user_access_permissions
    denied = []
    if perms is not None:
        if not perms & Perm.PRINT:
            denied.append("print")
        if not perms & Perm.EXTRACT:
            denied.append("copy")
    if denied:
        result.restricted = True
        code = ("pdf_no_print_copy" if len(denied) == 2
                else "pdf_no_print" if denied == ["print"] else "pdf_no_copy")
        result.problems.append(make_problem(result.file, code, Severity.ERROR, name=label))
    else:
        result.problems.append(make_problem(result.file, "pdf_encrypted", Severity.ERROR,
                                            name=label))


def _check_pages(result: DocumentCheck, label: str, reader: Any, limits: AttachmentLimits,
                 progress: Progress | None, cancelled: CancelCheck | None) -> None:
    from assistant.model.attachments.geometry import placed_images

    name = result.file
    total = len(reader.pages)
    low: list[tuple[int, float]] = []
    odd: list[tuple[int, float, float]] = []
    lowest: float | None = None
    for index in range(total):
        check_cancel(cancelled)
        report(progress, index, total, label)
        page = reader.pages[index]
        if too_deep(page):
            raise _Malformed()
        box = page.mediabox
        width_pt, height_pt = float(box.width), float(box.height)
        page_area = abs(width_pt * height_pt)
        w_mm, h_mm = abs(width_pt) / 72 * 25.4, abs(height_pt) / 72 * 25.4
        short, long_ = min(w_mm, h_mm), max(w_mm, h_mm)
        if short < limits.usual_min_short_mm or long_ > limits.usual_max_long_mm:
            odd.append((index + 1, w_mm, h_mm))
        scans = [img for img in placed_images(page)
                 if page_area > 0 and img.area_pt2 >= limits.large_image_min_page_share * page_area]
        if scans:
            dpi = min(img.dpi for img in scans)
            lowest = dpi if lowest is None else min(lowest, dpi)
            if dpi < limits.min_dpi:
                low.append((index + 1, dpi))
    report(progress, total, total, label)
    result.min_dpi = lowest
    if low:
        pages = _page_list([p for p, _ in low])
        worst = min(d for _, d in low)
        result.problems.append(make_problem(name, "pdf_low_resolution", Severity.WARNING,
                                            name=label, pages=pages, dpi=round(worst),
                                            min_dpi=limits.min_dpi))
    if odd:
        page_no, w_mm, h_mm = odd[0]
        result.problems.append(make_problem(
            name, "pdf_unusual_page_size", Severity.WARNING, name=label,
            pages=_page_list([p for p, _, _ in odd]), width_mm=round(w_mm),
            height_mm=round(h_mm)))


class _Malformed(Exception):
    """Structure no sane producer writes (e.g. objects nested thousands deep)."""


MAX_NESTING = 100
MAX_NODES = 200_000


def too_deep(page: Any) -> bool:
    """True when the page's objects nest deeper than any real PDF (walked without recursion)."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    seen: set[int] = set()
    stack: list[tuple[Any, int]] = [(page, 0)]
    nodes = 0
    while stack:
        obj, depth = stack.pop()
        nodes += 1
        if depth > MAX_NESTING or nodes > MAX_NODES:
            return True
        if isinstance(obj, IndirectObject):
            if obj.idnum in seen:
                continue
            seen.add(obj.idnum)
            obj = obj.get_object()
        if isinstance(obj, DictionaryObject):
            stack.extend((v, depth + 1) for k, v in obj.items() if k != "/Parent")
        elif isinstance(obj, ArrayObject):
            stack.extend((v, depth + 1) for v in obj)
    return False


def _page_list(pages: list[int], shown: int = 5) -> str:
    text = ", ".join(str(p) for p in pages[:shown])
    return text + (" …" if len(pages) > shown else "")


def _check_image_file(result: DocumentCheck, label: str, limits: AttachmentLimits) -> None:
    """A scanned image that will become a PDF page: readable, not a bomb, resolution."""
    from assistant.model.attachments.images import ImageTooLarge, open_image, placement

    name = result.file
    try:
        with open_image(name, limits.max_image_pixels) as img:
            result.pixel_size = img.size
            result.pages = 1
            place = placement(img, limits)
    except ImageTooLarge as exc:
        result.problems.append(make_problem(name, "image_too_many_pixels", Severity.ERROR,
                                            name=label, megapixels=exc.megapixels))
        return
    except Exception:
        result.problems.append(make_problem(name, "image_unreadable", Severity.ERROR,
                                            name=label))
        return
    result.min_dpi = place.dpi
    if place.dpi < limits.min_dpi:
        result.problems.append(make_problem(name, "pdf_low_resolution", Severity.WARNING,
                                            name=label, pages="1", dpi=round(place.dpi),
                                            min_dpi=limits.min_dpi))


def check_set(documents: list[DocumentCheck], limits: AttachmentLimits | None = None,
              photo_bytes: int = 0) -> list[Problem]:
    """Problems of the documents taken together: number of files and total size.

    Both are warnings: preparing the file to send merges, compresses and splits.
    """
    limits = limits or limits_for()
    problems: list[Problem] = []
    if limits.max_files is not None and len(documents) > limits.max_files:
        problems.append(make_problem("attachments", "attachments_too_many_files",
                                     Severity.WARNING, max_files=limits.max_files,
                                     count=len(documents)))
    total = sum(d.size_bytes for d in documents)
    if limits.total_includes_photo:
        total += photo_bytes
    if total > limits.max_total_bytes:
        problems.append(make_problem("attachments", "attachments_total_too_large",
                                     Severity.WARNING, size_mb=mb(total),
                                     limit_mb=mb(limits.max_total_bytes)))
    return problems
