"""The debrief's layout: what the group learned on page 1, the evidence as an appendix,
bookmarks and "continued" heads, each note printed once, no heading alone at a page foot,
empty sections folded into one line, and the page furniture after the body."""

from __future__ import annotations

import dataclasses
import io
from datetime import date

from pypdf import PdfReader

from tests.core.reports.conftest import Render, pdf_text, squash
from tests.helpers.records import big_record
from walkapp import demo as sample
from walkapp import domain as d
from walkapp.reports import debrief
from walkapp.reports.build_walk import debrief_data
from walkapp.reports.data import DebriefData, PatternGroup, WalkHeading
from walkapp.reports.paper import Paper
from walkapp.services import Services


def _pages(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


def _titles(outline: list) -> list[str]:  # type: ignore[type-arg]
    out: list[str] = []
    for entry in outline:
        if isinstance(entry, list):
            out += _titles(entry)
        else:
            out.append(entry.title)
    return out


def test_page_one_leads_with_what_the_group_learned(demo: d.Walk, render: Render) -> None:
    pages = _pages(render("debrief", demo.id))
    first = squash(pages[0])
    for needle in ("Patterns", "Describe", "Next level of work", "Next steps", "Commitments",
                   sample.FOCUS):
        assert squash(needle) in first, needle
    # The open action items, a short table, are printed whole on page 1 for the sample
    # walk (a short table never splits at a page foot, so page 1 must have the room).
    for owner in ("Morgan Ellis", "Ben Okafor", "Carla Núñez"):
        assert squash(owner) in first, owner
    for _, text in sample.PATTERNS:
        assert squash(text) in first, text
    for text in sample.COMMITMENTS:
        assert squash(text) in first, text
    # The patterns come in the protocol's order, and no evidence precedes them.
    order = [first.index(squash(stage)) for stage in
             ("Describe", "Analyse", "Predict", "Next level of work")]
    assert order == sorted(order)
    assert squash("Appendix") not in first and "Evidence" not in pages[0]
    rest = squash("".join(pages[1:]))
    assert squash("Appendix: the evidence") in rest and squash("I noticed") in rest


def test_the_appendix_opens_page_2_or_goes_on_under_a_lead_that_spilled_there(
        demo: d.Walk, render: Render) -> None:
    a4 = _pages(render("debrief", demo.id))
    assert squash("Action items") in squash(a4[0])
    assert squash(a4[1]).startswith(squash("Appendix: the evidence"))  # (furniture after)
    assert squash("Action items") not in squash(a4[1])
    # US Letter is shorter: the action table moves whole to page 2, and the appendix
    # follows it there instead of leaving page 2 with one table on it.
    letter = _pages(render("debrief", demo.id, paper=Paper.LETTER))
    assert squash("Action items") not in squash(letter[0])
    second = squash(letter[1])
    assert squash("Action items") in second and squash("Appendix") in second
    assert second.index(squash("Action items")) < second.index(squash("Appendix"))


def test_every_section_has_a_bookmark(demo: d.Walk, render: Render) -> None:
    reader = PdfReader(io.BytesIO(render("debrief", demo.id)))
    titles = _titles(reader.outline)
    for title in ("Patterns", "Describe", "Next steps", "Action items", "Evidence",
                  "Norms we agreed", "Look-fors", "Session feedback"):
        assert any(t.startswith(title) for t in titles), (title, titles)
    for text, _ in sample.LOOK_FORS:
        assert text in titles, text
    # Other kinds get theirs from the same page template.
    assert _titles(PdfReader(io.BytesIO(render("agenda", demo.id))).outline)


def test_a_section_running_onto_the_next_page_says_continued() -> None:
    record = big_record(walkers=2, visits=6, notes_per_walker_visit=6)
    pages = _pages(debrief.render(debrief_data(record), Paper.A4))
    continued = [p for p in pages if "(continued)" in p]
    assert continued
    assert any("Evidence — Look-for number 1 (continued)" in p for p in pages)


def _two_look_for_record() -> d.WalkRecord:
    record = big_record(walkers=1, visits=2, notes_per_walker_visit=3, look_fors=3)
    note = dataclasses.replace(record.notes[0], text="Pairs argued over the graph twice.",
                               look_for_ids=("lf2", "lf0"))
    return dataclasses.replace(record, notes=(note, *record.notes[1:]))


def test_a_note_with_two_look_fors_is_printed_once_naming_the_other() -> None:
    data = debrief_data(_two_look_for_record())
    out = pdf_text(debrief.render(data, Paper.A4))
    assert squash(out).count(squash("Pairs argued over the graph twice.")) == 1
    # Under the first look-for of the walk's list, naming the other.
    assert squash("twice.(also:Look-fornumber3)") in squash(out)


def test_every_note_of_a_big_walk_is_in_the_evidence_once() -> None:
    record = big_record(walkers=6, visits=12, notes_per_walker_visit=15)
    data = debrief_data(record)
    items = [i for g in data.evidence for s in g.stems for i in s.items]
    assert len(items) == len(record.notes) == 1080


def test_an_empty_walk_prints_one_line_for_what_was_not_recorded(
        services: Services, render: Render) -> None:
    from walkapp.services import NewWalk

    walk = services.walks.create_walk(NewWalk(title="Empty", walk_date=date(2027, 1, 5)))
    services.plan.add_visit(walk.id)
    out = pdf_text(render("debrief", walk.id))
    assert out.count("None recorded.") == 0
    assert "Not recorded:" in out
    flat = squash(out)
    for name in ("patterns", "commitments", "nextsteps", "actionitems"):
        assert name in flat.split("Notrecorded:", 1)[1], name


def _body_lines(page: str, data: DebriefData) -> list[str]:
    """The page's body text: the furniture (drawn after it) is cut off."""
    lines = [line.strip() for line in page.splitlines() if line.strip()]
    for i in range(len(lines) - 1, 0, -1):
        if lines[i - 1].startswith("Debrief") and lines[i].startswith(data.walk.title):
            return lines[:i - 1]
    raise AssertionError(f"no page header after the body: {lines[-4:]}")


def test_no_heading_is_left_alone_at_a_page_foot() -> None:
    """Shift the page-1 content by a growing focus so that every stage heading of the
    patterns (and the section headings after it) lands, in some render, at the foot."""
    stages = ("Describe", "Analyse", "Predict", "Next level of work", "Patterns",
              "Next steps", "Action items")
    groups = tuple(PatternGroup(label, tuple(f"{label} statement {i} " + "word " * 40
                                             + f"(end {label} {i})" for i in range(3)))
                   for label in stages[:4])
    seen_foot = set()
    for words in range(0, 700, 23):
        data = DebriefData(
            walk=WalkHeading("Heading walk", date(2026, 11, 2), "School",
                             focus="focus " * words),
            patterns=groups, next_steps=("Meet again. " * 30,) * 3)
        pages = _pages(debrief.render(data, Paper.A4))
        for page in pages[:-1]:
            body = _body_lines(page, data)
            assert body, page
            assert body[-1] not in stages, (words, body[-3:])
            seen_foot.add(body[-1][-14:])
    assert len(seen_foot) >= 3  # the shift did move what ends a page


def test_the_body_is_read_before_the_page_furniture(demo: d.Walk, render: Render) -> None:
    first = _pages(render("debrief", demo.id))[0]
    assert first.index(demo.title) < first.index("Learning walk record")
    assert first.strip().startswith(demo.title)
