"""Files and folders walkapp writes: private whatever the umask, never through a planted link.

Every test runs under `umask 000` (the worst case a user's shell can set) and, where it
plants a link, checks that the file or folder the link points at — outside the data
folder — keeps its bytes and its mode, and that the message says what was wrong.
"""

from __future__ import annotations

import contextlib
import io
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from tests.helpers.planted import PRECIOUS, Outside, mode, open_umask  # noqa: F401 (autouse)
from walkapp.bundles import crypto
from walkapp.cli import main
from walkapp.config import resolve_settings
from walkapp.errors import StorageError
from walkapp.storage.lock import LOCK_FILENAME, DataFolderLock
from walkapp.storage.safe_files import (
    create_temp_beside,
    make_private_dirs,
    write_private_atomically,
)

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX modes and symlinks")

@pytest.fixture(autouse=True)
def _fast_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "SCRYPT_N", 2**14)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def one_clear_line(err: str) -> bool:
    return err.count("\n") == 1 and "Traceback" not in err and "internal error" not in err


@pytest.fixture
def data_dir() -> Path:
    return resolve_settings().data_dir


@pytest.fixture
def walk(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert main(["demo"]) == 0
    capsys.readouterr()
    return data_dir


# -- the lock file -----------------------------------------------------------------------------
def test_a_lock_file_that_is_a_symlink_is_refused_not_followed(
        tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outside = Outside(tmp_path / "outside")
    outside.link(data_dir / LOCK_FILENAME)
    with pytest.raises(StorageError, match="symbolic link") as caught:
        DataFolderLock(data_dir, "walkapp demo").acquire()
    assert str(data_dir / LOCK_FILENAME) in caught.value.message
    assert outside.unchanged()
    code, _, err = run(capsys, "demo")
    assert code == 1 and "symbolic link" in err and one_clear_line(err), err
    assert outside.unchanged()


@pytest.mark.parametrize("kind", ["hardlink", "fifo", "folder"])
def test_a_lock_file_that_is_not_a_plain_file_is_refused(
        tmp_path: Path, data_dir: Path, kind: str) -> None:
    outside = Outside(tmp_path / "outside")
    data_dir.mkdir(parents=True)
    lock_path = data_dir / LOCK_FILENAME
    if kind == "hardlink":
        os.link(outside.path, lock_path)
    elif kind == "fifo":
        os.mkfifo(lock_path)
    else:
        lock_path.mkdir()
    with pytest.raises(StorageError, match="lock file"):
        DataFolderLock(data_dir).acquire()
    assert outside.unchanged()


def test_the_lock_file_is_private_under_umask_000(data_dir: Path) -> None:
    with DataFolderLock(data_dir):
        assert mode(data_dir / LOCK_FILENAME) == 0o600
        assert mode(data_dir) == 0o700


# -- folders -----------------------------------------------------------------------------------
def test_every_folder_walkapp_creates_is_0700_parents_too(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home = tmp_path / "fresh-home"
    home.mkdir(mode=0o755)
    os.chmod(home, 0o755)
    data = home / ".local" / "share" / "walkapp"
    args = ["--data-dir", str(data)]
    for command in (["demo"], ["backup"], ["protocol", "duplicate", "learning-walk", "ours"]):
        assert main([*args, *command]) == 0, command
    capsys.readouterr()
    for folder in (home / ".local", home / ".local" / "share", data, data / "backups",
                   data / "protocols"):
        assert mode(folder) == 0o700, folder
    assert mode(home) == 0o755  # not walkapp's: left as it was


def test_make_private_dirs_leaves_existing_folders_alone(tmp_path: Path) -> None:
    existing = tmp_path / "existing"
    existing.mkdir()
    os.chmod(existing, 0o755)
    make_private_dirs(existing / "a" / "b")
    assert mode(existing) == 0o755
    assert mode(existing / "a") == 0o700 and mode(existing / "a" / "b") == 0o700
    make_private_dirs(existing)  # nothing to do
    assert mode(existing) == 0o755
    (tmp_path / "file").write_bytes(b"")
    with pytest.raises(OSError):
        make_private_dirs(tmp_path / "file" / "sub")


# -- kits and notes files ----------------------------------------------------------------------
@pytest.mark.parametrize("what", ["kit", "export"])
def test_kits_and_notes_files_are_0600_and_ignore_a_planted_part_file(
        tmp_path: Path, walk: Path, capsys: pytest.CaptureFixture[str], what: str) -> None:
    out = tmp_path / "usb"
    out.mkdir()
    target = out / ("amira.walkkit" if what == "kit" else "amira.walknotes")
    outside = Outside(tmp_path / "outside")
    outside.link(out / f".{target.name}.part")       # the old fixed temp name
    leftover = out / f".{target.name}.1a2b3c.part"  # a crash's leftover: not ours to touch
    leftover.write_bytes(b"half a file")
    extra = ["--walker", "Amira Haddad"]
    code, _, err = run(capsys, what, "Learning", *extra, "-o", str(target))
    assert code == 0, err
    assert outside.unchanged()
    assert mode(target) == 0o600 and stat.S_ISREG(target.lstat().st_mode)
    assert leftover.read_bytes() == b"half a file"
    # No temporary file of ours is left behind.
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [target.name, f".{target.name}.part", leftover.name])


def test_a_kit_written_over_a_link_replaces_the_link(
        tmp_path: Path, walk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outside = Outside(tmp_path / "outside")
    target = outside.link(tmp_path / "kit.walkkit")
    code, _, err = run(capsys, "kit", "Learning", "-o", str(target))
    assert code == 0, err
    assert outside.unchanged() and not target.is_symlink() and mode(target) == 0o600


def test_write_private_atomically_never_opens_an_existing_name(tmp_path: Path) -> None:
    target = tmp_path / "x.bin"
    fd, temp = create_temp_beside(target)
    os.close(fd)
    assert temp.parent == tmp_path and temp.name.startswith(".x.bin.") and mode(temp) == 0o600
    write_private_atomically(target, b"data")
    assert target.read_bytes() == b"data" and mode(target) == 0o600
    assert temp.exists()  # an earlier temp (e.g. from a crash) is not reused or removed


# -- protocols ---------------------------------------------------------------------------------
def test_protocol_files_ignore_planted_part_files(
        tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outside = Outside(tmp_path / "outside")
    outside.link(data_dir / "protocols" / ".ours.toml.part")
    code, _, err = run(capsys, "protocol", "duplicate", "learning-walk", "ours")
    assert code == 0, err
    assert outside.unchanged()
    written = data_dir / "protocols" / "ours.toml"
    assert mode(written) == 0o600 and not written.is_symlink()


# -- backups -----------------------------------------------------------------------------------
@pytest.fixture
def linked_backups(tmp_path: Path, walk: Path) -> Path:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    os.chmod(elsewhere, 0o755)
    (elsewhere / "keep.txt").write_bytes(PRECIOUS)
    (walk / "backups").symlink_to(elsewhere, target_is_directory=True)
    return elsewhere


def _untouched(folder: Path) -> bool:
    return (mode(folder) == 0o755 and [p.name for p in folder.iterdir()] == ["keep.txt"]
            and (folder / "keep.txt").read_bytes() == PRECIOUS)


@pytest.mark.parametrize("command", [["backup"], ["backups"], ["restore", "--yes"],
                                     ["purge", "--older-than", "1", "--yes"]])
def test_a_backups_folder_that_is_a_symlink_is_refused(
        linked_backups: Path, walk: Path, capsys: pytest.CaptureFixture[str],
        command: list[str]) -> None:
    database = walk / "walkapp.sqlite3"
    if command[0] == "purge":  # a walk old enough to be purged (after a backup, which fails)
        connection = sqlite3.connect(database)
        with connection:
            connection.execute("UPDATE walks SET walk_date = '2020-01-06'")
        connection.close()
    before = database.read_bytes()
    code, _, err = run(capsys, *command)
    assert code == 1, err
    assert "backups" in err and "symbolic link" in err and one_clear_line(err), err
    assert _untouched(linked_backups)
    assert database.read_bytes() == before


def test_an_import_is_refused_when_it_cannot_back_up_first(
        tmp_path: Path, linked_backups: Path, walk: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    notes = tmp_path / "amira.walknotes"
    code, _, err = run(capsys, "export", "Learning", "--walker", "Amira Haddad",
                       "-o", str(notes))
    assert code == 0, err
    code, _, err = run(capsys, "import", str(notes))
    assert code == 1 and "symbolic link" in err and one_clear_line(err), err
    assert _untouched(linked_backups)


# -- restore -----------------------------------------------------------------------------------
def test_restore_ignores_planted_staging_and_temp_files(
        tmp_path: Path, walk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["backup"]) == 0
    outside = Outside(tmp_path / "outside")
    others = [Outside(tmp_path / "outside", f"other-{i}.txt") for i in range(2)]
    outside.link(walk / ".walkapp.sqlite3.restoring")
    others[0].link(walk / "..walkapp.sqlite3.restoring.part")
    others[1].link(walk / "backups" / ".restoring.part")
    code, _, err = run(capsys, "restore", "--yes")
    assert code == 0, err
    assert outside.unchanged() and all(o.unchanged() for o in others)
    assert mode(walk / "walkapp.sqlite3") == 0o600
    for backup in (walk / "backups").glob("*.sqlite3"):
        assert mode(backup) == 0o600


def test_database_side_files_that_are_links_are_refused_clearly(
        tmp_path: Path, walk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outside = Outside(tmp_path / "outside")
    outside.link(walk / "walkapp.sqlite3-wal")
    code, _, err = run(capsys, "list")
    assert code == 1 and "symbolic link" in err and "walkapp.sqlite3-wal" in err, err
    assert one_clear_line(err)
    assert outside.unchanged()


def test_backups_are_0600_in_a_0700_folder(walk: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["backup"]) == 0
    assert mode(walk / "backups") == 0o700
    assert all(mode(p) == 0o600 for p in (walk / "backups").iterdir())
    assert mode(walk / "walkapp.sqlite3") == 0o600


@pytest.mark.parametrize("command", [["protocol", "duplicate", "learning-walk", "ours"],
                                     ["protocol", "import", "{file}"]])
def test_a_protocol_folder_that_is_a_link_is_read_but_never_written(
        tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str],
        command: list[str]) -> None:
    shared = tmp_path / "team-protocols"
    shared.mkdir()
    os.chmod(shared, 0o755)
    assert main(["--data-dir", str(tmp_path / "other"), "protocol", "duplicate",
                 "learning-walk", "team"]) == 0
    (tmp_path / "other" / "protocols" / "team.toml").rename(shared / "team.toml")
    data_dir.mkdir(parents=True)
    (data_dir / "protocols").symlink_to(shared, target_is_directory=True)
    source = tmp_path / "new.toml"
    source.write_text((shared / "team.toml").read_text(encoding="utf-8").replace(
        'id = "team"', 'id = "new"'), encoding="utf-8")
    before = sorted(p.name for p in shared.iterdir())
    code, out, err = run(capsys, "protocol", "list")
    assert code == 0 and "team" in out
    code, _, err = run(capsys, *[str(source) if a == "{file}" else a for a in command])
    assert code == 1 and "symbolic link" in err and one_clear_line(err), err
    assert sorted(p.name for p in shared.iterdir()) == before and mode(shared) == 0o755
