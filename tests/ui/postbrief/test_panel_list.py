"""The post-brief panels are listed once (`PANELS`): the tabs, `PANEL_NAMES` (which the
composition and the screenshot tool read) and the workspace's attributes follow it. Every
panel but the last is shown by a protocol activity; the last, Conflicts, is no step's."""

from __future__ import annotations

from walkapp import domain as d
from walkapp.protocol import Activity
from walkapp.ui.screens.postbrief.workspace import CONFLICTS, PANEL_NAMES, PANELS


def test_the_tabs_are_the_panel_list(qtbot, walk: d.Walk, open_workspace) -> None:  # type: ignore[no-untyped-def]
    workspace = open_workspace(walk.id)
    assert tuple(spec.name for spec in PANELS) == PANEL_NAMES
    assert [workspace.tabs.tabText(i) for i in range(workspace.tabs.count())] == \
        [spec.title for spec in PANELS]
    for index, spec in enumerate(PANELS):
        panel = workspace.panel(spec.name)
        assert workspace.tabs.widget(index) is panel is getattr(workspace, spec.name)
        assert workspace.show_panel(spec.name)
    assert len(set(PANEL_NAMES)) == len(PANELS)
    steps = [spec for spec in PANELS if spec.activity is not None]
    assert all(isinstance(spec.activity, Activity) and spec.name == spec.activity.value
               for spec in steps)
    # The Conflicts panel is always there, last, and no protocol step names it.
    assert [spec.name for spec in PANELS if spec.activity is None] == [CONFLICTS]
    assert PANELS[-1].name == CONFLICTS
    assert CONFLICTS not in {a.value for a in Activity}
