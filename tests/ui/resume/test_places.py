"""Back where you were (walkapp.ui.resume): after a restart the window opens on the walk,
page, person, visit and protocol step that were open, with the room, corridor and step
timers counted on from when they were saved (the step's from the phase log), never reset.
See tests/ui/resume_helpers.py for what a "crash" and the fake time are here.
"""

from __future__ import annotations

import pytest

from tests.ui.conftest import ScriptedAsker
from tests.ui.resume.conftest import Clocks, Launch, Walk, crash, observation, on_library, store
from walkapp.config import Settings
from walkapp.services import Services
from walkapp.services.resume import TimerMark
from walkapp.ui.screens.postbrief.workspace import EAGER_PANELS
from walkapp.ui.screens.step_guide import StepGuide
from walkapp.ui.widgets import countdown


# -- pages, people, visits, steps -------------------------------------------------------------
@pytest.mark.parametrize("key", ["plan", "pre_brief", "observation", "post_brief", "reports"])
def test_the_walk_reopens_on_the_page_that_was_open(
        qtbot, launch: Launch, walk: Walk, key: str, asker: ScriptedAsker) -> None:
    window, keeper = launch()
    assert on_library(window)  # nothing saved yet: the library
    window.open_walk(walk.id)
    assert window.workspace is not None
    window.workspace.show_page(key)
    crash(qtbot, keeper)
    again, _ = launch()
    assert again.workspace is not None and again.workspace.walk_id == walk.id
    assert again.workspace.current_key() == key
    assert again.workspace.stack.currentWidget() is again.workspace.page(key)
    assert asker.shown == []


def test_the_library_reopens_when_the_walk_was_closed(qtbot, launch: Launch,
                                                      walk: Walk) -> None:
    window, keeper = launch()
    window.open_walk(walk.id)
    window.show_library()
    crash(qtbot, keeper)
    again, _ = launch()
    assert on_library(again)


def test_observation_reopens_on_the_person_and_visit(qtbot, launch: Launch,
                                                     walk: Walk) -> None:
    window, keeper = launch()
    window.open_walk(walk.id)
    assert window.workspace is not None
    window.workspace.show_page("observation")
    page, _ = observation(window)
    assert page.show_author(walk.people[1])
    _, screen = observation(window)
    assert screen.go_to_visit(2)
    crash(qtbot, keeper)
    again, _ = launch()
    page, screen = observation(again)
    assert page.screen_author == walk.people[1]
    assert page.author.currentData() == walk.people[1]
    visit = screen.current_visit()
    assert visit is not None and visit.id == walk.visits[2]
    assert screen.editor.visit_id == walk.visits[2]  # the next note goes to that visit


def test_a_visit_started_4_minutes_before_a_crash_shows_4_minutes(
        qtbot, launch: Launch, walk: Walk, clocks: Clocks, services: Services,
        settings: Settings) -> None:
    window, keeper = launch()
    window.open_walk(walk.id)
    assert window.workspace is not None
    window.workspace.show_page("observation")
    _, screen = observation(window)
    qtbot.waitUntil(keeper.idle, timeout=5000)
    screen.go_to_visit(1)
    screen.toggle_visit_timer()
    # Written when the timer started (not later, not only at the end)…
    saved = store(settings, services)
    qtbot.waitUntil(lambda: saved.load().visit_timers.get(walk.visits[1], TimerMark()).running,
                    timeout=5000)
    clocks.advance(240)
    crash(qtbot, keeper)  # …and walkapp is killed 4 minutes later
    again, _ = launch()
    _, screen = observation(again)
    assert screen.visit_timer.is_running()
    assert screen.visit_timer.elapsed() == 240
    planned = screen.visit_timer.planned()
    assert screen.visit_timer.time_label.text() == countdown.format_seconds(planned - 240)
    assert "Pause" in screen.timer_button.text()
    clocks.advance(30)
    assert screen.visit_timer.elapsed() == 270  # and it goes on counting


def test_paused_and_earlier_visits_and_corridor_talk_come_back_as_they_were(
        qtbot, launch: Launch, walk: Walk, clocks: Clocks) -> None:
    window, keeper = launch()
    window.open_walk(walk.id)
    assert window.workspace is not None
    window.workspace.show_page("observation")
    _, screen = observation(window)
    screen.toggle_visit_timer()  # visit 1: 5 minutes in the room
    clocks.advance(300)
    screen.next_visit()  # leaving a running visit starts corridor talk
    assert screen.corridor_timer.is_running()
    clocks.advance(50)
    screen.toggle_visit_timer()  # in visit 2: corridor talk is over
    clocks.advance(60)
    screen.toggle_visit_timer()  # paused after a minute
    clocks.advance(600)  # ten minutes pass; then the app dies
    crash(qtbot, keeper)
    clocks.advance(120)  # and is started again two minutes later
    again, _ = launch()
    _, screen = observation(again)
    assert screen.current_visit().id == walk.visits[1]  # type: ignore[union-attr]
    assert not screen.visit_timer.is_running() and screen.visit_timer.elapsed() == 60
    assert "Resume" in screen.timer_button.text()
    assert not screen.corridor_timer.is_running()
    screen.previous_visit()
    assert screen.visit_timer.elapsed() == 300  # visit 1 kept its five minutes


def test_corridor_talk_running_at_the_crash_goes_on(qtbot, launch: Launch, walk: Walk,
                                                    clocks: Clocks) -> None:
    window, keeper = launch()
    window.open_walk(walk.id)
    assert window.workspace is not None
    window.workspace.show_page("observation")
    _, screen = observation(window)
    screen.toggle_visit_timer()
    clocks.advance(100)
    screen.next_visit()
    clocks.advance(45)
    crash(qtbot, keeper)
    again, _ = launch()
    _, screen = observation(again)
    assert screen.corridor_timer.is_running() and screen.corridor_timer.elapsed() == 45
    assert not screen.visit_timer.is_running() and screen.visit_timer.elapsed() == 0


