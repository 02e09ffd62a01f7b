"""Start the desktop app: one QApplication, the services, the main window."""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import stat
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from walkapp import APP_NAME, __version__
from walkapp.config import Settings
from walkapp.errors import WalkappError
from walkapp.services import Services
from walkapp.services.resume import PositionStore, RunningMarker
from walkapp.services.safety import (
    StartupReport,
    check_database,
    create_private_file,
    make_private_dirs,
    restrict_file,
)
from walkapp.ui import gc_policy, theme, translations
from walkapp.ui.after_start import import_models_in_background, when_settled
from walkapp.ui.clean_exit import CleanEnds
from walkapp.ui.main_window import MainWindow
from walkapp.ui.resume import ResumeKeeper

if TYPE_CHECKING:
    from walkapp.services.safety import CheckSchedule
    from walkapp.ui.dialogs import Asker
    from walkapp.ui.hand_over import FileReceiver
    from walkapp.ui.integrity import Repair

log = logging.getLogger(__name__)


UI_STATE_FILENAME = "ui-state.ini"

# The exit status of a bug, as the `walkapp` command uses it (EX_SOFTWARE).
EXIT_INTERNAL_ERROR = 70


def ui_settings(settings: Settings) -> QSettings:
    """Window state lives beside the data (not in a global registry), so a test or a second
    data folder never disturbs the user's own."""
    path = settings.data_dir / UI_STATE_FILENAME
    prepare_ui_state_file(path)
    return QSettings(str(path), QSettings.Format.IniFormat)


def prepare_ui_state_file(path: Path) -> None:
    """Make sure QSettings writes into a private plain file of ours.

    QSettings saves through a symbolic link (it replaces the file the link points at) and
    creates the file with the umask's mode. So the file is created here first, 0600
    (QSettings keeps that mode), and anything else found at its name — a link, a folder,
    a hard link to another file — is moved aside under a new name, untouched, and a fresh
    file is made: window sizes are not worth writing through someone's link.
    """
    with contextlib.suppress(OSError):
        make_private_dirs(path.parent)
    try:
        info = path.lstat()
    except FileNotFoundError:
        info = None
    except OSError:
        return
    if info is not None and stat.S_ISREG(info.st_mode) and info.st_nlink == 1:
        restrict_file(path)
        return
    if info is not None:
        aside = path.with_name(f"{path.name}.unsafe-{secrets.token_hex(4)}")
        try:
            os.replace(path, aside)  # renames the link itself; its target is not touched
        except OSError:
            return
        log.warning("moved %s aside to %s: it was not a plain file", path, aside)
    with contextlib.suppress(OSError):
        os.close(create_private_file(path))


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([*(argv if argv is not None else sys.argv[:1]), *theme.STYLE_ARGS])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("walkapp")
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    # Fusion, walkapp's palette (light or dark, as the system is unless
    # WALKAPP_COLOR_SCHEME says) and the one stylesheet (walkapp.ui.theme).
    theme.apply(app)
    theme.follow_system(app)
    return app


def speak(settings: Settings, command_line: str | None = None) -> translations.Installed:
    """Install the translators of the language in force (walkapp.ui.translations)."""
    from walkapp import language as lang

    return translations.install(lang.choose(command_line, translations.preference_in(
        settings.data_dir / UI_STATE_FILENAME)))


def run_app(settings: Settings, files: Sequence[str] = (), language: str | None = None) -> int:
    """Run the desktop app; `files` (walk kits, notes files: its command line) are opened
    once the window is up, as if dropped on it. `language`: `--lang`'s, which wins over
    the Preferences choice and the system's (walkapp.language)."""
    from walkapp.ui.crash import install_crash_handler

    app = make_application()
    # Before any text is shown (start-up's own dialogs included).
    speak(settings, language)
    # From here on, an unexpected error anywhere (a slot, an event handler, a worker) is
    # written to logs/walkapp.log and shown in the crash dialog; the app goes on.
    crash = install_crash_handler(settings.data_dir)
    try:
        return _run(app, settings, files)
    except Exception as error:
        # A bug while the window is built or torn down, outside any slot: no event loop
        # is left to show the dialog later, so it is shown here before walkapp quits.
        from walkapp.ui.crash_dialog import CrashDialog
        from walkapp.ui.dialogs import Asker

        report = crash.report(type(error), error, error.__traceback__,
                              where="starting or closing walkapp", show=False)
        if report is None:
            raise
        Asker().run(CrashDialog(report))
        return EXIT_INTERNAL_ERROR
    finally:
        crash.uninstall()


def _run(app: QApplication, settings: Settings, files: Sequence[str] = ()) -> int:
    from walkapp.services.safety import CheckSchedule
    from walkapp.ui.dialogs import Asker
    from walkapp.ui.startup import offer_recovery, prepare_data_folder

    if files:
        # walkapp is open on this data folder already (a kit double-clicked while it
        # runs): that one opens the files, and this one has nothing more to do.
        from walkapp.ui.hand_over import hand_over

        if hand_over(settings.data_dir, files):
            return 0

    asker = Asker()
    schedule = CheckSchedule(settings.data_dir)

    def check(settings: Settings) -> StartupReport:
        # The cheap checks at every start; the full page check first only when the last one
        # found damage (otherwise it runs in the background: walkapp.ui.integrity).
        full = schedule.before_opening()
        report = check_database(settings, quick_check=full)
        if full:
            schedule.record(ok=report.can_open, now=datetime.now(UTC))
        return report

    # One writer per data folder, and a quick health check before anything is opened.
    started = prepare_data_folder(settings, asker, check=check)
    if started is None:
        return 1
    if started.recovery is not None:  # restored a checked backup, or started empty
        schedule.record(ok=True, now=datetime.now(UTC))
    try:
        while True:
            code, repair = _run_window(app, settings, asker, schedule, files)
            files = ()  # opened once: a window opened again after a repair does not
            if repair is None:
                return code
            # The background check found damage and the user chose to restore or to start
            # empty: the window and the database are closed, the lock is still held.
            if offer_recovery(settings, asker, None, started.lock, repair.report,
                              answer=repair.choice.value) is None:
                return 1
            # Restored from a backup that passed the full check, or a new empty file.
            schedule.record(ok=True, now=datetime.now(UTC))
    finally:
        started.lock.release()


