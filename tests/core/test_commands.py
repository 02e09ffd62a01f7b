"""The write commands (walkapp/services/commands.py) without Qt: each runs its service call,
names itself for messages, says whether it may be coalesced, and is a value (retry = run
the same command again)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.helpers.builders import make_walk
from walkapp.events import Change, acting_for
from walkapp.protocol.library import builtin_protocol
from walkapp.services import Services
from walkapp.services.commands import (
    DebriefEdit,
    PlanEdit,
    RunnerAction,
    SaveAnswer,
    WalkDetailsEdit,
)
from walkapp.services.protocol_walks import create_walk_from_protocol, open_runner


def test_a_command_runs_its_service_call_and_carries_the_origin(services: Services) -> None:
    walk = make_walk(services, walkers=0)
    seen: list[Change] = []
    services.bus.subscribe(seen.append)
    me = object()
    command = PlanEdit("add_participant", (walk.id, "Ana"))
    with acting_for(me):
        person = command.run(services)
    assert person.display_name == "Ana" and seen[-1].is_from(me)
    assert command.describe() == "add the walker"
    # Its undo takes the walker away again (tests/core/test_undo.py runs every undo).
    assert command.undo(person) == PlanEdit("remove_participant", (person.id,))
    assert command.coalesce_key() is None  # an addition always runs
    assert PlanEdit("update_visit", ("v1",), {"room": "7"}, key="v1.room").coalesce_key() \
        == "plan.update_visit:v1.room"


def test_a_misspelt_method_is_refused_where_the_command_is_made() -> None:
    with pytest.raises(ValueError, match="no method"):
        PlanEdit("add_particpant", ("w", "Ana"))
    with pytest.raises(ValueError, match="no method"):
        DebriefEdit("drop_table", ())


def test_typed_text_coalesces_per_field_and_runner_actions_never(services: Services) -> None:
    protocol = builtin_protocol("learning-walk")
    walk = create_walk_from_protocol(services, protocol, "Walk", date(2026, 11, 3), visits=1)
    step = next(s for _, _, s in protocol.steps() if s.prompts)
    first = SaveAnswer(walk.id, step, step.prompts[0], "a")
    assert first.coalesce_key() == SaveAnswer(walk.id, step, step.prompts[0], "b").coalesce_key()
    runner = open_runner(services, walk.id, phase=("opener", "pre_brief"))
    start = RunnerAction(runner, "start")
    assert start.coalesce_key() is None
    assert start.run(services).status.value == "running"
    assert RunnerAction(runner, "extend", 1).run(services).extended_seconds == 60
    details = WalkDetailsEdit(walk.id, {"school": "Hill"})
    assert details.run(services).school == "Hill"
    assert details.describe() == "save the walk's details"
