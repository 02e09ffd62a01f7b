"""Open the desktop app: the one place the core hands over to the Qt layer."""

from __future__ import annotations

import os
import sys

from walkapp.cli.context import Context
from walkapp.errors import WalkappError


def open_desktop_app(context: Context) -> int:
    if (sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM")
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")):
        raise WalkappError(
            "No screen found to open the app on (DISPLAY and WAYLAND_DISPLAY are unset). "
            "Run it from a desktop session, or use the commands listed by `walkapp --help`.")
    try:
        from walkapp.ui.app import run_app  # type: ignore[import-not-found, unused-ignore]
    except ImportError as error:
        raise WalkappError(
            f"The desktop app cannot start: {error}. On Debian/Ubuntu, `make run` installs "
            "the system libraries Qt needs.") from None
    return int(run_app(context.settings))
