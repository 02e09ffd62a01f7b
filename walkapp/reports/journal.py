"""A walker's growth journal: their "I will try…" commitments, how each went when it was
reviewed, and their reflections, walk after walk. It belongs to the walker: nothing in it
describes another person."""

from __future__ import annotations

from reportlab.platypus import Flowable

from walkapp import formatting as fmt
from walkapp.reports import blocks as b
from walkapp.reports import text
from walkapp.reports.data import JournalData, JournalWalk
from walkapp.reports.page import PageSetup, build_pdf
from walkapp.reports.paper import Paper
from walkapp.reports.styles import MUTED_HEX

REPORT_NAME = "Growth journal"
_STATUS = {"open": "Still to try", "tried": "Tried", "dropped": "Set aside"}


def render(data: JournalData, paper: Paper = Paper.A4) -> bytes:
    walks = data.walks
    commitments = [c for w in walks for c in w.commitments]
    span = ""
    if walks:
        first, last = walks[0].walk.walk_date, walks[-1].walk.walk_date
        span = fmt.long_date(first) if first == last else \
            f"{fmt.long_date(first)} to {fmt.long_date(last)}"
    story: list[Flowable] = [
        b.p(f"{REPORT_NAME}: {data.walker}", "title", limit=400),
        b.p(" · ".join(v for v in (fmt.plural(len(walks), "walk", "walks"), span) if v),
            "subtitle"),
    ]
    if commitments:
        counts = {k: sum(1 for c in commitments if c.status == k) for k in _STATUS}
        story.append(b.p(fmt.plural(len(commitments), "commitment", "commitments") + ": "
                         + ", ".join(f"{fmt.number(n)} {_STATUS[k].lower()}"
                                     for k, n in counts.items() if n) + ".", "body"))
    story += b.section("Walk by walk", [f for w in walks for f in _walk(w)],
                       "This walker has no walks recorded yet.")
    setup = PageSetup(paper=paper, report_name=REPORT_NAME, header_right=data.walker,
                      subject="Learning walk growth journal",
                      footer_left="A personal record of learning: for the walker, not an "
                                  "evaluation")
    return build_pdf(story, setup)


def _walk(entry: JournalWalk) -> list[Flowable]:
    title = f"{fmt.long_date(entry.walk.walk_date)} · {entry.walk.title}"
    head: list[Flowable] = [b.heading(title, 2)]
    if entry.walk.focus:
        head.append(b.p(entry.walk.focus, "small", prefix="<b>Focus:</b> ", limit=1500))
    body: list[Flowable] = []
    if entry.commitments:
        body.append(b.heading(entry.commitments_heading, 3))
        for c in entry.commitments:
            status = _STATUS.get(c.status, c.status.capitalize())
            carried = " (carried over from an earlier walk)" if c.carried else ""
            body.append(b.p(c.text, "bullet", prefix=f"<b>[{text.markup(status)}]</b> "))
            if c.review_note.strip():
                body.append(b.p(c.review_note, "quote",
                                prefix=f"<font color='{MUTED_HEX}'>How it went{carried}:</font> "))
            elif carried:
                body.append(b.own(text.markup(carried.strip(" ()").capitalize() + "."),
                                  "small"))
    if entry.reflections:
        body.append(b.heading("Reflections", 3))
        for prompt, answer in entry.reflections:
            if prompt.strip():
                body.append(b.p(prompt, "label"))
            body.append(b.p(answer, "quote"))
    if not body:
        body.append(b.own("Nothing recorded for this walk.", "muted"))
    # The walk's heading stays with its first entry.
    return [b.keep(*head, body[0]), *body[1:]]
