"""A blank note-catcher to print for walkers without a laptop.

Page one carries the focus, the norms, the stems and a look-for tick grid (one column per
visit); then one ruled block per visit with room under each stem. Blocks never split across
a page, so a walker does not turn the page in the middle of a classroom.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from walkapp import formatting as fmt
from walkapp.reports import blocks as b
from walkapp.reports import text
from walkapp.reports.data import NoteCatcherData, VisitLine
from walkapp.reports.page import PageSetup, build_pdf, usable_width
from walkapp.reports.paper import Paper
from walkapp.reports.styles import ACCENT, MUTED_HEX, RULE, TABLE_FONT, TINT, table_style

REPORT_NAME = "Note-catcher"
GRID_COLUMNS = 10   # visits per tick-grid table before it wraps into another
LINE_HEIGHT = 7.5 * mm
# Lines to write on under each stem; the first stem (I noticed) gets the most room.
# Sized so that two visit blocks fit on a page of A4 or Letter.
_LINES = (5, 3, 2, 1)
LABEL_HEIGHT = 15


def render(data: NoteCatcherData, paper: Paper = Paper.A4) -> bytes:
    width = usable_width(paper)
    visits = (f"{fmt.number(len(data.visits))} × {fmt.duration(data.visit_minutes * 60)}"
              if data.visits else "")
    story: list[Flowable] = b.title_block(REPORT_NAME, data.walk, width, [("Visits", visits)])
    story.append(_name_line(width))
    story += b.section("Norms", b.bullets(data.norms), "No norms recorded yet.")
    story += b.section("Stems", [_stems(data)])
    story += b.section("Look-fors: tick what you see", _grids(data, width),
                       "No look-fors chosen: write what you notice.")
    for visit in data.visits or (VisitLine(0),):
        story.append(_visit_block(data, visit, width))
    setup = PageSetup(paper=paper, report_name=REPORT_NAME,
                      header_right=f"{data.walk.title} · {fmt.long_date(data.walk.walk_date)}",
                      subject="Learning walk note-catcher",
                      footer_left="Describe what you see and hear; keep students' names out "
                                  "of your notes")
    return build_pdf(story, setup)


def _name_line(width: float) -> Table:
    out = Table([[b.own("Your name", "label"), ""]], colWidths=[32 * mm, width - 32 * mm],
                rowHeights=[LINE_HEIGHT], hAlign="LEFT")
    out.setStyle([*TABLE_FONT, ("LINEBELOW", (1, 0), (1, 0), 0.6, RULE),
                  ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 5)])
    return out


def _stems(data: NoteCatcherData) -> Flowable:
    """The stems on one line: "I noticed… · I wonder… · …" (label shown only when the
    prompt does not already say it, e.g. "Evidence: I saw / I heard…")."""
    parts = []
    for label, prompt in data.stems:
        same = label.rstrip("…. ").casefold() in prompt.casefold()
        parts.append(text.markup(prompt) if same or not label
                     else f"<b>{text.markup(label)}:</b> {text.markup(prompt)}")
    guide = ("Start each note with a stem. Write what you see and hear — words, actions, "
             "numbers, times — before what you think about it.")
    return b.keep(b.own(f" <font color='{MUTED_HEX}'>·</font> ".join(parts), "h2"),
                  b.own(text.markup(guide), "small"))


def _grids(data: NoteCatcherData, width: float) -> list[Flowable]:
    if not data.look_fors:
        return []
    visits = [v.number for v in data.visits] or [0]
    out: list[Flowable] = []
    for start in range(0, len(visits), GRID_COLUMNS):
        chunk = visits[start:start + GRID_COLUMNS]
        box = min(14 * mm, (width * 0.55) / len(chunk))
        first = width - box * len(chunk)
        head = [b.own("Look-for", "cell_head")] + [
            b.own(f"V{n}" if n else "Visit", "cell_head") for n in chunk]
        rows = [[b.cell(lf)] + ["" for _ in chunk] for lf in data.look_fors]
        grid = Table([head, *rows], colWidths=[first] + [box] * len(chunk), repeatRows=1,
                     hAlign="LEFT")
        style = table_style(header=True, zebra=False)
        style.add("GRID", (1, 0), (-1, -1), 0.5, RULE)
        grid.setStyle(style)
        out += [grid, Spacer(1, 3 * mm)]
    return out


def _visit_block(data: NoteCatcherData, visit: VisitLine, width: float) -> Flowable:
    title = visit.label if visit.number else "Visit ____"
    heading_text = f"<b>{text.markup(title)}</b>"
    if visit.details:
        heading_text += f"  <font color='{MUTED_HEX}'>{text.markup(visit.details)}</font>"
    rows: list[list[object]] = [[b.own(heading_text, "h2"), b.own("Time in: ______", "small")]]
    styles: list[tuple[Any, ...]] = [
        *TABLE_FONT, ("BACKGROUND", (0, 0), (-1, 0), TINT),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6), ("BOX", (0, 0), (-1, -1), 0.6, RULE)]
    heights: list[float | None] = [None]
    for index, (_label, prompt) in enumerate(data.stems):
        rows.append([b.cell(prompt, "label"), ""])
        here = len(rows) - 1
        styles += [("SPAN", (0, here), (-1, here)), ("TOPPADDING", (0, here), (-1, here), 5),
                   ("BOTTOMPADDING", (0, here), (-1, here), 0)]
        heights.append(LABEL_HEIGHT)
        for _ in range(_LINES[min(index, len(_LINES) - 1)]):
            rows.append(["", ""])
            styles += [("SPAN", (0, len(rows) - 1), (-1, len(rows) - 1)),
                       ("LINEBELOW", (0, len(rows) - 1), (-1, len(rows) - 1), 0.4, RULE)]
            heights.append(LINE_HEIGHT)
    block = Table(rows, colWidths=[width - 34 * mm, 34 * mm], rowHeights=heights,
                  hAlign="LEFT")
    block.setStyle(styles)
    return KeepTogether([Spacer(1, 5 * mm), block])
