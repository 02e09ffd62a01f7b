"""The facilitator's Observation page shows every walker's notes of the visit (imported
from notes files, typed up from paper, and the facilitator's own), with a filter by walker
("Everyone" / each walker / "Mine"); who wrote each note is hidden unless asked for, as on
the evidence wall. The note-taker keeps writing as the facilitator. A walker's laptop never
shows anyone else's notes, whatever it is asked."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest

from tests.helpers.builders import make_walk
from tests.ui.conftest import ScriptedAsker
from tests.ui.observe_helpers import FakeClock, type_text
from walkapp.demo import create_demo_walk
from walkapp.events import Action, Change, Entity
from walkapp.services import NoteDraft, Services
from walkapp.ui import workers
from walkapp.ui.main_window import MainWindow
from walkapp.ui.screens.observation import ObservationScreen
from walkapp.ui.screens.observe_page import ObservationPage
from walkapp.ui.widgets.visit_notes import EVERYONE, MINE


def facilitator_page(qtbot, services: Services, qsettings: QSettings, asker: ScriptedAsker,
                     walk_id: str) -> tuple[MainWindow, ObservationPage, ObservationScreen]:
    window = MainWindow(services, qsettings, asker)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.open_walk(walk_id)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    assert window.workspace is not None
    window.workspace.show_page("observation")
    page = window.workspace.page("observation")
    assert isinstance(page, ObservationPage)
    screen = page.observation
    assert screen is not None
    qtbot.waitUntil(lambda: not screen.is_loading(), timeout=10_000)
    return window, page, screen


def listed(screen: ObservationScreen) -> list[str]:
    return screen.notes_panel.ids()


def texts(screen: ObservationScreen) -> str:
    panel = screen.notes_panel.list
    return "\n".join(panel.item(row).text() for row in range(panel.count()))


def visit_notes(services: Services, walk_id: str, visit_id: str,
                author_id: str | None = None) -> list[str]:
    return [n.id for n in services.notes.list_notes(walk_id, visit_id=visit_id)
            if author_id is None or n.author_id == author_id]


def test_the_sample_walk_shows_every_walkers_notes_to_the_facilitator(
        qtbot, services: Services, qsettings: QSettings, asker: ScriptedAsker) -> None:
    walk = create_demo_walk(services)
    window, page, screen = facilitator_page(qtbot, services, qsettings, asker, walk.id)
    facilitator = walk.facilitators[0]
    # Writing as the facilitator, yet the list is everyone's notes of this visit.
    assert page.screen_author == facilitator.id
    assert screen.notes_panel.filter.currentData() == EVERYONE
    for index, visit in enumerate(walk.visits):
        screen.go_to_visit(index)
        assert listed(screen) == visit_notes(services, walk.id, visit.id), visit.label
    screen.go_to_visit(0)
    assert listed(screen)  # the sample walk is not empty here
    # Authors are hidden by default (as on the evidence wall)…
    shown = texts(screen)
    for person in walk.participants:
        assert person.display_name not in shown
    # …and shown on request, each note marked with its author.
    screen.notes_panel.show_authors.setChecked(True)
    names = {p.id: p.display_name for p in walk.participants}
    notes = {n.id: n for n in services.notes.list_notes(walk.id, visit_id=walk.visits[0].id)}
    panel = screen.notes_panel.list
    for row in range(panel.count()):
        note = notes[panel.item(row).data(Qt.ItemDataRole.UserRole + 1)]
        assert names[note.author_id or ""] in panel.item(row).text()
    window.grab().save("/tmp/observe-everyone-authors.png")
    screen.notes_panel.show_authors.setChecked(False)
    window.grab().save("/tmp/observe-everyone.png")


def test_the_filter_shows_everyone_each_walker_or_mine(
        qtbot, services: Services, qsettings: QSettings, asker: ScriptedAsker) -> None:
    walk = create_demo_walk(services)
    _window, _page, screen = facilitator_page(qtbot, services, qsettings, asker, walk.id)
    visit = walk.visits[0]
    combo = screen.notes_panel.filter
    # One entry per walker, plus Everyone and Mine; in that order.
    assert [combo.itemData(i) for i in range(combo.count())] == \
        [EVERYONE, MINE, *[w.id for w in walk.walkers]]
    for walker in walk.walkers:
        combo.setCurrentIndex(combo.findData(walker.id))
        assert listed(screen) == visit_notes(services, walk.id, visit.id, walker.id)
        assert walker.display_name in screen.notes_panel.title.text()
    # Mine: the facilitator's own, typed here; it is written as the facilitator.
    combo.setCurrentIndex(combo.findData(MINE))
    assert listed(screen) == []
    type_text(screen.editor.text_edit, "Two groups share one set of blocks")
    assert screen.flush()
    qtbot.waitUntil(lambda: len(listed(screen)) == 1, timeout=5000)
    mine = services.notes.get_note(listed(screen)[0])
    assert mine.author_id == walk.facilitators[0].id
    combo.setCurrentIndex(combo.findData(EVERYONE))
    assert listed(screen) == visit_notes(services, walk.id, visit.id)
    assert mine.id in listed(screen)
    # The visit list counts what the filter shows.
    everyone = len(visit_notes(services, walk.id, visit.id))
    assert f"{everyone} notes" in screen.visits_list.item(0).text()


def test_another_persons_note_cannot_be_deleted_or_edited_from_the_list(
        qtbot, services: Services, qsettings: QSettings, asker: ScriptedAsker) -> None:
    walk = create_demo_walk(services)
    _window, _page, screen = facilitator_page(qtbot, services, qsettings, asker, walk.id)
    panel = screen.notes_panel
    theirs = listed(screen)[0]
    panel.list.setCurrentRow(0)
    assert panel.selected_id() == theirs
    assert not panel.delete_button.isEnabled()
    QTest.keyClick(panel.list, Qt.Key.Key_Delete)
    assert screen.editor.note_id != theirs  # not taken into the facilitator's editor
    assert theirs in [n.id for n in services.notes.list_notes(walk.id)]
    assert not panel.read_only_label.isHidden()  # says why, and how to change it


def test_notes_imported_meanwhile_appear_for_the_facilitator(
        qtbot, services: Services, asker: ScriptedAsker) -> None:
    walk = make_walk(services, visits=1, walkers=2)
    facilitator, walker = walk.facilitators[0].id, walk.walkers[1].id
    screen = ObservationScreen(services, walk.id, facilitator, clock=FakeClock(),
                               asker=asker, everyone=True)
    qtbot.addWidget(screen)
    imported = services.notes.save_note(NoteDraft(walk.id, walker, "Hands up before answers",
                                                  visit_id=walk.visits[0].id))
    screen.on_change(Change(Entity.NOTE, Action.ADDED, walk.id, (imported.id,)))
    qtbot.waitUntil(lambda: listed(screen) == [imported.id], timeout=5000)
    screen.shutdown()


def test_a_walkers_laptop_never_shows_other_notes_even_when_asked(
        qtbot, services: Services, asker: ScriptedAsker) -> None:
    walk = create_demo_walk(services)
    me = walk.walkers[1]
    services.walks.update_walk(walk.id, local_mode="walker", local_participant_id=me.id)
    screen = ObservationScreen(services, walk.id, me.id, clock=FakeClock(), asker=asker,
                               everyone=True)
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: not screen.is_loading(), timeout=5000)
    assert listed(screen) == visit_notes(services, walk.id, walk.visits[0].id, me.id)
    assert screen.notes_panel.filter_bar.isHidden()
    screen.shutdown()


def test_six_walkers_fifteen_notes_twelve_visits_read_once_off_the_gui_thread(
        qtbot, services: Services, asker: ScriptedAsker,
        monkeypatch: pytest.MonkeyPatch) -> None:
    walk = make_walk(services, visits=12, walkers=6)
    rows = [NoteDraft(walk.id, w.id, f"{w.display_name} note {n} in {v.label}",
                      visit_id=v.id)
            for v in walk.visits for w in walk.walkers for n in range(15)]
    for draft in rows:
        services.notes.save_note(draft)
    monkeypatch.setattr(workers, "QUICK_READ_MS", 0)  # every read counts as slow
    threads: list[int] = []
    real = services.notes.list_notes

    def read(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.get_ident())
        return real(*args, **kwargs)

    monkeypatch.setattr(services.notes, "list_notes", read)
    screen = ObservationScreen(services, walk.id, walk.facilitators[0].id, clock=FakeClock(),
                               asker=asker, everyone=True)
    qtbot.addWidget(screen)
    screen.resize(1366, 740)
    screen.show()
    qtbot.waitUntil(lambda: not screen.is_loading(), timeout=30_000)
    assert len(threads) == 1 and threading.get_ident() not in threads  # one read, off GUI
    for index, visit in enumerate(walk.visits):
        screen.go_to_visit(index)
        assert len(listed(screen)) == 6 * 15
        assert all(services.notes.get_note(i).visit_id == visit.id for i in listed(screen)[:3])
    assert len(threads) == 1  # moving between visits reads nothing again
    screen.shutdown()


def test_walker_mode_screen_keeps_to_the_walkers_notes(qtbot, services: Services,
                                                        asker: ScriptedAsker) -> None:
    """Built without `everyone` (the walker home, tests), the screen is one author's."""
    walk = make_walk(services, visits=1, walkers=2)
    me, other = walk.walkers[0].id, walk.walkers[1].id
    for author in (me, other):
        services.notes.save_note(NoteDraft(walk.id, author, "A note", visit_id=walk.visits[0].id))
    screen = ObservationScreen(services, walk.id, me, clock=FakeClock(), asker=asker)
    qtbot.addWidget(screen)
    assert listed(screen) == visit_notes(services, walk.id, walk.visits[0].id, me)
    assert screen.notes_panel.filter_bar.isHidden()
    screen.shutdown()


