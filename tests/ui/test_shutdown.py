"""Closing a walk or the window stops every timer of its screens, and nothing that arrives
late (a queued change, a background result, a focus change) reaches the database after it
was closed.

Each check looks at the timers themselves (are any still running?) rather than waiting to
see whether one fires: a timer left running fires in some later test, after this test's
database is gone ("Database.open() was not called").
"""

from __future__ import annotations

import threading
from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from tests.helpers.leftovers import active_timers
from tests.ui.conftest import ScriptedAsker
from tests.ui.observe_helpers import type_text
from walkapp.events import Action, Change, Entity
from walkapp.protocol.library import builtin_protocol
from walkapp.services import Services
from walkapp.services.protocol_walks import create_walk_from_protocol
from walkapp.ui import workers
from walkapp.ui.main_window import MainWindow
from walkapp.ui.screens.observe_page import ObservationPage
from walkapp.ui.screens.plan.page import PlanPage
from walkapp.ui.screens.postbrief.evidence_wall import EvidenceWall
from walkapp.ui.screens.step_guide import StepGuide
from walkapp.ui.screens.workspace import WalkWorkspace


def _walk(services: Services) -> str:
    walk = create_walk_from_protocol(services, builtin_protocol("learning-walk"), "Walk",
                                     date(2026, 11, 3), visits=3)
    services.plan.add_participant(walk.id, "Ana")
    return walk.id


def _busy_walk(qtbot, window: MainWindow, walk_id: str) -> WalkWorkspace:  # type: ignore[no-untyped-def]
    """Open the walk and leave every kind of timer running, as a facilitator would when
    the walk is closed in the middle of things."""
    window.open_walk(walk_id)
    workspace = window.workspace
    assert workspace is not None
    # Plan: a title being typed (its save waits for a pause in the typing).
    workspace.show_page("plan")
    plan = workspace.page("plan")
    assert isinstance(plan, PlanPage)
    plan.details.title.setFocus()
    plan.details.title.selectAll()
    qtbot.keyClicks(plan.details.title, "Talk in maths")
    # Pre-brief: the first step started, its countdown running.
    workspace.show_page("pre_brief")
    guide = workspace.page("pre_brief")
    assert isinstance(guide, StepGuide)
    qtbot.mouseClick(guide.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(guide.timer.is_running, timeout=5000)  # once the writer has run Start
    # Observation: the visit countdown running and a note being typed.
    workspace.show_page("observation")
    page = workspace.page("observation")
    assert isinstance(page, ObservationPage) and page.observation is not None
    screen = page.observation
    qtbot.mouseClick(screen.timer_button, Qt.MouseButton.LeftButton)
    assert screen.visit_timer.is_running()
    screen.editor.text_edit.setFocus()
    type_text(screen.editor.text_edit, "Pairs explain their method")
    assert active_timers([workspace]), "the set-up should have left timers running"
    return workspace


def test_closing_a_walk_stops_every_timer_of_its_screens(
        qtbot, services: Services, qsettings: QSettings, asker: ScriptedAsker) -> None:
    walk_id = _walk(services)
    window = MainWindow(services, qsettings, asker)
    qtbot.addWidget(window)
    window.show()
    workspace = _busy_walk(qtbot, window, walk_id)
    window.show_library()
    assert window.workspace is None
    # The closed workspace still exists until Qt deletes it "later": nothing in it runs.
    assert active_timers([workspace]) == []
    # What was being typed was saved on the way out.
    assert services.walks.get_walk(walk_id).title == "Talk in maths"
    assert [n.text for n in services.notes.list_notes(walk_id)] == [
        "Pairs explain their method"]


def test_a_closed_window_runs_nothing_against_the_closed_database(
        qtbot, services: Services, qsettings: QSettings, asker: ScriptedAsker) -> None:
    walk_id = _walk(services)
    window = MainWindow(services, qsettings, asker)
    qtbot.addWidget(window)
    window.show()
    _busy_walk(qtbot, window, walk_id)
    window.close()
    assert window.workspace is None
    services.close()  # what the app does once the window has closed
    # A change committed just before the close is still queued for the window.
    window.bridge.changed.emit(Change(Entity.NOTE, Action.UPDATED, walk_id))
    window.bridge.changed.emit(Change(Entity.WALK, Action.UPDATED, walk_id))
    assert active_timers([window]) == []
    # Focus and visibility changes while the window is torn down save nothing either.
    window.hide()
    QApplication.processEvents()
    assert active_timers([window]) == []


def test_services_on_a_closed_database_fail_plainly(services: Services) -> None:
    walk_id = _walk(services)
    services.close()
    # A programmer error (the crash dialog's business), never a "damaged database".
    with pytest.raises(RuntimeError, match="Database"):
        services.notes.list_notes(walk_id)


def test_a_closed_panel_drops_the_load_still_running(qtbot, services: Services,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    walk_id = _walk(services)
    wall = EvidenceWall(services.notes, services.walks, walk_id)
    qtbot.addWidget(wall)
    release = threading.Event()
    real_load = wall.load

    def slow_load():  # type: ignore[no-untyped-def]
        release.wait(10)
        return real_load()

    monkeypatch.setattr(wall, "load", slow_load)
    applied: list[object] = []
    monkeypatch.setattr(wall, "apply", applied.append)
    wall.show()
    wall.refresh()
    assert wall.is_loading()
    wall.shutdown()  # the walk closes while the notes are still being read
    assert not wall.is_loading()
    release.set()
    qtbot.waitUntil(lambda: not workers._running, timeout=10_000)  # it has reported
    assert applied == [] and wall.refresh_count == 0
    # Nothing starts again: not a retry, not a change, not being shown again.
    wall.refresh()
    wall.on_change(Change(Entity.NOTE, Action.ADDED, walk_id))
    wall.hide()
    wall.show()
    assert not wall.is_loading() and not workers._running
    assert active_timers([wall]) == []
