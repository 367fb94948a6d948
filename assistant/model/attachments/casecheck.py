"""Every attachment of a case checked for a rule profile and filing date, written once.

The wizard counts these problems from the moment a case is opened (its step marks and the
Step 3 list); the attachments panel shows the same problems beside each file. Both go
through :func:`attachment_problems` (which problem belongs where) and share a
:class:`CheckCache`, so a file that has not changed since it was last checked costs one
``stat`` call instead of opening a large PDF again.

A file that is gone since it was attached (moved, deleted, renamed) is itself a problem
(``file_missing``) that names the file and the folder it was in.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from typing import TypeVar

from assistant.model.attachments.limits import AttachmentLimits
from assistant.model.attachments.pdfcheck import DocumentCheck, check_document, check_set
from assistant.model.attachments.photo import PhotoCheck, check_photo
from assistant.model.case import AttachmentRef
from assistant.model.problems import Problem
from assistant.model.progress import CancelCheck, Progress, check_cancel, report

# Problems are filed under these case-level names (the wizard's 添付書類 step shows both).
DOCUMENTS_FIELD = "attachments"
PHOTO_FIELD = "photo"

_FILE_TOO_LARGE = frozenset({"pdf_too_large", "pdf_too_large_single"})

@dataclass(frozen=True)
class _Preview:
    png: bytes | None        # a document's preview, or None when it has none


_T = TypeVar("_T", DocumentCheck, PhotoCheck, _Preview)
_WAIT_STEP = 0.05       # seconds between cancel checks while waiting for another thread

Stamp = tuple[int, int, int]      # size, modification time (ns), inode


def file_stamp(path: str) -> Stamp | None:
    """What tells a changed or replaced file apart; None when it cannot be found."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ino)


class CheckCache:
    """Results of earlier checks, keyed by the file's stamp and what the check depends on.

    Documents are keyed by (path, size, mtime, inode, profile); the photo also by the filing
    date and the entered taken date. Thread-safe: worker threads of the wizard and of the
    attachments panel use one cache, and a file being checked by one thread is not checked
    by a second one at the same time (it waits for the result). Files that cannot be found
    are never stored.
    """

    def __init__(self, max_entries: int = 256) -> None:
        self._entries: OrderedDict[tuple[object, ...],
                                   DocumentCheck | PhotoCheck | _Preview] = OrderedDict()
        self._lock = threading.Lock()
        self._running: dict[tuple[object, ...], threading.Event] = {}
        self._max = max_entries
        self.hits = 0
        self.misses = 0

    def _get_or_check(self, key: tuple[object, ...], check: Callable[[], _T],
                      cancelled: CancelCheck | None) -> _T:
        while True:
            with self._lock:
                found = self._entries.get(key)
                if found is not None:
                    self.hits += 1
                    self._entries.move_to_end(key)
                    return found  # type: ignore[return-value]
                running = self._running.get(key)
                if running is None:
                    running = self._running[key] = threading.Event()
                    self.misses += 1
                    break
            # Another thread is checking this very file: wait for its result.
            while not running.wait(_WAIT_STEP):
                check_cancel(cancelled)
        try:
            result = check()
            with self._lock:
                self._entries[key] = result
                self._entries.move_to_end(key)
                while len(self._entries) > self._max:
                    self._entries.popitem(last=False)
            return result
        finally:
            with self._lock:
                self._running.pop(key, None)
            running.set()

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def document(self, path: str, limits: AttachmentLimits, *,
                 cancelled: CancelCheck | None = None) -> DocumentCheck:
        """:func:`check_document` of ``path``, from the cache when the file is unchanged."""
        stamp = file_stamp(path)
        if stamp is None:
            return check_document(path, limits, cancelled=cancelled)
        return self._get_or_check(("document", path, stamp, limits),
                                  lambda: check_document(path, limits, cancelled=cancelled),
                                  cancelled)

    def thumbnail(self, path: str, size: int, limits: AttachmentLimits, *,
                  cancelled: CancelCheck | None = None) -> bytes | None:
        """:func:`~.thumbnails.thumbnail_png` of ``path``, from the cache when unchanged."""
        from assistant.model.attachments.thumbnails import thumbnail_png

        stamp = file_stamp(path)
        if stamp is None:
            return None
        return self._get_or_check(("thumbnail", path, stamp, size, limits.max_image_pixels),
                                  lambda: _Preview(thumbnail_png(path, size, limits)),
                                  cancelled).png

    def photo(self, path: str, limits: AttachmentLimits, apply_on: date,
              taken_on: date | None = None, *,
              cancelled: CancelCheck | None = None) -> PhotoCheck:
        """:func:`check_photo` of ``path``, from the cache when nothing it depends on changed."""
        stamp = file_stamp(path)
        if stamp is None:
            return check_photo(path, limits, apply_on=apply_on, taken_on=taken_on)
        return self._get_or_check(
            ("photo", path, stamp, limits, apply_on, taken_on),
            lambda: check_photo(path, limits, apply_on=apply_on, taken_on=taken_on), cancelled)


