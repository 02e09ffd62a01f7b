"""What a user reads when storage fails goes through the catalogue, whole: a full disk, a
read-only disk or folder, permission denied, a failing disk, a database that is missing,
damaged, cut short, a folder or from a newer walkapp, a backup that cannot be restored, a
lock file that is not walkapp's, a data folder on a network or cloud drive, a scrub that
left backups behind. Under the pseudo-locale (tests.helpers.pseudo_core), with each
placeholder outside the brackets so that a reason or a place given as a value is checked
too, every word of each message is in ⟦…⟧ but the paths and SQLite's own findings; in
Spanish a few of them read in Spanish.

The bad inputs are those of the storage tests: tests.helpers.sqlite_faults (SQLite's
result codes), tests.helpers.db_states (a database file in every wrong state),
tests.helpers.damage (damaged pages).
"""

from __future__ import annotations

import errno
import os
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.damage import damage_pages
from tests.helpers.db_states import NEEDS_NON_ROOT, STATES, running_as_root
from tests.helpers.on_disk import walk_on_disk
from tests.helpers.pseudo_core import (
    speaking_pseudo,
    strict_pseudo_folder,
    unwrapped,
    wrapped_share,
)
from tests.helpers.sqlite_faults import CODES, injected
from walkapp import formatting as fmt
from walkapp.config import Settings, resolve_settings
from walkapp.errors import StorageError
from walkapp.storage import os_errors
from walkapp.storage.backup import check_backup, foreign_entries
from walkapp.storage.guard import check_database_file
from walkapp.storage.location import location_warning
from walkapp.storage.lock import DataFolderLock
from walkapp.storage.scrub import ScrubOutcome, ScrubReport, ScrubStatus
from walkapp.storage.startup import RecoveryChoice, StartupStatus, check_database, recover
from walkapp.storage.translate import translate_error

Pseudo = Callable[[], Any]
# SQLITE_AUTH is walkapp's own read-only authorizer: a bug, with no message for the user.
SQLITE_FAULTS = sorted(name for name in CODES if name != "SQLITE_AUTH")
OS_FAULTS = [errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM,
             errno.ENOENT, errno.EIO]


@pytest.fixture
def apart(tmp_path_factory: pytest.TempPathFactory) -> Pseudo:
    """`with apart(): …`: the core's messages from the pseudo-locale, placeholders apart."""
    folder = strict_pseudo_folder(tmp_path_factory.getbasetemp())
    return lambda: speaking_pseudo(folder)


def _all_wrapped(messages: list[str], user: list[str]) -> None:
    assert not unwrapped(messages, user=user), unwrapped(messages, user=user)
    assert wrapped_share(messages) == len(messages), messages


