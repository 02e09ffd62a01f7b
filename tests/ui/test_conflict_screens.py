"""The conflict screens in the real window at 1366×768 and 1024×640: the Conflicts view,
the evidence wall with its "2 versions" marks and the walks library with its count. Each
is drawn to PNG (into $WALKAPP_SHOTS when set, to look at) and checked for what makes a
screen unusable when small: a button cut off or squeezed below its text."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QAbstractButton, QApplication, QScrollArea, QWidget

from tests.ui.conftest import ScriptedAsker
from tests.ui.postbrief.conflict_rows import note_conflict
from walkapp import domain as d
from walkapp.demo import create_demo_walk
from walkapp.services import NoteDraft, Services
from walkapp.ui.main_window import MainWindow
from walkapp.ui.screens.postbrief.workspace import CONFLICTS, PostBriefWorkspace
from walkapp.ui.screens.step_guide import StepGuide

SIZES = [(1366, 768), (1024, 640)]


def _conflicts(services: Services, walk: d.Walk) -> None:
    notes = services.notes.list_notes(walk.id)
    first = notes[0]
    note_conflict(services, walk, first, first.text + " Two pairs then compared their "
                  "methods with the whole class, and the teacher wrote both on the board.")
    second = notes[3]
    note_conflict(services, walk, second, "", deleted=True)
    third = services.notes.save_note(NoteDraft(walk.id, walk.walkers[0].id,
                                               "Students asked each other first.",
                                               visit_id=walk.visits[1].id))
    note_conflict(services, walk, third, "Students asked each other before asking the "
                  "teacher.", other_author=1)
    note_conflict(services, walk, third, "Students asked a partner first.",
                  other_author=2 if len(walk.walkers) > 2 else 0)


def _scrolled(widget: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def _buttons_fit(root: QWidget) -> list[str]:
    """Visible buttons that are cut off or narrower than their text. In a scroll area (it
    scrolls up and down only) a button may be below the fold, never beside it."""
    bad = []
    window = root.window()
    for button in root.findChildren(QAbstractButton):
        if not button.isVisible() or not button.text():
            continue
        if button.width() < button.minimumSizeHint().width():
            bad.append(f"{button.text()!r} squeezed ({button.width()} px)")
        scroll = _scrolled(button)
        frame = scroll.viewport() if scroll is not None else window
        left = button.mapTo(frame, button.rect().topLeft())
        right = button.mapTo(frame, button.rect().bottomRight())
        if left.x() < 0 or right.x() > frame.width():
            bad.append(f"{button.text()!r} cut off at the side")
        if scroll is None and (left.y() < 0 or right.y() > frame.height()):
            bad.append(f"{button.text()!r} outside the window")
    return bad


def _save(widget: QWidget, name: str, tmp_path: Path) -> Path:
    for _ in range(3):  # posted layouts first: the picture shows what the user sees
        QApplication.processEvents()
    folder = Path(os.environ.get("WALKAPP_SHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    assert widget.grab().save(str(path))
    return path


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_the_conflict_screens_fit(qtbot, services: Services, qsettings: QSettings,
                                  asker: ScriptedAsker, tmp_path: Path,
                                  size: tuple[int, int]) -> None:
    walk = create_demo_walk(services)
    _conflicts(services, walk)
    window = MainWindow(services, qsettings, asker)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    tag = f"{size[0]}x{size[1]}"

    # The library, with the count on the sample walk.
    qtbot.waitUntil(lambda: window.library.model.conflicts(walk.id) == 3)
    assert _buttons_fit(window.library) == []
    _save(window, f"conflicts-library-{tag}.png", tmp_path)

    window.open_walk(walk.id)
    workspace = window.workspace
    assert workspace is not None
    qtbot.waitUntil(workspace.conflicts_button.isVisible)
    workspace.open_conflicts()
    guide = workspace.page("post_brief")
    assert isinstance(guide, StepGuide)
    qtbot.waitUntil(lambda: bool(guide.findChildren(PostBriefWorkspace)))
    postbrief = guide.findChildren(PostBriefWorkspace)[0]
    panel = postbrief.conflicts_panel
    qtbot.waitUntil(lambda: panel.isVisible() and panel.view.conflict is not None
                    and not panel.is_loading())
    assert panel.list.count() == 3
    for row in range(panel.list.count()):
        panel.list.setCurrentRow(row)
        QApplication.processEvents()  # the versions' layout is posted
        _save(window, f"conflicts-view-{row + 1}-{tag}.png", tmp_path)
        assert _buttons_fit(panel) == [], row
        # Every version's text box shows at least a few lines.
        for card in panel.view.cards:
            if card.text_view is not None:
                assert card.text_view.height() >= 48, (row, card.text_view.height())
    panel.list.setCurrentRow(0)
    panel.view.edit_button.click()
    assert _buttons_fit(panel) == []
    assert panel.view.editor.height() >= 60
    _save(window, f"conflicts-edit-{tag}.png", tmp_path)
    panel.view.cancel_button.click()

    postbrief.show_panel("evidence_wall")
    wall = postbrief.evidence_wall
    qtbot.waitUntil(lambda: wall.refresh_count > 0 and not wall.is_loading())
    assert wall.conflict_bar.isVisible()
    assert _buttons_fit(wall) == []
    _save(window, f"conflicts-wall-{tag}.png", tmp_path)

    postbrief.show_panel("calibration")
    calibration = postbrief.calibration
    qtbot.waitUntil(lambda: calibration.refresh_count > 0 and not calibration.is_loading())
    assert calibration.conflict_bar.isVisible()
    assert _buttons_fit(calibration) == []
    _save(window, f"conflicts-calibration-{tag}.png", tmp_path)
    assert postbrief.tab_title(CONFLICTS) == "Conflicts (3)"
