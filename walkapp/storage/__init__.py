"""Storage: SQLAlchemy models, the database connection, migrations and error mapping.

`walkapp.storage.models` (26 mapped classes: importing and mapping them is one of the
biggest costs of a start) is loaded when it is first used, not when a module that names
it is imported: `from walkapp.storage import models as m` gives a stand-in that imports
the real module at the first `m.<name>`, on whichever thread gets there first, through
walkapp.storage.mapped, which configures the mappers before its import is done (Python's
import lock makes any other thread wait for it meanwhile: none sees them half made). The
desktop app's first window needs none of it: the list of walks is read through plain Core
tables (walkapp.services.summary_tables)."""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class _Models:
    """Stands in for walkapp.storage.models until it is first used."""

    __slots__ = ("_module",)

    def __init__(self) -> None:
        self._module: ModuleType | None = None

    def __getattr__(self, name: str) -> Any:
        module = self._module
        if module is None:
            module = importlib.import_module("walkapp.storage.mapped").models
            self._module = module
        return getattr(module, name)


_MODELS = _Models()


def __getattr__(name: str) -> Any:
    # Only while walkapp.storage.models is not imported: importing it sets the real module
    # as this package's attribute, and later imports of it get that.
    if name == "models":
        return _MODELS
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
