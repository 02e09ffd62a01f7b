"""Commitments: one per walker, suggested from "I will try" notes, autosaved."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.postbrief.conftest import add_note, type_text, wait_loaded
from walkapp import domain as d
from walkapp.errors import DiskFullError
from walkapp.services import Services
from walkapp.ui.bridge import ChangeBridge
from walkapp.ui.screens.postbrief.commitments import CommitmentsPanel


def _open(qtbot, services: Services, walk: d.Walk, bridge: ChangeBridge) -> CommitmentsPanel:
    panel = CommitmentsPanel(services.debrief, services.notes, services.walks, walk.id)
    qtbot.addWidget(panel)
    bridge.changed.connect(panel.on_change)
    panel.resize(1200, 600)
    panel.show()
    wait_loaded(qtbot, panel)
    return panel


def _saved(services: Services, walk: d.Walk) -> dict[str, str]:
    return {c.participant_id: c.text for c in services.debrief.list_commitments(walk.id)}


def test_one_row_per_walker_with_suggestions(qtbot, services: Services, walk: d.Walk,
                                             bridge: ChangeBridge) -> None:
    add_note(services, walk, walker=1, stem=d.Stem.WILL_TRY, text="I will try wait time")
    add_note(services, walk, walker=1, stem=d.Stem.WILL_TRY, text="I will try talk partners")
    existing = services.debrief.save_commitment(walk.id, walk.walkers[2].id, "Already said")
    panel = _open(qtbot, services, walk, bridge)
    ids = [p.id for p in walk.walkers] + [walk.facilitators[0].id]
    assert list(panel.rows) == ids
    first, second, third = (panel.rows[p.id] for p in walk.walkers)
    assert first.editor.toPlainText() == "" and not first.from_notes.isVisible()
    # The latest "I will try" note is suggested but not saved until someone keeps it.
    assert second.editor.toPlainText() == "I will try talk partners" and second.suggested
    assert second.from_notes.isVisible() and second.keep_button.isVisible()
    assert len(second.from_notes.menu().actions()) == 2
    assert third.editor.toPlainText() == "Already said" and third.commitment_id == existing.id
    assert _saved(services, walk) == {walk.walkers[2].id: "Already said"}

    qtbot.mouseClick(second.keep_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: second.status.text() == "Saved.", timeout=5000)
    assert _saved(services, walk)[walk.walkers[1].id] == "I will try talk partners"
    assert second.status.text() == "Saved."
    # Picking another of their notes replaces the text and is saved like typing.
    second.from_notes.menu().actions()[0].trigger()
    second.flush()
    assert _saved(services, walk)[walk.walkers[1].id] == "I will try wait time"
    assert len(services.debrief.list_commitments(walk.id)) == 2  # updated, not duplicated


def test_typing_autosaves_and_clearing_removes(qtbot, services: Services, walk: d.Walk,
                                               bridge: ChangeBridge) -> None:
    panel = _open(qtbot, services, walk, bridge)
    row = panel.rows[walk.walkers[0].id]
    loads = panel.refresh_count
    row.editor.setFocus()
    type_text(row.editor, "I will try a café-style «gallery walk»")
    assert row.status.text() == "Not saved yet…"
    qtbot.waitUntil(lambda: row.status.text() == "Saved.", timeout=3000)
    assert _saved(services, walk) == {
        walk.walkers[0].id: "I will try a café-style «gallery walk»"}
    # The change from our own save carries the panel as its origin: no reload for it.
    assert not panel.is_loading() and panel.refresh_count == loads
    # A commitment saved elsewhere reloads the panel, without disturbing the text typed.
    services.debrief.save_commitment(walk.id, walk.walkers[1].id, "From elsewhere")
    wait_loaded(qtbot, panel, loads)
    assert row.editor.toPlainText() == "I will try a café-style «gallery walk»"
    assert panel.rows[walk.walkers[1].id].editor.toPlainText() == "From elsewhere"

    row.editor.selectAll()
    qtbot.keyClick(row.editor, Qt.Key.Key_Delete)
    row.flush()
    assert _saved(services, walk) == {walk.walkers[1].id: "From elsewhere"}
    assert row.status.text() == "No commitment saved."


def test_a_failed_save_keeps_the_text(qtbot, services: Services, walk: d.Walk,
                                      bridge: ChangeBridge, monkeypatch) -> None:
    panel = _open(qtbot, services, walk, bridge)

    def full(*args: object, **kwargs: object) -> d.Commitment:
        raise DiskFullError("The disk is full. Free some space, then keep typing.")

    monkeypatch.setattr(services.debrief, "save_commitment", full)
    row = panel.rows[walk.walkers[0].id]
    row.editor.setFocus()
    type_text(row.editor, "I will try")
    row.flush()
    assert row.editor.toPlainText() == "I will try"
    assert "disk is full" in row.status.text() and row.status.property("saveState") == "error"
    assert row.is_dirty()
    monkeypatch.undo()
    row.flush()  # the next attempt saves it
    assert _saved(services, walk) == {walk.walkers[0].id: "I will try"}


def test_new_walker_gets_a_row_and_typing_survives_reload(qtbot, services: Services,
                                                         walk: d.Walk,
                                                         bridge: ChangeBridge) -> None:
    panel = _open(qtbot, services, walk, bridge)
    row = panel.rows[walk.walkers[0].id]
    row.editor.setFocus()
    type_text(row.editor, "Half-typed")
    count = panel.refresh_count
    newcomer = services.plan.add_participant(walk.id, "Zoë New")
    wait_loaded(qtbot, panel, count)
    assert newcomer.id in panel.rows
    assert row.editor.toPlainText() == "Half-typed"
