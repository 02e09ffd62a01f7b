"""Apply Alembic migrations at startup, after copying the database file aside.

Alembic (with Mako and the dialects it loads) costs more to import than the rest of
opening a database, and almost every open finds the schema already at the newest revision.
So the revisions are read from the migration scripts' own `revision = "…"` /
`down_revision = "…"` lines, without Alembic, and Alembic is imported only when a database
is behind (or new, or at a revision the scripts do not name: Alembic then decides, exactly
as before). tests/core/test_cli_imports.py checks that this reading agrees with Alembic's.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    from sqlalchemy.engine import Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# Alembic keeps the running migration in module globals (`op`, `context`): two databases
# opened at once on two threads would share them and crash. One upgrade at a time.
_UPGRADE_LOCK = threading.Lock()
# Reading the revision files costs tens of milliseconds; the answer cannot change while
# the program runs, so every open after the first asks a cached copy.
_SCRIPTS: dict[Path, ScriptDirectory] = {}
_SCRIPTS_LOCK = threading.Lock()
# The same for the plain reading of the scripts: (known revisions, head) or None.
_FILES: dict[Path, tuple[frozenset[str], str] | None] = {}

# Alembic writes `revision = '0001'` (or "0001", or `revision: str = …`) at the top level.
_REVISION = re.compile(r"""^revision(?:\s*:\s*str)?\s*=\s*(['"])([^'"\s]+)\1\s*$""", re.M)
_DOWN = re.compile(r"""^down_revision(?:\s*:[^=]+)?\s*=\s*(?:None|(['"])([^'"\s]+)\1)\s*$""",
                   re.M)


class UnknownRevisionError(Exception):
    """The database's schema revision is not one this walkapp knows (written by a newer one)."""

    def __init__(self, revision: str) -> None:
        super().__init__(revision)
        self.revision = revision


def alembic_config(url: str | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def script_directory() -> ScriptDirectory:
    """The migration scripts (revision map loaded), cached per migrations folder."""
    from alembic.script import ScriptDirectory

    with _SCRIPTS_LOCK:
        script = _SCRIPTS.get(MIGRATIONS_DIR)
        if script is None:
            script = ScriptDirectory.from_config(alembic_config())
            script.get_current_head()  # load the revision map while holding the lock
            _SCRIPTS[MIGRATIONS_DIR] = script
        return script


def read_revision(text: str) -> tuple[str, str | None] | None:
    """(revision, down_revision) as a migration script states them, or None when it does
    not state them in the plain form Alembic writes (a merge, a computed value…)."""
    revisions = _REVISION.findall(text)
    downs = _DOWN.findall(text)
    if len(revisions) != 1 or len(downs) != 1:
        return None
    return revisions[0][1], downs[0][1] or None


def revisions_from_files(folder: Path) -> tuple[frozenset[str], str] | None:
    """Every revision in `folder`/versions and the one head, read without Alembic; None if
    any script cannot be read plainly or the history is not one line (then ask Alembic)."""
    try:
        paths = sorted((folder / "versions").glob("*.py"))
        found = {}
        for path in paths:
            if path.name == "__init__.py":
                continue
            stated = read_revision(path.read_text(encoding="utf-8"))
            if stated is None:
                return None
            found[stated[0]] = stated[1]
    except (OSError, UnicodeDecodeError):
        return None
    if not found:
        return None
    known = frozenset(found)
    parents = set(found.values())
    heads = [revision for revision in known if revision not in parents]
    # One line of history: one root, every parent a known revision, one head.
    roots = [revision for revision, down in found.items() if down is None]
    if len(heads) != 1 or len(roots) != 1 or not (parents - {None}) <= known:
        return None
    return known, heads[0]


def _from_files() -> tuple[frozenset[str], str] | None:
    folder = MIGRATIONS_DIR
    with _SCRIPTS_LOCK:
        if folder not in _FILES:
            _FILES[folder] = revisions_from_files(folder)
        return _FILES[folder]


def head_revision() -> str:
    read = _from_files()
    if read is not None:
        return read[1]
    head = script_directory().get_current_head()
    assert head is not None
    return head


def is_known_revision(revision: str) -> bool:
    """Whether `revision` is one of our migration scripts (exactly: not a prefix of one).

    A database at an unknown revision was written by a newer walkapp and cannot be opened.
    """
    read = _from_files()
    if read is not None:
        return revision in read[0]
    return any(script.revision == revision for script in script_directory().walk_revisions())


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def _stored_revisions(engine: Engine) -> list[str] | None:
    """What the alembic_version table holds, read with plain SQL; None without the table
    (a new, empty database: Alembic creates the schema).

    Any other failure (locked, damaged, not a database) is raised as it is, as Alembic's
    own read of the table would raise it: asking again through Alembic would only wait out
    a lock a second time before saying the same."""
    from sqlalchemy.exc import DBAPIError

    try:
        with engine.connect() as connection:
            rows = connection.exec_driver_sql("SELECT version_num FROM alembic_version")
            return [str(row[0]) for row in rows]
    except DBAPIError as error:
        if _no_such_table(error.orig):
            return None
        raise


def _no_such_table(error: BaseException | None) -> bool:
    # SQLite: "no such table: alembic_version"; PostgreSQL: relation "…" does not exist.
    text = str(error).lower()
    return "no such table" in text or ("relation" in text and "does not exist" in text)


def upgrade_to_head(engine: Engine, copy_aside: Callable[[str], str | None] | None = None
                    ) -> str | None:
    """Bring the schema to the newest revision.

    When an existing database is about to change, `copy_aside(its current revision)` runs
    first (under the upgrade lock; an exception stops the upgrade) and its result, the path
    of the copy made, is returned. The caller supplies it (walkapp.storage.db: a checked
    backup), so this module needs nothing from the backups, which need it.
    """
    with _UPGRADE_LOCK:
        read = _from_files()
        if read is not None and _stored_revisions(engine) == [read[1]]:
            return None  # at head: nothing to do, and no need for Alembic to say so
        return _upgrade_to_head(engine, copy_aside)


def _upgrade_to_head(engine: Engine, copy_aside: Callable[[str], str | None] | None
                     ) -> str | None:
    from alembic import command

    config = alembic_config()
    script = script_directory()
    head = script.get_current_head()
    current = current_revision(engine)
    if current == head:
        return None
    if current is not None:
        try:
            script.get_revision(current)
        except Exception:
            raise UnknownRevisionError(current) from None
    copy_made: str | None = None
    if current is not None and copy_aside is not None:
        copy_made = copy_aside(current)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return copy_made
