"""A short table never splits at a page foot, leaving a row or two behind: it moves whole
to the next page, with its heading. A long one still splits by rows (and inside a row)."""

from __future__ import annotations

import io

from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, SimpleDocTemplate, Spacer

from tests.core.reports.conftest import squash
from walkapp.reports import blocks as b
from walkapp.reports.page import PageSetup, build_pdf
from walkapp.reports.paper import Paper

WIDTH = 150 * mm


def _rows(count: int, words: str = "Collect the sentence strips") -> list[list[str]]:
    return [[str(i), f"{words} {i}", f"Owner{i}"] for i in range(1, count + 1)]


def _table(count: int, words: str = "Collect the sentence strips") -> Flowable:
    return b.table(["#", "Action", "Owner"], _rows(count, words),
                   [10 * mm, WIDTH - 50 * mm, 40 * mm])


def _pages(story: list[Flowable]) -> list[str]:
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4).build(story)
    return [squash(page.extract_text() or "") for page in PdfReader(out).pages]


def _frame_height() -> float:
    doc = SimpleDocTemplate(io.BytesIO(), pagesize=A4)
    return float(doc.height) - 12   # the frame's padding


def test_a_short_table_at_a_page_foot_moves_whole_with_its_heading() -> None:
    table = _table(6)
    _, height = table.wrap(WIDTH, 10_000)
    # Room left for the heading, the table's header and two rows, not the rest.
    room = 110.0
    story = [Spacer(1, _frame_height() - room), *b.section("Action items", [table])]
    first, second = _pages(story)
    assert height > room and "Owner1" not in first and "Actionitems" not in first
    assert "Actionitems" in second
    assert all(f"Owner{i}" in second for i in range(1, 7))


def test_a_long_table_still_splits_at_the_page_foot() -> None:
    story = [Spacer(1, _frame_height() - 120), *b.section("Action items", [_table(80)])]
    pages = _pages(story)
    assert "Actionitems" in pages[0] and "Owner1" in pages[0]
    assert "Owner80" in pages[-1] and len(pages) >= 3
    # Its header repeats on every page it spans.
    assert all(squash("#ActionOwner") in page for page in pages)


def test_a_row_taller_than_a_page_still_splits_inside_its_cells() -> None:
    long_text = "Students explained their reasoning to a partner. " * 400
    pages = _pages([Spacer(1, 200), _table(1, long_text), _table(3)])
    assert len(pages) > 2 and "Owner3" in pages[-1]


def test_a_report_with_short_tables_lays_out() -> None:
    # The reports' own template (the page furniture and its layout errors) too.
    story = [Spacer(1, _frame_height() - 100), _table(5), _table(5), _table(40)]
    pdf = build_pdf(story, PageSetup(paper=Paper.A4, report_name="Test"))
    assert pdf.startswith(b"%PDF")
