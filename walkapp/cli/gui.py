"""Open the desktop app: the one place the core hands over to the Qt layer.

The core modules the desktop app starts with are imported here, before the Qt layer is:
once PySide6 is imported it hooks every later import (its `__feature__` support looks at
each new module), which makes SQLAlchemy, the models and the services markedly slower to
import (about 0.2 s of CPU). Only the desktop app imports this module: `walkapp --help`
and the subcommands never load it (tests/ui/test_start_imports.py checks the order).
"""

from __future__ import annotations

import gc
import importlib
import os
import sys
from collections.abc import Sequence

from walkapp.cli.context import Context
from walkapp.errors import WalkappError
from walkapp.messages import tr

# What the desktop app's start needs from the core, imported before Qt (see the docstring).
# (Not the ORM's models: the first window needs none of them, see walkapp.storage. SQLite's
# dialect is what opening the database loads: the models used to import it.)
# (The safety checks, the job runner, the report registry and the crash log's handlers are
# the window's too: the command modules' parsers used to bring them in ahead of Qt.)
DESKTOP_CORE = ("walkapp.services", "walkapp.services.commands", "walkapp.services.resume",
                "walkapp.storage.startup", "walkapp.storage.check_schedule",
                "walkapp.protocol.library", "sqlalchemy.dialects.sqlite",
                "walkapp.services.safety", "walkapp.services.offload", "walkapp.reports",
                "logging.handlers")


def _import_the_core() -> None:
    """Import DESKTOP_CORE with the garbage collector paused, then freeze what exists.

    Importing makes some 60,000 objects that live as long as walkapp (modules, classes,
    SQLAlchemy's tables and mappers) and no garbage (a full collection right after finds
    nothing): the collector's runs meanwhile, one of them a full one, only walk them
    (about 50 ms). Frozen, they are left out of every later collection; an object among
    them is still freed by reference counting (walkapp.ui.gc_policy does the same with the
    window's objects once it is built).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        for name in DESKTOP_CORE:
            importlib.import_module(name)
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


_import_the_core()


def open_desktop_app(context: Context, files: Sequence[str] = (),
                     language: str | None = None) -> int:
    """Open the desktop app; `files` (walk kits, notes files) are opened once it is up;
    `language` is `--lang`'s (None: the Preferences choice, else the system's)."""
    if (sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM")
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")):
        raise WalkappError(
            tr("No screen found to open the app on (DISPLAY and WAYLAND_DISPLAY are unset). Run "
               "it from a desktop session, or use the commands listed by `walkapp --help`."))
    try:
        from walkapp.ui.app import run_app  # type: ignore[import-not-found, unused-ignore]
    except ImportError as error:
        raise WalkappError(
            tr("The desktop app cannot start: {error}. On Debian/Ubuntu, `make run` installs "
               "the system libraries Qt needs.").format(error=error)) from None
    for name in files:
        if "\x00" in name:
            raise WalkappError(tr("A file name contains a NUL character; no file can have it."))
    return int(run_app(context.settings, files=[os.path.abspath(f) for f in files],
                       language=language))
