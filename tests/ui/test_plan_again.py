"""Plan again in the window: from the list of walks (button, context menu) or the File menu,
a dialog suggests the next walk of the series (title that counts, a date a week on), the
new walk opens, and the list shows each walk's place in its series and one series' walks
together. The pre-brief's review says where what it carries comes from."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtWidgets import QDialog

from tests.helpers.builders import make_walk
from tests.ui.conftest import ScriptedAsker
from walkapp import domain as d
from walkapp.services import Services
from walkapp.services.series import NEXT_WALK_DAYS
from walkapp.ui.main_window import MainWindow
from walkapp.ui.screens.plan.review import ReviewPanel
from walkapp.ui.screens.plan_again import PlanAgainDialog
from walkapp.ui.screens.reports_page import ReportsPage
from walkapp.ui.screens.walks_library import WalksLibrary


def _window(qtbot, services: Services, qsettings: QSettings,
            asker: ScriptedAsker) -> MainWindow:
    window = MainWindow(services, qsettings, asker)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: not window.library.is_loading(), timeout=5000)
    return window


def test_plan_again_from_the_list_opens_the_next_walk(qtbot, services: Services,
                                                      qsettings: QSettings,
                                                      asker: ScriptedAsker) -> None:
    first = make_walk(services, "Year 5 maths walk", walkers=3, walk_date=date(2026, 9, 1))
    services.plan.add_norm(first.id, "We are here to learn, not to judge.", agreed=True)
    window = _window(qtbot, services, qsettings, asker)
    window.library.select_walk(first.id)
    seen: list[PlanAgainDialog] = []

    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, PlanAgainDialog)
        seen.append(dialog)
        # The suggestion: the next number, a week after the later of today and the walk.
        assert dialog.title.text() == "Year 5 maths walk — 2"
        suggested = max(date.today(), first.walk_date) + timedelta(NEXT_WALK_DAYS)
        assert dialog.date.date().toPython() == suggested
        assert not dialog.route.isChecked() and not dialog.route.isHidden()
        assert "3 walkers" in dialog.comes.text() and "1 norm (to agree again)" in \
            dialog.comes.text()
        assert "notes" in dialog.stays.text()
        # An empty title is refused in place; nothing is made.
        dialog.title.clear()
        dialog.ok_button.click()
        assert dialog.error.text() and dialog.result() != QDialog.DialogCode.Accepted
        qtbot.keyClicks(dialog.title, "Year 5 maths walk, spring")
        dialog.date.setDate(QDate(2027, 1, 18))
        return True

    asker.dialog_actions.append(fill)
    window.library.plan_again_button.click()
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=5000)
    assert window.workspace is not None
    new_id = window.workspace.walk_id
    new = services.walks.get_walk(new_id)
    assert (new.title, new.walk_date, new.series_id) == ("Year 5 maths walk, spring",
                                                          date(2027, 1, 18), first.id)
    assert [p.display_name for p in new.participants] == \
        [p.display_name for p in first.participants]
    assert new.visits == () and len(seen) == 1


def test_plan_again_from_the_menu_and_a_cancel(qtbot, services: Services,
                                              qsettings: QSettings,
                                              asker: ScriptedAsker) -> None:
    walk = make_walk(services, "Reading walk", walk_date=date(2026, 9, 1))
    window = _window(qtbot, services, qsettings, asker)
    window.library.select_walk(walk.id)
    assert window.plan_again_action.isEnabled()
    asker.dialog_actions.append(lambda _dialog: False)  # cancelled: nothing happens
    window.plan_again_action.trigger()
    assert len(services.walks.list_walks()) == 1
    assert services.walks.get_walk(walk.id).series_id is None

    def with_route(dialog: QDialog) -> bool:
        assert isinstance(dialog, PlanAgainDialog)
        dialog.route.setChecked(True)
        return True

    asker.dialog_actions.append(with_route)
    window.plan_again_action.trigger()
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=5000)
    assert window.workspace is not None
    assert len(services.walks.get_walk(window.workspace.walk_id).visits) == 3


def test_the_list_shows_series_and_one_series_together(qtbot, services: Services) -> None:
    first = make_walk(services, "Questioning, autumn", walk_date=date(2026, 9, 1))
    second = services.series.plan_again(first.id, walk_date=date(2026, 10, 1))
    third = services.series.plan_again(second.id, walk_date=date(2026, 11, 1))
    alone = make_walk(services, "Ghost walk", walk_date=date(2026, 10, 15))
    walker_copy = make_walk(services, "A walker's copy", walk_date=date(2026, 10, 20))
    services.walks.update_walk(walker_copy.id, local_mode="walker")
    library = WalksLibrary(services.walks, series=services.series)
    qtbot.addWidget(library)
    library.resize(1366, 700)
    library.show()
    qtbot.waitUntil(lambda: library.model.rowCount() == 5, timeout=5000)
    model = library.model

    def series_text(walk: d.Walk) -> str:
        return str(model.index(model.row_of(walk.id), model.SERIES).data() or "")

    assert series_text(second) == "2 of 3 · Questioning, autumn"
    assert series_text(alone) == ""
    tip = model.index(model.row_of(third.id), model.SERIES).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "Walk 3 of 3 in the series “Questioning, autumn”"
    # One series' walks together, from the list above the table or a walk's menu.
    assert library.series_filter.isVisible()
    menu = library.walk_menu(second.id)
    labels = [a.text() for a in menu.actions() if a.text()]
    assert labels == ["Open", "Plan again…", "Copy as a new walk (not in a series)",
                      "Show the walks of “Questioning, autumn”", "Series trends…", "Delete…"]
    next(a for a in menu.actions() if a.text().startswith("Show the walks")).trigger()
    qtbot.waitUntil(lambda: model.rowCount() == 3, timeout=5000)
    assert model.ids() == [third.id, second.id, first.id]
    library.show_series(None)
    qtbot.waitUntil(lambda: model.rowCount() == 5, timeout=5000)
    # A walker's copy is not theirs to plan again.
    library.select_walk(walker_copy.id)
    assert not library.plan_again_button.isEnabled()
    assert not next(a for a in library.walk_menu(walker_copy.id).actions()
                    if a.text() == "Plan again…").isEnabled()
    library.select_walk(alone.id)
    assert library.plan_again_button.isEnabled()
    library.shutdown()


def test_the_review_says_where_it_comes_from(qtbot, services: Services) -> None:
    sample_like = make_walk(services, "Another group", walkers=1, walk_date=date(2026, 8, 1))
    services.debrief.add_action_item(sample_like.id, "Not ours")
    alone = make_walk(services, "On its own", walk_date=date(2026, 9, 1))
    panel = ReviewPanel(services, alone.id)
    qtbot.addWidget(panel)
    assert panel.action_items.rowCount() == 0 and panel.commitments.rowCount() == 0
    assert "Plan again" in panel.series_line.text()
    second = services.series.plan_again(sample_like.id, walk_date=date(2026, 9, 8))
    later = ReviewPanel(services, second.id)
    qtbot.addWidget(later)
    assert later.action_items.rowCount() == 1
    assert "walk 2 of 2" in later.series_line.text()


def test_the_end_of_a_walk_leads_on_to_the_next(qtbot, services: Services,
                                               qsettings: QSettings,
                                               asker: ScriptedAsker) -> None:
    walk = make_walk(services, "Writing walk", walk_date=date(2026, 9, 1))
    window = _window(qtbot, services, qsettings, asker)
    window.open_walk(walk.id)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=5000)
    assert window.workspace is not None
    window.workspace.show_page("reports")
    reports = window.workspace.page("reports")
    assert isinstance(reports, ReportsPage) and reports.plan_again_button is not None
    asker.dialog_actions.append(lambda dialog: isinstance(dialog, PlanAgainDialog))
    reports.plan_again_button.click()
    qtbot.waitUntil(lambda: window.workspace is not None
                    and window.workspace.walk_id != walk.id, timeout=5000)
    new = services.walks.get_walk(window.workspace.walk_id)
    assert (new.title, new.series_id) == ("Writing walk — 2", walk.id)
