"""Background tasks report results, errors and progress on the GUI thread."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication

from walkapp.ui.workers import Progress, run_in_background


def test_result_and_progress_arrive_on_the_gui_thread(qtbot) -> None:
    seen: dict[str, object] = {}
    gui = QApplication.instance().thread()  # type: ignore[union-attr]

    def work(progress: Progress) -> int:
        seen["worker"] = threading.get_ident()
        for i in range(3):
            progress(i + 1, 3, f"step {i + 1}")
        return 42

    steps: list[tuple[int, int, str]] = []

    def done(result: object) -> None:
        seen["result"] = result
        seen["on_gui"] = QThread.currentThread() is gui

    run_in_background(work, on_done=done,
                      on_progress=lambda a, b, m: steps.append((a, b, m)))
    qtbot.waitUntil(lambda: "result" in seen, timeout=5000)
    assert seen["result"] == 42 and seen["on_gui"] is True
    assert seen["worker"] != threading.get_ident()
    assert steps == [(1, 3, "step 1"), (2, 3, "step 2"), (3, 3, "step 3")]


def test_errors_are_delivered_not_swallowed(qtbot) -> None:
    errors: list[BaseException] = []

    def work(progress: Progress) -> None:
        raise ValueError("disk on fire")

    run_in_background(work, on_error=lambda e, details: errors.append(e))
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], ValueError) and "disk on fire" in str(errors[0])
