"""Smoke test of the main window over a real database."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt

from tests.helpers.builders import make_walk
from tests.ui.conftest import ScriptedAsker
from walkapp.services import Services
from walkapp.ui.main_window import MainWindow


def test_main_window_lists_walks_and_searches(qtbot, services: Services, qsettings: QSettings,
                                              asker: ScriptedAsker) -> None:
    make_walk(services, "Reading walk")
    window = MainWindow(services, qsettings, asker)
    qtbot.addWidget(window)
    window.show()
    library = window.library
    assert library.model.rowCount() == 1
    # A walk added elsewhere (e.g. by an import) appears without a manual refresh.
    make_walk(services, "Maths walk")
    qtbot.waitUntil(lambda: library.model.rowCount() == 2, timeout=2000)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert library.search.hasFocus() or window.focusWidget() is library.search
    qtbot.keyClicks(library.search, "math")
    qtbot.waitUntil(lambda: library.model.rowCount() == 1, timeout=2000)
    assert library.model.row_at(0).title == "Maths walk"  # type: ignore[union-attr]
    qtbot.keyClicks(library.search, "zzz")
    # Nothing found anywhere: one message says so, the "Found in" list's (the library's
    # own "No walk matches" gives way to it once the search's read is in).
    found = library.found
    assert found is not None
    qtbot.waitUntil(lambda: library.model.rowCount() == 0 and not found.is_loading()
                    and found.empty.isVisible(), timeout=2000)
    assert "mathzzz" in found.empty.text()


def test_empty_library_says_what_to_do(qtbot, services: Services, qsettings: QSettings,
                                       asker: ScriptedAsker) -> None:
    window = MainWindow(services, qsettings, asker)
    qtbot.addWidget(window)
    window.show()
    # The first-run welcome (tests/ui/test_first_run_help.py): three ways in.
    welcome = window.library.welcome
    assert welcome.isVisible() and not window.library.empty.isVisible()
    assert "leading a walk" in welcome.lead_button.text()


def test_geometry_is_remembered(qtbot, services: Services, qsettings: QSettings,
                                asker: ScriptedAsker) -> None:
    window = MainWindow(services, qsettings, asker)
    qtbot.addWidget(window)
    window.resize(1100, 700)
    window.show()
    window.close()
    again = MainWindow(services, qsettings, asker)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (1100, 700)


def test_about_box_goes_through_the_asker(qtbot, services: Services, qsettings: QSettings,
                                          asker: ScriptedAsker) -> None:
    window = MainWindow(services, qsettings, asker)
    qtbot.addWidget(window)
    window.about_action.trigger()
    assert asker.shown and asker.shown[0][0] == "inform" and "walkapp" in asker.shown[0][2]


def test_status_filter(qtbot, services: Services, qsettings: QSettings,
                       asker: ScriptedAsker) -> None:
    from walkapp.domain import WalkStatus

    done = make_walk(services, "Done walk")
    make_walk(services, "Planned walk")
    services.walks.update_walk(done.id, status="closed")
    window = MainWindow(services, qsettings, asker)
    qtbot.addWidget(window)
    library = window.library
    library.status_filter.setCurrentIndex(library.status_filter.findData(WalkStatus.CLOSED.value))
    assert library.model.rowCount() == 1
    assert library.model.row_at(0).title == "Done walk"  # type: ignore[union-attr]
    library.status_filter.setCurrentIndex(library.status_filter.findData(WalkStatus.RUNNING.value))
    assert library.model.rowCount() == 0 and "No walk matches" in library.empty.text()


def test_sample_walk_is_made_in_the_background(qtbot, services: Services,
                                               qsettings: QSettings,
                                               asker: ScriptedAsker) -> None:
    window = MainWindow(services, qsettings, asker)
    qtbot.addWidget(window)
    window.show()
    qtbot.mouseClick(window.library.sample_button, Qt.MouseButton.LeftButton)
    assert not window.library.sample_button.isEnabled()  # no double start
    qtbot.waitUntil(lambda: window.library.model.rowCount() == 1, timeout=20000)
    qtbot.waitUntil(lambda: window.library.sample_button.isEnabled(), timeout=5000)
    walk = window.library.model.row_at(0)
    assert walk is not None and walk.note_count >= 40
    assert window.library.selected_walk_id() == walk.id
