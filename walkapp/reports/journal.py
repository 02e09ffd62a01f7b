"""A walker's growth journal: their "I will try…" commitments, how each went when it was
reviewed, and their reflections, walk after walk. It belongs to the walker: nothing in it
describes another person."""

from __future__ import annotations

from reportlab.platypus import Flowable

from walkapp import formatting as fmt
from walkapp.formatting import N_, tr
from walkapp.reports import blocks as b
from walkapp.reports import text
from walkapp.reports.data import JournalData, JournalWalk
from walkapp.reports.page import PageSetup, build_pdf
from walkapp.reports.paper import Paper
from walkapp.reports.styles import MUTED_HEX

REPORT_NAME = N_("Growth journal")  # translated where drawn
_STATUS = {"open": N_("Still to try"), "tried": N_("Tried"), "dropped": N_("Set aside")}


def render(data: JournalData, paper: Paper = Paper.A4) -> bytes:
    walks = data.walks
    commitments = [c for w in walks for c in w.commitments]
    span = ""
    if walks:
        first, last = walks[0].walk.walk_date, walks[-1].walk.walk_date
        span = fmt.long_date(first) if first == last else \
            tr("{first} to {last}").format(first=fmt.long_date(first),
                                           last=fmt.long_date(last))
    story: list[Flowable] = [
        b.p(tr("{report}: {walker}").format(report=tr(REPORT_NAME), walker=data.walker),
            "title", limit=400),
        b.p(" · ".join(v for v in (fmt.plural(len(walks), "walk", "walks"), span) if v),
            "subtitle"),
    ]
    if commitments:
        counts = {k: sum(1 for c in commitments if c.status == k) for k in _STATUS}
        said = ", ".join(fmt.plural(n, "{n} still to try", "{n} still to try") if k == "open"
                         else fmt.plural(n, "{n} tried", "{n} tried") if k == "tried"
                         else fmt.plural(n, "{n} set aside", "{n} set aside")
                         for k, n in counts.items() if n)
        story.append(b.p(tr("{commitments}: {statuses}.").format(
            commitments=fmt.plural(len(commitments), "commitment", "commitments"),
            statuses=said), "body"))
    story += b.section(tr("Walk by walk"), [f for w in walks for f in _walk(w)],
                       N_("This walker has no walks recorded yet."))
    setup = PageSetup(paper=paper, report_name=tr(REPORT_NAME), header_right=data.walker,
                      subject=tr("Learning walk growth journal"),
                      footer_left=tr("A personal record of learning: for the walker, not an "
                                     "evaluation"))
    return build_pdf(story, setup)


def _walk(entry: JournalWalk) -> list[Flowable]:
    title = f"{fmt.long_date(entry.walk.walk_date)} · {entry.walk.title}"
    head: list[Flowable] = [b.heading(title, 2)]
    if entry.walk.focus:
        head.append(b.p(entry.walk.focus, "small", prefix="<b>" + tr("Focus:") + "</b> ",
                        limit=1500))
    body: list[Flowable] = []
    if entry.commitments:
        body.append(b.heading(entry.commitments_heading, 3))
        for c in entry.commitments:
            status = tr(_STATUS.get(c.status, c.status.capitalize()))
            body.append(b.p(c.text, "bullet", prefix=f"<b>[{text.markup(status)}]</b> "))
            if c.review_note.strip():
                went = (tr("How it went (carried over from an earlier walk):") if c.carried
                        else tr("How it went:"))
                body.append(b.p(c.review_note, "quote",
                                prefix=f"<font color='{MUTED_HEX}'>{went}</font> "))
            elif c.carried:
                body.append(b.own(text.markup(tr("Carried over from an earlier walk.")),
                                  "small"))
    if entry.reflections:
        body.append(b.heading(tr("Reflections"), 3))
        for prompt, answer in entry.reflections:
            if prompt.strip():
                body.append(b.p(prompt, "label"))
            body.append(b.p(answer, "quote"))
    if not body:
        body.append(b.own(tr("Nothing recorded for this walk."), "muted"))
    # The walk's heading stays with its first entry.
    return [b.keep(*head, body[0]), *body[1:]]
