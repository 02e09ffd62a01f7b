"""The session agenda, one page for a two-hour session: the running order as one table
(a row per phase with its length and summary, a row per step with its clock times and
minutes, the route one row per visit), then who does what and the norms side by side.

Handed out at the start so everyone can see the time boundaries the group agreed to keep.
What the facilitator says and asks at each step, and the protocol's source, are in the
facilitator's script (walkapp.reports.script); the agenda says so in one line. Without a
start time the times are shown from the start ("0:25"), never invented.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from walkapp import formatting as fmt
from walkapp.formatting import N_, tr
from walkapp.reports import blocks as b
from walkapp.reports import protocol_blocks as pb
from walkapp.reports import text
from walkapp.reports.data import AgendaData, AgendaStep
from walkapp.reports.page import PageSetup, build_pdf, usable_width
from walkapp.reports.paper import Paper
from walkapp.reports.styles import ACCENT, MUTED_HEX, RULE, TABLE_FONT, TINT, styles

REPORT_NAME = N_("Agenda")  # translated where drawn
TIME_COLUMN = 34 * mm
CELL_PADDING = 5  # table_style's left padding: the words line up with the step's title
MINUTES_COLUMN = 26 * mm
SIDE_BY_SIDE_MAX = 90 * mm  # roles and norms taller than this are not set side by side
CELL_WORDS = 600  # characters of one running-order row's words (a row cannot split)


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
    return build_pdf(*story(data, paper))


def story(data: AgendaData, paper: Paper = Paper.A4) -> tuple[list[Flowable], PageSetup]:
    """The agenda's page as a story and its decorations (see walkapp.reports.debrief)."""
    width = usable_width(paper)
    times = schedule(data.steps)
    total = times[-1][1] if times else 0
    # One line for the time: a two-hour session's agenda is one page.
    length = fmt.duration(total * 60)
    when = (tr("Starts {start}, {length}, ending at {end}").format(
        start=fmt.clock(data.start), length=length, end=_at(total, data.start))
        if data.start else length)
    # A phase held on a day of its own is named with its date at the top, and on its row.
    days = [(phase.title, phase.day) for phase in data.phases if phase.day]
    story: list[Flowable] = b.title_block(tr(REPORT_NAME), data.walk, width,
                                          [(tr("Length"), when), *days])[:-1]
    order = _running_order(data, times, width)
    story += [b.keep(b.heading(tr("Running order"), 2), order[0]), *order[1:]] \
        if data.steps else b.section(tr("Running order"), [],
                                     N_("No steps are planned for this session."))
    story += _roles_and_norms(data, width, _credit(data))
    setup = PageSetup(paper=paper, report_name=tr(REPORT_NAME),
                      header_right=f"{data.walk.title} · {fmt.long_date(data.walk.walk_date)}",
                      subject=tr("Learning walk agenda"))
    return story, setup


def _tight_style(*, right: bool = False) -> ParagraphStyle:
    """The running order's type: the table's, a little tighter (a row per step and stop
    must fit a two-hour session on one page)."""
    parent = styles().cell_right if right else styles().cell
    return ParagraphStyle(f"agenda-{parent.name}", parent=parent, leading=11)


def _flat(value: str | None) -> str:
    """User or protocol text for a running-order row: one line of words (blank-line runs
    and line breaks read as spaces), escaped, cut visibly past CELL_WORDS characters."""
    return text.markup(" ".join((value or "").split()), CELL_WORDS)


def _tight(value: str, *, right: bool = False) -> Paragraph:
    return Paragraph(text.markup(value, 600), _tight_style(right=right))


