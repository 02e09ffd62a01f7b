"""Stale references on screen (issue 12, item 2): the plan screen asks before removing a
look-for or a visit while walk kits are out (or the visit has notes), and the evidence
wall shows notes on a removed visit under "Removed visit"."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.helpers.builders import make_walk
from tests.ui.conftest import ScriptedAsker
from walkapp import domain as d
from walkapp.bundles import BundleService, FileReport, ImportReport, crypto
from walkapp.bundles.report import Counts
from walkapp.services import NoteDraft, Services
from walkapp.ui.bridge import ChangeBridge
from walkapp.ui.import_report import ImportReportDialog
from walkapp.ui.models.evidence import EvidenceModel, GroupBy
from walkapp.ui.screens.plan.lists import LookForsPanel
from walkapp.ui.screens.plan.route import RoutePanel
from walkapp.ui.screens.postbrief.evidence_wall import EvidenceWall


@pytest.fixture(autouse=True)
def _fast_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "SCRYPT_N", 2**14)


def _walk_with_a_kit_out(services: Services, tmp_path: Path) -> d.Walk:
    walk = make_walk(services, "Kits out", walkers=2, visits=3,
                     look_fors=("Questioning", "Student talk"))
    BundleService(services.db, services.bus).write_kit(walk.id, tmp_path / "w1.walkkit",
                                                       walker_id=walk.walkers[0].id)
    return walk


def _follow(services: Services, panel) -> ChangeBridge:  # type: ignore[no-untyped-def]
    bridge = ChangeBridge(services.bus, panel)
    bridge.changed.connect(panel.on_change)
    return bridge


def test_removing_a_look_for_with_kits_out_asks_first(qtbot, services: Services,
                                                     asker: ScriptedAsker,
                                                     tmp_path: Path) -> None:
    walk = _walk_with_a_kit_out(services, tmp_path)
    panel = LookForsPanel(services, walk.id, asker=asker)
    qtbot.addWidget(panel)
    _follow(services, panel)
    panel.items.list.setCurrentRow(0)

    asker.answers.append(False)  # "Cancel"
    panel.items.remove_button.click()
    kind, title, text = asker.shown[-1]
    assert (kind, title) == ("confirm", "Remove this look-for?")
    assert text.startswith("1 walker's kit includes the look-for “Questioning” (Walker 1), "
                           "and their notes have not come back since the kit was made: "
                           "notes they tag with it will arrive without the tag.")
    assert text.endswith("Remove it?")
    # Cancelled before anything was sent to the writer: nothing to wait for.
    assert panel.writer.is_idle()
    assert [lf.text for lf in services.walks.get_walk(walk.id).look_fors] == [
        "Questioning", "Student talk"]

    asker.answers.append(True)  # "Remove"
    panel.items.remove_button.click()
    qtbot.waitUntil(lambda: [lf.text for lf in services.walks.get_walk(walk.id).look_fors]
                    == ["Student talk"], timeout=5000)
    qtbot.waitUntil(lambda: panel.items.texts() == ["Student talk"], timeout=5000)
    assert len(asker.shown) == 2


def test_removing_a_look_for_no_kit_holds_does_not_ask(qtbot, services: Services,
                                                     asker: ScriptedAsker,
                                                     tmp_path: Path) -> None:
    walk = _walk_with_a_kit_out(services, tmp_path)
    later = services.plan.add_look_for(walk.id, "Wait time")  # after the kit was made
    panel = LookForsPanel(services, walk.id, asker=asker)
    qtbot.addWidget(panel)
    _follow(services, panel)
    panel.items.list.setCurrentRow(2)
    assert panel.items.current_id() == later.id
    panel.items.remove_button.click()
    qtbot.waitUntil(lambda: len(services.walks.get_walk(walk.id).look_fors) == 2,
                    timeout=5000)
    assert asker.shown == []


def test_removing_a_visit_with_kits_out_asks_first(qtbot, services: Services,
                                                  asker: ScriptedAsker,
                                                  tmp_path: Path) -> None:
    walk = _walk_with_a_kit_out(services, tmp_path)
    services.notes.save_note(NoteDraft(walk.id, walk.walkers[1].id, "Seen here.",
                                       visit_id=walk.visits[1].id))
    panel = RoutePanel(services, walk.id, asker=asker)
    qtbot.addWidget(panel)
    _follow(services, panel)
    panel.table.selectRow(1)

    asker.answers.append(False)
    panel.remove_button.click()
    kind, title, text = asker.shown[-1]
    assert (kind, title) == ("confirm", "Remove this visit?")
    assert text == (
        "Visit 2 has 1 note here; it stays in the walk, shown under “Removed visit (was "
        "visit 2)”. 1 walker's kit includes Visit 2 (Walker 1), and their notes have not "
        "come back since the kit was made: notes they write on it will arrive on the "
        "removed visit, too. You can undo this (Edit ▸ Undo, Ctrl+Z).\n\nRemove it?")
    assert panel.writer.is_idle() and len(services.walks.get_walk(walk.id).visits) == 3

    asker.answers.append(True)
    panel.remove_button.click()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 2, timeout=5000)
    after = services.walks.get_walk(walk.id)
    assert [v.label for v in after.visits] == ["Visit 1", "Visit 2"]
    assert [v.id for v in after.removed_visits] == [walk.visits[1].id]
    assert [n.text for n in services.records.walk_record(walk.id).notes] == ["Seen here."]


def _wall_groups(wall: EvidenceWall) -> list[tuple[str, int]]:
    rows = []
    for row in range(wall.model.rowCount()):
        index = wall.model.index(row, 0)
        if index.data(EvidenceModel.KindRole) == "group":
            rows.append((index.data(), index.data(EvidenceModel.CountRole)))
    return rows


def test_the_evidence_wall_shows_notes_on_a_removed_visit(qtbot, services: Services,
                                                         tmp_path: Path) -> None:
    walk = make_walk(services, "Wall", walkers=2, visits=3, look_fors=("Questioning",))
    services.plan.update_visit(walk.visits[1].id, room="Room 12")
    for visit, body in ((0, "Asked why."), (1, "Chose their own problem."), (2, "Paired.")):
        services.notes.save_note(NoteDraft(walk.id, walk.walkers[0].id, body,
                                           visit_id=walk.visits[visit].id,
                                           look_for_ids=(walk.look_fors[0].id,)))
    services.plan.remove_visit(walk.visits[1].id)
    wall = EvidenceWall(services.notes, services.walks, walk.id)
    qtbot.addWidget(wall)
    wall.resize(1000, 600)
    wall.show()
    qtbot.waitUntil(lambda: wall.refresh_count > 0 and not wall.is_loading(), timeout=5000)
    qtbot.mouseClick(wall.mode_buttons[GroupBy.VISIT], Qt.MouseButton.LeftButton)
    assert _wall_groups(wall) == [("Visit 1", 1), ("Visit 2", 1),
                                  ("Removed visit (was visit 2) — Room 12", 1)]
    qtbot.mouseClick(wall.mode_buttons[GroupBy.LOOK_FOR], Qt.MouseButton.LeftButton)
    metas = [wall.model.index(r, 0).data(EvidenceModel.MetaRole)
             for r in range(wall.model.rowCount())]
    assert "I noticed · Removed visit (was visit 2) — Room 12" in metas
    qtbot.mouseClick(wall.mode_buttons[GroupBy.VISIT], Qt.MouseButton.LeftButton)
    wall.grab().save(str(tmp_path / "evidence-wall-removed-visit.png"))


def test_the_import_report_lists_adjustments_under_their_file(qtbot) -> None:
    report = ImportReport(files=(FileReport(
        path="/x/amira.walknotes", accepted=True, walker_name="Amira",
        counts={"notes": Counts(new=3)},
        adjustments=("2 notes arrived without the look-for “Questioning”, which was "
                     "removed from this walk here.",)),))
    dialog = ImportReportDialog(report)
    qtbot.addWidget(dialog)
    assert ("2 notes arrived without the look-for “Questioning”, which was removed from "
            "this walk here.") in dialog.details.toPlainText()
