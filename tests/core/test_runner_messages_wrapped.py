"""What the runner, the plan choices and a prompt's answer check say when an action or a
value does not fit (issue 19, item 2): every refusal comes from the core's catalogue,
checked under the strict pseudo-locale (tests.helpers.pseudo_core.strict_pseudo_folder:
a fragment put into a message that no catalogue gave stands outside the brackets)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest

from tests.helpers import pseudo_core
from tests.helpers.protocol_carrier import carrier
from tests.helpers.pseudo_core import unwrapped, wrapped_share
from walkapp import formatting as fmt
from walkapp.errors import WalkappError
from walkapp.protocol import choices
from walkapp.protocol.answers import check_answer, feedback_value
from walkapp.protocol.library import builtin_protocol
from walkapp.protocol.loader import load_text
from walkapp.protocol.runner import ProtocolRunner
from walkapp.services import Services
from walkapp.services.protocol_walks import create_walk_from_protocol, open_runner

Speaking = Callable[[], Any]
START = datetime(2026, 3, 2, 8, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def strict(tmp_path_factory: pytest.TempPathFactory) -> Speaking:
    folder = pseudo_core.strict_pseudo_folder(tmp_path_factory.getbasetemp())
    return lambda: pseudo_core.speaking_pseudo(folder)


def refusals(attempts: list[Callable[[], object]]) -> list[str]:
    """The message of each attempt, each of which must be refused."""
    out = []
    for attempt in attempts:
        with pytest.raises(WalkappError) as caught:
            attempt()
        out.append(str(caught.value))
    return out


def assert_wrapped(messages: list[str], user: list[str]) -> None:
    assert not unwrapped(messages, user=user)
    assert wrapped_share(messages) == len(messages)


def test_the_runner_s_refusals_are_wrapped(strict: Speaking, services: Services) -> None:
    protocol = builtin_protocol("learning-walk")
    walk = create_walk_from_protocol(services, protocol, "Walk", date(2026, 3, 2), visits=2)
    runner = open_runner(services, walk.id, clock=lambda: START)
    with strict():
        ready = refusals([runner.pause, runner.resume, runner.next, runner.skip,
                          lambda: runner.extend(5), runner.back,
                          lambda: runner.start_at(999), lambda: runner.extend(0)])
        runner.start()
        running = refusals([runner.start, runner.resume, lambda: runner.extend(-30)])
        runner.pause()
        paused = refusals([runner.pause])
        runner.finish()
        finished = refusals([runner.finish, runner.start, runner.next])
        phase = refusals([lambda: ProtocolRunner(services.runs, walk, protocol,
                                                 phase="nowhere")])
    messages = [*ready, *running, *paused, *finished, *phase]
    assert len(set(messages)) >= 10
    assert_wrapped(messages, user=[protocol.title, "nowhere"])


def test_the_plan_choices_refusals_are_wrapped(strict: Speaking) -> None:
    protocol = load_text(carrier(), "coverage.toml")
    step = next(s for _, _, s in protocol.steps() if not s.optional)
    phase = next(p for p in protocol.phases if p.another_day)
    variant = protocol.variants[0]
    bad_json = ["{nope", "[1]", '{"left_out": 3}', '{"variants": {"form": 3}}',
                '{"variants": []}', '{"phase_dates": {"opener": "soon"}}',
                '{"phase_dates": 3}']
    wrong = [choices.PlanChoices(left_out=frozenset({"no_step"})),
             choices.PlanChoices(left_out=frozenset({step.key})),
             choices.PlanChoices(variants={"no_variant": "x"}),
             choices.PlanChoices(variants={variant.key: "no_option"}),
             choices.PlanChoices(phase_dates={"no_phase": date(2026, 3, 3)}),
             choices.PlanChoices(phase_dates={phase.key.value: date(2027, 1, 1)})]
    with strict():
        messages = refusals([*(lambda text=text: choices.parse(text) for text in bad_json),
                             *(lambda c=c: choices.check(c, protocol, date(2026, 3, 2))
                               for c in wrong)])
    user = [protocol.title, step.title, step.key, phase.title, variant.title, variant.key,
            *(o.key for o in variant.options), "no_step", "no_variant", "no_option",
            "no_phase", "opener", "form", "x", "left_out", "variants", "phase_dates"]
    assert_wrapped(messages, user=user)


def test_an_answer_that_does_not_fit_its_prompt_is_refused_in_wrapped_words(
        strict: Speaking) -> None:
    protocol = load_text(carrier(), "coverage.toml")
    prompts = [p for _, _, s in protocol.steps() for p in s.prompts] + list(protocol.feedback)
    with strict():
        messages = refusals([
            *(lambda p=p: check_answer(p, object()) for p in prompts),
            *(lambda p=p: feedback_value(p, "words", 3) for p in protocol.feedback)])
    user = [p.text for p in prompts] + [o for p in prompts for o in p.options]
    assert_wrapped(messages, user=user)


def test_the_runner_refuses_in_spanish(services: Services) -> None:
    protocol = builtin_protocol("learning-walk")
    walk = create_walk_from_protocol(services, protocol, "Walk", date(2026, 3, 2), visits=2)
    runner = open_runner(services, walk.id, clock=lambda: START)
    with fmt.language("es"):
        ready = refusals([runner.pause])
        plan = refusals([lambda: choices.parse('{"left_out": 3}')])
    assert ready == ["No se puede pausar: el paso aún no ha empezado. Empiézalo primero."]
    assert plan[0].endswith(": left_out tiene que ser una lista de claves de pasos.")
    assert "plan choices" not in plan[0]
