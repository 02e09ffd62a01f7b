"""The post-brief workspace: panels by activity name, targeted refresh, accessibility,
fitting on a 1366×768 screen, and screenshots."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from tests.helpers.builders import make_walk
from tests.ui.postbrief.conftest import add_note, wait_loaded
from walkapp import domain as d
from walkapp.demo import create_demo_walk
from walkapp.services import NoteDraft, Services
from walkapp.ui.screens.postbrief.workspace import PANEL_NAMES, PostBriefWorkspace
from walkapp.ui.screenshots_postbrief import render_screenshots

INTERACTIVE = (QAbstractButton, QLineEdit, QPlainTextEdit, QTextEdit, QComboBox,
               QAbstractSpinBox, QAbstractItemView, QTabBar)
# Parts of a composite control (a spin box's line edit, a table's corner button, a tab
# bar's scroll arrows) are named by the control that owns them.
COMPOSITES = (QComboBox, QAbstractSpinBox, QAbstractItemView, QTabBar)


def _visit_all(qtbot, workspace: PostBriefWorkspace) -> None:
    for name in PANEL_NAMES:
        assert workspace.show_panel(name)
        wait_loaded(qtbot, workspace.panel(name))


def _counts(workspace: PostBriefWorkspace) -> dict[str, int]:
    return {name: panel.refresh_count for name, panel in workspace.panels.items()}


def _scheduled(workspace: PostBriefWorkspace) -> list[str]:
    """The panels with a reload due or under way."""
    return [name for name, panel in workspace.panels.items() if panel.is_loading()]


def test_show_panel_by_protocol_activity(qtbot, services: Services, walk: d.Walk,
                                         open_workspace) -> None:
    workspace = open_workspace(walk.id)
    shown: list[str] = []
    workspace.panel_shown.connect(shown.append)
    for name in reversed(PANEL_NAMES):
        assert workspace.show_panel(name) is True
        assert workspace.current_panel() == name
        assert workspace.tabs.currentWidget() is workspace.panel(name)
    assert shown == list(reversed(PANEL_NAMES))
    assert workspace.show_panel("norms") is False  # not a post-brief activity
    assert workspace.current_panel() == PANEL_NAMES[0]


def test_a_change_reloads_only_the_panel_that_shows_it(qtbot, services: Services,
                                                       walk: d.Walk, open_workspace) -> None:
    other = make_walk(services, "Another walk")
    workspace = open_workspace(walk.id)
    _visit_all(qtbot, workspace)
    workspace.show_panel("patterns")
    before = _counts(workspace)

    # Another walk's changes, and the protocol guide moving between steps, reload nothing.
    services.debrief.add_pattern(other.id, d.PatternKind.DESCRIBE, "Elsewhere")
    services.debrief.add_action_item(other.id, "Elsewhere")
    services.notes.save_note(NoteDraft(walk_id=other.id, author_id=None, text="Elsewhere"))
    services.walks.update_walk(walk.id, current_step=4, current_phase="postbrief")
    # Changes reach the panels as they are committed, and each decides there and then:
    # none has a reload scheduled or running (nothing to wait for).
    QApplication.processEvents()
    assert _scheduled(workspace) == []
    assert _counts(workspace) == before
    assert not any(p.is_stale() for p in workspace.panels.values())

    # A statement for this walk reloads the visible patterns panel, and nothing else.
    services.debrief.add_pattern(walk.id, d.PatternKind.DESCRIBE, "Here")
    assert _scheduled(workspace) == ["patterns"]
    wait_loaded(qtbot, workspace.patterns, before["patterns"])
    assert _scheduled(workspace) == []
    after = _counts(workspace)
    assert after == {**before, "patterns": before["patterns"] + 1}

    # Hidden panels only note that they are stale, and reload when shown.
    services.debrief.add_action_item(walk.id, "Book the library")
    add_note(services, walk, text="A late note")
    QApplication.processEvents()
    assert _scheduled(workspace) == []
    assert _counts(workspace) == after
    stale = {name for name, panel in workspace.panels.items() if panel.is_stale()}
    # (A note can start or end a conflict: the Conflicts list is stale too.)
    assert stale == {"action_items", "evidence_wall", "calibration", "commitments",
                     "conflicts"}
    workspace.show_panel("action_items")
    wait_loaded(qtbot, workspace.action_items, after["action_items"])
    assert workspace.action_items.model.rowCount() == 1
    assert _counts(workspace)["evidence_wall"] == after["evidence_wall"]


def test_every_interactive_control_has_an_accessible_name(qtbot, services: Services,
                                                          open_workspace) -> None:
    from tests.ui.postbrief.conflict_rows import note_conflict

    walk = create_demo_walk(services)
    # A conflict, so the Conflicts view's versions and the wall's marks are there too.
    note_conflict(services, walk, services.notes.list_notes(walk.id)[0], "Changed there")
    workspace = open_workspace(walk.id)
    _visit_all(qtbot, workspace)
    assert workspace.conflicts_panel.view.cards
    missing = []
    for widget in workspace.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE):
            continue
        parent = widget.parentWidget()
        inside_composite = False
        while parent is not None and parent is not workspace:
            if isinstance(parent, COMPOSITES):
                inside_composite = True
                break
            parent = parent.parentWidget()
        if not inside_composite and not widget.accessibleName().strip():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r} "
                           f"{getattr(widget, 'text', lambda: '')()!r}")
    assert missing == []


def test_fits_a_1366x768_screen_under_the_window_chrome(qtbot, services: Services,
                                                        open_workspace) -> None:
    walk = create_demo_walk(services)
    workspace = open_workspace(walk.id)
    _visit_all(qtbot, workspace)
    # Leave room for the menu bar, status bar and the protocol guide's step header.
    hint = workspace.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 520, hint
    for name in PANEL_NAMES:
        panel_hint = workspace.panel(name).minimumSizeHint()
        assert panel_hint.width() <= 1366 and panel_hint.height() <= 500, (name, panel_hint)


def test_render_screenshots(qtbot, services: Services, tmp_path: Path) -> None:
    paths = render_screenshots(services, tmp_path / "shots")
    assert [p.name for p in paths] == [f"postbrief-{n.replace('_', '-')}.png"
                                       for n in PANEL_NAMES]
    for path in paths:
        image = QImage(str(path))
        assert (image.width(), image.height()) == (1366, 768)


def _tab_chain(qtbot, start: QWidget, steps: int) -> list[QWidget]:
    start.setFocus()
    seen = [start]
    for _ in range(steps):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    return seen


def test_tab_order_follows_the_reading_order(qtbot, services: Services, walk: d.Walk,
                                             open_workspace) -> None:
    add_note(services, walk, text="So the wall and the calibration grid have content")
    workspace = open_workspace(walk.id)
    workspace.activateWindow()
    qtbot.waitUntil(workspace.isActiveWindow)
    _visit_all(qtbot, workspace)

    workspace.show_panel("action_items")
    items = workspace.action_items
    chain = _tab_chain(qtbot, items.new_text, 4)
    assert chain == [items.new_text, items.new_owner, items.has_due, items.add_button,
                     items.table]  # the date box is skipped while "Due" is unticked

    workspace.show_panel("patterns")
    describe = workspace.patterns.sections[d.PatternKind.DESCRIBE]
    analyse = workspace.patterns.sections[d.PatternKind.ANALYSE]
    chain = _tab_chain(qtbot, describe.editor, 3)
    # Type, add, then the list; disabled and hidden buttons are skipped.
    assert chain[:3] == [describe.editor, describe.add_button, describe.view]
    assert chain[3] is analyse.editor
    workspace.show_panel("feedback")
    feedback = workspace.feedback
    _rating, keep, change = feedback.answers
    chain = _tab_chain(qtbot, keep.box, 3)
    assert chain == [keep.box, change.box, feedback.author, feedback.send_button]

    workspace.show_panel("evidence_wall")
    wall = workspace.evidence_wall
    chain = _tab_chain(qtbot, wall.filter, 2)
    assert chain == [wall.filter, wall.show_authors, wall.tree]

    workspace.show_panel("calibration")
    calibration = workspace.calibration
    chain = _tab_chain(qtbot, calibration.visit_box, 3)
    assert chain == [calibration.visit_box, calibration.next_button, calibration.show_names,
                     calibration.table]

    workspace.show_panel("commitments")
    rows = [workspace.commitments.rows[p.id] for p in walk.walkers]
    chain = _tab_chain(qtbot, rows[0].editor, 2)
    assert chain == [rows[0].editor, rows[1].editor, rows[2].editor]
