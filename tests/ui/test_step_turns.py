"""Turns inside a step (protocol format version 2), driven by a fake clock: "Speaker 2 of 3
— Ben" with a timer of its own, Next turn from the button and the keyboard, the walkers in
roster order, and a guide reopened later starting at the turn the step's time reaches."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.helpers.plan_choices import choosing_protocol
from walkapp import domain as d
from walkapp.protocol import choices as pc
from walkapp.protocol.runner import ProtocolRunner
from walkapp.services import Services
from walkapp.services.protocol_walks import create_walk_from_protocol
from walkapp.ui.screens.step_guide import StepGuide
from walkapp.ui.screens.step_turns import turn_taker


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 3, 3, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def tick(self, minutes: float) -> None:
        self.now += timedelta(minutes=minutes)


def rounds_walk(services: Services) -> d.Walk:
    walk = create_walk_from_protocol(services, choosing_protocol(), "Rounds", date(2026, 3, 2),
                                     visits=2)
    for name in ("Ana", "Ben", "Cleo"):
        services.plan.add_participant(walk.id, name)
    walk = services.walks.get_walk(walk.id)
    return replace(walk, plan_choices=pc.dump(pc.with_variant(pc.NONE, "talk", "rounds")))


def guide_for(qtbot, services: Services, walk: d.Walk, clock: Clock) -> StepGuide:  # type: ignore[no-untyped-def]
    runner = ProtocolRunner(services.runs, walk, choosing_protocol(), phase="post_brief",
                            clock=clock)
    guide = StepGuide(services, walk.id, "post_brief", lambda _a: None, runner=runner)
    qtbot.addWidget(guide)
    guide.resize(1366, 768)
    guide.show()
    return guide


def start_rounds(qtbot, guide: StepGuide) -> None:  # type: ignore[no-untyped-def]
    position = next(i for i, s in enumerate(guide.runner.steps) if s.step.key == "rounds")
    guide._act("start_at", position=position)
    qtbot.waitUntil(lambda: not guide.is_acting(), timeout=5000)


def test_turns_rotate_through_the_walkers_with_their_own_timer(
        qtbot, services: Services) -> None:
    clock = Clock()
    guide = guide_for(qtbot, services, rounds_walk(services), clock)
    assert guide.turns_bar.isHidden()  # the evidence wall has no turns
    start_rounds(qtbot, guide)
    bar = guide.turns_bar
    assert bar.isVisible() and bar.text() == "Speaker 1 of 3 — Ana"
    clock.tick(1)
    guide._tick()
    assert round(bar.timer.elapsed()) == 60
    assert round(bar.timer.remaining()) == 60

    guide.start_button.setFocus()
    QTest.keyClick(guide.start_button, Qt.Key.Key_Right,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert bar.text() == "Speaker 2 of 3 — Ben"
    assert round(bar.timer.elapsed()) == 0
    clock.tick(2.5)
    guide._tick()
    assert round(bar.timer.elapsed()) == 150 and bar.timer.remaining() < 0  # over time
    assert bar.timer.time_label.text() == "+0:30"
    QApplication.processEvents()  # the layout makes room for the longer time
    guide.grab().save("/tmp/plan-choices-turns.png")

    bar.next_button.click()
    assert bar.text() == "Speaker 3 of 3 — Cleo"
    assert not bar.next_button.isEnabled()  # the last turn
    bar.next_turn()
    assert bar.index == 2


def test_a_paused_step_holds_its_turn_and_a_reopened_guide_finds_it(
        qtbot, services: Services) -> None:
    clock = Clock()
    walk = rounds_walk(services)
    guide = guide_for(qtbot, services, walk, clock)
    start_rounds(qtbot, guide)
    clock.tick(5)  # into the third 2-minute turn
    guide._act("pause")
    qtbot.waitUntil(lambda: not guide.is_acting(), timeout=5000)
    assert not guide.turns_bar.next_button.isEnabled()
    assert not guide.turns_bar.shortcut.isEnabled()
    guide.shutdown()
    again = guide_for(qtbot, services, walk, clock)
    assert again.turns_bar.text() == "Speaker 3 of 3 — Cleo"
    assert round(again.turns_bar.timer.elapsed()) == 60


def test_nobody_is_named_without_rotation() -> None:
    step = next(s for _, _, s in choosing_protocol().steps() if s.key == "rounds")
    assert [turn_taker(step, i, ("Ana", "Ben")) for i in range(3)] == ["Ana", "Ben", "Ana"]
    assert step.turns is not None
    plain = replace(step, turns=replace(step.turns, rotate="none"))  # type: ignore[arg-type]
    assert turn_taker(plain, 0, ("Ana",)) == ""