# -- a write that fails --------------------------------------------------------------------
@pytest.mark.parametrize("free", [12 * 1024, 300 * 1024 ** 3, None])
@pytest.mark.parametrize("name", SQLITE_FAULTS)
def test_each_sqlite_failure_is_told_through_the_catalogue(
        name: str, free: int | None, tmp_path: Path, apart: Pseudo,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A little free space (a full disk with its space left), plenty (the full one may be
    the temporary folder), or none known; with the database named and without."""
    database = tmp_path / "walkapp.sqlite3"
    database.touch()
    monkeypatch.setattr(os_errors, "free_bytes", lambda path: free)
    with apart():
        told = [translate_error(injected(name), fmt.N_("saving the note"), path=database),
                translate_error(injected(name), fmt.N_("making a backup"))]
    messages = [error.message for error in told if error is not None]
    assert messages, name
    _all_wrapped(messages, user=[str(tmp_path), name, tempfile.gettempdir()])


@pytest.mark.parametrize("code", OS_FAULTS)
def test_each_os_failure_is_told_through_the_catalogue(code: int, tmp_path: Path,
                                                      apart: Pseudo) -> None:
    """A full disk or quota, a read-only disk, permission denied, a file gone, a failing
    disk: on a named file, and on none (its data folder)."""
    target = tmp_path / "backups" / "auto-20261204T101500Z.sqlite3"
    with apart():
        told = [translate_error(OSError(code, os.strerror(code), str(target)),
                                fmt.N_("restoring a backup")),
                translate_error(OSError(code, os.strerror(code)), fmt.N_("saving the walk"))]
    messages = [error.message for error in told if error is not None]
    assert len(messages) == 2, code
    _all_wrapped(messages, user=[str(tmp_path), tempfile.gettempdir()])


# -- a database that is not as it should be -------------------------------------------------
@pytest.mark.parametrize("state", sorted(STATES))
def test_a_database_in_a_wrong_state_is_told_through_the_catalogue(
        state: str, settings: Settings, apart: Pseudo) -> None:
    """What the app's start-up check says and what every command's refusal says."""
    if state in NEEDS_NON_ROOT and running_as_root():
        pytest.skip("root reads any file")
    path = walk_on_disk(settings)
    STATES[state](path)
    with apart():
        report = check_database(settings)
        said = report.message  # (a property: made when read)
        with pytest.raises(StorageError) as refused:
            check_database_file(path, settings.backup_dir)
    assert report.status is not StartupStatus.OK
    _all_wrapped([said, refused.value.message], user=[str(settings.data_dir)])


def test_damaged_pages_a_newer_database_and_no_good_backup(tmp_path: Path, settings: Settings,
                                                          apart: Pseudo) -> None:
    elsewhere = resolve_settings(tmp_path / "newer")
    with sqlite3.connect(walk_on_disk(elsewhere)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'zz99'")
    with apart():
        newer = check_database(elsewhere)
        newer_said = newer.message
    assert newer.status is StartupStatus.NEWER
    path = walk_on_disk(settings)
    for copy in settings.backup_dir.glob("*.sqlite3"):
        damage_pages(copy)
    damage_pages(path)
    with apart():
        damaged = check_database(settings)
        damaged_said = damaged.message
        with pytest.raises(StorageError) as no_backup:
            recover(settings, damaged, RecoveryChoice.RESTORE_BACKUP)
    assert damaged.status is StartupStatus.DAMAGED and damaged.problems[0] in damaged_said
    # SQLite's own findings ("Page 5: btreeInitPage() returns error code 11") are its words.
    damaged_said = damaged_said.replace(damaged.problems[0], "…")
    _all_wrapped([newer_said, damaged_said, no_backup.value.message],
                 user=[str(tmp_path), "zz99"])


def test_why_a_backup_cannot_be_restored_is_told_through_the_catalogue(
        settings: Settings, apart: Pseudo) -> None:
    path = walk_on_disk(settings)
    bad = settings.data_dir / "bad"
    bad.mkdir()
    (bad / "folder.sqlite3").mkdir()
    (bad / "empty.sqlite3").write_bytes(b"")
    (bad / "zip.sqlite3").write_bytes(b"PK\x03\x04 a zip, not a database" * 50)
    with sqlite3.connect(bad / "recipes.sqlite3") as connection:
        connection.execute("CREATE TABLE recipes (name TEXT)")
    newer = bad / "newer.sqlite3"
    newer.write_bytes(path.read_bytes())
    with sqlite3.connect(newer) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'zz99'")
    backups = settings.backup_dir
    (backups / "my own copy.txt").write_text("not a backup")
    (backups / "auto-20261399T250000Z.sqlite3").write_bytes(b"")
    (backups / ".auto-20261204T101500Z.sqlite3.part").write_bytes(b"")
    (backups / "a folder").mkdir()
    with apart():
        found = [check_backup(bad / f"{name}.sqlite3")
                 for name in ("folder", "empty", "zip", "recipes", "newer")]
        foreign = [entry.why for entry in foreign_entries(backups)]
    assert all(found) and len(found) == 5 and len(foreign) == 4, (found, foreign)
    first_lines = [problems[0] for _, problems in filter(None, found)]
    _all_wrapped(first_lines + foreign, user=["zz99"])


# -- the data folder ------------------------------------------------------------------------
def test_a_lock_file_that_is_not_walkapps_is_told_through_the_catalogue(
        tmp_path: Path, apart: Pseudo) -> None:
    data = tmp_path / "data"
    data.mkdir()
    other = tmp_path / "someone-else.txt"
    other.write_text("")
    os.link(other, data / "walkapp.lock")
    with apart(), pytest.raises(StorageError) as refused:
        DataFolderLock(data).acquire()
    _all_wrapped([refused.value.message], user=[str(tmp_path)])


def test_a_data_folder_on_a_network_or_cloud_drive_is_told_through_the_catalogue(
        apart: Pseudo) -> None:
    mounts = "server:/export /mnt/school nfs4 rw 0 0\n"
    with apart():
        warnings = [location_warning(Path("/home/ana/Dropbox/walkapp"), mounts_text=""),
                    location_warning(Path("/mnt/school/walkapp"), mounts_text=mounts,
                                     platform="linux"),
                    location_warning(Path("//server/share/walkapp"), mounts_text="",
                                     platform="win32")]
    said = [w for w in warnings if w is not None]
    assert len(said) == 3, warnings
    _all_wrapped(said, user=["/home/ana/Dropbox/walkapp", "Dropbox", "/mnt/school/walkapp",
                             "nfs4", "//server/share/walkapp"])


def test_a_scrub_that_left_backups_behind_is_told_through_the_catalogue(
        tmp_path: Path, apart: Pseudo) -> None:
    done = ScrubOutcome(tmp_path / "a.sqlite3", ScrubStatus.SCRUBBED, rows_removed=3)
    failed = ScrubOutcome(tmp_path / "b.sqlite3", ScrubStatus.FAILED, problem="x")
    with apart():
        summaries = [ScrubReport((done, done, failed)).summary(), ScrubReport(()).summary()]
    _all_wrapped(summaries, user=[])


# -- and in Spanish -------------------------------------------------------------------------
def test_a_full_disk_a_newer_database_and_a_scrub_in_spanish(
        settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    path = walk_on_disk(settings)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'zz99'")
    monkeypatch.setattr(os_errors, "free_bytes", lambda where: 3_500_000)
    done = ScrubOutcome(path, ScrubStatus.SCRUBBED, rows_removed=3)
    with fmt.language("es"):
        full = translate_error(injected("SQLITE_FULL"), fmt.N_("saving the note"), path=path)
        newer = check_database(settings).message
        scrubbed = ScrubReport((done,)).summary()
    assert full is not None
    assert full.message.startswith("El disco está lleno (al guardar la nota): 3,3 MB libres")
    assert "versión más reciente de walkapp" in newer and "zz99" in newer
    assert scrubbed == "quitado de 1 copia de seguridad"