def test_timers_come_back_even_when_another_page_was_showing(
        qtbot, launch: Launch, walk: Walk, clocks: Clocks) -> None:
    window, keeper = launch()
    window.open_walk(walk.id)
    workspace = window.workspace
    assert workspace is not None
    workspace.show_page("observation")
    _, screen = observation(window)
    screen.toggle_visit_timer()
    workspace.show_page("plan")  # a look at the roster while the class is visited
    clocks.advance(90)
    crash(qtbot, keeper)
    again, _ = launch()
    assert again.workspace is not None and again.workspace.current_key() == "plan"
    again.workspace.show_page("observation")
    _, screen = observation(again)
    assert screen.visit_timer.is_running() and screen.visit_timer.elapsed() == 90


@pytest.mark.parametrize("page", ["pre_brief", "post_brief"])
def test_the_step_and_its_timer_come_back_from_the_phase_log(
        qtbot, launch: Launch, walk: Walk, clocks: Clocks, page: str) -> None:
    window, keeper = launch()
    window.open_walk(walk.id)
    assert window.workspace is not None
    window.workspace.show_page(page)
    guide = window.workspace.page(page)
    assert isinstance(guide, StepGuide)
    guide.start_button.click()
    qtbot.waitUntil(lambda: not guide.is_acting())  # the writer has logged the start
    clocks.advance(120)
    guide.next_button.click()  # step 2 starts
    qtbot.waitUntil(lambda: not guide.is_acting())
    clocks.advance(180)
    second = guide.runner.state()
    assert second.position == 1 and second.elapsed_seconds == 180
    crash(qtbot, keeper)
    clocks.advance(60)
    again, _ = launch()
    assert again.workspace is not None and again.workspace.current_key() == page
    guide = again.workspace.page(page)
    assert isinstance(guide, StepGuide)
    state = guide.runner.state()
    assert state.position == 1 and state.step_key == second.step_key
    assert state.elapsed_seconds == 240  # the step ran on while walkapp was down
    assert guide.title.text() == second.step_title
    assert guide.timer.is_running() and guide.timer.elapsed() == 240
    assert "Pause" in guide.start_button.text()


def test_a_walkers_laptop_reopens_their_visit_and_room_timer(
        qtbot, launch: Launch, walk: Walk, services: Services, clocks: Clocks,
        settings: Settings) -> None:
    from walkapp.ui.screens.walker_home import WalkerHome

    services.walks.update_walk(walk.id, local_mode="walker", local_participant_id=walk.people[0])
    window, keeper = launch()
    window.open_walk(walk.id)
    assert window.workspace is not None and window.workspace.page_keys() == ["walker"]
    home = window.workspace.page("walker")
    assert isinstance(home, WalkerHome)
    saved = store(settings, services)
    qtbot.waitUntil(lambda: saved.load().page == "walker", timeout=5000)
    home.observation.go_to_visit(2)
    qtbot.waitUntil(lambda: saved.load().visit_id == walk.visits[2], timeout=5000)
    home.observation.toggle_visit_timer()
    qtbot.waitUntil(lambda: saved.load().visit_timers.get(walk.visits[2], TimerMark()).running,
                    timeout=5000)
    clocks.advance(75)
    crash(qtbot, keeper)
    again, _ = launch()
    assert again.workspace is not None
    home = again.workspace.page("walker")
    assert isinstance(home, WalkerHome)
    assert home.observation.current_visit().id == walk.visits[2]  # type: ignore[union-attr]
    assert home.observation.visit_timer.is_running()
    assert home.observation.visit_timer.elapsed() == 75


@pytest.mark.parametrize("steps", [0, 1])  # the evidence wall, then the calibration
def test_the_post_brief_reopens_on_the_panel_of_its_step(
        qtbot, launch: Launch, walk: Walk, steps: int) -> None:
    """The post-brief's panels are built when first shown (walkapp.ui.widgets.lazy_tabs):
    reopened on a step, the step's panel is the one built, in front and showing."""
    from walkapp.ui.screens.postbrief import PostBriefWorkspace

    window, keeper = launch()
    window.open_walk(walk.id)
    assert window.workspace is not None
    window.workspace.show_page("post_brief")
    guide = window.workspace.page("post_brief")
    assert isinstance(guide, StepGuide)
    guide.start_button.click()
    qtbot.waitUntil(lambda: not guide.is_acting())
    for _ in range(steps):
        guide.next_button.click()
        qtbot.waitUntil(lambda: not guide.is_acting())
    activity = guide.runner.state().activity.value
    state_position = guide.runner.state().position
    assert activity == ("evidence_wall", "calibration")[steps]
    crash(qtbot, keeper)
    again, _ = launch()
    assert again.workspace is not None and again.workspace.current_key() == "post_brief"
    guide = again.workspace.page("post_brief")
    assert isinstance(guide, StepGuide)
    workspace = guide.current_panel()
    assert isinstance(workspace, PostBriefWorkspace)
    assert workspace.current_panel() == activity
    panel = workspace.tabs.currentWidget()
    assert panel is workspace.built_panels()[activity] and panel.isVisible()
    order = [planned.step.activity.value for planned in guide.runner.steps]
    ahead = order[state_position + 1] if state_position + 1 < len(order) else activity
    # Built: the step's panel, and perhaps already the next step's (built ahead).
    assert activity in workspace.built_panels()
    assert set(workspace.built_panels()) <= {"evidence_wall", activity, ahead, *EAGER_PANELS}
