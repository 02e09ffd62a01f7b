"""Opening a walk (MainWindow.open_walk): the walk and its protocol are read once, off the
GUI thread, while the window says "Opening the walk…" and offers nothing that could act
on the walk; then its workspace is built with only the page in front (the others when
first shown), and the keyboard focus moves into it as it did before. A walk asked for
while another is still being read is the one shown; going back, or the window shutting
down, drops a read under way; a walk that cannot be read is reported as before.

The screen tests' fixture lets `open_walk()` wait for the read (walkapp.ui.workers
OPEN_READ_MS); the tests of the opening state set it to 0, as walkapp runs.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import ScriptedAsker
from walkapp.protocol.library import builtin_protocol
from walkapp.services import Services
from walkapp.services.base import current_reads
from walkapp.services.protocol_walks import create_walk_from_protocol
from walkapp.ui import workers
from walkapp.ui.main_window import MainWindow
from walkapp.ui.screens.workspace import WalkWorkspace


def _walk(services: Services, title: str) -> str:
    walk = create_walk_from_protocol(services, builtin_protocol("learning-walk"), title,
                                     date(2026, 11, 3), visits=2)
    services.plan.add_participant(walk.id, "Ana")
    services.plan.add_participant(walk.id, "Ben")
    return walk.id


def _window(qtbot: Any, services: Services, qsettings: QSettings,
            asker: ScriptedAsker) -> MainWindow:
    window = MainWindow(services, qsettings, asker)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    QApplication.processEvents()  # the changes of making the walks, heard before opening
    return window


class WalkReads:
    """A spy on the walk service: each `get_walk` / `protocol_snapshot` that goes to the
    database (not one handed what was already read, within `same_reads()`), with the
    thread it ran on. A walk in `gated` is read only once `gate` is set (worker threads
    only: the GUI thread is never held)."""

    def __init__(self, services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
        self.walks: list[tuple[str, bool]] = []      # (walk id, on the GUI thread)
        self.protocols: list[tuple[str, bool]] = []
        self.gated: set[str] = set()
        self.gate = threading.Event()
        self.done = threading.Event()                # a read of a walk came back
        walks = services.walks
        monkeypatch.setattr(walks, "get_walk", self._spy(walks.get_walk, "walk", self.walks))
        monkeypatch.setattr(walks, "protocol_snapshot",
                            self._spy(walks.protocol_snapshot, "protocol_snapshot",
                                      self.protocols))

    def _spy(self, read: Callable[[str], Any], kind: str,
             seen: list[tuple[str, bool]]) -> Callable[[str], Any]:
        def spy(walk_id: str) -> Any:
            on_gui = threading.current_thread() is threading.main_thread()
            if walk_id in self.gated and not on_gui:
                assert self.gate.wait(10), "the test never let the read go on"
            shared = current_reads()
            if shared is None or not any(key[1:] == (kind, walk_id) for key in shared):
                seen.append((walk_id, on_gui))
            try:
                return read(walk_id)
            finally:
                self.done.set()
        return spy


def _opening(window: MainWindow) -> bool:
    from walkapp.ui.screens.opening import OpeningScreen

    return isinstance(window.stack.currentWidget(), OpeningScreen)


def test_opening_a_walk_reads_it_and_its_protocol_once_off_the_gui_thread(
        qtbot: Any, services: Services, qsettings: QSettings, asker: ScriptedAsker,
        monkeypatch: pytest.MonkeyPatch) -> None:
    walk_id = _walk(services, "Walk")
    window = _window(qtbot, services, qsettings, asker)
    reads = WalkReads(services, monkeypatch)
    window.library.open_requested.emit(walk_id)  # as a double-click in the list does
    workspace = window.workspace
    assert workspace is not None and workspace.walk_id == walk_id
    # Every page shown in turn: each is built from the walk read when it opened. (Not the
    # post-brief: its evidence wall loads the walk with the notes, in a read of its own
    # off the GUI thread, when it is first shown.)
    for key in [k for k in workspace.page_keys() if k != "post_brief"]:
        workspace.show_page(key)
        qtbot.waitUntil(lambda: workers.pending() == 0, timeout=10_000)
    assert reads.walks == [(walk_id, False)]
    assert reads.protocols == [(walk_id, False)]


def test_only_the_page_in_front_is_built_and_the_others_when_first_shown(
        qtbot: Any, services: Services, qsettings: QSettings, asker: ScriptedAsker) -> None:
    walk_id = _walk(services, "Walk")
    window = _window(qtbot, services, qsettings, asker)
    window.open_walk(walk_id)
    workspace = window.workspace
    assert workspace is not None
    assert list(workspace.built_pages()) == ["plan"]
    workspace.show_page("observation")
    assert list(workspace.built_pages()) == ["plan", "observation"]
    assert window.stack.currentWidget() is workspace


def test_while_the_walk_is_read_the_window_says_so_and_nothing_acts_on_it(
        qtbot: Any, services: Services, qsettings: QSettings, asker: ScriptedAsker,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "OPEN_READ_MS", 0)  # as walkapp runs
    walk_id = _walk(services, "Walk for maths")
    window = _window(qtbot, services, qsettings, asker)
    window.library.select_walk(walk_id)
    reads = WalkReads(services, monkeypatch)
    reads.gated.add(walk_id)
    shown: list[str] = []
    window.walk_shown.connect(shown.append)
    window.open_walk(walk_id)
    assert window.workspace is None and _opening(window)
    assert window.opening() == walk_id
    assert window.windowTitle() == "Learning walks"
    # Nothing that acts on a walk (or on the list's selection behind the screen)…
    assert not window.kit_action.isEnabled() and not window.save_notes_action.isEnabled()
    assert not any(action.isEnabled() for action, needs_walk in window._export_actions
                   if needs_walk)
    assert window._page_actions == []
    # …except going back, which stays possible.
    assert window.close_walk_action.isEnabled()
    # A read that takes long enough to be seen says what is happening.
    screen = window.stack.currentWidget()
    assert not screen.message.isVisible()
    qtbot.waitUntil(screen.message.isVisible, timeout=10_000)
    assert screen.message.text() == "Opening the walk…"
    reads.gate.set()
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    assert shown == [walk_id] and window.opening() is None
    assert window.stack.currentWidget() is window.workspace
    assert window.windowTitle() == "Walk for maths"
    assert window.kit_action.isEnabled() and len(window._page_actions) == 5


def test_the_focus_moves_into_the_walk_as_it_did(
        qtbot: Any, services: Services, qsettings: QSettings, asker: ScriptedAsker,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "OPEN_READ_MS", 0)
    walk_id = _walk(services, "Walk")
    window = _window(qtbot, services, qsettings, asker)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.library.selected_walk_id() is not None
                    or window.library.table.model().rowCount() > 0)
    window.library.table.setFocus()
    qtbot.waitUntil(window.library.table.hasFocus)
    window.open_walk(walk_id)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    # Where it went when the walk opened at once: the walk's first control, its way back.
    assert QApplication.focusWidget() is window.workspace.back_button


def test_a_walk_asked_for_while_another_is_read_is_the_one_shown(
        qtbot: Any, services: Services, qsettings: QSettings, asker: ScriptedAsker,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "OPEN_READ_MS", 0)
    first, second = _walk(services, "First walk"), _walk(services, "Second walk")
    window = _window(qtbot, services, qsettings, asker)
    reads = WalkReads(services, monkeypatch)
    reads.gated.add(first)
    window.open_walk(first)
    window.open_walk(second)  # the first is still being read
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    assert window.workspace.walk_id == second
    reads.gate.set()  # the first read comes back now, late: dropped
    qtbot.waitUntil(lambda: workers.pending() == 0, timeout=10_000)
    QApplication.processEvents()
    assert window.workspace is not None and window.workspace.walk_id == second
    assert window.windowTitle() == "Second walk"
    assert [w.walk_id for w in window.stack.findChildren(WalkWorkspace)
            if not w.is_closed()] == [second]


def test_going_back_while_the_walk_is_read_drops_it(
        qtbot: Any, services: Services, qsettings: QSettings, asker: ScriptedAsker,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "OPEN_READ_MS", 0)
    walk_id = _walk(services, "Walk")
    window = _window(qtbot, services, qsettings, asker)
    reads = WalkReads(services, monkeypatch)
    reads.gated.add(walk_id)
    window.open_walk(walk_id)
    assert _opening(window)
    window.stack.currentWidget().back_button.click()
    assert window.stack.currentWidget() is window.library and window.opening() is None
    reads.gate.set()
    qtbot.waitUntil(lambda: workers.pending() == 0, timeout=10_000)
    QApplication.processEvents()
    assert window.workspace is None and window.stack.currentWidget() is window.library


def test_shutting_down_drops_a_read_that_has_not_been_shown(
        qtbot: Any, services: Services, qsettings: QSettings, asker: ScriptedAsker,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "OPEN_READ_MS", 0)
    walk_id = _walk(services, "Walk")
    window = _window(qtbot, services, qsettings, asker)
    reads = WalkReads(services, monkeypatch)
    shown: list[str] = []
    window.walk_shown.connect(shown.append)
    window.open_walk(walk_id)
    # The read is done and its result waits in the GUI thread's queue (not taken in: no
    # event loop ran since) when the window shuts down.
    assert reads.done.wait(10)
    window.shutdown()
    QApplication.processEvents()
    assert shown == [] and window.workspace is None
    assert window.stack.findChildren(WalkWorkspace) == []


def test_a_walk_that_cannot_be_read_is_reported_and_the_list_shows(
        qtbot: Any, services: Services, qsettings: QSettings, asker: ScriptedAsker,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "OPEN_READ_MS", 0)
    walk_id = _walk(services, "Walk")
    window = _window(qtbot, services, qsettings, asker)
    services.walks.delete_walk(walk_id)  # e.g. from the Trash on another screen, just now
    window.open_walk(walk_id)
    qtbot.waitUntil(lambda: any(kind == "warn" for kind, _t, _m in asker.shown),
                    timeout=10_000)
    kind, title, _message = asker.shown[-1]
    assert (kind, title) == ("warn", "The walk could not be opened")
    assert window.workspace is None and window.stack.currentWidget() is window.library
    assert window.opening() is None and not window.close_walk_action.isEnabled()


def test_a_change_while_the_walk_is_read_is_shown_when_it_opens(
        qtbot: Any, services: Services, qsettings: QSettings, asker: ScriptedAsker,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "OPEN_READ_MS", 0)
    walk_id = _walk(services, "Walk")
    window = _window(qtbot, services, qsettings, asker)
    reads = WalkReads(services, monkeypatch)
    reads.gated.add(walk_id)
    window.open_walk(walk_id)
    services.walks.update_walk(walk_id, title="Walk for maths")  # e.g. an import, just now
    QApplication.processEvents()  # the change is heard while the walk is still read
    reads.gate.set()
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    assert window.workspace.title.text() == "Walk for maths"
    assert window.windowTitle() == "Walk for maths"


def test_a_walk_moved_to_the_trash_while_it_is_read_is_not_opened(
        qtbot: Any, services: Services, qsettings: QSettings, asker: ScriptedAsker,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "OPEN_READ_MS", 0)
    walk_id = _walk(services, "Walk")
    window = _window(qtbot, services, qsettings, asker)
    reads = WalkReads(services, monkeypatch)
    reads.gated.add(walk_id)
    window.open_walk(walk_id)
    services.walks.delete_walk(walk_id)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.library, timeout=10_000)
    reads.gate.set()
    qtbot.waitUntil(lambda: workers.pending() == 0, timeout=10_000)
    QApplication.processEvents()
    # As for a walk that is open when it goes to the Trash: the list shows, no message.
    assert window.workspace is None and window.opening() is None
    assert [kind for kind, _t, _m in asker.shown if kind == "warn"] == []
