"""walkapp's crash log: `logs/walkapp.log` in the data folder, rotated, private.

The crash handler (`walkapp.ui.crash`) writes each unexpected error here, and walkapp's own
warnings and errors (a failed autosave, a background task that broke) land here too. The
log holds tracebacks, so it is treated like the database:

- the `logs` folder is 0700 and each log file 0600, whatever the umask, tightened if they
  were made wider by someone else;
- nothing is ever written through a symbolic link (O_NOFOLLOW on the folder and the file) or
  into a file that has other names (a hard link) or is not a regular file (a FIFO would
  block; O_NONBLOCK makes it fail instead) — a planted link makes the write fail, and the
  dialog says so, rather than overwrite what the link points at;
- it is bounded: a burst of errors rotates through `walkapp.log.1`, `.2`, … and the oldest
  is dropped (renaming a link moves the link, never its target).

No Qt here: this is plain files and the logging module.
"""

from __future__ import annotations

import contextlib
import errno
import io
import logging
import logging.handlers
import os
import stat
import sys
import threading
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class CrashReport:
    """One unexpected error, as logged and as shown."""

    summary: str               # "ValueError: …", one line
    details: str               # everything the log got: time, versions, traceback
    log_path: Path | None      # where the details were written; None if they could not be
    log_problem: str | None    # why not
    where: str                 # "the app", "a background task", …


LOG_FOLDER = "logs"
LOG_NAME = "walkapp.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 3

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


def _check_owner(info: os.stat_result, what: Path) -> None:
    if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
        raise PermissionError(errno.EPERM, "it belongs to another user", str(what))


def open_private_log(folder: Path, name: str = LOG_NAME) -> io.TextIOWrapper:
    """Open `folder/name` for appending: created 0600 in a 0700 folder, never via a link."""
    with contextlib.suppress(FileExistsError):
        os.mkdir(folder, 0o700)
    folder_fd = os.open(folder, os.O_RDONLY | _DIRECTORY | _NOFOLLOW | _CLOEXEC)
    try:
        info = os.fstat(folder_fd)
        if not stat.S_ISDIR(info.st_mode):
            raise NotADirectoryError(errno.ENOTDIR, "not a folder", str(folder))
        _check_owner(info, folder)
        if stat.S_IMODE(info.st_mode) != 0o700:
            os.fchmod(folder_fd, 0o700)
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | _NOFOLLOW | _CLOEXEC | _NONBLOCK
        if os.open in os.supports_dir_fd:
            # Relative to the folder we just checked: a link swapped in for the folder
            # after the check cannot redirect the file.
            fd = os.open(name, flags, 0o600, dir_fd=folder_fd)
        else:
            fd = os.open(folder / name, flags, 0o600)
    finally:
        os.close(folder_fd)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(folder / name))
        if info.st_nlink != 1:
            raise OSError(errno.EMLINK, "the file has other names (hard links)",
                          str(folder / name))
        _check_owner(info, folder / name)
        if stat.S_IMODE(info.st_mode) != 0o600:
            os.fchmod(fd, 0o600)
        return open(fd, "a", encoding="utf-8", errors="backslashreplace")
    except BaseException:
        os.close(fd)
        raise


def describe_log_error(error: BaseException) -> str:
    """Why the log could not be written, in a few plain words."""
    if isinstance(error, OSError):
        if error.errno in (errno.ELOOP, errno.EMLINK):
            return ("the log is a link to another file, and walkapp never writes through "
                    "a link")
        if error.errno == errno.ENOSPC:
            return "the disk is full"
        if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return f"walkapp may not write there ({error.strerror})"
        return str(error.strerror or error)
    return f"{type(error).__name__}: {error}"


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """RotatingFileHandler whose every open goes through `open_private_log`."""

    def __init__(self, folder: Path, *, max_bytes: int = MAX_BYTES,
                 backup_count: int = BACKUP_COUNT) -> None:
        self.folder = Path(folder)
        self.last_error: BaseException | None = None
        # delay: nothing is created until there is something to write.
        super().__init__(self.folder / LOG_NAME, maxBytes=max_bytes,
                         backupCount=backup_count, encoding="utf-8", delay=True)
        self.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))

    def _open(self) -> io.TextIOWrapper:
        return open_private_log(self.folder, Path(self.baseFilename).name)

    def handleError(self, record: logging.LogRecord) -> None:
        # Never raise out of a log call, and never print a traceback about the log itself:
        # remember why, so that the crash dialog can say the log was not written.
        self.last_error = sys.exc_info()[1]


class CrashLog:
    """The log file, written from any thread."""

    def __init__(self, data_dir: Path, *, max_bytes: int = MAX_BYTES,
                 backup_count: int = BACKUP_COUNT) -> None:
        self.folder = Path(data_dir) / LOG_FOLDER
        self.path = self.folder / LOG_NAME
        self.handler = PrivateRotatingFileHandler(self.folder, max_bytes=max_bytes,
                                                  backup_count=backup_count)
        self.handler.setLevel(logging.WARNING)
        self._lock = threading.Lock()
        self._attached: logging.Logger | None = None

    def write(self, text: str) -> str | None:
        """Append one entry; None once it is written, else why it could not be."""
        record = logging.makeLogRecord({"name": "walkapp.crash", "levelno": logging.ERROR,
                                        "levelname": "ERROR", "msg": text})
        with self._lock:
            self.handler.last_error = None
            self.handler.handle(record)
            if self.handler.last_error is None and self.handler.stream is not None:
                try:
                    self.handler.flush()
                except OSError as error:
                    self.handler.last_error = error
            failure = self.handler.last_error
        return None if failure is None else describe_log_error(failure)

    def attach(self, logger_name: str = "walkapp") -> None:
        """Also keep walkapp's own warnings and errors (logging) in this file."""
        self._attached = logging.getLogger(logger_name)
        self._attached.addHandler(self.handler)

    def close(self) -> None:
        if self._attached is not None:
            self._attached.removeHandler(self.handler)
            self._attached = None
        self.handler.close()
