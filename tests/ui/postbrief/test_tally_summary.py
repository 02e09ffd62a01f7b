"""Counts across the walk on the evidence wall: school-level lines per tally that follow
new counts, hidden for a protocol without tallies, and never naming a visit or a walker."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest

from tests.ui.postbrief.conftest import wait_loaded
from walkapp import domain as d
from walkapp.protocol.schema import Tally, TallyKind
from walkapp.services import Services
from walkapp.ui.bridge import ChangeBridge
from walkapp.ui.screens.postbrief import workspace as ws
from walkapp.ui.screens.postbrief.workspace import PostBriefWorkspace

TALLIES = (Tally("questions", "Questions asked", shortcut="q"),
           Tally("talk", "Student talk", TallyKind.DURATION, shortcut="t"),
           Tally("praise", "Specific praise"))


@pytest.fixture
def with_tallies(monkeypatch: pytest.MonkeyPatch) -> None:
    real = ws.walk_protocol
    monkeypatch.setattr(ws, "walk_protocol", lambda services, walk_id: (
        dataclasses.replace(real(services, walk_id), tallies=TALLIES)))


def test_the_wall_shows_counts_across_the_walk(
        qtbot, services: Services, walk: d.Walk, bridge: ChangeBridge, with_tallies: None,
        open_workspace: Callable[[str], PostBriefWorkspace]) -> None:
    a, b, c = (w.id for w in walk.walkers)
    v1, v2, v3 = (v.id for v in walk.visits)
    add = services.tallies.add
    add(walk.id, v1, a, "questions", 4)
    add(walk.id, v1, b, "questions", 2)
    add(walk.id, v2, a, "questions", 10)
    add(walk.id, v3, c, "questions", 1)
    add(walk.id, v2, b, "talk", seconds=125)
    wall = open_workspace(walk.id).evidence_wall
    wait_loaded(qtbot, wall)
    box = wall.tally_box
    assert box.isVisible()
    lines = box.lines.text().splitlines()
    assert lines == [
        "Questions asked: 17 in all, kept by 3 people in 3 visits; per visit: least 1, "
        "median 3, most 10.",
        "Student talk: 2:05 in all, kept by 1 person in 1 visit.",
        "Specific praise: not kept in any visit yet."]
    text = box.lines.text()
    assert "Visit" not in text and not any(w.display_name in text for w in walk.walkers)
    wall.grab().save("/tmp/tallies-wall.png")
    # A new count (an import, the note-taker) reaches the wall by itself.
    before = wall.refresh_count
    add(walk.id, v3, c, "praise", 2)
    wait_loaded(qtbot, wall, after=before)
    assert box.lines.text().splitlines()[2] == (
        "Specific praise: 2 in all, kept by 1 person in 1 visit.")


def test_no_box_without_tallies(qtbot, services: Services, walk: d.Walk,
                                open_workspace: Callable[[str], PostBriefWorkspace]) -> None:
    wall = open_workspace(walk.id).evidence_wall
    wait_loaded(qtbot, wall)
    assert not wall.tally_box.isVisible() and wall.tally_box.lines.text() == ""
