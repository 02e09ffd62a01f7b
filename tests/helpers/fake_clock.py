"""The services' idea of "now" (a timezone-aware datetime), moved by the test: never the
wall clock. Pass it as `Services.create(..., clock=clock)`."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

START = datetime(2026, 11, 3, 9, 30, tzinfo=UTC)


class FakeClock:
    def __init__(self, start: datetime = START) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)
