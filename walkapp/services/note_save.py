"""A note's save in one read and one write: what `NoteService.save_note` runs.

A note is saved at every pause in typing, so its save is kept close to a bare commit:

- one transaction on the thread's kept sqlite3 connection, without SQLAlchemy
  (`Database.connection(write=True)`: BEGIN IMMEDIATE, so nothing read changes before
  it is written);
- one SELECT reads everything the save must know: the walk (there, not in the Trash, in
  which mode), that the author, the visit and every tag belong to the walk, and the
  stored note with its tags;
- one UPDATE (or INSERT) writes it, plus the tags when they changed.

The statements are plain SQL run on the sqlite3 connection itself: SQLAlchemy's work per
statement (compiling from its cache, result objects) costs several times SQLite's for
statements this small. Values go in and come out through the very type processors
SQLAlchemy uses for those columns (times are stored exactly as the ORM stores them). The
checks, their messages and their order are those of the ORM version this replaces
(tests/core/test_note_services.py and friends hold them).

The rare case of the facilitator changing the words of a walker's note that came in the
walker's notes file (its earlier text is kept in the note's history) is ORM work: that
save stops before it writes anything (NeedsSession) and runs again, the same code, in
an ORM transaction, through walkapp.services.history as before.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session

from walkapp import domain as d
from walkapp.errors import EditConflictError, NotFoundError, ValidationError, WalkInTrashError
from walkapp.events import Entity
from walkapp.formatting import tr
from walkapp.services.history import keep_replaced_text
from walkapp.storage import models as m
from walkapp.storage.types import utcnow

# The stored note's tags come as "position<US>id" joined by <RS> (control characters no id
# holds) and are put in the order the ORM relationship reads them (by position) in
# Python: SQLite does not promise an order inside group_concat.
_UNIT, _RECORD = "\x1f", "\x1e"

_FACTS = f"""
SELECT w.title, w.trashed_at, w.local_mode,
    (SELECT walk_id FROM participants WHERE id = :author) AS author_walk,
    (SELECT walk_id FROM visits WHERE id = :visit) AS visit_walk,
    (SELECT deleted_at FROM visits WHERE id = :visit) AS visit_deleted,
    (SELECT count(*) FROM look_fors WHERE walk_id = :walk AND id IN ({{tags}})) AS tags_here,
    n.id AS note_id, n.walk_id AS note_walk, n.author_id, n.visit_id, n.phase, n.stem,
    n.stem_key, n.text, n.revision, n.created_at, n.updated_at, n.deleted_at, n.conflict_of,
    n.form_key,
    (SELECT group_concat(t.position || char(31) || t.id, char(30))
        FROM note_look_fors AS nl JOIN look_fors AS t ON t.id = nl.look_for_id
        WHERE nl.note_id = :note) AS stored_tags,
    (SELECT owner_id FROM sync_families
        WHERE entity = '{Entity.NOTE.value}' AND family_id = coalesce(n.conflict_of, n.id)
    ) AS family_owner
FROM walks AS w LEFT JOIN notes AS n ON n.id = :note
WHERE w.id = :walk
"""
_INSERT_NOTE = """
INSERT INTO notes (id, walk_id, author_id, visit_id, phase, stem, stem_key, text,
                   conflict_of, stale_look_for_ids, revision, deleted_at, created_at,
                   updated_at, form_key)
VALUES (:id, :walk_id, :author_id, :visit_id, :phase, :stem, :stem_key, :text, NULL, NULL, 1,
        NULL, :now, :now, :form_key)
"""
_UPDATE_NOTE = """
UPDATE notes SET text = :text, stem = :stem, stem_key = :stem_key, visit_id = :visit_id,
    phase = :phase, revision = :revision, updated_at = :now
WHERE id = :id
"""
# A deleted note saved again comes back. Only then is `deleted_at` set: naming it in every
# save would fire the walk list's count trigger (migration 0007) at each pause in typing.
_REVIVE_NOTE = """
UPDATE notes SET text = :text, stem = :stem, stem_key = :stem_key, visit_id = :visit_id,
    phase = :phase, deleted_at = NULL, revision = :revision, updated_at = :now
