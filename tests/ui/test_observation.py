"""The observation screen driven like a walker drives it: the keyboard only, real widgets
over a real database, time from a fake clock."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from tests.helpers.builders import make_walk
from tests.ui.conftest import ScriptedAsker
from tests.ui.observe_helpers import FakeClock, chord, type_text, unnamed_controls
from walkapp import domain as d
from walkapp.errors import DiskFullError
from walkapp.events import Action, Change, Entity
from walkapp.services import NoteDraft, Services
from walkapp.ui.screens.observation import ObservationScreen

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def open_screen(qtbot, services: Services, walk: d.Walk, author: str | None,
                asker: ScriptedAsker, clock: FakeClock | None = None) -> ObservationScreen:
    screen = ObservationScreen(services, walk.id, author, clock=clock or FakeClock(),
                               asker=asker, debounce_ms=60)
    qtbot.addWidget(screen)
    screen.resize(1366, 740)
    screen.show()
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow, timeout=2000)
    qtbot.waitUntil(screen.editor.text_edit.hasFocus, timeout=2000)
    return screen


def notes_of(services: Services, walk: d.Walk, visit: d.Visit) -> list[tuple[str, str, tuple]]:
    names = {lf.id: lf.text for lf in walk.look_fors}
    return [(n.stem.value, n.text, tuple(names[t] for t in n.look_for_ids))
            for n in services.notes.list_notes(walk.id, visit_id=visit.id)]


def test_keyboard_only_notes_on_three_visits(qtbot, services: Services,
                                             asker: ScriptedAsker) -> None:
    walk = make_walk(services, visits=3, look_fors=("Student talk", "Open questions"))
    author = walk.walkers[0].id
    screen = open_screen(qtbot, services, walk, author, asker)
    edit = screen.editor.text_edit
    visits = walk.visits

    # Visit 1: two notes, the second with accented text typed key by key.
    assert screen.visit_title.text() == "Visit 1 of 3"
    type_text(edit, "Pairs compare answers")
    chord(edit, Qt.Key.Key_2, ALT)               # tag "Open questions"
    chord(edit, Qt.Key.Key_Return, CTRL)         # keep it, start the next note
    assert edit.toPlainText() == "" and edit.hasFocus()
    chord(edit, Qt.Key.Key_2, CTRL)              # I wonder
    type_text(edit, "Año señal café")
    chord(edit, Qt.Key.Key_1, ALT)
    chord(edit, Qt.Key.Key_PageDown, CTRL)       # next visit; the note is saved first

    # Visit 2: stem and two tags from the keyboard.
    assert screen.current_visit() == visits[1] and screen.visit_title.text() == "Visit 2 of 3"
    chord(edit, Qt.Key.Key_3, CTRL)
    type_text(edit, "I will try a silent count to five")
    chord(edit, Qt.Key.Key_1, ALT)
    chord(edit, Qt.Key.Key_2, ALT)
    chord(edit, Qt.Key.Key_Right, ALT)           # Alt+Right also moves on

    # Visit 3: a question, left to autosave on its own.
    assert screen.current_visit() == visits[2]
    chord(edit, Qt.Key.Key_4, CTRL)
    type_text(edit, "How were the groups chosen?")
    qtbot.waitUntil(lambda: screen.editor.indicator.state() == "saved", timeout=3000)

    assert notes_of(services, walk, visits[0]) == [
        ("noticed", "Pairs compare answers", ("Open questions",)),
        ("wonder", "Año señal café", ("Student talk",)),
    ]
    assert notes_of(services, walk, visits[1]) == [
        ("will_try", "I will try a silent count to five", ("Student talk", "Open questions")),
    ]
    assert notes_of(services, walk, visits[2]) == [
        ("question", "How were the groups chosen?", ()),
    ]
    assert all(n.author_id == author and n.phase == "observation"
               for n in services.notes.list_notes(walk.id))

    # Back to visit 1: its notes are listed; the visits list counts them.
    chord(edit, Qt.Key.Key_PageUp, CTRL)
    chord(edit, Qt.Key.Key_PageUp, CTRL)
    assert screen.current_visit() == visits[0]
    assert screen.notes_panel.list.count() == 2
    assert "Año señal café" in screen.notes_panel.list.item(1).text()
    assert screen.visits_list.item(0).text().startswith("Visit 1 · 2 notes")
    assert not screen.prev_button.isEnabled() and screen.next_button.isEnabled()


def test_pick_a_note_from_the_list_edit_it_and_delete_with_undo(
        qtbot, services: Services, asker: ScriptedAsker) -> None:
    walk = make_walk(services, visits=1)
    screen = open_screen(qtbot, services, walk, walk.walkers[0].id, asker)
    edit = screen.editor.text_edit
    for text in ("First note", "Second note"):
        type_text(edit, text)
        chord(edit, Qt.Key.Key_Return, CTRL)
    panel = screen.notes_panel
    assert panel.list.count() == 2 and panel.selected_id() is None

    # Pick the first note with the keyboard and change it: the same note is updated.
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_Home)
    first_id = panel.ids()[0]
    assert screen.editor.note_id == first_id and edit.toPlainText() == "First note"
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)  # back to the text
    assert edit.hasFocus()
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    type_text(edit, ", edited")
    assert screen.flush()
    texts = [n.text for n in services.notes.list_notes(walk.id)]
    assert texts == ["First note, edited", "Second note"]

    # Delete it from the list; Undo brings it back with its text and id.
    panel.list.setFocus()
    panel.select(first_id)
    qtbot.keyClick(panel.list, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: panel.undo_button.isVisible(), timeout=3000)
    assert [n.text for n in services.notes.list_notes(walk.id)] == ["Second note"]
    assert panel.ids() == [panel.ids()[0]] and "deleted" in panel.undo_label.text()
    assert screen.editor.note_id != first_id and edit.toPlainText() == ""
    assert asker.shown == []  # no dialog for a delete
    qtbot.mouseClick(panel.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(services.notes.list_notes(walk.id)) == 2, timeout=3000)
    assert services.notes.get_note(first_id).text == "First note, edited"
    qtbot.waitUntil(lambda: panel.list.count() == 2, timeout=3000)


def test_visit_countdown_and_corridor_timer_follow_the_clock(
        qtbot, services: Services, asker: ScriptedAsker) -> None:
    walk = make_walk(services, visits=2)
    services.walks.update_walk(walk.id, visit_minutes=8, corridor_minutes=2)
    clock = FakeClock()
    screen = open_screen(qtbot, services, walk, walk.walkers[0].id, asker, clock)
    edit = screen.editor.text_edit
    timer, corridor = screen.visit_timer, screen.corridor_timer
    assert timer.planned() == 8 * 60 and corridor.planned() == 2 * 60
    assert not timer.is_running() and "Start visit" in screen.timer_button.text()

    chord(edit, Qt.Key.Key_T, CTRL)                 # walk into room 1
    assert timer.is_running() and "Pause" in screen.timer_button.text()
    clock.now += 7 * 60 + 10
    timer.refresh()
    assert timer.state() == "warning" and timer.time_label.text() == "0:50"
    clock.now += 60
    timer.refresh()
    assert timer.state() == "over" and timer.time_label.text() == "+0:10"

    chord(edit, Qt.Key.Key_PageDown, CTRL)          # leave: corridor talk starts
    assert corridor.is_running() and not timer.is_running()
    assert timer.elapsed() == 0 and timer.time_label.text() == "8:00"
    clock.now += 45
    corridor.refresh()
    assert corridor.time_label.text() == "1:15"

    chord(edit, Qt.Key.Key_T, CTRL)                 # into room 2: corridor talk ends
    assert timer.is_running() and not corridor.is_running() and corridor.elapsed() == 0
    clock.now += 30
    chord(edit, Qt.Key.Key_PageUp, CTRL)            # back to visit 1: its own time
    assert screen.current_visit() == walk.visits[0]
    assert timer.elapsed() == pytest.approx(8 * 60 + 10) and not timer.is_running()
    assert "Resume" in screen.timer_button.text()
    chord(edit, Qt.Key.Key_PageDown, CTRL)
    assert timer.elapsed() == pytest.approx(30)


def test_no_corridor_timer_when_the_walk_has_none(qtbot, services: Services,
                                                  asker: ScriptedAsker) -> None:
    walk = make_walk(services, visits=2)
    services.walks.update_walk(walk.id, corridor_minutes=0)
    screen = open_screen(qtbot, services, walk, walk.walkers[0].id, asker)
    assert screen.corridor_timer.isHidden()
    chord(screen.editor.text_edit, Qt.Key.Key_T, CTRL)
    chord(screen.editor.text_edit, Qt.Key.Key_PageDown, CTRL)
    assert not screen.corridor_timer.is_running()


def test_a_walk_without_visits_says_what_to_do(qtbot, services: Services,
                                               asker: ScriptedAsker) -> None:
    walk = make_walk(services, visits=0)
    screen = ObservationScreen(services, walk.id, walk.walkers[0].id, asker=asker)
    qtbot.addWidget(screen)
    screen.show()
    assert screen.empty.isVisible() and "no visits" in screen.empty.text()
    assert screen.current_visit() is None and not screen.next_visit()
    # A visit added in the plan appears without reopening the screen.
    services.plan.add_visit(walk.id, room="Room 3")
    screen.on_change(Change(Entity.VISIT, Action.ADDED, walk.id))
    assert not screen.empty.isVisible() and screen.visit_title.text() == "Visit 1 of 1"


def test_teacher_names_only_when_the_walk_shows_them(qtbot, services: Services,
                                                     asker: ScriptedAsker) -> None:
    walk = make_walk(services, visits=0)
    services.plan.add_visit(walk.id, room="Room 9", grade="Year 2", subject="Maths",
                            teacher_name="Ms Teacher")
    screen = open_screen(qtbot, services, services.walks.get_walk(walk.id),
                         walk.walkers[0].id, asker)
    assert screen.visit_details.text() == "Room 9 · Year 2 · Maths"
    assert "Ms Teacher" not in screen.visits_list.item(0).text()
    services.walks.update_walk(walk.id, show_teacher_names=True)
    screen.on_change(Change(Entity.WALK, Action.UPDATED, walk.id, (walk.id,)))
    assert "Ms Teacher" in screen.visit_details.text()


def test_a_failed_save_keeps_the_walker_on_the_note(
        qtbot, services: Services, asker: ScriptedAsker,
        monkeypatch: pytest.MonkeyPatch) -> None:
    walk = make_walk(services, visits=2)
    screen = open_screen(qtbot, services, walk, walk.walkers[0].id, asker)
    edit = screen.editor.text_edit

    def full(draft):
        raise DiskFullError("The disk is full, so the change was not saved.")

    real = services.notes.save_note
    monkeypatch.setattr(services.notes, "save_note", full)
    type_text(edit, "Desks in a horseshoe")
    chord(edit, Qt.Key.Key_PageDown, CTRL)
    assert screen.current_visit() == walk.visits[0]        # not moved on…
    assert edit.toPlainText() == "Desks in a horseshoe"     # …and nothing lost
    assert "disk is full" in screen.editor.indicator.label.text()
    assert asker.shown == []                               # no popup storm

    asker.answers = [False]
    assert not screen.can_close()                          # asked, and the walker stays
    assert asker.shown[-1][0] == "confirm" and "disk is full" in asker.shown[-1][2]

    monkeypatch.setattr(services.notes, "save_note", real)
    chord(edit, Qt.Key.Key_PageDown, CTRL)
    assert screen.current_visit() == walk.visits[1]
    assert [n.text for n in services.notes.list_notes(walk.id)] == ["Desks in a horseshoe"]
    assert screen.can_close()


def test_notes_added_elsewhere_appear_but_only_the_authors(
        qtbot, services: Services, asker: ScriptedAsker) -> None:
    walk = make_walk(services, visits=1)
    me, other = walk.walkers[0].id, walk.walkers[1].id
    screen = open_screen(qtbot, services, walk, me, asker)
    visit = walk.visits[0].id
    services.notes.save_note(NoteDraft(walk_id=walk.id, author_id=other, text="Not mine",
                                       visit_id=visit))
    mine = services.notes.save_note(NoteDraft(walk_id=walk.id, author_id=me,
                                              text="Mine, from an import", visit_id=visit))
    screen.on_change(Change(Entity.NOTE, Action.ADDED, walk.id, (mine.id,)))
    texts = [screen.notes_panel.list.item(i).text()
             for i in range(screen.notes_panel.list.count())]
    assert texts == ["I noticed: Mine, from an import"]


def test_every_control_has_an_accessible_name(qtbot, services: Services,
                                              asker: ScriptedAsker) -> None:
    walk = make_walk(services, visits=2, look_fors=tuple(f"Look-for {n}" for n in range(11)))
    screen = open_screen(qtbot, services, walk, walk.walkers[0].id, asker)
    type_text(screen.editor.text_edit, "x")
    chord(screen.editor.text_edit, Qt.Key.Key_Return, CTRL)
    assert unnamed_controls(screen) == []
    # Eleven look-fors: the first nine have Alt shortcuts, the rest are still clickable.
    assert len(screen.editor.tag_buttons) == 11
    assert screen.editor.tag_buttons[9].text() == "Look-for 9"


def test_screen_fits_1366_by_768(qtbot, services: Services, asker: ScriptedAsker) -> None:
    from walkapp.demo import create_demo_walk
    walk = create_demo_walk(services)
    screen = open_screen(qtbot, services, walk, walk.walkers[0].id, asker)
    screen.resize(1366, 700)  # what is left under a title bar, menus and a status bar
    qtbot.waitUntil(lambda: (screen.width(), screen.height()) == (1366, 700))
    QApplication.processEvents()  # the layout requests the resize posted
    assert screen.minimumSizeHint().width() <= 1366
    assert screen.minimumSizeHint().height() <= 700
    for button in [*screen.editor.stem_buttons.values(), *screen.editor.tag_buttons,
                   screen.timer_button, screen.next_button, screen.prev_button]:
        assert button.width() >= button.sizeHint().width() - 1, button.text()
        assert button.geometry().right() <= button.parentWidget().width()


def test_stem_labels_match_the_domain() -> None:
    from walkapp.ui.widgets.note_editor import STEMS, stem_label
    assert [stem_label(s) for s in STEMS] == [s.label for s in STEMS]
    assert set(STEMS) == set(d.Stem)



def test_tab_order_runs_from_the_visit_to_the_note_to_the_list(
        qtbot, services: Services, asker: ScriptedAsker) -> None:
    walk = make_walk(services, visits=2, look_fors=("Talk", "Questions"))
    screen = open_screen(qtbot, services, walk, walk.walkers[0].id, asker)
    screen.visits_list.setFocus()
    visited = [screen.visits_list]
    for _ in range(7):
        qtbot.keyClick(screen.focusWidget(), Qt.Key.Key_Tab)
        visited.append(screen.focusWidget())
    names = [w.accessibleName() for w in visited]
    # Previous is disabled on the first visit; the stems are one exclusive group (Tab
    # reaches the chosen one, arrows move within it); Retry is hidden until needed.
    assert names[:8] == ["Visits", "Next visit", "Start or pause the visit countdown",
                         "Stem: I noticed", "Look-for tag: Talk", "Look-for tag: Questions",
                         "Note text", "Start a new note"]
    type_text(screen.editor.text_edit, "x")
    chord(screen.editor.text_edit, Qt.Key.Key_Return, CTRL)
    screen.editor.new_note_button.setFocus()
    qtbot.keyClick(screen.editor.new_note_button, Qt.Key.Key_Tab)
    assert screen.focusWidget() is screen.notes_panel.list
    qtbot.keyClick(screen.notes_panel.list, Qt.Key.Key_Tab)
    assert screen.focusWidget() is screen.notes_panel.delete_button


def test_an_import_while_a_note_is_open_keeps_both_texts(qtbot, services: Services,
                                                         asker: ScriptedAsker) -> None:
    walk = make_walk(services, visits=1)
    author = walk.walkers[0].id
    stored = services.notes.save_note(NoteDraft(walk_id=walk.id, author_id=author,
                                                visit_id=walk.visits[0].id,
                                                text="Pairs talk"))
    screen = open_screen(qtbot, services, walk, author, asker)
    screen.editor.load_note(stored)
    # The same note arrives changed from another laptop while it is open here.
    services.notes.save_note(NoteDraft(walk_id=walk.id, author_id=author,
                                       visit_id=walk.visits[0].id, id=stored.id,
                                       text="Pairs talk for four minutes"))
    screen.editor.text_edit.moveCursor(QTextCursor.MoveOperation.End)
    type_text(screen.editor.text_edit, " quietly")
    assert screen.editor.flush()
    texts = sorted(n.text for n in services.notes.list_notes(walk.id))
    assert texts == ["Pairs talk for four minutes", "Pairs talk quietly"]
    assert screen.editor.note_id != stored.id
    assert "separate note" in screen.editor.hint.full_text()
    # More typing goes on into the separate note, not over the other version.
    type_text(screen.editor.text_edit, "!")
    assert screen.editor.flush()
    texts = sorted(n.text for n in services.notes.list_notes(walk.id))
    assert texts == ["Pairs talk for four minutes", "Pairs talk quietly!"]
    qtbot.waitUntil(lambda: screen.notes_panel.list.count() == 2, timeout=3000)
