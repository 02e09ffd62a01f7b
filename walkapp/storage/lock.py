"""One writer per data folder: a lock file that a second walkapp cannot take.

Two programs writing the same notes at once (the app opened twice, or a restore while the
app runs) could undo each other's work, so the app and every command that changes data
take `walkapp.lock` in the data folder first. The lock is an operating-system lock on the
open file (`flock` on POSIX, `msvcrt.locking` on Windows), not the file's existence: when a
process dies, even by SIGKILL or a power cut, the system drops its lock, so a stale file
never blocks the next start.

The file is never deleted: deleting it while another process waits on the old one would
let two processes each "hold" a lock on a different file.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import platform
import stat
import sys
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from walkapp.errors import AlreadyRunningError, StorageError
from walkapp.formatting import tr
from walkapp.storage.safe_files import (
    CLOEXEC,
    NOFOLLOW,
    PRIVATE_FILE,
    UnsafePathError,
    link_target,
    make_private_dirs,
)

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)

LOCK_FILENAME = "walkapp.lock"
# Windows locks a byte range and refuses reads inside it; lock a byte far past the
# holder's description so that the description stays readable for the error message.
_WINDOWS_LOCK_OFFSET = 1 << 20


class DataFolderLock:
    """The lock on one data folder. Use as a context manager, or acquire()/release()."""

    def __init__(self, data_dir: Path, purpose: str = "walkapp") -> None:
        self.data_dir = data_dir
        self.path = data_dir / LOCK_FILENAME
        self.purpose = purpose
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> DataFolderLock:
        """Take the lock or raise AlreadyRunningError naming who holds it."""
        if self._fd is not None:
            return self
        fd = _open_lock_file(self.data_dir, self.path)
        if not _try_lock(fd):
            holder = _read_holder(fd)
            os.close(fd)
            raise AlreadyRunningError(
                tr("walkapp is already using the data folder {data_dir}{holder}. Only one "
                   "walkapp may change it at a time: close the other walkapp window (or wait "
                   "for the other command to finish) and try again.").format(
                    data_dir=self.data_dir, holder=_describe(holder)))
        self._fd = fd
        if os.name == "posix":
            with contextlib.suppress(OSError):
                os.fchmod(fd, PRIVATE_FILE)
        _write_holder(fd, self.purpose)
        return self

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        with contextlib.suppress(OSError):
            _unlock(fd)
        os.close(fd)

    def __enter__(self) -> DataFolderLock:
        return self.acquire()

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.release()


def _open_lock_file(data_dir: Path, path: Path) -> int:
    """Open (or create) the lock file, refusing anything but walkapp's own plain file.

    The holder's description is written into it, so a symbolic link planted at its name
    would have that file truncated and overwritten: O_NOFOLLOW refuses a link, and fstat
    on what was opened refuses a FIFO, a device or a hard link to some other file. (No
    O_EXCL: the file is kept between runs on purpose, see the module docstring.)
    """
    try:
        make_private_dirs(data_dir)
        fd = os.open(path, os.O_RDWR | os.O_CREAT | NOFOLLOW | CLOEXEC | _NONBLOCK,
                     PRIVATE_FILE)
    except OSError as error:
        if error.errno == errno.ELOOP or path.is_symlink():
            raise UnsafePathError(
                tr("walkapp's lock file {path} is a symbolic link (to {path2}); walkapp does "
                   "not write through it, so nothing was changed. Delete the link (walkapp "
                   "makes a new lock file itself) and try again.").format(
                    path=path, path2=link_target(path))) from None
        from walkapp.storage.translate import translate_error

        translated = translate_error(error, tr("opening {path}").format(path=path))
        raise (translated or StorageError(
            tr("walkapp cannot create its lock file {path}: {value}.").format(
                path=path, value=error.strerror or error))) from error
    try:
        info = os.fstat(fd)
    except OSError:
        info = None
    if info is None or not stat.S_ISREG(info.st_mode) or info.st_nlink != 1:
        os.close(fd)
        if info is not None and stat.S_ISREG(info.st_mode):
            raise UnsafePathError(
                tr("walkapp's lock file {path} is a hard link to another file; walkapp does not "
                   "write into it, so nothing was changed. Move it out of the data folder "
                   "(walkapp makes a new lock file itself) and try again.").format(path=path))
        raise UnsafePathError(
            tr("walkapp's lock file {path} is not a plain file; walkapp does not write into it, "
               "so nothing was changed. Move it out of the data folder (walkapp makes a new lock "
               "file itself) and try again.").format(path=path))
    if _NONBLOCK:
        # Only there so that opening a planted FIFO cannot hang; a plain file needs none.
        with contextlib.suppress(OSError):
            os.set_blocking(fd, True)
    return fd


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError as error:
        # Some network file systems have no locks at all; refusing to start there would
        # leave the user with nothing, so carry on (the location warning covers it).
        if error.errno in (getattr(os, "ENOLCK", -1), getattr(os, "EOPNOTSUPP", -1)):
            return True
        raise
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


def _write_holder(fd: int, purpose: str) -> None:
    """Say who holds the lock, so the next one can be told (best effort)."""
    info = {"purpose": purpose, "pid": os.getpid(), "host": platform.node(),
            "since": datetime.now(UTC).isoformat(timespec="seconds")}
    with contextlib.suppress(OSError):
        os.lseek(fd, 0, os.SEEK_SET)
        os.ftruncate(fd, 0)
        os.write(fd, json.dumps(info).encode("utf-8"))


def _read_holder(fd: int) -> dict[str, object]:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        raw = os.read(fd, 4096)
        value = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def _describe(holder: dict[str, object]) -> str:
    purpose = holder.get("purpose")
    pid = holder.get("pid")
    since = holder.get("since")
    parts = []
    if purpose:
        parts.append(str(purpose))
    if pid:
        parts.append(tr("process {pid}").format(pid=pid))
    if since:
        parts.append(tr("since {since}").format(since=since))
    return f" ({', '.join(parts)})" if parts else ""
