"""Save to calendar…: open action items' due dates as a calendar file (.ics), from the
post-brief's Action items panel and from the reminders of the walks library.

Where to save is asked through the Asker (tests answer it); the items are read and the
file written off the GUI thread (walkapp.exports.ics); what happened is said in one
sentence to `said` (a status line), and a failure (a folder that cannot be written) in a
warning that says why.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from walkapp import formatting as fmt
from walkapp.errors import WalkappError
from walkapp.services.reminders import ReminderService
from walkapp.ui.dialogs import Asker
from walkapp.ui.file_folders import FileKind
from walkapp.ui.words import Words
from walkapp.ui.workers import run_in_background

Calendar = Words("Calendar")


def save_to_calendar(parent: QWidget, asker: Asker, reminders: ReminderService,
                     said: Callable[[str], None], *, walk_id: str | None = None,
                     series: bool = False, owner: QObject | None = None) -> bool:
    """Ask where, then write the calendar file in the background. False if cancelled."""
    path = asker.save_file(parent, Calendar.tr("Save to calendar"),
                           Calendar.tr("action-items") + ".ics",
                           Calendar.tr("Calendar files (*.ics)"), kind=FileKind.REPORT)
    if not path:
        return False
    if not path.lower().endswith(".ics"):
        path += ".ics"

    def work(_progress: object) -> int:
        from walkapp.exports.ics import write_calendar

        items = reminders.calendar_items(walk_id, series=series)
        write_calendar(path, items, reminders.clock())
        return len(items)

    def done(count: object) -> None:
        assert isinstance(count, int)
        said(Calendar.tr("Saved {0} to {1}. Import the file into your calendar program; "
                         "importing a newer one moves the events.").format(
            fmt.plural(count, "calendar event", "calendar events"), path))

    def failed(error: BaseException, _details: str) -> None:
        if not isinstance(error, WalkappError):
            raise error
        asker.warn(parent, Calendar.tr("The calendar file was not saved"), error.message)

    run_in_background(work, on_done=done, on_error=failed, owner=owner or parent)
    return True
