"""Checks of one document before it is attached: is it a PDF the online system accepts?

:func:`check_pdf` looks at a file that must be a PDF (the ``check-pdf`` command);
:func:`check_document` also accepts scanned images, which :mod:`.prepare` turns into PDF
pages. Neither raises for a bad file: everything found is a :class:`Problem`. Guards keep
hostile files from hanging or exhausting memory (page count read from the page tree before
the pages are listed, image data never decoded, recursion errors caught).
"""

from __future__ import annotations

import errno
import logging
import os
import stat
from dataclasses import dataclass, field, replace
from typing import Any

from assistant.model.attachments import sniff
from assistant.model.attachments.limits import AttachmentLimits, limits_for
from assistant.model.problems import Problem, Severity, has_errors, make_problem, message_texts
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
        # A folder, device, FIFO (opening one waits for a writer for ever) or a link loop is
        # refused from its stat, before anything is opened.
        not_regular = not_regular_problem(name)
        if not_regular is not None:
            result = DocumentCheck(file=name, kind=sniff.UNKNOWN, size_bytes=0)
            result.problems.append(not_regular)
            return result
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


def regular_file_kind(path: str) -> str | None:
    """None for a regular file (or one that does not exist); else what it is instead.

    ``directory``, ``device``, ``fifo``, ``socket``, ``link_loop`` or ``other``; a symbolic
    link is followed (a link to a regular file is a regular file).
    """
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "link_loop"
        return None                     # unreadable: the caller's open says why
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "directory"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "other"


def not_regular_problem(path: str) -> Problem | None:
    """The problem of a path that is not a regular file (folder, device, FIFO, link loop).

    Its code is ``file_unreadable`` (the file cannot be read as a document); the message says
    what the path is instead.
    """
    kind = regular_file_kind(path)
    if kind is None:
        return None
    label = os.path.basename(path)
    what_ja, what_en = message_texts(f"file_kind_{kind}")
    ja, _ = message_texts("file_not_regular", name=label, what=what_ja)
    _, en = message_texts("file_not_regular", name=label, what=what_en)
    return Problem(field=path, code="file_unreadable", severity=Severity.ERROR,
                   message_ja=ja, message_en=en,
                   params={"name": label, "not_regular": kind})


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


def real_page_count(reader: Any, limit: int) -> int:
    """The pages the page tree really holds, counted without trusting ``/Count``.

    The tree is walked without recursion and without listing the pages; the walk stops at
    ``limit + 1`` pages (so a file claiming 40 pages that holds 50,000 costs no more than
    one over the limit). A node met twice (a loop, or a page listed twice) or a tree with
    far more inner nodes than pages raises :class:`Malformed`.
    """
    from pypdf.generic import ArrayObject, DictionaryObject

    root = reader.trailer["/Root"].get_object()
    stack: list[Any] = [root["/Pages"]]
    seen: set[int] = set()
    count = nodes = 0
    while stack:
        ref = stack.pop()
        idnum = getattr(ref, "idnum", None)
        if idnum is not None:
            if idnum in seen:
                raise Malformed("page tree node met twice")
            seen.add(idnum)
        node = ref.get_object()
        nodes += 1
        if not isinstance(node, DictionaryObject) or nodes > 2 * limit + 100:
            raise Malformed("not a page tree")
        kids = node.get("/Kids")
        if kids is not None and node.get("/Type") != "/Page":
            kids = kids.get_object()
            if not isinstance(kids, ArrayObject):
                raise Malformed("page tree /Kids is not an array")
            stack.extend(reversed(kids))
            continue
        count += 1
        if count > limit:
            break
    return count


