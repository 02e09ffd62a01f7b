"""Fixtures and helpers of the "back where you were" tests (walkapp.ui.resume).

A "crash" here is a window that is simply left behind once its position was written:
nothing of a clean end runs. Time is fake: the services' clock (UTC) and the countdowns'
monotonic clock move together, by the test only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QSettings

from tests.helpers.fake_clock import FakeClock
from tests.ui.conftest import ScriptedAsker
from walkapp.config import Settings
from walkapp.protocol.library import builtin_protocol
from walkapp.services import Services
from walkapp.services.protocol_walks import create_walk_from_protocol
from walkapp.services.resume import PositionStore
from walkapp.storage.db import Database
from walkapp.ui.main_window import MainWindow
from walkapp.ui.resume import ResumeKeeper
from walkapp.ui.screens.observation import ObservationScreen
from walkapp.ui.screens.observe_page import ObservationPage
from walkapp.ui.widgets import countdown


class Clocks:
    """The services' "now" and the countdowns' monotonic seconds, moved together."""

    def __init__(self) -> None:
        self.wall = FakeClock()
        self.seconds = 10_000.0

    def monotonic(self) -> float:
        return self.seconds

    def advance(self, seconds: float) -> None:
        self.wall.advance(seconds=seconds)
        self.seconds += seconds


@pytest.fixture
def clocks(monkeypatch: pytest.MonkeyPatch) -> Clocks:
    clocks = Clocks()
    monkeypatch.setattr(countdown, "time", SimpleNamespace(monotonic=clocks.monotonic))
    return clocks


@pytest.fixture
def services(settings: Settings, clocks: Clocks) -> Iterator[Services]:
    opened = Services.create(Database(settings).open(), clock=clocks.wall)
    yield opened
    opened.close()


@dataclass
class Walk:
    id: str
    visits: list[str]
    people: list[str]  # participant ids, in the order the observation page lists them


@pytest.fixture
def walk(services: Services) -> Walk:
    made = create_walk_from_protocol(services, builtin_protocol("learning-walk"), "Walk",
                                     date(2026, 11, 3), visits=3)
    services.walks.update_walk(made.id, corridor_minutes=2)
    people = [services.plan.add_participant(made.id, name).id for name in ("Ana", "Ben")]
    visits = [v.id for v in services.walks.get_walk(made.id).visits]
    return Walk(made.id, visits, people)


Launch = Callable[[], tuple[MainWindow, ResumeKeeper]]


@pytest.fixture
def launch(qtbot, services: Services, qsettings: QSettings, asker: ScriptedAsker,
           settings: Settings) -> Launch:
    """Start the window as the app does: build it, put it back where it was, show it."""
    def start() -> tuple[MainWindow, ResumeKeeper]:
        window = MainWindow(services, qsettings, asker)
        qtbot.addWidget(window)
        keeper = ResumeKeeper(window, services,
                              PositionStore.for_database(settings.data_dir, services.db))
        keeper.restore()
        window.show()
        return window, keeper
    return start


def crash(qtbot, keeper: ResumeKeeper) -> None:
    """Wait until the position is on disk, then stop this window's keeper for good, as a
    kill -9 would (nothing more is written)."""
    qtbot.waitUntil(keeper.idle, timeout=5000)
    keeper.shutdown()


def store(settings: Settings, services: Services) -> PositionStore:
    return PositionStore.for_database(settings.data_dir, services.db)


def observation(window: MainWindow) -> tuple[ObservationPage, ObservationScreen]:
    assert window.workspace is not None
    page = window.workspace.page("observation")
    assert isinstance(page, ObservationPage) and page.observation is not None
    return page, page.observation


def on_library(window: MainWindow) -> bool:
    return window.workspace is None and window.stack.currentWidget() is window.library
