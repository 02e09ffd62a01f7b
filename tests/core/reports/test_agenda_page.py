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
