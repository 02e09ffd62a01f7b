"""The walks list reads only its summary: its counts come from `walk_counts` (kept by
triggers, migration 0007) and stay exactly what counting the rows says, whatever changed
them; the walks' protocol snapshots are never read; no note is counted at listing time but
conflict copies."""

from __future__ import annotations

import importlib
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import event, text

from tests.helpers.builders import make_walk
from walkapp import domain as d
from walkapp.config import Settings
from walkapp.services import NoteDraft, Services, open_services
from walkapp.storage import models as m

# The rules, counted from the rows (the query list_walks ran before 0007): walkers are
# participants in the walker role; visits those not removed; notes the live ones, a
# conflict copy's family counted once (by its own live row, or by its live copies), and
# never a visit form's answers (stored as notes with a form_key; migration 0011).
RECOUNT = """
SELECT w.id,
  (SELECT count(*) FROM participants p WHERE p.walk_id = w.id AND p.role = 'walker'),
  (SELECT count(*) FROM visits v WHERE v.walk_id = w.id AND v.deleted_at IS NULL),
  (SELECT count(*) FROM notes n WHERE n.walk_id = w.id AND n.deleted_at IS NULL
     AND n.conflict_of IS NULL AND n.form_key IS NULL)
  + (SELECT count(DISTINCT c.conflict_of) FROM notes c WHERE c.walk_id = w.id
     AND c.deleted_at IS NULL AND c.conflict_of IS NOT NULL AND c.form_key IS NULL
     AND NOT EXISTS (
       SELECT 1 FROM notes o WHERE o.id = c.conflict_of AND o.deleted_at IS NULL))
FROM walks w WHERE w.trashed_at IS NULL
"""


def counted(services: Services) -> dict[str, tuple[int, int, int]]:
    with services.db.transaction() as session:
        return {r[0]: (r[1], r[2], r[3]) for r in session.execute(text(RECOUNT))}


def listed(services: Services, search: str = "") -> dict[str, tuple[int, int, int]]:
    return {w.id: (w.walker_count, w.visit_count, w.note_count)
            for w in services.walks.list_walks(search)}


def conflict_copy(services: Services, note_id: str, text_: str, *, deleted: bool = False) -> str:
    """A conflict copy of `note_id`, as a merge of two laptops' edits leaves one."""
    with services.db.transaction("a conflict copy") as session:
        note = session.get(m.Note, note_id)
        assert note is not None
        copy = m.Note(walk_id=note.walk_id, author_id=note.author_id, visit_id=note.visit_id,
                      text=text_, conflict_of=note.id,
                      deleted_at=note.created_at if deleted else None)
        session.add(copy)
        session.flush()
        return copy.id


