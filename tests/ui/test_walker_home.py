"""Walker mode: a walker's laptop shows the walk, their own notes and reflections — and
nothing that another walker wrote."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QTextBrowser,
    QWidget,
)

from tests.helpers.builders import make_walk
from tests.ui.conftest import ScriptedAsker
from tests.ui.observe_helpers import FakeClock, chord, type_text, unnamed_controls
from walkapp import domain as d
from walkapp.demo import create_demo_walk
from walkapp.errors import NotFoundError, ValidationError
from walkapp.services import Services
from walkapp.ui.screens.walker_home import WalkerHome, walker_home_for


def everything_shown(root: QWidget) -> str:
    """Every string the widget tree can show or announce, joined."""
    parts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        parts += [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
        if isinstance(widget, QLabel | QAbstractButton):
            parts.append(widget.text())
        if isinstance(widget, QPlainTextEdit):
            parts += [widget.toPlainText(), widget.placeholderText()]
        if isinstance(widget, QTextBrowser):
            parts.append(widget.toPlainText())
        if isinstance(widget, QListWidget):
            for row in range(widget.count()):
                parts += [widget.item(row).text(), widget.item(row).toolTip()]
    return "\n".join(parts)


def open_home(qtbot, services: Services, walk: d.Walk, asker: ScriptedAsker) -> WalkerHome:
    home = walker_home_for(services, walk.id, clock=FakeClock(), asker=asker, debounce_ms=60)
    qtbot.addWidget(home)
    home.resize(1366, 740)
    home.show()
    return home


def test_another_walkers_notes_never_appear(qtbot, services: Services,
                                            asker: ScriptedAsker) -> None:
    walk = create_demo_walk(services)
    me = walk.walkers[1]
    services.walks.update_walk(walk.id, local_mode="walker", local_participant_id=me.id)
    home = open_home(qtbot, services, walk, asker)
    notes = services.notes.list_notes(walk.id)
    mine = [n for n in notes if n.author_id == me.id]
    theirs = [n for n in notes if n.author_id != me.id]
    assert mine and theirs

    observation = home.observation
    listed: list[str] = []
    shown = ""
    for index in range(len(walk.visits)):
        assert observation.go_to_visit(index) or index == 0
        panel = observation.notes_panel.list
        listed += [panel.item(row).toolTip() for row in range(panel.count())]
        for tab in range(home.tabs.count()):
            home.tabs.setCurrentIndex(tab)
            shown += everything_shown(home)
    assert sorted(listed) == sorted(n.text for n in mine)
    for note in theirs:
        assert note.text[:40] not in shown, note.text
    for other in walk.participants:
        if other.id != me.id:
            assert other.display_name not in shown
    # The visit counts are the walker's own too.
    first = observation.visits_list.item(0).text()
    own_in_first = sum(1 for n in mine if n.visit_id == walk.visits[0].id)
    assert first.startswith(f"Visit 1 · {own_in_first} notes")

    their_reflections = [r for r in services.notes.list_reflections(walk.id)
                         if r.author_id != me.id]
    my_reflection = services.notes.list_reflections(walk.id, author_id=me.id)[0]
    texts = [e.text() for e in home.reflections.editors]
    assert my_reflection.text in texts
    assert all(r.text not in shown for r in their_reflections)


def test_walker_notes_are_their_own_and_reflections_autosave(
        qtbot, services: Services, asker: ScriptedAsker) -> None:
    walk = make_walk(services, visits=2)
    me = walk.walkers[2]
    services.walks.update_walk(walk.id, local_mode="walker", local_participant_id=me.id)
    home = open_home(qtbot, services, walk, asker)
    assert home.tabs.currentWidget() is home.overview  # nothing written yet: start here
    home.activateWindow()
    qtbot.waitUntil(home.isActiveWindow, timeout=2000)
    chord(home.tabs, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # "My &notes"
    assert home.tabs.currentWidget() is home.observation
    edit = home.observation.editor.text_edit
    qtbot.waitUntil(edit.hasFocus, timeout=2000)
    type_text(edit, "Word wall by the door")
    chord(edit, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert [(n.author_id, n.text) for n in services.notes.list_notes(walk.id)] == [
        (me.id, "Word wall by the door")]

    home.tabs.setCurrentWidget(home.reflections)
    will_try = next(e for e in home.reflections.editors if e.prompt == "I will try…")
    type_text(will_try.text_edit, "I will try a word wall of my own")
    qtbot.waitUntil(lambda: will_try.indicator.state() == "saved", timeout=3000)
    saved = services.notes.list_reflections(walk.id, author_id=me.id)
    assert [(r.prompt, r.text) for r in saved] == [("I will try…",
                                                   "I will try a word wall of my own")]
    # Reopened, the walker finds the reflection where they left it.
    again = open_home(qtbot, services, walk, asker)
    assert next(e for e in again.reflections.editors
                if e.prompt == "I will try…").text() == "I will try a word wall of my own"
    assert again.tabs.currentWidget() is again.observation  # has notes: start there


def test_walker_mode_is_a_property_of_the_walk(qtbot, services: Services) -> None:
    walk = make_walk(services, visits=1)
    with pytest.raises(ValidationError):
        walker_home_for(services, walk.id)
    other = make_walk(services, "Other walk", visits=1)
    with pytest.raises(NotFoundError):
        WalkerHome(services, walk.id, other.walkers[0].id)


def test_overview_shows_plan_escaped_and_no_roster(qtbot, services: Services,
                                                   asker: ScriptedAsker) -> None:
    walk = make_walk(services, visits=0, look_fors=("<b>Talk</b> & listening",))
    services.plan.add_visit(walk.id, room="Room 4", teacher_name="Mr Hidden")
    services.plan.add_norm(walk.id, "We learn, we do not judge", agreed=True)
    services.walks.update_walk(walk.id, focus="Who talks, and when?", local_mode="walker",
                               local_participant_id=walk.walkers[0].id)
    home = open_home(qtbot, services, walk, asker)
    text = home.overview.toPlainText()
    assert "<b>Talk</b> & listening" in text
    assert "Who talks, and when?" in text and "We learn, we do not judge" in text
    assert "Visit 1 — Room 4" in text and "Mr Hidden" not in text
    assert "Walker 2" not in text and "Fran Facilitator" not in text


def test_walker_home_controls_are_named(qtbot, services: Services,
                                        asker: ScriptedAsker) -> None:
    walk = create_demo_walk(services)
    services.walks.update_walk(walk.id, local_mode="walker",
                               local_participant_id=walk.walkers[0].id)
    home = open_home(qtbot, services, walk, asker)
    for tab in range(home.tabs.count()):
        home.tabs.setCurrentIndex(tab)
        assert unnamed_controls(home) == []
    assert home.can_close()
