"""Every interactive control on every screen has an accessible name."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QTabWidget

from tests.helpers.a11y import unnamed_controls
from tests.ui.conftest import ScriptedAsker
from walkapp.demo import create_demo_walk
from walkapp.services import Services
from walkapp.ui.main_window import MainWindow
from walkapp.ui.screens.new_walk import NewWalkDialog, ProtocolChoice


def test_every_screen_names_its_controls(qtbot, services: Services, qsettings: QSettings,
                                         asker: ScriptedAsker) -> None:
    window = MainWindow(services, qsettings, asker)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    problems: dict[str, list[str]] = {}
    problems["library (empty)"] = unnamed_controls(window)
    walk = create_demo_walk(services)
    problems["library"] = unnamed_controls(window)
    window.open_walk(walk.id)
    workspace = window.workspace
    assert workspace is not None
    for key in workspace.page_keys():
        workspace.show_page(key)
        QApplication.processEvents()
        page = workspace.page(key)
        for tabs in [page, *page.findChildren(QTabWidget)]:
            if isinstance(tabs, QTabWidget):
                for index in range(tabs.count()):
                    tabs.setCurrentIndex(index)
                    QApplication.processEvents()
                    problems[f"{key} / {tabs.tabText(index)}"] = unnamed_controls(window)
        problems[key] = unnamed_controls(window)
    dialog = NewWalkDialog([ProtocolChoice("p", "Protocol", "About it", ("Set A",))])
    qtbot.addWidget(dialog)
    dialog.show()
    problems["new walk dialog"] = unnamed_controls(dialog)

    from walkapp.bundles import FileReport, ImportReport
    from walkapp.reports import ReportKind
    from walkapp.ui.export import ExportDialog
    from walkapp.ui.import_report import ImportReportDialog

    export = ExportDialog(services, walk.id, kind=ReportKind.DEBRIEF, asker=asker)
    qtbot.addWidget(export)
    export.show()
    problems["export dialog"] = unnamed_controls(export)
    report = ImportReport(files=(FileReport(path="a.walknotes", accepted=True),))
    imported = ImportReportDialog(report)
    qtbot.addWidget(imported)
    imported.show()
    problems["import report dialog"] = unnamed_controls(imported)

    # Walker mode: the same walk on a walker's laptop.
    window.show_library()
    services.walks.update_walk(walk.id, local_mode="walker",
                               local_participant_id=walk.walkers[0].id)
    window.open_walk(walk.id)
    assert window.workspace is not None and window.workspace.page_keys() == ["walker"]
    home = window.workspace.page("walker")
    for tabs in home.findChildren(QTabWidget):
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            QApplication.processEvents()
            problems[f"walker / {tabs.tabText(index)}"] = unnamed_controls(window)
    assert {where: found for where, found in problems.items() if found} == {}


def test_the_check_itself_finds_unnamed_controls(qtbot) -> None:
    from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton, QVBoxLayout, QWidget

    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    unnamed = QLineEdit()
    unnamed.setObjectName("unnamedEdit")
    named = QLineEdit()
    named.setAccessibleName("Named")
    layout.addWidget(unnamed)
    layout.addWidget(named)
    layout.addWidget(QPushButton("Has text"))
    layout.addWidget(QComboBox())
    root.show()
    found = unnamed_controls(root)
    assert len(found) == 2 and any("unnamedEdit" in f for f in found)
