"""Back where you were (walkapp.ui.resume): after a restart the window opens on the walk,
page, person, visit and protocol step that were open, with the room, corridor and step
timers counted on from when they were saved (the step's from the phase log), never reset.
A walk since deleted or in the Trash, a visit or person removed, or a garbage file falls
back quietly to the walks library (or to the page's first visit / person).

A "crash" here is a window that is simply left behind once its position was written:
nothing of a clean end runs. Time is fake: the services' clock (UTC) and the countdowns'
monotonic clock move together, by the test only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QSettings

from tests.helpers.fake_clock import FakeClock
from tests.ui.conftest import ScriptedAsker
from walkapp.config import Settings
from walkapp.protocol.library import builtin_protocol
from walkapp.services import Services
from walkapp.services.protocol_walks import create_walk_from_protocol
from walkapp.services.resume import LIBRARY, Position, PositionStore, TimerMark
from walkapp.storage.db import Database
from walkapp.ui.main_window import MainWindow
from walkapp.ui.resume import ResumeKeeper
from walkapp.ui.screens.observation import ObservationScreen
from walkapp.ui.screens.observe_page import ObservationPage
from walkapp.ui.screens.step_guide import StepGuide
from walkapp.ui.widgets import countdown


class Clocks:
    """The services' "now" and the countdowns' monotonic seconds, moved together."""

    def __init__(self) -> None:
        self.wall = FakeClock()
        self.seconds = 10_000.0

    def monotonic(self) -> float:
        return self.seconds

    def advance(self, seconds: float) -> None:
        self.wall.advance(seconds=seconds)
        self.seconds += seconds


@pytest.fixture
def clocks(monkeypatch: pytest.MonkeyPatch) -> Clocks:
    clocks = Clocks()
    monkeypatch.setattr(countdown, "time", SimpleNamespace(monotonic=clocks.monotonic))
    return clocks


@pytest.fixture
def services(settings: Settings, clocks: Clocks) -> Iterator[Services]:
    opened = Services.create(Database(settings).open(), clock=clocks.wall)
    yield opened
    opened.close()


@dataclass
class Walk:
    id: str
    visits: list[str]
    people: list[str]  # participant ids, in the order the observation page lists them


@pytest.fixture
def walk(services: Services) -> Walk:
    made = create_walk_from_protocol(services, builtin_protocol("learning-walk"), "Walk",
                                     date(2026, 11, 3), visits=3)
    services.walks.update_walk(made.id, corridor_minutes=2)
    people = [services.plan.add_participant(made.id, name).id for name in ("Ana", "Ben")]
    visits = [v.id for v in services.walks.get_walk(made.id).visits]
    return Walk(made.id, visits, people)


Launch = Callable[[], tuple[MainWindow, ResumeKeeper]]


@pytest.fixture
def launch(qtbot, services: Services, qsettings: QSettings, asker: ScriptedAsker,
           settings: Settings) -> Launch:
    """Start the window as the app does: build it, put it back where it was, show it."""
    def start() -> tuple[MainWindow, ResumeKeeper]:
        window = MainWindow(services, qsettings, asker)
        qtbot.addWidget(window)
        keeper = ResumeKeeper(window, services,
                              PositionStore.for_database(settings.data_dir, services.db))
        keeper.restore()
        window.show()
        return window, keeper
    return start


def crash(qtbot, keeper: ResumeKeeper) -> None:
    """Wait until the position is on disk, then stop this window's keeper for good, as a
    kill -9 would (nothing more is written)."""
    qtbot.waitUntil(keeper.idle, timeout=5000)
    keeper.shutdown()


def store(settings: Settings, services: Services) -> PositionStore:
    return PositionStore.for_database(settings.data_dir, services.db)


def observation(window: MainWindow) -> tuple[ObservationPage, ObservationScreen]:
    assert window.workspace is not None
    page = window.workspace.page("observation")
    assert isinstance(page, ObservationPage) and page.observation is not None
    return page, page.observation


def on_library(window: MainWindow) -> bool:
    return window.workspace is None and window.stack.currentWidget() is window.library


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
    clocks.advance(120)
    guide.next_button.click()  # step 2 starts
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


# -- what no longer fits falls back quietly ---------------------------------------------------
def test_a_walk_moved_to_the_trash_opens_the_library(qtbot, launch: Launch, walk: Walk,
                                                     services: Services,
                                                     asker: ScriptedAsker) -> None:
    window, keeper = launch()
    window.open_walk(walk.id)
    crash(qtbot, keeper)
    services.walks.delete_walk(walk.id)
    again, _ = launch()
    assert on_library(again)
    assert asker.shown == []


def test_a_walk_removed_for_good_opens_the_library(qtbot, launch: Launch, walk: Walk,
                                                   services: Services, settings: Settings,
                                                   asker: ScriptedAsker) -> None:
    store(settings, services).save(Position("no-such-walk", "observation",
                                            visit_id=walk.visits[0]))
    window, keeper = launch()
    assert on_library(window)
    qtbot.waitUntil(keeper.idle, timeout=5000)
    assert store(settings, services).load().walk_id is None  # forgotten, not retried
    assert asker.shown == []


@pytest.mark.parametrize("content", [b"", b"\x00\xff garbage", b"{\"format\": 1, \"walk\": 3}",
                                     b"[1, 2, 3]", b"{\"format\": 1, \"walk\": \"x\""])
def test_a_garbage_file_opens_the_library(qtbot, launch: Launch, walk: Walk,
                                          services: Services, settings: Settings,
                                          asker: ScriptedAsker, content: bytes) -> None:
    path = store(settings, services).path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    window, _ = launch()
    assert on_library(window)
    assert asker.shown == []


def test_an_unknown_page_opens_the_walk_on_its_first_page(
        qtbot, launch: Launch, walk: Walk, services: Services, settings: Settings) -> None:
    store(settings, services).save(Position(walk.id, "no-such-page"))
    window, _ = launch()
    assert window.workspace is not None and window.workspace.current_key() == "plan"


def test_a_removed_visit_or_person_falls_back_to_the_first(
        qtbot, launch: Launch, walk: Walk, services: Services, asker: ScriptedAsker) -> None:
    window, keeper = launch()
    window.open_walk(walk.id)
    assert window.workspace is not None
    window.workspace.show_page("observation")
    page, _ = observation(window)
    page.show_author(walk.people[1])
    observation(window)[1].go_to_visit(2)
    crash(qtbot, keeper)
    window.show_library()  # (so this window does not hold the walk while it changes)
    services.plan.remove_visit(walk.visits[2])
    services.plan.remove_participant(walk.people[1])
    again, _ = launch()
    page, screen = observation(again)
    assert again.workspace is not None and again.workspace.current_key() == "observation"
    assert page.screen_author == walk.people[0]
    assert screen.current_visit().id == walk.visits[0]  # type: ignore[union-attr]
    assert asker.shown == []


def test_the_position_is_saved_as_it_changes_not_only_at_the_end(
        qtbot, launch: Launch, walk: Walk, services: Services, settings: Settings) -> None:
    window, _ = launch()
    window.open_walk(walk.id)
    qtbot.waitUntil(lambda: store(settings, services).load().walk_id == walk.id,
                    timeout=5000)
    assert window.workspace is not None
    window.workspace.show_page("observation")
    observation(window)[1].go_to_visit(1)
    qtbot.waitUntil(lambda: store(settings, services).load().visit_id == walk.visits[1],
                    timeout=5000)
    window.show_library()
    qtbot.waitUntil(lambda: store(settings, services).load() == LIBRARY, timeout=5000)


def test_quitting_keeps_the_walk_that_was_open(qtbot, launch: Launch, walk: Walk) -> None:
    window, _ = launch()
    window.open_walk(walk.id)
    assert window.workspace is not None
    window.workspace.show_page("post_brief")
    window.close()  # closes the walk with the window: still where we come back to
    again, _ = launch()
    assert again.workspace is not None and again.workspace.current_key() == "post_brief"


def test_a_refused_quit_goes_on_saving_where_the_window_is(
        qtbot, launch: Launch, walk: Walk, services: Services, settings: Settings,
        asker: ScriptedAsker) -> None:
    window, _ = launch()
    window.open_walk(walk.id)
    assert window.workspace is not None
    workspace = window.workspace
    refuse = [True]
    original = workspace.can_close
    workspace.can_close = lambda: not refuse[0] and original()  # type: ignore[method-assign]
    window.close()
    assert window.isVisible() and not window.quitting
    refuse[0] = False
    workspace.show_page("reports")
    qtbot.waitUntil(lambda: store(settings, services).load().page == "reports", timeout=5000)


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
