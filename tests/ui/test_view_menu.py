"""The View menu (walkapp.ui.view_menu): Appearance is kept in the window's settings and
switches the palette; Presentation mode draws the pre-brief's and post-brief's guide
large, the pages built after it was turned on too, and Esc (or the action) turns it off."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel

from tests.helpers.builders import make_walk
from tests.ui.conftest import ScriptedAsker
from walkapp.services import Services
from walkapp.ui import theme
from walkapp.ui.main_window import MainWindow


def _window(qtbot, services: Services, qsettings: QSettings,  # type: ignore[no-untyped-def]
            asker: ScriptedAsker) -> MainWindow:
    window = MainWindow(services, qsettings, asker)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


def test_appearance_is_kept_and_switches_the_palette(
        qtbot, services: Services, qsettings: QSettings, asker: ScriptedAsker,  # type: ignore[no-untyped-def]
        themed: QApplication) -> None:
    window = _window(qtbot, services, qsettings, asker)
    menu = window.view_menu
    assert menu.scheme_actions["system"].isChecked()  # nothing chosen yet
    menu.scheme_actions["dark"].trigger()
    assert qsettings.value(theme.SETTINGS_KEY) == "dark"
    assert themed.palette().color(QPalette.ColorRole.Window).name() == theme.DARK.window
    menu.scheme_actions["light"].trigger()
    assert themed.palette().color(QPalette.ColorRole.Window).name() == theme.LIGHT.window
    assert theme.saved_choice(qsettings) == "light"
    # A window opened later shows the choice ticked.
    again = MainWindow(services, qsettings, asker)
    qtbot.addWidget(again)
    assert again.view_menu.scheme_actions["light"].isChecked()


def _largest(widget) -> float:  # type: ignore[no-untyped-def]
    return max(label.font().pointSizeF() for label in widget.findChildren(QLabel)
               if label.isVisibleTo(widget))


def test_presentation_mode_draws_the_guides_large_and_esc_ends_it(
        qtbot, services: Services, qsettings: QSettings, asker: ScriptedAsker) -> None:  # type: ignore[no-untyped-def]
    walk = make_walk(services, visits=2)
    window = _window(qtbot, services, qsettings, asker)
    window.open_walk(walk.id, wait_ms=10_000)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=5000)
    workspace = window.workspace
    assert workspace is not None
    workspace.show_page("pre_brief")
    pre_brief = workspace.page("pre_brief")
    before = _largest(pre_brief)
    body = next(label for label in pre_brief.findChildren(QLabel)
                if label.objectName() == "" and label.isVisibleTo(pre_brief))
    body_before = body.font().pointSizeF()

    window.view_menu.presentation_action.trigger()
    assert window.view_menu.presenting()
    assert body.font().pointSizeF() >= body_before * 1.4
    assert _largest(pre_brief) > before
    # A guide page built while the mode is on is drawn large too.
    workspace.show_page("post_brief")
    post_brief = workspace.page("post_brief")
    assert post_brief.styleSheet() != ""
    # The other pages keep the usual size.
    workspace.show_page("observation")
    assert workspace.page("observation").styleSheet() == ""

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.view_menu.presenting()
    assert post_brief.styleSheet() == "" and pre_brief.styleSheet() == ""
    assert body.font().pointSizeF() == body_before
