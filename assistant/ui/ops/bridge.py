"""The one bridge that runs a model function off the GUI thread: :class:`Operation`.

A model function that may take long (merging PDFs, checking many files, an export, an
import) takes two keyword arguments, see :mod:`assistant.model.progress`::

    def work(..., progress=None, cancelled=None) -> Result

``Operation(work, *args, parent=widget)`` runs it in a worker thread. What happens next is
said with callbacks, which run in the GUI thread (the worker never touches a widget)::

    Operation(write_workbooks, cases, folder, cells, parent=window) \\
        .on_success(show_files)                    # (result: Result) -> None
        .with_progress(title, label, cancel_text=tr("中止")) \\
        .start()

Exactly one of the success / failure / cancel callbacks runs, then the ``on_finish`` ones.
Without ``on_failure`` an error takes the **default failure path**
(:func:`report_failure`): an error the user can act on (a model error, a file that cannot be
written) is shown as its own plain message; any other exception is a defect and goes to the
crash report (:mod:`assistant.crash`) with a plain message, never as ``str(error)``. A caller
that handles failures itself (``on_failure``) takes that duty over: it must show or report
what happened, never swallow it.

Progress reports are throttled (at most one per ``PROGRESS_INTERVAL`` seconds, plus the last
one) so a chatty function cannot flood the event loop.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from assistant.model.progress import Cancelled

if TYPE_CHECKING:
    from PySide6.QtWidgets import QProgressDialog, QWidget

    from assistant.crash import CrashHandler

T = TypeVar("T")
translate = QCoreApplication.translate  # (the name pyside6-lupdate looks for)

PROGRESS_INTERVAL = 0.05

# Threads still running are kept here, so a window closed during the work does not destroy a
# running QThread (Qt aborts the process then); the work ends at its next cancel check.
_alive_threads: set[QThread] = set()
# Operations started and not yet ended: the Python object lives as long as its work.
_alive_operations: set[Operation[Any]] = set()
# The application's installed crash hooks (set at start-up), which write the report and show it.
_crash_handler: list[CrashHandler] = []


def use_crash_handler(handler: CrashHandler | None) -> None:
    """The default failure path reports defects through ``handler`` (None: on its own)."""
    _crash_handler[:] = [] if handler is None else [handler]



class Worker(QThread):
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
        except Exception as exc:  # handed to the GUI thread: the failure path shows it
            self.outcome.emit("failed", exc)
        else:
            if self._stop.is_set():
                self.outcome.emit("cancelled", None)
            else:
                self.outcome.emit("ok", result)


class _Receiver(QObject):
    """Lives in the GUI thread and receives the worker's signals (queued connections)."""

    def __init__(self, operation: Operation[Any], parent: QObject | None) -> None:
        super().__init__(parent)
        self._operation = operation

    @Slot(int, int, str)
    def on_progressed(self, done: int, total: int, message: str) -> None:
        self._operation._progressed(done, total, message)

    @Slot(str, object)
    def on_outcome(self, kind: str, payload: object) -> None:
        self._operation._ended(kind, payload)


def report_failure(parent: QWidget | None, error: BaseException, title: str = "") -> None:
    """The default failure path: a plain message, and a crash report for a defect."""
    from assistant.ui import ask

    if ask.is_expected(error):
        ask.error(parent, error, title)
        return
    from assistant import crash

    if _crash_handler:
        # The installed handler writes the report and its listener shows the crash dialog.
        _crash_handler[0].handle(type(error), error, error.__traceback__)
        return
    text = crash.format_report(type(error), error, error.__traceback__)
    try:
        path = str(crash.write_report(text))
    except OSError:
        path = ""
    if sys.stderr is not None:
        print(text, file=sys.stderr)
    message = translate("ops", "予期しないエラーが発生しました。") + "\n"
    if path:
        message += translate("ops", "エラーの記録を保存しました:\n{0}").format(path)
    else:
        message += translate("ops", "エラーの記録はファイルに保存できませんでした"
                                    "（ディスクの空きや権限を確認してください）。")
    ask.warning(parent, title or translate("ops", "エラー"), message)


