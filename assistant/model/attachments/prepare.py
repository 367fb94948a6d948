"""Build the PDF a case sends from the office's documents.

:func:`prepare_documents` merges PDFs and scanned images (JPEG, PNG, TIFF, HEIC, …) in the
order chosen, with one outline entry per document and images at their real size; removes
owner restrictions (saying so); when the result is over the profile's limit it downsamples
and re-encodes images (200–300 dpi, JPEG) and reports the size before and after; when even
that does not fit it splits the result into parts that fit and says that 資料添付に関する
申告書 (参考様式9) must be attached, listing what is left to send later.
"""

from __future__ import annotations

import io
import math
import os
from dataclasses import dataclass, field
from typing import Any

from assistant.model.atomic import atomic_write_bytes
from assistant.model.attachments import sniff
from assistant.model.attachments.limits import AttachmentLimits, limits_for
from assistant.model.attachments.pdfcheck import (
    Malformed,
    active_content,
    has_eof_marker,
    largest_image_pixels,
    mb,
    not_regular_problem,
    open_reader,
    page_count_problem,
    too_deep,
)
from assistant.model.problems import Problem, Severity, has_errors, make_problem, message_texts
from assistant.model.progress import CancelCheck, Cancelled, Progress, check_cancel, report

MIN_RECOMPRESS_BYTES = 20_000    # images smaller than this are left alone


@dataclass(frozen=True)
class SourceDocument:
    """One document to include, in order; ``title`` becomes its outline entry."""

    path: str
    title: str = ""

    @property
    def label(self) -> str:
        return self.title or os.path.splitext(os.path.basename(self.path))[0]


@dataclass(frozen=True)
class Notice:
    """Something the preparation did that the office must know (not a problem)."""

    code: str
    message_ja: str
    message_en: str

    def message(self, language: str = "ja") -> str:
        return self.message_en if language == "en" else self.message_ja


def _notice(code: str, **params: Any) -> Notice:
    ja, en = message_texts(code, **params)
    return Notice(code, ja, en)


@dataclass
class MergedDocument:
    file: str
    title: str
    kind: str
    pages: int
    restrictions_removed: bool = False


@dataclass
class PreparedPart:
    file: str
    size_bytes: int
    pages: int
    documents: list[str]          # titles (a split document appears in two parts)


@dataclass
class PrepareReport:
    """What :func:`prepare_documents` did."""

    parts: list[PreparedPart] = field(default_factory=list)
    merged: list[MergedDocument] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    size_before: int = 0                 # merged, before compression
    size_after: int | None = None        # after compression (None: not compressed)
    compression: tuple[int, int] | None = None   # (dpi, jpeg quality) used
    budget_bytes: int = 0
    send_later: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not has_errors(self.problems)

    @property
    def split(self) -> bool:
        return len(self.parts) > 1

    def to_json(self, language: str = "ja") -> dict[str, Any]:
        """The ``prepare-pdf --json`` shape."""
        from assistant.model.attachments.pdfcheck import problems_json

        return {
            "ok": self.ok,
            "out": [p.file for p in self.parts],
            "budget_bytes": self.budget_bytes,
            "merged": [{"file": m.file, "title": m.title, "kind": m.kind, "pages": m.pages,
                        "restrictions_removed": m.restrictions_removed} for m in self.merged],
            "compressed": None if self.size_after is None else {
                "before_bytes": self.size_before, "after_bytes": self.size_after,
                "dpi": self.compression[0] if self.compression else None,
                "jpeg_quality": self.compression[1] if self.compression else None},
            "split": None if not self.split else {
                "parts": [{"file": p.file, "size_bytes": p.size_bytes, "pages": p.pages,
                           "documents": p.documents} for p in self.parts],
                "send_later": self.send_later},
            "notices": [{"code": n.code, "message": n.message(language)} for n in self.notices],
            "problems": problems_json(self.problems, language),
        }


# --- images → PDF pages -----------------------------------------------------------------

