"""One way through the post-brief: the step list. Its steps show their panels, "More"
reaches every panel no step shows (Conflicts…), the tabs' bar is gone, panels are still
built only when first needed, and the keyboard gets everywhere."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.conftest import ScriptedAsker
from tests.ui.protocol_words import every_protocol, walk_from
from tests.ui.test_step_prepare import click_step, shown
from walkapp.protocol import Protocol
from walkapp.protocol.runner import RunStatus
from walkapp.services import Services
from walkapp.ui.bridge import ChangeBridge
from walkapp.ui.composition import walk_pages
from walkapp.ui.screens.postbrief import PostBriefWorkspace
from walkapp.ui.screens.postbrief.workspace import EAGER_PANELS, PANELS
from walkapp.ui.screens.step_guide import StepGuide
from walkapp.ui.screens.workspace import WalkWorkspace

CASES = every_protocol()


# These tests open many post-brief panels: see tests/ui/conftest.py.
pytestmark = pytest.mark.usefixtures("loads_done_before_teardown")


def post_brief(qtbot, services: Services, asker: ScriptedAsker,  # type: ignore[no-untyped-def]
               protocol: Protocol) -> tuple[WalkWorkspace, StepGuide]:
    walk_id = walk_from(services, protocol)
    workspace = WalkWorkspace(services, walk_id, walk_pages(
        services, walk_id, asker, None, ChangeBridge(services.bus)),  # type: ignore[arg-type]
        asker=asker)
    qtbot.addWidget(workspace)
    workspace.resize(1366, 768)
    workspace.show()
    workspace.show_page("post_brief")
    guide = workspace.page("post_brief")
    assert isinstance(guide, StepGuide)
    shown(qtbot, guide)
    return workspace, guide


def group_of(guide: StepGuide) -> PostBriefWorkspace:
    group = next(iter(guide.findChildren(PostBriefWorkspace)), None)
    assert group is not None
    return group


@pytest.mark.parametrize(("name", "protocol"), CASES, ids=[c[0] for c in CASES])
def test_every_post_brief_panel_is_reached_from_the_step_list(
        qtbot, services: Services, asker: ScriptedAsker, name: str,
        protocol: Protocol) -> None:
    _workspace, guide = post_brief(qtbot, services, asker, protocol)
    steps = guide.runner.steps
    for spec in PANELS:
        position = next((i for i, s in enumerate(steps) if s.step.activity == spec.activity),
                        None)
        if position is not None:
            click_step(qtbot, guide, position)
        else:
            item = guide.more_item(spec.name)
            assert item is not None, f"{spec.name} is reachable from no step and no More"
            rect = guide.steps.visualItemRect(item)
            qtbot.mouseClick(guide.steps.viewport(), Qt.MouseButton.LeftButton,
                             pos=rect.center())
            assert guide.more_shown() == spec.name
            assert not guide.preview.start_button.isVisible()  # no step to start
        group = group_of(guide)
        assert guide.current_panel() is group and group.current_panel() == spec.name
        assert not group.tabs.tabBar().isVisibleTo(group)  # one level: no tabs
    # Looking around never touched the runner.
    assert guide.runner.refresh().status is RunStatus.READY
    assert services.runs.log(guide.walk_id) == []
    guide.preview.back_button.click()
    shown(qtbot, guide)
    assert guide.more_shown() is None and guide.viewing() is None


def test_more_by_keyboard_and_from_the_conflicts_mark(qtbot, services: Services,
                                                      asker: ScriptedAsker) -> None:
    _name, protocol = CASES[0]
    workspace, guide = post_brief(qtbot, services, asker, protocol)
    conflicts = guide.more_item("conflicts")
    assert conflicts is not None
    guide.steps.setFocus()
    guide.steps.setCurrentRow(len(guide.runner.steps) - 1)
    qtbot.keyClick(guide.steps, Qt.Key.Key_Down)  # past the "More" heading
    while guide.steps.currentItem() is not conflicts:
        qtbot.keyClick(guide.steps, Qt.Key.Key_Down)
    qtbot.keyClick(guide.steps, Qt.Key.Key_Return)
    assert guide.more_shown() == "conflicts"
    click_step(qtbot, guide, 0)
    assert guide.more_shown() is None
    workspace.show_page("plan")
    workspace.open_conflicts()  # the header's mark
    assert workspace.current_key() == "post_brief" and guide.more_shown() == "conflicts"
    # A panel that opens Conflicts itself (a card's "2 versions"): the list follows.
    click_step(qtbot, guide, 0)
    group_of(guide).show_conflicts()
    assert guide.more_shown() == "conflicts"
    assert guide.steps.currentItem() is guide.more_item("conflicts")
    # A step's panel brought to the front the same way: the list leaves "More".
    group_of(guide).show_panel(guide.runner.steps[0].step.activity.value)
    assert guide.more_shown() is None and guide.steps.currentRow() == 0
    # A runner action shows the running step, whatever was on show.
    guide.show_more("conflicts")
    guide._act("start")
    qtbot.waitUntil(lambda: not guide.is_acting(), timeout=5000)
    assert guide.more_shown() is None and guide.preview.isHidden()


def test_opening_the_post_brief_builds_only_the_panels_it_shows(
        qtbot, services: Services, asker: ScriptedAsker) -> None:
    _name, protocol = CASES[0]
    _workspace, guide = post_brief(qtbot, services, asker, protocol)
    qtbot.waitUntil(lambda: not guide.is_acting(), timeout=5000)
    first_two = {s.step.activity.value for s in guide.runner.steps[:2]}
    built = set(group_of(guide).built_panels())
    assert built <= first_two | EAGER_PANELS  # the first step's, the next one's, Conflicts
