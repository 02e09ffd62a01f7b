"""Back where you were, when the place no longer fits: a walk since deleted or in the
Trash, a visit or person removed, a page the walk does not have, or a garbage file falls
back quietly to the walks library (or to the first page, visit or person). And the
position is written as it changes, and kept when walkapp quits.
"""

from __future__ import annotations

import pytest

from tests.ui.conftest import ScriptedAsker
from tests.ui.resume.conftest import Launch, Walk, crash, observation, on_library, store
from walkapp.config import Settings
from walkapp.services import Services
from walkapp.services.resume import LIBRARY, Position


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
