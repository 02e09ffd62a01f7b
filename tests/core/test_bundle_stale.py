"""No text refused for a stale reference (issue 12, item 2).

A walker's note tagged with a look-for the facilitator removed arrives with that tag
dropped (and the report says so); a note on a visit the facilitator removed arrives on
that visit's tombstone and is shown under "Removed visit". Either way a second import of
the same file changes nothing, and removing a look-for or visit while kits are out is
said first.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from tests.core.test_bundle_merge_laws import db_state
from tests.helpers.builders import make_walk
from tests.helpers.laptops import Laptop, laptops
from walkapp import domain as d
from walkapp.bundles import crypto
from walkapp.reports.build_walk import debrief_data
from walkapp.services import NoteDraft


@pytest.fixture(autouse=True)
def _fast_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "SCRYPT_N", 2**14)


def _kit_out(fac: Laptop, amy: Laptop, tmp_path: Path, **walk: object) -> tuple[d.Walk, str]:
    """A walk on the facilitator's laptop, and Amy (walker 1) holding its kit."""
    made = make_walk(fac.services, "Stale walk", walkers=2, visits=3,
                     look_fors=("Questioning", "Student talk", "Wait time"))
    fac.services.plan.update_visit(made.visits[1].id, room="Room 12")
    if walk:
        fac.services.walks.update_walk(made.id, **walk)
    me = made.walkers[0]
    kit = fac.bundles.write_kit(made.id, tmp_path / "amy.walkkit", walker_id=me.id)
    amy.bundles.open_kit(kit)
    return fac.services.walks.get_walk(made.id), me.id


def _note(amy: Laptop, walk: d.Walk, me: str, body: str, visit: int | None,
          *tags: int) -> None:
    amy.services.notes.save_note(NoteDraft(
        walk.id, me, body, visit_id=walk.visits[visit].id if visit is not None else None,
        look_for_ids=tuple(walk.look_fors[t].id for t in tags)))


def _tags(laptop: Laptop, walk_id: str) -> dict[str, tuple[str, ...]]:
    return {n.text: n.look_for_ids
            for n in laptop.services.records.walk_record(walk_id).notes}


