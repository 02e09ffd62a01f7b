"""The papers of a walk follow the choices made at planning: a step left out (optional, or
of a variant's option not chosen) is on no agenda or script; a phase on another day shows
its date; the route's time has the corridor talk after the last visit."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

from tests.core.reports.conftest import pdf_text, squash
from tests.helpers.plan_choices import choosing_protocol
from walkapp import domain as d
from walkapp import formatting as fmt
from walkapp.protocol import choices as pc
from walkapp.reports import agenda, script
from walkapp.reports.build_paper import agenda_data, script_data
from walkapp.services import Services
from walkapp.services.protocol_walks import create_walk_from_protocol

DAY = date(2026, 3, 2)


def chosen_walk(services: Services) -> d.Walk:
    protocol = choosing_protocol()
    choices = pc.with_phase_date(pc.with_variant(pc.with_step(
        protocol, pc.NONE, "stems", False), "talk", "rounds"), "post_brief", date(2026, 3, 5))
    walk = create_walk_from_protocol(services, protocol, "Two-day walk", DAY, visits=2)
    return replace(walk, plan_choices=pc.dump(choices), visit_minutes=120,
                   corridor_minutes=5)


def test_the_agenda_runs_the_chosen_steps_with_the_post_brief_on_its_day(
        services: Services, tmp_path: Path) -> None:
    data = agenda_data(chosen_walk(services), choosing_protocol())
    titles = [s.title for s in data.steps]
    assert "Rounds of turns" in titles
    assert not {"Note-taking stems", "Patterns"} & set(titles)
    post = next(p for p in data.phases if p.day)
    assert post.day == fmt.long_date(date(2026, 3, 5))
    visits = next(s for s in data.steps if s.route)
    # Two 120-minute visits, 5 minutes between them and 5 after the last.
    assert visits.minutes == 250 and visits.route[-1].corridor
    pdf = agenda.render(data)
    out = squash(pdf_text(pdf))
    assert squash(fmt.long_date(date(2026, 3, 5))) in out
    assert squash("between visits and after the last") in out
    (tmp_path / "agenda.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(tmp_path / "agenda.pdf"),
                    "/tmp/plan-choices-agenda"], check=False)


def test_the_script_leaves_out_what_the_walk_does_not_run(services: Services) -> None:
    data = script_data(choosing_protocol(), chosen_walk(services))
    keys = [s.key for _, _, s in data.protocol.steps()]
    assert "rounds" in keys and "patterns" not in keys and "stems" not in keys
    out = squash(pdf_text(script.render(data)))
    assert squash("Rounds of turns") in out
    assert squash("corridor talk between and after the last") in out