def test_counts_follow_every_kind_of_change(services: Services) -> None:
    one = make_walk(services, "Reading walk", walkers=3, visits=3)
    two = make_walk(services, "Maths walk", walkers=1, visits=2)
    notes = [services.notes.save_note(NoteDraft(one.id, one.walkers[i % 3].id, f"Note {i}",
                                                visit_id=one.visits[i % 3].id)).id
             for i in range(6)]
    services.notes.save_note(NoteDraft(two.id, two.walkers[0].id, "Pairs compared",
                                       visit_id=two.visits[0].id))
    assert listed(services) == counted(services)
    assert listed(services)[one.id] == (3, 3, 6)

    services.notes.delete_note(notes[0])                      # a tombstone: not counted
    services.plan.remove_visit(one.visits[2].id)              # a removed visit
    facilitator = next(p for p in one.participants if p.role is d.Role.FACILITATOR)
    services.plan.update_participant(facilitator.id, role=d.Role.WALKER)   # a new walker
    services.plan.update_participant(one.walkers[2].id, role=d.Role.FACILITATOR)
    assert listed(services)[one.id] == (3, 2, 5)
    assert listed(services) == counted(services)

    # Conflict copies: a family is one note, whether its own row or a copy is live.
    conflict_copy(services, notes[1], "Other laptop's words")
    conflict_copy(services, notes[1], "A third laptop's words")
    assert listed(services)[one.id] == (3, 2, 5)
    services.notes.delete_note(notes[1])         # the family lives on in its copies
    assert listed(services)[one.id] == (3, 2, 5)
    conflict_copy(services, notes[0], "Edited while deleted here", deleted=True)
    assert listed(services)[one.id] == (3, 2, 5)  # a deleted note with a deleted copy
    conflict_copy(services, notes[0], "Kept there")     # ...and with a live one: back, once
    assert listed(services)[one.id] == (3, 2, 6)
    assert listed(services) == counted(services)

    # A note moved to another walk's row, and rows deleted in SQL (as a purge would).
    with services.db.transaction("moving a note") as session:
        session.execute(text("UPDATE notes SET walk_id = :two WHERE id = :note"),
                        {"two": two.id, "note": notes[2]})
        session.execute(text("DELETE FROM notes WHERE id = :note"), {"note": notes[3]})
        session.execute(text("UPDATE notes SET deleted_at = NULL WHERE id = :note"),
                        {"note": notes[1]})  # undeleted: its own row counts, not copies
    assert listed(services) == counted(services)
    assert listed(services)[two.id] == (1, 2, 2)

    copy = services.walks.duplicate_walk(one.id, "Reading walk again", date(2026, 12, 1))
    assert listed(services)[copy.id] == (3, 2, 0)
    services.walks.delete_walk(two.id)           # in the Trash: left out
    assert set(listed(services)) == {one.id, copy.id}
    services.trash.restore(two.id)
    assert listed(services) == counted(services) and two.id in listed(services)
    services.walks.delete_walk(one.id)
    services.trash.empty()                        # gone for good, counts and all
    assert set(listed(services)) == {two.id, copy.id}
    assert listed(services) == counted(services)
    with services.db.transaction() as session:
        assert session.execute(text("SELECT count(*) FROM walk_counts")).scalar() == 2


def test_a_visit_form_s_answers_are_not_counted_as_notes(settings: Settings) -> None:
    """Answers are notes with a form_key: the list leaves them out, through every change
    of the key, and migration 0011 recounts a database that counted them."""
    from alembic import command
    from sqlalchemy import create_engine

    from walkapp.storage import migrate

    services = open_services(settings)
    walk = make_walk(services, "Data walk", walkers=1, visits=1)
    notes = [services.notes.save_note(NoteDraft(walk.id, walk.walkers[0].id, f"Note {i}",
                                                visit_id=walk.visits[0].id)).id
             for i in range(3)]
    with services.db.transaction("answers") as session:
        session.execute(text("UPDATE notes SET form_key = 'seen' WHERE id = :note"),
                        {"note": notes[0]})
        session.add(m.Note(walk_id=walk.id, author_id=walk.walkers[0].id,
                           visit_id=walk.visits[0].id, text="Pairs", form_key="how"))
    assert listed(services)[walk.id] == (1, 1, 2) == counted(services)[walk.id]
    conflict_copy(services, notes[1], "Other words")
    services.notes.delete_note(notes[1])
    assert listed(services)[walk.id] == (1, 1, 2) == counted(services)[walk.id]
    with services.db.transaction("no longer an answer") as session:
        session.execute(text("UPDATE notes SET form_key = NULL WHERE id = :note"),
                        {"note": notes[0]})
    assert listed(services)[walk.id] == (1, 1, 3) == counted(services)[walk.id]
    services.close()

    assert settings.sqlite_path is not None
    engine = create_engine(f"sqlite:///{settings.sqlite_path}")
    config = migrate.alembic_config()
    with engine.begin() as connection:
        connection.exec_driver_sql("PRAGMA foreign_keys = ON")
        config.attributes["connection"] = connection
        # 0007's rule counts the answer "Pairs" with the two notes' own rows.
        command.downgrade(config, "0010")
        assert connection.exec_driver_sql("SELECT notes FROM walk_counts").scalar() == 3
    engine.dispose()
    again = open_services(settings)
    try:  # the two notes' rows; the deleted note's live copy is added at listing time
        with again.db.transaction() as session:
            assert session.execute(text("SELECT notes FROM walk_counts")).scalar() == 2
        assert listed(again)[walk.id] == (1, 1, 3) == counted(again)[walk.id]
    finally:
        again.close()


