"""The visit form in the debrief: each question with what the walk as a whole answered.

Answers to a protocol's visit form (walkapp.forms) reach a record only as school-level
evidence: for each question, the written answers of the whole walk (no visit, no walker
beside them) and, for a choice or a checklist, how often each option was chosen across the
walk. Never a table by visit, never a score: five minutes in a room are not a verdict on
it. Answers held back like notes (set aside at the evidence wall, or flagged by the nudge
and not kept) are counted, never printed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from walkapp import domain as d
from walkapp import formatting as fmt
from walkapp import forms
from walkapp.formatting import tr
from walkapp.protocol.schema import Protocol
from walkapp.reports.data import VisitQuestion

if TYPE_CHECKING:  # the data is built without ReportLab (walkapp show, the exports)
    from reportlab.platypus import Flowable


def visit_questions(record: d.WalkRecord, protocol: Protocol | None, *,
                    include_flagged: bool = False) -> tuple[tuple[VisitQuestion, ...], int]:
    """(Each question of the walk's visit form across the walk, answers held back)."""
    form = protocol.visit_form if protocol is not None else ()
    if not form:
        return (), 0
    printable = forms.for_print(record, form, include_flagged=include_flagged)
    return tuple(VisitQuestion(s.prompt.text, s.answered, s.counts if s.counted else (),
                               s.answers)
                 for s in forms.summarise(form, printable.answers)), printable.held_back


def render(questions: Sequence[VisitQuestion], held_back: int) -> list[Flowable]:
    """The section's body; empty when no question was answered."""
    from walkapp.reports import blocks as b
    from walkapp.reports.flow import lead

    if not any(q.answered for q in questions):
        return []
    out: list[Flowable] = [b.own(tr(
        "What walkers answered across the walk, question by question: never by visit, "
        "and never a score."), "small")]
    if held_back:
        out.append(b.p(fmt.plural(
            held_back,
            "{n} answer is not printed: it was set aside, or its wording was flagged and "
            "not kept.",
            "{n} answers are not printed: they were set aside, or their wording was "
            "flagged and not kept."), "small"))
    for q in questions:
        facts = fmt.plural(q.answered, "answer", "answers")
        if q.counts:
            facts += ": " + ", ".join(f"{option} {fmt.number(count)}"
                                      for option, count in q.counts)
        out += lead([b.heading(q.question, 2)], [b.p(facts + ".", "small")])
        out.extend(b.bullets(q.answers))
    return out
