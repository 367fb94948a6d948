"""Attachments: check and prepare the documents (PDF) and the face photo (docs/domain.md#attachments).

Modules (pypdf and Pillow are imported only inside functions, to keep start-up fast):

- :mod:`.limits`   — the profile's limits from ``resources/rules/attachments.json``
- :mod:`.sniff`    — what a file really is, from its first bytes
- :mod:`.pdfcheck` — :func:`check_pdf`, :func:`check_document`, :func:`check_set`
- :mod:`.geometry` — where images are drawn on a page (effective resolution)
- :mod:`.images`   — safe image opening (decompression bombs, HEIC) and real size on paper
- :mod:`.prepare`  — :func:`prepare_documents`: merge, outline, compress, split (参考様式9)
- :mod:`.photo`    — :func:`check_photo`, :func:`crop_photo`
- :mod:`.thumbnails` — small previews for the UI (first page of a scan, or the image)
- :mod:`.casecheck` — :func:`check_attachments`: every file of a case (and previews), with a shared cache
"""
