"""A version 2 protocol with something to choose at planning, made from the learning walk
(the dataclasses, until walks can store a version 2 protocol from a file): an optional
step in the plan by default ("stems"), one out by default ("calibration"), a variant of
two forms of the patterns talk, a post-brief on the next day, corridor time after the last
visit, and a step of three 2-minute turns."""

from __future__ import annotations

from dataclasses import replace

from walkapp.protocol.library import builtin_protocol
from walkapp.protocol.schema import (
    Phase,
    Protocol,
    RotateBy,
    Step,
    Turns,
    Variant,
    VariantOption,
)

FORMS = Variant(
    "talk", "How the group talks about patterns",
    (VariantOption("patterns", "Patterns, in four stages", "Describe, analyse, predict, "
                   "then the next level of work.", steps=("patterns",)),
     VariantOption("rounds", "Rounds of turns", "Each walker speaks in turn, two minutes "
                   "each.", steps=("rounds",))),
    description="Choose one form for the middle of the post-brief.", default="patterns")


def _step(step: Step) -> Step:
    if step.key == "stems":
        return replace(step, optional=True)
    if step.key == "calibration":
        return replace(step, optional=True, included=False)
    return step


def _phase(phase: Phase) -> Phase:
    steps = tuple(_step(s) for s in phase.steps)
    if phase.key.value != "post_brief":
        return replace(phase, steps=steps)
    rounds = Step("rounds", "Rounds of turns", 6, script="Each walker speaks in turn.",
                  turns=Turns(3, 2, RotateBy.WALKERS, "Speaker"))
    at = next(i for i, s in enumerate(steps) if s.key == "patterns") + 1
    return replace(phase, steps=(*steps[:at], rounds, *steps[at:]), another_day=True,
                   days_after=1)


def choosing_protocol() -> Protocol:
    base = builtin_protocol("learning-walk")
    return replace(base, schema_version=2, phases=tuple(_phase(p) for p in base.phases),
                   variants=(FORMS,), corridor_after_last=True)
