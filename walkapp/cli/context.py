"""What a command needs, opened only when first asked for (so `--help` stays instant)."""

from __future__ import annotations

import os

from walkapp.config import DATABASE_URL_ENV, Settings, check_database_url, resolve_settings
from walkapp.services import Services, open_services
from walkapp.storage.lock import DataFolderLock


class Context:
    def __init__(self, data_dir: str | None = None, database_url: str | None = None) -> None:
        self._data_dir = data_dir
        self._database_url = database_url
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
            self._services = open_services(self.settings)
        return self._services

    def lock(self, purpose: str) -> DataFolderLock:
        """Become the data folder's one writer until the command ends (commands that
        change data call this first; a running app or another such command refuses it)."""
        if self._lock is None:
            self._lock = DataFolderLock(self.settings.data_dir, purpose).acquire()
        return self._lock

    def close(self) -> None:
        if self._services is not None:
            self._services.close()
            self._services = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None