def _jpeg_page_pdf(path: str, width_pt: float, height_pt: float) -> bytes:
    """A one-page PDF of ``width_pt`` × ``height_pt`` that shows the JPEG file unchanged.

    img2pdf embeds the JPEG bytes as they are (no re-encoding, so no quality lost). Its own
    PDF writer is used (``Engine.internal``): the output goes through pypdf anyway.
    """
    import img2pdf  # type: ignore[import-untyped]

    layout = img2pdf.get_layout_fun(pagesize=(width_pt, height_pt),
                                    fit=img2pdf.FitMode.into)
    data = img2pdf.convert(path, layout_fun=layout, engine=img2pdf.Engine.internal,
                           rotation=img2pdf.Rotation.ifvalid)
    assert isinstance(data, bytes)
    return data


def image_to_pdf(path: str, limits: AttachmentLimits) -> tuple[bytes, int]:
    """Turn a scanned image (all frames of a multi-page TIFF) into PDF bytes.

    Returns the PDF and its page count. The page has the image's real size (DPI metadata),
    else the image at the default resolution, shrunk to fit A4.
    """
    from PIL import Image, ImageOps

    from assistant.model.attachments.images import open_image, oriented_size, placement

    with open_image(path, limits.max_image_pixels) as img:
        place = placement(img, limits)
        width_px, height_px = oriented_size(img)
        frames = int(getattr(img, "n_frames", 1))
        upright = (width_px, height_px) == img.size and img.getexif().get(0x0112, 1) in (1, None)
        if img.format == "JPEG" and img.mode in ("RGB", "L") and upright and frames == 1:
            return _jpeg_page_pdf(path, place.width_pt, place.height_pt), 1
        resolution = width_px * 72.0 / place.width_pt
        pages = []
        for index in range(frames):
            img.seek(index)
            frame = ImageOps.exif_transpose(img) if index == 0 else img.copy()
            if frame.mode in ("RGBA", "LA", "PA") or (frame.mode == "P"
                                                       and "transparency" in frame.info):
                rgba = frame.convert("RGBA")
                background = Image.new("RGB", rgba.size, "white")
                background.paste(rgba, mask=rgba.getchannel("A"))
                frame = background
            elif frame.mode not in ("1", "L", "RGB"):
                frame = frame.convert("RGB")
            pages.append(frame)
        buffer = io.BytesIO()
        pages[0].save(buffer, "PDF", resolution=resolution, quality=limits.image_jpeg_quality,
                      save_all=True, append_images=pages[1:])
        return buffer.getvalue(), len(pages)


# --- merging ------------------------------------------------------------------------------

@dataclass
class _Loaded:
    source: SourceDocument
    reader: Any
    pages: int


