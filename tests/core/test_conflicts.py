"""Conflicts, first class: notes, reflections, commitments and feedback changed on two
laptops are tracked as conflicts (`conflict_of`), listed by `ConflictService`, and
resolved so that the resolution is stable under re-import of the old files."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers.builders import make_walk
from tests.helpers.laptops import Laptop, laptops
from walkapp import domain as d
from walkapp.bundles import crypto
from walkapp.errors import NotFoundError, ValidationError
from walkapp.events import Action, Change, Entity
from walkapp.services import NoteDraft


@pytest.fixture(autouse=True)
def _fast_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "SCRYPT_N", 2**14)


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


@pytest.fixture
def scene(tmp_path: Path) -> Iterator[Scene]:
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


def test_all_four_kinds_get_conflict_copies(scene: Scene) -> None:
    record = scene.fac.services.records.walk_record(scene.walk.id)
    for items, word in ((record.notes, "Note"), (record.reflections, "Reflection"),
                        (record.commitments, "Commitment")):
        assert sorted(x.text for x in items) == [
            f"{word} by the facilitator", f"{word} by the walker"]
        main, copy = items
        assert main.conflict_of is None and copy.conflict_of == main.id
        assert {main.family, copy.family} == {main.id}
    main_f, copy_f = record.feedback
    assert copy_f.conflict_of == main_f.id
    assert scene.fac.services.conflicts.count(scene.walk.id) == 4


def test_list_conflicts_shows_each_side(scene: Scene) -> None:
    conflicts = scene.fac.services.conflicts.list_conflicts(scene.walk.id)
    assert [c.entity for c in conflicts] == [Entity.NOTE, Entity.REFLECTION,
                                             Entity.COMMITMENT, Entity.FEEDBACK]
    note = conflicts[0]
    assert note.family == scene.ids[Entity.NOTE] and note.walk_id == scene.walk.id
    assert note.visit_id == scene.walk.visits[0].id
    # The label names the visit by its details the walk lets out, never the teacher.
    assert note.label == "note by Walker 1 on Visit 1 (Room 12 · Maths)".replace(
        "Walker 1", scene.me.display_name)
    assert "Secret" not in note.label
    assert len(note.sides) == 2
    assert [s.current for s in note.sides] == [True, False]
    assert note.sides[0].row_id == note.family
    assert {s.text for s in note.sides} == {"Note by the facilitator", "Note by the walker"}
    assert all(s.author_name == scene.me.display_name and not s.deleted for s in note.sides)
    feedback = conflicts[3]
    assert {s.text for s in feedback.sides} == {"Feedback by the facilitator",
                                                "Feedback by the walker"}
    assert "Was it useful?" in feedback.label


def test_count_counts_and_conflicted_rows(scene: Scene) -> None:
    service = scene.fac.services.conflicts
    other = make_walk(scene.fac.services, "Quiet walk", walkers=1, visits=1)
    assert service.counts([scene.walk.id, other.id]) == {scene.walk.id: 4, other.id: 0}
    assert service.count(other.id) == 0
    rows = service.conflicted_rows(scene.walk.id)
    sides = {s.row_id for c in service.list_conflicts(scene.walk.id) for s in c.sides}
    assert rows == sides and len(rows) == 8
    assert set(scene.ids.values()) <= rows


def test_unknown_walk_or_conflict_and_bad_arguments(scene: Scene) -> None:
    service = scene.fac.services.conflicts
    note = scene.conflict(Entity.NOTE)
    with pytest.raises(NotFoundError):
        service.list_conflicts("no-such-walk")
    with pytest.raises(NotFoundError, match="No unresolved conflict"):
        service.resolve(scene.walk.id, "no-such-family", keep_both=True)
    with pytest.raises(ValidationError, match="one of the three"):
        service.resolve(scene.walk.id, note.family)
    with pytest.raises(ValidationError, match="one of the three"):
        service.resolve(scene.walk.id, note.family, keep=note.family, text="x")
    with pytest.raises(ValidationError, match="not one of the versions"):
        service.resolve(scene.walk.id, note.family, keep="some-other-row")
    with pytest.raises(ValidationError, match="cannot be empty"):
        service.resolve(scene.walk.id, note.family, text="   ")
    # A family that is not (or no longer) in conflict is unknown too.
    plain = scene.fac.services.notes.save_note(NoteDraft(scene.walk.id, None, "Plain"))
    with pytest.raises(NotFoundError):
        service.resolve(scene.walk.id, plain.id, keep=plain.id)
    assert service.count(scene.walk.id) == 4  # nothing changed by the refusals


def _resolve_and_reimport(scene: Scene, entity: Entity, **how: object) -> None:
    changes: list[Change] = []
    scene.fac.services.bus.subscribe(changes.append)
    conflict = scene.conflict(entity)
    scene.fac.services.conflicts.resolve(scene.walk.id, conflict.family, **how)  # type: ignore[arg-type]
    assert scene.fac.services.conflicts.count(scene.walk.id) == 3
    assert (entity, Action.UPDATED, (conflict.family,)) in [
        (c.entity, c.action, c.ids) for c in changes]
    assert all(c.walk_id == scene.walk.id for c in changes)
    # The walker's old files arrive again: the resolution replaced what they hold.
    report = scene.fac.bundles.import_files(scene.files)
    assert report.new == report.updated == report.conflicts == 0, report.summary()
    assert scene.fac.services.conflicts.count(scene.walk.id) == 3
    assert entity not in {c.entity for c in
                          scene.fac.services.conflicts.list_conflicts(scene.walk.id)}


def test_keep_one_side(scene: Scene) -> None:
    note = scene.conflict(Entity.NOTE)
    walker_side = next(s for s in note.sides if s.text == "Note by the walker")
    _resolve_and_reimport(scene, Entity.NOTE, keep=walker_side.row_id)
    notes = scene.fac.services.notes.list_notes(scene.walk.id)
    assert [(n.id, n.text, n.conflict_of) for n in notes] == [
        (note.family, "Note by the walker", None)]
    assert notes[0].look_for_ids == (scene.walk.look_fors[0].id,)


def test_keep_the_current_side_of_a_commitment(scene: Scene) -> None:
    conflict = scene.conflict(Entity.COMMITMENT)
    _resolve_and_reimport(scene, Entity.COMMITMENT, keep=conflict.family)
    commitments = scene.fac.services.debrief.list_commitments(scene.walk.id)
    assert [c.text for c in commitments] == [conflict.sides[0].text]


def test_edit_into_one(scene: Scene) -> None:
    conflict = scene.conflict(Entity.REFLECTION)
    _resolve_and_reimport(scene, Entity.REFLECTION, text="Both: wait time and questions")
    reflections = scene.fac.services.notes.list_reflections(scene.walk.id)
    assert [(r.id, r.text, r.prompt) for r in reflections] == [
        (conflict.family, "Both: wait time and questions", "What surprised you?")]


def test_keep_both_makes_an_independent_item_of_the_same_author(scene: Scene) -> None:
    conflict = scene.conflict(Entity.FEEDBACK)
    _resolve_and_reimport(scene, Entity.FEEDBACK, keep_both=True)
    feedback = scene.fac.services.debrief.list_feedback(scene.walk.id)
    assert sorted(f.answer for f in feedback) == ["Feedback by the facilitator",
                                                  "Feedback by the walker"]
    assert all(f.conflict_of is None and f.author_id == scene.me.id for f in feedback)
    assert conflict.family in {f.id for f in feedback}
    new = next(f for f in feedback if f.id != conflict.family)
    assert new.id not in {s.row_id for s in conflict.sides}
    # The new item travels as its own family on the next export from here.
    back = scene.fac.bundles.write_notes(scene.walk.id, scene.me.id, scene.root / "b")
    assert scene.amy.bundles.import_files([back]).clean
    answers = sorted(f.answer for f in scene.amy.services.debrief.list_feedback(scene.walk.id))
    assert "Feedback by the facilitator" in answers and "Feedback by the walker" in answers


def test_keep_a_deletion(scene: Scene) -> None:
    # The walker deletes the note; the facilitator had edited it: a conflict with a deletion.
    fac, amy, walk = scene.fac, scene.amy, scene.walk
    fac.services.conflicts.resolve(walk.id, scene.ids[Entity.NOTE], keep=scene.ids[Entity.NOTE])
    assert fac.bundles.import_files([scene.export("3.walknotes")]).clean
    back = fac.bundles.write_notes(walk.id, scene.me.id, scene.root / "back.walknotes")
    assert amy.bundles.import_files([back]).clean
    amy.services.notes.delete_note(scene.ids[Entity.NOTE])
    fac.services.notes.save_note(NoteDraft(walk.id, scene.me.id, "Kept here",
                                           visit_id=walk.visits[0].id, id=scene.ids[Entity.NOTE]))
    fac.bundles.import_files([scene.export("4.walknotes")])
    conflict = scene.conflict(Entity.NOTE)
    deleted = next(s for s in conflict.sides if s.deleted)
    assert deleted.text == "" and not deleted.current
    fac.services.conflicts.resolve(walk.id, conflict.family, keep=deleted.row_id)
    assert scene.ids[Entity.NOTE] not in {n.id for n in fac.services.notes.list_notes(walk.id)}
    report = fac.bundles.import_files(scene.files)
    assert report.new == report.updated == report.conflicts == 0
    assert scene.ids[Entity.NOTE] not in {n.id for n in fac.services.notes.list_notes(walk.id)}
