"""Conflicts, first class: notes, reflections, commitments and feedback changed on two
laptops are tracked as conflicts (`conflict_of`), listed by `ConflictService`, and
resolved so that the resolution is stable under re-import of the old files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.builders import make_walk
from tests.helpers.conflicts import Scene, conflict_scene
from walkapp.bundles import crypto
from walkapp.errors import NotFoundError, ValidationError
from walkapp.events import Action, Change, Entity
from walkapp.services import NoteDraft


@pytest.fixture(autouse=True)
def _fast_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "SCRYPT_N", 2**14)


@pytest.fixture
def scene(tmp_path: Path) -> Iterator[Scene]:
    with conflict_scene(tmp_path) as made:
        yield made


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


def test_a_conflicting_commitment_is_a_copy_not_a_second_commitment(scene: Scene) -> None:
    family = scene.ids[Entity.COMMITMENT]
    commitments = scene.fac.services.debrief.list_commitments(scene.walk.id)
    # One commitment for the walker, with its other version beside it (text kept).
    assert [(c.id == family, c.conflict_of) for c in commitments] == [(True, None),
                                                                       (False, family)]
    assert {c.text for c in commitments} == {"Commitment by the facilitator",
                                             "Commitment by the walker"}


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


def test_the_migration_marks_copies_merged_before_it(scene: Scene) -> None:
    """A database merged before 0005 holds conflict copies of reflections, commitments and
    feedback with nothing to say so: going down and up again marks them from the sync state
    (and going down keeps every row)."""
    from alembic import command
    from sqlalchemy import create_engine

    from walkapp.storage import migrate
    from walkapp.storage.db import Database

    folder = scene.fac.folder
    scene.fac.close()
    url = f"sqlite:///{scene.fac.db_path}"
    engine = create_engine(url)
    config = migrate.alembic_config()
    with engine.begin() as connection:
        connection.exec_driver_sql("PRAGMA foreign_keys = ON")
        config.attributes["connection"] = connection
        command.downgrade(config, "0003")
    with engine.connect() as connection:
        columns = {r[1] for r in connection.exec_driver_sql("PRAGMA table_info(commitments)")}
        count = connection.exec_driver_sql("SELECT count(*) FROM commitments").scalar()
    engine.dispose()
    assert "conflict_of" not in columns and count == 2
    from walkapp.config import resolve_settings
    from walkapp.services import Services

    services = Services.create(Database(resolve_settings(folder)).open())
    try:
        assert services.conflicts.count(scene.walk.id) == 4
        commitments = services.debrief.list_commitments(scene.walk.id)
        assert [c.conflict_of for c in commitments] == [None, scene.ids[Entity.COMMITMENT]]
    finally:
        services.close()


def test_a_merged_row_keeps_the_time_its_version_carries(tmp_path: Path) -> None:
    """An edit that arrives with the same `updated_at` the row already has (a coarse clock)
    must not be restamped with the merge's own time: the row would no longer match its
    version, and the facilitator's next file would be refused as damaged."""
    import sqlite3

    from tests.helpers.laptops import laptops

    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk = make_walk(fac.services, "Clock walk", walkers=1, visits=1)
        me = walk.walkers[0]
        amy.bundles.open_kit(fac.bundles.write_kit(walk.id, tmp_path / "k", walker_id=me.id))
        answer = amy.services.debrief.add_feedback(walk.id, "q", "Was it useful?", "Yes",
                                                   author_id=me.id)
        assert fac.bundles.import_files([amy.bundles.write_notes(walk.id, me.id,
                                                                 tmp_path / "1")]).clean
        with sqlite3.connect(amy.db_path) as conn:
            conn.execute("UPDATE feedback SET answer = 'Yes, very', revision = revision + 1 "
                         "WHERE id = ?", (answer.id,))
        report = fac.bundles.import_files([amy.bundles.write_notes(walk.id, me.id,
                                                                   tmp_path / "2")])
        assert report.updated == 1, report.summary()
        back = fac.bundles.write_notes(walk.id, me.id, tmp_path / "back")
        report = amy.bundles.import_files([back])
        assert report.clean, report.summary()
