"""Retention: remove walks older than a number of months, after showing which ones.

Notes concern colleagues and children, so a school may decide to keep them only for a
while. The setting lives in the database's `app_meta` table (key `retention_months`); the
purge itself is always two steps — `walks_older_than` lists, the user confirms, then
`purge_walks` deletes exactly the walks that were listed (never a fresh query's result, so
what is deleted is what was shown). Walks in the Trash are listed (and purged) like the
others.

The removal itself is `TrashService.remove_for_good`, shared with emptying the Trash: a
backup first (the safety net while the purge runs), the rows deleted with secure_delete,
people who no longer appear on any walk removed too (their names would otherwise stay),
and then every backup — that first copy included — scrubbed of the walks, unless the
caller keeps the backups as they are (`keep_in_backups`; then the first copy can undo a
mistaken purge with `walkapp restore` until the rotation ages it out).
"""

from __future__ import annotations

import calendar
import contextlib
from collections.abc import Sequence
from datetime import date

from walkapp import domain as d
from walkapp.errors import ValidationError
from walkapp.events import Action, Entity
from walkapp.formatting import N_, tr
from walkapp.services.base import ServiceBase
from walkapp.services.trash import RemovalResult, TrashService
from walkapp.services.walks import WalkService
from walkapp.storage import models as m

RETENTION_KEY = "retention_months"
MAX_RETENTION_MONTHS = 1200

PurgeResult = RemovalResult


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
            tr("Keep walks for a whole number of months from 1 to {max_retention_months} (got "
               "{months!r}).").format(
                max_retention_months=MAX_RETENTION_MONTHS, months=months))
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
        with self.db.transaction(N_("saving the retention setting")) as session:
            row = session.get(m.AppMeta, RETENTION_KEY)
            if value is None:
                if row is not None:
                    session.delete(row)
            elif row is None:
                session.add(m.AppMeta(key=RETENTION_KEY, value=str(value)))
            else:
                row.value = str(value)
        self.publish(Entity.SETTING, Action.UPDATED, None, RETENTION_KEY)

    # -- listing and purging ---------------------------------------------------------------
    def walks_older_than(self, months: int, today: date | None = None
                         ) -> list[d.WalkSummary]:
        """Walks dated before `months` months ago, oldest first: what a purge would remove
        (walks in the Trash too; their `trashed_at` is set)."""
        cutoff = months_before(today or date.today(), check_months(months))
        walks = WalkService(self.db, self.bus, self.clock).list_walks(include_trashed=True)
        return sorted((w for w in walks if w.walk_date < cutoff),
                      key=lambda w: (w.walk_date, w.title))

    def purge_walks(self, walk_ids: Sequence[str], *, backup: bool = True,
                    keep_in_backups: bool = False) -> PurgeResult:
        """Delete exactly these walks and everything recorded in them, in one transaction,
        then scrub them from every backup unless `keep_in_backups`."""
        return TrashService(self.db, self.bus, self.clock).remove_for_good(
            walk_ids, reason="pre-purge", keep_in_backups=keep_in_backups, backup=backup)
