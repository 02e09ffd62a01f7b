"""Ratings on the page: each statement or question a row, each point of its own scale a
column (how many chose it), "not applicable" a column of its own, and the average of the
points chosen — "not applicable" is never in it. The points' words print once, as a key
above the table. Group figures only: nobody's own rating is on the page.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from walkapp import formatting as fmt
from walkapp.protocol.ratings import RatingSpread
from walkapp.reports import blocks as b
from walkapp.reports.data import StepRatings

NOT_APPLICABLE_HEAD = "N/A"
_POINT_WIDTH = 9 * mm
_AVERAGE_WIDTH = 18 * mm


def _scale_of(figures: RatingSpread) -> tuple[tuple[int, str], ...]:
    return tuple((p.point, p.label) for p in figures.points)


def spread_tables(rows: Sequence[tuple[str, RatingSpread]], width: float, *,
                  row_head: str = "Statement") -> list[Flowable]:
    """`rows` (text, spread) as tables: one per run of rows on the same scale (a step's
    statements usually share theirs), each followed by its key."""
    out: list[Flowable] = []
    run: list[tuple[str, RatingSpread]] = []
    for row in rows:
        if run and (_scale_of(run[0][1]) != _scale_of(row[1])
                    or run[0][1].offers_not_applicable != row[1].offers_not_applicable):
            out += _table(run, width, row_head)
            run = []
        run.append(row)
    if run:
        out += _table(run, width, row_head)
    return out


def _table(rows: Sequence[tuple[str, RatingSpread]], width: float, row_head: str
           ) -> list[Flowable]:
    first = rows[0][1]
    apart = first.offers_not_applicable or any(f.not_applicable for _, f in rows)
    header = [row_head, *(fmt.number(p.point) for p in first.points)]
    widths = [_POINT_WIDTH] * len(first.points)
    if apart:
        header.append(NOT_APPLICABLE_HEAD)
        widths.append(_POINT_WIDTH + 2 * mm)
    header.append("Average")
    widths.append(_AVERAGE_WIDTH)
    widths.insert(0, width - sum(widths))
    body: list[list[Flowable | str]] = []
    for text_, figures in rows:
        line: list[Flowable | str] = [b.cell(text_, field="the statement")]
        line += [fmt.number(p.count) if p.count else "·" for p in figures.points]
        if apart:
            line.append(fmt.number(figures.not_applicable) if figures.not_applicable else "·")
        mean = figures.mean
        line.append(fmt.number(mean, 1) if mean is not None else "—")
        body.append(line)
    # The key first, kept with the table: a reader meets the points' words before the
    # counts, and a page break never leaves a table without them.
    return [b.keep(b.p(_key(first, apart), "small"), Spacer(1, 1.5 * mm),
                   b.table(header, body, widths)), Spacer(1, 3 * mm)]


def _key(figures: RatingSpread, apart: bool) -> str:
    """What the columns mean: the points' words (those the scale has), N/A, the average."""
    words = [f"{fmt.number(p.point)} = {p.label}" for p in figures.points if p.label]
    line = f"How many chose each point of the scale from 1 to {fmt.number(figures.top)}"
    if words:
        line += " (" + "; ".join(words) + ")"
    line += "."
    if apart:
        line += f" {NOT_APPLICABLE_HEAD}: how many chose “not applicable”, which is not in " \
                "the average."
    return line


def earlier_table(step: StepRatings, width: float) -> list[Flowable]:
    """Each statement's average on the earlier walks of the series and on this one, a
    column a walk, oldest first ("not applicable" counted beside it, never in it)."""
    walks = [fmt.short_date(e.walk_date) for e in step.earlier] + ["This walk"]
    column = min(28 * mm, (width * 0.55) / len(walks))
    widths = [width - column * len(walks), *([column] * len(walks))]
    body: list[list[Flowable | str]] = []
    for prompt, figures in step.prompts:
        line: list[Flowable | str] = [b.cell(prompt.text, field="the statement")]
        for earlier in step.earlier:
            then = earlier.of(prompt.key)
            line.append(_mean(then.mean, then.top, then.not_applicable) if then else "—")
        line.append(_mean(figures.mean, figures.top, figures.not_applicable))
        body.append(line)
    key = b.p("The average of the points chosen on each walk, out of its scale's top point; "
              "“not applicable” is counted beside it, never in it. Group figures only.",
              "small")
    return [b.keep(key, Spacer(1, 1.5 * mm), b.table(["Statement", *walks], body, widths)),
            Spacer(1, 3 * mm)]


def _mean(mean: float | None, top: int, not_applicable: int) -> str:
    text_ = f"{fmt.number(mean, 1)} of {fmt.number(top)}" if mean is not None else "—"
    return text_ + (f" (N/A {fmt.number(not_applicable)})" if not_applicable else "")
