"""Where walkapp keeps its data, and which database it talks to.

Order of precedence for the data folder: an explicit `--data-dir`, then the
`WALKAPP_DATA_DIR` environment variable, then the user's data directory (platformdirs).
The database URL defaults to `walkapp.sqlite3` in that folder and can be replaced with
`--database-url` / `WALKAPP_DATABASE_URL` so that a shared server can be used later.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from walkapp import APP_NAME

DATA_DIR_ENV = "WALKAPP_DATA_DIR"
DATABASE_URL_ENV = "WALKAPP_DATABASE_URL"
DATABASE_FILENAME = "walkapp.sqlite3"


@dataclass(frozen=True)
class Settings:
    """Resolved locations for one run of walkapp."""

    data_dir: Path
    database_url: str

    @property
    def sqlite_path(self) -> Path | None:
        """The database file when the URL points at a local SQLite file, else None."""
        return sqlite_path_from_url(self.database_url)

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "backups"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def sqlite_path_from_url(url: str) -> Path | None:
    prefix = "sqlite:///"
    if not url.startswith(prefix):
        return None
    rest = url[len(prefix) :]
    if not rest or rest.startswith(":memory:"):
        return None
    return Path(rest.split("?", 1)[0])


def resolve_settings(data_dir: str | os.PathLike[str] | None = None,
                     database_url: str | None = None) -> Settings:
    """Work out the data folder and database URL for this run."""
    if data_dir is not None:
        folder = Path(data_dir)
    elif os.environ.get(DATA_DIR_ENV):
        folder = Path(os.environ[DATA_DIR_ENV])
    else:
        folder = default_data_dir()
    folder = folder.expanduser().absolute()
    url = database_url or os.environ.get(DATABASE_URL_ENV) or ""
    if not url:
        url = f"sqlite:///{folder / DATABASE_FILENAME}"
    return Settings(data_dir=folder, database_url=url)
