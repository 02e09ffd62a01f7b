"""Where an empty state says what to do, a "Learn more" link opens the guide at the part
that explains it: the evidence wall with no notes, the Reports page of a walk with no
notes, an import that left a file out, the empty Trash (and the first-run welcome:
tests/ui/test_first_run_help.py). The screens get the guide as a callable or a signal."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QAbstractButton, QWidget

from tests.helpers.builders import make_walk
from tests.ui.conftest import ScriptedAsker
from tests.ui.postbrief.conftest import add_note, wait_loaded
from walkapp.bundles.report import FileReport, ImportReport, Rejected
from walkapp.events import Action, Change, Entity
from walkapp.services import Services
from walkapp.ui.help_sections import GuideSection
from walkapp.ui.import_report import ImportReportDialog
from walkapp.ui.main_window import MainWindow
from walkapp.ui.screens.postbrief.evidence_wall import EvidenceWall
from walkapp.ui.screens.reports_page import ReportsPage


def learn_more_in(widget: QWidget) -> QAbstractButton:
    return next(b for b in widget.findChildren(QAbstractButton) if "Learn more" in b.text())


def test_the_empty_evidence_wall_links_to_walkers_laptops(qtbot, services: Services) -> None:
    walk = make_walk(services)
    asked: list[str] = []
    wall = EvidenceWall(services.notes, services.walks, walk.id, guide=asked.append)
    qtbot.addWidget(wall)
    wall.resize(1200, 700)
    wall.show()
    wait_loaded(qtbot, wall)
    assert wall.empty.isVisible() and "No notes yet" in wall.empty.text()
    assert wall.learn_more is not None and wall.learn_more.isVisible()
    qtbot.mouseClick(wall.learn_more, Qt.MouseButton.LeftButton)
    assert asked == [GuideSection.WALKERS_LAPTOPS]
    wall.shutdown()


def test_the_reports_page_of_a_walk_with_no_notes_says_so(qtbot, services: Services) -> None:
    walk = make_walk(services)
    asked: list[str] = []
    page = ReportsPage(lambda _kind: None, guide=asked.append,
                       has_notes=lambda: bool(services.notes.list_notes(walk.id)))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(page.no_notes.isVisible, timeout=5000)
    link = learn_more_in(page.no_notes)
    qtbot.mouseClick(link, Qt.MouseButton.LeftButton)
    assert asked == [GuideSection.WALKERS_LAPTOPS]
    add_note(services, walk, text="Pairs compare answers")
    page.on_change(Change(Entity.NOTE, Action.ADDED, walk.id))
    qtbot.waitUntil(lambda: not page.no_notes.isVisible(), timeout=5000)
    page.shutdown()


def test_an_import_that_left_a_file_out_links_to_the_guide(qtbot) -> None:
    report = ImportReport(files=(
        FileReport(path="/x/amira.walknotes", accepted=False,
                   rejected=(Rejected("the whole file", "No walk kit was made here."),)),
    ))
    asked: list[str] = []
    dialog = ImportReportDialog(report, guide=asked.append)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.learn_more is not None and dialog.learn_more.isVisible()
    qtbot.mouseClick(dialog.learn_more, Qt.MouseButton.LeftButton)
    assert asked == [GuideSection.WALKERS_LAPTOPS]
    fine = ImportReportDialog(ImportReport(files=(
        FileReport(path="/x/ben.walknotes", accepted=True, walker_name="Ben"),)),
        guide=asked.append)
    qtbot.addWidget(fine)
    assert fine.learn_more is None


def test_the_empty_trash_links_to_where_things_are_kept(qtbot, services: Services,
                                                        qsettings: QSettings,
                                                        asker: ScriptedAsker) -> None:
    window = MainWindow(services, qsettings, asker)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.show_trash()
    view = window.trash_view
    assert view.empty_state.isVisible() and view.learn_more.isVisible()
    qtbot.mouseClick(view.learn_more, Qt.MouseButton.LeftButton)
    guide = window.help.guide
    assert guide is not None and guide.isVisible()
    assert guide.current_section() == GuideSection.KEPT


def test_a_walks_pages_get_the_windows_guide(qtbot, services: Services, qsettings: QSettings,
                                             asker: ScriptedAsker) -> None:
    walk = make_walk(services)
    window = MainWindow(services, qsettings, asker)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.open_walk(walk.id)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    workspace = window.workspace
    workspace.show_page("reports")
    reports = workspace.page("reports")
    assert isinstance(reports, ReportsPage)
    qtbot.waitUntil(reports.no_notes.isVisible, timeout=5000)
    reports.grab().save("/tmp/help-reports-no-notes.png")
    link = learn_more_in(reports.no_notes)
    qtbot.mouseClick(link, Qt.MouseButton.LeftButton)
    guide = window.help.guide
    assert guide is not None and guide.current_section() == GuideSection.WALKERS_LAPTOPS
