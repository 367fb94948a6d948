"""One broadcast of stored case changes that every view listens to.

Whoever changes cases in the store (the editor, an import, the trash, a bulk replacement)
says so once with :meth:`CaseEvents.publish`; the case list, the main window's menus and the
open editor each subscribe and decide themselves what to show again. Nobody calls another
view's refresh method.

A :class:`CaseChange` says which cases changed and how, and who changed them (``source``), so
the view that made a change can skip its own echo: the editor does not reload the case it has
just stored, while a case changed elsewhere (an Excel import) reopens in the editor showing it.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal


class ChangeKind(enum.Enum):
    CREATED = "created"        # new cases (new, duplicate, import)
    EDITED = "edited"          # values, status or attachments of existing cases
    REMOVED = "removed"        # moved to the trash
    RESTORED = "restored"      # back from the trash
    REPLACED = "replaced"      # a case replaced by another (its procedure changed)
    EVERYTHING = "everything"  # anything may have changed: read the whole list again


@dataclass(frozen=True)
class CaseChange:
    """Which cases changed and how (plain data, no Qt)."""

    kind: ChangeKind
    case_ids: tuple[str, ...] = ()
    replacement: str | None = None    # REPLACED: the case that takes the place of case_ids[0]
    source: object | None = None      # who made the change (a view skips its own echo)

    @classmethod
    def created(cls, case_id: str, source: object | None = None) -> CaseChange:
        return cls(ChangeKind.CREATED, (case_id,), source=source)

    @classmethod
    def edited(cls, case_ids: Iterable[str], source: object | None = None) -> CaseChange:
        return cls(ChangeKind.EDITED, tuple(case_ids), source=source)

    @classmethod
    def removed(cls, case_id: str, source: object | None = None) -> CaseChange:
        return cls(ChangeKind.REMOVED, (case_id,), source=source)

    @classmethod
    def restored(cls, case_ids: Iterable[str], source: object | None = None) -> CaseChange:
        return cls(ChangeKind.RESTORED, tuple(case_ids), source=source)

    @classmethod
    def replaced(cls, old_id: str, new_id: str, source: object | None = None) -> CaseChange:
        return cls(ChangeKind.REPLACED, (old_id,), replacement=new_id, source=source)

    @classmethod
    def everything(cls, source: object | None = None) -> CaseChange:
        return cls(ChangeKind.EVERYTHING, source=source)

    def touches(self, case_id: str | None) -> bool:
        """Whether ``case_id`` is among the changed cases (always for EVERYTHING)."""
        if case_id is None:
            return False
        return self.kind is ChangeKind.EVERYTHING or case_id in self.case_ids


class CaseEvents(QObject):
    """The application's one change broadcast (made by the composition root, app.py)."""

    changed = Signal(object)   # CaseChange

    def publish(self, change: CaseChange) -> None:
        """Tell every subscriber (synchronously, in the order they subscribed)."""
        self.changed.emit(change)

    def subscribe(self, listener: Callable[[CaseChange], None]) -> None:
        """Call ``listener(change)`` after each published change."""
        self.changed.connect(listener)

    def unsubscribe(self, listener: Callable[[CaseChange], None]) -> None:
        self.changed.disconnect(listener)
