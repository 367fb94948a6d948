"""Every dialog that asks or tells the user something goes through this module.

Messages (:func:`information`, :func:`warning`, :func:`question`, :func:`about`), a choice from a
list (:func:`choose`), file and folder pickers (:func:`open_file`, :func:`open_files`,
:func:`save_file`, :func:`folder`), :func:`may_write` before writing anything (the output path
guard of :mod:`assistant.model.file_guard`, with :func:`confirm_overwrite` for files a chosen
folder already holds), and :func:`error` for a model error (a damaged database, a file that cannot be
read, ...), shown in the user's language as the error's own plain message.

The functions are looked up on this module when called (``ask.warning(...)``), so a test
replaces one of them with ``monkeypatch.setattr(ask, "warning", ...)`` and sees what the user
would have seen, whichever window asked. Pickers return :class:`~pathlib.Path` or ``None`` when
cancelled; titles and texts come already translated from the caller (its ``self.tr``), except
the few texts of this module's own.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

# The dialog classes are imported when a dialog is shown: the main window imports this module,
# and loading QMessageBox, QFileDialog and QInputDialog would delay its first paint.

# At most this many file names are listed in a confirmation; the rest are counted.
_LISTED_FILES = 10

translate = QCoreApplication.translate  # (the name pyside6-lupdate looks for)



# --- messages ---------------------------------------------------------------------------------
def information(parent: QWidget | None, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.information(parent, title, text)


def warning(parent: QWidget | None, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.warning(parent, title, text)


def question(parent: QWidget | None, title: str, text: str) -> bool:
    """Yes / No; True for Yes."""
    from PySide6.QtWidgets import QMessageBox

    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


def about(parent: QWidget | None, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.about(parent, title, text)


def choose(parent: QWidget | None, title: str, label: str, items: Sequence[str],
           current: int = 0) -> str | None:
    """One of ``items`` from a drop-down list; None when cancelled."""
    from PySide6.QtWidgets import QInputDialog

    chosen, ok = QInputDialog.getItem(parent, title, label, list(items), current, False)
    return str(chosen) if ok else None


# --- errors -----------------------------------------------------------------------------------
def is_expected(error: BaseException) -> bool:
    """An error the user can act on (it says what is wrong), not a defect of the program.

    Model errors carry their own message (``message(language)``); an ``OSError`` names a file
    or folder the user can check. Everything else is a defect: it goes to the crash report.
    """
    return callable(getattr(error, "message", None)) or isinstance(error, OSError)


def error_text(error: BaseException) -> str:
    """The plain message for ``error`` in the UI language (never a traceback)."""
    from assistant.ui import texts

    message = getattr(error, "message", None)
    if callable(message):
        return str(message(texts.language()))
    if isinstance(error, OSError):
        name = str(error.filename or "")
        if error.errno == errno.ENOSPC:
            return translate("ask", "ディスクの空き容量が足りません。空きを作ってからもう一度お試しください。")
        if isinstance(error, PermissionError):
            return translate(
                "ask", "ファイルまたはフォルダーへの書き込み・読み取りが許可されていません: {0}").format(name)
        if isinstance(error, FileNotFoundError):
            return translate("ask", "ファイルまたはフォルダーが見つかりません: {0}").format(name)
        return translate("ask", "ファイルを読み書きできませんでした: {0}").format(
            name or error.strerror or "")
    return translate("ask", "予期しないエラーが発生しました。")


def error(parent: QWidget | None, exc: BaseException, title: str = "") -> None:
    """Show an expected error's plain message (a storage error, an unreadable file, ...)."""
    warning(parent, title or translate("ask", "エラー"), error_text(exc))


# --- files and folders ------------------------------------------------------------------------
def open_file(parent: QWidget | None, title: str, start: str | Path,
              pattern: str) -> Path | None:
    from PySide6.QtWidgets import QFileDialog

    path, _ = QFileDialog.getOpenFileName(parent, title, str(start), pattern)
    return Path(path) if path else None


def open_files(parent: QWidget | None, title: str, start: str | Path,
               pattern: str) -> list[Path]:
    from PySide6.QtWidgets import QFileDialog

    paths, _ = QFileDialog.getOpenFileNames(parent, title, str(start), pattern)
    return [Path(p) for p in paths]


def save_file(parent: QWidget | None, title: str, suggested: str | Path,
              pattern: str) -> Path | None:
    """Where to save; the dialog itself asks before replacing an existing file."""
    from PySide6.QtWidgets import QFileDialog

    path, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), pattern)
    return Path(path) if path else None


def folder(parent: QWidget | None, title: str, start: str | Path) -> Path | None:
    from PySide6.QtWidgets import QFileDialog

    chosen = QFileDialog.getExistingDirectory(parent, title, str(start))
    return Path(chosen) if chosen else None


def output_allowed(parent: QWidget | None, path: str | Path, *, folder: bool = False,
                   db: str | os.PathLike[str] | None = None) -> bool:
    """False (after saying why) when ``path`` is the case database, its companion or backup
    files, or in the data folder (model/file_guard.py); replacing a file is asked elsewhere
    (the save dialog, :func:`may_write`)."""
    return may_write(parent, Path(path), folder=folder, db=db, replace_confirmed=True,
                     title=translate("ask", "書き出せません"))


def confirm_overwrite(parent: QWidget | None, paths: Sequence[Path], title: str = "") -> bool:
    """Before writing ``paths`` into a chosen folder: True when none exists or the user agrees.

    (A save dialog asks by itself; files written into a folder picked with :func:`folder` are
    checked here.)
    """
    existing = [p for p in paths if p.exists()]
    if not existing:
        return True
    names = "\n".join(p.name for p in existing[:_LISTED_FILES])
    if len(existing) > _LISTED_FILES:
        names += "\n" + translate("ask", "ほか {0} 件").format(len(existing) - _LISTED_FILES)
    return question(parent, title or translate("ask", "上書きの確認"), translate(
        "ask", "次のファイルは既にあります。上書きしますか？\n{0}").format(names))


def may_write(parent: QWidget | None, target: Path, *, will_write: Sequence[str] = (),
              folder: bool = False, db: str | os.PathLike[str] | None = None,
              replace_confirmed: bool = False, title: str = "") -> bool:
    """Whether the program may write ``target`` (a file, or with ``folder`` / ``will_write``
    the folder those files go into): never over the case database, its backups or the data
    folder (the message says so); an existing file only when the user agrees.

    ``replace_confirmed``: the save dialog has already asked about replacing ``target``.
    """
    from assistant.model.file_guard import FileGuardError, OverwriteRefused, check_output_path

    folder = folder or bool(will_write)
    try:
        check_output_path(target, force=replace_confirmed, db=db, folder=folder,
                          will_write=will_write)
        return True
    except OverwriteRefused:
        if not confirm_overwrite(parent, [target / name for name in will_write] if folder
                                 else [target], title):
            return False
    except FileGuardError as exc:
        error(parent, exc, title)
        return False
    try:   # agreed: what is protected stays refused
        check_output_path(target, force=True, db=db, folder=folder, will_write=will_write)
    except FileGuardError as exc:
        error(parent, exc, title)
        return False
    return True
