"""Tallies: each person's counts (taps) and timed durations (seconds) per visit, for the
`[[tallies]]` of a version 2 protocol ("questions asked", "student talk time").

One row per (walk, visit, author, tally): its id is derived from those four (`row_id`), so
the same walker's tally is the same row on every laptop (a second laptop of the same
walker meets it in the merge as the same family, never as a second count). Rows travel in
notes files and merge like notes (walkapp.bundles.tally_part); each author owns theirs.

What leaves the observation page is only ever school-level (`summary`): per tally the
total across the walk and the spread across visits (least, median, most of the per-visit
values), never a list by visit, walker or teacher.
"""

from __future__ import annotations

import statistics
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from walkapp import formatting as fmt
from walkapp.errors import NotFoundError, ValidationError, WalkInTrashError
from walkapp.events import Action, Entity
from walkapp.formatting import N_, tr
from walkapp.protocol.schema import Tally, TallyKind
from walkapp.services.base import ServiceBase
from walkapp.storage import models as m

# Far more than a visit can hold (a tap a second for a day; a day in seconds), so a
# hostile file or a stuck key cannot store a number no report can print.
MAX_COUNT = 100_000
MAX_SECONDS = 24 * 60 * 60
MAX_KEY_CHARS = 60
_NAMESPACE = uuid.UUID("0b7a3c55-2f0e-4c3a-9d51-7a11e5a7c0de")


def row_id(walk_id: str, visit_id: str, author_id: str | None, tally_key: str) -> str:
    """The row of `author_id`'s tally `tally_key` in one visit: the same on every laptop."""
    return str(uuid.uuid5(_NAMESPACE, f"{walk_id}|{visit_id}|{author_id or ''}|{tally_key}"))


@dataclass(frozen=True)
class TallyValue:
    """One person's count or time for one tally in one visit."""

    id: str
    walk_id: str
    visit_id: str | None
    author_id: str | None
    tally_key: str
    count: int
    seconds: int
    revision: int


@dataclass(frozen=True)
class TallySummary:
    """One tally across the walk, school level: the total of everyone's counts (or
    seconds), how many visits and people it was kept in, and the spread of the per-visit
    values (each visit's value is the mean of the people who kept it there)."""

    key: str
    label: str
    kind: TallyKind
    total: int
    visits: int
    people: int
    least: float | None = None
    median: float | None = None
    most: float | None = None

    @property
    def is_duration(self) -> bool:
        return self.kind is TallyKind.DURATION

    def figure(self, value: float | None) -> str:
        """`value` as people read it: "12", "4.5" for a count; "3:05" (minutes:seconds)
        or "1:02:05" for a duration; "–" for none."""
        if value is None:
            return "–"
        if not self.is_duration:
            return fmt.number(round(value, 1), 1)
        minutes, seconds = divmod(round(value), 60)
        hours, minutes = divmod(minutes, 60)
        return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


def _value(row: m.Tally) -> TallyValue:
    live = row.deleted_at is None
    return TallyValue(id=row.id, walk_id=row.walk_id, visit_id=row.visit_id,
                      author_id=row.author_id, tally_key=row.tally_key,
                      count=row.count if live else 0, seconds=row.seconds if live else 0,
                      revision=row.revision)


def _check_key(key: str) -> str:
    if not isinstance(key, str) or not key.strip() or len(key) > MAX_KEY_CHARS:
        raise ValidationError(tr("A tally's key should be 1 to {max_key_chars} characters.").format(
                                  max_key_chars=MAX_KEY_CHARS))
    return key


