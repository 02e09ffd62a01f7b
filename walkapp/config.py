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

from walkapp import APP_NAME
from walkapp.errors import UsageError
from walkapp.messages import tr

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
    import platformdirs  # only when no folder is given: most runs in scripts name one

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


SERVER_EXTRA = "pip install 'walkapp[server]'"


def check_database_url(url: str, where: str) -> None:
    """Refuse, in one clear sentence, a database URL walkapp cannot use — before anything
    tries to open it. `where` says where it came from (`--database-url`, the environment).

    Only an URL the user gave is checked this thoroughly: the default one is built from the
    data folder, which the first run creates.
    """
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    shown = url if len(url) <= 200 else url[:200] + "…"
    try:
        parsed = make_url(url)
        backend = parsed.get_backend_name()
    except (ArgumentError, ValueError, TypeError):
        raise UsageError(tr("{where} “{shown}” is not a database URL. Use "
                            "sqlite:////full/path/walkapp.sqlite3, or leave it out to use "
                            "walkapp.sqlite3 in the data folder.").format(
                             where=where, shown=shown)) from None
    if backend == "sqlite":
        _check_sqlite_url(url, where, shown)
        return
    if backend != "postgresql":
        raise UsageError(tr("{where} asks for a “{backend}” database; walkapp keeps its data in "
                            "a SQLite file (sqlite:///PATH) or, in district mode, on a "
                            "PostgreSQL server (postgresql://…).").format(
                             where=where, backend=backend))
    try:
        parsed.get_dialect().import_dbapi()
    except NoSuchModuleError:
        raise UsageError(tr("{where} names a PostgreSQL driver walkapp does not know "
                            "(“{drivername}”); write postgresql://… and walkapp picks "
                            "its own.").format(
                             where=where, drivername=parsed.drivername)) from None
    except ImportError:
        raise UsageError(tr("District mode (a PostgreSQL server) needs a database driver that "
                            "is not installed here. Install it with {server_extra}.").format(
                             server_extra=SERVER_EXTRA)) from None


def _check_sqlite_url(url: str, where: str, shown: str) -> None:
    path = sqlite_path_from_url(url)
    if path is None:
        if url.startswith("sqlite+"):  # sqlite_path_from_url would not see the file
            raise UsageError(tr("{where} “{shown}” names a SQLite driver; walkapp uses its own: "
                                "write sqlite:///PATH.").format(
                                 where=where, shown=shown))
        return  # in memory: nothing on disk to check
    try:
        os.fsencode(path)
        if path.is_dir():
            raise UsageError(tr("{where} points at {path}, which is a folder, not a database "
                                "file. Add the file name, e.g. …/walkapp.sqlite3.").format(
                                 where=where, path=path))
        folder = path.absolute().parent
        if not folder.is_dir():
            raise UsageError(tr("The folder {folder} for the database in {where} does not "
                                "exist. Create it first, or check the URL.").format(
                                 folder=folder, where=where))
    except (OSError, UnicodeEncodeError, ValueError) as error:  # too long, NUL, broken text
        reason = getattr(error, "strerror", None) or tr("it is not a file name")
        raise UsageError(tr("{where} “{shown}” cannot be used as a database file: "
                            "{reason}.").format(
                             where=where, shown=shown, reason=reason)) from None
