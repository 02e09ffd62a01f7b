"""Which database file walkapp opened, and the check that the path still leads to it.

`Database` reaches its file through connections opened by path and kept per thread
(walkapp.storage.pool). If the file is moved away and another put in its place
(`mv other.db walkapp.sqlite3`), a new connection would silently open the other file, and
a connection opened before the swap writes into the file that was moved away. SQLite
notices neither in WAL mode (it reports SQLITE_READONLY_DBMOVED only with a rollback
journal), so walkapp remembers the file's (device, inode) when it opens the database and
compares it with one `os.stat` of the path:

- just before and just after each new connection is made (so none is opened on another
  file),
- each time a thread takes its connection for a transaction (the pool's checkout), so a
  read or a write never starts on a file that is not ours any more — a kept connection
  that was opened on the moved-away file is closed then, never used again, and
- just before each COMMIT (so a swap while a transaction runs commits nothing, in either
  file: the transaction is rolled back and the text stays in the editor).

Nothing is checked after a transaction: the next one checks before it reads. Python's
sqlite3 does not expose the connection's file descriptor, so the connection is bound to
the file by the two checks around its opening; a swap and a swap back within those
microseconds is the one case it cannot see.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from walkapp.storage.os_errors import (
    ErrorContext,
    database_gone_error,
    database_replaced_error,
)


@dataclass(frozen=True)
class FileIdentity:
    """A file as the operating system knows it, whatever its name: (device, inode)."""

    device: int
    inode: int

    @classmethod
    def of(cls, path: Path) -> FileIdentity | None:
        """The identity of the file at `path` now (following links), or None if none."""
        try:
            info = os.stat(path)
        except OSError:
            return None
        return cls(info.st_dev, info.st_ino)


def require_same_file(path: Path, expected: FileIdentity, where: str = "") -> None:
    """Raise DatabaseMissingError unless `path` still leads to the file `expected`."""
    current = FileIdentity.of(path)
    if current == expected:
        return
    context = ErrorContext(where, path)
    if current is None:
        raise database_gone_error(context, path)
    raise database_replaced_error(context, path)
