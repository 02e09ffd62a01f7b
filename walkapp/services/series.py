"""Walk series: a group's walks over a term, continued by "Plan again".

A series is named by the id of its first walk (`walks.series_id`); a walk never planned
again has no series (NULL). "Plan again" puts the walk it starts from in a series (its own,
if it had none) and makes the next walk of that series: the same protocol snapshot, school,
focus, roster and groups, look-fors, norms (to be agreed again), visit and corridor minutes
and privacy settings; a new date and a title that goes on counting. Nothing that was said
or written during a walk comes along: no notes, reflections, commitments, answers, action
items, feedback or timings. The route stays behind unless asked for: visiting the same
rooms every time is what coverage warns against.

What carries over from walk to walk — open commitments to review, open action items to
follow up — comes from the earlier walks of the walk's own series only (`earlier_walk_ids`),
never from every walk on the laptop (nor the sample walk).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from walkapp import domain as d
from walkapp.errors import ValidationError
from walkapp.events import Action, Entity
from walkapp.formatting import N_, tr
from walkapp.services import convert
from walkapp.services import summary_tables as summary
from walkapp.services import validate as v
from walkapp.services.base import ServiceBase
from walkapp.services.walks import copy_plan, live, live_walk, load_walk
from walkapp.storage import models as m

# "Year 5 maths walk — 2": a title that already counts (a dash, then 1–3 digits; a year
# such as "— 2026" is four digits and stays part of the name).
_NUMBERED = re.compile(r"^(?P<base>.*?\S)\s+[—–-]\s+(?P<number>\d{1,3})$")
# The next walk's default date is a week after the later of today and the series' last walk.
NEXT_WALK_DAYS = 7


def base_title(title: str) -> str:
    """The title without a series number at its end ("Maths walk — 3" → "Maths walk")."""
    match = _NUMBERED.match(title.strip())
    return match.group("base") if match else title.strip()


def numbered_title(title: str, number: int) -> str:
    """The title of the series' walk number `number` ("Maths walk — 2")."""
    return f"{base_title(title)} — {number}"


@dataclass(frozen=True)
class SeriesWalk:
    id: str
    title: str
    walk_date: date
    status: d.WalkStatus


@dataclass(frozen=True)
class Series:
    """A series' walks (not in the Trash), in the order they run: by date, then by when
    each was planned."""

    id: str
    walks: tuple[SeriesWalk, ...]

    @property
    def name(self) -> str:
        """What the series is called: its first walk's title, without a number."""
        return base_title(self.walks[0].title) if self.walks else ""

    def number_of(self, walk_id: str) -> int:
        """The walk's place in the series, from 1 (0: not one of its walks)."""
        return next((i for i, w in enumerate(self.walks, start=1) if w.id == walk_id), 0)


@dataclass(frozen=True)
class SeriesPlace:
    """Where one walk stands in its series: "2 of 3 in “Questioning, autumn”"."""

    series_id: str
    name: str
    number: int
    count: int


@dataclass(frozen=True)
class NextWalk:
    """What "Plan again" suggests for the next walk of a walk's series (all editable)."""

    from_walk_id: str
    title: str
    walk_date: date
    series_name: str
    number: int          # the new walk's place in the series
    route_size: int      # visits on the walk's route (offered to copy, off by default)


def _series_rows(session: Session, series_id: str) -> list[Any]:
    return list(session.execute(
        select(m.Walk.id, m.Walk.title, m.Walk.walk_date, m.Walk.status, m.Walk.created_at)
        .where(m.Walk.series_id == series_id, live())
        .order_by(m.Walk.walk_date, m.Walk.created_at, m.Walk.id)).all())


def _series(session: Session, series_id: str) -> Series:
    return Series(series_id, tuple(SeriesWalk(r.id, r.title, r.walk_date, d.WalkStatus(r.status))
                                   for r in _series_rows(session, series_id)))


def earlier_walk_ids(session: Session, walk: m.Walk) -> list[str]:
    """The walks of `walk`'s series that come before it (by date, then by when they were
    planned), oldest first; none for a walk with no series."""
    if walk.series_id is None:
        return []
    here = (walk.walk_date, walk.created_at, walk.id)
    return [r.id for r in _series_rows(session, walk.series_id)
            if (r.walk_date, r.created_at, r.id) < here]


