"""The database's full page check (`PRAGMA quick_check`), in the background once the window
is up: after an unclean exit and once a week (`walkapp.storage.check_schedule` decides).

It reads every page of the file on a read-only connection of its own, on a worker thread,
so the window answers meanwhile and the writer goes on committing (WAL: the check reads a
snapshot). What it finds reaches the user as the check before the window did: a damaged
database is explained, and the same three ways on are offered — restore the newest good
backup, start with an empty database, or quit and leave everything as it is. Restoring or
starting empty needs the database closed: the window closes as on Ctrl+Q (what is typed
is saved first), and `ui/app.py` then repairs under the data folder's lock it still holds
and opens the window again. Quitting (or closing the question) closes the window the same
way; the record says damage was found, so the next start checks before it opens, as
every start used to, and asks again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtWidgets import QWidget

from walkapp.config import Settings
from walkapp.services.safety import (
    CheckReason,
    CheckSchedule,
    RecoveryChoice,
    StartupReport,
    check_database,
)
from walkapp.ui.dialogs import Asker
from walkapp.ui.words import Words

Startup = Words("Startup")

log = logging.getLogger(__name__)



@dataclass(frozen=True)
class Repair:
    """What the user chose to do about the damage the background check found."""

    report: StartupReport
    choice: RecoveryChoice


def full_check(settings: Settings) -> StartupReport:
    return check_database(settings, quick_check=True)


class BackgroundCheck:
    """Runs the full check once for one window, and acts on what it finds."""

    def __init__(self, window: QWidget, settings: Settings, schedule: CheckSchedule,
                 asker: Asker, *, check: Callable[[Settings], StartupReport] = full_check,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self._window = window
        self._settings = settings
        self._schedule = schedule
        self._asker = asker
        self._check = check
        self._clock = clock
        self.reason: CheckReason | None = None
        self.report: StartupReport | None = None
        self.repair: Repair | None = None

    def start(self, *, unclean: bool) -> CheckReason | None:
        """Start the check if it is due (after an unclean exit, on the schedule); why it
        started, or None if it was not due. A database on a server URL is not checked."""
        if self._settings.sqlite_path is None:
            return None
        self.reason = self._schedule.reason(unclean=unclean, now=self._clock())
        if self.reason is None:
            return None
        from walkapp.ui.workers import run_in_background

        settings, check = self._settings, self._check
        log.info("checking the database in the background (%s)", self.reason.value)
        # Owned by the window: its shutdown drops a result still on its way (the next
        # start checks again, nothing was recorded).
        self._task = run_in_background(lambda _progress: check(settings),
                                       on_done=self._finished, on_error=self._failed,
                                       owner=self._window)
        return self.reason

    def _failed(self, error: BaseException, details: str) -> None:
        # Not a finding about the file (e.g. backups/ became a link): nothing recorded, so
        # the check is due again at the next start; the log says why.
        log.warning("the background database check could not run: %s\n%s", error, details)

    def _finished(self, report: object) -> None:
        if not isinstance(report, StartupReport):
            return
        self.report = report
        self._schedule.record(ok=report.can_open, now=self._clock())
        if report.can_open:
            return
        from walkapp.ui.startup import QUIT, recovery_prompt

        if not report.needs_recovery:  # unreadable with no backup: say so, change nothing
            self._asker.error(self._window, Startup.tr("walkapp cannot read its database"),
                              report.message)
            return
        headline = Startup.tr("walkapp checked its database in the background and found damage.")
        how = Startup.tr("Restoring or starting empty first closes this window (what you typed is "
                 "saved), then opens it again. If you quit, walkapp asks again when it next "
                 "starts.")
        title, text, choices = recovery_prompt(
            report, text=f"{headline}\n\n{report.message}\n\n{how}")
        answer = self._asker.choose(self._window, title, text, choices,
                                    default=choices[0][0])
        if answer is not None and answer != QUIT:
            self.repair = Repair(report, RecoveryChoice(answer))
        # Every answer closes the window (saving what is typed first, as on Ctrl+Q). If it
        # stays open (the user kept an unsaved page), nothing is repaired now: the record
        # says damage was found, and the next start checks and asks before it opens.
        if not self._window.close():
            self.repair = None
