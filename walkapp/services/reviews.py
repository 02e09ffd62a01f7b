"""The facilitator's decisions on notes at the evidence wall: set aside, keep, put back,
rewrite (which notes they put in the record: `walkapp.note_states`).

A review is the facilitator's, not part of the walker's note: it lives in `note_reviews`,
never changes the note's version id, never travels in a notes file or a kit, and a merge
never overwrites it. Deleting a note removes its review (here, in `NoteService.delete_note`
and in the merge; a purge by ON DELETE CASCADE).

A rewrite is a new version of the note by the facilitator; the text it replaces is kept in
the note's history by the history rule (`walkapp.services.history.keep_replaced_text`), for
any note under a walker's name — also one typed here from a walker's paper note-catcher,
whose corrections while typing keep no drafts (walkapp.services.note_save): a rewrite at
the wall changes what the note says, not how it was typed, so the walker's words stay.

Every method returns what it changed (`ReviewChange`, `Rewrite`), which is what the
commands' `undo(result)` builds the reversing command from (`walkapp.services.commands`).
Decisions are only made on the facilitator's laptop: a walker's laptop refuses them.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, selectinload

from walkapp import domain as d
from walkapp import note_states as ns
from walkapp.errors import NotFoundError, ValidationError
from walkapp.events import Action, Entity
from walkapp.formatting import N_, tr
from walkapp.services import convert
from walkapp.services import validate as v
from walkapp.services.base import ServiceBase
from walkapp.services.history import keep_replaced_text, notes_with_history
from walkapp.services.walks import live_walk
from walkapp.storage import models as m


@dataclass(frozen=True)
class ReviewChange:
    """A review before and after one decision (None: no review, the note's default)."""

    walk_id: str
    note_id: str
    before: d.NoteReview | None
    after: d.NoteReview | None


@dataclass(frozen=True)
class Rewrite:
    """A rewrite: the text before and after, and whether it kept the earlier text in the
    note's history (undoing it then takes that history entry away again)."""

    walk_id: str
    note_id: str
    before: str
    after: str
    kept_history: bool


def forget_review(session: Session, note_id: str) -> None:
    """The note was deleted (a tombstone): its review goes with it."""
    session.execute(delete(m.NoteReview).where(m.NoteReview.note_id == note_id))


def move_review(session: Session, source_id: str, target_id: str) -> None:
    """A conflict was resolved with `source_id`'s version winning in `target_id`'s row: the
    decision made on the winning version goes with it (none: the target's own stays)."""
    if source_id == target_id:
        return
    source = session.get(m.NoteReview, source_id)
    if source is None:
        return
    target = session.get(m.NoteReview, target_id)
    if target is None:
        session.add(m.NoteReview(note_id=target_id, walk_id=source.walk_id,
                                 state=source.state, text_hash=source.text_hash,
                                 decided_at=source.decided_at))
    else:
        target.state, target.text_hash = source.state, source.text_hash
        target.decided_at = source.decided_at
    # At once, not at the flush: the source note's own deletion (resolving the conflict)
    # takes a review left there with it by ON DELETE CASCADE, and the ORM would then find
    # nothing left to delete.
    session.expunge(source)
    forget_review(session, source_id)


def _review(row: m.NoteReview | None) -> d.NoteReview | None:
    if row is None:
        return None
    return d.NoteReview(note_id=row.note_id, state=row.state, text_hash=row.text_hash,
                        decided_at=row.decided_at)


class ReviewService(ServiceBase):
    # -- reads -----------------------------------------------------------------------------
    def reviews(self, walk_id: str) -> list[d.NoteReview]:
        """The reviews of the walk's live notes."""
        with self.db.transaction() as session:
            return read_reviews(session, walk_id)

    def statuses(self, walk_id: str) -> dict[str, ns.NoteStatus]:
        """Each live note's state (walkapp.note_states), by note id, in one transaction."""
        with self.db.transaction() as session:
            walk = live_walk(session, walk_id)
            notes = [convert.note(r) for r in session.scalars(
                select(m.Note).options(selectinload(m.Note.look_fors))
                .where(m.Note.walk_id == walk_id, m.Note.deleted_at.is_(None)))]
            reviews = read_reviews(session, walk_id)
            changed = notes_with_history(session, walk_id)
            language = walk.language
        return ns.statuses(notes, reviews, changed, language)

    # -- decisions -------------------------------------------------------------------------
    def set_aside(self, note_id: str) -> ReviewChange:
        """Move the note aside: kept in the walk, never in a record."""
        return self._decide(note_id, ns.SET_ASIDE)

    def keep(self, note_id: str) -> ReviewChange:
        """Keep the note in the record although the nudge or the name caution flags it (for
        its current text; see walkapp.note_states)."""
        return self._decide(note_id, ns.KEPT)

    def put_back(self, note_id: str) -> ReviewChange:
        """Undo a decision: the note is back to its default state (in the record unless
        flagged)."""
        return self._decide(note_id, None)

    def restore(self, note_id: str, review: d.NoteReview | None) -> ReviewChange:
        """Put the review back exactly as it was (for undo)."""
        return self._decide(note_id, review.state if review else None, exact=review)

    def _decide(self, note_id: str, state: str | None, *,
                exact: d.NoteReview | None = None) -> ReviewChange:
        with self.db.transaction(N_("saving the decision on the note")) as session:
            note = _facilitators_note(session, note_id)
            row = session.get(m.NoteReview, note_id)
            before = _review(row)
            if state is None:
                if row is not None:
                    session.delete(row)
                after = None
            else:
                if state not in ns.REVIEW_STATES:
                    raise ValidationError(tr("{state!r} is not a decision on a note.").format(
                                              state=state))
                if row is None:
                    row = m.NoteReview(note_id=note_id, walk_id=note.walk_id)
                    session.add(row)
                if exact is not None:  # put back as it was
                    row.state, row.text_hash = exact.state, exact.text_hash
                    row.decided_at = exact.decided_at or self.clock()
                else:
                    row.state = state
                    row.text_hash = ns.text_hash(note.text) if state == ns.KEPT else None
                    row.decided_at = self.clock()
                session.flush()
                after = _review(row)
            walk_id = note.walk_id
        self.publish(Entity.NOTE, Action.UPDATED, walk_id, note_id)
        return ReviewChange(walk_id, note_id, before, after)

    def rewrite(self, note_id: str, text: str) -> Rewrite:
        """The facilitator's new version of the note's text; the walker's words stay in the
        note's history. A set-aside note stays aside, a kept one is kept only if the new
        text is not flagged again (walkapp.note_states)."""
        clean = v.body_text(text, N_("The note"))
        if not clean.strip():
            raise ValidationError(tr("A rewritten note needs some words. To leave the note out "
                                     "of the record, set it aside instead."))
        with self.db.transaction(N_("rewriting the note")) as session:
            row = _facilitators_note(session, note_id)
            before = row.text
            if before == clean:
                return Rewrite(row.walk_id, note_id, before, clean, False)
            count = _history_count(session, note_id)
            now = self.clock()
            keep_replaced_text(session, row, replaced_by=None, new_revision=row.revision + 1,
                               when=now)
            session.flush()
            kept = _history_count(session, note_id) > count
            row.text = clean
            row.revision += 1
            row.updated_at = now
            walk_id = row.walk_id
        self.publish(Entity.NOTE, Action.UPDATED, walk_id, note_id)
        return Rewrite(walk_id, note_id, before, clean, kept)

    def unrewrite(self, note_id: str, text: str, drop_history: bool) -> Rewrite:
        """Undo a rewrite: the note shows `text` again and, if the rewrite kept it in the
        history (`drop_history`), that entry goes (the text is the note's own again)."""
        clean = v.body_text(text, N_("The note"))
        with self.db.transaction(N_("undoing the rewrite")) as session:
            row = _facilitators_note(session, note_id)
            before = row.text
            last = session.scalars(select(m.NoteHistory)
                                   .where(m.NoteHistory.note_id == note_id)
                                   .order_by(m.NoteHistory.id.desc()).limit(1)).first()
            if drop_history and last is not None and last.text == clean:
                session.delete(last)
            elif last is not None and last.revision == row.revision:
                # The text put back is the facilitator's too (an earlier rewrite): the
                # history must still say so at the new revision.
                last.revision = row.revision + 1
            row.text = clean
            row.revision += 1
            row.updated_at = self.clock()
            walk_id = row.walk_id
        self.publish(Entity.NOTE, Action.UPDATED, walk_id, note_id)
        return Rewrite(walk_id, note_id, before, clean, False)


def _facilitators_note(session: Session, note_id: str) -> m.Note:
    """The live note, on a live walk on the facilitator's laptop; refused otherwise."""
    row = session.get(m.Note, note_id)
    if row is None or row.deleted_at is not None:
        raise NotFoundError(tr("No note with id {note_id}.").format(note_id=note_id))
    walk = live_walk(session, row.walk_id)
    if walk.local_mode != d.LocalMode.FACILITATOR.value:
        raise ValidationError(tr("Only the facilitator decides what goes in the record; on a "
                                 "walker's laptop notes are not set aside, kept or rewritten."))
    return row


def _history_count(session: Session, note_id: str) -> int:
    return len(session.scalars(select(m.NoteHistory.id)
                               .where(m.NoteHistory.note_id == note_id)).all())


def read_reviews(session: Session, walk_id: str) -> list[d.NoteReview]:
    rows = session.scalars(select(m.NoteReview).join(m.Note, m.Note.id == m.NoteReview.note_id)
                           .where(m.NoteReview.walk_id == walk_id,
                                  m.Note.deleted_at.is_(None)))
    return [r for r in (_review(row) for row in rows) if r is not None]
