"""The visit form end to end on screen: a walker answers in the note-taker (autosaved like
notes), the evidence wall shows the answers question by question (choices and ticks as
counts across the walk), calibration shows one visit's answers side by side."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton

from tests.ui.conftest import ScriptedAsker
from tests.ui.observe_helpers import FakeClock, type_text
from tests.ui.postbrief.conftest import wait_loaded
from walkapp import domain as d
from walkapp.protocol.library import builtin_protocol
from walkapp.protocol.schema import Prompt, PromptKind
from walkapp.services import Services
from walkapp.ui.bridge import ChangeBridge
from walkapp.ui.models.evidence import EvidenceCard, GroupBy
from walkapp.ui.screens import observation
from walkapp.ui.screens.observation import ObservationScreen
from walkapp.ui.screens.postbrief.calibration import CalibrationView
from walkapp.ui.screens.postbrief.evidence_wall import EvidenceWall

TALK = Prompt("talk", "What were students talking about?")
GROUPING = Prompt("grouping", "How were students seated?", PromptKind.CHOICE,
                  ("Rows", "Groups", "Pairs"))
TOOLS = Prompt("tools", "Which tools were in use?", PromptKind.CHECKLIST,
               ("Whiteboards", "Manipulatives", "Laptops"))
FORM = (TALK, GROUPING, TOOLS)


@pytest.fixture
def with_form(monkeypatch: pytest.MonkeyPatch) -> None:
    """The walk's protocol, with a visit form (a walk stores no version 2 protocol until
    the v2 loader lands: the screen's protocol is given it here)."""
    protocol = dataclasses.replace(builtin_protocol("learning-walk"), visit_form=FORM)
    monkeypatch.setattr(observation, "walk_protocol", lambda *_a, **_k: protocol)


