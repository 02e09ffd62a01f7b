"""What the runner asks of storage: one transition of the phase log, and the port it goes
through.

The runner (`walkapp.protocol.runner`) decides each transition as a `RunChange`; a `RunStore`
applies it in one transaction (`walkapp.services.runs.RunService` is the real one; tests may
fake it). They live here, beside the runner, so that the protocol engine needs nothing from the
services layer above it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol as TypingProtocol

from walkapp import domain as d


@dataclass(frozen=True)
class NewSegment:
    phase: str
    step_index: int
    step_key: str
    step_title: str
    planned_seconds: int
    started_at: datetime
    # A segment written already closed (a step skipped by "finish") gives these two.
    ended_at: datetime | None = None
    outcome: str = "running"


@dataclass(frozen=True)
class RunChange:
    """One transition of the runner, applied atomically."""

    close: tuple[str, datetime, str] | None = None  # (row id, ended at, outcome)
    relabel: tuple[str, str] | None = None  # (row id, new outcome) for a closed row
    extend: tuple[str, int] | None = None  # (row id, seconds added)
    open: tuple[NewSegment, ...] = ()
    position: tuple[str, int, d.WalkStatus] | None = None  # walk phase, step, status


class RunStore(TypingProtocol):
    """What the runner needs from storage (RunService provides it; tests may fake it)."""

    def log(self, walk_id: str) -> list[d.PhaseLogEntry]: ...

    def transition(self, walk_id: str,
                   decide: Callable[[list[d.PhaseLogEntry]], RunChange]
                   ) -> list[d.PhaseLogEntry]: ...
