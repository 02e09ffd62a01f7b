"""The agenda is one page for a two-hour session: the running order as one table (phases,
steps, the route one line a stop), who does what, the norms and the source; what the
facilitator says at each step is in the facilitator's script, which the agenda points to."""

from __future__ import annotations

import io
from datetime import time

import pytest
from pypdf import PdfReader

from tests.core.reports.conftest import Render, pdf_text, squash
from walkapp import domain as d
from walkapp.reports import Paper


@pytest.mark.parametrize("paper", [Paper.A4, Paper.LETTER])
def test_the_sample_two_hour_agenda_is_one_page(demo: d.Walk, render: Render,
                                                paper: Paper) -> None:
    pdf = render("agenda", demo.id, start=time(8, 30), paper=paper)
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    out = pdf_text(pdf)
    assert "Running order" in out and "Who does what" in out
    assert all(f"Visit {n}" in out for n in range(1, 6))
    assert squash("facilitator's script") in squash(out)


def test_long_words_in_every_agenda_field_still_make_a_pdf() -> None:
    """Table rows cannot split across pages: long titles, summaries and route details are
    one visibly cut line each, and long roles or norms flow rather than sit side by side."""
    from datetime import date

    from walkapp.protocol.schema import Role
    from walkapp.reports.agenda import render
    from walkapp.reports.data import AgendaData, AgendaPhase, AgendaStep, WalkHeading
    from walkapp.reports.page import count_pages

    flood = "word " * 3000 + "\n" * 500 + "x" * 5000
    route = tuple(AgendaStep("Observation", f"Visit {n}", 10, flood, compact=True)
                  for n in range(1, 13))
    steps = (AgendaStep("Pre-brief", flood, 5, flood),
             AgendaStep("Observation", "Classroom visits", 120, route=route))
    data = AgendaData(walk=WalkHeading("Walk", date(2026, 1, 1), focus="Talk"),
                      phases=(AgendaPhase(flood, steps, flood),), norms=(flood,) * 3,
                      roles=(Role("facilitator", flood, flood),) * 3)
    assert count_pages(render(data)) > 1
    assert "not printed" in pdf_text(render(data))
