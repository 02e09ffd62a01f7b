"""Apply Alembic migrations at startup, after copying the database file aside."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine

from walkapp.storage.snapshot import copy_database

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


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


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade_to_head(engine: Engine, path: Path | None, backup_dir: Path | None) -> str | None:
    """Bring the schema to the newest revision. Returns the path of the copy made, if any."""
    config = alembic_config()
    script = ScriptDirectory.from_config(config)
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
        from walkapp.storage.db import timestamp_for_filename

        target = backup_dir / f"pre-migration-{current}-{timestamp_for_filename()}.sqlite3"
        copy_database(path, target)
        copy_made = str(target)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return copy_made
