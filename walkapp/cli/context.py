"""What a command needs, opened only when first asked for (so `--help` stays instant).

The services, the storage layer and SQLAlchemy are imported on first use too: building the
argument parser (and printing help) must not pay for them (tests/core/test_cli_imports.py).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from walkapp.config import DATABASE_URL_ENV, Settings, check_database_url, resolve_settings
from walkapp.messages import tr

if TYPE_CHECKING:
    from walkapp.services import Services
    from walkapp.storage.lock import DataFolderLock


class Context:
    """`writes=False` is for commands that only read: they run beside the app without the
    lock, so their database refuses every change (a wrong declaration fails loudly)."""

    def __init__(self, data_dir: str | None = None, database_url: str | None = None, *,
                 writes: bool = True) -> None:
        self._data_dir = data_dir
        self._database_url = database_url
        self.writes = writes
        self._settings: Settings | None = None
        self._services: Services | None = None
        self._lock: DataFolderLock | None = None

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            settings = resolve_settings(self._data_dir, self._database_url)
            # A URL the user gave is checked before anything opens it (a typo must be one
            # clear line, never an "internal error" from deep in SQLAlchemy).
            where = ("--database-url" if self._database_url
                     else DATABASE_URL_ENV if os.environ.get(DATABASE_URL_ENV) else None)
            if where is not None:
                check_database_url(settings.database_url, where)
            self._settings = settings
        return self._settings

    @property
    def services(self) -> Services:
        if self._services is None:
            from walkapp.services import open_services

            services = open_services(self.settings)
            if not self.writes:
                from walkapp.storage.read_only import make_read_only

                make_read_only(services.db)
            self._services = services
        return self._services

    def lock(self, purpose: str, *, database: bool = True) -> DataFolderLock:
        """Become the data folder's one writer until the command ends (`walkapp.cli.main`
        calls this before any command declared `writes=True` runs; a running app or
        another such command refuses it).

        `database=False` for a command that works without a database in place (restore).
        """
        if not self.writes:
            raise RuntimeError(tr("{purpose} is declared read-only but asked for the lock").format(
                                   purpose=purpose))
        if self._lock is None:
            from walkapp.storage.lock import DataFolderLock

            if database:
                self.check_database()
            self._lock = DataFolderLock(self.settings.data_dir, purpose).acquire()
        return self._lock

    def check_database(self) -> None:
        """Refuse now if the database would be refused when opened (missing, empty or
        unreadable while backups exist): before the lock file or any output is written."""
        path = self.settings.sqlite_path
        if path is not None:
            from walkapp.storage.guard import check_database_file

            check_database_file(path, self.settings.backup_dir)

    def close(self) -> None:
        if self._services is not None:
            self._services.close()
            self._services = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None
