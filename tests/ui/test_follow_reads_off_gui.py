"""After a write, the screens follow it without reading on the GUI thread: a runner step
marks the step list from the runner's own log, the walk's details, its route and the
workspace header re-read the walk on a worker thread when it changed elsewhere, and a
step's saved answers are read off the GUI thread when the runner reaches the step. What a
screen shows stays until the read is in, and a slow read never blanks it."""

from __future__ import annotations

import threading

import pytest

from tests.ui.conftest import ScriptedAsker
from tests.ui.test_reads_off_gui import Gate
from tests.ui.test_step_guide import Clock, press, walk_with_protocol
from walkapp.services import Services
from walkapp.ui import workers
from walkapp.ui.bridge import ChangeBridge
from walkapp.ui.composition import walk_pages
from walkapp.ui.screens.plan.details import WalkDetailsPanel
from walkapp.ui.screens.plan.route import RoutePanel
from walkapp.ui.screens.step_guide import StepGuide
from walkapp.ui.screens.step_prompts import StepPrompts
from walkapp.ui.screens.workspace import WalkWorkspace


def guide_for(qtbot, services: Services, asker: ScriptedAsker,  # type: ignore[no-untyped-def]
              walk_id: str) -> StepGuide:
    pages = {p.key: p for p in walk_pages(services, walk_id, asker, None,  # type: ignore[arg-type]
                                          ChangeBridge(services.bus))}
    built = pages["pre_brief"].build()
    assert isinstance(built, StepGuide)
    guide = StepGuide(services, walk_id, ("opener", "pre_brief"), built._panels, clock=Clock())
    qtbot.addWidget(guide)
    guide.show()
    return guide


def test_a_runner_step_marks_the_steps_without_reading_the_log(
        qtbot, services: Services, asker: ScriptedAsker,
        monkeypatch: pytest.MonkeyPatch) -> None:
    walk_id = walk_with_protocol(services)
    guide = guide_for(qtbot, services, asker, walk_id)
    gui = threading.get_ident()
    real = services.runs.log

    def log(*args, **kwargs):  # type: ignore[no-untyped-def]
        assert threading.get_ident() != gui, "the phase log was read on the GUI thread"
        return real(*args, **kwargs)

    monkeypatch.setattr(services.runs, "log", log)
    press(qtbot, guide, guide.start_button)
    press(qtbot, guide, guide.next_button)
    assert guide.steps.item(0).text().startswith("✓ ")
    assert guide.steps.item(1).text().startswith("▶ ")
    press(qtbot, guide, guide.back_button)
    assert guide.steps.item(0).text().startswith("▶ ")


def test_the_walk_details_follow_a_change_off_the_gui_thread(
        qtbot, services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    walk_id = walk_with_protocol(services)
    panel = WalkDetailsPanel(services, walk_id)
    qtbot.addWidget(panel)
    assert panel.title.text() == "Walk"
    unsubscribe = services.bus.subscribe(panel.on_change)
    monkeypatch.setattr(workers, "FOLLOW_READ_MS", 0)
    gate = Gate(services.walks.get_walk)
    monkeypatch.setattr(services.walks, "get_walk", gate)
    services.walks.update_walk(walk_id, title="Maths walk")  # another window's edit
    # The change was heard; the read waits on a worker: the panel still shows the old title.
    assert panel.title.text() == "Walk"
    gate.release()
    qtbot.waitUntil(lambda: panel.title.text() == "Maths walk", timeout=10_000)
    assert gate.threads and threading.get_ident() not in gate.threads
    unsubscribe()
    panel.shutdown()


def test_the_route_follows_a_change_off_the_gui_thread(
        qtbot, services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    walk_id = walk_with_protocol(services)
    panel = RoutePanel(services, walk_id)
    qtbot.addWidget(panel)
    assert panel.table.rowCount() == 3
    unsubscribe = services.bus.subscribe(panel.on_change)
    monkeypatch.setattr(workers, "FOLLOW_READ_MS", 0)
    gate = Gate(services.walks.get_walk)
    monkeypatch.setattr(services.walks, "get_walk", gate)
    services.plan.add_visit(walk_id)
    assert panel.table.rowCount() == 3
    gate.release()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 4, timeout=10_000)
    assert gate.threads and threading.get_ident() not in gate.threads
    unsubscribe()
    panel.shutdown()


def test_the_workspace_header_follows_a_change_off_the_gui_thread(
        qtbot, services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    walk_id = walk_with_protocol(services)
    workspace = WalkWorkspace(services, walk_id, [])
    qtbot.addWidget(workspace)
    assert workspace.title.text() == "Walk"
    monkeypatch.setattr(workers, "FOLLOW_READ_MS", 0)
    gate = Gate(services.walks.get_walk)
    monkeypatch.setattr(services.walks, "get_walk", gate)
    unsubscribe = services.bus.subscribe(workspace.on_change)
    services.walks.update_walk(walk_id, title="Maths walk")
    assert workspace.title.text() == "Walk"
    gate.release()
    qtbot.waitUntil(lambda: workspace.title.text() == "Maths walk", timeout=10_000)
    assert gate.threads and threading.get_ident() not in gate.threads
    unsubscribe()
    workspace.shutdown()


def test_a_steps_saved_answers_are_read_off_the_gui_thread(
        qtbot, services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    from walkapp.protocol.library import builtin_protocol

    walk_id = walk_with_protocol(services)
    step = next(s for phase in builtin_protocol("learning-walk").phases for s in phase.steps
                if s.prompts)
    first = StepPrompts(services, walk_id, step)
    qtbot.addWidget(first)
    first.inputs[0].set_value("Looking forward to it")
    first._queue(step.prompts[0].key, "Looking forward to it")
    assert first.save_pending()
    first.shutdown()
    monkeypatch.setattr(workers, "FOLLOW_READ_MS", 0)
    gate = Gate(services.responses.list_answers)
    monkeypatch.setattr(services.responses, "list_answers", gate)
    prompts = StepPrompts(services, walk_id, step)
    qtbot.addWidget(prompts)
    editor = prompts.inputs[0].editor
    assert editor is not None and editor.toPlainText() == ""  # built before the read is in
    gate.release()
    qtbot.waitUntil(lambda: editor.toPlainText() == "Looking forward to it", timeout=10_000)
    assert gate.threads and threading.get_ident() not in gate.threads
    assert not prompts._pending  # showing what was saved is not a new edit
    prompts.shutdown()
