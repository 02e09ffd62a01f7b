"""Notes and reflections: what walkers write, saved the moment they write it.

`save_note` is an idempotent upsert keyed by a UUID the caller picks before the first
keystroke is saved: an autosave that is retried after a failure cannot create a duplicate,
and a note typed on a walker's laptop keeps its identity when it reaches the facilitator.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from walkapp import domain as d
from walkapp.errors import EditConflictError, NotFoundError, ValidationError
from walkapp.events import Action, Entity
from walkapp.services import convert
from walkapp.services import validate as v
from walkapp.services.base import ServiceBase
from walkapp.services.history import forget_history, keep_replaced_text
from walkapp.services.walks import live_walk
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


def _check_refs(session: Session, draft: NoteDraft, kept_visit: str | None = None
                ) -> list[m.LookFor]:
    """The draft's tags, once its author, visit and tags are checked. A removed visit is
    refused, except as the visit the note already has (`kept_visit`): a note that arrived
    on a removed visit can still be corrected where it is, or moved to a visit."""
    live_walk(session, draft.walk_id)
    if draft.author_id is not None:
        author = session.get(m.Participant, draft.author_id)
        if author is None or author.walk_id != draft.walk_id:
            raise NotFoundError("The note's author is not on this walk's roster.")
    if draft.visit_id is not None:
        visit = session.get(m.Visit, draft.visit_id)
        if visit is None or visit.walk_id != draft.walk_id:
            raise NotFoundError("That visit is not part of this walk.")
        if visit.deleted_at is not None and draft.visit_id != kept_visit:
            raise NotFoundError("That visit was removed from the route; choose a visit "
                                "that is on it.")
    tags: list[m.LookFor] = []
    for look_for_id in dict.fromkeys(draft.look_for_ids):
        tag = session.get(m.LookFor, look_for_id)
        if tag is None or tag.walk_id != draft.walk_id:
            raise NotFoundError("A look-for tag on the note is not part of this walk.")
        tags.append(tag)
    return tags


def _keep_if_facilitator(session: Session, row: m.Note) -> None:
    """On the facilitator's laptop, editing a walker's note keeps the walker's text in the
    note's history (walkapp.services.history): the edit is the facilitator's version.

    Only a note that came from the walker's own notes file (its family has an owner in
    `SyncFamily`) holds the walker's words: one typed here for a walker (a paper
    note-catcher typed up) is the facilitator's typing from its first autosave on, and
    its drafts are not "the walker's text"."""
    walk = session.get(m.Walk, row.walk_id)
    if walk is not None and walk.local_mode == d.LocalMode.FACILITATOR.value \
            and row.author_id is not None and _from_walkers_file(session, row):
        keep_replaced_text(session, row, replaced_by=None, new_revision=row.revision + 1,
                           when=utcnow())


def _from_walkers_file(session: Session, row: m.Note) -> bool:
    family = session.get(m.SyncFamily, (Entity.NOTE.value, row.conflict_of or row.id))
    return family is not None and family.owner_id is not None


class NoteService(ServiceBase):
    def save_note(self, draft: NoteDraft) -> d.Note:
        """Create the note, or update it if it exists; the revision grows on each change."""
        stem = v.choice(d.Stem, draft.stem, "Stem")
        text = v.body_text(draft.text, "The note")
        note_id = draft.id or new_id()
        with self.db.transaction("saving the note") as session:
            row = session.get(m.Note, note_id, options=[selectinload(m.Note.look_fors)])
            tags = _check_refs(session, draft, row.visit_id if row is not None else None)
            if row is None:
                row = m.Note(id=note_id, walk_id=draft.walk_id, author_id=draft.author_id,
                             visit_id=draft.visit_id, phase=draft.phase, stem=stem.value,
                             text=text, revision=1)
                row.look_fors = tags
                session.add(row)
                action = Action.ADDED
            else:
                if row.walk_id != draft.walk_id:
                    raise ValidationError("That note belongs to another walk.")
                if draft.base_revision is not None and row.revision != draft.base_revision:
                    raise EditConflictError(
                        "This note was changed elsewhere (an imported notes file) while it "
                        "was open here.")
                changed = (row.text != text or row.stem != stem.value
                           or row.visit_id != draft.visit_id or row.phase != draft.phase
                           or [t.id for t in row.look_fors] != [t.id for t in tags]
                           or row.deleted_at is not None)
                action = Action.UPDATED
                if changed and row.text != text:
                    _keep_if_facilitator(session, row)
                if changed:
                    row.text, row.stem = text, stem.value
                    row.visit_id, row.phase = draft.visit_id, draft.phase
                    row.look_fors = tags
                    row.deleted_at = None
                    row.revision += 1
                    row.updated_at = utcnow()
            session.flush()
            result = convert.note(row)
        self.publish(Entity.NOTE, action, draft.walk_id, result.id)
        return result

    def delete_note(self, note_id: str) -> None:
        """Delete a note. A tombstone stays so the deletion travels to other laptops."""
        with self.db.transaction("deleting the note") as session:
            row = session.get(m.Note, note_id)
            if row is None:
                raise NotFoundError(f"No note with id {note_id}.")
            if row.deleted_at is not None:
                return
            row.deleted_at = utcnow()
            # The text goes now, not at the next merge: a deleted note must not linger.
            row.text = ""
            forget_history(session, row.id)
            row.look_fors = []
            row.stale_tags = []  # a tombstone carries nothing but its deletion
            row.revision += 1
            walk_id = row.walk_id
        self.publish(Entity.NOTE, Action.REMOVED, walk_id, note_id)

    def keeps_earlier_text(self, note_id: str) -> bool:
        """Does the note keep an earlier text in its history (the walker's words, kept when
        the facilitator changed them; walkapp.services.history)?"""
        with self.db.transaction() as session:
            return session.scalars(select(m.NoteHistory.id)
                                   .where(m.NoteHistory.note_id == note_id).limit(1)
                                   ).first() is not None

    def get_note(self, note_id: str) -> d.Note:
        with self.db.transaction() as session:
            row = session.get(m.Note, note_id, options=[selectinload(m.Note.look_fors)])
            if row is None or row.deleted_at is not None:
                raise NotFoundError(f"No note with id {note_id}.")
            return convert.note(row)

    def list_notes(self, walk_id: str, *, visit_id: str | None = None,
                   author_id: str | None = None) -> list[d.Note]:
        """Live notes of a walk, oldest first (optionally of one visit or one author)."""
        query = (select(m.Note).options(selectinload(m.Note.look_fors))
                 .where(m.Note.walk_id == walk_id, m.Note.deleted_at.is_(None))
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
        clean_prompt = v.body_text(prompt, "The prompt", v.MAX_SHORT_TEXT_CHARS)
        clean_text = v.body_text(text, "The reflection")
        with self.db.transaction("saving the reflection") as session:
            _check_refs(session, NoteDraft(walk_id=walk_id, author_id=author_id, text=""))
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
