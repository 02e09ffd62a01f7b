"""A walker's note the facilitator changed, on the evidence wall: marked "edited by the
facilitator", and "Show earlier text…" (context menu or button) shows the note's history —
the walker's own words, who changed them and when — read off the GUI thread."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu

from tests.helpers.laptops import open_laptop
from tests.ui.postbrief.conftest import add_note, wait_loaded
from walkapp import domain as d
from walkapp.bundles import BundleService, crypto
from walkapp.services import NoteDraft, Services
from walkapp.ui import workers
from walkapp.ui.bridge import ChangeBridge
from walkapp.ui.models.evidence import EvidenceModel
from walkapp.ui.screens.postbrief.evidence_wall import EvidenceWall
from walkapp.ui.widgets.note_history import NoteHistoryDialog

SHOTS = Path("/tmp/history-shots")


@pytest.fixture(autouse=True)
def _fast_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "SCRYPT_N", 2**14)


@pytest.fixture
def imported_note(services: Services, walk: d.Walk, tmp_path: Path) -> Iterator[str]:
    """A note Walker 1 wrote on her laptop, imported here; its id."""
    fac = BundleService(services.db, services.bus)
    amy = open_laptop(tmp_path, "amy")
    try:
        me = walk.walkers[0].id
        amy.bundles.open_kit(fac.write_kit(walk.id, tmp_path / "k.walkkit", walker_id=me))
        note = amy.services.notes.save_note(NoteDraft(
            walk.id, me, "Pairs compared two methods before answering",
            visit_id=walk.visits[0].id, look_for_ids=(walk.look_fors[0].id,)))
        assert fac.import_files([amy.bundles.write_notes(walk.id, me,
                                                         tmp_path / "a.walknotes")]).clean
    finally:
        amy.close()
    yield note.id


@pytest.fixture
def walkers_note(services: Services, walk: d.Walk, imported_note: str) -> str:
    """The imported note, then changed here by the facilitator; its id."""
    services.notes.save_note(NoteDraft(walk.id, walk.walkers[0].id, "Pairs compared methods",
                                       visit_id=walk.visits[0].id,
                                       look_for_ids=(walk.look_fors[0].id,),
                                       id=imported_note))
    return imported_note


def _wall(qtbot, services: Services, walk_id: str, bridge: ChangeBridge) -> EvidenceWall:
    wall = EvidenceWall(services.notes, services.walks, walk_id,
                        conflicts=services.conflicts, history=services.history)
    qtbot.addWidget(wall)
    bridge.changed.connect(wall.on_change)
    wall.resize(900, 520)
    wall.show()
    wait_loaded(qtbot, wall)
    return wall


def _card(wall: EvidenceWall, note_id: str) -> QModelIndex:
    model = wall.model
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if index.data(EvidenceModel.IdRole) == note_id \
                and index.data(EvidenceModel.KindRole) == "card":
            return index
    raise AssertionError(f"no card for {note_id}")


def _open_dialog(qtbot, wall: EvidenceWall) -> NoteHistoryDialog:
    qtbot.waitUntil(lambda: wall.history_dialog is not None
                    and wall.history_dialog.loaded(), timeout=10_000)
    dialog = wall.history_dialog
    assert dialog is not None
    return dialog


def test_an_edited_note_is_marked_and_its_earlier_text_shown(
        qtbot, services: Services, walk: d.Walk, bridge: ChangeBridge,
        walkers_note: str) -> None:
    other = add_note(services, walk, walker=1, tags=(0,), text="The teacher waited")
    wall = _wall(qtbot, services, walk.id, bridge)
    assert wall.edited_notes() == [walkers_note]
    card = _card(wall, walkers_note)
    assert "edited by the facilitator" in card.data(EvidenceModel.MetaRole)
    assert card.data(EvidenceModel.EditedRole) is True
    plain = _card(wall, other.id)
    assert "edited" not in plain.data(EvidenceModel.MetaRole)
    # Nothing earlier to show for an unchanged note: its menu only opens it.
    menu = wall.tree.card_menu(plain)
    assert menu is not None
    assert [a.objectName() for a in menu.actions()] == ["openNote"]

    # The button follows the selected card.
    wall.tree.setCurrentIndex(plain)
    assert not wall.history_button.isEnabled()
    wall.tree.setCurrentIndex(card)
    assert wall.history_button.isEnabled()
    SHOTS.mkdir(exist_ok=True)
    wall.grab().save(str(SHOTS / "wall-edited-note.png"))

    qtbot.mouseClick(wall.history_button, Qt.MouseButton.LeftButton)
    dialog = _open_dialog(qtbot, wall)
    text = dialog.text()
    assert [(e.text, e.author_name, e.current) for e in dialog.entries] == [
        ("Pairs compared two methods before answering", "Walker 1", False),
        ("Pairs compared methods", None, True)]
    assert "Pairs compared two methods before answering" in text
    assert "Written by Walker 1 on" in text and "changed by the facilitator on" in text
    assert "Shown now — Written by the facilitator on" in text
    assert text.index("two methods") < text.index("Shown now")  # oldest first
    dialog.resize(520, 360)
    dialog.grab().save(str(SHOTS / "history-dialog.png"))
    dialog.close()


def test_the_menu_key_on_the_card_offers_the_earlier_text(
        qtbot, services: Services, walk: d.Walk, bridge: ChangeBridge,
        walkers_note: str, monkeypatch: pytest.MonkeyPatch) -> None:
    wall = _wall(qtbot, services, walk.id, bridge)
    card = _card(wall, walkers_note)
    wall.tree.setFocus()
    wall.tree.setCurrentIndex(card)
    shown: list[QMenu] = []

    def choose(menu: QMenu, *_args: object) -> None:  # the menu, as the user picks from it
        shown.append(menu)
        action = next(a for a in menu.actions() if a.objectName() == "showEarlierText")
        assert action.text() == "Show earlier text…"
        action.trigger()

    monkeypatch.setattr(wall.tree, "exec_menu", choose)
    # What the menu key (or Shift+F10) sends to the focused list.
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(0, 0),
                              wall.tree.mapToGlobal(QPoint(0, 0)))
    QApplication.sendEvent(wall.tree, event)
    assert len(shown) == 1
    dialog = _open_dialog(qtbot, wall)
    assert "Pairs compared two methods before answering" in dialog.text()
    dialog.close()


def test_the_history_is_read_off_the_gui_thread(
        qtbot, services: Services, walk: d.Walk, bridge: ChangeBridge,
        walkers_note: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.ui.test_reads_off_gui import Gate

    wall = _wall(qtbot, services, walk.id, bridge)
    monkeypatch.setattr(workers, "QUICK_READ_MS", 0)  # every read counts as slow
    gate = Gate(services.history.history)
    monkeypatch.setattr(services.history, "history", gate)
    dialog = wall.show_history(walkers_note)
    assert dialog is not None and not dialog.loaded()
    assert dialog.text() == "Loading the note's history…"
    gate.release()
    qtbot.waitUntil(dialog.loaded, timeout=10_000)
    assert "Pairs compared two methods before answering" in dialog.text()
    assert gate.threads and threading.get_ident() not in gate.threads
    dialog.close()


def test_the_marks_are_read_off_the_gui_thread_and_follow_an_edit(
        qtbot, services: Services, walk: d.Walk, bridge: ChangeBridge,
        walkers_note: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.ui.test_reads_off_gui import Gate

    gate = Gate(services.history.rows_with_history)
    gate.release()
    monkeypatch.setattr(services.history, "rows_with_history", gate)
    wall = _wall(qtbot, services, walk.id, bridge)
    assert wall.edited_notes() == [walkers_note]
    assert gate.threads and threading.get_ident() not in gate.threads
    # Deleting the note takes its history with it: the mark goes with the reload.
    loads = wall.refresh_count
    services.notes.delete_note(walkers_note)
    wait_loaded(qtbot, wall, loads)
    assert wall.edited_notes() == []


def test_the_editor_says_the_walkers_text_is_kept(
        qtbot, services: Services, walk: d.Walk, imported_note: str) -> None:
    from PySide6.QtGui import QTextCursor

    from tests.ui.observe_helpers import FakeClock, type_text
    from walkapp.ui.screens.observation import ObservationScreen

    own = add_note(services, walk, walker=1, text="Typed up from paper")
    screen = ObservationScreen(services, walk.id, walk.walkers[1].id, clock=FakeClock())
    qtbot.addWidget(screen)
    screen.editor.load_note(services.notes.get_note(own.id))
    type_text(screen.editor.text_edit, "!")
    assert screen.editor.flush()
    assert screen.editor.kept_label.isHidden()  # typed here: no walker's text to keep
    assert not screen.notes_panel.is_edited(own.id)
    assert screen.notes_panel.history_button.isHidden()
    screen.shutdown()

    screen = ObservationScreen(services, walk.id, walk.walkers[0].id, clock=FakeClock())
    qtbot.addWidget(screen)
    screen.resize(1200, 600)
    screen.show()
    qtbot.waitUntil(lambda: not screen.is_loading(), timeout=10_000)
    assert not screen.notes_panel.is_edited(imported_note)  # the walker's own text so far
    screen.editor.load_note(services.notes.get_note(imported_note))
    assert screen.editor.kept_label.isHidden()
    screen.editor.text_edit.moveCursor(QTextCursor.MoveOperation.End)
    type_text(screen.editor.text_edit, " aloud")
    assert screen.editor.flush()
    qtbot.waitUntil(lambda: screen.editor.kept_label.isVisible(), timeout=5000)
    assert screen.notes_panel.is_edited(imported_note)  # marked once saved
    assert screen.notes_panel.list.item(0).text().endswith("✎ edited by the facilitator")
    assert screen.editor.kept_label.text() == (
        "Saved as the facilitator's version. The walker's text is kept in the note's "
        "history.")
    screen.grab().save(str(SHOTS / "editor-kept.png"))
    screen.shutdown()


def test_the_facilitators_note_taker_marks_the_note_and_shows_its_history(
        qtbot, services: Services, walk: d.Walk, walkers_note: str) -> None:
    from tests.ui.observe_helpers import FakeClock
    from walkapp.ui.screens.observation import ObservationScreen

    screen = ObservationScreen(services, walk.id, walk.walkers[0].id, clock=FakeClock())
    qtbot.addWidget(screen)
    screen.resize(1200, 600)
    screen.show()
    qtbot.waitUntil(lambda: not screen.is_loading(), timeout=10_000)
    panel = screen.notes_panel
    assert panel.is_edited(walkers_note)
    item = panel.list.item(0)
    assert item.text().endswith("✎ edited by the facilitator")
    assert panel.history_button.isVisible()
    panel.list.setCurrentItem(item)
    assert panel.history_button.isEnabled()
    screen.grab().save(str(SHOTS / "note-taker-edited.png"))
    qtbot.mouseClick(panel.history_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.history_dialog is not None
                    and screen.history_dialog.loaded(), timeout=10_000)
    dialog = screen.history_dialog
    assert dialog is not None
    assert "Written by Walker 1 on" in dialog.text()
    assert "Pairs compared two methods before answering" in dialog.text()
    dialog.close()
    screen.shutdown()