def series_up_to(session: Session, walk: m.Walk) -> list[str]:
    """The walk's series up to and including the walk (just the walk, with no series)."""
    return [*earlier_walk_ids(session, walk), walk.id]


def _places(rows: Sequence[Any]) -> dict[str, SeriesPlace]:
    by_series: dict[str, list[Any]] = {}
    for row in sorted(rows, key=lambda r: (r.walk_date, r.created_at, r.id)):
        by_series.setdefault(row.series_id, []).append(row)
    places: dict[str, SeriesPlace] = {}
    for series_id, walks in by_series.items():
        name = base_title(walks[0].title)
        for number, row in enumerate(walks, start=1):
            places[row.id] = SeriesPlace(series_id, name, number, len(walks))
    return places


class SeriesService(ServiceBase):
    # -- reading -----------------------------------------------------------------------------
    def series_of(self, walk_id: str) -> Series | None:
        """The walk's series (None: the walk was never planned again, nor planned from
        another)."""
        with self.db.transaction() as session:
            walk = live_walk(session, walk_id)
            return _series(session, walk.series_id) if walk.series_id else None

    def place_of(self, walk_id: str) -> SeriesPlace | None:
        series = self.series_of(walk_id)
        if series is None:
            return None
        return SeriesPlace(series.id, series.name, series.number_of(walk_id), len(series.walks))

    def places(self) -> dict[str, SeriesPlace]:
        """Every walk in a series (not in the Trash), by walk id: for the walks library.
        Walks with no series are not read at all (the index on `series_id` finds the rest)."""
        # Plain Core columns, not the models: the first window's list needs no ORM.
        w = summary.walks.c
        with self.db.transaction() as session:
            rows = session.connection().execute(
                select(w.id, w.title, w.walk_date, w.created_at, w.series_id)
                .where(w.series_id.is_not(None), w.trashed_at.is_(None))).all()
        return _places(rows)

    def next_walk(self, walk_id: str) -> NextWalk:
        """What "Plan again" from this walk suggests: the next number's title and a date
        a week after the later of today and the series' last walk."""
        with self.db.transaction() as session:
            walk = load_walk(session, walk_id)
            _check_can_plan_again(walk)
            series = (_series(session, walk.series_id) if walk.series_id
                      else Series(walk.id, (SeriesWalk(walk.id, walk.title, walk.walk_date,
                                                       d.WalkStatus(walk.status)),)))
            route = sum(1 for vis in walk.visits if vis.deleted_at is None)
        last = max(w.walk_date for w in series.walks)
        start = max(self._today(), last)
        number = len(series.walks) + 1
        return NextWalk(walk_id, numbered_title(series.walks[0].title, number),
                        start + timedelta(days=NEXT_WALK_DAYS), series.name, number, route)

    def _today(self) -> date:
        now: datetime = self.clock()
        return now.astimezone().date()

    # -- planning again ----------------------------------------------------------------------
    def plan_again(self, walk_id: str, title: str | None = None,
                   walk_date: date | str | None = None, *, copy_route: bool = False
                   ) -> d.Walk:
        """The next walk of `walk_id`'s series (starting the series if it had none).

        `title` and `walk_date` default to `next_walk`'s suggestions; `copy_route` brings
        the route's visits (rooms, grades, subjects) too."""
        suggested = self.next_walk(walk_id)
        clean_title = v.required_text(title if title is not None else suggested.title,
                                      N_("The walk's title"), v.MAX_TITLE_CHARS)
        day = (v.parse_date(walk_date, N_("The walk's date")) if walk_date is not None
               else suggested.walk_date)
        with self.db.transaction(N_("planning the next walk")) as session:
            old = load_walk(session, walk_id)
            _check_can_plan_again(old)
            if old.series_id is None:
                old.series_id = old.id  # the first walk names its series
            new = copy_plan(session, old, clean_title, day, copy_route=copy_route,
                            series_id=old.series_id)
            session.flush()
            session.expire(new)
            result = convert.walk(load_walk(session, new.id))
        self.publish(Entity.WALK, Action.UPDATED, walk_id, walk_id)
        self.publish(Entity.WALK, Action.ADDED, result.id, result.id)
        return result


def _check_can_plan_again(walk: m.Walk) -> None:
    if walk.local_mode == d.LocalMode.WALKER.value:
        raise ValidationError(
            tr("This laptop holds a walker's copy of “{title}”: the facilitator plans the next "
               "walk of the series on their own laptop.").format(title=walk.title))
