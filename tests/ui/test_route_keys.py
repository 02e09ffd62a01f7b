"""The route and the roster are typed into like a spreadsheet, by keys alone: Tab and
Shift+Tab move along a row (and on to the next or the previous row), Enter commits and
moves down, Esc cancels the cell being typed into, and Tab from the last cell of the last
row adds a visit."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication

from tests.helpers.builders import make_walk
from tests.ui.test_plan_screens import follow, settle
from walkapp import visit_fields as vf
from walkapp.services import Services
from walkapp.ui.screens.plan.route import RoutePanel

TAB = Qt.Key.Key_Tab


def _open(qtbot, services: Services, visits: int) -> tuple[RoutePanel, str]:  # type: ignore[no-untyped-def]
    walk = make_walk(services, visits=visits)
    panel = RoutePanel(services, walk.id)
    qtbot.addWidget(panel)
    follow(services, panel)
    panel.resize(1000, 600)
    panel.show()
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow, timeout=5000)
    panel.table.setFocus()
    panel.table.setCurrentCell(0, 1)
    return panel, walk.id


def _typed(qtbot, *keys: str | Qt.Key) -> None:  # type: ignore[no-untyped-def]
    """Type into whatever has the keyboard focus now (the table, then its cell editor)."""
    for key in keys:
        # One key at a time, each to what has the focus then (as a keyboard does): the
        # first letter typed on a cell opens its editor, the rest go there.
        for one in (list(key) if isinstance(key, str) else [key]):
            target = panel_focus()
            assert target is not None
            qtbot.keyClick(target, one)


def panel_focus():  # type: ignore[no-untyped-def]
    return QApplication.focusWidget()


def _open_fields() -> list[str]:
    """The route's columns a walk shows by default (teacher names are off)."""
    return [f.name for f in vf.VISIT_FIELDS if f.gate is not vf.Gate.TEACHER_NAMES]


def test_tab_moves_along_the_row_and_enter_commits(qtbot, services: Services) -> None:
    panel, walk_id = _open(qtbot, services, visits=2)
    fields = _open_fields()
    words = ["B12", "8", "Maths", "Art"][:len(fields)]
    keys: list[str | Qt.Key] = []
    for word in words:
        keys += [word, TAB]
    keys[-1] = Qt.Key.Key_Return
    _typed(qtbot, *keys)
    settle(qtbot, panel)
    visit = services.walks.get_walk(walk_id).visits[0]
    assert [getattr(visit, name) for name in fields] == words
    # Enter went down a row, in the same column.
    assert (panel.table.currentRow(), panel.table.currentColumn()) == (1, len(fields))


def test_tab_wraps_to_the_next_row_and_shift_tab_goes_back(qtbot, services: Services) -> None:
    panel, walk_id = _open(qtbot, services, visits=2)
    fields = _open_fields()
    panel.table.setCurrentCell(0, len(fields))  # the last column shown
    _typed(qtbot, "Last", TAB, "First")
    assert (panel.table.currentRow(), panel.table.currentColumn()) == (1, 1)
    _typed(qtbot, Qt.Key.Key_Backtab)
    assert (panel.table.currentRow(), panel.table.currentColumn()) == (0, len(fields))
    settle(qtbot, panel)
    visits = services.walks.get_walk(walk_id).visits
    assert getattr(visits[0], fields[-1]) == "Last"
    assert getattr(visits[1], fields[0]) == "First"


def test_tab_from_the_last_cell_adds_a_visit(qtbot, services: Services) -> None:
    panel, walk_id = _open(qtbot, services, visits=1)
    fields = _open_fields()
    panel.table.setCurrentCell(0, len(fields))
    _typed(qtbot, "Science", TAB)
    qtbot.waitUntil(lambda: panel.table.rowCount() == 2, timeout=5000)
    qtbot.waitUntil(lambda: panel.table.currentRow() == 1, timeout=5000)
    assert panel.table.currentColumn() == 1
    _typed(qtbot, "C3", Qt.Key.Key_Return)
    settle(qtbot, panel)
    visits = services.walks.get_walk(walk_id).visits
    assert len(visits) == 2
    assert getattr(visits[0], fields[-1]) == "Science"
    assert getattr(visits[1], fields[0]) == "C3"


def test_escape_cancels_the_cell_being_typed(qtbot, services: Services) -> None:
    panel, walk_id = _open(qtbot, services, visits=1)
    fields = _open_fields()
    _typed(qtbot, "B12", Qt.Key.Key_Return)
    settle(qtbot, panel)
    panel.table.setCurrentCell(0, 1)
    _typed(qtbot, "Wrong", Qt.Key.Key_Escape)
    settle(qtbot, panel)
    assert getattr(services.walks.get_walk(walk_id).visits[0], fields[0]) == "B12"
    assert panel.table.item(0, 1).text() == "B12"
    assert panel.isVisible()  # Esc ended the edit only


def test_tabbing_into_the_table_starts_at_the_first_cell(qtbot, services: Services) -> None:
    walk = make_walk(services, visits=2)
    panel = RoutePanel(services, walk.id)
    qtbot.addWidget(panel)
    follow(services, panel)
    panel.show()
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow, timeout=5000)
    panel.count.setFocus()
    panel.table.setCurrentIndex(QModelIndex())  # no cell chosen
    panel.table.setFocus(Qt.FocusReason.TabFocusReason)
    assert (panel.table.currentRow(), panel.table.currentColumn()) == (0, 1)
    _typed(qtbot, "B12", Qt.Key.Key_Return)
    settle(qtbot, panel)
    assert services.walks.get_walk(walk.id).visits[0].room == "B12"


def test_tab_never_traps_the_keyboard_in_the_table(qtbot, services: Services) -> None:
    """From an empty last row Tab goes on to the next control (no visit is added), and
    Shift+Tab from the first cell goes back to the control before the table."""
    panel, walk_id = _open(qtbot, services, visits=1)
    columns = panel.table.columnCount()
    visible = [c for c in range(columns) if not panel.table.isColumnHidden(c)]
    panel.table.setCurrentCell(0, visible[-1])
    _typed(qtbot, TAB)
    assert panel_focus() is not panel.table and not panel.table.isAncestorOf(panel_focus())
    settle(qtbot, panel)
    assert len(services.walks.get_walk(walk_id).visits) == 1
    panel.table.setFocus()
    first = min(c for c in visible
                if panel.table.model().flags(panel.table.model().index(0, c))
                & Qt.ItemFlag.ItemIsEditable)
    panel.table.setCurrentCell(0, first)
    _typed(qtbot, Qt.Key.Key_Backtab)
    assert panel_focus() is not panel.table and not panel.table.isAncestorOf(panel_focus())


def test_an_empty_table_lets_tab_through(qtbot, services: Services) -> None:
    panel, _walk_id = _open(qtbot, services, visits=0)
    panel.table.setFocus()
    qtbot.waitUntil(lambda: panel_focus() is panel.table, timeout=5000)
    assert panel.table.rowCount() == 0
    _typed(qtbot, TAB)
    assert panel_focus() is not panel.table
