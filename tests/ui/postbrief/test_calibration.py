"""Calibration: one column per walker, one row per stem, for the chosen visit."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.postbrief.conftest import add_note, wait_loaded
from walkapp import domain as d
from walkapp.services import NoteDraft, Services
from walkapp.ui.bridge import ChangeBridge
from walkapp.ui.screens.postbrief.calibration import CalibrationView


def _headers(view: CalibrationView) -> tuple[list[str], list[str]]:
    model = view.model
    columns = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    rows = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    return columns, rows


def _open(qtbot, services: Services, walk: d.Walk, bridge: ChangeBridge) -> CalibrationView:
    view = CalibrationView(services.notes, services.walks, walk.id)
    qtbot.addWidget(view)
    bridge.changed.connect(view.on_change)
    view.resize(1200, 600)
    view.show()
    wait_loaded(qtbot, view)
    return view


def test_side_by_side_columns_per_walker(qtbot, services: Services, walk: d.Walk,
                                         bridge: ChangeBridge) -> None:
    add_note(services, walk, walker=0, text="Pairs compared answers")
    add_note(services, walk, walker=0, text="Timer on the board")
    add_note(services, walk, walker=2, stem=d.Stem.WONDER, text="How were pairs chosen?")
    add_note(services, walk, walker=1, visit=1, text="Only in visit 2")
    view = _open(qtbot, services, walk, bridge)

    assert view.visit_box.currentText() == "Visit 1"
    columns, rows = _headers(view)
    # Every walker has a column, even one who wrote nothing here; names hidden by default.
    assert columns == ["Walker A", "Walker B", "Walker C"]
    assert rows == ["I noticed", "I wonder"]
    model = view.model
    assert model.cell(0, 0) == ("Pairs compared answers", "Timer on the board")
    assert model.cell(0, 1) == () and model.index(0, 1).data() == "—"
    assert model.cell(1, 2) == ("How were pairs chosen?",)
    assert "Only in visit 2" not in str([model.cell(r, c) for r in range(2) for c in range(3)])

    qtbot.mouseClick(view.show_names, Qt.MouseButton.LeftButton)
    assert _headers(view)[0] == ["Walker 1", "Walker 2", "Walker 3"]

    count = view.refresh_count
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, view, count)
    assert view.visit_box.currentText() == "Visit 2"
    assert view.model.cell(0, 1) == ("Only in visit 2",)
    assert view.model.cell(0, 0) == ()


def test_facilitator_and_unattributed_notes_get_their_own_column(
        qtbot, services: Services, walk: d.Walk, bridge: ChangeBridge) -> None:
    facilitator = walk.facilitators[0]
    services.notes.save_note(NoteDraft(walk_id=walk.id, author_id=facilitator.id,
                                       visit_id=walk.visits[0].id, text="From the lead"))
    services.notes.save_note(NoteDraft(walk_id=walk.id, author_id=None,
                                       visit_id=walk.visits[0].id, text="Paper note"))
    view = _open(qtbot, services, walk, bridge)
    assert _headers(view)[0] == ["Walker A", "Walker B", "Walker C", "Facilitator",
                                 "Not attributed"]
    assert view.model.cell(0, 3) == ("From the lead",)
    assert view.model.cell(0, 4) == ("Paper note",)


def test_new_note_for_the_shown_visit_appears(qtbot, services: Services, walk: d.Walk,
                                              bridge: ChangeBridge) -> None:
    view = _open(qtbot, services, walk, bridge)
    assert view.empty.isVisible() and "Visit 1" in view.empty.text()
    count = view.refresh_count
    add_note(services, walk, walker=1, tags=(2,), text="Long pause")
    wait_loaded(qtbot, view, count)
    assert view.model.cell(0, 1) == ("Long pause",)
    assert view.model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole) == "Look-fors: Wait time"
    assert view.table.isVisible()
