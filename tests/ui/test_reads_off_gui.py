"""Big reads happen off the GUI thread: the walks library and a walker's notes on the
Observation page show "Loading…" while a slow read runs, and the read's result when it is
in; a quick read (a small walk) shows at once, with no loading state at all."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QApplication

from tests.helpers.builders import make_walk
from walkapp.services import NoteDraft, Services
from walkapp.ui import workers
from walkapp.ui.screens.walks_library import WalksLibrary


class Gate:
    """Wraps a read so that it waits for `release()`, and notes which thread ran it."""

    def __init__(self, read):  # type: ignore[no-untyped-def]
        self.read = read
        self.opened = threading.Event()
        self.threads: list[int] = []

    def __call__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        self.threads.append(threading.get_ident())
        assert self.opened.wait(30)
        return self.read(*args, **kwargs)

    def release(self) -> None:
        self.opened.set()


def test_a_slow_library_read_shows_loading_then_the_walks(
        qtbot, services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    make_walk(services, "Spring walk", walkers=1, visits=1)
    monkeypatch.setattr(workers, "QUICK_READ_MS", 0)  # every read counts as slow
    gate = Gate(services.walks.list_walks)
    monkeypatch.setattr(services.walks, "list_walks", gate)
    library = WalksLibrary(services.walks, trash=services.trash)
    qtbot.addWidget(library)
    library.show()
    # The constructor came back while the read still waits: it is not on this thread.
    assert library.is_loading()
    assert library.empty.text() == "Loading the walks…" and library.empty.isVisible()
    assert library.model.rowCount() == 0
    gate.release()
    qtbot.waitUntil(lambda: not library.is_loading(), timeout=10_000)
    assert library.model.rowCount() == 1 and library.table.isVisible()
    assert gate.threads and threading.get_ident() not in gate.threads


def test_a_quick_library_read_shows_at_once(qtbot, services: Services,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    make_walk(services, "Spring walk", walkers=1, visits=1)
    readers: list[int] = []
    real = services.walks.list_walks

    def read(*args, **kwargs):  # type: ignore[no-untyped-def]
        readers.append(threading.get_ident())
        return real(*args, **kwargs)

    monkeypatch.setattr(services.walks, "list_walks", read)
    library = WalksLibrary(services.walks, trash=services.trash)
    qtbot.addWidget(library)
    assert not library.is_loading() and library.model.rowCount() == 1
    assert readers and threading.get_ident() not in readers


def test_while_loading_the_walks_shown_stay(qtbot, services: Services,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    make_walk(services, "Spring walk", walkers=1, visits=1)
    library = WalksLibrary(services.walks, trash=services.trash)
    qtbot.addWidget(library)
    library.show()
    assert library.model.rowCount() == 1
    make_walk(services, "Summer walk", walkers=1, visits=1)
    monkeypatch.setattr(workers, "QUICK_READ_MS", 0)
    gate = Gate(services.walks.list_walks)
    monkeypatch.setattr(services.walks, "list_walks", gate)
    library.refresh()
    assert library.is_loading() and library.model.rowCount() == 1  # no flash of empty
    assert library.table.isVisible()
    gate.release()
    qtbot.waitUntil(lambda: library.model.rowCount() == 2, timeout=10_000)


def test_a_library_closed_while_reading_hears_nothing(qtbot, services: Services,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    make_walk(services, "Spring walk", walkers=1, visits=1)
    monkeypatch.setattr(workers, "QUICK_READ_MS", 0)
    gate = Gate(services.walks.list_walks)
    monkeypatch.setattr(services.walks, "list_walks", gate)
    library = WalksLibrary(services.walks, trash=services.trash)
    qtbot.addWidget(library)
    library.shutdown()
    gate.release()
    qtbot.waitUntil(lambda: workers.pending() == 0, timeout=10_000)
    assert library.model.rowCount() == 0


def test_a_slow_read_of_the_notes_shows_loading_then_the_notes(
        qtbot, services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.ui.observe_helpers import FakeClock
    from walkapp.ui.screens.observation import ObservationScreen

    walk = make_walk(services, "Spring walk", walkers=1, visits=2)
    walker, visit = walk.walkers[0].id, walk.visits[0].id
    for text in ("Pairs compared methods", "A pause before answers"):
        services.notes.save_note(NoteDraft(walk.id, walker, text, visit_id=visit))
    monkeypatch.setattr(workers, "QUICK_READ_MS", 0)
    gate = Gate(services.notes.list_notes)
    monkeypatch.setattr(services.notes, "list_notes", gate)
    screen = ObservationScreen(services, walk.id, walker, clock=FakeClock())
    qtbot.addWidget(screen)
    screen.show()
    assert screen.is_loading()
    assert screen.notes_panel.title.text() == "Loading your notes…"
    assert screen.notes_panel.list.count() == 0
    gate.release()
    qtbot.waitUntil(lambda: not screen.is_loading(), timeout=10_000)
    assert screen.notes_panel.list.count() == 2
    assert screen.notes_panel.title.text() == "Your notes in Visit 1"
    assert "2 notes" in screen.visits_list.item(0).text()
    assert gate.threads and threading.get_ident() not in gate.threads
    screen.shutdown()


def test_a_quick_read_of_the_notes_shows_them_at_once(qtbot, services: Services) -> None:
    from tests.ui.observe_helpers import FakeClock
    from walkapp.ui.screens.observation import ObservationScreen

    walk = make_walk(services, "Spring walk", walkers=1, visits=1)
    walker, visit = walk.walkers[0].id, walk.visits[0].id
    services.notes.save_note(NoteDraft(walk.id, walker, "Pairs compared", visit_id=visit))
    screen = ObservationScreen(services, walk.id, walker, clock=FakeClock())
    qtbot.addWidget(screen)
    assert not screen.is_loading() and screen.notes_panel.list.count() == 1
    screen.shutdown()


def test_opening_a_walk_reads_it_once_for_all_its_pages(
        qtbot, services: Services, qsettings, asker,  # type: ignore[no-untyped-def]
        monkeypatch: pytest.MonkeyPatch) -> None:
    from walkapp.services import walks as walk_service
    from walkapp.ui.main_window import MainWindow

    walk = make_walk(services, "Spring walk", walkers=3, visits=2)
    window = MainWindow(services, qsettings, asker)
    qtbot.addWidget(window)
    loads: list[str] = []
    real = walk_service.load_walk

    def load(session, walk_id):  # type: ignore[no-untyped-def]
        loads.append(walk_id)
        return real(session, walk_id)

    monkeypatch.setattr(walk_service, "load_walk", load)
    window.open_walk(walk.id)  # the workspace and its first page, each reading the walk
    assert window.workspace is not None
    assert loads == [walk.id]
    loads.clear()
    # A page built later, with nothing changed since, uses the walk read at opening; after
    # a change it reads the walk again, once.
    observation = window.workspace.page("observation")
    # Its note-taker comes a turn later (a short opening turn); it too reads nothing new.
    assert getattr(observation, "notes", "missing") is None
    qtbot.waitUntil(lambda: getattr(observation, "notes", None) is not None)
    assert loads == []
    services.walks.update_walk(walk.id, title="Spring walk for maths")
    QApplication.processEvents()  # the change reaches the window
    loads.clear()
    window.workspace.page("reports")
    window.workspace.page("post_brief")
    assert loads == [walk.id]
