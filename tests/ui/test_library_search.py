"""Searching the walks library: each keystroke's query runs off the GUI thread and never
holds it; the newest search wins (an older result that comes back later is dropped); the
selection stays where it can; failures still say so; a closed library hears nothing; and
the table sizes its columns without asking every row."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest
from PySide6.QtCore import QObject, Signal

from tests.helpers.builders import make_walk
from walkapp import domain as d
from walkapp.errors import DatabaseLockedError
from walkapp.services import Services
from walkapp.ui import workers
from walkapp.ui.models.walks import WalksTableModel
from walkapp.ui.screens.walks_library import WalksLibrary


class _Waiting(QObject):
    held = Signal(str)


class Reads:
    """Stands in for `list_walks`: notes each search and its thread; a search named in
    `held` waits until `release(search)` (or fails when `timeout` passes)."""

    def __init__(self, read: Callable[..., Any], timeout: float = 30) -> None:
        self.read = read
        self.timeout = timeout
        self.calls: list[tuple[str, int]] = []
        self.held: dict[str, threading.Event] = {}
        self.waiting = _Waiting()  # `held(search)`: a held read has started waiting

    def hold(self, search: str) -> None:
        self.held[search] = threading.Event()

    def release(self, search: str) -> None:
        self.held[search].set()

    def __call__(self, search: str = "", **kwargs: Any) -> Any:
        self.calls.append((search, threading.get_ident()))
        gate = self.held.get(search)
        if gate is not None:
            self.waiting.held.emit(search)
        if gate is not None and not gate.wait(self.timeout):
            raise TimeoutError(f"the read of {search!r} was never released")
        return self.read(search, **kwargs)


@pytest.fixture
def walks(services: Services) -> dict[str, str]:
    return {title: make_walk(services, title, walkers=1, visits=1).id
            for title in ("Reading walk", "Maths walk", "Reading and maths")}


def _library(qtbot: Any, services: Services) -> WalksLibrary:
    library = WalksLibrary(services.walks, trash=services.trash,
                           conflicts=services.conflicts)
    qtbot.addWidget(library)
    library.resize(1000, 600)
    library.show()
    return library


def _titles(library: WalksLibrary) -> list[str]:
    return sorted(library.model.row_at(i).title  # type: ignore[union-attr]
                  for i in range(library.model.rowCount()))


def _searched(library: WalksLibrary, qtbot: Any, text: str) -> None:
    """Type `text` into the search box (after what is there) and let the search start."""
    qtbot.keyClicks(library.search, text)
    qtbot.waitUntil(lambda: not library._search_timer.isActive(), timeout=5_000)


def test_a_keystroke_never_waits_for_its_read(qtbot, services: Services, walks: dict[str, str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The read, once it has started, is released from the GUI thread's event loop: a
    library that waited for it there (up to QUICK_READ_MS, 10 s in the tests) would see it
    time out instead."""
    library = _library(qtbot, services)
    monkeypatch.setattr(workers, "FOLLOW_READ_MS", 0)
    reads = Reads(services.walks.list_walks, timeout=3)
    monkeypatch.setattr(services.walks, "list_walks", reads)
    reads.hold("maths")
    reads.waiting.held.connect(reads.release)  # queued: runs on the GUI thread
    _searched(library, qtbot, "maths")
    qtbot.waitUntil(lambda: _titles(library) == ["Maths walk", "Reading and maths"],
                    timeout=10_000)
    assert reads.calls and all(thread != threading.get_ident() for _, thread in reads.calls)
    assert not library.is_loading()