class TallyService(ServiceBase):
    def add(self, walk_id: str, visit_id: str, author_id: str | None, tally_key: str,
            count: int = 0, seconds: int = 0) -> TallyValue:
        """Add `count` taps and `seconds` to the tally (negative takes away; never below
        zero, never past MAX_COUNT / MAX_SECONDS). A tally at zero keeps its row."""
        key = _check_key(tally_key)
        if not isinstance(count, int) or not isinstance(seconds, int):
            raise ValidationError(tr("A tally changes by a whole number."))
        with self.db.transaction(N_("saving the count")) as session:
            self._check_refs(session, walk_id, visit_id, author_id)
            rid = row_id(walk_id, visit_id, author_id, key)
            row = session.get(m.Tally, rid)
            if row is None:
                row = m.Tally(id=rid, walk_id=walk_id, visit_id=visit_id,
                              author_id=author_id, tally_key=key, count=0, seconds=0)
                session.add(row)
                action = Action.ADDED
            else:
                action = Action.UPDATED
                if row.deleted_at is not None:  # taken away by an undo: counts from zero
                    row.deleted_at, row.count, row.seconds = None, 0, 0
            new_count = min(MAX_COUNT, max(0, (row.count or 0) + count))
            new_seconds = min(MAX_SECONDS, max(0, (row.seconds or 0) + seconds))
            if action is Action.UPDATED and (new_count, new_seconds) != (row.count,
                                                                         row.seconds):
                row.revision += 1
            row.count, row.seconds = new_count, new_seconds
            session.flush()
            result = _value(row)
        self.publish(Entity.TALLY, action, walk_id, result.id)
        return result

    @staticmethod
    def _check_refs(session: Session, walk_id: str, visit_id: str,
                    author_id: str | None) -> None:
        walk = session.get(m.Walk, walk_id)
        if walk is None:
            raise NotFoundError(tr("No walk with id {walk_id}.").format(walk_id=walk_id))
        if walk.trashed_at is not None:
            raise WalkInTrashError(walk.id, walk.title)
        visit = session.get(m.Visit, visit_id)
        if visit is None or visit.walk_id != walk_id:
            raise NotFoundError(tr("That visit is not part of this walk."))
        if visit.deleted_at is not None:
            raise NotFoundError(tr("That visit was removed from the route."))
        if author_id is not None:
            author = session.get(m.Participant, author_id)
            if author is None or author.walk_id != walk_id:
                raise NotFoundError(tr("The count's author is not on this walk's roster."))

    def for_visit(self, walk_id: str, visit_id: str, author_id: str | None
                  ) -> dict[str, TallyValue]:
        """`author_id`'s tallies in one visit, by tally key."""
        with self.db.transaction() as session:
            rows = session.scalars(select(m.Tally).where(
                m.Tally.walk_id == walk_id, m.Tally.visit_id == visit_id,
                m.Tally.conflict_of.is_(None),
                (m.Tally.author_id == author_id) if author_id is not None
                else m.Tally.author_id.is_(None)))
            return {row.tally_key: _value(row) for row in rows}

    def list_tallies(self, walk_id: str) -> list[TallyValue]:
        """Every live tally of the walk (one per family: a conflict copy is left out)."""
        with self.db.transaction() as session:
            rows = session.scalars(select(m.Tally).where(
                m.Tally.walk_id == walk_id, m.Tally.deleted_at.is_(None),
                m.Tally.conflict_of.is_(None)).order_by(m.Tally.tally_key, m.Tally.id))
            return [_value(row) for row in rows]

    def summary(self, walk_id: str, tallies: Sequence[Tally]) -> tuple[TallySummary, ...]:
        """The protocol's `tallies` across the walk, in the protocol's order (see
        `summarise`)."""
        return summarise(self.list_tallies(walk_id), tallies)


def summarise(values: Iterable[TallyValue], tallies: Sequence[Tally]
              ) -> tuple[TallySummary, ...]:
    """School-level figures per tally of `tallies` (one per tally, even if nobody kept it).
    A key the protocol does not have (a row from another protocol) is left out."""
    by_key: dict[str, list[TallyValue]] = {}
    for value in values:
        by_key.setdefault(value.tally_key, []).append(value)
    result = []
    for tally in tallies:
        rows = by_key.get(tally.key, [])
        timed = tally.kind is TallyKind.DURATION

        def amount(value: TallyValue, timed: bool = timed) -> int:
            return value.seconds if timed else value.count

        per_visit: dict[str | None, list[int]] = {}
        for row in rows:
            per_visit.setdefault(row.visit_id, []).append(amount(row))
        means = sorted(sum(vals) / len(vals) for vals in per_visit.values())
        result.append(TallySummary(
            key=tally.key, label=tally.label, kind=tally.kind,
            total=sum(amount(row) for row in rows), visits=len(per_visit),
            people=len({row.author_id for row in rows}),
            least=means[0] if means else None,
            median=statistics.median(means) if means else None,
            most=means[-1] if means else None))
    return tuple(result)
