"""The rating widget on a prompt's own scale: 2 to 10 points, each point's words under its
button, a visible "Not applicable", digits choosing a point where it has focus; a step's
rating prompts save what was chosen (N/A too) and read it back."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QLabel, QRadioButton, QVBoxLayout, QWidget

from walkapp.protocol.library import builtin_protocol
from walkapp.protocol.ratings import NOT_APPLICABLE
from walkapp.protocol.schema import Prompt, PromptKind
from walkapp.services import Services
from walkapp.services.protocol_walks import create_walk_from_protocol
from walkapp.ui.screens.step_prompts import StepPrompts
from walkapp.ui.widgets.prompt_inputs import PromptInput
from walkapp.ui.widgets.rating_scale import NOT_APPLICABLE_ID
from walkapp.ui.widgets.step_words import prompt_line

AGREE = ("Strongly disagree", "Disagree", "Somewhat disagree", "Neutral", "Somewhat agree",
         "Agree", "Strongly agree")


def _rating(points: int, labels: tuple[str, ...] = (), *, na: bool = False,
            low: str = "", high: str = "") -> Prompt:
    return Prompt("we-plan", "We plan lessons together.", PromptKind.RATING, points=points,
                  point_labels=labels, not_applicable=na, low_label=low, high_label=high)


def _shown(qtbot, prompt: Prompt) -> PromptInput:  # type: ignore[no-untyped-def]
    widget = PromptInput(prompt)
    qtbot.addWidget(widget)
    widget.resize(760, 160)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.mark.parametrize("points", [2, 7, 10])
def test_a_scale_shows_exactly_its_points_with_their_words(qtbot, points: int) -> None:
    labels = tuple(f"Word {n}" for n in range(1, points + 1))
    widget = _shown(qtbot, _rating(points, labels))
    assert widget.scale is not None
    assert [b.text() for b in widget.scale.buttons] == [str(n) for n in range(1, points + 1)]
    words = [w.text() for w in widget.scale.words]
    assert words == list(labels)
    assert all(w.isVisible() for w in widget.scale.words)
    assert widget.scale.not_applicable is None  # not offered
    assert [widget.group.id(b) for b in widget.buttons] == list(range(1, points + 1))  # type: ignore[union-attr]
    # Each button says its point and words to a screen reader.
    assert widget.scale.buttons[-1].accessibleName() == (
        f"We plan lessons together.: {points}, Word {points}")


def test_end_words_without_a_label_per_point(qtbot) -> None:
    widget = _shown(qtbot, _rating(4, low="Not yet", high="Very much so"))
    texts = [label.text() for label in widget.findChildren(QLabel)]
    assert "Not yet" in texts and "Very much so" in texts
    assert widget.scale is not None and widget.scale.words == []


def test_not_applicable_is_a_visible_choice_and_its_own_value(qtbot) -> None:
    widget = _shown(qtbot, _rating(7, AGREE, na=True))
    assert widget.scale is not None
    na = widget.scale.not_applicable
    assert na is not None and na.isVisible() and na.text() == "Not applicable"
    assert widget.group is not None and widget.group.id(na) == NOT_APPLICABLE_ID
    with qtbot.waitSignal(widget.changed) as sent:
        qtbot.mouseClick(na, Qt.MouseButton.LeftButton)
    assert sent.args == [NOT_APPLICABLE] and widget.value() == NOT_APPLICABLE
    with qtbot.waitSignal(widget.changed) as sent:
        qtbot.mouseClick(widget.scale.buttons[5], Qt.MouseButton.LeftButton)
    assert sent.args == [6] and not na.isChecked()
    widget.set_value(NOT_APPLICABLE)
    assert na.isChecked() and widget.value() == NOT_APPLICABLE
    widget.set_value(None)
    assert widget.value() is None
    widget.set_value(12)  # not on this scale: nothing chosen, rather than a wrong point
    assert widget.value() is None


def test_digits_choose_a_point_where_the_scale_has_focus(qtbot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    fired: list[str] = []
    # A window shortcut on the same digit (a tally key, say) does not take it from here.
    QShortcut(Qt.Key.Key_3, host, lambda: fired.append("3"))
    widget = PromptInput(_rating(10, na=True))
    QVBoxLayout(host).addWidget(widget)
    host.show()
    qtbot.waitExposed(host)
    assert widget.scale is not None
    first = widget.scale.buttons[0]
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    for key, point in ((Qt.Key.Key_7, 7), (Qt.Key.Key_0, 10), (Qt.Key.Key_3, 3)):
        with qtbot.waitSignal(widget.changed) as sent:
            qtbot.keyClick(widget.focusWidget() or first, key)
        assert sent.args == [point]
        assert widget.group is not None and widget.group.checkedButton().hasFocus()  # type: ignore[union-attr]
    assert fired == []


def test_a_digit_beyond_the_scale_chooses_nothing(qtbot) -> None:
    widget = _shown(qtbot, _rating(2))
    assert widget.scale is not None
    widget.scale.buttons[0].setFocus()
    qtbot.waitUntil(widget.scale.buttons[0].hasFocus)
    qtbot.keyClick(widget.scale.buttons[0], Qt.Key.Key_2)
    assert widget.value() == 2
    qtbot.keyClick(widget.scale.buttons[1], Qt.Key.Key_5)
    assert widget.value() == 2
    qtbot.keyClick(widget.scale.buttons[1], Qt.Key.Key_1)
    assert widget.value() == 1


def test_the_step_words_line_names_the_scale() -> None:
    assert prompt_line(_rating(3, ("No", "Partly", "Yes"), na=True)) == (
        "We plan lessons together. (1–3: 1 No / 2 Partly / 3 Yes, N/A)")
    assert prompt_line(_rating(5, low="Not yet", high="Very much so")) == (
        "We plan lessons together. (1–5: Not yet … Very much so)")


def test_a_steps_ratings_save_on_their_own_scale_and_read_back(
        qtbot, services: Services, tmp_path: Path) -> None:
    mirror = builtin_protocol("plc-mirror")
    walk = create_walk_from_protocol(services, mirror, "Mirror", date(2026, 6, 1))
    step = mirror.step("ratings")
    assert step is not None
    # The mirror as a version 2 file could write it: 7 labelled points and N/A.
    step = replace(step, prompts=tuple(
        replace(p, points=7, point_labels=AGREE, not_applicable=True)
        for p in step.prompts[:2]))
    prompts = StepPrompts(services, walk.id, step)
    qtbot.addWidget(prompts)
    prompts.resize(900, 500)
    prompts.show()
    first, second = prompts.inputs
    assert first.scale is not None and second.scale is not None
    assert [w.text() for w in first.scale.words] == list(AGREE)
    qtbot.mouseClick(first.scale.buttons[6], Qt.MouseButton.LeftButton)
    assert second.scale.not_applicable is not None
    qtbot.mouseClick(second.scale.not_applicable, Qt.MouseButton.LeftButton)
    prompts.grab().save(str(tmp_path / "step-prompts.png"))  # pytest --basetemp=DIR
    assert prompts.save_pending()
    qtbot.waitUntil(lambda: prompts.indicators[step.prompts[1].key].state() == "saved")
    saved = {a.prompt_key: a.value for a in services.responses.list_answers(walk.id, step.key)}
    assert saved == {step.prompts[0].key: 7, step.prompts[1].key: NOT_APPLICABLE}
    prompts.shutdown()
    again = StepPrompts(services, walk.id, step)
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.inputs[1].value() == NOT_APPLICABLE, timeout=5000)
    assert again.inputs[0].value() == 7
    assert isinstance(again.inputs[0].buttons[6], QRadioButton)
    again.shutdown()
