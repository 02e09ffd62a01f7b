"""The Trash in the app: Undo after a delete (inline and Edit → Undo delete), the Trash view
(restore, delete now, empty, with confirmation through the Asker) and expiry at start-up."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import QSettings, Qt

from tests.helpers.builders import make_walk
from tests.helpers.fake_clock import START, FakeClock
from tests.ui.conftest import ScriptedAsker
from walkapp.config import Settings
from walkapp.formatting import short_date
from walkapp.services import NoteDraft, Services
from walkapp.storage.db import Database
from walkapp.ui.main_window import MainWindow

MARKER = "Axolotl-quill-9034 private remark"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def services(settings: Settings, clock: FakeClock) -> Iterator[Services]:
    opened = Services.create(Database(settings).open(), clock=clock)
    yield opened
    opened.close()


@pytest.fixture
def window(qtbot, services: Services, qsettings: QSettings,
           asker: ScriptedAsker) -> Iterator[MainWindow]:
    main = MainWindow(services, qsettings, asker)
    qtbot.addWidget(main)
    main.show()
    yield main
    main.shutdown_background_work()


def _library_titles(window: MainWindow) -> list[str]:
    model = window.library.model
    return [model.row_at(i).title for i in range(model.rowCount())]  # type: ignore[union-attr]


def test_delete_offers_undo_that_brings_back_that_walk_only(
        qtbot, window: MainWindow, services: Services, asker: ScriptedAsker) -> None:
    gone = make_walk(services, "Gone walk")
    services.notes.save_note(NoteDraft(walk_id=gone.id, author_id=None, text=MARKER))
    make_walk(services, "Kept walk")
    window.library.refresh()
    window.library.select_walk(gone.id)
    asker.answers.append(True)
    qtbot.mouseClick(window.library.delete_button, Qt.MouseButton.LeftButton)

    confirm = [s for s in asker.shown if s[0] == "confirm"][-1]
    assert "Trash" in confirm[2] and "30 days" in confirm[2]
    qtbot.waitUntil(lambda: _library_titles(window) == ["Kept walk"], timeout=3000)
    bar = window.library.undo_bar
    # The list follows the change event; the bar follows the writer's result, a moment
    # later (both on the GUI thread, in either order).
    qtbot.waitUntil(bar.isVisible, timeout=3000)
    assert "moved to the Trash" in window.library.undo_label.text()
    assert "Gone walk" in window.library.undo_label.text()
    assert window.undo_delete_action.isEnabled()
    assert "Trash (1)" in window.library.trash_button.text()
    # Something else changes meanwhile; Undo must not touch it.
    services.walks.update_walk(services.walks.find_walk("Kept").id, title="Kept, renamed")

    qtbot.mouseClick(window.library.undo_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: sorted(_library_titles(window)) == ["Gone walk", "Kept, renamed"],
                    timeout=3000)
    assert not bar.isVisible() and not window.undo_delete_action.isEnabled()
    assert [n.text for n in services.notes.list_notes(gone.id)] == [MARKER]
    assert services.trash.list_trash() == []
    assert window.library.trash_button.text() == "Trash"


def test_edit_menu_undo_delete(qtbot, window: MainWindow, services: Services,
                               asker: ScriptedAsker) -> None:
    walk = make_walk(services, "Menu walk")
    window.library.refresh()
    assert not window.undo_delete_action.isEnabled()
    asker.answers.append(True)
    window.delete_walk(walk.id)
    qtbot.waitUntil(window.writer.is_idle, timeout=5000)
    assert services.walks.list_walks() == []
    assert window.undo_delete_action in window.edit_menu.actions()
    window.undo_delete_action.trigger()
    qtbot.waitUntil(window.writer.is_idle, timeout=5000)
    assert [w.title for w in services.walks.list_walks()] == ["Menu walk"]
    qtbot.waitUntil(lambda: _library_titles(window) == ["Menu walk"], timeout=3000)


def test_cancelled_delete_keeps_the_walk(window: MainWindow, services: Services,
                                         asker: ScriptedAsker) -> None:
    walk = make_walk(services, "Stays")
    asker.answers.append(False)
    window.delete_walk(walk.id)
    assert [w.title for w in services.walks.list_walks()] == ["Stays"]
    assert services.trash.list_trash() == []
    assert not window.library.undo_bar.isVisible()


def test_trash_view_restore_delete_now_and_empty(qtbot, window: MainWindow, services: Services,
                                                 asker: ScriptedAsker) -> None:
    walks = [make_walk(services, title) for title in ("One", "Two", "Three")]
    services.notes.save_note(NoteDraft(walk_id=walks[1].id, author_id=None, text=MARKER))
    for walk in walks:
        services.walks.delete_walk(walk.id)
    window.library.refresh()
    qtbot.mouseClick(window.library.trash_button, Qt.MouseButton.LeftButton)
    view = window.trash_view
    assert window.stack.currentWidget() is view
    assert view.model.rowCount() == 3
    expires = short_date((START + timedelta(days=30)).astimezone().date())
    assert all(expires in view.model.row_text(i) for i in range(3))

    view.select_walk(walks[0].id)
    qtbot.mouseClick(view.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=5000)
    assert [w.title for w in services.walks.list_walks()] == ["One"]

    view.select_walk(walks[1].id)
    asker.answers.append(False)
    qtbot.mouseClick(view.delete_now_button, Qt.MouseButton.LeftButton)
    assert view.model.rowCount() == 2  # cancelled: nothing removed
    asker.answers.append(True)
    qtbot.mouseClick(view.delete_now_button, Qt.MouseButton.LeftButton)
    question = [s for s in asker.shown if s[0] == "confirm"][-1]
    assert "Two" in question[2] and "cannot be undone" in question[2]
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=10000)
    qtbot.waitUntil(lambda: view.is_idle(), timeout=10000)
    assert "removed for good" in view.message.text()
    assert services.db.path is not None
    assert MARKER.encode() not in services.db.path.read_bytes()

    asker.answers.append(True)
    qtbot.mouseClick(view.empty_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.model.rowCount() == 0, timeout=10000)
    qtbot.waitUntil(lambda: view.is_idle(), timeout=10000)
    assert not view.empty_button.isEnabled()
    assert services.trash.list_trash() == []
    qtbot.mouseClick(view.back_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.library
    assert _library_titles(window) == ["One"]


def test_trash_is_reachable_from_the_go_menu(window: MainWindow) -> None:
    window.trash_action.trigger()
    assert window.stack.currentWidget() is window.trash_view
    assert window.trash_view.empty_state.isVisible()
    window.library_action.trigger()
    assert window.stack.currentWidget() is window.library


def test_expiry_at_start_up_removes_walks_older_than_30_days(
        qtbot, window: MainWindow, services: Services, clock: FakeClock) -> None:
    old = make_walk(services, "Old")
    young = make_walk(services, "Young")
    services.walks.delete_walk(old.id)
    clock.now += timedelta(days=20)
    services.walks.delete_walk(young.id)
    clock.now += timedelta(days=11)

    window.expire_trash()

    qtbot.waitUntil(lambda: window.trash_view.is_idle(), timeout=10000)
    assert [t.title for t in services.trash.list_trash()] == ["Young"]
    assert "30 days" in window.statusBar().currentMessage()


def test_the_trash_screen_is_built_when_first_shown_and_the_expiry_needs_none(
        qtbot, window: MainWindow, services: Services, clock: FakeClock) -> None:
    from walkapp.ui.screens.trash import TrashView

    old = make_walk(services, "Old")
    services.walks.delete_walk(old.id)
    clock.now += timedelta(days=31)
    assert window.stack.findChildren(TrashView) == []

    window.expire_trash()
    qtbot.waitUntil(lambda: window.trash.removal.is_idle(), timeout=10000)
    assert services.trash.list_trash() == []
    assert "30 days" in window.statusBar().currentMessage()
    assert window.stack.findChildren(TrashView) == []  # still not built

    window.show_trash()
    assert window.stack.currentWidget() is window.trash_view
    assert window.trash_view.empty_state.isVisible()


def test_a_removal_that_fails_says_so_and_removes_nothing(
        qtbot, window: MainWindow, services: Services, asker: ScriptedAsker,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from walkapp.errors import DiskFullError

    walk = make_walk(services, "Stays in the Trash")
    services.walks.delete_walk(walk.id)
    window.show_trash()
    view = window.trash_view

    def full(*_: object, **__: object) -> object:
        raise DiskFullError("The disk is full, so no backup was made. Free some space.")

    monkeypatch.setattr(services.trash, "empty", full)
    asker.answers.append(True)
    qtbot.mouseClick(view.empty_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.is_idle(), timeout=10000)
    assert ("warn", "Nothing was removed",
            "The disk is full, so no backup was made. Free some space.") in asker.shown
    assert "disk is full" in view.message.text()
    assert view.model.rowCount() == 1 and view.empty_button.isEnabled()
