"""Agenda and note-catcher inputs: the protocol snapshot when readable, defaults otherwise."""

from __future__ import annotations

import json
from datetime import time

import pytest

from tests.core.reports.conftest import Render, pdf_text
from walkapp import domain as d
from walkapp.reports.agenda import schedule
from walkapp.reports.build_walk import agenda_data, notecatcher_data
from walkapp.reports.outline import (
    default_outline,
    default_stems,
    outline_from_protocol_snapshot,
    phase_title,
)

SNAPSHOT = {
    "id": "rounds", "title": "Instructional rounds",
    "stems": [{"stem": "noticed", "label": "Evidence", "prompt": "I saw / I heard…"}],
    "norms": ["Describe before you analyse."],
    "phases": [
        {"key": "pre_brief", "title": "Before", "steps": [
            {"key": "welcome", "title": "Welcome", "minutes": 4},
            {"key": "problem", "title": "Problem of practice", "minutes": 6}]},
        {"key": "observation", "steps": [
            {"key": "rooms", "title": "Rooms", "minutes": None, "activity": "visits"}]},
        {"key": "post_brief", "steps": [
            {"key": "patterns", "title": "Patterns", "minutes": 20}]},
    ],
}


@pytest.mark.parametrize("snapshot", ["", "   ", "not json or toml {", "[1, 2]", "{}",
                                      json.dumps({"phases": "nope"}),
                                      json.dumps({"phases": [{"steps": [{"title": "x",
                                                                         "minutes": -3}]}]}),
                                      json.dumps({"phases": [{"steps": [{"title": ""}]}]})])
def test_unreadable_snapshots_fall_back_to_none(snapshot: str) -> None:
    assert outline_from_protocol_snapshot(snapshot) is None


def test_a_readable_snapshot_gives_steps_stems_and_norms() -> None:
    outline = outline_from_protocol_snapshot(json.dumps(SNAPSHOT))
    assert outline is not None and outline.name == "Instructional rounds"
    assert [(s.phase, s.title, s.minutes) for s in outline.steps] == [
        ("Before", "Welcome", 4), ("Before", "Problem of practice", 6),
        ("Observation", "Rooms", None), ("Post-brief", "Patterns", 20)]
    assert outline.stems == (("Evidence", "I saw / I heard…"),)
    assert outline.norms == ("Describe before you analyse.",)


def test_the_route_expands_into_visits_and_corridor_talk(demo: d.Walk) -> None:
    outline = outline_from_protocol_snapshot(json.dumps(SNAPSHOT))
    data = agenda_data(demo, outline, time(9, 0))
    titles = [s.title for s in data.steps]
    assert titles[:2] == ["Welcome", "Problem of practice"] and titles[-1] == "Patterns"
    assert titles.count("Corridor talk") == len(demo.visits) - 1
    assert [t for t in titles if t.startswith("Visit")] == [f"Visit {n}" for n in range(1, 6)]
    assert schedule(data.steps)[-1][1] == 4 + 6 + 5 * 10 + 4 * 3 + 20
    assert "Instructional rounds" in data.source


def test_defaults_when_there_is_no_protocol(demo: d.Walk, render: Render) -> None:
    data = agenda_data(demo, None)
    assert {s.phase for s in data.steps} == {"Pre-brief", "Observation", "Post-brief"}
    assert "not available" in data.source
    catcher = notecatcher_data(demo, None)
    assert catcher.stems == default_stems() == tuple((s.label, s.prompt) for s in d.Stem)
    assert catcher.norms == tuple(n.text for n in demo.norms)
    assert "Standard session outline" in pdf_text(render("agenda", demo.id))


def test_an_unplanned_route_still_makes_an_agenda(demo: d.Walk) -> None:
    bare = d.Walk(**{**demo.__dict__, "visits": ()})
    data = agenda_data(bare, default_outline())
    assert any("not planned yet" in s.detail for s in data.steps)


@pytest.mark.parametrize(("key", "title"), [("pre_brief", "Pre-brief"), ("POST_BRIEF",
                                            "Post-brief"), ("observation", "Observation"),
                                            ("", "Other"), ("gallery_walk", "Gallery walk")])
def test_phase_titles(key: str, title: str) -> None:
    assert phase_title(key) == title


FILE_SHAPED = '''
title = "Corridor rounds"
norms = ["Quiet in rooms."]

[[stems]]
stem = "noticed"
label = "I saw"
prompt = "I saw…"

[opener]
title = "Hello"

[[opener.steps]]
key = "hi"
title = "Check-in round"
minutes = 4

[observation]
title = "Rooms"

[[observation.steps]]
key = "visits"
title = "Visit the rooms"
activity = "visits"

[post_brief]
title = "Talk"

[[post_brief.steps]]
key = "wall"
title = "Evidence wall"
minutes = 12
'''


def test_the_protocol_file_shape_is_read_in_phase_order() -> None:
    outline = outline_from_protocol_snapshot(FILE_SHAPED)
    assert outline is not None and outline.name == "Corridor rounds"
    assert [(s.phase, s.title, s.minutes) for s in outline.steps] == [
        ("Hello", "Check-in round", 4), ("Rooms", "Visit the rooms", None),
        ("Talk", "Evidence wall", 12)]
    assert outline.stems == (("I saw", "I saw…"),) and outline.norms == ("Quiet in rooms.",)
    assert outline_from_protocol_snapshot('[pre_brief]\nsteps = "oops"\n') is None
    assert outline_from_protocol_snapshot('pre_brief = 3\n') is None
