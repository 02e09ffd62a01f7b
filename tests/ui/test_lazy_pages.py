"""Opening a walk builds only what is shown (walkapp.ui.widgets.lazy_tabs): the Plan page's
tab in front, the post-brief's panel of the step in front. The rest is built when first
shown or asked for, and until then has nothing to save and hears no changes. For the user
nothing differs: each tab shows fresh data the first time it is shown, and the window
keeps the focus while a tab is built.

Also: the walk read when the walk opens is kept for the pages built in later turns
(`WalkWorkspace`), only until something changes.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import ScriptedAsker
from tests.ui.postbrief.conftest import wait_loaded
from tests.ui.test_page_contract import open_walk, page
from walkapp import domain as d
from walkapp.services import Services
from walkapp.ui.screens.observe_page import ObservationPage
from walkapp.ui.screens.plan.page import PlanPage
from walkapp.ui.screens.plan.roster import RosterPanel
from walkapp.ui.screens.postbrief import PostBriefWorkspace
from walkapp.ui.screens.postbrief.workspace import EAGER_PANELS, PANEL_NAMES
from walkapp.ui.screens.step_guide import StepGuide


def _plan(window) -> PlanPage:  # type: ignore[no-untyped-def]
    plan = page(window, "plan")
    assert isinstance(plan, PlanPage)
    return plan


def _postbrief(window) -> PostBriefWorkspace:  # type: ignore[no-untyped-def]
    guide = page(window, "post_brief")
    assert isinstance(guide, StepGuide)
    workspace = guide.current_panel()
    assert isinstance(workspace, PostBriefWorkspace)
    return workspace


def test_the_plan_builds_only_the_tab_in_front_and_the_others_when_shown(
        qtbot, services: Services, qsettings: QSettings, asker: ScriptedAsker) -> None:
    window = open_walk(qtbot, services, qsettings, asker)
    plan = _plan(window)
    assert list(plan.tabs.built()) == ["details"]
    assert plan.tabs.currentWidget() is plan.details
    assert plan.tabs.count() == 5 and plan.tabs.tabText(3) == "Roster and groups"

    # Someone joins while the Roster tab was never shown: it shows them when first shown.
    walk_id = plan.walk_id
    services.plan.add_participant(walk_id, "Chidi")
    plan.tabs.tabBar().setCurrentIndex(3)  # as a click on the tab does
    assert plan.tabs.is_built("roster")
    roster = plan.tabs.currentWidget()
    assert isinstance(roster, RosterPanel) and roster is plan.roster
    qtbot.waitUntil(lambda: "Chidi" in [roster.table.item(row, 0).text()
                                        for row in range(roster.table.rowCount())])
    assert list(plan.tabs.built()) == ["details", "roster"]


def test_tabs_never_built_have_nothing_to_save_and_hear_nothing(
        qtbot, services: Services, qsettings: QSettings, asker: ScriptedAsker) -> None:
    window = open_walk(qtbot, services, qsettings, asker)
    plan = _plan(window)
    workspace = _postbrief(window)
    # The step's panel, and the next step's, built ahead in a later turn.
    qtbot.waitUntil(lambda: len(workspace.built_panels()) == 2 + len(EAGER_PANELS))
    before = set(workspace.built_panels())
    assert before == {"evidence_wall", "calibration", *EAGER_PANELS}
    walk_id = plan.walk_id
    services.debrief.add_pattern(walk_id, d.PatternKind.DESCRIBE, "In 4 of 5 rooms…")
    services.walks.update_walk(walk_id, title="Walk for maths")
    QApplication.processEvents()
    assert window.workspace is not None
    assert window.workspace.save_pending() is True
    assert window.workspace.can_close() is True
    # Saving, asking and changes built nothing.
    assert list(plan.tabs.built()) == ["details"]
    assert set(workspace.built_panels()) == before
    window.show_library()  # closes the walk: shutdown reaches only what was built
    assert window.workspace is None


def test_each_post_brief_panel_is_built_when_its_tab_is_shown(
        qtbot, services: Services, qsettings: QSettings, asker: ScriptedAsker) -> None:
    window = open_walk(qtbot, services, qsettings, asker)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    workspace = _postbrief(window)
    shown = workspace.current_panel()
    # The step's panel, and those built with the workspace (the Conflicts panel's count).
    assert set(workspace.built_panels()) == {shown, *EAGER_PANELS}
    for index, name in enumerate(PANEL_NAMES):
        workspace.tabs.tabBar().setCurrentIndex(index)  # as a click on the tab does
        assert workspace.current_panel() == name
        assert workspace.tabs.currentWidget() is workspace.built_panels()[name]
        wait_loaded(qtbot, workspace.panel(name))
        # Built inside the shown window: nothing of it opened as a window of its own.
        assert window.isActiveWindow(), name
    assert set(workspace.built_panels()) == set(PANEL_NAMES)


def test_a_panel_asked_for_is_built_in_its_own_tab(
        qtbot, services: Services, qsettings: QSettings, asker: ScriptedAsker) -> None:
    window = open_walk(qtbot, services, qsettings, asker)
    workspace = _postbrief(window)
    current = workspace.current_panel()
    patterns = workspace.patterns  # built now, the tab in front stays
    assert workspace.current_panel() == current
    assert workspace.tabs.widget(PANEL_NAMES.index("patterns")) is patterns
    assert workspace.show_panel("patterns") and workspace.tabs.currentWidget() is patterns


def test_a_closed_post_brief_builds_nothing_more(
        qtbot, services: Services, qsettings: QSettings, asker: ScriptedAsker) -> None:
    window = open_walk(qtbot, services, qsettings, asker)
    workspace = _postbrief(window)
    built = set(workspace.built_panels())
    workspace.shutdown()
    assert workspace.show_panel("feedback") is False
    workspace.tabs.tabBar().setCurrentIndex(PANEL_NAMES.index("feedback"))
    assert set(workspace.built_panels()) == built


def test_the_walk_read_at_opening_is_kept_only_until_a_change(
        qtbot, services: Services, qsettings: QSettings, asker: ScriptedAsker) -> None:
    """The Observation page, built after the walk opened, lists someone who joined in
    between: the kept read of the walk was dropped with the change."""
    window = open_walk(qtbot, services, qsettings, asker)
    assert window.workspace is not None
    walk_id = window.workspace.walk_id
    services.plan.add_participant(walk_id, "Chidi")
    QApplication.processEvents()  # the change reaches the window
    observe = page(window, "observation")
    assert isinstance(observe, ObservationPage)
    names = [observe.author.itemText(i) for i in range(observe.author.count())]
    assert any(name.startswith("Chidi") for name in names), names


def test_the_next_post_brief_steps_panel_is_built_ahead(
        qtbot, services: Services, qsettings: QSettings, asker: ScriptedAsker) -> None:
    """While a post-brief step runs, the next step's panel is built in a later turn (not
    in the turn that shows it after Next); the one after it is not built yet."""
    window = open_walk(qtbot, services, qsettings, asker)
    guide = page(window, "post_brief")
    assert isinstance(guide, StepGuide)
    workspace = guide.current_panel()
    assert isinstance(workspace, PostBriefWorkspace)
    steps = [planned.step.activity.value for planned in guide.runner.steps]
    position = guide.runner.state().position
    assert steps[position] == "evidence_wall" and steps[position + 1] == "calibration"
    qtbot.waitUntil(lambda: "calibration" in workspace.built_panels())
    assert workspace.current_panel() == "evidence_wall"
    assert steps[position + 2] not in workspace.built_panels()
