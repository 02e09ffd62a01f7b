"""The session agenda: each step with its minutes and clock times, grouped by phase, with
the step's script and prompts under it; who does what (the protocol's roles) and where the
protocol comes from (its source).

Handed out at the start so everyone can see the time boundaries the group agreed to keep.
Without a start time the times are shown from the start ("0:25"), never invented.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Table, TableStyle

from walkapp import formatting as fmt
from walkapp.reports import blocks as b
from walkapp.reports import protocol_blocks as pb
from walkapp.reports import text
from walkapp.reports.data import AgendaData, AgendaStep
from walkapp.reports.page import PageSetup, build_pdf, usable_width
from walkapp.reports.paper import Paper
from walkapp.reports.styles import MUTED_HEX, RULE, TABLE_FONT, table_style

REPORT_NAME = "Agenda"
TIME_COLUMN = 34 * mm
CELL_PADDING = 5  # table_style's left padding: the words line up with the step's title
MINUTES_COLUMN = 22 * mm


def schedule(steps: tuple[AgendaStep, ...]) -> list[tuple[int, int]]:
    """(start, end) minute offsets of each step from the session's start."""
    out, now = [], 0
    for step in steps:
        out.append((now, now + max(0, step.minutes)))
        now += max(0, step.minutes)
    return out


def _moment(offset: int, start: time) -> time:
    return (datetime.combine(datetime(2000, 1, 1).date(), start)
            + timedelta(minutes=offset)).time()


def _at(offset: int, start: time | None) -> str:
    if start is None:  # minutes from the start, "0:25": not a clock time, so not localised
        return f"{offset // 60}:{offset % 60:02d}"
    return fmt.clock(_moment(offset, start))


def _span(begin: int, end: int, start: time | None) -> str:
    if start is None:
        return f"{_at(begin, None)}–{_at(end, None)}"
    return fmt.clock_span(_moment(begin, start), _moment(end, start))


def render(data: AgendaData, paper: Paper = Paper.A4) -> bytes:
    width = usable_width(paper)
    times = schedule(data.steps)
    total = times[-1][1] if times else 0
    extra = [("Starts", fmt.clock(data.start) if data.start else ""),
             ("Length", fmt.duration(total * 60) +
              (f", ending at {_at(total, data.start)}" if data.start else ""))]
    story: list[Flowable] = b.title_block(REPORT_NAME, data.walk, width, extra)
    if data.roles:
        story += b.section("Who does what", pb.roles(data.roles))
    story += b.section("Running order", _running_order(data, times, width),
                       "No steps are planned for this session.")
    if data.norms:
        story += b.section("Our norms", b.bullets(data.norms))
    sourced = pb.source(data.source, data.origin)
    if sourced:
        story += b.section("Source", sourced)
    setup = PageSetup(paper=paper, report_name=REPORT_NAME,
                      header_right=f"{data.walk.title} · {fmt.long_date(data.walk.walk_date)}",
                      subject="Learning walk agenda")
    return build_pdf(story, setup)


def _running_order(data: AgendaData, times: list[tuple[int, int]], width: float
                   ) -> list[Flowable]:
    """Per phase: its heading and summary, then each step as a line (time, title, minutes)
    with the step's script and prompts flowing under it. The words are paragraphs, not
    table cells, so a long script runs on to the next page instead of failing."""
    head = "Time" if data.start else "From start"
    spans = iter(times)
    out: list[Flowable] = []
    for phase in data.phases:
        minutes = sum(s.minutes for s in phase.steps)
        length = fmt.duration(minutes * 60)
        title = b.own(f"{text.markup(phase.title)} "
                      f"<font color='{MUTED_HEX}'>· {length}</font>", "h2")
        columns = _line(width, [b.own(text.markup(h), "cell_head")
                                for h in (head, "Step", "Minutes")], header=True)
        for index, step in enumerate(phase.steps):
            begin, end = next(spans)
            block = _step(data, step, begin, end, width)
            if index:
                out += block
                continue
            # The phase's heading, summary and column heads travel with its first step.
            out += [CondPageBreak(40 * mm),
                    b.keep(title, *pb.paragraphs(phase.summary, "small"), columns, block[0]),
                    *block[1:]]
    return out


def _step(data: AgendaData, step: AgendaStep, begin: int, end: int, width: float
          ) -> list[Flowable]:
    what: list[Flowable] = [b.cell(step.title)]
    if step.detail:
        what.append(b.cell(step.detail, "small"))
    row = _line(width, [b.cell(_span(begin, end, data.start)), what,
                        b.cell(fmt.duration(step.minutes * 60), "cell_right")])
    indent = TIME_COLUMN + CELL_PADDING
    words = [*pb.paragraphs(step.script, "small", indent),
             *pb.prompts(step.prompts, "small", indent)]
    if step.route:
        words.append(_route(data, step.route, begin, width))
    # The line travels with the first of its words, so a step never ends a page alone.
    return [b.keep(row, *words[:1]), *words[1:]] if words else [row]


def _line(width: float, cells: list[Flowable | list[Flowable]], *, header: bool = False
          ) -> Table:
    out = Table([cells], colWidths=[TIME_COLUMN, width - TIME_COLUMN - MINUTES_COLUMN,
                                    MINUTES_COLUMN], hAlign="LEFT", splitInRow=b.ROW_SPLIT)
    if header:
        out.setStyle(table_style(header=True, zebra=False))
        return out
    # A rule above each step, none below: the step's words under it read as its own.
    out.setStyle(TableStyle([*TABLE_FONT, ("VALIGN", (0, 0), (-1, -1), "TOP"),
                             ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                             ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                             ("TOPPADDING", (0, 0), (-1, -1), 4),
                             ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                             ("LINEABOVE", (0, 0), (-1, 0), 0.4, RULE)]))
    return out


def _route(data: AgendaData, route: tuple[AgendaStep, ...], begin: int, width: float
           ) -> Table:
    """The visits and corridor talk, one compact line each, timed from the step's start."""
    rows: list[list[Flowable | list[Flowable] | str]] = []
    for step, (first, last) in zip(route, schedule(route), strict=True):
        extra = (f" <font color='{MUTED_HEX}'>· {text.markup(step.detail)}</font>"
                 if step.detail else "")
        rows.append([b.cell(_span(begin + first, begin + last, data.start)),
                     b.own(text.markup(step.title) + extra, "cell"),
                     b.cell(fmt.duration(step.minutes * 60), "cell_right")])
    out = Table(rows, colWidths=[TIME_COLUMN, width - TIME_COLUMN - MINUTES_COLUMN,
                                 MINUTES_COLUMN], hAlign="LEFT", splitByRow=1,
                splitInRow=b.ROW_SPLIT)
    out.setStyle(table_style(header=False, zebra=False))
    return out
