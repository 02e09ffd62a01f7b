"""Before the main window opens: one writer, a safe place, a healthy database.

`prepare_data_folder` is called by `ui/app.py` before the services are opened. It

1. takes the data folder lock — a second walkapp on the same folder is told plainly and
   quits, rather than two windows overwriting each other's notes;
2. warns once if the folder is on a network drive or inside a cloud-synced folder;
3. runs the quick startup check; on a damaged or missing database (or an unreadable one,
   when there are backups) it explains what it found and offers: restore the newest good
   backup, start with an empty database, or quit (which leaves every file exactly as it
   was). Whatever is chosen, the damaged file
   is kept aside untouched; nothing is overwritten silently.

It returns None when the app should quit (the user has been told why), otherwise a
`StartupResult` whose `lock` the app holds until it exits.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from walkapp import formatting as fmt
from walkapp.config import Settings
from walkapp.errors import AlreadyRunningError, StorageError
from walkapp.services.safety import (
    DataFolderLock,
    RecoveryChoice,
    RecoveryResult,
    StartupReport,
    StartupStatus,
    check_database,
    location_warning,
    recover,
)
from walkapp.ui.dialogs import Asker
from walkapp.ui.words import Words

Startup = Words("Startup")

QUIT = "quit"



@dataclass
class StartupResult:
    """What start-up found and did. Keep `lock` referenced until the app quits."""

    lock: DataFolderLock
    report: StartupReport
    recovery: RecoveryResult | None = None
    location_warning: str | None = None


def prepare_data_folder(settings: Settings, asker: Asker, parent: QWidget | None = None, *,
                        check: Callable[[Settings], StartupReport] = check_database
                        ) -> StartupResult | None:
    lock = DataFolderLock(settings.data_dir, "the walkapp desktop app")
    try:
        lock.acquire()
    except AlreadyRunningError as error:
        asker.error(parent, Startup.tr("walkapp is already open"), error.message)
        return None
    except StorageError as error:
        asker.error(parent, Startup.tr("walkapp cannot use its data folder"), error.message)
        return None
    try:
        result = _check_and_recover(settings, asker, parent, lock, check)
    except BaseException:
        lock.release()
        raise
    if result is None:
        lock.release()
    return result


def _check_and_recover(settings: Settings, asker: Asker, parent: QWidget | None,
                       lock: DataFolderLock, check: Callable[[Settings], StartupReport]
                       ) -> StartupResult | None:
    warning = location_warning(settings.data_dir)
    if warning:
        asker.warn(parent, Startup.tr("walkapp's data folder may not be safe"), warning)
    try:
        report = check(settings)
    except StorageError as error:  # e.g. a backups folder that is a link: say what and quit
        asker.error(parent, Startup.tr("walkapp cannot use its data folder"), error.message)
        return None
    if report.can_open:
        return StartupResult(lock, report, None, warning)
    return offer_recovery(settings, asker, parent, lock, report, warning)


def recovery_prompt(report: StartupReport, *, offer_restore: bool | None = None,
                    text: str | None = None) -> tuple[str, str, list[tuple[str, str]]]:
    """The title, text and choices of the question asked about a damaged (or missing,
    or unreadable) database: at start-up and when the background check finds damage."""
    if offer_restore is None:
        offer_restore = report.backups > 0
    missing = report.status is StartupStatus.MISSING
    if text is None:
        headline = (Startup.tr("walkapp's database is missing.") if missing else
                    Startup.tr("walkapp cannot open its database as it is."))
        text = f"{headline}\n\n{report.message}"
    choices = ([(RecoveryChoice.RESTORE_BACKUP.value, Startup.tr("Restore newest good backup"))]
               if offer_restore else [])
    choices += [(RecoveryChoice.START_EMPTY.value, Startup.tr("Start with an empty database")),
                (QUIT, Startup.tr("Quit and leave everything as it is"))]
    title = (Startup.tr("walkapp's database is missing") if missing else
             Startup.tr("walkapp's database cannot be read")
             if report.status is StartupStatus.UNREADABLE else
             Startup.tr("walkapp's database is damaged"))
    return title, text, choices


def offer_recovery(settings: Settings, asker: Asker, parent: QWidget | None,
                   lock: DataFolderLock, report: StartupReport,
                   warning: str | None = None, *, answer: str | None = None
                   ) -> StartupResult | None:
    """Ask what to do about a damaged database and do it, until it is done or the user
    quits (None). `answer`: the user already chose, in the same question asked while the
    window was open (walkapp.ui.integrity): it is acted on without asking again."""
    if not report.needs_recovery:  # newer schema, unreadable: nothing we may change
        asker.error(parent, Startup.tr("walkapp cannot open its database"), report.message)
        return None
    offer_restore = report.backups > 0
    text: str | None = None
    found = report  # the question keeps naming what was found, also when asked again
    while True:
        title, text, choices = recovery_prompt(found, offer_restore=offer_restore,
                                               text=text)
        if answer is None:
            answer = asker.choose(parent, title, text, choices, default=choices[0][0])
        if answer is None or answer == QUIT:
            return None
        try:
            recovery = recover(settings, report, RecoveryChoice(answer))
        except StorageError as error:
            if answer == RecoveryChoice.START_EMPTY.value:
                # Not a backup problem: the new database could not be made (disk full…).
                asker.error(parent, Startup.tr("walkapp cannot create its database"), error.message)
                return None
            # Typically: every backup is damaged. The damaged file is already aside.
            offer_restore = False
            text = Startup.tr("No backup could be restored.") + f"\n\n{error.message}"
            report = StartupReport(StartupStatus.MISSING, report.path, report.problems,
                                   report.revision, 0, report.seconds)
            answer = None
            continue
        asker.inform(parent, Startup.tr("walkapp recovered its database"), _describe(recovery))
        return StartupResult(lock, report, recovery, warning)


def _describe(recovery: RecoveryResult) -> str:
    lines = []
    if recovery.backup is not None:
        lines.append(Startup.tr("Restored the backup made {0} ({1}).").format(
            fmt.moment(recovery.backup.created_at), recovery.backup.name))
    else:
        lines.append(Startup.tr("Started with an empty database."))
    if recovery.damaged_copy is not None:
        lines.append(Startup.tr("The damaged file is kept, untouched, as {0}.").format(
            recovery.damaged_copy))
    return "\n\n".join(lines)
