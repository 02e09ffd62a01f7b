"""Origin tokens: a screen's own saves come back marked as its own (also from the worker
thread that commits them), so it needs no list of the ids it saved, and a change made
anywhere else still reaches it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import pytest

from tests.helpers.builders import make_walk
from tests.helpers.fake_clock import FakeClock
from tests.ui.conftest import ScriptedAsker
from tests.ui.postbrief.conftest import type_text
from walkapp.events import Change, Entity
from walkapp.protocol.library import builtin_protocol
from walkapp.services import NoteDraft, Services
from walkapp.services.protocol_walks import create_walk_from_protocol
from walkapp.ui.bridge import ChangeBridge
from walkapp.ui.screens.observation import ObservationScreen
from walkapp.ui.screens.plan.details import WalkDetailsPanel
from walkapp.ui.screens.step_guide import StepPrompts
from walkapp.ui.widgets.reflections import ReflectionsPanel


@pytest.fixture
def seen(services: Services) -> Iterator[list[Change]]:
    changes: list[Change] = []
    unsubscribe = services.bus.subscribe(changes.append)
    yield changes
    unsubscribe()


@pytest.fixture
def bridge(qtbot, services: Services) -> Iterator[ChangeBridge]:
    made = ChangeBridge(services.bus)
    yield made
    made.detach()


def counting(calls: list[int], real: Callable[[], None]) -> Callable[[], None]:
    def call() -> None:
        calls.append(1)
        real()
    return call


def test_own_note_saves_carry_the_screen_and_reload_nothing(
        qtbot, services: Services, asker: ScriptedAsker, seen: list[Change],
        bridge: ChangeBridge) -> None:
    walk = make_walk(services, visits=1)
    me = walk.walkers[0].id
    screen = ObservationScreen(services, walk.id, me, clock=FakeClock(), asker=asker,
                               debounce_ms=60)
    qtbot.addWidget(screen)
    screen.show()
    delivered: list[Change] = []
    bridge.changed.connect(delivered.append)
    bridge.changed.connect(screen.on_change)
    reloads: list[int] = []
    screen._reload_notes = counting(reloads, screen._reload_notes)  # type: ignore[method-assign]
    seen.clear()

    # Saved by the autosave, on the saver's worker thread.
    type_text(screen.editor.text_edit, "Desks in a horseshoe")
    qtbot.waitUntil(lambda: screen.editor.tracker.is_saved(), timeout=5000)
    notes = [c for c in seen if c.entity is Entity.NOTE]
    assert notes and all(c.is_from(screen) for c in notes)
    qtbot.waitUntil(lambda: len(delivered) >= len(seen), timeout=5000)
    assert reloads == []  # its own save: already on screen

    # The same note changed elsewhere (a notes file imported): shown at once.
    note = services.notes.list_notes(walk.id)[0]
    services.notes.save_note(NoteDraft(walk_id=walk.id, author_id=me, text="Desks in rows",
                                       stem=note.stem, visit_id=note.visit_id, id=note.id))
    qtbot.waitUntil(lambda: reloads != [], timeout=5000)
    panel = screen.notes_panel.list
    assert [panel.item(i).text() for i in range(panel.count())] == [
        "I noticed: Desks in rows"]


def test_reflections_saved_on_the_worker_carry_the_panel(
        qtbot, services: Services, seen: list[Change]) -> None:
    walk = make_walk(services)
    panel = ReflectionsPanel(services.notes, walk.id, walk.walkers[0].id, debounce_ms=60)
    qtbot.addWidget(panel)
    panel.show()
    type_text(panel.editors[0].text_edit, "I talk too much")
    qtbot.waitUntil(lambda: panel.editors[0].tracker.is_saved(), timeout=5000)
    mine = [c for c in seen if c.entity is Entity.REFLECTION]
    assert mine and all(c.is_from(panel) for c in mine)


def test_walk_details_do_not_reload_for_their_own_save(
        qtbot, services: Services, seen: list[Change], bridge: ChangeBridge) -> None:
    walk = make_walk(services)
    panel = WalkDetailsPanel(services, walk.id)
    qtbot.addWidget(panel)
    panel.show()
    bridge.changed.connect(panel.on_change)
    refreshes: list[int] = []
    panel.refresh = counting(refreshes, panel.refresh)  # type: ignore[method-assign]
    seen.clear()
    qtbot.keyClicks(panel.school, "North School")
    assert panel.save_pending()
    assert [c.is_from(panel) for c in seen if c.entity is Entity.WALK] == [True]
    assert refreshes == []
    # A change made elsewhere still shows.
    services.walks.update_walk(walk.id, title="Renamed elsewhere")
    assert refreshes == [1] and panel.title.text() == "Renamed elsewhere"


def test_step_answers_carry_their_prompts(qtbot, services: Services,
                                          seen: list[Change]) -> None:
    protocol = builtin_protocol("learning-walk")
    walk = create_walk_from_protocol(services, protocol, "Walk", date(2026, 11, 3), visits=1)
    step = next(s for phase in protocol.phases for s in phase.steps if s.prompts)
    prompts = StepPrompts(services, walk.id, step)
    qtbot.addWidget(prompts)
    editor = prompts.inputs[0].editor
    assert editor is not None
    editor.setPlainText("Curious about group work")
    assert prompts.save_pending()
    answers = [c for c in seen if c.entity is Entity.STEP_RESPONSE]
    assert answers and all(c.is_from(prompts) for c in answers)
