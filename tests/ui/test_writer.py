"""The one write path: every write a screen asks for runs on the writer's thread, never on
the GUI thread; a failure keeps what was typed (or the control state), says why and offers
Retry; a write that waits for the database says so while the window goes on.

Nothing here sleeps: writes are waited for with `qtbot.waitUntil`, and "the GUI thread kept
going" is shown by a QTimer that fires while the write waits behind another process's lock.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QTimer

from tests.helpers.sqlite_faults import LockHolder
from walkapp.errors import StorageError
from walkapp.events import Change
from walkapp.protocol.library import builtin_protocol
from walkapp.protocol.runner import RunStatus
from walkapp.protocol.schema import PromptKind
from walkapp.services import Services
from walkapp.services.protocol_walks import create_walk_from_protocol
from walkapp.ui.screens.step_guide import StepGuide, StepPrompts


def protocol_walk(services: Services) -> str:
    walk = create_walk_from_protocol(services, builtin_protocol("learning-walk"), "Walk",
                                     date(2026, 11, 3), visits=2)
    services.plan.add_participant(walk.id, "Ana")
    return walk.id


class Spy:
    """Wraps a service method: records the thread each call ran on, and can fail the next
    `fail` calls with a StorageError (what a busy or full database gives)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, target: object, name: str) -> None:
        self.threads: list[int] = []
        self.fail = 0
        real = getattr(target, name)

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            self.threads.append(threading.get_ident())
            if self.fail:
                self.fail -= 1
                raise StorageError("The disk is full. Free some space, then try again.")
            return real(*args, **kwargs)

        monkeypatch.setattr(target, name, wrapper)

    def off_the_gui_thread(self) -> bool:
        return bool(self.threads) and threading.get_ident() not in self.threads


def guide_for(qtbot, services: Services, walk_id: str) -> StepGuide:  # type: ignore[no-untyped-def]
    guide = StepGuide(services, walk_id, ("opener", "pre_brief"), lambda activity: None)
    qtbot.addWidget(guide)
    guide.show()
    return guide


def running(services: Services, walk_id: str) -> bool:
    return any(e.outcome == "running" for e in services.runs.log(walk_id))


# -- runner actions --------------------------------------------------------------------------
def test_runner_actions_run_on_the_writers_thread_in_order(qtbot, services: Services,
                                                          monkeypatch) -> None:
    walk_id = protocol_walk(services)
    spy = Spy(monkeypatch, services.runs, "transition")
    guide = guide_for(qtbot, services, walk_id)
    for button in (guide.start_button, guide.more_button, guide.next_button):
        button.click()
        assert threading.get_ident() not in spy.threads, "the write ran on the GUI thread"
        qtbot.waitUntil(lambda: not guide.is_acting(), timeout=5000)
    assert guide.runner.state().position == 1
    assert len(spy.threads) == 3 and spy.off_the_gui_thread()
    assert [e.step_key for e in services.runs.log(walk_id)] == ["welcome", "focus"]
    assert services.runs.log(walk_id)[0].extended_seconds == 60


def test_a_runner_action_that_failed_says_why_and_offers_retry(qtbot, services: Services,
                                                               monkeypatch) -> None:
    walk_id = protocol_walk(services)
    spy = Spy(monkeypatch, services.runs, "transition")
    spy.fail = 1
    guide = guide_for(qtbot, services, walk_id)
    guide.start_button.click()
    qtbot.waitUntil(lambda: guide.retry_button.isVisible(), timeout=5000)
    assert "disk is full" in guide.message.text()
    # The controls show what the log says: not started, Start still offered.
    assert guide.start_button.isEnabled() and guide.start_button.text() == "&Start"
    assert not running(services, walk_id)
    guide.retry_button.click()
    qtbot.waitUntil(lambda: running(services, walk_id), timeout=5000)
    qtbot.waitUntil(lambda: guide.message.text() == "", timeout=5000)
    assert not guide.retry_button.isVisible()
    assert guide.runner.state().status is RunStatus.RUNNING