@cache
def shared_cache() -> CheckCache:
    """The one cache of the application (the wizard and the attachments panel use it)."""
    return CheckCache()


@dataclass(frozen=True)
class AttachmentsCheck:
    """The result of :func:`check_attachments`."""

    documents: tuple[DocumentCheck, ...]   # in the order the case sends them
    photo: PhotoCheck | None
    problems: tuple[Problem, ...]          # fields ``attachments`` and ``photo``
    thumbnails: Mapping[str, bytes | None] = field(default_factory=dict)   # PNG by path

    def document(self, path: str) -> DocumentCheck | None:
        """The check of the document ``path`` (None when it was not part of this check)."""
        return next((d for d in self.documents if d.file == path), None)

    @property
    def set_problems(self) -> list[Problem]:
        """The problems of the documents taken together (no single file's)."""
        return [p for p in self.problems if "file" not in p.params]

    @property
    def missing(self) -> list[str]:
        """Paths of attached files that cannot be found any more."""
        checks: list[DocumentCheck | PhotoCheck] = list(self.documents)
        if self.photo is not None:
            checks.append(self.photo)
        return [c.file for c in checks if any(p.code == "file_missing" for p in c.problems)]


def attachment_problems(documents: Iterable[DocumentCheck], photo: PhotoCheck | None,
                        limits: AttachmentLimits) -> list[Problem]:
    """Each document's problems, the photo's, and those of the documents taken together.

    Their ``field`` is ``attachments`` or ``photo`` (the step that shows them); each message
    names its file, and ``params["file"]`` holds its path (the UI selects the file).
    """
    documents = list(documents)
    found = [_filed(p, DOCUMENTS_FIELD, d.file) for d in documents for p in d.problems]
    if photo is not None:
        found.extend(_filed(p, PHOTO_FIELD, photo.file) for p in photo.problems)
    photo_bytes = photo.size_bytes if photo is not None else 0
    oversized = any(p.code in _FILE_TOO_LARGE for d in documents for p in d.problems)
    found.extend(replace(p, field=DOCUMENTS_FIELD)
                 for p in check_set(documents, limits, photo_bytes, photo=photo is not None)
                 # A file over the limit on its own already says so, with the same remedy.
                 if not (oversized and p.code == "attachments_total_too_large"))
    return found


def _filed(problem: Problem, field: str, path: str) -> Problem:
    return replace(problem, field=field, params={**problem.params, "file": path})


def entered_taken_on(ref: AttachmentRef) -> date | None:
    """The taken date the office entered for ``ref`` (None when none, or not a date)."""
    if not ref.taken_on:
        return None
    try:
        return date.fromisoformat(ref.taken_on)
    except ValueError:
        return None


def check_attachments(refs: Iterable[AttachmentRef], limits: AttachmentLimits, apply_on: date,
                      *, taken_on: date | None = None, cache: CheckCache | None = None,
                      thumbnail_size: int | None = None, progress: Progress | None = None,
                      cancelled: CancelCheck | None = None) -> AttachmentsCheck:
    """Check every document and the photo of a case for filing on ``apply_on``.

    ``refs`` are the case's attachments (documents in ``position`` order; the first photo
    counts). The photo's taken date entered by the office (used when EXIF has none) is its
    ``AttachmentRef.taken_on``; ``taken_on`` given here takes its place. With a
    ``thumbnail_size``, each document's preview (PNG) comes with the result, for the list on
    the attachments page. Reports progress per file (the file name as message); raises
    :class:`~assistant.model.progress.Cancelled` when ``cancelled()`` turns true.
    """
    cache = cache if cache is not None else CheckCache(max_entries=0)
    refs = list(refs)
    docs = sorted((r for r in refs if r.kind != "photo"), key=lambda r: r.position)
    photo_ref = next((r for r in refs if r.kind == "photo"), None)
    total = len(docs) + (photo_ref is not None)
    documents: list[DocumentCheck] = []
    thumbnails: dict[str, bytes | None] = {}
    for index, ref in enumerate(docs):
        check_cancel(cancelled)
        report(progress, index, total, os.path.basename(ref.path))
        documents.append(cache.document(ref.path, limits, cancelled=cancelled))
        if thumbnail_size is not None:
            thumbnails[ref.path] = cache.thumbnail(ref.path, thumbnail_size, limits,
                                                   cancelled=cancelled)
    photo: PhotoCheck | None = None
    if photo_ref is not None:
        check_cancel(cancelled)
        report(progress, len(docs), total, os.path.basename(photo_ref.path))
        entered = taken_on if taken_on is not None else entered_taken_on(photo_ref)
        photo = cache.photo(photo_ref.path, limits, apply_on, entered, cancelled=cancelled)
    report(progress, total, total, "")
    return AttachmentsCheck(tuple(documents), photo,
                            tuple(attachment_problems(documents, photo, limits)), thumbnails)