def test_an_older_result_that_comes_back_last_is_dropped(
        qtbot, services: Services, walks: dict[str, str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    library = _library(qtbot, services)
    monkeypatch.setattr(workers, "FOLLOW_READ_MS", 0)
    reads = Reads(services.walks.list_walks)
    monkeypatch.setattr(services.walks, "list_walks", reads)
    shown: list[list[str]] = []
    library.model.modelReset.connect(lambda: shown.append(_titles(library)))
    reads.hold("walk")
    _searched(library, qtbot, "walk")
    qtbot.waitUntil(lambda: any(search == "walk" for search, _ in reads.calls),
                    timeout=5_000)
    assert library.is_loading()
    _searched(library, qtbot, "s")          # "walks": nothing matches
    library.search.clear()
    _searched(library, qtbot, "maths")      # the newest
    reads.release("walk")                    # the oldest comes back last, or in between
    qtbot.waitUntil(lambda: not library.is_loading(), timeout=10_000)
    assert _titles(library) == ["Maths walk", "Reading and maths"]
    assert ["Maths walk", "Reading walk"] not in shown  # "walk"'s result never shown
    assert shown[-1] == ["Maths walk", "Reading and maths"]
    assert reads.calls[-1][0] == "maths"


def test_the_list_shows_the_last_search_and_keeps_the_selection(
        qtbot, services: Services, walks: dict[str, str]) -> None:
    library = _library(qtbot, services)
    library.select_walk(walks["Reading and maths"])
    _searched(library, qtbot, "read")
    qtbot.waitUntil(lambda: library.model.rowCount() == 2, timeout=10_000)
    assert library.selected_walk_id() == walks["Reading and maths"]
    _searched(library, qtbot, " wal")        # "read wal": words match as word starts
    qtbot.waitUntil(lambda: _titles(library) == ["Reading walk"], timeout=10_000)
    assert library.selected_walk_id() == walks["Reading walk"]  # the only one left
    library.search.clear()
    qtbot.waitUntil(lambda: library.model.rowCount() == 3, timeout=10_000)
    assert library.selected_walk_id() == walks["Reading walk"]


def test_a_search_that_fails_says_so(qtbot, services: Services, walks: dict[str, str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    library = _library(qtbot, services)
    real = services.walks.list_walks

    def locked(search: str = "", **kwargs: Any) -> Any:
        if search:
            raise DatabaseLockedError("Another program is using the database.")
        return real(search, **kwargs)

    monkeypatch.setattr(services.walks, "list_walks", locked)
    _searched(library, qtbot, "maths")
    qtbot.waitUntil(lambda: "could not be read" in library.empty.text(), timeout=10_000)
    assert "Another program is using the database." in library.empty.text()
    assert library.empty.isVisible() and not library.is_loading()
    monkeypatch.setattr(services.walks, "list_walks", real)
    library.search.clear()
    qtbot.waitUntil(lambda: library.model.rowCount() == 3 and library.table.isVisible(),
                    timeout=10_000)


def test_a_library_closed_while_searching_hears_nothing(
        qtbot, services: Services, walks: dict[str, str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    library = _library(qtbot, services)
    monkeypatch.setattr(workers, "FOLLOW_READ_MS", 0)
    reads = Reads(services.walks.list_walks)
    monkeypatch.setattr(services.walks, "list_walks", reads)
    reads.hold("maths")
    _searched(library, qtbot, "maths")
    qtbot.waitUntil(lambda: bool(reads.calls), timeout=5_000)  # under way, and held
    qtbot.keyClicks(library.search, "x")     # a keystroke whose timer is still to fire
    library.shutdown()
    assert not library._search_timer.isActive()
    shown: list[int] = []
    library.model.modelReset.connect(lambda: shown.append(library.model.rowCount()))
    reads.release("maths")
    qtbot.waitUntil(lambda: workers.pending() == 0, timeout=10_000)
    assert shown == [] and library.model.rowCount() == 3
    assert [s for s, _ in reads.calls] == ["maths"]


def _summary(n: int) -> d.WalkSummary:
    return d.WalkSummary(
        id=f"walk-{n:05}", title=f"Learning walk {n}", walk_date=date(2026, 1, 1),
        school="Hillside", protocol_id="learning-walk", status=d.WalkStatus.CLOSED,
        current_phase="closed", walker_count=6, visit_count=12, note_count=n,
        local_mode=d.LocalMode.FACILITATOR, updated_at=datetime(2026, 1, 1, tzinfo=UTC))


def test_the_columns_are_sized_without_asking_every_row(
        qtbot, services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ten thousand walks: sizing the columns looks at the heading and the first rows, not
    at every cell (which made 192,000 calls of `data()` at start-up)."""
    calls = [0]
    real = WalksTableModel.data

    def counted(self: WalksTableModel, *args: Any) -> Any:
        calls[0] += 1
        return real(self, *args)

    monkeypatch.setattr(WalksTableModel, "data", counted)
    library = _library(qtbot, services)
    rows = [_summary(n) for n in range(10_000)]
    calls[0] = 0
    library.model.set_rows(rows)
    library.table.horizontalHeader().resizeSections()
    library.repaint()
    # What is on screen (about 20 rows × 8 columns, a few roles each) and some rows more.
    assert calls[0] < 20_000, calls[0]


def test_a_long_list_shows_its_first_rows_then_the_rest_below(
        qtbot, services: Services, walks: dict[str, str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The first rows come first (a screenful at any size); the rest are added below them,
    not by a reset, and a selected walk among them stays selected."""
    from walkapp.ui.screens import walks_library

    monkeypatch.setattr(walks_library, "FIRST_ROWS", 2)
    for walk_id in walks.values():  # a word all three hold (the search finds word starts)
        services.walks.update_walk(walk_id, focus="Learning aloud")
    library = _library(qtbot, services)
    qtbot.waitUntil(lambda: library.model.rowCount() == 3 and not library.is_loading(),
                    timeout=10_000)
    last = library.model.row_at(2).id  # type: ignore[union-attr]
    library.select_walk(last)
    seen: list[str] = []
    library.model.modelReset.connect(lambda: seen.append(f"reset {library.model.rowCount()}"))
    library.model.rowsInserted.connect(
        lambda _parent, first, end: seen.append(f"added {first}-{end}"))
    _searched(library, qtbot, "learn")
    qtbot.waitUntil(lambda: not library.is_loading() and library.model.rowCount() == 3,
                    timeout=10_000)
    assert seen == ["reset 2", "added 2-2"]
    assert library.selected_walk_id() == last
    assert sorted(library.model.ids()) == sorted(walks.values())
