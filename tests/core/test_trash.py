"""The Trash: deleting a walk moves it there for 30 days; it is hidden from everything that
lists or uses walks, Undo brings back that walk only, and expiry removes it for good."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.helpers.builders import make_walk
from tests.helpers.fake_clock import START, FakeClock
from walkapp import domain as d
from walkapp.config import Settings
from walkapp.errors import NotFoundError, WalkInTrashError
from walkapp.events import Action, Change, Entity
from walkapp.services import NoteDraft, Services
from walkapp.storage.db import Database


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def trash_services(settings: Settings, clock: FakeClock) -> Iterator[Services]:
    services = Services.create(Database(settings).open(), clock=clock)
    yield services
    services.close()


def _rows_of(services: Services, walk_id: str) -> int:
    with services.db.engine.connect() as conn:
        total = 0
        for table, column in (("walks", "id"), ("notes", "walk_id"),
                              ("participants", "walk_id"), ("commitments", "walk_id"),
                              ("action_items", "origin_walk_id"), ("visits", "walk_id")):
            total += int(conn.exec_driver_sql(
                f"SELECT count(*) FROM {table} WHERE {column} = ?", (walk_id,)).scalar() or 0)
        return total


def _walk_with_record(services: Services, title: str, when: date,
                      after: d.Walk | None = None) -> d.Walk:
    """A walk with a note, a commitment, an action item and an answer; `after`: planned
    again from that walk (the next walk of its series)."""
    walk = (make_walk(services, title, walkers=2, visits=2, walk_date=when) if after is None
            else services.series.plan_again(after.id, title, when, copy_route=True))
    services.notes.save_note(NoteDraft(walk_id=walk.id, author_id=walk.walkers[0].id,
                                       visit_id=walk.visits[0].id, text=f"note of {title}"))
    services.debrief.save_commitment(walk.id, walk.walkers[0].id, f"I will try {title}")
    services.debrief.add_action_item(walk.id, f"Action of {title}", owner_name="Fran")
    services.responses.save(walk.id, "mirror", "vision", 4)
    return walk


# -- hidden everywhere ---------------------------------------------------------------------
def test_deleting_moves_the_walk_to_the_trash_and_hides_it_everywhere(
        trash_services: Services, clock: FakeClock) -> None:
    from walkapp.reports.build_across import action_tracker_data, find_person

    services = trash_services
    first = _walk_with_record(services, "Spring walk", date(2026, 5, 4))
    gone = _walk_with_record(services, "Autumn walk", date(2026, 10, 1), after=first)
    later = services.series.plan_again(gone.id, "Winter walk", date(2026, 12, 1))
    services.plan.add_participant(gone.id, "Only Here")
    item = services.debrief.list_action_items(first.id)[0]
    services.debrief.follow_up(item.id, gone.id, d.ActionStatus.OPEN, "talked in autumn")
    # Before the delete, the later walk's pre-brief sees the autumn walk's commitments.
    assert any(c.walk_id == gone.id for _, c in
               services.debrief.open_commitments_before(later.id))
    assert any(a.origin_walk_id == gone.id for a in
               services.debrief.open_action_items_before(later.id))
    rows_before = _rows_of(services, gone.id)
    seen: list[Change] = []
    services.bus.subscribe(seen.append)

    services.walks.delete_walk(gone.id)

    assert Change(Entity.WALK, Action.REMOVED, gone.id, (gone.id,)) in seen
    titles = [w.title for w in services.walks.list_walks()]
    assert titles == ["Winter walk", "Spring walk"]
    assert services.walks.list_walks("Autumn") == []
    with pytest.raises(NotFoundError, match="Trash"):
        services.walks.find_walk("Autumn")
    with pytest.raises(WalkInTrashError, match="Trash"):
        services.walks.find_walk(gone.id)
    with pytest.raises(WalkInTrashError):
        services.walks.get_walk(gone.id)
    with pytest.raises(WalkInTrashError):
        services.records.walk_record(gone.id)
    # Series: earlier commitments and action items, and the follow-up it wrote.
    assert all(c.walk_id != gone.id for _, c in
               services.debrief.open_commitments_before(later.id))
    assert all(a.origin_walk_id != gone.id for a in
               services.debrief.open_action_items_before(later.id))
    assert all(a.origin_walk_id != gone.id for a in services.debrief.list_action_items())
    assert services.debrief.list_action_items(first.id)[0].follow_ups == ()
    # Reports across walks.
    assert all("Autumn" not in a.text for a in action_tracker_data(services).items)
    with pytest.raises(NotFoundError):
        find_person(services, "Only Here")
    assert [p.walk_id for p in services.responses.rating_history("", "mirror")] == [first.id]
    # Writing into it is refused, clearly.
    with pytest.raises(WalkInTrashError, match="Restore"):
        services.notes.save_note(NoteDraft(walk_id=gone.id, author_id=None, text="late"))
    with pytest.raises(WalkInTrashError):
        services.plan.add_visit(gone.id)
    with pytest.raises(WalkInTrashError):
        services.debrief.add_action_item(gone.id, "late")
    with pytest.raises(WalkInTrashError):
        services.walks.update_walk(gone.id, title="Renamed")
    with pytest.raises(WalkInTrashError):
        services.walks.duplicate_walk(gone.id)
    # …but nothing is removed until the Trash is emptied or the walk expires.
    assert _rows_of(services, gone.id) == rows_before
    [trashed] = services.trash.list_trash()
    assert (trashed.id, trashed.title, trashed.note_count) == (gone.id, "Autumn walk", 1)
    assert trashed.trashed_at == START
    assert trashed.expires_at == START + timedelta(days=30)


def test_a_walk_kit_or_notes_file_for_a_trashed_walk_is_refused(tmp_path: Path) -> None:
    from tests.helpers.laptops import laptops
    from walkapp.bundles.errors import BundleError

    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk = make_walk(fac.services, "Kit walk", walkers=2)
        me = walk.walkers[0]
        kit = fac.bundles.write_kit(walk.id, tmp_path / "k.walkkit", me.id)
        amy.bundles.open_kit(kit)
        amy.services.notes.save_note(NoteDraft(walk.id, me.id, "from amy"))
        notes = amy.bundles.write_notes(walk.id, me.id, tmp_path / "amy.walknotes")
        fac.services.walks.delete_walk(walk.id)
        report = fac.bundles.import_files([notes])
        [file] = report.files
        assert not file.accepted
        assert "Trash" in file.rejected[0].reason and "Restore" in file.rejected[0].reason
        with pytest.raises(WalkInTrashError):
            fac.bundles.write_kit(walk.id, tmp_path / "k2.walkkit", me.id)
        # On the walker's laptop: a kit for a walk that is in its Trash is held back too.
        amy.services.walks.delete_walk(walk.id)
        with pytest.raises(BundleError, match="Trash"):
            amy.bundles.open_kit(kit)
        with pytest.raises(WalkInTrashError):
            amy.bundles.write_notes(walk.id, me.id, tmp_path / "again.walknotes")
        # Restored, the import goes through.
        fac.services.trash.restore(walk.id)
        assert fac.bundles.import_files([notes]).files[0].accepted


# -- undo / restore -------------------------------------------------------------------------
def test_restore_brings_back_that_walk_only(trash_services: Services,
                                            clock: FakeClock) -> None:
    services = trash_services
    undone = _walk_with_record(services, "Undone", date(2026, 9, 1))
    other = _walk_with_record(services, "Other", date(2026, 9, 2))
    still = _walk_with_record(services, "Still trashed", date(2026, 9, 3))
    services.walks.delete_walk(undone.id)
    clock.advance(minutes=5)
    services.walks.delete_walk(still.id)
    # Life goes on meanwhile: a note in another walk, a renamed walk.
    services.notes.save_note(NoteDraft(walk_id=other.id, author_id=None, text="after"))
    services.walks.update_walk(other.id, title="Other, renamed")
    seen: list[Change] = []
    services.bus.subscribe(seen.append)

    restored = services.trash.restore(undone.id)

    assert restored.id == undone.id and restored.title == "Undone"
    assert Change(Entity.WALK, Action.ADDED, undone.id, (undone.id,)) in seen
    assert sorted(w.title for w in services.walks.list_walks()) == ["Other, renamed", "Undone"]
    assert [n.text for n in services.notes.list_notes(undone.id)] == ["note of Undone"]
    assert sorted(n.text for n in services.notes.list_notes(other.id)) == \
        ["after", "note of Other"]
    assert [t.title for t in services.trash.list_trash()] == ["Still trashed"]
    assert services.walks.find_walk("Undone").id == undone.id
    with pytest.raises(NotFoundError, match="not in the Trash"):
        services.trash.restore(other.id)
    with pytest.raises(NotFoundError):
        services.trash.restore("no-such-walk")


def test_find_trashed_by_title_or_id(trash_services: Services) -> None:
    services = trash_services
    a = make_walk(services, "Maths walk")
    b = make_walk(services, "Maths walk two")
    services.walks.delete_walk(a.id)
    services.walks.delete_walk(b.id)
    assert services.trash.find_trashed(a.id[:8]).id == a.id
    assert services.trash.find_trashed("maths walk two").id == b.id
    with pytest.raises(Exception, match="matches 2"):
        services.trash.find_trashed("Maths")
    with pytest.raises(NotFoundError, match="trash list"):
        services.trash.find_trashed("Science")


# -- expiry ---------------------------------------------------------------------------------
def test_trashed_walks_expire_after_30_days(trash_services: Services,
                                            clock: FakeClock) -> None:
    services = trash_services
    old = _walk_with_record(services, "Old", date(2026, 9, 1))
    young = _walk_with_record(services, "Young", date(2026, 9, 2))
    kept = _walk_with_record(services, "Kept", date(2026, 9, 3))
    services.walks.delete_walk(old.id)
    clock.advance(days=10)
    services.walks.delete_walk(young.id)
    clock.advance(days=19, hours=23)  # old has been in the Trash 29 days 23 hours
    assert services.trash.expire().walk_ids == ()
    assert {t.title for t in services.trash.list_trash()} == {"Old", "Young"}
    assert [t.title for t in services.trash.expired()] == []
    clock.advance(hours=1)            # exactly 30 days
    assert [t.title for t in services.trash.expired()] == ["Old"]

    result = services.trash.expire()

    assert result.walk_ids == (old.id,)
    assert _rows_of(services, old.id) == 0
    assert [t.title for t in services.trash.list_trash()] == ["Young"]
    assert [w.title for w in services.walks.list_walks()] == ["Kept"]
    assert _rows_of(services, young.id) > 0 and _rows_of(services, kept.id) > 0


def test_emptying_removes_rows_and_people_on_no_other_walk(trash_services: Services) -> None:
    services = trash_services
    gone = _walk_with_record(services, "Gone", date(2026, 9, 1))
    services.plan.add_participant(gone.id, "Nobody Else")
    kept = _walk_with_record(services, "Kept", date(2026, 9, 2))
    with pytest.raises(NotFoundError, match="not in the Trash"):
        services.trash.empty([kept.id])
    services.walks.delete_walk(gone.id)

    result = services.trash.empty()

    assert result.walk_ids == (gone.id,) and result.people_removed == 1
    assert _rows_of(services, gone.id) == 0 and _rows_of(services, kept.id) > 0
    with services.db.engine.connect() as conn:
        names = {r[0] for r in conn.exec_driver_sql("SELECT display_name FROM people")}
    assert "Nobody Else" not in names and "Walker 1" in names
    assert services.trash.list_trash() == []
    assert services.trash.empty().walk_ids == ()


# -- the migration --------------------------------------------------------------------------
def test_the_trash_migration_upgrades_and_downgrades_without_losing_rows(
        settings: Settings, clock: FakeClock) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    from walkapp.storage import migrate

    services = Services.create(Database(settings).open(), clock=clock)
    walk = _walk_with_record(services, "Kept through", date(2026, 9, 1))
    services.walks.delete_walk(walk.id)
    services.close()
    # The Trash came with 0003; later migrations may sit on top of it.
    head = migrate.head_revision()
    assert migrate.is_known_revision("0003")
    engine = create_engine(settings.database_url)
    config = migrate.alembic_config()
    with engine.begin() as connection:
        connection.exec_driver_sql("PRAGMA foreign_keys = ON")
        config.attributes["connection"] = connection
        command.downgrade(config, "0002")
    with engine.connect() as connection:
        columns = {r[1] for r in connection.exec_driver_sql("PRAGMA table_info(walks)")}
        notes = connection.exec_driver_sql("SELECT count(*) FROM notes").scalar()
    engine.dispose()
    # Going back never deletes: a walk that was in the Trash is an ordinary walk again.
    assert "trashed_at" not in columns and notes == 1
    with Database(settings) as db:
        assert migrate.current_revision(db.engine) == head
        again = Services.create(db, clock=clock)
        assert [w.title for w in again.walks.list_walks()] == ["Kept through"]
        assert again.trash.list_trash() == []
