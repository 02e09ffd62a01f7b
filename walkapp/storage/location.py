"""Warn when the data folder sits on a network drive or in a cloud-synced folder.

SQLite relies on file locks and on writes reaching the disk in order; network file systems
often break both, and sync clients (Dropbox, OneDrive…) copy the database file half-way
through a write or make "conflicted copies" of it. Either can damage the notes. walkapp
still opens there (refusing would leave the user with nothing), but says so once.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path, PurePath

from walkapp.formatting import N_, tr

# File system types (as in /proc/mounts) that live on another machine.
NETWORK_FILESYSTEMS = frozenset({
    "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "sshfs", "fuse.sshfs",
    "afs", "9p", "ncpfs", "coda", "davfs", "fuse.davfs2", "ceph", "fuse.ceph", "glusterfs",
    "fuse.glusterfs", "lustre", "gpfs", "fuse.rclone", "fuse.s3fs", "fuse.gcsfuse",
    "fuse.onedriver", "fuse.google-drive-ocamlfuse",
})

# Folder names that sync clients use (compared case-insensitively, per path component).
SYNCED_FOLDER_NAMES = (
    "dropbox", "onedrive", "google drive", "googledrive", "my drive", "icloud drive",
    "iclouddrive", "mobile documents", "com~apple~clouddocs", "box", "box sync", "pcloud",
    "pclouddrive", "nextcloud", "owncloud", "mega", "megasync", "sync.com", "tresorit",
    "seafile", "yandex.disk", "syncthing",
)


def location_warning(folder: Path, *, mounts_text: str | None = None,
                     platform: str | None = None) -> str | None:
    """A sentence for the user if `folder` looks networked or cloud-synced, else None.

    `mounts_text` (the contents of /proc/mounts) and `platform` (sys.platform) can be
    given by tests.
    """
    platform = platform or sys.platform
    synced = synced_folder_name(folder)
    if synced is not None:
        return tr("walkapp's data folder {folder} is inside a cloud-synced folder (“{synced}”). "
                  "Sync programs can copy the database half-way through a save and damage it. "
                  "Choose a folder on this computer with --data-dir (backups can still be "
                  "copied to the cloud).").format(folder=folder, synced=synced)
    kind = network_filesystem(folder, mounts_text=mounts_text, platform=platform)
    if kind is not None:
        # (the file system's type, "nfs", or Windows' kind of drive, marked N_ below)
        return tr("walkapp's data folder {folder} is on a network drive ({kind}). Saving there "
                  "can be slow and may damage the database if the connection drops. Choose a "
                  "folder on this computer with --data-dir.").format(folder=folder, kind=tr(kind))
    return None


def synced_folder_name(folder: PurePath) -> str | None:
    """The path component that looks like a sync client's folder, if any."""
    for part in folder.parts:
        lowered = part.casefold()
        for name in SYNCED_FOLDER_NAMES:
            # "Dropbox", "Dropbox (Personal)", "OneDrive - School District" all count.
            if lowered == name or lowered.startswith(f"{name} (") or \
                    lowered.startswith(f"{name} - "):
                return part
    return None


def network_filesystem(folder: Path, *, mounts_text: str | None = None,
                       platform: str | None = None) -> str | None:
    """The network file system type `folder` lives on, or None if local or unknown."""
    platform = platform or sys.platform
    if platform.startswith("win"):
        return _windows_network_drive(folder)
    if not platform.startswith("linux"):
        return None
    if mounts_text is None:
        try:
            mounts_text = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    target = _resolved_path(folder)
    best_point, best_type = "", ""
    for line in mounts_text.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = _unescape_mount(fields[1])
        if _is_within(target, point) and len(point) > len(best_point):
            best_point, best_type = point, fields[2]
    if best_type in NETWORK_FILESYSTEMS or best_type.startswith("nfs"):
        return best_type
    return None


def _resolved_path(folder: Path) -> str:
    """The folder with symlinks resolved in the part that exists (the data folder itself
    may not exist yet; the rest of the path is kept as written)."""
    path = folder.absolute()
    tail: list[str] = []
    while not path.exists() and path.parent != path:
        tail.append(path.name)
        path = path.parent
    with contextlib.suppress(OSError):
        path = path.resolve()
    return str(path.joinpath(*reversed(tail)))


def _is_within(path: str, mount_point: str) -> bool:
    if mount_point == "/":
        return True
    return path == mount_point or path.startswith(mount_point.rstrip("/") + "/")


def _unescape_mount(field: str) -> str:
    """/proc/mounts writes spaces and tabs in mount points as octal escapes (\\040)."""
    return (field.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n")
            .replace("\\134", "\\"))


def _windows_network_drive(folder: Path) -> str | None:
    text = str(folder)
    if text.startswith(("\\\\", "//")) and not text.startswith(("\\\\?\\", "\\\\.\\")):
        return N_("network share")
    if os.name != "nt":
        return None
    import ctypes

    drive = os.path.splitdrive(os.path.abspath(text))[0]
    if not drive:
        return None
    drive_remote = 4
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    if kernel32.GetDriveTypeW(f"{drive}\\") == drive_remote:
        return N_("network drive")
    return None
