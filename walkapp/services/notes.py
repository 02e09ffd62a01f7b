"""Notes and reflections: what walkers write, saved the moment they write it.

`save_note` is an idempotent upsert keyed by a UUID the caller picks before the first
keystroke is saved: an autosave that is retried after a failure cannot create a duplicate,
and a note typed on a walker's laptop keeps its identity when it reaches the facilitator.
"""

from __future__ import annotations

import contextlib
import functools
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from walkapp import domain as d
from walkapp import forms
from walkapp.errors import NotFoundError
from walkapp.events import Action, Entity
from walkapp.formatting import N_, tr
from walkapp.protocol.schema import Prompt
from walkapp.services import convert, note_save
from walkapp.services import validate as v
from walkapp.services.base import ServiceBase
from walkapp.services.history import forget_history
from walkapp.services.reviews import forget_review
from walkapp.storage import models as m
from walkapp.storage.types import new_id, utcnow


@dataclass(frozen=True)
class NoteDraft:
    """A note as the editor holds it; `id` is chosen by the editor (see module doc)."""

    walk_id: str
    author_id: str | None
    text: str
    stem: d.Stem | str = d.Stem.NOTICED
    visit_id: str | None = None
    phase: str | None = None
    look_for_ids: tuple[str, ...] = ()
    id: str = ""
    # The revision the editor last read or wrote; None skips the check. When the stored
    # note has moved on (an import replaced it), saving raises EditConflictError instead
    # of overwriting someone else's text.
    base_revision: int | None = None
    # The protocol's own stem ("warm", StemSpec.key), written like `stem`; "" for the four.
    stem_key: str = ""
    # The visit-form question this note answers (walkapp.forms); None: an ordinary note.
    # Answers are saved with `NoteService.save_answer`, which checks them.
    form_key: str | None = None


@dataclass(frozen=True)
class AnswerSaved:
    """What `save_answer` did: the answer's note (None when the answer was cleared: its
    note is deleted, and a tombstone travels like a deleted note's)."""

    walk_id: str
    author_id: str | None
    visit_id: str | None
    form_key: str
    note_id: str
    note: d.Note | None


