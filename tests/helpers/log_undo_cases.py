"""Every undoable edit of the communication log, as a case (tests/core/test_comm_log.py
runs each: undo gives the log back as it was, redo the edit). The log is no walk's: its
edits sit on their own undo stack (`LOG_STACK`), never a walk's."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from datetime import date
from typing import Any

from walkapp.services import Services
from walkapp.services.command_base import Command
from walkapp.services.log_commands import LogEdit


def log_with_entries(services: Services, walk_id: str) -> list[str]:
    """Two entries, one linked to the walk: their ids."""
    one = services.log.add_entry("meeting", date(2026, 11, 4), "Ms Quillfeather",
                                 "Agreed to host the next walk in her room.", walk_id)
    two = services.log.add_entry("message", date(2026, 11, 9), "the Year 4 team",
                                 "Sent the debrief and the dates of the next cycle.")
    return [one.id, two.id]


LogCase = Callable[[Services, str, list[str]], Command]

LOG_CASES: dict[str, LogCase] = {
    "LogEdit.add_entry": lambda s, w, ids: LogEdit(
        "add_entry", ("note", date(2026, 11, 12), "Mr Bellweather", "Asked about wait time.",
                      w)),
    "LogEdit.update_entry": lambda s, w, ids: LogEdit(
        "update_entry", (ids[0],), {"text": "Agreed to host in December.", "walk_id": None,
                                    "kind": "note"}),
    "LogEdit.delete_entry": lambda s, w, ids: LogEdit("delete_entry", (ids[0],)),
}


def log_state(services: Services) -> Any:
    return [{k: v for k, v in asdict(e).items() if k != "updated_at"}
            for e in services.log.list_entries()]
