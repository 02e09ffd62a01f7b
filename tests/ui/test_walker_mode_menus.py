"""Walker mode shows only what a walker does: while a walker's walk is open, the menus hold
the actions walkapp.ui.walker_mode lists (and the window's own) and nothing of the
facilitator's work; their shortcuts do nothing either. The walker home's sections follow
the same list. Back on the list of walks, or on a facilitator's walk, every action is there.
Expected actions come from the list, not typed here."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMenu

from tests.helpers.builders import make_walk
from tests.ui.conftest import ScriptedAsker
from walkapp.reports import REPORTS
from walkapp.services import Services
from walkapp.ui.main_window import MainWindow
from walkapp.ui.screens.walker_home import WalkerHome
from walkapp.ui.walker_mode import (
    WALKER_TASKS,
    walker_actions,
    walker_reports,
    walker_sections,
)


def shown_actions(menu: QMenu) -> list[QAction]:
    """Every action a user can see (and reach) under `menu`, submenus included."""
    found: list[QAction] = []
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        sub = action.menu()
        if isinstance(sub, QMenu):
            found += shown_actions(sub)
        else:
            found.append(action)
    return found


def menu_bar_actions(window: MainWindow) -> list[QAction]:
    found: list[QAction] = []
    for top in window.menuBar().actions():
        menu = top.menu()
        if top.isVisible() and isinstance(menu, QMenu):
            found += shown_actions(menu)
    return found


def protocols_menu_shown(window: MainWindow) -> bool:
    return any(top.isVisible() and top.text() == "&Protocols"
               for top in window.menuBar().actions())


def expected_for_walker(window: MainWindow) -> set[QAction]:
    allowed = {getattr(window, name) for name in walker_actions() if hasattr(window, name)}
    kinds = walker_reports()
    allowed |= {a for a, kind in window._export_kinds.items() if kind in kinds}
    return allowed | set(window._page_actions)


def open_walker_walk(qtbot, services: Services, qsettings: QSettings,
                     asker: ScriptedAsker) -> tuple[MainWindow, str]:
    walk = make_walk(services, "Walker's walk", walkers=3)
    services.walks.update_walk(walk.id, local_mode="walker",
                               local_participant_id=walk.walkers[1].id)
    window = MainWindow(services, qsettings, asker)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.open_walk(walk.id)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    return window, walk.id


def test_walker_mode_menus_show_only_what_a_walker_does(
        qtbot, services: Services, qsettings: QSettings, asker: ScriptedAsker) -> None:
    window, _walk_id = open_walker_walk(qtbot, services, qsettings, asker)
    assert window.walker_mode
    shown = set(menu_bar_actions(window))
    assert shown == expected_for_walker(window)
    # The facilitator's work is not there…
    facilitator_only = [window.new_action, window.import_action, window.kit_action,
                        window.sample_action, window.trash_action, window.undo_delete_action]
    for action in facilitator_only:
        assert not action.isVisible(), action.text()
    assert not window.protocols_menu.import_action.isVisible()
    assert not protocols_menu_shown(window)
    reports = walker_reports()
    for action, kind in window._export_kinds.items():
        assert action.isVisible() == (kind in reports), kind
    # …and each walker task that is a menu action or a report is.
    for task in WALKER_TASKS:
        if task.action is not None:
            assert getattr(window, task.action).isVisible(), task.key
    assert {k for k in reports} <= {spec.kind.value for spec in REPORTS}
    window.grab().save("/tmp/walker-mode-window.png")


def test_hidden_actions_shortcuts_do_nothing_in_walker_mode(
        qtbot, services: Services, qsettings: QSettings, asker: ScriptedAsker) -> None:
    window, _walk_id = open_walker_walk(qtbot, services, qsettings, asker)
    called: list[str] = []
    window.new_action.triggered.connect(lambda *_: called.append("new"))
    window.import_action.triggered.connect(lambda *_: called.append("import"))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert called == []
    # Back on the list of walks the same key works again (the dialog is refused).
    window.show_library()
    assert not window.walker_mode
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert called == ["new"]


def test_every_action_is_back_on_the_list_and_on_a_facilitators_walk(
        qtbot, services: Services, qsettings: QSettings, asker: ScriptedAsker) -> None:
    window, _walk_id = open_walker_walk(qtbot, services, qsettings, asker)
    window.show_library()
    on_list = set(menu_bar_actions(window))
    assert window.new_action in on_list and window.trash_action in on_list
    assert all(a in on_list for a, _kind in window._export_kinds.items())
    facilitators = make_walk(services, "Facilitator's walk")
    window.open_walk(facilitators.id)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    assert not window.walker_mode
    shown = set(menu_bar_actions(window))
    assert {window.new_action, window.import_action, window.kit_action,
            window.trash_action} <= shown
    assert protocols_menu_shown(window)


def test_the_walker_home_sections_follow_the_list(qtbot, services: Services,
                                                  qsettings: QSettings,
                                                  asker: ScriptedAsker) -> None:
    window, _walk_id = open_walker_walk(qtbot, services, qsettings, asker)
    assert window.workspace is not None
    home = window.workspace.page("walker")
    assert isinstance(home, WalkerHome)
    assert home.section_keys() == list(walker_sections())
    assert home.tabs.count() == len(walker_sections())
    # One page: no list of pages beside it.
    assert window.workspace.nav.isHidden()
