"""A thank-you note to the host of one visit, written as a letter: what we noticed, and one
thing we wonder.

Descriptive evidence only — no praise, no verdict. It opens "Dear colleague," (or, when the
facilitator chose to show teacher names, "Dear <name>," — the only place the name appears),
and has no report header, footer or page number: it is handed to a colleague, not filed.
It is signed "The learning-walk group", or with the walkers' names when the walk's own
setting says so (`build_thanks.signature`); the closing and the signature stay on one page.
A small line at its foot says which visit it is for, so the facilitator can hand it to the
right room. Each pasted text is read as one paragraph, so blank-line floods cannot stretch
the letter past a page or two.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from walkapp import formatting as fmt
from walkapp.formatting import N_, tr
from walkapp.reports import blocks as b
from walkapp.reports import text
from walkapp.reports.data import ThanksData
from walkapp.reports.fonts import ITALIC
from walkapp.reports.page import PageSetup, build_pdf
from walkapp.reports.paper import Paper
from walkapp.reports.styles import MUTED_HEX, styles

REPORT_NAME = N_("Thank you")  # translated where drawn
NOTE_LIMIT = 1_200  # one noticing is a sentence or two; a pasted essay is cut visibly
FOCUS_LIMIT = 600


def one_paragraph(value: str | None) -> str:
    """A pasted text as one run of words: line breaks and blank-line runs read as spaces in
    a letter (and cannot fill pages)."""
    return " ".join((value or "").split())


def _wondering_style() -> ParagraphStyle:
    """The group's wondering, set off from the sentences around it (indented, italic)."""
    letter = styles().letter
    return ParagraphStyle("letter-wondering", parent=letter, fontName=ITALIC,
                          leftIndent=14, rightIndent=14)


def render(data: ThanksData, paper: Paper = Paper.A4) -> bytes:
    walk = data.walk
    day = fmt.long_date(walk.walk_date)
    if walk.school:
        opening = tr("Thank you for opening your classroom to us on {date}. We came as part "
                     "of a learning walk at {school}, to learn about our own teaching rather "
                     "than to judge yours, and your room gave us plenty to think "
                     "about.").format(date=text.markup(day),
                                      school=text.markup(one_paragraph(walk.school), 300))
    else:
        opening = tr("Thank you for opening your classroom to us on {date}. We came as part "
                     "of a learning walk, to learn about our own teaching rather than to "
                     "judge yours, and your room gave us plenty to think about.").format(
            date=text.markup(day))
    dear, _, after = tr("Dear {name},").partition("{name}")
    story: list[Flowable] = [
        Spacer(1, 8 * mm),
        b.p(one_paragraph(data.addressee), "letter", prefix=text.markup(dear),
            suffix=text.markup(after), limit=300),
        Spacer(1, 1 * mm),
        b.own(opening, "letter"),
    ]
    focus = one_paragraph(walk.focus)
    if focus:
        story.append(b.p(focus, "letter",
                         prefix=text.markup(tr("The question we brought with us was:")) + " ",
                         limit=FOCUS_LIMIT, suffix="" if focus[-1] in ".?!…" else "."))
    if data.noticed:
        story.append(b.p(one_paragraph(data.noticed_heading), "letter", limit=200))
        story += b.bullets([one_paragraph(n) for n in data.noticed], "letter",
                           limit=NOTE_LIMIT)
    if data.wondering:
        story.append(b.p(one_paragraph(data.wondering_heading), "letter", limit=200))
        story.append(Paragraph(text.markup(one_paragraph(data.wondering), NOTE_LIMIT),
                               _wondering_style()))
        story.append(b.own(tr("It is a question we are taking back to our own classrooms."),
                           "letter"))
    # The closing and its signature stay together: a long list of walkers' names moves to
    # the next page whole rather than leave "With thanks," and half the names behind.
    story += [KeepTogether([
                  b.own(tr("Thank you for letting us learn alongside you and your "
                           "students."), "letter"),
                  Spacer(1, 3 * mm),
                  b.p(data.signed, "letter", prefix=text.markup(tr("With thanks,")) + "<br/>",
                      limit=1500)]),
              Spacer(1, 10 * mm),
              b.p(_visit_line(data), "small",
                  prefix=f"<font color='{MUTED_HEX}'>", suffix="</font>", limit=600)]
    setup = PageSetup(paper=paper, report_name=tr(REPORT_NAME), furniture=False,
                      subject=tr("Learning walk thank-you note"))
    return build_pdf(story, setup)


def _visit_line(data: ThanksData) -> str:
    """"Learning walk — student talk · Monday, November 2, 2026 · Visit 2 (Room 7 · …)"."""
    where = f" ({data.visit.details})" if data.visit.details else ""
    return one_paragraph(" · ".join(v for v in (data.walk.title,
                                                fmt.long_date(data.walk.walk_date),
                                                f"{data.visit.label}{where}") if v))
