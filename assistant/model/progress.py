"""Progress reporting and cancellation for long model operations (no Qt here).

A long model function takes two optional keyword arguments::

    def work(..., progress: Progress | None = None, cancelled: CancelCheck | None = None)

``progress(done, total, message)`` reports how far it got (``total`` 0 = unknown);
``cancelled()`` returns True when the user asked to stop, and the function then raises
:class:`Cancelled` at the next safe point (leaving no half-written output behind).
``assistant.ui.ops.Operation`` runs such functions in a worker thread.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int, str], None]
CancelCheck = Callable[[], bool]


class Cancelled(Exception):
    """The user cancelled the operation; nothing was changed."""


def report(progress: Progress | None, done: int, total: int, message: str = "") -> None:
    """Call ``progress`` if there is one."""
    if progress is not None:
        progress(done, total, message)


def check_cancel(cancelled: CancelCheck | None) -> None:
    """Raise :class:`Cancelled` if the user asked to stop."""
    if cancelled is not None and cancelled():
        raise Cancelled()
