"""The protocol runner, driven by a fake clock: every transition lands in the phase log, the
walk's current phase/step/status follow, and a new runner resumes from the log."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, timedelta

import pytest

from walkapp import domain as d
from walkapp.errors import ValidationError
from walkapp.events import Action, Entity
from walkapp.protocol import PhaseKey, Protocol
from walkapp.protocol.library import BUILTIN_ORDER, builtin_protocol
from walkapp.protocol.runner import (
    DONE_PHASE,
    ProtocolRunner,
    RunnerError,
    RunStatus,
    plan_steps,
)
from walkapp.services import Services
from walkapp.services.protocol_walks import create_walk_from_protocol, open_runner

START = datetime(2026, 3, 2, 8, 30, tzinfo=UTC)


class FakeClock:
    def __init__(self, now: datetime = START) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def tick(self, minutes: float = 0, seconds: float = 0) -> None:
        self.now += timedelta(minutes=minutes, seconds=seconds)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def new_walk(services: Services, protocol_id: str = "learning-walk", visits: int = 4) -> d.Walk:
    return create_walk_from_protocol(services, builtin_protocol(protocol_id), "Walk",
                                     date(2026, 3, 2), visits=visits)


@pytest.mark.parametrize("protocol_id", BUILTIN_ORDER)
def test_step_through_a_whole_builtin_protocol(services: Services, clock: FakeClock,
                                               protocol_id: str) -> None:
    protocol = builtin_protocol(protocol_id)
    walk = new_walk(services, protocol_id, visits=3)
    runner = open_runner(services, walk.id, clock=clock)
    planned = plan_steps(protocol, visits=3)
    assert runner.state().status is RunStatus.READY and runner.state().position == 0
    assert services.walks.get_walk(walk.id).status is d.WalkStatus.PLANNED

    runner.start()
    spent = []
    for position, step in enumerate(planned):
        state = runner.state()
        assert (state.position, state.step_key, state.phase) == (
            position, step.step.key, step.phase.key)
        assert state.planned_seconds == step.planned_seconds
        # Each step takes its planned time plus one minute (the group always runs over).
        clock.tick(seconds=step.planned_seconds + 60)
        assert runner.state().elapsed_seconds == step.planned_seconds + 60
        assert runner.state().remaining_seconds == -60
        spent.append(step.planned_seconds + 60)
        walk_now = services.walks.get_walk(walk.id)
        assert (walk_now.current_phase, walk_now.current_step) == (
            step.phase.key.value, step.index)
        assert walk_now.status is d.WalkStatus.RUNNING
        runner.next()

    state = runner.state()
    assert state.finished and state.total_elapsed_seconds == sum(spent)
    assert not state.can_next and state.can_back and not state.can_finish
    walk_end = services.walks.get_walk(walk.id)
    assert walk_end.status is d.WalkStatus.CLOSED and walk_end.current_phase == DONE_PHASE

    log = services.runs.log(walk.id)
    assert [(e.phase, e.step_index, e.step_key) for e in log] == [
        (s.phase.key.value, s.index, s.step.key) for s in planned]
    assert [e.planned_seconds for e in log] == [s.planned_seconds for s in planned]
    assert [e.active_seconds for e in log] == spent
    assert {e.outcome for e in log} == {"done"}
    assert all(a.ended_at is not None and b.started_at is not None
               and a.ended_at <= b.started_at for a, b in itertools.pairwise(log))
    assert log[0].started_at == START
    times = services.runs.step_times(walk.id)
    assert [t.actual_seconds - t.planned_seconds for t in times] == [60] * len(planned)


def test_visits_step_is_planned_from_the_route(services: Services, clock: FakeClock) -> None:
    walk = new_walk(services, visits=5)
    runner = open_runner(services, walk.id, phase=PhaseKey.OBSERVATION, clock=clock)
    # 5 visits of 10 minutes and 4 corridor talks of 3 minutes.
    assert runner.state().planned_seconds == (5 * 10 + 4 * 3) * 60
    services.walks.update_walk(walk.id, visit_minutes=15, corridor_minutes=0)
    assert open_runner(services, walk.id, phase="observation", clock=clock)\
        .state().planned_seconds == 5 * 15 * 60


def test_pause_resume_skip_back_and_extend(services: Services, clock: FakeClock) -> None:
    walk = new_walk(services)
    runner = open_runner(services, walk.id, phase=PhaseKey.PRE_BRIEF, clock=clock)
    first = runner.start()
    assert first.step_key == "focus" and first.can_pause and not first.can_resume
    assert (first.step_index, first.phase_step_count, first.total_steps) == (0, 6, 6)
    assert first.phase_title == "Pre-brief" and first.script.startswith("Read the focus")
    clock.tick(minutes=2)
    paused = runner.pause()
    assert paused.paused and paused.elapsed_seconds == 120 and paused.can_resume
    clock.tick(minutes=30)  # a fire drill: paused time does not count
    assert runner.state().elapsed_seconds == 120
    runner.resume()
    clock.tick(minutes=1)
    extended = runner.extend(5)
    assert extended.planned_seconds == (5 + 5) * 60 and extended.extended_seconds == 300
    assert extended.elapsed_seconds == 180 and not extended.overtime
    with pytest.raises(ValidationError, match="extra minute"):
        runner.extend(-6)
    assert runner.extend(-2).planned_seconds == 8 * 60
    clock.tick(minutes=1)
    second = runner.skip()
    assert second.step_key == "norms" and second.elapsed_seconds == 0
    clock.tick(minutes=4)
    back = runner.back()
    assert back.step_key == "focus" and back.status is RunStatus.RUNNING
    assert back.elapsed_seconds == 240  # 2 + 1 + 1 minutes from before, carried over
    assert back.planned_seconds == 8 * 60  # extensions stay with the step
    clock.tick(minutes=1)
    again = runner.next()
    assert again.step_key == "norms" and again.elapsed_seconds == 240

    log = services.runs.log(walk.id)
    assert [(e.step_key, e.outcome, e.active_seconds, e.extended_seconds) for e in log] == [
        ("focus", "paused", 120, 0),
        ("focus", "skipped", 120, 180),
        ("norms", "paused", 240, 0),
        ("focus", "done", 60, 0),
        ("norms", "running", 0, 0),
    ]
    times = {t.step_key: t for t in services.runs.step_times(walk.id)}
    assert times["focus"].actual_seconds == 300 and times["focus"].segments == 3
    assert times["focus"].extended_seconds == 180 and times["focus"].outcome == "done"


def test_a_new_runner_resumes_a_running_step_with_its_elapsed_time(
        services: Services, clock: FakeClock) -> None:
    walk = new_walk(services)
    runner = open_runner(services, walk.id, clock=clock)
    runner.start()
    clock.tick(minutes=3)
    runner.next()
    clock.tick(minutes=2)
    del runner  # the app crashes here; 4 more minutes pass before it is back
    clock.tick(minutes=4)
    resumed = open_runner(services, walk.id, clock=clock).state()
    assert resumed.status is RunStatus.RUNNING and resumed.step_key == "focus"
    assert resumed.elapsed_seconds == 6 * 60 and resumed.position == 1


def test_a_paused_step_stays_paused_after_a_restart(services: Services,
                                                    clock: FakeClock) -> None:
    walk = new_walk(services)
    runner = open_runner(services, walk.id, clock=clock)
    runner.start()
    clock.tick(minutes=1)
    runner.pause()
    clock.tick(minutes=10)
    state = open_runner(services, walk.id, clock=clock).state()
    assert state.paused and state.elapsed_seconds == 60
    clock.tick(minutes=1)
    assert open_runner(services, walk.id, clock=clock).next().step_key == "focus"
    assert services.runs.log(walk.id)[0].outcome == "done"


def test_finish_early_marks_the_rest_skipped(services: Services, clock: FakeClock) -> None:
    walk = new_walk(services)
    runner = open_runner(services, walk.id, phase=PhaseKey.POST_BRIEF, clock=clock)
    runner.start()
    clock.tick(minutes=7)
    state = runner.finish()
    assert state.finished
    log = services.runs.log(walk.id)
    assert [(e.step_key, e.outcome) for e in log] == [
        ("evidence", "done"), ("calibration", "skipped"), ("patterns", "skipped"),
        ("commitments", "skipped"), ("action-items", "skipped")]
    # The walk moves on to the next phase (closing), not to the end.
    walk_now = services.walks.get_walk(walk.id)
    assert (walk_now.current_phase, walk_now.status) == ("closing", d.WalkStatus.RUNNING)
    reopened = runner.back()
    assert reopened.step_key == "action-items" and reopened.status is RunStatus.RUNNING


def test_phase_runners_and_a_whole_walk_runner_agree(services: Services,
                                                     clock: FakeClock) -> None:
    walk = new_walk(services)
    opener = open_runner(services, walk.id, phase="opener", clock=clock)
    opener.start()
    clock.tick(minutes=5)
    assert opener.next().finished
    whole = open_runner(services, walk.id, clock=clock).state()
    assert whole.status is RunStatus.READY and whole.step_key == "focus" and whole.position == 1
    assert whole.can_start and whole.can_back and not whole.can_next


def test_actions_that_do_not_fit_explain_themselves(services: Services,
                                                    clock: FakeClock) -> None:
    walk = new_walk(services)
    runner = open_runner(services, walk.id, clock=clock)
    for action in (runner.next, runner.skip, runner.pause, runner.resume):
        with pytest.raises(RunnerError, match="has not started yet"):
            action()
    with pytest.raises(RunnerError, match="first step"):
        runner.back()
    runner.start()
    with pytest.raises(RunnerError, match="already running"):
        runner.start()
    with pytest.raises(RunnerError, match="already running"):
        runner.resume()
    for bad in (0, 241, 1.5, True):
        with pytest.raises(ValidationError):
            runner.extend(bad)  # type: ignore[arg-type]
    runner.finish()
    with pytest.raises(RunnerError, match="finished"):
        runner.finish()
    with pytest.raises(ValidationError, match="no closing phase"):
        ProtocolRunner(services.runs, walk, builtin_protocol("session-feedback"),
                       phase="closing")


def test_a_clock_that_stands_still_or_jumps_back_keeps_the_log_in_order(
        services: Services, clock: FakeClock) -> None:
    walk = new_walk(services)
    runner = open_runner(services, walk.id, clock=clock)
    runner.start()
    for _ in range(3):
        runner.next()  # no time passes at all
    clock.tick(minutes=-30)  # the laptop's clock is corrected backwards
    runner.back()
    runner.next()
    state = runner.state()
    assert state.step_key == "review" and state.status is RunStatus.RUNNING
    log = services.runs.log(walk.id)
    starts = [e.started_at for e in log]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)


def test_naive_clock_is_a_programming_error(services: Services) -> None:
    walk = new_walk(services)
    runner = open_runner(services, walk.id, clock=lambda: datetime(2026, 1, 1))
    with pytest.raises(ValueError, match="timezone-aware"):
        runner.start()


def test_changes_are_announced_and_reset_forgets_the_run(services: Services,
                                                         clock: FakeClock) -> None:
    walk = new_walk(services)
    seen: list[tuple[Entity, Action]] = []
    services.bus.subscribe(lambda change: seen.append((change.entity, change.action)))
    runner = open_runner(services, walk.id, clock=clock)
    runner.start()
    assert (Entity.PHASE_LOG, Action.UPDATED) in seen and (Entity.WALK, Action.UPDATED) in seen
    services.runs.reset(walk.id)
    assert services.runs.log(walk.id) == []
    reset = services.walks.get_walk(walk.id)
    assert (reset.status, reset.current_phase) == (d.WalkStatus.PLANNED, "plan")
    assert runner.refresh().status is RunStatus.READY


def test_runner_state_is_cheap_and_pure(services: Services, clock: FakeClock) -> None:
    """A screen calls state() every second; it must not touch the database."""
    walk = new_walk(services)
    runner = open_runner(services, walk.id, clock=clock)
    runner.start()
    services.db.close()
    for _ in range(100):
        clock.tick(seconds=1)
        runner.state()
    assert runner.state().elapsed_seconds == 100


def test_plan_steps_of_a_protocol_without_visits() -> None:
    protocol: Protocol = builtin_protocol("plc-mirror")
    steps = plan_steps(protocol, visits=4)
    assert all(s.step.minutes is not None for s in steps)
    assert sum(s.planned_seconds for s in steps) == protocol.planned_minutes * 60


def test_a_runner_over_several_phases_runs_them_in_order(services: Services,
                                                        clock: FakeClock) -> None:
    walk = new_walk(services)
    runner = open_runner(services, walk.id, phase=("opener", "pre_brief"), clock=clock)
    keys = [p.step.key for p in runner.steps]
    protocol = builtin_protocol("learning-walk")
    expected = [s.key for ph in ("opener", "pre_brief")
                for s in protocol.phase(ph).steps]  # type: ignore[union-attr]
    assert keys == expected
    state = runner.start()
    while not state.finished:
        clock.tick(minutes=1)
        state = runner.next()
    after = services.walks.get_walk(walk.id)
    assert after.current_phase == "observation" and after.status is d.WalkStatus.RUNNING
    with pytest.raises(ValidationError, match="encore"):
        open_runner(services, walk.id, phase=("pre_brief", "encore"), clock=clock)