def _after_start(window: MainWindow) -> None:
    window.library.show_icons()
    window.reminders.read()  # action items overdue or due soon, above the list
    import_models_in_background(window)
    window.protocols_menu.report_problems_in_background()
    window.expire_trash()


class _Receiving:
    """The hand-over listener, started once the window has settled (QtNetwork is not
    needed for the first window)."""

    def __init__(self) -> None:
        self.receiver: FileReceiver | None = None

    def close(self) -> None:
        if self.receiver is not None:
            self.receiver.close()


def _receive_files(window: MainWindow, settings: Settings) -> _Receiving:
    receiving = _Receiving()

    def start() -> None:
        from walkapp.ui.hand_over import FileReceiver

        receiver = FileReceiver(window)

        def received(files: list[str]) -> None:
            if window.isMinimized():
                window.showNormal()
            window.raise_()
            window.activateWindow()
            window.files.open_files(files)

        receiver.files_received.connect(received)
        if not receiver.listen(settings.data_dir):
            log.warning("files opened while walkapp is open will not reach it: the local "
                        "socket could not be opened")
        receiving.receiver = receiver

    when_settled(window, lambda: not window.library.is_loading(), start)
    return receiving


def _run_window(app: QApplication, settings: Settings, asker: Asker,
                schedule: CheckSchedule,
                files: Sequence[str] = ()) -> tuple[int, Repair | None]:
    """Open the services and the main window, run until it closes, close them again.
    The exit status, and the repair the user asked for while it ran (if any)."""
    from walkapp.services import open_services
    from walkapp.ui.integrity import BackgroundCheck

    try:
        services: Services = open_services(settings)
    except WalkappError as error:
        QMessageBox.critical(None, "walkapp", error.message)
        return 1, None
    # Read and written only with the data folder's lock held (just taken): a second
    # walkapp never gets here, so it never mistakes this one for a crashed one.
    marker = RunningMarker(settings.data_dir)
    unclean = marker.begin()
    window_settings = ui_settings(settings)
    # The look chosen in View ▸ Appearance, before any screen is built (nothing is redone
    # when it is the one already on show).
    theme.set_choice(app, theme.saved_choice(window_settings))
    window = MainWindow(services, window_settings, asker)
    # The start-up objects are frozen out of the garbage collector's full sweeps
    # (walkapp.ui.gc_policy): before the walk that was open is opened again.
    gc_policy.started()
    # ...and only the GUI thread collects, while no background work runs (a worker that
    # collected once deleted a closed page's widgets off the GUI thread: a segfault).
    gc_policy.install(app)
    # From here on a signal, a logout or quitting saves what is typed before walkapp
    # exits (see walkapp.ui.clean_exit).
    ends = CleanEnds(app, window.save_everything, window.end_session).install()
    window.start_auto_backup()
    # Back where you were: the walk, page, visit and timers open when walkapp ended.
    keeper = ResumeKeeper(window, services,
                          PositionStore.for_database(settings.data_dir, services.db))
    keeper.restore()
    window.show()
    if unclean:
        keeper.show_unclean_exit_notice()
    # The full page check of the database, off the GUI thread, after an unclean exit and
    # once a week (see docs/safety.md); what it finds is shown when it is done.
    integrity = BackgroundCheck(window, settings, schedule, asker)
    integrity.start(unclean=unclean)
    # Once the window is up with its list of walks (walkapp.ui.after_start), off the GUI
    # thread: the models, for the first walk opened; a broken file in the user's protocol
    # folder is reported, skipped, never fatal; walks whose 30 days in the Trash are over
    # go for good.
    when_settled(window, lambda: not window.library.is_loading(),
                 lambda: _after_start(window))
    if files:
        # In the event loop, once the window is there (the walk back where it was, if
        # any, is replaced by the kit's walk).
        QTimer.singleShot(0, window, lambda: window.files.open_files(list(files)))
    # Files a second walkapp hands over (walkapp.ui.hand_over), once the window is up.
    receiver = _receive_files(window, settings)
    try:
        code = app.exec()
    finally:
        try:
            window.end_session("the window closed")  # a no-op when it already ended
            receiver.close()
            keeper.shutdown()  # the last position written (a no-op when it was)
            window.stop_auto_backup()
            window.shutdown_background_work()
            services.close()
        finally:
            ends.uninstall()  # the end is complete: no deadline any more
            gc_policy.uninstall()  # nothing runs in the background any more
    # Reached only when walkapp ended under its own control (a kill or a crash never
    # gets here): the next start has nothing to report.
    marker.end()
    window.deleteLater()
    return ends.exit_status(code), integrity.repair
