"""Never start empty where a database was expected.

Creating the database is a first start: there is no database file and no backup at all. A
database file that is missing, empty, cut short or unreadable while backups exist means the
user's walks are somewhere else (moved, deleted, truncated by a full disk or a bad copy), and
a fresh, empty database in its place would look like "all my walks are gone" and take new
notes into the wrong file. So `Database.open` asks `check_database_file` first, and it
refuses (one clear line naming `walkapp restore`) rather than create or migrate anything.

The look is by plain reads of the file's first bytes, never through SQLite: opening even
read-only can create `-wal`/`-shm` files, and a refusal must leave the folder as it was.
The start-up check (`walkapp.storage.startup`) uses the same look, so that what the app
offers to restore and what every command refuses always agree.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from walkapp import formatting as fmt
from walkapp.errors import CorruptDatabaseError, DatabaseMissingError, StorageError
from walkapp.formatting import N_, tr

SQLITE_MAGIC = b"SQLite format 3\x00"
_HEADER = 100
_LEAF_TABLE_PAGE = 0x0D  # page 1's b-tree holds sqlite_master; a leaf with no cells: no tables


class FileState(StrEnum):
    """What the database file looks like from the outside."""

    PRESENT = "present"          # a SQLite file with something in it: let SQLite judge it
    ABSENT = "absent"            # no file at all
    EMPTY = "empty"              # 0 bytes
    NO_TABLES = "no-tables"      # a SQLite file with nothing in it
    TRUNCATED = "truncated"      # shorter than its own header says
    NOT_SQLITE = "not-sqlite"    # some other kind of file
    NOT_A_FILE = "not-a-file"    # a folder, a pipe, a link to nothing…
    UNREADABLE = "unreadable"    # permissions, I/O error


# States a first start may leave behind: with no backup anywhere, the database is made (or
# finished) in place. With backups, the same states mean the real database is missing.
CREATABLE = frozenset({FileState.ABSENT, FileState.EMPTY, FileState.NO_TABLES})


@dataclass(frozen=True)
class FileLook:
    state: FileState
    problem: str = ""


def look_at_database_file(path: Path) -> FileLook:
    """Classify `path` by reading at most its first page header; never writes anything."""
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):  # the file, or a folder on its way
        if os.path.islink(path):
            return FileLook(FileState.NOT_A_FILE,
                            tr("it is a link to {target}, which does not exist").format(
                                target=_link_target(path)))
        return FileLook(FileState.ABSENT, tr("the file is missing"))
    except OSError as error:
        return FileLook(FileState.UNREADABLE, error.strerror or str(error))
    if stat.S_ISDIR(info.st_mode):
        return FileLook(FileState.NOT_A_FILE, tr("it is a folder, not a file"))
    if not stat.S_ISREG(info.st_mode):
        return FileLook(FileState.NOT_A_FILE, tr("it is not a regular file"))
    if info.st_size == 0:
        return FileLook(FileState.EMPTY, tr("the file is empty, 0 bytes"))
    try:
        header = read_start(path, _HEADER + 8)
    except OSError as error:
        return FileLook(FileState.UNREADABLE, error.strerror or str(error))
    if header is None:
        return FileLook(FileState.NOT_A_FILE, tr("it is not a regular file"))
    if not header.startswith(SQLITE_MAGIC) or len(header) < _HEADER:
        return FileLook(FileState.NOT_SQLITE, tr("the file is not a SQLite database"))
    if _has_pending_journal(path):
        # Committed pages may sit in the -wal (or a hot -journal) and the main file may be
        # mid-checkpoint: only SQLite can tell what the database holds.
        return FileLook(FileState.PRESENT)
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return FileLook(FileState.NOT_SQLITE, tr("the file is not a SQLite database"))
    expected = _size_from_header(header, page_size)
    if expected and info.st_size < expected:
        return FileLook(FileState.TRUNCATED,
                        tr("the file is cut short ({size} of {expected} bytes)").format(
                            size=fmt.number(info.st_size), expected=fmt.number(expected)))
    if info.st_size < page_size:
        return FileLook(FileState.TRUNCATED,
                        fmt.plural(info.st_size, "the file is cut short ({n} byte, less than "
                                   "one page)", "the file is cut short ({n} bytes, less than "
                                   "one page)"))
    if len(header) >= _HEADER + 5 and header[_HEADER] == _LEAF_TABLE_PAGE and \
            int.from_bytes(header[_HEADER + 3:_HEADER + 5], "big") == 0:
        return FileLook(FileState.NO_TABLES, tr("the file is empty, a SQLite file with no tables"))
    return FileLook(FileState.PRESENT)


def read_start(path: Path, size: int) -> bytes | None:
    """The first `size` bytes of `path`, or None if it is not a regular file after all."""
    # O_NONBLOCK: a pipe swapped in after a stat must not hang the program on open.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    handle = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            return None
        return os.read(handle, size)
    finally:
        os.close(handle)


def _size_from_header(header: bytes, page_size: int) -> int:
    """The size SQLite's header records, when the header says the record is valid."""
    pages = int.from_bytes(header[28:32], "big")
    valid = header[24:28] == header[92:96]  # "version-valid-for" matches the change counter
    return pages * page_size if pages and valid else 0


