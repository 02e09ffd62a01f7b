"""The portfolio as one PDF: a cover (the period, the school, the sessions, what is in it),
then each session — its agenda, its walkers' reflections, its feedback summaries and its
debrief — then the protocols in use (each once) and the communication-log entries chosen.

Nothing is drawn twice: the agenda, debrief and facilitator's script are their own
renderers' stories (`agenda.story`, `debrief.story`, `script.story`), laid out one after
another in this one document, each in its walk's language; the feedback summaries are the
debrief's own blocks. Only the cover, the reflections and the log are this module's.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from walkapp import formatting as fmt
from walkapp.formatting import N_, tr
from walkapp.reports import agenda, debrief, script
from walkapp.reports import blocks as b
from walkapp.reports.build_portfolio import (
    ARTIFACT_LABELS,
    Artifact,
    LogItem,
    PortfolioData,
    ReflectionItem,
    Session,
    period_text,
)
from walkapp.reports.page import PageSetup, build_pdf, part, usable_width
from walkapp.reports.paper import Paper

REPORT_NAME = N_("Portfolio")  # translated where drawn


def render(data: PortfolioData, paper: Paper = Paper.A4) -> bytes:
    width = usable_width(paper)
    story: list[Flowable] = _cover(data, width)
    for session in data.sessions:
        story += [PageBreak(), *_session(data, session, paper, width)]
    if data.has(Artifact.PROTOCOLS) and data.protocols:
        story += [PageBreak(), part(b.heading(tr("Protocols in use"), 1))]
        for number, used in enumerate(data.protocols):
            numbers = ", ".join(fmt.number(n) for n in used.sessions)
            with fmt.language(used.language):
                flow, _ = script.story(used.script, paper)
            story += ([PageBreak()] if number else []) + [
                b.p(tr("Used in sessions {numbers}").format(numbers=numbers), "small"),
                *flow]
    if data.has(Artifact.LOG):
        story += [PageBreak(), part(b.heading(tr("Communication log"), 1)),
                  *_log(data.log, data.request.anonymise_log, width)]
    setup = PageSetup(paper=paper, report_name=tr(REPORT_NAME),
                      header_right=period_text(data.request.start, data.request.end),
                      subject=tr("Learning walks portfolio"),
                      footer_left=tr("A facilitator's portfolio · about the walkers' "
                                     "learning, not an evaluation"))
    return build_pdf(story, setup)


def _cover(data: PortfolioData, width: float) -> list[Flowable]:
    request = data.request
    out: list[Flowable] = [
        b.p(tr("Portfolio of learning walks"), "title"),
        b.p(period_text(request.start, request.end), "subtitle"),
    ]
    pairs = [(tr("School"), ", ".join(data.schools)),
             (tr("Sessions"), fmt.plural(len(data.sessions), "session", "sessions")),
             (tr("In this portfolio"), ", ".join(tr(ARTIFACT_LABELS[a]) for a in Artifact
                                                 if data.has(a)))]
    out += [b.facts(pairs, width), Spacer(1, 3 * mm)]
    rows = [[fmt.number(s.number), fmt.short_date(s.walk.walk_date), s.walk.title,
             s.protocol_title] for s in data.sessions]
    date_width = b.column_width([r[1] for r in rows] + [tr("Date")], 22 * mm)
    widths = [12 * mm, date_width, (width - 12 * mm - date_width) * 0.6,
              (width - 12 * mm - date_width) * 0.4]
    out += b.section(tr("The sessions"), [b.table(
        ["#", tr("Date"), tr("Walk"), tr("Protocol")], rows, widths,
        fields=(None, None, tr("the walk's title"), tr("the protocol")))] if rows else [],
        N_("No walks in this period."))
    out += b.section(tr("About what is shown"), [b.p(line, "small") for line in _privacy(data)])
    return out


def _privacy(data: PortfolioData) -> list[str]:
    lines = [tr("Visits are numbered: teachers observed are named, and rooms shown, only "
                "where the walk's own privacy settings allow it.")]
    if data.has(Artifact.REFLECTIONS):
        lines.append(tr("Reflections carry a walker's name only where the walker agreed; "
                        "the others are signed “Walker A”, “Walker B”…, and names in "
                        "them are replaced."))
    if data.has(Artifact.LOG):
        lines.append(tr("The communication log's entries were chosen by the facilitator; "
                        "names in them are replaced with “[a teacher]”.")
                     if data.request.anonymise_log else
                     tr("The communication log's entries were chosen by the facilitator "
                        "and are printed as written, names included."))
    return lines


def _session(data: PortfolioData, session: Session, paper: Paper, width: float
             ) -> list[Flowable]:
    walk = session.walk
    title = tr("Session {number}: {title}").format(number=fmt.number(session.number),
                                                  title=walk.title)
    out: list[Flowable] = [part(b.heading(title, 1)), b.p(" · ".join(
        v for v in (fmt.long_date(walk.walk_date), walk.school or "",
                    session.protocol_title) if v), "subtitle")]
    with fmt.language(session.language):
        if session.agenda is not None:
            flow, _ = agenda.story(session.agenda, paper)
            out += flow
        if data.has(Artifact.REFLECTIONS):
            out += b.section(tr("Walkers' reflections"), _reflections(session.reflections),
                             N_("No reflections were written at this walk."))
        if data.has(Artifact.FEEDBACK):
            out += b.section(tr("Feedback summary"),
                             debrief.feedback_blocks(session.feedback, width),
                             N_("No feedback was given at this walk."))
        if session.debrief is not None:
            flow, _ = debrief.story(session.debrief, paper)
            out += [PageBreak(), *flow]
    return out


def _reflections(items: tuple[ReflectionItem, ...]) -> list[Flowable]:
    out: list[Flowable] = []
    for item in items:
        out.append(b.p(item.writer, "h3"))
        if item.prompt.strip():
            out.append(b.p(item.prompt, "small"))
        out.append(b.p(item.text, "body"))
    return out


def _log(items: tuple[LogItem, ...], anonymised: bool, width: float) -> list[Flowable]:
    rows = [[fmt.short_date(i.entry_date), i.kind, i.with_whom,
             i.text + (f" ({i.walk_title})" if i.walk_title else "")] for i in items]
    date_width = b.column_width([r[0] for r in rows] + [tr("Date")], 22 * mm)
    kind_width = b.column_width([r[1] for r in rows] + [tr("Kind")], 18 * mm)
    rest = width - date_width - kind_width
    note = tr("Names are replaced with “[a teacher]”.") if anonymised else \
        tr("Printed as written, names included.")
    return [b.p(note, "small"), b.table(
        [tr("Date"), tr("Kind"), tr("With whom"), tr("What was said or agreed")], rows,
        [date_width, kind_width, rest * 0.25, rest * 0.75],
        fields=(None, None, tr("with whom"), tr("the log entry")))]
