"""AttachmentsPanel: the documents and the face photo of a case, checked and prepared.

The page is put together from three parts, each in its own module: the document list with the
set's totals (:mod:`.document_list`), the making of the file to send (:mod:`.prepare_section`)
and the photo (:mod:`.photo_section`). What each file's check found comes from one
:class:`~.checker.AttachmentChecker`: the wizard's own when the page is one of its steps (the
step marks, Step 3 and this page show one result), else one the panel makes.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QGroupBox, QVBoxLayout, QWidget

from assistant.model.attachments.limits import AttachmentLimits
from assistant.model.case import AttachmentRef
from assistant.model.problems import Problem
from assistant.ui import ask
from assistant.ui.attachments.checker import AttachmentChecker
from assistant.ui.attachments.document_list import DOCUMENT_FILTER, THUMB, DocumentsSection
from assistant.ui.attachments.photo_section import PHOTO_FILTER, PhotoSection
from assistant.ui.attachments.prepare_section import PrepareSection


class AttachmentsPanel(QWidget):
    """The case's documents (checked, ordered, prepared into the PDF to send) and photo.

    API for the wizard step and the case tab: :meth:`set_attachments`,
    :meth:`attachments`, :meth:`set_profile`, :meth:`set_filing_date`, :meth:`problems`;
    ``changed`` when the office changes the list or the photo; ``problems_changed`` when a
    check has a new result; ``prepared`` with the
    :class:`~assistant.model.attachments.prepare.PrepareReport` after a successful build.

    ``checker``: the checker whose results this page shows (the wizard's); the panel makes
    its own when None, with ``profile_id`` and today as the filing date.
    """

    changed = Signal()
    problems_changed = Signal()
    prepared = Signal(object)

    def __init__(self, profile_id: str | None = None, parent: QWidget | None = None, *,
                 checker: AttachmentChecker | None = None) -> None:
        super().__init__(parent)
        self.checker = checker if checker is not None else AttachmentChecker(self)
        if checker is None:
            self.checker.set_rules(profile_id, date.today())
        # (path, outline title) in the order the merged PDF follows; None: the list's order.
        self.outline: Callable[[list[AttachmentRef]], list[tuple[str, str]]] | None = None
        self.documents = DocumentsSection(self)
        self.work = PrepareSection(self)
        self.photo_box = PhotoSection(self)
        documents = QGroupBox(self.tr("資料（PDF・スキャン画像）"))
        doc_layout = QVBoxLayout(documents)
        doc_layout.addWidget(self.documents, 1)
        doc_layout.addWidget(self.work)
        layout = QVBoxLayout(self)
        layout.addWidget(documents, 1)
        layout.addWidget(self.photo_box)

        # The parts' widgets, under the names the wizard and the tests use.
        self.list = self.documents.list
        self.rules_label = self.documents.rules_label
        self.empty_hint = self.documents.empty_hint
        self.add_button = self.documents.add_button
        self.remove_button = self.documents.remove_button
        self.up_button = self.documents.up_button
        self.down_button = self.documents.down_button
        self.gauge_text = self.documents.gauge_text
        self.gauge = self.documents.gauge
        self.gauge_label = self.documents.gauge_label
        self.set_label = self.documents.set_label
        self.prepare_button = self.work.prepare_button
        self.cancel_button = self.work.cancel_button
        self.progress = self.work.progress
        self.status_label = self.work.status_label
        self.result_label = self.work.result_label
        self.photo_thumb = self.photo_box.photo_thumb
        self.photo_name = self.photo_box.photo_name
        self.photo_choose = self.photo_box.photo_choose
        self.photo_crop = self.photo_box.photo_crop
        self.taken_check = self.photo_box.taken_check
        self.taken_edit = self.photo_box.taken_edit
        self.photo_problems = self.photo_box.photo_problems

        self.documents.changed.connect(self._on_documents_changed)
        self.documents.add_requested.connect(self._on_documents_add_requested)
        self.documents.files_offered.connect(self.add_documents)
        self.photo_box.changed.connect(self._on_photo_box_changed)
        self.photo_box.choose_requested.connect(self._on_photo_box_choose_requested)
        self.photo_box.crop_requested.connect(self._on_photo_box_crop_requested)
        self.work.prepare_requested.connect(self._on_work_prepare_requested)
        self.work.prepared.connect(self.prepared)
        self.work.busy_changed.connect(self.documents.set_busy)
        self.checker.updated.connect(self._on_checker_updated)
        self.checker.progressed.connect(self._on_checker_progressed)
        self.checker.set_thumbnail_size(THUMB)        # the list shows previews
        self._show()

    # --- public API ----------------------------------------------------------------------------
    def limits(self) -> AttachmentLimits:
        """The limits of the rule profile the files are judged by."""
        return self.checker.limits()

    def set_profile(self, profile_id: str | None) -> None:
        """Judge against another rule profile (re-checks everything)."""
        self.checker.set_rules(profile_id)

    def set_filing_date(self, day: date) -> None:
        """The planned filing date, against which the photo's age is judged."""
        self.checker.set_rules(self.checker.wanted().profile_id, day)

    def set_attachments(self, refs: list[AttachmentRef]) -> None:
        """Show these documents (in ``position`` order) and photo; has them checked."""
        self.work.cancel_work()
        self.documents.set_documents([r for r in refs if r.kind != "photo"])
        self.photo_box.set_photo_ref(next((r for r in refs if r.kind == "photo"), None))
        self.checker.set_files(self.attachments())
        self._show()

    def attachments(self) -> list[AttachmentRef]:
        """The documents in the order shown (``position`` 0, 1, …) and the photo."""
        refs = self.documents.documents()
        photo = self.photo_box.photo()
        return refs + ([photo] if photo is not None else [])

    def problems(self) -> list[Problem]:
        """What the checks found: each file's problems, the photo's, the set's.

        Their ``field`` is ``attachments`` or ``photo`` (the step that shows them); the
        message names the file.
        """
        return self.checker.problems()

    def recheck(self) -> None:
        """Check every file again (after they changed on disk; unchanged ones are cached)."""
        self.checker.recheck()

    def select_file(self, path: str) -> None:
        """Select the document ``path`` in the list (or focus the photo when it is the photo)."""
        if not self.documents.select(path) and self.photo_box.path() == path:
            from PySide6.QtCore import Qt

            self.photo_choose.setFocus(Qt.FocusReason.OtherFocusReason)

    def entered_taken_on(self) -> date | None:
        """The photo's taken date the office entered (used when the photo has no EXIF date)."""
        return self.photo_box.entered_taken_on()

    def add_documents(self, paths: list[str]) -> None:
        """Add files at the end of the list (files already listed are skipped).

        A folder, device, FIFO or link loop is not added; the office is told which.
        """
        added, refused = self.documents.add_documents(paths)
        if added:
            self._on_documents_changed()
        if refused:
            ask.warning(self, self.tr("追加できないもの"), "\n".join(refused))

    def set_photo(self, path: str | None, taken_on: date | None = None) -> None:
        """Use ``path`` as the face photo (None removes it)."""
        self.photo_box.set_photo(path, taken_on)

    def is_busy(self) -> bool:
        """True while the files are being checked or the file to send is being made."""
        return self.work.is_busy() or self.checker.is_checking()

    def cancel_work(self) -> None:
        """Stop making the file to send and wait for its worker thread."""
        self.work.cancel_work()

    def prepare_to(self, out: str) -> None:
        """Build the PDF(s) to send into ``out`` in a worker thread (progress shown).

        Never over the case database, its backups or into the data folder (the office is
        told why); replacing another file was asked by the save dialog.
        """
        from assistant.model.attachments.prepare import SourceDocument

        if not ask.output_allowed(self, out):
            return
        refs = self.documents.documents()
        if self.outline is not None:       # the checklist's order and item names
            sources = [SourceDocument(path, title) for path, title in self.outline(refs)]
        else:
            sources = [SourceDocument(ref.path, ref.title) for ref in refs]
        self.work.prepare(sources, out, self.limits(), self.photo_box.size_bytes())

    # --- showing ---------------------------------------------------------------------------------
    def _show(self) -> None:
        """Show the checker's last result under the rules wanted now."""
        result = self.checker.result()
        made_for = self.checker.result_request()
        if made_for is None or made_for.profile_id != self.checker.wanted().profile_id:
            result = None                 # judged by other rules: wait for the new verdicts
        photo_check = result.photo if result is not None else None
        self.photo_box.show_check(photo_check)
        self.documents.show_result(result, self.limits(), self.photo_box.size_bytes(),
                                   self.photo_box.path() is not None)
        self.work.set_documents_present(self.list.count() > 0)
        done, total = self.checker.progress()
        self.work.show_check_progress(self.checker.is_checking(), done, total, "")

    @Slot()
    def _on_checker_updated(self) -> None:
        self._show()
        self.problems_changed.emit()

    @Slot(int, int, str)
    def _on_checker_progressed(self, done: int, total: int, name: str) -> None:
        self.work.show_check_progress(True, done, total, name)

    # --- the office's edits ---------------------------------------------------------------------
    @Slot()
    def _on_documents_changed(self) -> None:
        self.checker.set_files(self.attachments())
        self._show()
        self.changed.emit()

    @Slot()
    def _on_photo_box_changed(self) -> None:
        self.checker.set_files(self.attachments())
        self._show()
        self.changed.emit()

    @Slot()
    def _on_documents_add_requested(self) -> None:
        paths = ask.open_files(self, self.tr("追加する資料を選択"), "",
                               self.tr("PDF・画像 ({0})").format(DOCUMENT_FILTER))
        if paths:
            self.add_documents([str(p) for p in paths])

    @Slot()
    def _on_work_prepare_requested(self) -> None:
        documents = self.documents.documents()
        first = documents[0].path if documents else ""
        start = os.path.join(os.path.dirname(first), self.tr("送信用資料.pdf"))
        chosen = ask.save_file(self, self.tr("送信用 PDF の保存先"), start,
                               self.tr("PDF (*.pdf)"))
        if chosen is not None:
            out = str(chosen)
            if not out.lower().endswith(".pdf"):
                out += ".pdf"
            self.prepare_to(out)

    @Slot()
    def _on_photo_box_choose_requested(self) -> None:
        path = ask.open_file(self, self.tr("顔写真を選択"), "",
                             self.tr("画像 ({0})").format(PHOTO_FILTER))
        if path is not None:
            self.set_photo(str(path))

    @Slot()
    def _on_photo_box_crop_requested(self) -> None:
        from assistant.model.attachments.images import ImageTooLarge
        from assistant.ui.attachments.crop_dialog import PhotoCropDialog

        path = self.photo_box.path()
        if path is None:
            return
        try:
            dialog = PhotoCropDialog(path, limits=self.limits(), parent=self)
        except (OSError, ValueError, ImageTooLarge):
            # unreadable, damaged or too large: the photo's check already says what to do;
            # anything else is a defect and reaches the crash report
            ask.warning(self, self.tr("写真を切り抜く"),
                        self.tr("写真を開けませんでした。写真の確認結果を見てください。"))
            return
        if dialog.exec() and dialog.saved_path:
            taken = dialog.taken_on
            if taken is None:
                taken = self.photo_box.entered_taken_on()
            self.set_photo(dialog.saved_path, taken)