def _load(source: SourceDocument, limits: AttachmentLimits,
          report_: PrepareReport) -> _Loaded | None:
    """Open one source as a pypdf reader, or record why it cannot be included."""
    from pypdf import PdfReader

    from assistant.model.attachments.images import ImageTooLarge
    from assistant.model.attachments.pdfcheck import unlock

    label = source.label
    name = os.path.basename(source.path)

    def skip(reason_code: str, **params: Any) -> None:
        reason_ja, reason_en = message_texts(reason_code, name=name, **params)
        skip_because(reason_code, reason_ja, reason_en)

    def skip_because(reason_code: str, reason_ja: str, reason_en: str) -> None:
        ja, en = message_texts("prepare_skipped", name=name, reason=reason_ja)
        _, en = message_texts("prepare_skipped", name=name, reason=reason_en)
        report_.problems.append(Problem(field=source.path, code="prepare_skipped",
                                        severity=Severity.ERROR, message_ja=ja, message_en=en,
                                        params={"reason": reason_code}))

    not_regular = not_regular_problem(source.path)
    if not_regular is not None:      # never opened: a FIFO would wait for ever
        skip_because(not_regular.code, not_regular.message_ja, not_regular.message_en)
        return None
    try:
        kind = sniff.sniff_file(source.path)
    except OSError as exc:
        skip("file_unreadable", detail=exc.strerror or str(exc))
        return None
    try:
        if kind == sniff.PDF:
            if not has_eof_marker(source.path):
                skip("pdf_truncated")
                return None
            reader = open_reader(source.path)
            removed = False
            if reader.is_encrypted:
                if not unlock(reader):
                    skip("pdf_password")
                    return None
                removed = True
            _counted, page_problem = page_count_problem(source.path, name, reader, limits)
            if page_problem is not None:
                skip_because(page_problem.code, page_problem.message_ja,
                             page_problem.message_en)
                return None
            pages = len(reader.pages)
            if pages == 0:
                skip("pdf_no_pages")
                return None
            if any(too_deep(page) for page in reader.pages):
                skip("pdf_corrupt")
                return None
            for number, page in enumerate(reader.pages, start=1):
                huge = largest_image_pixels(page)
                if huge > limits.max_image_pixels:    # never decoded, never copied
                    skip("pdf_image_too_many_pixels", pages=number,
                         megapixels=f"{huge / 1_000_000:,.0f}")
                    return None
            active = active_content(reader)
            report_.merged.append(MergedDocument(source.path, label, kind, pages, removed))
            if removed:
                report_.notices.append(_notice("prepare_restrictions_removed", name=name))
            if active:
                report_.notices.append(_notice("prepare_active_content_removed", name=name))
            return _Loaded(source, reader, pages)
        if kind in sniff.IMAGE_KINDS:
            data, pages = image_to_pdf(source.path, limits)
            reader = PdfReader(io.BytesIO(data))
            report_.merged.append(MergedDocument(source.path, label, kind, pages))
            return _Loaded(source, reader, pages)
    except ImageTooLarge as exc:
        skip("image_too_many_pixels", megapixels=exc.megapixels)
        return None
    except (RecursionError, MemoryError, Malformed):
        skip("pdf_corrupt")
        return None
    except Cancelled:
        raise
    except Exception as exc:
        from pypdf.errors import LimitReachedError

        if isinstance(exc, LimitReachedError):
            skip("pdf_too_complex")
        else:
            skip("image_unreadable" if kind in sniff.IMAGE_KINDS else "pdf_corrupt")
        return None
    if kind == sniff.EMPTY:
        skip("file_empty")
    elif kind == sniff.OFFICE:
        skip("pdf_is_office", kind=sniff.KIND_LABELS[kind])
    else:
        skip("pdf_not_pdf")
    return None


