"""A slice of work given to `walkapp.ui.turns.later` runs after the timers that are due:
the step guide's new step body, built in slices, lets the window repaint and take keys
between them (a zero-delay single shot would run the slices back to back)."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, Qt, QTimer

from walkapp.ui import turns


def _order(qtbot) -> list[str]:  # type: ignore[no-untyped-def]
    seen: list[str] = []
    owner = QObject()
    beat = QTimer(owner)
    beat.setTimerType(Qt.TimerType.PreciseTimer)
    beat.setInterval(1)
    beat.timeout.connect(lambda: seen.append("tick"))

    def first() -> None:
        seen.append("first")
        # Work long enough for the heartbeat to be due when this slice ends.
        end = time.perf_counter() + 0.01
        while time.perf_counter() < end:
            pass
        turns.later(owner, lambda: seen.append("second"))

    beat.start()
    QTimer.singleShot(0, owner, first)
    qtbot.waitUntil(lambda: "second" in seen, timeout=5000)
    beat.stop()
    return seen[seen.index("first"):seen.index("second") + 1]


def test_a_timer_that_is_due_runs_between_two_slices(qtbot) -> None:
    between = _order(qtbot)
    assert "tick" in between, between


def test_a_zero_delay_slice_would_not_let_it(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Why `later` is a timer: with a zero delay (a posted event) the second slice runs
    straight after the first."""
    monkeypatch.setattr(turns, "SLICE_MS", 0)
    assert _order(qtbot) == ["first", "second"]
