"""The base of the write commands (walkapp.services.commands) and what undoing them needs.

`Command.perform` is how the app runs a command: it refuses a write to a closed walk
(walkapp.services.closed_walks), reads what the undo needs just before the write
(`prepare`), and asks `undo(result, before)` for the command that reverses it. A `Restore`
puts rows back as they were (walkapp.services.undo); its own undo is the redo. `Target`
names the row a write changes when it is known before it runs; `Acts` says how a service
call's method is undone (see walkapp.services.commands).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from walkapp.errors import NotFoundError
from walkapp.services.undo import RowState, absent

if TYPE_CHECKING:  # the services package imports its modules, not this one: no cycle
    from walkapp.services import Services

__all__ = ["NOTE_FIELDS", "Acts", "Command", "Performed", "Restore", "Target", "absent",
           "capture_or_absent"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Performed:
    """What `Command.perform` did: the service's result, the command that reverses it (None:
    no undo), and the walk whose record it changed (None: not one walk's)."""

    result: Any
    undo: Command | None
    walk_id: str | None


@dataclass(frozen=True)
class Target:
    """The row a write acts on, known before it runs: `model` (a walkapp.storage.models
    name), its id, and the columns the write may change (None: the whole row, and the rows
    its removal changes with it)."""

    model: str
    id: str
    fields: tuple[str, ...] | None = None
    walk_id: str | None = None  # when known without reading (a note's draft says it)


@dataclass(frozen=True)
class Acts:
    """How a `_ServiceCall` method is undone. `on`: the model its first argument is the id
    of ("Walk": the walk's id — the method adds something). `fields`: the columns it changes
    (None: the whole row; "kwargs": the keyword arguments' names). `creates` + `removed_by`:
    the row it adds (its id is the result's `id`) and the method of the same class that
    takes it away (None: taken away as a tombstone). `walk_arg`: the position of the walk's
    id among the arguments when the row may be another walk's (a follow-up of an earlier
    walk's action item); `guarded` False: not checked against a closed walk (reviewing an
    earlier walk's commitment from this walk)."""

    on: str
    fields: tuple[str, ...] | Literal["kwargs"] | None = None
    creates: str | None = None
    removed_by: str | None = None
    walk_arg: int | None = None
    guarded: bool = True


class Command:
    """One write. Subclasses are frozen dataclasses."""

    def run(self, services: Services) -> Any:
        raise NotImplementedError

    def describe(self) -> str:
        """What this write does, in a few plain words ("add the walker “Ana”")."""
        raise NotImplementedError

    def coalesce_key(self) -> str | None:
        """Waiting commands with the same key are one write: only the newest runs.
        None (the default): this command always runs, in its place in the line."""
        return None

    def undo(self, result: Any, before: Any = None) -> Command | None:
        """The command that reverses this one once it ran and returned `result`, `before`
        being what `prepare` read; None when it cannot be undone (see NOT_UNDOABLE)."""
        return None

    def prepare(self, services: Services) -> Any:
        """What the undo needs, read just before `run` on the writer's thread."""
        return None

    def undo_group(self) -> str | None:
        """Saves of one field in a row (a burst of typing) are one undo step: the same
        group. Default: the coalescing key (None: every write is its own step)."""
        return self.coalesce_key()

    def walk_of(self, services: Services) -> str | None:
        """The walk whose record this changes (None: no one walk's, or not known)."""
        return None

    guarded: ClassVar[bool] = True  # refused on a closed walk (see walk_of)

    def perform(self, services: Services) -> Performed:
        """Run this command as the app does: refused on a closed walk (unless someone chose
        "Edit anyway"), with what its undo needs read first."""
        walk_id = self.walk_of(services)
        if walk_id is not None and self.is_guarded():
            services.closed.check_open(walk_id)
        before = self.prepare(services)
        result = self.run(services)
        try:
            reverse = self.undo(result, before)
        except Exception:  # a bug in an undo must not fail a write that is committed
            log.exception("no undo for %r", self.describe())
            reverse = None
        return Performed(result, reverse, walk_id)

    def is_guarded(self) -> bool:
        return self.guarded


# What a note's save changes (its tags come with it): what undoing one puts back.
NOTE_FIELDS = ("text", "stem", "stem_key", "visit_id", "phase", "deleted_at")


def capture_or_absent(services: Services, target: Target) -> tuple[RowState, ...]:
    """The row's state, or "not there" (undo then takes it away)."""
    try:
        return services.undo.capture(target.model, target.id, target.fields)
    except NotFoundError:
        return (absent(target.model, target.id),)


@dataclass(frozen=True)
class Restore(Command):
    """Put rows back as they were (the undo of an edit; walkapp.services.undo). Its own
    undo puts back what it replaced: the redo. `what` names the edit it undoes."""

    states: tuple[RowState, ...]
    what: str

    def run(self, services: Services) -> Any:
        services.undo.restore(self.states)

    def describe(self) -> str:
        return self.what

    def walk_of(self, services: Services) -> str | None:
        for state in self.states:
            if state.values is not None and state.model == "Walk":
                return state.id
            for column in ("walk_id", "origin_walk_id"):  # an action item's is its origin
                if state.values is not None and state.values.get(column):
                    return str(state.values[column])
        for state in self.states:
            walk_id = services.undo.walk_of(state.model, state.id)
            if walk_id is not None:
                return walk_id
        return None

    def prepare(self, services: Services) -> Any:
        return services.undo.capture_like(self.states)

    def undo(self, result: Any, before: Any = None) -> Command | None:
        return Restore(tuple(before), self.what) if before is not None else None