class Operation(Generic[T]):
    """One run of a model function returning ``T`` in a worker thread (see the module)."""

    def __init__(self, function: Callable[..., T], *args: Any,
                 parent: QWidget | None = None, **kwargs: Any) -> None:
        self._parent = parent
        self._stop = threading.Event()
        self._receiver = _Receiver(self, parent)
        self._worker = Worker(function, args, kwargs, self._stop)
        self._worker.progressed.connect(self._receiver.on_progressed)
        self._worker.outcome.connect(self._receiver.on_outcome)
        # The parent window closed during the work: nobody is left to hear the outcome, so
        # the function is asked to stop (its next cancel check) and the operation let go.
        self._receiver.destroyed.connect(self._on_parent_gone)
        self._running = False
        self._success: list[Callable[[T], None]] = []
        self._failure: list[Callable[[Exception], None]] = []
        self._failure_title = ""
        self._cancel: list[Callable[[], None]] = []
        self._progress: list[Callable[[int, int, str], None]] = []
        self._finish: list[Callable[[], None]] = []
        self.progress_dialog: QProgressDialog | None = None

    # --- what happens next (each returns the operation, to chain) ----------------------------
    def on_success(self, callback: Callable[[T], None]) -> Operation[T]:
        self._success.append(callback)
        return self

    def on_failure(self, callback: Callable[[Exception], None]) -> Operation[T]:
        """Replace the default failure path: ``callback`` must show or report the error."""
        self._failure.append(callback)
        return self

    def failure_title(self, title: str) -> Operation[T]:
        """The title of the default failure message (「書き出せませんでした」, ...)."""
        self._failure_title = title
        return self

    def on_cancel(self, callback: Callable[[], None]) -> Operation[T]:
        self._cancel.append(callback)
        return self

    def on_progress(self, callback: Callable[[int, int, str], None]) -> Operation[T]:
        """``callback(done, total, message)`` for each (throttled) report."""
        self._progress.append(callback)
        return self

    def on_finish(self, callback: Callable[[], None]) -> Operation[T]:
        """After the outcome's callbacks, whichever the outcome."""
        self._finish.append(callback)
        return self

    def with_progress(self, title: str, label: str, cancel_text: str = "",
                      show_after_ms: int = 0) -> Operation[T]:
        """A window-modal progress dialog over the parent while the work runs.

        The bar follows the reports; ``cancel_text`` names the button that asks the function
        to stop (no button when empty). The dialog appears only when the work takes longer
        than ``show_after_ms`` and is gone before the outcome's callbacks run, so they may open
        dialogs of their own.
        """
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QProgressDialog

        dialog = QProgressDialog(label, cancel_text, 0, 0, self._parent)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(show_after_ms)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if not cancel_text:
            dialog.setCancelButton(None)
        dialog.canceled.connect(self.cancel)
        if show_after_ms == 0:
            dialog.show()
        self.progress_dialog = dialog
        return self

    # --- running ------------------------------------------------------------------------------
    def start(self) -> Operation[T]:
        """Start the work in its thread (once)."""
        self._running = True
        _alive_operations.add(self)
        worker = self._worker
        _alive_threads.add(worker)
        worker.finished.connect(lambda: _alive_threads.discard(worker))
        worker.start()
        return self

    def cancel(self) -> None:
        """Ask the function to stop; the cancel callbacks follow when it has."""
        self._stop.set()

    def is_running(self) -> bool:
        return self._running

    def _on_parent_gone(self) -> None:
        self._stop.set()
        _alive_operations.discard(self)

    def shutdown(self, msecs: int = 30000) -> bool:
        """Cancel and wait for the thread (when the owning window closes)."""
        self.cancel()
        return self.wait(msecs)

    def wait(self, msecs: int = 30000) -> bool:
        """Block until the thread has ended (for shutting down; not in normal slots)."""
        return bool(self._worker.wait(msecs))

    # --- from the receiver, in the GUI thread ---------------------------------------------------
    def _progressed(self, done: int, total: int, message: str) -> None:
        dialog = self.progress_dialog
        if dialog is not None and total:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))
        for callback in self._progress:
            callback(done, total, message)

    def _ended(self, kind: str, payload: object) -> None:
        self._worker.wait()
        self._running = False
        _alive_operations.discard(self)
        dialog, self.progress_dialog = self.progress_dialog, None
        if dialog is not None:
            dialog.reset()
            dialog.hide()
            dialog.deleteLater()
        try:
            if kind == "ok":
                for success in self._success:
                    success(payload)  # type: ignore[arg-type]  # the function's T
            elif kind == "cancelled":
                for cancelled in self._cancel:
                    cancelled()
            else:
                assert isinstance(payload, Exception)
                if self._failure:
                    for failure in self._failure:
                        failure(payload)
                else:
                    report_failure(self._parent, payload, self._failure_title)
        finally:
            for finish in self._finish:
                finish()
            self._receiver.deleteLater()
