"""Agenda, note-catcher and script inputs: the walk's protocol as the guide runs it, read by the one
protocol parser; a damaged saved protocol is an error, never a made-up agenda."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest

from tests.core.reports.conftest import Render, pdf_text
from tests.helpers.builders import make_walk
from walkapp import domain as d
from walkapp.cli import main
from walkapp.protocol import Activity, ProtocolError
from walkapp.protocol.library import builtin_protocol
from walkapp.reports.agenda import schedule
from walkapp.reports.build_paper import agenda_data, notecatcher_data, walk_protocol
from walkapp.reports.outline import default_stems, phase_title
from walkapp.services import Services
from walkapp.storage import models as m

DAMAGED = ["not json or toml {", "[1, 2]", "{}", '{"phases": "nope"}',
           '{"schema_version": 1, "id": "x", "pre_brief": {"steps": [{"title": "x", '
           '"minutes": -3}]}}']


def test_the_agenda_has_the_protocols_phases_and_steps_in_order(demo: d.Walk) -> None:
    protocol = builtin_protocol("instructional-rounds")
    data = agenda_data(demo, protocol)
    assert [(p.title, p.summary) for p in data.phases] == [
        (p.title, p.summary) for p in protocol.phases]
    # A feedback step asks the protocol's feedback questions: the agenda prints them there.
    assert [(s.phase, s.title, s.script, s.prompts) for s in data.steps] == [
        (phase.title, step.title, step.script,
         step.prompts + (protocol.feedback if step.activity is Activity.FEEDBACK else ()))
        for phase, _, step in protocol.steps()]
    assert data.roles == protocol.roles and data.source == protocol.source
    catcher = notecatcher_data(demo, protocol)
    assert catcher.stems == tuple((s.label, s.prompt) for s in protocol.stems)


def test_the_route_expands_into_visits_and_corridor_talk(demo: d.Walk) -> None:
    protocol = builtin_protocol("learning-walk")
    data = agenda_data(demo, protocol, time(9, 0))
    visits = next(s for s in data.steps if s.route)
    titles = [s.title for s in visits.route]
    assert titles.count("Corridor talk") == len(demo.visits) - 1
    assert [t for t in titles if t.startswith("Visit ")] == [f"Visit {n}" for n in range(1, 6)]
    assert visits.minutes == 5 * 10 + 4 * 3 == schedule(visits.route)[-1][1]
    timed = sum(s.minutes or 0 for _, _, s in protocol.steps())
    assert schedule(data.steps)[-1][1] == timed + 5 * 10 + 4 * 3
    assert protocol.title in data.origin


def test_a_walk_without_a_protocol_uses_the_default_one_like_the_guide(
        render: Render, services: Services) -> None:
    plain = make_walk(services, "No protocol")
    default = builtin_protocol("learning-walk")
    assert walk_protocol(services, plain.id) == default
    catcher = notecatcher_data(plain, walk_protocol(services, plain.id))
    assert catcher.stems == tuple((s.label, s.prompt) for s in default.stems)
    assert f"Steps from the protocol “{default.title}”" in pdf_text(render("agenda", plain.id))
    assert default_stems() == tuple((s.label, s.prompt) for s in d.Stem)


def _damage(services: Services, walk_id: str, snapshot: str) -> None:
    with services.db.transaction() as session:
        row = session.get(m.Walk, walk_id)
        assert row is not None
        row.protocol_snapshot = snapshot


@pytest.mark.parametrize("snapshot", DAMAGED)
def test_a_damaged_saved_protocol_is_an_error_not_a_default_agenda(
        demo: d.Walk, render: Render, services: Services, snapshot: str) -> None:
    _damage(services, demo.id, snapshot)
    for kind in ("agenda", "notecatcher", "script"):
        with pytest.raises(ProtocolError) as caught:
            render(kind, demo.id)
        assert "the walk's saved protocol" in caught.value.message


def test_an_altered_saved_protocol_is_refused(demo: d.Walk, render: Render,
                                              services: Services) -> None:
    # Readable, but not the protocol the walk recorded: its fingerprint does not match.
    _damage(services, demo.id, services.walks.protocol_snapshot(demo.id).replace(
        "Welcome", "Wilkommen", 1))
    with pytest.raises(ProtocolError, match="fingerprint"):
        render("agenda", demo.id)


def test_the_cli_says_so_in_one_line(demo: d.Walk, services: Services, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    _damage(services, demo.id, "not json {")
    services.close()
    target = tmp_path / "agenda.pdf"
    code = main(["report", "Learning walk", "--kind", "agenda", "-o", str(target)])
    _, err = capsys.readouterr()
    assert code not in (0, 70) and "the walk's saved protocol" in err
    assert err.count("\n") == 1 and "Traceback" not in err and not target.exists()


def test_an_unplanned_route_still_makes_an_agenda(demo: d.Walk) -> None:
    bare = d.Walk(**{**demo.__dict__, "visits": ()})
    data = agenda_data(bare, builtin_protocol("learning-walk"))
    assert any("not planned yet" in s.detail for s in data.steps)


@pytest.mark.parametrize(("key", "title"), [("pre_brief", "Pre-brief"), ("POST_BRIEF",
                                            "Post-brief"), ("observation", "Observation"),
                                            ("", "Other"), ("gallery_walk", "Gallery walk")])
def test_phase_titles(key: str, title: str) -> None:
    assert phase_title(key) == title
