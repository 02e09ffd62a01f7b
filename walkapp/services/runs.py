"""The phase log: how each protocol step was actually run, as it happened.

Each row is one stretch of time a step was running: it opens when the step starts or
resumes and closes when it is paused, left, finished ("done") or skipped. The runner
(`walkapp.protocol.runner`) decides what happens; this service writes each transition —
log rows plus the walk's current phase, step and status — in one transaction, so a crash
can never leave the log and the walk disagreeing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from walkapp import domain as d
from walkapp.errors import NotFoundError
from walkapp.events import Action, Entity
from walkapp.formatting import N_, tr
from walkapp.protocol.run_store import RunChange
from walkapp.services import convert
from walkapp.services.base import ServiceBase
from walkapp.services.walks import live_walk
from walkapp.storage import models as m
from walkapp.storage.types import utcnow

OUTCOMES = ("running", "paused", "done", "skipped")


@dataclass(frozen=True)
class StepTime:
    """Planned against actual time of one step, over all its segments."""

    phase: str
    step_index: int
    step_key: str
    step_title: str
    planned_seconds: int
    extended_seconds: int
    actual_seconds: int
    outcome: str  # of its latest segment
    segments: int
    started_at: datetime | None
    ended_at: datetime | None


def _seconds(start: datetime | None, end: datetime | None) -> int:
    if start is None or end is None:
        return 0
    return max(0, round((end - start).total_seconds()))


class RunService(ServiceBase):
    def log(self, walk_id: str) -> list[d.PhaseLogEntry]:
        """The walk's phase log in the order it happened."""
        with self.db.transaction() as session:
            return self._rows(session, walk_id)

    def apply(self, walk_id: str, change: RunChange) -> list[d.PhaseLogEntry]:
        """Write one transition; returns the whole log afterwards."""
        return self.transition(walk_id, lambda log: change)

    def transition(self, walk_id: str,
                   decide: Callable[[list[d.PhaseLogEntry]], RunChange]
                   ) -> list[d.PhaseLogEntry]:
        """Read the log, let `decide` turn it into a change, write that — all in one
        transaction, so two windows driving the same walk cannot interleave. An exception
        from `decide` leaves everything as it was."""
        with self.db.transaction(N_("recording the step")) as session:
            walk = live_walk(session, walk_id)
            change = decide(self._rows(session, walk_id))

            def row(row_id: str) -> m.PhaseLog:
                found = session.get(m.PhaseLog, row_id)
                if found is None or found.walk_id != walk_id:
                    raise NotFoundError(tr("That step record is not part of this walk."))
                return found

            if change.close is not None:
                target = row(change.close[0])
                target.ended_at = change.close[1]
                target.outcome = change.close[2]
                target.active_seconds = _seconds(target.started_at, target.ended_at)
            if change.relabel is not None:
                row(change.relabel[0]).outcome = change.relabel[1]
            if change.extend is not None:
                row(change.extend[0]).extended_seconds += change.extend[1]
            for segment in change.open:
                session.add(m.PhaseLog(
                    walk_id=walk_id, phase=segment.phase, step_index=segment.step_index,
                    step_key=segment.step_key[:100], step_title=segment.step_title[:300],
                    planned_seconds=segment.planned_seconds, started_at=segment.started_at,
                    ended_at=segment.ended_at, outcome=segment.outcome,
                    active_seconds=_seconds(segment.started_at, segment.ended_at)))
            if change.position is not None:
                walk.current_phase, walk.current_step = change.position[0], change.position[1]
                walk.status = change.position[2].value
                walk.updated_at = utcnow()
            session.flush()
            log = self._rows(session, walk_id)
        self.publish(Entity.PHASE_LOG, Action.UPDATED, walk_id)
        if change.position is not None:
            self.publish(Entity.WALK, Action.UPDATED, walk_id, walk_id)
        return log

    @staticmethod
    def _rows(session: Session, walk_id: str) -> list[d.PhaseLogEntry]:
        rows = session.scalars(select(m.PhaseLog).where(m.PhaseLog.walk_id == walk_id)
                               .order_by(m.PhaseLog.started_at, m.PhaseLog.id))
        return [convert.phase_log(r) for r in rows]

    def reset(self, walk_id: str) -> None:
        """Forget how the protocol was run (e.g. after a rehearsal); the plan stays."""
        with self.db.transaction(N_("resetting the run")) as session:
            walk = live_walk(session, walk_id)
            session.execute(delete(m.PhaseLog).where(m.PhaseLog.walk_id == walk_id))
            walk.current_phase, walk.current_step = "plan", 0
            walk.status = d.WalkStatus.PLANNED.value
        self.publish(Entity.PHASE_LOG, Action.REMOVED, walk_id)
        self.publish(Entity.WALK, Action.UPDATED, walk_id, walk_id)

    def step_times(self, walk_id: str) -> list[StepTime]:
        """Planned against actual time per step, in the order steps were first started.
        A step still running counts up to its latest recorded moment only."""
        grouped: dict[tuple[str, int], list[d.PhaseLogEntry]] = {}
        for entry in self.log(walk_id):
            grouped.setdefault((entry.phase, entry.step_index), []).append(entry)
        times = []
        for (phase, index), entries in grouped.items():
            last = entries[-1]
            times.append(StepTime(
                phase=phase, step_index=index, step_key=last.step_key,
                step_title=last.step_title, planned_seconds=last.planned_seconds,
                extended_seconds=sum(e.extended_seconds for e in entries),
                actual_seconds=sum(_seconds(e.started_at, e.ended_at) for e in entries),
                outcome=last.outcome, segments=len(entries),
                started_at=entries[0].started_at,
                ended_at=last.ended_at))
        return times
