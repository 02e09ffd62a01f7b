"""Ratings as reports print them: each step's rating statements spread over their own scale
(walkapp.protocol.ratings; feedback questions: `feedback_spread` there), "not applicable"
counted apart.

Only group figures leave here: how many chose each point. Which walker, member or visit
gave which rating is never in the data a renderer receives.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from walkapp.protocol.ratings import spread
from walkapp.protocol.schema import PromptKind, Protocol
from walkapp.reports.data import EarlierMean, EarlierRatings, StepRatings

if TYPE_CHECKING:
    from walkapp.services import Services


def rating_steps(protocol: Protocol | None) -> tuple[str, ...]:
    """The keys of the steps that have rating prompts, in running order."""
    if protocol is None:
        return ()
    return tuple(step.key for _, _, step in protocol.steps()
                 if any(p.kind is PromptKind.RATING for p in step.prompts))


def earlier_ratings(points: Iterable[Any]) -> tuple[EarlierRatings, ...]:
    """`points` (walkapp.services.responses.RatingPoint of one step, over some earlier
    walks) per walk, oldest first: each statement's mean then, never anyone's rating."""
    walks: dict[tuple[date, str], list[EarlierMean]] = {}
    for point in points:
        walks.setdefault((point.walk_date, point.walk_id), []).append(EarlierMean(
            point.prompt_key, point.mean, len(point.distribution), point.not_applicable))
    return tuple(EarlierRatings(walk_date, tuple(means))
                 for (walk_date, _id), means in sorted(walks.items()))


def step_ratings(protocol: Protocol | None, answers: Iterable[Any],
                 earlier: Mapping[str, tuple[EarlierRatings, ...]] | None = None
                 ) -> tuple[StepRatings, ...]:
    """The rating prompts of every step of `protocol` that has answers, in running order.
    `answers`: the walk's step answers (walkapp.services.responses.StepAnswer), the group's
    and each person's alike — they are only counted. `earlier`: by step key, the same
    statements on earlier walks of the series (`earlier_ratings`)."""
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
            out.append(StepRatings(step.title, rated, (earlier or {}).get(step.key, ())))
    return tuple(out)


# How many earlier walks of a series a debrief sets beside this walk's ratings.
EARLIER_RATINGS = 3


def series_ratings(services: Services, walk_id: str, protocol: Protocol | None
                   ) -> dict[str, tuple[EarlierRatings, ...]]:
    """By step key: the ratings of the last few earlier walks of the walk's series on the
    same protocol (the PLC mirror, term after term), as group means."""
    steps = rating_steps(protocol)
    if not steps:
        return {}
    protocol_id, earlier = services.responses.earlier_in_series(walk_id)
    if not earlier:
        return {}
    recent = earlier[-EARLIER_RATINGS:]
    return {key: earlier_ratings(services.responses.rating_history(protocol_id, key,
                                                                   walk_ids=recent))
            for key in steps}
