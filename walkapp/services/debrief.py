"""The post-brief and what carries across walks: commitments, action items, patterns,
next steps and session feedback."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from walkapp import domain as d
from walkapp.errors import NotFoundError, ValidationError
from walkapp.events import Action, Entity
from walkapp.formatting import N_, tr
from walkapp.protocol.answers import check_feedback
from walkapp.protocol.errors import ProtocolError
from walkapp.protocol.schema import FeedbackQuestion, PromptKind
from walkapp.protocol.snapshot import from_snapshot
from walkapp.services import convert
from walkapp.services import validate as v
from walkapp.services.base import ServiceBase
from walkapp.services.series import earlier_walk_ids, series_up_to
from walkapp.services.walks import live, live_walk
from walkapp.storage import models as m
from walkapp.storage.types import new_id, utcnow


def _walk(session: Session, walk_id: str) -> m.Walk:
    return live_walk(session, walk_id)


def _feedback_question(walk: m.Walk, key: str) -> FeedbackQuestion | None:
    """The walk's protocol's feedback question `key` (None: not one of them, or a walk with
    no readable snapshot, whose answers are checked as before)."""
    if not walk.protocol_snapshot or not walk.protocol_snapshot.strip():
        return None
    try:
        protocol = from_snapshot(walk.protocol_snapshot)
    except ProtocolError:
        return None
    return next((q for q in protocol.feedback if q.key == key), None)


def _action_items(session: Session, query: Any) -> list[d.ActionItem]:
    rows = list(session.scalars(query))
    follow_ups: dict[str, list[m.ActionFollowUp]] = {}
    if rows:
        # What a walk now in the Trash said about an item is hidden with that walk.
        for f in session.scalars(select(m.ActionFollowUp)
                                 .join(m.Walk, m.Walk.id == m.ActionFollowUp.walk_id)
                                 .where(m.ActionFollowUp.action_item_id.in_([r.id for r in rows]),
                                        live())
                                 .order_by(m.ActionFollowUp.created_at)):
            follow_ups.setdefault(f.action_item_id, []).append(f)
    return [convert.action_item(r, follow_ups.get(r.id, [])) for r in rows]


class DebriefService(ServiceBase):
    # -- commitments -----------------------------------------------------------------------
    def save_commitment(self, walk_id: str, participant_id: str, text: str,
                        commitment_id: str = "", carried_from_id: str | None = None
                        ) -> d.Commitment:
        clean = v.required_text(text, N_("The commitment"), 20_000)
        with self.db.transaction(N_("saving the commitment")) as session:
            _walk(session, walk_id)
            person = session.get(m.Participant, participant_id)
            if person is None or person.walk_id != walk_id:
                raise NotFoundError(tr("That walker is not on this walk's roster."))
            row = session.get(m.Commitment, commitment_id) if commitment_id else None
            if row is None:
                row = m.Commitment(id=commitment_id or new_id(), walk_id=walk_id,
                                   participant_id=participant_id, text=clean,
                                   carried_from_id=carried_from_id)
                session.add(row)
                action = Action.ADDED
            else:
                action = Action.UPDATED
                if row.text != clean or row.deleted_at is not None:
                    row.text, row.deleted_at = clean, None
                    row.revision += 1
                    row.updated_at = utcnow()
            session.flush()
            result = convert.commitment(row)
        self.publish(Entity.COMMITMENT, action, walk_id, result.id)
        return result

    def review_commitment(self, commitment_id: str, status: d.CommitmentStatus | str,
                          review_note: str = "") -> d.Commitment:
        """Record how an earlier "I will try" went (reviewed in a later pre-brief)."""
        clean = v.choice(d.CommitmentStatus, status, "Commitment status")
        with self.db.transaction(N_("saving the review")) as session:
            row = session.get(m.Commitment, commitment_id)
            if row is None:
                raise NotFoundError(tr("No commitment with id {commitment_id}.").format(
                                        commitment_id=commitment_id))
            row.status = clean.value
            row.review_note = v.body_text(review_note, N_("The review note"), 20_000)
            row.revision += 1
            row.updated_at = utcnow()
            session.flush()
            result = convert.commitment(row)
        self.publish(Entity.COMMITMENT, Action.UPDATED, result.walk_id, commitment_id)
        return result

    def delete_commitment(self, commitment_id: str) -> None:
        with self.db.transaction(N_("deleting the commitment")) as session:
            row = session.get(m.Commitment, commitment_id)
            if row is None:
                raise NotFoundError(tr("No commitment with id {commitment_id}.").format(
                                        commitment_id=commitment_id))
            row.deleted_at, row.text = utcnow(), ""
            row.revision += 1
            walk_id = row.walk_id
        self.publish(Entity.COMMITMENT, Action.REMOVED, walk_id, commitment_id)

    def list_commitments(self, walk_id: str) -> list[d.Commitment]:
        with self.db.transaction() as session:
            rows = session.scalars(select(m.Commitment)
                                   .where(m.Commitment.walk_id == walk_id,
                                          m.Commitment.deleted_at.is_(None))
                                   .order_by(m.Commitment.created_at, m.Commitment.id))
            return convert.by_family(convert.commitment(r) for r in rows)

    def open_commitments_before(self, walk_id: str) -> list[tuple[str, d.Commitment]]:
        """Open commitments from the earlier walks of this walk's series by people on its
        roster, for the pre-brief review: (walker's name, commitment) pairs, oldest walk
        first. None for a walk not in a series (`walkapp.services.series`): what other
        groups (or the sample walk) promised is not this group's to review. A commitment
        carried forward into a later walk (`carried_from_id`) is reviewed there, as its
        carried copy, not twice."""
        with self.db.transaction() as session:
            walk = _walk(session, walk_id)
            earlier = earlier_walk_ids(session, walk)
            people: dict[str, str] = {p.person_id: p.display_name
                      for p in session.scalars(select(m.Participant)
                                               .where(m.Participant.walk_id == walk_id))
                      if p.person_id}
            if not people or not earlier:
                return []
            carried_on = set(session.scalars(
                select(m.Commitment.carried_from_id)
                .where(m.Commitment.walk_id.in_([*earlier, walk_id]),
                       m.Commitment.carried_from_id.is_not(None),
                       m.Commitment.deleted_at.is_(None))))
            order = {wid: i for i, wid in enumerate(earlier)}
            rows = session.execute(
                select(m.Commitment, m.Participant.person_id)
                .join(m.Participant, m.Participant.id == m.Commitment.participant_id)
                .where(m.Participant.person_id.in_(list(people)),
                       m.Commitment.walk_id.in_(earlier),
                       m.Commitment.deleted_at.is_(None),
                       m.Commitment.status == d.CommitmentStatus.OPEN.value)
                .order_by(m.Commitment.created_at, m.Commitment.id)).all()
            rows = sorted(rows, key=lambda r: order[r[0].walk_id])  # stable: series order
            pairs = [(people[person_id or ""], convert.commitment(c)) for c, person_id in rows
                     if c.id not in carried_on and (c.conflict_of or c.id) not in carried_on]
        # One review per commitment: a conflict's other version (it waits in its own walk's
        # Conflicts view) is not a second commitment to review.
        families = {c.family for _, c in pairs if c.conflict_of is None}
        return [(name, c) for name, c in pairs if c.conflict_of not in families]

    # -- action items ----------------------------------------------------------------------
    def add_action_item(self, walk_id: str, text: str, owner_name: str = "",
                        due_date: date | str | None = None) -> d.ActionItem:
        clean = v.required_text(text, N_("The action item"), 20_000)
        due = v.parse_date(due_date, N_("The due date")) if due_date else None
        with self.db.transaction(N_("adding an action item")) as session:
            _walk(session, walk_id)
            last = session.scalar(select(m.ActionItem.position)
                                  .where(m.ActionItem.origin_walk_id == walk_id)
                                  .order_by(m.ActionItem.position.desc()).limit(1))
            row = m.ActionItem(origin_walk_id=walk_id, text=clean,
                               owner_name=v.name_text(owner_name),
                               due_date=due, position=(last or 0) + 1)
            session.add(row)
            session.flush()
            result = convert.action_item(row, [])
        self.publish(Entity.ACTION_ITEM, Action.ADDED, walk_id, result.id)
        return result

    def update_action_item(self, item_id: str, **changes: Any) -> d.ActionItem:
        with self.db.transaction(N_("saving the action item")) as session:
            row = session.get(m.ActionItem, item_id)
            if row is None:
                raise NotFoundError(tr("No action item with id {item_id}.").format(item_id=item_id))
            for key, value in changes.items():
                if key == "text":
                    row.text = v.required_text(value, N_("The action item"), 20_000)
                elif key == "owner_name":
                    row.owner_name = v.name_text(value)
                elif key == "due_date":
                    row.due_date = v.parse_date(value, N_("The due date")) if value else None
                elif key == "status":
                    row.status = v.choice(d.ActionStatus, value, "Status").value
                else:
                    raise ValidationError(tr("Cannot change {key} of an action item.").format(
                                              key=key))
            session.flush()
            result = _action_items(session, select(m.ActionItem)
                                   .where(m.ActionItem.id == item_id))[0]
        self.publish(Entity.ACTION_ITEM, Action.UPDATED, result.origin_walk_id, item_id)
        return result

    def delete_action_item(self, item_id: str) -> None:
        with self.db.transaction(N_("deleting the action item")) as session:
            row = session.get(m.ActionItem, item_id)
            if row is None:
                raise NotFoundError(tr("No action item with id {item_id}.").format(item_id=item_id))
            walk_id = row.origin_walk_id
            session.delete(row)
        self.publish(Entity.ACTION_ITEM, Action.REMOVED, walk_id, item_id)

    def follow_up(self, item_id: str, walk_id: str, status: d.ActionStatus | str,
                  text: str = "") -> d.ActionItem:
        """Review an action item at a later walk: note what happened and set its status."""
        clean = v.choice(d.ActionStatus, status, "Status")
        with self.db.transaction(N_("saving the follow-up")) as session:
            row = session.get(m.ActionItem, item_id)
            if row is None:
                raise NotFoundError(tr("No action item with id {item_id}.").format(item_id=item_id))
            _walk(session, walk_id)
            session.add(m.ActionFollowUp(action_item_id=item_id, walk_id=walk_id,
                                         text=v.body_text(text, N_("The follow-up"), 20_000),
                                         status=clean.value))
            row.status = clean.value
            session.flush()
            result = _action_items(session, select(m.ActionItem)
                                   .where(m.ActionItem.id == item_id))[0]
        self.publish(Entity.ACTION_ITEM, Action.UPDATED, result.origin_walk_id, item_id)
        return result

    def list_action_items(self, walk_id: str | None = None, *, open_only: bool = False
                          ) -> list[d.ActionItem]:
        """Action items of one walk, or of all walks (open first, then by due date)."""
        query = select(m.ActionItem)
        if walk_id is not None:
            query = query.where(m.ActionItem.origin_walk_id == walk_id).order_by(
                m.ActionItem.position)
        else:
            query = query.join(m.Walk, m.Walk.id == m.ActionItem.origin_walk_id).where(
                live()).order_by(
                (m.ActionItem.status != "open"), m.ActionItem.due_date.is_(None),
                m.ActionItem.due_date, m.Walk.walk_date, m.ActionItem.position)
        if open_only:
            query = query.where(m.ActionItem.status == d.ActionStatus.OPEN.value)
        with self.db.transaction() as session:
            return _action_items(session, query)

    def open_action_items_before(self, walk_id: str) -> list[d.ActionItem]:
        """Open action items from the earlier walks of this walk's series, for its
        pre-brief review (none for a walk not in a series), oldest walk first."""
        with self.db.transaction() as session:
            earlier = earlier_walk_ids(session, _walk(session, walk_id))
            if not earlier:
                return []
            order = {wid: i for i, wid in enumerate(earlier)}
            query = (select(m.ActionItem)
                     .where(m.ActionItem.origin_walk_id.in_(earlier),
                            m.ActionItem.status == d.ActionStatus.OPEN.value)
                     .order_by(m.ActionItem.position))
            items = _action_items(session, query)
        return sorted(items, key=lambda a: order[a.origin_walk_id])

    def series_action_items(self, walk_id: str) -> list[d.ActionItem]:
        """Action items of this walk and the earlier walks of its series (this walk's alone
        when it is in none): what the walk's action tracker follows."""
        with self.db.transaction() as session:
            walks = series_up_to(session, _walk(session, walk_id))
            return _action_items(session, select(m.ActionItem)
                                 .where(m.ActionItem.origin_walk_id.in_(walks)))

    # -- patterns and next steps -----------------------------------------------------------
    def add_pattern(self, walk_id: str, kind: d.PatternKind | str, text: str,
                    stage_key: str = "") -> d.Pattern:
        """A statement of `kind`; `stage_key`: the protocol's own stage it is made in
        (DebriefStage.key, e.g. "raise-questions"), "" for the stage of `kind` itself."""
        clean_kind = v.choice(d.PatternKind, kind, N_("Kind of statement"))
        clean_stage = v.own_key(stage_key, N_("The statement's stage"), clean_kind)
        clean = v.required_text(text, N_("The statement"), 20_000)
        with self.db.transaction(N_("adding the statement")) as session:
            _walk(session, walk_id)
            last = session.scalar(select(func.max(m.Pattern.position))
                                  .where(m.Pattern.walk_id == walk_id))
            row = m.Pattern(walk_id=walk_id, kind=clean_kind.value, text=clean,
                            stage_key=clean_stage or None, position=(last or 0) + 1)
            session.add(row)
            session.flush()
            result = convert.pattern(row)
        self.publish(Entity.PATTERN, Action.ADDED, walk_id, result.id)
        return result

    def update_pattern(self, pattern_id: str, text: str) -> d.Pattern:
        clean = v.required_text(text, N_("The statement"), 20_000)
        with self.db.transaction(N_("saving the statement")) as session:
            row = session.get(m.Pattern, pattern_id)
            if row is None:
                raise NotFoundError(tr("No statement with id {pattern_id}.").format(
                                        pattern_id=pattern_id))
            row.text = clean
            session.flush()
            result = convert.pattern(row)
        self.publish(Entity.PATTERN, Action.UPDATED, result.walk_id, pattern_id)
        return result

    def delete_pattern(self, pattern_id: str) -> None:
        with self.db.transaction(N_("deleting the statement")) as session:
            row = session.get(m.Pattern, pattern_id)
            if row is None:
                raise NotFoundError(tr("No statement with id {pattern_id}.").format(
                                        pattern_id=pattern_id))
            walk_id = row.walk_id
            session.delete(row)
        self.publish(Entity.PATTERN, Action.REMOVED, walk_id, pattern_id)

    def list_patterns(self, walk_id: str) -> list[d.Pattern]:
        """Statements in the protocol's order: describe, analyse, predict, next level."""
        order = {k.value: i for i, k in enumerate(d.PatternKind)}
        with self.db.transaction() as session:
            rows = session.scalars(select(m.Pattern).where(m.Pattern.walk_id == walk_id))
            items = [convert.pattern(r) for r in rows]
        return sorted(items, key=lambda p: (order[p.kind.value], p.position))

    def add_next_step(self, walk_id: str, text: str) -> d.NextStep:
        clean = v.required_text(text, N_("The next step"), 20_000)
        with self.db.transaction(N_("adding the next step")) as session:
            _walk(session, walk_id)
            last = session.scalar(select(func.max(m.NextStep.position))
                                  .where(m.NextStep.walk_id == walk_id))
            row = m.NextStep(walk_id=walk_id, text=clean, position=(last or 0) + 1)
            session.add(row)
            session.flush()
            result = convert.next_step(row)
        self.publish(Entity.NEXT_STEP, Action.ADDED, walk_id, result.id)
        return result

    def delete_next_step(self, step_id: str) -> None:
        with self.db.transaction(N_("deleting the next step")) as session:
            row = session.get(m.NextStep, step_id)
            if row is None:
                raise NotFoundError(tr("No next step with id {step_id}.").format(step_id=step_id))
            walk_id = row.walk_id
            session.delete(row)
        self.publish(Entity.NEXT_STEP, Action.REMOVED, walk_id, step_id)

    def list_next_steps(self, walk_id: str) -> list[d.NextStep]:
        with self.db.transaction() as session:
            rows = session.scalars(select(m.NextStep).where(m.NextStep.walk_id == walk_id)
                                   .order_by(m.NextStep.position))
            return [convert.next_step(r) for r in rows]

    # -- feedback --------------------------------------------------------------------------
    def add_feedback(self, walk_id: str, question_key: str, question: str, answer: str = "",
                     rating: int | None = None, author_id: str | None = None,
                     not_applicable: bool = False) -> d.Feedback:
        """One answer. A rating is a point of the question's own scale (1 to its `points`);
        `not_applicable` only where the question offers it, and then with no rating. A
        question the walk's protocol does not ask (walkapp's own three, for a protocol with
        none) has the usual scale: 1 to 5, no "not applicable"."""
        if rating is not None and (isinstance(rating, bool) or not isinstance(rating, int)):
            raise ValidationError(tr("A rating must be a whole number."))
        with self.db.transaction(N_("saving the feedback")) as session:
            question_row = _feedback_question(_walk(session, walk_id), question_key)
            if question_row is not None:
                # One of the protocol's questions: the answer must fit its kind (an option
                # it offers, ticks of its items, a rating on its own scale only where it
                # asks for one, "not applicable" only where it offers that).
                answer, rating, not_applicable = check_feedback(question_row, answer, rating,
                                                                not_applicable)
            else:
                _text, rating, not_applicable = check_feedback(
                    FeedbackQuestion(question_key, question, PromptKind.RATING), "", rating,
                    not_applicable)
            row = m.Feedback(walk_id=walk_id, author_id=author_id,
                             question_key=v.required_text(question_key, N_("Question key"), 100),
                             question=v.required_text(question, N_("The question"), 1000),
                             answer=v.body_text(answer, N_("The answer"), 20_000), rating=rating,
                             not_applicable=bool(not_applicable))
            session.add(row)
            session.flush()
            result = convert.feedback(row)
        self.publish(Entity.FEEDBACK, Action.ADDED, walk_id, result.id)
        return result

    def list_feedback(self, walk_id: str) -> list[d.Feedback]:
        with self.db.transaction() as session:
            rows = session.scalars(select(m.Feedback)
                                   .where(m.Feedback.walk_id == walk_id,
                                          m.Feedback.deleted_at.is_(None))
                                   .order_by(m.Feedback.created_at, m.Feedback.id))
            return convert.by_family(convert.feedback(r) for r in rows)
