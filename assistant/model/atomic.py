"""Atomic file writes: a reader (or a crash) sees the old file or the new one, never half.

The data goes to a temporary file in the same folder, is flushed and fsynced, replaces the
target with :func:`os.replace`, and the folder itself is fsynced so the rename survives a
power cut (where the OS supports opening a folder; Windows does not and needs no such step).

Temporaries are named ``.<target name>.<8 random characters>.tmp``. A process killed while
writing (kill -9, a power cut) leaves one behind, holding client data; the first write of a
process into a folder — and :func:`remove_stale_temporaries` at start-up — removes the ones of
that pattern older than the running process (never the ones being written now).
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import threading
import time
from collections.abc import Callable, Mapping
from pathlib import Path

# tempfile.mkstemp(prefix=".<name>.", suffix=".tmp"): 8 characters of this alphabet between
_TEMPORARY = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp$")
_STARTED = time.time()  # this module is imported before any temporary of this process exists
_cleaned: set[str] = set()
_cleaned_lock = threading.Lock()


def remove_stale_temporaries(folder: str | os.PathLike[str],
                             older_than: float | None = None) -> list[Path]:
    """Remove our temporaries in ``folder`` last modified before ``older_than`` (default: the
    start of this process); returns what was removed. Errors are ignored (best effort)."""
    limit = _STARTED if older_than is None else older_than
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not _TEMPORARY.match(entry.name):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(info.st_mode) and info.st_mtime < limit:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


def _clean_once(folder: Path) -> None:
    """:func:`remove_stale_temporaries` on the first write of this process into ``folder``."""
    key = os.path.abspath(folder)
    with _cleaned_lock:
        if key in _cleaned:
            return
        _cleaned.add(key)
    remove_stale_temporaries(folder)


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # folders cannot be opened for fsync on Windows
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _stage(target: Path, data: bytes) -> str:
    """Write ``data`` to a temporary file beside ``target`` (fsynced); returns its name."""
    import tempfile

    folder = _folder(target)
    _clean_once(folder)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with contextlib.suppress(OSError):  # keep the mode of a file being replaced
            os.chmod(tmp_name, target.stat().st_mode & 0o7777)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    return tmp_name


def _folder(target: Path) -> Path:
    return target.parent if str(target.parent) else Path(".")


def _write_and_replace(target: Path, data: bytes) -> Path:
    """Temporary file in the target's folder, fsync, replace; returns the folder."""
    tmp_name = _stage(target, data)
    try:
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    return _folder(target)


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` atomically and durably. Raises :class:`OSError` on failure
    (the original file, if any, is then unchanged and no temporary file is left behind)."""
    _fsync_dir(_write_and_replace(Path(path), data))


def atomic_write_files(files: Mapping[Path, bytes]) -> None:
    """Write several files: every one is first written in full beside its target, and only
    then are the targets replaced, so a failure while writing (a full disk, a file too large)
    leaves every target as it was; one folder fsync per folder at the end."""
    staged: list[tuple[str, Path]] = []
    try:
        for path, data in files.items():
            staged.append((_stage(Path(path), data), Path(path)))
        while staged:
            tmp_name, target = staged[0]
            os.replace(tmp_name, target)
            staged.pop(0)
    finally:
        for tmp_name, _ in staged:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
    for folder in dict.fromkeys(_folder(Path(path)) for path in files):
        _fsync_dir(folder)


def atomic_write_text(path: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` atomically and durably (see :func:`atomic_write_bytes`)."""
    atomic_write_bytes(path, text.encode(encoding))


def atomic_write_with(path: str | os.PathLike[str], write: Callable[[Path], None],
                      check: Callable[[Path], None] | None = None) -> None:
    """Atomic and durable like :func:`atomic_write_bytes`, for a file another library writes
    (e.g. SQLite's backup API): ``write(tmp)`` fills the temporary file beside ``path``,
    ``check(tmp)`` may raise to refuse it; only then is it fsynced and renamed to ``path``."""
    import tempfile

    target = Path(path)
    folder = _folder(target)
    _clean_once(folder)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    os.close(fd)
    try:
        with contextlib.suppress(OSError):  # keep the mode of a file being replaced
            os.chmod(tmp_name, target.stat().st_mode & 0o7777)
        write(Path(tmp_name))
        if check is not None:
            check(Path(tmp_name))
        with open(tmp_name, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    _fsync_dir(folder)
