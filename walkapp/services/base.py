"""What every service shares: the database and the event bus."""

from __future__ import annotations

from walkapp.events import Action, Change, EventBus
from walkapp.storage.db import Database


class ServiceBase:
    def __init__(self, db: Database, bus: EventBus) -> None:
        self.db = db
        self.bus = bus

    def publish(self, entity: str, action: Action, walk_id: str | None, *ids: str) -> None:
        """Tell listeners what was committed (called only after the commit succeeded)."""
        self.bus.publish(Change(entity=entity, action=action, walk_id=walk_id, ids=ids))
