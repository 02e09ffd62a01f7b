"""Ratings as reports print them: each rating question or statement's answers spread over
its own scale (walkapp.protocol.ratings), "not applicable" counted apart.

Only group figures leave here: how many chose each point. Which walker, member or visit
gave which rating is never in the data a renderer receives.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from walkapp import domain as d
from walkapp.protocol.ratings import NOT_APPLICABLE, RatingSpread, spread
from walkapp.protocol.schema import RATING_MAX, Prompt, PromptKind, Protocol
from walkapp.reports.data import StepRatings


def feedback_spread(question: Prompt | None, key: str, text: str,
                    items: Sequence[d.Feedback]) -> RatingSpread | None:
    """The answers to one feedback question over its scale; None for a question that asks
    for no rating. A question the protocol does not ask (walkapp's own) is on 1–5, or up to
    the highest rating given if one came from elsewhere."""
    values: list[Any] = [NOT_APPLICABLE if i.not_applicable else i.rating for i in items
                         if i.not_applicable or i.rating is not None]
    if question is None:
        if not values:
            return None
        top = max([RATING_MAX, *(v for v in values if isinstance(v, int))])
        question = Prompt(key, text, PromptKind.RATING, points=top,
                          not_applicable=NOT_APPLICABLE in values)
    elif question.kind is not PromptKind.RATING:
        return None
    return spread(question, values)


def step_ratings(protocol: Protocol | None, answers: Iterable[Any]) -> tuple[StepRatings, ...]:
    """The rating prompts of every step of `protocol` that has answers, in running order.
    `answers`: the walk's step answers (walkapp.services.responses.StepAnswer), the group's
    and each person's alike — they are only counted."""
    if protocol is None:
        return ()
    given: dict[tuple[str, str], list[Any]] = {}
    for answer in answers:
        given.setdefault((answer.step_key, answer.prompt_key), []).append(answer.value)
    out = []
    for _phase, _index, step in protocol.steps():
        rated = tuple((prompt, spread(prompt, given.get((step.key, prompt.key), ())))
                      for prompt in step.prompts if prompt.kind is PromptKind.RATING)
        if any(figures.answered for _prompt, figures in rated):
            out.append(StepRatings(step.title, rated))
    return tuple(out)
