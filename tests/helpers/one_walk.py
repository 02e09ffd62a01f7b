"""A walk with one walker and one visit, the changes the services announce, and note drafts
for it: what the storage-failure tests (disk full, locked, swapped, damaged) start from.

`walk` and `changes` are fixtures; tests/core/conftest.py makes them available there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from tests.helpers.builders import make_walk
from walkapp import domain as d
from walkapp.events import Change
from walkapp.services import NoteDraft, Services
from walkapp.storage.types import new_id

# What every "disk is full" message must say: how much room is left, and where.
FREE = re.compile(r"\b\d+(\.\d)? (bytes?|KB|MB|GB|TB|PB) free on the disk that holds ")


@pytest.fixture
def walk(services: Services) -> d.Walk:
    return make_walk(services, walkers=1, visits=1)


@pytest.fixture
def changes(services: Services) -> Iterator[list[Change]]:
    """Every change announced during the test: a save that failed must announce none."""
    seen: list[Change] = []
    unsubscribe = services.bus.subscribe(seen.append)
    yield seen
    unsubscribe()


def draft(walk: d.Walk, text: str, note_id: str | None = None) -> NoteDraft:
    """A note by the walk's walker in its visit (a new note unless `note_id` is given)."""
    return NoteDraft(id=note_id or new_id(), walk_id=walk.id, author_id=walk.walkers[0].id,
                     visit_id=walk.visits[0].id, text=text)
