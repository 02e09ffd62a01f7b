"""The facilitator's communication log: dated entries of meetings, messages and notes with
teachers, each optionally about a walk (walkapp.storage.models_log).

The log is the facilitator's own: its changes name no walk (`walk_id` None on every
`Change`), so no walk's screen, undo stack or closed-walk lock hears of them, and no kit,
notes file, export or merge reads the table. `reflections_named` is the other consent the
portfolio needs: a walker agreed to be named beside their reflections there.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from walkapp.errors import NotFoundError, ValidationError
from walkapp.events import Action, Entity
from walkapp.formatting import N_, tr
from walkapp.services import validate as v
from walkapp.services.base import ServiceBase
from walkapp.storage import models as m

__all__ = ["KIND_LABELS", "LogEntry", "LogKind", "LogService", "PortfolioWalker"]

MAX_LOG_TEXT = 20_000
MAX_WITH_WHOM = 300


class LogKind(StrEnum):
    MEETING = "meeting"
    MESSAGE = "message"
    NOTE = "note"


# Shown through walkapp.formatting.tr where drawn.
KIND_LABELS = {LogKind.MEETING: N_("Meeting"), LogKind.MESSAGE: N_("Message"),
               LogKind.NOTE: N_("Note")}


@dataclass(frozen=True)
class LogEntry:
    id: str
    kind: LogKind
    entry_date: date
    with_whom: str
    text: str
    walk_id: str | None
    walk_title: str | None     # the linked walk's title (None: no walk, or it is gone)
    walk_in_trash: bool
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class PortfolioWalker:
    """A walker (a person on walks' rosters) and whether they agreed to be named beside
    their reflections in the portfolio."""

    person_id: str
    name: str
    reflections_named: bool


def _entry(row: m.LogEntry, walk: m.Walk | None) -> LogEntry:
    return LogEntry(id=row.id, kind=LogKind(row.kind), entry_date=row.entry_date,
                    with_whom=row.with_whom, text=row.text, walk_id=row.walk_id,
                    walk_title=walk.title if walk is not None else None,
                    walk_in_trash=walk is not None and walk.trashed_at is not None,
                    created_at=row.created_at, updated_at=row.updated_at)


def _linked(session: Session, walk_id: str | None) -> str | None:
    if not walk_id:
        return None
    walk = session.get(m.Walk, walk_id)
    if walk is None or walk.trashed_at is not None:
        raise ValidationError(tr("That walk is not among your walks any more: choose "
                                 "another, or none."))
    return walk.id


class LogService(ServiceBase):
    # -- writing -----------------------------------------------------------------------------
    def add_entry(self, kind: LogKind | str, entry_date: date | str, with_whom: str,
                  text: str, walk_id: str | None = None) -> LogEntry:
        chosen = v.choice(LogKind, kind, N_("The kind of entry"))
        day = v.parse_date(entry_date, N_("The entry's date"))
        body = v.required_text(text, N_("What was said or agreed"), MAX_LOG_TEXT)
        who = v.name_text(with_whom, MAX_WITH_WHOM)
        with self.db.transaction(N_("adding the log entry")) as session:
            row = m.LogEntry(kind=chosen.value, entry_date=day, with_whom=who, text=body,
                             walk_id=_linked(session, walk_id))
            session.add(row)
            session.flush()
            result = _entry(row, session.get(m.Walk, row.walk_id) if row.walk_id else None)
        self.publish(Entity.LOG_ENTRY, Action.ADDED, None, result.id)
        return result

    def update_entry(self, entry_id: str, **changes: Any) -> LogEntry:
        """Change any of kind, entry_date, with_whom, text, walk_id."""
        unknown = set(changes) - {"kind", "entry_date", "with_whom", "text", "walk_id"}
        if unknown:
            raise ValueError(f"not a log entry's field: {sorted(unknown)}")
        with self.db.transaction(N_("saving the log entry")) as session:
            row = self._row(session, entry_id)
            if "kind" in changes:
                row.kind = v.choice(LogKind, changes["kind"], N_("The kind of entry")).value
            if "entry_date" in changes:
                row.entry_date = v.parse_date(changes["entry_date"], N_("The entry's date"))
            if "with_whom" in changes:
                row.with_whom = v.name_text(changes["with_whom"], MAX_WITH_WHOM)
            if "text" in changes:
                row.text = v.required_text(changes["text"], N_("What was said or agreed"),
                                           MAX_LOG_TEXT)
            if "walk_id" in changes and changes["walk_id"] != row.walk_id:
                row.walk_id = _linked(session, changes["walk_id"])
            session.flush()
            result = _entry(row, session.get(m.Walk, row.walk_id) if row.walk_id else None)
        self.publish(Entity.LOG_ENTRY, Action.UPDATED, None, entry_id)
        return result

    def delete_entry(self, entry_id: str) -> None:
        with self.db.transaction(N_("deleting the log entry")) as session:
            session.delete(self._row(session, entry_id))
        self.publish(Entity.LOG_ENTRY, Action.REMOVED, None, entry_id)

    @staticmethod
    def _row(session: Session, entry_id: str) -> m.LogEntry:
        row = session.get(m.LogEntry, entry_id)
        if row is None:
            raise NotFoundError(tr("That log entry was deleted in the meantime."))
        return row

    # -- reading -----------------------------------------------------------------------------
    def get_entry(self, entry_id: str) -> LogEntry:
        with self.db.transaction() as session:
            row = self._row(session, entry_id)
            return _entry(row, session.get(m.Walk, row.walk_id) if row.walk_id else None)

    def list_entries(self, start: date | None = None, end: date | None = None,
                     walk_id: str | None = None, *, newest_first: bool = True
                     ) -> list[LogEntry]:
        """The entries from `start` to `end` (both included; None: open), of one walk if
        `walk_id` is given; newest first (or oldest first, for a portfolio)."""
        query = select(m.LogEntry, m.Walk).outerjoin(m.Walk, m.Walk.id == m.LogEntry.walk_id)
        if start is not None:
            query = query.where(m.LogEntry.entry_date >= start)
        if end is not None:
            query = query.where(m.LogEntry.entry_date <= end)
        if walk_id is not None:
            query = query.where(m.LogEntry.walk_id == walk_id)
        order = (m.LogEntry.entry_date.desc(), m.LogEntry.created_at.desc()) if newest_first \
            else (m.LogEntry.entry_date, m.LogEntry.created_at)
        with self.db.transaction() as session:
            return [_entry(row, walk) for row, walk in session.execute(query.order_by(*order))]

    # -- a walker's consent to be named in the portfolio -------------------------------------
    def walkers_between(self, start: date, end: date) -> list[PortfolioWalker]:
        """The walkers on the rosters of the walks from `start` to `end` (not in the Trash,
        the facilitator's own), each once, by name."""
        query = (select(m.Person).join(m.Participant, m.Participant.person_id == m.Person.id)
                 .join(m.Walk, m.Walk.id == m.Participant.walk_id)
                 .where(m.Walk.walk_date >= start, m.Walk.walk_date <= end,
                        m.Walk.trashed_at.is_(None), m.Walk.local_mode == "facilitator",
                        m.Participant.role == "walker")
                 .distinct().order_by(m.Person.display_name))
        with self.db.transaction() as session:
            return [PortfolioWalker(p.id, p.display_name, p.reflections_named)
                    for p in session.scalars(query)]

    def name_in_portfolio(self, person_id: str, named: bool) -> PortfolioWalker:
        """Record whether the walker agreed to be named beside their reflections."""
        with self.db.transaction(N_("saving the walker's choice")) as session:
            person = session.get(m.Person, person_id)
            if person is None:
                raise NotFoundError(tr("That walker is not on any walk any more."))
            person.reflections_named = bool(named)
            result = PortfolioWalker(person.id, person.display_name, person.reflections_named)
        self.publish(Entity.PARTICIPANT, Action.UPDATED, None, person_id)
        return result
