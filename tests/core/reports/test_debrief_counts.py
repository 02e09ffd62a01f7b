"""The debrief's "Counts across the walk": school-level totals and spreads per tally, in
the appendix, only for a protocol that keeps tallies, never naming a visit or a person."""

from __future__ import annotations

import dataclasses

import pytest

from tests.core.reports.conftest import Render, pdf_text, squash
from walkapp import domain as d
from walkapp.protocol.schema import Tally, TallyKind
from walkapp.reports import build_walk
from walkapp.services import Services

TALLIES = (Tally("questions", "Questions asked", shortcut="q"),
           Tally("talk", "Student talk", TallyKind.DURATION, shortcut="t"))


@pytest.fixture
def with_tallies(monkeypatch: pytest.MonkeyPatch) -> None:
    real = build_walk.report_protocol

    def protocol(services: Services, walk_id: str):  # type: ignore[no-untyped-def]
        found, notice = real(services, walk_id)
        assert found is not None
        return dataclasses.replace(found, tallies=TALLIES), notice

    monkeypatch.setattr(build_walk, "report_protocol", protocol)


def test_the_debrief_adds_up_the_counts(services: Services, demo: d.Walk, render: Render,
                                        with_tallies: None) -> None:
    walkers, visits = demo.walkers, demo.visits
    add = services.tallies.add
    add(demo.id, visits[0].id, walkers[0].id, "questions", 4)
    add(demo.id, visits[0].id, walkers[1].id, "questions", 2)
    add(demo.id, visits[1].id, walkers[0].id, "questions", 9)
    add(demo.id, visits[1].id, walkers[1].id, "talk", seconds=150)
    pdf = render("debrief", demo.id)
    text = squash(pdf_text(pdf))
    assert squash("Counts across the walk") in text
    assert squash("Questions asked: 15 in all, kept by 2 people in 2 visits; per visit: "
                  "least 3, median 6, most 9.") in text
    assert squash("Student talk: 2:30 in all, kept by 1 person in 1 visit.") in text
    with open("/tmp/tallies-debrief.pdf", "wb") as out:
        out.write(pdf)


def test_no_section_without_tallies(services: Services, demo: d.Walk, render: Render
                                    ) -> None:
    services.tallies.add(demo.id, demo.visits[0].id, demo.walkers[0].id, "questions", 4)
    text = squash(pdf_text(render("debrief", demo.id)))
    assert squash("Counts across the walk") not in text and "counts" not in text.lower()


def test_a_protocol_whose_tallies_nobody_kept_says_so(demo: d.Walk, render: Render,
                                                      with_tallies: None) -> None:
    text = squash(pdf_text(render("debrief", demo.id)))
    assert squash("Not recorded:") in text and squash("counts across the walk") in text
