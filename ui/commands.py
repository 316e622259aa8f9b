"""Undoable review actions (QUndoCommand): decisions on findings and typing in the corrected pane.

Each draft has its own QUndoStack (the main window puts them in a QUndoGroup), so Ctrl+Z
undoes the last thing done to the draft on screen, whether a decision or typed text.
"""

from __future__ import annotations

from collections.abc import Sequence

from proofreader.model import Status
from ui.draft import Draft, Item, utf16_len
from ui.qt import QUndoCommand

TYPING_ID = 1


class StatusCommand(QUndoCommand):
    """Set the decision of one or more findings (accept applies the fix, undo reverts it)."""

    def __init__(self, draft: Draft, items: Sequence[Item], status: Status, text: str) -> None:
        super().__init__(text)
        self.draft = draft
        self.items = list(items)
        self.status = status
        self.done: list[tuple[Item, Status]] = []  # what redo changed, with the old status

    def redo(self) -> None:
        with self.draft.batch():
            self.done = self.draft.set_many([(item, self.status) for item in self.items])
        if self.done:
            self.draft.statusChanged.emit([i for i, _ in self.done])
        else:
            self.setObsolete(True)  # nothing changed: QUndoStack.push drops the step

    def undo(self) -> None:
        with self.draft.batch():
            self.draft.set_many([(item, old) for item, old in reversed(self.done)])
        if self.done:
            self.draft.statusChanged.emit([i for i, _ in self.done])

    @property
    def changed(self) -> int:
        return len(self.done)


class TypingCommand(QUndoCommand):
    """Text the editor typed in the corrected pane. Already applied when pushed; consecutive
    keystrokes merge into one step, as in any editor."""

    def __init__(self, draft: Draft, pos: int, removed: str, added: str, text: str) -> None:
        super().__init__(text)
        self.draft = draft
        self.pos = pos
        self.removed = removed
        self.added = added
        self._first = True

    def id(self) -> int:
        return TYPING_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, TypingCommand) or other.draft is not self.draft:
            return False
        # plain insertion right after what this command inserted
        if other.removed or "\n" in other.added:
            return False
        if other.pos != self.pos + utf16_len(self.added):
            return False
        self.added += other.added
        return True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self.draft.replace_text(self.pos, self.pos + utf16_len(self.removed), self.added)

    def undo(self) -> None:
        self.draft.replace_text(self.pos, self.pos + utf16_len(self.added), self.removed)
