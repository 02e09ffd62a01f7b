"""The look-for tally chart: how many notes the group tagged with each look-for.

It counts notes per look-for across the whole walk — a picture of what the group saw, never
a score for a room or a teacher, so there is deliberately no per-visit chart here.

The chart is a flowable that splits: forty-five look-fors make a chart taller than a page,
and the part that does not fit continues on the next page with the same scale. Labels get
the width the longest one needs (up to 60 % of the line), not a fixed share.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.platypus import Flowable

from walkapp.reports import glyphs, text
from walkapp.reports.fonts import REGULAR
from walkapp.reports.styles import BAR, INK, MUTED, RULE

_ROW = 19  # points per bar
_AXES = 34  # points below and above the bars (value axis, its labels, breathing room)
_SIZE = 8.5  # label font size
_LABEL_GAP = 14  # points between a label's end and the axis (tick offset and padding)
_BOTTOM = 22  # points below the bars, for the value axis and its labels
_LABEL_PAD = 6  # points between a label's end and the axis's tick column


def _nice_step(top: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if top / step <= 8:
            return step
    return max(1, top // 8)


def _label(value: str, room: float, size: float) -> str:
    """`value` on one line, cut with an ellipsis to fit `room` points as `glyphs` draws it."""
    return glyphs.fit_line(text.line(value, 120), REGULAR, size, room) or "…"


def label_room(labels: Sequence[str], width: float) -> float:
    """Points for the labels: what the longest needs, between 15 % and 60 % of `width`."""
    widest = max([0.0, *(glyphs.line_width(text.line(v, 120), REGULAR, _SIZE)
                         for v in labels)])
    return min(max(widest + 2, width * 0.15), width * 0.6)


class TallyChart(Flowable):
    """The tally chart as a flowable that splits between bars when it is taller than the
    room left on the page; every part keeps the same value scale and label width."""

    def __init__(self, labels: Sequence[str], counts: Sequence[int], width: float,
                 top: int | None = None, room: float | None = None) -> None:
        super().__init__()
        self.labels = list(labels)
        self.counts = [int(c) for c in counts]
        self.chart_width = width
        self.top = max([0, *self.counts]) if top is None else top
        self.room = label_room(self.labels, width) if room is None else room
        self._drawing = _drawing(self.labels, self.counts, width, self.top, self.room)
        self._shown = [_label(v, self.room, _SIZE) for v in self.labels]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self._drawing.wrap(avail_width, avail_height)

    def draw(self) -> None:
        self._drawing.drawOn(self.canv, 0, 0)
        self._draw_labels()

    def _draw_labels(self) -> None:
        """The look-for names, drawn here rather than by the chart's axis: the axis draws
        in one font, and a look-for may be written in any script (fallback fonts,
        right-to-left order, shaping, and a report of characters no font has)."""
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(INK)
        right = int(self.room + _LABEL_GAP) - _LABEL_PAD
        rows = max(1, len(self.labels))
        for i, shown in enumerate(self._shown):
            # The first look-for is at the top; a row's baseline sits a little below its
            # middle so that the label's letters are centred on the bar.
            middle = _BOTTOM + (rows - i - 0.5) * _ROW
            glyphs.draw_line(canvas, right, middle - _SIZE * 0.35,
                             shown, REGULAR, _SIZE, right=True)
        canvas.restoreState()

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        fits = int((avail_height - _AXES) // _ROW)
        if len(self.labels) < 2 or fits < 1 or fits >= len(self.labels):
            return []
        parts = (self.labels[:fits], self.counts[:fits]), (self.labels[fits:],
                                                            self.counts[fits:])
        return [TallyChart(ls, cs, self.chart_width, self.top, self.room)
                for ls, cs in parts]


def tally_chart(labels: Sequence[str], counts: Sequence[int], width: float) -> TallyChart:
    """A horizontal bar chart, one bar per look-for, in the walk's look-for order."""
    return TallyChart(labels, counts, width)


def _drawing(labels: Sequence[str], counts: Sequence[int], width: float, top: int,
             room: float) -> Drawing:
    rows = max(1, len(labels))
    height = rows * _ROW + _AXES
    drawing = Drawing(width, height)
    # The drawing would otherwise start in Helvetica, which is not embedded.
    drawing.initialFontName = REGULAR  # type: ignore[attr-defined]  # (missing from stubs)
    chart = HorizontalBarChart()
    chart.x = int(room + _LABEL_GAP)
    chart.y = _BOTTOM
    chart.width = int(width - chart.x - 26)
    chart.height = rows * _ROW
    # The first look-for is drawn at the top: ReportLab stacks categories bottom-up.
    chart.data = [list(reversed([int(c) for c in counts]))]
    # Blank names: TallyChart draws the labels itself, through the fallback fonts.
    chart.categoryAxis.categoryNames = [""] * len(labels)
    # Drawn or not, a label names its font in the PDF: the bundled one, never Helvetica
    # (which would be referenced unembedded).
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.visibleLabels = 0
    chart.categoryAxis.strokeColor = RULE
    chart.categoryAxis.tickLeft = 0
    step = _nice_step(max(1, top))
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(step, ((top + step - 1) // step) * step)
    chart.valueAxis.valueStep = step
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7.5
    chart.valueAxis.labels.fillColor = MUTED
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.gridStrokeColor = RULE
    chart.valueAxis.gridStrokeWidth = 0.3
    chart.bars[0].fillColor = BAR
    chart.bars[0].strokeColor = None
    chart.barWidth = 11
    chart.groupSpacing = _ROW - 11
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = REGULAR
    chart.barLabels.fontSize = 7.5
    chart.barLabels.fillColor = INK
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    return drawing
