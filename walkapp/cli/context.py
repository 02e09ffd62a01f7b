"""What a command needs, opened only when first asked for (so `--help` stays instant)."""

from __future__ import annotations

from walkapp.config import Settings, resolve_settings
from walkapp.services import Services, open_services


class Context:
    def __init__(self, data_dir: str | None = None, database_url: str | None = None) -> None:
        self._data_dir = data_dir
        self._database_url = database_url
        self._settings: Settings | None = None
        self._services: Services | None = None

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            self._settings = resolve_settings(self._data_dir, self._database_url)
        return self._settings

    @property
    def services(self) -> Services:
        if self._services is None:
            self._services = open_services(self.settings)
        return self._services

    def close(self) -> None:
        if self._services is not None:
            self._services.close()
            self._services = None
