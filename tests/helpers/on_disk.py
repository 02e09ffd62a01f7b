"""Walks in a data folder on disk, for tests that close, damage and reopen the database."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from walkapp.config import Settings
from walkapp.services import NewWalk, open_services
from walkapp.storage.backup import backup_now


def walk_on_disk(settings: Settings, title: str = "Kept walk", *,
                 backup: bool = True) -> Path:
    """Create one walk (and, by default, an automatic backup); return the database file."""
    services = open_services(settings)
    try:
        services.walks.create_walk(NewWalk(title=title, walk_date=date(2026, 3, 4)))
        if backup:
            backup_now(services.db, "auto")
    finally:
        services.close()
    assert settings.sqlite_path is not None
    return settings.sqlite_path


def walk_titles(settings: Settings) -> list[str]:
    services = open_services(settings)
    try:
        return [w.title for w in services.walks.list_walks()]
    finally:
        services.close()
