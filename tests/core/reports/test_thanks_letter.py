"""The thank-you note reads as a letter to one host: a salutation, sentences in the group's
voice, no report furniture, the teacher's name at most once, and a length that no pasted
text can stretch past a page or two."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader

from tests.core.reports.conftest import Render, pdf_text, squash
from walkapp import demo as sample
from walkapp import domain as d
from walkapp.formatting import long_date
from walkapp.reports import thanks
from walkapp.reports.build_thanks import MAX_THANKS_NOTICES
from walkapp.reports.data import ThanksData, VisitLine, WalkHeading
from walkapp.services import Services


def _pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def test_a_letter_opens_dear_colleague_and_thanks_in_sentences(demo: d.Walk,
                                                                render: Render) -> None:
    out = pdf_text(render("thanks", demo.id, visit=2))
    flat = squash(out)
    assert out.lstrip().startswith("Dear colleague,")
    assert squash("Thank you for opening your classroom to us on "
                  f"{long_date(demo.walk_date)}") in flat
    assert "We noticed" in out and "We wonder" in out
    # No report furniture: no header line, no page number, no form-letter wording.
    assert "Page 1 of 1" not in out and "To the host" not in out
    assert "Our group visited" not in out
    # The body names no visit number; the small line at the foot says which visit it is,
    # for the facilitator handing the notes out, and names only this one.
    assert squash("Visit 2") in flat and "Visit 1" not in out and "Visit 3" not in out


def test_a_named_host_is_named_once_in_the_salutation(services: Services, demo: d.Walk,
                                                      render: Render) -> None:
    services.walks.update_walk(demo.id, show_teacher_names=True)
    names = {v.position: f"Ms Quillfeather{v.position}" for v in demo.visits}
    for visit in demo.visits:
        services.plan.update_visit(visit.id, teacher_name=names[visit.position])
    out = pdf_text(render("thanks", demo.id, visit=2))
    assert out.lstrip().startswith("Dear Ms Quillfeather2,")
    assert out.count("Quillfeather") == 1
    assert "Visit 2" in out and "Visit 1" not in out


def test_pasted_blank_lines_never_make_a_long_letter() -> None:
    flood = "Pairs talked" + "\n" * 500 + "about the tray" + "\n \n" * 300 + "."
    data = ThanksData(
        walk=WalkHeading("Walk", date(2026, 5, 6), school="School" + "\n" * 300 + "Name",
                         focus="What" + "\n" * 800 + "do students say?"),
        visit=VisitLine(2, "Room" + "\n" * 400 + "7"), addressee="colleague",
        noticed=(flood,) * MAX_THANKS_NOTICES, wondering="I wonder" + "\n" * 900 + "why.")
    pdf = thanks.render(data)
    assert _pages(pdf) == 1
    flat = squash(pdf_text(pdf))
    assert squash("Pairs talked about the tray.") in flat and squash("I wonder why.") in flat


def test_the_sample_letter_fits_one_page(demo: d.Walk, render: Render) -> None:
    for visit in range(1, len(demo.visits) + 1):
        assert _pages(render("thanks", demo.id, visit=visit)) == 1, visit
    assert sample.WALKERS  # the sample walk has walkers; none of them signs by default
