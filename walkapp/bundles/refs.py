"""What a notes file's rows refer to on this laptop, while it is merged: the walk's walkers,
visits (on the route or removed) and look-fors, and who owns each family of versions
(`Refs`); what the merge had to adjust to fit them (`Tally`), and the lines of the import
report that say so (`adjustment_lines`). Kept apart from walkapp.bundles.merge, which
uses them, by meaning."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from walkapp import formatting as fmt
from walkapp.bundles.report import KINDS, Counts, Rejected
from walkapp.bundles.versions import (
    EntitySpec,
    LocalState,
    Node,
)
from walkapp.events import Entity
from walkapp.services import convert
from walkapp.storage import models as m
from walkapp.storage.types import utcnow


@dataclass
class Refs:
    """What rows in a file may point at on this laptop: the walk's roster, visits (on the
    route or removed) and look-fors, and the walker the file comes from.

    A stale reference never costs a row its text: a tag whose look-for is not part of the
    walk here is kept as a stale tag (not shown), and a note on a removed visit stays on
    that visit's tombstone; both are told in the file's report (`adjustment_lines`)."""

    walk_id: str
    walker_id: str
    participants: set[str]
    visits: dict[str, m.Visit]
    look_fors: dict[str, m.LookFor]
    removed_look_fors: dict[str, str]  # id -> name, of look-fors removed here
    show_teacher_names: bool = False
    # Who started each family that came in a notes file (`SyncFamily`), by (entity, family).
    owners: dict[tuple[str, str], str | None] = field(default_factory=dict)
    # A walker's own laptop: what replaces a note's text here comes from the facilitator.
    walker_laptop: bool = False

    @classmethod
    def load(cls, session: Session, walk_id: str, walker_id: str) -> Refs:
        walk = session.get(m.Walk, walk_id)
        return cls(
            walk_id=walk_id,
            walker_laptop=walk is not None and walk.local_mode == "walker",
            walker_id=walker_id,
            participants=set(session.scalars(select(m.Participant.id)
                                             .where(m.Participant.walk_id == walk_id))),
            visits={v.id: v for v in session.scalars(
                select(m.Visit).where(m.Visit.walk_id == walk_id))},
            look_fors={lf.id: lf for lf in session.scalars(
                select(m.LookFor).where(m.LookFor.walk_id == walk_id))},
            removed_look_fors={r.id: r.text for r in session.scalars(
                select(m.RemovedLookFor).where(m.RemovedLookFor.walk_id == walk_id))},
            show_teacher_names=bool(walk is not None and walk.show_teacher_names),
            # Plain columns, not ORM objects: a big walk has one row per note.
            owners={(entity, family): owner for entity, family, owner in session.execute(
                select(m.SyncFamily.entity, m.SyncFamily.family_id, m.SyncFamily.owner_id)
                .where(m.SyncFamily.walk_id == walk_id))})

    def ownership_problem(self, local: LocalState, family: str, rows: list[str],
                          nodes: list[Node], known_nodes: list[Node],
                          heads: Iterable[dict[str, Any]]) -> str | None:
        """Why this file may not change `family`, or None.

        The trust rule: a walker's file changes only families that walker started. A
        family started on this laptop belongs to the author of its rows (None: the
        facilitator, whose rows no walker's file can change); one that came in a notes file
        belongs to the walker whose authenticated file brought it first.
        """
        spec = local.spec
        for node in nodes:
            mine = local.nodes.get(node.id)
            if mine is not None and mine != node:
                return fmt.tr("its history does not match the one this laptop has (a forged "
                              "file?)")
        key = (spec.name, family)
        if not known_nodes and family not in local.rows and key not in self.owners \
                and not rows:
            authors = {c.get(spec.author_field) for c in heads}
            return fmt.tr("its versions disagree on who wrote it") if len(authors) > 1 else None
        row_author: Any = None
        shown = [local.rows[r] for r in sorted(rows, key=lambda r: r != family)]
        if shown:
            row_author = getattr(shown[0], spec.author_field)
        if key in self.owners:
            owner = self.owners[key]
        elif shown:
            owner = row_author
        else:
            return fmt.tr("this laptop no longer has it, so it cannot tell who wrote it")
        if owner != self.walker_id:
            return fmt.tr("it belongs to a note someone else wrote (another walker, or the "
                          "facilitator); a walker's notes file may change only their own")
        if shown and any(c.get(spec.author_field) != row_author for c in heads):
            return fmt.tr("it changes who wrote it")
        return None

    def problem(self, spec: EntitySpec, content: dict[str, Any]) -> str | None:
        author = content.get(spec.author_field)
        if author is not None and author != self.walker_id:
            return fmt.tr("it was written by someone other than the walker this file comes "
                          "from")
        if author is not None and author not in self.participants:
            return fmt.tr("its writer is not on this walk's roster on this laptop")
        return None

    def visit_row(self, session: Session, visit_id: str) -> m.Visit | None:
        """The walk's visit with this id; one this laptop never knew (removed before visits
        were kept as tombstones) becomes a tombstone now, so the note keeps its visit.
        None when the id is another walk's visit: that is not a stale reference."""
        row = self.visits.get(visit_id)
        if row is None:
            if session.get(m.Visit, visit_id) is not None:
                return None
            row = m.Visit(id=visit_id, walk_id=self.walk_id, position=0,
                          deleted_at=utcnow())
            session.add(row)
            session.flush()
            self.visits[visit_id] = row
        return row

    def foreign_visit(self, session: Session, content: dict[str, Any]) -> bool:
        visit = content.get("visit_id")
        return (visit is not None and visit not in self.visits
                and session.get(m.Visit, visit) is not None)

    def note_adjustments(self, family: str, content: dict[str, Any], tally: Tally) -> None:
        """Record what a note arriving with `content` was adjusted for (see class doc)."""
        if content.get("deleted_at") is not None:
            return
        for tag in content.get("look_for_ids", ()):
            if tag not in self.look_fors:
                tally.adjusted.setdefault(("look_for", tag), set()).add(family)
        visit = self.visits.get(content.get("visit_id") or "")
        if visit is not None and visit.deleted_at is not None:
            tally.adjusted.setdefault(("visit", visit.id), set()).add(family)

    def visit_name(self, visit_id: str) -> str:
        row = self.visits[visit_id]
        shown = convert.visit(row)
        details = shown.details(show_teacher=self.show_teacher_names)
        return shown.label + (f" — {details}" if details else "")


