"""The walks library's "Found in" list (walkapp.ui.screens.library_found) and opening a
result at its place (walkapp.ui.found_opening): what the search box finds shows as cards
with the matched words in bold and every piece escaped; note states and other versions
are said in words; the Trash's walks are not searched; the keyboard goes from the search
box into the cards; a note opens on the evidence wall with its card current, a commitment
on Commitments, an action item with its row selected, a walker's walk on their page."""

from __future__ import annotations

import threading
from datetime import date
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import ScriptedAsker
from walkapp import domain as d
from walkapp.protocol.library import builtin_protocol
from walkapp.services import NoteDraft, Services
from walkapp.services.protocol_walks import create_walk_from_protocol
from walkapp.services.search import ResultKind
from walkapp.storage.types import new_id
from walkapp.ui.main_window import MainWindow
from walkapp.ui.screens.library_found import FoundList
from walkapp.ui.screens.walks_library import WalksLibrary


def _walk(services: Services, title: str) -> d.Walk:
    walk = create_walk_from_protocol(services, builtin_protocol("learning-walk"), title,
                                     date(2026, 11, 3), visits=2)
    services.plan.add_participant(walk.id, "Ana")
    return services.walks.get_walk(walk.id)


def _note(services: Services, walk: d.Walk, text: str) -> d.Note:
    return services.notes.save_note(NoteDraft(
        id=new_id(), walk_id=walk.id, author_id=walk.walkers[0].id,
        visit_id=walk.visits[1].id, text=text, stem=d.Stem.NOTICED))


def _library(qtbot: Any, services: Services) -> WalksLibrary:
    library = WalksLibrary(services.walks, trash=services.trash,
                           conflicts=services.conflicts, search=services.search)
    qtbot.addWidget(library)
    library.resize(1024, 640)
    library.show()
    return library


def _found(library: WalksLibrary, qtbot: Any, text: str) -> FoundList:
    """Type `text` into the search box and wait for what it found to be on show."""
    library.search.clear()
    qtbot.keyClicks(library.search, text)
    qtbot.waitUntil(lambda: library.found is not None and not library._search_timer.isActive()
                    and not library.found.is_loading()
                    and library.found.results() is not None
                    and library.found.results().text.strip() == text.strip(),  # type: ignore[union-attr]
                    timeout=10_000)
    assert library.found is not None
    return library.found


def _rich(found: FoundList, row: int) -> str:
    return str(found.model.index(row, 0).data(found.model.HtmlRole))


def _plain(found: FoundList, row: int) -> str:
    return str(found.model.index(row, 0).data(Qt.ItemDataRole.DisplayRole))


def test_the_placeholder_says_what_is_searched(qtbot, services: Services) -> None:
    library = _library(qtbot, services)
    assert library.search.placeholderText() == "Search notes, commitments, walks…"
    assert library.found is None  # built only once something is typed


def test_typing_shows_the_texts_found_with_the_match_bold_and_escaped(
        qtbot, services: Services) -> None:
    walk = _walk(services, "Reading <i>walk</i>")
    _note(services, walk, "Pupils wrote <b>x</b> on lazy whiteboards")
    library = _library(qtbot, services)
    found = _found(library, qtbot, "whiteboards")
    assert found.model.rowCount() == 1 and found.isVisible()
    rich = _rich(found, 0)
    assert "<b>whiteboards</b>" in rich
    assert "&lt;b&gt;x&lt;/b&gt;" in rich and "<b>x</b>" not in rich  # shown as written
    assert "Reading &lt;i&gt;walk&lt;/i&gt;" in rich and "<i>walk</i>" not in rich
    assert _plain(found, 0).startswith("Note · Visit 2 · I noticed")
    assert "<b>x</b>" in _plain(found, 0)  # the words a screen reader reads, as written
    # The walks list is filtered too, and clearing the box hides the cards.
    qtbot.waitUntil(lambda: library.model.rowCount() == 1, timeout=10_000)
    library.search.clear()
    qtbot.waitUntil(lambda: not found.isVisible(), timeout=10_000)


def test_note_states_and_kinds_are_said_in_words(qtbot, services: Services) -> None:
    walk = _walk(services, "Marker walk")
    flagged = _note(services, walk, "Marker pens used badly, a lazy lesson")
    aside = _note(services, walk, "Marker pens everywhere")
    kept = _note(services, walk, "Marker pens were good")
    services.reviews.set_aside(aside.id)
    services.reviews.keep(kept.id)
    services.debrief.save_commitment(walk.id, walk.walkers[0].id, "I will try marker tables")
    services.debrief.add_pattern(walk.id, "analyse", "Markers in every room")
    library = _library(qtbot, services)
    found = _found(library, qtbot, "marker")
    words = {hit.row_id: _plain(found, row) for row, hit in enumerate(found.model.hits())}
    assert "flagged" in words[flagged.id]
    assert "set aside" in words[aside.id]
    assert "kept" in words[kept.id]
    kinds = {found.what(hit) for hit in found.model.hits()}
    assert {"Commitment", "Pattern · Analyse"} <= kinds


