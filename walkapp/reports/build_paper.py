"""Report data for the paper that follows a walk's protocol: the agenda, the blank
note-catcher and the facilitator's script.

All three read the protocol the walk runs (its snapshot, as the guide does), so the group's
paper carries the facilitator's own words: scripts, prompts and their options, roles,
source, stems, the observation steps. They are the papers of the day (the registry's
`record=False` kinds): their route keeps room, grade and subject whatever the walk's
"include visit details" setting, which is for records only (`walkapp.privacy`). The
facilitator's script can also be made from a protocol alone (the library's, or a file),
before any walk is planned.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import time
from typing import TYPE_CHECKING

from walkapp import domain as d
from walkapp import formatting as fmt
from walkapp.formatting import tr
from walkapp.protocol import choices as plan_choices
from walkapp.protocol.schema import Activity, LookForItem, PhaseKey, Prompt, Protocol, Step
from walkapp.reports.build_walk import Judge, heading, visit_line
from walkapp.reports.data import (
    AgendaData,
    AgendaPhase,
    AgendaStep,
    CatcherStep,
    NoteCatcherData,
    ScriptData,
)
from walkapp.reports.outline import default_stems

if TYPE_CHECKING:
    from walkapp.reports.registry import ReportRequest
    from walkapp.services import Services


def _has_text(value: str) -> bool:
    return bool(value and value.strip())


# -- the builders the report registry names: (services, request, judge) → report data -----
def walk_protocol(services: Services, walk_id: str) -> Protocol:
    """The walk's protocol as the guide runs it (its snapshot); a damaged one raises
    ProtocolError."""
    from walkapp.services.protocol_walks import walk_protocol as saved

    return saved(services, walk_id)


def build_agenda(services: Services, request: ReportRequest, _judge: Judge | None
                 ) -> AgendaData:
    assert request.walk_id is not None
    return agenda_data(services.walks.get_walk(request.walk_id),
                       walk_protocol(services, request.walk_id), request.start)


def build_notecatcher(services: Services, request: ReportRequest, _judge: Judge | None
                      ) -> NoteCatcherData:
    assert request.walk_id is not None
    return notecatcher_data(services.walks.get_walk(request.walk_id),
                            walk_protocol(services, request.walk_id))


def build_script(services: Services, request: ReportRequest, _judge: Judge | None
                 ) -> ScriptData:
    """The walk's protocol (its snapshot), or, without a walk, the protocol named by id
    (the library's, or the facilitator's own) or by the path of a protocol file."""
    if request.walk_id is not None:
        return script_data(walk_protocol(services, request.walk_id),
                           services.walks.get_walk(request.walk_id))
    assert request.protocol is not None
    return script_data(named_protocol(services, request.protocol))


def named_protocol(services: Services, name: str) -> Protocol:
    from pathlib import Path

    from walkapp.protocol import load_file
    from walkapp.protocol.library import ProtocolLibrary

    if name.endswith(".toml") or Path(name).is_file():
        return load_file(name)
    return ProtocolLibrary.for_settings(services.db.settings).get(name)


# -- agenda, note-catcher and facilitator's script ---------------------------------------
def walk_steps_only(protocol: Protocol, walk: d.Walk) -> Protocol:
    """`protocol` with only the steps `walk` runs (the optional steps left out and the
    steps of variant options not chosen at planning are gone), for the papers of the
    walk: what is left out is on none of them."""
    chosen = plan_choices.read(walk.plan_choices)
    return replace(protocol, phases=tuple(
        replace(phase, steps=tuple(s for s in phase.steps
                                   if plan_choices.runs(protocol, chosen, s)))
        for phase in protocol.phases))


def phase_days(walk: d.Walk, protocol: Protocol) -> dict[PhaseKey, str]:
    """The date in words of each phase held on a day of its own (version 2)."""
    return {phase.key: fmt.long_date(day) for phase, day in plan_choices.other_days(
        protocol, plan_choices.read(walk.plan_choices), walk.walk_date)}


def agenda_data(walk: d.Walk, protocol: Protocol, start: time | None = None, *,
                day: bool = True) -> AgendaData:
    """The session's steps with minutes, scripts and prompts (the steps the walk runs);
    the visits step carries the route of visits laid out from the walk. A phase held on
    another day carries its date. `day` False: the agenda as a record (in a portfolio),
    whose route names a room, grade or subject only as the walk's settings allow."""
    phases: list[AgendaPhase] = []
    dates = phase_days(walk, protocol)
    running = walk_steps_only(protocol, walk)
    for phase in running.phases:
        steps = []
        for step in phase.steps:
            if step.activity is not Activity.VISITS:
                steps.append(AgendaStep(phase.title, step.title, step.minutes or 0,
                                        script=step.script, prompts=_prompts_of(protocol, step)))
                continue
            route = _route(walk, phase.title, after_last=protocol.corridor_after_last,
                           day=day)
            steps.append(AgendaStep(
                phase.title, step.title, sum(s.minutes for s in route),
                "" if walk.visits else tr("The route is not planned yet."),
                script=step.script, prompts=step.prompts, route=route))
        if steps:
            phases.append(AgendaPhase(phase.title, tuple(steps), phase.summary,
                                      day=dates.get(phase.key, "")))
    origin = (tr("Steps from the protocol “{protocol}”.").format(protocol=protocol.title)
              if protocol.title else tr("Steps from the walk's protocol."))
    norms = tuple(n.text for n in walk.norms if _has_text(n.text)) or protocol.norms
    return AgendaData(walk=heading(walk, protocol.title), phases=tuple(phases), start=start,
                      origin=origin, source=protocol.source, roles=protocol.roles,
                      norms=norms)


