"""A database file that is missing, empty, cut short or unreadable, and a snapshot of a
folder to prove that a command refused without creating or changing any file."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path


def _missing(path: Path) -> None:
    path.unlink()


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _cut_mid_page(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:3000])


def _cut_at_page(path: Path) -> None:
    # Whole pages only: the header is intact and only its page count shows what is gone.
    data = path.read_bytes()
    page = int.from_bytes(data[16:18], "big") or 65536
    assert len(data) > 2 * page
    path.write_bytes(data[:2 * page])


def _no_tables(path: Path) -> None:
    # A valid SQLite file with nothing in it (what a first start that stopped early leaves).
    path.unlink()
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA user_version = 7")
    connection.close()


def _folder(path: Path) -> None:
    path.unlink()
    path.mkdir()


def _dangling_link(path: Path) -> None:
    path.unlink()
    path.symlink_to(path.with_name("moved-away.sqlite3"))


def _unreadable(path: Path) -> None:
    path.chmod(0)


def _not_sqlite(path: Path) -> None:
    path.write_bytes(b"PK\x03\x04 a zip, not a database" * 50)


# name -> how to put a healthy database file into that state.
STATES: dict[str, Callable[[Path], None]] = {
    "missing": _missing,
    "empty": _empty,
    "cut-mid-page": _cut_mid_page,
    "cut-at-page": _cut_at_page,
    "no-tables": _no_tables,
    "folder": _folder,
    "dangling-link": _dangling_link,
    "unreadable": _unreadable,
    "not-sqlite": _not_sqlite,
}

# Permissions do not stop root from reading a file.
NEEDS_NON_ROOT = {"unreadable"}


def running_as_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def snapshot(folder: Path) -> dict[str, tuple[str, bytes | str | None, int]]:
    """Every entry under `folder` (links not followed): kind, contents, permission bits."""
    found: dict[str, tuple[str, bytes | str | None, int]] = {}
    if not folder.exists():
        return found
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            entry = Path(root) / name
            info = entry.lstat()
            mode = stat.S_IMODE(info.st_mode)
            key = str(entry.relative_to(folder))
            if stat.S_ISLNK(info.st_mode):
                found[key] = ("link", os.readlink(entry), mode)
            elif stat.S_ISDIR(info.st_mode):
                found[key] = ("dir", None, mode)
            elif stat.S_ISREG(info.st_mode):
                try:
                    content: bytes | None = entry.read_bytes()
                except PermissionError:
                    content = None
                found[key] = ("file", content, mode)
            else:
                found[key] = ("other", None, mode)
    return found
