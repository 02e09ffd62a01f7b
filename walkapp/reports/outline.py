"""What the agenda and note-catcher need from a protocol: its timed steps and its stems.

`outline_from_protocol_snapshot` is the one place that reads a walk's protocol snapshot for
reports. A snapshot that cannot be read (damaged, or a walk made before snapshots) gives
None, and `default_outline` supplies a sensible walker-focused session instead: a damaged
snapshot must never stop a report.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from walkapp import domain as d


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


_PRE, _OBS, _POST = "Pre-brief", "Observation", "Post-brief"


def default_outline() -> ProtocolOutline:
    """A walker-focused session for walks whose protocol steps cannot be read."""
    steps = (
        OutlineStep(_PRE, "Welcome and opener", 5, "A short inclusion activity."),
        OutlineStep(_PRE, "Focus and look-fors", 5,
                    "What we are curious about today, and what it might look like."),
        OutlineStep(_PRE, "Norms", 3, "Agree how we walk: here to learn, not to judge."),
        OutlineStep(_PRE, "Review open commitments and action items", 5,
                    "What we tried since the last walk."),
        OutlineStep(_PRE, "Note-taking stems and logistics", 2,
                    "I noticed… I wonder… I will try…; the route and timings."),
        OutlineStep(_OBS, "Classroom visits", None),
        OutlineStep(_POST, "Read the evidence", 10, "All notes, grouped by look-for."),
        OutlineStep(_POST, "Patterns", 15,
                    "Describe, then analyse, then predict, then the next level of work."),
        OutlineStep(_POST, "“I will try…” commitments", 5,
                    "Each walker names one thing to try in their own classroom."),
        OutlineStep(_POST, "Next steps and action items", 5, "Who does what, by when."),
        OutlineStep(_POST, "Feedback on the session", 5, "How the walk worked for us."),
    )
    return ProtocolOutline(steps=steps, stems=default_stems(), name="")


def outline_from_protocol_snapshot(snapshot: str) -> ProtocolOutline | None:
    from walkapp.protocol import Activity, from_snapshot

    if not snapshot or not snapshot.strip():
        return None
    try:
        protocol = from_snapshot(snapshot)
    except Exception:
        return None
    return ProtocolOutline(
        name=protocol.title,
        steps=tuple(OutlineStep(phase=phase.title, title=step.title,
                                minutes=None if step.activity is Activity.VISITS
                                else (step.minutes or 0))
                    for phase, _, step in protocol.steps()),
        stems=tuple((s.label, s.prompt) for s in protocol.stems) or default_stems(),
        norms=protocol.norms)


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


# The protocol file format keeps each phase in a table named after it, in this order.
PHASE_KEYS = ("opener", "pre_brief", "observation", "post_brief", "closing")


def _phases(data: Mapping[str, Any]) -> list[Any] | None:
    """The phases in running order: a `phases` list, or one table per phase key (the
    shape of the protocol files and of the JSON snapshot a walk stores)."""
    listed = data.get("phases")
    if listed is not None:
        if not isinstance(listed, Sequence) or isinstance(listed, str | bytes):
            return None
        return list(listed)
    found = []
    for key in PHASE_KEYS:
        table = data.get(key)
        if isinstance(table, Mapping):
            found.append({"key": key, **table})
        elif table is not None:
            return None
    return found or None


def _outline_from_mapping(data: Mapping[str, Any]) -> ProtocolOutline | None:
    phases = _phases(data)
    if phases is None:
        return None
    steps: list[OutlineStep] = []
    for phase in phases:
        if not isinstance(phase, Mapping):
            return None
        key = _text(phase.get("key"))
        title = _text(phase.get("title")) or phase_title(key)
        for step in phase.get("steps") or ():
            if not isinstance(step, Mapping) or not _text(step.get("title")):
                return None
            minutes = step.get("minutes")
            visits = step.get("activity") == "visits" or (minutes is None
                                                          and key == "observation")
            if not visits and (not isinstance(minutes, int) or isinstance(minutes, bool)
                               or not 0 <= minutes <= 600):
                return None
            steps.append(OutlineStep(title, _text(step.get("title")),
                                     None if visits else minutes))
    if not steps:
        return None
    stems = tuple((_text(s.get("label")), _text(s.get("prompt")))
                  for s in data.get("stems") or () if isinstance(s, Mapping)
                  and _text(s.get("label")))
    norms = tuple(_text(n) for n in data.get("norms") or () if _text(n))
    return ProtocolOutline(steps=tuple(steps), stems=stems or default_stems(), norms=norms,
                           name=_text(data.get("title")))


_PHASE_TITLES = {"opener": "Opener", "pre_brief": _PRE, "prebrief": _PRE, "pre-brief": _PRE,
                 "observation": _OBS, "post_brief": _POST, "postbrief": _POST,
                 "post-brief": _POST, "closing": "Closing", "plan": "Planning"}


def phase_title(key: str) -> str:
    """A phase key as people say it: "pre_brief" → "Pre-brief"."""
    clean = (key or "").strip()
    if not clean:
        return "Other"
    return _PHASE_TITLES.get(clean.casefold(), clean.replace("_", " ").capitalize())
