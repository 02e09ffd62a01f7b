"""The Trash, and removing walks for good.

`WalkService.delete_walk` moves a walk to the Trash (`walks.trashed_at`); it stays there,
hidden from every list, report and import, for `TRASH_DAYS` days. Meanwhile `restore` gives
back that walk alone, exactly as it was — nothing else in the database is touched, so what
changed elsewhere since the delete stays changed.

Removal for good is one path for emptying the Trash, its expiry and `walkapp purge`
(`remove_for_good`): a checked copy of the database first (the safety net while it runs),
then one transaction that deletes the walks' rows (secure_delete overwrites them in the
file) and people on no other walk, a WAL checkpoint so the text leaves the -wal file too,
and — unless the caller keeps the backups as they are — every backup rewritten without the
walks (`walkapp.storage.scrub`), the safety-net copy included. Walks whose backups could not
all be scrubbed are remembered in `app_meta` and tried again the next time.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, cast

from sqlalchemy import delete, exists, func, select, update
from sqlalchemy.engine import CursorResult
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from walkapp import domain as d
from walkapp.errors import AmbiguousError, NotFoundError, ValidationError
from walkapp.events import Action, Entity
from walkapp.formatting import N_, tr
from walkapp.services import convert
from walkapp.services import summary_tables as summary
from walkapp.services.base import ServiceBase
from walkapp.services.walks import load_walk, matching_walks
from walkapp.storage import models as m
from walkapp.storage import search_index
from walkapp.storage.scrub import ScrubReport, scrub_backups

TRASH_DAYS = 30
# Walks removed for good whose text may still be in a backup that could not be rewritten.
PENDING_SCRUB_KEY = "scrub_pending"


@dataclass(frozen=True)
class TrashedWalk:
    id: str
    title: str
    walk_date: date
    school: str | None
    trashed_at: datetime
    expires_at: datetime
    note_count: int

    def expired(self, now: datetime) -> bool:
        return now >= self.expires_at


@dataclass(frozen=True)
class RemovalResult:
    """What a removal for good did."""

    walk_ids: tuple[str, ...]
    people_removed: int
    backup: Path | None                  # the copy made just before (the safety net)
    scrub: ScrubReport | None = None     # None: backups were kept as they were
    wal_cleared: bool = True             # False: the -wal file holds the text until the
                                         # next checkpoint (another reader was busy)
    titles: tuple[str, ...] = ()


class TrashService(ServiceBase):
    # -- what is in the Trash --------------------------------------------------------------
    def list_trash(self) -> list[TrashedWalk]:
        """Walks in the Trash, most recently deleted first."""
        # Only the trashed walks' notes are counted (through the notes' walk_id index):
        # this runs at every start, and the notes of the walks outside the Trash (a
        # million of them, say) must not be read to say how many are inside.
        trashed = select(m.Walk.id).where(m.Walk.trashed_at.is_not(None))
        notes = (select(m.Note.walk_id, func.count().label("n"))
                 .where(m.Note.deleted_at.is_(None), m.Note.walk_id.in_(trashed))
                 .group_by(m.Note.walk_id).subquery())
        query = (select(m.Walk, func.coalesce(notes.c.n, 0))
                 .outerjoin(notes, notes.c.walk_id == m.Walk.id)
                 .where(m.Walk.trashed_at.is_not(None))
                 .order_by(m.Walk.trashed_at.desc(), m.Walk.title))
        with self.db.transaction() as session:
            return [_trashed(w, n) for w, n in session.execute(query).all()]

    def trashed_ids(self) -> set[str]:
        """The ids of the walks in the Trash (what the library's Trash button counts):
        from the walks' summary index, without counting their notes as `list_trash` does."""
        with self.db.transaction() as session:
            # Core, not the models: the first window reads this (walkapp.storage).
            walks = summary.walks.c
            return set(session.scalars(select(walks.id).where(walks.trashed_at.is_not(None))))

    def expired(self) -> list[TrashedWalk]:
        """Walks whose days in the Trash are over, by the service's clock."""
        now = self.clock()
        return [t for t in self.list_trash() if t.expired(now)]

    def find_trashed(self, key: str) -> TrashedWalk:
        """A walk in the Trash by id, id prefix, or title (prefix), case-blind."""
        needle = key.strip()
        if not needle:
            raise ValidationError(tr("Name a walk in the Trash by its id or the start of its "
                                     "title (`walkapp trash list` shows them)."))
        trashed = self.list_trash()
        exact = [t for t in trashed if t.id == needle]
        matches = exact or list(matching_walks(trashed, needle).values())
        if not matches:
            raise NotFoundError(tr("No walk in the Trash matches {key!r}. `walkapp trash list` "
                                   "shows what is there.").format(
                                    key=key))
        if len(matches) > 1:
            names = "; ".join(f"{t.title} ({t.id[:8]})" for t in matches[:5])
            raise AmbiguousError(tr("{key!r} matches {matches} walks in the Trash: {names}. Use "
                                    "more of the title or the id.").format(
                                     key=key, matches=len(matches), names=names))
        return matches[0]

    # -- undo ----------------------------------------------------------------------------
    def restore(self, walk_id: str) -> d.Walk:
        """Bring back this one walk as it was; nothing else changes."""
        with self.db.transaction(N_("restoring the walk from the Trash")) as session:
            row = session.get(m.Walk, walk_id)
            if row is None:
                raise NotFoundError(tr("No walk with id {walk_id} is on this laptop (it may "
                                       "have been removed for good).").format(
                                        walk_id=walk_id))
            if row.trashed_at is None:
                raise NotFoundError(tr("The walk “{title}” is not in the Trash.").format(
                                        title=row.title))
            session.execute(update(m.Walk).where(m.Walk.id == walk_id)
                            .values(trashed_at=None, updated_at=row.updated_at)
                            .execution_options(synchronize_session=False))
            session.expire(row)
            result = convert.walk(load_walk(session, walk_id))
        self.publish(Entity.WALK, Action.ADDED, walk_id, walk_id)
        return result

    # -- removal for good ------------------------------------------------------------------
    def empty(self, walk_ids: Sequence[str] | None = None, *,
              keep_in_backups: bool = False) -> RemovalResult:
        """Remove walks in the Trash for good: these (each must be in the Trash), or all."""
        trashed = {t.id: t for t in self.list_trash()}
        ids = list(trashed) if walk_ids is None else list(dict.fromkeys(walk_ids))
        outside = [i for i in ids if i not in trashed]
        if outside:
            raise NotFoundError(tr("Only walks in the Trash can be removed from it; {outside} "
                                   "of these are not in the Trash. Nothing was removed.").format(
                                    outside=len(outside)))
        return self.remove_for_good(ids, reason="pre-empty-trash",
                                    keep_in_backups=keep_in_backups)

    def expire(self, *, keep_in_backups: bool = False) -> RemovalResult:
        """Remove for good the walks whose days in the Trash are over (at start-up)."""
        return self.remove_for_good([t.id for t in self.expired()], reason="pre-empty-trash",
                                    keep_in_backups=keep_in_backups)

    def pending_scrub(self) -> tuple[str, ...]:
        """Walks removed for good that a backup could not yet be scrubbed of."""
        with self.db.transaction() as session:
            return _pending(session)

    def remove_for_good(self, walk_ids: Sequence[str], *, reason: str,
                        keep_in_backups: bool = False, backup: bool = True
                        ) -> RemovalResult:
        """Delete exactly these walks (in the Trash or not) and everything recorded in them,
        in one transaction; then scrub them from the backups unless `keep_in_backups`.

        With no walks, only the backups that could not be scrubbed last time are tried
        again."""
        ids = tuple(dict.fromkeys(walk_ids))
        if not ids:
            return RemovalResult((), 0, None, self._retry_scrub(), self._checkpoint())
        copy: Path | None = None
        if backup:
            from walkapp.storage.backup import backup_now

            copy = backup_now(self.db, reason)
        scrub = not keep_in_backups and self.db.path is not None
        with self.db.transaction(N_("removing walks for good")) as session:
            rows = session.scalars(select(m.Walk).where(m.Walk.id.in_(ids))).all()
            missing = set(ids) - {r.id for r in rows}
            if missing:
                raise NotFoundError(
                    tr("{missing} of the walks to remove no longer exist; nothing was removed. "
                       "List them again.").format(missing=len(missing)))
            titles = {r.id: r.title for r in rows}
            for row in rows:
                # Notes, visits, logs, action items… go by ON DELETE CASCADE.
                session.delete(row)
            session.flush()
            orphans = delete(m.Person).where(
                ~exists().where(m.Participant.person_id == m.Person.id),
                ~exists().where(m.ActionItem.owner_person_id == m.Person.id)
            ).execution_options(synchronize_session=False)
            people = cast("CursorResult[Any]", session.execute(orphans)).rowcount or 0
            connection = session.connection()
            if connection.dialect.name == "sqlite":
                # The search index keeps a deleted text's words until its segments merge.
                search_index.forget_deleted(connection.exec_driver_sql)
            pending = _pending(session)
            if scrub:
                # Written with the delete: if the scrub below is cut short, the next
                # emptying, purge or start-up finishes it.
                _set_pending(session, (*pending, *ids))
        cleared = self._checkpoint()
        for walk_id in ids:
            self.publish(Entity.WALK, Action.REMOVED, walk_id, walk_id)
        report = self._scrub((*pending, *ids)) if scrub else None
        return RemovalResult(ids, people, copy, report, cleared,
                             tuple(titles[i] for i in ids))

    def _retry_scrub(self) -> ScrubReport | None:
        if self.db.path is None:
            return None
        pending = self.pending_scrub()
        return self._scrub(pending) if pending else None

    def _scrub(self, walk_ids: Sequence[str]) -> ScrubReport:
        report = scrub_backups(self.db.settings.backup_dir, walk_ids)
        if not report.failed:
            with self.db.transaction(N_("noting that the backups were scrubbed")) as session:
                _set_pending(session, ())
            self._checkpoint()
        return report

    def _checkpoint(self) -> bool:
        """Fold the WAL into the database and empty it, so removed text leaves the -wal
        file too (secure_delete has already zeroed it in the database's own pages).
        False if a reader kept SQLite from finishing it."""
        if self.db.path is None:
            return True
        with contextlib.suppress(SQLAlchemyError), self.db.engine.connect() as connection:
            row = connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            return row is None or int(row[0]) == 0
        return False


def _trashed(row: m.Walk, notes: int) -> TrashedWalk:
    assert row.trashed_at is not None
    return TrashedWalk(id=row.id, title=row.title, walk_date=row.walk_date, school=row.school,
                       trashed_at=row.trashed_at,
                       expires_at=row.trashed_at + timedelta(days=TRASH_DAYS),
                       note_count=int(notes))


def _pending(session: Session) -> tuple[str, ...]:
    row = session.get(m.AppMeta, PENDING_SCRUB_KEY)
    if row is None:
        return ()
    try:
        value = json.loads(row.value)
    except ValueError:
        return ()
    return tuple(str(i) for i in value) if isinstance(value, list) else ()


def _set_pending(session: Session, walk_ids: Sequence[str]) -> None:
    ids = list(dict.fromkeys(walk_ids))
    row = session.get(m.AppMeta, PENDING_SCRUB_KEY)
    if not ids:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(m.AppMeta(key=PENDING_SCRUB_KEY, value=json.dumps(ids)))
    else:
        row.value = json.dumps(ids)
