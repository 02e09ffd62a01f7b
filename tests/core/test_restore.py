"""Restore, end to end through the `walkapp` command: nothing overwritten silently."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
from datetime import date
from pathlib import Path

import pytest

from tests.helpers.damage import damage_pages
from walkapp.cli import main
from walkapp.config import resolve_settings
from walkapp.services import NewWalk, NoteDraft, open_services
from walkapp.storage.backup import list_backups
from walkapp.storage.lock import DataFolderLock
from walkapp.storage.restore import restore


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def seed_walk(title: str = "Walk before the backup", notes: int = 2) -> None:
    """A small walk in the default data folder (quicker than `walkapp demo`)."""
    services = open_services(resolve_settings())
    try:
        walk = services.walks.create_walk(_new(title))
        author = services.plan.add_participant(walk.id, "Walker One")
        for i in range(notes):
            services.notes.save_note(NoteDraft(walk_id=walk.id, author_id=author.id,
                                               text=f"Note {i} 🧑‍🏫"))
    finally:
        services.close()


def titles(capsys: pytest.CaptureFixture[str]) -> list[str]:
    code, out, err = run(capsys, "list", "--json")
    assert code == 0, err
    return sorted(w["title"] for w in json.loads(out))


def test_backup_then_restore_end_to_end(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    settings = resolve_settings()
    seed_walk()
    code, out, _ = run(capsys, "backup", "--json")
    backup = Path(json.loads(out)["backup"])
    assert code == 0 and backup.exists()
    # Work done after the backup: another walk.
    seed_walk()
    services = open_services(settings)
    try:
        walk = services.walks.list_walks()[0]
        services.walks.update_walk(walk.id, title="Written after the backup")
    finally:
        services.close()
    assert len(titles(capsys)) == 2

    code, out, err = run(capsys, "restore", backup.name, "--yes", "--json")
    assert code == 0, err
    result = json.loads(out)
    assert result["walks"] == 1 and result["seconds"] < 5
    assert titles(capsys) == ["Walk before the backup"]
    # What was there before is kept, complete, as the pre-restore copy.
    previous = Path(result["previous_copy"])
    assert previous.name.startswith("pre-restore-")
    with sqlite3.connect(previous) as conn:
        assert conn.execute("SELECT count(*) FROM walks").fetchone() == (2,)
        assert conn.execute("SELECT count(*) FROM walks WHERE title = ?",
                            ("Written after the backup",)).fetchone() == (1,)
    path = settings.sqlite_path
    assert path is not None
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    if os.name == "posix":
        for file in [path, previous, *settings.backup_dir.iterdir()]:
            assert stat.S_IMODE(file.stat().st_mode) == 0o600, file


def test_restore_without_argument_takes_the_newest_good_backup(
        capsys: pytest.CaptureFixture[str]) -> None:
    seed_walk()
    _, out, _ = run(capsys, "backup", "--json")
    good = Path(json.loads(out)["backup"])
    seed_walk()
    _, out, _ = run(capsys, "backup", "--json")
    newest = Path(json.loads(out)["backup"])
    damage_pages(newest)
    code, out, err = run(capsys, "restore", "--yes")
    assert code == 0, err
    assert f"Skipping the damaged backup {newest.name}" in err
    assert good.name in out and len(titles(capsys)) == 1
    # It listed the backups first, marking the one it chose.
    assert "newest first" in out and "→ " in out and newest.name in out
    assert newest.exists()  # a damaged backup is reported, not deleted


def test_a_damaged_backup_is_refused_and_nothing_changes(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    settings = resolve_settings()
    seed_walk()
    path = settings.sqlite_path
    assert path is not None
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 5000)
    before = path.read_bytes()
    code, _, err = run(capsys, "restore", str(bad), "--yes")
    assert code == 1 and "cannot be restored" in err and err.count("\n") == 1
    assert path.read_bytes() == before
    assert not [b for b in list_backups(settings.backup_dir) if b.reason == "pre-restore"]


def test_restore_over_a_damaged_database_keeps_it_aside_untouched(
        capsys: pytest.CaptureFixture[str]) -> None:
    settings = resolve_settings()
    seed_walk()
    _, out, _ = run(capsys, "backup", "--json")
    backup = Path(json.loads(out)["backup"])
    path = settings.sqlite_path
    assert path is not None
    path.write_bytes(b"garbage, not a database" * 200)
    damaged_bytes = path.read_bytes()
    code, out, err = run(capsys, "restore", backup.name, "--yes", "--json")
    assert code == 0, err
    aside = Path(json.loads(out)["previous_set_aside"])
    assert aside.name.startswith("damaged-") and aside.read_bytes() == damaged_bytes
    assert titles(capsys) == ["Walk before the backup"]


def test_a_stale_wal_is_not_replayed_into_the_restored_file(tmp_path: Path) -> None:
    """A crash can leave walkapp.sqlite3-wal full of committed pages of the *old* database;
    replayed into the restored file they would corrupt it."""
    settings = resolve_settings()
    services = open_services(settings)
    walk = services.walks.create_walk(_new("In the backup"))
    backup = tmp_path / "copy.sqlite3"
    from walkapp.storage.snapshot import copy_database

    path = services.db.path
    assert path is not None
    copy_database(path, backup)
    # Keep the WAL on disk with a later commit in it, as a crash would.
    holder = sqlite3.connect(path)
    holder.execute("PRAGMA wal_autocheckpoint = 0")
    holder.execute("SELECT count(*) FROM walks").fetchone()  # now it holds the WAL open
    services.notes.save_note(NoteDraft(walk_id=walk.id, author_id=None, text="after"))
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    for suffix in ("", "-wal", "-shm"):
        shutil.copy(f"{path}{suffix}", crashed / f"walkapp.sqlite3{suffix}")
    holder.close()
    services.close()
    target = crashed / "walkapp.sqlite3"
    assert Path(f"{target}-wal").stat().st_size > 0
    result = restore(target, backup, crashed / "backups")
    assert not Path(f"{target}-wal").exists()
    with sqlite3.connect(target) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT count(*) FROM notes").fetchone() == (0,)
    # …while the pre-restore copy kept the WAL's commit.
    assert result.previous_copy is not None
    with sqlite3.connect(result.previous_copy) as conn:
        assert conn.execute("SELECT text FROM notes").fetchall() == [("after",)]


def _new(title: str) -> NewWalk:
    return NewWalk(title=title, walk_date=date(2026, 10, 1))


def test_restore_is_refused_while_the_app_holds_the_folder(
        capsys: pytest.CaptureFixture[str]) -> None:
    settings = resolve_settings()
    seed_walk()
    run(capsys, "backup")
    path = settings.sqlite_path
    assert path is not None
    before = path.read_bytes()
    with DataFolderLock(settings.data_dir, "the walkapp desktop app"):
        code, _, err = run(capsys, "restore", "--yes")
        assert code == 1 and "already using the data folder" in err
        assert "the walkapp desktop app" in err and err.count("\n") == 1
        # Reading and backing up stay possible while the app runs.
        assert run(capsys, "list")[0] == 0
        assert run(capsys, "backup")[0] == 0
    assert path.read_bytes() == before
    assert run(capsys, "restore", "--yes")[0] == 0


def test_restore_asks_and_refuses_without_a_terminal(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    seed_walk()
    run(capsys, "backup")
    code, _, err = run(capsys, "restore")
    assert code == 1 and "--yes" in err
    # With a terminal, "n" changes nothing and "y" restores.
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    answers = iter(["n", "y"])
    monkeypatch.setattr("builtins.input", lambda prompt="": next(answers))
    code, out, _ = run(capsys, "restore")
    assert code == 1 and "Nothing was changed" in out
    code, out, _ = run(capsys, "restore")
    assert code == 0 and "Restored" in out


def test_restore_names_missing_backups_clearly(capsys: pytest.CaptureFixture[str]) -> None:
    seed_walk()
    code, _, err = run(capsys, "restore", "--yes")
    assert code == 1 and "no good backup" in err
    code, _, err = run(capsys, "restore", "nothing-like-this", "--yes")
    assert code == 1 and "No backup matches" in err
    code, out, _ = run(capsys, "backups")
    assert code == 0 and "No backups yet" in out