def page_count_problem(path: str, label: str, reader: Any,
                       limits: AttachmentLimits) -> tuple[int | None, Problem | None]:
    """(pages, None) when the page tree is sound and within the limit; else (shown, problem).

    ``/Count`` is what a viewer shows; the real pages are what a merge copies and what the
    online system receives: both must agree and stay within ``limits.max_pages``.
    """
    declared = declared_page_count(reader)
    if declared > limits.max_pages:
        return declared, make_problem(path, "pdf_too_many_pages", Severity.ERROR, name=label,
                                      pages=declared, max_pages=limits.max_pages)
    pages = real_page_count(reader, limits.max_pages)
    if pages > limits.max_pages:
        ja, en = message_texts("pdf_too_many_real_pages", name=label,
                               max_pages=limits.max_pages, declared=declared)
        return None, Problem(field=path, code="pdf_too_many_pages", severity=Severity.ERROR,
                             message_ja=ja, message_en=en,
                             params={"name": label, "max_pages": limits.max_pages,
                                     "declared": declared})
    if pages != declared:
        return pages, make_problem(path, "pdf_page_count_mismatch", Severity.ERROR,
                                   name=label, declared=declared, pages=pages)
    return pages, None


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
        counted, page_problem = page_count_problem(name, label, reader, limits)
        if page_problem is not None:
            result.pages = counted
            result.problems.append(page_problem)
            return
        pages = len(reader.pages)
        result.pages = pages
        if pages == 0:
            result.problems.append(make_problem(name, "pdf_no_pages", Severity.ERROR,
                                                name=label))
            return
        _check_pages(result, label, reader, limits, progress, cancelled)
        _check_active_content(result, label, reader)
    except (RecursionError, MemoryError, Malformed):
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
            raise Malformed("nested too deep")
        huge = largest_image_pixels(page)
        if huge > limits.max_image_pixels and not any(
                p.code == "pdf_image_too_many_pixels" for p in result.problems):
            # Refused from the header alone (never decoded here, nor by the preparation).
            result.problems.append(make_problem(
                name, "pdf_image_too_many_pixels", Severity.ERROR, name=label,
                pages=index + 1, megapixels=f"{huge / 1_000_000:,.0f}"))
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


class Malformed(Exception):
    """Structure no sane producer writes (objects nested thousands deep, page tree loops)."""


def largest_image_pixels(page: Any) -> int:
    """Pixels (width × height, from the headers) of the largest image the page uses.

    Both the images drawn (also inside forms) and those merely listed in the page's
    resources count: a merge copies them all. Nothing is decoded.
    """
    from assistant.model.attachments.geometry import placed_images

    sizes = [img.pixel_width * img.pixel_height for img in placed_images(page)]
    resources = page.get("/Resources")
    xobjects = resources.get_object().get("/XObject") if resources is not None else None
    if xobjects is not None:
        for ref in xobjects.get_object().values():
            xobj = ref.get_object()
            if xobj.get("/Subtype") == "/Image":
                try:
                    sizes.append(int(xobj.get("/Width", 0)) * int(xobj.get("/Height", 0)))
                except (TypeError, ValueError):
                    continue
    return max(sizes, default=0)


# Action types that run something: JavaScript in the viewer, or another program or file.
_SCRIPT_ACTIONS = {"/JavaScript": "javascript", "/Launch": "launch"}
_MAX_ACTIONS = 10_000


