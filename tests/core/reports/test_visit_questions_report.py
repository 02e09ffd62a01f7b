"""The visit form in the debrief: each question across the walk (choices as counts, written
answers as a list without visit or walker), held-back answers counted but never printed,
and no section at all for a protocol without a form."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from tests.core.reports.conftest import pdf_text, squash
from tests.helpers.builders import make_walk
from walkapp.protocol.library import builtin_protocol
from walkapp.protocol.schema import Prompt, PromptKind
from walkapp.reports import debrief
from walkapp.reports.build_walk import debrief_data
from walkapp.services import Services

TALK = Prompt("talk", "What were students talking about?")
GROUPING = Prompt("grouping", "How were students seated?", PromptKind.CHOICE,
                  ("Rows", "Groups", "Pairs"))
FORM = (TALK, GROUPING)
SECTION = "The visit's questions, across the walk"


def test_the_debrief_shows_answers_only_across_the_walk(services: Services) -> None:
    walk = make_walk(services, "Form walk", walkers=3, visits=2)
    a, b, c = (w.id for w in walk.walkers)
    one, two = walk.visits[0].id, walk.visits[1].id
    save = services.notes.save_answer
    save(walk.id, a, one, GROUPING, "Rows")
    save(walk.id, b, one, GROUPING, "Groups")
    aside = save(walk.id, c, two, GROUPING, "Pairs")
    save(walk.id, a, one, TALK, "Zebra fractions on whiteboards")
    save(walk.id, b, two, TALK, "A lazy, bad lesson")  # flagged by the nudge, not kept
    services.reviews.set_aside(aside.note_id)
    protocol = dataclasses.replace(builtin_protocol("learning-walk"), visit_form=FORM)
    record = services.records.walk_record(walk.id)
    data = debrief_data(record, protocol=protocol)
    grouping = next(q for q in data.visit_questions if q.question == GROUPING.text)
    # The set-aside "Pairs" is not counted; every option is listed, zeros included.
    assert grouping.counts == (("Rows", 1), ("Groups", 1), ("Pairs", 0))
    talk = next(q for q in data.visit_questions if q.question == TALK.text)
    assert talk.answers == ("Zebra fractions on whiteboards",)
    assert data.held_back_answers == 2
    # Answers are not notes: the evidence and its count hold none of them.
    assert data.note_count == 0
    text = pdf_text(debrief.render(data))
    flat = squash(text)
    assert squash(SECTION) in flat
    assert squash("2 answers: Rows 1, Groups 1, Pairs 0.") in flat
    assert "Zebra fractions on whiteboards" in text
    assert "lazy" not in text and squash("2 answers are not printed") in flat
    # No answer beside a visit, no table by visit: the section never names one.
    section = flat[flat.index(squash(SECTION)):]
    assert "Visit1" not in section and "Visit2" not in section
    Path("/tmp/forms-debrief.pdf").write_bytes(debrief.render(data))


def test_no_form_no_section(services: Services) -> None:
    walk = make_walk(services, "Plain walk", walkers=1, visits=1)
    record = services.records.walk_record(walk.id)
    data = debrief_data(record, protocol=builtin_protocol("learning-walk"))
    assert data.visit_questions == ()
    assert squash(SECTION) not in squash(pdf_text(debrief.render(data)))
