"""The one bridge that runs a long model function off the GUI thread.

A model function that may take long (merging PDFs, compressing, checking many files, an
export) takes two keyword arguments, see :mod:`assistant.model.progress`::

    def work(..., progress=None, cancelled=None) -> Result

:class:`Operation` runs it in a worker thread and reports back by signals, which Qt delivers
in the GUI thread (queued connections), so slots may touch widgets freely. The worker never
touches a widget. Typical use in a widget::

    self._op = Operation(prepare_documents, sources, out, limits, parent=self)
    self._op.progressed.connect(self._on_op_progressed)   # (done, total, message)
    self._op.succeeded.connect(self._on_op_succeeded)     # (result)
    self._op.failed.connect(self._on_op_failed)           # (exception)
    self._op.cancelled.connect(self._on_op_cancelled)     # ()
    self._op.start()
    ...
    self._op.cancel()    # asks the function to stop at its next check; returns at once

Exactly one of ``succeeded`` / ``failed`` / ``cancelled`` is emitted, then ``finished``.
Progress signals are throttled (at most one per ``PROGRESS_INTERVAL`` seconds, plus the last
one) so a chatty function cannot flood the event loop.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from assistant.model.progress import Cancelled

PROGRESS_INTERVAL = 0.05


# Workers still running are kept alive here, so a window closed during the work does not
# destroy a running QThread (Qt aborts the process then); the work ends at its next cancel
# check and the thread object is released.
_alive: set[QThread] = set()


class _Worker(QThread):
    """The thread: calls the function and emits what happened (never touches widgets)."""

    progressed = Signal(int, int, str)
    outcome = Signal(str, object)      # "ok" / "failed" / "cancelled", payload

    def __init__(self, function: Callable[..., Any], args: tuple[Any, ...],
                 kwargs: dict[str, Any], stop: threading.Event) -> None:
        super().__init__()
        self._function = function
        self._args = args
        self._kwargs = kwargs
        self._stop = stop
        self._last_progress = 0.0

    def _progress(self, done: int, total: int, message: str) -> None:
        now = time.monotonic()
        if now - self._last_progress >= PROGRESS_INTERVAL or (total and done >= total):
            self._last_progress = now
            self.progressed.emit(int(done), int(total), str(message))

    def run(self) -> None:
        try:
            result = self._function(*self._args, progress=self._progress,
                                    cancelled=self._stop.is_set, **self._kwargs)
        except Cancelled:
            self.outcome.emit("cancelled", None)
        except Exception as exc:  # reported to the GUI thread, which shows it
            self.outcome.emit("failed", exc)
        else:
            if self._stop.is_set():
                self.outcome.emit("cancelled", None)
            else:
                self.outcome.emit("ok", result)


class Operation(QObject):
    """One run of a model function in a worker thread (see the module docstring)."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()

    def __init__(self, function: Callable[..., Any], *args: Any,
                 parent: QObject | None = None, **kwargs: Any) -> None:
        super().__init__(parent)
        self._stop = threading.Event()
        self._worker = _Worker(function, args, kwargs, self._stop)
        self._worker.progressed.connect(self._on_worker_progressed)
        self._worker.outcome.connect(self._on_worker_outcome)
        self._running = False

    def start(self) -> None:
        """Start the work in its thread (once)."""
        self._running = True
        worker = self._worker
        _alive.add(worker)
        worker.finished.connect(lambda: _alive.discard(worker))
        worker.start()

    def cancel(self) -> None:
        """Ask the function to stop; ``cancelled`` follows when it has."""
        self._stop.set()

    def is_running(self) -> bool:
        return self._running

    def shutdown(self, msecs: int = 30000) -> bool:
        """Cancel and wait for the thread (when the owning window closes)."""
        self.cancel()
        return self.wait(msecs)

    def wait(self, msecs: int = 30000) -> bool:
        """Block until the thread has ended (for shutting down; not in normal slots)."""
        return bool(self._worker.wait(msecs))

    @Slot(int, int, str)
    def _on_worker_progressed(self, done: int, total: int, message: str) -> None:
        self.progressed.emit(done, total, message)

    @Slot(str, object)
    def _on_worker_outcome(self, kind: str, payload: object) -> None:
        self._worker.wait()
        self._running = False
        if kind == "ok":
            self.succeeded.emit(payload)
        elif kind == "cancelled":
            self.cancelled.emit()
        else:
            self.failed.emit(payload)
        self.finished.emit()


def run_operation(function: Callable[..., Any], *args: Any, parent: QObject,
                  on_success: Callable[[Any], None] | None = None,
                  on_failure: Callable[[object], None] | None = None,
                  on_progress: Callable[[int, int, str], None] | None = None,
                  on_cancel: Callable[[], None] | None = None,
                  **kwargs: Any) -> Operation:
    """Create, connect and start an :class:`Operation` in one call."""
    operation = Operation(function, *args, parent=parent, **kwargs)
    if on_success is not None:
        operation.succeeded.connect(on_success)
    if on_failure is not None:
        operation.failed.connect(on_failure)
    if on_progress is not None:
        operation.progressed.connect(on_progress)
    if on_cancel is not None:
        operation.cancelled.connect(on_cancel)
    operation.finished.connect(operation.deleteLater)
    operation.start()
    return operation


def run_with_progress(function: Callable[..., Any], *args: Any, parent: QWidget, title: str,
                      label: str, on_success: Callable[[Any], None],
                      on_failure: Callable[[object], None],
                      on_cancel: Callable[[], None] | None = None, cancel_text: str = "",
                      show_after_ms: int = 0) -> tuple[Operation, QProgressDialog]:
    """:func:`run_operation` with a window-modal progress dialog over ``parent``.

    The bar follows the progress reports; ``cancel_text`` names the button that asks the
    function to stop (no button when empty). The dialog is gone before ``on_success`` /
    ``on_failure`` / ``on_cancel`` run, so they may open dialogs of their own; it appears only
    when the work takes longer than ``show_after_ms``.
    """
    dialog = QProgressDialog(label, cancel_text, 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(show_after_ms)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if not cancel_text:
        dialog.setCancelButton(None)
    operation = Operation(function, *args, parent=parent)

    def follow(done: int, total: int, _message: str) -> None:
        if total:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))

    def close(*_ignored: object) -> None:
        dialog.reset()
        dialog.hide()
        dialog.deleteLater()

    for ended in (operation.succeeded, operation.failed, operation.cancelled):
        ended.connect(close)          # first: before the caller's slots
    operation.progressed.connect(follow)
    operation.succeeded.connect(on_success)
    operation.failed.connect(on_failure)
    if on_cancel is not None:
        operation.cancelled.connect(on_cancel)
    dialog.canceled.connect(operation.cancel)
    operation.finished.connect(operation.deleteLater)
    if show_after_ms == 0:
        dialog.show()
    operation.start()
    return operation, dialog
