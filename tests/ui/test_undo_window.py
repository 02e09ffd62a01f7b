"""Undo in the window: Edit ▸ Undo / Redo name the edit, run through the serial writer, the
screen shows the undone state, and a walk's stack survives leaving the walk and opening it
again (its workspace rebuilt). A closed walk shows a banner, its pages are read-only until
"Edit anyway", and a stray write is refused."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget

from tests.helpers.undo_cases import CASES, record, rich_walk
from tests.ui.conftest import ScriptedAsker
from walkapp import domain as d
from walkapp.services import Services
from walkapp.services.commands import PlanEdit, WalkDetailsEdit
from walkapp.ui.main_window import MainWindow
from walkapp.ui.screens.plan.page import PlanPage


def _window(qtbot: Any, services: Services, qsettings: QSettings,
            asker: ScriptedAsker) -> MainWindow:
    window = MainWindow(services, qsettings, asker)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    QApplication.processEvents()
    return window


def _plan(window: MainWindow) -> PlanPage:
    assert window.workspace is not None
    page = window.workspace.page("plan")
    assert isinstance(page, PlanPage)
    return page


def _look_for_texts(services: Services, walk_id: str) -> list[str]:
    return [lf.text for lf in services.walks.get_walk(walk_id).look_fors]


def test_undo_and_redo_a_removed_look_for_across_leaving_the_walk(
        qtbot: Any, services: Services, qsettings: QSettings, asker: ScriptedAsker) -> None:
    walk = rich_walk(services)
    window = _window(qtbot, services, qsettings, asker)
    window.open_walk(walk.id)
    panel = _plan(window).look_fors
    first = _look_for_texts(services, walk.id)
    assert not window.undo_action.isEnabled() and window.undo_action.text() == "&Undo"
    # The Remove button, as a click does: the tagged notes are said first.
    panel.items.list.setCurrentRow(0)
    asker.answers.append(True)
    panel.items.remove_button.click()
    said = asker.shown[-1][2]
    assert "2 notes are tagged" in said and "undo" in said
    qtbot.waitUntil(lambda: window.undo_action.isEnabled(), timeout=5000)
    assert window.undo_action.text() == "&Undo remove the look-for"
    qtbot.waitUntil(lambda: panel.items.texts() == first[1:], timeout=5000)

    # By keyboard: Ctrl+Z from the list (not a text field, which keeps its own undo).
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    panel.items.list.setFocus()
    qtbot.keyClick(panel.items.list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.redo_action.isEnabled(), timeout=5000)
    assert window.redo_action.text() == "&Redo remove the look-for"
    assert _look_for_texts(services, walk.id) == first
    qtbot.waitUntil(lambda: panel.items.texts() == first, timeout=5000)  # the screen too
    tagged = [n for n in services.notes.list_notes(walk.id) if walk.look_for in n.look_for_ids]
    assert len(tagged) == 2

    # Leave the walk and open it again: a new workspace, the same stack.
    window.show_library()
    assert not window.redo_action.isEnabled()  # no walk open: nothing to redo here
    window.open_walk(walk.id)
    assert window.redo_action.isEnabled()
    window.redo_action.trigger()
    qtbot.waitUntil(lambda: _look_for_texts(services, walk.id) == first[1:], timeout=5000)
    panel = _plan(window).look_fors
    qtbot.waitUntil(lambda: panel.items.texts() == first[1:], timeout=5000)
    assert window.undo_action.text() == "&Undo remove the look-for"


def test_typing_into_a_field_is_one_undo_step(qtbot: Any, services: Services,
                                              qsettings: QSettings,
                                              asker: ScriptedAsker) -> None:
    walk = rich_walk(services)
    window = _window(qtbot, services, qsettings, asker)
    window.open_walk(walk.id)
    writer = window.writer
    # Three pauses in typing the title: three saves of the same field, one step.
    for text in ("Spring", "Spring walk", "Spring walk, Year 8"):
        writer.write(WalkDetailsEdit(walk.id, {"title": text}))  # as the Details tab does
        qtbot.waitUntil(writer.is_idle, timeout=5000)
    writer.write(PlanEdit("rename_group", (walk.group, "Team A")))
    qtbot.waitUntil(writer.is_idle, timeout=5000)
    stack = writer.undo_stacks.stack(walk.id)
    assert [e.label for e in stack.undo] == ["save the walk's details", "rename the group"]
    window.undo_action.trigger()
    window.undo_action.trigger()  # the second waits for the first (one writer, in order)
    qtbot.waitUntil(lambda: len(stack.redo) == 2, timeout=5000)
    assert services.walks.get_walk(walk.id).title == "Undo walk"
    assert services.walks.get_walk(walk.id).groups[0].name == "Group A"
    qtbot.waitUntil(lambda: _plan(window).details.title.text() == "Undo walk", timeout=5000)


def test_a_closed_walk_is_read_only_until_edit_anyway(qtbot: Any, services: Services,
                                                       qsettings: QSettings,
                                                       asker: ScriptedAsker) -> None:
    walk = rich_walk(services)
    services.walks.update_walk(walk.id, status=d.WalkStatus.CLOSED)
    window = _window(qtbot, services, qsettings, asker)
    window.open_walk(walk.id)
    assert window.workspace is not None
    banner = window.workspace.closed_banner
    plan = _plan(window)
    details = plan.details
    assert banner.isVisible() and banner.edit_button.isVisible()
    assert banner.text.text().startswith("This walk is closed.")
    assert details.title.isReadOnly()
    look_fors = plan.look_fors
    plan.tabs.setCurrentIndex(plan.tabs.keys().index("look_fors"))  # shown: locked too
    assert not look_fors.items.add_button.isEnabled()
    assert not look_fors.items.remove_button.isEnabled()
    assert look_fors.items.new_text.placeholderText() == ""  # no "Add a look-for" promise
    # A stray write is refused by the core: nothing changes, and it is said.
    failures: list[BaseException] = []
    window.writer.write(PlanEdit("remove_look_for", (walk.look_for,)),
                        on_failed=failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert "Edit anyway" in str(failures[0])
    assert len(services.walks.get_walk(walk.id).look_fors) == 2
    # Edit anyway: editable, and the banner says the walk is being edited after closing.
    banner.edit_button.click()
    assert not details.title.isReadOnly() and look_fors.items.add_button.isEnabled()
    assert look_fors.items.new_text.placeholderText().startswith("Add a look-for")
    assert "editing it after closing" in banner.text.text()
    assert banner.done_button.isVisible() and not banner.edit_button.isVisible()
    done: list[object] = []
    window.writer.write(PlanEdit("rename_group", (walk.group, "Team A")), on_done=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    assert window.undo_action.text() == "&Undo rename the group"
    banner.done_button.click()
    assert details.title.isReadOnly()


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_edit_is_undone_and_redone_from_the_menu_after_the_walk_is_reopened(
        qtbot: Any, services: Services, qsettings: QSettings, asker: ScriptedAsker,
        name: str) -> None:
    """Every undoable edit (the same list as tests/core/test_undo.py), sent through the
    window's writer, then the walk left and opened again (a new workspace): Edit ▸ Undo
    gives the record back, Edit ▸ Redo the edit."""
    walk = rich_walk(services)
    window = _window(qtbot, services, qsettings, asker)
    window.open_walk(walk.id)
    before = record(services, walk.id)
    window.writer.write(CASES[name](services, walk), origin=window)
    qtbot.waitUntil(lambda: window.undo_action.isEnabled(), timeout=5000)
    after = record(services, walk.id)
    window.show_library()
    window.open_walk(walk.id)
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: window.redo_action.isEnabled(), timeout=5000)
    assert record(services, walk.id) == before
    failures: list[str] = []
    window.writer.undo_stacks.failed.connect(lambda _w, text: failures.append(text))
    window.redo_action.trigger()
    qtbot.waitUntil(lambda: failures or (window.undo_action.isEnabled()
                                         and window.writer.is_idle()), timeout=5000)
    assert not failures
    assert record(services, walk.id) == after


def test_a_closed_walk_on_a_walkers_laptop_is_read_only_too(
        qtbot: Any, services: Services, qsettings: QSettings, asker: ScriptedAsker) -> None:
    walk = rich_walk(services)
    services.walks.update_walk(walk.id, status=d.WalkStatus.CLOSED,
                               local_mode=d.LocalMode.WALKER.value,
                               local_participant_id=walk.walker)
    window = _window(qtbot, services, qsettings, asker)
    window.open_walk(walk.id)
    workspace = window.workspace
    assert workspace is not None and workspace.closed_banner.isVisible()
    page = workspace.page(workspace.page_keys()[0])
    assert isinstance(page, QWidget)
    boxes = page.findChildren(QPlainTextEdit)
    assert boxes and all(box.isReadOnly() for box in boxes if box.isVisible())
    workspace.closed_banner.edit_button.click()
    assert any(not box.isReadOnly() for box in page.findChildren(QPlainTextEdit))


def test_undoing_the_note_being_typed_shows_it_undone_in_the_editor(
        qtbot: Any, services: Services, qsettings: QSettings, asker: ScriptedAsker) -> None:
    """Edit ▸ Undo of the note open in the editor takes it away there too: the next words
    typed are a new note, not a copy forked from the undone one."""
    from walkapp.ui.screens.walker_home import WalkerHome

    walk = rich_walk(services)
    services.walks.update_walk(walk.id, local_mode=d.LocalMode.WALKER.value,
                               local_participant_id=walk.walker)
    window = _window(qtbot, services, qsettings, asker)
    window.open_walk(walk.id)
    assert window.workspace is not None
    home = window.workspace.page(window.workspace.page_keys()[0])
    assert isinstance(home, WalkerHome)
    editor = home.observation.editor
    notes_before = services.notes.list_notes(walk.id)
    qtbot.keyClicks(editor.text_edit, "Pupils swapped roles")
    qtbot.waitUntil(lambda: editor.flush() and window.writer.is_idle()
                    and window.undo_action.isEnabled(), timeout=5000)
    assert len(services.notes.list_notes(walk.id)) == len(notes_before) + 1
    assert window.undo_action.text() == "&Undo save the note"
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: window.redo_action.isEnabled(), timeout=5000)
    assert services.notes.list_notes(walk.id) == notes_before
    qtbot.waitUntil(lambda: editor.text() == "", timeout=5000)
    window.redo_action.trigger()
    qtbot.waitUntil(lambda: len(services.notes.list_notes(walk.id)) == len(notes_before) + 1,
                    timeout=5000)


def test_removing_a_walker_asks_first_only_when_it_takes_what_they_wrote(
        qtbot: Any, services: Services, qsettings: QSettings, asker: ScriptedAsker) -> None:
    walk = rich_walk(services)
    cy = services.plan.add_participant(walk.id, "Cy Writer")
    services.notes.save_reflection(walk.id, cy.id, "What did you notice?", "Silence.")
    window = _window(qtbot, services, qsettings, asker)
    window.open_walk(walk.id)
    roster = _plan(window).roster

    def select(name: str) -> None:
        row = next(r for r in range(roster.table.rowCount())
                   if roster.table.item(r, 0).text() == name)
        roster.table.setCurrentCell(row, 0)

    def names() -> list[str]:
        return [p.display_name for p in services.walks.get_walk(walk.id).participants]

    select("Cy Writer")
    roster.remove_button.click()  # the asker says no
    kind, _title, text = asker.shown[-1]
    assert kind == "confirm" and text.startswith("Cy Writer wrote 1 reflection")
    assert "undo" in text
    qtbot.waitUntil(window.writer.is_idle, timeout=5000)
    assert "Cy Writer" in names()
    shown = len(asker.shown)
    select("Ben Quiet")  # wrote nothing: removed at once, no question
    roster.remove_button.click()
    qtbot.waitUntil(lambda: "Ben Quiet" not in names(), timeout=5000)
    assert len(asker.shown) == shown
