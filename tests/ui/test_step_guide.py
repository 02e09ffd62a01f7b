"""The step guide runs the pre-brief and post-brief with a fake clock: script, timer,
prompts saved, the right panel inside each step, and the phase log written."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import ScriptedAsker
from walkapp.protocol.library import builtin_protocol
from walkapp.protocol.runner import RunStatus
from walkapp.services import Services
from walkapp.services.protocol_walks import create_walk_from_protocol
from walkapp.ui.bridge import ChangeBridge
from walkapp.ui.composition import walk_pages
from walkapp.ui.screens.plan.lists import NormsPanel
from walkapp.ui.screens.postbrief import PostBriefWorkspace
from walkapp.ui.screens.step_guide import StepGuide


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 3, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def tick(self, minutes: float) -> None:
        self.now += timedelta(minutes=minutes)


def press(qtbot, guide: StepGuide, button) -> None:  # type: ignore[no-untyped-def]
    """Click a runner button; its write runs on the writer's thread: wait for its result."""
    button.click()
    qtbot.waitUntil(lambda: not guide.is_acting(), timeout=5000)


def act(qtbot, guide: StepGuide, verb: str) -> None:  # type: ignore[no-untyped-def]
    guide._act(verb)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: not guide.is_acting(), timeout=5000)


def walk_with_protocol(services: Services) -> str:
    walk = create_walk_from_protocol(services, builtin_protocol("learning-walk"), "Walk",
                                     date(2026, 11, 3), visits=3)
    services.plan.add_participant(walk.id, "Ana")
    return walk.id


def test_pre_brief_guide_runs_steps_and_saves_answers(qtbot, services: Services,
                                                      asker: ScriptedAsker) -> None:
    walk_id = walk_with_protocol(services)
    clock = Clock()
    pages = {p.key: p for p in walk_pages(services, walk_id, asker, None,  # type: ignore[arg-type]
                                          ChangeBridge(services.bus))}
    assert list(pages) == ["plan", "pre_brief", "observation", "post_brief", "reports"]
    built = pages["pre_brief"].build()
    assert isinstance(built, StepGuide)
    guide = StepGuide(services, walk_id, ("opener", "pre_brief"), built._panels, clock=clock)
    qtbot.addWidget(guide)
    guide.show()
    assert guide.start_button.text() == "&Start" and not guide.next_button.isEnabled()
    press(qtbot, guide, guide.start_button)
    assert guide.runner.state().status is RunStatus.RUNNING
    # The opener asks a question: answer it and move on; the answer is kept.
    prompt = next(p for p in guide._prompt_cache.values())
    prompt.inputs[0].editor.setPlainText("Looking forward to it")  # type: ignore[union-attr]
    clock.tick(4)
    press(qtbot, guide, guide.next_button)
    answers = services.responses.list_answers(walk_id)
    assert [a.value for a in answers] == ["Looking forward to it"]
    # Shared focus, then norms: the norms step shows the norms editor inside it.
    clock.tick(5)
    press(qtbot, guide, guide.next_button)
    state = guide.runner.state()
    assert state.step_key == "norms" and isinstance(guide.current_panel(), NormsPanel)
    clock.tick(2)
    press(qtbot, guide, guide.more_button)
    assert guide.runner.state().planned_seconds == 6 * 60
    guide.timer.refresh()
    assert round(guide.timer.remaining()) == 4 * 60
    press(qtbot, guide, guide.back_button)
    assert guide.runner.state().step_key == "focus"
    log = services.runs.log(walk_id)
    assert [e.step_key for e in log][:3] == ["welcome", "focus", "norms"]
    assert services.walks.get_walk(walk_id).current_phase == "pre_brief"


def test_post_brief_steps_show_the_matching_panel(qtbot, services: Services,
                                                  asker: ScriptedAsker) -> None:
    walk_id = walk_with_protocol(services)
    clock = Clock()
    pages = {p.key: p for p in walk_pages(services, walk_id, asker, None,  # type: ignore[arg-type]
                                          ChangeBridge(services.bus))}
    guide = pages["post_brief"].build()
    assert isinstance(guide, StepGuide)
    qtbot.addWidget(guide)
    guide.show()
    guide.runner._clock = clock  # drive the same runner with the fake clock
    act(qtbot, guide, "start")
    seen = []
    while True:
        state = guide.runner.state()
        panel = guide.current_panel()
        if isinstance(panel, PostBriefWorkspace):
            seen.append((state.activity.value, panel.current_panel()))
        if state.finished or state.is_last_step:
            break
        clock.tick(1)
        act(qtbot, guide, "next")
        QApplication.processEvents()
    assert seen and all(activity == shown for activity, shown in seen)
    guide.shutdown()


def test_main_window_opens_the_guides(qtbot, services: Services, qsettings: QSettings,
                                      asker: ScriptedAsker) -> None:
    from walkapp.ui.main_window import MainWindow

    walk_id = walk_with_protocol(services)
    window = MainWindow(services, qsettings, asker)
    qtbot.addWidget(window)
    window.open_walk(walk_id)
    assert window.workspace is not None
    window.workspace.show_page("pre_brief")
    assert isinstance(window.workspace.page("pre_brief"), StepGuide)
    window.show_library()
    assert window.workspace is None


def test_reports_page_and_export_menu(qtbot, services: Services, qsettings: QSettings,
                                      asker: ScriptedAsker) -> None:
    from walkapp.reports import ReportKind
    from walkapp.ui.export import ExportDialog
    from walkapp.ui.main_window import MainWindow
    from walkapp.ui.screens.reports_page import ReportsPage

    asked: list[ReportKind] = []
    page = ReportsPage(asked.append)
    qtbot.addWidget(page)
    page.buttons[ReportKind.AGENDA].click()
    assert asked == [ReportKind.AGENDA]

    window = MainWindow(services, qsettings, asker)
    qtbot.addWidget(window)
    from walkapp.reports import REPORTS

    # Found by kind in the registry's order (adding a kind moves the others down).
    kinds = [spec.kind for spec in REPORTS]
    debrief_action = window._export_actions[kinds.index(ReportKind.DEBRIEF)][0]
    tracker_action = window._export_actions[kinds.index(ReportKind.ACTIONS)][0]
    assert not debrief_action.isEnabled() and tracker_action.isEnabled()
    walk_id = walk_with_protocol(services)
    window.open_walk(walk_id)
    assert debrief_action.isEnabled()
    debrief_action.trigger()
    dialog = window.export_dialog
    assert isinstance(dialog, ExportDialog)
    dialog.reject()