def test_the_search_filters_and_keeps_the_counts(services: Services) -> None:
    one = make_walk(services, "Reading walk", walkers=2, visits=1)
    make_walk(services, "Maths walk", walkers=1, visits=1)
    services.notes.save_note(NoteDraft(one.id, one.walkers[0].id, "A note",
                                       visit_id=one.visits[0].id))
    assert listed(services, "read") == {one.id: (2, 1, 1)}
    assert listed(services, "nothing like it") == {}


def test_the_list_reads_no_snapshot_and_counts_no_rows(services: Services) -> None:
    """Only the summary's columns, from the covering index; notes only through the index of
    conflict copies (never a scan of the notes or of the walk rows)."""
    walk = make_walk(services, "Reading walk", walkers=1, visits=1)
    services.notes.save_note(NoteDraft(walk.id, walk.walkers[0].id, "A note",
                                       visit_id=walk.visits[0].id))
    statements: list[tuple[str, Any]] = []

    def seen(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        statements.append((statement, parameters))

    engine = services.db.engine
    event.listen(engine, "before_cursor_execute", seen)
    try:
        services.walks.list_walks()
        services.walks.list_walks("read")
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    queries = [(s, p) for s, p in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(queries) == 2
    for statement, parameters in queries:
        assert "protocol_snapshot" not in statement
        with engine.connect() as connection:
            plan = [str(r[3]) for r in connection.exec_driver_sql(
                f"EXPLAIN QUERY PLAN {statement}", parameters)]
        assert any("walks USING COVERING INDEX ix_walks_summary" in line for line in plan)
        for line in plan:
            if "notes" in line and ("SCAN" in line or "SEARCH" in line):
                assert "ix_notes_copies" in line or "sqlite_autoindex_notes" in line, plan
            assert not line.startswith("SCAN walks"), plan


def test_the_migration_counts_the_walks_already_there(settings: Settings,
                                                       tmp_path: Path) -> None:
    """A database from before 0007 gets its counts when it is opened (and going back and
    up again keeps every row and gives the same counts)."""
    from alembic import command
    from sqlalchemy import create_engine

    from walkapp.storage import migrate

    services = open_services(settings)
    walk = make_walk(services, "Reading walk", walkers=2, visits=3)
    note = services.notes.save_note(NoteDraft(walk.id, walk.walkers[0].id, "A note",
                                              visit_id=walk.visits[0].id))
    services.notes.save_note(NoteDraft(walk.id, walk.walkers[1].id, "Another",
                                       visit_id=walk.visits[1].id))
    conflict_copy(services, note.id, "Other words")
    services.plan.remove_visit(walk.visits[2].id)
    before = listed(services)
    services.close()
    assert before == {walk.id: (2, 2, 2)}

    assert settings.sqlite_path is not None
    engine = create_engine(f"sqlite:///{settings.sqlite_path}")
    config = migrate.alembic_config()
    with engine.begin() as connection:
        connection.exec_driver_sql("PRAGMA foreign_keys = ON")
        config.attributes["connection"] = connection
        command.downgrade(config, "0006")
    with engine.begin() as connection:
        tables = {r[0] for r in connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")}
        assert "walk_counts" not in tables and not any("walk_counts" in t for t in tables)
        # Changed while at 0006 (an older walkapp): the counts are made afresh on the way up.
        connection.exec_driver_sql("UPDATE visits SET deleted_at = NULL")
    engine.dispose()

    again = open_services(settings)
    try:
        assert listed(again) == {walk.id: (2, 3, 2)} == counted(again)
        with again.db.transaction() as session:
            triggers = {r[0] for r in session.execute(text(
                "SELECT name FROM sqlite_master WHERE type = 'trigger'"))}
        revision = importlib.import_module(
            "walkapp.storage.migrations.versions.0007_walk_list_counts")
        assert set(revision.trigger_names()) <= triggers
    finally:
        again.close()
