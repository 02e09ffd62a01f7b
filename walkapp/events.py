"""A small event bus: services say *what* changed so that views refresh only that.

Plain Python callbacks, no Qt: the desktop layer bridges them onto Qt signals.

A change names its kind of row with `Entity` (one list, so a typo is an error, not an
event nobody hears) and carries an `origin`: the token of whoever asked for the write. A
screen that saves through the writer passes its own token, and when the change comes back
it can tell "my own save, already on screen" from "someone else changed this" without
keeping lists of ids. The origin travels in a context variable set around the write
(`acting_for`), so services need no extra parameter and a write made from a background
thread carries it too.
"""

from __future__ import annotations

import contextvars
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from enum import StrEnum

log = logging.getLogger(__name__)


class Action(StrEnum):
    ADDED = "added"
    UPDATED = "updated"
    REMOVED = "removed"


class Entity(StrEnum):
    """Every kind of thing a change can be about (the values are the names used in
    notes files and sync tables, so `Entity(spec.name)` works)."""

    WALK = "walk"
    PARTICIPANT = "participant"
    GROUP = "group"
    VISIT = "visit"
    LOOK_FOR = "look_for"
    NORM = "norm"
    NOTE = "note"
    REFLECTION = "reflection"
    STEP_RESPONSE = "step_response"
    PHASE_LOG = "phase_log"
    COMMITMENT = "commitment"
    ACTION_ITEM = "action_item"
    PATTERN = "pattern"
    NEXT_STEP = "next_step"
    FEEDBACK = "feedback"
    TALLY = "tally"
    SETTING = "setting"
    LOG_ENTRY = "log_entry"  # the communication log (walkapp.services.comm_log)


_origin: contextvars.ContextVar[object | None] = contextvars.ContextVar(
    "walkapp_change_origin", default=None)


@contextmanager
def acting_for(origin: object | None) -> Iterator[None]:
    """Changes published inside this block carry `origin` (the token of the screen or
    command that asked for the write)."""
    token = _origin.set(origin)
    try:
        yield
    finally:
        _origin.reset(token)


def current_origin() -> object | None:
    return _origin.get()


@dataclass(frozen=True)
class Change:
    """Something was committed: `entity` rows `ids` of walk `walk_id` were `action`.
    `origin` is the token of whoever asked for the write (None: nobody said)."""

    entity: Entity
    action: Action
    walk_id: str | None
    ids: tuple[str, ...] = ()
    origin: object | None = None

    def __post_init__(self) -> None:
        # Accept the plain name too (notes files carry names), but keep one type inside.
        if not isinstance(self.entity, Entity):
            object.__setattr__(self, "entity", Entity(self.entity))

    def is_from(self, origin: object) -> bool:
        """Was this change asked for by `origin`?"""
        return self.origin is not None and self.origin is origin


Listener = Callable[[Change], None]


class EventBus:
    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Register `listener`; returns a function that unsubscribes it."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def publish(self, change: Change) -> None:
        if change.origin is None and (origin := current_origin()) is not None:
            change = replace(change, origin=origin)
        for listener in list(self._listeners):
            try:
                listener(change)
            except Exception:
                # A broken view must not undo or hide a committed change.
                log.exception("listener failed on %s", change)
