"""AttachmentChecker: the one place that schedules the check of a case's attachments.

The check itself is :func:`assistant.model.attachments.casecheck.check_attachments` (every
document, the photo and the documents taken together, with a cache shared by the whole
application). This object decides *when* it runs, off the GUI thread, and keeps the last
result. The wizard creates one per case as soon as the case is opened (its step marks and the
Step 3 list count the file problems whether or not the attachments page is ever shown) and
hands it to the attachments page, which shows the same result beside each file; a page used on
its own makes its own.

What is checked is said in parts, by whoever knows it: the files (:meth:`set_files`, the page
as the office edits the list), the rule profile and filing date (:meth:`set_rules`, the
wizard), or all at once (:meth:`request`). Nothing runs unless something that changes the
verdicts changed. Files (and their folders) are watched, so a file replaced, moved or deleted
on disk is checked again by itself.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

from assistant.model.case import AttachmentRef
from assistant.model.problems import Problem
from assistant.ui.ops import Operation

if TYPE_CHECKING:
    from assistant.model.attachments.casecheck import AttachmentsCheck, Stamp
    from assistant.model.attachments.limits import AttachmentLimits

# A burst of file events (a copy in progress, a folder being cleaned up) triggers one check.
RECHECK_DELAY_MS = 300


@dataclass(frozen=True)
class CheckRequest:
    """Everything a verdict depends on (two equal requests give the same result)."""

    refs: tuple[AttachmentRef, ...] = ()
    profile_id: str | None = None
    apply_on: date | None = None              # None: today, when the check starts
    thumbnail_size: int | None = None         # previews too (only once a page shows them)

    def key(self) -> tuple[object, ...]:
        """What the verdicts depend on: which documents (not their order, numbering or
        titles), the photo with its entered taken date, the rules and the date."""
        docs = tuple(sorted(r.path for r in self.refs if r.kind != "photo"))
        photo = next(((r.path, r.taken_on) for r in self.refs if r.kind == "photo"), None)
        return (docs, photo, self.profile_id, self.apply_on, self.thumbnail_size)


class AttachmentChecker(QObject):
    """The problems of one case's attachments for a rule profile and filing date.

    ``updated`` is emitted when a check starts and when a new result is in (and when the
    inputs change); ``progressed(done, total, file name)`` while it runs; ``files_changed``
    when a watched file changed on disk (it is then checked again); ``disk_looked_at(ours)``
    each time a burst of file events has been looked at (``ours``: one of the attached files
    changed). :attr:`runs` counts the checks started. :meth:`result` and
    :meth:`problems` are the last complete result; :meth:`is_checking` tells whether a newer
    one is on its way.
    """

    updated = Signal()
    progressed = Signal(int, int, str)
    files_changed = Signal()
    disk_looked_at = Signal(bool)    # after a burst of file events: did one of ours change?

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._wanted = CheckRequest()
        self._requested = False                    # nothing is checked before a request
        self._checked: tuple[object, ...] | None = None   # the key self._result belongs to
        self._result: AttachmentsCheck | None = None
        self._result_request: CheckRequest | None = None     # what self._result was made for
        self._op: Operation[AttachmentsCheck] | None = None
        self._again = False
        # Running checks are told to stop when the owner goes away (a closure: the bound
        # methods of an object being destroyed are no longer called).
        running: list[Operation[AttachmentsCheck]] = []
        self._running = running
        alive = [True]
        self._alive = alive
        self._stamps: dict[str, Stamp | None] = {}     # the files as they were last checked
        self._done = 0
        self._total = 0
        self.runs = 0          # checks started (each costs one worker thread)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._on_watcher_changed)
        self._watcher.directoryChanged.connect(self._on_watcher_changed)
        self._recheck_timer = QTimer(self)
        self._recheck_timer.setSingleShot(True)
        self._recheck_timer.setInterval(RECHECK_DELAY_MS)
        self._recheck_timer.timeout.connect(self._on_recheck_timer_timeout)

        def stop_running(*_args: object) -> None:
            alive[0] = False
            for op in running:
                op.cancel()

        self.destroyed.connect(stop_running)

    # --- what to check ----------------------------------------------------------------------
    def request(self, refs: list[AttachmentRef], profile_id: str | None, apply_on: date,
                taken_on: date | None = None) -> None:
        """Check ``refs`` for ``profile_id`` and filing on ``apply_on`` (if anything changed).

        ``taken_on`` replaces the photo's entered taken date (its ``AttachmentRef.taken_on``).
        """
        if taken_on is not None:
            refs = [replace(r, taken_on=taken_on.isoformat()) if r.kind == "photo" else r
                    for r in refs]
        self._want(replace(self._wanted, refs=tuple(refs), profile_id=profile_id,
                           apply_on=apply_on))

    def set_files(self, refs: list[AttachmentRef]) -> None:
        """The documents (in ``position`` order) and the photo to check."""
        self._want(replace(self._wanted, refs=tuple(refs)))

    def set_rules(self, profile_id: str | None, apply_on: date | None = None) -> None:
        """The rule profile (None: the default one) and the planned filing date."""
        self._want(replace(self._wanted, profile_id=profile_id,
                           apply_on=apply_on if apply_on is not None else self._wanted.apply_on))

    def set_thumbnail_size(self, size: int | None) -> None:
        """Make the documents' previews of ``size`` pixels too (None: no previews)."""
        self._want(replace(self._wanted, thumbnail_size=size))

    def recheck(self) -> None:
        """Check the same files again (unchanged ones cost one ``stat`` each)."""
        if self._requested:
            self._checked = None
            self._watch(list(self._wanted.refs))
            self._begin()

    # --- what was found ---------------------------------------------------------------------
    def wanted(self) -> CheckRequest:
        """What is (to be) checked now."""
        return self._wanted

    def limits(self) -> AttachmentLimits:
        """The limits of the wanted rule profile."""
        from assistant.model.attachments.limits import limits_for

        return limits_for(self._wanted.profile_id)

    def result(self) -> AttachmentsCheck | None:
        """The last finished check (None before the first)."""
        return self._result

    def result_request(self) -> CheckRequest | None:
        """What :meth:`result` was made for (None before the first check)."""
        return self._result_request

    def result_is_current(self) -> bool:
        """True when :meth:`result` was made for what is wanted now."""
        return self._result is not None and self._checked == self._wanted.key()

    def problems(self) -> list[Problem]:
        """The problems of the last finished check (fields ``attachments`` / ``photo``)."""
        return list(self._result.problems) if self._result is not None else []

    def is_checking(self) -> bool:
        """True until the result belongs to the latest request."""
        return self._requested and self._checked != self._wanted.key()

    def progress(self) -> tuple[int, int]:
        """(files done, files) of the running check."""
        return self._done, self._total

    # --- running ------------------------------------------------------------------------------
    def _want(self, wanted: CheckRequest) -> None:
        if self._requested and wanted.key() == self._wanted.key():
            self._wanted = wanted            # titles or numbering only: nothing to check
            return
        files_changed = wanted.refs != self._wanted.refs or not self._requested
        self._wanted = wanted
        self._requested = True
        if files_changed:
            self._watch(list(wanted.refs))
        self._begin()

    def _begin(self) -> None:
        if not self._wanted.refs and not self._busy():
            from assistant.model.attachments.casecheck import AttachmentsCheck

            # nothing to read
            self._result, self._checked = AttachmentsCheck((), None, ()), self._wanted.key()
            self._result_request = self._wanted
            self.updated.emit()
            return
        self._start()

    def _busy(self) -> bool:
        return self._op is not None and self._op.is_running()

    def _start(self) -> None:
        if self._busy():
            assert self._op is not None
            self._again = True
            self._op.cancel()           # its result is out of date; start afresh after it
            self.updated.emit()
            return
        from assistant.model.attachments.casecheck import check_attachments, shared_cache
        from assistant.model.attachments.limits import limits_for

        wanted = self._wanted
        self._stamps = self._stamps_now()
        self._again = False
        self._done, self._total = 0, len(wanted.refs)
        owner = self.parent()
        alive = self._alive
        # No failure handler of its own: a failure of the check is a defect (bad files are
        # problems, not exceptions), so it takes the bridge's default path (crash report).
        op = Operation(check_attachments, list(wanted.refs), limits_for(wanted.profile_id),
                       wanted.apply_on or date.today(), cache=shared_cache(),
                       thumbnail_size=wanted.thumbnail_size,
                       parent=owner if isinstance(owner, QWidget) else None)

        def progressed(done: int, total: int, name: str) -> None:
            if alive[0]:
                self._on_op_progressed(done, total, name)

        def succeeded(result: AttachmentsCheck) -> None:
            if alive[0]:
                self._on_op_succeeded(wanted, result)

        def finished() -> None:
            if alive[0]:
                self._on_op_finished(wanted)

        op.on_progress(progressed).on_success(succeeded).on_finish(finished)
        op.failure_title(self.tr("添付ファイルを確認できませんでした"))
        self._op = op
        self._running[:] = [op]
        self.runs += 1
        op.start()
        self.updated.emit()

    def _on_op_progressed(self, done: int, total: int, name: str) -> None:
        self._done, self._total = done, total
        if not self._again:
            self.progressed.emit(done, total, name)

    def _on_op_succeeded(self, request: CheckRequest, result: AttachmentsCheck) -> None:
        if self._again:
            return                      # a newer request is waiting; this one is stale
        self._result, self._result_request = result, request
        self._checked = request.key()

    def _on_op_finished(self, request: CheckRequest) -> None:
        self._op = None
        self._running.clear()
        if self._again:
            self._start()
            return
        if self._checked != request.key():
            # Failed (reported by the bridge): keep the last result and do not claim to be
            # checking for ever; a change on disk or a new request checks again.
            self._checked = request.key()
        self.updated.emit()

    def shutdown(self) -> None:
        """Stop a running check and wait for its thread (when the window closes)."""
        if self._op is not None and self._op.is_running():
            self._op.shutdown()

    # --- watching the files ---------------------------------------------------------------
    def _watch(self, refs: list[AttachmentRef]) -> None:
        wanted = set()
        for ref in refs:
            if os.path.isfile(ref.path):
                wanted.add(ref.path)
            folder = os.path.dirname(ref.path)
            if folder and os.path.isdir(folder):
                wanted.add(folder)
        watched = set(self._watcher.files()) | set(self._watcher.directories())
        gone = sorted(watched - wanted)
        new = sorted(wanted - watched)
        if gone:
            self._watcher.removePaths(gone)
        if new:
            self._watcher.addPaths(new)

    @Slot(str)
    def _on_watcher_changed(self, _path: str) -> None:
        self._recheck_timer.start()

    def _stamps_now(self) -> dict[str, Stamp | None]:
        from assistant.model.attachments.casecheck import file_stamp

        return {ref.path: file_stamp(ref.path) for ref in self._wanted.refs}

    def stamps_changed(self) -> bool:
        """True when one of the checked files differs on disk from when it was checked."""
        return self._stamps_now() != self._stamps

    @Slot()
    def _on_recheck_timer_timeout(self) -> None:
        # A watched folder changes whenever any file in it does (a download next to the
        # attachments): look again only when one of ours did.
        ours = self.stamps_changed() or self.is_checking()
        if ours:
            self.recheck()
            self.files_changed.emit()
        self.disk_looked_at.emit(ours)

