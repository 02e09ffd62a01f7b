"""Walks: create, find, list, change, duplicate and delete.

Deleting a walk moves it to the Trash (`walks.trashed_at`): its rows stay, but every
reader goes through `live_walk`/`load_walk` or the `live()` filter, so a trashed walk is
gone from lists, searches, reports, the series of earlier walks, kits and imports until it
is restored (see `walkapp.services.trash`, which also removes walks for good).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import exists, func, select, update
from sqlalchemy.orm import Session, selectinload

from walkapp import domain as d
from walkapp import formatting as fmt
from walkapp import visit_fields
from walkapp.errors import AmbiguousError, NotFoundError, ValidationError, WalkInTrashError
from walkapp.events import Action, Entity
from walkapp.formatting import N_, tr
from walkapp.protocol import choices as plan_choices
from walkapp.protocol.schema import VISIT_MINUTES_MAX
from walkapp.services import convert
from walkapp.services import summary_tables as summary
from walkapp.services import validate as v
from walkapp.services.base import ServiceBase, current_reads, shared_read
from walkapp.storage import models as m


@dataclass(frozen=True)
class NewWalk:
    """What a facilitator decides when starting a walk; the rest comes from the protocol."""

    title: str
    walk_date: date
    focus: str = ""
    school: str | None = None
    language: str = "en"
    protocol_id: str = ""
    protocol_version: str = ""
    protocol_hash: str = ""
    protocol_snapshot: str = ""
    visit_minutes: int = 10
    corridor_minutes: int = 3


# Fields `update_walk` may change, with the check each value must pass.
_EDITABLE: dict[str, Callable[[Any], Any]] = {
    "title": lambda x: v.required_text(x, N_("The walk's title"), v.MAX_TITLE_CHARS),
    "walk_date": lambda x: v.parse_date(x, N_("The walk's date")),
    "school": lambda x: v.optional_text(x, N_("The school's name"), v.MAX_TITLE_CHARS),
    "focus": lambda x: v.body_text(x, N_("The focus"), 20_000).strip(),
    "language": lambda x: v.required_text(x, N_("The language"), 16),
    "visit_minutes": lambda x: v.minutes(x, N_("Visit length"), 1, VISIT_MINUTES_MAX),
    "corridor_minutes": lambda x: v.minutes(x, N_("Corridor talk"), 0, 30),
    # JSON (or PlanChoices); checked against the walk's protocol too, see `update_walk`.
    "plan_choices": plan_choices.clean_json,
    "show_teacher_names": bool,
    "attribute_commitments": bool,
    "include_visit_details": bool,
    "sign_thank_you_with_names": bool,
    "status": lambda x: v.choice(d.WalkStatus, x, "Status").value,
    "current_phase": lambda x: v.required_text(x, N_("Phase"), 40),
    "current_step": int,
    "local_mode": lambda x: v.choice(d.LocalMode, x, "Mode").value,
    "local_participant_id": lambda x: x or None,
}


def escape_like(text: str) -> str:
    """Escape LIKE wildcards so a search for "50%" finds "50%", not everything."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


_STATUSES = {s.value: s for s in d.WalkStatus}
_MODES = {s.value: s for s in d.LocalMode}

def live() -> Any:
    """Walks not in the Trash: every query across walks adds this condition. (A function:
    the models are imported when first used, not with this module; see walkapp.storage.)"""
    return m.Walk.trashed_at.is_(None)


def _check_live(row: m.Walk | None, walk_id: str) -> m.Walk:
    if row is None:
        raise NotFoundError(tr("No walk with id {walk_id}.").format(walk_id=walk_id))
    if row.trashed_at is not None:
        raise WalkInTrashError(row.id, row.title)
    return row


def live_walk(session: Session, walk_id: str) -> m.Walk:
    """The walk's row, for reading or writing it; a walk in the Trash is refused."""
    return _check_live(session.get(m.Walk, walk_id), walk_id)


def load_walk(session: Session, walk_id: str) -> m.Walk:
    """The walk with its plan loaded (roster, groups, route, look-fors, norms)."""
    row = session.get(m.Walk, walk_id, options=[
        selectinload(m.Walk.participants), selectinload(m.Walk.groups),
        selectinload(m.Walk.visits), selectinload(m.Walk.look_fors),
        selectinload(m.Walk.norms)])
    return _check_live(row, walk_id)


