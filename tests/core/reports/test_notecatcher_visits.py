"""A note-catcher for a 12-visit walk: one tick grid whose column labels ("V10"…"V12")
each fit their box on one line, and a block for every visit."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from tests.core.reports.conftest import Render
from walkapp import domain as d
from walkapp.reports import Paper
from walkapp.services import Services


@pytest.mark.parametrize("paper", [Paper.A4, Paper.LETTER])
def test_twelve_visits_share_one_tick_grid(services: Services, demo: d.Walk,
                                           render: Render, paper: Paper) -> None:
    for number in range(len(demo.visits), 12):
        services.plan.add_visit(demo.id, room=f"Room {40 + number}", grade="Year 3")
    pages = PdfReader(io.BytesIO(render("notecatcher", demo.id, paper=paper))).pages
    lines = [line.strip() for line in (pages[0].extract_text() or "").splitlines()]
    labels = [f"V{n}" for n in range(1, 13)]
    # Every label whole on its own line (a wrapped "V1" / "0" would break this), in
    # order, in one header row: no second grid repeats "Look-for" for V11 and V12.
    where = [lines.index(label) for label in labels]
    assert where == list(range(where[0], where[0] + 12)), lines
    assert sum(1 for line in lines if line == "Look-for") == 1
    text = "\n".join(page.extract_text() or "" for page in pages)
    assert all(f"Visit {n}" in text for n in range(1, 13))
