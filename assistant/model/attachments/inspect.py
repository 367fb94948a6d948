"""Checking a list of documents for the attachment panel: check result plus a preview."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.model.attachments.casecheck import CheckCache
from assistant.model.attachments.limits import AttachmentLimits
from assistant.model.attachments.pdfcheck import DocumentCheck, check_document
from assistant.model.attachments.thumbnails import thumbnail_png
from assistant.model.progress import CancelCheck, Progress, check_cancel, report


@dataclass(frozen=True)
class DocumentInfo:
    check: DocumentCheck
    thumbnail: bytes | None      # PNG, or None (the UI shows a page icon)


def inspect_documents(paths: list[str], limits: AttachmentLimits, thumbnail_size: int = 96,
                      *, cache: CheckCache | None = None, progress: Progress | None = None,
                      cancelled: CancelCheck | None = None) -> list[DocumentInfo]:
    """Check each document and make its preview, reporting progress per file.

    With a ``cache``, a file unchanged since its last check is not opened again for the check.
    """
    found: list[DocumentInfo] = []
    for index, path in enumerate(paths):
        check_cancel(cancelled)
        report(progress, index, len(paths), path)
        check = (cache.document(path, limits, cancelled=cancelled) if cache is not None
                 else check_document(path, limits, cancelled=cancelled))
        found.append(DocumentInfo(check, thumbnail_png(path, thumbnail_size, limits)))
    report(progress, len(paths), len(paths), "")
    return found
