"""Whole-walk reads: everything recorded in a walk, in one consistent snapshot."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from walkapp import domain as d
from walkapp.services import convert
from walkapp.services.base import ServiceBase
from walkapp.services.debrief import _action_items
from walkapp.services.history import notes_with_history
from walkapp.services.reviews import read_reviews
from walkapp.services.walks import live, load_walk
from walkapp.storage import models as m


class RecordService(ServiceBase):
    def walk_record(self, walk_id: str) -> d.WalkRecord:
        """The walk and all it holds, read in one transaction (input for reports)."""
        order = {k.value: i for i, k in enumerate(d.PatternKind)}
        with self.db.transaction() as session:
            walk = convert.walk(load_walk(session, walk_id))
            every = convert.by_family(convert.note(r) for r in session.scalars(
                select(m.Note).options(selectinload(m.Note.look_fors))
                .where(m.Note.walk_id == walk_id, m.Note.deleted_at.is_(None))
                .order_by(m.Note.created_at, m.Note.id)))
            # Answers to the visit form go apart: records show them only as school-level
            # evidence (walkapp.forms.summarise), never as notes of a visit.
            notes = [n for n in every if n.form_key is None]
            answers = tuple(n for n in every if n.form_key is not None)
            reflections = convert.by_family(convert.reflection(r) for r in session.scalars(
                select(m.Reflection).where(m.Reflection.walk_id == walk_id,
                                           m.Reflection.deleted_at.is_(None))
                .order_by(m.Reflection.created_at, m.Reflection.id)))
            commitments = convert.by_family(convert.commitment(r) for r in session.scalars(
                select(m.Commitment).where(m.Commitment.walk_id == walk_id,
                                           m.Commitment.deleted_at.is_(None))
                .order_by(m.Commitment.created_at, m.Commitment.id)))
            actions = _action_items(session, select(m.ActionItem)
                                    .where(m.ActionItem.origin_walk_id == walk_id)
                                    .order_by(m.ActionItem.position))
            patterns = sorted((convert.pattern(r) for r in session.scalars(
                select(m.Pattern).where(m.Pattern.walk_id == walk_id))),
                key=lambda p: (order[p.kind.value], p.position))
            steps = [convert.next_step(r) for r in session.scalars(
                select(m.NextStep).where(m.NextStep.walk_id == walk_id)
                .order_by(m.NextStep.position))]
            feedback = convert.by_family(convert.feedback(r) for r in session.scalars(
                select(m.Feedback).where(m.Feedback.walk_id == walk_id,
                                         m.Feedback.deleted_at.is_(None))
                .order_by(m.Feedback.created_at, m.Feedback.id)))
            log = [convert.phase_log(r) for r in session.scalars(
                select(m.PhaseLog).where(m.PhaseLog.walk_id == walk_id)
                .order_by(m.PhaseLog.started_at, m.PhaseLog.step_index))]
            # Which notes are in the record is decided from these (walkapp.note_states).
            reviews = tuple(read_reviews(session, walk_id))
            rewritten = tuple(sorted(notes_with_history(session, walk_id)))
        return d.WalkRecord(walk=walk, notes=tuple(notes), reflections=tuple(reflections),
                            commitments=tuple(commitments), action_items=tuple(actions),
                            patterns=tuple(patterns), next_steps=tuple(steps),
                            feedback=tuple(feedback), phase_log=tuple(log),
                            reviews=reviews, rewritten=rewritten, answers=answers)

    # -- reads for the reports across walks: only what they print --------------------------
    def roster_people(self, walk_id: str | None = None) -> list[d.Participant]:
        """Roster entries that stand for a person (`person_id` set), of one walk or of every
        walk not in the Trash: the growth journal finds its walker here without reading any
        walk's plan or record."""
        query = (select(m.Participant).join(m.Walk, m.Walk.id == m.Participant.walk_id)
                 .where(live()).order_by(m.Walk.walk_date, m.Participant.position))
        if walk_id is not None:
            query = query.where(m.Participant.walk_id == walk_id)
        with self.db.transaction() as session:
            return [convert.participant(r) for r in session.scalars(query)]

    def walker_records(self, person_id: str) -> list[d.WalkRecord]:
        """Each walk (not in the Trash) `person_id` was on, with that person's commitments
        and reflections only (conflict versions included): a growth journal's input, read
        in one transaction and without any note, action item or other walker's words."""
        with self.db.transaction() as session:
            mine = list(session.execute(
                select(m.Participant.id, m.Participant.walk_id)
                .join(m.Walk, m.Walk.id == m.Participant.walk_id)
                .where(m.Participant.person_id == person_id, live())))
            if not mine:
                return []
            ids = [pid for pid, _ in mine]
            walk_ids = sorted({wid for _, wid in mine})
            walks = [convert.walk(r) for r in session.scalars(
                select(m.Walk).where(m.Walk.id.in_(walk_ids))
                .options(selectinload(m.Walk.participants), selectinload(m.Walk.groups),
                         selectinload(m.Walk.visits), selectinload(m.Walk.look_fors),
                         selectinload(m.Walk.norms)))]
            commitments = convert.by_family(convert.commitment(r) for r in session.scalars(
                select(m.Commitment).where(m.Commitment.participant_id.in_(ids),
                                           m.Commitment.deleted_at.is_(None))
                .order_by(m.Commitment.created_at, m.Commitment.id)))
            reflections = convert.by_family(convert.reflection(r) for r in session.scalars(
                select(m.Reflection).where(m.Reflection.author_id.in_(ids),
                                           m.Reflection.deleted_at.is_(None))
                .order_by(m.Reflection.created_at, m.Reflection.id)))
        return [d.WalkRecord(walk=w,
                             commitments=tuple(c for c in commitments if c.walk_id == w.id),
                             reflections=tuple(r for r in reflections if r.walk_id == w.id))
                for w in walks]

    def walk_labels(self) -> dict[str, tuple[date, str]]:
        """Every walk's (date, title) by id, Trash left out: how the action tracker names
        the walk an item came from (two columns, nothing else)."""
        with self.db.transaction() as session:
            return {wid: (day, title) for wid, day, title in session.execute(
                select(m.Walk.id, m.Walk.walk_date, m.Walk.title).where(live()))}
