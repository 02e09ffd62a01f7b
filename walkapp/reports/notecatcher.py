"""A blank note-catcher to print for walkers without a laptop.

Page one carries the focus, the norms, the protocol's stems and a look-for tick grid (one
column per visit); then, in the order of the protocol's observation phase, one ruled block
per visit with room under each stem, and one block per other observation step (its prompts,
with boxes to tick or lines to write on, then the stems). A protocol without a visits step
gets no visit blocks at all. Blocks do not split across a page when they fit on one, so a
walker does not turn the page in the middle of a classroom.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from walkapp import formatting as fmt
from walkapp.formatting import N_, tr
from walkapp.protocol.schema import LookForItem, Prompt, PromptKind
from walkapp.reports import blocks as b
from walkapp.reports import protocol_blocks as pb
from walkapp.reports import text
from walkapp.reports.data import CatcherStep, NoteCatcherData, VisitLine
from walkapp.reports.page import PageSetup, build_pdf, usable_width
from walkapp.reports.paper import Paper
from walkapp.reports.styles import ACCENT, MUTED_HEX, RULE, TABLE_FONT, TINT, styles, table_style

REPORT_NAME = N_("Note-catcher")  # translated where drawn
TICK_PADDING = 2    # points each side of a tick box's label
GRID_COLUMNS = 12   # visits per tick-grid table before it wraps into another
LINE_HEIGHT = 7.5 * mm
# Lines to write on under each stem; the first stem (I noticed) gets the most room.
# Sized so that two visit blocks fit on a page of A4 or Letter.
_LINES = (5, 3, 2, 1)
LABEL_HEIGHT = 15
SHORT_LABEL = 70  # characters of a stem's prompt that surely fit on one line
_PROMPT_LINES = {PromptKind.TEXT: 2, PromptKind.LIST: 3}


def render(data: NoteCatcherData, paper: Paper = Paper.A4) -> bytes:
    width = usable_width(paper)
    visits = (f"{fmt.number(len(data.visits))} × {fmt.duration(data.visit_minutes * 60)}"
              if data.visits and data.has_visits else "")
    story: list[Flowable] = b.title_block(tr(REPORT_NAME), data.walk, width,
                                          [(tr("Visits"), visits)])
    story.append(_name_line(width))
    story += b.section(tr("Norms"), b.bullets(data.norms), N_("No norms recorded yet."))
    story += b.section(tr("Stems"), [_stems(data)])
    story += b.section(tr("Look-fors: tick what you see"), _grids(data, width),
                       N_("No look-fors chosen: write what you notice."))
    for step in data.observation:
        if step.visits:
            story += [_visit_block(data, visit, width)
                      for visit in data.visits or (VisitLine(0),)]
        else:
            story.append(_step_block(data, step, width))
    setup = PageSetup(paper=paper, report_name=tr(REPORT_NAME),
                      header_right=f"{data.walk.title} · {fmt.long_date(data.walk.walk_date)}",
                      subject=tr("Learning walk note-catcher"),
                      footer_left=tr("Describe what you see and hear; keep students' names "
                                     "out of your notes"))
    return build_pdf(story, setup)


def _name_line(width: float) -> Table:
    out = Table([[b.own(tr("Your name"), "label"), ""]], colWidths=[32 * mm, width - 32 * mm],
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
    guide = tr("Start each note with a stem. Write what you see and hear — words, actions, "
               "numbers, times — before what you think about it.")
    return b.keep(b.own(f" <font color='{MUTED_HEX}'>·</font> ".join(parts), "h2"),
                  b.own(text.markup(guide), "small"))


def _grids(data: NoteCatcherData, width: float) -> list[Flowable]:
    """One column per visit; without a visits step, one column to tick."""
    if not data.look_fors:
        return []
    visits = [v.number for v in data.visits] or [0]
    if not data.has_visits:
        visits = [-1]
    out: list[Flowable] = []
    for start in range(0, len(visits), GRID_COLUMNS):
        chunk = visits[start:start + GRID_COLUMNS]
        # Up to 12 boxes share 60 % of the width; each is at least as wide as its label
        # ("V12") and the tight padding around it, so a label never wraps.
        labels = [tr("V{n}").format(n=n) if n > 0 else (tr("Visit") if n == 0 else tr("Seen"))
                  for n in chunk]
        head_style = styles().cell_head
        widest = max(stringWidth(label, head_style.fontName, head_style.fontSize)
                     for label in labels)
        box = max(widest + 2 * TICK_PADDING + 1,
                  min(14 * mm, (width * 0.6) / len(chunk)))
        first = width - box * len(chunk)
        head = [b.own(tr("Look-for"), "cell_head")] + [
            b.own(text.markup(label), "cell_head") for label in labels]
        rows = [[_look_for(lf)] + ["" for _ in chunk] for lf in data.look_fors]
        # splitInRow: a look-for with a long description continues on the next page.
        grid = Table([head, *rows], colWidths=[first] + [box] * len(chunk), repeatRows=1,
                     hAlign="LEFT", splitByRow=1, splitInRow=b.ROW_SPLIT)
        style = table_style(header=True, zebra=False)
        style.add("GRID", (1, 0), (-1, -1), 0.5, RULE)
        style.add("LEFTPADDING", (1, 0), (-1, -1), TICK_PADDING)
        style.add("RIGHTPADDING", (1, 0), (-1, -1), TICK_PADDING)
        grid.setStyle(style)
        out += [grid, Spacer(1, 3 * mm)]
    return out


def _look_for(item: LookForItem) -> list[Flowable]:
    out: list[Flowable] = [b.cell(item.text)]
    if item.description.strip():
        out.append(b.cell(item.description, "small"))
    return out


def _visit_block(data: NoteCatcherData, visit: VisitLine, width: float) -> Flowable:
    title = visit.label if visit.number else tr("Visit ____")
    heading_text = f"<b>{text.markup(title)}</b>"
    if visit.details:
        heading_text += f"  <font color='{MUTED_HEX}'>{text.markup(visit.details)}</font>"
    return _block(data, heading_text, tr("Time in: ______"), (), width)


def _step_block(data: NoteCatcherData, step: CatcherStep, width: float) -> Flowable:
    """Room for an observation step that is not a classroom visit, under its title: its
    prompts with the shape of their answers, then the stems."""
    minutes = f"{fmt.duration(step.minutes * 60)}" if step.minutes else ""
    return _block(data, f"<b>{text.markup(step.title)}</b>", minutes, step.prompts, width)


def _block(data: NoteCatcherData, heading_text: str, right: str, prompts: tuple[Prompt, ...],
           width: float) -> Flowable:
    rows: list[list[object]] = [[b.own(heading_text, "h2"), b.own(text.markup(right), "small")]]
    styles: list[tuple[Any, ...]] = [
        *TABLE_FONT, ("BACKGROUND", (0, 0), (-1, 0), TINT),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6), ("BOX", (0, 0), (-1, -1), 0.6, RULE)]
    heights: list[float | None] = [None]

    def label(flowable: Flowable) -> None:
        rows.append([flowable, ""])
        here = len(rows) - 1
        styles.extend([("SPAN", (0, here), (-1, here)), ("TOPPADDING", (0, here), (-1, here), 5),
                       ("BOTTOMPADDING", (0, here), (-1, here), 0)])
        heights.append(None)

    def lines(count: int) -> None:
        for _ in range(count):
            rows.append(["", ""])
            styles.extend([("SPAN", (0, len(rows) - 1), (-1, len(rows) - 1)),
                           ("LINEBELOW", (0, len(rows) - 1), (-1, len(rows) - 1), 0.4, RULE)])
            heights.append(LINE_HEIGHT)

    for prompt in prompts:
        label(b.cell(prompt.text, "label"))
        if prompt.kind in (PromptKind.CHOICE, PromptKind.CHECKLIST):
            mark = "○" if prompt.kind is PromptKind.CHOICE else "☐"
            for option in prompt.options:  # one row each, so a long list splits by row
                label(b.own(f"{mark} {text.markup(option, 1000)}", "cell"))
        elif prompt.kind is PromptKind.RATING:
            label(b.own(pb.scale_boxes(prompt), "cell"))
        else:
            lines(_PROMPT_LINES.get(prompt.kind, 2))
    for index, (_label, prompt_text) in enumerate(data.stems):
        label(b.cell(prompt_text, "label"))
        if len(prompt_text) <= SHORT_LABEL:  # a longer prompt wraps: let its row grow
            heights[-1] = LABEL_HEIGHT
        lines(_LINES[min(index, len(_LINES) - 1)])
    block = Table(rows, colWidths=[width - 34 * mm, 34 * mm], rowHeights=heights,
                  hAlign="LEFT", splitByRow=1)
    block.setStyle(styles)
    return KeepTogether([Spacer(1, 5 * mm), block])
