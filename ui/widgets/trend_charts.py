"""The series trends' ratings chart: each statement, session by session, as a bar split by
the points the group chose — the lightest part 1, the darkest the scale's top point, the
count written in each part.

Group figures only. A session with too few ratings (walkapp.services.trends.MIN_ANSWERS)
has no figures at all in the data it is given: it reads "Too few answers to show". Each
bar's accessible name says in words what it draws, for screen readers.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from walkapp import formatting as fmt
from walkapp.services.trends import MIN_ANSWERS, RatingSession, SeriesTrends, StatementTrend
from walkapp.ui import theme
from walkapp.ui.words import Words

TrendChart = Words("TrendChart")
BAR_HEIGHT = 22


def point_colour(point: int, top: int) -> QColor:
    """The shade of `point` on a scale of `top` points, from the palette: accent-soft for
    1, the accent for the top point."""
    colours = theme.current()
    low, high = QColor(colours.accent_soft), QColor(colours.accent)
    share = (point - 1) / max(1, top - 1)
    return QColor(round(low.red() + (high.red() - low.red()) * share),
                  round(low.green() + (high.green() - low.green()) * share),
                  round(low.blue() + (high.blue() - low.blue()) * share))


def too_few(rated: int) -> str:
    return TrendChart.tr("Too few answers to show ({0} of at least {1})").format(
        fmt.number(rated), fmt.number(MIN_ANSWERS))


def mean_words(session: RatingSession) -> str:
    if session.mean is None:
        return "—"
    said = TrendChart.tr("{0} of {1}").format(fmt.number(session.mean, 1),
                                               fmt.number(session.top))
    if session.not_applicable:
        said += " " + TrendChart.tr("(N/A {0})").format(fmt.number(session.not_applicable))
    return said


class SpreadBar(QWidget):
    """One session's ratings of one statement as a split bar."""

    def __init__(self, counts: Sequence[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counts = tuple(counts)
        self.setMinimumWidth(160)
        self.setFixedHeight(BAR_HEIGHT)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def sizeHint(self) -> QSize:
        return QSize(360, BAR_HEIGHT)

    def paintEvent(self, _event: QPaintEvent) -> None:
        total = sum(self.counts)
        if not total:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        top = len(self.counts)
        width = self.width() - 1
        x = 0.0
        for point, count in enumerate(self.counts, start=1):
            if not count:
                continue
            length = width * count / total
            part = QRectF(x, 1, length, BAR_HEIGHT - 2)
            colour = point_colour(point, top)
            painter.fillRect(part.adjusted(0, 0, -1, 0), colour)
            if length >= 18:
                dark = colour.lightnessF() < 0.55
                painter.setPen(QColor(theme.current().on_accent) if dark
                               else QColor(theme.current().text))
                painter.drawText(part, Qt.AlignmentFlag.AlignCenter, fmt.number(count))
            x += length
        painter.end()


class ScaleKey(QWidget):
    """The points as the bars shade them: a swatch and the point's number and words."""

    def __init__(self, top: int, labels: Sequence[str], parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(theme.SPACE["md"])
        words = list(labels) + [""] * max(0, top - len(labels))
        for point in range(1, top + 1):
            swatch = QLabel()
            swatch.setFixedSize(14, 14)
            swatch.setStyleSheet(f"background: {point_colour(point, top).name()};")
            text = QLabel(fmt.number(point) + (f" {words[point - 1]}" if words[point - 1]
                                                else ""))
            text.setObjectName("hint")
            text.setTextFormat(Qt.TextFormat.PlainText)
            pair = QHBoxLayout()
            pair.setSpacing(theme.SPACE["xs"])
            pair.addWidget(swatch)
            pair.addWidget(text)
            row.addLayout(pair)
        row.addStretch(1)


def bar_words(walk: str, session: RatingSession) -> str:
    """What a bar draws, in words (its accessible name)."""
    if not session.shown or session.distribution is None:
        return f"{walk}: {too_few(session.rated)}"
    parts = [TrendChart.tr("{0} chose {1}").format(fmt.number(c), fmt.number(p))
             for p, c in enumerate(session.distribution, start=1) if c]
    return TrendChart.tr("{0}: {1}; average {2}").format(walk, ", ".join(parts),
                                                        mean_words(session))


class StatementChart(QWidget):
    """A statement and its sessions, one row each: the walk, the bar (or "too few"), the
    average."""

    def __init__(self, statement: StatementTrend, trends: SeriesTrends,
                 parent: QWidget | None = None, *, columns: tuple[int, int] = (0, 0)
                 ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, theme.SPACE["md"])
        layout.setSpacing(theme.SPACE["xs"])
        heading = QLabel(statement.text)
        heading.setObjectName("sectionTitle")
        heading.setWordWrap(True)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(heading)
        grid = QGridLayout()
        grid.setHorizontalSpacing(theme.SPACE["md"])
        grid.setVerticalSpacing(theme.SPACE["xs"])
        grid.setColumnStretch(1, 1)
        # Every statement's bars start and end at the same place (`columns`: the widths of
        # the walk's and the average's columns, the widest of the whole chart).
        grid.setColumnMinimumWidth(0, columns[0])
        grid.setColumnMinimumWidth(2, columns[1])
        self.bars: list[SpreadBar] = []
        self.too_few: list[QLabel] = []
        row = 0
        for walk, session in zip(trends.walks, statement.sessions, strict=True):
            if session is None:
                continue
            name = TrendChart.tr("Walk {0} · {1}").format(fmt.number(walk.number),
                                                          fmt.short_date(walk.walk_date))
            grid.addWidget(QLabel(name), row, 0)
            if session.shown and session.distribution is not None:
                bar = SpreadBar(session.distribution)
                bar.setAccessibleName(bar_words(name, session))
                bar.setToolTip(bar.accessibleName())
                self.bars.append(bar)
                grid.addWidget(bar, row, 1)
                grid.addWidget(QLabel(mean_words(session)), row, 2)
            else:
                few = QLabel(too_few(session.rated))
                few.setObjectName("hint")
                few.setWordWrap(True)
                self.too_few.append(few)
                grid.addWidget(few, row, 1, 1, 2)
            row += 1
        layout.addLayout(grid)


class RatingsChart(QWidget):
    """Every rated statement of the series, under a key of the scale."""

    def __init__(self, trends: SeriesTrends, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(theme.SPACE["sm"])
        sessions = [s for t in trends.statements for s in t.sessions if s is not None]
        top = next((s.top for s in sessions), 5)
        labels = next((s.labels for s in sessions if s.shown and any(s.labels)), ())
        key = QLabel(TrendChart.tr(
            "Each bar is one session's ratings, split by the points chosen. A session with "
            "fewer than {0} ratings of a statement shows none of them, so that nobody's own "
            "rating can be read off.").format(fmt.number(MIN_ANSWERS)))
        key.setObjectName("hint")
        key.setWordWrap(True)
        layout.addWidget(key)
        layout.addWidget(ScaleKey(top, labels))
        metrics = self.fontMetrics()
        names = [TrendChart.tr("Walk {0} · {1}").format(fmt.number(w.number),
                                                        fmt.short_date(w.walk_date))
                 for w in trends.walks]
        means = [mean_words(s) for s in sessions]
        columns = (max([0, *(metrics.horizontalAdvance(n) for n in names)]) + 4,
                   max([0, *(metrics.horizontalAdvance(m) for m in means)]) + 4)
        self.statements = [StatementChart(s, trends, columns=columns)
                           for s in trends.statements]
        for chart in self.statements:
            layout.addWidget(chart)
        layout.addStretch(1)
