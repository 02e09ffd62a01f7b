"""A small event bus: services say *what* changed so that views refresh only that.

Plain Python callbacks, no Qt: the desktop layer bridges them onto Qt signals.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

log = logging.getLogger(__name__)


class Action(StrEnum):
    ADDED = "added"
    UPDATED = "updated"
    REMOVED = "removed"


@dataclass(frozen=True)
class Change:
    """Something was committed: `entity` rows `ids` of walk `walk_id` were `action`."""

    entity: str
    action: Action
    walk_id: str | None
    ids: tuple[str, ...] = ()


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
        for listener in list(self._listeners):
            try:
                listener(change)
            except Exception:
                # A broken view must not undo or hide a committed change.
                log.exception("listener failed on %s", change)
