"""Back where you were on the Observation page when it runs steps around the visits (or no
visits at all): the step from the phase log, the person and the visit from the position."""

from __future__ import annotations

from datetime import date

from tests.ui.resume.conftest import Launch, crash
from tests.ui.test_observation_steps import act, load
from walkapp.protocol.schema import Activity
from walkapp.services import Services
from walkapp.services.protocol_walks import create_walk_from_protocol
from walkapp.ui.main_window import MainWindow
from walkapp.ui.screens.observe_page import ObservationPage


def planned_walk(services: Services, name: str) -> tuple[str, list[str], list[str]]:
    made = create_walk_from_protocol(services, load(name), "Walk", date(2026, 11, 3),
                                     visits=3)
    people = [services.plan.add_participant(made.id, n).id for n in ("Ana", "Ben")]
    return made.id, people, [v.id for v in services.walks.get_walk(made.id).visits]


def page_of(window: MainWindow) -> ObservationPage:
    assert window.workspace is not None
    page = window.workspace.page("observation")
    assert isinstance(page, ObservationPage)
    return page


def test_a_step_after_the_visits_reopens_with_the_person_and_visit(
        qtbot, launch: Launch, services: Services) -> None:
    walk_id, people, visits = planned_walk(services, "around")
    window, keeper = launch()
    window.open_walk(walk_id)
    assert window.workspace is not None
    window.workspace.show_page("observation")
    page = page_of(window)
    act(qtbot, page.guide, "start")
    act(qtbot, page.guide, "next")  # into the rooms
    assert page.guide.runner.state().activity is Activity.VISITS
    assert page.show_author(people[1])
    assert page.observation is not None and page.observation.go_to_visit(2)
    act(qtbot, page.guide, "next")  # hall work after the rooms: the note-taker folds away
    after = page.guide.runner.state().step_key
    assert page.observation is not None and not page.observation.isVisible()
    keeper.schedule()
    crash(qtbot, keeper)
    again, _ = launch()
    assert again.workspace is not None and again.workspace.current_key() == "observation"
    page = page_of(again)
    assert page.guide.runner.state().step_key == after
    assert page.screen_author == people[1]
    assert page.observation is not None
    visit = page.observation.current_visit()
    assert visit is not None and visit.id == visits[2]


def test_a_walk_without_visits_reopens_on_its_observation_step(
        qtbot, launch: Launch, services: Services) -> None:
    walk_id, _, _ = planned_walk(services, "microlab")
    window, keeper = launch()
    window.open_walk(walk_id)
    assert window.workspace is not None
    window.workspace.show_page("observation")
    page = page_of(window)
    assert page.observation is None and page.author is None
    act(qtbot, page.guide, "start")
    act(qtbot, page.guide, "next")
    step = page.guide.runner.state().step_key
    crash(qtbot, keeper)
    again, _ = launch()
    assert again.workspace is not None and again.workspace.current_key() == "observation"
    assert page_of(again).guide.runner.state().step_key == step
