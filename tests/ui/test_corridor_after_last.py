"""Corridor talk after the last visit (protocol format version 2): the last visit's Next
reads "Leave the room"; it stops the room's countdown and starts the corridor timer. Without
`corridor_after_last` the last visit's Next stays disabled, as before."""

from __future__ import annotations

from walkapp import domain as d
from walkapp.ui.widgets.visit_header import VisitHeader


class FakeMonotonic:
    """The timers' clock (seconds), moved by the test."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def visit(position: int) -> d.Visit:
    return d.Visit(id=f"v{position}", walk_id="w", position=position)


def test_leaving_the_last_room_starts_corridor_talk(qtbot) -> None:  # type: ignore[no-untyped-def]
    clock = FakeMonotonic()
    header = VisitHeader(clock)
    qtbot.addWidget(header)
    header.set_lengths(90, 4)
    header.set_corridor_after_last(True)
    header.show_visit(visit(1), 2, show_teacher=False)
    assert header.next_button.text() == "Next ▶"
    header.show_visit(visit(2), 2, show_teacher=False)
    assert header.next_button.isEnabled() and "Leave" in header.next_button.text()
    header.toggle_timer()
    clock.advance(90 * 60)
    header.next_button.click()
    assert not header.visit_timer.is_running()
    assert header.corridor_timer.is_running()
    assert round(header.corridor_timer.remaining()) == 4 * 60
    clock.advance(60)
    assert round(header.corridor_timer.remaining()) == 3 * 60
    header.shutdown()


def test_without_it_the_last_visit_has_no_next(qtbot) -> None:  # type: ignore[no-untyped-def]
    header = VisitHeader(FakeMonotonic())
    qtbot.addWidget(header)
    header.set_lengths(120, 4)
    header.show_visit(visit(2), 2, show_teacher=False)
    assert not header.next_button.isEnabled() and header.next_button.text() == "Next ▶"
    header.shutdown()
