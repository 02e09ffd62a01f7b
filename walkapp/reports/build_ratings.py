"""Ratings as reports print them: each step's rating statements spread over their own scale
(walkapp.protocol.ratings; feedback questions: `feedback_spread` there), "not applicable"
counted apart.

Only group figures leave here: how many chose each point. Which walker, member or visit
gave which rating is never in the data a renderer receives.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from walkapp.protocol.ratings import spread
from walkapp.protocol.schema import PromptKind, Protocol
from walkapp.reports.data import StepRatings


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
