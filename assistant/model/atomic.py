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


def _write_and_replace(target: Path, data: bytes) -> Path:
    """Temporary file in the target's folder, fsync, replace; returns the folder."""
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with contextlib.suppress(OSError):  # keep the mode of a file being replaced
            os.chmod(tmp_name, target.stat().st_mode & 0o7777)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    return folder


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` atomically and durably. Raises :class:`OSError` on failure
    (the original file, if any, is then unchanged and no temporary file is left behind)."""
    _fsync_dir(_write_and_replace(Path(path), data))


def atomic_write_files(files: Mapping[Path, bytes]) -> None:
    """:func:`atomic_write_bytes` for several files, with one folder fsync per folder at the
    end instead of one per file (each file on its own is replaced atomically)."""
    folders = {_write_and_replace(Path(path), data): None for path, data in files.items()}
    for folder in folders:
        _fsync_dir(folder)


def atomic_write_text(path: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` atomically and durably (see :func:`atomic_write_bytes`)."""
    atomic_write_bytes(path, text.encode(encoding))