WHERE id = :id
"""
_DELETE_TAGS = "DELETE FROM note_look_fors WHERE note_id = ?"
_INSERT_TAG = "INSERT INTO note_look_fors (note_id, look_for_id) VALUES (?, ?)"
# Does the note keep an earlier text (walkapp.services.history)? One parameter: its id.
KEEPS_HISTORY = "SELECT 1 FROM note_history WHERE note_id = ? LIMIT 1"


@functools.cache
def _facts_sql(tags: int) -> str:
    # (An empty IN () list is valid in SQLite.)
    return _FACTS.format(tags=", ".join(f":tag{i}" for i in range(tags)))


@functools.cache
def _times(dialect: Dialect) -> tuple[Callable[[Any], Any], Callable[[Any], Any]]:
    """How the notes' time columns are written and read, as SQLAlchemy does it."""
    column = m.Note.__table__.c.updated_at.type.dialect_impl(dialect)
    write = column.bind_processor(dialect)
    read = column.result_processor(dialect, None)
    assert write is not None and read is not None
    return write, read


@dataclass(frozen=True)
class Saved:
    """A saved note, and whether the save created it."""

    note: d.Note
    created: bool


def check_refs(raw: sqlite3.Connection, walk_id: str, author_id: str | None,
               visit_id: str | None, tag_ids: tuple[str, ...], note_id: str = "",
               ) -> tuple[str, sqlite3.Row | None]:
    """(The walk's local mode, the stored note or None), once a walk that is missing or
    in the Trash, an author, a visit or a tag that is not the walk's, or a removed visit
    are refused (NotFoundError) — a removed visit is kept only as the one the stored
    note already has: a note that arrived on a removed visit can still be corrected
    where it is, or moved to a visit. One query."""
    cursor = raw.cursor()
    cursor.row_factory = sqlite3.Row
    params: dict[str, Any] = {"walk": walk_id, "author": author_id, "visit": visit_id,
                              "note": note_id}
    params.update({f"tag{i}": tag for i, tag in enumerate(tag_ids)})
    try:
        row = cursor.execute(_facts_sql(len(tag_ids)), params).fetchone()
    finally:
        cursor.close()
    if row is None:
        raise NotFoundError(tr("No walk with id {walk_id}.").format(walk_id=walk_id))
    if row["trashed_at"] is not None:
        raise WalkInTrashError(walk_id, row["title"])
    if author_id is not None and row["author_walk"] != walk_id:
        raise NotFoundError(tr("The note's author is not on this walk's roster."))
    note = row if row["note_id"] is not None else None
    if visit_id is not None:
        if row["visit_walk"] != walk_id:
            raise NotFoundError(tr("That visit is not part of this walk."))
        kept_visit = note["visit_id"] if note is not None else None
        if row["visit_deleted"] is not None and visit_id != kept_visit:
            raise NotFoundError(tr("That visit was removed from the route; choose a visit that "
                                   "is on it."))
    if row["tags_here"] != len(tag_ids):
        raise NotFoundError(tr("A look-for tag on the note is not part of this walk."))
    return str(row["local_mode"]), note


class NeedsSession(Exception):
    """This save keeps a walker's text in the note's history, which is ORM work: run it
    again with `session` (nothing was written; see NoteService.save_note)."""


