"""A version 2 protocol as a version 1 walkapp can read it, for walk kits.

A kit made with a version 2 protocol still opens in an older walkapp: it carries, as its
`protocol_snapshot`, this version 1 rendering (and the full protocol beside it, which a
newer walkapp uses; see docs/file-formats.md). What version 1 cannot say is left out or
said the version 1 way:

- a stem of the protocol's own becomes the stem it is `like`, with its own label and
  prompt (the first such stem of each kind; the rest are left out, since version 1 has
  each stem once);
- a debrief stage of the protocol's own becomes its kind, the first stage of each kind;
- a rating of other than 5 points is left out (an older walkapp would ask it on 1–5 and
  its answers would mean something else); point labels and "not applicable" are dropped;
- roles' instructions, step turns and role scripts, optional steps, phases on another
  day, the visit form, tallies and variants are dropped: an older walkapp runs the steps
  as plain timed steps;
- visits over 60 minutes are shortened to 60 (the kit says the real length beside it).
"""

from __future__ import annotations

import dataclasses

from walkapp.protocol.schema import (
    RATING_MAX,
    VISIT_MINUTES_MAX_V1,
    DebriefStage,
    FeedbackQuestion,
    Phase,
    Prompt,
    PromptKind,
    Protocol,
    Role,
    StemSpec,
    Step,
)


def for_version_1(protocol: Protocol) -> Protocol:
    """`protocol` as version 1 can hold it (itself when it is version 1)."""
    if protocol.schema_version == 1:
        return protocol
    return dataclasses.replace(
        protocol, schema_version=1,
        roles=tuple(Role(r.key, r.title, r.description) for r in protocol.roles),
        visit_minutes=min(protocol.visit_minutes, VISIT_MINUTES_MAX_V1),
        stems=_stems(protocol.stems),
        debrief_sequence=_stages(protocol.debrief_sequence),
        feedback=tuple(FeedbackQuestion(**vars(p)) for p in _prompts(protocol.feedback)),
        phases=tuple(_phase(p) for p in protocol.phases),
        visit_form=(), tallies=(), variants=(), corridor_after_last=False)


def _stems(stems: tuple[StemSpec, ...]) -> tuple[StemSpec, ...]:
    out: dict[object, StemSpec] = {}
    for spec in stems:
        out.setdefault(spec.stem, StemSpec(spec.stem, spec.label, spec.prompt))
    return tuple(out.values())


def _stages(stages: tuple[DebriefStage, ...]) -> tuple[DebriefStage, ...]:
    out: dict[object, DebriefStage] = {}
    for stage in stages:
        out.setdefault(stage.kind, DebriefStage(stage.kind, stage.title, stage.prompt))
    return tuple(out.values())


def _prompts(prompts: tuple[Prompt, ...]) -> tuple[Prompt, ...]:
    return tuple(
        Prompt(p.key, p.text, p.kind, p.options, p.low_label, p.high_label)
        for p in prompts if p.kind is not PromptKind.RATING or p.points == RATING_MAX)


def _phase(phase: Phase) -> Phase:
    return Phase(phase.key, phase.title, tuple(_step(s) for s in phase.steps), phase.summary)


def _step(step: Step) -> Step:
    return Step(step.key, step.title, step.minutes, step.activity, step.script,
                _prompts(step.prompts))

