"""Coverage: which rooms, grades and subjects a group's walks have visited, for fairness.

Walks keep visiting the same rooms, and teachers walked too often feel watched; a school
may count walks towards a limit. This service answers, for a chosen period and for one
series or every walk: how many visits each room, grade and subject had (and how many more
are planned); which rooms have not been visited in N days; which rooms were visited more
than the school's limit; and, for a planned walk, whose rooms it visits (the hosts to tell
beforehand).

What it returns is for the facilitator's screen only: no report, export, walk kit or notes
file reads it, and nothing of it is stored. It never ranks: every list is in the order of
its names (rooms by name, "Room 2" before "Room 10"), with the counts said plainly beside
them. Teacher names are read only from walks whose privacy setting shows them (the query
itself leaves them out otherwise), so no list names a teacher the walk keeps anonymous.

The school's limit lives in the database's `app_meta` (key `coverage_visit_limit`), like
the retention setting: it is the school's rule about its own teachers, not one person's
view of a screen, so it belongs with the data — a district server shares it between
facilitators, a restored backup keeps it, the CLI and every window read the same value —
and `app_meta` is left out of every export (walkapp.exports.tables.LEFT_OUT).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import case, select

from walkapp import domain as d
from walkapp.errors import ValidationError
from walkapp.events import Action, Entity
from walkapp.formatting import N_, tr
from walkapp.services.base import ServiceBase
from walkapp.services.walks import live, live_walk
from walkapp.storage import models as m

VISIT_LIMIT_KEY = "coverage_visit_limit"
# Until a school sets its own: three, the number of observations a year some teachers'
# agreements allow (a starting point the screen shows and lets the school change).
DEFAULT_VISIT_LIMIT = 3
MAX_VISIT_LIMIT = 999
# "Not visited in N days": the screen's starting value, and the most it takes.
DEFAULT_QUIET_DAYS = 60
MAX_QUIET_DAYS = 3660

_SPACES = re.compile(r"\s+")
_DIGITS = re.compile(r"(\d+)")


def check_limit(value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or \
            not 1 <= value <= MAX_VISIT_LIMIT:
        raise ValidationError(
            tr("The visit limit is a whole number of visits from 1 to {most} (got "
               "{value!r}).").format(most=MAX_VISIT_LIMIT, value=value))
    return value


def _clean(text: str | None) -> str:
    return _SPACES.sub(" ", text or "").strip()


def _key(text: str) -> str:
    return text.casefold()


def name_order(text: str) -> tuple[Any, ...]:
    """Names in reading order, numbers by value: "Room 2" before "Room 10"."""
    return tuple((0, int(part)) if part.isdigit() else (1, part)
                 for part in _DIGITS.split(text.casefold()) if part)


@dataclass(frozen=True)
class CoverageAsk:
    """What the screen asks for: a period (both days included), one series or every walk
    (`series_id` None), and how many days without a visit make a room "not visited"."""

    start: date
    end: date
    series_id: str | None = None
    quiet_days: int = DEFAULT_QUIET_DAYS


@dataclass(frozen=True)
class Count:
    """One room, grade, subject or (names shown) teacher, as first written, with its
    visits on walks that have run in the period and those on walks still planned."""

    name: str
    visits: int
    planned: int = 0

    @property
    def total(self) -> int:
        return self.visits + self.planned


@dataclass(frozen=True)
class QuietRoom:
    """A room with no visit in the last N days: when it was last visited (None: never, on
    a walk that has run), and how many days ago."""

    name: str
    last_visit: date | None
    days: int | None


@dataclass(frozen=True)
class PlannedWalk:
    id: str
    title: str
    walk_date: date


@dataclass(frozen=True)
class Coverage:
    ask: CoverageAsk
    today: date
    limit: int
    walks: int             # walks in the period (run and planned)
    visits: int            # visits on walks that have run
    planned: int           # visits on walks still planned
    no_room: int           # visits (run or planned) with no room written
    rooms: tuple[Count, ...]
    grades: tuple[Count, ...]
    subjects: tuple[Count, ...]
    # Only from walks whose privacy setting shows teacher names (empty otherwise).
    teachers: tuple[Count, ...]
    quiet: tuple[QuietRoom, ...]
    over_limit: tuple[Count, ...]   # rooms with more visits (run and planned) than `limit`
    planned_walks: tuple[PlannedWalk, ...]  # the scope's planned walks, soonest first


@dataclass(frozen=True)
class Host:
    """One visit of a planned walk: whose room to tell (teacher only if names are on), and
    how many visits that room has had already in the period asked about."""

    number: int
    room: str
    grade: str
    subject: str
    teacher: str
    visits_before: int


@dataclass(frozen=True)
class HostList:
    walk_id: str
    title: str
    walk_date: date
    names_shown: bool   # the walk's privacy setting: teacher names are on
    hosts: tuple[Host, ...]


@dataclass
class _Tally:
    name: str
    visits: int = 0
    planned: int = 0
    last: date | None = None


def _counts(tallies: Iterable[_Tally]) -> tuple[Count, ...]:
    return tuple(Count(t.name, t.visits, t.planned)
                 for t in sorted(tallies, key=lambda t: name_order(t.name)))


def _add(table: dict[str, _Tally], text: str, *, ran: bool, day: date) -> None:
    if not text:
        return
    tally = table.setdefault(_key(text), _Tally(text))
    if ran:
        tally.visits += 1
        tally.last = day if tally.last is None else max(tally.last, day)
    else:
        tally.planned += 1


class CoverageService(ServiceBase):
    # -- the school's limit ----------------------------------------------------------------
    def visit_limit(self) -> int:
        """How many visits a room may have in a period before the screen lists it."""
        with self.db.transaction() as session:
            row = session.get(m.AppMeta, VISIT_LIMIT_KEY)
            if row is not None:
                with contextlib.suppress(ValueError):
                    return check_limit(int(row.value))
        return DEFAULT_VISIT_LIMIT

    def set_visit_limit(self, limit: int) -> int:
        value = check_limit(limit)
        with self.db.transaction(N_("saving the visit limit")) as session:
            row = session.get(m.AppMeta, VISIT_LIMIT_KEY)
            if row is None:
                session.add(m.AppMeta(key=VISIT_LIMIT_KEY, value=str(value)))
            else:
                row.value = str(value)
        self.publish(Entity.SETTING, Action.UPDATED, None, VISIT_LIMIT_KEY)
        return value

    # -- coverage --------------------------------------------------------------------------
    def today(self) -> date:
        return self.clock().astimezone().date()

    def coverage(self, ask: CoverageAsk) -> Coverage:
        if ask.end < ask.start:
            raise ValidationError(tr("The period ends before it starts: choose an end date "
                                     "on or after the start date."))
        if not 0 <= ask.quiet_days <= MAX_QUIET_DAYS:
            raise ValidationError(tr("Choose from 0 to {most} days.").format(
                most=MAX_QUIET_DAYS))
        today = self.today()
        limit = self.visit_limit()
        with self.db.transaction() as session:
            rows = self._visits(session, ask.series_id)
            walk_rows = list(session.execute(self._walks_query(ask.series_id)).all())
        rooms: dict[str, _Tally] = {}
        grades: dict[str, _Tally] = {}
        subjects: dict[str, _Tally] = {}
        teachers: dict[str, _Tally] = {}
        ever: dict[str, _Tally] = {}   # every room of the scope, whatever the period
        visits = planned = no_room = 0
        for row in rows:
            ran = row.status != d.WalkStatus.PLANNED.value
            room = _clean(row.room)
            if ran and row.walk_date <= today:
                _add(ever, room, ran=True, day=row.walk_date)
            elif room:
                ever.setdefault(_key(room), _Tally(room))
            if not ask.start <= row.walk_date <= ask.end:
                continue
            visits += ran
            planned += not ran
            no_room += not room
            _add(rooms, room, ran=ran, day=row.walk_date)
            _add(grades, _clean(row.grade), ran=ran, day=row.walk_date)
            _add(subjects, _clean(row.subject), ran=ran, day=row.walk_date)
            _add(teachers, _clean(row.teacher), ran=ran, day=row.walk_date)
        quiet = tuple(
            QuietRoom(t.name, t.last, None if t.last is None else (today - t.last).days)
            for t in sorted(ever.values(), key=lambda t: name_order(t.name))
            if t.last is None or (today - t.last).days > ask.quiet_days)
        in_period = [w for w in walk_rows if ask.start <= w.walk_date <= ask.end]
        planned_walks = tuple(PlannedWalk(w.id, w.title, w.walk_date) for w in walk_rows
                              if w.status == d.WalkStatus.PLANNED.value)
        room_counts = _counts(rooms.values())
        return Coverage(
            ask=ask, today=today, limit=limit, walks=len(in_period), visits=visits,
            planned=planned, no_room=no_room, rooms=room_counts,
            grades=_counts(grades.values()), subjects=_counts(subjects.values()),
            teachers=_counts(teachers.values()), quiet=quiet,
            over_limit=tuple(c for c in room_counts if c.total > limit),
            planned_walks=planned_walks)

    def hosts_to_tell(self, walk_id: str, ask: CoverageAsk | None = None) -> HostList:
        """The planned walk's visits, in route order: each room (grade, subject; the
        teacher only when the walk shows teacher names) and its visits so far in the
        period of `ask` (default: the walk's scope over all time)."""
        with self.db.transaction() as session:
            walk = live_walk(session, walk_id)
            shown = bool(walk.show_teacher_names)
            route = [(v.position, _clean(v.room), _clean(v.grade), _clean(v.subject),
                      _clean(v.teacher_name) if shown else "")
                     for v in walk.visits if v.deleted_at is None]
            title, day, series_id = walk.title, walk.walk_date, walk.series_id
            rows = self._visits(session, ask.series_id if ask else series_id)
        before: dict[str, int] = {}
        for row in rows:
            if row.walk_id == walk_id or row.status == d.WalkStatus.PLANNED.value:
                continue
            if ask is not None and not ask.start <= row.walk_date <= ask.end:
                continue
            room = _clean(row.room)
            if room:
                before[_key(room)] = before.get(_key(room), 0) + 1
        hosts = tuple(Host(number, room, grade, subject, teacher,
                           before.get(_key(room), 0) if room else 0)
                      for number, (_pos, room, grade, subject, teacher)
                      in enumerate(sorted(route), start=1))
        return HostList(walk_id, title, day, shown, hosts)

    # -- reading ---------------------------------------------------------------------------
    @staticmethod
    def _scope(query: Any, series_id: str | None) -> Any:
        # The facilitator's own walks: a walker's copy on this laptop would count twice.
        query = query.where(live(), m.Walk.local_mode == d.LocalMode.FACILITATOR.value)
        if series_id is not None:
            query = query.where(m.Walk.series_id == series_id)
        return query

    def _walks_query(self, series_id: str | None) -> Any:
        return self._scope(select(m.Walk.id, m.Walk.title, m.Walk.walk_date, m.Walk.status)
                           .order_by(m.Walk.walk_date, m.Walk.created_at, m.Walk.id),
                           series_id)

    def _visits(self, session: Any, series_id: str | None) -> list[Any]:
        # A teacher's name leaves the database only from a walk that shows names.
        teacher = case((m.Walk.show_teacher_names.is_(True), m.Visit.teacher_name),
                       else_=None).label("teacher")
        query = (select(m.Visit.room, m.Visit.grade, m.Visit.subject, teacher,
                        m.Walk.id.label("walk_id"), m.Walk.walk_date, m.Walk.status)
                 .join(m.Walk, m.Walk.id == m.Visit.walk_id)
                 .where(m.Visit.deleted_at.is_(None)))
        return list(session.execute(self._scope(query, series_id)).all())
