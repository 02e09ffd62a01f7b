"""The tally strip of the observation screen: taps, "−", the tallies' own keys (never while
typing a note), timers from a fake clock, and no strip for a protocol without tallies."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt

from tests.helpers.builders import make_walk
from tests.ui.conftest import ScriptedAsker
from tests.ui.observe_helpers import FakeClock, type_text
from walkapp import domain as d
from walkapp.protocol.schema import Tally, TallyKind
from walkapp.services import Services
from walkapp.ui.screens import observation
from walkapp.ui.screens.observation import ObservationScreen

TALLIES = (Tally("questions", "Questions asked", description="A student asks a question",
                 shortcut="q"),
           Tally("talk", "Student talk", TallyKind.DURATION, shortcut="t"),
           Tally("praise", "Specific praise", shortcut="3"))


@pytest.fixture
def with_tallies(monkeypatch: pytest.MonkeyPatch) -> None:
    real = observation.walk_protocol
    monkeypatch.setattr(observation, "walk_protocol", lambda services, walk_id: (
        dataclasses.replace(real(services, walk_id), tallies=TALLIES)))


def _open(qtbot, services: Services, walk: d.Walk, author: str | None, asker: ScriptedAsker,
          clock: FakeClock, everyone: bool = False) -> ObservationScreen:
    screen = ObservationScreen(services, walk.id, author, clock=clock, asker=asker,
                               debounce_ms=60, everyone=everyone)
    qtbot.addWidget(screen)
    screen.resize(1366, 740)
    screen.show()
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow, timeout=2000)
    qtbot.waitUntil(lambda: not screen.tallies.loading, timeout=2000)
    return screen


def _stored(services: Services, walk: d.Walk, visit: d.Visit, author: str | None
            ) -> dict[str, tuple[int, int]]:
    return {k: (v.count, v.seconds)
            for k, v in services.tallies.for_visit(walk.id, visit.id, author).items()}


def _saved(qtbot, screen: ObservationScreen) -> None:
    qtbot.waitUntil(screen.saver.is_idle, timeout=3000)


def test_no_strip_without_tallies(qtbot, services: Services, asker: ScriptedAsker) -> None:
    walk = make_walk(services, visits=1)
    screen = _open(qtbot, services, walk, walk.walkers[0].id, asker, FakeClock())
    assert not screen.tallies.isVisible() and screen.tallies.shortcut_actions() == []
    screen.shutdown()


def test_taps_and_minus_are_saved(qtbot, services: Services, asker: ScriptedAsker,
                                  with_tallies: None) -> None:
    walk = make_walk(services, visits=2)
    me = walk.walkers[0].id
    screen = _open(qtbot, services, walk, me, asker, FakeClock())
    panel = screen.tallies
    assert panel.isVisible()
    button, minus = panel.buttons["questions"], panel.minus_buttons["questions"]
    assert not minus.isEnabled()
    for _ in range(3):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert button.text() == "Questions asked: 3  Q"  # at once, before the commits
    qtbot.mouseClick(minus, Qt.MouseButton.LeftButton)
    _saved(qtbot, screen)
    assert _stored(services, walk, walk.visits[0], me) == {"questions": (2, 0)}
    assert button.text() == "Questions asked: 2  Q"
    panel.grab().save("/tmp/tallies-strip.png")
    # Another visit has its own counts; coming back shows the stored ones.
    screen.next_visit()
    qtbot.waitUntil(lambda: button.text() == "Questions asked: 0  Q", timeout=2000)
    screen.previous_visit()
    qtbot.waitUntil(lambda: button.text() == "Questions asked: 2  Q", timeout=2000)
    screen.shutdown()


def test_a_tallys_key_counts_but_never_steals_typing(qtbot, services: Services,
                                                     asker: ScriptedAsker,
                                                     with_tallies: None) -> None:
    walk = make_walk(services, visits=1)
    me = walk.walkers[0].id
    screen = _open(qtbot, services, walk, me, asker, FakeClock())
    edit = screen.editor.text_edit
    qtbot.waitUntil(edit.hasFocus, timeout=2000)
    type_text(edit, "quiet 3 questions")
    qtbot.keyClick(edit, Qt.Key.Key_Q)
    assert edit.toPlainText() == "quiet 3 questionsq"
    assert screen.tallies.shown_count("questions") == 0
    # Out of the editor (the visits list has the focus), the same keys count.
    screen.visits_list.setFocus()
    qtbot.waitUntil(screen.visits_list.hasFocus, timeout=2000)
    qtbot.keyClick(screen.visits_list, Qt.Key.Key_Q)
    qtbot.keyClick(screen.visits_list, Qt.Key.Key_Q)
    qtbot.keyClick(screen.visits_list, Qt.Key.Key_3)
    assert screen.tallies.shown_count("questions") == 2
    assert screen.tallies.shown_count("praise") == 1
    _saved(qtbot, screen)
    assert _stored(services, walk, walk.visits[0], me) == {"questions": (2, 0),
                                                           "praise": (1, 0)}
    assert edit.toPlainText() == "quiet 3 questionsq"
    screen.shutdown()


def test_a_timer_runs_from_the_pages_clock(qtbot, services: Services, asker: ScriptedAsker,
                                           with_tallies: None) -> None:
    walk = make_walk(services, visits=2)
    me = walk.walkers[0].id
    clock = FakeClock()
    screen = _open(qtbot, services, walk, me, asker, clock)
    panel, button = screen.tallies, screen.tallies.buttons["talk"]
    screen.visits_list.setFocus()
    qtbot.waitUntil(screen.visits_list.hasFocus, timeout=2000)
    qtbot.keyClick(screen.visits_list, Qt.Key.Key_T)  # start
    assert panel.is_running("talk")
    clock.now += 42
    panel.refresh()
    assert button.text().endswith("0:42  T") and button.text().startswith("■")
    panel.grab().save("/tmp/tallies-running.png")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # stop
    assert not panel.is_running("talk")
    _saved(qtbot, screen)
    assert _stored(services, walk, walk.visits[0], me) == {"talk": (0, 42)}
    # Started again, a long run saves as it goes, and leaving the visit stops it.
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    clock.now += 35
    panel.refresh()
    _saved(qtbot, screen)
    assert _stored(services, walk, walk.visits[0], me) == {"talk": (0, 77)}
    clock.now += 3
    screen.next_visit()
    assert not panel.is_running("talk")
    _saved(qtbot, screen)
    assert _stored(services, walk, walk.visits[0], me) == {"talk": (0, 80)}
    qtbot.waitUntil(lambda: button.text().endswith("0:00  T"), timeout=2000)
    screen.shutdown()


def test_the_facilitator_counts_as_themselves(qtbot, services: Services,
                                              asker: ScriptedAsker,
                                              with_tallies: None) -> None:
    walk = make_walk(services, visits=1)
    fran = walk.facilitators[0].id
    services.tallies.add(walk.id, walk.visits[0].id, walk.walkers[0].id, "questions", 5)
    screen = _open(qtbot, services, walk, fran, asker, FakeClock(), everyone=True)
    # A walker's count is theirs: the facilitator's strip starts at zero.
    assert screen.tallies.shown_count("questions") == 0
    qtbot.mouseClick(screen.tallies.buttons["questions"], Qt.MouseButton.LeftButton)
    _saved(qtbot, screen)
    assert _stored(services, walk, walk.visits[0], fran) == {"questions": (1, 0)}
    assert _stored(services, walk, walk.visits[0], walk.walkers[0].id) == {
        "questions": (5, 0)}
    screen.shutdown()
