"""The communication log's writes, as commands the window's writer runs and undoes
(walkapp.services.commands explains the shape).

The log is nobody's walk: its edits go on an undo stack of their own (`LOG_STACK`, the
key Edit ▸ Undo uses while the log is on screen), and a closed walk never refuses them,
even for an entry linked to that walk — what was said at a meeting is the facilitator's
note, not part of the walk's record.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from walkapp.formatting import N_
from walkapp.services.command_base import Acts, Command, Restore
from walkapp.services.commands import _KW, _ServiceCall

if TYPE_CHECKING:
    from walkapp.services import Services

__all__ = ["LOG_STACK", "LogEdit"]

# The undo stack of the log (ui/undo.py keys stacks by walk id; no walk has this id).
LOG_STACK = "communication-log"


@dataclass(frozen=True)
class _LogRestore(Restore):
    """Put log entries back as they were; on the log's own stack, never refused."""

    guarded: ClassVar[bool] = False

    def walk_of(self, services: Services) -> str | None:
        return LOG_STACK

    def undo(self, result: Any, before: Any = None) -> Command | None:
        return _LogRestore(tuple(before), self.what) if before is not None else None


@dataclass(frozen=True)
class LogEdit(_ServiceCall):
    """An entry of the communication log added, changed or deleted."""

    service: ClassVar[str] = "log"
    methods: ClassVar[Mapping[str, str]] = {
        "add_entry": N_("add the log entry"), "update_entry": N_("change the log entry"),
        "delete_entry": N_("delete the log entry"),
    }
    undoable: ClassVar[Mapping[str, Acts]] = {
        "add_entry": Acts("Walk", creates="LogEntry", removed_by="delete_entry",
                          guarded=False),
        "update_entry": Acts("LogEntry", _KW, guarded=False),
        "delete_entry": Acts("LogEntry", guarded=False),
    }

    def walk_of(self, services: Services) -> str | None:
        return LOG_STACK

    def undo(self, result: Any, before: Any = None) -> Command | None:
        reverse = super().undo(result, before)
        if isinstance(reverse, Restore):
            return _LogRestore(reverse.states, reverse.what)
        return reverse


@dataclass(frozen=True)
class ConsentEdit(_ServiceCall):
    """A walker's consent to be named beside their reflections in the portfolio."""

    service: ClassVar[str] = "log"
    methods: ClassVar[Mapping[str, str]] = {
        "name_in_portfolio": N_("save the walker's choice")}
