"""Planning a walk through the real widgets: new walk, details, look-fors, norms, roster,
route, review; and the library's duplicate and delete."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QComboBox, QDialog

from tests.helpers.builders import make_walk
from tests.ui.conftest import ScriptedAsker
from walkapp import domain as d
from walkapp.services import Services
from walkapp.ui.bridge import ChangeBridge
from walkapp.ui.main_window import MainWindow
from walkapp.ui.screens.new_walk import NewWalkDialog
from walkapp.ui.screens.plan.details import WalkDetailsPanel
from walkapp.ui.screens.plan.lists import LookForsPanel, NormsPanel
from walkapp.ui.screens.plan.review import ReviewPanel
from walkapp.ui.screens.plan.roster import RosterPanel
from walkapp.ui.screens.plan.route import RoutePanel


def follow(services: Services, panel) -> None:  # type: ignore[no-untyped-def]
    """Changes reach the panel on the GUI thread, as in the window (writes commit on the
    writer's thread)."""
    ChangeBridge(services.bus, panel).changed.connect(panel.on_change)


def settle(qtbot, panel) -> None:  # type: ignore[no-untyped-def]
    """Wait until the panel's writes are committed and their changes shown."""
    qtbot.waitUntil(panel.writer.is_idle, timeout=5000)


def window_for(qtbot, services: Services, qsettings: QSettings,
               asker: ScriptedAsker) -> MainWindow:
    window = MainWindow(services, qsettings, asker)
    qtbot.addWidget(window)
    window.show()
    return window


def test_new_walk_dialog_creates_and_opens_the_walk(qtbot, services: Services,
                                                     qsettings: QSettings,
                                                     asker: ScriptedAsker) -> None:
    window = window_for(qtbot, services, qsettings, asker)

    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, NewWalkDialog)
        qtbot.keyClicks(dialog.title, "Maths talk")
        dialog.visits.setValue(3)
        dialog.ok_button.click()
        return dialog.result() == QDialog.DialogCode.Accepted

    asker.dialog_actions.append(fill)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier) \
        if window.isActiveWindow() else window.new_action.trigger()
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=5000)
    walks = services.walks.list_walks()
    assert [(w.title, w.visit_count) for w in walks] == [("Maths talk", 3)]
    assert window.workspace is not None and window.workspace.walk_id == walks[0].id
    assert window.workspace.title.text() == "Maths talk"


def test_new_walk_dialog_needs_a_title(qtbot) -> None:
    dialog = NewWalkDialog([])
    qtbot.addWidget(dialog)
    dialog.ok_button.click()
    assert dialog.result() != QDialog.DialogCode.Accepted and "title" in dialog.error.text()


def test_details_autosave_and_privacy(qtbot, services: Services) -> None:
    walk = make_walk(services)
    panel = WalkDetailsPanel(services, walk.id)
    qtbot.addWidget(panel)
    panel.focus.setPlainText("How do students explain?")
    qtbot.waitUntil(lambda: services.walks.get_walk(walk.id).focus ==
                    "How do students explain?", timeout=3000)
    qtbot.waitUntil(lambda: panel.status.text() == "Saved", timeout=3000)
    panel.show_teacher_names.setChecked(True)
    settle(qtbot, panel)
    assert services.walks.get_walk(walk.id).show_teacher_names is True
    panel.title.setText("")
    panel._queue("title", "")
    assert panel.save_pending() is False
    assert "Not saved" in panel.status.text()
    assert services.walks.get_walk(walk.id).title == "Walk"


def test_walker_mode_is_a_real_setting(qtbot, services: Services) -> None:
    walk = make_walk(services, walkers=2)
    panel = WalkDetailsPanel(services, walk.id)
    qtbot.addWidget(panel)
    index = panel.mode.findData(walk.walkers[1].id)
    panel.mode.setCurrentIndex(index)
    panel._mode_chosen(index)
    settle(qtbot, panel)
    again = services.walks.get_walk(walk.id)
    assert again.local_mode is d.LocalMode.WALKER
    assert again.local_participant_id == walk.walkers[1].id


