"""Every kind of write a page makes goes through the writer: it runs off the GUI thread, and
when it fails what was typed stays on screen, the reason is shown in one line, and Retry
saves it.

One table of cases, one test: each case builds its panel alone (as the screenshot tool
does), says which service method the write ends in, how to make the edit, where the typed
text is, and how to press Retry. The service method is wrapped to record its thread and to
fail the first call with a StorageError (what a full or locked database gives).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget

from tests.helpers.builders import make_walk
from tests.ui.conftest import ScriptedAsker
from tests.ui.test_writer import Spy
from walkapp import domain as d
from walkapp.services import NoteDraft, Services
from walkapp.ui.screens.plan.details import WalkDetailsPanel
from walkapp.ui.screens.plan.lists import LookForsPanel, NormsPanel
from walkapp.ui.screens.plan.review import ReviewPanel
from walkapp.ui.screens.plan.roster import RosterPanel
from walkapp.ui.screens.plan.route import RoutePanel
from walkapp.ui.screens.postbrief.action_items import ActionItemsPanel
from walkapp.ui.screens.postbrief.commitments import CommitmentsPanel
from walkapp.ui.screens.postbrief.feedback import FeedbackPanel
from walkapp.ui.screens.postbrief.next_steps import NextStepsPanel
from walkapp.ui.screens.postbrief.patterns import PatternsPanel
from walkapp.ui.widgets.reflections import ReflectionsPanel


@dataclass(frozen=True)
class Case:
    build: Callable[[Services, d.Walk, ScriptedAsker], QWidget]
    service: str                       # services.<service>.<method> is where the write ends
    method: str
    edit: Callable[[Any], None]        # make the edit (the panel is shown)
    typed: Callable[[Any], str]        # what is on screen where it was typed
    says: Callable[[Any], str]         # the line that says why it failed
    retry: Callable[[Any], None]
    stored: Callable[[Services, d.Walk], bool]
    text: str = "Kept safe"


def _idle(panel: Any) -> Callable[[], bool]:
    """Has the panel's writer nothing left to do? (A panel that writes on the GUI thread
    has no writer: it is always done.)"""
    writer = getattr(panel, "writer", None) or getattr(panel, "saver", None)
    return writer.is_idle if writer is not None else (lambda: True)


def _names(services: Services, walk: d.Walk) -> list[str]:
    return [p.display_name for p in services.walks.get_walk(walk.id).participants]


def _review_panel(services: Services, walk: d.Walk, _asker: ScriptedAsker) -> ReviewPanel:
    services.debrief.save_commitment(walk.id, walk.walkers[0].id, "I will try pauses")
    later = services.series.plan_again(walk.id, "Later", date(2026, 12, 1))
    panel = ReviewPanel(services, later.id)
    panel.commitments.selectRow(0)
    return panel


def _commitments_typed(panel: CommitmentsPanel) -> str:
    return next(iter(panel.rows.values())).editor.toPlainText()


CASES: dict[str, Case] = {
    "roster": Case(
        lambda s, w, a: RosterPanel(s, w.id), "plan", "add_participant",
        lambda p: (p.new_name.setText("Kept safe"), p.add_button.click()),
        lambda p: p.new_name.text(), lambda p: p.message.text(),
        lambda p: p.message.retry_button.click(),
        lambda s, w: "Kept safe" in _names(s, w)),
    "route": Case(
        lambda s, w, a: RoutePanel(s, w.id), "plan", "update_visit",
        lambda p: p.table.item(0, 1).setText("Kept safe"),
        lambda p: p.table.item(0, 1).text(), lambda p: p.message.text(),
        lambda p: p.message.retry_button.click(),
        lambda s, w: s.walks.get_walk(w.id).visits[0].room == "Kept safe"),
    "look-fors": Case(
        lambda s, w, a: LookForsPanel(s, w.id), "plan", "add_look_for",
        lambda p: (p.items.new_text.setText("Kept safe"), p.items.add_button.click()),
        lambda p: p.items.new_text.text(), lambda p: p.message.text(),
        lambda p: p.message.retry_button.click(),
        lambda s, w: "Kept safe" in [lf.text for lf in s.walks.get_walk(w.id).look_fors]),
    "norms": Case(
        lambda s, w, a: NormsPanel(s, w.id), "plan", "add_norm",
        lambda p: (p.items.new_text.setText("Kept safe"), p.items.add_button.click()),
        lambda p: p.items.new_text.text(), lambda p: p.message.text(),
        lambda p: p.message.retry_button.click(),
        lambda s, w: "Kept safe" in [n.text for n in s.walks.get_walk(w.id).norms]),
    "walk details": Case(
        lambda s, w, a: WalkDetailsPanel(s, w.id), "walks", "update_walk",
        lambda p: (p.school.setText("Kept safe"), p._queue("school", "Kept safe"),
                   p.commit_now()),
        lambda p: p.school.text(), lambda p: p.status.text(),
        lambda p: p.indicator.retry.click(),
        lambda s, w: s.walks.get_walk(w.id).school == "Kept safe"),
    "review": Case(
        _review_panel, "debrief", "review_commitment",
        lambda p: (p.commitment_note.setText("Kept safe"), p.tried_button.click()),
        lambda p: p.commitment_note.text(), lambda p: p.message.text(),
        lambda p: p.message.retry_button.click(),
        lambda s, w: any(c.review_note == "Kept safe" for c in s.debrief.list_commitments(w.id))),
    "patterns": Case(
        lambda s, w, a: PatternsPanel(s.debrief, w.id, a), "debrief", "add_pattern",
        lambda p: (p.sections[d.PatternKind.DESCRIBE].editor.setPlainText("Kept safe"),
                   p.sections[d.PatternKind.DESCRIBE].submit()),
        lambda p: p.sections[d.PatternKind.DESCRIBE].editor.toPlainText(),
        lambda p: p.write_notice.text(), lambda p: p.write_notice.retry_button.click(),
        lambda s, w: [x.text for x in s.debrief.list_patterns(w.id)] == ["Kept safe"]),
    "next steps": Case(
        lambda s, w, a: NextStepsPanel(s.debrief, w.id, a), "debrief", "add_next_step",
        lambda p: (p.list.editor.setPlainText("Kept safe"), p.list.submit()),
        lambda p: p.list.editor.toPlainText(),
        lambda p: p.write_notice.text(), lambda p: p.write_notice.retry_button.click(),
        lambda s, w: [x.text for x in s.debrief.list_next_steps(w.id)] == ["Kept safe"]),
    "action items": Case(
        lambda s, w, a: ActionItemsPanel(s.debrief, s.walks, w.id, a), "debrief",
        "add_action_item",
        lambda p: (p.new_text.setText("Kept safe"), p.add_item()),
        lambda p: p.new_text.text(),
        lambda p: p.write_notice.text(), lambda p: p.write_notice.retry_button.click(),
        lambda s, w: [x.text for x in s.debrief.list_action_items(w.id)] == ["Kept safe"]),
    "commitments": Case(
        lambda s, w, a: CommitmentsPanel(s.debrief, s.notes, s.walks, w.id), "debrief",
        "save_commitment",
        lambda p: (next(iter(p.rows.values())).editor.setPlainText("Kept safe"),
                   p.commit_now()),
        _commitments_typed, lambda p: next(iter(p.rows.values())).status.text(),
        lambda p: next(iter(p.rows.values())).retry_button.click(),
        lambda s, w: [c.text for c in s.debrief.list_commitments(w.id)] == ["Kept safe"]),
    "feedback": Case(
        lambda s, w, a: FeedbackPanel(s.debrief, s.walks, w.id), "debrief", "add_feedback",
        lambda p: (p.answers[1].box.setPlainText("Kept safe"), p.submit()),
        lambda p: p.answers[1].box.toPlainText(),
        lambda p: p.status.text(), lambda p: p.write_notice.retry_button.click(),
        lambda s, w: [f.answer for f in s.debrief.list_feedback(w.id)] == ["Kept safe"]),
    "reflections": Case(
        lambda s, w, a: ReflectionsPanel(s.notes, w.id, w.walkers[0].id, prompts=["Mine?"]),
        "notes", "save_reflection",
        lambda p: (p.editors[0].text_edit.setPlainText("Kept safe"),
                   p.editors[0].tracker.commit_now()),
        lambda p: p.editors[0].text(), lambda p: p.editors[0].indicator.label.text(),
        lambda p: p.editors[0].indicator.retry.click(),
        lambda s, w: [r.text for r in s.notes.list_reflections(w.id)] == ["Kept safe"]),
}


@pytest.mark.parametrize("kind", list(CASES))
def test_each_write_runs_off_the_gui_thread_and_a_failure_keeps_the_text(
        qtbot, services: Services, asker: ScriptedAsker, monkeypatch, kind: str) -> None:
    case = CASES[kind]
    walk = make_walk(services, walkers=1, visits=1)
    panel = case.build(services, walk, asker)
    qtbot.addWidget(panel)
    panel.resize(1200, 700)
    panel.show()
    refresh_count = getattr(panel, "refresh_count", None)
    if refresh_count is not None:  # a post-brief panel loads on the next turn
        qtbot.waitUntil(lambda: panel.refresh_count > 0 and not panel.is_loading(),
                        timeout=5000)
    idle = _idle(panel)
    spy = Spy(monkeypatch, getattr(services, case.service), case.method)
    spy.fail = 1

    case.edit(panel)
    qtbot.waitUntil(lambda: bool(spy.threads) and idle(), timeout=5000)
    assert spy.off_the_gui_thread(), f"{kind}: the write ran on the GUI thread"
    assert case.typed(panel) == case.text, f"{kind}: the typed text was not kept"
    assert "disk is full" in case.says(panel), case.says(panel)
    assert not case.stored(services, walk)
    assert asker.shown == []  # one line on the page, no dialog

    case.retry(panel)
    qtbot.waitUntil(idle, timeout=5000)
    qtbot.waitUntil(lambda: case.stored(services, walk), timeout=5000)
    assert len(spy.threads) >= 2 and spy.off_the_gui_thread()
    assert "disk is full" not in case.says(panel)


def test_a_note_commits_off_the_gui_thread(qtbot, services: Services, monkeypatch) -> None:
    """Notes have had this since before the writer; checked here with the others."""
    from walkapp.ui.widgets.note_editor import NoteEditor
    from walkapp.ui.writer import Writer

    walk = make_walk(services, walkers=1, visits=1)
    writer = Writer(services)
    editor = NoteEditor(services.notes, walk, walk.walkers[0].id, saver=writer)
    writer.setParent(editor)
    qtbot.addWidget(editor)
    spy = Spy(monkeypatch, services.notes, "save_note")
    editor.start_note(walk.visits[0].id)
    editor.text_edit.setPlainText("Pairs explain")
    editor.tracker.commit_now()
    qtbot.waitUntil(lambda: editor.indicator.state() == "saved", timeout=5000)
    assert spy.off_the_gui_thread()
    assert [n.text for n in services.notes.list_notes(walk.id)] == ["Pairs explain"]
    assert isinstance(NoteDraft, type)
