"""The series trends report: look-for evidence, the group's ratings session by session and
follow-through across a walk series — school level, group figures only."""

from __future__ import annotations

from reportlab.platypus import Flowable

from walkapp.formatting import N_, tr
from walkapp.reports import blocks as b
from walkapp.reports import series_blocks as sb
from walkapp.reports.page import PageSetup, build_pdf, usable_width
from walkapp.reports.paper import Paper
from walkapp.reports.series_data import TrendsData

REPORT_NAME = N_("Series trends")  # translated where drawn


def render(data: TrendsData, paper: Paper = Paper.A4) -> bytes:
    width = usable_width(paper)
    trends = data.trends
    story: list[Flowable] = [
        b.p(tr("{report}: {series}").format(report=tr(REPORT_NAME), series=data.name),
            "title", limit=400),
        b.p(data.scope, "subtitle"),
        *sb.walks_table(trends, width),
    ]
    story += b.section(tr("Look-for evidence"), sb.look_for_blocks(trends, width),
                       N_("The walks of this series have no look-fors."))
    story += b.section(tr("The group's ratings"), sb.ratings_blocks(trends, width),
                       N_("No ratings recorded in this series."))
    story += b.section(tr("Follow-through"), sb.follow_through_blocks(trends, width),
                       N_("No commitments or action items recorded in this series."))
    setup = PageSetup(paper=paper, report_name=tr(REPORT_NAME), header_right=data.name,
                      subject=tr("Learning walk series trends"))
    return build_pdf(story, setup)
