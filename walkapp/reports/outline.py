"""What the agenda and note-catcher need from a protocol: its timed steps and its stems.

The protocol itself comes from `walkapp.services.protocol_walks.walk_protocol`, the one
reader of a walk's saved protocol (the same one the protocol guide runs). A damaged saved
protocol raises its `ProtocolError` there — a report never replaces it with a made-up
agenda; a walk planned without a protocol gets the default protocol, as the guide does.
"""

from __future__ import annotations

from dataclasses import dataclass

from walkapp import domain as d
from walkapp.protocol import Activity, Protocol


@dataclass(frozen=True)
class OutlineStep:
    phase: str            # the phase's title as the protocol names it
    title: str
    minutes: int | None   # None: the route of classroom visits goes here
    detail: str = ""


@dataclass(frozen=True)
class ProtocolOutline:
    steps: tuple[OutlineStep, ...]
    stems: tuple[tuple[str, str], ...] = ()   # (label, prompt)
    norms: tuple[str, ...] = ()
    name: str = ""


def default_stems() -> tuple[tuple[str, str], ...]:
    return tuple((stem.label, stem.prompt) for stem in d.Stem)


def outline_of(protocol: Protocol) -> ProtocolOutline:
    """The protocol's steps in running order, its stems and norms."""
    return ProtocolOutline(
        name=protocol.title,
        steps=tuple(OutlineStep(phase=phase.title, title=step.title,
                                minutes=None if step.activity is Activity.VISITS
                                else (step.minutes or 0))
                    for phase, _, step in protocol.steps()),
        stems=tuple((s.label, s.prompt) for s in protocol.stems) or default_stems(),
        norms=protocol.norms)


_PRE, _OBS, _POST = "Pre-brief", "Observation", "Post-brief"
_PHASE_TITLES = {"opener": "Opener", "pre_brief": _PRE, "prebrief": _PRE, "pre-brief": _PRE,
                 "observation": _OBS, "post_brief": _POST, "postbrief": _POST,
                 "post-brief": _POST, "closing": "Closing", "plan": "Planning"}


def phase_title(key: str) -> str:
    """A phase key from the phase log as people say it: "pre_brief" → "Pre-brief"."""
    clean = (key or "").strip()
    if not clean:
        return "Other"
    return _PHASE_TITLES.get(clean.casefold(), clean.replace("_", " ").capitalize())
