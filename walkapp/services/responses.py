"""Answers to a protocol step's prompts, stored as JSON in `step_responses`.

One answer per walk, step, prompt and author (a participant, or the group as a whole);
saving again replaces it. `rating_history` follows the ratings of one protocol across walks
(e.g. the PLC mirror, term after term) as group figures only, each walk on the scale its own
protocol gave the prompt: how many gave each point, how many said "not applicable" (never
in the mean), means — never who gave which.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from walkapp.errors import NotFoundError, ValidationError
from walkapp.events import Action, Entity
from walkapp.formatting import N_, tr
from walkapp.protocol.answers import check_answer
from walkapp.protocol.errors import ProtocolError
from walkapp.protocol.ratings import RatingSpread, spread
from walkapp.protocol.schema import Prompt, PromptKind, Step
from walkapp.protocol.snapshot import from_snapshot
from walkapp.services.base import ServiceBase
from walkapp.services.series import earlier_walk_ids
from walkapp.services.walks import live, live_walk
from walkapp.storage import models as m
from walkapp.storage.types import utcnow

MAX_VALUE_CHARS = 200_000


@dataclass(frozen=True)
class StepAnswer:
    id: str
    walk_id: str
    step_key: str
    prompt_key: str
    author_id: str | None  # None: an answer for the whole group
    value: Any
    updated_at: datetime


@dataclass(frozen=True)
class RatingPoint:
    """How a group rated one statement in one walk."""

    walk_id: str
    walk_date: date
    walk_title: str
    prompt_key: str
    count: int                     # ratings on the scale ("not applicable" apart)
    mean: float | None             # of those ratings; None when every answer was N/A
    distribution: tuple[int, ...]  # how many gave 1, 2, … up to the scale's top point
    not_applicable: int = 0        # how many said "not applicable"
    labels: tuple[str, ...] = ()   # each point's words, as the walk's protocol gave them

    @classmethod
    def of(cls, walk_id: str, walk_date: date, walk_title: str, prompt_key: str,
           figures: RatingSpread) -> RatingPoint:
        mean = figures.mean
        return cls(walk_id=walk_id, walk_date=walk_date, walk_title=walk_title,
                   prompt_key=prompt_key, count=figures.rated,
                   mean=round(mean, 2) if mean is not None else None,
                   distribution=figures.counts, not_applicable=figures.not_applicable,
                   labels=tuple(p.label for p in figures.points))


def _answer(row: m.StepResponse) -> StepAnswer:
    try:
        value = json.loads(row.value_json)
    except ValueError:
        value = None  # a damaged value reads as "no answer" rather than breaking the step
    return StepAnswer(id=row.id, walk_id=row.walk_id, step_key=row.step_key,
                      prompt_key=row.prompt_key, author_id=row.author_key or None,
                      value=value, updated_at=row.updated_at)


def _check_refs(session: Session, walk_id: str, author_id: str | None) -> None:
    live_walk(session, walk_id)
    if author_id:
        person = session.get(m.Participant, author_id)
        if person is None or person.walk_id != walk_id:
            raise NotFoundError(tr("That person is not on this walk's roster."))


def _key(value: str, what: str) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > 100:
        raise ValidationError(tr("{what} must be 1 to 100 characters.").format(what=tr(what)))
    return value.strip()


class ResponseService(ServiceBase):
    def save(self, walk_id: str, step_key: str, prompt_key: str, value: Any,
             author_id: str | None = None) -> StepAnswer:
        """Store any JSON value as the answer (see `save_answer` to check it first)."""
        step_key, prompt_key = (_key(step_key, N_("The step key")),
                               _key(prompt_key, N_("The prompt key")))
        try:
            encoded = json.dumps(value, ensure_ascii=False, allow_nan=False)
        except (TypeError, ValueError):
            raise ValidationError(tr("That answer cannot be stored (it is not plain text, "
                                     "numbers or lists).")) from None
        if len(encoded) > MAX_VALUE_CHARS:
            raise ValidationError(tr("The answer is too long ({encoded:,} characters; the limit "
                                     "is {max_value_chars:,}). Shorten it.").format(
                                      encoded=len(encoded), max_value_chars=MAX_VALUE_CHARS))
        with self.db.transaction(N_("saving the answer")) as session:
            _check_refs(session, walk_id, author_id)
            row = session.scalars(select(m.StepResponse).where(
                m.StepResponse.walk_id == walk_id, m.StepResponse.step_key == step_key,
                m.StepResponse.prompt_key == prompt_key,
                m.StepResponse.author_key == (author_id or ""))).first()
            if row is None:
                row = m.StepResponse(walk_id=walk_id, step_key=step_key,
                                     prompt_key=prompt_key, author_key=author_id or "",
                                     value_json=encoded)
                session.add(row)
                action = Action.ADDED
            else:
                row.value_json = encoded
                row.updated_at = utcnow()
                action = Action.UPDATED
            session.flush()
            result = _answer(row)
        self.publish(Entity.STEP_RESPONSE, action, walk_id, result.id)
        return result

    def save_answer(self, walk_id: str, step: Step, prompt: Prompt, value: Any,
                    author_id: str | None = None) -> StepAnswer:
        """Check `value` against the prompt's kind, then store it."""
        if step.prompt(prompt.key) is None:
            raise ValidationError(tr("“{text}” is not a prompt of the step “{title}”.").format(
                                      text=prompt.text, title=step.title))
        return self.save(walk_id, step.key, prompt.key, check_answer(prompt, value), author_id)

    def get(self, walk_id: str, step_key: str, prompt_key: str,
            author_id: str | None = None) -> StepAnswer | None:
        with self.db.transaction() as session:
            row = session.scalars(select(m.StepResponse).where(
                m.StepResponse.walk_id == walk_id, m.StepResponse.step_key == step_key,
                m.StepResponse.prompt_key == prompt_key,
                m.StepResponse.author_key == (author_id or ""))).first()
            return _answer(row) if row is not None else None

    def list_answers(self, walk_id: str, step_key: str | None = None) -> list[StepAnswer]:
        query = select(m.StepResponse).where(m.StepResponse.walk_id == walk_id)
        if step_key is not None:
            query = query.where(m.StepResponse.step_key == step_key)
        with self.db.transaction() as session:
            rows = session.scalars(query.order_by(m.StepResponse.step_key,
                                                  m.StepResponse.prompt_key,
                                                  m.StepResponse.created_at))
            return [_answer(r) for r in rows]

    def delete(self, walk_id: str, step_key: str, prompt_key: str,
               author_id: str | None = None) -> None:
        with self.db.transaction(N_("clearing the answer")) as session:
            row = session.scalars(select(m.StepResponse).where(
                m.StepResponse.walk_id == walk_id, m.StepResponse.step_key == step_key,
                m.StepResponse.prompt_key == prompt_key,
                m.StepResponse.author_key == (author_id or ""))).first()
            if row is None:
                return
            row_id = row.id
            session.delete(row)
        self.publish(Entity.STEP_RESPONSE, Action.REMOVED, walk_id, row_id)

    def earlier_in_series(self, walk_id: str) -> tuple[str, list[str]]:
        """The walk's protocol id and the earlier walks of its series on the same protocol,
        oldest first (none for a walk with no series): whose ratings a report sets beside
        this walk's. Walks of other groups on the same laptop are never among them."""
        with self.db.transaction() as session:
            walk = live_walk(session, walk_id)
            return walk.protocol_id, earlier_walk_ids(session, walk)

    def rating_history(self, protocol_id: str, step_key: str,
                       prompt_keys: tuple[str, ...] | None = None, *,
                       walk_ids: list[str] | None = None) -> list[RatingPoint]:
        """Group ratings per walk of `protocol_id`, oldest walk first, prompt by prompt, each
        on the scale the walk's own protocol gives the prompt (a walk whose saved protocol
        cannot be read, or lacks the prompt, counts on the usual 1–5 scale). `walk_ids`:
        only these walks (e.g. `earlier_in_series`)."""
        query = (select(m.StepResponse, m.Walk.walk_date, m.Walk.title)
                 .join(m.Walk, m.Walk.id == m.StepResponse.walk_id)
                 .where(m.Walk.protocol_id == protocol_id, live(),
                        m.StepResponse.step_key == step_key))
        if prompt_keys is not None:
            query = query.where(m.StepResponse.prompt_key.in_(list(prompt_keys)))
        if walk_ids is not None:
            query = query.where(m.StepResponse.walk_id.in_(walk_ids))
        buckets: dict[tuple[date, str, str], tuple[str, list[Any]]] = {}
        steps: dict[str, Step | None] = {}
        with self.db.transaction() as session:
            for row, walk_date, title in session.execute(query):
                try:
                    value = json.loads(row.value_json)
                except ValueError:
                    continue
                key = (walk_date, row.walk_id, row.prompt_key)
                buckets.setdefault(key, (title, []))[1].append(value)
                if row.walk_id not in steps:
                    steps[row.walk_id] = _walk_step(session.get(m.Walk, row.walk_id),
                                                    step_key)
        points = []
        for (walk_date, walk_id, prompt_key), (title, values) in sorted(buckets.items()):
            step = steps.get(walk_id)
            prompt = step.prompt(prompt_key) if step is not None else None
            if prompt is None:
                prompt = Prompt(prompt_key, prompt_key, PromptKind.RATING)
            elif prompt.kind is not PromptKind.RATING:
                continue
            figures = spread(prompt, values)
            if figures.answered:
                points.append(RatingPoint.of(walk_id, walk_date, title, prompt_key, figures))
        return points


def _walk_step(walk: m.Walk | None, step_key: str) -> Step | None:
    """The step as the walk's saved protocol has it (None: unreadable or not there)."""
    if walk is None or not walk.protocol_snapshot:
        return None
    try:
        return from_snapshot(walk.protocol_snapshot).step(step_key)
    except ProtocolError:
        return None