def test_start_and_next_with_the_database_locked_do_not_block_the_window(
        qtbot, services: Services) -> None:
    walk_id = protocol_walk(services)
    guide = guide_for(qtbot, services, walk_id)
    ticks: list[int] = []
    heartbeat = QTimer(guide, interval=20)
    heartbeat.timeout.connect(lambda: ticks.append(1))
    heartbeat.start()
    assert services.db.path is not None
    with LockHolder(services.db.path) as lock:
        guide.start_button.click()   # returns at once: the write waits on the writer's thread
        qtbot.waitUntil(lambda: guide.message.text() == "Waiting for the database…",
                        timeout=4000)
        assert guide.is_acting() and not guide.start_button.isEnabled()
        before = len(ticks)
        qtbot.waitUntil(lambda: len(ticks) >= before + 3, timeout=4000)  # the loop runs on
        assert not running(services, walk_id)
        lock.release()
        qtbot.waitUntil(lambda: running(services, walk_id), timeout=10_000)
    qtbot.waitUntil(lambda: not guide.is_acting(), timeout=5000)
    assert guide.message.text() == "" and guide.start_button.text() == "&Pause"

    with LockHolder(services.db.path) as lock:
        guide.next_button.click()
        qtbot.waitUntil(lambda: guide.message.text() == "Waiting for the database…",
                        timeout=4000)
        assert guide.is_acting()
        before = len(ticks)
        qtbot.waitUntil(lambda: len(ticks) >= before + 3, timeout=4000)
        assert guide.runner.state().position == 0
        lock.release()
    qtbot.waitUntil(lambda: guide.runner.state().position == 1, timeout=10_000)
    heartbeat.stop()


# -- step prompts ----------------------------------------------------------------------------
def text_prompt_step(services: Services) -> tuple[str, Any, int]:
    walk_id = protocol_walk(services)
    step = next(s for _, _, s in builtin_protocol("learning-walk").steps()
                if any(p.kind is PromptKind.TEXT for p in s.prompts))
    index = next(i for i, p in enumerate(step.prompts) if p.kind is PromptKind.TEXT)
    return walk_id, step, index


def test_step_prompts_save_off_the_gui_thread_and_keep_the_text_on_failure(
        qtbot, services: Services, monkeypatch) -> None:
    walk_id, step, index = text_prompt_step(services)
    spy = Spy(monkeypatch, services.responses, "save_answer")
    spy.fail = 1
    prompts = StepPrompts(services, walk_id, step)
    qtbot.addWidget(prompts)
    editor = prompts.inputs[index].editor
    assert editor is not None
    editor.setPlainText("We start on time")
    prompts.commit_now()
    qtbot.waitUntil(lambda: prompts.indicator.state() == "failed", timeout=5000)
    assert "disk is full" in prompts.status.text()
    assert prompts.indicator.retry.isVisibleTo(prompts)
    assert editor.toPlainText() == "We start on time"
    assert services.responses.list_answers(walk_id, step.key) == []
    prompts.indicator.retry.click()
    qtbot.waitUntil(lambda: prompts.indicator.state() == "saved", timeout=5000)
    assert [a.value for a in services.responses.list_answers(walk_id, step.key)] == [
        "We start on time"]
    assert spy.off_the_gui_thread()
    prompts.shutdown()


def test_writes_carry_the_origin_of_the_screen_that_asked(qtbot, services: Services) -> None:
    from walkapp.services.commands import PlanEdit
    from walkapp.ui.writer import Writer

    walk_id = protocol_walk(services)
    writer = Writer(services)
    seen: list[Change] = []
    services.bus.subscribe(seen.append)
    me = object()
    writer.write(PlanEdit("add_participant", (walk_id, "Bo")), origin=me)
    qtbot.waitUntil(writer.is_idle, timeout=5000)
    assert seen and all(change.is_from(me) for change in seen)
    assert writer.history[-1].command == PlanEdit("add_participant", (walk_id, "Bo"))
    writer.shutdown()


