"""Backups: consistent copies, checked on creation, rotated (recent / daily / weekly)."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.builders import make_walk
from tests.helpers.damage import damage_pages
from walkapp.errors import CorruptDatabaseError
from walkapp.services import NoteDraft, Services
from walkapp.storage.backup import (
    BackupInfo,
    RotationPolicy,
    backup_now,
    backups_to_keep,
    list_backups,
    newest_good_backup,
    rotate_backups,
    verify_backup,
)

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


def test_backup_includes_committed_work_still_in_the_wal(services: Services) -> None:
    walk = make_walk(services)
    assert services.db.path is not None
    # An open reader pins the WAL: the commit below stays in -wal, not yet in the main file.
    reader = sqlite3.connect(services.db.path)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM notes").fetchone()
    try:
        note = services.notes.save_note(NoteDraft(walk_id=walk.id, author_id=None,
                                                  text="only in the WAL so far"))
        assert Path(f"{services.db.path}-wal").stat().st_size > 0
        copy = backup_now(services.db, "manual")
    finally:
        reader.close()
    assert copy is not None and verify_backup(copy) == []
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT text FROM notes WHERE id = ?",
                            (note.id,)).fetchone() == ("only in the WAL so far",)
        # A backup is one self-contained file.
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)


def test_a_damaged_database_makes_no_backup(services: Services) -> None:
    make_walk(services)
    path = services.db.path
    assert path is not None
    services.db.close()
    damage_pages(path)
    from walkapp.config import resolve_settings
    from walkapp.storage.db import Database

    db = Database(resolve_settings(path.parent))  # not opened: the file is damaged
    with pytest.raises(CorruptDatabaseError, match="no backup was made"):
        backup_now(db, "manual")
    assert list(db.settings.backup_dir.glob("*.sqlite3")) == []


def test_verify_backup_says_what_is_wrong(tmp_path: Path, services: Services) -> None:
    make_walk(services)
    good = backup_now(services.db, "manual")
    assert good is not None and verify_backup(good) == []
    not_sqlite = tmp_path / "x.sqlite3"
    not_sqlite.write_bytes(b"hello" * 1000)
    assert "not a SQLite database" in verify_backup(not_sqlite)[0]
    foreign = tmp_path / "foreign.sqlite3"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
    assert "not a walkapp database" in verify_backup(foreign)[0]
    truncated = tmp_path / "truncated.sqlite3"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 3])
    assert verify_backup(truncated) != []
    damaged = tmp_path / "damaged.sqlite3"
    shutil.copy(good, damaged)
    damage_pages(damaged)
    assert verify_backup(damaged) != []


def test_newest_good_backup_skips_damaged_ones(services: Services) -> None:
    make_walk(services)
    older = backup_now(services.db, "manual")
    newer = backup_now(services.db, "auto")
    assert older is not None and newer is not None
    backup_dir = services.db.settings.backup_dir
    found = newest_good_backup(backup_dir)
    assert found is not None and found.path == newer
    damage_pages(newer)
    found = newest_good_backup(backup_dir)
    assert found is not None and found.path == older


def test_listing_ignores_other_files_and_half_written_copies(services: Services) -> None:
    make_walk(services)
    copy = backup_now(services.db, "Before import!")
    folder = services.db.settings.backup_dir
    (folder / ".auto-20261127T120000Z.sqlite3.part").write_bytes(b"partial")
    (folder / "notes.txt").write_text("mine")
    (folder / "my-own-copy.sqlite3").write_bytes(b"x")
    names = [b.name for b in list_backups(folder)]
    assert copy is not None and names == [copy.name]
    assert list_backups(folder)[0].reason == "before-import"
    rotate_backups(folder, RotationPolicy(keep_recent=0, keep_daily=0, keep_weekly=0))
    # Rotation only ever deletes walkapp's own copies.
    assert (folder / "notes.txt").exists() and (folder / "my-own-copy.sqlite3").exists()


# -- rotation ---------------------------------------------------------------------------------
def _info(moment: datetime, reason: str = "auto") -> BackupInfo:
    stamp = moment.strftime("%Y%m%dT%H%M%SZ")
    return BackupInfo(Path(f"/nowhere/{reason}-{stamp}.sqlite3"), reason, moment, 1)


def test_rotation_keeps_recent_daily_and_weekly() -> None:
    policy = RotationPolicy(keep_recent=3, keep_daily=4, keep_weekly=3)
    # Every 6 hours for 60 days, plus a pre-migration copy 40 days ago.
    backups = [_info(NOW - timedelta(hours=6 * i)) for i in range(240)]
    migration = _info(NOW - timedelta(days=40, hours=1), "pre-migration-0001")
    keep = backups_to_keep([*backups, migration], policy, NOW)
    kept = sorted((b for b in [*backups, migration] if b.path in keep),
                  key=lambda b: b.created_at, reverse=True)
    # The 3 newest, then the newest of each earlier day among the last 4 days, then the
    # newest of each earlier week among the last 3 weeks (this week's is already in).
    assert [b.created_at for b in kept[:3]] == [NOW - timedelta(hours=6 * i) for i in range(3)]
    days = {b.created_at.date() for b in kept}
    assert {(NOW - timedelta(days=i)).date() for i in range(4)} <= days
    assert len(kept) <= 3 + 4 + 3
    oldest_allowed = NOW.date() - timedelta(days=NOW.weekday()) - timedelta(weeks=2)
    assert min(b.created_at.date() for b in kept) >= oldest_allowed
    assert migration.path not in keep  # aged out like any other copy


def test_rotation_on_disk_with_pre_import_copies(services: Services) -> None:
    make_walk(services)
    folder = services.db.settings.backup_dir
    first = backup_now(services.db, "pre-import")
    assert first is not None
    # Old copies from earlier weeks, made by renaming real ones.
    for days in (1, 2, 9, 16, 23, 90, 400):
        moment = NOW - timedelta(days=days)
        shutil.copy(first, folder / f"pre-import-{moment:%Y%m%dT%H%M%SZ}.sqlite3")
    removed = rotate_backups(folder, RotationPolicy(keep_recent=2, keep_daily=3,
                                                    keep_weekly=3), NOW)
    left = {b.created_at.date() for b in list_backups(folder)}
    assert (NOW - timedelta(days=400)).date() not in left
    assert (NOW - timedelta(days=90)).date() not in left
    assert len(removed) >= 2
    assert first.exists()


@settings(max_examples=150, deadline=None)
@given(ages=st.lists(st.integers(min_value=0, max_value=200 * 24 * 60), min_size=1,
                     max_size=60, unique=True),
       recent=st.integers(0, 5), daily=st.integers(0, 8), weekly=st.integers(0, 6))
def test_rotation_laws(ages: list[int], recent: int, daily: int, weekly: int) -> None:
    policy = RotationPolicy(keep_recent=recent, keep_daily=daily, keep_weekly=weekly)
    backups = [_info(NOW - timedelta(minutes=m)) for m in ages]
    keep = backups_to_keep(backups, policy, NOW)
    newest_first = sorted(backups, key=lambda b: b.created_at, reverse=True)
    # Never more than the policy allows.
    assert len(keep) <= recent + daily + weekly
    # The newest copy always survives whenever anything is kept by any rule that covers it.
    if recent or (daily and newest_first[0].created_at.date() == NOW.date()):
        assert newest_first[0].path in keep
    # Each of the last `daily` days that has copies keeps its newest one.
    for back in range(daily):
        day = (NOW - timedelta(days=back)).date()
        of_day = [b for b in newest_first if b.created_at.date() == day]
        if of_day:
            assert of_day[0].path in keep
    # Rotation is stable: applying it again to what it kept removes nothing more.
    survivors = [b for b in backups if b.path in keep]
    assert backups_to_keep(survivors, policy, NOW) == keep
