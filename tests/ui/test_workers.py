"""Background tasks report results, errors and progress on the GUI thread."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import QObject, QThread, QThreadPool
from PySide6.QtWidgets import QApplication

from walkapp.ui.workers import (
    Progress,
    cancel_owned_by,
    pending,
    run_in_background,
    wait_for_background,
)


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


def test_a_cancelled_owner_never_hears_back(qtbot) -> None:
    """A closed screen's load: one still running has its result dropped; one not started
    yet never runs (so neither reaches a database that is closed next)."""
    owner = QObject()
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    started, release = threading.Event(), threading.Event()
    ran: list[str] = []
    delivered: list[object] = []

    def first(progress: Progress) -> str:
        started.set()
        release.wait(10)
        ran.append("first")
        return "first"

    def second(progress: Progress) -> str:
        ran.append("second")
        return "second"

    run_in_background(first, on_done=delivered.append, on_error=lambda *e: delivered.append(e),
                      pool=pool, owner=owner)
    run_in_background(second, on_done=delivered.append, pool=pool, owner=owner)
    other = run_in_background(lambda progress: "other", on_done=delivered.append, pool=pool)
    assert started.wait(10)  # the first runs; the second waits for the only thread
    cancel_owned_by(owner)
    assert pending() == 2  # the first (still running) and the other owner's task
    release.set()
    qtbot.waitUntil(lambda: pending() == 0, timeout=5000)
    assert ran == ["first"] and delivered == ["other"]
    assert not other.cancelled


def test_results_for_a_deleted_owner_are_dropped(qtbot) -> None:
    owner = QObject()
    release = threading.Event()
    delivered: list[object] = []
    run_in_background(lambda progress: release.wait(10), on_done=delivered.append,
                      owner=owner)
    shiboken6.delete(owner)
    release.set()
    qtbot.waitUntil(lambda: pending() == 0, timeout=5000)
    assert delivered == []


def test_waiting_for_background_work_takes_in_its_results(qtbot) -> None:
    release = threading.Event()
    delivered: list[object] = []
    run_in_background(lambda progress: release.wait(10) and "done", on_done=delivered.append)
    release.set()
    assert wait_for_background(10_000) is True
    # Delivered before it returned, not in some later turn of the event loop.
    assert delivered == ["done"] and pending() == 0
