"""Conflicts: a note (reflection, commitment, feedback answer) changed on two laptops since
they parted, with every version kept side by side until someone settles it.

The merge (`walkapp.bundles.merge`) keeps one row per newest version of a *family* (the
item's original id): the row at the family id shows the winning version, and each other
version gets its own row whose `conflict_of` is the family id. This service lists those
families and resolves them.

A resolution is an edit made on this laptop: the row at the family id takes the chosen
text and a new revision, and the conflict copies' rows are deleted while their sync rows
stay behind. The next merge or notes file records the edit as a version whose parents are
every version it settled (`LocalState.commit_dirty` adds the left-behind sync rows as
parents), so importing the old files again changes nothing and every laptop that receives
the resolution sees the conflict settled. "Keep both" turns each other version into an
independent item (a new family, same author), so no text is lost.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import flag_modified

from walkapp import domain as d
from walkapp import messages, privacy
from walkapp.errors import NotFoundError, ValidationError
from walkapp.events import Action, Entity
from walkapp.formatting import N_, tr
from walkapp.services import convert
from walkapp.services import summary_tables as summary
from walkapp.services import validate as v
from walkapp.services.base import ServiceBase
from walkapp.services.reviews import move_review
from walkapp.services.walks import live_walk, load_walk
from walkapp.storage import models as m
from walkapp.storage.types import new_id

_CHUNK = 500


@dataclass(frozen=True)
class Kind:
    """How one kind of travelling row holds its text and its writer."""

    entity: Entity
    table: str     # its table, and the name of its model in walkapp.storage.models
    model_name: str
    text_field: str
    author_field: str
    what: str      # "The note": for messages about an edited text
    limit: int

    @property
    def model(self) -> Any:
        # By name: the models are imported when first used (walkapp.storage).
        return getattr(m, self.model_name)


KINDS = (
    Kind(Entity.NOTE, "notes", "Note", "text", "author_id", N_("The note"), v.MAX_NOTE_CHARS),
    Kind(Entity.REFLECTION, "reflections", "Reflection", "text", "author_id",
         N_("The reflection"), v.MAX_NOTE_CHARS),
    Kind(Entity.COMMITMENT, "commitments", "Commitment", "text", "participant_id",
         N_("The commitment"), 20_000),
    Kind(Entity.FEEDBACK, "feedback", "Feedback", "answer", "author_id", N_("The answer"),
         20_000),
)

# Columns a resolution never copies from one version to another: identity and bookkeeping.
_NOT_CONTENT = {"id", "walk_id", "conflict_of", "revision", "created_at", "updated_at"}


def _chunks(items: Iterable[str]) -> Iterable[list[str]]:
    ordered = sorted(items)
    for start in range(0, len(ordered), _CHUNK):
        yield ordered[start:start + _CHUNK]


def _families(session: Session, kind: Kind, walk_ids: Sequence[str]
              ) -> dict[tuple[str, str], list[Any]]:
    """(walk id, family) -> its rows (the row at the family id first), for every family of
    `kind` in `walk_ids` that is in conflict: two or more rows, at least one with text."""
    model = kind.model
    found: dict[tuple[str, str], list[Any]] = {}
    for walks in _chunks(walk_ids):
        query = select(model).where(model.walk_id.in_(walks), model.conflict_of.is_not(None))
        if kind.entity is Entity.NOTE:
            query = query.options(selectinload(m.Note.look_fors))
        here: dict[tuple[str, str], list[Any]] = {}
        for row in session.scalars(query):
            here.setdefault((row.walk_id, row.conflict_of), []).append(row)
        for ids in _chunks({family for _, family in here}):
            query = select(model).where(model.id.in_(ids))
            if kind.entity is Entity.NOTE:
                query = query.options(selectinload(m.Note.look_fors))
            for row in session.scalars(query):
                if (row.walk_id, row.id) in here:
                    here[(row.walk_id, row.id)].insert(0, row)
        found.update(here)
    return {key: rows for key, rows in found.items()
            if len(rows) > 1 and any(r.deleted_at is None for r in rows)}


def _side_order(row: Any, family: str) -> tuple[bool, bool, float, str]:
    # The row at the family id first (lists show it first), then text before deletions,
    # then the newest edit.
    return (row.id != family, row.deleted_at is not None, -row.updated_at.timestamp(), row.id)


def _clean_text(kind: Kind, text: str) -> str:
    """The edited text as its kind keeps typed text: a commitment trimmed (as it is saved),
    a note, reflection or answer exactly as typed; none may be empty."""
    if kind.entity is Entity.COMMITMENT:
        return v.required_text(text, kind.what, kind.limit)
    clean = v.body_text(text, kind.what, kind.limit)
    if not clean.strip():
        raise ValidationError(tr("{what} cannot be empty.").format(what=tr(kind.what)))
    return clean


def _sides(rows: Iterable[Any], family: str) -> list[Any]:
    return sorted(rows, key=lambda row: _side_order(row, family))


def _clip(text: str, limit: int = 40) -> str:
    words = " ".join(text.split())
    return words if len(words) <= limit else words[:limit - 1] + "…"


def _label(kind: Kind, row: Any, walk: d.Walk, names: dict[str, str]) -> str:
    """"note by Ada on Visit 1 (Room 12)": which record a conflict is about, one phrase per
    kind and per what is known of it (an author, a visit, a phase, a prompt)."""
    author = names.get(getattr(row, kind.author_field) or "")
    if kind.entity is Entity.NOTE:
        visit = walk.visit(row.visit_id)
        if visit is None:
            if row.phase:
                said = (tr("note by {author} in the {phase}") if author
                        else tr("note in the {phase}"))
                return said.format(author=author, phase=row.phase)
            return tr("note by {author}").format(author=author) if author else _noun(kind)
        # A working view of the facilitator's, not a record: the visit's room, grade and
        # subject as on the route (the papers of the day show them too); never a teacher
        # unless the walk shows teacher names.
        shown = privacy.redact_visit(visit, walk, day=True)
        details = shown.details(show_teacher=False)
        said = tr("note by {author} on {visit}") if author else tr("note on {visit}")
        label = said.format(author=author, visit=shown.label)
        return f"{label} ({details})" if details else label
    if kind.entity is Entity.REFLECTION:
        if row.prompt:
            said = (tr("reflection by {author}: “{prompt}”") if author
                    else tr("reflection: “{prompt}”"))
            return said.format(author=author, prompt=_clip(row.prompt))
        return tr("reflection by {author}").format(author=author) if author else _noun(kind)
    if kind.entity is Entity.COMMITMENT:
        return tr("commitment by {author}").format(author=author) if author else _noun(kind)
    said = (tr("feedback answer by {author} to “{question}”") if author
            else tr("feedback answer to “{question}”"))
    return said.format(author=author, question=_clip(row.question))


# A kind's bare name ("note"): the singular of its counted noun, which the catalogue holds
# as a plural entry (a plain `tr("note")` would not find it there).
_NOUNS = {Entity.NOTE: ("note", "notes"), Entity.REFLECTION: ("reflection", "reflections"),
          Entity.COMMITMENT: ("commitment", "commitments")}


def _noun(kind: Kind) -> str:
    one, other = _NOUNS[kind.entity]
    return messages.ngettext(one, other, 1)


class ConflictService(ServiceBase):
    """List and settle conflicts (see the module docstring)."""

    def list_conflicts(self, walk_id: str) -> list[d.Conflict]:
        """Every unresolved conflict of the walk: notes (by visit), then reflections,
        commitments and feedback, each oldest first."""
        with self.db.transaction() as session:
            walk = convert.walk(load_walk(session, walk_id))
            names = {p.id: p.display_name for p in walk.participants}
            visit_order = {x.id: x.position for x in walk.visits}
            found: list[d.Conflict] = []
            for kind in KINDS:
                groups = _families(session, kind, [walk_id])
                ordered = sorted(groups.items(), key=lambda item: (
                    # Notes by visit (those outside a visit last), then oldest first.
                    visit_order.get(getattr(item[1][0], "visit_id", None) or "", 10**6),
                    min(r.created_at for r in item[1]), item[0][1]))
                for (_, family), rows in ordered:
                    rows = _sides(rows, family)
                    main = next((r for r in rows if r.deleted_at is None), rows[0])
                    found.append(d.Conflict(
                        entity=kind.entity, family=family, walk_id=walk_id,
                        label=_label(kind, main, walk, names),
                        visit_id=getattr(main, "visit_id", None),
                        sides=tuple(d.ConflictSide(
                            row_id=r.id,
                            author_name=names.get(getattr(r, kind.author_field) or ""),
                            text=getattr(r, kind.text_field) if r.deleted_at is None else "",
                            updated_at=r.updated_at, deleted=r.deleted_at is not None,
                            current=r.id == family) for r in rows)))
            return found

    def count(self, walk_id: str) -> int:
        """How many unresolved conflicts the walk has."""
        return self.counts([walk_id]).get(walk_id, 0)

    def counts(self, walk_ids: Sequence[str]) -> dict[str, int]:
        """Unresolved conflicts per walk, for lists of walks (0 for a walk with none)."""
        result = dict.fromkeys(walk_ids, 0)
        with self.db.transaction() as session:
            for kind in KINDS:
                # Only walks with conflict copies of this kind can have a conflict: found
                # from the index of copies (`ix_<table>_copies`), a few rows, not by asking
                # for the copies of each of ten thousand walks.
                # (Core, not the models: the first window reads this; a walk with copies
                # is rare, and its families are read through the models.)
                rows = summary.COPIES[kind.table].c
                copied = set(session.scalars(select(rows.walk_id).distinct()
                                             .where(rows.conflict_of.is_not(None))))
                wanted = [w for w in result if w in copied]
                if not wanted:
                    continue
                for walk_id, _family in _families(session, kind, wanted):
                    result[walk_id] += 1
        return result

    def conflicted_rows(self, walk_id: str) -> set[str]:
        """Ids of every row (of any kind) that is one side of an unresolved conflict."""
        with self.db.transaction() as session:
            live_walk(session, walk_id)
            return {r.id for kind in KINDS
                    for rows in _families(session, kind, [walk_id]).values() for r in rows}

    def resolve(self, walk_id: str, family: str, *, keep: str | None = None,
                keep_both: bool = False, text: str | None = None) -> None:
        """Settle one conflict: `keep` a side's row id (that version wins), `keep_both`
        (every version with text stays, the others as independent items), or `text` (the
        versions edited into one). Exactly one of the three."""
        if (keep is not None) + bool(keep_both) + (text is not None) != 1:
            raise ValidationError(tr("Say how to resolve the conflict: keep one version, keep "
                                     "both, or give the text that replaces them (one of the "
                                     "three)."))
        with self.db.transaction(N_("resolving the conflict")) as session:
            live_walk(session, walk_id)
            kind, rows = self._conflict(session, walk_id, family)
            main = next((r for r in rows if r.id == family), None)
            if main is None:  # the merge always keeps the family row; only damage lacks it
                raise NotFoundError(tr("The conflict {family} has lost its main version; "
                                       "restore a backup (`walkapp restore`).").format(
                                        family=family))
            if keep_both and getattr(main, "form_key", None) is not None:
                # One answer per walker, visit and question (walkapp.forms): two would be
                # counted twice across the walk.
                raise ValidationError(tr("This is an answer to a visit question, which has one "
                                         "answer per walker and visit: keep one version, or "
                                         "write the answer that replaces them."))
            live = [r for r in rows if r.deleted_at is None]
            base = main if main.deleted_at is None else live[0]
            added: list[str] = []
            if keep is not None:
                winner = next((r for r in rows if r.id == keep), None)
                if winner is None:
                    raise ValidationError(
                        tr("{id} is not one of the versions in this conflict; choose one of: "
                           "{ids}.").format(id=keep, ids=", ".join(r.id for r in rows)))
                self._take(kind, main, winner, rows)
                if kind.entity is Entity.NOTE:
                    # The facilitator's decision on the winning version stays with it.
                    move_review(session, winner.id, main.id)
            elif text is not None:
                clean = _clean_text(kind, text)
                self._take(kind, main, base, rows)
                setattr(main, kind.text_field, clean)
            else:
                for other in live:
                    if other is not base:
                        added.append(self._copy_as_new(session, kind, walk_id, other))
                        if kind.entity is Entity.NOTE:
                            session.flush()  # the new note exists before its review
                            move_review(session, other.id, added[-1])
                if kind.entity is Entity.NOTE:
                    move_review(session, base.id, main.id)
                self._take(kind, main, base, rows)
            removed = [r.id for r in rows if r is not main]
            for row in rows:
                if row is not main:
                    # Its sync row stays: the next merge records the resolution with this
                    # version as a parent (see the module docstring).
                    session.delete(row)
            session.flush()
        self.publish(kind.entity, Action.UPDATED, walk_id, family)
        if removed:
            self.publish(kind.entity, Action.REMOVED, walk_id, *removed)
        if added:
            self.publish(kind.entity, Action.ADDED, walk_id, *added)

    # -- helpers ---------------------------------------------------------------------------
    def _conflict(self, session: Session, walk_id: str, family: str
                  ) -> tuple[Kind, list[Any]]:
        for kind in KINDS:
            model = kind.model
            query = select(model).where(model.walk_id == walk_id,
                                        or_(model.id == family, model.conflict_of == family))
            if kind.entity is Entity.NOTE:
                query = query.options(selectinload(m.Note.look_fors))
            rows = _sides(session.scalars(query), family)
            if any(r.conflict_of == family for r in rows):
                if len(rows) > 1 and any(r.deleted_at is None for r in rows):
                    return kind, rows
                break
        raise NotFoundError(tr("No unresolved conflict {family} in this walk; `walkapp "
                               "conflicts WALK` lists them.").format(
                                family=family))

    def _take(self, kind: Kind, main: Any, source: Any, rows: list[Any]) -> None:
        """Make `main` show `source`'s version as a new edit made here, after every side."""
        if source is not main:
            for column in kind.model.__table__.columns:
                if column.key not in _NOT_CONTENT:
                    setattr(main, column.key, getattr(source, column.key))
            if kind.entity is Entity.NOTE:
                main.look_fors = list(source.look_fors)
        main.conflict_of = None
        main.revision = max(r.revision for r in rows) + 1
        main.updated_at = self.clock()
        flag_modified(main, "updated_at")  # even when equal: onupdate must not restamp it

    def _copy_as_new(self, session: Session, kind: Kind, walk_id: str, source: Any) -> str:
        """`source`'s text as an independent item: a new family, same writer."""
        values = {c.key: getattr(source, c.key) for c in kind.model.__table__.columns
                  if c.key not in _NOT_CONTENT}
        row = kind.model(id=new_id(), walk_id=walk_id, revision=1,
                         created_at=source.created_at, updated_at=self.clock(), **values)
        if kind.entity is Entity.NOTE:
            row.look_fors = list(source.look_fors)
        session.add(row)
        return str(row.id)
