"""Work a start does not wait for begins once the shown window is idle with what it needs
in (walkapp.ui.after_start.when_settled): not before, once only, never after the window
closed."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMainWindow

from walkapp.ui.after_start import when_settled


def _turns(qtbot, count: int) -> None:
    """Let the event loop go round `count` times (each a timer of its own)."""
    fired: list[int] = []
    for turn in range(1, count + 1):
        QTimer.singleShot(0, lambda: fired.append(1))
        qtbot.waitUntil(lambda turn=turn: len(fired) >= turn, timeout=5000)


def test_it_waits_for_ready_then_runs_once(qtbot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    state = {"ready": False, "asked": 0, "ran": 0}

    def ready() -> bool:
        state["asked"] += 1
        return bool(state["ready"])

    when_settled(window, ready, lambda: state.__setitem__("ran", state["ran"] + 1))
    _turns(qtbot, 3)
    assert state["asked"] == 0  # not shown yet: ready() is not even asked
    window.show()
    qtbot.waitUntil(lambda: state["asked"] >= 2, timeout=5000)
    assert state["ran"] == 0  # idle, shown, but not ready
    state["ready"] = True
    _turns(qtbot, 1)
    qtbot.waitUntil(lambda: state["ran"] == 1, timeout=5000)
    _turns(qtbot, 3)
    assert state["ran"] == 1


def test_nothing_runs_once_the_window_has_closed(qtbot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    state = {"ready": False, "asked": 0, "ran": 0}

    def ready() -> bool:
        state["asked"] += 1
        return bool(state["ready"])

    when_settled(window, ready, lambda: state.__setitem__("ran", 1))
    window.show()
    qtbot.waitUntil(lambda: state["asked"] >= 1, timeout=5000)
    window.close()
    state["ready"] = True
    _turns(qtbot, 3)
    assert state["ran"] == 0
