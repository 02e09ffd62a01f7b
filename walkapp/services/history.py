"""A note's history: what its author wrote before someone else changed it.

The rule for a facilitator's edit of a walker's note, the same for the merge, the screens
and the reports: the edit is a new version by the facilitator (it travels like any other
version, and an edit on the walker's side too makes two heads — a conflict, both kept); the
walker's text is not lost but kept here, in `note_history`, and shown on request
(`walkapp show WALK --history NOTE_ID`). Only text replaced by someone other than the one
who wrote it is kept: a walker revising their own note keeps no drafts. Deleting the note
removes its history, because older text must not linger after a deletion.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from walkapp import domain as d
from walkapp.errors import NotFoundError, ValidationError
from walkapp.events import Entity
from walkapp.formatting import tr
from walkapp.services.base import ServiceBase
from walkapp.storage import models as m


def keep_replaced_text(session: Session, row: m.Note, *, replaced_by: str | None,
                       new_revision: int, when: datetime) -> None:
    """Before `row`'s text is replaced by `replaced_by` (None: the facilitator), keep the
    text it shows if someone else wrote it.

    Who wrote the text shown now: the facilitator, if the last kept entry was replaced at
    the row's current revision (nothing came since that edit); otherwise the note's
    author.
    """
    last = session.scalars(select(m.NoteHistory).where(m.NoteHistory.note_id == row.id)
                           .order_by(m.NoteHistory.id.desc()).limit(1)).first()
    writer = last.replaced_by if last is not None and last.revision == row.revision \
        else row.author_id
    if writer == replaced_by and last is not None and last.revision == row.revision:
        last.revision = new_revision  # still that person's text, one revision on
        return
    if writer == replaced_by or row.deleted_at is not None or not row.text:
        return
    session.add(m.NoteHistory(walk_id=row.walk_id, note_id=row.id, author_id=writer,
                              text=row.text, written_at=row.updated_at,
                              replaced_by=replaced_by, replaced_at=when,
                              revision=new_revision))


def forget_history(session: Session, note_id: str) -> None:
    """The note was deleted: its earlier texts go with it."""
    session.execute(delete(m.NoteHistory).where(m.NoteHistory.note_id == note_id))


def notes_with_history(session: Session, walk_id: str) -> set[str]:
    """The live notes of the walk that keep an earlier text (one query)."""
    return set(session.scalars(
        select(m.NoteHistory.note_id).distinct()
        .join(m.Note, m.Note.id == m.NoteHistory.note_id)
        .where(m.NoteHistory.walk_id == walk_id, m.Note.deleted_at.is_(None))))


class HistoryService(ServiceBase):
    def rows_with_history(self, walk_id: str) -> set[str]:
        """The live notes of the walk that keep an earlier text (one query): the notes
        someone other than their author changed — the ones the screens mark "edited by
        the facilitator" and offer to show the earlier text of."""
        with self.db.transaction() as session:
            return notes_with_history(session, walk_id)

    def history(self, walk_id: str, entity: Entity, row_id: str) -> list[d.HistoryEntry]:
        """The texts the row has shown, oldest first, ending with the current one.

        Only notes keep earlier texts; for reflections, commitments and feedback this is
        the current text alone. NotFoundError for a row that is not in the walk (or
        deleted), ValidationError for an entity that has no history.
        """
        model: Any = {Entity.NOTE: m.Note, Entity.REFLECTION: m.Reflection,
                 Entity.COMMITMENT: m.Commitment, Entity.FEEDBACK: m.Feedback}.get(entity)
        if model is None:
            raise ValidationError(tr("A {entity} has no history.").format(entity=entity))
        with self.db.transaction() as session:
            row: Any = session.get(model, row_id)
            if row is None or row.walk_id != walk_id or row.deleted_at is not None:
                raise NotFoundError(tr("No such {entity} in this walk: {row_id}.").format(
                                        entity=entity, row_id=row_id))
            names = {p.id: p.display_name for p in session.scalars(
                select(m.Participant).where(m.Participant.walk_id == walk_id))}
            kept = list(session.scalars(select(m.NoteHistory)
                                        .where(m.NoteHistory.note_id == row_id)
                                        .order_by(m.NoteHistory.id))) \
                if entity is Entity.NOTE else []
            author = getattr(row, "participant_id" if entity is Entity.COMMITMENT
                             else "author_id")
            text = row.answer if entity is Entity.FEEDBACK else row.text
            entries = [d.HistoryEntry(
                text=h.text, author_id=h.author_id, author_name=names.get(h.author_id or ""),
                written_at=h.written_at, changed_by_id=h.replaced_by,
                changed_by_name=names.get(h.replaced_by or ""), changed_at=h.replaced_at,
                current=False) for h in kept]
            last = kept[-1] if kept else None
            writer = last.replaced_by if last is not None and last.revision == row.revision \
                else author
            entries.append(d.HistoryEntry(
                text=text, author_id=writer, author_name=names.get(writer or ""),
                written_at=row.updated_at, changed_by_id=None, changed_by_name=None,
                changed_at=None, current=True))
            return entries
