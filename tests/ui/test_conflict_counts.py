"""The number of unresolved conflicts wherever a walk is shown: the walks library (a column,
read with the walks off the GUI thread), the open walk's header (a button that opens the
Conflicts tab) and the post-brief's tab title; each follows the changes that start or
settle a conflict, with nobody refreshing by hand."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt

from tests.helpers.builders import make_walk
from tests.ui.conftest import ScriptedAsker
from tests.ui.postbrief.conflict_rows import note_conflict
from walkapp import domain as d
from walkapp.protocol.library import builtin_protocol
from walkapp.services import NoteDraft, Services
from walkapp.services.protocol_walks import create_walk_from_protocol
from walkapp.ui.bridge import ChangeBridge
from walkapp.ui.main_window import MainWindow
from walkapp.ui.models.walks import WalksTableModel
from walkapp.ui.screens.postbrief.workspace import CONFLICTS, PostBriefWorkspace
from walkapp.ui.screens.step_guide import StepGuide
from walkapp.ui.screens.walks_library import WalksLibrary


def _note(services: Services, walk: d.Walk, text: str) -> d.Note:
    return services.notes.save_note(NoteDraft(walk.id, walk.walkers[0].id, text,
                                              visit_id=walk.visits[0].id))


def _mark(library: WalksLibrary, walk_id: str) -> str:
    row = library.model.row_of(walk_id)
    return str(library.model.index(row, WalksTableModel.CONFLICTS).data() or "")


def test_the_library_marks_a_walk_with_conflicts(qtbot, services: Services,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    calm = make_walk(services, "Calm walk", walkers=2, visits=1)
    busy = make_walk(services, "Busy walk", walkers=2, visits=1)
    readers: list[int] = []
    real = services.conflicts.counts

    def counts(walk_ids):  # type: ignore[no-untyped-def]
        readers.append(threading.get_ident())
        return real(walk_ids)
    monkeypatch.setattr(services.conflicts, "counts", counts)
    bridge = ChangeBridge(services.bus)
    library = WalksLibrary(services.walks, trash=services.trash,
                           conflicts=services.conflicts)
    bridge.changed.connect(library.on_change)
    qtbot.addWidget(library)
    library.resize(1024, 640)
    library.show()
    assert library.model.headerData(WalksTableModel.CONFLICTS, Qt.Orientation.Horizontal) \
        == "Conflicts"
    assert _mark(library, calm.id) == _mark(library, busy.id) == ""
    assert readers and threading.get_ident() not in readers  # read off the GUI thread

    first = note_conflict(services, busy, _note(services, busy, "One"), "One, changed")
    qtbot.waitUntil(lambda: _mark(library, busy.id) == "⚠ 1")
    note_conflict(services, busy, _note(services, busy, "Two"), "Two, changed")
    qtbot.waitUntil(lambda: _mark(library, busy.id) == "⚠ 2")
    row = library.model.row_of(busy.id)
    tip = library.model.index(row, WalksTableModel.CONFLICTS).data(Qt.ItemDataRole.ToolTipRole)
    assert "2 conflicts to resolve" in tip
    assert _mark(library, calm.id) == ""

    services.conflicts.resolve(busy.id, first.family, keep=first.sides[0].row_id)
    qtbot.waitUntil(lambda: _mark(library, busy.id) == "⚠ 1")
    bridge.detach()


def _open(qtbot, services: Services, qsettings: QSettings, asker: ScriptedAsker
          ) -> tuple[MainWindow, d.Walk]:
    walk = create_walk_from_protocol(services, builtin_protocol("learning-walk"), "Walk",
                                     date(2026, 11, 3), visits=2)
    services.plan.add_participant(walk.id, "Ana")
    services.plan.add_participant(walk.id, "Ben")
    walk = services.walks.get_walk(walk.id)
    window = MainWindow(services, qsettings, asker)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.open_walk(walk.id)
    return window, walk


def test_the_walk_header_counts_conflicts_and_opens_the_conflicts_tab(
        qtbot, services: Services, qsettings: QSettings, asker: ScriptedAsker) -> None:
    window, walk = _open(qtbot, services, qsettings, asker)
    workspace = window.workspace
    assert workspace is not None
    qtbot.waitUntil(lambda: workspace.conflict_count() == 0)
    assert not workspace.conflicts_button.isVisible()

    note = _note(services, walk, "Pairs compared methods")
    conflict = note_conflict(services, walk, note, "Pairs compared two methods")
    qtbot.waitUntil(lambda: workspace.conflicts_button.isVisible())
    assert workspace.conflicts_button.text() == "⚠ 1 conflict to resolve"

    # The mark opens the post-brief on its Conflicts tab (built now if it was not yet).
    qtbot.mouseClick(workspace.conflicts_button, Qt.MouseButton.LeftButton)
    assert workspace.current_key() == "post_brief"
    guide = workspace.page("post_brief")
    assert isinstance(guide, StepGuide)

    def on_conflicts() -> bool:
        found = [p for p in guide.findChildren(PostBriefWorkspace)]
        return bool(found) and found[0].current_panel() == CONFLICTS \
            and found[0].conflicts_panel.isVisible()
    qtbot.waitUntil(on_conflicts)
    postbrief = guide.findChildren(PostBriefWorkspace)[0]
    qtbot.waitUntil(lambda: postbrief.tab_title(CONFLICTS) == "Conflicts (1)")
    # The post-brief shows no tabs: its step list's "More" entry carries the count.
    more = guide.more_item(CONFLICTS)
    assert more is not None and more.text() == "Conflicts (1)"
    assert guide.more_shown() == CONFLICTS and guide.steps.currentItem() is more
    panel = postbrief.conflicts_panel
    qtbot.waitUntil(lambda: panel.view.conflict is not None)

    # Settled through the view: the header's mark goes too.
    qtbot.mouseClick(panel.view.cards[1].keep_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not workspace.conflicts_button.isVisible())
    assert postbrief.tab_title(CONFLICTS) == "Conflicts"
    assert more.text() == "Conflicts"
    assert services.notes.get_note(conflict.family).text == "Pairs compared two methods"


def test_conflicts_from_a_real_notes_file_reach_the_view_without_a_refresh(
        qtbot, tmp_path, monkeypatch: pytest.MonkeyPatch, asker: ScriptedAsker) -> None:
    """The long way round: a walker's laptop and the facilitator's both change a note, a
    reflection, a commitment and a feedback answer; importing the walker's second file
    makes four conflicts, which the open post-brief shows as they are committed."""
    from tests.helpers.conflicts import _edit_all
    from tests.helpers.laptops import laptops
    from walkapp.bundles import crypto
    from walkapp.events import Entity
    from walkapp.ui import workers

    monkeypatch.setattr(crypto, "SCRYPT_N", 2**14)
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk = make_walk(fac.services, "Conflict walk", walkers=2, visits=2)
        me = walk.walkers[0]
        kit = fac.bundles.write_kit(walk.id, tmp_path / "kit.walkkit", walker_id=me.id)
        amy.bundles.open_kit(kit)
        s = amy.services
        note = s.notes.save_note(NoteDraft(walk.id, me.id, "Note base",
                                           visit_id=walk.visits[0].id))
        reflection = s.notes.save_reflection(walk.id, me.id, "What surprised you?",
                                             "Reflection base")
        commitment = s.debrief.save_commitment(walk.id, me.id, "Commitment base")
        feedback = s.debrief.add_feedback(walk.id, "useful", "Was it useful?",
                                          "Feedback base", author_id=me.id)
        ids = {Entity.NOTE: note.id, Entity.REFLECTION: reflection.id,
               Entity.COMMITMENT: commitment.id, Entity.FEEDBACK: feedback.id}
        first = amy.bundles.write_notes(walk.id, me.id, tmp_path / "1.walknotes")
        assert fac.bundles.import_files([first]).clean
        _edit_all(fac, walk, me, ids, "by the facilitator")
        _edit_all(amy, walk, me, ids, "by the walker")
        second = amy.bundles.write_notes(walk.id, me.id, tmp_path / "2.walknotes")

        bridge = ChangeBridge(fac.services.bus)
        workspace = PostBriefWorkspace(fac.services, walk.id, asker)
        bridge.changed.connect(workspace.on_change)
        qtbot.addWidget(workspace)
        workspace.resize(1366, 700)
        workspace.show()
        try:
            assert workspace.tab_title(CONFLICTS) == "Conflicts"
            fac.bundles.import_files([second])
            qtbot.waitUntil(lambda: workspace.tab_title(CONFLICTS) == "Conflicts (4)")
            panel = workspace.conflicts_panel
            workspace.show_conflicts()
            qtbot.waitUntil(lambda: panel.list.count() == 4 and not panel.is_loading())
            titles = [panel.list.item(i).text() for i in range(4)]
            assert [t.split()[0] for t in titles] == ["Note", "Reflection", "Commitment",
                                                      "Feedback"]
            # The commitment: keep the walker's version, through the button.
            panel.list.setCurrentRow(2)
            card = next(c for c in panel.view.cards
                        if c.text_view is not None
                        and c.text_view.toPlainText() == "Commitment by the walker")
            qtbot.mouseClick(card.keep_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: workspace.tab_title(CONFLICTS) == "Conflicts (3)")
            qtbot.waitUntil(lambda: panel.list.count() == 3)
            texts = [c.text for c in fac.services.debrief.list_commitments(walk.id)]
            assert texts == ["Commitment by the walker"]
        finally:
            workspace.shutdown()
            bridge.detach()
            qtbot.waitUntil(lambda: workers.pending() == 0, timeout=10_000)
