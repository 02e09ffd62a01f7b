"""What each command loads (issue 13, item 4): a command imports only what it needs.

`walkapp --help` prints text: it needs no database layer, no PDF library, no services.
`walkapp list` on a database already at the newest schema needs no Alembic (Alembic is for
migrating, and only a database that is behind is migrated). Each check runs the real
command in a fresh interpreter under `python -X importtime`, which names every module the
first time it is imported; they check what is loaded, never how long it takes.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from walkapp.cli import main
from walkapp.storage import migrate

# Never needed to print help, a version or a usage error.
NOT_FOR_HELP = ("alembic", "mako", "sqlalchemy", "reportlab", "babel", "pygments",
                "walkapp.services", "walkapp.bundles", "walkapp.storage", "walkapp.reports.api",
                "walkapp.protocol", "walkapp.domain")
# Never needed to list the walks of a database that is up to date.
NOT_FOR_LIST = ("alembic", "mako", "reportlab", "pygments", "walkapp.bundles",
                "walkapp.reports.api", "walkapp.storage.migrations")

_IMPORT_LINE = re.compile(r"^import time:\s+\d+ \|\s+\d+ \|\s*(\S+)\s*$")


def imported_by(*args: str, env: dict[str, str] | None = None
                ) -> tuple[set[str], subprocess.CompletedProcess[str]]:
    """The modules `python -m walkapp ARGS` imports, and how it ended."""
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "walkapp", *args],
                            capture_output=True, text=True, timeout=120,
                            env={**os.environ, **(env or {})})
    modules = {m.group(1) for line in result.stderr.splitlines()
               if (m := _IMPORT_LINE.match(line))}
    assert "walkapp.cli" in modules, result.stderr[-2000:]
    return modules, result


def loaded(modules: set[str], forbidden: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules
                  if any(m == f or m.startswith(f + ".") for f in forbidden))


@pytest.mark.parametrize("args", [
    ["--help"], ["--version"], ["list", "--help"], ["show", "--help"], ["report", "--help"],
    ["kit", "--help"], ["trash", "--help"], ["restore", "--help"], ["protocol", "--help"],
    ["no-such-command"],
], ids=lambda args: " ".join(args))
def test_help_and_version_load_no_database_layer(args: list[str], tmp_path: Path) -> None:
    modules, result = imported_by(*args, env={"WALKAPP_DATA_DIR": str(tmp_path / "d")})
    assert result.returncode in (0, 2), result.stderr[-2000:]
    assert loaded(modules, NOT_FOR_HELP) == []
    assert not (tmp_path / "d").exists()  # nothing opened, nothing created


def test_help_still_lists_every_command() -> None:
    result = subprocess.run([sys.executable, "-m", "walkapp", "--help"], capture_output=True,
                            text=True, timeout=120, check=True)
    for command in ("demo", "list", "show", "check", "protocol", "nudge", "report", "kit",
                    "open-kit", "export", "import", "conflicts", "resolve", "backup",
                    "backups", "restore", "purge", "retention", "delete", "trash"):
        assert re.search(rf"^\s+{re.escape(command)}\s", result.stdout, re.M), command


def test_list_on_an_up_to_date_database_does_not_load_alembic(tmp_path: Path) -> None:
    data = str(tmp_path / "d")
    assert main(["--data-dir", data, "demo"]) == 0  # creates and migrates the database
    modules, result = imported_by("--data-dir", data, "list")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Learning walk" in result.stdout
    assert loaded(modules, NOT_FOR_LIST) == []
    modules, result = imported_by("--data-dir", data, "show", "Learning")
    assert result.returncode == 0, result.stderr[-2000:]
    assert loaded(modules, NOT_FOR_LIST) == []


def test_list_on_a_new_data_folder_migrates_it(tmp_path: Path) -> None:
    """The first run still creates the schema (through Alembic, as before)."""
    data = tmp_path / "d"
    modules, result = imported_by("--data-dir", str(data), "list")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "No walks yet" in result.stdout
    assert "alembic" in modules
    import sqlite3

    with sqlite3.connect(data / "walkapp.sqlite3") as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [
            (migrate.head_revision(),)]


def test_the_head_known_without_alembic_is_alembics_head() -> None:
    """The migrations folder read by walkapp itself says what Alembic says, so the "at head,
    nothing to do" answer can never drift from the scripts."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate.alembic_config())
    assert migrate.head_revision() == script.get_current_head()
    revisions = {s.revision for s in script.walk_revisions()}
    assert {r for r in revisions if migrate.is_known_revision(r)} == revisions
    assert migrate.revisions_from_files(migrate.MIGRATIONS_DIR) == (
        frozenset(revisions), script.get_current_head())
    assert not migrate.is_known_revision("zz99")
    assert not migrate.is_known_revision(script.get_current_head()[:-1])  # not a prefix


