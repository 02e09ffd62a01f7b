"""The series' trends on the page, shared by the trends report and the walk-series report:
the walks, look-for evidence walk by walk (a small bar in each cell), the group's ratings
session by session (a bar split by the points chosen) and follow-through totals.

Group figures only: a session with too few ratings of a statement prints "Too few answers
to show" — its figures are not in the data at all (walkapp.services.trends). Nothing is
per visit, per teacher or per walker.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from walkapp import formatting as fmt
from walkapp.formatting import N_, tr
from walkapp.reports import blocks as b
from walkapp.reports.fonts import REGULAR
from walkapp.reports.styles import ACCENT, BAR, INK, MUTED
from walkapp.services.trends import (
    MIN_ANSWERS,
    RatingSession,
    SeriesTrends,
    StatementTrend,
    totals,
)

_LIGHT = colors.HexColor("#d3e5e6")  # the scale's first point; its top point is ACCENT


class CountBar(Flowable):
    """A count and a bar as long as its share of the largest count in the table."""

    def __init__(self, count: int | None, top: int, width: float) -> None:
        super().__init__()
        self.count, self.top, self.bar_width = count, max(1, top), width

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return min(self.bar_width, avail_width), 11

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setFont(REGULAR, 8)
        if self.count is None:
            canvas.setFillColor(MUTED)
            canvas.drawString(0, 2, "—")
        else:
            room = max(0.0, self.bar_width - 16)
            length = room * self.count / self.top
            if length:
                canvas.setFillColor(BAR)
                canvas.rect(0, 1, length, 8, stroke=0, fill=1)
            canvas.setFillColor(INK)
            canvas.drawString(length + 2, 2, fmt.number(self.count))
        canvas.restoreState()


def point_colour(point: int, top: int) -> colors.Color:
    """The shade of `point` on a scale of `top` points: light for 1, the accent for top."""
    share = (point - 1) / max(1, top - 1)
    return colors.linearlyInterpolatedColor(_LIGHT, ACCENT, 0, 1, share)


class SpreadBar(Flowable):
    """One session's ratings of a statement: a bar split by point, each part as long as
    its share of the ratings, the count written in it where it fits."""

    def __init__(self, counts: Sequence[int], width: float) -> None:
        super().__init__()
        self.counts, self.bar_width = list(counts), width

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return min(self.bar_width, avail_width), 12

    def draw(self) -> None:
        canvas = self.canv
        total = sum(self.counts)
        if not total:
            return
        canvas.saveState()
        canvas.setFont(REGULAR, 7.5)
        top = len(self.counts)
        x = 0.0
        for point, count in enumerate(self.counts, start=1):
            if not count:
                continue
            length = self.bar_width * count / total
            canvas.setFillColor(point_colour(point, top))
            canvas.setStrokeColor(colors.white)
            canvas.rect(x, 0, length, 11, stroke=1, fill=1)
            if length >= 9:
                dark = (point - 1) / max(1, top - 1) > 0.5
                canvas.setFillColor(colors.white if dark else INK)
                canvas.drawCentredString(x + length / 2, 3, fmt.number(count))
            x += length
        canvas.restoreState()


class ScaleKey(Flowable):
    """The scale's points as the bars shade them: a swatch and its number (and words)."""

    def __init__(self, top: int, labels: Sequence[str], width: float) -> None:
        super().__init__()
        self.top, self.key_width = max(2, top), width
        self.labels = list(labels) + [""] * max(0, top - len(labels))

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return min(self.key_width, avail_width), 14

    def draw(self) -> None:
        from walkapp.reports import glyphs, text

        canvas = self.canv
        canvas.saveState()
        step = self.key_width / self.top
        for point in range(1, self.top + 1):
            x = (point - 1) * step
            canvas.setFillColor(point_colour(point, self.top))
            canvas.rect(x, 2, 12, 9, stroke=0, fill=1)
            canvas.setFillColor(INK)
            words = self.labels[point - 1]
            shown = text.line(fmt.number(point) + (f" {words}" if words else ""), 120)
            glyphs.draw_line(canvas, x + 15, 3,
                             glyphs.fit_line(shown, REGULAR, 7.5, step - 18) or "",
                             REGULAR, 7.5)
        canvas.restoreState()


def walks_table(trends: SeriesTrends, width: float) -> list[Flowable]:
    rows = [[tr("Walk {number}").format(number=fmt.number(w.number)),
             fmt.short_date(w.walk_date), w.title] for w in trends.walks]
    first = b.column_width([str(r[0]) for r in rows] + [tr("Walk")], 18 * mm)
    day = b.column_width([str(r[1]) for r in rows] + [tr("Date")], 22 * mm)
    return [b.table([tr("Walk"), tr("Date"), tr("Title")], rows,
                    [first, day, width - first - day], fields=[None, None, tr("the walk")])]


def _walk_heads(trends: SeriesTrends) -> list[str]:
    return [fmt.number(w.number) for w in trends.walks]


