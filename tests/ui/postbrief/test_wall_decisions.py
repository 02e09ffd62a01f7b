"""The evidence wall decides which notes go to the record (walkapp.note_states): flagged
cards are marked in words, set-aside cards are shown apart, a line counts what is held
back, and a card opened by keyboard can be rewritten, set aside, kept and put back — each
decision saved through the writer and read back from the database."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from tests.core.test_note_states import JUDGEMENT, NAMED, PLAIN, REWORDED
from tests.ui.postbrief.conftest import add_note, settle, type_text, wait_loaded
from walkapp import domain as d
from walkapp import nudge
from walkapp.events import Entity
from walkapp.note_states import NoteState
from walkapp.services import Services
from walkapp.ui.bridge import ChangeBridge
from walkapp.ui.models.evidence import SET_ASIDE_KEY, EvidenceModel
from walkapp.ui.screens.postbrief.evidence_wall import EvidenceWall
from walkapp.ui.screens.postbrief.note_card import NoteCardDialog

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def _wall(qtbot, services: Services, walk_id: str, bridge: ChangeBridge) -> EvidenceWall:
    wall = EvidenceWall(services.notes, services.walks, walk_id, history=services.history,
                        reviews=services.reviews)
    qtbot.addWidget(wall)
    bridge.changed.connect(wall.on_change)
    wall.resize(1366, 768)
    wall.show()
    wait_loaded(qtbot, wall)
    return wall


def _row(wall: EvidenceWall, note_id: str) -> int:
    model = wall.model
    return next(r for r in range(model.rowCount())
                if model.index(r, 0).data(EvidenceModel.KindRole) == "card"
                and model.index(r, 0).data(EvidenceModel.IdRole) == note_id)


NONE = Qt.KeyboardModifier.NoModifier


def _key(widget: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier = NONE) -> None:
    QTest.keyClick(widget, key, modifier)


def _focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _open_by_keyboard(qtbot, wall: EvidenceWall, note_id: str) -> NoteCardDialog:
    wall.tree.setFocus()
    wall.tree.setCurrentIndex(wall.model.index(0, 0))
    while wall.tree.currentIndex().data(EvidenceModel.IdRole) != note_id:
        before = wall.tree.currentIndex().row()
        _key(wall.tree, Qt.Key.Key_Down)
        assert wall.tree.currentIndex().row() != before, "the note is not on the wall"
    _key(wall.tree, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wall.card_dialog is not None
                    and wall.card_dialog.isActiveWindow(), timeout=3000)
    assert wall.card_dialog is not None
    return wall.card_dialog


def _decided(qtbot, wall: EvidenceWall, dialog: NoteCardDialog, after: int) -> None:
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    settle(qtbot, wall)
    wall.activateWindow()
    wait_loaded(qtbot, wall, after)


def test_flagged_cards_are_marked_and_counted(qtbot, services: Services, walk: d.Walk,
                                               bridge: ChangeBridge) -> None:
    judged = add_note(services, walk, text=JUDGEMENT)
    named = add_note(services, walk, walker=1, text=NAMED)
    plain = add_note(services, walk, walker=2, text=PLAIN)
    wall = _wall(qtbot, services, walk.id, bridge)
    flagged = {n.id for n in (judged, named, plain) if nudge.check(n.text, walk.language)}
    assert flagged == {judged.id, named.id}
    for note in (judged, named, plain):
        index = wall.model.index(_row(wall, note.id), 0)
        marked = note.id in flagged
        assert (index.data(EvidenceModel.MarkRole) == "Flagged") is marked
        # In words for a screen reader too, not only a coloured pill.
        assert index.data(Qt.ItemDataRole.AccessibleTextRole).startswith("Flagged") is marked
    assert wall.held_back.isVisible()
    assert wall.held_back.text().startswith("2 flagged notes are not going to the record.")


def test_rewrite_set_aside_keep_and_put_back_by_keyboard(qtbot, services: Services,
                                                          walk: d.Walk,
                                                          bridge: ChangeBridge) -> None:
    judged = add_note(services, walk, text=JUDGEMENT)
    named = add_note(services, walk, walker=1, text=NAMED)
    plain = add_note(services, walk, walker=2, text=PLAIN)
    kept = add_note(services, walk, walker=2, visit=1, text="The lesson was boring")
    assert nudge.check(kept.text, walk.language)
    wall = _wall(qtbot, services, walk.id, bridge)

    # Rewrite: Alt+R, type, Ctrl+Enter. The walker's words stay in the history.
    dialog = _open_by_keyboard(qtbot, wall, judged.id)
    assert dialog.spans() and dialog.spans()[0].kind == "evaluative"
    assert "Flagged" in dialog.state_line.text()
    _key(_focused(), Qt.Key.Key_R, ALT)  # a mnemonic presses its button a moment later
    qtbot.waitUntil(lambda: not dialog.text.isReadOnly(), timeout=2000)
    assert _focused() is dialog.text
    type_text(dialog.text, REWORDED)  # replaces the selected text
    qtbot.waitUntil(lambda: "Nothing in this wording is flagged" in dialog.flags_line.text(),
                    timeout=2000)
    count = wall.refresh_count
    _key(_focused(), Qt.Key.Key_Return, CTRL)
    _decided(qtbot, wall, dialog, count)
    assert services.notes.get_note(judged.id).text == REWORDED
    assert [e.text for e in services.history.history(walk.id, Entity.NOTE, judged.id)] == [
        JUDGEMENT, REWORDED]
    assert wall.states()[judged.id] is NoteState.REWRITTEN
    assert QApplication.focusWidget() is wall.tree  # back where the keyboard was
    assert wall.tree.currentIndex().data(EvidenceModel.IdRole) == judged.id

    # Set aside (Alt+A): the card moves to the set-aside group, dimmed and marked.
    dialog = _open_by_keyboard(qtbot, wall, plain.id)
    count = wall.refresh_count
    _key(_focused(), Qt.Key.Key_A, ALT)
    _decided(qtbot, wall, dialog, count)
    assert wall.states()[plain.id] is NoteState.SET_ASIDE
    row = _row(wall, plain.id)
    assert wall.model.index(wall.model.group_row(SET_ASIDE_KEY), 0).row() < row
    assert wall.model.index(row, 0).data(EvidenceModel.MarkRole) == "Set aside"

    # Keep in the record (Alt+K) a flagged note.
    dialog = _open_by_keyboard(qtbot, wall, kept.id)
    count = wall.refresh_count
    _key(_focused(), Qt.Key.Key_K, ALT)
    _decided(qtbot, wall, dialog, count)
    assert wall.states()[kept.id] is NoteState.KEPT
    assert wall.held_back.text().startswith("1 flagged and 1 set aside: 2 notes are not")

    # Put back (Alt+P): the set-aside note is in the record again.
    dialog = _open_by_keyboard(qtbot, wall, plain.id)
    assert dialog.back_button.isVisible() and not dialog.aside_button.isVisible()
    count = wall.refresh_count
    _key(_focused(), Qt.Key.Key_P, ALT)
    _decided(qtbot, wall, dialog, count)
    assert wall.states() == {judged.id: NoteState.REWRITTEN, named.id: NoteState.FLAGGED,
                             plain.id: NoteState.IN_RECORD, kept.id: NoteState.KEPT}
    assert {n.id: s.state for n in services.notes.list_notes(walk.id)
            for k, s in services.reviews.statuses(walk.id).items() if k == n.id} \
        == wall.states()


def test_an_empty_rewrite_is_refused_and_loses_nothing(qtbot, services: Services,
                                                       walk: d.Walk,
                                                       bridge: ChangeBridge) -> None:
    judged = add_note(services, walk, text=JUDGEMENT)
    wall = _wall(qtbot, services, walk.id, bridge)
    dialog = _open_by_keyboard(qtbot, wall, judged.id)
    _key(_focused(), Qt.Key.Key_R, ALT)
    qtbot.waitUntil(lambda: not dialog.text.isReadOnly(), timeout=2000)
    _key(dialog.text, Qt.Key.Key_Delete)
    _key(dialog.text, Qt.Key.Key_Return, CTRL)
    assert dialog.isVisible() and "needs some words" in dialog.error_line.text()
    _key(dialog.text, Qt.Key.Key_Escape)  # leaves the rewrite: the note's words are back
    assert dialog.isVisible() and dialog.text.isReadOnly()
    assert dialog.text.toPlainText() == JUDGEMENT
    _key(_focused(), Qt.Key.Key_Escape)  # closes: nothing was written
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    assert services.notes.get_note(judged.id).text == JUDGEMENT


def test_a_huge_note_opens_whole_from_the_button_and_by_double_click(
        qtbot, services: Services, walk: d.Walk, bridge: ChangeBridge) -> None:
    huge = add_note(services, walk, text="Pupils counted in pairs. " * 2000)
    wall = _wall(qtbot, services, walk.id, bridge)
    dialog = _open_by_keyboard(qtbot, wall, huge.id)
    assert dialog.text.toPlainText() == huge.text  # the wall shortens it; the card does not
    _key(dialog.text, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    wall.activateWindow()
    qtbot.waitUntil(wall.isActiveWindow, timeout=2000)
    # "Open the note…" under the wall, reached by Tab, for the card the keyboard is on.
    assert wall.open_button.isEnabled()
    for _ in range(20):
        if _focused() is wall.open_button:
            break
        _key(_focused(), Qt.Key.Key_Tab)
    _key(wall.open_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: wall.card_dialog is not None and wall.card_dialog is not dialog
                    and wall.card_dialog.isVisible(), timeout=2000)
    second = wall.card_dialog
    assert second is not None and second.note.note_id == huge.id
    second.reject()
    # And a double-click on a card.
    index = wall.model.index(_row(wall, huge.id), 0)
    where = wall.tree.visualRect(index).center()
    qtbot.mouseClick(wall.tree.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(wall.tree.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.waitUntil(lambda: wall.card_dialog is not None and wall.card_dialog is not second
                    and wall.card_dialog.isVisible(), timeout=2000)
    assert wall.card_dialog is not None
    wall.card_dialog.reject()


def test_a_rewrite_typed_and_not_saved_is_saved_when_the_walk_closes(
        qtbot, services: Services, walk: d.Walk, bridge: ChangeBridge) -> None:
    judged = add_note(services, walk, text=JUDGEMENT)
    wall = _wall(qtbot, services, walk.id, bridge)
    dialog = _open_by_keyboard(qtbot, wall, judged.id)
    _key(_focused(), Qt.Key.Key_R, ALT)
    qtbot.waitUntil(lambda: not dialog.text.isReadOnly(), timeout=2000)
    type_text(dialog.text, REWORDED)
    wall.save_pending()  # what closing the walk asks first: the rewrite goes to the writer
    settle(qtbot, wall)
    assert services.notes.get_note(judged.id).text == REWORDED
    wall.shutdown()
    assert not dialog.isVisible()