def test_every_migration_file_says_its_revision_plainly() -> None:
    """The reader of the migrations folder takes `revision = "…"` / `down_revision = …`
    lines; a file written otherwise would send every open through Alembic (still right,
    only slower): keep the scripts in the form Alembic generates."""
    versions = migrate.MIGRATIONS_DIR / "versions"
    for path in sorted(versions.glob("[0-9]*.py")):
        text = path.read_text(encoding="utf-8")
        assert migrate.read_revision(text) is not None, path.name


def test_reading_the_migrations_folder_gives_up_on_what_it_cannot_read(tmp_path: Path
                                                                        ) -> None:
    """Two heads, a merge revision or a file it cannot parse: no answer (Alembic decides)."""
    versions = tmp_path / "versions"
    versions.mkdir()
    (versions / "0001_a.py").write_text('revision = "0001"\ndown_revision = None\n')
    (versions / "0002_b.py").write_text("revision = '0002'\ndown_revision = '0001'\n")
    assert migrate.revisions_from_files(tmp_path) == (frozenset({"0001", "0002"}), "0002")
    (versions / "0003_c.py").write_text('revision = "0003"\ndown_revision = "0001"\n')
    assert migrate.revisions_from_files(tmp_path) is None  # two heads
    (versions / "0003_c.py").write_text('revision = "0003"\n'
                                        'down_revision = ("0001", "0002")\n')
    assert migrate.revisions_from_files(tmp_path) is None  # a merge
    (versions / "0003_c.py").write_text("REVISION = make_it()\n")
    assert migrate.revisions_from_files(tmp_path) is None
    assert migrate.revisions_from_files(tmp_path / "missing") is None


OPEN_AT_HEAD = """
import sys
from walkapp.config import resolve_settings
from walkapp.storage.db import Database
from walkapp.storage import migrate
db = Database(resolve_settings(sys.argv[1])).open()
assert migrate.is_known_revision(migrate.head_revision())
db.close()
print('ALEMBIC:', sorted(m for m in sys.modules if m.split('.')[0] in ('alembic', 'mako')))
"""


def test_opening_a_database_at_head_does_not_import_alembic(tmp_path: Path) -> None:
    from walkapp.config import resolve_settings
    from walkapp.storage.db import Database

    Database(resolve_settings(tmp_path / "d")).open().close()  # made (and migrated) here
    result = subprocess.run([sys.executable, "-c", OPEN_AT_HEAD, str(tmp_path / "d")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "ALEMBIC: []" in result.stdout
    assert list((tmp_path / "d" / "backups").glob("pre-migration-*")) == []


def test_the_trash_days_in_the_help_are_the_trashs() -> None:
    from walkapp.cli import trash as cli_trash
    from walkapp.services import trash

    assert cli_trash.TRASH_DAYS == trash.TRASH_DAYS


def test_the_file_extensions_in_the_help_are_the_bundles() -> None:
    from walkapp.bundles import format as bundle_format
    from walkapp.cli import bundles as cli_bundles

    assert cli_bundles.KIT_EXTENSION == bundle_format.KIT_EXTENSION
    assert cli_bundles.NOTES_EXTENSION == bundle_format.NOTES_EXTENSION


def test_a_locked_database_is_asked_once_not_again_through_alembic(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading the revision without Alembic must not turn one wait for a lock into two:
    a failure other than "no such table" is the answer, as Alembic's read would give it."""
    from tests.helpers.sqlite_faults import LockHolder
    from walkapp.config import resolve_settings
    from walkapp.errors import StorageError
    from walkapp.storage import db as db_module
    from walkapp.storage.db import Database

    settings = resolve_settings(tmp_path / "d")
    Database(settings).open().close()
    assert settings.sqlite_path is not None
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 50)
    through_alembic = []
    real = migrate._upgrade_to_head
    monkeypatch.setattr(migrate, "_upgrade_to_head",
                        lambda *args: through_alembic.append(args) or real(*args))
    with LockHolder(settings.sqlite_path, exclusive=True), pytest.raises(StorageError):
        Database(settings).open()
    assert through_alembic == []
    Database(settings).open().close()  # the lock gone, it opens (at head: still no Alembic)
    assert through_alembic == []
