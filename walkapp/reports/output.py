"""Write a finished PDF to disk atomically: all of it, or nothing and a clear message.

The bytes go to a temporary file in the destination folder (so the final rename never
crosses file systems), are flushed to the disk, and only then replace the target. A full
disk or a pulled USB stick leaves any earlier file of that name untouched, and no half-file.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import tempfile
from pathlib import Path

from walkapp.errors import ReadOnlyError, StorageError, ValidationError
from walkapp.formatting import tr
from walkapp.storage.os_errors import DISK_FULL_ERRNOS, ErrorContext, disk_full_error


def write_pdf(path: str | os.PathLike[str], data: bytes) -> Path:
    """Atomically write `data` to `path`; returns the absolute path written."""
    target = Path(path).expanduser().absolute()
    folder = target.parent
    if target.is_dir():
        raise ValidationError(tr("{path} is a folder; give a file name such as {example}.")
                              .format(path=target, example=target / "report.pdf"))
    if not folder.is_dir():
        raise ValidationError(tr("The folder {folder} does not exist; choose another place "
                                 "to save the report.").format(folder=folder))
    temp_name = ""
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part",
                                         dir=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, target)
        temp_name = ""
        _sync_folder(folder)
    except OSError as error:
        raise _explain(error, target) from error
    finally:
        if temp_name:
            with contextlib.suppress(OSError):
                os.unlink(temp_name)
    return target


def remove_unfinished(path: str | os.PathLike[str]) -> None:
    """Delete the temporary files an export cut short (stopped, killed) left beside `path`:
    `.NAME.*.part`, a name only `write_pdf` gives. The target itself is never touched."""
    target = Path(path).expanduser().absolute()
    try:
        leftovers = list(target.parent.glob(f".{glob.escape(target.name)}.*.part"))
    except OSError:
        return
    for leftover in leftovers:
        with contextlib.suppress(OSError):
            if leftover.is_file() and not leftover.is_symlink():
                leftover.unlink()


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); harmless where folders cannot be opened."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _explain(error: OSError, target: Path) -> StorageError:
    code = error.errno
    if code in DISK_FULL_ERRNOS:
        return disk_full_error(ErrorContext(tr("saving the report to {path}").format(
                                                path=target),
                                            space_of=target.parent))
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ReadOnlyError(tr("walkapp may not write to {folder}. Choose a folder you can "
                                "save to, such as your Documents folder.").format(
                                    folder=target.parent))
    reason = error.strerror or type(error).__name__
    return StorageError(tr("The report could not be saved to {path} ({reason}). Try "
                           "another folder.").format(path=target, reason=reason))
