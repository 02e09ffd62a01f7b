"""What every service shares: the database, the event bus and the clock."""

from __future__ import annotations

import contextvars
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from walkapp.events import Action, Change, Entity, EventBus
from walkapp.storage.db import Database
from walkapp.storage.types import utcnow

# Reads shared within one `same_reads()` block (see there): None outside any block.
_shared_reads: contextvars.ContextVar[dict[Any, Any] | None] = contextvars.ContextVar(
    "walkapp_shared_reads", default=None)


@contextmanager
def same_reads(kept: dict[Any, Any] | None = None) -> Iterator[None]:
    """Within this block, a read that supports it (`WalkService.get_walk`) goes to the
    database once per walk and hands every later caller the same immutable answer.

    For one synchronous piece of GUI work that reads the same walk many times over, such
    as building the pages of a walk being opened: each of them reads the walk, and each
    read costs a connection and six queries on the GUI thread. Nothing is kept past the
    block; any change published inside it (a write) forgets what was read; a block inside
    a block shares the outer one's reads; the block is a context variable, so other
    threads never see it.

    `kept`: the reads are kept in this dict, which the caller keeps between blocks (an
    open walk's workspace, for the pages it builds in later turns of the event loop) and
    empties when the data may have changed (any change it hears of); a write inside a
    block empties it too. With `kept`, the block uses it even inside an outer block.
    """
    if kept is None and _shared_reads.get() is not None:
        yield  # inside an outer block: share its reads
        return
    token = _shared_reads.set({} if kept is None else kept)
    try:
        yield
    finally:
        _shared_reads.reset(token)


def sharing_reads() -> bool:
    """Is this code inside `same_reads()` (a read here is shared, so cheap to repeat)?"""
    return _shared_reads.get() is not None


def current_reads() -> dict[Any, Any] | None:
    """The reads shared by the `same_reads()` block this code runs in (None outside any):
    for a part built now that builds more of itself later, to build that inside
    `same_reads(current_reads())` too, sharing what its owner keeps (and empties)."""
    return _shared_reads.get()


def shared_read(key: Any, read: Callable[[], Any]) -> Any:
    """`read()`, or inside `same_reads()` the answer it gave there for `key`."""
    shared = _shared_reads.get()
    if shared is None:
        return read()
    if key not in shared:
        shared[key] = read()
    return shared[key]


# "Now" in UTC. Injected so that tests (and the Trash's 30 days) never depend on the
# wall clock.
Clock = Callable[[], datetime]


class ServiceBase:
    def __init__(self, db: Database, bus: EventBus, clock: Clock | None = None) -> None:
        self.db = db
        self.bus = bus
        self.clock: Clock = clock or utcnow

    def publish(self, entity: Entity, action: Action, walk_id: str | None, *ids: str) -> None:
        """Tell listeners what was committed (called only after the commit succeeded)."""
        shared = _shared_reads.get()
        if shared:
            shared.clear()  # a write inside same_reads(): read afresh from now on
        self.bus.publish(Change(entity=entity, action=action, walk_id=walk_id, ids=ids))