def look_for_blocks(trends: SeriesTrends, width: float) -> list[Flowable]:
    """A row per look-for, a column per walk: notes in the record tagged with it."""
    if not trends.look_fors:
        return []
    walks = len(trends.walks)
    column = max(14 * mm, min(30 * mm, (width * 0.6) / max(1, walks)))
    widths = [width - column * walks, *([column] * walks)]
    top = max([1, *(c or 0 for t in trends.look_fors for c in t.counts)])
    rows: list[list[Flowable | str]] = []
    for trend in trends.look_fors:
        rows.append([b.cell(trend.text, field=tr("the look-for")),
                     *(CountBar(c, top, column - 10) for c in trend.counts)])
    out: list[Flowable] = [b.keep(
        b.p(tr("Notes in the record tagged with each look-for, walk by walk (the walks' "
               "numbers head the columns; “—”: not a look-for of that walk). A note with two "
               "look-fors counts for each."), "small"),
        b.table([tr("Look-for"), *_walk_heads(trends)], rows, widths))]
    held = sum(trends.held_back)
    if held:
        out.append(Spacer(1, 1.5 * mm))
        out.append(b.p(fmt.plural(held, "{n} note held back from the records (flagged or "
                                  "set aside) is not counted.",
                                  "{n} notes held back from the records (flagged or set "
                                  "aside) are not counted."), "small"))
    return out


def _mean(session: RatingSession) -> str:
    if session.mean is None:
        return "—"
    said = tr("{mean} of {top}").format(mean=fmt.number(session.mean, 1),
                                        top=fmt.number(session.top))
    if session.not_applicable:
        said += " " + tr("({na} {count})").format(na=tr(N_("N/A")),
                                                 count=fmt.number(session.not_applicable))
    return said


def _statement(statement: StatementTrend, trends: SeriesTrends, width: float
               ) -> list[Flowable]:
    label_width = b.column_width([tr("Walk {number}").format(number=fmt.number(w.number))
                                  + " · " + fmt.short_date(w.walk_date)
                                  for w in trends.walks], 30 * mm)
    average = 30 * mm
    bar = width - label_width - average
    rows: list[list[Flowable | str]] = []
    for walk, session in zip(trends.walks, statement.sessions, strict=True):
        if session is None:
            continue
        label = tr("Walk {number}").format(number=fmt.number(walk.number)) + " · " + \
            fmt.short_date(walk.walk_date)
        if session.shown and session.distribution is not None:
            rows.append([label, SpreadBar(session.distribution, bar - 10), _mean(session)])
        else:
            rows.append([label, b.cell(too_few(session.rated), "muted"), "—"])
    return [b.keep(b.p(statement.text, "h3", limit=1500),
                   b.table([tr("Session"), tr("How the group rated it"), tr("Average")],
                           rows, [label_width, bar, average], zebra=False)),
            Spacer(1, 2 * mm)]


def too_few(rated: int) -> str:
    """"Too few answers to show (2 of at least 3)": said in place of a session's spread."""
    return tr("Too few answers to show ({count} of at least {least})").format(
        count=fmt.number(rated), least=fmt.number(MIN_ANSWERS))


def ratings_blocks(trends: SeriesTrends, width: float) -> list[Flowable]:
    """Each statement, session by session: the group's spread over its scale."""
    if not trends.statements:
        return []
    labels = next((s.labels for t in trends.statements for s in t.sessions
                   if s is not None and s.shown and any(s.labels)), ())
    top = next((s.top for t in trends.statements for s in t.sessions if s is not None), 5)
    key = tr("Each bar is one session's ratings, split by the points chosen: the lightest "
             "part is 1, the darkest {top}. The count of each point is written in its "
             "part; “not applicable” is counted beside the average, never in it. A session "
             "with fewer than {least} ratings of a statement shows none of them, so that "
             "nobody's own rating can be read off.").format(
        top=fmt.number(top), least=fmt.number(MIN_ANSWERS))
    out: list[Flowable] = [b.keep(b.p(key, "small"), ScaleKey(top, labels, width),
                                  Spacer(1, 2 * mm))]
    step = None
    for statement in trends.statements:
        if statement.step and statement.step != step and len(
                {s.step for s in trends.statements}) > 1:
            out.append(b.heading(statement.step, 2))
        step = statement.step
        out += _statement(statement, trends, width)
    return out


def follow_through_blocks(trends: SeriesTrends, width: float) -> list[Flowable]:
    """Commitments tried / not yet / set aside, action items done / open / overdue /
    dropped: walk by walk and in all, as group totals."""
    rows = list(zip(trends.walks, trends.follow_through, strict=True))
    if not any(f.commitments or f.actions for _w, f in rows):
        return []
    body: list[list[Flowable | str]] = []

    def figures(f: object) -> list[Flowable | str]:
        return [fmt.number(getattr(f, k)) for k in (
            "tried", "not_yet", "set_aside", "done", "open", "overdue", "dropped")]

    for walk, f in rows:
        body.append([tr("Walk {number}").format(number=fmt.number(walk.number)),
                     *figures(f)])
    if len(rows) > 1:
        body.append([b.own("<b>" + tr("All walks") + "</b>", "cell"),
                     *figures(totals([f for _w, f in rows]))])
    heads = [tr("Walk"), tr("Tried"), tr("Not yet"), tr("Set aside"), tr("Done"),
             tr("Open"), tr("Overdue"), tr("Dropped")]
    # Each figure's column as wide as its heading's longest word needs ("Pendientes"); the
    # walk's column takes the rest ("All walks" may wrap there).
    figures_widths = [max(b.column_width(h.split(), 13 * mm, "cell_head"), 13 * mm)
                      for h in heads[1:]]
    spare = max(0.0, width - sum(figures_widths) - 24 * mm) / 8
    widths = [24 * mm + spare, *(w + spare for w in figures_widths)]
    key = tr("Commitments (tried, not yet tried, set aside) as reviewed at the next walk, "
             "and action items (done, open, dropped; overdue: open past the due date), by "
             "the walk they were made at. Group totals: each walker's own commitments are "
             "only in their growth journal.")
    return [b.keep(b.p(key, "small"), b.table(heads, body, widths))]
