"""The startup check, and recovery from a damaged or missing database."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from tests.helpers.damage import damage_pages
from tests.helpers.on_disk import walk_on_disk, walk_titles
from walkapp.config import Settings
from walkapp.errors import StorageError
from walkapp.services import Services
from walkapp.storage.startup import (
    RecoveryChoice,
    StartupStatus,
    check_database,
    recover,
)


def test_first_start_then_a_healthy_database(settings: Settings) -> None:
    report = check_database(settings)
    assert report.status is StartupStatus.NEW and report.can_open
    walk_on_disk(settings)
    report = check_database(settings)
    assert report.status is StartupStatus.OK and report.revision and report.seconds < 2
    assert report.message == "The database is fine."


def test_the_check_never_writes(settings: Settings) -> None:
    path = walk_on_disk(settings)
    # Leave a WAL with a commit in it, as a crash would.
    holder = sqlite3.connect(path)
    holder.execute("PRAGMA wal_autocheckpoint = 0")
    holder.execute("SELECT 1 FROM walks").fetchall()
    writer = sqlite3.connect(path)
    writer.execute("UPDATE walks SET title = 'in the wal'")
    writer.commit()
    writer.close()
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns)
              for p in path.parent.glob("walkapp.sqlite3*")}
    assert check_database(settings).status is StartupStatus.OK
    after = {p.name: (p.read_bytes(), p.stat().st_mtime_ns)
             for p in path.parent.glob("walkapp.sqlite3*")}
    holder.close()
    assert before["walkapp.sqlite3"] == after["walkapp.sqlite3"]
    assert before["walkapp.sqlite3-wal"] == after["walkapp.sqlite3-wal"]


@pytest.mark.parametrize(("damage", "needle"), [
    (lambda p: p.write_bytes(b"PK\x03\x04 a zip, not a database" * 50), "not a SQLite"),
    (lambda p: p.write_bytes(p.read_bytes()[:3000]), ""),
    (damage_pages, ""),
    (lambda p: p.write_bytes(b""), "empty"),
])
def test_damage_is_found_and_set_aside_untouched(settings: Settings, damage, needle: str
                                                 ) -> None:  # type: ignore[no-untyped-def]
    path = walk_on_disk(settings)
    damage(path)
    damaged_bytes = path.read_bytes()
    report = check_database(settings)
    assert report.status is StartupStatus.DAMAGED and report.needs_recovery
    assert needle in report.message and "kept aside, untouched" in report.message
    assert path.read_bytes() == damaged_bytes  # the check changed nothing

    result = recover(settings, report, RecoveryChoice.RESTORE_BACKUP)
    assert result.damaged_copy is not None and result.damaged_copy.read_bytes() == damaged_bytes
    assert result.damaged_copy.parent == settings.data_dir
    assert result.damaged_copy.name.startswith("damaged-")
    if os.name == "posix":
        assert stat.S_IMODE(result.damaged_copy.stat().st_mode) == 0o600
    assert result.backup is not None and result.restored is not None
    assert check_database(settings).status is StartupStatus.OK
    assert walk_titles(settings) == ["Kept walk"]


def test_start_empty_keeps_the_damaged_file_and_its_wal(settings: Settings) -> None:
    path = walk_on_disk(settings)
    damage_pages(path)
    Path(f"{path}-wal").write_bytes(b"some wal bytes")
    report = check_database(settings)
    result = recover(settings, report, RecoveryChoice.START_EMPTY)
    assert result.damaged_copy is not None and result.restored is None
    assert Path(f"{result.damaged_copy}-wal").read_bytes() == b"some wal bytes"
    # The user chose an empty database: it is made now (backups exist, so no later open
    # would make one by itself), with no trace of the old -wal.
    assert not Path(f"{path}-wal").exists()
    assert check_database(settings).status is StartupStatus.OK
    assert walk_titles(settings) == []


def test_a_missing_database_with_backups_is_not_silently_replaced(settings: Settings) -> None:
    path = walk_on_disk(settings)
    path.unlink()
    report = check_database(settings)
    assert report.status is StartupStatus.MISSING and "missing" in report.message
    result = recover(settings, report, RecoveryChoice.RESTORE_BACKUP)
    assert result.damaged_copy is None and result.backup is not None
    assert walk_titles(settings) == ["Kept walk"]


def test_no_good_backup_leaves_the_damaged_file_aside_and_says_so(settings: Settings) -> None:
    path = walk_on_disk(settings)
    for copy in settings.backup_dir.glob("*.sqlite3"):
        damage_pages(copy)
    damage_pages(path)
    report = check_database(settings)
    with pytest.raises(StorageError, match="No good backup"):
        recover(settings, report, RecoveryChoice.RESTORE_BACKUP)
    assert list(settings.data_dir.glob("damaged-*.sqlite3"))
    assert not path.exists()


def test_a_database_from_a_newer_walkapp_is_left_alone(settings: Settings) -> None:
    path = walk_on_disk(settings)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'zz99'")
    report = check_database(settings)
    assert report.status is StartupStatus.NEWER and not report.can_open
    assert not report.needs_recovery and "newer walkapp" in report.message
    with pytest.raises(ValueError):
        recover(settings, report, RecoveryChoice.START_EMPTY)
    assert path.exists()


def test_a_foreign_sqlite_file_is_damage_not_a_walk_store(settings: Settings) -> None:
    settings.data_dir.mkdir(parents=True)
    assert settings.sqlite_path is not None
    with sqlite3.connect(settings.sqlite_path) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
    report = check_database(settings)
    assert report.status is StartupStatus.DAMAGED and "not a walkapp database" in report.message


def test_a_folder_in_place_of_the_file_is_unreadable(settings: Settings) -> None:
    assert settings.sqlite_path is not None
    settings.sqlite_path.mkdir(parents=True)
    report = check_database(settings)
    assert report.status is StartupStatus.UNREADABLE and not report.can_open


def test_startup_check_on_a_server_url_is_ok(services: Services) -> None:
    from walkapp.config import resolve_settings

    report = check_database(resolve_settings(database_url="sqlite:///:memory:"))
    assert report.status is StartupStatus.OK and report.path is None
