"""Every report kind renders the demo walk with the content it promises, on A4 or Letter,
with the font embedded and no names in the PDF's metadata."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from datetime import date, time
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.core.reports.conftest import Render, pdf_text, squash
from walkapp import demo as sample
from walkapp import domain as d
from walkapp.reports import Paper, ReportKind
from walkapp.services import Services


def test_debrief_holds_every_section(demo: d.Walk, render: Render, services: Services
                                     ) -> None:
    out = pdf_text(render("debrief", demo.id))
    flat = squash(out)
    for needle in (demo.title, "Norms we agreed", sample.NORMS[0], "Look-fors", "Evidence",
                   "I noticed", "I wonder", "Patterns", "Describe", "Analyse", "Predict",
                   "Next level of work", "Next steps", "Action items", "Morgan Ellis",
                   "Session feedback", "Riverside Primary"):
        assert squash(needle) in flat, needle
    for text, _ in sample.LOOK_FORS:
        assert squash(text) in flat
    for _, text in sample.PATTERNS:
        assert squash(text) in flat
    for text in sample.COMMITMENTS:
        assert squash(text) in flat
    # Every note in the record (walkapp.note_states) is in the evidence at least once,
    # shown under its visit number; one the nudge or the name caution flags is not, until
    # the facilitator keeps it at the evidence wall.
    statuses = services.reviews.statuses(demo.id)
    in_record = {n.text: statuses[n.id].in_record for n in services.notes.list_notes(demo.id)}
    assert not all(in_record.values())  # the demo has a note to decide on
    for _, _, _, _, text in sample.NOTES:
        assert (squash(text) in flat) is in_record[text], text
    assert "Visit 5" in out and "4 responses." in out
    # A rating question's answers over its scale, a column a point, and their average.
    assert squash("How many chose each point of the scale from 1 to 5") in flat
    assert "Answers···224.5" in flat
    # The phase log is empty in the demo: one line names what was not recorded, instead of
    # a heading standing blank.
    assert re.search(r"Not recorded: time\.", out)


def test_page_numbers_count_the_whole_document(demo: d.Walk, render: Render) -> None:
    pdf = render("debrief", demo.id)
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in (page.extract_text() or "")


def test_agenda_lays_out_the_route_with_clock_times(demo: d.Walk, render: Render) -> None:
    out = pdf_text(render("agenda", demo.id, start=time(8, 30)))
    assert "Running order" in out and "Pre-brief" in out and "Post-brief" in out
    # Clock times in the locale's style (tests run in "en"): see walkapp.formatting.
    assert "8:30 – 8:35 AM" in out and "Corridor talk" in out
    assert all(f"Visit {n}" in out for n in range(1, 6))
    # The protocol's timed steps + 5 × 10 min visits + 4 × 3 min corridor talk.
    from walkapp.protocol import Activity
    from walkapp.protocol.library import builtin_protocol

    steps = sum(step.minutes or 0 for _, _, step in builtin_protocol("learning-walk").steps()
                if step.activity is not Activity.VISITS)
    total = steps + 5 * 10 + 4 * 3
    end = (8 * 60 + 30 + total) % (24 * 60)
    from walkapp.formatting import clock

    ending = clock(time(end // 60, end % 60)).replace("\u00a0", " ")
    assert f"{total // 60} h {total % 60:02d} min, ending at {ending}" in out
    relative = pdf_text(render("agenda", demo.id))
    assert "From start" in relative and "0:00–0:05" in relative and "ending at" not in relative


def test_note_catcher_is_blank_and_has_a_block_per_visit(demo: d.Walk, render: Render) -> None:
    out = pdf_text(render("notecatcher", demo.id))
    flat = squash(out)
    assert "Your name" in out and "I noticed…" in out and "I will try…" in out
    assert all(squash(text) in flat for text, _ in sample.LOOK_FORS)
    assert all(f"Visit {n}" in out for n in range(1, 6)) and "V5" in out
    assert squash(sample.NOTES[0][4]) not in flat  # blank: no notes printed


def test_action_tracker_spans_walks_open_first(services: Services, demo: d.Walk,
                                               render: Render) -> None:
    items = services.debrief.list_action_items(demo.id)
    services.debrief.follow_up(items[0].id, demo.id, d.ActionStatus.DONE,
                               "Templates are in the shared folder.")
    out = pdf_text(render("actions"))
    flat = squash(out)
    assert "2 open (0 past due), 1 done, 0 dropped." in out
    assert flat.index(squash(items[1].text)) < flat.index(squash("Done or dropped")) \
        < flat.index(squash(items[0].text))
    assert squash("Templates are in the shared folder.") in flat
    assert "From the walk of" in out


def test_growth_journal_follows_one_walker_across_walks(services: Services, demo: d.Walk,
                                                        render: Render) -> None:
    # The same group a year later (a copy of the plan and roster: same people).
    later = services.walks.duplicate_walk(demo.id, "Second walk",
                                          demo.walk_date.replace(year=demo.walk_date.year + 1))
    carla = next(p for p in later.walkers if p.display_name == "Carla Núñez")
    first = next(c for c in services.debrief.list_commitments(demo.id)
                 if c.text == sample.COMMITMENTS[2])
    services.debrief.review_commitment(first.id, d.CommitmentStatus.TRIED,
                                       "Sitting down worked: more hands after a pause.")
    services.debrief.save_commitment(later.id, carla.id, "I will try a new thing this time.")
    out = pdf_text(render("journal", walker="carla núñez"))
    flat = squash(out)
    assert "Growth journal: Carla Núñez" in out and "2 walks" in out
    assert squash("Sitting down worked: more hands after a pause.") in flat
    assert squash("I will try a new thing this time.") in flat
    assert "[Tried]" in out and "Reflections" in out
    for other in (sample.COMMITMENTS[0], sample.COMMITMENTS[1], sample.COMMITMENTS[3]):
        assert squash(other) not in flat
    # The walk's own order: the first walk comes first.
    assert flat.index(squash("Sitting down worked")) < flat.index(squash("a new thing"))


def test_thanks_note_uses_one_visit_and_one_wondering(demo: d.Walk, render: Render) -> None:
    out = pdf_text(render("thanks", demo.id, visit=2))
    flat = squash(out)
    visit2 = [n for n in sample.NOTES if n[0] == 1]
    assert "Dear colleague," in out and "We noticed" in out
    assert all(squash(t) in flat for _, _, stem, _, t in visit2 if stem is d.Stem.NOTICED)
    wonders = [t for _, _, stem, _, t in visit2 if stem is d.Stem.WONDER]
    assert squash(wonders[0]) in flat
    # Nothing from other visits, no walker names, no "I will try" notes.
    assert squash(sample.NOTES[0][4]) not in flat
    assert not any(name in out for name in sample.WALKERS)
    assert not any(squash(t) in flat for _, _, stem, _, t in visit2 if stem is d.Stem.WILL_TRY)


@pytest.mark.parametrize(("paper", "size"), [(Paper.A4, (595, 842)),
                                             (Paper.LETTER, (612, 792))])
def test_paper_size(demo: d.Walk, render: Render, paper: Paper, size: tuple[int, int]) -> None:
    for kind in ReportKind:
        pdf = render(kind, demo.id, paper=paper, walker="Amira Haddad", visit=1)
        box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == size, kind


def _fonts(pdf: bytes) -> dict[str, bool]:
    """Every font any page uses, and whether its program is embedded."""
    found: dict[str, bool] = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.get_object().values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            embedded = descriptor is not None and any(
                key in descriptor.get_object() for key in ("/FontFile", "/FontFile2",
                                                           "/FontFile3"))
            found[str(font["/BaseFont"])] = embedded
    return found


def test_fonts_are_embedded_and_metadata_has_no_names(demo: d.Walk, render: Render,
                                                      tmp_path: Path) -> None:
    for kind in ReportKind:
        pdf = render(kind, demo.id, walker="Carla Núñez", visit=1)
        fonts = _fonts(pdf)
        assert fonts and all(fonts.values()), (kind, fonts)
        assert all("DejaVuSans" in name for name in fonts), fonts
        meta = PdfReader(io.BytesIO(pdf)).metadata
        assert meta is not None and meta.author == "walkapp"
        blob = " ".join(str(v) for v in meta.values())
        for private in (*sample.WALKERS, sample.FACILITATOR, demo.title, "Riverside"):
            assert private not in blob, (kind, private)
    if shutil.which("pdffonts"):
        path = tmp_path / "d.pdf"
        path.write_bytes(render("debrief", demo.id))
        listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                                 check=True).stdout.splitlines()[2:]
        assert listing and all(" yes " in line for line in listing), listing


def test_an_empty_walk_says_none_recorded_instead_of_blank_headings(
        services: Services, render: Render) -> None:
    from walkapp.services import NewWalk

    walk = services.walks.create_walk(NewWalk(title="Empty", walk_date=date(2027, 1, 5)))
    services.plan.add_visit(walk.id)
    services.plan.add_participant(walk.id, "New Walker")
    outs = {kind: pdf_text(render(kind, walk.id, walker="New Walker", visit=1))
            for kind in ReportKind}
    debrief = outs[ReportKind.DEBRIEF]
    # The debrief's empty sections are named on one line (test_debrief_layout.py).
    assert "None recorded." not in debrief
    assert squash("Not recorded: patterns, next steps, commitments, action items, norms we "
                  "agreed, look-fors, evidence, time, session feedback.") in squash(debrief)
    # No protocol chosen: the note-catcher carries the default protocol's norms, as the
    # guide would run them (it used to print a made-up outline's "No norms recorded yet.").
    from walkapp.protocol.library import builtin_protocol

    norms = builtin_protocol("learning-walk").norms
    assert norms and squash(norms[0]) in squash(outs[ReportKind.NOTECATCHER])
    assert "Dear colleague," in outs[ReportKind.THANKS]
    assert "We noticed" not in outs[ReportKind.THANKS]
    assert "Nothing recorded for this walk." in outs[ReportKind.JOURNAL]
