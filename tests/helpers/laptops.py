"""Separate data folders that play separate laptops (a facilitator's and walkers').

Creating a database runs every migration; a template database is migrated once per test
session and copied for each laptop, which keeps property tests with many laptops fast.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from walkapp.bundles import BundleService
from walkapp.config import DATABASE_FILENAME, resolve_settings
from walkapp.services import Services
from walkapp.storage.db import Database

_TEMPLATE: dict[str, Path] = {}


def _template(root: Path) -> Path:
    cached = _TEMPLATE.get("path")
    if cached is not None and cached.exists():
        return cached
    folder = root / "template-db"
    with Database(resolve_settings(folder)):
        pass
    _TEMPLATE["path"] = folder / DATABASE_FILENAME
    return _TEMPLATE["path"]


@dataclass
class Laptop:
    name: str
    folder: Path
    services: Services
    bundles: BundleService

    @property
    def db_path(self) -> Path:
        path = self.services.db.path
        assert path is not None
        return path

    def close(self) -> None:
        self.services.close()


def open_laptop(root: Path, name: str, template_root: Path | None = None) -> Laptop:
    folder = root / name
    folder.mkdir(parents=True, exist_ok=True)
    template = _template(template_root or root)
    target = folder / DATABASE_FILENAME
    if not target.exists():
        shutil.copyfile(template, target)
    services = Services.create(Database(resolve_settings(folder)).open())
    return Laptop(name, folder, services, BundleService(services.db, services.bus))


@contextmanager
def laptops(root: Path, *names: str) -> Iterator[list[Laptop]]:
    opened = [open_laptop(root, n) for n in names]
    try:
        yield opened
    finally:
        for laptop in opened:
            laptop.close()