def _running_order(data: AgendaData, times: list[tuple[int, int]], width: float
                   ) -> list[Flowable]:
    """One table for the whole session: a row per phase (its length and summary), a row
    per step (time, title, minutes) and, for the visits step, one compact row per visit
    and corridor talk. What to say at each step is the facilitator's script's, so a
    two-hour session fits one page; the table splits by row when a session is longer."""
    head = tr("Time") if data.start else tr("From start")
    spans = iter(times)
    rows: list[list[Flowable | list[Flowable] | str]] = [
        [b.own(text.markup(h), "cell_head") for h in (head, tr("Step"), tr("Minutes"))]]
    phase_rows: list[int] = []
    for phase in data.phases:
        minutes = sum(s.minutes for s in phase.steps)
        # A table row cannot split across pages: the words in a row are one line of text,
        # cut visibly past CELL_WORDS (the whole summary is in the facilitator's script).
        summary = (f" <font size='8' color='{MUTED_HEX}'>· {_flat(phase.summary)}</font>"
                   if phase.summary.strip() else "")
        phase_rows.append(len(rows))
        day = (f" <b>· {text.markup(phase.day, 200)}</b>" if phase.day else "")
        rows.append([Paragraph(f"<b>{_flat(phase.title)}</b>{day}{summary}", _tight_style()),
                     "",
                     Paragraph(f"<b>{text.markup(fmt.duration(minutes * 60))}</b>",
                               _tight_style(right=True))])
        for step in phase.steps:
            begin, end = next(spans)
            said = step.detail or _corridor_line(step.route)
            detail = (f" <font color='{MUTED_HEX}'>· {_flat(said)}</font>"
                      if said else "")
            rows.append([_tight(_span(begin, end, data.start)),
                         Paragraph(_flat(step.title) + detail, _tight_style()),
                         _tight(fmt.duration(step.minutes * 60), right=True)])
            for stop, (first, last) in zip(step.route, schedule(step.route), strict=True):
                if stop.corridor:
                    continue  # said once on the visits step's line; the times show it
                extra = (f" <font color='{MUTED_HEX}'>· {_flat(stop.detail)}</font>"
                         if stop.detail else "")
                # Indented under the visits step: its route, one line a stop.
                rows.append([_tight(_span(begin + first, begin + last, data.start)),
                             Paragraph("&nbsp;&nbsp;&nbsp;&nbsp;" + _flat(stop.title)
                                       + extra, _tight_style()),
                             _tight(fmt.duration(stop.minutes * 60), right=True)])
    table = Table(rows, colWidths=[TIME_COLUMN, width - TIME_COLUMN - MINUTES_COLUMN,
                                   MINUTES_COLUMN], hAlign="LEFT", repeatRows=1,
                  splitByRow=1)
    commands: list[tuple[Any, ...]] = [
        *TABLE_FONT, ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT), ("BACKGROUND", (0, 0), (-1, 0), TINT)]
    for index in phase_rows:
        # A phase's row spans the time and step columns and opens with a rule.
        commands += [("SPAN", (0, index), (1, index)),
                     ("LINEABOVE", (0, index), (-1, index), 0.6, RULE),
                     ("TOPPADDING", (0, index), (-1, index), 3)]
    table.setStyle(TableStyle(commands))
    return [table]


def _corridor_line(route: tuple[AgendaStep, ...]) -> str:
    """"3 min corridor talk between visits: quiet notes; talk once out of earshot"."""
    corridor = next((stop for stop in route if stop.corridor), None)
    if corridor is None:
        return ""
    # How to use the corridor is the facilitator's script's; here only its length.
    length = fmt.duration(corridor.minutes * 60)
    if route[-1].corridor:
        return tr("Corridor talk of {length} between visits and after the last").format(
            length=length)
    return tr("Corridor talk of {length} between visits").format(length=length)


def _roles_and_norms(data: AgendaData, width: float, credit: Flowable) -> list[Flowable]:
    """Who does what and the norms side by side (each half the width), the credit under
    the roles; or whichever the walk has across the page, then the credit."""
    parts = [(title, body) for title, body in
             ((tr("Who does what"), pb.roles(data.roles, small=True)),
              (tr("Our norms"), b.bullets(data.norms, "small")))
             if body]
    if not parts:
        return [Spacer(1, 2 * mm), credit]
    if len(parts) == 1:
        return [*b.section(*parts[0]), Spacer(1, 2 * mm), credit]
    half = (width - 6 * mm) / 2
    cells = [[b.heading(title, 3), *body] for title, body in parts]
    cells[0] += [Spacer(1, 3 * mm), credit]
    table = Table([cells], colWidths=[half, half], hAlign="LEFT")
    # A table row cannot split across pages: long roles or norms flow one after the
    # other instead, across the page.
    if table.wrap(width, SIDE_BY_SIDE_MAX)[1] > SIDE_BY_SIDE_MAX:
        return [*b.section(*parts[0]), *b.section(*parts[1]), Spacer(1, 2 * mm), credit]
    table.setStyle(TableStyle([*TABLE_FONT, ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (0, 0), 6 * mm),
                               ("RIGHTPADDING", (1, 0), (1, 0), 0)]))
    return [Spacer(1, 2 * mm), table]


def _credit(data: AgendaData) -> Flowable:
    """One small line: which protocol the steps come from (its source, address and notes
    are in the facilitator's script, with what to say and ask at each step)."""
    origin = data.origin or tr("Steps from the walk's protocol.")
    return b.p(origin, "small", limit=600,
               suffix=" " + tr("Its source, and what to say and ask at each step, are in "
                               "the facilitator's script."))
