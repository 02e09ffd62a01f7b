"""A stand-in for `services.conflicts` over real notes, for the Conflicts view's tests.

Each conflict it makes is two real note rows (the note and a second version saved beside
it), so the evidence wall and calibration show both cards, as after an import. Settling
one rewrites those rows through the real note service, which publishes the `Change`
events the screens follow — the same events the real service publishes. `fail_with` makes
the next resolves raise, as a database that refuses the write would.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from datetime import datetime
from typing import Any

from walkapp import domain as d
from walkapp.errors import NotFoundError, ValidationError
from walkapp.events import Action, Change, Entity
from walkapp.services import NoteDraft, Services

ConflictSide = getattr(d, "ConflictSide", None)
Conflict = getattr(d, "Conflict", None)
if ConflictSide is None or Conflict is None:  # before the core's dataclasses are merged
    @dataclass(frozen=True)
    class ConflictSide:  # type: ignore[no-redef]
        row_id: str
        author_name: str | None
        text: str
        updated_at: datetime
        deleted: bool
        current: bool

    @dataclass(frozen=True)
    class Conflict:  # type: ignore[no-redef]
        entity: Entity
        family: str
        walk_id: str
        label: str
        visit_id: str | None
        sides: tuple[Any, ...]


class FakeConflicts:
    def __init__(self, services: Services) -> None:
        self.services = services
        self.conflicts: dict[str, Any] = {}
        self.fail_with: Exception | None = None
        self.resolved: list[tuple[str, dict[str, Any]]] = []

    # -- making conflicts ------------------------------------------------------------------
    def note_conflict(self, walk: d.Walk, note: d.Note, other_text: str, *,
                      other_author: int = 1, deleted: bool = False) -> Any:
        """`note` was changed on another laptop to `other_text` (or deleted there)."""
        notes = self.services.notes
        names = {p.id: p.display_name for p in walk.participants}
        sides = [ConflictSide(note.id, names.get(note.author_id or ""), note.text,
                              note.updated_at, False, True)]
        if deleted:
            sides.append(ConflictSide(f"{note.id}-deleted", names.get(
                walk.walkers[other_author].id), "", note.updated_at, True, False))
        else:
            copy = notes.save_note(NoteDraft(
                walk_id=walk.id, author_id=walk.walkers[other_author].id, text=other_text,
                stem=note.stem, visit_id=note.visit_id, look_for_ids=note.look_for_ids))
            sides.append(ConflictSide(copy.id, walk.walkers[other_author].display_name,
                                      copy.text, copy.updated_at, False, False))
        visit = walk.visit(note.visit_id) if note.visit_id else None
        label = f"note on visit {visit.position}" if visit else "note"
        conflict = Conflict(Entity.NOTE, note.id, walk.id, label, note.visit_id, tuple(sides))
        self.conflicts[note.id] = conflict
        # What an import publishes when it brings a conflict in.
        self.services.bus.publish(Change(Entity.NOTE, Action.UPDATED, walk.id, (note.id,)))
        return conflict

    # -- the API of services.conflicts -----------------------------------------------------
    def list_conflicts(self, walk_id: str) -> list[Any]:
        return [c for c in self.conflicts.values() if c.walk_id == walk_id]

    def count(self, walk_id: str) -> int:
        return len(self.list_conflicts(walk_id))

    def counts(self, walk_ids: Sequence[str]) -> dict[str, int]:
        return {w: self.count(w) for w in walk_ids if self.count(w)}

    def conflicted_rows(self, walk_id: str) -> set[str]:
        return {s.row_id for c in self.list_conflicts(walk_id) for s in c.sides}

    def resolve(self, walk_id: str, family: str, *, keep: str | None = None,
                keep_both: bool = False, text: str | None = None) -> None:
        if self.fail_with is not None:
            raise self.fail_with
        conflict = self.conflicts.get(family)
        if conflict is None or conflict.walk_id != walk_id:
            raise NotFoundError("That conflict is not in this walk (it may be settled).")
        if sum((keep is not None, keep_both, text is not None)) != 1:
            raise ValidationError("Say which version to keep, keep both, or give the text.")
        notes = self.services.notes
        self.resolved.append((family, {"keep": keep, "keep_both": keep_both, "text": text}))
        del self.conflicts[family]
        others = [s for s in conflict.sides if not s.current and not s.deleted]
        main = notes.get_note(family)
        if keep_both:
            self.services.bus.publish(Change(Entity.NOTE, Action.UPDATED, walk_id, (family,)))
            return
        chosen = next((s for s in conflict.sides if s.row_id == keep), None)
        if keep is not None and chosen is None:
            raise ValidationError("That version is not one of this conflict's.")
        if chosen is not None and chosen.deleted:
            notes.delete_note(family)
        else:
            final = text if text is not None else chosen.text  # type: ignore[union-attr]
            notes.save_note(NoteDraft(walk_id=walk_id, author_id=main.author_id, text=final,
                                      stem=main.stem, visit_id=main.visit_id,
                                      look_for_ids=main.look_for_ids, id=family))
        for side in others:
            notes.delete_note(side.row_id)


@dataclass(frozen=True)
class _WithConflicts(Services):
    conflicts: Any = None


def with_conflicts(services: Services, fake: FakeConflicts) -> Services:
    """`services` with `fake` as `services.conflicts` (the writer runs it there)."""
    if "conflicts" in {f.name for f in fields(Services)}:
        return replace(services, conflicts=fake)  # type: ignore[call-arg]
    given = {f.name: getattr(services, f.name) for f in fields(Services)}
    return _WithConflicts(**given, conflicts=fake)
