"""Only the GUI thread collects garbage, and only while no background work runs
(walkapp.ui.gc_policy): a worker thread that ran Python's collector once deleted a closed
page's widgets off the GUI thread and crashed the app."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QListView, QWidget

from walkapp.ui import gc_policy, workers


@pytest.fixture
def collections_seen() -> Iterator[list[int]]:
    """The thread of every collection that starts while the test runs."""
    seen: list[int] = []

    def note(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            seen.append(threading.get_ident())

    gc.callbacks.append(note)
    yield seen
    gc.callbacks.remove(note)


@pytest.fixture
def installed(qapp: Any) -> Iterator[None]:
    gc_policy.install(qapp)
    yield
    gc_policy.uninstall()
    gc_policy.hold()  # as tests/conftest.py left it for this test


def _page_in_a_cycle() -> None:
    """A closed page as the app leaves one: widgets held only by a reference cycle."""
    page = QWidget()
    page.view = QListView(page)  # type: ignore[attr-defined]
    page.me = page  # type: ignore[attr-defined]


def test_a_worker_that_allocates_never_collects_and_the_gui_thread_does_after(
        qtbot: Any, installed: None, collections_seen: list[int]) -> None:
    _page_in_a_cycle()
    kept: list[list[int]] = []

    def allocate(progress: Any) -> int:
        # Far past the young generation's threshold: Python's own collector would run
        # here, on this thread, and delete the page's widgets.
        for i in range(50_000):
            kept.append([i])
        return threading.get_ident()

    results: list[int] = []
    workers.run_in_background(allocate, on_done=results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=60_000)
    worker = results[0]
    gui = threading.get_ident()
    assert worker != gui
    qtbot.waitUntil(lambda: gui in collections_seen, timeout=60_000)
    assert worker not in collections_seen
    assert not gc.isenabled()


def test_no_collection_while_background_work_runs(
        qtbot: Any, installed: None, collections_seen: list[int]) -> None:
    started = threading.Event()
    release = threading.Event()
    kept = [[i] for i in range(5_000)]  # a collection is due
    assert gc_policy.due_generation() is not None

    def wait(progress: Any) -> bool:
        started.set()
        return release.wait(10)

    done: list[bool] = []
    workers.run_in_background(wait, on_done=done.append)
    assert started.wait(10)
    assert gc_policy.background_busy()
    assert gc_policy.collect_if_idle() is None
    assert gc_policy.collect_now() == 0  # the collection after a walk closes waits too
    assert collections_seen == []
    release.set()
    qtbot.waitUntil(lambda: bool(done), timeout=60_000)
    assert not gc_policy.background_busy()
    assert gc_policy.collect_if_idle(full=True) is not None
    assert collections_seen == [threading.get_ident()]
    del kept


def test_the_due_generation_follows_pythons_thresholds() -> None:
    gc.collect()
    assert gc_policy.due_generation() is None
    threshold = gc.get_threshold()[0]
    kept = [[i] for i in range(threshold + 100)]
    assert gc_policy.due_generation() == 0
    gc.collect(0)  # counts one young collection towards the middle generation
    assert gc.get_count()[1] >= 1
    del kept


def test_the_app_installs_the_policy_and_removes_it(qapp: Any) -> None:
    gc_policy.install(qapp)
    try:
        assert not gc.isenabled()
    finally:
        gc_policy.uninstall()
    assert gc.isenabled()
    gc_policy.hold()
