"""Apply Alembic migrations at startup, after copying the database file aside."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
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


class UnknownRevisionError(Exception):
    """The database's schema revision is not one this walkapp knows (written by a newer one)."""

    def __init__(self, revision: str) -> None:
        super().__init__(revision)
        self.revision = revision


def alembic_config(url: str | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def script_directory() -> ScriptDirectory:
    """The migration scripts (revision map loaded), cached per migrations folder."""
    with _SCRIPTS_LOCK:
        script = _SCRIPTS.get(MIGRATIONS_DIR)
        if script is None:
            script = ScriptDirectory.from_config(alembic_config())
            script.get_current_head()  # load the revision map while holding the lock
            _SCRIPTS[MIGRATIONS_DIR] = script
        return script


def head_revision() -> str:
    head = script_directory().get_current_head()
    assert head is not None
    return head


def is_known_revision(revision: str) -> bool:
    """Whether `revision` is one of our migration scripts (exactly: not a prefix of one).

    A database at an unknown revision was written by a newer walkapp and cannot be opened.
    """
    return any(script.revision == revision for script in script_directory().walk_revisions())


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade_to_head(engine: Engine, copy_aside: Callable[[str], str | None] | None = None
                    ) -> str | None:
    """Bring the schema to the newest revision.

    When an existing database is about to change, `copy_aside(its current revision)` runs
    first (under the upgrade lock; an exception stops the upgrade) and its result, the path
    of the copy made, is returned. The caller supplies it (walkapp.storage.db: a checked
    backup), so this module needs nothing from the backups, which need it.
    """
    with _UPGRADE_LOCK:
        return _upgrade_to_head(engine, copy_aside)


def _upgrade_to_head(engine: Engine, copy_aside: Callable[[str], str | None] | None
                     ) -> str | None:
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