def test_a_walk_in_the_trash_is_not_searched(qtbot, services: Services) -> None:
    kept = _walk(services, "Kept walk")
    binned = _walk(services, "Binned walk")
    _note(services, kept, "Seating in horseshoes")
    _note(services, binned, "Horseshoes of desks")
    services.walks.delete_walk(binned.id)
    library = _library(qtbot, services)
    found = _found(library, qtbot, "horseshoes")
    assert [h.walk_id for h in found.model.hits()] == [kept.id]
    assert all("in the Trash" not in _plain(found, r) for r in range(found.model.rowCount()))


def test_nothing_found_says_so_once(qtbot, services: Services) -> None:
    _walk(services, "Reading walk")
    library = _library(qtbot, services)
    found = _found(library, qtbot, "zeppelin")
    assert found.empty.isVisible() and found.empty.text() == "No walk holds “zeppelin”."
    qtbot.waitUntil(lambda: not library._stack.isVisible(), timeout=10_000)
    library.search.clear()
    qtbot.waitUntil(lambda: library._stack.isVisible() and library.model.rowCount() == 1,
                    timeout=10_000)


def test_more_reads_the_next_page(qtbot, services: Services, monkeypatch: Any) -> None:
    from walkapp.ui.screens import library_found

    monkeypatch.setattr(library_found, "PAGE", 2)
    walk = _walk(services, "Many walk")
    for n in range(5):
        _note(services, walk, f"Tables number {n}")
    library = _library(qtbot, services)
    found = _found(library, qtbot, "tables")
    assert found.model.rowCount() == 2 and found.more_button.isVisible()
    found.more_button.click()
    qtbot.waitUntil(lambda: found.model.rowCount() == 4, timeout=10_000)
    found.more_button.click()
    qtbot.waitUntil(lambda: found.model.rowCount() == 5, timeout=10_000)
    assert not found.more_button.isVisible()
    assert len({h.row_id for h in found.model.hits()}) == 5


def test_the_search_runs_off_the_gui_thread(qtbot, services: Services,
                                            monkeypatch: Any) -> None:
    walk = _walk(services, "Thread walk")
    _note(services, walk, "Quiet corners")
    threads: list[int] = []
    real = services.search.search

    def spy(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.get_ident())
        return real(*args, **kwargs)

    monkeypatch.setattr(services.search, "search", spy)
    library = _library(qtbot, services)
    _found(library, qtbot, "quiet")
    assert threads and threading.get_ident() not in threads


def test_down_goes_into_the_results_and_enter_opens_one(qtbot, services: Services) -> None:
    walk = _walk(services, "Keys walk")
    _note(services, walk, "Number lines on desks")
    library = _library(qtbot, services)
    found = _found(library, qtbot, "number")
    opened: list[Any] = []
    library.found_opened.connect(opened.append)
    library.search.setFocus()
    qtbot.keyClick(library.search, Qt.Key.Key_Down)
    assert found.view.hasFocus() and found.view.currentIndex().row() == 0
    qtbot.keyClick(found.view, Qt.Key.Key_Return)
    assert [h.row_id for h in opened] == [found.model.hit(0).row_id]  # type: ignore[union-attr]
    qtbot.keyClick(found.view, Qt.Key.Key_Up)
    assert library.search.hasFocus()


# -- opening a result at its place ------------------------------------------------------

def _window(qtbot: Any, services: Services, qsettings: QSettings,
            asker: ScriptedAsker) -> MainWindow:
    window = MainWindow(services, qsettings, asker)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    QApplication.processEvents()
    return window


def _open(window: MainWindow, qtbot: Any, text: str, kind: ResultKind) -> None:
    found = _found(window.library, qtbot, text)
    row = next(r for r, h in enumerate(found.model.hits()) if h.kind is kind)
    found.view.setCurrentIndex(found.model.index(row, 0))
    qtbot.keyClick(found.view, Qt.Key.Key_Return)


def test_a_note_opens_on_the_evidence_wall_at_its_card(
        qtbot, services: Services, qsettings: QSettings, asker: ScriptedAsker) -> None:
    walk = _walk(services, "Wall walk")
    for n in range(40):  # enough cards that the one found is below the first screenful
        _note(services, walk, f"Children read aloud, part {n}")
    wanted = _note(services, walk, "A zebra chart on the wall")
    window = _window(qtbot, services, qsettings, asker)
    _open(window, qtbot, "zebra", ResultKind.NOTE)
    qtbot.waitUntil(lambda: window.workspace is not None
                    and window.workspace.walk_id == walk.id, timeout=10_000)
    workspace = window.workspace
    assert workspace is not None
    qtbot.waitUntil(lambda: workspace.current_key() == "post_brief", timeout=10_000)

    def wall() -> Any:
        from walkapp.ui.screens.postbrief.evidence_wall import EvidenceWall

        walls = workspace.findChildren(EvidenceWall)
        return walls[0] if walls else None

    qtbot.waitUntil(lambda: wall() is not None and wall().isVisible()
                    and wall().revealed_note() == wanted.id, timeout=10_000)
    index = wall().tree.currentIndex()
    assert wall().tree.viewport().rect().intersects(wall().tree.visualRect(index))


