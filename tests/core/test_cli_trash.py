"""`walkapp delete` and `walkapp trash [list|restore|empty]`, and `purge --keep-in-backups`:
writing commands take the data-folder lock, questions need a terminal or --yes."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

import pytest

from tests.helpers.builders import make_walk
from walkapp.cli import main
from walkapp.config import resolve_settings
from walkapp.services import NoteDraft, open_services
from walkapp.storage.lock import DataFolderLock

MARKER = "Capybara-vellum-5512 note"


def _seed() -> tuple[str, str]:
    services = open_services(resolve_settings())
    try:
        gone = make_walk(services, "Gone walk", walkers=1, visits=1,
                         walk_date=date(2026, 10, 1))
        services.notes.save_note(NoteDraft(walk_id=gone.id, author_id=None, text=MARKER))
        kept = make_walk(services, "Kept walk", walkers=1, visits=1,
                         walk_date=date(2026, 11, 1))
        return gone.id, kept.id
    finally:
        services.close()


def _titles(capsys: pytest.CaptureFixture[str]) -> list[str]:
    capsys.readouterr()
    assert main(["list", "--json"]) == 0
    return [w["title"] for w in json.loads(capsys.readouterr()[0])]


def test_delete_moves_to_the_trash_and_restore_undoes_it(
        capsys: pytest.CaptureFixture[str]) -> None:
    gone, _ = _seed()
    assert main(["delete", "Gone"]) == 0
    out = capsys.readouterr()[0]
    assert "moved to the Trash" in out and "walkapp trash restore" in out
    assert _titles(capsys) == ["Kept walk"]
    assert main(["list"]) == 0
    assert "1 walk in the Trash" in capsys.readouterr()[0]
    assert main(["show", "Gone"]) == 1
    err = capsys.readouterr()[1]
    assert "Trash" in err and err.count("\n") == 1
    assert main(["show", gone]) == 1
    assert "in the Trash" in capsys.readouterr()[1]

    assert main(["trash"]) == 0  # `list` is the default
    out = capsys.readouterr()[0]
    assert "Gone walk" in out and "Oct 1, 2026" in out and "removed for good" in out
    assert main(["trash", "list", "--json"]) == 0
    [row] = json.loads(capsys.readouterr()[0])
    assert row["id"] == gone and row["title"] == "Gone walk"
    assert row["trashed_at"] and row["expires_at"] > row["trashed_at"]

    assert main(["trash", "restore", "Gone"]) == 0
    assert "back" in capsys.readouterr()[0]
    assert _titles(capsys) == ["Kept walk", "Gone walk"]
    assert main(["trash", "restore", "Gone"]) == 1
    assert "trash list" in capsys.readouterr()[1]
    assert main(["delete", "--json", gone[:8]]) == 0
    assert json.loads(capsys.readouterr()[0])["id"] == gone


def test_empty_asks_and_scrubs_backups(capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    _seed()
    assert main(["backup"]) == 0
    assert main(["delete", "Gone"]) == 0
    capsys.readouterr()
    assert main(["trash", "empty"]) == 1
    out, err = capsys.readouterr()
    assert "--yes" in err and "Gone walk" in out           # no terminal: refuse
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    monkeypatch.setattr("builtins.input", lambda prompt="": "n")
    assert main(["trash", "empty"]) == 1
    assert "Nothing was removed" in capsys.readouterr()[0]
    monkeypatch.setattr("builtins.input", lambda prompt="": "y")
    assert main(["trash", "empty"]) == 0
    out = capsys.readouterr()[0]
    assert "Removed 1 walk for good" in out and "removed from 2 backups" in out
    settings = resolve_settings()
    for path in settings.backup_dir.iterdir():
        assert MARKER.encode() not in path.read_bytes(), path
    assert main(["trash", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr()[0]) == []


def test_empty_one_walk_json_and_keep_in_backups(capsys: pytest.CaptureFixture[str]) -> None:
    gone, kept = _seed()
    assert main(["backup"]) == 0
    assert main(["delete", "Gone"]) == 0
    assert main(["delete", "Kept"]) == 0
    capsys.readouterr()
    assert main(["trash", "empty", "Gone", "--yes", "--json", "--keep-in-backups"]) == 0
    report = json.loads(capsys.readouterr()[0])
    assert [w["id"] for w in report["removed"]] == [gone]
    assert report["scrub"] is None and report["kept_in_backups"] is True
    assert main(["trash", "list", "--json"]) == 0
    assert [w["id"] for w in json.loads(capsys.readouterr()[0])] == [kept]
    settings = resolve_settings()
    assert any(MARKER.encode() in p.read_bytes() for p in settings.backup_dir.iterdir())


def test_expired_walks_go_on_trash_empty_and_purge(capsys: pytest.CaptureFixture[str]) -> None:
    gone, _ = _seed()
    assert main(["delete", "Gone"]) == 0
    settings = resolve_settings()
    assert settings.sqlite_path is not None
    # Trashed long ago: whatever today's date is, its 30 days are over.
    with sqlite3.connect(settings.sqlite_path) as conn:
        conn.execute("UPDATE walks SET trashed_at = '2001-01-01 00:00:00.000000' "
                     "WHERE id = ?", (gone,))
    capsys.readouterr()
    assert main(["trash", "list"]) == 0
    assert "removed for good at the next start" in capsys.readouterr()[0]
    assert main(["purge", "--older-than", "1200", "--yes", "--json"]) == 0
    report = json.loads(capsys.readouterr()[0])
    assert [w["id"] for w in report["removed"]] == [gone]
    assert report["scrub"]["summary"].startswith("removed from")
    assert main(["trash", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr()[0]) == []
    assert _titles(capsys) == ["Kept walk"]


def test_purge_keep_in_backups(capsys: pytest.CaptureFixture[str]) -> None:
    services = open_services(resolve_settings())
    try:
        old = make_walk(services, "Old walk", walkers=1, visits=1, walk_date=date(2001, 1, 1))
        services.notes.save_note(NoteDraft(walk_id=old.id, author_id=None, text=MARKER))
    finally:
        services.close()
    assert main(["purge", "--older-than", "12", "--yes", "--keep-in-backups"]) == 0
    out = capsys.readouterr()[0]
    assert "kept in the backups" in out
    settings = resolve_settings()
    assert any(MARKER.encode() in p.read_bytes() for p in settings.backup_dir.iterdir())


def test_purge_says_what_it_scrubbed(capsys: pytest.CaptureFixture[str]) -> None:
    services = open_services(resolve_settings())
    try:
        old = make_walk(services, "Old walk", walkers=1, visits=1, walk_date=date(2001, 1, 1))
        services.notes.save_note(NoteDraft(walk_id=old.id, author_id=None, text=MARKER))
    finally:
        services.close()
    assert main(["backup"]) == 0
    capsys.readouterr()
    assert main(["purge", "--older-than", "12", "--yes"]) == 0
    out = capsys.readouterr()[0]
    assert "Removed 1 walk;" in out and "removed from 2 backups" in out
    settings = resolve_settings()
    for path in settings.backup_dir.iterdir():
        assert MARKER.encode() not in path.read_bytes(), path


@pytest.mark.parametrize("args", [["delete", "Gone"], ["trash", "restore", "Gone"],
                                  ["trash", "empty", "--yes"]])
def test_trash_commands_that_write_take_the_lock(capsys: pytest.CaptureFixture[str],
                                                 args: list[str]) -> None:
    _seed()
    if args[0] == "trash":
        assert main(["delete", "Gone"]) == 0
    capsys.readouterr()
    settings = resolve_settings()
    with DataFolderLock(settings.data_dir, "the walkapp desktop app"):
        code = main(args)
        _, err = capsys.readouterr()
        assert code == 1 and "already using the data folder" in err
        assert main(["trash", "list"]) == 0  # reading is fine
    assert err.count("\n") == 1 and "Traceback" not in err


def test_bad_trash_input_gives_one_clear_line(capsys: pytest.CaptureFixture[str]) -> None:
    _seed()
    for args in (["trash", "restore"], ["trash", "frobnicate"], ["delete"]):
        with pytest.raises(SystemExit) as exit_:
            main(args)
        assert exit_.value.code == 2, args
        err = capsys.readouterr()[1]
        assert err.count("\n") == 1 and "Traceback" not in err, err
    assert main(["delete", "Gone"]) == 0
    for args in (["trash", "restore", "Nothing like it"], ["delete", "Nothing like it"],
                 ["trash", "empty", "Kept", "--yes"], ["trash", "empty", "", "--yes"],
                 ["trash", "restore", "  "], ["delete", ""]):
        assert main(args) == 1, args
        err = capsys.readouterr()[1]
        assert err.count("\n") == 1 and "internal error" not in err, err
    # An empty name never means "everything": the Trash is as it was.
    assert main(["trash", "list", "--json"]) == 0
    assert [w["title"] for w in json.loads(capsys.readouterr()[0])] == ["Gone walk"]
