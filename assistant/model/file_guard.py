"""Checks on the paths the user gives for reading and writing, before anything is opened.

* :func:`check_input_file`: what is read must be a regular file — a named pipe would block the
  reader for ever, a device or folder is not a document.
* :func:`check_output_path`: what is written must not be the case database, its ``-wal`` /
  ``-shm`` / ``-journal`` companions, a backup, or any file inside the data folder (an export
  over ``cases.sqlite`` destroyed every case); and an existing file is replaced only when the
  caller says so (``--force`` on the command line, a question in the GUI).

Every output path of the program (CLI and GUI) goes through :func:`check_output_path`.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from assistant.model.problems import MessageError

_DB_COMPANIONS = ("", "-wal", "-shm", "-journal")


class FileGuardError(MessageError):
    """A path refused before reading or writing (message in ja / en)."""


class OverwriteRefused(FileGuardError):
    """The output exists and replacing it was not confirmed (``--force`` / the GUI question)."""


def check_input_file(path: str | os.PathLike[str]) -> Path:
    """``path`` if it is an existing regular file (symlinks followed), else :class:`FileGuardError`."""
    target = Path(path)
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        raise FileGuardError("guard_missing", path=str(target)) from None
    except OSError as exc:  # a symlink loop, a name too long, no permission
        raise FileGuardError("guard_unreadable", path=str(target),
                             detail=exc.strerror or str(exc)) from None
    if not stat.S_ISREG(mode):
        raise FileGuardError("guard_not_regular", path=str(target))
    return target


def _resolved(path: str | os.PathLike[str]) -> Path:
    return Path(os.path.realpath(Path(path).expanduser()))


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _databases(db: str | os.PathLike[str] | None) -> list[Path]:
    from assistant.model import paths

    default = _resolved(paths.data_dir(create=False) / paths.DB_FILE_NAME)
    return list(dict.fromkeys([default] + ([] if db is None else [_resolved(db)])))


def _protected(candidate: Path, db: str | os.PathLike[str] | None) -> bool:
    """True for the data folder and what is in it, a database (``--db`` or the default) with its
    ``-wal``/``-shm``/``-journal`` files, its backups (``<stem>.backup-…`` beside it or in a
    ``backups`` folder beside it)."""
    from assistant.model import paths

    if _inside(candidate, _resolved(paths.data_dir(create=False))):
        return True
    for database in _databases(db):
        if candidate.parent == database.parent and (
                candidate.name in {database.name + s for s in _DB_COMPANIONS}
                or candidate.name.startswith(database.stem + ".backup")):
            return True
        if _inside(candidate, database.parent / "backups"):
            return True
    return False


def check_output_path(path: str | os.PathLike[str], *, force: bool = False,
                      db: str | os.PathLike[str] | None = None, folder: bool = False,
                      will_write: Iterable[str] = ()) -> Path:
    """Refuse an output ``path`` that would replace the program's own data.

    ``folder``: ``path`` is a folder the output files go into (``will_write``: their names,
    checked for replacing existing files). :class:`OverwriteRefused` when a file would be
    replaced and ``force`` is false; :class:`FileGuardError` for a protected path (whatever
    ``force`` says). Returns ``path`` as given.
    """
    target = Path(path)
    resolved = _resolved(target)
    candidates = [resolved] + [_resolved(resolved / name) for name in will_write]
    if any(_protected(candidate, db) for candidate in candidates):
        raise FileGuardError("output_protected", path=str(target))
    if folder:
        if resolved.exists() and not resolved.is_dir():
            raise FileGuardError("output_not_folder", path=str(target))
        existing = [name for name in will_write if (resolved / name).exists()]
        if existing and not force:
            raise OverwriteRefused("output_exists", path=str(target / existing[0]))
        return target
    if resolved.is_dir():
        raise FileGuardError("output_is_folder", path=str(target))
    if os.path.lexists(target) and not force:
        raise OverwriteRefused("output_exists", path=str(target))
    return target
