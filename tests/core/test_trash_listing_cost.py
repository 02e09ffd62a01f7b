"""Listing the Trash (at every start: the library's Trash count, and the expiry of walks
whose 30 days are over) costs what is in the Trash, not what is outside it: it counts
the notes of trashed walks only. Measured in SQLite VM steps (deterministic), not time."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event

from tests.helpers.builders import make_walk
from tests.ui.postbrief.test_evidence_wall import bulk_notes
from walkapp.services import Services


@contextmanager
def counted_steps(services: Services) -> Iterator[list[int]]:
    """Counts SQLite virtual-machine steps (in thousands) on every connection used."""
    steps = [0]

    def count() -> int:
        steps[0] += 1
        return 0

    def watch(connection: object, _record: object) -> None:
        if isinstance(connection, sqlite3.Connection):
            connection.set_progress_handler(count, 1000)

    engine = services.db.engine
    event.listen(engine, "connect", watch)
    # A pool may hand out a connection made before: watch those too.
    checkout = event.listens_for(engine, "checkout")(
        lambda dbapi, _record, _proxy: watch(dbapi, None))
    try:
        yield steps
    finally:
        event.remove(engine, "connect", watch)
        event.remove(engine, "checkout", checkout)


def _list_trash_steps(services: Services) -> int:
    with counted_steps(services) as steps:
        trashed = services.trash.list_trash()
    assert [t.title for t in trashed] == ["Gone"]
    return steps[0]


def test_listing_the_trash_does_not_read_the_notes_of_live_walks(services: Services) -> None:
    gone = make_walk(services, "Gone", walkers=1, visits=1)
    bulk_notes(services, gone, 3)
    services.walks.delete_walk(gone.id)
    assert services.trash.list_trash()[0].note_count == 3
    live = make_walk(services, "Live", walkers=4, visits=6)
    bulk_notes(services, live, 1)
    few = _list_trash_steps(services)
    bulk_notes(services, live, 200)  # 4,800 more notes, none of them in the Trash
    many = _list_trash_steps(services)
    assert many <= few + 1, (few, many)
    assert services.trash.list_trash()[0].note_count == 3