def active_content(reader: Any) -> set[str]:
    """What in the document can run or carries other files, without running anything.

    A subset of ``javascript``, ``launch`` and ``embedded_file``: document-level scripts
    (``/Names /JavaScript``, ``/OpenAction``, ``/AA``), embedded files (``/Names
    /EmbeddedFiles``, file-attachment annotations), and JavaScript or Launch actions of
    pages, annotations and form fields. Bounded: at most ``_MAX_ACTIONS`` objects are looked
    at (the page count is already within the limit).
    """
    from pypdf.generic import ArrayObject, DictionaryObject

    found: set[str] = set()
    budget = [_MAX_ACTIONS]
    seen: set[int] = set()

    def resolve(obj: Any) -> Any:
        idnum = getattr(obj, "idnum", None)
        if idnum is not None:
            if idnum in seen:
                return None
            seen.add(idnum)
        budget[0] -= 1
        if budget[0] < 0:
            raise Malformed("too many actions")
        return obj.get_object() if obj is not None else None

    def action(obj: Any) -> None:
        """An action dictionary and its /Next chain."""
        pending = [obj]
        while pending:
            item = resolve(pending.pop())
            if isinstance(item, ArrayObject):
                pending.extend(item)
            elif isinstance(item, DictionaryObject):
                kind = _SCRIPT_ACTIONS.get(str(item.get("/S", "")))
                if kind is not None:
                    found.add(kind)
                if "/Next" in item:
                    pending.append(item["/Next"])

    def triggers(owner: Any) -> None:
        """``/A`` and every action of an ``/AA`` (additional actions) dictionary."""
        if "/A" in owner:
            action(owner["/A"])
        additional = resolve(owner.get("/AA")) if "/AA" in owner else None
        if isinstance(additional, DictionaryObject):
            for value in additional.values():
                action(value)

    root = reader.trailer["/Root"].get_object()
    open_action = root.get("/OpenAction")
    if open_action is not None and isinstance(open_action.get_object(), DictionaryObject):
        action(open_action)
    triggers(root)
    names = resolve(root.get("/Names")) if "/Names" in root else None
    if isinstance(names, DictionaryObject):
        if "/JavaScript" in names:
            found.add("javascript")
        if "/EmbeddedFiles" in names:
            found.add("embedded_file")
    for page in reader.pages:
        triggers(page)
        annots = resolve(page.get("/Annots")) if "/Annots" in page else None
        for ref in annots if isinstance(annots, ArrayObject) else []:
            annot = resolve(ref)
            if not isinstance(annot, DictionaryObject):
                continue
            if annot.get("/Subtype") == "/FileAttachment":
                found.add("embedded_file")
            triggers(annot)
    form = resolve(root.get("/AcroForm")) if "/AcroForm" in root else None
    fields = resolve(form.get("/Fields")) if isinstance(form, DictionaryObject) \
        and "/Fields" in form else None
    pending = list(fields) if isinstance(fields, ArrayObject) else []
    while pending:
        field_obj = resolve(pending.pop())
        if isinstance(field_obj, DictionaryObject):
            triggers(field_obj)
            kids = field_obj.get("/Kids")
            if kids is not None:
                pending.extend(kids.get_object())
    return found


_ACTIVE_CODES = {"javascript": "pdf_javascript", "launch": "pdf_launch_action",
                 "embedded_file": "pdf_embedded_file"}


def _check_active_content(result: DocumentCheck, label: str, reader: Any) -> None:
    found = active_content(reader)
    for kind in ("javascript", "launch", "embedded_file"):
        if kind in found:
            result.problems.append(make_problem(result.file, _ACTIVE_CODES[kind],
                                                Severity.ERROR, name=label))


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
              photo_bytes: int = 0, *, photo: bool = False) -> list[Problem]:
    """Problems of the documents taken together: number of files and total size.

    ``photo`` says whether a face photo is attached (it counts as one of the files in the
    profiles whose ``files_include_photo`` is set). Both are warnings: preparing the file to
    send merges the documents into one PDF, compresses and splits.
    """
    limits = limits or limits_for()
    problems: list[Problem] = []
    count = limits.file_count(len(documents), photo)
    if limits.max_files is not None and count > limits.max_files:
        code = ("attachments_too_many_files_with_photo" if limits.files_include_photo
                else "attachments_too_many_files")
        found = make_problem("attachments", code, Severity.WARNING,
                             max_files=limits.max_files, count=count)
        problems.append(replace(found, code="attachments_too_many_files"))
    total = sum(d.size_bytes for d in documents)
    if limits.total_includes_photo:
        total += photo_bytes
    if total > limits.max_total_bytes:
        problems.append(make_problem("attachments", "attachments_total_too_large",
                                     Severity.WARNING, size_mb=mb(total),
                                     limit_mb=mb(limits.max_total_bytes)))
    return problems
