"""Create files and folders that only the user can read, and never through a planted link.

Kits, notes files, backups and the database hold colleagues' and children's names and
notes. Two things could leak or destroy them:

- the umask: with `umask 000`, `open(path, "w")` makes a file anyone can read and
  `Path.mkdir(parents=True, mode=0o700)` makes every missing parent 0777 (the mode is
  applied to the last folder only). Here every file is made 0600 and every folder 0700,
  set on the open descriptor whatever the umask;
- a symbolic (or hard) link planted where walkapp is about to write: opening it for
  writing would truncate and overwrite whatever it points at. Every temporary file gets a
  fresh, unpredictable name and is opened with O_CREAT|O_EXCL|O_NOFOLLOW, so an existing
  entry of that name (a planted link, or a leftover from a crash) is never opened; the
  finished file is renamed into place, which replaces a link at the target name instead
  of following it.

Folders that walkapp did not create are left as they are: `~/.local` belongs to the user.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from pathlib import Path

from walkapp.errors import StorageError
from walkapp.formatting import tr

PRIVATE_FILE = stat.S_IRUSR | stat.S_IWUSR   # 0600
PRIVATE_FOLDER = stat.S_IRWXU                # 0700
NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_POSIX = os.name == "posix"
_TRIES = 100


class UnsafePathError(StorageError):
    """A path walkapp writes to is a link or not the kind of file it should be."""


# -- folders ---------------------------------------------------------------------------------
def make_private_dirs(folder: Path) -> None:
    """Create `folder` and every missing parent, each 0700 whatever the umask.

    Folders that already exist are left exactly as they are (use `restrict_folder` for
    walkapp's own). Raises OSError (e.g. NotADirectoryError) like `Path.mkdir` would.
    """
    folder = Path(os.path.abspath(folder))
    missing: list[Path] = []
    probe = folder
    # lexists: a dangling link counts as present, so it is never "created" through.
    while not os.path.lexists(probe) and probe.parent != probe:
        missing.append(probe)
        probe = probe.parent
    for path in reversed(missing):
        try:
            os.mkdir(path, PRIVATE_FOLDER)
        except FileExistsError:
            continue  # made meanwhile by someone else: not ours to change
        # mkdir's mode is narrowed by the umask: set exactly 0700, on the folder itself
        # (not through a link, in case it was swapped right after mkdir).
        restrict_folder(path)
    if not folder.is_dir():
        raise NotADirectoryError(tr("{folder} is not a folder").format(folder=folder))


def restrict_folder(folder: Path) -> None:
    """Make one of walkapp's own folders (e.g. `backups/`) 0700, never through a link."""
    if not _POSIX:
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | _DIRECTORY | NOFOLLOW | CLOEXEC)
        try:
            os.fchmod(fd, PRIVATE_FOLDER)
        finally:
            os.close(fd)


def link_target(path: Path) -> str | None:
    """Where `path` points if it is a symbolic link, else None."""
    try:
        return os.readlink(path) if path.is_symlink() else None
    except OSError:
        return "?"


# -- files -----------------------------------------------------------------------------------
def restrict_file(path: Path) -> None:
    """Make an existing regular file 0600, without following a link at `path` (a link or a
    FIFO there is left alone)."""
    if not _POSIX:
        return
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY | NOFOLLOW | _NONBLOCK | CLOEXEC)
        try:
            if stat.S_ISREG(os.fstat(fd).st_mode):
                os.fchmod(fd, PRIVATE_FILE)
        finally:
            os.close(fd)


def create_private_file(path: Path) -> int:
    """Create `path` (which must not exist, not even as a link) 0600; return a write fd."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | NOFOLLOW | CLOEXEC, PRIVATE_FILE)
    if _POSIX:
        try:
            os.fchmod(fd, PRIVATE_FILE)
        except OSError:
            os.close(fd)
            raise
    return fd


def create_temp_beside(target: Path, tag: str = "part") -> tuple[int, Path]:
    """A new private file in `target`'s folder, named `.<target name>.<random>.<tag>`.

    The random part makes the name unpredictable and O_EXCL|O_NOFOLLOW makes sure it is a
    new file: a link planted at any name, or a temp file left by a crash, is never opened.
    """
    for _ in range(_TRIES):
        candidate = target.with_name(f".{target.name}.{secrets.token_hex(6)}.{tag}")
        try:
            return create_private_file(candidate), candidate
        except FileExistsError:
            continue
    raise FileExistsError(tr("no free temporary name beside {target}").format(target=target))


def write_private_atomically(target: Path, data: bytes) -> Path:
    """Write `data` to `target`, 0600: the old file or the new one survives a crash, never
    half of one; a link at `target` is replaced, not followed. Raises OSError."""
    target = Path(target)
    fd, temporary = create_temp_beside(target)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)  # our own fresh name: safe to remove
        raise
    fsync_folder(target.parent)
    return target


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` survive a power cut (POSIX; a no-op elsewhere)."""
    if not _POSIX:
        return
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY | CLOEXEC)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def refuse_links(*paths: Path) -> None:
    """Raise UnsafePathError if any of `paths` is a symbolic link (side files SQLite opens
    by name, e.g. `walkapp.sqlite3-wal`, would otherwise be written through it)."""
    for path in paths:
        target = link_target(path)
        if target is not None:
            raise UnsafePathError(
                tr("{path} is a symbolic link (to {target}); walkapp does not write through "
                   "links in its data folder, so nothing was changed. Move the link out of the "
                   "folder and try again.").format(path=path, target=target))


def read_small_text(path: Path, max_bytes: int) -> str | None:
    """The UTF-8 text of a regular file of at most `max_bytes` at `path`, or None: never
    through a link, never blocking on a FIFO, nothing bigger read (a small record of ours
    that something else replaced is treated as missing)."""
    try:
        fd = os.open(path, os.O_RDONLY | NOFOLLOW | _NONBLOCK | CLOEXEC)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > max_bytes:
            return None
        data = os.read(fd, max_bytes + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None