def adjustment_lines(tally: Tally, refs: Refs) -> list[str]:
    """The file's notes that arrived adjusted for this laptop's plan, one line per
    look-for or visit: nothing was refused, and this says what differs."""
    lines = []
    for (kind, ref), families in sorted(tally.adjusted.items()):
        count = len(families)
        if kind == "look_for":
            name = refs.removed_look_fors.get(ref)
            if name:
                lines.append(fmt.plural(
                    count, "{n} note arrived without the look-for “{name}”, which was removed "
                           "from this walk here.",
                    "{n} notes arrived without the look-for “{name}”, which was removed "
                    "from this walk here.").format(name=name))
            else:
                lines.append(fmt.plural(
                    count, "{n} note arrived without a look-for that is not part of this walk "
                           "here.",
                    "{n} notes arrived without a look-for that is not part of this walk "
                    "here."))
        else:
            lines.append(fmt.plural(
                count, "{n} note was written on a visit removed from the route here; it is "
                       "kept under “{name}”.",
                "{n} notes were written on a visit removed from the route here; they are kept "
                "under “{name}”.").format(name=refs.visit_name(ref)))
    return lines


# Which report kind each entity counts under (walkapp.bundles.report.KINDS).
KIND_OF = {Entity.NOTE: "notes", Entity.REFLECTION: "reflections",
           Entity.COMMITMENT: "commitments", Entity.FEEDBACK: "feedback",
           Entity.TALLY: "tallies"}


@dataclass
class Tally:
    """What merging one file did: an outcome per family, counted per kind (see
    `walkapp.bundles.report.Counts` for what each outcome means), and the conflicts and
    rejections in words."""

    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    rejected: list[Rejected] = field(default_factory=list)
    conflict_notes: list[str] = field(default_factory=list)
    changed_ids: dict[Entity, set[str]] = field(default_factory=dict)
    # (kind, id) -> families of the notes that arrived adjusted: "look_for" for a tag
    # not shown here, "visit" for a note on a removed visit (see Refs).
    adjusted: dict[tuple[str, str], set[str]] = field(default_factory=dict)

    def add(self, spec: EntitySpec, outcome: str) -> None:
        kind = self.counts.setdefault(KIND_OF[spec.name], {})
        kind[outcome] = kind.get(outcome, 0) + 1

    def as_counts(self) -> dict[str, Counts]:
        return {kind: Counts(**self.counts.get(kind, {})) for kind in KINDS}
