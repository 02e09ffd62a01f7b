"""The runner: steps a walk through its protocol — start, next, back, skip, extend, pause,
resume, finish — with planned against actual time.

The phase log is the runner's memory. Every action re-reads the log, works out the state
by replaying it, then writes one transition through `RunService`. So a runner built after
the app restarts (or crashed mid-step) carries on exactly where the log says: a step that
was running is still running, its elapsed time counting on from when it started.

Time comes from an injectable clock (`Callable[[], datetime]`, aware UTC), so tests step
through a whole protocol without waiting. `state()` does no I/O and is cheap enough for a
screen to call every second.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from walkapp import domain as d
from walkapp import formatting as fmt
from walkapp.errors import ValidationError, WalkappError
from walkapp.formatting import N_, tr
from walkapp.protocol import choices as plan_choices
from walkapp.protocol.choices import PlanChoices
from walkapp.protocol.run_store import NewSegment, RunChange, RunStore
from walkapp.protocol.schema import Activity, Phase, PhaseKey, Protocol, Step

Clock = Callable[[], datetime]
DONE_PHASE = "done"  # the walk's current_phase once the last phase is finished
_TICK = timedelta(microseconds=1)
# The runner's actions as its messages name them ("Cannot {action}: …").
_ACTIONS = {"start": N_("start"), "pause": N_("pause"), "resume": N_("resume"),
            "extend": N_("extend"), "finish": N_("finish"), "next": N_("next"),
            "skip": N_("skip")}


def utc_clock() -> datetime:
    return datetime.now(UTC)


class RunnerError(WalkappError):
    """An action that does not fit the current state (e.g. "next" before "start")."""


class RunStatus(StrEnum):
    READY = "ready"  # waiting to start the current step
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"


@dataclass(frozen=True)
class PlannedStep:
    phase: Phase
    index: int  # inside its phase in the protocol (the phase log's step_index)
    step: Step
    planned_seconds: int


@dataclass(frozen=True)
class RunnerState:
    """Everything a screen needs to draw the current step and its buttons."""

    status: RunStatus
    position: int  # 0-based, over the runner's steps
    total_steps: int
    phase: PhaseKey
    phase_title: str
    step_index: int  # among the steps of the phase this walk runs ("step 2 of 6")
    phase_step_count: int  # steps of this phase the walk runs
    step: Step
    step_key: str
    step_title: str
    script: str
    activity: Activity
    planned_seconds: int  # including extensions
    extended_seconds: int
    elapsed_seconds: int  # active (not paused) time on this step so far
    remaining_seconds: int  # negative when over time
    started_at: datetime | None  # when this step first started
    total_planned_seconds: int  # all the runner's steps, including extensions
    total_elapsed_seconds: int
    is_last_step: bool  # "next" on the last step finishes (a screen may say "Finish")
    can_start: bool
    can_next: bool
    can_back: bool
    can_skip: bool
    can_pause: bool
    can_resume: bool
    can_extend: bool
    can_finish: bool
    # The phase's own summary from the protocol file (what the phase is for), "" if none.
    phase_summary: str = ""

    @property
    def paused(self) -> bool:
        return self.status is RunStatus.PAUSED

    @property
    def finished(self) -> bool:
        return self.status is RunStatus.FINISHED

    @property
    def overtime(self) -> bool:
        return self.planned_seconds > 0 and self.remaining_seconds < 0


PhaseSelection = PhaseKey | str | Sequence[PhaseKey | str] | None


def _phase_keys(phase: PhaseSelection) -> set[str] | None:
    if phase is None:
        return None
    if isinstance(phase, str):
        return {str(phase)}
    return {str(p) for p in phase}


def route_minutes(protocol: Protocol, visits: int, visit_minutes: int,
                  corridor_minutes: int) -> int:
    """The minutes of a route of `visits` visits: each visit, the corridor talk between
    them, and after the last one too when the protocol says so (`corridor_after_last`)."""
    if visits <= 0:
        return 0
    corridors = visits - 1 + (1 if protocol.corridor_after_last else 0)
    return visits * visit_minutes + corridors * corridor_minutes


def plan_steps(protocol: Protocol, phase: PhaseSelection = None, *, visits: int = 0,
               visit_minutes: int | None = None,
               corridor_minutes: int | None = None,
               choices: PlanChoices = plan_choices.NONE) -> list[PlannedStep]:
    """The steps a runner goes through, with planned seconds: the steps this walk runs
    (`choices`: the optional steps and variants chosen at planning). A `visits` step
    without its own minutes is planned from the route: n visits plus the corridor time
    between them (and after the last, see `route_minutes`)."""
    visit = protocol.visit_minutes if visit_minutes is None else visit_minutes
    corridor = protocol.corridor_minutes if corridor_minutes is None else corridor_minutes
    steps = []
    wanted = _phase_keys(phase)
    for ph, index, step in plan_choices.walk_steps(protocol, choices):
        if wanted is not None and ph.key.value not in wanted:
            continue
        if step.minutes is not None:
            seconds = step.minutes * 60
        else:
            seconds = route_minutes(protocol, visits, visit, corridor) * 60
        steps.append(PlannedStep(ph, index, step, seconds))
    return steps


def walk_plan(protocol: Protocol, walk: d.Walk, phase: PhaseSelection = None
              ) -> list[PlannedStep]:
    """The steps `walk` runs, timed by its own route and its own choices."""
    return plan_steps(protocol, phase, visits=len(walk.visits),
                      visit_minutes=walk.visit_minutes, corridor_minutes=walk.corridor_minutes,
                      choices=plan_choices.read(walk.plan_choices))


@dataclass(frozen=True)
class _Replay:
    status: RunStatus
    position: int
    open_row: str | None  # the running segment
    last_row: str | None  # the latest segment of the current step
    rows: dict[int, list[d.PhaseLogEntry]]  # position → its segments
    latest: datetime | None  # latest moment written in the log


class ProtocolRunner:
    """Runs one walk through a protocol, or through one phase of it (`phase=`)."""

    def __init__(self, runs: RunStore, walk: d.Walk, protocol: Protocol, *,
                 phase: PhaseSelection = None, clock: Clock = utc_clock) -> None:
        wanted = _phase_keys(phase)
        missing = sorted(k for k in wanted or () if protocol.phase(k) is None)
        if missing:
            raise ValidationError(tr("The protocol “{title}” has no {missing} phase.").format(
                                      title=protocol.title, missing=', '.join(missing)))
        self._runs = runs
        self._walk_id = walk.id
        self._protocol = protocol
        self._clock = clock
        self._steps = walk_plan(protocol, walk, phase)
        self._index = {(s.phase.key.value, s.index): i for i, s in enumerate(self._steps)}
        self._replay = self._read(runs.log(walk.id))

    @property
    def steps(self) -> Sequence[PlannedStep]:
        return tuple(self._steps)

    @property
    def walk_id(self) -> str:
        return self._walk_id

    @property
    def protocol(self) -> Protocol:
        return self._protocol

    # -- reading the state -----------------------------------------------------------------
    def refresh(self) -> RunnerState:
        """Re-read the log (another window may have moved the walk on)."""
        self._replay = self._read(self._runs.log(self._walk_id))
        return self.state()

    def outcomes(self) -> dict[int, str]:
        """The latest outcome of each step run so far, by position ("done", "skipped",
        "running", "paused"), from the log as last read: no database read."""
        return {position: rows[-1].outcome for position, rows in self._replay.rows.items()
                if rows}

    def planned_seconds_at(self, position: int) -> int:
        """The planned time of the step at `position`, with every extension given to it
        ("+1 min"), from the log as last read: no database read."""
        rows = self._replay.rows.get(position, [])
        return self._steps[position].planned_seconds + sum(e.extended_seconds for e in rows)

    def state(self) -> RunnerState:
        r = self._replay
        now = self._now_for_display()
        planned = self._steps[r.position]
        step_rows = r.rows.get(r.position, [])
        extended = sum(e.extended_seconds for e in step_rows)
        elapsed = sum(self._active(e, now) for e in step_rows)
        total_planned = sum(s.planned_seconds for s in self._steps) + sum(
            e.extended_seconds for rows in r.rows.values() for e in rows)
        total_elapsed = sum(self._active(e, now) for rows in r.rows.values() for e in rows)
        last = r.position == len(self._steps) - 1
        active = r.status in (RunStatus.RUNNING, RunStatus.PAUSED)
        return RunnerState(
            status=r.status, position=r.position, total_steps=len(self._steps),
            phase=planned.phase.key, phase_title=planned.phase.title,
            step_index=self._in_phase(r.position),
            phase_step_count=sum(1 for s in self._steps if s.phase.key is planned.phase.key),
            step=planned.step, step_key=planned.step.key,
            step_title=planned.step.title, script=planned.step.script,
            activity=planned.step.activity,
            planned_seconds=planned.planned_seconds + extended, extended_seconds=extended,
            elapsed_seconds=elapsed,
            remaining_seconds=planned.planned_seconds + extended - elapsed,
            started_at=step_rows[0].started_at if step_rows else None,
            total_planned_seconds=total_planned, total_elapsed_seconds=total_elapsed,
            is_last_step=last, can_start=r.status is RunStatus.READY,
            can_next=active, can_skip=active,
            can_back=(r.status is RunStatus.FINISHED or r.position > 0),
            can_pause=r.status is RunStatus.RUNNING, can_resume=r.status is RunStatus.PAUSED,
            can_extend=active, can_finish=r.status is not RunStatus.FINISHED,
            phase_summary=planned.phase.summary)

    def _in_phase(self, position: int) -> int:
        """The step's place among the steps of its phase that this walk runs."""
        key = self._steps[position].phase.key
        return sum(1 for s in self._steps[:position] if s.phase.key is key)

    # -- actions ---------------------------------------------------------------------------
    # Each action decides its change from the log read inside the same transaction that
    # writes it (see RunService.transition), so what it acts on is never stale.
    def start(self) -> RunnerState:
        """Start the current step (the first one, on a new walk)."""
        def decide(r: _Replay) -> RunChange:
            if r.status is not RunStatus.READY:
                raise RunnerError(self._why_not(r, "start"))
            return RunChange(open=(self._segment(r.position, self._now(r)),),
                             position=self._position(r.position))
        return self._act(decide)

    def pause(self) -> RunnerState:
        def decide(r: _Replay) -> RunChange:
            if r.status is not RunStatus.RUNNING or r.open_row is None:
                raise RunnerError(self._why_not(r, "pause"))
            return RunChange(close=(r.open_row, self._now(r), "paused"),
                             position=self._position(r.position))
        return self._act(decide)

    def resume(self) -> RunnerState:
        def decide(r: _Replay) -> RunChange:
            if r.status is not RunStatus.PAUSED:
                raise RunnerError(self._why_not(r, "resume"))
            return RunChange(open=(self._segment(r.position, self._now(r)),),
                             position=self._position(r.position))
        return self._act(decide)

    def start_at(self, position: int) -> RunnerState:
        """Start the step at `position`, the one the facilitator chose in the step list
        (before Start, or while another runs). The step left is kept as 'paused', as with
        Back: its time so far still counts; the steps between are left as they were."""
        if isinstance(position, bool) or not 0 <= position < len(self._steps):
            raise RunnerError(tr("There is no such step in this part of the protocol."))

        def decide(r: _Replay) -> RunChange:
            if position == r.position and r.status is RunStatus.RUNNING:
                raise RunnerError(self._why_not(r, "start"))
            at = self._now(r)
            close = (r.open_row, at, "paused") if r.open_row is not None else None
            return RunChange(close=close, open=(self._segment(position, at + _TICK),),
                             position=self._position(position))
        return self._act(decide)

    def next(self) -> RunnerState:
        """Finish the current step and start the next; after the last step, finish."""
        return self._act(lambda r: self._leave(r, "done"))

    def skip(self) -> RunnerState:
        """Leave the current step marked as skipped and start the next one."""
        return self._act(lambda r: self._leave(r, "skipped"))

    def back(self) -> RunnerState:
        """Return to the previous step (or, once finished, reopen the last one). The step
        left is kept as 'paused': its time so far still counts if the group returns."""
        def decide(r: _Replay) -> RunChange:
            if r.status is RunStatus.FINISHED:
                target = r.position
            elif r.position > 0:
                target = r.position - 1
            else:
                raise RunnerError(tr("This is the first step; there is nothing to go back to."))
            at = self._now(r)
            close = (r.open_row, at, "paused") if r.open_row is not None else None
            return RunChange(close=close, open=(self._segment(target, at + _TICK),),
                             position=self._position(target))
        return self._act(decide)

    def extend(self, minutes: int) -> RunnerState:
        """Give the current step more (or, with a negative number, fewer) minutes."""
        if isinstance(minutes, bool) or not isinstance(minutes, int) or minutes == 0 \
                or abs(minutes) > 240:
            raise ValidationError(tr("Extend by a whole number of minutes, from 1 to 240."))

        def decide(r: _Replay) -> RunChange:
            target = r.open_row or r.last_row
            if r.status not in (RunStatus.RUNNING, RunStatus.PAUSED) or target is None:
                raise RunnerError(self._why_not(r, "extend"))
            already = sum(e.extended_seconds for e in r.rows.get(r.position, []))
            if already + minutes * 60 < 0:
                extra = fmt.plural(already // 60, "extra minute", "extra minutes")
                raise ValidationError(tr("This step has only {extra} to take back.").format(
                                          extra=extra))
            return RunChange(extend=(target, minutes * 60))
        return self._act(decide)

    def finish(self) -> RunnerState:
        """End now: the current step is done and any step not yet run is marked skipped."""
        def decide(r: _Replay) -> RunChange:
            if r.status is RunStatus.FINISHED:
                raise RunnerError(self._why_not(r, "finish"))
            at = self._now(r)
            close = relabel = None
            if r.status is RunStatus.RUNNING and r.open_row is not None:
                close = (r.open_row, at, "done")
            elif r.status is RunStatus.PAUSED and r.last_row is not None:
                relabel = (r.last_row, "done")
            first_untouched = r.position if r.status is RunStatus.READY else r.position + 1
            skipped = []
            for offset, position in enumerate(range(first_untouched, len(self._steps)),
                                              start=1):
                moment = at + offset * _TICK
                skipped.append(self._segment(position, moment, ended_at=moment,
                                             outcome="skipped"))
            return RunChange(close=close, relabel=relabel, open=tuple(skipped),
                             position=self._finished_position())
        return self._act(decide)

    # -- internals -------------------------------------------------------------------------
    def _leave(self, r: _Replay, outcome: str) -> RunChange:
        if r.status not in (RunStatus.RUNNING, RunStatus.PAUSED):
            raise RunnerError(self._why_not(r, "next" if outcome == "done" else "skip"))
        at = self._now(r)
        close = relabel = None
        if r.status is RunStatus.RUNNING and r.open_row is not None:
            close = (r.open_row, at, outcome)
        elif r.last_row is not None:
            relabel = (r.last_row, outcome)
        if r.position == len(self._steps) - 1:
            return RunChange(close=close, relabel=relabel,
                             position=self._finished_position())
        target = r.position + 1
        return RunChange(close=close, relabel=relabel,
                         open=(self._segment(target, at + _TICK),),
                         position=self._position(target))

    def _act(self, decide: Callable[[_Replay], RunChange]) -> RunnerState:
        def on_log(log: list[d.PhaseLogEntry]) -> RunChange:
            self._replay = self._read(log)
            return decide(self._replay)

        self._replay = self._read(self._runs.transition(self._walk_id, on_log))
        return self.state()

    def _read(self, log: list[d.PhaseLogEntry]) -> _Replay:
        """Replay the log: the latest segment says where we are and whether it runs."""
        rows: dict[int, list[d.PhaseLogEntry]] = {}
        ordered: list[tuple[int, d.PhaseLogEntry]] = []
        latest: datetime | None = None
        for entry in log:
            for moment in (entry.started_at, entry.ended_at):
                if moment is not None and (latest is None or moment > latest):
                    latest = moment
            position = self._index.get((entry.phase, entry.step_index))
            if position is None or entry.started_at is None:
                continue  # another phase's runner, or a step this protocol does not have
            rows.setdefault(position, []).append(entry)
            ordered.append((position, entry))
        if not ordered:
            return _Replay(RunStatus.READY, 0, None, None, rows, latest)
        position, entry = max(ordered, key=lambda pe: (pe[1].started_at, pe[1].id))
        if entry.outcome == "running":
            return _Replay(RunStatus.RUNNING, position, entry.id, entry.id, rows, latest)
        if entry.outcome == "paused":
            return _Replay(RunStatus.PAUSED, position, None, entry.id, rows, latest)
        if position == len(self._steps) - 1:
            return _Replay(RunStatus.FINISHED, position, None, entry.id, rows, latest)
        # The step was finished elsewhere (e.g. by a one-phase runner): the next one waits.
        return _Replay(RunStatus.READY, position + 1, None, None, rows, latest)

    def _now(self, r: _Replay) -> datetime:
        """The clock, made strictly later than anything already logged, so the log's order
        is the order things happened even when the clock stands still or jumps back."""
        now = self._checked_clock()
        if r.latest is not None and now <= r.latest:
            now = r.latest + _TICK
        return now

    def _now_for_display(self) -> datetime:
        now = self._checked_clock()
        latest = self._replay.latest
        return latest if latest is not None and now < latest else now

    def _checked_clock(self) -> datetime:
        now = self._clock()
        if now.tzinfo is None:
            raise ValueError("the runner's clock must return timezone-aware UTC datetimes")
        return now.astimezone(UTC)

    @staticmethod
    def _active(entry: d.PhaseLogEntry, now: datetime) -> int:
        if entry.started_at is None:
            return 0
        end = entry.ended_at if entry.ended_at is not None else now
        return max(0, round((end - entry.started_at).total_seconds()))

    def _segment(self, position: int, at: datetime, *, ended_at: datetime | None = None,
                 outcome: str = "running") -> NewSegment:
        planned = self._steps[position]
        return NewSegment(phase=planned.phase.key.value, step_index=planned.index,
                          step_key=planned.step.key, step_title=planned.step.title,
                          planned_seconds=planned.planned_seconds, started_at=at,
                          ended_at=ended_at, outcome=outcome)

    def _position(self, position: int) -> tuple[str, int, d.WalkStatus]:
        planned = self._steps[position]
        return planned.phase.key.value, planned.index, d.WalkStatus.RUNNING

    def _finished_position(self) -> tuple[str, int, d.WalkStatus]:
        """After the runner's last step: the next phase waits, or the walk is closed."""
        last_phase = self._steps[-1].phase.key
        keys = [p.key for p in self._protocol.phases]
        later = keys[keys.index(last_phase) + 1:]
        if later:
            return later[0].value, 0, d.WalkStatus.RUNNING
        return DONE_PHASE, 0, d.WalkStatus.CLOSED

    @staticmethod
    def _why_not(r: _Replay, action: str) -> str:
        status = r.status
        if status is RunStatus.FINISHED:
            message = tr("Cannot {action}: this part of the protocol is finished. Use Back to "
                         "reopen it.")
        elif status is RunStatus.READY:
            message = tr("Cannot {action}: the step has not started yet. Start it first.")
        elif status is RunStatus.PAUSED:
            message = tr("Cannot {action}: the step is paused. Resume it first.")
        else:
            message = tr("Cannot {action}: the step is already running.")
        return message.format(action=tr(_ACTIONS[action]))
