"""Patterns (describe → analyse → predict → next level) and next steps, typed through the
real widgets and checked in the database."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.conftest import ScriptedAsker
from tests.ui.postbrief.conftest import settle, type_text, wait_loaded
from walkapp import domain as d
from walkapp.errors import StorageError
from walkapp.services import Services
from walkapp.ui.bridge import ChangeBridge
from walkapp.ui.screens.postbrief.next_steps import NextStepsPanel
from walkapp.ui.screens.postbrief.patterns import PatternsPanel
from walkapp.ui.screens.postbrief.statement_list import StatementList


def _add(qtbot, section: StatementList, text: str) -> None:
    section.editor.setFocus()
    type_text(section.editor, text)
    qtbot.keyClick(section.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def _patterns(qtbot, services: Services, walk: d.Walk, bridge: ChangeBridge,
              asker: ScriptedAsker) -> PatternsPanel:
    panel = PatternsPanel(services.debrief, walk.id, asker)
    qtbot.addWidget(panel)
    bridge.changed.connect(panel.on_change)
    panel.resize(1366, 650)
    panel.show()
    wait_loaded(qtbot, panel)
    return panel


def test_patterns_are_kept_in_protocol_order(qtbot, services: Services, walk: d.Walk,
                                             bridge: ChangeBridge, asker: ScriptedAsker) -> None:
    panel = _patterns(qtbot, services, walk, bridge, asker)
    # The sections are laid out describe, analyse, predict, next level (reading order).
    assert list(panel.sections) == list(d.PatternKind)
    # Added out of order on purpose.
    _add(qtbot, panel.sections[d.PatternKind.NEXT_LEVEL], "Plan our questions together")
    _add(qtbot, panel.sections[d.PatternKind.DESCRIBE], "Pauses after questions in 4 rooms")
    _add(qtbot, panel.sections[d.PatternKind.ANALYSE], "Structures → more talk")
    _add(qtbot, panel.sections[d.PatternKind.PREDICT], "Students would learn to explain")
    _add(qtbot, panel.sections[d.PatternKind.DESCRIBE], "Sentence strips in 3 rooms — “año”")
    settle(qtbot, panel)
    stored = services.debrief.list_patterns(walk.id)
    assert [(p.kind, p.text) for p in stored] == [
        (d.PatternKind.DESCRIBE, "Pauses after questions in 4 rooms"),
        (d.PatternKind.DESCRIBE, "Sentence strips in 3 rooms — “año”"),
        (d.PatternKind.ANALYSE, "Structures → more talk"),
        (d.PatternKind.PREDICT, "Students would learn to explain"),
        (d.PatternKind.NEXT_LEVEL, "Plan our questions together"),
    ]
    qtbot.waitUntil(lambda: panel.sections[d.PatternKind.DESCRIBE].model.rowCount() == 2)
    assert panel.sections[d.PatternKind.DESCRIBE].editor.toPlainText() == ""


def test_edit_and_delete_a_statement(qtbot, services: Services, walk: d.Walk,
                                     bridge: ChangeBridge, asker: ScriptedAsker) -> None:
    first = services.debrief.add_pattern(walk.id, d.PatternKind.ANALYSE, "Old wording")
    panel = _patterns(qtbot, services, walk, bridge, asker)
    section = panel.sections[d.PatternKind.ANALYSE]
    section.select(first.id)
    qtbot.mouseClick(section.edit_button, Qt.MouseButton.LeftButton)
    assert section.editor.toPlainText() == "Old wording" and section.add_button.text() == "Save"
    section.editor.selectAll()
    type_text(section.editor, "New wording")
    qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
    settle(qtbot, panel)
    assert [p.text for p in services.debrief.list_patterns(walk.id)] == ["New wording"]
    assert section.editing_id() is None

    qtbot.waitUntil(lambda: section.model.rows() == [(first.id, "New wording")])
    section.select(first.id)
    asker.answers = [False]  # "Cancel" keeps it
    qtbot.mouseClick(section.delete_button, Qt.MouseButton.LeftButton)
    settle(qtbot, panel)
    assert len(services.debrief.list_patterns(walk.id)) == 1
    asker.answers = [True]
    qtbot.keyClick(section.view, Qt.Key.Key_Delete)
    settle(qtbot, panel)
    assert services.debrief.list_patterns(walk.id) == []
    assert [kind for kind, *_ in asker.shown] == ["confirm", "confirm"]


def test_a_failed_save_keeps_the_text_and_says_why(qtbot, services: Services, walk: d.Walk,
                                                   bridge: ChangeBridge, asker: ScriptedAsker,
                                                   monkeypatch) -> None:
    panel = _patterns(qtbot, services, walk, bridge, asker)

    def full_disk(*args: object) -> d.Pattern:
        raise StorageError("The disk is full. Free some space and try again.")

    monkeypatch.setattr(services.debrief, "add_pattern", full_disk)
    section = panel.sections[d.PatternKind.PREDICT]
    _add(qtbot, section, "Précis prediction")
    settle(qtbot, panel)
    # The text is back in the editor, the panel's line says why and offers Retry.
    assert section.editor.toPlainText() == "Précis prediction"
    notice = panel.write_notice
    assert notice is not None
    assert notice.text() == "⚠ Not saved: The disk is full. Free some space and try again."
    assert notice.retry_button.isVisibleTo(panel) and asker.shown == []
    monkeypatch.undo()
    qtbot.mouseClick(notice.retry_button, Qt.MouseButton.LeftButton)
    settle(qtbot, panel)
    assert [p.text for p in services.debrief.list_patterns(walk.id)] == ["Précis prediction"]
    assert notice.text() == "" and section.editor.toPlainText() == ""


def test_next_steps_are_numbered_added_and_deleted(qtbot, services: Services, walk: d.Walk,
                                                   bridge: ChangeBridge,
                                                   asker: ScriptedAsker) -> None:
    panel = NextStepsPanel(services.debrief, walk.id, asker)
    qtbot.addWidget(panel)
    bridge.changed.connect(panel.on_change)
    panel.show()
    wait_loaded(qtbot, panel)
    assert not panel.list.edit_button.isVisible()  # next steps are added and deleted only
    for text in ("Share the strips", "Walk again in May", "Invite the Year 6 team"):
        _add(qtbot, panel.list, text)
    qtbot.waitUntil(lambda: panel.list.model.rowCount() == 3)
    assert panel.list.model.index(1).data() == "2. Walk again in May"
    panel.list.view.setCurrentIndex(panel.list.model.index(0))
    asker.answers = [True]
    qtbot.mouseClick(panel.list.delete_button, Qt.MouseButton.LeftButton)
    settle(qtbot, panel)
    assert [s.text for s in services.debrief.list_next_steps(walk.id)] == [
        "Walk again in May", "Invite the Year 6 team"]
    qtbot.waitUntil(lambda: panel.list.model.rowCount() == 2)
    assert panel.list.model.index(0).data() == "1. Walk again in May"