class NoteService(ServiceBase):
    def save_note(self, draft: NoteDraft) -> d.Note:
        """Create the note, or update it if it exists; the revision grows on each change."""
        stem = v.choice(d.Stem, draft.stem, "Stem")
        stem_key = v.own_key(draft.stem_key, N_("The note's stem"), stem)
        text = v.body_text(draft.text, N_("The note"))
        note_id = draft.id or new_id()
        fields: dict[str, Any] = {
            "note_id": note_id, "walk_id": draft.walk_id, "author_id": draft.author_id,
            "visit_id": draft.visit_id, "phase": draft.phase, "stem": stem.value,
            "stem_key": stem_key or None, "text": text,
            "tag_ids": tuple(dict.fromkeys(draft.look_for_ids)),
            "base_revision": draft.base_revision, "form_key": draft.form_key}
        dialect = self.db.engine.dialect
        try:
            # One read and one write on the sqlite3 connection (walkapp.services.note_save):
            # a note is saved at every pause in typing.
            with self.db.connection(N_("saving the note"), write=True) as raw:
                saved = note_save.save(raw, dialect, **fields)
        except note_save.NeedsSession:
            # The facilitator changes a walker's words, which the note's history keeps.
            with self.db.transaction(N_("saving the note")) as session:
                same = session.connection().connection.dbapi_connection
                assert isinstance(same, sqlite3.Connection), "notes need SQLite"
                same.execute("BEGIN IMMEDIATE")
                saved = note_save.save(same, dialect, session=session, **fields)
        action = Action.ADDED if saved.created else Action.UPDATED
        self.publish(Entity.NOTE, action, draft.walk_id, saved.note.id)
        return saved.note

    def save_answer(self, walk_id: str, author_id: str | None, visit_id: str,
                    prompt: Prompt, value: str | Sequence[str], *,
                    phase: str | None = None) -> AnswerSaved:
        """Save `author_id`'s answer to the visit-form `prompt` (the walk's protocol's) in
        `visit_id`: one note per walker, visit and question (walkapp.forms.answer_id), so
        saving again changes that note. A choice must be one of the options, ticks a subset
        of them (ValidationError otherwise, nothing saved). An empty answer deletes the
        note; answering again brings it back."""
        text = forms.answer_text(prompt, value)
        note_id = forms.answer_id(walk_id, author_id, visit_id, prompt.key)
        done = functools.partial(AnswerSaved, walk_id, author_id, visit_id, prompt.key,
                                 note_id)
        if not text:
            with contextlib.suppress(NotFoundError):  # never answered: nothing to clear
                self.delete_note(note_id)
            return done(None)
        note = self.save_note(NoteDraft(walk_id=walk_id, author_id=author_id, text=text,
                                        visit_id=visit_id, phase=phase, id=note_id,
                                        form_key=prompt.key))
        return done(note)

    def list_answers(self, walk_id: str, *, visit_id: str | None = None,
                     author_id: str | None = None) -> list[d.Note]:
        """Live answers to the walk's visit form (notes with a form key), oldest first."""
        return self._list(walk_id, visit_id, author_id, answers=True)

    def delete_note(self, note_id: str) -> None:
        """Delete a note. A tombstone stays so the deletion travels to other laptops."""
        with self.db.transaction(N_("deleting the note")) as session:
            row = session.get(m.Note, note_id)
            if row is None:
                raise NotFoundError(tr("No note with id {note_id}.").format(note_id=note_id))
            if row.deleted_at is not None:
                return
            row.deleted_at = utcnow()
            # The text goes now, not at the next merge: a deleted note must not linger.
            row.text = ""
            forget_history(session, row.id)
            forget_review(session, row.id)  # the facilitator's decision goes with it
            row.look_fors = []
            row.stale_tags = []  # a tombstone carries nothing but its deletion
            row.revision += 1
            walk_id = row.walk_id
        self.publish(Entity.NOTE, Action.REMOVED, walk_id, note_id)

    def keeps_earlier_text(self, note_id: str) -> bool:
        """Does the note keep an earlier text in its history (the walker's words, kept when
        the facilitator changed them; walkapp.services.history)?"""
        # Asked after each autosave of a walker's note on the facilitator's laptop: one
        # small statement on the sqlite3 connection (no ORM work).
        with self.db.connection() as raw:
            return raw.execute(note_save.KEEPS_HISTORY, (note_id,)).fetchone() is not None

    def get_note(self, note_id: str) -> d.Note:
        with self.db.transaction() as session:
            row = session.get(m.Note, note_id, options=[selectinload(m.Note.look_fors)])
            if row is None or row.deleted_at is not None:
                raise NotFoundError(tr("No note with id {note_id}.").format(note_id=note_id))
            return convert.note(row)

    def list_notes(self, walk_id: str, *, visit_id: str | None = None,
                   author_id: str | None = None) -> list[d.Note]:
        """Live notes of a walk, oldest first (optionally of one visit or one author);
        answers to the visit form are not among them (`list_answers`)."""
        return self._list(walk_id, visit_id, author_id, answers=False)

    def _list(self, walk_id: str, visit_id: str | None, author_id: str | None, *,
              answers: bool) -> list[d.Note]:
        form = m.Note.form_key.is_not(None) if answers else m.Note.form_key.is_(None)
        query = (select(m.Note).options(selectinload(m.Note.look_fors))
                 .where(m.Note.walk_id == walk_id, m.Note.deleted_at.is_(None), form)
                 .order_by(m.Note.created_at, m.Note.id))
        if visit_id is not None:
            query = query.where(m.Note.visit_id == visit_id)
        if author_id is not None:
            query = query.where(m.Note.author_id == author_id)
        with self.db.transaction() as session:
            return convert.by_family(convert.note(row) for row in session.scalars(query))

    # -- reflections -----------------------------------------------------------------------
    def save_reflection(self, walk_id: str, author_id: str | None, prompt: str, text: str,
                        reflection_id: str = "") -> d.Reflection:
        clean_prompt = v.body_text(prompt, N_("The prompt"), v.MAX_SHORT_TEXT_CHARS)
        clean_text = v.body_text(text, N_("The reflection"))
        with self.db.transaction(N_("saving the reflection")) as session:
            raw = session.connection().connection.dbapi_connection
            assert isinstance(raw, sqlite3.Connection), "notes need SQLite"
            note_save.check_refs(raw, walk_id, author_id, None, ())
            row = session.get(m.Reflection, reflection_id) if reflection_id else None
            if row is None:
                row = m.Reflection(id=reflection_id or new_id(), walk_id=walk_id,
                                   author_id=author_id, prompt=clean_prompt, text=clean_text)
                session.add(row)
                action = Action.ADDED
            else:
                action = Action.UPDATED
                if (row.text, row.prompt, row.deleted_at) != (clean_text, clean_prompt, None):
                    row.text, row.prompt, row.deleted_at = clean_text, clean_prompt, None
                    row.revision += 1
                    row.updated_at = utcnow()
            session.flush()
            result = convert.reflection(row)
        self.publish(Entity.REFLECTION, action, walk_id, result.id)
        return result

    def list_reflections(self, walk_id: str, author_id: str | None = None
                         ) -> list[d.Reflection]:
        query = (select(m.Reflection)
                 .where(m.Reflection.walk_id == walk_id, m.Reflection.deleted_at.is_(None))
                 .order_by(m.Reflection.created_at, m.Reflection.id))
        if author_id is not None:
            query = query.where(m.Reflection.author_id == author_id)
        with self.db.transaction() as session:
            return convert.by_family(convert.reflection(row) for row in session.scalars(query))
