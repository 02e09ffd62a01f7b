"""What every service shares: the database, the event bus and the clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from walkapp.events import Action, Change, Entity, EventBus
from walkapp.storage.db import Database
from walkapp.storage.types import utcnow

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
        self.bus.publish(Change(entity=entity, action=action, walk_id=walk_id, ids=ids))
