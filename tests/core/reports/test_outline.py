"""Agenda and note-catcher inputs: the protocol snapshot when readable, defaults otherwise."""

from __future__ import annotations

import json
from datetime import time

import pytest

from tests.core.reports.conftest import Render, pdf_text
from tests.helpers.builders import make_walk
from walkapp import domain as d
from walkapp.reports.agenda import schedule
from walkapp.reports.build_walk import agenda_data, notecatcher_data
from walkapp.reports.outline import (
    default_outline,
    default_stems,
    outline_from_protocol_snapshot,
    phase_title,
)
from walkapp.services import Services


def snapshot_of(protocol_id: str) -> str:
    from walkapp.protocol import to_snapshot
    from walkapp.protocol.library import builtin_protocol

    return to_snapshot(builtin_protocol(protocol_id))[0]


@pytest.mark.parametrize("snapshot", ["", "   ", "not json or toml {", "[1, 2]", "{}",
                                      json.dumps({"phases": "nope"}),
                                      json.dumps({"phases": [{"steps": [{"title": "x",
                                                                         "minutes": -3}]}]}),
                                      json.dumps({"phases": [{"steps": [{"title": ""}]}]})])
def test_unreadable_snapshots_fall_back_to_none(snapshot: str) -> None:
    assert outline_from_protocol_snapshot(snapshot) is None


def test_a_readable_snapshot_gives_steps_stems_and_norms() -> None:
    from walkapp.protocol import Activity
    from walkapp.protocol.library import builtin_protocol

    protocol = builtin_protocol("instructional-rounds")
    outline = outline_from_protocol_snapshot(snapshot_of("instructional-rounds"))
    assert outline is not None and outline.name == protocol.title
    assert [(s.phase, s.title, s.minutes) for s in outline.steps] == [
        (phase.title, step.title,
         None if step.activity is Activity.VISITS else (step.minutes or 0))
        for phase, _, step in protocol.steps()]
    assert outline.stems == tuple((s.label, s.prompt) for s in protocol.stems)
    assert outline.norms == protocol.norms


def test_the_route_expands_into_visits_and_corridor_talk(demo: d.Walk) -> None:
    outline = outline_from_protocol_snapshot(snapshot_of("learning-walk"))
    assert outline is not None
    data = agenda_data(demo, outline, time(9, 0))
    titles = [s.title for s in data.steps]
    timed = [s for s in outline.steps if s.minutes is not None]
    assert titles[0] == timed[0].title and titles[-1] == timed[-1].title
    assert titles.count("Corridor talk") == len(demo.visits) - 1
    assert [t for t in titles if t.startswith("Visit ")] == [f"Visit {n}" for n in range(1, 6)]
    assert schedule(data.steps)[-1][1] == sum(s.minutes or 0 for s in timed) + 5 * 10 + 4 * 3
    assert outline.name in data.source


def test_defaults_when_there_is_no_protocol(demo: d.Walk, render: Render,
                                            services: Services) -> None:
    data = agenda_data(demo, None)
    assert {s.phase for s in data.steps} == {"Pre-brief", "Observation", "Post-brief"}
    assert "not available" in data.source
    catcher = notecatcher_data(demo, None)
    assert catcher.stems == default_stems() == tuple((s.label, s.prompt) for s in d.Stem)
    assert catcher.norms == tuple(n.text for n in demo.norms)
    plain = make_walk(services, "No protocol")
    assert "Standard session outline" in pdf_text(render("agenda", plain.id))


def test_an_unplanned_route_still_makes_an_agenda(demo: d.Walk) -> None:
    bare = d.Walk(**{**demo.__dict__, "visits": ()})
    data = agenda_data(bare, default_outline())
    assert any("not planned yet" in s.detail for s in data.steps)


@pytest.mark.parametrize(("key", "title"), [("pre_brief", "Pre-brief"), ("POST_BRIEF",
                                            "Post-brief"), ("observation", "Observation"),
                                            ("", "Other"), ("gallery_walk", "Gallery walk")])
def test_phase_titles(key: str, title: str) -> None:
    assert phase_title(key) == title
