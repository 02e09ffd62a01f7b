"""The page contract in the real window: nothing typed is dropped without asking, and each
change reaches each page once.

`CASES` is the one list of every place where text is typed in an open walk. For each, the
save is made to fail (or, for text that waits in a box to be added, is simply not added);
then closing the walk and closing the app must both ask, "stay" must keep the text, and
"close anyway" must close. `test_every_page_that_holds_text_is_in_the_list` keeps the list
complete: a new page class with a `save_pending()` of its own fails it until it is added.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from tests.ui.conftest import ScriptedAsker
from walkapp import domain as d
from walkapp import formatting as fmt
from walkapp.errors import DiskFullError
from walkapp.events import Change
from walkapp.protocol.library import builtin_protocol
from walkapp.protocol.schema import Activity
from walkapp.services import NoteDraft, Services
from walkapp.services.protocol_walks import create_walk_from_protocol
from walkapp.ui.main_window import MainWindow
from walkapp.ui.screens.observe_page import ObservationPage
from walkapp.ui.screens.plan.page import PlanPage
from walkapp.ui.screens.postbrief import PostBriefWorkspace
from walkapp.ui.screens.step_guide import StepGuide, StepPrompts
from walkapp.ui.screens.walker_home import WalkerHome

TEXT = "Kept safe 42"
Reader = Callable[[], str]


def full(*_args: object, **_kwargs: object) -> object:
    raise DiskFullError("The disk is full, so the change was not saved.")


def open_walk(qtbot, services: Services, qsettings: QSettings, asker: ScriptedAsker,
              *, walker: bool = False, protocol: str = "learning-walk") -> MainWindow:
    walk = create_walk_from_protocol(services, builtin_protocol(protocol), "Walk",
                                     date(2026, 11, 3), visits=2)
    ana = services.plan.add_participant(walk.id, "Ana")
    services.plan.add_participant(walk.id, "Ben")
    if walker:
        services.walks.update_walk(walk.id, local_mode=d.LocalMode.WALKER.value,
                                   local_participant_id=ana.id)
    window = MainWindow(services, qsettings, asker)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.open_walk(walk.id)
    assert window.workspace is not None
    return window


def page(window: MainWindow, key: str) -> QWidget:
    assert window.workspace is not None
    window.workspace.show_page(key)
    widget = window.workspace.page(key)
    assert isinstance(widget, QWidget)
    return widget


def postbrief(window: MainWindow, qtbot, name: str) -> PostBriefWorkspace:
    guide = page(window, "post_brief")
    assert isinstance(guide, StepGuide)
    workspace = guide.current_panel()
    assert isinstance(workspace, PostBriefWorkspace)
    workspace.show_panel(name)
    panel = workspace.panel(name)
    qtbot.waitUntil(lambda: panel.refresh_count > 0 and not panel.is_loading(), timeout=5000)
    return workspace


# -- where text is typed: each types TEXT, tries to save it, and returns a reader ----------
def note(window: MainWindow, qtbot) -> Reader:
    observation = page(window, "observation")
    assert isinstance(observation, ObservationPage) and observation.observation is not None
    editor = observation.observation.editor.text_edit
    qtbot.keyClicks(editor, TEXT)
    observation.observation.flush()
    return editor.toPlainText


def walker_note(window: MainWindow, qtbot) -> Reader:
    home = page(window, "walker")
    assert isinstance(home, WalkerHome)
    home.tabs.setCurrentWidget(home.observation)
    editor = home.observation.editor.text_edit
    qtbot.keyClicks(editor, TEXT)
    home.observation.flush()
    return editor.toPlainText


def reflection(window: MainWindow, qtbot) -> Reader:
    home = page(window, "walker")
    assert isinstance(home, WalkerHome)
    home.tabs.setCurrentWidget(home.reflections)
    editor = home.reflections.editors[0].text_edit
    editor.setPlainText(TEXT)
    home.reflections.flush()
    return editor.toPlainText


def step_prompt(window: MainWindow, qtbot) -> Reader:
    guide = page(window, "pre_brief")
    prompts = guide.findChildren(StepPrompts)[0]
    editor = prompts.inputs[0].editor
    assert editor is not None
    editor.setPlainText(TEXT)
    prompts.save_pending()
    return editor.toPlainText


def walk_details(window: MainWindow, qtbot) -> Reader:
    plan = page(window, "plan")
    assert isinstance(plan, PlanPage)
    qtbot.keyClicks(plan.details.school, TEXT)
    plan.details.save_pending()
    return plan.details.school.text


def look_for(window: MainWindow, qtbot) -> Reader:
    plan = page(window, "plan")
    assert isinstance(plan, PlanPage)
    plan.tabs.setCurrentWidget(plan.look_fors)
    box = plan.look_fors.items.new_text
    qtbot.keyClicks(box, TEXT)
    plan.look_fors.items.add_button.click()
    return box.text


def look_for_description(window: MainWindow, qtbot) -> Reader:
    plan = page(window, "plan")
    assert isinstance(plan, PlanPage)
    window._services.plan.add_look_for(plan.walk_id, "Students explain why")
    plan.tabs.setCurrentWidget(plan.look_fors)
    panel = plan.look_fors
    qtbot.waitUntil(lambda: panel.items.list.count() == 1)
    panel.items.list.setCurrentRow(0)
    qtbot.keyClicks(panel.description, TEXT)
    assert not panel.save_pending()  # its write fails
    return panel.description.toPlainText


def norm(window: MainWindow, qtbot) -> Reader:
    plan = page(window, "plan")
    assert isinstance(plan, PlanPage)
    plan.tabs.setCurrentWidget(plan.norms)
    box = plan.norms.items.new_text
    qtbot.keyClicks(box, TEXT)
    plan.norms.items.add_button.click()
    return box.text


def roster(window: MainWindow, qtbot) -> Reader:
    plan = page(window, "plan")
    assert isinstance(plan, PlanPage)
    plan.tabs.setCurrentWidget(plan.roster)
    qtbot.keyClicks(plan.roster.new_name, TEXT)
    plan.roster.add_button.click()
    return plan.roster.new_name.text


def route(window: MainWindow, qtbot) -> Reader:
    plan = page(window, "plan")
    assert isinstance(plan, PlanPage)
    plan.tabs.setCurrentWidget(plan.route)
    table = plan.route.table
    table.item(0, 1).setText(TEXT)  # the first visit's room: its write fails
    qtbot.waitUntil(plan.route.message.has_failed)
    return lambda: table.item(0, 1).text()


def phase_date(window: MainWindow, qtbot) -> Reader:
    """A date of its own for a phase held on another day (Plan ▸ Choices; lesson study)."""
    plan = page(window, "plan")
    assert isinstance(plan, PlanPage)
    choices = plan.choices
    plan.tabs.setCurrentWidget(choices)
    (field,) = choices.date_fields.values()  # type: ignore[attr-defined]
    field.edit.setText(fmt.short_date(date(2026, 11, 19), ""))  # as typed, then read
    assert field.read_typed()
    shown = field.edit.text()
    choices.save_pending()  # type: ignore[attr-defined]
    return lambda: TEXT if shown and field.edit.text() == shown else ""


def review_note(window: MainWindow, qtbot) -> Reader:
    guide = page(window, "pre_brief")
    assert isinstance(guide, StepGuide)
    from walkapp.ui.screens.plan.review import ReviewPanel

    review = guide._panel_for(Activity.REVIEW)
    assert isinstance(review, ReviewPanel)
    review.commitment_note.setText(TEXT)  # saved only with "We tried it": not yet
    return review.commitment_note.text


def commitment(window: MainWindow, qtbot) -> Reader:
    panel = postbrief(window, qtbot, "commitments").commitments
    row = next(iter(panel.rows.values()))
    row.editor.setPlainText(TEXT)
    row.flush()
    return row.editor.toPlainText


def pattern(window: MainWindow, qtbot) -> Reader:
    section = postbrief(window, qtbot, "patterns").patterns.sections[d.PatternKind.DESCRIBE]
    section.editor.setPlainText(TEXT)
    section.add_button.click()
    # The box empties while the write is in the writer's line; a failure puts it back.
    qtbot.waitUntil(lambda: TEXT in section.editor.toPlainText())
    return section.editor.toPlainText


def next_step(window: MainWindow, qtbot) -> Reader:
    steps = postbrief(window, qtbot, "next_steps").next_steps.list
    steps.editor.setPlainText(TEXT)
    steps.add_button.click()
    qtbot.waitUntil(lambda: TEXT in steps.editor.toPlainText())
    return steps.editor.toPlainText


def action_item(window: MainWindow, qtbot) -> Reader:
    panel = postbrief(window, qtbot, "action_items").action_items
    panel.new_text.setText(TEXT)
    panel.add_button.click()
    return panel.new_text.text


def feedback(window: MainWindow, qtbot) -> Reader:
    panel = postbrief(window, qtbot, "feedback").feedback
    answer = next(a for a in panel.answers if a.box is not None)
    assert answer.box is not None
    answer.box.setPlainText(TEXT)
    panel.send_button.click()
    return answer.box.toPlainText


def _conflict_editor(window: MainWindow, qtbot) -> Callable[[], str]:
    """A note changed on two laptops, its conflict open in "Edit into one", TEXT typed."""
    from tests.ui.postbrief.conflict_rows import note_conflict
    from walkapp.services import NoteDraft

    assert window.workspace is not None
    services: Services = window._services
    walk = services.walks.get_walk(window.workspace.walk_id)
    note = services.notes.save_note(NoteDraft(walk.id, walk.walkers[0].id, "Ours",
                                              visit_id=walk.visits[0].id))
    note_conflict(services, walk, note, "Theirs")
    panel = postbrief(window, qtbot, "conflicts").conflicts_panel
    qtbot.waitUntil(lambda: panel.view.conflict is not None and not panel.is_loading())
    panel.view.edit_button.click()
    panel.view.editor.appendPlainText(TEXT)
    return panel.view.editor.toPlainText


def conflict_draft(window: MainWindow, qtbot) -> Reader:
    return _conflict_editor(window, qtbot)  # typed, Save as one not pressed yet


def conflict_merge(window: MainWindow, qtbot) -> Reader:
    read = _conflict_editor(window, qtbot)
    panel = postbrief(window, qtbot, "conflicts").conflicts_panel
    panel.view.save_button.click()
    assert panel.write_notice is not None
    qtbot.waitUntil(panel.write_notice.has_failed)
    return read


def note_rewrite(window: MainWindow, qtbot) -> Reader:
    """A note opened at the evidence wall and rewritten; the rewrite fails to save."""
    services = window._services
    walk_id = window.workspace.walk_id if window.workspace else ""
    ana = services.walks.get_walk(walk_id).walkers[0]
    note = services.notes.save_note(NoteDraft(walk_id, ana.id, "Pupils asked why."))
    wall = postbrief(window, qtbot, "evidence_wall").evidence_wall
    qtbot.waitUntil(lambda: wall._data is not None
                    and any(n.id == note.id for n in wall._data.notes), timeout=5000)
    dialog = wall.open_card(note.id)
    assert dialog is not None
    dialog.start_rewrite()
    dialog.text.setPlainText(TEXT)
    dialog.save_rewrite()
    qtbot.waitUntil(dialog.error_line.isVisible, timeout=5000)
    return dialog.text.toPlainText


@dataclass(frozen=True)
class Case:
    type_in: Callable[[MainWindow, object], Reader]
    owner: str                    # the class whose save_pending() answers for this text
    fails: tuple[str, str] | None  # (service, method) made to fail; None: not added yet
    walker: bool = False
    protocol: str = "learning-walk"  # the walk's (a built-in)


CASES = [
    Case(note, "ObservationScreen", ("notes", "save_note")),
    Case(walker_note, "ObservationScreen", ("notes", "save_note"), walker=True),
    Case(reflection, "WalkerHome", ("notes", "save_reflection"), walker=True),
    Case(step_prompt, "StepPrompts", ("responses", "save_answer")),
    Case(walk_details, "WalkDetailsPanel", ("walks", "update_walk")),
    Case(look_for, "_ListPanel", ("plan", "add_look_for")),
    Case(look_for_description, "LookForsPanel", ("plan", "update_look_for")),
    Case(norm, "_ListPanel", ("plan", "add_norm")),
    Case(roster, "RosterPanel", ("plan", "add_participant")),
    Case(route, "RoutePanel", ("plan", "update_visit")),
    Case(phase_date, "ChoicesPanel", ("walks", "update_walk"), protocol="lesson-study"),
    Case(review_note, "ReviewPanel", None),
    Case(commitment, "CommitmentsPanel", ("debrief", "save_commitment")),
    Case(pattern, "PatternsPanel", ("debrief", "add_pattern")),
    Case(next_step, "NextStepsPanel", ("debrief", "add_next_step")),
    Case(action_item, "ActionItemsPanel", ("debrief", "add_action_item")),
    Case(feedback, "FeedbackPanel", ("debrief", "add_feedback")),
    Case(conflict_draft, "ConflictsPanel", None),
    Case(conflict_merge, "ConflictsPanel", ("conflicts", "resolve")),
    Case(note_rewrite, "EvidenceWall", ("reviews", "rewrite")),
]


def confirms(asker: ScriptedAsker, since: int) -> list[tuple[str, str, str]]:
    return [shown for shown in asker.shown[since:] if shown[0] == "confirm"]


@pytest.mark.parametrize("case", CASES, ids=[c.type_in.__name__ for c in CASES])
def test_closing_asks_before_anything_typed_is_dropped(
        case: Case, qtbot, services: Services, qsettings: QSettings, asker: ScriptedAsker,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window = open_walk(qtbot, services, qsettings, asker, walker=case.walker,
                       protocol=case.protocol)
    if case.fails is not None:
        service, method = case.fails
        monkeypatch.setattr(getattr(services, service), method, full)
    read = case.type_in(window, qtbot)
    assert TEXT in read()

    # Closing the walk asks, once; "stay" keeps the walk open and the text where it was.
    before = len(asker.shown)
    asker.answers = [False]
    window.show_library()
    assert len(confirms(asker, before)) == 1, asker.shown[before:]
    assert window.workspace is not None and window.stack.currentWidget() is window.workspace
    assert TEXT in read()

    # Closing the app asks too; "stay" keeps the window, the walk and the text.
    before = len(asker.shown)
    asker.answers = [False]
    assert not window.close()
    assert len(confirms(asker, before)) == 1, asker.shown[before:]
    assert window.isVisible() and window.workspace is not None
    assert TEXT in read()

    # "Close anyway" closes, with one question.
    before = len(asker.shown)
    asker.answers = [True]
    window.show_library()
    assert len(confirms(asker, before)) == 1, asker.shown[before:]
    assert window.workspace is None


def test_every_page_that_holds_text_is_in_the_list() -> None:
    """Every page class with a save_pending() of its own (it holds typed text) is the owner
    of a case above, or is a container that only asks its children."""
    from walkapp.ui.page import Page, ShowOnlyPage
    from walkapp.ui.screens.postbrief.base import Panel

    containers = {"WalkWorkspace", "PlanPage", "StepGuide", "PostBriefWorkspace",
                  "ObservationPage", "NoteTaker"}
    trivial = {Panel.save_pending, ShowOnlyPage.save_pending}
    pages: set[type] = set()
    todo: list[type] = [Page]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            if sub.__module__.startswith("walkapp.ui.") and sub not in pages:
                pages.add(sub)
                todo.append(sub)
    holders = {cls.__name__ for cls in pages
               if "save_pending" in vars(cls) and vars(cls)["save_pending"] not in trivial
               and not inspect.isabstract(cls)}
    covered = {case.owner for case in CASES}
    assert holders - containers - covered == set()
    assert covered <= holders


# -- the commitment that was dropped without asking ----------------------------------------
def test_a_failed_commitment_save_counts_as_not_saved(
        qtbot, services: Services, qsettings: QSettings, asker: ScriptedAsker,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window = open_walk(qtbot, services, qsettings, asker)
    monkeypatch.setattr(services.debrief, "save_commitment", full)
    panel = postbrief(window, qtbot, "commitments").commitments
    row = next(iter(panel.rows.values()))
    row.editor.setPlainText("I will try wait time")
    guide = page(window, "post_brief")
    assert isinstance(guide, StepGuide)
    assert guide.save_pending() is False
    assert "disk is full" in row.status.text()
    assert window.workspace is not None and window.workspace.save_pending() is False


# -- one dispatch tree --------------------------------------------------------------------
def test_each_change_reaches_each_page_and_panel_once(
        qtbot, services: Services, qsettings: QSettings, asker: ScriptedAsker) -> None:
    window = open_walk(qtbot, services, qsettings, asker)
    assert window.workspace is not None
    for key in window.workspace.page_keys():
        page(window, key)
    # Every step of both phases shown once, so each step has built its body.
    for key in ("pre_brief", "post_brief"):
        guide = page(window, key)
        assert isinstance(guide, StepGuide)
        for planned in guide.runner.steps:
            guide._panel_for(planned.step.activity)
    guide = page(window, "post_brief")
    assert isinstance(guide, StepGuide)
    workspace = guide.current_panel()
    assert isinstance(workspace, PostBriefWorkspace)

    heard: dict[str, list[Change]] = {}
    listeners: dict[str, object] = {**{f"page:{k}": p for k, p in
                                      window.workspace.built_pages().items()},
                                   **{f"panel:{k}": p for k, p in workspace.panels.items()}}
    listeners = {name: p for name, p in listeners.items() if hasattr(p, "on_change")}
    for name, listener in listeners.items():
        def counting(change: Change, name: str = name,
                     real: Callable[[Change], None] = listener.on_change) -> None:  # type: ignore[attr-defined]
            heard.setdefault(name, []).append(change)
            real(change)
        listener.on_change = counting  # type: ignore[attr-defined]

    walk_id = window.workspace.walk_id
    services.debrief.add_pattern(walk_id, d.PatternKind.DESCRIBE, "In 4 of 5 rooms…")
    assert {name: len(changes) for name, changes in heard.items()} == dict.fromkeys(
        listeners, 1)


def test_a_page_that_forgets_part_of_the_contract_fails_when_defined() -> None:
    from walkapp.ui.page import Page

    with pytest.raises(TypeError, match="must implement on_change, save_pending"):
        class Forgetful(QWidget, Page):
            def shutdown(self) -> None:
                pass


def test_shutdown_tree_stops_the_stoppable_objects_only(qtbot) -> None:
    from walkapp.ui.lifecycle import shutdown_tree
    from walkapp.ui.page import Stoppable

    stopped: list[str] = []

    class Part(QWidget, Stoppable):
        def shutdown(self) -> None:
            stopped.append(self.objectName())

    class NotOurs(QWidget):
        def shutdown(self) -> None:  # a method of that name is not the contract
            stopped.append("not ours")

    root = Part()
    root.setObjectName("root")
    qtbot.addWidget(root)
    child = Part(root)
    child.setObjectName("child")
    NotOurs(root)
    shutdown_tree(root)
    assert stopped == ["root", "child"]
