"""Answers to a protocol step's prompts, stored as JSON in `step_responses`.

One answer per walk, step, prompt and author (a participant, or the group as a whole);
saving again replaces it. `rating_history` follows 1–5 ratings of one protocol across walks
(e.g. the PLC mirror, term after term) as group figures only: counts, means and how many
gave each rating — never who gave which.
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
from walkapp.protocol.answers import check_answer
from walkapp.protocol.schema import RATING_MAX, RATING_MIN, Prompt, Step
from walkapp.services.base import ServiceBase
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
    count: int
    mean: float
    distribution: tuple[int, ...]  # how many gave 1, 2, 3, 4, 5


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
            raise NotFoundError("That person is not on this walk's roster.")


def _key(value: str, what: str) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > 100:
        raise ValidationError(f"{what} must be 1 to 100 characters.")
    return value.strip()


class ResponseService(ServiceBase):
    def save(self, walk_id: str, step_key: str, prompt_key: str, value: Any,
             author_id: str | None = None) -> StepAnswer:
        """Store any JSON value as the answer (see `save_answer` to check it first)."""
        step_key, prompt_key = _key(step_key, "The step key"), _key(prompt_key, "The prompt key")
        try:
            encoded = json.dumps(value, ensure_ascii=False, allow_nan=False)
        except (TypeError, ValueError):
            raise ValidationError("That answer cannot be stored (it is not plain text, "
                                  "numbers or lists).") from None
        if len(encoded) > MAX_VALUE_CHARS:
            raise ValidationError(f"The answer is too long ({len(encoded):,} characters; the "
                                  f"limit is {MAX_VALUE_CHARS:,}). Shorten it.")
        with self.db.transaction("saving the answer") as session:
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
            raise ValidationError(f"“{prompt.text}” is not a prompt of the step "
                                  f"“{step.title}”.")
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
        with self.db.transaction("clearing the answer") as session:
            row = session.scalars(select(m.StepResponse).where(
                m.StepResponse.walk_id == walk_id, m.StepResponse.step_key == step_key,
                m.StepResponse.prompt_key == prompt_key,
                m.StepResponse.author_key == (author_id or ""))).first()
            if row is None:
                return
            row_id = row.id
            session.delete(row)
        self.publish(Entity.STEP_RESPONSE, Action.REMOVED, walk_id, row_id)

    def rating_history(self, protocol_id: str, step_key: str,
                       prompt_keys: tuple[str, ...] | None = None) -> list[RatingPoint]:
        """Group ratings per walk of `protocol_id`, oldest walk first, prompt by prompt."""
        query = (select(m.StepResponse, m.Walk.walk_date, m.Walk.title)
                 .join(m.Walk, m.Walk.id == m.StepResponse.walk_id)
                 .where(m.Walk.protocol_id == protocol_id, live(),
                        m.StepResponse.step_key == step_key))
        if prompt_keys is not None:
            query = query.where(m.StepResponse.prompt_key.in_(list(prompt_keys)))
        buckets: dict[tuple[date, str, str], tuple[str, list[int]]] = {}
        with self.db.transaction() as session:
            for row, walk_date, title in session.execute(query):
                try:
                    value = json.loads(row.value_json)
                except ValueError:
                    continue
                if isinstance(value, bool) or not isinstance(value, int) \
                        or not RATING_MIN <= value <= RATING_MAX:
                    continue
                key = (walk_date, row.walk_id, row.prompt_key)
                buckets.setdefault(key, (title, []))[1].append(value)
        points = []
        for (walk_date, walk_id, prompt_key), (title, values) in sorted(buckets.items()):
            points.append(RatingPoint(
                walk_id=walk_id, walk_date=walk_date, walk_title=title, prompt_key=prompt_key,
                count=len(values), mean=round(sum(values) / len(values), 2),
                distribution=tuple(values.count(r) for r in range(RATING_MIN,
                                                                  RATING_MAX + 1))))
        return points