def test_look_fors_and_norms_lists(qtbot, services: Services) -> None:
    walk = make_walk(services, look_fors=())
    looks = LookForsPanel(services, walk.id)
    norms = NormsPanel(services, walk.id)
    qtbot.addWidget(looks)
    qtbot.addWidget(norms)
    follow(services, looks)
    follow(services, norms)
    for text in ("Students explain why", "Open questions"):
        looks.items.new_text.setText(text)
        looks.items.add_button.click()
    settle(qtbot, looks)
    assert looks.items.new_text.text() == ""
    looks.items.list.setCurrentRow(1)
    looks.items.up_button.click()
    settle(qtbot, looks)
    assert [lf.text for lf in services.walks.get_walk(walk.id).look_fors] == \
        ["Open questions", "Students explain why"]
    norms.items.new_text.setText("Learn, not judge")
    norms.items.add_button.click()
    settle(qtbot, norms)
    norms.items.list.item(0).setCheckState(Qt.CheckState.Checked)
    settle(qtbot, norms)
    assert services.walks.get_walk(walk.id).norms[0].agreed is True
    norms.items.new_text.setText("x" * 2000)
    norms.items.add_button.click()
    settle(qtbot, norms)
    assert norms.message.retry_button.isVisibleTo(norms)
    assert "limit" in norms.message.text() and norms.items.new_text.text() == "x" * 2000


def test_roster_groups_and_warnings(qtbot, services: Services) -> None:
    walk = make_walk(services, walkers=0)
    panel = RosterPanel(services, walk.id)
    qtbot.addWidget(panel)
    follow(services, panel)
    for name in ("Ana", "Ben"):
        panel.new_name.setText(name)
        panel.add_button.click()
    panel.group_name.setText("Blue")
    panel.add_group_button.click()
    settle(qtbot, panel)
    # The Group cell's drop-down (its editor), as a double click opens it.
    panel.table.setCurrentCell(1, 2)
    panel.table.edit(panel.table.currentIndex())
    combo = panel.table.indexWidget(panel.table.currentIndex())
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findText("Blue"))
    qtbot.keyClick(combo, Qt.Key.Key_Return)  # Enter commits it
    settle(qtbot, panel)
    again = services.walks.get_walk(walk.id)
    assert again.participants[1].group_id == again.groups[0].id
    assert "3" in panel.groups_label.text() and "Blue" in panel.groups_label.text()


def test_route_hides_teacher_column_until_opted_in(qtbot, services: Services) -> None:
    walk = make_walk(services, visits=0)
    panel = RoutePanel(services, walk.id)
    qtbot.addWidget(panel)
    follow(services, panel)
    panel.count.setValue(3)
    panel.add_button.click()
    settle(qtbot, panel)
    assert panel.table.rowCount() == 3 and panel.table.item(2, 0).text() == "Visit 3"
    assert panel.table.isColumnHidden(4)
    panel.table.item(0, 1).setText("Room 12")
    settle(qtbot, panel)
    assert services.walks.get_walk(walk.id).visits[0].room == "Room 12"
    services.walks.update_walk(walk.id, show_teacher_names=True)
    qtbot.waitUntil(lambda: not panel.table.isColumnHidden(4), timeout=3000)


def test_review_carries_commitments_and_action_items(qtbot, services: Services) -> None:
    first = make_walk(services, "First", walkers=1, walk_date=date(2026, 9, 1))
    services.debrief.save_commitment(first.id, first.walkers[0].id, "I will try pauses")
    services.debrief.add_action_item(first.id, "Share strips", "Ann")
    second = services.series.plan_again(first.id, "Second", date(2026, 10, 1))
    panel = ReviewPanel(services, second.id)
    qtbot.addWidget(panel)
    follow(services, panel)
    assert panel.commitments.rowCount() == 1 and panel.action_items.rowCount() == 1
    panel.commitments.selectRow(0)
    panel.commitment_note.setText("Worked well with Year 5")
    panel.tried_button.click()
    settle(qtbot, panel)
    panel.action_items.selectRow(0)
    panel.done_button.click()
    settle(qtbot, panel)
    assert panel.commitments.rowCount() == 0 and panel.action_items.rowCount() == 0
    item = services.debrief.list_action_items(first.id)[0]
    assert item.status is d.ActionStatus.DONE and item.follow_ups[0].walk_id == second.id


def test_delete_asks_first_and_duplicate_opens_copy(qtbot, services: Services,
                                                    qsettings: QSettings,
                                                    asker: ScriptedAsker) -> None:
    walk = make_walk(services, "Old walk")
    window = window_for(qtbot, services, qsettings, asker)
    asker.answers.append(False)
    window.library.delete_requested.emit(walk.id)
    assert len(services.walks.list_walks()) == 1
    window.library.duplicate_requested.emit(walk.id)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=5000)
    assert window.workspace is not None and window.workspace.title.text() == "Old walk (copy)"
    asker.answers.append(True)
    window.delete_walk(window.workspace.walk_id)
    qtbot.waitUntil(window.writer.is_idle, timeout=5000)
    assert window.workspace is None
    assert [w.title for w in services.walks.list_walks()] == ["Old walk"]
