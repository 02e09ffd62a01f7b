"""The runner starts any step the facilitator chose (`start_at`), and says how long each
step is planned, extensions included (`planned_seconds_at`): the step list shows it."""

from __future__ import annotations

import pytest

from tests.core.test_runner import FakeClock, new_walk
from walkapp.protocol.library import BUILTIN_ORDER, builtin_protocol
from walkapp.protocol.runner import RunnerError, RunStatus, plan_steps
from walkapp.services import Services
from walkapp.services.protocol_walks import open_runner


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.mark.parametrize("protocol_id", BUILTIN_ORDER)
def test_start_at_any_step_before_start_and_while_running(services: Services,
                                                          clock: FakeClock,
                                                          protocol_id: str) -> None:
    walk = new_walk(services, protocol_id, visits=2)
    runner = open_runner(services, walk.id, clock=clock)
    last = len(runner.steps) - 1
    state = runner.start_at(last)  # before Start: the chosen step runs, not the first
    assert state.status is RunStatus.RUNNING and state.position == last
    clock.tick(2)
    if last > 0:
        state = runner.start_at(0)  # while running: the step left keeps its time, paused
        assert state.status is RunStatus.RUNNING and state.position == 0
        assert runner.outcomes()[last] == "paused"
        assert open_runner(services, walk.id, clock=clock).state().position == 0
    # Next from the chosen step goes on from there.
    after = runner.next()
    assert after.position == min(1, last) or after.finished


def test_start_at_the_running_step_or_out_of_range_is_refused(services: Services,
                                                              clock: FakeClock) -> None:
    runner = open_runner(services, new_walk(services).id, clock=clock)
    runner.start_at(2)
    with pytest.raises(RunnerError):
        runner.start_at(2)
    with pytest.raises(RunnerError):
        runner.start_at(len(runner.steps))
    runner.pause()
    assert runner.start_at(2).status is RunStatus.RUNNING  # a paused step goes on


def test_planned_seconds_at_counts_the_extensions(services: Services,
                                                  clock: FakeClock) -> None:
    walk = new_walk(services)
    runner = open_runner(services, walk.id, clock=clock)
    planned = plan_steps(builtin_protocol("learning-walk"), visits=4)
    runner.start()
    runner.extend(1)
    runner.extend(2)
    assert runner.planned_seconds_at(0) == planned[0].planned_seconds + 3 * 60
    assert runner.planned_seconds_at(1) == planned[1].planned_seconds
    fresh = open_runner(services, walk.id, clock=clock)  # after a restart too
    assert fresh.planned_seconds_at(0) == planned[0].planned_seconds + 3 * 60
