"""Atomic file writes: a reader (or a crash) sees the old file or the new one, never half.

The data goes to a temporary file in the same folder, is flushed and fsynced, replaces the
target with :func:`os.replace`, and the folder itself is fsynced so the rename survives a
power cut (where the OS supports opening a folder; Windows does not and needs no such step).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path


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
    folder = target.parent if str(target.parent) else Path(".")
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
