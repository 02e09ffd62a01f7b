"""Run a service call from a panel and say in the panel's message line if it failed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel

from walkapp.errors import WalkappError


def run_reporting(message: QLabel, action: Callable[[], object]) -> bool:
    """Call `action`; on an expected failure show its message in `message` (kept there
    until the next success) and return False. Unexpected errors propagate: they are bugs."""
    try:
        action()
    except WalkappError as error:
        message.setText(error.message)
        return False
    message.setText("")
    return True