def _has_pending_journal(path: Path) -> bool:
    for suffix in ("-wal", "-journal"):
        try:
            if os.stat(f"{path}{suffix}").st_size > 0:
                return True
        except OSError:
            continue
    return False


def _link_target(path: Path) -> str:
    try:
        return os.readlink(path)
    except OSError:
        return tr("somewhere")


def expected_backups(backup_dir: Path) -> int:
    """How many entries of `backup_dir` look like database copies (`*.sqlite3`).

    Counted by name only, walkapp's own and any others: a copy the user put there by hand
    is just as much a sign that a database existed, and a listing that fails (no folder)
    means there is none.
    """
    try:
        names = os.listdir(backup_dir)
    except OSError:
        return 0
    return sum(1 for name in names
               if name.lower().endswith(".sqlite3") and not name.startswith("."))


def check_database_file(path: Path, backup_dir: Path, *, create_empty: bool = False) -> bool:
    """Refuse to open a database that is not there as expected; True if it must be created.

    `create_empty` is the user's explicit choice to start with an empty database although
    backups exist (the app's "Start with an empty database"). Without it, creating or
    filling an empty file is allowed only on a first start: when there is no backup at all.
    Raises StorageError (nothing created or changed) otherwise.
    """
    look = look_at_database_file(path)
    if look.state is FileState.PRESENT:
        return False
    backups = expected_backups(backup_dir)
    if look.state in CREATABLE and (create_empty or not backups):
        return look.state is FileState.ABSENT
    raise refusal(path, backup_dir, look, backups)


def refusal(path: Path, backup_dir: Path, look: FileLook, backups: int) -> StorageError:
    """The one-line error for a database that cannot be opened as it is."""
    if backups:
        what_to_do = fmt.plural(
            backups,
            "Nothing was changed. {n} backup is in {folder}: run `walkapp restore` to put the "
            "newest good one back (`walkapp backups` lists them), or start the desktop app to "
            "choose.",
            "Nothing was changed. {n} backups are in {folder}: run `walkapp restore` to put the "
            "newest good one back (`walkapp backups` lists them), or start the desktop app to "
            "choose.").format(folder=backup_dir)
    else:
        what_to_do = tr("Nothing was changed. There is no backup in {folder}; if you have a copy "
                        "elsewhere, `walkapp restore PATH` puts it in place (`walkapp backups` "
                        "lists what is there).").format(folder=backup_dir)
    if look.state in CREATABLE:
        missing = {
            FileState.ABSENT: N_("walkapp's database {path} is missing, although backups "
                                 "exist, so walkapp will not start with an empty one. "
                                 "{what_to_do}"),
            FileState.EMPTY: N_("walkapp's database {path} is empty (0 bytes), although "
                                "backups exist, so walkapp will not start with an empty one. "
                                "{what_to_do}"),
            FileState.NO_TABLES: N_("walkapp's database {path} is empty (a SQLite file with no "
                                    "tables), although backups exist, so walkapp will not start "
                                    "with an empty one. {what_to_do}")}[look.state]
        return DatabaseMissingError(tr(missing).format(path=path, what_to_do=what_to_do))
    if look.state in (FileState.TRUNCATED, FileState.NOT_SQLITE):
        return CorruptDatabaseError(
            tr("walkapp's database {path} is damaged: {problem}. {what_to_do}").format(
                path=path, problem=look.problem, what_to_do=what_to_do))
    return StorageError(tr("walkapp cannot read its database {path}: {problem}. "
                           "{what_to_do}").format(
                            path=path, problem=look.problem, what_to_do=what_to_do))