def _click(qtbot, button: QAbstractButton) -> None:
    # On its words, at the left: a check box's row is wider than what takes a click.
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton,
                     pos=QPoint(8, button.height() // 2))


def _screen(qtbot, services: Services, walk: d.Walk, author: str) -> ObservationScreen:
    screen = ObservationScreen(services, walk.id, author, clock=FakeClock(),
                               asker=ScriptedAsker(), debounce_ms=40)
    qtbot.addWidget(screen)
    screen.resize(1366, 740)
    screen.show()
    assert screen.form is not None
    qtbot.waitUntil(screen.form.isEnabled, timeout=5000)
    return screen


def _answers(services: Services, walk: d.Walk) -> dict[tuple[str | None, str | None], str]:
    return {(a.visit_id, a.form_key): a.text for a in services.notes.list_answers(walk.id)}


def test_a_walker_answers_the_form_and_it_autosaves(qtbot, services: Services, walk: d.Walk,
                                                    with_form: None) -> None:
    me = walk.walkers[0].id
    screen = _screen(qtbot, services, walk, me)
    form = screen.form
    assert form is not None
    talk = form.inputs["talk"].editor
    assert talk is not None
    type_text(talk, "Comparing fractions")
    _click(qtbot, form.inputs["grouping"].buttons[2])  # Pairs
    _click(qtbot, form.inputs["tools"].buttons[2])  # Laptops
    _click(qtbot, form.inputs["tools"].buttons[0])
    qtbot.waitUntil(lambda: form.indicator.state() == "saved", timeout=5000)
    first = walk.visits[0].id
    assert _answers(services, walk) == {(first, "talk"): "Comparing fractions",
                                        (first, "grouping"): "Pairs",
                                        (first, "tools"): "Whiteboards\nLaptops"}
    # Answers are not notes: the list beside the editor stays empty.
    assert services.notes.list_notes(walk.id) == []
    screen.grab().save("/tmp/forms-observation.png")

    # The next visit starts blank; going back shows what was answered.
    assert screen.next_visit()
    assert talk.toPlainText() == "" and not any(
        b.isChecked() for b in form.inputs["grouping"].buttons)
    _click(qtbot, form.inputs["grouping"].buttons[0])
    assert screen.previous_visit()  # saves visit 2's answer before leaving it
    assert _answers(services, walk)[(walk.visits[1].id, "grouping")] == "Rows"
    assert talk.toPlainText() == "Comparing fractions"
    assert form.inputs["grouping"].value() == "Pairs"
    assert form.inputs["tools"].value() == ["Whiteboards", "Laptops"]
    # Unticking everything clears the answer (its note is deleted).
    for box in form.inputs["tools"].buttons:
        if box.isChecked():
            _click(qtbot, box)
    qtbot.waitUntil(lambda: form.indicator.state() == "saved", timeout=5000)
    assert (first, "tools") not in _answers(services, walk)


def test_no_form_no_panel(qtbot, services: Services, walk: d.Walk) -> None:
    screen = ObservationScreen(services, walk.id, walk.walkers[0].id, clock=FakeClock(),
                               asker=ScriptedAsker())
    qtbot.addWidget(screen)
    assert screen.form is None


def _answer_all(services: Services, walk: d.Walk) -> None:
    a, b, c = (w.id for w in walk.walkers)
    one, two = walk.visits[0].id, walk.visits[1].id
    save = services.notes.save_answer
    save(walk.id, a, one, GROUPING, "Rows")
    save(walk.id, b, one, GROUPING, "Groups")
    save(walk.id, c, two, GROUPING, "Groups")
    save(walk.id, a, one, TOOLS, ["Whiteboards", "Laptops"])
    save(walk.id, b, two, TOOLS, ["Laptops"])
    save(walk.id, a, one, TALK, "Equivalent fractions on mini whiteboards")
    save(walk.id, b, one, TALK, "Which fraction is bigger")


def test_the_wall_groups_answers_by_question(qtbot, services: Services, walk: d.Walk,
                                             bridge: ChangeBridge) -> None:
    _answer_all(services, walk)
    wall = EvidenceWall(services.notes, services.walks, walk.id, reviews=services.reviews,
                        form=FORM)
    qtbot.addWidget(wall)
    bridge.changed.connect(wall.on_change)
    wall.resize(1366, 740)
    wall.show()
    wait_loaded(qtbot, wall)
    assert GroupBy.QUESTION in wall.mode_buttons
    count = wall.refresh_count
    wall.set_group_by(GroupBy.QUESTION)
    groups = {g.title: g for g in wall.model._groups}
    assert list(groups) == [TALK.text, GROUPING.text, TOOLS.text]
    # Choices and ticks: counts across the walk, no cards (nothing per visit).
    counts = groups[GROUPING.text].cards
    assert [(c.note_id, c.text) for c in counts] == [("", "Rows: 1 · Groups: 2 · Pairs: 0")]
    assert [c.text for c in groups[TOOLS.text].cards] == [
        "Whiteboards: 1 · Manipulatives: 0 · Laptops: 2"]
    assert wall.model.count_text(groups[GROUPING.text]) == "3 answers"
    assert [c.text for c in groups[TALK.text].cards] == [
        "Equivalent fractions on mini whiteboards", "Which fraction is bigger"]
    assert "3 answers to 3 questions" not in wall.summary.text()
    assert wall.summary.text().startswith("7 answers to 3 questions.")
    wall.grab().save("/tmp/forms-wall.png")

    # A written answer set aside leaves the question for the set-aside group.
    talk = groups[TALK.text].cards[1]
    assert isinstance(talk, EvidenceCard)
    services.reviews.set_aside(talk.note_id)
    wait_loaded(qtbot, wall, count)
    qtbot.waitUntil(lambda: any(g.key.startswith("\x00") for g in wall.model._groups),
                    timeout=5000)
    groups = {g.title: g for g in wall.model._groups}
    assert [c.text for c in groups[TALK.text].cards] == [
        "Equivalent fractions on mini whiteboards"]
    # The counts card opens nothing (it is no one's answer).
    assert wall.open_card("") is None
    # The notes' groupings hold no answers.
    wall.set_group_by(GroupBy.VISIT)
    assert all(not g.cards for g in wall.model._groups)


def test_calibration_shows_a_visits_answers_side_by_side(qtbot, services: Services,
                                                          walk: d.Walk) -> None:
    _answer_all(services, walk)
    view = CalibrationView(services.notes, services.walks, walk.id, form=FORM)
    qtbot.addWidget(view)
    view.resize(1366, 740)
    view.show()
    wait_loaded(qtbot, view)
    model = view.model
    rows = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    columns = [model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(model.columnCount())]
    assert rows == [TALK.text, GROUPING.text, TOOLS.text]
    assert columns == ["Walker A", "Walker B", "Walker C"]
    assert model.cell(0, 0) == ("Equivalent fractions on mini whiteboards",)
    assert model.cell(1, 0) == ("Rows",) and model.cell(1, 1) == ("Groups",)
    assert model.cell(2, 0) == ("Whiteboards, Laptops",)
    assert model.cell(1, 2) == ()  # walker C answered in visit 2, not here
    view.grab().save("/tmp/forms-calibration.png")


def test_a_version_2_walk_brings_its_form_everywhere(qtbot, services: Services,
                                                     open_workspace) -> None:
    """No stand-in: a walk of a version 2 file gets the form on the facilitator's
    note-taker (typing up a walker's answer) and in the workspace's wall and calibration."""
    from tests.helpers.protocol_carrier import carrier
    from walkapp.protocol import load_text
    from walkapp.services.protocol_walks import create_walk_from_protocol

    protocol = load_text(carrier(), "coverage.toml")
    walk = create_walk_from_protocol(services, protocol, "V2 walk", "2026-11-02", visits=2)
    walker = services.plan.add_participant(walk.id, "Ana")
    screen = ObservationScreen(services, walk.id, walker.id, clock=FakeClock(),
                               asker=ScriptedAsker(), debounce_ms=40, everyone=True)
    qtbot.addWidget(screen)
    screen.show()
    assert screen.form is not None
    qtbot.waitUntil(screen.form.isEnabled, timeout=5000)
    box = screen.form.inputs["seen"].buttons[1]
    assert box.text() == "Plain form option"
    _click(qtbot, box)
    qtbot.waitUntil(lambda: screen.form is not None
                    and screen.form.indicator.state() == "saved", timeout=5000)
    screen.shutdown()
    workspace = open_workspace(walk.id)
    assert workspace.show_panel("evidence_wall")
    wall = workspace.panel("evidence_wall")
    assert isinstance(wall, EvidenceWall)
    wait_loaded(qtbot, wall)
    wall.set_group_by(GroupBy.QUESTION)
    (group,) = wall.model._groups
    assert "Plain form option: 1" in group.cards[0].text
    assert workspace.show_panel("calibration")
    calibration = workspace.panel("calibration")
    wait_loaded(qtbot, calibration)
    assert isinstance(calibration, CalibrationView)
    assert calibration.model.cell(calibration.model.rowCount() - 1, 0) == (
        "Plain form option",)
