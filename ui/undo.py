"""One undo stack per walk, on the write path's commands.

Every command the writer commits hands back the command that reverses it (walkapp.services.
commands: `Command.perform` → `Performed.undo`); the writer gives each to `UndoStacks.record`,
which keeps it on the stack of the walk it changed. Undo runs the top entry through the same
serial writer (never on the GUI thread, in its place after every write already asked for);
when it has run, what reverses *it* is the redo. A new edit clears the walk's redo.

Saves of the same field (the same coalescing key: one note, one statement, one answer) in a
row are one step: the first one's undo (the text before the burst) is kept, so Ctrl+Z takes
back the whole burst of typing, not one pause of it. An undo or redo ends the burst.

The stacks belong to the writer, which lives as long as the open database: leaving a walk's
page (its workspace rebuilt later) keeps its stack.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal, SignalInstance

from walkapp.errors import WalkappError
from walkapp.services.commands import Command
from walkapp.ui.words import Words

Undo = Words("Undo")


class _Ticket(Protocol):  # walkapp.ui.writer.Ticket (which imports this module)
    id: int
    key: str
    command: Command | None
    undo_role: str | None
    reverse: Command | None
    walk_id: str | None


class _Writer(Protocol):  # walkapp.ui.writer.Writer
    done: SignalInstance

    def is_idle(self) -> bool: ...

    def write(self, command: Command, *, origin: object | None = ...,
              on_done: Callable[[Any], None] | None = ...,
              on_failed: Callable[[BaseException], None] | None = ...,
              owner: QObject | None = ..., undo_role: str | None = ...) -> Any: ...

__all__ = ["UNDONE", "UNDO_DEPTH", "UndoEntry", "UndoStacks", "WalkStack"]

# Steps kept per walk: a whole post-brief's edits, and a bound on memory.
UNDO_DEPTH = 200


class _Undone:
    """The origin of every undo and redo write: a screen that keeps what is being typed
    away from others' changes (the note editor) still takes back what Undo changed."""

    def __repr__(self) -> str:
        return "UNDONE"


UNDONE = _Undone()


@dataclass
class UndoEntry:
    label: str           # what the edit did ("remove the look-for"), from Command.describe()
    command: Command     # what reverses it (or, on the redo list, what does it again)
    key: str | None = None  # the field its saves coalesce on; None: not merged
    sealed: bool = False


@dataclass
class WalkStack:
    undo: list[UndoEntry] = field(default_factory=list)
    redo: list[UndoEntry] = field(default_factory=list)



class UndoStacks(QObject):
    changed = Signal(str)          # a walk's stack changed (its id)
    failed = Signal(str, str)      # walk id, the plain message of an undo that did not run
    did = Signal(str, str)         # walk id, "Undone: …" / "Redone: …"

    def __init__(self, writer: _Writer, parent: QObject) -> None:
        super().__init__(parent)
        self._writer = writer
        self._stacks: dict[str, WalkStack] = {}
        self._labels: dict[int, str] = {}  # ticket id → the label of the step it runs
        self._deferred: list[tuple[str, str]] = []
        writer.done.connect(self._run_deferred)

    # -- reading -----------------------------------------------------------------------------
    def stack(self, walk_id: str) -> WalkStack:
        return self._stacks.setdefault(walk_id, WalkStack())

    def can_undo(self, walk_id: str | None) -> bool:
        return walk_id is not None and bool(self.stack(walk_id).undo)

    def can_redo(self, walk_id: str | None) -> bool:
        return walk_id is not None and bool(self.stack(walk_id).redo)

    def undo_text(self, walk_id: str | None) -> str:
        if not self.can_undo(walk_id):
            return Undo.tr("&Undo")
        assert walk_id is not None
        return Undo.tr("&Undo {0}").format(self.stack(walk_id).undo[-1].label)

    def redo_text(self, walk_id: str | None) -> str:
        if not self.can_redo(walk_id):
            return Undo.tr("&Redo")
        assert walk_id is not None
        return Undo.tr("&Redo {0}").format(self.stack(walk_id).redo[-1].label)

    # -- recording (the writer calls this for every committed command) ----------------------
    def record(self, ticket: _Ticket) -> None:
        walk_id, reverse = ticket.walk_id, ticket.reverse
        label = self._labels.pop(ticket.id, None)
        if walk_id is None or reverse is None:
            return
        stack = self.stack(walk_id)
        if ticket.undo_role == "undo":
            stack.redo.append(UndoEntry(label or reverse.describe(), reverse))
        elif ticket.undo_role == "redo":
            stack.undo.append(UndoEntry(label or reverse.describe(), reverse, sealed=True))
        else:
            group = ticket.command.undo_group() if ticket.command is not None else None
            key = group or (None if ticket.key.startswith("#") else ticket.key)
            top = stack.undo[-1] if stack.undo else None
            stack.redo.clear()
            if top is not None and key is not None and top.key == key and not top.sealed:
                pass  # the same field again: the undo of the burst's first save stands
            else:
                label = ticket.command.describe() if ticket.command else reverse.describe()
                stack.undo.append(UndoEntry(label, reverse, key))
                del stack.undo[:-UNDO_DEPTH]
        self.changed.emit(walk_id)

    # -- acting ------------------------------------------------------------------------------
    def undo(self, walk_id: str, owner: object | None = None) -> None:
        """Undo the walk's last edit, once every write asked for before has run."""
        self._when_idle("undo", walk_id)

    def redo(self, walk_id: str, owner: object | None = None) -> None:
        self._when_idle("redo", walk_id)

    def _when_idle(self, role: str, walk_id: str) -> None:
        # A save still in the line (the last words typed) must be on the stack before the
        # stack is read, or Ctrl+Z would undo the edit before it.
        if self._writer.is_idle():
            self._step(role, walk_id)
        else:
            self._deferred.append((role, walk_id))

    def _run_deferred(self, _ticket: object) -> None:
        while self._deferred and self._writer.is_idle():
            role, walk_id = self._deferred.pop(0)
            self._step(role, walk_id)

    def _step(self, role: str, walk_id: str) -> None:
        stack = self.stack(walk_id)
        entries = stack.undo if role == "undo" else stack.redo
        if not entries:
            return
        entry = entries.pop()
        for kept in stack.undo:
            kept.sealed = True
        self.changed.emit(walk_id)

        def failed(error: BaseException) -> None:
            entries.append(entry)  # nothing changed: the step is still there to try again
            self.changed.emit(walk_id)
            what = Undo.tr("Could not undo {0}: {1}") if role == "undo" else \
                Undo.tr("Could not redo {0}: {1}")
            why = error.message if isinstance(error, WalkappError) else Undo.tr(
                "an unexpected error ({0})").format(type(error).__name__)
            self.failed.emit(walk_id, what.format(entry.label, why))

        def done(_result: object) -> None:
            what = Undo.tr("Undone: {0}") if role == "undo" else Undo.tr("Redone: {0}")
            self.did.emit(walk_id, what.format(entry.label))

        ticket = self._writer.write(entry.command, origin=UNDONE, on_done=done,
                                    on_failed=failed, owner=self, undo_role=role)
        if ticket is None:
            entries.append(entry)
            return
        self._labels[ticket.id] = entry.label

    def forget(self, walk_id: str) -> None:
        """The walk is gone (moved to the Trash): its stack goes with it."""
        self._stacks.pop(walk_id, None)
        self.changed.emit(walk_id)
