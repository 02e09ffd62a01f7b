"""The window's Export report menu, the export dialog and the Reports page list exactly the
kinds of the report registry, in its order, and show the inputs each kind needs."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from tests.helpers.builders import make_walk
from walkapp.reports import REPORTS, Need
from walkapp.services import Services
from walkapp.ui.export import ExportDialog
from walkapp.ui.icons import names
from walkapp.ui.screens.reports_page import REPORT_ICONS, ReportsPage


def test_reports_page_lists_the_registry(qtbot) -> None:  # type: ignore[no-untyped-def]
    asked: list[object] = []
    page = ReportsPage(asked.append)
    qtbot.addWidget(page)
    assert list(page.buttons) == [spec.kind for spec in REPORTS]
    assert list(page.cards) == [spec.kind for spec in REPORTS]
    for spec in REPORTS:
        # A card per kind: its title and line from the registry, its own Export button.
        titles = [label.text() for label in page.cards[spec.kind].findChildren(QLabel)]
        assert spec.label in titles and spec.about in titles
        assert page.buttons[spec.kind].accessibleName() == f"Export {spec.label}"
        page.buttons[spec.kind].click()
    assert asked == [spec.kind for spec in REPORTS]
    # Every kind has a bundled icon (a kind added to the registry needs one here).
    assert set(REPORT_ICONS) == {spec.kind for spec in REPORTS}
    assert set(REPORT_ICONS.values()) <= set(names())


def test_export_dialog_lists_the_registry_and_shows_what_each_needs(
        qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    walk = make_walk(services, walkers=2, visits=2)
    dialog = ExportDialog(services, walk.id)
    qtbot.addWidget(dialog)
    assert [dialog.kind.itemData(i) for i in range(dialog.kind.count())] == \
        [spec.cli_name for spec in REPORTS]
    for index, spec in enumerate(REPORTS):
        dialog.kind.setCurrentIndex(index)
        uses = spec.needs | spec.takes
        assert dialog._form.isRowVisible(dialog.walker) == (Need.WALKER in uses)
        assert dialog._form.isRowVisible(dialog.visit) == (Need.VISIT in uses)
        assert dialog._form.isRowVisible(dialog._start_row) == (Need.START in uses)
    without_walk = ExportDialog(services, None)
    qtbot.addWidget(without_walk)
    assert [without_walk.kind.itemData(i) for i in range(without_walk.kind.count())] == \
        [spec.cli_name for spec in REPORTS if Need.WALK not in spec.needs]


def test_the_export_menu_lists_the_registry(qtbot, services: Services, qsettings,  # type: ignore[no-untyped-def]
                                            asker) -> None:
    from walkapp.ui.main_window import MainWindow

    window = MainWindow(services, qsettings, asker)
    qtbot.addWidget(window)
    actions = [action for action, _ in window._export_actions]
    assert [a.text() for a in actions] == [spec.menu_label + "…" for spec in REPORTS]
    assert window.export_menu.actions() == actions
    # With no walk open or chosen, only the kinds that need no walk can be made.
    assert [a.isEnabled() for a in actions] == [Need.WALK not in s.needs for s in REPORTS]
    debrief = next(a for a, s in zip(actions, REPORTS, strict=True) if s.shortcut)
    assert debrief.shortcut().toString() == "Ctrl+P"
