"""Removal for good scrubs the walk from every backup: emptying the Trash, its expiry and
`purge` rewrite each backup without the walk's rows (by whatever tables that backup's schema
has), re-verify it and swap it in; deleted text does not wait weeks in old copies."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.helpers.builders import make_walk
from tests.helpers.fake_clock import FakeClock
from walkapp import domain as d
from walkapp.config import Settings
from walkapp.services import NoteDraft, Services
from walkapp.services.retention import RetentionService
from walkapp.storage.backup import backup_now, list_backups, verify_backup
from walkapp.storage.db import Database

MARKER = "Quetzal-marmot-7731 said Jayden froze at the board"
OTHER = "Okapi-lantern-2208 pairs compared methods"
def _two_walks(services: Services, gone_date: date = date(2026, 10, 1)
               ) -> tuple[d.Walk, d.Walk]:
    gone = make_walk(services, "Gone walk", walkers=2, visits=1, walk_date=gone_date)
    services.plan.add_participant(gone.id, "Marmot Person")
    services.notes.save_note(NoteDraft(walk_id=gone.id, author_id=gone.walkers[0].id,
                                       visit_id=gone.visits[0].id, text=MARKER,
                                       look_for_ids=(gone.look_fors[0].id,)))
    services.notes.save_reflection(gone.id, gone.walkers[0].id, "Learned?", MARKER)
    services.debrief.save_commitment(gone.id, gone.walkers[1].id, f"I will try {MARKER}")
    item = services.debrief.add_action_item(gone.id, f"Act on {MARKER}", owner_name="Fran")
    kept = make_walk(services, "Kept walk", walkers=2, visits=1, walk_date=date(2026, 11, 2))
    services.notes.save_note(NoteDraft(walk_id=kept.id, author_id=kept.walkers[0].id,
                                       text=OTHER))
    services.debrief.follow_up(item.id, kept.id, d.ActionStatus.DONE, f"done {MARKER}")
    return gone, kept


def _checkpoint(services: Services) -> None:
    with services.db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def _older_schema_copy(source: Path, backup_dir: Path, revision: str, stamp: str) -> Path:
    """A backup as an older walkapp would have left it: the same data at `revision`."""
    from alembic import command
    from sqlalchemy import create_engine

    from walkapp.storage import migrate

    target = backup_dir / f"pre-migration-{revision}-{stamp}.sqlite3"
    shutil.copyfile(source, target)
    engine = create_engine(f"sqlite:///{target}")
    config = migrate.alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)
    engine.dispose()
    with sqlite3.connect(target) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("VACUUM")  # as a real copy of that time: no pages left over
    return target


def _data_files(services: Services) -> list[Path]:
    assert services.db.path is not None
    # The app keeps its connection open, so a checkpointed WAL stays there, empty.
    return [p for p in (services.db.path, Path(f"{services.db.path}-wal"))
            if p.exists() and p.stat().st_size > 0]


def _revision(path: Path) -> str:
    with sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True) as conn:
        return str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0])


def test_emptying_the_trash_scrubs_every_backup(services: Services, settings: Settings) -> None:
    gone, kept = _two_walks(services)
    assert services.db.path is not None
    before_delete = backup_now(services.db, "manual")
    assert before_delete is not None
    older = [_older_schema_copy(before_delete, settings.backup_dir, "0002", "20261020T080000Z"),
             _older_schema_copy(before_delete, settings.backup_dir, "0001", "20261010T080000Z")]
    services.walks.delete_walk(gone.id)
    while_trashed = backup_now(services.db, "auto")
    _checkpoint(services)
    backups = [b.path for b in list_backups(settings.backup_dir)]
    assert set(backups) >= {before_delete, while_trashed, *older}
    # The check can see the text: every copy (and the database) holds it now.
    for path in backups + _data_files(services):
        assert MARKER.encode() in path.read_bytes(), path

    result = services.trash.empty()

    assert result.walk_ids == (gone.id,)
    assert result.scrub is not None and not result.scrub.failed
    held = [b.path for b in list_backups(settings.backup_dir)]
    # Every copy that held the walk was rewritten, including the pre-removal copy.
    assert result.backup is not None and result.backup in held
    assert {o.path for o in result.scrub.scrubbed} == set(held)
    assert result.scrub.summary() == f"removed from {len(held)} backups"
    for path in sorted(settings.backup_dir.iterdir()) + _data_files(services):
        raw = path.read_bytes()
        assert MARKER.encode() not in raw, path
        assert b"Marmot Person" not in raw, path
    for path in held:
        assert OTHER.encode() in path.read_bytes(), path
        assert verify_backup(path) == [], path
        with sqlite3.connect(path) as conn:
            assert conn.execute("SELECT title FROM walks").fetchall() == [("Kept walk",)]
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
            assert conn.execute("SELECT count(*) FROM people WHERE display_name = "
                                "'Walker 1'").fetchone() == (1,)
    assert [_revision(p) for p in older] == ["0002", "0001"]
    assert not [p for p in settings.backup_dir.iterdir() if p.name.startswith(".")]
    assert [n.text for n in services.notes.list_notes(kept.id)] == [OTHER]


def test_the_pre_purge_copy_is_scrubbed_after_the_purge(services: Services,
                                                        settings: Settings) -> None:
    gone, _ = _two_walks(services, gone_date=date(2020, 1, 6))
    retention = RetentionService(services.db, services.bus)
    [listed] = retention.walks_older_than(24, today=date(2026, 11, 27))
    assert listed.id == gone.id

    result = retention.purge_walks([gone.id])

    assert result.backup is not None and result.backup.exists()
    assert MARKER.encode() not in result.backup.read_bytes()
    assert OTHER.encode() in result.backup.read_bytes()
    assert verify_backup(result.backup) == []
    assert result.scrub is not None and result.backup in {o.path for o in result.scrub.scrubbed}
    for path in _data_files(services):
        assert MARKER.encode() not in path.read_bytes()


def test_keep_in_backups_leaves_the_copies_as_they_were(services: Services,
                                                        settings: Settings) -> None:
    gone, _ = _two_walks(services, gone_date=date(2020, 1, 6))
    manual = backup_now(services.db, "manual")
    assert manual is not None
    before = manual.read_bytes()
    result = RetentionService(services.db, services.bus).purge_walks(
        [gone.id], keep_in_backups=True)
    assert result.scrub is None
    assert manual.read_bytes() == before
    assert result.backup is not None and MARKER.encode() in result.backup.read_bytes()
    for path in _data_files(services):
        assert MARKER.encode() not in path.read_bytes()


def test_purge_removes_trashed_walks_too(services: Services) -> None:
    gone, _ = _two_walks(services, gone_date=date(2020, 1, 6))
    services.walks.delete_walk(gone.id)
    retention = RetentionService(services.db, services.bus)
    listed = retention.walks_older_than(24, today=date(2026, 11, 27))
    assert [(w.id, w.trashed_at is not None) for w in listed] == [(gone.id, True)]
    retention.purge_walks([w.id for w in listed])
    assert services.trash.list_trash() == []


def test_a_backup_that_fails_verification_is_kept_as_it_was_and_retried(
        services: Services, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    from walkapp.storage import scrub

    gone, _ = _two_walks(services)
    manual = backup_now(services.db, "manual")
    assert manual is not None
    before = manual.read_bytes()
    services.walks.delete_walk(gone.id)
    real = scrub.verify_backup

    def failing(path: Path, *, quick: bool = False) -> list[str]:
        return ["page 3: btree damaged"] if path.name.endswith(".part") else real(path)

    monkeypatch.setattr(scrub, "verify_backup", failing)
    result = services.trash.empty()
    assert result.scrub is not None
    failed = {o.path: o.problem for o in result.scrub.failed}
    assert manual in failed and "btree damaged" in str(failed[manual])
    assert manual.read_bytes() == before  # kept exactly as it was
    assert "could not be scrubbed" in result.scrub.summary()
    assert not [p for p in settings.backup_dir.iterdir() if p.name.startswith(".")]
    assert services.trash.pending_scrub() == (gone.id,)

    monkeypatch.setattr(scrub, "verify_backup", real)
    again = services.trash.empty()  # nothing left in the Trash: retries the backups
    assert again.walk_ids == ()
    assert again.scrub is not None and manual in {o.path for o in again.scrub.scrubbed}
    assert MARKER.encode() not in manual.read_bytes()
    assert services.trash.pending_scrub() == ()


def test_damaged_linked_and_foreign_files_are_left_alone(services: Services,
                                                         settings: Settings,
                                                         tmp_path: Path) -> None:
    gone, _ = _two_walks(services)
    good = backup_now(services.db, "manual")
    assert good is not None
    damaged = settings.backup_dir / "auto-20261001T080000Z.sqlite3"
    damaged.write_bytes(b"SQLite format 3\x00" + MARKER.encode() + b"\x00" * 4000)
    outside = tmp_path / "outside.sqlite3"
    shutil.copyfile(good, outside)
    outside_before = outside.read_bytes()
    link = settings.backup_dir / "auto-20261002T080000Z.sqlite3"
    link.symlink_to(outside)
    foreign = settings.backup_dir / "my own copy.sqlite3"
    shutil.copyfile(good, foreign)
    services.walks.delete_walk(gone.id)

    result = services.trash.empty()

    assert result.scrub is not None
    failed = {o.path.name for o in result.scrub.failed}
    assert damaged.name in failed
    # A link, even with walkapp's kind of name, is a foreign entry (see scan_backups): its
    # target is not walkapp's to rewrite, so it is neither scrubbed nor followed.
    assert link.name not in {o.path.name for o in result.scrub.outcomes}
    assert outside.read_bytes() == outside_before and link.is_symlink()
    assert damaged.read_bytes().startswith(b"SQLite format 3\x00")
    assert MARKER.encode() not in good.read_bytes()
    assert foreign.exists()  # not walkapp's: never rewritten, never deleted


def test_a_walk_not_in_a_backup_leaves_it_byte_for_byte(services: Services,
                                                        settings: Settings) -> None:
    early = backup_now(services.db, "manual")
    assert early is not None
    before = early.read_bytes()
    gone, _ = _two_walks(services)
    services.walks.delete_walk(gone.id)
    result = services.trash.empty()
    assert result.scrub is not None
    assert early in {o.path for o in result.scrub.clean}
    assert early.read_bytes() == before


def test_scrub_report_wording() -> None:
    from walkapp.storage.scrub import ScrubOutcome, ScrubReport, ScrubStatus

    def outcome(name: str, status: ScrubStatus) -> ScrubOutcome:
        return ScrubOutcome(Path(name), status, 3 if status is ScrubStatus.SCRUBBED else 0,
                            "disk full" if status is ScrubStatus.FAILED else None)

    one = ScrubReport((outcome("a", ScrubStatus.SCRUBBED), outcome("b", ScrubStatus.CLEAN)))
    assert one.summary() == "removed from 1 backup"
    assert ScrubReport(()).summary() == "no backups held it"
    mixed = ScrubReport((outcome("a", ScrubStatus.SCRUBBED), outcome("b", ScrubStatus.FAILED)))
    assert mixed.summary() == "removed from 1 backup; 1 backup could not be scrubbed"


def test_expiry_scrubs_too(settings: Settings) -> None:
    clock = FakeClock()
    services = Services.create(Database(settings).open(), clock=clock)
    try:
        gone, _ = _two_walks(services)
        services.walks.delete_walk(gone.id)
        copy = backup_now(services.db, "auto")
        assert copy is not None and MARKER.encode() in copy.read_bytes()
        clock.now += timedelta(days=31)
        result = services.trash.expire()
        assert result.walk_ids == (gone.id,)
        assert MARKER.encode() not in copy.read_bytes()
    finally:
        services.close()


def test_a_full_disk_while_rewriting_keeps_the_backup_and_says_so(
        services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    from walkapp.storage import scrub

    gone, _ = _two_walks(services)
    manual = backup_now(services.db, "manual")
    assert manual is not None
    before = manual.read_bytes()
    services.walks.delete_walk(gone.id)

    def full(path: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(scrub, "_create_private", full)
    result = services.trash.empty()
    assert result.walk_ids == (gone.id,)  # the removal itself happened
    assert result.scrub is not None
    problems = {o.path: o.problem for o in result.scrub.failed}
    assert "the disk is full" in str(problems[manual])
    assert manual.read_bytes() == before
    assert services.trash.pending_scrub() == (gone.id,)


def test_leftovers_and_links_at_the_temp_name_are_never_followed(
        services: Services, settings: Settings, tmp_path: Path) -> None:
    gone, _ = _two_walks(services)
    manual = backup_now(services.db, "manual")
    auto = backup_now(services.db, "auto")
    assert manual is not None and auto is not None
    # An interrupted scrub left a temp file; someone planted a link at another temp name.
    (settings.backup_dir / f".{manual.name}.part").write_bytes(b"half-written")
    victim = tmp_path / "victim.txt"
    victim.write_text("do not touch")
    (settings.backup_dir / f".{auto.name}.part").symlink_to(victim)
    services.walks.delete_walk(gone.id)

    result = services.trash.empty()

    assert result.scrub is not None and not result.scrub.failed
    assert victim.read_text() == "do not touch"
    assert not [p for p in settings.backup_dir.iterdir() if p.name.startswith(".")]
    for path in (manual, auto):
        assert MARKER.encode() not in path.read_bytes() and verify_backup(path) == []


def test_a_scrub_cut_short_is_finished_at_the_next_start(
        services: Services, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    from walkapp.services import trash

    gone, _ = _two_walks(services)
    manual = backup_now(services.db, "manual")
    assert manual is not None
    services.walks.delete_walk(gone.id)

    class Killed(BaseException):
        """Stands for the process dying right after the removal committed."""

    def killed(*_: object) -> None:
        raise Killed

    monkeypatch.setattr(trash, "scrub_backups", killed)
    with pytest.raises(Killed):
        services.trash.empty()
    monkeypatch.undo()
    assert MARKER.encode() in manual.read_bytes()
    services.close()

    again = Services.create(Database(settings).open())  # the next start
    try:
        assert again.trash.pending_scrub() == (gone.id,)
        result = again.trash.expire()
        assert result.walk_ids == () and result.scrub is not None
        assert manual in {o.path for o in result.scrub.scrubbed}
        assert MARKER.encode() not in manual.read_bytes()
        assert again.trash.pending_scrub() == ()
    finally:
        again.close()
