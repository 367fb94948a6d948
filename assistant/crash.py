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
import stat
import sys
import threading
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import IO

from assistant import __version__
from assistant.model.atomic import atomic_write_text
from assistant.model.paths import data_dir
from assistant.model.redaction import redact
from assistant.model.storage.health import make_private_folder

Listener = Callable[[str, Path | None], None]


def logs_dir(data: Path | None = None) -> Path:
    """``<data folder>/logs`` (:func:`assistant.model.paths.data_dir`; nothing is created)."""
    return (data or data_dir(create=False)) / "logs"


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


_names_lock = threading.Lock()


def write_report(text: str, folder: Path | None = None, now: datetime | None = None) -> Path:
    """Write ``text`` (redacted once more) atomically to a new file in ``folder``; return it.

    Names are ``crash-<date>-<time>-<pid>.txt``; a second report of the same process in the
    same second gets ``-2``, ``-3`` … so no report ever replaces another. The file is private
    to the user (0600) and its folder (0700) on POSIX.
    """
    folder = folder or logs_dir()
    make_private_folder(folder, tighten=True)
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    base = f"crash-{stamp}-{os.getpid()}"
    with _names_lock:
        target = folder / f"{base}.txt"
        counter = 2
        while target.exists():
            target = folder / f"{base}-{counter}.txt"
            counter += 1
        atomic_write_text(target, redact(text))
    return target


def _private_log(path: Path) -> IO[str]:
    """``path`` opened for appending, created user-only (0600) when new."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    if os.name == "posix":  # a log made by an older version was 0644
        os.fchmod(fd, stat.S_IMODE(os.fstat(fd).st_mode) & ~0o077)
    return os.fdopen(fd, "a", encoding="utf-8")


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
        self._log_handler: logging.StreamHandler[IO[str]] | None = None
        self.folder_error: OSError | None = None
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
        """Set the hooks; then open the log files. A folder that cannot be written (read-only
        data folder, full disk) leaves the hooks in place without files: reports still go to
        stderr and the listeners, and :attr:`folder_error` says why (the GUI tells the user)."""
        self._previous_hooks = (sys.excepthook, threading.excepthook)
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_hook
        try:
            make_private_folder(self.folder, tighten=True)
            self._fault_file = _private_log(self.folder / "faulthandler.log")
            faulthandler.enable(file=self._fault_file, all_threads=True)
            stream = _private_log(self.folder / "assistant.log")
        except OSError as exc:
            self.folder_error = exc
            return
        handler = logging.StreamHandler(stream)
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
            self._log_handler.stream.close()
            self._log_handler = None


def install(folder: Path | None = None, capture_locals: bool = False) -> CrashHandler:
    """Install the crash hooks writing to ``folder`` (default ``<data>/logs``)."""
    handler = CrashHandler(folder or logs_dir(), capture_locals=capture_locals)
    handler.install()
    return handler
