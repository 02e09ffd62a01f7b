"""Scrub walks that were removed for good out of the copies in `backups/`.

Removing a walk for good (emptying the Trash, its 30-day expiry, `walkapp purge`) deletes
its rows from the database with `secure_delete`; without this module its text would still
sit in every backup until the rotation ages the copy out — up to eight weeks.

Each backup is rewritten on its own, and only if it holds any of the walks:

1. it is checked (`verify_backup`) and copied into memory with SQLite's backup API, so the
   text to remove never passes through another file on disk;
2. the walks' rows are deleted with foreign keys on, so SQLite's own ON DELETE rules *as
   declared in that file* remove what belongs to them — a backup of an older schema
   revision loses exactly the rows it has. Columns called `walk_id`/`origin_walk_id` that
   the file declares no key for are deleted by name, and people who were only named by the
   removed rows go too (as a purge does in the database);
3. `VACUUM INTO` writes a fresh, compact file (no free page keeps old text) to a private
   temp file beside the backup; it is verified again (integrity, walkapp's tables, none of
   the walks left, every other walk still there), fsynced, and renamed over the backup in
   one step. Anything failing on the way leaves the backup exactly as it was, and the
   outcome says why.

Links and files walkapp did not name are never opened for writing.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from walkapp import formatting as fmt
from walkapp.storage import search_index
from walkapp.storage.backup import list_backups, verify_backup
from walkapp.storage.snapshot import fsync_folder

# Columns that name a walk in every schema revision walkapp has had (for a file that
# declares no foreign key on them).
WALK_COLUMNS = ("walk_id", "origin_walk_id")


class ScrubStatus(StrEnum):
    SCRUBBED = "scrubbed"   # held some of the walks; rewritten without them
    CLEAN = "clean"         # held none of them; left byte for byte
    FAILED = "failed"       # could not be checked or rewritten; left exactly as it was


@dataclass(frozen=True)
class ScrubOutcome:
    path: Path
    status: ScrubStatus
    rows_removed: int = 0
    problem: str | None = None


@dataclass(frozen=True)
class ScrubReport:
    outcomes: tuple[ScrubOutcome, ...]

    def _with(self, status: ScrubStatus) -> tuple[ScrubOutcome, ...]:
        return tuple(o for o in self.outcomes if o.status is status)

    @property
    def scrubbed(self) -> tuple[ScrubOutcome, ...]:
        return self._with(ScrubStatus.SCRUBBED)

    @property
    def clean(self) -> tuple[ScrubOutcome, ...]:
        return self._with(ScrubStatus.CLEAN)

    @property
    def failed(self) -> tuple[ScrubOutcome, ...]:
        return self._with(ScrubStatus.FAILED)

    def summary(self) -> str:
        """One phrase for the user: "removed from 7 backups"."""
        parts = []
        if self.scrubbed:
            parts.append(fmt.plural(len(self.scrubbed), "removed from {n} backup",
                                    "removed from {n} backups"))
        if self.failed:
            parts.append(fmt.plural(len(self.failed), "{n} backup could not be scrubbed",
                                    "{n} backups could not be scrubbed"))
        return "; ".join(parts) or fmt.tr("no backups held it")

    def as_json(self) -> dict[str, object]:
        return {"summary": self.summary(),
                "scrubbed": [str(o.path) for o in self.scrubbed],
                "clean": [str(o.path) for o in self.clean],
                "failed": [{"path": str(o.path), "problem": o.problem} for o in self.failed]}


# -- every backup -----------------------------------------------------------------------------
def scrub_backups(backup_dir: Path, walk_ids: Collection[str]) -> ScrubReport:
    """Rewrite every walkapp backup in `backup_dir` that holds any of `walk_ids`."""
    ids = sorted(set(walk_ids))
    if not ids:
        return ScrubReport(())
    if backup_dir.is_symlink():
        return ScrubReport((ScrubOutcome(backup_dir, ScrubStatus.FAILED, problem=(
            fmt.tr("the backups folder is a link to somewhere else; walkapp left it alone"))),))
    return ScrubReport(tuple(scrub_backup(info.path, ids)
                             for info in list_backups(backup_dir)))


def scrub_backup(path: Path, walk_ids: Collection[str]) -> ScrubOutcome:
    """Rewrite one backup without the rows of `walk_ids` (see the module docstring)."""
    ids = sorted(set(walk_ids))
    if path.is_symlink():
        return ScrubOutcome(path, ScrubStatus.FAILED, problem=(
            fmt.tr("it is a link to another file; walkapp left it alone. Delete it if it is not "
                   "yours")))
    problems = verify_backup(path, quick=True)
    if problems:
        return ScrubOutcome(path, ScrubStatus.FAILED, problem=(
            fmt.tr("it cannot be checked ({problem}), so it may still hold the walk. Delete it "
                   "if `walkapp backups --check` says it is damaged").format(
                problem=problems[0])))
    # Our own temp name for this copy (a new backup in the making has a name that does
    # not exist yet), so anything there is left over from an interrupted scrub.
    temporary = path.with_name(f".{path.name}.part")
    _remove(temporary)
    try:
        if not _holds_any(path, ids):
            return ScrubOutcome(path, ScrubStatus.CLEAN)
        return _rewrite(path, temporary, ids)
    except (sqlite3.Error, OSError) as error:
        _remove(temporary)
        return ScrubOutcome(path, ScrubStatus.FAILED, problem=(
            fmt.tr("it could not be rewritten ({reason}); it was kept as it was").format(
                reason=_reason(error))))


def _reason(error: BaseException) -> str:
    import errno

    if isinstance(error, OSError):
        if error.errno == errno.ENOSPC:
            return fmt.tr("the disk is full")
        return error.strerror or str(error)
    # By SQLite's result code, not its wording (primary code in the low byte).
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int) and code & 0xFF == sqlite3.SQLITE_FULL:
        return fmt.tr("the disk is full")
    return str(error)


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def _rewrite(path: Path, temporary: Path, ids: list[str]) -> ScrubOutcome:
    memory = _load_into_memory(path)
    try:
        before = _counts(memory)
        other_walks = _other_walks(memory, ids)
        dangling = _dangling(memory)
        _delete_walks(memory, ids)
        after = _counts(memory)
        removed = sum(before.values()) - sum(after.values())
        if removed == 0:
            return ScrubOutcome(path, ScrubStatus.CLEAN)
        # The copy's search index (migration 0012) drops the walks' words too.
        search_index.forget_deleted(memory.execute)
        _create_private(temporary)
        memory.execute("VACUUM INTO ?", (str(temporary),))
    finally:
        memory.close()
    problems = verify_backup(temporary) or _still_there(temporary, ids, other_walks, dangling)
    if problems:
        _remove(temporary)
        return ScrubOutcome(path, ScrubStatus.FAILED, problem=(
            fmt.tr("the rewritten copy did not pass the check ({problem}); the backup was kept "
                   "as it was").format(problem=problems[0])))
    info = path.stat()
    with open(temporary, "rb") as handle:
        os.fsync(handle.fileno())
    # Keep the copy's own time: the rotation and `backups` order copies by it.
    os.utime(temporary, ns=(info.st_atime_ns, info.st_mtime_ns))
    os.replace(temporary, path)
    fsync_folder(path.parent)
    return ScrubOutcome(path, ScrubStatus.SCRUBBED, rows_removed=removed)


def _holds_any(path: Path, ids: list[str]) -> bool:
    """Whether the copy has a row of any of the walks (read-only; most old copies do not,
    and are then left byte for byte without being loaded)."""
    conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        return _count_left(conn, ids) > 0
    finally:
        conn.close()


def _count_left(conn: sqlite3.Connection, ids: list[str]) -> int:
    marks = ",".join("?" * len(ids))
    total = 0
    for table in _tables(conn):
        columns = ["id"] if table == "walks" else \
            [c for c in _columns(conn, table) if c in WALK_COLUMNS]
        for column in columns:
            total += int(conn.execute(f"SELECT count(*) FROM main.{_quote(table)} WHERE "
                                      f"{_quote(column)} IN ({marks})", ids).fetchone()[0])
    return total


def _load_into_memory(path: Path) -> sqlite3.Connection:
    source = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        page_size = int(source.execute("PRAGMA page_size").fetchone()[0])
        memory = sqlite3.connect(":memory:", isolation_level=None)
        try:
            # An in-memory target must have the source's page size before the copy.
            memory.execute(f"PRAGMA page_size = {page_size}")
            source.backup(memory)
            memory.execute("PRAGMA foreign_keys = ON")
        except BaseException:
            memory.close()
            raise
    finally:
        source.close()
    return memory


def _create_private(path: Path) -> None:
    """An empty file only the user can read, for VACUUM INTO (which accepts an empty
    file); never through a link, never someone else's file."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        handle = os.open(path, flags, stat.S_IRUSR | stat.S_IWUSR)
    except FileExistsError:
        # Left over from an interrupted scrub (the name is walkapp's own): start again.
        path.unlink()
        handle = os.open(path, flags, stat.S_IRUSR | stat.S_IWUSR)
    os.close(handle)


