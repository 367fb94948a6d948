"""The signal-style worker object still used by the attachments page (to be replaced).

New code uses :class:`assistant.ui.ops.Operation` (typed result, callbacks, a default failure
path that shows a plain message or writes the crash report). This class runs the same worker
thread and reports by signals; it remains only until the attachments page has moved over.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from assistant.ui.ops.bridge import Worker

# Workers still running are kept alive here, so a window closed during the work does not
# destroy a running QThread (Qt aborts the process then).
_alive: set[QThread] = set()


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
        self._worker = Worker(function, args, kwargs, self._stop)
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
