"""The export dialog's "Review them": after an export that held notes back from the
record, one click takes the facilitator to the post-brief's evidence wall, where those
notes are kept, rewritten or set aside."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget

from tests.core.reports.conftest import (  # noqa: F401  (fixtures used by name)
    demo,
    demo_template,
    services,
)
from tests.ui.conftest import ScriptedAsker
from tests.ui.protocol_words import every_protocol
from tests.ui.test_postbrief_navigation import group_of, post_brief
from tests.ui.test_step_prepare import click_step
from walkapp import domain as d
from walkapp.reports import ExportResult, ReportKind
from walkapp.services import Services
from walkapp.ui.export import ExportDialog
from walkapp.ui.main_window import MainWindow
from walkapp.ui.screens.postbrief import PostBriefWorkspace
from walkapp.ui.screens.reports_page import ReportsPage

SHOTS = os.environ.get("WALKAPP_SHOTS")  # folder to save a picture of the dialog into


def _saved(tmp_path: Path, held_back: str) -> ExportResult:
    return ExportResult(path=tmp_path / "debrief.pdf", pages=3, bytes=1000, seconds=0.5,
                        held_back=held_back)


def _dialog(qtbot, services: Services, demo: d.Walk, asker: ScriptedAsker,  # noqa: F811
            reviewed: list[str] | None) -> ExportDialog:
    review = (lambda: reviewed.append(demo.id)) if reviewed is not None else None
    dialog = ExportDialog(services, demo.id, asker=asker, review_held_back=review)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_review_them_opens_the_evidence_wall_and_closes_the_dialog(
        qtbot, services: Services, demo: d.Walk, asker: ScriptedAsker,  # noqa: F811
        tmp_path: Path) -> None:
    reviewed: list[str] = []
    dialog = _dialog(qtbot, services, demo, asker, reviewed)
    assert not dialog.review_button.isVisible()  # nothing exported yet
    dialog._done(_saved(tmp_path, "2 notes are held back from the record"))
    assert "2 notes are held back" in dialog.status.text()
    assert dialog.review_button.isVisible() and dialog.review_button.text() == "Review them"
    if SHOTS:
        dialog.grab().save(str(Path(SHOTS) / "export-review.png"))
    qtbot.mouseClick(dialog.review_button, Qt.MouseButton.LeftButton)
    assert reviewed == [demo.id]
    assert not dialog.isVisible()


def test_no_review_button_when_nothing_is_held_back_or_nowhere_to_go(
        qtbot, services: Services, demo: d.Walk, asker: ScriptedAsker,  # noqa: F811
        tmp_path: Path) -> None:
    dialog = _dialog(qtbot, services, demo, asker, [])
    dialog._done(_saved(tmp_path, ""))
    assert not dialog.review_button.isVisible()
    alone = _dialog(qtbot, services, demo, asker, None)
    alone._done(_saved(tmp_path, "1 note is held back from the record"))
    assert not alone.review_button.isVisible()
    # The words that point to the wall are still there.
    assert "Evidence wall" in alone.status.text()


def test_a_long_status_is_shown_whole_and_cleared_with_the_form(
        qtbot, services: Services, demo: d.Walk, asker: ScriptedAsker,  # noqa: F811
        tmp_path: Path) -> None:
    dialog = _dialog(qtbot, services, demo, asker, [])
    before = dialog.height()
    reread = ("3 lines the group wrote may judge someone or name a person (patterns 2, "
              "next steps 1), e.g. “The teachers were excellent at questioning and the "
              "students loved it”: reread them before you share the debrief.")
    result = ExportResult(path=tmp_path / "debrief.pdf", pages=3, bytes=1000, seconds=0.5,
                          held_back="2 notes are held back: review them at the evidence "
                                    "wall (flagged or set aside)", warnings=(reread,))
    dialog._done(result)
    status = dialog.status
    qtbot.waitUntil(lambda: status.height() >= status.heightForWidth(status.width()))
    assert dialog.height() > before and reread in status.text()
    dialog.kind.setCurrentIndex(dialog.kind.findData(ReportKind.AGENDA.value))
    # Another report: the words about the last file go.
    assert status.text() == "" and status.minimumHeight() == 0


@pytest.mark.usefixtures("loads_done_before_teardown")
def test_the_workspace_opens_the_evidence_wall(qtbot, services: Services,  # noqa: F811
                                               asker: ScriptedAsker, tmp_path: Path) -> None:
    _name, protocol = every_protocol()[0]
    workspace, guide = post_brief(qtbot, services, asker, protocol)
    away = next(i for i, s in enumerate(guide.runner.steps)
                if s.step.activity.value != "evidence_wall")
    click_step(qtbot, guide, away)
    assert group_of(guide).current_panel() != "evidence_wall"
    workspace.show_page("plan")
    workspace.open_panel("evidence_wall")
    assert workspace.current_key() == "post_brief"
    # The step's body is shown in slices, over a few turns of the event loop.
    qtbot.waitUntil(lambda: group_of(guide).current_panel() == "evidence_wall",
                    timeout=5000)
    # From the Reports page: its export dialog's "Review them" is followed the same way.
    click_step(qtbot, guide, away)
    assert group_of(guide).current_panel() != "evidence_wall"
    reports = workspace.page("reports")
    assert isinstance(reports, ReportsPage)
    workspace.show_page("reports")
    qtbot.mouseClick(reports.buttons[ReportKind.DEBRIEF], Qt.MouseButton.LeftButton)
    dialog = next(w for w in QApplication.topLevelWidgets()
                  if isinstance(w, ExportDialog) and w.isVisible())
    dialog._done(_saved(tmp_path, "1 note is held back from the record"))
    qtbot.mouseClick(dialog.review_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: group_of(guide).current_panel() == "evidence_wall",
                    timeout=5000)
    assert workspace.current_key() == "post_brief"


def _wall_shown(window: MainWindow, walk_id: str) -> bool:
    workspace = window.workspace
    if workspace is None or workspace.walk_id != walk_id or \
            workspace.current_key() != "post_brief":
        return False
    page = workspace.page("post_brief")
    assert isinstance(page, QWidget)
    groups = [page] if isinstance(page, PostBriefWorkspace) else \
        page.findChildren(PostBriefWorkspace)
    return any(g.current_panel() == "evidence_wall" for g in groups)


@pytest.mark.usefixtures("loads_done_before_teardown")
def test_the_window_opens_the_walk_at_its_evidence_wall(
        qtbot, services: Services, demo: d.Walk, asker: ScriptedAsker,  # noqa: F811
        qsettings: QSettings, tmp_path: Path) -> None:
    window = MainWindow(services, qsettings, asker)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    QApplication.processEvents()
    # Exported from the list of walks: the walk is opened, then its wall shown.
    window.library.select_walk(demo.id)
    window.export_report(ReportKind.DEBRIEF)
    dialog = window.export_dialog
    dialog._done(_saved(tmp_path, "2 notes are held back from the record"))
    qtbot.mouseClick(dialog.review_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _wall_shown(window, demo.id), timeout=10_000)
    # Exported from the open walk, on another page: the same wall, no reopening.
    workspace = window.workspace
    assert workspace is not None
    workspace.show_page("plan")
    window.export_report(ReportKind.DEBRIEF)
    again = window.export_dialog
    again._done(_saved(tmp_path, "2 notes are held back from the record"))
    qtbot.mouseClick(again.review_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _wall_shown(window, demo.id), timeout=10_000)
    assert window.workspace is workspace
