"""A rating prompt's own scale (2 to 10 points, a label per point, perhaps "not
applicable") and how a group's answers spread over it.

The one place the app turns ratings into figures: the step's and the feedback's
summaries on screen, the debrief's session feedback, the PLC mirror's history. A spread is
always a group's: how many chose each point, and how many chose "not applicable" — counted
apart, never a point of the scale and never in the mean. Nothing here knows who answered.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from walkapp import domain as d
from walkapp.formatting import tr
from walkapp.protocol.schema import RATING_MAX, RATING_MIN, SCALE_POINTS_MAX, Prompt, PromptKind


class Scaled(Protocol):
    """Anything with a scale's number of points (a Prompt; a widget's view of one)."""

    @property
    def points(self) -> int: ...

# A step's rating answered "not applicable" is stored as this JSON string (a feedback
# answer has a column of its own, `feedback.not_applicable`). Never a number, so it can
# never be counted or averaged as a point of the scale.
NOT_APPLICABLE = "n/a"


def scale(prompt: Scaled) -> range:
    """The points of a rating prompt's own scale: 1 to its `points` (2–10; 5 by default)."""
    return range(RATING_MIN, max(RATING_MIN + 1, min(prompt.points, SCALE_POINTS_MAX)) + 1)


def is_point(prompt: Prompt, value: Any) -> bool:
    """True for a whole number on the prompt's scale (never a bool, never "n/a")."""
    return isinstance(value, int) and not isinstance(value, bool) and value in scale(prompt)


def scale_words(prompt: Prompt) -> str:
    """“a rating from 1 to 7” (“…, or “not applicable””), for messages."""
    points = scale(prompt)
    words = (tr("a rating from {low} to {high} or “not applicable”") if prompt.not_applicable
             else tr("a rating from {low} to {high}"))
    return words.format(low=points.start, high=points.stop - 1)


@dataclass(frozen=True)
class PointCount:
    point: int
    label: str  # the point's own words ("" when the scale names only its ends, or none)
    count: int


@dataclass(frozen=True)
class RatingSpread:
    """How a group's answers to one rating prompt spread over its scale."""

    points: tuple[PointCount, ...]  # every point of the scale, in order, chosen or not
    not_applicable: int = 0         # answers "not applicable": apart from the points
    offers_not_applicable: bool = False

    @property
    def rated(self) -> int:
        """Answers that chose a point (not "not applicable")."""
        return sum(p.count for p in self.points)

    @property
    def answered(self) -> int:
        return self.rated + self.not_applicable

    @property
    def top(self) -> int:
        return self.points[-1].point if self.points else 0

    @property
    def mean(self) -> float | None:
        """The mean of the points chosen; "not applicable" is never in it."""
        rated = self.rated
        return sum(p.point * p.count for p in self.points) / rated if rated else None

    @property
    def counts(self) -> tuple[int, ...]:
        """How many chose 1, 2, … up to the top of the scale."""
        return tuple(p.count for p in self.points)


def spread(prompt: Prompt, values: Iterable[Any]) -> RatingSpread:
    """The spread of `values` (points, `NOT_APPLICABLE`; anything else is left out: an
    answer from an older scale that does not fit this one is not guessed at)."""
    chosen: dict[int, int] = {}
    not_applicable = 0
    for value in values:
        if value == NOT_APPLICABLE:
            not_applicable += 1
        elif is_point(prompt, value):
            chosen[value] = chosen.get(value, 0) + 1
    return RatingSpread(
        tuple(PointCount(point, prompt.point_label(point), chosen.get(point, 0))
              for point in scale(prompt)),
        not_applicable, prompt.not_applicable)


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
