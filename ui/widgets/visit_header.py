"""The top of the observation screen: which visit, and how long is left.

"Visit n of m" with the optional room/grade/subject (teacher only if the walk shows
names), previous/next buttons, the countdown for the time in the room, and the
corridor-talk timer. The timing rules live here:

- each visit keeps its own elapsed time, so going back to a visit shows its time;
- leaving a visit whose countdown runs starts corridor talk (when the walk has any);
- starting a visit's countdown ends corridor talk;
- with corridor time after the last visit (a version 2 protocol's `corridor_after_last`),
  the last visit's Next button reads "Leave the room": it ends the visit and starts the
  corridor talk, without moving to another visit.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from walkapp import domain as d
from walkapp.services.resume import TimerMark
from walkapp.ui.icons import icon
from walkapp.ui.page import Stoppable
from walkapp.ui.widgets.countdown import Countdown
from walkapp.ui.widgets.fit_sizes import ReflowRow
from walkapp.ui.widgets.note_text import shortcut_text

Clock = Callable[[], float]


class VisitHeader(QWidget, Stoppable):
    previous_requested = Signal()
    next_requested = Signal()

    def __init__(self, clock: Clock | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._elapsed: dict[str, float] = {}
        self._visit_id: str | None = None
        self._visit_seconds = 0
        self._corridor_seconds = 0
        self._after_last = False  # corridor talk after the last visit too
        self._last = False  # the visit shown is the route's last

        self.prev_button = QPushButton(self.tr("◀ Previous"))
        self.prev_button.setAccessibleName(self.tr("Previous visit"))
        self.prev_button.setToolTip(self.tr("Previous visit ({0})").format(
            shortcut_text("Ctrl+PgUp")))
        self.prev_button.clicked.connect(self.previous_requested)
        self.next_button = QPushButton(self.tr("Next ▶"))
        self.next_button.setAccessibleName(self.tr("Next visit"))
        self.next_button.setToolTip(self.tr("Next visit ({0})").format(
            shortcut_text("Ctrl+PgDown")))
        self.next_button.clicked.connect(self._next_clicked)
        self.title = QLabel()
        self.title.setObjectName("visitTitle")
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        self.details = QLabel()
        self.details.setObjectName("visitDetails")
        title_box = QVBoxLayout()
        title_box.setSpacing(0)
        title_box.addWidget(self.title)
        title_box.addWidget(self.details)

        self.visit_timer = Countdown(self.tr("Time in this room"), clock, compact=True)
        self.visit_timer.setObjectName("visitCountdown")
        self.timer_button = QPushButton()
        self.timer_button.setAccessibleName(self.tr("Start or pause the visit countdown"))
        self.timer_button.clicked.connect(self.toggle_timer)
        self.visit_timer.state_changed.connect(self._show_timer_button)
        self.corridor_timer = Countdown(self.tr("Corridor talk"), clock, compact=True)
        self.corridor_timer.setObjectName("corridorCountdown")

        # The visit (its name and the ways to the next and previous) and its timers side
        # by side, or the timers under the visit when the page is too narrow for both
        # (a 2× screen, a big font): never cut off at the page's edge (issue 18).
        visit_row = QHBoxLayout()
        visit_row.addWidget(self.prev_button, 0, Qt.AlignmentFlag.AlignVCenter)
        visit_row.addLayout(title_box)
        visit_row.addWidget(self.next_button, 0, Qt.AlignmentFlag.AlignVCenter)
        visit_row.addStretch(1)
        timers_row = QHBoxLayout()
        timers_row.addWidget(self.visit_timer)
        timers_row.addWidget(self.timer_button, 0, Qt.AlignmentFlag.AlignVCenter)
        timers_row.addSpacing(18)
        timers_row.addWidget(self.corridor_timer)
        layout = ReflowRow()
        self.setLayout(layout)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(visit_row, 1)
        layout.addLayout(timers_row)
        self._show_timer_button()

    def shutdown(self) -> None:
        self.visit_timer.shutdown()
        self.corridor_timer.shutdown()

    @property
    def visit_id(self) -> str | None:
        return self._visit_id

    def set_lengths(self, visit_minutes: int, corridor_minutes: int) -> None:
        """The walk's planned times; a change keeps running timers running."""
        if visit_minutes * 60 != self._visit_seconds:
            self._visit_seconds = visit_minutes * 60
            self.visit_timer.set_planned(self._visit_seconds, reset=False)
        if corridor_minutes * 60 != self._corridor_seconds:
            self._corridor_seconds = corridor_minutes * 60
            self.corridor_timer.set_planned(self._corridor_seconds,
                                            reset=not self.corridor_timer.is_running())
        self.corridor_timer.setVisible(corridor_minutes > 0)
        self._show_next_button()

    def set_corridor_after_last(self, on: bool) -> None:
        """Corridor talk after the last visit too (the protocol says when)."""
        self._after_last = on
        self._show_next_button()

    def _show_next_button(self) -> None:
        leave = self._last and self._after_last and self._corridor_seconds > 0
        self.next_button.setText(self.tr("Leave the room ▶") if leave else self.tr("Next ▶"))
        self.next_button.setAccessibleName(self.tr("Leave the last room: corridor talk")
                                           if leave else self.tr("Next visit"))
        if self._last:
            self.next_button.setEnabled(leave)

    def _next_clicked(self) -> None:
        if self._last and self._after_last and self._corridor_seconds:
            self.leave_room()
        else:
            self.next_requested.emit()

    def leave_room(self) -> None:
        """Out of the room without another visit (after the last): the room's countdown
        stops where it is and the corridor talk starts."""
        if self.visit_timer.is_running():
            self.visit_timer.pause()
        if self._corridor_seconds and not self.corridor_timer.is_running():
            self.corridor_timer.reset()
            self.corridor_timer.start()
        self._show_timer_button()

    def show_visit(self, visit: d.Visit, total: int, *, show_teacher: bool) -> None:
        """Show `visit`; when it is another visit than before, move the timers on."""
        self.title.setText(self.tr("Visit {0} of {1}").format(visit.position, total))
        details = visit.details(show_teacher=show_teacher)
        self.details.setText(details)
        self.details.setVisible(bool(details))
        self.prev_button.setEnabled(visit.position > 1)
        self.next_button.setEnabled(visit.position < total)
        self._last = visit.position >= total
        self._show_next_button()
        if visit.id == self._visit_id:
            return
        leaving_running = self.visit_timer.is_running()
        if self._visit_id is not None:
            self._elapsed[self._visit_id] = self.visit_timer.elapsed()
        self._visit_id = visit.id
        self.visit_timer.set_planned(self._visit_seconds)
        self.visit_timer.set_elapsed(self._elapsed.get(visit.id, 0.0))
        if leaving_running and self._corridor_seconds:
            self.corridor_timer.reset()
            self.corridor_timer.start()
        self._show_timer_button()

    def timer_marks(self) -> tuple[dict[str, TimerMark], TimerMark]:
        """Each visit's room timer and the corridor timer as they stand now (to be put back
        by `restore_timers` after a restart)."""
        marks = {visit_id: TimerMark(seconds) for visit_id, seconds in self._elapsed.items()
                 if seconds > 0}
        if self._visit_id is not None:
            marks[self._visit_id] = TimerMark(self.visit_timer.elapsed(),
                                              self.visit_timer.is_running())
        corridor = TimerMark(self.corridor_timer.elapsed(), self.corridor_timer.is_running())
        return marks, corridor

    def restore_timers(self, marks: dict[str, TimerMark], corridor: TimerMark,
                       seconds_since: float) -> None:
        """Put back the timers saved `seconds_since` seconds ago: a timer that was running
        has gone on counting meanwhile, so a visit started 4 minutes before a crash shows
        4 minutes used. Call after the current visit is shown."""
        for visit_id, mark in marks.items():
            if visit_id != self._visit_id:
                self._elapsed[visit_id] = mark.elapsed  # only the current visit runs
        current = marks.get(self._visit_id or "")
        if current is not None:
            if current.running:
                self.visit_timer.start()
            self.visit_timer.set_elapsed(current.now(seconds_since))
        if (corridor.elapsed or corridor.running) and self._corridor_seconds:
            if corridor.running:
                self.corridor_timer.start()
            self.corridor_timer.set_elapsed(corridor.now(seconds_since))
        self._show_timer_button()

    def toggle_timer(self) -> None:
        if self._visit_id is None:
            return
        if not self.visit_timer.is_running() and self.corridor_timer.elapsed():
            self.corridor_timer.reset()  # we are in the room: corridor talk is over
        self.visit_timer.toggle()

    def _show_timer_button(self, *_state: object) -> None:
        keys = shortcut_text("Ctrl+T")
        if self.visit_timer.is_running():
            text = self.tr("Pause  {0}").format(keys)
        elif self.visit_timer.elapsed():
            text = self.tr("Resume  {0}").format(keys)
        else:
            text = self.tr("Start visit  {0}").format(keys)
        self.timer_button.setText(text)
        self.timer_button.setIcon(icon("pause" if self.visit_timer.is_running() else "timer"))
