"""Preparing a step from the step list (a click, or arrows and Enter) shows its script,
prompts, minutes and panel without touching the runner; "Start this step" starts it; "+1
min" shows in the list; "Saved" only under an answer that was saved."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.conftest import ScriptedAsker
from tests.ui.test_step_guide import Clock, act, walk_with_protocol
from walkapp.protocol.runner import RunStatus
from walkapp.services import Services
from walkapp.ui.bridge import ChangeBridge
from walkapp.ui.composition import walk_pages
from walkapp.ui.screens.plan.lists import NormsPanel
from walkapp.ui.screens.step_guide import StepGuide

# These tests open many post-brief panels: see tests/ui/conftest.py.
pytestmark = pytest.mark.usefixtures("loads_done_before_teardown")


def pre_brief_guide(qtbot, services: Services, asker: ScriptedAsker,  # type: ignore[no-untyped-def]
                    clock: Clock, walk_id: str | None = None) -> StepGuide:
    walk_id = walk_id or walk_with_protocol(services)
    pages = {p.key: p for p in walk_pages(services, walk_id, asker, None,  # type: ignore[arg-type]
                                          ChangeBridge(services.bus))}
    built = pages["pre_brief"].build()
    assert isinstance(built, StepGuide)
    built.shutdown()
    guide = StepGuide(services, walk_id, ("opener", "pre_brief"), built._panels, clock=clock)
    qtbot.addWidget(guide)
    guide.resize(1366, 768)
    guide.show()
    return guide


def shown(qtbot, guide: StepGuide) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(guide.body_is_shown, timeout=5000)


def position_of(guide: StepGuide, activity: str) -> int:
    return next(i for i, s in enumerate(guide.runner.steps) if s.step.activity.value == activity)


def click_step(qtbot, guide: StepGuide, position: int) -> None:  # type: ignore[no-untyped-def]
    rect = guide.steps.visualItemRect(guide.steps.item(position))
    qtbot.mouseClick(guide.steps.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    shown(qtbot, guide)


def test_clicking_a_step_before_start_prepares_it_and_starts_nothing(
        qtbot, services: Services, asker: ScriptedAsker) -> None:
    clock = Clock()
    guide = pre_brief_guide(qtbot, services, asker, clock)
    norms = position_of(guide, "norms")
    planned = guide.runner.steps[norms]
    click_step(qtbot, guide, norms)
    assert guide.viewing() == norms
    assert guide.title.text() == planned.step.title
    assert guide.script.text() == planned.step.script
    assert isinstance(guide.current_panel(), NormsPanel)
    assert guide.untimed.text() == f"{planned.planned_seconds // 60} min planned"
    assert guide.preview.isVisible() and not guide.start_button.isVisible()
    # Nothing was sent to the runner: no phase log, still ready at the first step.
    assert services.runs.log(guide.walk_id) == []
    assert guide.runner.refresh().status is RunStatus.READY
    assert guide.runner.state().position == 0
    guide.preview.back_button.click()
    shown(qtbot, guide)
    assert guide.viewing() is None and guide.title.text() == guide.runner.steps[0].step.title
    # Prepared again, then started from the bar: that step runs, the first never did.
    click_step(qtbot, guide, norms)
    guide.preview.start_button.click()
    qtbot.waitUntil(lambda: not guide.is_acting(), timeout=5000)
    state = guide.runner.state()
    assert state.status is RunStatus.RUNNING and state.position == norms
    assert guide.viewing() is None and guide.start_button.isVisible()
    assert [e.step_key for e in services.runs.log(guide.walk_id)] == [planned.step.key]


def test_preparing_while_a_step_runs_never_moves_the_running_step(
        qtbot, services: Services, asker: ScriptedAsker) -> None:
    clock = Clock()
    guide = pre_brief_guide(qtbot, services, asker, clock)
    act(qtbot, guide, "start")
    clock.tick(2)
    running = guide.runner.state()
    later = len(guide.runner.steps) - 1
    prompt_step = next(i for i, s in enumerate(guide.runner.steps)
                       if i != running.position and s.step.prompts)
    click_step(qtbot, guide, prompt_step)
    assert guide.runner.refresh().position == running.position
    assert guide.runner.state().status is RunStatus.RUNNING
    assert running.step_title in guide.preview.label.text()
    # Its prompts can be answered ahead: the answer is saved for that step.
    prompts = guide._prompt_cache[guide.runner.steps[prompt_step].step.key]
    assert prompts.isVisible()
    answer = prompts.inputs[0]
    if answer.editor is not None:
        answer.editor.setPlainText("Ready")
    else:
        answer.buttons[0].click()
    prompts.save_pending()
    assert [a.step_key for a in services.responses.list_answers(guide.walk_id)] == [
        guide.runner.steps[prompt_step].step.key]
    click_step(qtbot, guide, later)
    clock.tick(1)
    guide._tick()
    assert guide.runner.state().elapsed_seconds == 3 * 60  # the running timer went on
    # The runner's step is still what a new guide (after a restart) puts back.
    guide.shutdown()
    again = pre_brief_guide(qtbot, services, asker, clock, guide.walk_id)
    assert again.runner.state().position == running.position and again.viewing() is None
    assert again.title.text() == running.step_title


def test_arrow_keys_and_enter_prepare_a_step(qtbot, services: Services,
                                             asker: ScriptedAsker) -> None:
    guide = pre_brief_guide(qtbot, services, asker, Clock())
    guide.activateWindow()
    qtbot.waitUntil(guide.isActiveWindow, timeout=2000)  # shortcuts need an active window
    assert guide.steps.focusPolicy() != Qt.FocusPolicy.NoFocus
    guide.steps.setFocus()
    qtbot.keyClick(guide.steps, Qt.Key.Key_Down)
    qtbot.keyClick(guide.steps, Qt.Key.Key_Down)
    qtbot.keyClick(guide.steps, Qt.Key.Key_Return)
    shown(qtbot, guide)
    assert guide.viewing() == 2
    assert guide.title.text() == guide.runner.steps[2].step.title
    assert services.runs.log(guide.walk_id) == []
    qtbot.keyClick(guide.steps, Qt.Key.Key_Escape)  # back to the step the runner is on
    shown(qtbot, guide)
    assert guide.viewing() is None and guide.title.text() == guide.runner.steps[0].step.title


def test_one_more_minute_shows_in_the_step_list_and_the_log(
        qtbot, services: Services, asker: ScriptedAsker) -> None:
    guide = pre_brief_guide(qtbot, services, asker, Clock())
    act(qtbot, guide, "start")
    planned = guide.runner.steps[0].planned_seconds // 60
    assert f"{planned} min" in guide.steps.item(0).text()
    guide.more_button.click()
    qtbot.waitUntil(lambda: not guide.is_acting(), timeout=5000)
    assert f"{planned + 1} min" in guide.steps.item(0).text()
    assert sum(e.extended_seconds for e in services.runs.log(guide.walk_id)) == 60
    assert guide.runner.state().planned_seconds == (planned + 1) * 60
    guide.shutdown()
    again = pre_brief_guide(qtbot, services, asker, Clock(), guide.walk_id)
    assert f"{planned + 1} min" in again.steps.item(0).text()


def test_saved_shows_only_under_the_answer_that_was_saved(
        qtbot, services: Services, asker: ScriptedAsker) -> None:
    guide = pre_brief_guide(qtbot, services, asker, Clock())
    act(qtbot, guide, "start")
    shown(qtbot, guide)
    prompts = next(iter(guide._prompt_cache.values()))
    # After Start, nothing typed: no line says anything under the empty box.
    assert not any(i.isVisible() for i in prompts.indicators.values())
    editor = prompts.inputs[0].editor
    assert editor is not None
    editor.setPlainText("One question a lesson")
    prompts.save_pending()
    key = prompts.step.prompts[0].key
    qtbot.waitUntil(lambda: prompts.indicators[key].state() == "saved", timeout=5000)
    assert prompts.indicators[key].isVisible()


def test_saved_under_one_answer_of_several(qtbot, services: Services) -> None:
    from datetime import date

    from walkapp.protocol.library import builtin_protocol
    from walkapp.services.protocol_walks import create_walk_from_protocol
    from walkapp.ui.screens.step_prompts import StepPrompts

    protocol = builtin_protocol("noticings-wonderings")
    step = next(s for _, _, s in protocol.steps() if len(s.prompts) > 1)
    walk = create_walk_from_protocol(services, protocol, "Walk", date(2026, 11, 3), visits=1)
    prompts = StepPrompts(services, walk.id, step)
    qtbot.addWidget(prompts)
    prompts.show()
    first, second = (p.key for p in step.prompts[:2])
    editor = prompts.inputs[1].editor
    assert editor is not None
    editor.setPlainText("Thank you for the visit")
    prompts.save_pending()
    qtbot.waitUntil(lambda: prompts.indicators[second].state() == "saved", timeout=5000)
    assert prompts.indicators[second].isVisible()
    assert not prompts.indicators[first].isVisible()  # the empty box says nothing
    prompts.shutdown()


def test_a_long_title_with_its_mark_is_never_cut(qtbot, services: Services,
                                                 asker: ScriptedAsker) -> None:
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QFontMetrics

    from tests.ui.protocol_words import protocol_text, walk_from
    from walkapp.protocol import load_text

    long_title = ("Who walks with whom, which room each small group visits first, and who "
                  "keeps the time in the corridor")
    protocol = load_text(protocol_text("long-title").replace("Who walks with whom",
                                                             long_title), "long-title.toml")
    walk_id = walk_from(services, protocol)
    pages = {p.key: p for p in walk_pages(services, walk_id, asker, None,  # type: ignore[arg-type]
                                          ChangeBridge(services.bus))}
    guide = pages["pre_brief"].build()
    assert isinstance(guide, StepGuide)
    qtbot.addWidget(guide)
    guide.resize(1024, 640)
    guide.show()
    assert guide.runner.steps[0].step.title == long_title
    for verb in ("start", "finish"):  # a mark in front, then the bold title
        act(qtbot, guide, verb)
        width = guide.steps.viewport().width() - 12
        for row in range(guide.steps.count()):
            item = guide.steps.item(row)
            needed = QFontMetrics(item.font()).boundingRect(
                QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap),
                item.text()).height()
            assert item.sizeHint().height() >= needed, item.text()