def test_runner_actions_never_coalesce_but_typed_text_does(qtbot, services: Services) -> None:
    from walkapp.ui.writer import Writer

    writer = Writer(services)
    release = threading.Event()
    ran: list[str] = []

    def work(name: str, wait: bool = False) -> Callable[[], None]:
        def run() -> None:
            if wait:
                release.wait(5)
            ran.append(name)
        return run

    writer.submit("first", 0, work("first", wait=True))
    for n in range(3):
        writer.submit(f"#{n}", 0, work(f"action {n}"))       # no shared key: all run
        writer.submit("answer", n, work(f"answer {n}"))      # one key: the newest wins
    release.set()
    qtbot.waitUntil(writer.is_idle, timeout=5000)
    assert ran == ["first", "action 0", "answer 2", "action 1", "action 2"]
    writer.shutdown()


def test_a_failed_runner_action_counts_as_not_saved_when_closing(qtbot, services: Services,
                                                                 monkeypatch) -> None:
    walk_id = protocol_walk(services)
    spy = Spy(monkeypatch, services.runs, "transition")
    spy.fail = 1
    guide = guide_for(qtbot, services, walk_id)
    guide.start_button.click()
    qtbot.waitUntil(lambda: guide.retry_button.isVisible(), timeout=5000)
    assert guide.save_pending() is False  # closing the walk now asks first
    guide.retry_button.click()
    qtbot.waitUntil(lambda: not guide.is_acting(), timeout=5000)
    assert guide.save_pending() is True


def test_a_plan_edit_waiting_for_the_database_says_so_and_lands_after(
        qtbot, services: Services) -> None:
    from walkapp.ui.screens.plan.roster import RosterPanel

    walk_id = protocol_walk(services)
    panel = RosterPanel(services, walk_id)
    qtbot.addWidget(panel)
    panel.show()
    ticks: list[int] = []
    heartbeat = QTimer(panel, interval=20)
    heartbeat.timeout.connect(lambda: ticks.append(1))
    heartbeat.start()
    assert services.db.path is not None
    with LockHolder(services.db.path) as lock:
        panel.new_name.setText("Bo")
        panel.add_button.click()
        qtbot.waitUntil(lambda: panel.message.text() == "Waiting for the database…",
                        timeout=4000)
        before = len(ticks)
        qtbot.waitUntil(lambda: len(ticks) >= before + 3, timeout=4000)  # the loop runs on
        assert panel.new_name.text() == "Bo"  # not saved yet: still in the field
        lock.release()
    qtbot.waitUntil(lambda: panel.new_name.text() == "", timeout=10_000)
    heartbeat.stop()
    assert "Bo" in [p.display_name for p in services.walks.get_walk(walk_id).participants]
    assert panel.message.text() == ""


def test_the_window_has_one_writer_and_its_status_bar_says_when_it_waits(
        qtbot, services: Services, qsettings, asker) -> None:  # type: ignore[no-untyped-def]
    from walkapp.ui.main_window import MainWindow

    walk_id = protocol_walk(services)
    window = MainWindow(services, qsettings, asker)
    qtbot.addWidget(window)
    window.open_walk(walk_id)
    assert window.workspace is not None
    window.workspace.show_page("pre_brief")
    guide = window.workspace.page("pre_brief")
    assert isinstance(guide, StepGuide) and guide.writer is window.writer
    window.workspace.show_page("plan")
    assert window.workspace.page("plan").writer is window.writer  # type: ignore[union-attr]
    assert services.db.path is not None
    with LockHolder(services.db.path) as lock:
        guide._act("start")
        qtbot.waitUntil(lambda: "Waiting for the database" in
                        window.statusBar().currentMessage(), timeout=4000)
        lock.release()
    qtbot.waitUntil(lambda: running(services, walk_id), timeout=10_000)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "", timeout=5000)
    assert window.save_everything() is True