def _prompts_of(protocol: Protocol, step: Step) -> tuple[Prompt, ...]:
    """A step's prompts; a feedback step asks the protocol's feedback questions too."""
    if step.activity is Activity.FEEDBACK:
        return (*step.prompts, *protocol.feedback)
    return step.prompts


def _route(walk: d.Walk, phase: str, *, after_last: bool = False, day: bool = True
           ) -> tuple[AgendaStep, ...]:
    """The visits and the corridor talk between them (and after the last: `after_last`)."""
    steps: list[AgendaStep] = []
    for index, visit in enumerate(walk.visits):
        line = visit_line(walk, visit, day=day)
        if index and walk.corridor_minutes:
            # Explained once; the rest of the route stays one line per step.
            hint = tr("quiet notes; talk once out of earshot") if index == 1 else ""
            steps.append(AgendaStep(phase, tr("Corridor talk"), walk.corridor_minutes, hint,
                                    compact=True, corridor=True))
        steps.append(AgendaStep(phase, line.label, walk.visit_minutes, line.details,
                                compact=True))
    if after_last and walk.visits and walk.corridor_minutes:
        steps.append(AgendaStep(phase, tr("Corridor talk"), walk.corridor_minutes,
                                tr("after the last visit"), compact=True, corridor=True))
    return tuple(steps)


def notecatcher_data(walk: d.Walk, protocol: Protocol) -> NoteCatcherData:
    norms = tuple(n.text for n in walk.norms if _has_text(n.text)) or protocol.norms
    observing = walk_steps_only(protocol, walk).phase(PhaseKey.OBSERVATION)
    steps = tuple(CatcherStep(step.title, step.minutes, _prompts_of(protocol, step),
                              visits=step.activity is Activity.VISITS)
                  for step in (observing.steps if observing else ()))
    stems = tuple((s.label, s.prompt) for s in protocol.stems) or default_stems()
    return NoteCatcherData(walk=heading(walk, protocol.title), norms=norms, stems=stems,
                           look_fors=tuple(LookForItem(lf.text, lf.description)
                                           for lf in walk.look_fors),
                           visits=tuple(visit_line(walk, v, day=True) for v in walk.visits),
                           visit_minutes=walk.visit_minutes, observation=steps)


def script_data(protocol: Protocol, walk: d.Walk | None = None) -> ScriptData:
    """The whole protocol; with a walk, its heading and its own timings and visits."""
    if walk is None:
        return ScriptData(protocol=protocol, visit_minutes=protocol.visit_minutes,
                          corridor_minutes=protocol.corridor_minutes)
    return ScriptData(protocol=walk_steps_only(protocol, walk),
                      walk=heading(walk, protocol.title),
                      visits=len(walk.visits), visit_minutes=walk.visit_minutes,
                      route=tuple(visit_line(walk, v, day=True) for v in walk.visits),
                      corridor_minutes=walk.corridor_minutes)