def save(raw: sqlite3.Connection, dialect: Dialect, *, note_id: str, walk_id: str,
         author_id: str | None, visit_id: str | None, phase: str | None, stem: str,
         stem_key: str | None, text: str, tag_ids: tuple[str, ...], base_revision: int | None,
         session: Session | None = None, form_key: str | None = None) -> Saved:
    """Create or update the note in `raw`'s write transaction (see the module doc).
    `session`: an ORM session in that same transaction, needed (NeedsSession) only when
    the save keeps a walker's text in the note's history. `form_key`: the note is an
    answer to that visit-form question (walkapp.forms); it is set when the note is made
    and never changes (an ordinary note never becomes an answer, nor the reverse)."""
    write_time, read_time = _times(dialect)
    local_mode, stored = check_refs(raw, walk_id, author_id, visit_id, tag_ids, note_id)
    now = utcnow()
    if stored is None:
        raw.execute(_INSERT_NOTE, {"id": note_id, "walk_id": walk_id, "author_id": author_id,
                                   "visit_id": visit_id, "phase": phase, "stem": stem,
                                   "stem_key": stem_key, "text": text,
                                   "now": write_time(now), "form_key": form_key})
        _write_tags(raw, note_id, tag_ids)
        return Saved(_note(note_id, walk_id, author_id, visit_id, phase, stem, stem_key, text,
                           tag_ids, 1, now, now, None, form_key), created=True)
    if stored["note_walk"] != walk_id:
        raise ValidationError(tr("That note belongs to another walk."))
    if stored["form_key"] != form_key:
        raise ValidationError(tr("That note is an answer to the visit form, or the answer is an "
                                 "ordinary note: one cannot be saved as the other."))
    if base_revision is not None and stored["revision"] != base_revision:
        raise EditConflictError(
            tr("This note was changed elsewhere (an imported notes file) while it was open here."))
    stored_tags = _tag_ids(stored["stored_tags"])
    created_at = read_time(stored["created_at"])
    changed = (stored["text"] != text or stored["stem"] != stem
               or stored["stem_key"] != stem_key
               or stored["visit_id"] != visit_id or stored["phase"] != phase
               or stored_tags != tag_ids or stored["deleted_at"] is not None)
    if not changed:
        return Saved(_note(note_id, walk_id, stored["author_id"], stored["visit_id"],
                           stored["phase"], stored["stem"], stored["stem_key"],
                           stored["text"], stored_tags,
                           stored["revision"], created_at, read_time(stored["updated_at"]),
                           stored["conflict_of"], form_key), created=False)
    if stored["text"] != text and local_mode == d.LocalMode.FACILITATOR.value \
            and stored["author_id"] is not None and stored["family_owner"] is not None:
        # The facilitator changes a walker's words: keep them in the note's history.
        if session is None:
            raise NeedsSession
        row = session.get(m.Note, note_id)
        assert row is not None
        keep_replaced_text(session, row, replaced_by=None, new_revision=row.revision + 1,
                           when=utcnow())
        session.flush()
    revision = int(stored["revision"]) + 1
    raw.execute(_UPDATE_NOTE if stored["deleted_at"] is None else _REVIVE_NOTE,
                {"id": note_id, "text": text, "stem": stem, "stem_key": stem_key,
                 "visit_id": visit_id, "phase": phase, "revision": revision,
                 "now": write_time(now)})
    if stored_tags != tag_ids:
        raw.execute(_DELETE_TAGS, (note_id,))
        _write_tags(raw, note_id, tag_ids)
    return Saved(_note(note_id, walk_id, stored["author_id"], visit_id, phase, stem, stem_key,
                       text, tag_ids, revision, created_at, now, stored["conflict_of"],
                       form_key),
                 created=False)


def _tag_ids(joined: str | None) -> tuple[str, ...]:
    """The stored tags' ids by position (see `_UNIT`)."""
    if not joined:
        return ()
    pairs = [entry.split(_UNIT, 1) for entry in joined.split(_RECORD)]
    return tuple(tag for _, tag in sorted(pairs, key=lambda pair: int(pair[0])))


def _write_tags(raw: sqlite3.Connection, note_id: str, tag_ids: tuple[str, ...]) -> None:
    if tag_ids:
        raw.executemany(_INSERT_TAG, [(note_id, tag) for tag in tag_ids])


def _note(note_id: str, walk_id: str, author_id: str | None, visit_id: str | None,
          phase: str | None, stem: str, stem_key: str | None, text: str,
          tag_ids: tuple[str, ...], revision: int, created_at: datetime,
          updated_at: datetime, conflict_of: str | None, form_key: str | None = None
          ) -> d.Note:
    return d.Note(id=note_id, walk_id=walk_id, author_id=author_id, visit_id=visit_id,
                  phase=phase, stem=d.Stem(stem), stem_key=stem_key or "", text=text,
                  look_for_ids=tag_ids, revision=revision, created_at=created_at,
                  updated_at=updated_at, conflict_of=conflict_of, form_key=form_key)
