"""Real conflicts for the Conflicts view's tests, without two laptops and notes files.

`note_conflict` writes what the merge writes when a note was changed on two laptops: a
second row for the other version whose `conflict_of` is the note's id (or, for a deletion
on the other laptop, such a row marked deleted), and publishes the change an import
publishes. The real `services.conflicts` then lists it and settles it. (One test in
test_conflicts_counts.py makes a conflict the long way, through a notes file.)
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from walkapp import domain as d
from walkapp.events import Action, Change, Entity
from walkapp.services import Services
from walkapp.storage import models as m
from walkapp.storage.types import new_id


def note_conflict(services: Services, walk: d.Walk, note: d.Note, other_text: str, *,
                  other_author: int = 1, deleted: bool = False) -> d.Conflict:
    """`note` was changed on another laptop to `other_text` (or deleted there)."""
    later = note.updated_at + timedelta(seconds=5)
    row_id = new_id()
    with services.db.transaction() as session:
        main = session.get(m.Note, note.id)
        assert main is not None
        session.add(m.Note(
            id=row_id, walk_id=walk.id, author_id=walk.walkers[other_author].id,
            visit_id=note.visit_id, phase=note.phase, stem=note.stem.value,
            text="" if deleted else other_text, conflict_of=note.id,
            look_fors=list(main.look_fors), revision=note.revision + 1,
            created_at=note.created_at, updated_at=later,
            deleted_at=datetime.now(UTC) if deleted else None))
    # What an import publishes when it brings the other version in.
    services.bus.publish(Change(Entity.NOTE, Action.ADDED, walk.id, (row_id,)))
    return next(c for c in services.conflicts.list_conflicts(walk.id) if c.family == note.id)
