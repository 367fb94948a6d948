"""Crash reports and logs that never contain a secret.

:func:`install` sets ``sys.excepthook`` and ``threading.excepthook`` to write a report to
``<data>/logs/crash-<time>.txt``, enables :mod:`faulthandler` (hard crashes: frame names only,
never values) into ``<data>/logs/faulthandler.log`` and adds a redacting file handler
``<data>/logs/assistant.log`` to the root logger. Every report and log line goes through
:func:`assistant.model.redaction.redact`, which removes every form of every secret the
credentials module has seen in this process.

Reports hold the traceback and the exception's message, not local variables (they could hold
clients' personal data); ``capture_locals=True`` adds them, still redacted. No Qt here: the GUI
registers a listener (:meth:`CrashHandler.add_listener`) that shows its dialog.
"""

from __future__ import annotations

import faulthandler
import logging
import os
import platform
import sys
import tempfile
import threading
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import IO

from assistant import __version__
from assistant.model.paths import data_dir
from assistant.model.redaction import redact

Listener = Callable[[str, Path | None], None]


def logs_dir(data: Path | None = None) -> Path:
    """``<data folder>/logs`` (:func:`assistant.model.paths.data_dir`)."""
    return (data or data_dir()) / "logs"


def format_report(exc_type: type[BaseException], exc: BaseException,
                  tb: TracebackType | None, *, capture_locals: bool = False,
                  thread_name: str | None = None, now: datetime | None = None) -> str:
    """The redacted text of a crash report."""
    stamp = (now or datetime.now()).isoformat(timespec="seconds")
    try:
        lines = traceback.TracebackException(exc_type, exc, tb,
                                             capture_locals=capture_locals).format()
        body = "".join(lines)
    except Exception as format_error:  # a broken __repr__ in some local
        body = "".join(traceback.format_exception(exc_type, exc, tb))
        body += f"\n(locals omitted: {type(format_error).__name__})\n"
    header = [
        f"assistant {__version__} crash report",
        f"time: {stamp}",
        f"python: {platform.python_version()} on {platform.platform()}",
    ]
    if thread_name:
        header.append(f"thread: {thread_name}")
    return redact("\n".join(header) + "\n\n" + body)


def write_report(text: str, folder: Path | None = None, now: datetime | None = None) -> Path:
    """Write ``text`` (redacted once more) atomically to ``folder``; return the file's path."""
    folder = folder or logs_dir()
    folder.mkdir(parents=True, exist_ok=True)
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = folder / f"crash-{stamp}-{os.getpid()}.txt"
    fd, tmp = tempfile.mkstemp(prefix=".crash-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(redact(text))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


class RedactingFilter(logging.Filter):
    """Replace secrets in a log record's final message (arguments are merged first)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = redact(record.getMessage())
        record.msg, record.args = message, None
        if record.exc_info:
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        return True


class CrashHandler:
    """The installed hooks; keeps the faulthandler file open while the process lives."""

    def __init__(self, folder: Path, capture_locals: bool = False) -> None:
        self.folder = folder
        self.capture_locals = capture_locals
        self.last_report: Path | None = None
        self._listeners: list[Listener] = []
        self._fault_file: IO[str] | None = None
        self._log_handler: logging.Handler | None = None
        self._previous_hooks: tuple[object, object] | None = None

    def add_listener(self, listener: Listener) -> None:
        """Call ``listener(report_text, path)`` after each report (from any thread)."""
        self._listeners.append(listener)

    def handle(self, exc_type: type[BaseException], exc: BaseException,
               tb: TracebackType | None, thread_name: str | None = None) -> Path | None:
        """Write the report, print it (redacted) to stderr, tell the listeners."""
        text = format_report(exc_type, exc, tb, capture_locals=self.capture_locals,
                             thread_name=thread_name)
        path: Path | None
        try:
            path = write_report(text, self.folder)
        except OSError:  # a full disk or a read-only folder: still tell the user
            path = None
        self.last_report = path
        if sys.stderr is not None:
            print(text, file=sys.stderr)
        for listener in list(self._listeners):
            try:
                listener(text, path)
            except Exception:  # a failing dialog must not hide the report
                pass
        return path

    def _excepthook(self, exc_type: type[BaseException], exc: BaseException,
                    tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        self.handle(exc_type, exc, tb)

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        name = args.thread.name if args.thread is not None else None
        self.handle(args.exc_type, args.exc_value, args.exc_traceback, thread_name=name)

    def install(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        self._previous_hooks = (sys.excepthook, threading.excepthook)
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_hook
        self._fault_file = open(self.folder / "faulthandler.log", "a", encoding="utf-8")
        faulthandler.enable(file=self._fault_file, all_threads=True)
        handler = logging.FileHandler(self.folder / "assistant.log", encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        handler.addFilter(RedactingFilter())
        logging.getLogger().addHandler(handler)
        self._log_handler = handler

    def uninstall(self) -> None:
        if self._previous_hooks is not None:
            sys.excepthook, threading.excepthook = self._previous_hooks  # type: ignore[assignment]
            self._previous_hooks = None
        if self._fault_file is not None:
            faulthandler.disable()
            self._fault_file.close()
            self._fault_file = None
        if self._log_handler is not None:
            logging.getLogger().removeHandler(self._log_handler)
            self._log_handler.close()
            self._log_handler = None


def install(folder: Path | None = None, capture_locals: bool = False) -> CrashHandler:
    """Install the crash hooks writing to ``folder`` (default ``<data>/logs``)."""
    handler = CrashHandler(folder or logs_dir(), capture_locals=capture_locals)
    handler.install()
    return handler