def test_a_note_tagged_with_a_removed_look_for_arrives_without_that_tag(
        tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk, me = _kit_out(fac, amy, tmp_path)
        questioning, talk, _ = walk.look_fors
        _note(amy, walk, me, "Asked why twice.", 0, 0)
        _note(amy, walk, me, "Pairs compared answers.", 0, 0, 1)
        _note(amy, walk, me, "Talk at tables.", 1, 1)
        fac.services.plan.remove_look_for(questioning.id)
        path = amy.bundles.write_notes(walk.id, me, tmp_path / "amy.walknotes")

        report = fac.bundles.import_files([path])
        file = report.files[0]
        assert file.accepted and file.rejected == () and report.clean
        assert file.new == 3
        assert file.adjustments == ("2 notes arrived without the look-for “Questioning”, "
                                    "which was removed from this walk here.",)
        assert _tags(fac, walk.id) == {"Asked why twice.": (),
                                       "Pairs compared answers.": (talk.id,),
                                       "Talk at tables.": (talk.id,)}

        # Importing the same file again changes nothing and tells nothing new.
        before = db_state(fac)
        again = fac.bundles.import_files([path]).files[0]
        assert (again.new, again.updated, again.unchanged, again.adjustments) == (0, 0, 3, ())
        assert db_state(fac) == before

        # The dropped tag is not an edit made here: the note's version is the walker's,
        # so a file written here verifies on the walker's laptop, which keeps the tag.
        back = fac.bundles.write_notes(walk.id, me, tmp_path / "back.walknotes")
        home = amy.bundles.import_files([back])
        assert home.clean and home.new == home.updated == home.conflicts == 0
        assert _tags(amy, walk.id)["Asked why twice."] == (questioning.id,)

        # The walker's next edit of that note replaces it: an update, not a conflict.
        note = next(n for n in amy.services.records.walk_record(walk.id).notes
                    if n.text == "Asked why twice.")
        amy.services.notes.save_note(NoteDraft(walk.id, me, "Asked why three times.",
                                               visit_id=walk.visits[0].id, id=note.id,
                                               look_for_ids=(questioning.id,)))
        later = fac.bundles.import_files([amy.bundles.write_notes(
            walk.id, me, tmp_path / "later.walknotes")]).files[0]
        assert (later.updated, later.conflicts) == (1, ())
        assert later.adjustments == ("1 note arrived without the look-for “Questioning”, "
                                     "which was removed from this walk here.",)
        assert _tags(fac, walk.id)["Asked why three times."] == ()


def test_a_tag_this_laptop_never_knew_is_dropped_and_said(tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk, me = _kit_out(fac, amy, tmp_path)
        _note(amy, walk, me, "Wait time of five seconds.", 0, 2, 1)
        # Removed by an older version of the app (or never here): no name is known.
        with fac.services.db.engine.begin() as conn:
            conn.execute(text("DELETE FROM look_fors WHERE id = :id"),
                         {"id": walk.look_fors[2].id})
        report = fac.bundles.import_files([amy.bundles.write_notes(
            walk.id, me, tmp_path / "n.walknotes")])
        assert report.clean and report.files[0].new == 1
        assert report.files[0].adjustments == (
            "1 note arrived without a look-for that is not part of this walk here.",)
        assert _tags(fac, walk.id) == {"Wait time of five seconds.": (walk.look_fors[1].id,)}


def test_a_note_on_a_removed_visit_is_kept_on_its_tombstone_and_shown(
        tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk, me = _kit_out(fac, amy, tmp_path, include_visit_details=True)
        removed = walk.visits[1]
        _note(amy, walk, me, "Students chose their own problem.", 1, 1)
        _note(amy, walk, me, "Exit tickets on the door.", 2)
        fac.services.plan.remove_visit(removed.id)
        path = amy.bundles.write_notes(walk.id, me, tmp_path / "amy.walknotes")

        report = fac.bundles.import_files([path])
        file = report.files[0]
        assert report.clean and file.new == 2
        assert file.adjustments == (
            "1 note was written on a visit removed from the route here; it is kept under "
            "“Removed visit (was visit 2) — Room 12”.",)

        after = fac.services.walks.get_walk(walk.id)
        assert [v.label for v in after.visits] == ["Visit 1", "Visit 2"]
        assert [(v.id, v.label) for v in after.removed_visits] == [
            (removed.id, "Removed visit (was visit 2)")]
        record = fac.services.records.walk_record(walk.id)
        kept = next(n for n in record.notes if n.text == "Students chose their own problem.")
        assert kept.visit_id == removed.id

        # Shown in the debrief's evidence under the removed visit's own label.
        data = debrief_data(record)
        assert data.visit_count == 2
        items = [(i.where, i.text) for g in data.evidence for s in g.stems for i in s.items]
        assert ("Removed visit (was visit 2) — Room 12",
                "Students chose their own problem.") in items
        assert ("Visit 2", "Exit tickets on the door.") in items

        before = db_state(fac)
        again = fac.bundles.import_files([path]).files[0]
        assert (again.new, again.updated, again.adjustments) == (0, 0, ())
        assert db_state(fac) == before


def test_a_visit_this_laptop_never_knew_becomes_a_tombstone(tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk, me = _kit_out(fac, amy, tmp_path)
        _note(amy, walk, me, "Noticed a visual timetable.", 2)
        with fac.services.db.engine.begin() as conn:  # as an older version removed visits
            conn.execute(text("DELETE FROM visits WHERE id = :id"), {"id": walk.visits[2].id})
        report = fac.bundles.import_files([amy.bundles.write_notes(
            walk.id, me, tmp_path / "n.walknotes")])
        assert report.clean and report.files[0].new == 1
        assert report.files[0].adjustments == (
            "1 note was written on a visit removed from the route here; it is kept under "
            "“Removed visit”.",)
        after = fac.services.walks.get_walk(walk.id)
        assert [v.id for v in after.removed_visits] == [walk.visits[2].id]
        assert len(after.visits) == 2
        assert [n.text for n in fac.services.records.walk_record(walk.id).notes] == [
            "Noticed a visual timetable."]


def test_removed_visits_are_left_out_of_every_list(tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk, me = _kit_out(fac, amy, tmp_path)
        fac.services.notes.save_note(NoteDraft(walk.id, walk.facilitators[0].id,
                                               "On the second visit.",
                                               visit_id=walk.visits[1].id))
        # A visit with notes can go: its notes stay, under "Removed visit".
        fac.services.plan.remove_visit(walk.visits[1].id)
        summary = fac.services.walks.list_walks()[0]
        assert summary.visit_count == 2
        fac.services.plan.add_visit(walk.id)
        after = fac.services.walks.get_walk(walk.id)
        assert [v.position for v in after.visits] == [1, 2, 3]
        assert walk.visits[1].id not in [v.id for v in after.visits]
        # A new note cannot go on a removed visit; the note there can still be corrected.
        with pytest.raises(Exception, match="removed from the route"):
            fac.services.notes.save_note(NoteDraft(walk.id, None, "New",
                                                   visit_id=walk.visits[1].id))
        note = fac.services.records.walk_record(walk.id).notes[0]
        fac.services.notes.save_note(NoteDraft(walk.id, note.author_id, "On visit two.",
                                               visit_id=walk.visits[1].id, id=note.id))
        # A kit made now leaves the removed visit out; a copy of the walk too.
        kit = fac.bundles.write_kit(walk.id, tmp_path / "again.walkkit", walker_id=me)
        amy.bundles.open_kit(kit)
        assert [v.id for v in amy.services.walks.get_walk(walk.id).visits] == [
            v.id for v in after.visits]
        copy = fac.services.walks.duplicate_walk(walk.id, "Copy")
        assert len(copy.visits) == 3 and copy.removed_visits == ()


def test_removing_with_kits_out_is_said_first(tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        made = make_walk(fac.services, "Kits walk", walkers=3, visits=2,
                         look_fors=("Questioning",))
        plan = fac.services.plan
        first, second, _third = made.walkers
        look_for = made.look_fors[0]
        # No kit made: nothing to say.
        assert plan.look_for_removal_warning(look_for.id) is None
        assert plan.visit_removal_warning(made.visits[0].id) is None

        fac.bundles.write_kit(made.id, tmp_path / "w1.walkkit", walker_id=first.id)
        fac.bundles.write_kit(made.id, tmp_path / "w2.walkkit", walker_id=second.id)
        assert plan.look_for_removal_warning(look_for.id) == (
            "2 walkers' kits include the look-for “Questioning” (Walker 1, Walker 2), and "
            "their notes have not come back since the kit was made: notes they tag with it "
            "will arrive without the tag. Their text is kept, and the import report says "
            "which notes arrived without it.")
        assert "Visit 1 will arrive" not in (plan.visit_removal_warning(made.visits[0].id)
                                             or "")
        assert "notes they write on it will arrive on the removed visit, shown under "\
               "“Removed visit (was visit 1)”" in (plan.visit_removal_warning(
                   made.visits[0].id) or "")

        # Walker 1's notes come back: only Walker 2's kit is still out.
        amy.bundles.open_kit(tmp_path / "w1.walkkit")
        fac.bundles.import_files([amy.bundles.write_notes(made.id, first.id,
                                                          tmp_path / "w1.walknotes")])
        warning = plan.look_for_removal_warning(look_for.id) or ""
        assert warning.startswith("1 walker's kit includes the look-for “Questioning” "
                                  "(Walker 2)")

        # A look-for added after every kit was made is in none of them.
        later = plan.add_look_for(made.id, "Wait time")
        assert plan.look_for_removal_warning(later.id) is None

        # An "any walker" kit counts for every walker whose notes have not come back.
        fac.bundles.write_kit(made.id, tmp_path / "any.walkkit")
        assert "(Walker 1, Walker 2, Walker 3)" in (
            plan.look_for_removal_warning(later.id) or "")

        # A visit with notes here says so, kits or not.
        fac.services.notes.save_note(NoteDraft(made.id, None, "Seen.",
                                               visit_id=made.visits[1].id))
        assert (plan.visit_removal_warning(made.visits[1].id) or "").startswith(
            "Visit 2 has 1 note here; it stays in the walk, shown under “Removed visit "
            "(was visit 2)”.")


def test_purging_the_walk_removes_tombstones_and_kit_records(tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk, _ = _kit_out(fac, amy, tmp_path)
        fac.services.plan.remove_visit(walk.visits[0].id)
        fac.services.plan.remove_look_for(walk.look_fors[0].id)
        fac.services.walks.delete_walk(walk.id)
        fac.services.trash.empty([walk.id], keep_in_backups=True)
        with fac.services.db.engine.connect() as conn:
            for table in ("visits", "removed_look_fors", "bundle_log", "notes"):
                assert conn.execute(text(f"SELECT count(*) FROM {table}")).scalar() == 0


def test_walkapp_show_lists_notes_on_a_removed_visit(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]
                                                      ) -> None:
    import json

    from walkapp.cli import main

    with laptops(tmp_path, "fac") as (fac,):
        walk = make_walk(fac.services, "Shown walk", walkers=1, visits=3)
        fac.services.notes.save_note(NoteDraft(walk.id, walk.walkers[0].id, "Kept text.",
                                               visit_id=walk.visits[2].id))
        fac.services.plan.remove_visit(walk.visits[2].id)
        fac.services.plan.remove_visit(walk.visits[1].id)  # no notes: not listed
    code = main(["--data-dir", str(tmp_path / "fac"), "show", "Shown walk"])
    out = capsys.readouterr().out
    assert code == 0 and "Visits (1), notes (1):" in out
    assert "  Removed visit (was visit 3)\n    I noticed: Kept text." in out
    assert "was visit 2" not in out
    code = main(["--data-dir", str(tmp_path / "fac"), "show", "Shown walk", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert [v["position"] for v in data["walk"]["visits"]] == [1]
    assert {v["position"] for v in data["walk"]["removed_visits"]} == {2, 3}


def test_the_migration_downgrades_without_losing_a_note(tmp_path: Path) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    from walkapp.storage import migrate

    with laptops(tmp_path, "fac") as (fac,):
        walk = make_walk(fac.services, "Down", walkers=1, visits=2)
        fac.services.notes.save_note(NoteDraft(walk.id, walk.walkers[0].id, "On two.",
                                               visit_id=walk.visits[1].id,
                                               look_for_ids=(walk.look_fors[0].id,)))
        fac.services.plan.remove_visit(walk.visits[1].id)
        fac.services.plan.remove_look_for(walk.look_fors[0].id)
        url = f"sqlite:///{fac.db_path}"
    engine = create_engine(url)
    config = migrate.alembic_config()
    with engine.begin() as connection:
        connection.exec_driver_sql("PRAGMA foreign_keys = ON")
        config.attributes["connection"] = connection
        command.downgrade(config, "0004")
    with engine.connect() as connection:
        columns = {r[1] for r in connection.exec_driver_sql("PRAGMA table_info(visits)")}
        counts = [connection.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar()
                  for t in ("notes", "visits")]
    engine.dispose()
    # Going back never deletes: the removed visit is on the route again, with its note.
    assert "deleted_at" not in columns and counts == [1, 2]
    with laptops(tmp_path, "fac") as (fac,):  # opening it upgrades again
        assert len(fac.services.walks.get_walk(walk.id).visits) == 2
        assert [n.text for n in fac.services.records.walk_record(walk.id).notes] == [
            "On two."]
