"""Fake time for debounced autosave: the test moves the clock, and the timers due by then
fire, in order, at their due times — no waiting on the wall clock.

    time = FakeTime()
    editor.tracker.debouncer.set_pace(time.pace(delay_ms=750, max_wait_ms=800))
    time.advance(200)   # fires whatever was due in these 200 ms
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from walkapp.ui.widgets.debounce import Pace


class FakeTimer:
    def __init__(self, time: FakeTime, callback: Callable[[], None]) -> None:
        self._time = time
        self._callback = callback
        self.due_ms: float | None = None

    def start(self, msec: int) -> None:
        self.due_ms = self._time.now_ms + msec

    def stop(self) -> None:
        self.due_ms = None

    def isActive(self) -> bool:
        return self.due_ms is not None

    def fire(self) -> None:
        self.due_ms = None
        self._callback()


class FakeTime:
    def __init__(self) -> None:
        self.now_ms = 0.0
        self.timers: list[FakeTimer] = []
        self.fired = 0

    def clock_ms(self) -> float:
        return self.now_ms

    def make_timer(self, _parent: QObject, callback: Callable[[], None]) -> FakeTimer:
        timer = FakeTimer(self, callback)
        self.timers.append(timer)
        return timer

    def pace(self, *, delay_ms: int = 750, max_wait_ms: int = 800) -> Pace:
        return Pace(delay_ms, max_wait_ms, self.clock_ms, self.make_timer)

    def advance(self, ms: float) -> None:
        """Move time on by `ms`, firing each timer when its moment comes."""
        end = self.now_ms + ms
        while True:
            due = [t for t in self.timers if t.due_ms is not None and t.due_ms <= end]
            if not due:
                break
            timer = min(due, key=lambda t: t.due_ms or 0.0)
            self.now_ms = max(self.now_ms, timer.due_ms or 0.0)
            self.fired += 1
            timer.fire()
        self.now_ms = end
