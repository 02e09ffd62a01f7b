"""The Coverage screen and the reminders in the app: reached from the walks library and
Go ▸ Coverage; lists in name order, not sortable (never a ranking); teacher names only from
walks that show them; the school's limit saved through the window's writer; reminders of
due action items above the list, in the pre-brief's review, and a calendar file from the
post-brief's Action items panel — all by the services' clock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from tests.helpers.fake_clock import FakeClock
from tests.ui.conftest import ScriptedAsker
from walkapp.config import Settings
from walkapp.services import NewWalk, Services
from walkapp.storage.db import Database
from walkapp.ui.main_window import MainWindow
from walkapp.ui.screens.coverage import CoverageView
from walkapp.ui.screens.plan.review import ReviewPanel
from walkapp.ui.screens.postbrief.action_items import ActionItemsPanel

TEACHER = "Ottilie Brackenbury"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 11, 3, 10, tzinfo=UTC))


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


def _walk(services: Services, title: str, day: date, rooms: list[tuple[str, ...]], *,
          status: str = "closed", names: bool = False) -> str:
    walk = services.walks.create_walk(NewWalk(title=title, walk_date=day))
    for room in rooms:
        services.plan.add_visit(walk.id, **dict(zip(("room", "grade", "subject",
                                                     "teacher_name"), room, strict=False)))
    services.walks.update_walk(walk.id, status=status, show_teacher_names=names)
    return walk.id


def _shown(qtbot, window: MainWindow) -> CoverageView:
    qtbot.mouseClick(window.library.coverage_button, Qt.MouseButton.LeftButton)
    view = window.coverage_view
    assert window.stack.currentWidget() is view
    qtbot.waitUntil(lambda: view.coverage is not None)
    return view


def test_coverage_lists_rooms_in_name_order_and_never_sorts_by_count(
        qtbot, window: MainWindow, services: Services) -> None:
    _walk(services, "A", date(2026, 9, 10), [("Room 10",), ("Room 2",), ("Room 2",)])
    _walk(services, "B", date(2026, 10, 1), [("Room 2",), ("Library",)])

    view = _shown(qtbot, window)

    assert view.rooms.texts() == [["Library", "1", "—"], ["Room 2", "3", "—"],
                                  ["Room 10", "1", "—"]]
    assert not view.rooms.table.isSortingEnabled()
    assert not view.rooms.table.horizontalHeader().sectionsClickable()
    assert view.tabs.tabText(0) == "By room (3)"
    assert "2 walks" in view.summary.text() and "5 visits held" in view.summary.text()
    # Room 2 has 3 visits: over the starting limit of 3? No — more than 3 is over.
    assert view.over.texts() == []


def test_go_menu_reaches_coverage_and_back(qtbot, window: MainWindow) -> None:
    window.coverage_action.trigger()
    assert window.stack.currentWidget() is window.coverage_view
    qtbot.mouseClick(window.coverage_view.back_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.library


def test_no_teacher_is_named_unless_the_walk_shows_names(
        qtbot, window: MainWindow, services: Services) -> None:
    _walk(services, "Off", date(2026, 10, 1), [("Room 1", "Y5", "Maths", TEACHER)])
    planned = _walk(services, "Next", date(2026, 11, 20),
                    [("Room 1", "Y5", "Maths", TEACHER)], status="planned")

    view = _shown(qtbot, window)
    qtbot.waitUntil(lambda: view.hosts is not None)

    texts = [view.rooms.texts(), view.grades.texts(), view.subjects.texts(),
             view.teachers.texts(), view.quiet.texts(), view.over.texts(),
             view.host_list.texts(), view.summary.text(), view.host_note.text()]
    assert TEACHER not in repr(texts)
    assert not view.tabs.isTabVisible(3)  # no "By teacher" tab
    assert view.host_list.texts() == [["Visit 1", "Room 1", "Y5", "Maths", "1"]]

    services.walks.update_walk(planned, show_teacher_names=True)
    qtbot.waitUntil(lambda: view.hosts is not None and view.hosts.names_shown)
    assert view.host_list.texts() == [["Visit 1", "Room 1", "Y5", "Maths", TEACHER, "1"]]
    assert view.tabs.isTabVisible(3)


def test_the_schools_limit_is_saved_and_lists_rooms_over_it(
        qtbot, window: MainWindow, services: Services) -> None:
    _walk(services, "A", date(2026, 9, 10), [("Room 4",), ("Room 4",), ("Room 5",)])
    view = _shown(qtbot, window)
    assert view.over.texts() == []

    view.limit.setValue(1)
    assert view.save_pending()
    qtbot.waitUntil(lambda: services.coverage.visit_limit() == 1)
    qtbot.waitUntil(lambda: view.over.texts() == [["Room 4", "2", "—",
                                                   "1 more than the limit of 1"]])


def test_reminders_show_at_start_and_list_the_items(
        qtbot, window: MainWindow, services: Services, asker: ScriptedAsker,
        clock: FakeClock) -> None:
    walk = _walk(services, "Autumn walk", date(2026, 10, 1), [])
    for text, due in (("Share stems", date(2026, 10, 20)), ("Try wait time", date(2026, 10, 30)),
                      ("Book the room", date(2026, 11, 6)), ("Later", date(2026, 12, 20))):
        services.debrief.add_action_item(walk, text, "Ann", due)
    bar = window.reminders
    assert not bar.isVisible()  # read only once the window has settled

    bar.read()
    qtbot.waitUntil(bar.isVisible)
    assert bar.text.text() == "2 action items are overdue, 1 is due within a week."

    seen: list[list[str]] = []

    def look(dialog: object) -> bool:
        table = dialog.table  # type: ignore[attr-defined]
        seen.extend([table.item(r, c).text() for c in range(4)]
                    for r in range(table.rowCount()))
        return False

    asker.dialog_actions.append(look)
    qtbot.mouseClick(bar.show_button, Qt.MouseButton.LeftButton)
    assert [row[1] for row in seen] == ["Share stems", "Try wait time", "Book the room"]
    assert seen[0][0].endswith("14 days overdue") and seen[2][0].endswith("in 3 days")

    bar.dismiss()
    assert not bar.isVisible()
    clock.advance(days=30)  # everything overdue now: a new reminder shows again
    services.debrief.add_action_item(walk, "One more", "", date(2026, 12, 1))
    qtbot.waitUntil(bar.isVisible)
    assert bar.text.text() == "4 action items are overdue."  # "Later" is 17 days off


def test_the_pre_brief_review_marks_due_and_overdue_items(
        qtbot, services: Services) -> None:
    first = services.walks.create_walk(NewWalk(title="S", walk_date=date(2026, 10, 1)))
    services.debrief.add_action_item(first.id, "Late one", "Ann", date(2026, 10, 20))
    services.debrief.add_action_item(first.id, "Soon one", "Bo", date(2026, 11, 5))
    services.debrief.add_action_item(first.id, "No date", "Cy")
    second = services.series.plan_again(first.id, walk_date=date(2026, 11, 10))

    panel = ReviewPanel(services, second.id)
    qtbot.addWidget(panel)

    due = {panel.action_items.item(r, 1).text(): panel.action_items.item(r, 2).text()
           for r in range(panel.action_items.rowCount())}
    assert due["Late one"].endswith("14 days overdue")
    assert due["Soon one"].endswith("in 2 days")
    assert due["No date"] == "—"
    assert panel.actions_title.text() == (
        "Action items from earlier walks (3 open) — 1 action item is overdue, 1 is due "
        "within a week.")


def test_save_to_calendar_from_the_action_items_panel(
        qtbot, services: Services, asker: ScriptedAsker, tmp_path: Path) -> None:
    walk = services.walks.create_walk(NewWalk(title="Calendar walk",
                                              walk_date=date(2026, 10, 1)))
    services.debrief.add_action_item(walk.id, "Share stems", "Ann", date(2026, 11, 20))
    services.debrief.add_action_item(walk.id, "Undated", "Ann")
    panel = ActionItemsPanel(services.debrief, services.walks, walk.id, asker,
                             reminders=services.reminders)
    qtbot.addWidget(panel)
    target = tmp_path / "due"
    asker.file_to_save.append(str(target))

    qtbot.mouseClick(panel.calendar_button, Qt.MouseButton.LeftButton)

    written = tmp_path / "due.ics"
    qtbot.waitUntil(lambda: not panel.calendar_said.isHidden())
    assert "1 calendar event" in panel.calendar_said.text()
    raw = written.read_bytes()
    assert raw.count(b"BEGIN:VEVENT") == 1 and b"DTSTART;VALUE=DATE:20261120" in raw
