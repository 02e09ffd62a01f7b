"""A thank-you note to the host of one visit: what we noticed, and one thing we wonder.

Descriptive evidence only — no praise, no verdict — and addressed to "the host of Visit n"
unless the facilitator chose to show teacher names. It fits on one page in the usual case.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from walkapp import formatting as fmt
from walkapp.reports import blocks as b
from walkapp.reports.data import ThanksData
from walkapp.reports.page import PageSetup, build_pdf
from walkapp.reports.paper import Paper
from walkapp.reports.styles import ACCENT_HEX

REPORT_NAME = "Thank you"
NOTE_LIMIT = 1_200  # one noticing is a sentence or two; a pasted essay is cut visibly


def render(data: ThanksData, paper: Paper = Paper.A4) -> bytes:
    visit = data.visit.label
    where = f" ({data.visit.details})" if data.visit.details else ""
    story: list[Flowable] = [
        b.own(f"<font color='{ACCENT_HEX}'>Thank you</font>", "title"),
        b.p(f"for opening your classroom to our learning walk on "
            f"{fmt.long_date(data.walk.walk_date)}", "subtitle"),
        Spacer(1, 4 * mm),
        b.p(f"To {data.addressee},", "letter"),
        b.p(f"Our group visited {visit}{where} as part of a learning walk"
            + (f" at {data.walk.school}" if data.walk.school else "") + ". "
            "We came to learn about our own teaching, not to judge yours, and your room "
            "gave us plenty to think about.", "letter", limit=1500),
    ]
    if data.walk.focus:
        story.append(b.p(data.walk.focus, "letter", prefix="<b>What we were curious about:"
                                                           "</b> ", limit=1500))
    if data.noticed:
        story.append(b.heading(data.noticed_heading, 2))
        story += b.bullets(data.noticed, "letter", limit=NOTE_LIMIT)
    if data.wondering:
        story.append(b.heading(data.wondering_heading, 2))
        story.append(b.p(data.wondering, "letter", limit=NOTE_LIMIT))
    story += [Spacer(1, 2 * mm),
              b.p("Thank you for letting us learn alongside you and your students.",
                  "letter"),
              Spacer(1, 4 * mm),
              b.p(data.signed, "letter", prefix="With thanks,<br/>", limit=1500)]
    setup = PageSetup(paper=paper, report_name=REPORT_NAME,
                      header_right=f"{data.walk.title} · {fmt.long_date(data.walk.walk_date)}",
                      subject="Learning walk thank-you note",
                      footer_left="From a learning walk: about the walkers' learning, "
                                  "not an evaluation")
    return build_pdf(story, setup)
