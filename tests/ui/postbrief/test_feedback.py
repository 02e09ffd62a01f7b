"""Session feedback: questions from the protocol or defaults, anonymous by default."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from tests.ui.postbrief.conftest import settle, type_text, wait_loaded
from walkapp import domain as d
from walkapp.errors import StorageError
from walkapp.services import Services
from walkapp.ui.bridge import ChangeBridge
from walkapp.ui.screens.postbrief.feedback import FeedbackPanel, FeedbackQuestion, as_questions


def _open(qtbot, services: Services, walk: d.Walk, bridge: ChangeBridge,
          questions: list | None = None) -> FeedbackPanel:
    panel = FeedbackPanel(services.debrief, services.walks, walk.id, questions)
    qtbot.addWidget(panel)
    bridge.changed.connect(panel.on_change)
    panel.resize(1200, 600)
    panel.show()
    wait_loaded(qtbot, panel)
    return panel


def test_defaults_answers_are_anonymous_and_the_form_clears(qtbot, services: Services,
                                                            walk: d.Walk,
                                                            bridge: ChangeBridge) -> None:
    panel = _open(qtbot, services, walk, bridge)
    assert [(q.key, q.kind) for q in panel.questions()] == [
        ("useful", "rating"), ("keep", "text"), ("change", "text")]
    assert panel.author.currentText() == "Anonymous"
    rating, keep, _change = panel.answers
    assert rating.group is not None and keep.box is not None
    qtbot.mouseClick(rating.group.button(4), Qt.MouseButton.LeftButton)
    keep.box.setFocus()
    type_text(keep.box, "Los tallos — ¡útiles!")
    qtbot.mouseClick(panel.send_button, Qt.MouseButton.LeftButton)
    settle(qtbot, panel)

    stored = services.debrief.list_feedback(walk.id)
    assert [(f.question_key, f.rating, f.answer, f.author_id) for f in stored] == [
        ("useful", 4, "", None), ("keep", None, "Los tallos — ¡útiles!", None)]
    assert stored[0].question == panel.questions()[0].text
    assert rating.answer() is None and keep.answer() is None  # ready for the next person
    assert "saved" in panel.status.text()
    qtbot.waitUntil(lambda: panel.count_label.text() == "Answers so far: 1")


def test_a_name_only_when_chosen_and_summary_hides_authors(qtbot, services: Services,
                                                           walk: d.Walk,
                                                           bridge: ChangeBridge) -> None:
    panel = _open(qtbot, services, walk, bridge)
    walker = walk.walkers[0]
    panel.author.setCurrentIndex(panel.author.findData(walker.id))
    panel.answers[2].box.setPlainText("More corridor time")  # type: ignore[union-attr]
    qtbot.mouseClick(panel.send_button, Qt.MouseButton.LeftButton)
    settle(qtbot, panel)
    [stored] = services.debrief.list_feedback(walk.id)
    assert stored.author_id == walker.id
    assert panel.author.currentText() == "Anonymous"  # back to anonymous for the next one
    qtbot.waitUntil(lambda: "More corridor time" in panel.summary.toPlainText())
    assert not panel.summary.isVisible()  # hidden until asked for: the screen may be shared
    # On the box itself: the widget may be wider than its text, and a click past the text
    # (the widget's centre, with a narrower font) does not toggle it.
    box = panel.show_summary
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))
    assert panel.summary.isVisible()
    assert walker.display_name not in panel.summary.toPlainText()


def test_protocol_questions_replace_the_defaults(qtbot, services: Services, walk: d.Walk,
                                                 bridge: ChangeBridge) -> None:
    panel = _open(qtbot, services, walk, bridge)
    panel.set_questions([("pace", "Was the pace right?", "rating"),
                         FeedbackQuestion("wish", "One wish for next time", "text")])
    assert [a.question.key for a in panel.answers] == ["pace", "wish"]
    qtbot.waitUntil(lambda: panel.answers[0].isVisible())  # new widgets show on the next turn
    qtbot.mouseClick(panel.answers[0].group.button(2), Qt.MouseButton.LeftButton)  # type: ignore[union-attr]
    qtbot.mouseClick(panel.send_button, Qt.MouseButton.LeftButton)
    settle(qtbot, panel)
    assert [(f.question_key, f.rating) for f in services.debrief.list_feedback(walk.id)] == [
        ("pace", 2)]
    with pytest.raises(ValueError, match="kind"):
        as_questions([("x", "X?", "stars")])


def test_nothing_answered_or_failing_saves_are_reported(qtbot, services: Services,
                                                        walk: d.Walk, bridge: ChangeBridge,
                                                        monkeypatch) -> None:
    panel = _open(qtbot, services, walk, bridge)
    qtbot.mouseClick(panel.send_button, Qt.MouseButton.LeftButton)
    assert "Nothing to send" in panel.status.text()
    assert services.debrief.list_feedback(walk.id) == []

    original = services.debrief.add_feedback
    calls: list[str] = []

    def second_fails(walk_id: str, key: str, *args: object) -> d.Feedback:
        calls.append(key)
        if len(calls) == 2:
            raise StorageError("The database is locked. Try again in a moment.")
        return original(walk_id, key, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(services.debrief, "add_feedback", second_fails)
    rating, keep, _change = panel.answers
    qtbot.mouseClick(rating.group.button(5), Qt.MouseButton.LeftButton)  # type: ignore[union-attr]
    keep.box.setPlainText("Keep me")  # type: ignore[union-attr]
    qtbot.mouseClick(panel.send_button, Qt.MouseButton.LeftButton)
    assert not panel.send_button.isEnabled()  # sent once, not twice
    settle(qtbot, panel)
    assert "locked" in panel.status.text() and panel.send_button.isEnabled()
    assert rating.answer() is None  # saved, so cleared
    assert keep.answer() == ("Keep me", None, False)  # not saved, so still there
    assert [f.question_key for f in services.debrief.list_feedback(walk.id)] == ["useful"]
