"""Agenda and note-catcher inputs: the walk's protocol as the guide runs it, read by the one
protocol parser; a damaged saved protocol is an error, never a made-up agenda."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest

from tests.core.reports.conftest import Render, pdf_text
from tests.helpers.builders import make_walk
from walkapp import domain as d
from walkapp.cli import main
from walkapp.protocol import ProtocolError
from walkapp.protocol.library import builtin_protocol
from walkapp.reports.agenda import schedule
from walkapp.reports.build_walk import agenda_data, notecatcher_data, walk_outline
from walkapp.reports.outline import default_stems, outline_of, phase_title
from walkapp.services import Services
from walkapp.storage import models as m

DAMAGED = ["not json or toml {", "[1, 2]", "{}", '{"phases": "nope"}',
           '{"schema_version": 1, "id": "x", "pre_brief": {"steps": [{"title": "x", '
           '"minutes": -3}]}}']


def test_a_protocol_gives_steps_stems_and_norms() -> None:
    from walkapp.protocol import Activity

    protocol = builtin_protocol("instructional-rounds")
    outline = outline_of(protocol)
    assert outline.name == protocol.title
    assert [(s.phase, s.title, s.minutes) for s in outline.steps] == [
        (phase.title, step.title,
         None if step.activity is Activity.VISITS else (step.minutes or 0))
        for phase, _, step in protocol.steps()]
    assert outline.stems == tuple((s.label, s.prompt) for s in protocol.stems)
    assert outline.norms == protocol.norms


def test_the_route_expands_into_visits_and_corridor_talk(demo: d.Walk) -> None:
    outline = outline_of(builtin_protocol("learning-walk"))
    data = agenda_data(demo, outline, time(9, 0))
    titles = [s.title for s in data.steps]
    timed = [s for s in outline.steps if s.minutes is not None]
    assert titles[0] == timed[0].title and titles[-1] == timed[-1].title
    assert titles.count("Corridor talk") == len(demo.visits) - 1
    assert [t for t in titles if t.startswith("Visit ")] == [f"Visit {n}" for n in range(1, 6)]
    assert schedule(data.steps)[-1][1] == sum(s.minutes or 0 for s in timed) + 5 * 10 + 4 * 3
    assert outline.name in data.source


def test_a_walk_without_a_protocol_uses_the_default_one_like_the_guide(
        render: Render, services: Services) -> None:
    plain = make_walk(services, "No protocol")
    default = builtin_protocol("learning-walk")
    assert walk_outline(services, plain.id) == outline_of(default)
    catcher = notecatcher_data(plain, walk_outline(services, plain.id))
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
    for kind in ("agenda", "notecatcher"):
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
    data = agenda_data(bare, outline_of(builtin_protocol("learning-walk")))
    assert any("not planned yet" in s.detail for s in data.steps)


@pytest.mark.parametrize(("key", "title"), [("pre_brief", "Pre-brief"), ("POST_BRIEF",
                                            "Post-brief"), ("observation", "Observation"),
                                            ("", "Other"), ("gallery_walk", "Gallery walk")])
def test_phase_titles(key: str, title: str) -> None:
    assert phase_title(key) == title
