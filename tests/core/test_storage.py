"""The SQLite store: pragmas, migrations from empty, copy-aside before migrating, errors."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from walkapp.config import Settings
from walkapp.errors import NewerDatabaseError
from walkapp.storage import migrate, search_index
from walkapp.storage.db import Database
from walkapp.storage.models import Base


def test_pragmas_on_every_connection(settings: Settings) -> None:
    with Database(settings) as db, db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
        assert conn.exec_driver_sql("PRAGMA secure_delete").scalar() == 1


def test_migrating_an_empty_database_matches_the_models(settings: Settings) -> None:
    with Database(settings) as db:
        assert migrate.current_revision(db.engine) == migrate.head_revision()
        with db.engine.connect() as conn:
            # The search index (migration 0012) is SQL, not models.
            context = MigrationContext.configure(
                conn, opts={"include_name": search_index.include_name})
            differences = compare_metadata(context, Base.metadata)
        assert differences == []
        assert db.integrity_check() == []


def test_files_are_private_to_the_user(settings: Settings) -> None:
    if os.name != "posix":
        pytest.skip("POSIX permissions")
    with Database(settings) as db:
        assert db.path is not None
        assert stat.S_IMODE(db.path.stat().st_mode) == 0o600
        assert stat.S_IMODE(db.path.parent.stat().st_mode) == 0o700


def test_a_newer_database_is_refused_and_left_untouched(settings: Settings) -> None:
    with Database(settings):
        pass
    path = settings.sqlite_path
    assert path is not None
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'zz99'")
    before = path.read_bytes()
    with pytest.raises(NewerDatabaseError, match="newer walkapp"):
        Database(settings).open()
    assert path.read_bytes() == before


SECOND_REVISION = '''"""Test-only revision: add a column."""
import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("walks") as batch:
        batch.add_column(sa.Column("test_extra", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("walks") as batch:
        batch.drop_column("test_extra")
'''


def test_migration_copies_the_database_aside_first(settings: Settings, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import date

    from walkapp.services import NewWalk, Services

    db = Database(settings).open()
    Services.create(db).walks.create_walk(NewWalk(title="Before", walk_date=date(2026, 1, 5)))
    db.close()
    head = migrate.head_revision()
    scripts = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, scripts)
    (scripts / "versions" / "9999_test.py").write_text(SECOND_REVISION.format(head=head))
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", scripts)

    with Database(settings) as db2, db2.engine.connect() as conn:
        columns = [row[1] for row in conn.exec_driver_sql("PRAGMA table_info(walks)")]
        assert "test_extra" in columns
        assert conn.exec_driver_sql("SELECT title FROM walks").scalar() == "Before"
    copies = list(settings.backup_dir.glob(f"pre-migration-{head}-*.sqlite3"))
    assert len(copies) == 1
    with sqlite3.connect(copies[0]) as old:
        assert old.execute("SELECT version_num FROM alembic_version").fetchone() == (head,)
        columns = [row[1] for row in old.execute("PRAGMA table_info(walks)")]
        assert "test_extra" not in columns
        assert old.execute("SELECT title FROM walks").fetchone() == ("Before",)


def test_data_folder_that_cannot_be_created_gives_a_clear_message(tmp_path: Path) -> None:
    from walkapp.config import resolve_settings
    from walkapp.errors import StorageError

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(StorageError, match="data folder"):
        Database(resolve_settings(blocker / "inner")).open()


def test_backup_now_writes_a_consistent_private_copy(settings: Settings) -> None:
    from datetime import date

    from walkapp.services import NewWalk, Services
    from walkapp.storage.backup import backup_now

    db = Database(settings).open()
    Services.create(db).walks.create_walk(NewWalk(title="Kept", walk_date=date(2026, 2, 2)))
    first = backup_now(db, "Before import!")
    second = backup_now(db, "Before import!")
    db.close()
    assert first is not None and second is not None and first != second
    assert first.name.startswith("before-import-")
    with sqlite3.connect(first) as copy:
        assert copy.execute("SELECT title FROM walks").fetchone() == ("Kept",)
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    if os.name == "posix":
        assert stat.S_IMODE(first.stat().st_mode) == 0o600
