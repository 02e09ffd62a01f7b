"""When autosave commits: after a pause in the typing, and at least once in a while during it.

A pure debounce (each keystroke restarts the timer) never commits while someone types
without pausing: a sentence typed for seven seconds was all lost to a crash. `Debouncer`
adds a deadline to the pause: the commit is due `delay_ms` after the last edit *or*
`max_wait_ms` after the first edit not yet committed, whichever comes first. So during
continuous typing a commit happens at least every `max_wait_ms`, and a crash loses at most
that much typing plus the commit's own few milliseconds (`MAX_WAIT_MS` leaves room for
those within one second).

Every autosaving editor uses this one class: notes, reflections, step prompts, the walk's
details and commitments. The clock and the timer come from a `Pace`, so tests can move
time themselves instead of waiting for it (tests/helpers/fake_timers.py).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from PySide6.QtCore import QObject, Qt, QTimer

from walkapp.ui.page import Stoppable

# Commit this long after the typing pauses…
DEBOUNCE_MS = 750
# …and, while it goes on, this long after the first edit not yet committed at the latest.
MAX_WAIT_MS = 800


class OneShot(Protocol):
    """The little of a single-shot QTimer that `Debouncer` uses."""

    def start(self, msec: int) -> None: ...
    def stop(self) -> None: ...
    def isActive(self) -> bool: ...


TimerFactory = Callable[[QObject, Callable[[], None]], OneShot]


def qt_one_shot(parent: QObject, callback: Callable[[], None]) -> OneShot:
    """A real single-shot timer owned by `parent` (so it dies and stops with it)."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    # Coarse timers may fire 5 % late; the deadline is a promise, so keep it precise.
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.timeout.connect(callback)
    return timer


def monotonic_ms() -> float:
    return time.monotonic() * 1000.0


@dataclass(frozen=True)
class Pace:
    """How long to wait, and the clock and timer to wait with."""

    delay_ms: int = DEBOUNCE_MS
    max_wait_ms: int = MAX_WAIT_MS
    clock_ms: Callable[[], float] = field(default=monotonic_ms)
    make_timer: TimerFactory = field(default=qt_one_shot)

    def with_delay(self, delay_ms: int) -> Pace:
        return Pace(delay_ms, self.max_wait_ms, self.clock_ms, self.make_timer)


class Debouncer(QObject, Stoppable):
    """Calls `fire()` once the edits pause for `delay_ms`, or `max_wait_ms` after the first
    edit since the last commit, whichever is sooner.

    `touch()` on every edit; `cancel()` when the owner commits by itself (focus out, flush),
    so the next edit starts a fresh wait; `shutdown()` when the owner closes for good.
    """

    def __init__(self, fire: Callable[[], object], pace: Pace | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fire = fire
        self._pace = pace or Pace()
        self._timer = self._pace.make_timer(self, self._on_timeout)
        self._first_ms: float | None = None  # when the oldest uncommitted edit was made
        self._closed = False

    @property
    def pace(self) -> Pace:
        return self._pace

    def set_pace(self, pace: Pace) -> None:
        """Wait with another clock and timer from now on (tests drive fake time with it)."""
        self.cancel()
        self._pace = pace
        self._timer = pace.make_timer(self, self._on_timeout)

    def touch(self) -> None:
        """An edit was made: (re)schedule the commit, never later than the deadline."""
        if self._closed:
            return
        now = self._pace.clock_ms()
        if self._first_ms is None:
            self._first_ms = now
        due = min(now + self._pace.delay_ms, self._first_ms + self._pace.max_wait_ms)
        self._timer.start(max(0, round(due - now)))

    def is_pending(self) -> bool:
        """An edit is waiting for its commit to be due."""
        return self._first_ms is not None

    def cancel(self) -> None:
        """Nothing is waiting any more (the owner committed, or forgot the edits)."""
        self._timer.stop()
        self._first_ms = None

    def shutdown(self) -> None:
        self.cancel()
        self._closed = True

    def _on_timeout(self) -> None:
        self._first_ms = None
        if not self._closed:
            self._fire()
