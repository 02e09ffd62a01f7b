"""The main window: menus, status bar and a stack of screens. It composes screens; it does
not contain them."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget, QWidget

from walkapp import __version__
from walkapp.services import Services
from walkapp.ui.bridge import ChangeBridge
from walkapp.ui.dialogs import Asker
from walkapp.ui.screens.walks_library import WalksLibrary


class MainWindow(QMainWindow):
    def __init__(self, services: Services, settings: QSettings, asker: Asker | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._settings = settings
        self._asker = asker or Asker()
        self.setWindowTitle(self.tr("walkapp — learning walks"))
        self.setMinimumSize(960, 600)

        self.bridge = ChangeBridge(services.bus, self)
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.library = WalksLibrary(services.walks)
        self.stack.addWidget(self.library)
        self.bridge.changed.connect(self.library.on_change)

        self._build_menus()
        where = services.db.path or services.db.url
        self.data_label = QLabel(self.tr("Data: {0}").format(where))
        self.data_label.setAccessibleName(self.tr("Where walkapp keeps its data"))
        self.statusBar().addPermanentWidget(self.data_label)
        self._restore_geometry()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.find_action = QAction(self.tr("&Find walk…"), self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.library.focus_search)
        file_menu.addAction(self.find_action)
        file_menu.addSeparator()
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.about_action = QAction(self.tr("&About walkapp"), self)
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)

    def show_about(self) -> None:
        self._asker.inform(self, self.tr("About walkapp"), self.tr(
            "walkapp {0}\n\nRun learning walks that improve the walkers' own practice.\n"
            "Everything stays on this computer; nothing is sent anywhere.").format(__version__))

    def _restore_geometry(self) -> None:
        geometry = self._settings.value("main_window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 760)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._settings.setValue("main_window/geometry", self.saveGeometry())
        self._settings.sync()
        super().closeEvent(event)
