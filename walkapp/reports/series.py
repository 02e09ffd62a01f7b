"""The walk-series report: what the walkers learned and will try, walk by walk, then the
school-level picture across the series — look-for evidence, the group's ratings and
follow-through. No visit, teacher, room, grade, subject or walker's name is in it."""

from __future__ import annotations

from reportlab.platypus import Flowable

from walkapp.formatting import N_, tr
from walkapp.reports import blocks as b
from walkapp.reports import series_blocks as sb
from walkapp.reports.page import PageSetup, build_pdf, part, usable_width
from walkapp.reports.paper import Paper
from walkapp.reports.series_data import SeriesReportData, SeriesWalkLead

REPORT_NAME = N_("Walk-series report")  # translated where drawn


def render(data: SeriesReportData, paper: Paper = Paper.A4) -> bytes:
    width = usable_width(paper)
    trends = data.trends
    story: list[Flowable] = [
        b.p(tr("{report}: {series}").format(report=tr(REPORT_NAME), series=data.name),
            "title", limit=400),
        b.p(data.scope, "subtitle"),
    ]
    story += b.section(tr("What the walkers learned and will try"),
                       [f for lead in data.walks for f in _lead(lead)],
                       N_("Nothing recorded yet."))
    story.append(part(b.heading(tr("Across the series"), 1)))
    story += sb.walks_table(trends, width)
    story += b.section(tr("Look-for evidence"), sb.look_for_blocks(trends, width),
                       N_("The walks of this series have no look-fors."))
    story += b.section(tr("Follow-through"), sb.follow_through_blocks(trends, width),
                       N_("No commitments or action items recorded in this series."))
    ratings = sb.ratings_blocks(trends, width)
    if ratings:
        story += b.section(tr("The group's ratings"), ratings)
    setup = PageSetup(paper=paper, report_name=tr(REPORT_NAME), header_right=data.name,
                      subject=tr("Learning walk series report"))
    return build_pdf(story, setup)


def _lead(lead: SeriesWalkLead) -> list[Flowable]:
    head: list[Flowable] = [b.heading(lead.label, 2)]
    if lead.focus:
        head.append(b.p(lead.focus, "small", prefix="<b>" + tr("Focus:") + "</b> ",
                        limit=1500))
    body: list[Flowable] = []
    for group in lead.patterns:
        body.append(b.heading(group.label, 3))
        body += b.bullets(group.statements)
    if lead.commitments:
        body.append(b.heading(lead.commitments_heading, 3))
        body += b.bullets(lead.commitments)
    if lead.next_steps:
        body.append(b.heading(tr("Next steps"), 3))
        body += b.bullets(lead.next_steps)
    if not body:
        body.append(b.own(tr("No patterns, commitments or next steps recorded for this "
                             "walk."), "muted"))
    return [b.keep(*head, body[0]), *body[1:]]
