"""The session agenda: each step with its minutes and clock times, grouped by phase.

Handed out at the start so everyone can see the time boundaries the group agreed to keep.
Without a start time the times are shown from the start ("0:25"), never invented.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from walkapp.reports import blocks as b
from walkapp.reports import text
from walkapp.reports.data import AgendaData, AgendaStep
from walkapp.reports.page import PageSetup, build_pdf, usable_width
from walkapp.reports.paper import Paper
from walkapp.reports.styles import ACCENT, MUTED_HEX, TINT

REPORT_NAME = "Agenda"


def schedule(steps: tuple[AgendaStep, ...]) -> list[tuple[int, int]]:
    """(start, end) minute offsets of each step from the session's start."""
    out, now = [], 0
    for step in steps:
        out.append((now, now + max(0, step.minutes)))
        now += max(0, step.minutes)
    return out


def _at(offset: int, start: time | None) -> str:
    if start is None:
        return f"{offset // 60}:{offset % 60:02d}"
    moment = datetime.combine(datetime(2000, 1, 1).date(), start) + timedelta(minutes=offset)
    return b.clock(moment.time())


def render(data: AgendaData, paper: Paper = Paper.A4) -> bytes:
    width = usable_width(paper)
    times = schedule(data.steps)
    total = times[-1][1] if times else 0
    extra = [("Starts", b.clock(data.start) if data.start else ""),
             ("Length", b.minutes_text(total * 60) +
              (f", ending at {_at(total, data.start)}" if data.start else ""))]
    story: list[Flowable] = b.title_block(REPORT_NAME, data.walk, width, extra)
    story += b.section("Running order", _table(data, times, width),
                       "No steps are planned for this session.")
    if data.source:
        story += [Spacer(1, 3 * mm), b.p(data.source, "small")]
    setup = PageSetup(paper=paper, report_name=REPORT_NAME,
                      header_right=f"{data.walk.title} · {b.long_date(data.walk.walk_date)}",
                      subject="Learning walk agenda")
    return build_pdf(story, setup)


def _table(data: AgendaData, times: list[tuple[int, int]], width: float) -> list[Flowable]:
    if not data.steps:
        return []
    head = "Time" if data.start else "From start"
    rows: list[list[Flowable | str]] = []
    phase_rows: list[int] = []
    current = None
    for step, (begin, end) in zip(data.steps, times, strict=True):
        if step.phase != current:
            current = step.phase
            phase_rows.append(len(rows) + 1)  # +1: the header row
            phase_minutes = sum(s.minutes for s in data.steps if s.phase == step.phase)
            rows.append([b.own(f"<b>{text.markup(step.phase)}</b> "
                               f"<font color='{MUTED_HEX}'>· {phase_minutes} min</font>", "cell"),
                         "", ""])
        what: list[Flowable] = [b.cell(step.title)]
        if step.detail:
            what.append(b.cell(step.detail, "small"))
        rows.append([f"{_at(begin, data.start)}–{_at(end, data.start)}", what,
                     b.cell(f"{step.minutes} min", "cell_right")])
    table = b.table([head, "Step", "Minutes"], rows,
                    [30 * mm, width - 30 * mm - 22 * mm, 22 * mm], zebra=False)
    for row in phase_rows:
        table.setStyle([("SPAN", (0, row), (-1, row)), ("BACKGROUND", (0, row), (-1, row), TINT),
                        ("LINEABOVE", (0, row), (-1, row), 0.8, ACCENT)])
    return [table]
