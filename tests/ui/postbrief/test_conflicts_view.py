"""The Conflicts view, driven through its real buttons: keep this one, keep that one, keep
both, edit into one; the count in the tab title; the "2 versions" marks on the evidence
wall and in calibration; a failed resolve; an unsaved "edit into one" draft."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.ui.postbrief.conflict_rows import note_conflict
from tests.ui.postbrief.conftest import add_note, type_text, wait_loaded
from walkapp import domain as d
from walkapp.errors import DiskFullError
from walkapp.services import Services
from walkapp.ui.screens.postbrief.conflicts import ConflictsPanel
from walkapp.ui.screens.postbrief.workspace import CONFLICTS, PostBriefWorkspace

Open = Callable[[], PostBriefWorkspace]


@pytest.fixture
def open_with(walk: d.Walk, open_workspace: Callable[[str], PostBriefWorkspace]) -> Open:
    return lambda: open_workspace(walk.id)


@pytest.fixture
def resolved(services: Services, monkeypatch: pytest.MonkeyPatch) -> list[dict[str, object]]:
    """What each resolve was asked (the real one runs)."""
    asked: list[dict[str, object]] = []
    real = services.conflicts.resolve

    def spy(walk_id: str, family: str, **how: object) -> None:
        asked.append({"family": family, **how})
        real(walk_id, family, **how)  # type: ignore[arg-type]
    monkeypatch.setattr(services.conflicts, "resolve", spy)
    return asked


def full(*_args: object, **_kwargs: object) -> None:
    raise DiskFullError("The disk is full, so the change was not saved.")


def shown(qtbot, workspace: PostBriefWorkspace) -> ConflictsPanel:
    panel = workspace.conflicts_panel
    loads = panel.refresh_count
    workspace.show_conflicts()
    if panel.is_stale() or panel.is_loading() or loads == 0:
        wait_loaded(qtbot, panel, loads)
    return panel


def test_keep_this_one_settles_the_conflict_and_the_list_follows(
        qtbot, services: Services, walk: d.Walk, resolved: list[dict[str, object]],
        open_with: Open) -> None:
    note = add_note(services, walk, text="Students explained their thinking")
    note_conflict(services, walk, note, "Students explained their thinking to a partner")
    workspace = open_with()
    panel = shown(qtbot, workspace)
    assert panel.list.count() == 1
    assert "Walker 1" in panel.list.item(0).text() and "Walker 2" in panel.list.item(0).text()
    left, right = panel.view.cards
    assert left.keep_button.text() == "Keep this one"
    assert right.keep_button.text() == "Keep that one"
    assert left.text_view is not None and \
        left.text_view.toPlainText() == "Students explained their thinking"
    assert right.text_view is not None and "to a partner" in right.text_view.toPlainText()
    assert "Walker 2" in right.who.text() and right.when.text().startswith("Changed")

    loads = panel.refresh_count
    qtbot.mouseClick(left.keep_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.status.text().startswith("Saved"))
    assert resolved == [{"family": note.id, "keep": note.id, "keep_both": False,
                         "text": None}]
    assert [n.text for n in services.notes.list_notes(walk.id)] == [
        "Students explained their thinking"]
    # No refresh by hand: the Change events reload the list.
    wait_loaded(qtbot, panel, loads)
    assert panel.list.count() == 0
    assert panel._stack.currentWidget() is panel.empty
    assert workspace.tab_title(CONFLICTS) == "Conflicts"


def test_keep_that_one_keeps_the_other_laptops_text(
        qtbot, services: Services, walk: d.Walk, resolved: list[dict[str, object]],
        open_with: Open) -> None:
    note = add_note(services, walk, text="Mine")
    conflict = note_conflict(services, walk, note, "Theirs")
    panel = shown(qtbot, open_with())
    loads = panel.refresh_count
    # Keyboard: the button takes focus and Space presses it.
    button = panel.view.cards[1].keep_button
    assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
    button.setFocus()
    QTest.keyClick(button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: panel.status.text().startswith("Saved"))
    assert resolved[0]["keep"] == conflict.sides[1].row_id
    assert services.notes.get_note(note.id).text == "Theirs"
    wait_loaded(qtbot, panel, loads)
    assert panel.list.count() == 0


def test_keep_both_keeps_both_texts(qtbot, services: Services, walk: d.Walk,
                                    resolved: list[dict[str, object]],
                                    open_with: Open) -> None:
    note = add_note(services, walk, text="First")
    note_conflict(services, walk, note, "Second")
    panel = shown(qtbot, open_with())
    assert panel.view.keep_both_button.isEnabled()
    qtbot.mouseClick(panel.view.keep_both_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.status.text().startswith("Saved"))
    assert resolved[0]["keep_both"] is True
    texts = sorted(n.text for n in services.notes.list_notes(walk.id))
    assert texts == ["First", "Second"]


def test_edit_into_one_starts_from_both_texts_and_saves_the_edit(
        qtbot, services: Services, walk: d.Walk, resolved: list[dict[str, object]],
        open_with: Open) -> None:
    note = add_note(services, walk, text="Wait time was long")
    note_conflict(services, walk, note, "Wait time was about five seconds")
    workspace = open_with()
    panel = shown(qtbot, workspace)
    qtbot.mouseClick(panel.view.edit_button, Qt.MouseButton.LeftButton)
    editor = panel.view.editor
    assert editor.isVisible() and editor.hasFocus()
    assert "Wait time was long" in editor.toPlainText()
    assert "about five seconds" in editor.toPlainText()
    assert panel.save_pending()  # the versions as they came: nothing of the user's yet
    editor.selectAll()
    type_text(editor, "Wait time: about five seconds, évidemment")
    assert not panel.save_pending()  # edited and not saved
    loads = panel.refresh_count
    qtbot.mouseClick(panel.view.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.status.text().startswith("Saved"))
    assert resolved[0]["text"] == "Wait time: about five seconds, évidemment"
    assert services.notes.get_note(note.id).text == "Wait time: about five seconds, évidemment"
    assert panel.save_pending() and not panel.view.is_editing()
    wait_loaded(qtbot, panel, loads)
    assert panel.list.count() == 0


def test_three_versions_each_have_keep_and_no_keep_both(
        qtbot, services: Services, walk: d.Walk, resolved: list[dict[str, object]],
        open_with: Open) -> None:
    note = add_note(services, walk, text="One")
    note_conflict(services, walk, note, "Two")
    conflict = note_conflict(services, walk, note, "Three", other_author=2)
    assert len(conflict.sides) == 3
    third = next(s for s in conflict.sides if s.text == "Three")
    panel = shown(qtbot, open_with())
    assert [c.keep_button.text() for c in panel.view.cards] == ["Keep this one"] * 3
    assert not panel.view.keep_both_button.isVisible()
    card = next(c for c in panel.view.cards if c.side.row_id == third.row_id)
    qtbot.mouseClick(card.keep_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.status.text().startswith("Saved"))
    assert resolved[0]["keep"] == third.row_id
    assert [n.text for n in services.notes.list_notes(walk.id)] == ["Three"]


def test_a_deletion_side_says_so(qtbot, services: Services, walk: d.Walk,
                                 open_with: Open) -> None:
    note = add_note(services, walk, text="Still here")
    note_conflict(services, walk, note, "", deleted=True)
    panel = shown(qtbot, open_with())
    deletion = panel.view.cards[1]
    assert deletion.text_view is None
    assert "Deleted on the other laptop" in deletion.deleted_label.text()
    assert "deleted by" in deletion.keep_button.accessibleName()
    assert not panel.view.keep_both_button.isEnabled()  # one text: nothing to keep "both"
    qtbot.mouseClick(deletion.keep_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.status.text().startswith("Saved"))
    assert services.notes.list_notes(walk.id) == []


def test_the_tab_title_counts_conflicts_without_the_tab_being_opened(
        qtbot, services: Services, walk: d.Walk, resolved: list[dict[str, object]],
        open_with: Open) -> None:
    workspace = open_with()
    assert workspace.tab_title(CONFLICTS) == "Conflicts"
    first = add_note(services, walk, text="A")
    note_conflict(services, walk, first, "A, changed")
    qtbot.waitUntil(lambda: workspace.tab_title(CONFLICTS) == "Conflicts (1)")
    second = add_note(services, walk, text="B")
    note_conflict(services, walk, second, "B, changed")
    qtbot.waitUntil(lambda: workspace.tab_title(CONFLICTS) == "Conflicts (2)")
    assert workspace.current_panel() != CONFLICTS
    panel = shown(qtbot, workspace)
    assert panel.list.count() == 2
    loads = panel.refresh_count
    qtbot.mouseClick(panel.view.cards[0].keep_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: workspace.tab_title(CONFLICTS) == "Conflicts (1)")
    wait_loaded(qtbot, panel, loads)
    assert panel.list.count() == 1 and panel.view.conflict is not None


def test_a_failed_resolve_keeps_the_panel_usable_and_says_why(
        qtbot, services: Services, walk: d.Walk, monkeypatch: pytest.MonkeyPatch,
        open_with: Open) -> None:
    note = add_note(services, walk, text="Mine")
    note_conflict(services, walk, note, "Theirs")
    panel = shown(qtbot, open_with())
    real = services.conflicts.resolve
    monkeypatch.setattr(services.conflicts, "resolve", full)
    qtbot.mouseClick(panel.view.cards[0].keep_button, Qt.MouseButton.LeftButton)
    assert panel.write_notice is not None
    qtbot.waitUntil(lambda: "disk is full" in panel.write_notice.text())
    assert "Not saved" in panel.write_notice.text()
    assert panel.write_notice.retry_button.isVisibleTo(panel)
    assert "not saved" in panel.status.text()
    assert panel.list.count() == 1  # nothing settled, nothing lost
    assert all(c.keep_button.isEnabled() for c in panel.view.cards)
    assert not panel.save_pending()  # a write failed
    # Choosing again works once the disk has room.
    monkeypatch.setattr(services.conflicts, "resolve", real)
    loads = panel.refresh_count
    qtbot.mouseClick(panel.view.cards[1].keep_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.status.text().startswith("Saved"))
    wait_loaded(qtbot, panel, loads)
    assert panel.list.count() == 0
    assert services.notes.get_note(note.id).text == "Theirs"


def test_a_failed_edit_into_one_keeps_the_edited_text(
        qtbot, services: Services, walk: d.Walk, monkeypatch: pytest.MonkeyPatch,
        open_with: Open) -> None:
    note = add_note(services, walk, text="Mine")
    note_conflict(services, walk, note, "Theirs")
    panel = shown(qtbot, open_with())
    qtbot.mouseClick(panel.view.edit_button, Qt.MouseButton.LeftButton)
    panel.view.editor.setPlainText("Ours")
    monkeypatch.setattr(services.conflicts, "resolve", full)
    qtbot.mouseClick(panel.view.save_button, Qt.MouseButton.LeftButton)
    assert panel.write_notice is not None
    qtbot.waitUntil(lambda: "disk is full" in panel.write_notice.text())
    assert panel.view.editor.toPlainText() == "Ours" and panel.view.is_editing()
    assert panel.view.save_button.isEnabled()
    assert not panel.save_pending()


def test_an_unsaved_draft_is_not_saved_and_cancel_drops_it(
        qtbot, services: Services, walk: d.Walk, resolved: list[dict[str, object]],
        open_with: Open) -> None:
    note = add_note(services, walk, text="Mine")
    note_conflict(services, walk, note, "Theirs")
    workspace = open_with()
    panel = shown(qtbot, workspace)
    qtbot.mouseClick(panel.view.edit_button, Qt.MouseButton.LeftButton)
    type_text(panel.view.editor, " and more")
    assert not panel.save_pending()
    assert not workspace.save_pending()
    # A change elsewhere reloads the list: the draft stays.
    loads = panel.refresh_count
    add_note(services, walk, text="Another note")
    wait_loaded(qtbot, panel, loads)
    assert panel.view.is_editing() and "and more" in panel.view.editor.toPlainText()
    qtbot.mouseClick(panel.view.cancel_button, Qt.MouseButton.LeftButton)
    assert panel.save_pending() and workspace.save_pending()
    assert resolved == []


def test_a_draft_for_a_conflict_settled_elsewhere_stays_to_be_copied(
        qtbot, services: Services, walk: d.Walk, resolved: list[dict[str, object]],
        open_with: Open) -> None:
    note = add_note(services, walk, text="Mine")
    note_conflict(services, walk, note, "Theirs")
    panel = shown(qtbot, open_with())
    qtbot.mouseClick(panel.view.edit_button, Qt.MouseButton.LeftButton)
    type_text(panel.view.editor, " edited")
    loads = panel.refresh_count
    services.conflicts.resolve(walk.id, note.id, keep=note.id)  # settled elsewhere
    wait_loaded(qtbot, panel, loads)
    assert panel.view.is_editing() and "edited" in panel.view.editor.toPlainText()
    assert "settled meanwhile" in panel.view.editor_note.text()
    assert not panel.view.save_button.isEnabled()
    assert not panel.save_pending()  # still text the user typed that is nowhere else


def test_an_empty_edit_is_not_sent(qtbot, services: Services, walk: d.Walk,
                                   resolved: list[dict[str, object]],
                                   open_with: Open) -> None:
    note = add_note(services, walk, text="Mine")
    note_conflict(services, walk, note, "Theirs")
    panel = shown(qtbot, open_with())
    qtbot.mouseClick(panel.view.edit_button, Qt.MouseButton.LeftButton)
    panel.view.editor.setPlainText("   ")
    qtbot.mouseClick(panel.view.save_button, Qt.MouseButton.LeftButton)
    assert "empty" in panel.view.editor_note.text() and panel.view.editor_note.isVisibleTo(panel)
    assert resolved == [] and panel.writer is not None and panel.writer.is_idle()


# -- the marks on the evidence wall and in calibration ---------------------------------------
def _badges(workspace: PostBriefWorkspace) -> dict[str, str]:
    from walkapp.ui.models.evidence import EvidenceModel

    model = workspace.evidence_wall.model
    found: dict[str, str] = {}
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if index.data(EvidenceModel.KindRole) == "card":
            found[str(index.data(EvidenceModel.IdRole))] = str(
                index.data(EvidenceModel.BadgeRole) or "")
    return found


def test_the_evidence_wall_marks_a_conflicted_note_until_it_is_settled(
        qtbot, services: Services, walk: d.Walk, resolved: list[dict[str, object]],
        open_with: Open) -> None:
    from walkapp.ui.models.evidence import EvidenceModel

    note = add_note(services, walk, text="Pairs compared methods")
    plain = add_note(services, walk, text="Nothing odd here")
    workspace = open_with()
    wall = workspace.evidence_wall
    workspace.show_panel("evidence_wall")
    wait_loaded(qtbot, wall)
    assert set(_badges(workspace).values()) == {""}
    assert not wall.conflict_bar.isVisible()

    loads = wall.refresh_count
    conflict = note_conflict(services, walk, note, "Pairs compared two methods")
    wait_loaded(qtbot, wall, loads)
    badges = _badges(workspace)
    assert badges[note.id] == "2 versions"
    assert badges[conflict.sides[1].row_id] == "2 versions"
    assert badges[plain.id] == ""
    assert wall.conflict_bar.isVisible() and "1 note was" in wall.conflict_label.text()
    model = wall.model
    row = next(r for r in range(model.rowCount())
               if model.index(r, 0).data(EvidenceModel.IdRole) == note.id)
    tip = str(model.index(row, 0).data())
    assert tip and "2 versions" in str(model.index(row, 0).data(
        Qt.ItemDataRole.ToolTipRole))
    assert "2 versions" in str(model.index(row, 0).data(Qt.ItemDataRole.AccessibleTextRole))

    # Enter on the marked card opens the Conflicts view on its conflict.
    wall.tree.setFocus()
    wall.tree.setCurrentIndex(model.index(row, 0))
    QTest.keyClick(wall.tree, Qt.Key.Key_Return)
    panel = workspace.conflicts_panel
    assert workspace.current_panel() == CONFLICTS
    qtbot.waitUntil(lambda: panel.view.conflict is not None
                    and panel.view.conflict.family == note.id)

    # Settled: the marks and the line go with the next reload of the wall.
    qtbot.mouseClick(panel.view.cards[0].keep_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.status.text().startswith("Saved"))
    loads = wall.refresh_count
    workspace.show_panel("evidence_wall")
    wait_loaded(qtbot, wall, loads)
    assert set(_badges(workspace).values()) == {""}
    assert not wall.conflict_bar.isVisible()


def test_the_walls_resolve_button_opens_the_conflicts_view(
        qtbot, services: Services, walk: d.Walk, resolved: list[dict[str, object]],
        open_with: Open) -> None:
    note = add_note(services, walk, text="A")
    note_conflict(services, walk, note, "A, changed")
    workspace = open_with()
    workspace.show_panel("evidence_wall")
    wait_loaded(qtbot, workspace.evidence_wall)
    qtbot.mouseClick(workspace.evidence_wall.conflict_button, Qt.MouseButton.LeftButton)
    assert workspace.current_panel() == CONFLICTS
    panel = workspace.conflicts_panel
    qtbot.waitUntil(lambda: panel.view.conflict is not None)


def test_calibration_marks_a_conflicted_note(
        qtbot, services: Services, walk: d.Walk, resolved: list[dict[str, object]],
        open_with: Open) -> None:
    note = add_note(services, walk, text="Wait time")
    add_note(services, walk, walker=2, text="Plain")
    workspace = open_with()
    view = workspace.calibration
    workspace.show_panel("calibration")
    wait_loaded(qtbot, view)
    assert not view.conflict_bar.isVisible()
    loads = view.refresh_count
    note_conflict(services, walk, note, "Wait time, about 5 s")
    wait_loaded(qtbot, view, loads)
    assert view.conflict_bar.isVisible() and "1 note of" in view.conflict_label.text()
    texts = [str(view.model.index(r, c).data()) for r in range(view.model.rowCount())
             for c in range(view.model.columnCount())]
    assert sum(t.startswith("⚠ 2 versions\n") for t in texts) == 2
    assert any(t == "Plain" for t in texts)
    cell = next(view.model.index(r, c) for r in range(view.model.rowCount())
                for c in range(view.model.columnCount())
                if str(view.model.index(r, c).data()).startswith("⚠"))
    assert "two laptops" in str(cell.data(Qt.ItemDataRole.ToolTipRole))
    view.table.setFocus()
    view.table.setCurrentIndex(cell)
    QTest.keyClick(view.table, Qt.Key.Key_Return)
    assert workspace.current_panel() == CONFLICTS


def test_while_editing_into_one_the_list_stays_on_that_conflict(
        qtbot, services: Services, walk: d.Walk, open_with: Open) -> None:
    first = add_note(services, walk, text="First")
    note_conflict(services, walk, first, "First, changed")
    second = add_note(services, walk, text="Second")
    note_conflict(services, walk, second, "Second, changed")
    workspace = open_with()
    panel = shown(qtbot, workspace)
    panel.list.setCurrentRow(0)
    family = panel.view.conflict.family if panel.view.conflict else ""
    qtbot.mouseClick(panel.view.edit_button, Qt.MouseButton.LeftButton)
    type_text(panel.view.editor, " edited")
    assert not panel.list.isEnabled()
    # A jump from the wall to the other conflict does not take the text's versions away.
    workspace.show_conflicts(second.id if family == first.id else first.id)
    assert panel.view.draft_family() == family and panel.view.editor_note.isHidden()
    assert panel.view.save_button.isEnabled()
    qtbot.mouseClick(panel.view.cancel_button, Qt.MouseButton.LeftButton)
    assert panel.list.isEnabled() and len(panel.view.cards) == 2


def test_tab_goes_from_the_list_through_each_version_to_the_choices(
        qtbot, services: Services, walk: d.Walk, open_with: Open) -> None:
    from PySide6.QtWidgets import QApplication

    note = add_note(services, walk, text="Mine")
    note_conflict(services, walk, note, "Theirs")
    panel = shown(qtbot, open_with())
    panel.list.setFocus()
    qtbot.waitUntil(panel.list.hasFocus)
    seen = []
    for _ in range(6):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    left, right = panel.view.cards
    assert seen == [left.text_view, left.keep_button, right.text_view, right.keep_button,
                    panel.view.keep_both_button, panel.view.edit_button]


def test_the_walls_count_counts_a_note_in_conflict_once(
        qtbot, services: Services, walk: d.Walk, open_with: Open) -> None:
    note = add_note(services, walk, text="Pairs compared methods")
    add_note(services, walk, text="Another")
    workspace = open_with()
    wall = workspace.evidence_wall
    workspace.show_panel("evidence_wall")
    wait_loaded(qtbot, wall)
    assert wall.summary.text() == "2 notes from 1 visit."
    loads = wall.refresh_count
    note_conflict(services, walk, note, "Pairs compared two methods")
    wait_loaded(qtbot, wall, loads)
    assert len(_badges(workspace)) == 3  # both versions are on the wall…
    assert wall.summary.text() == "2 notes from 1 visit."  # …as one note
