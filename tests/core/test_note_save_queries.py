"""A note's autosave reads once and writes once (walkapp.services.note_save).

What SQLite is asked during a save is traced on the connection itself (sqlite3's trace
callback), so statements run without SQLAlchemy count too. The checks themselves (which
author, visit or tag is refused, conflicts) are in test_note_services.py; here: how much
is asked, and that the save keeps the file identity promise on its own path.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from tests.helpers.one_walk import draft
from walkapp import domain as d
from walkapp.errors import DatabaseMissingError
from walkapp.services import NoteDraft, Services, note_save
from walkapp.storage.snapshot import copy_database


def _traced(services: Services) -> list[str]:
    """Every statement SQLite runs from now on, on any connection walkapp opens."""
    statements: list[str] = []

    def seen(sql: str) -> None:
        text = " ".join(sql.split())
        # A statement whose trigger runs (the walk list's counts, migration 0007; the
        # search index, 0012) is reported again for each statement of the trigger, with
        # the outer statement's text: once is what was run. What the triggers and the
        # FTS5 index run themselves comes as "-- …": not walkapp's statements.
        if text.startswith("--"):
            return
        if not statements or statements[-1] != text:
            statements.append(text)

    def trace(dbapi_connection: Any, record: Any) -> None:
        dbapi_connection.set_trace_callback(seen)

    event.listen(services.db.engine, "connect", trace)
    services.db.engine.dispose()  # the kept connections were opened without the trace
    return statements


def _kinds(statements: list[str]) -> list[str]:
    """"SELECT", "UPDATE notes", "INSERT note_look_fors"… for each statement."""
    kinds = []
    for sql in statements:
        words = sql.split()
        verb = words[0].upper()
        table = {"INSERT": 2, "DELETE": 2, "UPDATE": 1}.get(verb)
        kinds.append(f"{verb} {words[table]}" if table is not None else verb)
    return kinds


def _tagged(walk: d.Walk, text: str, note_id: str = "") -> NoteDraft:
    return NoteDraft(walk_id=walk.id, author_id=walk.participants[-1].id, text=text,
                     visit_id=walk.visits[0].id, look_for_ids=(walk.look_fors[0].id,),
                     id=note_id)


def test_an_autosave_of_a_typed_note_reads_once_and_writes_once(
        services: Services, walk: d.Walk) -> None:
    note = services.notes.save_note(_tagged(walk, "Pairs talk"))
    statements = _traced(services)
    services.notes.save_note(_tagged(walk, "Pairs talk before", note.id))  # warm
    statements.clear()
    saved = services.notes.save_note(_tagged(walk, "Pairs talk before writing", note.id))
    assert saved.revision == 3
    selects = [s for s in statements if s.upper().startswith("SELECT")]
    assert len(selects) == 1, statements
    assert _kinds(statements) == ["BEGIN", "SELECT", "UPDATE notes", "COMMIT"], statements


def test_a_new_tagged_note_reads_once(services: Services, walk: d.Walk) -> None:
    services.notes.save_note(_tagged(walk, "warm"))
    statements = _traced(services)
    services.notes.save_note(_tagged(walk, "warm again"))
    statements.clear()
    services.notes.save_note(_tagged(walk, "Counting in fives"))
    assert _kinds(statements) == ["BEGIN", "SELECT", "INSERT notes",
                                  "INSERT note_look_fors", "COMMIT"], statements


def test_a_save_that_changes_nothing_writes_nothing(services: Services,
                                                    walk: d.Walk) -> None:
    note = services.notes.save_note(_tagged(walk, "Same words"))
    statements = _traced(services)
    again = services.notes.save_note(_tagged(walk, "Same words", note.id))
    assert again.revision == note.revision
    assert again.look_for_ids == note.look_for_ids
    assert again.created_at == note.created_at and again.updated_at == note.updated_at
    assert not [s for s in statements if s.upper().startswith(("UPDATE", "INSERT",
                                                                "DELETE"))]


def test_the_saved_note_is_the_stored_note(services: Services, walk: d.Walk) -> None:
    """What save_note returns is what reading the note back gives."""
    note = services.notes.save_note(_tagged(walk, "First"))
    assert services.notes.get_note(note.id) == note
    changed = services.notes.save_note(_tagged(walk, "First and second", note.id))
    assert services.notes.get_note(note.id) == changed
    untagged = services.notes.save_note(draft(walk, "No tags now", note.id))
    assert services.notes.get_note(note.id) == untagged
    assert untagged.look_for_ids == ()


def test_a_swap_during_a_note_save_commits_in_neither_file(
        services: Services, walk: d.Walk, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The save's own path (no ORM session) checks the file before its COMMIT too."""
    assert services.db.path is not None
    path = services.db.path
    note = services.notes.save_note(draft(walk, "kept"))
    copy = copy_database(path, tmp_path / "copy.sqlite3")
    away = tmp_path / "away.sqlite3"
    real_note = note_save._note

    def swap_then_note(*args: Any) -> d.Note:
        for suffix in ("-wal", "-shm"):
            if Path(f"{path}{suffix}").exists():
                os.replace(f"{path}{suffix}", f"{away}{suffix}")
        os.replace(path, away)
        os.replace(copy, path)
        return real_note(*args)

    monkeypatch.setattr(note_save, "_note", swap_then_note)
    with pytest.raises(DatabaseMissingError):
        services.notes.save_note(draft(walk, "changed in flight", note.id))

    def texts(file: Path) -> set[str]:
        with sqlite3.connect(f"{file.absolute().as_uri()}?mode=ro", uri=True) as conn:
            return {str(row[0]) for row in conn.execute("SELECT text FROM notes")}

    assert texts(path) == {"kept"}
    assert texts(away) == {"kept"}


def test_saving_a_notes_text_fires_no_count_trigger(services: Services, walk: d.Walk) -> None:
    """The walk list's counts (migration 0007) move when a note is added, deleted or moved,
    not at each pause in typing: a text save names no column a count depends on."""
    note = services.notes.save_note(_tagged(walk, "Pairs talk"))
    reported: list[str] = []

    def trace(dbapi_connection: Any, record: Any) -> None:
        dbapi_connection.set_trace_callback(reported.append)

    event.listen(services.db.engine, "connect", trace)
    services.db.engine.dispose()
    services.notes.save_note(_tagged(walk, "Pairs talk before writing", note.id))
    # Each statement a trigger runs is reported as "-- …": the search index's run (a text
    # is what it indexes), the counts' never.
    inner = [sql for sql in reported if sql.lstrip().startswith("--")]
    assert any("search_fts" in sql for sql in inner), inner
    assert not any("walk_counts" in sql for sql in inner), inner
