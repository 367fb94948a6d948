"""Undoable edits of a case's values (QUndoStack commands).

Typing in one field is one undo step: consecutive edits of the same field merge until the user
leaves the field. Every command stores its values at once (redo and undo both write through).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtGui import QUndoCommand

Apply = Callable[[Mapping[str, str]], None]

_MERGE_ID = 4711


class SetValuesCommand(QUndoCommand):
    """Set one or more values; ``typing`` commands of the same key merge."""

    def __init__(self, apply: Apply, changes: Mapping[str, tuple[str, str]], text: str,
                 typing_key: str | None = None) -> None:
        super().__init__(text)
        self._apply = apply
        self.changes: dict[str, tuple[str, str]] = dict(changes)
        self.typing_key = typing_key
        self.closed = typing_key is None

    def redo(self) -> None:
        self._apply({key: new for key, (_old, new) in self.changes.items()})

    def undo(self) -> None:
        self._apply({key: old for key, (old, _new) in self.changes.items()})

    def id(self) -> int:
        return _MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        if not isinstance(other, SetValuesCommand) or self.closed \
                or other.typing_key != self.typing_key:
            return False
        key = self.typing_key
        assert key is not None
        old = self.changes[key][0]
        self.changes[key] = (old, other.changes[key][1])
        self.closed = other.closed
        if old == self.changes[key][1]:
            self.setObsolete(True)
        return True
