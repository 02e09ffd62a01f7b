"""Apply Alembic migrations at startup, after copying the database file aside."""

from __future__ import annotations

import threading
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


def upgrade_to_head(engine: Engine, path: Path | None, backup_dir: Path | None) -> str | None:
    """Bring the schema to the newest revision. Returns the path of the copy made, if any."""
    with _UPGRADE_LOCK:
        return _upgrade_to_head(engine, path, backup_dir)


def _upgrade_to_head(engine: Engine, path: Path | None, backup_dir: Path | None) -> str | None:
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
    if current is not None and path is not None and backup_dir is not None and path.exists():
        # Imported here: backup imports db, which imports this module.
        from walkapp.storage.backup import backup_file, rotate_quietly

        # Checked and rotated like every other copy; a damaged database is not migrated.
        copy_made = str(backup_file(path, backup_dir, f"pre-migration-{current}"))
        rotate_quietly(backup_dir)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return copy_made
