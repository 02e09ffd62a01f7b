"""No part of a walk ends in a dead end, whatever the protocol: the plan leads to the
first part the protocol has, each finished phase to the next, and the last one to the
debrief's export and closing the walk."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import ScriptedAsker
from tests.ui.protocol_words import every_protocol, walk_from
from tests.ui.test_step_guide import act
from walkapp.protocol import Protocol
from walkapp.protocol.library import builtin_protocol
from walkapp.services import Services
from walkapp.ui.bridge import ChangeBridge
from walkapp.ui.composition import walk_pages
from walkapp.ui.screens.observe_page import ObservationPage
from walkapp.ui.screens.step_guide import StepGuide
from walkapp.ui.screens.workspace import WalkWorkspace

PARTS = ("pre_brief", "observation", "post_brief")
GO = {"pre_brief": "Start the pre-brief", "observation": "Go to Observation",
      "post_brief": "Go to the post-brief"}
LAST = ["Export the debrief…", "Close the walk"]


# An empty phase cannot reach a walk: the loader and the walk's snapshot both refuse one
# (a phase has at least one step). The test protocols include ones without the optional
# phases (no opener, no closing).
CASES = every_protocol()


# These tests open many post-brief panels: see tests/ui/conftest.py.
pytestmark = pytest.mark.usefixtures("loads_done_before_teardown")


def guide_of(page: object) -> StepGuide:
    guide = page.guide if isinstance(page, ObservationPage) else page
    assert isinstance(guide, StepGuide)
    return guide


@pytest.mark.parametrize(("name", "protocol"), CASES, ids=[c[0] for c in CASES])
def test_every_part_of_the_walk_ends_with_a_way_on(qtbot, services: Services,
                                                   asker: ScriptedAsker, name: str,
                                                   protocol: Protocol) -> None:
    walk_id = walk_from(services, protocol)
    workspace = WalkWorkspace(services, walk_id, walk_pages(
        services, walk_id, asker, None, ChangeBridge(services.bus)),  # type: ignore[arg-type]
        asker=asker)
    qtbot.addWidget(workspace)
    workspace.resize(1366, 768)
    workspace.show()
    parts = [key for key in workspace.page_keys() if key in PARTS]
    assert parts
    # The plan leads to the first part of the walk the protocol has.
    assert workspace.current_key() == "plan"
    assert [b.accessibleName() for b in workspace.next_buttons] == [GO[parts[0]]]
    workspace.next_buttons[0].click()
    assert workspace.current_key() == parts[0]
    assert not workspace.next_bar.isVisible()  # a guide shows its own, at its end
    for index, key in enumerate(parts):
        workspace.show_page(key)
        guide = guide_of(workspace.page(key))
        assert not guide.end_actions.isVisible()
        act(qtbot, guide, "start")
        act(qtbot, guide, "finish")
        assert guide.end_actions.isVisible()
        labels = [b.text() for b in guide.end_actions.buttons]
        if index + 1 < len(parts):
            assert labels == [GO[parts[index + 1]]]
            guide.end_actions.buttons[0].click()
            assert workspace.current_key() == parts[index + 1]
        else:
            assert labels == LAST


def test_the_post_brief_ends_with_the_debrief_export_and_closing(
        qtbot, services: Services, asker: ScriptedAsker) -> None:
    from walkapp.ui.export import ExportDialog

    protocol = builtin_protocol("learning-walk")
    walk_id = walk_from(services, protocol)
    workspace = WalkWorkspace(services, walk_id, walk_pages(
        services, walk_id, asker, None, ChangeBridge(services.bus)),  # type: ignore[arg-type]
        asker=asker)
    qtbot.addWidget(workspace)
    workspace.show()
    workspace.show_page("post_brief")
    guide = guide_of(workspace.page("post_brief"))
    act(qtbot, guide, "start")
    while not guide.runner.state().finished:
        guide.next_button.click()  # Next step, then Finish on the last
        qtbot.waitUntil(lambda: not guide.is_acting(), timeout=5000)
    export, close = guide.end_actions.buttons
    assert QApplication.focusWidget() is export  # the keyboard goes on from Finish
    export.click()
    dialogs = [w for w in QApplication.topLevelWidgets()
               if isinstance(w, ExportDialog) and w.isVisible()]
    assert len(dialogs) == 1 and dialogs[0].kind.currentData() == "debrief"
    dialogs[0].reject()
    with qtbot.waitSignal(workspace.back_requested, timeout=2000):
        close.click()
