"""Fixtures for the post-brief screens: a walk with notes, the workspace, waiting helpers."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from tests.helpers.builders import make_walk
from tests.ui.conftest import ScriptedAsker
from walkapp import domain as d
from walkapp.services import NoteDraft, Services
from walkapp.ui.bridge import ChangeBridge
from walkapp.ui.screens.postbrief.base import Panel
from walkapp.ui.screens.postbrief.workspace import PostBriefWorkspace


def add_note(services: Services, walk: d.Walk, *, walker: int = 0, visit: int | None = 0,
             stem: d.Stem = d.Stem.NOTICED, tags: tuple[int, ...] = (),
             text: str = "A note") -> d.Note:
    return services.notes.save_note(NoteDraft(
        walk_id=walk.id, author_id=walk.walkers[walker].id, text=text, stem=stem,
        visit_id=walk.visits[visit].id if visit is not None else None,
        look_for_ids=tuple(walk.look_fors[t].id for t in tags)))


def wait_loaded(qtbot, panel: Panel, after: int = 0, timeout: int = 5000) -> None:
    """Wait until `panel` has finished a load that started after it had `after` loads."""
    qtbot.waitUntil(lambda: panel.refresh_count > after and not panel.is_loading(),
                    timeout=timeout)


def settle(qtbot, panel: QWidget, timeout: int = 5000) -> None:
    """Wait until the writes `panel` asked for are committed (they run on the writer's
    thread) and their results are on screen."""
    writer = panel.writer
    qtbot.waitUntil(writer.is_idle, timeout=timeout)


def type_text(widget: QWidget, text: str) -> None:
    """Type any text, one character at a time (keyClicks aborts on most non-ASCII)."""
    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch,
                           Qt.KeyboardModifier.NoModifier)


@pytest.fixture
def walk(services: Services) -> d.Walk:
    return make_walk(services, "Post-brief walk", walkers=3, visits=3,
                     look_fors=("Student talk", "Open questions", "Wait time"))


@pytest.fixture
def bridge(qtbot, services: Services) -> Iterator[ChangeBridge]:
    made = ChangeBridge(services.bus)
    yield made
    made.detach()


@pytest.fixture
def open_workspace(qtbot, services: Services, bridge: ChangeBridge, asker: ScriptedAsker
                   ) -> Callable[[str], PostBriefWorkspace]:
    def make(walk_id: str) -> PostBriefWorkspace:
        workspace = PostBriefWorkspace(services, walk_id, asker)
        bridge.changed.connect(workspace.on_change)  # the test is the workspace's parent
        qtbot.addWidget(workspace)
        workspace.resize(1366, 700)
        workspace.show()
        return workspace

    return make