def test_every_control_of_the_filter_is_named(qtbot, services: Services,
                                              asker: ScriptedAsker) -> None:
    from tests.helpers.a11y import unnamed_controls

    walk = make_walk(services, visits=1, walkers=2)
    screen = ObservationScreen(services, walk.id, walk.facilitators[0].id, clock=FakeClock(),
                               asker=asker, everyone=True)
    qtbot.addWidget(screen)
    screen.show()
    assert unnamed_controls(screen) == []
    chain = screen.focus_chain()
    panel = screen.notes_panel
    assert chain.index(panel.filter) < chain.index(panel.show_authors) < chain.index(panel.list)
    screen.shutdown()


def test_writing_as_a_paper_walker_keeps_the_list_as_it_was(
        qtbot, services: Services, qsettings: QSettings, asker: ScriptedAsker) -> None:
    walk = create_demo_walk(services)
    _window, page, screen = facilitator_page(qtbot, services, qsettings, asker, walk.id)
    chosen = walk.walkers[2]
    screen.notes_panel.filter.setCurrentIndex(screen.notes_panel.filter.findData(chosen.id))
    screen.notes_panel.show_authors.setChecked(True)
    assert page.show_author(walk.walkers[0].id)  # type up Walker 1's paper notes
    screen = page.observation
    assert screen is not None and screen.editor.current_draft().author_id == walk.walkers[0].id
    qtbot.waitUntil(lambda: not screen.is_loading(), timeout=10_000)
    assert screen.notes_panel.shown() == chosen.id
    assert screen.notes_panel.show_authors.isChecked()
    assert listed(screen) == visit_notes(services, walk.id, walk.visits[0].id, chosen.id)