def test_a_folded_group_opens_to_show_the_note(
        qtbot, services: Services, qsettings: QSettings, asker: ScriptedAsker) -> None:
    from walkapp.ui.screens.postbrief.evidence_wall import EvidenceWall

    walk = _walk(services, "Folded walk")
    wanted = _note(services, walk, "Abacus by the door")
    window = _window(qtbot, services, qsettings, asker)
    window.open_walk(walk.id)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    workspace = window.workspace
    assert workspace is not None
    workspace.open_panel("evidence_wall")
    qtbot.waitUntil(lambda: bool(workspace.findChildren(EvidenceWall)), timeout=10_000)
    wall = workspace.findChildren(EvidenceWall)[0]
    qtbot.waitUntil(lambda: wall._data is not None and not wall.is_loading(), timeout=10_000)
    wall.model.set_all_collapsed(True)
    wall.filter.setText("nothing like it")
    wall.regroup()
    wall.reveal_note(wanted.id)
    assert wall.revealed_note() == wanted.id and wall.filter.text() == ""


def test_a_commitment_opens_on_commitments(
        qtbot, services: Services, qsettings: QSettings, asker: ScriptedAsker) -> None:
    walk = _walk(services, "Promise walk")
    services.debrief.save_commitment(walk.id, walk.walkers[0].id, "I will try wait time")
    window = _window(qtbot, services, qsettings, asker)
    _open(window, qtbot, "wait time", ResultKind.COMMITMENT)
    qtbot.waitUntil(lambda: window.workspace is not None
                    and window.workspace.current_key() == "post_brief", timeout=10_000)
    from walkapp.ui.screens.postbrief.workspace import PostBriefWorkspace

    workspace = window.workspace
    assert workspace is not None
    qtbot.waitUntil(lambda: any(p.current_panel() == "commitments"
                                for p in workspace.findChildren(PostBriefWorkspace)),
                    timeout=10_000)


def test_an_action_item_opens_with_its_row_selected(
        qtbot, services: Services, qsettings: QSettings, asker: ScriptedAsker) -> None:
    from walkapp.ui.screens.postbrief.action_items import ActionItemsPanel

    walk = _walk(services, "Tasks walk")
    services.debrief.add_action_item(walk.id, "Order more tiles", "Ann")
    item = services.debrief.add_action_item(walk.id, "Borrow the xylophone", "Ben")
    window = _window(qtbot, services, qsettings, asker)
    _open(window, qtbot, "xylophone", ResultKind.ACTION_ITEM)
    qtbot.waitUntil(lambda: window.workspace is not None
                    and bool(window.workspace.findChildren(ActionItemsPanel)), timeout=10_000)
    panel = window.workspace.findChildren(ActionItemsPanel)[0]  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: panel.selected_id() == item.id, timeout=10_000)


def test_walk_details_open_on_the_plan(
        qtbot, services: Services, qsettings: QSettings, asker: ScriptedAsker) -> None:
    walk = _walk(services, "Plan walk")
    services.walks.update_walk(walk.id, focus="Quadrilaterals in talk")
    window = _window(qtbot, services, qsettings, asker)
    _open(window, qtbot, "quadrilaterals", ResultKind.WALK)
    qtbot.waitUntil(lambda: window.workspace is not None
                    and window.workspace.current_key() == "plan", timeout=10_000)


def test_on_a_walkers_laptop_the_search_keeps_to_their_walk(
        qtbot, services: Services, qsettings: QSettings, asker: ScriptedAsker) -> None:
    from walkapp.ui.screens.walker_home import WalkerHome

    other = _walk(services, "Other walk")
    _note(services, other, "Kites over the field")
    mine = _walk(services, "My walk")
    services.walks.update_walk(mine.id, local_mode="walker",
                               local_participant_id=mine.walkers[0].id)
    _note(services, mine, "Kites on the ceiling")
    window = _window(qtbot, services, qsettings, asker)
    window.open_walk(mine.id)
    qtbot.waitUntil(lambda: window.workspace is not None and window.walker_mode,
                    timeout=10_000)
    window.show_library()
    found = _found(window.library, qtbot, "kites")
    assert [h.walk_id for h in found.model.hits()] == [mine.id]
    assert found.scope.isVisible() and "My walk" in found.scope.text()
    qtbot.keyClick(found.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.workspace is not None and window.walker_mode,
                    timeout=10_000)
    home = window.workspace.page("walker")  # type: ignore[union-attr]
    assert isinstance(home, WalkerHome)
    assert home.tabs.currentWidget() is home.observation  # their notes