def matching_walks(rows: Sequence[Any], needle: str) -> dict[str, Any]:
    """Rows (with .id and .title) matching an id prefix or a title (prefix), case-blind."""
    lowered = needle.casefold()
    by_id = [r for r in rows if r.id.startswith(needle.lower())] if len(needle) >= 4 else []
    exact = [r for r in rows if r.title.casefold() == lowered]
    by_title = exact or [r for r in rows if r.title.casefold().startswith(lowered)]
    return {r.id: r for r in by_id + by_title}


class WalkService(ServiceBase):
    def create_walk(self, new: NewWalk) -> d.Walk:
        row = m.Walk(
            title=v.required_text(new.title, N_("The walk's title"), v.MAX_TITLE_CHARS),
            walk_date=v.parse_date(new.walk_date, N_("The walk's date")),
            focus=v.body_text(new.focus, N_("The focus"), 20_000).strip(),
            school=v.optional_text(new.school, N_("The school's name"), v.MAX_TITLE_CHARS),
            language=new.language or "en",
            protocol_id=new.protocol_id, protocol_version=new.protocol_version,
            protocol_hash=new.protocol_hash, protocol_snapshot=new.protocol_snapshot,
            visit_minutes=v.minutes(new.visit_minutes, N_("Visit length"), 1, VISIT_MINUTES_MAX),
            corridor_minutes=v.minutes(new.corridor_minutes, N_("Corridor talk"), 0, 30),
        )
        with self.db.transaction(N_("creating a walk")) as session:
            session.add(row)
            session.flush()
            result = convert.walk(load_walk(session, row.id))
        self.publish(Entity.WALK, Action.ADDED, result.id, result.id)
        return result

    def get_walk(self, walk_id: str) -> d.Walk:
        def read() -> d.Walk:
            with self.db.transaction() as session:
                return convert.walk(load_walk(session, walk_id))

        walk: d.Walk = shared_read((id(self.db), "walk", walk_id), read)
        return walk

    def language(self, walk_id: str) -> str:
        """The walk's language alone (one column, not the whole walk): what a text box
        built later needs for its nudge. Shared within `same_reads()` like the walk."""
        def read() -> str:
            with self.db.transaction() as session:
                row = session.execute(select(m.Walk.language, m.Walk.trashed_at)
                                      .where(m.Walk.id == walk_id)).first()
                if row is None or row.trashed_at is not None:
                    live_walk(session, walk_id)  # says what is wrong, as get_walk would
                return str(row.language) if row is not None else "en"

        shared = current_reads()
        walk = shared.get((id(self.db), "walk", walk_id)) if shared is not None else None
        if walk is not None:  # the whole walk was read in this block already
            return str(walk.language)
        language: str = shared_read((id(self.db), "language", walk_id), read)
        return language

    def protocol_snapshot(self, walk_id: str) -> str:
        def read() -> str:
            with self.db.transaction() as session:
                return live_walk(session, walk_id).protocol_snapshot

        # Shared within `same_reads()` like the walk: a walk's pages each need its protocol.
        snapshot: str = shared_read((id(self.db), "protocol_snapshot", walk_id), read)
        return snapshot

    def list_walks(self, search: str = "", *, include_trashed: bool = False,
                   limit: int | None = None) -> list[d.WalkSummary]:
        """All walks, newest first, with their counts; `search`: only the walks with a text
        that matches it (`SearchService.matching_walk_ids`).
        Walks in the Trash are left out unless `include_trashed` (for a purge's listing).
        `limit`: the first so many only (a screenful to show while the rest is read).

        Read from the summary's columns only (`ix_walks_summary` covers them: never a
        walk's protocol snapshot) and the counts `walk_counts` keeps (migration 0007), so
        it costs the same at a million notes as at none."""
        # Plain Core tables, not the models (walkapp.services.summary_tables): the first
        # window's list needs no ORM.
        w, counts, notes = summary.walks.c, summary.walk_counts.c, summary.COPIES["notes"]
        # A note changed on two laptops is one note, however many versions wait beside it:
        # `walk_counts.notes` has the live notes that are not conflict copies (nor a visit
        # form's answers, migration 0011); add each family whose own row was deleted while
        # a copy lives on (from `ix_notes_copies`, conflict copies only: a few rows,
        # whatever the size of the walks).
        main = notes.alias()
        orphans = (select(notes.c.walk_id,
                          func.count(func.distinct(notes.c.conflict_of)).label("n"))
                   .where(notes.c.conflict_of.is_not(None), notes.c.deleted_at.is_(None),
                          notes.c.form_key.is_(None),  # a form's answers are not notes
                          ~exists().where(main.c.id == notes.c.conflict_of,
                                          main.c.deleted_at.is_(None)))
                   .group_by(notes.c.walk_id).subquery())
        query = (select(w.id, w.title, w.walk_date, w.school, w.protocol_id, w.status,
                        w.current_phase, w.local_mode, w.updated_at, w.trashed_at,
                        func.coalesce(counts.walkers, 0), func.coalesce(counts.visits, 0),
                        func.coalesce(counts.notes, 0) + func.coalesce(orphans.c.n, 0))
                 .select_from(summary.walks)
                 .outerjoin(summary.walk_counts, counts.walk_id == w.id)
                 .outerjoin(orphans, orphans.c.walk_id == w.id)
                 .order_by(w.walk_date.desc(), w.created_at.desc()))
        if not include_trashed:
            query = query.where(w.trashed_at.is_(None))
        found: set[str] | None = None
        if search.strip():
            # Through the search index (walkapp.services.search): any text of the walk —
            # its title, focus, school, notes, commitments… — with the same rules as a
            # search (words as word starts, privacy settings, walker mode).
            from walkapp.services.search import SearchService

            found = SearchService(self.db, self.bus, self.clock).matching_walk_ids(
                search, include_trashed=include_trashed)
            if not found:
                return []
        elif limit is not None:
            query = query.limit(limit)
        status, mode = _STATUSES, _MODES
        with self.db.transaction() as session:
            rows = session.connection().execute(query).all()
        if found is not None:
            rows = [r for r in rows if r[0] in found][:limit]
        # Core rows, not ORM ones, and positional fields: at ten thousand walks the Python
        # work per row is most of what a list costs.
        return [d.WalkSummary(r[0], r[1], r[2], r[3], r[4], status[r[5]], r[6], r[10],
                              r[11], r[12], mode[r[7]], r[8], r[9]) for r in rows]

    def find_walk(self, key: str) -> d.Walk:
        """A walk by id, id prefix, or an unambiguous title prefix (case-insensitive)."""
        needle = key.strip()
        if not needle:
            raise ValidationError(tr("Name a walk by its id or the start of its title."))
        with self.db.transaction() as session:
            row = session.get(m.Walk, needle)
            if row is not None:
                # By its exact id, a trashed walk says where it is (WalkInTrashError).
                return convert.walk(load_walk(session, row.id))
            rows = session.execute(select(m.Walk.id, m.Walk.title, m.Walk.trashed_at)).all()
        live = [r for r in rows if r.trashed_at is None]
        matches = matching_walks(live, needle)
        if not matches:
            trashed = matching_walks([r for r in rows if r.trashed_at is not None], needle)
            if trashed:
                raise NotFoundError(fmt.plural(
                    len(trashed),
                    "No walk matches {key!r}, but {n} walk in the Trash does. Run `walkapp trash "
                    "list` to see them, `walkapp trash restore` to bring one back.",
                    "No walk matches {key!r}, but {n} walks in the Trash do. Run `walkapp trash "
                    "list` to see them, `walkapp trash restore` to bring one back.",
                ).format(key=key))
            raise NotFoundError(tr("No walk matches {key!r}. Run `walkapp list` to see "
                                   "walks.").format(
                                    key=key))
        if len(matches) > 1:
            names = "; ".join(f"{r.title} ({r.id[:8]})" for r in list(matches.values())[:5])
            raise AmbiguousError(tr("{key!r} matches {matches} walks: {names}. Use more of the "
                                    "title or the id.").format(
                                     key=key, matches=len(matches), names=names))
        return self.get_walk(next(iter(matches)))

    def update_walk(self, walk_id: str, **changes: Any) -> d.Walk:
        unknown = set(changes) - set(_EDITABLE)
        if unknown:
            raise ValidationError(tr("Cannot change {unknown} of a walk.").format(
                                      unknown=', '.join(sorted(unknown))))
        clean = {key: _EDITABLE[key](value) for key, value in changes.items()}
        with self.db.transaction(N_("saving the walk")) as session:
            row = load_walk(session, walk_id)
            for key, value in clean.items():
                setattr(row, key, value)
            if "plan_choices" in clean:
                _check_choices(row)
            session.flush()
            result = convert.walk(row)
        self.publish(Entity.WALK, Action.UPDATED, walk_id, walk_id)
        return result

    def delete_walk(self, walk_id: str) -> datetime:
        """Move the walk to the Trash (nothing else changes); returns when it was trashed.

        Its rows stay until `TrashService` restores it, empties the Trash or expires it
        after 30 days, so a delete can always be undone meanwhile."""
        with self.db.transaction(N_("moving the walk to the Trash")) as session:
            row = live_walk(session, walk_id)
            when = self.clock()
            # Only the new column: `updated_at` stays the walk's own last change (an ORM
            # attribute change would bump it), so an Undo gives back the walk as it was.
            session.execute(update(m.Walk).where(m.Walk.id == walk_id)
                            .values(trashed_at=when, updated_at=row.updated_at)
                            .execution_options(synchronize_session=False))
        self.publish(Entity.WALK, Action.REMOVED, walk_id, walk_id)
        return when

    def duplicate_walk(self, walk_id: str, title: str | None = None,
                       walk_date: date | None = None) -> d.Walk:
        """A new walk planned like an old one: same protocol, focus, look-fors, norms,
        route and roster — none of the notes, commitments or answers."""
        with self.db.transaction(N_("copying the walk")) as session:
            old = load_walk(session, walk_id)
            new = copy_plan(session, old, v.required_text(title or f"{old.title} (copy)",
                                                          N_("The walk's title"),
                                                          v.MAX_TITLE_CHARS),
                            walk_date or date.today(), copy_route=True, series_id=None)
            session.flush()
            session.expire(new)
            result = convert.walk(load_walk(session, new.id))
        self.publish(Entity.WALK, Action.ADDED, result.id, result.id)
        return result


