"""Feedback questions keep the protocol's kinds: a choice offers its options, a checklist
its ticks, a list takes lines, a rating shows the protocol's own end labels. What is sent
is stored and reads back as the same answer; the service checks each answer against its
question. Expected texts come from the loaded protocol."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QCheckBox, QLabel, QRadioButton

from tests.ui.conftest import ScriptedAsker
from tests.ui.postbrief.conftest import settle, wait_loaded
from tests.ui.protocol_words import FEEDBACK, every_protocol, make_protocol, walk_from
from walkapp.errors import ValidationError
from walkapp.protocol import PromptKind, Protocol
from walkapp.protocol.answers import feedback_value
from walkapp.services import Services
from walkapp.ui.bridge import ChangeBridge
from walkapp.ui.screens.postbrief import PostBriefWorkspace
from walkapp.ui.screens.postbrief.feedback import FeedbackPanel


def open_feedback(qtbot, services: Services, walk_id: str,
                  asker: ScriptedAsker) -> FeedbackPanel:
    workspace = PostBriefWorkspace(services, walk_id, asker)
    qtbot.addWidget(workspace)
    workspace.resize(1366, 700)
    workspace.show()
    assert workspace.show_panel("feedback")
    panel = workspace.feedback
    assert isinstance(panel, FeedbackPanel)
    wait_loaded(qtbot, panel)
    return panel


def shown_texts(widget) -> list[str]:  # type: ignore[no-untyped-def]
    return [w.text() for kind in (QLabel, QRadioButton, QCheckBox)
            for w in widget.findChildren(kind)]


@pytest.mark.parametrize(("name", "protocol"), [p for p in every_protocol() if p[1].feedback],
                         ids=lambda v: v if isinstance(v, str) else "")
def test_feedback_questions_keep_their_kinds_options_and_labels(
        qtbot, services: Services, asker: ScriptedAsker, name: str,
        protocol: Protocol) -> None:
    walk_id = walk_from(services, protocol)
    panel = open_feedback(qtbot, services, walk_id, asker)
    assert [(q.key, q.text, q.kind) for q in panel.questions()] == [
        (q.key, q.text, q.kind) for q in protocol.feedback]
    for question, answer in zip(protocol.feedback, panel.answers, strict=True):
        texts = shown_texts(answer)
        assert question.text in texts
        if question.kind in (PromptKind.CHOICE, PromptKind.CHECKLIST):
            kind = QRadioButton if question.kind is PromptKind.CHOICE else QCheckBox
            assert [b.text() for b in answer.findChildren(kind)] == list(question.options)
        if question.kind is PromptKind.RATING:
            for label in (question.low_label, question.high_label, *question.point_labels):
                assert not label or label in texts
            # walkapp's own end word only where the protocol gives no words of its own
            assert "Not at all" not in texts or "Not at all" in (question.low_label,
                                                                 *question.point_labels)


def test_every_kind_is_stored_and_reads_back(qtbot, services: Services,
                                            asker: ScriptedAsker) -> None:
    protocol = make_protocol("feedback", FEEDBACK)
    walk_id = walk_from(services, protocol)
    panel = open_feedback(qtbot, services, walk_id, asker)
    bridge = ChangeBridge(services.bus)
    bridge.changed.connect(panel.on_change)
    given = {"pace": "Too fast", "parts": ["The visits", "The norms"], "worth": 4,
             "ideas": ["Wait time", "Cold calling"], "else": "Thank you"}
    for answer in panel.answers:
        answer.input.set_value(given[answer.question.key])
        answer.input.changed.emit(answer.input.value())
    panel.submit()
    settle(qtbot, panel)
    stored = services.debrief.list_feedback(walk_id)
    questions = {q.key: q for q in protocol.feedback}
    assert {f.question_key: feedback_value(questions[f.question_key], f.answer, f.rating)
            for f in stored} == given
    assert all(a.answer() is None for a in panel.answers)  # cleared for the next person
    # The summary counts each option of a choice and of a checklist.
    qtbot.waitUntil(lambda: "Too fast: 1" in panel.summary.toPlainText())
    assert "The visits: 1 · The debrief: 0 · The norms: 1" in panel.summary.toPlainText()
    bridge.detach()
    # The service checks an answer against the walk's protocol, whoever sends it.
    with pytest.raises(ValidationError):
        services.debrief.add_feedback(walk_id, "pace", "Was the pace right?", "Sideways")
    with pytest.raises(ValidationError):
        services.debrief.add_feedback(walk_id, "parts", "Which parts helped you?",
                                      "The visits\nThe lunch")
    with pytest.raises(ValidationError):
        services.debrief.add_feedback(walk_id, "else", "Anything else?", "", 3)