# -- what the file holds ----------------------------------------------------------------------
def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _tables(conn: sqlite3.Connection) -> list[str]:
    return [str(r[0]) for r in conn.execute(
        "SELECT name FROM main.sqlite_master WHERE type = 'table' "
        "AND name NOT LIKE 'sqlite_%' ORDER BY name")]


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [str(r[1]) for r in conn.execute(f"PRAGMA main.table_info({_quote(table)})")]


def _keys(conn: sqlite3.Connection, table: str) -> list[tuple[str, str]]:
    """(column, referred table) of each foreign key the file declares on `table`."""
    return [(str(r[3]), str(r[2])) for r in conn.execute(
        f"PRAGMA main.foreign_key_list({_quote(table)})")]


def _counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {t: int(conn.execute(f"SELECT count(*) FROM main.{_quote(t)}").fetchone()[0])
            for t in _tables(conn)}


def _other_walks(conn: sqlite3.Connection, ids: list[str]) -> int:
    if "walks" not in _tables(conn):
        return 0
    marks = ",".join("?" * len(ids))
    return int(conn.execute(f"SELECT count(*) FROM main.walks WHERE id NOT IN ({marks})",
                            ids).fetchone()[0])


def _undeclared_walk_columns(conn: sqlite3.Connection) -> Iterable[tuple[str, str]]:
    for table in _tables(conn):
        declared = {column for column, parent in _keys(conn, table) if parent == "walks"}
        for column in _columns(conn, table):
            if column in WALK_COLUMNS and column not in declared:
                yield table, column