def _check_choices(row: m.Walk) -> None:
    """The plan choices just set on `row` fit the protocol the walk runs (its snapshot; a
    walk from before snapshots is checked for the shape only)."""
    from walkapp.protocol.snapshot import from_snapshot  # only when choices are saved

    if row.protocol_snapshot.strip():
        protocol = from_snapshot(row.protocol_snapshot, row.protocol_hash or None)
        plan_choices.check(plan_choices.parse(row.plan_choices), protocol, row.walk_date)


def copy_plan(session: Session, old: m.Walk, title: str, day: date, *,
              copy_route: bool, series_id: str | None) -> m.Walk:
    """A new walk planned like `old` (in the series `series_id`, or none): its plan only,
    never what was said. "Plan again" and "Copy as a new walk" both make walks this way."""
    new = m.Walk(
        title=title, walk_date=day, school=old.school, focus=old.focus,
        language=old.language, protocol_id=old.protocol_id,
        protocol_version=old.protocol_version, protocol_hash=old.protocol_hash,
        # The walk keeps the protocol it ran with: the series goes on with the same words.
        protocol_snapshot=old.protocol_snapshot, visit_minutes=old.visit_minutes,
        corridor_minutes=old.corridor_minutes, show_teacher_names=old.show_teacher_names,
        attribute_commitments=old.attribute_commitments,
        include_visit_details=old.include_visit_details,
        sign_thank_you_with_names=old.sign_thank_you_with_names, series_id=series_id,
        plan_choices=plan_choices.dump(plan_choices.for_copy(
            plan_choices.read(old.plan_choices))))
    session.add(new)
    session.flush()
    groups: dict[str, str] = {}
    for g in old.groups:
        copy = m.Group(walk_id=new.id, name=g.name, position=g.position)
        session.add(copy)
        session.flush()
        groups[g.id] = copy.id
    for p in old.participants:
        # The same person behind each roster line: their commitments come back for review.
        session.add(m.Participant(walk_id=new.id, person_id=p.person_id,
                                  display_name=p.display_name, role=p.role,
                                  position=p.position,
                                  group_id=groups.get(p.group_id) if p.group_id else None))
    if copy_route:
        for vis in (x for x in old.visits if x.deleted_at is None):
            session.add(m.Visit(walk_id=new.id, position=vis.position,
                                **{name: getattr(vis, name) for name in visit_fields.names()}))
    for lf in old.look_fors:
        session.add(m.LookFor(walk_id=new.id, position=lf.position, text=lf.text,
                              description=lf.description))
    for n in old.norms:
        # Norms are agreed again by the group at each walk's pre-brief.
        session.add(m.Norm(walk_id=new.id, position=n.position, text=n.text, agreed=False))
    return new
