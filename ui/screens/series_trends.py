"""Series trends: a window over one walk series, school level only — look-for evidence
walk by walk, the group's ratings session by session (walkapp.ui.widgets.trend_charts) and
follow-through (commitments tried, action items done, open and overdue) as group totals.

Opened from a walk of a series (Go ▸ Series trends…) or from the walks library (a walk's
context menu). The series is read off the GUI thread; the window says so meanwhile. It
writes nothing. "Export as PDF…" makes the "Series trends" report of the same series.
Nothing here names a visit, a teacher or a walker: each walker's own commitments are in
their growth journal only.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from walkapp import formatting as fmt
from walkapp.services.trends import FollowThrough, SeriesTrends, totals
from walkapp.ui import theme
from walkapp.ui.page import Stoppable
from walkapp.ui.widgets.empty_state import EmptyState
from walkapp.ui.widgets.screen_title import screen_title
from walkapp.ui.widgets.trend_charts import RatingsChart
from walkapp.ui.workers import cancel_owned_by, read_in_background

WINDOW_SIZE = (920, 580)  # fits 1024×640 with the window's frame


def _scrolling(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(widget)
    return area


def _table(name: str, heads: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(heads))
    table.setHorizontalHeaderLabels(heads)
    table.setAccessibleName(name)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.setWordWrap(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column in range(1, len(heads)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return table


def _cell(text: str, *, number: bool = True) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if number:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class SeriesTrendsWindow(QDialog, Stoppable):
    """`read()` gives the series' trends (run off the GUI thread); `export()`, when given,
    makes the trends report of the same series."""

    def __init__(self, read: Callable[[], SeriesTrends],
                 export: Callable[[], object] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("seriesTrends")
        self.setWindowTitle(self.tr("Series trends"))
        self.resize(*WINDOW_SIZE)
        self._closed = False
        self.trends: SeriesTrends | None = None

        self.title = screen_title(self.tr("Series trends"), 1.4)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.scope = QLabel(self.tr("Reading the series…"))
        self.scope.setObjectName("hint")
        self.scope.setWordWrap(True)
        stance = QLabel(self.tr("What the group's walks show over time, as group figures: "
                                "never a visit, a teacher or a walker."))
        stance.setObjectName("hint")
        stance.setWordWrap(True)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Series trends"))
        self.look_fors = _table(self.tr("Look-for evidence, walk by walk"), [""])
        self.held_back = QLabel()
        self.held_back.setObjectName("hint")
        self.held_back.setWordWrap(True)
        look_page = QWidget()
        look_layout = QVBoxLayout(look_page)
        look_layout.addWidget(QLabel(self.tr(
            "Notes in the record tagged with each look-for, walk by walk (“—”: not a look-for "
            "of that walk). Notes held back from the records are not counted.")))
        look_layout.itemAt(0).widget().setWordWrap(True)  # type: ignore[union-attr]
        look_layout.addWidget(self.look_fors, 1)
        look_layout.addWidget(self.held_back)
        self.ratings_holder = QVBoxLayout()
        ratings_page = QWidget()
        ratings_page.setLayout(self.ratings_holder)
        self.ratings_chart: RatingsChart | None = None
        self.follow = _table(self.tr("Follow-through, walk by walk"), [
            self.tr("Walk"), self.tr("Tried"), self.tr("Not yet"), self.tr("Set aside"),
            self.tr("Done"), self.tr("Open"), self.tr("Overdue"), self.tr("Dropped")])
        follow_page = QWidget()
        follow_layout = QVBoxLayout(follow_page)
        follow_key = QLabel(self.tr(
            "Commitments (tried, not yet, set aside) as reviewed at the next walk, and action "
            "items (done, open, overdue, dropped), by the walk they were made at. Group "
            "totals only: each walker's own commitments are in their growth journal."))
        follow_key.setWordWrap(True)
        follow_layout.addWidget(follow_key)
        follow_layout.addWidget(self.follow, 1)
        self.look_empty = EmptyState("footprints", self.tr("No look-fors in this series"),
                                     self.tr("Look-fors are chosen when a walk is planned "
                                             "(Plan ▸ Look-fors)."))
        self.ratings_empty = EmptyState("list-todo", self.tr("No ratings yet"), self.tr(
            "Ratings come from a step with rating statements, such as the PLC mirror's."))
        self.follow_empty = EmptyState("list-checks", self.tr("No commitments or action "
                                                              "items yet"),
                                       self.tr("They are recorded at each walk's "
                                               "post-brief."))
        self._pages: list[tuple[QStackedWidget, QWidget, EmptyState]] = []
        for page, empty, name in ((look_page, self.look_empty, self.tr("Look-for evidence")),
                                  (_scrolling(ratings_page), self.ratings_empty,
                                   self.tr("Ratings")),
                                  (follow_page, self.follow_empty,
                                   self.tr("Follow-through"))):
            stack = QStackedWidget()
            stack.addWidget(page)
            stack.addWidget(empty)
            self._pages.append((stack, page, empty))
            self.tabs.addTab(stack, name)

        self.loading = EmptyState(None, self.tr("Reading the series…"), "")
        self.nothing = EmptyState("footprints", self.tr("Nothing to show yet"), self.tr(
            "Trends appear once the series' walks have notes tagged with look-fors, ratings, "
            "commitments or action items."))
        self.body = QStackedWidget()
        for widget in (self.loading, self.tabs, self.nothing):
            self.body.addWidget(widget)

        self.export_button = QPushButton(self.tr("Export as PDF…"))
        self.export_button.setAccessibleName(self.tr("Export the series trends as a PDF"))
        self.export_button.setEnabled(False)
        self._export = export
        self.export_button.setVisible(export is not None)
        self.export_button.clicked.connect(self._export_clicked)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        margin = theme.SPACE["lg"]
        layout.setContentsMargins(margin, margin, margin, margin)
        layout.setSpacing(theme.SPACE["sm"])
        layout.addWidget(self.title)
        layout.addWidget(self.scope)
        layout.addWidget(stance)
        layout.addWidget(self.body, 1)
        layout.addLayout(buttons)
        read_in_background(read, self.show_trends, owner=self, on_error=self._failed)

    # -- showing -------------------------------------------------------------------------
    def show_trends(self, trends: SeriesTrends) -> None:
        if self._closed:
            return
        self.trends = trends
        self.title.setText(self.tr("Series trends: {0}").format(trends.name))
        self.scope.setText(self._scope(trends))
        self.export_button.setEnabled(True)
        if trends.empty:
            self.body.setCurrentWidget(self.nothing)
            return
        self._fill_look_fors(trends)
        self._fill_ratings(trends)
        self._fill_follow(trends)
        self.body.setCurrentWidget(self.tabs)

    def _scope(self, trends: SeriesTrends) -> str:
        walks = trends.walks
        if not walks:
            return ""
        first, last = walks[0].walk_date, walks[-1].walk_date
        span = fmt.long_date(first) if first == last else self.tr("{0} to {1}").format(
            fmt.long_date(first), fmt.long_date(last))
        if not trends.in_series:
            return self.tr("One walk, not part of a series · {0}. Plan again to continue "
                           "it as a series.").format(span)
        return f"{fmt.plural(len(walks), 'walk', 'walks')} · {span}"

    def _walk_heads(self, trends: SeriesTrends) -> list[str]:
        return [self.tr("Walk {0}\n{1}").format(fmt.number(w.number),
                                                fmt.short_date(w.walk_date))
                for w in trends.walks]

    def _show_page(self, index: int, has: bool) -> None:
        stack, page, empty = self._pages[index]
        stack.setCurrentWidget(page if has else empty)

    def _fill_look_fors(self, trends: SeriesTrends) -> None:
        table = self.look_fors
        heads = [self.tr("Look-for"), *self._walk_heads(trends)]
        table.setColumnCount(len(heads))
        table.setHorizontalHeaderLabels(heads)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(heads)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        table.setRowCount(len(trends.look_fors))
        for row, trend in enumerate(trends.look_fors):
            table.setItem(row, 0, _cell(trend.text, number=False))
            for column, count in enumerate(trend.counts, start=1):
                table.setItem(row, column, _cell("—" if count is None
                                                 else fmt.number(count)))
        table.resizeRowsToContents()
        held = sum(trends.held_back)
        self.held_back.setText(fmt.plural(
            held, "{n} note held back from the records (flagged or set aside) is not "
            "counted.", "{n} notes held back from the records (flagged or set aside) are "
            "not counted.") if held else "")
        self._show_page(0, bool(trends.look_fors))

    def _fill_ratings(self, trends: SeriesTrends) -> None:
        if self.ratings_chart is not None:
            self.ratings_holder.removeWidget(self.ratings_chart)
            self.ratings_chart.deleteLater()
        self.ratings_chart = RatingsChart(trends) if trends.statements else None
        if self.ratings_chart is not None:
            self.ratings_holder.addWidget(self.ratings_chart)
        self._show_page(1, bool(trends.statements))

    def _fill_follow(self, trends: SeriesTrends) -> None:
        rows: list[tuple[str, FollowThrough]] = [
            (self.tr("Walk {0} · {1} · {2}").format(fmt.number(w.number),
                                                    fmt.short_date(w.walk_date), w.title), f)
            for w, f in zip(trends.walks, trends.follow_through, strict=True)]
        if len(rows) > 1:
            rows.append((self.tr("All walks"), totals(trends.follow_through)))
        table = self.follow
        table.setRowCount(len(rows))
        for row, (name, f) in enumerate(rows):
            table.setItem(row, 0, _cell(name, number=False))
            for column, value in enumerate((f.tried, f.not_yet, f.set_aside, f.done,
                                            f.open, f.overdue, f.dropped), start=1):
                table.setItem(row, column, _cell(fmt.number(value)))
        self._show_page(2, any(f.commitments or f.actions for f in trends.follow_through))

    def _failed(self, error: BaseException, _details: str) -> None:
        if self._closed:
            return
        self.loading.set_title(self.tr("The series could not be read"))
        self.loading.set_text(str(error))
        self.body.setCurrentWidget(self.loading)

    def _export_clicked(self) -> None:
        if self._export is not None:
            self._export()

    # -- closing -------------------------------------------------------------------------
    def shutdown(self) -> None:
        """Drop a read still under way (its result would come to a closed window)."""
        self._closed = True
        cancel_owned_by(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)
