"""A protocol's own stems and stages on screen (issue 17, item 1): a "Warm" note written in
the note-taker is saved under its key and grouped under "Warm" on the evidence wall; the
nudge still fires on an appreciative stem, worded kindly; the patterns panel shows two
stages of one kind, each saving its own statements. The protocol is built from the
dataclasses (the v2 loader is not on main yet) and handed to the screens in place of the
walk's snapshot."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt

from tests.core.test_own_stems import COOL, DEEPER, PLAIN, RAISE, WARM
from tests.ui.conftest import ScriptedAsker
from tests.ui.observe_helpers import FakeClock, chord
from tests.ui.postbrief.conftest import wait_loaded
from tests.ui.protocol_words import make_protocol, walk_from
from walkapp import domain as d
from walkapp.protocol.schema import DEFAULT_DEBRIEF, Protocol
from walkapp.services import Services
from walkapp.ui.models.evidence import GroupBy
from walkapp.ui.screens.observation import ObservationScreen
from walkapp.ui.screens.postbrief.evidence_wall import EvidenceWall
from walkapp.ui.screens.postbrief.patterns import PatternsPanel
from walkapp.ui.screens.postbrief.workspace import PostBriefWorkspace
from walkapp.ui.widgets.nudge_field import real_check

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def own(monkeypatch: pytest.MonkeyPatch, services: Services) -> tuple[Protocol, str]:
    base = make_protocol("own-stems")
    protocol = dataclasses.replace(base, stems=(WARM, COOL, PLAIN),
                                   debrief_sequence=(DEFAULT_DEBRIEF[0], RAISE, DEEPER))
    walk_id = walk_from(services, base)
    for module in ("walkapp.ui.screens.observation", "walkapp.ui.screens.postbrief.workspace"):
        monkeypatch.setattr(f"{module}.walk_protocol", lambda _s, _w: protocol)
    return protocol, walk_id


def test_a_warm_note_is_saved_under_its_key_and_grouped_on_the_wall(
        qtbot, services: Services, asker: ScriptedAsker, own: tuple[Protocol, str]) -> None:
    _protocol, walk_id = own
    walk = services.walks.get_walk(walk_id)
    screen = ObservationScreen(services, walk_id, walk.walkers[0].id, clock=FakeClock(),
                               asker=asker, debounce_ms=60, nudge=real_check)
    qtbot.addWidget(screen)
    screen.resize(1366, 740)
    screen.show()
    screen.activateWindow()
    qtbot.waitUntil(screen.editor.text_edit.hasFocus, timeout=2000)
    editor = screen.editor
    # The protocol's stems, by their own labels, in its order: two written like "noticed".
    assert list(editor.stem_buttons) == ["warm", "cool", "noticed"]
    assert [b.text().split("  ")[0] for b in editor.stem_buttons.values()] == [
        "Warm", "Cool", "Seen"]
    chord(editor.text_edit, Qt.Key.Key_3, CTRL)
    assert editor.stem_key() == "" and editor.stem() is d.Stem.NOTICED
    qtbot.keyClicks(editor.text_edit, "A great question from Maria got pairs talking")
    # A neutral stem: the usual wording.
    qtbot.waitUntil(lambda: set(editor.nudge.words()) == {"great", "Maria"}, timeout=3000)
    assert "“great” — Sounds like praise" in editor.hint.full_text()
    chord(editor.text_edit, Qt.Key.Key_1, CTRL)
    assert editor.stem_key() == "warm" and editor.stem_buttons["warm"].isChecked()
    # Appreciative: the judgement word and the possible name are still flagged, the
    # judgement worded kindly.
    qtbot.waitUntil(lambda: any(s.gentle for s in editor.nudge.spans()), timeout=3000)
    assert set(editor.nudge.words()) == {"great", "Maria"}
    assert all(s.gentle for s in editor.nudge.spans() if s.kind == "evaluative")
    assert "made it work" in editor.hint.full_text()
    screen.grab().save("/tmp/stems-observation.png")
    assert editor.flush()
    qtbot.waitUntil(lambda: screen.notes_panel.list.count() == 1, timeout=5000)
    assert screen.notes_panel.list.item(0).text().startswith("Warm: A great")
    (note,) = services.notes.list_notes(walk_id)
    assert (note.stem, note.stem_key) == (d.Stem.NOTICED, "warm")
    editor.new_note()
    assert editor.text_edit.placeholderText().startswith(WARM.prompt)
    screen.shutdown()

    workspace = PostBriefWorkspace(services, walk_id, asker)
    qtbot.addWidget(workspace)
    wall = workspace.panel("evidence_wall")
    assert isinstance(wall, EvidenceWall)
    workspace.resize(1366, 740)
    workspace.show()
    wait_loaded(qtbot, wall)
    wall.set_group_by(GroupBy.STEM)
    groups = wall.model.groups()
    # The protocol's stems first, by their labels, then the plain stems it leaves out.
    assert [(g.key, g.title) for g in groups][:4] == [
        ("warm", "Warm"), ("cool", "Cool"), ("noticed", "Seen"), ("wonder", "I wonder")]
    warm = next(g for g in groups if g.key == "warm")
    assert [c.text for c in warm.cards] == ["A great question from Maria got pairs talking"]
    assert not next(g for g in groups if g.key == "noticed").cards
    wall.grab().save("/tmp/stems-wall.png")


def test_the_patterns_panel_shows_each_stage_of_one_kind(
        qtbot, services: Services, asker: ScriptedAsker, own: tuple[Protocol, str]) -> None:
    protocol, walk_id = own
    panel = PatternsPanel(services.debrief, walk_id, asker, stages=protocol.debrief_stages())
    qtbot.addWidget(panel)
    panel.resize(1366, 700)
    panel.show()
    assert list(panel.sections) == ["describe", "raise-questions", "dig-deeper"]
    assert panel.titles["raise-questions"].text() == "2. Raise questions"
    assert panel.titles["dig-deeper"].text() == "3. Dig deeper"
    assert all(panel.titles[k].isVisible() for k in panel.sections)
    services.debrief.add_pattern(walk_id, d.PatternKind.ANALYSE, "Who talks most?",
                                 stage_key="raise-questions")
    services.debrief.add_pattern(walk_id, d.PatternKind.ANALYSE, "Wait time varied.",
                                 stage_key="dig-deeper")
    panel.apply(panel.load())
    assert panel.sections["raise-questions"].model.rowCount() == 1
    assert panel.sections["dig-deeper"].model.rowCount() == 1
    assert panel.sections["describe"].model.rowCount() == 0
    assert not panel.other_box.isVisibleTo(panel)
    panel.grab().save("/tmp/stems-patterns.png")
