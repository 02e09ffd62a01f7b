"""Jobs for the child-process tests (walkapp.services.offload): module-level, so that a
spawned child finds them by name. Each takes (services, progress, *args) like a real job."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

from sqlalchemy import text

from walkapp.errors import ValidationError
from walkapp.reports import ExportResult, ReportRequest, export_report
from walkapp.services import Services

Progress = Any


def export_noting_pid(services: Services, progress: Progress, request: ReportRequest,
                      path: Path) -> ExportResult:
    """The real export, leaving the id of the process that made it beside the file."""
    Path(f"{path}.pid").write_text(str(os.getpid()))
    return export_report(services, request, path, progress)


def refuse(services: Services, progress: Progress, *args: object) -> None:
    raise ValidationError("The walk has no visits yet: add one on Plan, then try again.")


def bug(services: Services, progress: Progress, *args: object) -> None:
    raise KeyError("a bug in the child")


def die(services: Services, progress: Progress, *args: object) -> None:
    """Report once, then end the way a crash or an out-of-memory kill does."""
    progress(0, 2, "Starting…")
    os._exit(3)


def write_then_wait(services: Services, progress: Progress, walk_id: str,
                    *args: object) -> None:
    """Change the walk's title inside a transaction, say so, then wait to be killed with
    the transaction open (the write must never land)."""
    with services.db.transaction("changing the title") as session:
        session.execute(text("UPDATE walks SET title = 'changed by a child' WHERE id = :id"),
                        {"id": walk_id})
        session.flush()
        progress(1, 2, "Written, not committed")
        _wait_to_be_stopped()


def publish_and_return(services: Services, progress: Progress, walk_id: str) -> str:
    """Publish one change in the child and return; the parent must publish it too."""
    from walkapp.events import Action, Change, Entity

    progress(1, 1, "Done")
    services.bus.publish(Change(Entity.NOTE, Action.UPDATED, walk_id, ("n1",)))
    return f"ran in {os.getpid()}"


def change_all_then_wait(services: Services, progress: Progress, *args: object) -> None:
    """Change every walk's title inside a transaction, report this process's id, then wait
    to be stopped with the transaction open (the write must never land)."""
    with services.db.transaction("changing the titles") as session:
        session.execute(text("UPDATE walks SET title = 'changed by a child'"))
        session.flush()
        progress(1, 2, f"pid {os.getpid()}")
        _wait_to_be_stopped()


def start_writing_then_wait(services: Services, progress: Progress, request: ReportRequest,
                            path: Path) -> None:
    """Begin the file the way `write_pdf` does (a temporary `.NAME.*.part` beside it), say
    so, then wait to be stopped half-way."""
    import tempfile

    target = Path(path)
    handle, _name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part",
                                     dir=target.parent)
    os.write(handle, b"%PDF-1.4 half a report")
    progress(1, 3, f"pid {os.getpid()}")
    _wait_to_be_stopped()


def _wait_to_be_stopped() -> None:
    """Block until the test stops this child (or its watchdog ends it when the parent goes
    away): no time limit to outlast, nothing that depends on the machine's speed."""
    threading.Event().wait()


def say_next_steps(services: Services, progress: Progress) -> str:
    """A message of the core's catalogue, as the child says it."""
    from walkapp import formatting

    return formatting.tr("Next steps")
