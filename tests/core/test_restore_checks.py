"""Restore and backups check what they restore, and never trip over files they did not make.

A backup this walkapp cannot open (newer schema, not walkapp, damaged, empty, unreadable,
not a file) is refused by `restore` and never chosen as the newest good one. Files in
`backups/` that walkapp did not name are listed as foreign, never crash anything, are never
rotated away and never restored without being asked for by path.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.helpers.damage import damage_pages
from tests.helpers.db_states import running_as_root
from tests.helpers.db_states import snapshot as snapshot_with_lock
from tests.helpers.on_disk import walk_on_disk, walk_titles
from walkapp.cli import main
from walkapp.config import Settings
from walkapp.storage import migrate
from walkapp.storage.backup import (
    RotationPolicy,
    list_backups,
    newest_good_backup,
    rotate_backups,
    verify_backup,
)
from walkapp.storage.lock import LOCK_FILENAME
from walkapp.storage.startup import RecoveryChoice, check_database, recover


def snapshot(folder: Path) -> dict[str, object]:
    """The folder as it is, but for the lock file (restore takes the lock before choosing)."""
    found: dict[str, object] = dict(snapshot_with_lock(folder))
    found.pop(LOCK_FILENAME, None)
    return found


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _newest(settings: Settings) -> Path:
    return list_backups(settings.backup_dir)[0].path


def _make_newer(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'zz99'")
    conn.close()


def _second_backup(settings: Settings, capsys: pytest.CaptureFixture[str]) -> Path:
    code, out, err = run(capsys, "backup", "--json")
    assert code == 0, err
    return Path(json.loads(out)["backup"])


# -- backups the app cannot open ---------------------------------------------------------------
def test_restore_refuses_a_backup_from_a_newer_walkapp(
        settings: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    path = walk_on_disk(settings)
    newer = _newest(settings)
    _make_newer(newer)
    before = snapshot(settings.data_dir)
    code, _, err = run(capsys, "restore", newer.name, "--yes")
    assert code == 1 and err.count("\n") == 1, err
    assert "newer walkapp" in err and newer.name in err
    assert snapshot(settings.data_dir) == before  # the healthy database is untouched
    assert check_database(settings).can_open and walk_titles(settings) == ["Kept walk"]
    assert path.exists()


def test_restore_by_path_refuses_a_newer_backup_too(
        settings: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    walk_on_disk(settings)
    elsewhere = tmp_path / "copy.sqlite3"
    shutil.copy(_newest(settings), elsewhere)
    _make_newer(elsewhere)
    before = snapshot(settings.data_dir)
    code, _, err = run(capsys, "restore", str(elsewhere), "--yes")
    assert code == 1 and "newer walkapp" in err
    assert snapshot(settings.data_dir) == before


def test_newest_good_skips_a_newer_backup(settings: Settings,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    walk_on_disk(settings)
    older = _newest(settings)
    newest = _second_backup(settings, capsys)
    _make_newer(newest)
    found = newest_good_backup(settings.backup_dir)
    assert found is not None and found.path == older
    code, out, err = run(capsys, "restore", "--yes")
    assert code == 0, err
    assert newest.name in err and "newer walkapp" in err
    assert f"Restore {older.name}" in out
    assert walk_titles(settings) == ["Kept walk"]


def test_the_apps_restore_skips_a_newer_backup(settings: Settings,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    path = walk_on_disk(settings)
    older = _newest(settings)
    newest = _second_backup(settings, capsys)
    _make_newer(newest)
    path.write_bytes(b"")
    result = recover(settings, check_database(settings), RecoveryChoice.RESTORE_BACKUP)
    assert result.backup is not None and result.backup.path == older
    assert walk_titles(settings) == ["Kept walk"]


def test_verify_backup_refuses_what_the_app_cannot_open(settings: Settings,
                                                        tmp_path: Path) -> None:
    walk_on_disk(settings)
    good = _newest(settings)
    assert verify_backup(good) == []
    newer = tmp_path / "newer.sqlite3"
    shutil.copy(good, newer)
    _make_newer(newer)
    assert "newer walkapp" in verify_backup(newer)[0]
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    assert "empty" in verify_backup(empty)[0]
    folder = tmp_path / "folder.sqlite3"
    folder.mkdir()
    assert "not a file" in verify_backup(folder)[0]
    fifo = tmp_path / "fifo.sqlite3"
    os.mkfifo(fifo)
    assert "not a file" in verify_backup(fifo)[0]  # and it did not hang reading a pipe
    assert "cannot read" in verify_backup(tmp_path / "gone.sqlite3")[0]
    no_revision = tmp_path / "no-revision.sqlite3"
    shutil.copy(good, no_revision)
    with sqlite3.connect(no_revision) as conn:
        conn.execute("DELETE FROM alembic_version")
    conn.close()
    assert "no schema revision" in verify_backup(no_revision)[0]
    damaged = tmp_path / "damaged.sqlite3"
    shutil.copy(good, damaged)
    damage_pages(damaged)
    assert "damaged" in verify_backup(damaged)[0]


@pytest.mark.skipif(running_as_root(), reason="root reads any file")
def test_verify_backup_refuses_an_unreadable_file(settings: Settings) -> None:
    walk_on_disk(settings)
    good = _newest(settings)
    good.chmod(0)
    assert "cannot read" in verify_backup(good)[0]


def test_backups_check_says_why_for_each(settings: Settings,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    walk_on_disk(settings)
    good = _newest(settings)
    newer = _second_backup(settings, capsys)
    _make_newer(newer)
    damaged = _second_backup(settings, capsys)
    damage_pages(damaged)
    code, out, err = run(capsys, "backups", "--check")
    assert code == 0, err
    by_name = {name: next(line for line in out.splitlines() if name in line)
               for name in (good.name, newer.name, damaged.name)}
    assert by_name[good.name].rstrip().endswith("ok")
    assert "newer walkapp" in by_name[newer.name]
    assert "damaged" in by_name[damaged.name]
    code, out, _ = run(capsys, "backups", "--check", "--json")
    rows = {row["name"]: row for row in json.loads(out)}
    assert rows[good.name]["ok"] is True
    assert rows[newer.name]["ok"] is False and "newer walkapp" in rows[newer.name]["problems"][0]


# -- an older backup is migrated when it is opened ----------------------------------------------
def test_restoring_an_older_schema_migrates_it_on_open(
        settings: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    walk_on_disk(settings)
    old = _newest(settings)
    head = migrate.head_revision()
    previous = migrate.script_directory().get_revision(head).down_revision
    assert isinstance(previous, str)
    engine = create_engine(f"sqlite:///{old}")
    try:
        with engine.begin() as connection:
            config = migrate.alembic_config()
            config.attributes["connection"] = connection
            command.downgrade(config, previous)
    finally:
        engine.dispose()
    assert verify_backup(old) == []
    code, out, err = run(capsys, "restore", old.name, "--yes", "--json")
    assert code == 0, err
    assert json.loads(out)["walks"] == 1
    assert settings.sqlite_path is not None
    with sqlite3.connect(settings.sqlite_path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (head,)
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()
    # The restored file was copied aside before it was migrated, as any older database is.
    reasons = [b.reason for b in list_backups(settings.backup_dir)]
    assert f"pre-migration-{previous}" in reasons and "pre-restore" in reasons
    assert walk_titles(settings) == ["Kept walk"]


def test_restore_by_explicit_path_of_a_good_file_works(
        settings: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    walk_on_disk(settings, "From elsewhere")
    elsewhere = tmp_path / "kept" / "my copy.sqlite3"
    elsewhere.parent.mkdir()
    shutil.copy(_newest(settings), elsewhere)
    for backup in list_backups(settings.backup_dir):
        backup.path.unlink()
    assert settings.sqlite_path is not None
    settings.sqlite_path.unlink()
    code, _, err = run(capsys, "restore", str(elsewhere), "--yes")
    assert code == 0, err
    assert walk_titles(settings) == ["From elsewhere"]


# -- files walkapp did not name ------------------------------------------------------------------
FOREIGN_FILES = [
    "manual-20261201T235960Z.sqlite3",     # second 60
    "auto-20261301T120000Z.sqlite3",       # month 13
    "auto-20260230T120000Z.sqlite3",       # 30 February
    "auto-20260101T250000Z.sqlite3",       # hour 25
    "auto-00000101T000000Z.sqlite3",       # year 0
    "auto-2026\u0661\u0662\u0660\u0661T120000Z.sqlite3",  # other digits
    "auto-20260101T120000Z-1.sqlite3",     # walkapp numbers from -2
    "auto-20260101T120000Z-02.sqlite3",
    "AUTO-20260101T120000Z.sqlite3",
    "auto-20260101T120000Z.sqlite3.bak",
    "auto-20260101T120000Z.SQLITE3",
    "my own copy.sqlite3",
    "notes.txt",
]


def _plant_foreign(settings: Settings, good: Path) -> list[str]:
    folder = settings.backup_dir
    for name in FOREIGN_FILES:
        shutil.copy(good, folder / name)  # good databases: still never taken by guesswork
    (folder / "auto-20260102T120000Z.sqlite3").mkdir()  # a sub-folder named like ours
    (folder / "inner").mkdir()
    (folder / "auto-20260103T120000Z.sqlite3").symlink_to(good)  # a link named like ours
    (folder / "auto-20260104T120000Z.sqlite3").symlink_to(folder / "nowhere")
    os.mkfifo(folder / "auto-20260105T120000Z.sqlite3")
    return [*FOREIGN_FILES, "auto-20260102T120000Z.sqlite3", "inner",
            "auto-20260103T120000Z.sqlite3", "auto-20260104T120000Z.sqlite3",
            "auto-20260105T120000Z.sqlite3"]


def test_foreign_files_are_listed_and_never_crash_anything(
        settings: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    walk_on_disk(settings)
    good = _newest(settings)
    foreign = _plant_foreign(settings, good)
    assert [b.path for b in list_backups(settings.backup_dir)] == [good]

    code, out, err = run(capsys, "backups")
    assert code == 0, err
    assert good.name in out and "foreign" in out.lower()
    for name in foreign:
        assert repr(name)[1:-1] in out or name in out, name
    code, out, err = run(capsys, "backups", "--json")
    assert code == 0, err
    rows = json.loads(out)
    assert {r["name"] for r in rows if r["kind"] == "backup"} == {good.name}
    assert {r["name"] for r in rows if r["kind"] == "foreign"} == set(foreign)
    assert all(r["why"] for r in rows if r["kind"] == "foreign")
    code, out, err = run(capsys, "backups", "--check")
    assert code == 0 and "internal error" not in err, err

    # Start-up, backup and restore all work, and restore takes walkapp's own copy.
    assert check_database(settings).can_open
    code, out, err = run(capsys, "backup")
    assert code == 0, err
    ours = {b.path for b in list_backups(settings.backup_dir)}
    code, out, err = run(capsys, "restore", "--yes", "--json")
    assert code == 0, err
    assert Path(json.loads(out)["restored_from"]) in ours


def test_rotation_never_deletes_foreign_files(settings: Settings) -> None:
    walk_on_disk(settings)
    good = _newest(settings)
    foreign = _plant_foreign(settings, good)
    before = {name: os.lstat(settings.backup_dir / name) for name in foreign}
    removed = rotate_backups(settings.backup_dir,
                             RotationPolicy(keep_recent=0, keep_daily=0, keep_weekly=0))
    assert removed == [good]
    for name in foreign:
        assert os.lstat(settings.backup_dir / name).st_ino == before[name].st_ino, name
    assert (settings.backup_dir / "auto-20260103T120000Z.sqlite3").is_symlink()


def test_a_foreign_file_is_only_restored_by_its_path(
        settings: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    walk_on_disk(settings)
    good = _newest(settings)
    odd = settings.backup_dir / "manual-20261201T235960Z.sqlite3"
    shutil.copy(good, odd)
    good.unlink()
    code, _, err = run(capsys, "restore", "--yes")
    assert code == 1 and "no good backup" in err and err.count("\n") == 1
    code, _, err = run(capsys, "restore", odd.name, "--yes")
    assert code == 1 and "foreign" in err and "path" in err, err
    code, _, err = run(capsys, "restore", str(odd), "--yes")
    assert code == 0, err
    assert walk_titles(settings) == ["Kept walk"]


def test_the_app_starts_with_an_impossible_backup_name(settings: Settings) -> None:
    """The reported case: one such file stopped the app from starting (ValueError)."""
    walk_on_disk(settings)
    shutil.copy(_newest(settings), settings.backup_dir / "manual-20261201T235960Z.sqlite3")
    report = check_database(settings)
    assert report.can_open


def test_hostile_names_in_backups_reach_no_terminal_raw(
        settings: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    """Anyone can name a file in backups/: escapes are shown, undecodable bytes too."""
    walk_on_disk(settings)
    good = _newest(settings)
    escape = "auto-\x1b[2J\x1b]0;owned\x07.sqlite3"
    undecodable = os.fsdecode(b"auto-\xff\xfe.sqlite3")
    for name in (escape, undecodable):
        shutil.copy(good, settings.backup_dir / name)
    for args in (["backups"], ["backups", "--check"], ["backups", "--json"],
                 ["backups", "--check", "--json"]):
        code, out, err = run(capsys, *args)
        assert code == 0, (args, err)
        assert "\x1b" not in out and "\x07" not in out and "\udcff" not in out, args
        assert "\\x1b" in out or "\\u001b" in out, args
        assert "\\xff" in out, args
    code, _, err = run(capsys, "restore", escape, "--yes")
    assert code == 1 and "\x1b" not in err and "foreign" in err
    code, _, err = run(capsys, "restore", "--yes")
    assert code == 0, err
