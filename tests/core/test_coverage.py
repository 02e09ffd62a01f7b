"""Coverage: visits by room, grade and subject over a period, rooms not visited lately,
rooms over the school's limit and the hosts to tell before a walk — counted right, in the
order of their names (never a ranking), and naming a teacher only from walks whose privacy
setting shows teacher names."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from tests.helpers.fake_clock import FakeClock
from walkapp import domain as d
from walkapp.errors import ValidationError
from walkapp.services import NewWalk, Services
from walkapp.services.coverage import (
    DEFAULT_VISIT_LIMIT,
    CoverageAsk,
    name_order,
)
from walkapp.storage.db import Database

TEACHERS = ("Ottilie Brackenbury", "Lysander Quimby")
TODAY = date(2026, 11, 3)
YEAR = CoverageAsk(date(2026, 9, 1), date(2027, 6, 30))


@pytest.fixture
def clocked(services: Services) -> Services:
    """The same database, with services whose "today" is 3 November 2026."""
    return Services.create(services.db, services.bus,
                           clock=FakeClock(datetime(2026, 11, 3, 10, tzinfo=UTC)))


def _walk(services: Services, title: str, day: date, rooms: list[tuple[str, ...]], *,
          status: str = "closed", names: bool = False, series_of: str | None = None
          ) -> d.Walk:
    if series_of is not None:
        walk = services.series.plan_again(series_of, walk_date=day)
    else:
        walk = services.walks.create_walk(NewWalk(title=title, walk_date=day))
    for room in rooms:
        fields = dict(zip(("room", "grade", "subject", "teacher_name"), room, strict=False))
        services.plan.add_visit(walk.id, **fields)
    return services.walks.update_walk(walk.id, status=status, show_teacher_names=names)


def test_visits_are_counted_by_room_grade_and_subject_in_name_order(clocked: Services
                                                                    ) -> None:
    _walk(clocked, "A", date(2026, 9, 10), [("Room 10", "Year 5", "Maths"),
                                            ("room 2", "Year 4", "Science"),
                                            ("Room 2 ", "Year 4", "Maths")])
    _walk(clocked, "B", date(2026, 10, 1), [("Room 2", "Year 5", "Maths"), ("", "", "")])
    _walk(clocked, "C", date(2026, 11, 20), [("Room 10",), ("Library",)], status="planned")
    _walk(clocked, "Old", date(2025, 5, 1), [("Room 10",)])

    seen = clocked.coverage.coverage(YEAR)

    assert (seen.walks, seen.visits, seen.planned, seen.no_room) == (3, 5, 2, 1)
    # Rooms as first written, one room however its case and spaces vary, "Room 2" before
    # "Room 10" (names in reading order, not by how many visits).
    assert [(c.name, c.visits, c.planned) for c in seen.rooms] == [
        ("Library", 0, 1), ("room 2", 3, 0), ("Room 10", 1, 1)]
    assert [(c.name, c.visits) for c in seen.grades] == [("Year 4", 2), ("Year 5", 2)]
    assert [(c.name, c.visits) for c in seen.subjects] == [("Maths", 3), ("Science", 1)]
    assert [w.title for w in seen.planned_walks] == ["C"]


def test_a_series_counts_only_its_own_walks(clocked: Services) -> None:
    first = _walk(clocked, "Series", date(2026, 9, 10), [("Room 7",)])
    _walk(clocked, "", date(2026, 10, 10), [("Room 8",)], series_of=first.id)
    _walk(clocked, "Other", date(2026, 10, 12), [("Room 9",)])
    series_id = clocked.series.series_of(first.id).id  # type: ignore[union-attr]

    seen = clocked.coverage.coverage(CoverageAsk(YEAR.start, YEAR.end, series_id))

    assert [c.name for c in seen.rooms] == ["Room 7", "Room 8"]


def test_rooms_not_visited_in_n_days(clocked: Services) -> None:
    _walk(clocked, "Long ago", date(2026, 6, 1), [("Room 1",), ("Room 3",)])
    _walk(clocked, "Lately", date(2026, 10, 20), [("Room 1",), ("Room 2",)])
    _walk(clocked, "Next", date(2026, 11, 20), [("Room 4",)], status="planned")

    quiet = clocked.coverage.coverage(CoverageAsk(YEAR.start, YEAR.end, quiet_days=30)).quiet

    # Room 3: last visited in June (155 days before 3 November); Room 4 only planned.
    assert [(q.name, q.last_visit, q.days) for q in quiet] == [
        ("Room 3", date(2026, 6, 1), 155), ("Room 4", None, None)]
    everything = clocked.coverage.coverage(CoverageAsk(YEAR.start, YEAR.end, quiet_days=0))
    assert [q.name for q in everything.quiet] == ["Room 1", "Room 2", "Room 3", "Room 4"]


def test_rooms_over_the_schools_limit_count_planned_visits_too(clocked: Services) -> None:
    assert clocked.coverage.visit_limit() == DEFAULT_VISIT_LIMIT == 3
    for month in (9, 10):
        _walk(clocked, f"W{month}", date(2026, month, 5), [("Room 5",), ("Room 6",)])
    _walk(clocked, "W11", date(2026, 11, 1), [("Room 5",)])
    _walk(clocked, "Planned", date(2026, 11, 25), [("Room 5",), ("Room 6",)],
          status="planned")

    over = clocked.coverage.coverage(YEAR).over_limit
    assert [(c.name, c.visits, c.planned) for c in over] == [("Room 5", 3, 1)]

    clocked.coverage.set_visit_limit(2)
    over = clocked.coverage.coverage(YEAR).over_limit
    assert [(c.name, c.total) for c in over] == [("Room 5", 4), ("Room 6", 3)]
    assert clocked.coverage.visit_limit() == 2
    for wrong in (0, -1, 1000, True):
        with pytest.raises(ValidationError):
            clocked.coverage.set_visit_limit(wrong)  # type: ignore[arg-type]


def test_the_limit_is_kept_with_the_database(services: Services) -> None:
    services.coverage.set_visit_limit(5)
    again = Services.create(Database(services.db.settings).open())
    try:
        assert again.coverage.visit_limit() == 5
    finally:
        again.close()


def test_no_teacher_name_without_the_walks_setting(clocked: Services) -> None:
    hidden = _walk(clocked, "Names off", date(2026, 10, 1),
                   [("Room 1", "Year 5", "Maths", TEACHERS[0])])
    planned = _walk(clocked, "Next, names off", date(2026, 11, 20),
                    [("Room 1", "Year 5", "Maths", TEACHERS[0])], status="planned")

    seen = clocked.coverage.coverage(YEAR)
    hosts = clocked.coverage.hosts_to_tell(planned.id, YEAR)

    for value in (seen, hosts, clocked.coverage.hosts_to_tell(hidden.id)):
        assert TEACHERS[0] not in repr(value)
    assert seen.teachers == ()
    assert not hosts.names_shown
    assert [(h.number, h.room, h.teacher, h.visits_before) for h in hosts.hosts] == [
        (1, "Room 1", "", 1)]


def test_teacher_names_only_from_walks_that_show_them(clocked: Services) -> None:
    _walk(clocked, "Names off", date(2026, 10, 1), [("Room 1", "", "", TEACHERS[0])])
    shown = _walk(clocked, "Names on", date(2026, 10, 8), [("Room 2", "", "", TEACHERS[1])],
                  names=True, status="planned")

    seen = clocked.coverage.coverage(YEAR)
    hosts = clocked.coverage.hosts_to_tell(shown.id, YEAR)

    assert [(c.name, c.planned) for c in seen.teachers] == [(TEACHERS[1], 1)]
    assert TEACHERS[0] not in repr(seen)
    assert hosts.names_shown and hosts.hosts[0].teacher == TEACHERS[1]


def test_removed_visits_trashed_walks_and_walker_copies_are_not_counted(
        clocked: Services) -> None:
    walk = _walk(clocked, "A", date(2026, 10, 1), [("Room 1",), ("Room 2",)])
    clocked.plan.remove_visit(walk.visits[1].id)
    gone = _walk(clocked, "Gone", date(2026, 10, 2), [("Room 3",)])
    clocked.walks.delete_walk(gone.id)

    assert [c.name for c in clocked.coverage.coverage(YEAR).rooms] == ["Room 1"]


def test_a_period_that_ends_before_it_starts_is_refused(clocked: Services) -> None:
    with pytest.raises(ValidationError):
        clocked.coverage.coverage(CoverageAsk(date(2026, 10, 1), date(2026, 9, 1)))


def test_names_are_ordered_as_people_read_them() -> None:
    names = ["Room 10", "room 9", "Annexe", "Room 9b", "2"]
    assert sorted(names, key=name_order) == ["2", "Annexe", "room 9", "Room 9b", "Room 10"]
