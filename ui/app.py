"""Start the desktop app: one QApplication, the services, the main window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from walkapp import APP_NAME, __version__
from walkapp.config import Settings
from walkapp.errors import WalkappError
from walkapp.paths import resource_path
from walkapp.services import Services, open_services
from walkapp.ui.main_window import MainWindow

# The exit status of a bug, as the `walkapp` command uses it (EX_SOFTWARE).
EXIT_INTERNAL_ERROR = 70


def ui_settings(settings: Settings) -> QSettings:
    """Window state lives beside the data (not in a global registry), so a test or a second
    data folder never disturbs the user's own."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    return QSettings(str(settings.data_dir / "ui-state.ini"), QSettings.Format.IniFormat)


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("walkapp")
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    style = resource_path("styles", "app.qss")
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    return app


def run_app(settings: Settings) -> int:
    from walkapp.ui.crash import install_crash_handler

    app = make_application()
    # From here on, an unexpected error anywhere (a slot, an event handler, a worker) is
    # written to logs/walkapp.log and shown in the crash dialog; the app goes on.
    crash = install_crash_handler(settings.data_dir)
    try:
        return _run(app, settings)
    except Exception as error:
        # A bug while the window is built or torn down, outside any slot: no event loop
        # is left to show the dialog later, so it is shown here before walkapp quits.
        from walkapp.ui.crash import CrashDialog
        from walkapp.ui.dialogs import Asker

        report = crash.report(type(error), error, error.__traceback__,
                              where="starting or closing walkapp", show=False)
        if report is None:
            raise
        Asker().run(CrashDialog(report))
        return EXIT_INTERNAL_ERROR
    finally:
        crash.uninstall()


def _run(app: QApplication, settings: Settings) -> int:
    from walkapp.ui.dialogs import Asker
    from walkapp.ui.startup import prepare_data_folder

    asker = Asker()
    # One writer per data folder, and a quick health check before anything is opened.
    started = prepare_data_folder(settings, asker)
    if started is None:
        return 1
    try:
        try:
            services: Services = open_services(settings)
        except WalkappError as error:
            QMessageBox.critical(None, "walkapp", error.message)
            return 1
        window = MainWindow(services, ui_settings(settings), asker)
        window.start_auto_backup()
        window.show()
        # A broken file in the user's protocol folder is reported, skipped, never fatal.
        window.protocols_menu.report_problems()
        try:
            return app.exec()
        finally:
            window.stop_auto_backup()
            services.close()
    finally:
        started.lock.release()
