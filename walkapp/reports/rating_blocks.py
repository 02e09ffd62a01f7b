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
from walkapp.formatting import N_, tr
from walkapp.protocol.ratings import RatingSpread
from walkapp.reports import blocks as b
from walkapp.reports.data import StepRatings

NOT_APPLICABLE_HEAD = N_("N/A")  # translated where drawn
_POINT_WIDTH = 9 * mm
_AVERAGE_WIDTH = 18 * mm


def _scale_of(figures: RatingSpread) -> tuple[tuple[int, str], ...]:
    return tuple((p.point, p.label) for p in figures.points)


def spread_tables(rows: Sequence[tuple[str, RatingSpread]], width: float, *,
                  row_head: str | None = None) -> list[Flowable]:
    """`rows` (text, spread) as tables: one per run of rows on the same scale (a step's
    statements usually share theirs), each followed by its key."""
    row_head = tr("Statement") if row_head is None else row_head
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
        header.append(tr(NOT_APPLICABLE_HEAD))
        widths.append(_POINT_WIDTH + 2 * mm)
    header.append(tr("Average"))
    widths.append(_AVERAGE_WIDTH)
    widths.insert(0, width - sum(widths))
    body: list[list[Flowable | str]] = []
    for text_, figures in rows:
        line: list[Flowable | str] = [b.cell(text_, field=tr("the statement"))]
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
    if words:
        line = tr("How many chose each point of the scale from 1 to {top} ({words}).").format(
            top=fmt.number(figures.top), words="; ".join(words))
    else:
        line = tr("How many chose each point of the scale from 1 to {top}.").format(
            top=fmt.number(figures.top))
    if apart:
        line += " " + tr("{na}: how many chose “not applicable”, which is not in the "
                         "average.").format(na=tr(NOT_APPLICABLE_HEAD))
    return line


def earlier_table(step: StepRatings, width: float) -> list[Flowable]:
    """Each statement's average on the earlier walks of the series and on this one, a
    column a walk, oldest first ("not applicable" counted beside it, never in it)."""
    walks = [fmt.short_date(e.walk_date) for e in step.earlier] + [tr("This walk")]
    column = min(28 * mm, (width * 0.55) / len(walks))
    widths = [width - column * len(walks), *([column] * len(walks))]
    body: list[list[Flowable | str]] = []
    for prompt, figures in step.prompts:
        line: list[Flowable | str] = [b.cell(prompt.text, field=tr("the statement"))]
        for earlier in step.earlier:
            then = earlier.of(prompt.key)
            line.append(_mean(then.mean, then.top, then.not_applicable) if then else "—")
        line.append(_mean(figures.mean, figures.top, figures.not_applicable))
        body.append(line)
    key = b.p(tr("The average of the points chosen on each walk, out of its scale's top "
                 "point; “not applicable” is counted beside it, never in it. Group figures "
                 "only."), "small")
    return [b.keep(key, Spacer(1, 1.5 * mm), b.table([tr("Statement"), *walks], body, widths)),
            Spacer(1, 3 * mm)]


def _mean(mean: float | None, top: int, not_applicable: int) -> str:
    text_ = (tr("{mean} of {top}").format(mean=fmt.number(mean, 1), top=fmt.number(top))
             if mean is not None else "—")
    if not not_applicable:
        return text_
    return text_ + " " + tr("({na} {count})").format(na=tr(NOT_APPLICABLE_HEAD),
                                                     count=fmt.number(not_applicable))
