"""The export dialog's "Review them": after an export that held notes back from the
record, one click takes the facilitator to the post-brief's evidence wall, where those
notes are kept, rewritten or set aside."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.core.reports.conftest import (  # noqa: F401  (fixtures used by name)
    demo,
    demo_template,
    services,
)
from tests.ui.conftest import ScriptedAsker
from tests.ui.protocol_words import every_protocol
from tests.ui.test_postbrief_navigation import group_of, post_brief
from walkapp import domain as d
from walkapp.reports import ExportResult
from walkapp.services import Services
from walkapp.ui.export import ExportDialog

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


@pytest.mark.usefixtures("loads_done_before_teardown")
def test_the_workspace_opens_the_evidence_wall(qtbot, services: Services,  # noqa: F811
                                               asker: ScriptedAsker) -> None:
    _name, protocol = every_protocol()[0]
    workspace, guide = post_brief(qtbot, services, asker, protocol)
    workspace.show_page("plan")
    workspace.open_panel("evidence_wall")
    assert workspace.current_key() == "post_brief"
    assert group_of(guide).current_panel() == "evidence_wall"
