"""Plain words for a failing disk: full, read-only, not ours to write, gone, or broken.

Both classifiers use this module: `classify_os_error` for an `OSError` (its errno says what
happened) and `walkapp.storage.sqlite_errors` for SQLite result codes that leave the cause
open. SQLite reports some real causes only as "cannot open" or "disk I/O error" (a full disk
while growing the -shm file is SQLITE_IOERR_SHMSIZE, a read-only disk is SQLITE_CANTOPEN),
and Python does not expose the errno behind them, so `diagnose_disk` looks at the disk
itself: its free space, its read-only flag, our permissions, and, if all look fine, a small
real allocation beside the database that fails with the true errno when the disk (or the
user's quota) is full.

Every message says what happened, that nothing was changed, and what to do; a full disk
always says so and how much space is left on the disk that holds the database.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from walkapp.errors import DatabaseMissingError, DiskFullError, ReadOnlyError, StorageError
from walkapp.formatting import N_, number, plural, tr

# Below this much free space a failed write is a full disk: SQLite needs a few pages for the
# write-ahead log and 32 KB at a time for its -shm file, and a note can be far larger.
LOW_SPACE_BYTES = 1024 * 1024
# A disk that reports this much free space yet gave SQLITE_FULL is probably not the full
# one: SQLite's temporary files (big sorts, VACUUM) live in the system's temporary folder.
_PLENTY_BYTES = 256 * 1024 * 1024
_PROBE_BYTES = 64 * 1024
DISK_FULL_ERRNOS = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)})
_DENIED_ERRNOS = frozenset({errno.EACCES, errno.EPERM})


@dataclass(frozen=True)
class ErrorContext:
    """What was being done when storage failed, and on which file.

    `path` is the database file the operation used (so "cannot open" can be diagnosed);
    `space_of` is the file or folder whose disk's free space to report (default: `path`).
    """

    where: str = ""
    path: Path | None = None
    space_of: Path | None = None

    @property
    def place(self) -> str:
        """" (saving the note)": what was being done, in the language in force. `where` is
        marked with N_ where it is given (or translated already: a translation is no
        message id, so it stays as it is)."""
        return f" ({tr(self.where)})" if self.where else ""

    @property
    def disk_path(self) -> Path | None:
        return self.space_of or self.path


# -- facts about a disk -----------------------------------------------------------------------
_UNITS = (N_("{size} KB"), N_("{size} MB"), N_("{size} GB"), N_("{size} TB"), N_("{size} PB"))


def human_size(size: int) -> str:
    """12 KB, 3.3 MB, 250 GB (1 KB = 1024 bytes, as file managers show it), in the locale's
    digits ("3,3 MB" in Spanish)."""
    if size < 1024:
        return plural(max(size, 0), "byte", "bytes")
    value = float(size)
    for index, unit in enumerate(_UNITS):
        value /= 1024
        if value < 1024 or index == len(_UNITS) - 1:
            shown = number(round(value, 1), 1) if value < 10 else number(round(value))
            return tr(unit).format(size=shown)
    raise AssertionError("unreachable")


def existing_folder(path: Path) -> Path | None:
    """The nearest folder that exists at or above `path` (the disk a new file would use)."""
    candidate = path if path.is_dir() else path.parent
    for folder in (candidate, *candidate.parents):
        if folder.is_dir():
            return folder
    return None


def free_bytes(path: Path) -> int | None:
    """Free space (for this user) on the disk that holds `path`, or None if unknown."""
    folder = existing_folder(path)
    if folder is None:
        return None
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return None


def free_space_note(path: Path | None) -> str:
    """'12 KB free on the disk that holds /home/…/walkapp', or '' if it cannot be told."""
    if path is None:
        return ""
    free = free_bytes(path)
    folder = existing_folder(path)
    if free is None or folder is None:
        return ""
    return tr("{size} free on the disk that holds {folder}").format(size=human_size(free),
                                                                    folder=folder)


def disk_is_read_only(path: Path) -> bool:
    folder = existing_folder(path)
    if folder is None or not hasattr(os, "statvfs"):
        return False
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def write_denied(path: Path) -> bool:
    """True if this user may not write the file `path` (if it exists) or its folder."""
    folder = existing_folder(path)
    if path.exists() and not os.access(path, os.R_OK | os.W_OK):
        return True
    return folder is not None and not os.access(folder, os.W_OK | os.X_OK)


def probe_space(folder: Path) -> int | None:
    """Allocate a small private file in `folder`: the errno it fails with, or None.

    The only way to learn the errno SQLite saw and did not pass on. The file has a random
    name, is created with O_EXCL|O_NOFOLLOW (never through a planted link) and is removed at
    once; ENOSPC, EDQUOT (quota) or EROFS are what count.
    """
    free = free_bytes(folder)
    if free is not None and free < LOW_SPACE_BYTES:
        return errno.ENOSPC
    probe = folder / f".walkapp-space-check-{os.getpid()}-{secrets.token_hex(4)}"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(probe, flags, 0o600)
    except OSError as error:
        return error.errno if error.errno in (*DISK_FULL_ERRNOS, errno.EROFS) else None
    try:
        if hasattr(os, "posix_fallocate"):
            os.posix_fallocate(fd, 0, _PROBE_BYTES)
        else:
            os.write(fd, b"\0" * _PROBE_BYTES)
            os.fsync(fd)
    except OSError as error:
        if error.errno in (*DISK_FULL_ERRNOS, errno.EROFS):
            return error.errno
    finally:
        os.close(fd)
        with contextlib.suppress(OSError):
            probe.unlink()
    return None


# -- messages ---------------------------------------------------------------------------------
def disk_full_error(context: ErrorContext) -> DiskFullError:
    note = free_space_note(context.disk_path)
    free = free_bytes(context.disk_path) if context.disk_path is not None else None
    if note:
        message = tr("The disk is full{place}: {space}. Nothing was saved or changed, and any "
                     "text you typed is still here. Free some space, then try again.").format(
            place=context.place, space=note)
    else:
        message = tr("The disk is full{place}. Nothing was saved or changed, and any text you "
                     "typed is still here. Free some space, then try again.").format(
            place=context.place)
    if free is not None and free >= _PLENTY_BYTES:
        message += " " + tr("If that disk has room, the full one may be the system's temporary "
                            "folder ({folder}).").format(folder=tempfile.gettempdir())
    return DiskFullError(message)


def read_only_disk_error(context: ErrorContext, target: Path | None = None) -> ReadOnlyError:
    where = target or context.path
    if where is None:
        return ReadOnlyError(
            tr("walkapp cannot write to its data folder{place}: the disk is read-only. Nothing "
               "was changed. Make the disk writable, or choose a folder on a writable disk with "
               "--data-dir.").format(place=context.place))
    return ReadOnlyError(
        tr("walkapp cannot write to {folder}{place}: the disk is read-only. Nothing was "
           "changed. Make the disk writable, or choose a folder on a writable disk with "
           "--data-dir.").format(folder=existing_folder(where) or where, place=context.place))


def permission_error(context: ErrorContext, target: Path | None = None) -> ReadOnlyError:
    where = target or context.path
    if where is None:
        return ReadOnlyError(
            tr("walkapp may not write to its data folder{place}: permission denied (it is "
               "read-only for you). Nothing was changed. Fix its permissions, or choose another "
               "folder with --data-dir.").format(place=context.place))
    return ReadOnlyError(
        tr("walkapp may not write to {path}{place}: permission denied (it is read-only for "
           "you). Nothing was changed. Fix its permissions, or choose another folder with "
           "--data-dir.").format(path=where, place=context.place))


def read_only_error(context: ErrorContext) -> ReadOnlyError:
    """SQLite refused to write and the disk shows no reason: the file was opened read-only."""
    if context.path is None:
        return ReadOnlyError(
            tr("The walkapp database cannot be written{place}: the file or its folder is "
               "read-only. Nothing was changed. Check the permissions of the file and its "
               "folder, then try again.").format(place=context.place))
    return ReadOnlyError(
        tr("The walkapp database {path} cannot be written{place}: the file or its folder is "
           "read-only. Nothing was changed. Check the permissions of the file and its folder, "
           "then try again.").format(path=context.path, place=context.place))


def io_error(context: ErrorContext, detail: str) -> StorageError:
    folder = existing_folder(context.disk_path) if context.disk_path is not None else None
    free = free_bytes(folder) if folder is not None else None
    if folder is None:
        return StorageError(
            tr("walkapp could not read or write the disk{place} ({detail}). Nothing was "
               "changed. The disk may have been removed or may be failing: check it, then "
               "try again.").format(place=context.place, detail=detail))
    if free is None:
        return StorageError(
            tr("walkapp could not read or write the disk that holds {folder}{place} ({detail}). "
               "Nothing was changed. The disk may have been removed or may be failing: check "
               "it, then try again.").format(folder=folder, place=context.place, detail=detail))
    return StorageError(
        tr("walkapp could not read or write the disk that holds {folder}{place} ({detail}, "
           "{size} free). Nothing was changed. The disk may have been removed or may be "
           "failing: check it, then try again.").format(
            folder=folder, place=context.place, detail=detail, size=human_size(free)))


def database_gone_error(context: ErrorContext, path: Path) -> DatabaseMissingError:
    if not path.parent.is_dir():
        return DatabaseMissingError(
            tr("The folder {parent} that holds the walkapp database is not there any "
               "more{place}: it was deleted, moved or unmounted. Nothing was saved or changed, "
               "and any text you typed is still here. Put the folder back (or plug the disk in "
               "again), then restart walkapp.").format(
                parent=path.parent, place=context.place))
    return DatabaseMissingError(
        tr("The walkapp database file {path} is not there any more{place}: it was deleted or "
           "moved. Nothing was saved or changed, and any text you typed is still here. Copy "
           "that text somewhere safe, then restart walkapp: it offers to restore the newest "
           "backup.").format(path=path, place=context.place))


def database_replaced_error(context: ErrorContext, path: Path) -> DatabaseMissingError:
    return DatabaseMissingError(
        tr("The walkapp database file {path} was replaced by another file while walkapp was "
           "running{place}. walkapp stopped using it and wrote nothing into either file, and "
           "any text you typed is still here. Copy that text somewhere safe, then restart "
           "walkapp.").format(path=path, place=context.place))


# -- classification ---------------------------------------------------------------------------
def diagnose_disk(context: ErrorContext) -> StorageError | None:
    """Why the disk at `context` cannot be written, if the disk itself shows it."""
    target = context.disk_path
    if target is None:
        return None
    folder = existing_folder(target)
    if folder is None:
        return None
    if disk_is_read_only(folder):
        return read_only_disk_error(context, folder)
    if write_denied(target):
        return permission_error(context, target if target.exists() else folder)
    found = probe_space(folder)
    if found in DISK_FULL_ERRNOS:
        return disk_full_error(context)
    if found == errno.EROFS:
        return read_only_disk_error(context, folder)
    return None


def classify_os_error(error: OSError, context: ErrorContext) -> StorageError | None:
    """A StorageError for the errnos the user can act on; None for anything else (a bug)."""
    filename = Path(os.fsdecode(error.filename)) if error.filename else None
    if context.disk_path is None and filename is not None:
        context = ErrorContext(context.where, context.path, filename)
    code = error.errno
    if code in DISK_FULL_ERRNOS:
        return disk_full_error(context)
    if code == errno.EROFS:
        return read_only_disk_error(context, filename)
    if code in _DENIED_ERRNOS:
        return permission_error(context, filename)
    if code == errno.ENOENT:
        if filename is None:
            return StorageError(
                tr("walkapp could not find a file it needs{place}: it was moved or deleted. "
                   "Nothing was changed.").format(place=context.place))
        return StorageError(
            tr("walkapp could not find {path}{place}: it was moved or deleted. Nothing was "
               "changed.").format(path=filename, place=context.place))
    if code == errno.EIO:
        return io_error(context, tr("input/output error"))
    return None
