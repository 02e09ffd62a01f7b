"""Closed walks are the record: read-only until someone chooses "Edit anyway".

A walk whose status is closed is not changed by any command the app sends (the check is
`ClosedWalks.check_open`, called by `Command.perform` before the write): a stray keystroke
or a screen left open cannot alter what the walk recorded. "Edit anyway" unlocks one walk
for as long as this database stays open (this session of the walk); the walk's screens then
show it is being edited after closing, and "Done editing" locks it again.
"""

from __future__ import annotations

import threading

from sqlalchemy import select

from walkapp import domain as d
from walkapp.errors import WalkClosedError
from walkapp.events import Action, Change, Entity, EventBus
from walkapp.formatting import N_, tr
from walkapp.services.base import Clock, ServiceBase
from walkapp.storage import models as m
from walkapp.storage.db import Database

__all__ = ["CLOSED_MESSAGE", "ClosedWalks"]

CLOSED_MESSAGE = N_("This walk is closed, so its record was not changed. Choose “Edit "
                  "anyway” at the top of the walk to change it.")


class ClosedWalks(ServiceBase):
    def __init__(self, db: Database, bus: EventBus, clock: Clock | None = None) -> None:
        super().__init__(db, bus, clock)
        self._unlocked: set[str] = set()
        self._guard = threading.Lock()  # the writer's thread checks, the GUI thread unlocks
        # Whether each walk is closed, as last read: every write asks (a note is saved at
        # each pause in typing), and a walk's status changes only with a change of the walk,
        # which clears it.
        self._known: dict[str, bool] = {}
        bus.subscribe(self._heard)

    def _heard(self, change: Change) -> None:
        if change.entity is Entity.WALK or change.walk_id is None:
            with self._guard:
                if change.walk_id is None:
                    self._known.clear()
                else:
                    self._known.pop(change.walk_id, None)

    def is_closed(self, walk_id: str) -> bool:
        with self._guard:
            known = self._known.get(walk_id)
        if known is not None:
            return known
        with self.db.transaction() as session:
            status = session.scalar(select(m.Walk.status).where(m.Walk.id == walk_id))
        closed = status == d.WalkStatus.CLOSED.value
        with self._guard:
            self._known[walk_id] = closed
        return closed

    def is_unlocked(self, walk_id: str) -> bool:
        with self._guard:
            return walk_id in self._unlocked

    def check_open(self, walk_id: str) -> None:
        """WalkClosedError when the walk is closed and not unlocked."""
        if self.is_unlocked(walk_id):
            return
        if self.is_closed(walk_id):
            raise WalkClosedError(tr(CLOSED_MESSAGE))

    def edit_anyway(self, walk_id: str) -> None:
        with self._guard:
            self._unlocked.add(walk_id)
        self.publish(Entity.WALK, Action.UPDATED, walk_id, walk_id)

    def lock_again(self, walk_id: str) -> None:
        with self._guard:
            self._unlocked.discard(walk_id)
        self.publish(Entity.WALK, Action.UPDATED, walk_id, walk_id)
