"""The look-for tally chart: how many notes the group tagged with each look-for.

It counts notes per look-for across the whole walk — a picture of what the group saw, never
a score for a room or a teacher, so there is deliberately no per-visit chart here.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.pdfbase.pdfmetrics import stringWidth

from walkapp.reports import text
from walkapp.reports.fonts import REGULAR
from walkapp.reports.styles import BAR, INK, MUTED, RULE

_ROW = 19  # points per bar


def _nice_step(top: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if top / step <= 8:
            return step
    return max(1, top // 8)


def _label(value: str, room: float, size: float) -> str:
    line = text.one_line(value, 120)
    if stringWidth(line, REGULAR, size) <= room:
        return line
    while line and stringWidth(line + "…", REGULAR, size) > room:
        line = line[:-1]
    return line.rstrip() + "…"


def tally_chart(labels: Sequence[str], counts: Sequence[int], width: float) -> Drawing:
    """A horizontal bar chart, one bar per look-for, in the walk's look-for order."""
    size = 8.5
    label_room = width * 0.38
    rows = max(1, len(labels))
    height = rows * _ROW + 34
    drawing = Drawing(width, height)
    # The drawing would otherwise start in Helvetica, which is not embedded.
    drawing.initialFontName = REGULAR  # type: ignore[attr-defined]  # (missing from stubs)
    chart = HorizontalBarChart()
    chart.x = int(label_room + 8)
    chart.y = 22
    chart.width = int(width - chart.x - 26)
    chart.height = rows * _ROW
    # The first look-for is drawn at the top: ReportLab stacks categories bottom-up.
    chart.data = [list(reversed([int(c) for c in counts]))]
    chart.categoryAxis.categoryNames = list(reversed([_label(v, label_room, size)
                                                      for v in labels]))
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = size
    chart.categoryAxis.labels.fillColor = INK
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -6
    chart.categoryAxis.strokeColor = RULE
    chart.categoryAxis.tickLeft = 0
    top = max([0, *counts])
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
