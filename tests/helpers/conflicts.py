"""A facilitator's laptop with one conflict of each kind (note, reflection, commitment,
feedback answer), made the real way: a walker's file imported, both sides edited, the
walker's newer file imported."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.helpers.builders import make_walk
from tests.helpers.laptops import Laptop, laptops
from walkapp import domain as d
from walkapp.events import Entity
from walkapp.services import NoteDraft


@dataclass
class Scene:
    """A facilitator's laptop with one conflict of each kind, and the walker's files."""

    fac: Laptop
    amy: Laptop
    walk: d.Walk
    me: d.Participant
    ids: dict[Entity, str]
    files: list[Path]
    root: Path

    def export(self, name: str) -> Path:
        path = self.amy.bundles.write_notes(self.walk.id, self.me.id, self.root / name)
        self.files.append(path)
        return path

    def conflict(self, entity: Entity) -> d.Conflict:
        found = [c for c in self.fac.services.conflicts.list_conflicts(self.walk.id)
                 if c.entity is entity]
        assert len(found) == 1, found
        return found[0]


def _edit_all(laptop: Laptop, walk: d.Walk, me: d.Participant, ids: dict[Entity, str],
              word: str) -> None:
    s = laptop.services
    s.notes.save_note(NoteDraft(walk.id, me.id, f"Note {word}", visit_id=walk.visits[0].id,
                                id=ids[Entity.NOTE], look_for_ids=(walk.look_fors[0].id,)))
    s.notes.save_reflection(walk.id, me.id, "What surprised you?", f"Reflection {word}",
                            reflection_id=ids[Entity.REFLECTION])
    s.debrief.save_commitment(walk.id, me.id, f"Commitment {word}",
                              commitment_id=ids[Entity.COMMITMENT])
    # Feedback has no "edit" service: change the stored answer as an edit on this laptop.
    with sqlite3.connect(laptop.db_path) as conn:
        conn.execute("UPDATE feedback SET answer = ?, revision = revision + 1, "
                     "updated_at = ? WHERE id = ?",
                     (f"Feedback {word}", f"2026-12-01 10:00:0{len(word) % 10}.000000",
                      ids[Entity.FEEDBACK]))


@contextmanager
def conflict_scene(tmp_path: Path) -> Iterator[Scene]:
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk = make_walk(fac.services, "Conflict walk", walkers=2, visits=2)
        fac.services.plan.update_visit(walk.visits[0].id, room="Room 12", subject="Maths",
                                       teacher_name="Ms Secret")
        walk = fac.services.walks.get_walk(walk.id)
        me = walk.walkers[0]
        kit = fac.bundles.write_kit(walk.id, tmp_path / "kit.walkkit", walker_id=me.id)
        amy.bundles.open_kit(kit)
        s = amy.services
        note = s.notes.save_note(NoteDraft(walk.id, me.id, "Note base",
                                           visit_id=walk.visits[0].id))
        reflection = s.notes.save_reflection(walk.id, me.id, "What surprised you?",
                                             "Reflection base")
        commitment = s.debrief.save_commitment(walk.id, me.id, "Commitment base")
        feedback = s.debrief.add_feedback(walk.id, "useful", "Was it useful?", "Feedback base",
                                          author_id=me.id)
        ids = {Entity.NOTE: note.id, Entity.REFLECTION: reflection.id,
               Entity.COMMITMENT: commitment.id, Entity.FEEDBACK: feedback.id}
        scene = Scene(fac, amy, walk, me, ids, [], tmp_path)
        assert fac.bundles.import_files([scene.export("1.walknotes")]).clean
        _edit_all(fac, walk, me, ids, "by the facilitator")
        _edit_all(amy, walk, me, ids, "by the walker")
        report = fac.bundles.import_files([scene.export("2.walknotes")])
        assert report.conflicts == 4, report.summary()
        yield scene
