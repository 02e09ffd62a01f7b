"""The note-taker offers the protocol's own `[[stems]]`: only those, in its order, with its
labels on the buttons and its prompts in the empty note box, each with its shortcut — in
facilitator mode and on a walker's laptop opened from a walk kit. Expected texts come from
the loaded protocol."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from tests.helpers.laptops import open_laptop
from tests.ui.conftest import ScriptedAsker
from tests.ui.observe_helpers import FakeClock, chord
from tests.ui.protocol_words import CUSTOM_STEMS, ONE_STEM, every_protocol, make_protocol, walk_from
from walkapp import domain as d
from walkapp.bundles import BundleService
from walkapp.protocol import Protocol
from walkapp.services import NoteDraft, Services
from walkapp.ui.screens.observation import ObservationScreen
from walkapp.ui.screens.plan.stems import StemsPanel
from walkapp.ui.screens.postbrief import PostBriefWorkspace
from walkapp.ui.screens.postbrief.calibration import CalibrationView
from walkapp.ui.screens.postbrief.evidence_wall import EvidenceWall
from walkapp.ui.screens.walker_home import walker_home_for
from walkapp.ui.widgets.note_editor import NoteEditor, shortcut_text

CTRL = Qt.KeyboardModifier.ControlModifier
KEYS = [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4]


def open_screen(qtbot, services: Services, walk_id: str, author: str | None,
                asker: ScriptedAsker) -> ObservationScreen:
    screen = ObservationScreen(services, walk_id, author, clock=FakeClock(), asker=asker,
                               debounce_ms=60)
    qtbot.addWidget(screen)
    screen.resize(1366, 740)
    screen.show()
    screen.activateWindow()
    qtbot.waitUntil(screen.editor.text_edit.hasFocus, timeout=2000)
    return screen


def check_stems(qtbot, editor: NoteEditor, protocol: Protocol) -> None:
    """The buttons are the protocol's stems in its order (keyed by a version 2 stem's own
    key, else by the plain stem), each with its label, and each shortcut picks its stem
    and shows its prompt in the empty box."""
    specs = protocol.stems
    assert list(editor.stem_buttons) == [s.stem_key for s in specs]
    for number, (spec, button) in enumerate(zip(specs, editor.stem_buttons.values(),
                                                strict=True), start=1):
        assert button.text() == f"{spec.label}  {shortcut_text(f'Ctrl+{number}')}"
        assert button.isVisible()
    assert (editor.stem(), editor.stem_head_key()) == (specs[0].stem, specs[0].stem_key)
    assert editor.text_edit.placeholderText().startswith(specs[0].prompt)
    for number, spec in reversed(list(enumerate(specs))):
        chord(editor.text_edit, KEYS[number], CTRL)
        assert (editor.stem(), editor.stem_head_key()) == (spec.stem, spec.stem_key)
        assert editor.stem_buttons[spec.stem_key].isChecked()
        assert editor.text_edit.placeholderText().startswith(spec.prompt)
    count = len(specs)
    keys = shortcut_text("Ctrl+1") + (f"–{count}" if count > 1 else "")
    assert f"{keys} stem" in editor.shortcuts_hint.text()


@pytest.mark.parametrize(("name", "protocol"), every_protocol(), ids=lambda v: v
                         if isinstance(v, str) else "")
def test_the_note_taker_offers_the_protocols_stems(qtbot, services: Services,
                                                   asker: ScriptedAsker, name: str,
                                                   protocol: Protocol) -> None:
    walk_id = walk_from(services, protocol)
    walk = services.walks.get_walk(walk_id)
    screen = open_screen(qtbot, services, walk_id, walk.walkers[0].id, asker)
    check_stems(qtbot, screen.editor, protocol)
    panel = StemsPanel(protocol)
    qtbot.addWidget(panel)
    lines = [w.text() for w in panel.findChildren(QLabel) if w.objectName() == "stemLine"]
    assert len(lines) == len(protocol.stems)
    for line, spec in zip(lines, protocol.stems, strict=True):
        assert spec.label in line and spec.prompt in line


def test_a_note_under_a_stem_the_protocol_leaves_out_keeps_its_stem(
        qtbot, services: Services, asker: ScriptedAsker) -> None:
    protocol = make_protocol("one-stem", ONE_STEM)
    walk_id = walk_from(services, protocol)
    walk = services.walks.get_walk(walk_id)
    author = walk.walkers[0].id
    note = services.notes.save_note(NoteDraft(walk_id=walk_id, author_id=author,
                                              text="An older note", stem=d.Stem.QUESTION,
                                              visit_id=walk.visits[0].id))
    screen = open_screen(qtbot, services, walk_id, author, asker)
    screen.editor.load_note(note)
    assert screen.editor.stem() is d.Stem.QUESTION
    assert not any(b.isChecked() for b in screen.editor.stem_buttons.values())
    assert screen.editor.flush()
    assert services.notes.list_notes(walk_id)[0].stem is d.Stem.QUESTION


def test_a_walkers_laptop_offers_the_stems_of_the_kits_protocol(
        qtbot, tmp_path: Path, asker: ScriptedAsker) -> None:
    protocol = make_protocol("one-stem", ONE_STEM)
    facilitator = open_laptop(tmp_path, "facilitator")
    walker = open_laptop(tmp_path, "walker")
    try:
        walk_id = walk_from(facilitator.services, protocol)
        ana = facilitator.services.walks.get_walk(walk_id).walkers[0]
        kit = facilitator.bundles.write_kit(walk_id, tmp_path / "kit.walkkit", ana.id)
        BundleService(walker.services.db, walker.services.bus).open_kit(kit)
        home = walker_home_for(walker.services, walk_id, clock=FakeClock(), asker=asker,
                               debounce_ms=60)
        qtbot.addWidget(home)
        home.resize(1366, 740)
        home.show()
        home.tabs.setCurrentWidget(home.observation)
        home.activateWindow()
        qtbot.waitUntil(home.observation.editor.text_edit.hasFocus, timeout=2000)
        check_stems(qtbot, home.observation.editor, protocol)
        home.shutdown()
        home.close()
    finally:
        facilitator.close()
        walker.close()


def test_the_notes_list_names_each_note_by_the_protocols_label(
        qtbot, services: Services, asker: ScriptedAsker) -> None:
    protocol = make_protocol("custom-stems", CUSTOM_STEMS)
    walk_id = walk_from(services, protocol)
    walk = services.walks.get_walk(walk_id)
    author = walk.walkers[0].id
    screen = open_screen(qtbot, services, walk_id, author, asker)
    spec = protocol.stems[-1]
    chord(screen.editor.text_edit, KEYS[len(protocol.stems) - 1], CTRL)
    screen.editor.text_edit.setPlainText("Where do the worksheets come from")
    assert screen.editor.flush()
    qtbot.waitUntil(lambda: screen.notes_panel.list.count() == 1, timeout=5000)
    assert screen.notes_panel.list.item(0).text().startswith(f"{spec.label}: Where")


@pytest.mark.parametrize(("name", "protocol"), every_protocol(), ids=lambda v: v
                         if isinstance(v, str) else "")
def test_the_post_brief_names_stems_by_the_protocols_labels(
        qtbot, services: Services, asker: ScriptedAsker, name: str,
        protocol: Protocol) -> None:
    walk_id = walk_from(services, protocol)
    workspace = PostBriefWorkspace(services, walk_id, asker)
    qtbot.addWidget(workspace)
    wall = workspace.panel("evidence_wall")
    assert isinstance(wall, EvidenceWall)
    stems = wall.texts().stems
    for spec in protocol.stems:
        assert stems[spec.stem_key] == spec.label
    calibration = workspace.panel("calibration")
    assert isinstance(calibration, CalibrationView)
    assert all(calibration._stem_labels[s.stem_key] == s.label for s in protocol.stems)
