"""Choices made at planning (protocol format version 2): the steps a walk runs, the stored
JSON read forgivingly and written strictly, the runner and the schedule following them,
corridor time after the last visit and visits longer than an hour."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from tests.helpers.plan_choices import choosing_protocol
from walkapp.errors import ValidationError
from walkapp.protocol import choices as pc
from walkapp.protocol.runner import ProtocolRunner, plan_steps, route_minutes, walk_plan
from walkapp.protocol.schema import VISIT_MINUTES_MAX
from walkapp.services import Services
from walkapp.services.protocol_walks import create_walk_from_protocol

DAY = date(2026, 3, 2)


def keys(protocol: object, choices: pc.PlanChoices) -> list[str]:
    assert isinstance(protocol, type(choosing_protocol()))
    return [s.key for _, _, s in pc.walk_steps(protocol, choices)]


def test_defaults_run_the_included_steps_and_the_default_option() -> None:
    protocol = choosing_protocol()
    run = keys(protocol, pc.NONE)
    assert "stems" in run            # optional, in by default
    assert "calibration" not in run  # optional, out by default
    assert "patterns" in run and "rounds" not in run  # the variant's default option
    assert len(run) == sum(1 for _ in protocol.steps()) - 2


def test_left_out_is_the_whole_decision_once_written() -> None:
    protocol = choosing_protocol()
    # Taking calibration in writes down every optional step's state: stems stays in.
    chosen = pc.with_step(protocol, pc.NONE, "calibration", True)
    assert chosen.left_out == frozenset()
    assert {"stems", "calibration"} <= set(keys(protocol, chosen))
    chosen = pc.with_step(protocol, chosen, "stems", False)
    assert chosen.left_out == {"stems"}
    assert "stems" not in keys(protocol, chosen) and "calibration" in keys(protocol, chosen)


def test_a_variant_runs_only_the_chosen_options_steps() -> None:
    protocol = choosing_protocol()
    chosen = pc.with_variant(pc.NONE, "talk", "rounds")
    run = keys(protocol, chosen)
    assert "rounds" in run and "patterns" not in run
    # An option the variant does not have (from an older plan) counts as no choice.
    assert "patterns" in keys(protocol, pc.with_variant(pc.NONE, "talk", "gone"))


def test_json_round_trip_is_canonical() -> None:
    protocol = choosing_protocol()
    chosen = pc.with_phase_date(pc.with_variant(pc.with_step(
        protocol, pc.NONE, "stems", False), "talk", "rounds"), "post_brief", date(2026, 3, 3))
    text = pc.dump(chosen)
    assert json.loads(text) == {"left_out": ["calibration", "stems"],
                                "variants": {"talk": "rounds"},
                                "phase_dates": {"post_brief": "2026-03-03"}}
    assert pc.read(text) == chosen == pc.parse(text)
    assert pc.dump(pc.read(text)) == text
    assert pc.dump(pc.NONE) == "" and pc.read("") == pc.NONE


def test_reading_ignores_what_a_newer_walkapp_or_protocol_wrote() -> None:
    protocol = choosing_protocol()
    text = json.dumps({"left_out": ["stems", "step-of-a-newer-protocol"],
                       "variants": {"talk": "rounds", "unknown": "x"},
                       "phase_dates": {"post_brief": "2026-03-04", "party": "2026-05-01"},
                       "colours": {"stems": "blue"}})
    chosen = pc.read(text)
    run = keys(protocol, chosen)
    assert "stems" not in run and "rounds" in run
    assert pc.phase_date(protocol, chosen, "post_brief", DAY) == date(2026, 3, 4)
    # A damaged value is forgiven when read: the protocol's defaults apply.
    assert pc.read("{not json") == pc.NONE
    assert pc.read('{"left_out": "stems", "phase_dates": {"post_brief": "soon"}}') == pc.NONE
    assert pc.read("[1, 2]") == pc.NONE


@pytest.mark.parametrize(("text", "says"), [
    ("{nope", "not JSON"),
    ("[]", "expected an object"),
    ('{"left_out": "stems"}', "left_out must be a list"),
    ('{"variants": {"talk": 3}}', "variant “talk”"),
    ('{"phase_dates": {"post_brief": "tomorrow"}}', "YYYY-MM-DD"),
])
def test_writing_refuses_a_wrong_shape_clearly(text: str, says: str) -> None:
    with pytest.raises(ValidationError, match=says):
        pc.parse(text)


@pytest.mark.parametrize(("choices", "says"), [
    (pc.PlanChoices(left_out=frozenset({"norms"})), "not optional"),
    (pc.PlanChoices(left_out=frozenset({"nope"})), "no step “nope”"),
    (pc.PlanChoices(variants={"talk": "nope"}), "has no option “nope”"),
    (pc.PlanChoices(variants={"nope": "x"}), "no variant “nope”"),
    (pc.PlanChoices(phase_dates={"pre_brief": DAY}), "no phase “pre_brief”"),
    (pc.PlanChoices(phase_dates={"post_brief": DAY - timedelta(days=1)}), "choose a day"),
])
def test_checking_against_the_protocol_names_the_fix(choices: pc.PlanChoices,
                                                      says: str) -> None:
    with pytest.raises(ValidationError, match=says):
        pc.check(choices, choosing_protocol(), DAY)


def test_a_phase_cannot_lose_every_step() -> None:
    protocol = choosing_protocol()
    closing = protocol.phase("closing")
    assert closing is not None
    optional_closing = replace(closing, steps=tuple(replace(s, optional=True)
                                                    for s in closing.steps))
    protocol = replace(protocol, phases=tuple(optional_closing if p.key == closing.key else p
                                              for p in protocol.phases))
    every = pc.PlanChoices(left_out=frozenset(s.key for s in closing.steps))
    with pytest.raises(ValidationError, match="no steps left"):
        pc.check(every, protocol, DAY)


def test_phase_dates_default_to_the_days_after() -> None:
    protocol = choosing_protocol()
    assert pc.phase_date(protocol, pc.NONE, "post_brief", DAY) == date(2026, 3, 3)
    assert pc.phase_date(protocol, pc.NONE, "pre_brief", DAY) == DAY
    chosen = pc.with_phase_date(pc.NONE, "post_brief", date(2026, 3, 9))
    assert pc.phase_date(protocol, chosen, "post_brief", DAY) == date(2026, 3, 9)
    assert pc.with_phase_date(chosen, "post_brief", None) == pc.NONE
    assert pc.for_copy(chosen) == pc.NONE


def test_corridor_after_the_last_visit_and_long_visits_in_the_schedule() -> None:
    protocol = choosing_protocol()
    # Two 120-minute research lessons, 5 minutes of corridor between and after.
    assert route_minutes(protocol, 2, 120, 5) == 2 * 120 + 2 * 5
    assert route_minutes(replace(protocol, corridor_after_last=False), 2, 120, 5) == 245
    assert route_minutes(protocol, 0, 120, 5) == 0
    visits = next(s for s in plan_steps(protocol, "observation", visits=2, visit_minutes=120,
                                        corridor_minutes=5))
    assert visits.planned_seconds == 250 * 60
    assert VISIT_MINUTES_MAX == 180


def walk_with(services: Services, choices: pc.PlanChoices, visits: int = 3):  # type: ignore[no-untyped-def]
    walk = create_walk_from_protocol(services, choosing_protocol(), "Walk", DAY,
                                     visits=visits)
    return replace(walk, plan_choices=pc.dump(choices))


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 3, 2, 8, 30, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def test_the_runner_skips_left_out_steps_and_counts_within_the_phase(
        services: Services) -> None:
    protocol = choosing_protocol()
    chosen = pc.with_variant(pc.with_step(protocol, pc.NONE, "stems", False), "talk",
                             "rounds")
    walk = walk_with(services, chosen)
    post = ProtocolRunner(services.runs, walk, protocol, phase="post_brief", clock=Clock())
    titles = [s.step.key for s in post.steps]
    assert titles == ["evidence", "rounds", "commitments", "action-items"]
    # Each keeps its index in the protocol's phase: the phase log means the same step
    # whatever was chosen.
    assert [s.index for s in post.steps] == [0, 3, 4, 5]
    state = post.start()
    assert (state.step_index, state.phase_step_count) == (0, 4)
    state = post.next()
    assert (state.step_key, state.step_index, state.phase_step_count) == ("rounds", 1, 4)
    assert state.planned_seconds == 6 * 60
    entry = services.runs.log(walk.id)[-1]
    assert (entry.phase, entry.step_index, entry.step_key) == ("post_brief", 3, "rounds")
    pre = ProtocolRunner(services.runs, walk, protocol, phase="pre_brief", clock=Clock())
    assert "stems" not in [s.step.key for s in pre.steps]


def test_walk_plan_times_the_route_with_corridor_after_last(services: Services) -> None:
    walk = replace(walk_with(services, pc.NONE, visits=3), visit_minutes=90,
                   corridor_minutes=4)
    observation = walk_plan(choosing_protocol(), walk, "observation")
    assert observation[0].planned_seconds == (3 * 90 + 3 * 4) * 60


def test_a_walk_kit_carries_the_choices(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The walker's laptop runs the steps the facilitator chose; a key a newer walkapp
    wrote is dropped on the way, never an error."""
    from tests.helpers.builders import make_walk
    from tests.helpers.laptops import laptops
    from walkapp.bundles import crypto

    monkeypatch.setattr(crypto, "SCRYPT_N", 2**14)
    text = json.dumps({"left_out": ["stems"], "colours": {"x": 1}})
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk = make_walk(fac.services, "Choices", walkers=1)
        with fac.services.db.transaction() as session:  # a v1 snapshot has no optional step
            from walkapp.storage import models as m

            session.get(m.Walk, walk.id).plan_choices = text  # type: ignore[union-attr]
        kit = fac.bundles.write_kit(walk.id, tmp_path / "k.walkkit",
                                    walker_id=walk.walkers[0].id)
        amy.bundles.open_kit(kit)
        there = amy.services.walks.get_walk(walk.id)
        assert pc.read(there.plan_choices).left_out == {"stems"}
        assert "colours" not in there.plan_choices
