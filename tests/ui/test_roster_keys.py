"""The roster at planning: Role and Group readable at every window width, typed into like
a spreadsheet, and several walkers put in a group in one action (by keys too)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.helpers.builders import make_walk
from tests.ui.conftest import ScriptedAsker
from tests.ui.test_plan_screens import follow, settle
from walkapp import domain as d
from walkapp.services import Services
from walkapp.ui.screens.plan.roster import RosterPanel

LONG_GROUP = "Group B: the Year 7 team"


def _panel(qtbot, services: Services, walkers: int = 6,  # type: ignore[no-untyped-def]
           asker: ScriptedAsker | None = None, width: int = 1100) -> tuple[RosterPanel, str]:
    walk = make_walk(services, walkers=walkers)
    for name in ("Blue", LONG_GROUP):
        services.plan.add_group(walk.id, name)
    panel = RosterPanel(services, walk.id, **({"asker": asker} if asker else {}))
    qtbot.addWidget(panel)
    follow(services, panel)
    panel.resize(width, 640)
    panel.show()
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow, timeout=5000)
    return panel, walk.id


def _keys(qtbot, *keys: str | Qt.Key,  # type: ignore[no-untyped-def]
          modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    for key in keys:
        for one in (list(key) if isinstance(key, str) else [key]):
            target = QApplication.focusWidget()
            assert target is not None
            qtbot.keyClick(target, one, modifier)


@pytest.mark.parametrize("window_width", [1024, 1366, 1920])
def test_role_and_group_are_readable(qtbot, services: Services, window_width: int) -> None:
    # The panel sits beside the window's sidebar; it gets most of the window's width.
    panel, walk_id = _panel(qtbot, services, width=window_width - 240)
    # A walker added while the roster is shown (the table is filled again).
    panel.new_name.setText("Bea")
    panel.add_button.click()
    settle(qtbot, panel)
    qtbot.waitUntil(lambda: panel.table.rowCount() == 8, timeout=5000)
    walk = services.walks.get_walk(walk_id)
    metrics = panel.table.fontMetrics()
    for column, words in ((1, [panel.tr("Walker"), panel.tr("Facilitator")]),
                          (2, [panel.tr("No group"), *(g.name for g in walk.groups)])):
        widest = max(metrics.horizontalAdvance(w) for w in words)
        assert panel.table.columnWidth(column) >= widest + 16, (column, words)
    # The names still get the room that is left.
    assert panel.table.columnWidth(0) >= 200


def test_the_roster_is_typed_like_a_spreadsheet(qtbot, services: Services) -> None:
    panel, walk_id = _panel(qtbot, services, walkers=2)
    panel.table.setFocus()
    panel.table.setCurrentCell(1, 0)  # Walker 1 (row 0 is the facilitator)
    writes = len(panel.writer.history)
    _keys(qtbot, "Ana", Qt.Key.Key_Tab, Qt.Key.Key_Tab, "B", Qt.Key.Key_Return)
    settle(qtbot, panel)
    assert len(panel.writer.history) == writes + 2  # the name, the group: nothing twice
    walk = services.walks.get_walk(walk_id)
    ana = walk.participants[1]
    assert ana.display_name == "Ana"
    assert ana.group_id == next(g.id for g in walk.groups if g.name == "Blue")
    assert (panel.table.currentRow(), panel.table.currentColumn()) == (2, 2)
    # Shift+Tab back to the role, and a role chosen by its first letter.
    _keys(qtbot, Qt.Key.Key_Backtab, "F", Qt.Key.Key_Return)
    settle(qtbot, panel)
    assert services.walks.get_walk(walk_id).participants[2].role is d.Role.FACILITATOR


def test_five_walkers_put_in_a_group_in_one_action_by_keys(qtbot,  # type: ignore[no-untyped-def]
                                                           services: Services) -> None:
    asker = ScriptedAsker()
    panel, walk_id = _panel(qtbot, services, walkers=6, asker=asker)
    # Walker 1's name clicked, as a user starts (row 0 is the facilitator): the click sets
    # the cursor, the selection and the anchor Shift+Down extends from, all at once.
    table = panel.table
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualItemRect(table.item(1, 0)).center())
    qtbot.waitUntil(lambda: table.hasFocus() and table.currentRow() == 1, timeout=5000)
    assert [i.row() for i in table.selectionModel().selectedRows()] == [1]
    _keys(qtbot, *[Qt.Key.Key_Down] * 4, modifier=Qt.KeyboardModifier.ShiftModifier)
    asker.picks.append(LONG_GROUP)
    writes_before = len(panel.writer.history)
    _keys(qtbot, Qt.Key.Key_G, modifier=Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, panel)
    walk = services.walks.get_walk(walk_id)
    group = next(g for g in walk.groups if g.name == LONG_GROUP)
    assert [p.display_name for p in walk.participants if p.group_id == group.id] == [
        f"Walker {i}" for i in range(1, 6)]
    assert asker.shown[-1][0] == "pick" and "5 walkers" in asker.shown[-1][2]
    assert len(panel.writer.history) == writes_before + 1  # one write, one step to undo
    # The button does the same for the walker the cursor is on.
    panel.table.clearSelection()
    panel.table.setCurrentCell(6, 0)
    asker.picks.append(panel.tr("No group"))
    panel.group_button.click()
    settle(qtbot, panel)
    assert services.walks.get_walk(walk_id).participants[6].group_id is None


def test_put_in_group_needs_a_group_first(qtbot, services: Services) -> None:
    asker = ScriptedAsker()
    walk = make_walk(services, walkers=3)
    panel = RosterPanel(services, walk.id, asker=asker)
    qtbot.addWidget(panel)
    panel.table.selectAll()
    panel.group_button.click()
    assert asker.shown[-1][0] == "inform" and "Add a group" in asker.shown[-1][2]


def test_in_a_narrow_place_the_names_keep_their_room(qtbot, services: Services) -> None:
    """The pre-brief's roster step is narrow: Role stays whole, Group takes at most a
    third, and the names keep the rest."""
    panel, _walk_id = _panel(qtbot, services, width=430)
    qtbot.waitUntil(lambda: panel.table.viewport().width() < 430, timeout=3000)
    third = panel.table.viewport().width() // 3
    metrics = panel.table.fontMetrics()
    assert panel.table.columnWidth(1) >= metrics.horizontalAdvance(panel.tr("Facilitator"))
    assert panel.table.columnWidth(2) <= max(third, panel.table.columnWidth(1))
    assert panel.table.columnWidth(0) >= third - 16
