"""Opening a walk kit opens the walk: whichever way the walker opens a `.walkkit` (File →
Open a walk kit, dropped on the window, named on walkapp's command line — what a
double-click on the file runs — or the walk double-clicked in the list afterwards), the app
goes straight into that walk's walker screen, not back to the list of walks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QSettings, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtTest import QTest

from tests.helpers.builders import make_walk
from tests.ui.conftest import ScriptedAsker
from walkapp import domain as d
from walkapp.bundles import BundleService
from walkapp.config import resolve_settings
from walkapp.services import Services, open_services
from walkapp.ui.main_window import MainWindow
from walkapp.ui.screens.walker_home import WalkerHome


@pytest.fixture
def laptop(tmp_path: Path) -> Iterator[Services]:
    """The walker's laptop: its own data folder."""
    services = open_services(resolve_settings(tmp_path / "walker-laptop"))
    yield services
    services.close()


def write_kit(services: Services, walk: d.Walk, path: Path, walker: int = 1) -> Path:
    return BundleService(services.db, services.bus).write_kit(walk.id, path,
                                                              walk.walkers[walker].id)


def window_on(qtbot, services: Services, tmp_path: Path, asker: ScriptedAsker) -> MainWindow:
    window = MainWindow(services, QSettings(str(tmp_path / "walker.ini"),
                                            QSettings.Format.IniFormat), asker)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


def on_walker_screen(window: MainWindow, walk_id: str) -> bool:
    workspace = window.workspace
    return (workspace is not None and workspace.walk_id == walk_id
            and window.stack.currentWidget() is workspace
            and isinstance(workspace.page("walker"), WalkerHome)
            and window.walker_mode)


@pytest.fixture
def kit(services: Services, tmp_path: Path) -> tuple[d.Walk, Path]:
    walk = make_walk(services, "Spring walk", walkers=2)
    return walk, write_kit(services, walk, tmp_path / "spring.walkkit")


def test_open_from_the_menu_goes_to_the_walkers_screen(
        qtbot, laptop: Services, tmp_path: Path, kit: tuple[d.Walk, Path]) -> None:
    walk, path = kit
    asker = ScriptedAsker()
    asker.files_to_open.append([str(path)])
    window = window_on(qtbot, laptop, tmp_path, asker)
    window.open_kit_action.trigger()
    qtbot.waitUntil(lambda: on_walker_screen(window, walk.id), timeout=10_000)
    # No dialog to get past first: the window says it beside the walk.
    assert [kind for kind, _title, _text in asker.shown] == ["open_files"]
    assert window.statusBar().currentMessage() == (
        f"“{walk.title}” is ready on this laptop for {walk.walkers[1].display_name}.")


def test_a_kit_dropped_on_the_window_opens_its_walk(
        qtbot, laptop: Services, tmp_path: Path, kit: tuple[d.Walk, Path]) -> None:
    walk, path = kit
    window = window_on(qtbot, laptop, tmp_path, ScriptedAsker())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    window.dropEvent(QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                                Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))
    qtbot.waitUntil(lambda: on_walker_screen(window, walk.id), timeout=10_000)


def test_a_kit_named_on_the_command_line_replaces_the_walk_that_was_open(
        qtbot, laptop: Services, services: Services, tmp_path: Path,
        kit: tuple[d.Walk, Path]) -> None:
    walk, path = kit
    other = make_walk(services, "Autumn walk", walkers=2)
    other_kit = write_kit(services, other, tmp_path / "autumn.walkkit")
    BundleService(laptop.db, laptop.bus).open_kit(other_kit)
    window = window_on(qtbot, laptop, tmp_path, ScriptedAsker())
    window.open_walk(other.id)
    qtbot.waitUntil(lambda: on_walker_screen(window, other.id), timeout=10_000)
    window.files.open_files([str(path)])  # what walkapp FILE.walkkit does once it is up
    qtbot.waitUntil(lambda: on_walker_screen(window, walk.id), timeout=10_000)


def test_opening_a_newer_kit_of_the_open_walk_stays_in_it(
        qtbot, laptop: Services, services: Services, tmp_path: Path,
        kit: tuple[d.Walk, Path]) -> None:
    walk, path = kit
    window = window_on(qtbot, laptop, tmp_path, ScriptedAsker())
    window.files.open_files([str(path)])
    qtbot.waitUntil(lambda: on_walker_screen(window, walk.id), timeout=10_000)
    services.plan.add_visit(walk.id)  # the facilitator adds a visit, sends a new kit
    newer = write_kit(services, walk, tmp_path / "spring-2.walkkit")
    first = window.workspace
    window.files.open_files([str(newer)])
    qtbot.waitUntil(lambda: on_walker_screen(window, walk.id)
                    and window.workspace is not first, timeout=10_000)
    home = window.workspace.page("walker")  # type: ignore[union-attr]
    assert isinstance(home, WalkerHome) and len(home.walk.visits) == len(walk.visits) + 1


def test_the_kits_walk_double_clicked_in_the_list_opens_the_walkers_screen(
        qtbot, laptop: Services, tmp_path: Path, kit: tuple[d.Walk, Path]) -> None:
    walk, path = kit
    BundleService(laptop.db, laptop.bus).open_kit(path)
    window = window_on(qtbot, laptop, tmp_path, ScriptedAsker())
    table = window.library.table
    qtbot.waitUntil(lambda: table.model().rowCount() == 1, timeout=10_000)
    index = table.model().index(0, 1)
    rect = table.visualRect(index)
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: on_walker_screen(window, walk.id), timeout=10_000)


def test_a_broken_kit_on_the_command_line_says_why_and_stays_on_the_list(
        qtbot, laptop: Services, tmp_path: Path) -> None:
    broken = tmp_path / "broken.walkkit"
    broken.write_bytes(b"not a walk kit at all")
    asker = ScriptedAsker()
    window = window_on(qtbot, laptop, tmp_path, asker)
    window.files.open_files([str(broken)])
    assert [kind for kind, _title, _text in asker.shown] == ["error"]
    assert window.workspace is None and window.stack.currentWidget() is window.library
    assert broken.read_bytes() == b"not a walk kit at all"  # the file is left as it was
