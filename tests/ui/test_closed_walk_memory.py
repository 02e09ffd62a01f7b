"""Nothing of a closed walk stays in memory, and the garbage collector's policy
(walkapp.ui.gc_policy) freezes only what start-up made.

Memory must not grow as walks are opened and closed all day: `make bench` measures the
resident memory over repeated opening and closing of a walk of 1,080 notes; these tests
check the two references that used to keep every closed walk's pages alive.
"""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings

from tests.helpers.builders import make_walk
from tests.ui.conftest import ScriptedAsker
from walkapp.services import Services
from walkapp.ui import gc_policy, workers
from walkapp.ui.main_window import MainWindow


class _Held:
    """Something a background task's callbacks refer to (weakly referable)."""


def _deleted_and_collected() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def test_a_finished_task_lets_go_of_its_work_and_callbacks(qtbot) -> None:
    """Qt's thread pool keeps every task it ran; a spent task keeps nothing it was given."""
    held, owner = _Held(), QObject()
    seen: list[object] = []

    def work(_progress: workers.Progress, h: _Held = held) -> int:
        return id(h)

    def done(result: object, h: _Held = held) -> None:
        seen.append((result, h))

    workers.run_in_background(work, on_done=done, owner=owner)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    gone = weakref.ref(held)
    del held, work, done
    seen.clear()
    _deleted_and_collected()
    assert gone() is None


def test_a_closed_walk_is_not_kept(qtbot, services: Services, qsettings: QSettings,
                                   asker: ScriptedAsker) -> None:
    """After a walk is closed (its Go menu's page actions too), its workspace and pages
    are freed: the window keeps nothing that refers to them."""
    walk = make_walk(services, "Reading walk", walkers=2, visits=2)
    window = MainWindow(services, qsettings, asker)
    qtbot.addWidget(window)
    window.show()
    window.open_walk(walk.id)
    workspace = window.workspace
    assert workspace is not None
    workspace.show_page("observation")
    qtbot.waitUntil(lambda: workers.pending() == 0, timeout=5000)
    gone = weakref.ref(workspace)
    page = weakref.ref(workspace.page("observation"))
    del workspace
    window.show_library()
    qtbot.waitUntil(lambda: workers.pending() == 0, timeout=5000)
    _deleted_and_collected()
    assert gone() is None and page() is None


@pytest.fixture
def policy() -> Iterator[None]:
    yield
    gc_policy.stop()


def test_start_up_objects_are_frozen_and_a_closed_walk_is_collected(
        qtbot, services: Services, qsettings: QSettings, asker: ScriptedAsker,
        policy: None, monkeypatch: pytest.MonkeyPatch) -> None:
    window = MainWindow(services, qsettings, asker)
    qtbot.addWidget(window)
    gc_policy.started()
    assert gc_policy.is_started() and gc.get_freeze_count() > 0
    frozen = gc.get_freeze_count()
    collections: list[int] = []
    monkeypatch.setattr(gc_policy, "collect_now", lambda: collections.append(1) or 0)
    walk = make_walk(services, "Reading walk")
    window.show()
    window.open_walk(walk.id)
    window.show_library()
    qtbot.waitUntil(lambda: bool(collections), timeout=5000)
    # What the walk made was never frozen (it becomes garbage when the walk closes).
    assert gc.get_freeze_count() <= frozen


def test_without_the_policy_closing_a_walk_collects_nothing(
        qtbot, services: Services, qsettings: QSettings, asker: ScriptedAsker,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests build many windows and never start the policy: no collection is scheduled."""
    assert not gc_policy.is_started()
    scheduled: list[int] = []

    class Timer:  # stands in for QTimer in gc_policy only
        @staticmethod
        def singleShot(*_args: object) -> None:
            scheduled.append(1)

    monkeypatch.setattr(gc_policy, "QTimer", Timer)
    window = MainWindow(services, qsettings, asker)
    qtbot.addWidget(window)
    walk = make_walk(services, "Reading walk")
    window.open_walk(walk.id)
    window.show_library()
    assert scheduled == []


def test_start_up_does_not_walk_every_object_before_the_window_shows(
        policy: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """A full collection at start-up walked ~120,000 long-lived objects (0.1–0.2 s) to find
    about ten unreachable ones: only the young generations are collected."""
    generations: list[int] = []
    real = gc.collect
    monkeypatch.setattr(gc, "collect", lambda generation=2: generations.append(generation)
                        or real(generation))
    gc_policy.started()
    assert generations == [1] and gc.get_freeze_count() > 0
