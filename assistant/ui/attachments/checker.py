"""AttachmentChecker: a case's attachment problems, kept current off the GUI thread.

The wizard asks for them as soon as a case is opened, whether or not the attachments page
is ever shown. The check itself is :func:`assistant.model.attachments.casecheck.check_attachments`
run through :class:`~assistant.ui.operations.Operation`; unchanged files come from the shared
cache. Files (and their folders) are watched, so a file replaced, moved or deleted on disk is
checked again by itself.
"""

from __future__ import annotations

import os
from datetime import date
from typing import Any

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal, Slot

from assistant.model.case import AttachmentRef
from assistant.model.problems import Problem
from assistant.ui.operations import Operation

# A burst of file events (a copy in progress, a folder being cleaned up) triggers one check.
RECHECK_DELAY_MS = 300

_Request = tuple[tuple[AttachmentRef, ...], str | None, date, date | None]


class AttachmentChecker(QObject):
    """The problems of one case's attachments for a rule profile and filing date.

    :meth:`request` says what to check (cheap to call often: nothing happens unless an input
    changed); ``updated`` is emitted when checking starts and when new problems are in.
    :meth:`problems` are the last complete result; :meth:`is_checking` tells whether a newer
    one is on its way.
    """

    updated = Signal()
    files_changed = Signal()     # a watched file or folder changed on disk (checked again)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._wanted: _Request | None = None
        self._checked: _Request | None = None      # what self._problems belong to
        self._problems: list[Problem] = []
        self._op: Operation | None = None
        self._op_request: _Request | None = None
        # Running checks are told to stop when the wizard goes away (a closure: the bound
        # methods of an object being destroyed are no longer called).
        running: list[Operation] = []
        self._running = running
        self._again = False
        self._stamps: dict[str, object] = {}      # the files as they were last checked
        self._done = 0
        self._total = 0
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._on_watcher_changed)
        self._watcher.directoryChanged.connect(self._on_watcher_changed)
        self._recheck_timer = QTimer(self)
        self._recheck_timer.setSingleShot(True)
        self._recheck_timer.setInterval(RECHECK_DELAY_MS)
        self._recheck_timer.timeout.connect(self._on_recheck_timer_timeout)
        self.destroyed.connect(lambda *_args: [op.cancel() for op in running])

    # --- API ------------------------------------------------------------------------------
    def request(self, refs: list[AttachmentRef], profile_id: str | None, apply_on: date,
                taken_on: date | None = None) -> None:
        """Check ``refs`` for ``profile_id`` and filing on ``apply_on`` (if anything changed)."""
        wanted: _Request = (tuple(refs), profile_id, apply_on, taken_on)
        if wanted == self._wanted:
            return
        self._wanted = wanted
        self._watch(refs)
        self._begin()

    def recheck(self) -> None:
        """Check the same files again (unchanged ones cost one ``stat`` each)."""
        if self._wanted is not None:
            self._checked = None
            self._watch(list(self._wanted[0]))
            self._begin()

    def problems(self) -> list[Problem]:
        """The problems of the last finished check (fields ``attachments`` / ``photo``)."""
        return list(self._problems)

    def is_checking(self) -> bool:
        """True until the problems belong to the latest request."""
        return self._wanted is not None and self._checked != self._wanted

    def progress(self) -> tuple[int, int]:
        """(files done, files) of the running check."""
        return self._done, self._total

    # --- running --------------------------------------------------------------------------
    def _begin(self) -> None:
        assert self._wanted is not None
        if not self._wanted[0] and not (self._op is not None and self._op.is_running()):
            self._problems, self._checked = [], self._wanted     # nothing to read
            self.updated.emit()
            return
        self._start()

    def _start(self) -> None:
        if self._op is not None and self._op.is_running():
            self._again = True
            self._op.cancel()           # its result is out of date; start afresh after it
            self.updated.emit()
            return
        assert self._wanted is not None
        from assistant.model.attachments.casecheck import check_attachments, shared_cache
        from assistant.model.attachments.limits import limits_for

        refs, profile_id, apply_on, taken_on = self._wanted
        self._stamps = self._stamps_now()
        self._again = False
        self._done, self._total = 0, len(refs)
        op = Operation(check_attachments, list(refs), limits_for(profile_id), apply_on,
                       taken_on=taken_on, cache=shared_cache(), parent=self)
        op.progressed.connect(self._on_op_progressed)
        op.succeeded.connect(self._on_op_succeeded)
        op.failed.connect(self._on_op_failed)
        op.finished.connect(self._on_op_finished)
        self._op = op
        self._op_request = self._wanted
        self._running[:] = [op]
        op.start()
        self.updated.emit()

    @Slot(int, int, str)
    def _on_op_progressed(self, done: int, total: int, _name: str) -> None:
        self._done, self._total = done, total

    @Slot(object)
    def _on_op_succeeded(self, result: Any) -> None:
        if self._again:
            return                      # a newer request is waiting; this one is stale
        self._problems = list(result.problems)
        self._checked = self._op_request

    @Slot(object)
    def _on_op_failed(self, error: object) -> None:
        # The model reports bad files as problems; anything else is a bug in the check.
        # Keep the last result, and do not claim to be checking for ever.
        if not self._again:
            self._checked = self._op_request

    @Slot()
    def _on_op_finished(self) -> None:
        op, self._op = self._op, None
        self._running.clear()
        if op is not None:
            op.deleteLater()
        if self._again:
            self._start()
        else:
            self.updated.emit()

    def shutdown(self) -> None:
        """Stop a running check and wait for its thread (when the window closes)."""
        if self._op is not None and self._op.is_running():
            self._op.shutdown()

    # --- watching the files -------------------------------------------------------------
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

    def _stamps_now(self) -> dict[str, object]:
        from assistant.model.attachments.casecheck import file_stamp

        refs = self._wanted[0] if self._wanted is not None else ()
        return {ref.path: file_stamp(ref.path) for ref in refs}

    @Slot()
    def _on_recheck_timer_timeout(self) -> None:
        # A watched folder changes whenever any file in it does (a download next to the
        # attachments): look again only when one of ours did.
        if self._stamps_now() == self._stamps and not self.is_checking():
            return
        self.recheck()
        self.files_changed.emit()
