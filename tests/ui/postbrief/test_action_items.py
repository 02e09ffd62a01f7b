"""Action items: add through the form, edit in the table with fitting editors."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit

from tests.ui.conftest import ScriptedAsker
from tests.ui.postbrief.conftest import settle, type_text, wait_loaded
from walkapp import domain as d
from walkapp.errors import ReadOnlyError
from walkapp.services import Services
from walkapp.ui.bridge import ChangeBridge
from walkapp.ui.models.action_items import DUE, OWNER, STATUS, TEXT
from walkapp.ui.screens.postbrief.action_items import ActionItemsPanel
from walkapp.ui.widgets.date_field import DateField


def _open(qtbot, services: Services, walk: d.Walk, bridge: ChangeBridge,
          asker: ScriptedAsker) -> ActionItemsPanel:
    panel = ActionItemsPanel(services.debrief, services.walks, walk.id, asker)
    qtbot.addWidget(panel)
    bridge.changed.connect(panel.on_change)
    panel.resize(1200, 600)
    panel.show()
    wait_loaded(qtbot, panel)
    return panel


def _editor(qtbot, panel: ActionItemsPanel, row: int, column: int, kind: type):
    index = panel.model.index(row, column)
    panel.table.setCurrentIndex(index)
    panel.table.edit(index)
    editors = [e for e in panel.table.viewport().findChildren(kind) if e.isVisible()]
    assert len(editors) == 1, editors
    return editors[0]


def _first(services: Services, walk: d.Walk) -> d.ActionItem:
    return services.debrief.list_action_items(walk.id)[0]


def test_add_edit_and_delete(qtbot, services: Services, walk: d.Walk, bridge: ChangeBridge,
                             asker: ScriptedAsker) -> None:
    panel = _open(qtbot, services, walk, bridge, asker)
    panel.new_text.setFocus()
    type_text(panel.new_text, "Book the library — señal")
    type_text(panel.new_owner, "Walker 2")
    panel.has_due.setChecked(True)
    panel.new_due.set_date(date(2026, 12, 4))
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    settle(qtbot, panel)
    [item] = services.debrief.list_action_items(walk.id)
    assert (item.text, item.owner_name, item.due_date, item.status) == (
        "Book the library — señal", "Walker 2", date(2026, 12, 4), d.ActionStatus.OPEN)
    assert panel.new_text.text() == "" and not panel.has_due.isChecked()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    assert panel.model.index(0, DUE).data() == "Dec 4, 2026"

    status = _editor(qtbot, panel, 0, STATUS, QComboBox)
    status.setCurrentIndex(status.findData("done"))
    status.activated.emit(status.currentIndex())
    settle(qtbot, panel)
    assert services.debrief.list_action_items(walk.id)[0].status is d.ActionStatus.DONE

    due = _editor(qtbot, panel, 0, DUE, DateField)
    assert due.calendar_button.isVisible()
    due.edit.selectAll()
    type_text(due.edit, "2027-01-15")  # typed, in any locale's way or ISO
    qtbot.keyClick(due.edit, Qt.Key.Key_Return)  # delivered through the window: wait for it
    qtbot.waitUntil(lambda: _first(services, walk).due_date == date(2027, 1, 15))

    owner = _editor(qtbot, panel, 0, OWNER, QLineEdit)
    owner.selectAll()
    type_text(owner, "Zoë")
    qtbot.keyClick(owner, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _first(services, walk).owner_name == "Zoë")

    text = _editor(qtbot, panel, 0, TEXT, QLineEdit)
    text.selectAll()
    qtbot.keyClicks(text, "Book the hall")
    qtbot.keyClick(text, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _first(services, walk).text == "Book the hall")

    qtbot.waitUntil(lambda: panel.model.index(0, TEXT).data() == "Book the hall")
    panel.table.selectRow(0)
    qtbot.mouseClick(panel.clear_due_button, Qt.MouseButton.LeftButton)
    settle(qtbot, panel)
    assert services.debrief.list_action_items(walk.id)[0].due_date is None

    qtbot.waitUntil(lambda: panel.model.index(0, DUE).data() == "—")
    panel.table.selectRow(0)
    asker.answers = [True]
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    settle(qtbot, panel)
    assert services.debrief.list_action_items(walk.id) == []


def test_owner_suggestions_come_from_the_roster(qtbot, services: Services, walk: d.Walk,
                                                bridge: ChangeBridge,
                                                asker: ScriptedAsker) -> None:
    panel = _open(qtbot, services, walk, bridge, asker)
    names = panel.new_owner.completer().model().stringList()
    assert "Walker 1" in names and "Fran Facilitator" in names


def test_failures_keep_the_form_and_the_typed_cell_and_offer_retry(qtbot, services: Services,
                                                       walk: d.Walk, bridge: ChangeBridge,
                                                       asker: ScriptedAsker,
                                                       monkeypatch) -> None:
    services.debrief.add_action_item(walk.id, "Existing", "Walker 1")
    panel = _open(qtbot, services, walk, bridge, asker)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)

    def read_only(*args: object, **kwargs: object) -> d.ActionItem:
        raise ReadOnlyError("The data folder is read-only. Choose another folder.")

    monkeypatch.setattr(services.debrief, "add_action_item", read_only)
    monkeypatch.setattr(services.debrief, "update_action_item", read_only)
    panel.new_text.setText("Will not save")
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    settle(qtbot, panel)
    assert panel.new_text.text() == "Will not save"
    notice = panel.write_notice
    assert notice is not None and "read-only" in notice.text()
    assert notice.retry_button.isVisibleTo(panel)
    panel.model.setData(panel.model.index(0, OWNER), "Somebody else")
    settle(qtbot, panel)
    # The cell keeps what was typed (not stored: the notice says so, with Retry)…
    assert panel.model.index(0, OWNER).data() == "Somebody else"
    assert _first(services, walk).owner_name == "Walker 1"
    assert asker.shown == []  # one line on the panel, no dialog
    # …and Retry saves both once the folder can be written again.
    monkeypatch.undo()
    qtbot.mouseClick(notice.retry_button, Qt.MouseButton.LeftButton)
    settle(qtbot, panel)
    qtbot.waitUntil(lambda: panel.new_text.text() == "", timeout=5000)
    assert _first(services, walk).owner_name == "Somebody else"
    assert [i.text for i in services.debrief.list_action_items(walk.id)] == [
        "Existing", "Will not save"]
    assert notice.text() == "" and not notice.retry_button.isVisibleTo(panel)
    # An emptied text cell keeps its text rather than deleting the item by accident.
    assert panel.model.setData(panel.model.index(0, TEXT), "   ") is False


def test_a_change_elsewhere_does_not_close_an_open_editor(qtbot, services: Services,
                                                          walk: d.Walk, bridge: ChangeBridge,
                                                          asker: ScriptedAsker) -> None:
    services.debrief.add_action_item(walk.id, "Mine", "Walker 1")
    panel = _open(qtbot, services, walk, bridge, asker)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    owner = _editor(qtbot, panel, 0, OWNER, QLineEdit)
    owner.selectAll()
    qtbot.keyClicks(owner, "Walker 3")
    loads = panel.refresh_count
    services.debrief.add_action_item(walk.id, "Added by an import")  # reload is due now
    wait_loaded(qtbot, panel, loads)  # it has arrived, and waits for the edit to end
    assert owner.isVisible() and owner.text() == "Walker 3"
    assert panel.model.rowCount() == 1
    qtbot.keyClick(owner, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)
    settle(qtbot, panel)
    assert [(i.text, i.owner_name) for i in services.debrief.list_action_items(walk.id)] == [
        ("Mine", "Walker 3"), ("Added by an import", "")]
