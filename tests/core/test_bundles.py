"""Walk kits and notes files between laptops: what travels, what is refused, the report."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.helpers.builders import make_walk
from tests.helpers.laptops import Laptop, laptops
from tests.helpers.sqlite_faults import injected
from walkapp import domain as d
from walkapp.bundles import (
    BundleError,
    PassphraseNeededError,
    WalkerChoiceNeededError,
    WrongPassphraseError,
    crypto,
)
from walkapp.services import NoteDraft


@pytest.fixture(autouse=True)
def _fast_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    # The real cost (2**17) takes half a second per file; the law is the same at 2**14.
    monkeypatch.setattr(crypto, "SCRYPT_N", 2**14)


def _walk(fac: Laptop, **privacy: bool) -> d.Walk:
    walk = make_walk(fac.services, "Kit walk", walkers=3, visits=2)
    fac.services.plan.update_visit(walk.visits[0].id, room="Room 12", grade="Year 4",
                                   subject="Maths", teacher_name="Ms Secret")
    fac.services.plan.add_norm(walk.id, "We are here to learn, not to judge.", agreed=True)
    if privacy:
        fac.services.walks.update_walk(walk.id, **privacy)
    return fac.services.walks.get_walk(walk.id)


def test_kit_opens_as_walker_mode_with_the_same_ids(tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk = _walk(fac)
        target = walk.walkers[1]
        kit = fac.bundles.write_kit(walk.id, tmp_path / "k.walkkit", walker_id=target.id)
        opened = amy.bundles.open_kit(kit)
        assert opened.created and opened.walker_id == target.id
        copy = amy.services.walks.get_walk(walk.id)
        assert copy.local_mode is d.LocalMode.WALKER
        assert copy.local_participant_id == target.id
        assert [v.id for v in copy.visits] == [v.id for v in walk.visits]
        assert [x.id for x in copy.look_fors] == [x.id for x in walk.look_fors]
        assert [p.id for p in copy.participants] == [p.id for p in walk.participants]
        assert [n.text for n in copy.norms] == [n.text for n in walk.norms]
        # Privacy defaults: details travel, teacher names never unless shown.
        assert copy.visits[0].room == "Room 12" and copy.visits[0].teacher_name is None
        again = amy.bundles.open_kit(kit)
        assert not again.created and len(amy.services.walks.list_walks()) == 1
        assert len(amy.services.walks.get_walk(walk.id).visits) == 2


def test_kit_leaves_out_what_the_privacy_settings_keep_back(tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "amy", "ben") as (fac, amy, ben):
        walk = _walk(fac, include_visit_details=False)
        kit = fac.bundles.write_kit(walk.id, tmp_path / "k.walkkit")
        assert b"Ms Secret" not in kit.read_bytes()
        amy.bundles.open_kit(kit, walker="walker 1")
        visit = amy.services.walks.get_walk(walk.id).visits[0]
        # A kit is a paper of the day: the route's room travels whatever the records'
        # setting (it keeps room, grade and subject out of records only); the name never.
        assert visit.room == "Room 12" and visit.teacher_name is None
        fac.services.walks.update_walk(walk.id, include_visit_details=True,
                                       show_teacher_names=True)
        shown = fac.bundles.write_kit(walk.id, tmp_path / "k2.walkkit")
        ben.bundles.open_kit(shown, walker="Walker 2")
        assert ben.services.walks.get_walk(walk.id).visits[0].teacher_name == "Ms Secret"


def test_any_walker_kit_asks_who_is_opening_it(tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk = _walk(fac)
        kit = fac.bundles.write_kit(walk.id, tmp_path / "k.walkkit")
        preview = amy.bundles.preview_kit(kit)
        assert preview.walker_names == ("Walker 1", "Walker 2", "Walker 3")
        assert preview.for_walker_name is None
        with pytest.raises(WalkerChoiceNeededError) as asked:
            amy.bundles.open_kit(kit)
        assert asked.value.walker_names == preview.walker_names
        with pytest.raises(WalkerChoiceNeededError, match="not a walker"):
            amy.bundles.open_kit(kit, walker="Fran Facilitator")
        assert amy.services.walks.list_walks() == []
        opened = amy.bundles.open_kit(kit, walker="  WALKER 3 ")
        assert opened.walker_name == "Walker 3"
        with pytest.raises(BundleError, match="already holds this walk for Walker 3"):
            amy.bundles.open_kit(kit, walker="Walker 1")


def test_a_kit_is_not_opened_over_the_facilitators_copy(tmp_path: Path) -> None:
    with laptops(tmp_path, "fac") as (fac,):
        walk = _walk(fac)
        kit = fac.bundles.write_kit(walk.id, tmp_path / "k.walkkit")
        with pytest.raises(BundleError, match="facilitator's copy"):
            fac.bundles.open_kit(kit, walker="Walker 1")
        assert fac.services.walks.get_walk(walk.id).local_mode is d.LocalMode.FACILITATOR


def _walker_laptop(fac: Laptop, walker: Laptop, walk: d.Walk, index: int,
                   tmp_path: Path) -> d.Participant:
    kit = fac.bundles.write_kit(walk.id, tmp_path / f"kit{index}.walkkit",
                                walker_id=walk.walkers[index].id)
    walker.bundles.open_kit(kit)
    return walk.walkers[index]


def test_notes_reflections_commitments_and_feedback_travel(tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk = _walk(fac)
        me = _walker_laptop(fac, amy, walk, 0, tmp_path)
        s = amy.services
        kept = s.notes.save_note(NoteDraft(walk.id, me.id, "Students compared answers.",
                                           visit_id=walk.visits[0].id,
                                           look_for_ids=(walk.look_fors[1].id,)))
        gone = s.notes.save_note(NoteDraft(walk.id, me.id, "Typo note",
                                           visit_id=walk.visits[1].id))
        s.notes.delete_note(gone.id)
        s.notes.save_reflection(walk.id, me.id, "What will you take away?", "Wait time.")
        s.debrief.save_commitment(walk.id, me.id, "I will try a 5-second pause.")
        s.debrief.add_feedback(walk.id, "useful", "How useful was this walk?", "Very",
                               rating=5)
        path = amy.bundles.write_notes(walk.id, me.id, tmp_path / "amy.walknotes")
        report = fac.bundles.import_files([path])
        # Four new: the typo was written and deleted on the laptop, nothing to look for.
        assert report.clean and report.new == 4 and report.backup_path
        assert report.files[0].counts["notes"].created_and_deleted == 1
        record = fac.services.records.walk_record(walk.id)
        assert [(n.text, n.look_for_ids) for n in record.notes] == [
            ("Students compared answers.", (walk.look_fors[1].id,))]
        assert record.notes[0].id == kept.id and record.notes[0].author_id == me.id
        assert [r.text for r in record.reflections] == ["Wait time."]
        assert [c.text for c in record.commitments] == ["I will try a 5-second pause."]
        assert [(f.answer, f.rating) for f in record.feedback] == [("Very", 5)]
        # The deletion travelled as a tombstone: no text, but the row is known.
        with sqlite3.connect(fac.db_path) as conn:
            row = conn.execute("SELECT text, deleted_at IS NOT NULL FROM notes WHERE id = ?",
                               (gone.id,)).fetchone()
        assert row == ("", 1)
        assert fac.bundles.import_files([path]).unchanged == 4


def test_newer_file_replaces_older_in_either_order(tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk = _walk(fac)
        me = _walker_laptop(fac, amy, walk, 0, tmp_path)
        note = amy.services.notes.save_note(NoteDraft(walk.id, me.id, "First draft"))
        old = amy.bundles.write_notes(walk.id, me.id, tmp_path / "old.walknotes")
        amy.services.notes.save_note(NoteDraft(walk.id, me.id, "Second draft", id=note.id))
        new = amy.bundles.write_notes(walk.id, me.id, tmp_path / "new.walknotes")
        report = fac.bundles.import_files([new, old])
        assert [f.new for f in report.files] == [1, 0]
        assert [f.unchanged for f in report.files] == [0, 1]
        assert [n.text for n in fac.services.notes.list_notes(walk.id)] == ["Second draft"]


def test_changed_on_both_sides_keeps_both_versions(tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk = _walk(fac)
        me = _walker_laptop(fac, amy, walk, 0, tmp_path)
        note = amy.services.notes.save_note(NoteDraft(walk.id, me.id, "Base text"))
        fac.bundles.import_files([amy.bundles.write_notes(walk.id, me.id, tmp_path / "1")])
        fac.services.notes.save_note(NoteDraft(walk.id, me.id, "Facilitator fix", id=note.id))
        amy.services.notes.save_note(NoteDraft(walk.id, me.id, "Walker addition", id=note.id))
        report = fac.bundles.import_files([amy.bundles.write_notes(walk.id, me.id,
                                                                   tmp_path / "2")])
        assert report.conflicts == 1
        assert "changed on two laptops" in report.files[0].conflict_notes[0]
        notes = fac.services.notes.list_notes(walk.id)
        assert sorted(n.text for n in notes) == ["Facilitator fix", "Walker addition"]
        main = next(n for n in notes if n.id == note.id)
        copy = next(n for n in notes if n.id != note.id)
        assert main.conflict_of is None and copy.conflict_of == note.id


def test_a_file_for_another_walk_or_walker_is_refused(tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "amy", "other") as (fac, amy, other):
        walk = _walk(fac)
        me = _walker_laptop(fac, amy, walk, 0, tmp_path)
        amy.services.notes.save_note(NoteDraft(walk.id, me.id, "A note"))
        path = amy.bundles.write_notes(walk.id, me.id, tmp_path / "amy.walknotes")
        make_walk(other.services, "Unrelated")
        report = other.bundles.import_files([path])
        assert not report.files[0].accepted and report.backup_path is None
        assert "another walk" in report.files[0].rejected[0].reason
        assert "Kit walk" in report.files[0].rejected[0].reason
        fac.services.notes.save_note(NoteDraft(walk.id, walk.walkers[2].id, "x"))
        with sqlite3.connect(fac.db_path) as conn:
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("DELETE FROM participants WHERE id = ?", (me.id,))
        report = fac.bundles.import_files([path])
        assert "not on the roster" in report.files[0].rejected[0].reason


def test_items_pointing_at_removed_plan_rows_are_kept_and_said(tmp_path: Path) -> None:
    # Issue 12: a note on a removed visit used to be rejected whole; it is kept now, on
    # the visit's tombstone (tests/core/test_bundle_stale.py has the rest).
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk = _walk(fac)
        me = _walker_laptop(fac, amy, walk, 0, tmp_path)
        amy.services.notes.save_note(NoteDraft(walk.id, me.id, "On visit 2",
                                               visit_id=walk.visits[1].id))
        amy.services.notes.save_note(NoteDraft(walk.id, me.id, "On visit 1",
                                               visit_id=walk.visits[0].id))
        fac.services.plan.remove_visit(walk.visits[1].id)
        report = fac.bundles.import_files([amy.bundles.write_notes(walk.id, me.id,
                                                                   tmp_path / "n")])
        file = report.files[0]
        assert file.accepted and file.new == 2 and report.clean and file.rejected == ()
        assert file.adjustments == ("1 note was written on a visit removed from the route "
                                    "here; it is kept under “Removed visit (was visit 2)”.",)


def test_passphrase_protection(tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk = _walk(fac)
        kit = fac.bundles.write_kit(walk.id, tmp_path / "k.walkkit",
                                    walker_id=walk.walkers[0].id,
                                    passphrase="blue heron at dawn")
        assert b"Kit walk" not in kit.read_bytes() and b"Walker 1" not in kit.read_bytes()
        with pytest.raises(PassphraseNeededError, match="protected with a passphrase"):
            amy.bundles.open_kit(kit)
        with pytest.raises(WrongPassphraseError, match="does not open this file"):
            amy.bundles.open_kit(kit, passphrase="blue heron at dusk")
        assert amy.services.walks.list_walks() == []
        assert amy.bundles.preview_kit(kit, passphrase="blue heron at dawn").encrypted
        amy.bundles.open_kit(kit, passphrase="blue heron at dawn")
        me = walk.walkers[0]
        amy.services.notes.save_note(NoteDraft(walk.id, me.id, "Secret observation"))
        path = amy.bundles.write_notes(walk.id, me.id, tmp_path / "n.walknotes",
                                       passphrase="blue heron at dawn")
        assert b"Secret" not in path.read_bytes()
        wrong = fac.bundles.import_files([path], passphrase="nope nope")
        assert "does not open this file" in wrong.files[0].rejected[0].reason
        missing = fac.bundles.import_files([path])
        assert "protected with a passphrase" in missing.files[0].rejected[0].reason
        assert fac.bundles.import_files([path], passphrase="blue heron at dawn").new == 1
        with pytest.raises(BundleError, match="at least 6 characters"):
            fac.bundles.write_kit(walk.id, tmp_path / "short.walkkit", passphrase="abc")


def test_kits_are_made_on_the_facilitators_laptop_only(tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk = _walk(fac)
        _walker_laptop(fac, amy, walk, 0, tmp_path)
        with pytest.raises(BundleError, match="facilitator's laptop"):
            amy.bundles.write_kit(walk.id, tmp_path / "again.walkkit")


def test_writing_into_a_missing_folder_says_so(tmp_path: Path) -> None:
    with laptops(tmp_path, "fac") as (fac,):
        walk = _walk(fac)
        with pytest.raises(BundleError, match="could not be written"):
            fac.bundles.write_kit(walk.id, tmp_path / "no" / "such" / "k.walkkit")


def test_deleting_a_walk_removes_its_sync_state(tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk = _walk(fac)
        me = _walker_laptop(fac, amy, walk, 0, tmp_path)
        amy.services.notes.save_note(NoteDraft(walk.id, me.id, "A note"))
        fac.bundles.import_files([amy.bundles.write_notes(walk.id, me.id, tmp_path / "n")])
        fac.services.walks.delete_walk(walk.id)
        fac.services.trash.empty()
        with sqlite3.connect(fac.db_path) as conn:
            counts = [conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                      for t in ("sync_versions", "sync_rows", "notes")]
        assert counts == [0, 0, 0]


def test_reflections_and_commitments_changed_on_both_sides_keep_both(tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk = _walk(fac)
        me = _walker_laptop(fac, amy, walk, 0, tmp_path)
        mine = amy.services.debrief.save_commitment(walk.id, me.id, "I will try wait time.")
        fac.bundles.import_files([amy.bundles.write_notes(walk.id, me.id, tmp_path / "1")])
        fac.services.debrief.review_commitment(mine.id, d.CommitmentStatus.TRIED, "It helped.")
        amy.services.debrief.save_commitment(walk.id, me.id, "I will try wait time daily.",
                                             commitment_id=mine.id)
        report = fac.bundles.import_files([amy.bundles.write_notes(walk.id, me.id,
                                                                   tmp_path / "2")])
        assert report.conflicts == 1
        kept = fac.services.debrief.list_commitments(walk.id)
        assert sorted((c.text, c.status.value, c.review_note) for c in kept) == [
            ("I will try wait time daily.", "open", ""),
            ("I will try wait time.", "tried", "It helped.")]


def test_the_sync_migration_upgrades_an_existing_database(tmp_path: Path) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    from walkapp.config import resolve_settings
    from walkapp.storage import migrate
    from walkapp.storage.db import Database

    settings = resolve_settings(tmp_path / "old")
    settings.data_dir.mkdir(parents=True)
    engine = create_engine(settings.database_url)
    config = migrate.alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
        connection.exec_driver_sql(
            "INSERT INTO walks (id, title, walk_date, focus, language, protocol_id, "
            "protocol_version, protocol_hash, protocol_snapshot, status, current_phase, "
            "current_step, visit_minutes, corridor_minutes, show_teacher_names, "
            "attribute_commitments, include_visit_details, local_mode, created_at, "
            "updated_at) VALUES ('00000000-0000-4000-8000-000000000001', 'Old walk', "
            "'2026-01-05', '', 'en', '', '', '', '', 'planned', 'plan', 0, 10, 3, 0, 0, 1, "
            "'facilitator', '2026-01-05 09:00:00', '2026-01-05 09:00:00')")
    engine.dispose()
    with Database(settings) as db:
        assert migrate.current_revision(db.engine) == migrate.head_revision()
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT title FROM walks").scalar() == "Old walk"
            assert conn.exec_driver_sql("SELECT COUNT(*) FROM sync_versions").scalar() == 0
    assert list(settings.backup_dir.glob("pre-migration-0001-*.sqlite3"))
    engine = create_engine(settings.database_url)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0001")
        tables = {r[0] for r in connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
    engine.dispose()
    assert "sync_rows" not in tables and "walks" in tables


def test_a_disk_full_half_way_imports_nothing(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from walkapp.bundles import merge
    from walkapp.errors import DiskFullError

    with laptops(tmp_path, "fac", "amy", "ben") as (fac, amy, ben):
        walk = _walk(fac)
        files = []
        for index, laptop in enumerate((amy, ben)):
            me = _walker_laptop(fac, laptop, walk, index, tmp_path)
            laptop.services.notes.save_note(NoteDraft(walk.id, me.id, f"Note {index}"))
            files.append(laptop.bundles.write_notes(walk.id, me.id, tmp_path / f"{index}"))
        real = merge.merge_entity
        calls = {"n": 0}

        def failing(*args: object, **kwargs: object) -> None:
            calls["n"] += 1
            if calls["n"] > 4:  # the second file's first part
                # What _sqlite3 raises for SQLITE_FULL: the result code decides, not words.
                raise injected("SQLITE_FULL", "database or disk is full")
            real(*args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr("walkapp.bundles.service.merge_entity", failing)
        with pytest.raises(DiskFullError, match="disk is full"):
            fac.bundles.import_files(files)
        assert fac.services.notes.list_notes(walk.id) == []
        monkeypatch.setattr("walkapp.bundles.service.merge_entity", real)
        assert fac.bundles.import_files(files).new == 2
