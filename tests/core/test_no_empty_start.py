"""Never start empty where a database was expected.

A first start (no database file and no backups at all) creates the database. A database
that is missing, empty, cut short or unreadable while backups exist is refused by every
command with one line naming `walkapp restore`, and nothing in the data folder is created
or changed; `backups` and `restore` still work, and restore brings the walks back.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers.db_states import NEEDS_NON_ROOT, STATES, running_as_root, snapshot
from tests.helpers.on_disk import walk_on_disk, walk_titles
from walkapp.cli import main
from walkapp.config import Settings
from walkapp.errors import StorageError
from walkapp.services import open_services
from walkapp.storage.db import Database

PROTOCOL = Path(__file__).resolve().parents[2] / "protocols" / "learning-walk.toml"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def commands(out: Path) -> list[list[str]]:
    """Every command that reads or changes walks (each must refuse)."""
    return [
        ["list"], ["list", "--json"], ["show", "Kept"], ["check"], ["check", "--json"],
        ["report", "Kept", "--kind", "debrief", "-o", str(out / "report.pdf")],
        ["report", "--kind", "actions", "-o", str(out / "actions.pdf")],
        ["kit", "Kept", "-o", str(out / "kit.walkkit")],
        ["export", "Kept", "--walker", "Ann", "-o", str(out / "notes.walknotes")],
        ["import", str(out / "in.walknotes")],
        ["open-kit", str(out / "in.walkkit")],
        ["demo"],
        ["protocol", "import", str(PROTOCOL)],
        ["protocol", "duplicate", "learning-walk", "my-walk"],
        ["purge", "--older-than", "1", "--yes"],
        ["retention"], ["retention", "12"],
        ["backup"],
        ["delete", "Kept"], ["trash"], ["trash", "restore", "Kept"], ["trash", "empty", "--yes"],
    ]


def _state_params() -> list[object]:
    return [pytest.param(name, marks=pytest.mark.skipif(
        name in NEEDS_NON_ROOT and running_as_root(), reason="root reads any file"))
        for name in STATES]


@pytest.mark.parametrize("state", _state_params())
def test_every_command_refuses_and_creates_nothing(
        state: str, settings: Settings, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    path = walk_on_disk(settings)
    STATES[state](path)
    out = tmp_path / "out"
    out.mkdir()
    before = snapshot(settings.data_dir)
    for args in commands(out):
        code, printed, err = run(capsys, *args)
        assert code != 0, (args, printed)
        assert err.count("\n") == 1 and err.startswith("walkapp: error: "), (args, err)
        assert "`walkapp restore`" in err and "`walkapp backups`" in err, (args, err)
        assert "internal error" not in err
        assert snapshot(settings.data_dir) == before, args
        assert list(out.iterdir()) == [], args


@pytest.mark.parametrize("state", _state_params())
def test_backups_and_restore_still_work_and_bring_the_walks_back(
        state: str, settings: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    path = walk_on_disk(settings)
    STATES[state](path)
    code, out, err = run(capsys, "backups", "--check")
    assert code == 0 and " ok" in out, err
    code, out, err = run(capsys, "restore", "--yes")
    assert code == 0, err
    assert "Restored" in out and "1 walk." in out
    code, out, err = run(capsys, "list", "--json")
    assert code == 0, err
    assert [w["title"] for w in json.loads(out)] == ["Kept walk"]


def test_check_on_an_empty_file_with_backups_does_not_say_ok(
        settings: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    """The reported case: `check` made a fresh database and said "ok: 0 walk(s)"."""
    path = walk_on_disk(settings)
    path.write_bytes(b"")
    before = snapshot(settings.data_dir)
    code, out, err = run(capsys, "check")
    assert code == 1 and "ok" not in out
    assert "empty" in err and "`walkapp restore`" in err
    assert path.read_bytes() == b""
    assert snapshot(settings.data_dir) == before  # no tables, no new -wal or -shm


def test_the_first_start_creates_the_database(settings: Settings,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert settings.sqlite_path is not None
    code, out, err = run(capsys, "check")
    assert code == 0 and "ok: 0 walks" in out, err
    assert settings.sqlite_path.is_file()


def test_an_empty_file_without_backups_is_a_first_start_left_half_done(
        settings: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    assert settings.sqlite_path is not None
    settings.data_dir.mkdir(parents=True)
    settings.sqlite_path.write_bytes(b"")
    code, _, err = run(capsys, "demo")
    assert code == 0, err
    assert run(capsys, "list")[0] == 0


def test_the_guard_is_in_database_open(settings: Settings) -> None:
    """Every open goes through Database.open, so no command can forget the check."""
    path = walk_on_disk(settings)
    path.unlink()
    before = snapshot(settings.data_dir)
    with pytest.raises(StorageError, match="walkapp restore"):
        Database(settings).open()
    with pytest.raises(StorageError, match="walkapp restore"):
        open_services(settings)
    assert snapshot(settings.data_dir) == before
    # Starting empty on purpose (the app's "Start with an empty database") is explicit.
    Database(settings, create_empty=True).open().close()
    assert walk_titles(settings) == []


def test_a_file_removed_after_the_check_is_not_recreated(
        settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    """The check passed, then the file went: open must not make a fresh one in its place."""
    from walkapp.storage import guard

    path = walk_on_disk(settings, backup=False)
    real = guard.check_database_file

    def then_remove(*args: object, **kwargs: object) -> object:
        result = real(*args, **kwargs)  # type: ignore[arg-type]
        path.unlink()
        return result

    monkeypatch.setattr(guard, "check_database_file", then_remove)
    with pytest.raises(StorageError):
        Database(settings).open()
    assert not path.exists()


def test_check_on_damaged_pages_lists_the_damage(settings: Settings,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """The header is fine, so the database opens; SQLite then gives up part-way through
    the integrity check. That is the finding, not an internal error."""
    from tests.helpers.damage import damage_pages

    damage_pages(walk_on_disk(settings))
    code, _, err = run(capsys, "check")
    assert code == 1 and "internal error" not in err, err
    assert "has 1 problem:" in err and "`walkapp restore`" in err
    code, out, err = run(capsys, "check", "--json")
    assert code == 1 and "internal error" not in err, err
    assert json.loads(out)["ok"] is False and json.loads(out)["problems"]
