"""The session agenda: each step with its minutes and clock times, grouped by phase.

Handed out at the start so everyone can see the time boundaries the group agreed to keep.
Without a start time the times are shown from the start ("0:25"), never invented.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from walkapp import formatting as fmt
from walkapp.reports import blocks as b
from walkapp.reports import text
from walkapp.reports.data import AgendaData, AgendaStep
from walkapp.reports.page import PageSetup, build_pdf, usable_width
from walkapp.reports.paper import Paper
from walkapp.reports.styles import MUTED_HEX

REPORT_NAME = "Agenda"
KEEP_ROWS = 12  # a phase with up to this many steps is kept on one page


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
    story += b.section("Running order", _table(data, times, width),
                       "No steps are planned for this session.")
    if data.source:
        story += [Spacer(1, 3 * mm), b.p(data.source, "small")]
    if data.norms:
        story += b.section("Our norms", b.bullets(data.norms))
    setup = PageSetup(paper=paper, report_name=REPORT_NAME,
                      header_right=f"{data.walk.title} · {fmt.long_date(data.walk.walk_date)}",
                      subject="Learning walk agenda")
    return build_pdf(story, setup)


def _table(data: AgendaData, times: list[tuple[int, int]], width: float) -> list[Flowable]:
    """One table per phase, each under its own heading; short phases stay on one page."""
    head = "Time" if data.start else "From start"
    phases: list[tuple[str, list[tuple[AgendaStep, tuple[int, int]]]]] = []
    for step, span in zip(data.steps, times, strict=True):
        if not phases or phases[-1][0] != step.phase:
            phases.append((step.phase, []))
        phases[-1][1].append((step, span))
    out: list[Flowable] = []
    for phase, steps in phases:
        minutes = sum(s.minutes for s, _ in steps)
        length = fmt.duration(minutes * 60)
        title = b.own(f"{text.markup(phase)} <font color='{MUTED_HEX}'>· {length}</font>", "h2")
        rows: list[list[Flowable | list[Flowable] | str]] = []
        for step, (begin, end) in steps:
            what: list[Flowable]
            if step.compact:
                extra = (f" <font color='{MUTED_HEX}'>· {text.markup(step.detail)}</font>"
                         if step.detail else "")
                what = [b.own(text.markup(step.title) + extra, "cell")]
            else:
                what = [b.cell(step.title)]
                if step.detail:
                    what.append(b.cell(step.detail, "small"))
            rows.append([_span(begin, end, data.start), what,
                         b.cell(fmt.duration(step.minutes * 60), "cell_right")])
        table = b.table([head, "Step", "Minutes"], rows,
                        [30 * mm, width - 30 * mm - 22 * mm, 22 * mm], zebra=False)
        if len(rows) <= KEEP_ROWS:
            out.append(b.keep(title, table))
        else:
            out += [CondPageBreak(40 * mm), title, table]
    return out
