"""Reminders: open action items that are overdue or due soon, so follow-through does not
lapse in the weeks between walks.

`reminders()` is what the walks library says at start-up ("2 action items are overdue,
1 is due in the next 7 days"); `due_state` is what the pre-brief's review marks beside each
open item; `calendar_items()` is what a calendar file (.ics, walkapp.exports.ics) holds:
every open item with a due date. "Today" is the services' clock, in local time, so tests
move it and never the wall clock. Walks in the Trash and a walker's copy of a walk (the
facilitator follows those items on their own laptop) are left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import select

from walkapp import domain as d
from walkapp.services.base import ServiceBase
from walkapp.services.series import series_up_to
from walkapp.services.walks import live, live_walk
from walkapp.storage import models as m

# "Due soon": on one of the next seven days, today included.
SOON_DAYS = 7


class DueState(StrEnum):
    OVERDUE = "overdue"    # the due date has passed
    TODAY = "today"        # due today
    SOON = "soon"          # due within SOON_DAYS
    LATER = "later"        # due after that
    NONE = "none"          # no due date, or not open


def due_state(item: d.ActionItem, today: date) -> DueState:
    if item.status is not d.ActionStatus.OPEN or item.due_date is None:
        return DueState.NONE
    if item.due_date < today:
        return DueState.OVERDUE
    if item.due_date == today:
        return DueState.TODAY
    if item.due_date < today + timedelta(days=SOON_DAYS):
        return DueState.SOON
    return DueState.LATER


@dataclass(frozen=True)
class DueItem:
    """An open action item with a due date, and the walk it was agreed at."""

    id: str
    text: str
    owner_name: str
    due_date: date
    state: DueState
    walk_id: str
    walk_title: str
    walk_date: date


@dataclass(frozen=True)
class Reminders:
    today: date
    overdue: tuple[DueItem, ...]   # oldest due date first
    soon: tuple[DueItem, ...]      # due today or in the next days, soonest first

    @property
    def any(self) -> bool:
        return bool(self.overdue or self.soon)


class ReminderService(ServiceBase):
    def today(self) -> date:
        return self.clock().astimezone().date()

    def reminders(self) -> Reminders:
        """Every open action item that is overdue or due within SOON_DAYS."""
        today = self.today()
        items = self.calendar_items()
        return Reminders(today,
                         tuple(i for i in items if i.state is DueState.OVERDUE),
                         tuple(i for i in items if i.state in {DueState.TODAY,
                                                               DueState.SOON}))

    def calendar_items(self, walk_id: str | None = None, *, series: bool = False
                       ) -> tuple[DueItem, ...]:
        """Open action items with a due date, soonest first: of every walk, or of
        `walk_id` alone, or (`series`) of `walk_id`'s series up to and including it."""
        today = self.today()
        query: Any = (select(m.ActionItem, m.Walk.title, m.Walk.walk_date)
                      .join(m.Walk, m.Walk.id == m.ActionItem.origin_walk_id)
                      .where(live(), m.Walk.local_mode == d.LocalMode.FACILITATOR.value,
                             m.ActionItem.status == d.ActionStatus.OPEN.value,
                             m.ActionItem.due_date.is_not(None))
                      .order_by(m.ActionItem.due_date, m.Walk.walk_date,
                                m.ActionItem.position, m.ActionItem.id))
        with self.db.transaction() as session:
            if walk_id is not None:
                walk = live_walk(session, walk_id)
                walks = series_up_to(session, walk) if series else [walk.id]
                query = query.where(m.ActionItem.origin_walk_id.in_(walks))
            rows = session.execute(query).all()
            result = []
            for item, title, day in rows:
                state = due_state(_domain(item), today)
                result.append(DueItem(item.id, item.text, item.owner_name, item.due_date,
                                      state, item.origin_walk_id, title, day))
        return tuple(result)


def _domain(row: m.ActionItem) -> d.ActionItem:
    return d.ActionItem(id=row.id, origin_walk_id=row.origin_walk_id, text=row.text,
                        owner_name=row.owner_name, due_date=row.due_date,
                        status=d.ActionStatus(row.status), position=row.position)
