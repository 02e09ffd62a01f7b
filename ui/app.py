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
    from walkapp.ui.dialogs import Asker
    from walkapp.ui.startup import prepare_data_folder

    app = make_application()
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
        # Walks whose 30 days in the Trash are over go for good (off the GUI thread).
        window.expire_trash()
        try:
            return app.exec()
        finally:
            window.stop_auto_backup()
            window.shutdown_background_work()
            services.close()
    finally:
        started.lock.release()
