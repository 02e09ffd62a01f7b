"""`same_reads()`: while a walk's pages are built, the walk is read from the database once,
not once per page; a write inside the block, and leaving it, read afresh; other threads
never share the block's answers."""

from __future__ import annotations

import threading

from sqlalchemy import event

from walkapp import domain as d
from walkapp.services import Services
from walkapp.services.base import same_reads


def _counting(services: Services) -> list[str]:
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append(statement)

    event.listen(services.db.engine, "before_cursor_execute", count)
    return statements


def test_inside_the_block_the_walk_is_read_once(services: Services, walk: d.Walk) -> None:
    statements = _counting(services)
    with same_reads():
        first = services.walks.get_walk(walk.id)
        once = len(statements)
        assert once > 0
        for _ in range(5):
            assert services.walks.get_walk(walk.id) is first
        assert len(statements) == once
    services.walks.get_walk(walk.id)  # outside: read afresh
    assert len(statements) == 2 * once


def test_a_write_inside_the_block_is_seen(services: Services, walk: d.Walk) -> None:
    with same_reads():
        services.walks.get_walk(walk.id)
        services.plan.add_participant(walk.id, "New walker")
        names = [p.display_name for p in services.walks.get_walk(walk.id).participants]
    assert "New walker" in names


def test_other_threads_read_for_themselves(services: Services, walk: d.Walk) -> None:
    seen: list[d.Walk] = []
    with same_reads():
        mine = services.walks.get_walk(walk.id)
        reader = threading.Thread(target=lambda: seen.append(services.walks.get_walk(walk.id)))
        reader.start()
        reader.join()
    assert seen and seen[0] is not mine and seen[0] == mine


def test_kept_reads_outlive_the_block_until_emptied(services: Services, walk: d.Walk) -> None:
    """`same_reads(kept)`: an open walk's workspace keeps what was read for the pages it
    builds later (even inside another block), and empties it when something changes."""
    from walkapp.services.base import current_reads

    statements = _counting(services)
    kept: dict[object, object] = {}
    with same_reads(kept):
        assert current_reads() is kept
        first = services.walks.get_walk(walk.id)
        snapshot = services.walks.protocol_snapshot(walk.id)
    once = len(statements)
    with same_reads(), same_reads(kept):  # a later turn, inside someone else's block
        assert services.walks.get_walk(walk.id) is first
        assert services.walks.protocol_snapshot(walk.id) == snapshot
    assert len(statements) == once
    kept.clear()  # the workspace heard of a change
    with same_reads(kept):
        services.walks.get_walk(walk.id)
    assert len(statements) > once
    assert current_reads() is None
