"""Retention: remove walks older than a number of months, after showing which ones.

Notes concern colleagues and children, so a school may decide to keep them only for a
while. The setting lives in the database's `app_meta` table (key `retention_months`); the
purge itself is always two steps — `walks_older_than` lists, the user confirms, then
`purge_walks` deletes exactly the walks that were listed (never a fresh query's result, so
what is deleted is what was shown). A backup is made first, so a mistaken purge can be
undone with `walkapp restore`; that copy ages out of the rotation like any other.

People who no longer appear on any walk are removed too: their names would otherwise stay
in the database after every walk they were on is gone.
"""

from __future__ import annotations

import calendar
import contextlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, cast

from sqlalchemy import delete, exists, select
from sqlalchemy.engine import CursorResult
from sqlalchemy.exc import SQLAlchemyError

from walkapp import domain as d
from walkapp.errors import NotFoundError, ValidationError
from walkapp.events import Action
from walkapp.services.base import ServiceBase
from walkapp.services.walks import WalkService
from walkapp.storage import models as m

RETENTION_KEY = "retention_months"
MAX_RETENTION_MONTHS = 1200


@dataclass(frozen=True)
class PurgeResult:
    walk_ids: tuple[str, ...]
    people_removed: int
    backup: Path | None


def months_before(today: date, months: int) -> date:
    """The same day `months` calendar months earlier (clamped to the month's last day)."""
    index = today.year * 12 + (today.month - 1) - months
    year, month = divmod(index, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(today.day, last_day))


def check_months(months: int) -> int:
    if isinstance(months, bool) or not isinstance(months, int) or \
            not 1 <= months <= MAX_RETENTION_MONTHS:
        raise ValidationError(
            f"Keep walks for a whole number of months from 1 to {MAX_RETENTION_MONTHS} "
            f"(got {months!r}).")
    return months


class RetentionService(ServiceBase):
    # -- the setting ---------------------------------------------------------------------
    def retention_months(self) -> int | None:
        """How many months walks are kept, or None for "keep everything" (the default)."""
        with self.db.transaction() as session:
            row = session.get(m.AppMeta, RETENTION_KEY)
            if row is None:
                return None
            with contextlib.suppress(ValueError):
                return check_months(int(row.value))
            return None

    def set_retention_months(self, months: int | None) -> None:
        value = None if months is None else check_months(months)
        with self.db.transaction("saving the retention setting") as session:
            row = session.get(m.AppMeta, RETENTION_KEY)
            if value is None:
                if row is not None:
                    session.delete(row)
            elif row is None:
                session.add(m.AppMeta(key=RETENTION_KEY, value=str(value)))
            else:
                row.value = str(value)
        self.publish("setting", Action.UPDATED, None, RETENTION_KEY)

    # -- listing and purging ---------------------------------------------------------------
    def walks_older_than(self, months: int, today: date | None = None
                         ) -> list[d.WalkSummary]:
        """Walks dated before `months` months ago, oldest first: what a purge would remove."""
        cutoff = months_before(today or date.today(), check_months(months))
        walks = WalkService(self.db, self.bus).list_walks()
        return sorted((w for w in walks if w.walk_date < cutoff),
                      key=lambda w: (w.walk_date, w.title))

    def purge_walks(self, walk_ids: Sequence[str], *, backup: bool = True) -> PurgeResult:
        """Delete exactly these walks and everything recorded in them, in one transaction."""
        ids = tuple(dict.fromkeys(walk_ids))
        if not ids:
            return PurgeResult((), 0, None)
        copy: Path | None = None
        if backup:
            from walkapp.storage.backup import backup_now

            copy = backup_now(self.db, "pre-purge")
        with self.db.transaction("removing old walks") as session:
            rows = session.scalars(select(m.Walk).where(m.Walk.id.in_(ids))).all()
            missing = set(ids) - {r.id for r in rows}
            if missing:
                raise NotFoundError(
                    f"{len(missing)} of the walks to remove no longer exist; nothing was "
                    "removed. List them again.")
            for row in rows:
                # Notes, visits, logs, action items… go by ON DELETE CASCADE.
                session.delete(row)
            session.flush()
            orphans = delete(m.Person).where(
                ~exists().where(m.Participant.person_id == m.Person.id),
                ~exists().where(m.ActionItem.owner_person_id == m.Person.id)
            ).execution_options(synchronize_session=False)
            people = cast("CursorResult[Any]", session.execute(orphans)).rowcount or 0
        self._checkpoint()
        for walk_id in ids:
            self.publish("walk", Action.REMOVED, walk_id, walk_id)
        return PurgeResult(ids, people, copy)

    def _checkpoint(self) -> None:
        """Fold the WAL into the database and empty it, so removed text leaves the -wal
        file too (secure_delete has already zeroed it in the database's own pages)."""
        if self.db.path is None:
            return
        with contextlib.suppress(SQLAlchemyError), self.db.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