def _delete_walks(conn: sqlite3.Connection, ids: list[str]) -> None:
    tables = _tables(conn)
    if "walks" not in tables:
        return
    conn.execute("CREATE TEMP TABLE scrub_walks (id TEXT PRIMARY KEY)")
    conn.executemany("INSERT OR IGNORE INTO temp.scrub_walks VALUES (?)", [(i,) for i in ids])
    people_columns = [(t, c) for t in tables for c, parent in _keys(conn, t)
                      if parent == "people"] if "people" in tables else []
    conn.execute("BEGIN")
    try:
        named_before = _people_named(conn, people_columns)
        for table, column in _undeclared_walk_columns(conn):
            conn.execute(f"DELETE FROM main.{_quote(table)} WHERE {_quote(column)} IN "
                         "(SELECT id FROM temp.scrub_walks)")
        # With foreign keys on, the file's own ON DELETE rules remove what belongs to
        # the walks (notes, visits, tags, follow-ups…), table by table as it declares them.
        conn.execute("DELETE FROM main.walks WHERE id IN (SELECT id FROM temp.scrub_walks)")
        gone = named_before - _people_named(conn, people_columns)
        conn.executemany("DELETE FROM main.people WHERE id = ?", [(p,) for p in gone])
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _people_named(conn: sqlite3.Connection, columns: list[tuple[str, str]]) -> set[str]:
    named: set[str] = set()
    for table, column in columns:
        named.update(str(r[0]) for r in conn.execute(
            f"SELECT DISTINCT {_quote(column)} FROM main.{_quote(table)} "
            f"WHERE {_quote(column)} IS NOT NULL"))
    return named


def _dangling(conn: sqlite3.Connection) -> int:
    """Rows pointing at missing rows (a copy may have had some before; none may be added)."""
    return len(conn.execute("PRAGMA main.foreign_key_check").fetchall())


def _still_there(path: Path, ids: list[str], other_walks: int, dangling: int) -> list[str]:
    """Problems if the rewritten file still holds one of the walks, or lost another one."""
    conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        left = _count_left(conn, ids)
        if left:
            return [fmt.plural(left, "{n} row of the removed walks is still in it",
                               "{n} rows of the removed walks are still in it")]
        if _other_walks(conn, ids) != other_walks:
            return [fmt.tr("other walks were lost on the way")]
        if _dangling(conn) > dangling:
            return [fmt.tr("a row points at a row that is not there")]
    finally:
        conn.close()
    return []
