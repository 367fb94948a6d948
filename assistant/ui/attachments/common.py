"""What the parts of the attachments page share: colours, marks, sizes as text."""

from __future__ import annotations

from PySide6.QtGui import QColor

from assistant.model.problems import Problem

MB = 1_000_000
ERROR_COLOR = QColor("#b3261e")
WARNING_COLOR = QColor("#8a5300")
OK_COLOR = QColor("#1b6e20")


def mb(size: int) -> str:
    """Bytes as megabytes with one decimal (``10.0``), as the online system counts."""
    return f"{size / MB:.1f}"


def size_text(size: int) -> str:
    """``12.5 MB``, or ``24 KB`` under 1 MB (so small files do not read "0.0 MB")."""
    return f"{size / MB:.1f} MB" if size >= MB else f"{max(1, round(size / 1000))} KB"


def unopened(problems: list[Problem]) -> bool:
    """True when the file could not be opened at all (gone, or not readable)."""
    return any(p.code in ("file_missing", "file_unreadable") for p in problems)


def problem_line(problem: Problem, language: str) -> str:
    """``✖ message`` for an error, ``⚠ message`` for a warning."""
    return ("✖ " if problem.is_error else "⚠ ") + problem.message(language)


def verdict_color(problems: list[Problem]) -> QColor:
    """Red with an error, amber with only warnings, green without problems."""
    if any(p.is_error for p in problems):
        return ERROR_COLOR
    return WARNING_COLOR if problems else OK_COLOR
