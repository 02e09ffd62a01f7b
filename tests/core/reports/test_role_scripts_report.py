"""The facilitator's script with roles given at planning (protocol format version 2): each
step's role scripts under its script, the roles given to walkers with their instructions —
for a protocol alone and for a walk (its saved protocol) through the report registry. A
protocol without role scripts prints no role lines. Roles are about what walkers do; no
walker's name or detail reaches this page."""

from __future__ import annotations

from pathlib import Path

from tests.core.reports.conftest import pdf_text, squash
from tests.helpers.v2_roles import (
    FIRST_SCRIPTS,
    PRESENTER,
    STUDENTS,
    VISITS_SCRIPTS,
    roles_walk,
    with_roles,
)
from walkapp.config import resolve_settings
from walkapp.protocol.library import builtin_protocol
from walkapp.reports import script
from walkapp.reports.build_paper import script_data
from walkapp.services import open_services


def _words(pdf: bytes) -> str:
    return squash(pdf_text(pdf))


def test_each_steps_role_scripts_print_under_its_script() -> None:
    protocol = with_roles(builtin_protocol("learning-walk"))
    words = _words(script.render(script_data(protocol)))
    steps = [step for _, _, step in protocol.steps()]
    # Under the first step: after its script, before the next step's title.
    at = words.index(squash(steps[0].script))
    line = words.index(squash(f"Presenter: {FIRST_SCRIPTS[0].script}"), at)
    assert line < words.index(squash(steps[1].title), at)
    for role, item in zip((PRESENTER, STUDENTS), VISITS_SCRIPTS, strict=True):
        assert squash(f"{role.title}: {item.script}") in words
    # Who does what: the roles given at planning say so, with their instructions.
    assert words.count(squash("Given to walkers at planning")) == 2
    assert squash("each is asked: “The students you follow”") in words
    assert squash(STUDENTS.instructions) in words
    for paragraph in PRESENTER.instructions.split("\n\n"):
        assert squash(paragraph) in words


def test_a_protocol_without_roles_prints_no_role_lines() -> None:
    words = _words(script.render(script_data(builtin_protocol("learning-walk"))))
    assert squash("Given to walkers at planning") not in words
    assert squash(VISITS_SCRIPTS[0].script) not in words


def test_a_walks_script_prints_its_protocols_role_scripts_and_no_walker(
        tmp_path: Path) -> None:
    from walkapp.reports import Paper, ReportKind, ReportRequest, render_report

    services = open_services(resolve_settings(tmp_path / "data"))
    try:
        walk = roles_walk(services, walkers=2)
        services.plan.update_participant(walk.walkers[0].id, protocol_role="student-observer",
                                         role_detail="the students at table three")
        pdf = render_report(services, ReportRequest(ReportKind.SCRIPT, walk.id,
                                                    paper=Paper.A4))
    finally:
        services.close()
    words = _words(pdf)
    assert squash(f"Presenter: {VISITS_SCRIPTS[0].script}") in words
    assert squash("Walker1") not in words and squash("table three") not in words