def _writer_bytes(writer: Any) -> bytes:
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _merge(loaded: list[_Loaded], report_: PrepareReport) -> tuple[Any, list[_Loaded]]:
    """Append every document with an outline entry; drop those pypdf cannot copy."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    kept: list[_Loaded] = []
    for item in loaded:
        before = len(writer.pages)
        try:
            writer.append(item.reader, outline_item=item.source.label, import_outline=True)
        except Exception:  # damaged object graph (pypdf raises many kinds)
            while len(writer.pages) > before:
                writer.remove_page(len(writer.pages) - 1)
            name = os.path.basename(item.source.path)
            reason_ja, reason_en = message_texts("pdf_corrupt", name=name)
            ja, _ = message_texts("prepare_skipped", name=name, reason=reason_ja)
            _, en = message_texts("prepare_skipped", name=name, reason=reason_en)
            report_.problems.append(Problem(item.source.path, "prepare_skipped",
                                            Severity.ERROR, ja, en, {"reason": "pdf_corrupt"}))
            report_.merged = [m for m in report_.merged if m.file != item.source.path]
            continue
        kept.append(item)
    strip_active_content(writer)
    return writer, kept


_ACTIVE_ANNOTATIONS = frozenset({"/FileAttachment", "/Screen", "/Movie", "/Sound",
                                 "/RichMedia"})


def strip_active_content(writer: Any) -> None:
    """Remove what can run or carries other files from the merged document.

    Document-level scripts and open actions, embedded files, additional actions (``/AA``)
    of the document, pages, annotations and form fields; annotations whose action is
    JavaScript or Launch, and file-attachment and multimedia annotations. Links to web
    pages and to other pages stay. :func:`~.pdfcheck.active_content` finds nothing after.
    """
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject

    def runs(action: Any, depth: int = 0) -> bool:
        action = action.get_object() if action is not None else None
        if isinstance(action, ArrayObject):
            return depth < 20 and any(runs(item, depth + 1) for item in action)
        if not isinstance(action, DictionaryObject):
            return False
        if str(action.get("/S", "")) in ("/JavaScript", "/Launch"):
            return True
        return depth < 20 and "/Next" in action and runs(action["/Next"], depth + 1)

    root = writer._root_object
    open_action = root.get("/OpenAction")
    if open_action is not None and isinstance(open_action.get_object(), DictionaryObject):
        del root[NameObject("/OpenAction")]
    if "/AA" in root:
        del root[NameObject("/AA")]
    names = root.get("/Names")
    if names is not None:
        names = names.get_object()
        for key in ("/JavaScript", "/EmbeddedFiles"):
            if key in names:
                del names[NameObject(key)]
    for page in writer.pages:
        if "/AA" in page:
            del page[NameObject("/AA")]
        annots = page.get("/Annots")
        if annots is None:
            continue
        kept = ArrayObject()
        for ref in annots.get_object():
            annot = ref.get_object()
            if not isinstance(annot, DictionaryObject):
                continue
            if annot.get("/Subtype") in _ACTIVE_ANNOTATIONS or runs(annot.get("/A")):
                continue
            if "/AA" in annot:
                del annot[NameObject("/AA")]
            kept.append(ref)
        page[NameObject("/Annots")] = kept
    form = root.get("/AcroForm")
    form = form.get_object() if form is not None else None
    if isinstance(form, DictionaryObject):
        if "/XFA" in form:
            del form[NameObject("/XFA")]
        pending = list(form.get("/Fields", ArrayObject()).get_object())
        seen: set[int] = set()
        while pending:
            ref = pending.pop()
            idnum = getattr(ref, "idnum", None)
            if idnum is not None:
                if idnum in seen:
                    continue
                seen.add(idnum)
            field_obj = ref.get_object()
            if not isinstance(field_obj, DictionaryObject):
                continue
            if "/AA" in field_obj:
                del field_obj[NameObject("/AA")]
            if runs(field_obj.get("/A")):
                del field_obj[NameObject("/A")]
            pending.extend(field_obj.get("/Kids", ArrayObject()).get_object())


# --- compression --------------------------------------------------------------------------

@dataclass
class _ImageJob:
    xobj: Any
    size: tuple[int, int]
    source: Any            # JPEG bytes, or a PIL image pypdf decoded
    raw_length: int


def _compress(writer: Any, dpi: int, quality: int, max_pixels: int, progress: Progress | None,
              cancelled: CancelCheck | None, step: int, steps: int) -> None:
    """Downsample images drawn above ``dpi`` and re-encode them as JPEG ``quality``.

    The pages are walked here; decoding, resizing and encoding (Pillow releases the GIL)
    run on a few threads, and the results are put back into the PDF here.
    """
    from concurrent.futures import ThreadPoolExecutor

    jobs = _image_jobs(writer, dpi, max_pixels, cancelled)
    workers = max(1, min(4, os.cpu_count() or 1))
    total = max(1, len(jobs))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(_encode_image, job.source, job.size, quality) for job in jobs]
        try:
            for index, (job, future) in enumerate(zip(jobs, futures, strict=True)):
                report(progress, step * total + index, steps * total, "compress")
                check_cancel(cancelled)
                try:
                    encoded = future.result()
                except Exception:  # an image we cannot decode stays as it is
                    continue
                if encoded is not None and len(encoded[0]) < 0.9 * job.raw_length:
                    _replace_image(job.xobj, *encoded)
        except Cancelled:
            for future in futures:
                future.cancel()
            raise
    writer.compress_identical_objects()


def _image_jobs(writer: Any, dpi: int, max_pixels: int,
                cancelled: CancelCheck | None) -> list[_ImageJob]:
    """Every image worth re-encoding, with the pixel size it needs at ``dpi``."""
    from assistant.model.attachments.geometry import placed_images

    wanted: dict[int, tuple[Any, str, float, float]] = {}
    for page in writer.pages:
        check_cancel(cancelled)
        try:
            placed = placed_images(page)
        except Exception:
            continue
        for img in placed:
            if img.idnum is None:
                continue
            target_w = img.width_pt / 72.0 * dpi
            target_h = img.height_pt / 72.0 * dpi
            old = wanted.get(img.idnum)
            if old is None or target_w > old[2]:      # drawn larger elsewhere: keep more
                wanted[img.idnum] = (page, img.name, target_w, target_h)
    jobs = []
    for page, name, target_w, target_h in wanted.values():
        try:
            xobj = page["/Resources"]["/XObject"][name].get_object()
            if not _recompressible(xobj):
                continue
            width, height = int(xobj["/Width"]), int(xobj["/Height"])
            if width <= 0 or height <= 0 or width * height > max_pixels:
                continue   # never decode a decompression bomb
            scale = min(1.0, target_w / width, target_h / height)
            size = (max(1, math.ceil(width * scale)), max(1, math.ceil(height * scale)))
            if str(xobj.get("/Filter")) == "/DCTDecode":
                source: Any = xobj.get_data()         # DCT data is the JPEG file itself
            else:
                source = page.images[name].image      # pypdf decodes the other filters
            jobs.append(_ImageJob(xobj, size, source, _raw_length(xobj)))
        except Cancelled:
            raise
        except Exception:  # an image we cannot read stays as it is
            continue
    return jobs


def _encode_image(source: Any, size: tuple[int, int],
                  quality: int) -> tuple[bytes, str, int, int] | None:
    """JPEG bytes of ``source`` at ``size`` pixels (runs on a worker thread; Pillow only)."""
    from PIL import Image

    pil: Image.Image
    if isinstance(source, bytes):
        pil = Image.open(io.BytesIO(source))
        pil.draft("RGB" if pil.mode != "L" else "L", size)   # fast DCT-domain downscale
    else:
        pil = source
    if pil.mode not in ("L", "RGB"):
        pil = pil.convert("RGB")
    if pil.size != size:
        # BICUBIC with Pillow's reducing gap: close to LANCZOS for text scans, much faster
        pil = pil.resize(size, Image.Resampling.BICUBIC, reducing_gap=2.0)
    encoded = io.BytesIO()
    pil.save(encoded, "JPEG", quality=quality)
    return encoded.getvalue(), pil.mode, pil.width, pil.height


def _replace_image(xobj: Any, data: bytes, mode: str, width: int, height: int) -> None:
    """Make the image XObject ``xobj`` hold the JPEG ``data`` (in place, same object)."""
    from pypdf.generic import NameObject, NumberObject, StreamObject

    for key in ("/DecodeParms", "/Decode", "/Intent"):
        if key in xobj:
            del xobj[key]
    xobj[NameObject("/Filter")] = NameObject("/DCTDecode")
    xobj[NameObject("/Width")] = NumberObject(width)
    xobj[NameObject("/Height")] = NumberObject(height)
    xobj[NameObject("/BitsPerComponent")] = NumberObject(8)
    xobj[NameObject("/ColorSpace")] = NameObject("/DeviceGray" if mode == "L"
                                                 else "/DeviceRGB")
    StreamObject.set_data(xobj, data)   # store the JPEG bytes as they are
    if hasattr(xobj, "decoded_self"):
        xobj.decoded_self = None


def _recompressible(xobj: Any) -> bool:
    if xobj.get("/ImageMask") or "/SMask" in xobj or "/Mask" in xobj:
        return False
    if int(xobj.get("/BitsPerComponent", 8)) != 8:
        return False
    filters = str(xobj.get("/Filter", ""))
    if "JBIG2" in filters or "CCITT" in filters or "JPX" in filters:
        return False
    colorspace = xobj.get("/ColorSpace")
    if colorspace is not None and "/DeviceCMYK" in str(colorspace.get_object()):
        return False
    return _raw_length(xobj) >= MIN_RECOMPRESS_BYTES


def _raw_length(xobj: Any) -> int:
    """Bytes of the stream as stored (still encoded)."""
    data = getattr(xobj, "_data", None)   # pypdf keeps the encoded bytes here
    if isinstance(data, bytes):
        return len(data)
    raw = xobj.get("/Length", 0)
    try:
        return int(raw.get_object() if hasattr(raw, "get_object") else raw)
    except (TypeError, ValueError):
        return 0


# --- splitting ----------------------------------------------------------------------------

def _pack(data: bytes, kept: list[_Loaded], budget: int, limits: AttachmentLimits,
          report_: PrepareReport, cancelled: CancelCheck | None) -> list[list[tuple[str, int, int]]]:
    """Group page ranges (title, start, stop) into parts whose PDFs fit ``budget``."""
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(io.BytesIO(data))

    def size_of(ranges: list[tuple[str, int, int]]) -> int:
        check_cancel(cancelled)
        writer = PdfWriter()
        for _title, start, stop in ranges:
            writer.append(reader, pages=(start, stop), import_outline=False)
        return len(_writer_bytes(writer))

    pieces: list[tuple[str, int, int]] = []
    start = 0
    for item in kept:
        stop = start + item.pages
        whole = (item.source.label, start, stop)
        if size_of([whole]) <= budget:
            pieces.append(whole)
        else:
            for page in range(start, stop):
                piece = (item.source.label, page, page + 1)
                size = size_of([piece])
                if size > budget:
                    report_.problems.append(make_problem(
                        item.source.path, "prepare_page_too_large", Severity.ERROR,
                        name=os.path.basename(item.source.path), page=page - start + 1,
                        size_mb=mb(size), limit_mb=mb(budget)))
                pieces.append(piece)
        start = stop
    parts: list[list[tuple[str, int, int]]] = []
    current: list[tuple[str, int, int]] = []
    for piece in pieces:
        if current and size_of(current + [piece]) > budget:
            parts.append(current)
            current = []
        current.append(piece)
    if current:
        parts.append(current)
    return parts


def _write_part(reader: Any, ranges: list[tuple[str, int, int]]) -> tuple[bytes, int]:
    from pypdf import PdfWriter

    writer = PdfWriter()
    last_title = None
    for title, start, stop in ranges:
        writer.append(reader, pages=(start, stop), import_outline=False)
        if title != last_title:
            writer.add_outline_item(title=title, page_number=len(writer.pages) - (stop - start))
            last_title = title
    return _writer_bytes(writer), len(writer.pages)


# --- output -------------------------------------------------------------------------------

def part_path(out: str, number: int) -> str:
    """``case.pdf`` → ``case-2.pdf``."""
    stem, ext = os.path.splitext(out)
    return f"{stem}-{number}{ext or '.pdf'}"


def prepare_documents(sources: list[SourceDocument], out: str,
                      limits: AttachmentLimits | None = None, *, photo_bytes: int = 0,
                      progress: Progress | None = None,
                      cancelled: CancelCheck | None = None) -> PrepareReport:
    """Merge, compress and (if needed) split ``sources`` into ``out`` (and ``out-N.pdf``).

    Nothing is written when the user cancels (:class:`Cancelled` is raised).
    """
    limits = limits or limits_for()
    result = PrepareReport(budget_bytes=limits.document_budget(photo_bytes))
    budget = result.budget_bytes
    loaded: list[_Loaded] = []
    count = len(sources)
    for index, source in enumerate(sources):
        check_cancel(cancelled)
        report(progress, index, count, "load")
        item = _load(source, limits, result)
        if item is not None:
            loaded.append(item)
    writer, kept = _merge(loaded, result)
    if not kept:
        result.problems.append(make_problem(out, "prepare_nothing", Severity.ERROR))
        return result
    check_cancel(cancelled)
    report(progress, 0, 0, "write")
    try:
        for page in writer.pages:
            page.compress_content_streams()
    except Exception:  # content we cannot re-compress is written as it was
        pass
    data = _writer_bytes(writer)
    result.size_before = len(data)
    if len(data) > budget:
        steps = limits.compress_steps
        best = data
        for step, (dpi, quality) in enumerate(steps):
            writer, kept = _merge(loaded, PrepareReport())
            _compress(writer, dpi, quality, limits.max_image_pixels, progress, cancelled, step,
                      len(steps))
            candidate = _writer_bytes(writer)
            if len(candidate) < len(best):
                best = candidate
                result.compression = (dpi, quality)
            if len(candidate) <= budget:
                break
        data = best
        result.size_after = len(data)
        if result.compression is not None and result.size_after < result.size_before:
            dpi, quality = result.compression
            result.notices.append(_notice("prepare_compressed", dpi=dpi, quality=quality,
                                          before_mb=mb(result.size_before),
                                          after_mb=mb(result.size_after)))
        else:
            result.notices.append(_notice("prepare_not_compressed",
                                          before_mb=mb(result.size_before),
                                          after_mb=mb(result.size_after)))
    check_cancel(cancelled)
    if len(data) <= budget:
        pages = sum(item.pages for item in kept)
        atomic_write_bytes(out, data)
        result.parts.append(PreparedPart(out, len(data), pages,
                                         [item.source.label for item in kept]))
        _check_written(result, limits)
        report(progress, 1, 1, "done")
        return result
    report(progress, 0, 0, "split")
    parts = _pack(data, kept, budget, limits, result, cancelled)
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    outputs: list[tuple[str, bytes, int, list[str]]] = []
    for number, ranges in enumerate(parts, start=1):
        check_cancel(cancelled)
        part_data, pages = _write_part(reader, ranges)
        titles = list(dict.fromkeys(title for title, _, _ in ranges))
        outputs.append((out if number == 1 else part_path(out, number), part_data, pages, titles))
    for path, part_data, pages, titles in outputs:   # only now, after every cancel point
        atomic_write_bytes(path, part_data)
        result.parts.append(PreparedPart(path, len(part_data), pages, titles))
    later = list(dict.fromkeys(t for part in result.parts[1:] for t in part.documents))
    result.send_later = later
    result.notices.append(_notice(
        "prepare_split", limit_mb=mb(budget), parts=len(result.parts),
        first=os.path.basename(out), later="、".join(later)))
    _check_written(result, limits)
    report(progress, 1, 1, "done")
    return result


def _check_written(result: PrepareReport, limits: AttachmentLimits) -> None:
    """Check each file written as ``check-pdf`` does; its errors are the report's errors.

    A file the check rejects is not reported as ready to send (the files stay, so the office
    can look at them). The size limit is already handled by splitting (a page too large on
    its own is reported as such), so only other errors are added here.
    """
    from assistant.model.attachments.pdfcheck import check_pdf

    for part in result.parts:
        name = os.path.basename(part.file)
        for problem in check_pdf(part.file, limits).problems:
            if not problem.is_error or problem.code in ("pdf_too_large",
                                                        "pdf_too_large_single"):
                continue
            ja, _ = message_texts("prepare_output_rejected", name=name,
                                  reason=problem.message_ja)
            _, en = message_texts("prepare_output_rejected", name=name,
                                  reason=problem.message_en)
            result.problems.append(Problem(part.file, "prepare_output_rejected",
                                           Severity.ERROR, ja, en, {"reason": problem.code}))
