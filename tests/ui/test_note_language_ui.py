"""A walker's note is nudged in the language it is written in (issue 19, item 3): on an
English walk, a Spanish note in the note-taker gets the Spanish word list's underlines and
suggestion, an English one the English list's; with a warm (appreciative) stem the kinder
wording is the note's language's too."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt

from tests.core.test_own_stems import COOL, PLAIN, WARM
from tests.ui.conftest import ScriptedAsker
from tests.ui.observe_helpers import FakeClock, chord
from tests.ui.protocol_words import make_protocol, walk_from
from walkapp import nudge
from walkapp.services import Services
from walkapp.ui.screens.observation import ObservationScreen
from walkapp.ui.widgets.nudge_field import real_check

CTRL = Qt.KeyboardModifier.ControlModifier
SPANISH = "La profesora fue excelente con los alumnos"


@pytest.fixture
def screen(qtbot, monkeypatch: pytest.MonkeyPatch, services: Services,
           asker: ScriptedAsker) -> ObservationScreen:
    base = make_protocol("note-language")
    protocol = dataclasses.replace(base, stems=(WARM, COOL, PLAIN))
    walk_id = walk_from(services, base)
    assert services.walks.get_walk(walk_id).language == "en"
    monkeypatch.setattr("walkapp.ui.screens.observation.walk_protocol",
                        lambda _s, _w: protocol)
    walk = services.walks.get_walk(walk_id)
    shown = ObservationScreen(services, walk_id, walk.walkers[0].id, clock=FakeClock(),
                              asker=asker, debounce_ms=60, nudge=real_check)
    qtbot.addWidget(shown)
    shown.resize(1366, 740)
    shown.show()
    shown.activateWindow()
    qtbot.waitUntil(shown.editor.text_edit.hasFocus, timeout=2000)
    yield shown
    shown.shutdown()


def test_a_spanish_note_on_an_english_walk_is_nudged_in_spanish(
        qtbot, screen: ObservationScreen) -> None:
    editor = screen.editor
    chord(editor.text_edit, Qt.Key.Key_3, CTRL)  # the plain "noticed" stem
    qtbot.keyClicks(editor.text_edit, SPANISH)
    qtbot.waitUntil(lambda: "excelente" in editor.nudge.words(), timeout=3000)
    assert "¿Qué viste u oíste" in editor.hint.full_text()
    # The warm stem: still flagged, worded kindly, in Spanish.
    chord(editor.text_edit, Qt.Key.Key_1, CTRL)
    qtbot.waitUntil(lambda: any(s.gentle for s in editor.nudge.spans()), timeout=3000)
    assert nudge.appreciative_suggestion("es") in editor.hint.full_text()
    screen.grab().save("/tmp/note-language-es.png")


def test_an_english_note_on_the_same_walk_is_nudged_in_english(
        qtbot, screen: ObservationScreen) -> None:
    editor = screen.editor
    chord(editor.text_edit, Qt.Key.Key_3, CTRL)
    qtbot.keyClicks(editor.text_edit, "The teacher was amazing with the class")
    qtbot.waitUntil(lambda: "amazing" in editor.nudge.words(), timeout=3000)
    assert "Sounds like praise" in editor.hint.full_text()
