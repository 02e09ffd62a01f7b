"""The evidence wall over real services: loading off the GUI thread, modes, filter, authors."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from sqlalchemy import event

from tests.helpers.builders import make_walk
from tests.ui.postbrief.conftest import add_note, type_text, wait_loaded
from walkapp import domain as d
from walkapp.services import Services
from walkapp.storage import models as m
from walkapp.ui.bridge import ChangeBridge
from walkapp.ui.models.evidence import EvidenceModel, GroupBy
from walkapp.ui.screens.postbrief.evidence_wall import EvidenceWall


def _groups(wall: EvidenceWall) -> list[tuple[str, int, int]]:
    """(title, total, cards shown) for each group heading in the view's model."""
    model = wall.model
    rows: list[tuple[str, int, int]] = []
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if index.data(EvidenceModel.KindRole) == "group":
            rows.append((index.data(), index.data(EvidenceModel.CountRole), 0))
        else:
            title, total, shown = rows[-1]
            rows[-1] = (title, total, shown + 1)
    return rows


def _wall(qtbot, services: Services, walk_id: str, bridge: ChangeBridge) -> EvidenceWall:
    wall = EvidenceWall(services.notes, services.walks, walk_id)
    qtbot.addWidget(wall)
    bridge.changed.connect(wall.on_change)
    wall.resize(1200, 700)
    wall.show()
    wait_loaded(qtbot, wall)
    return wall


def test_groups_and_counts_in_each_mode(qtbot, services: Services, walk: d.Walk,
                bridge: ChangeBridge) -> None:
    add_note(services, walk, tags=(0, 1), text="Pairs compared answers")
    add_note(services, walk, walker=1, visit=1, stem=d.Stem.WONDER, tags=(0,))
    add_note(services, walk, walker=2, visit=1, stem=d.Stem.WILL_TRY)
    wall = _wall(qtbot, services, walk.id, bridge)
    assert wall.group_by() is GroupBy.LOOK_FOR
    assert _groups(wall) == [("Student talk", 2, 2), ("Open questions", 1, 1),
                             ("Wait time", 0, 0), ("No look-for tagged", 1, 1)]
    assert wall.summary.text() == "3 notes from 2 visits."

    qtbot.mouseClick(wall.mode_buttons[GroupBy.STEM], Qt.MouseButton.LeftButton)
    assert _groups(wall) == [("I noticed", 1, 1), ("I wonder", 1, 1), ("I will try", 1, 1),
                             ("Question", 0, 0)]
    qtbot.mouseClick(wall.mode_buttons[GroupBy.VISIT], Qt.MouseButton.LeftButton)
    assert _groups(wall) == [("Visit 1", 1, 1), ("Visit 2", 2, 2), ("Visit 3", 0, 0)]
    # Group headings carry their count for screen readers too.
    first = wall.model.index(0, 0)
    assert first.data(Qt.ItemDataRole.AccessibleTextRole) == "Visit 1, 1 note"


def test_filter_authors_and_new_notes(qtbot, services: Services, walk: d.Walk,
                bridge: ChangeBridge) -> None:
    add_note(services, walk, tags=(0,), text="Año señal café on the board")
    add_note(services, walk, walker=1, tags=(0,), text="Students argued")
    wall = _wall(qtbot, services, walk.id, bridge)
    card = wall.model.index(1, 0)
    assert "Walker 1" not in card.data(EvidenceModel.MetaRole)  # authors hidden by default

    wall.filter.setFocus()
    type_text(wall.filter, "señal")
    qtbot.waitUntil(lambda: _groups(wall) == [("Student talk", 2, 1)], timeout=2000)
    assert wall.model.index(0, 0).data(EvidenceModel.MetaRole) == "1 of 2"
    wall.filter.clear()
    qtbot.waitUntil(lambda: len(_groups(wall)) == 3, timeout=2000)

    qtbot.mouseClick(wall.show_authors, Qt.MouseButton.LeftButton)
    card = wall.model.index(1, 0)
    assert card.data(EvidenceModel.MetaRole).endswith("Walker 1")

    # A note saved elsewhere (another screen, an import) appears without a manual reload.
    before = wall.refresh_count
    add_note(services, walk, visit=2, tags=(2,), text="Ten seconds of silence")
    wait_loaded(qtbot, wall, before)
    assert ("Wait time", 1, 1) in _groups(wall)


def test_groups_fold_with_keyboard_and_mouse(qtbot, services: Services, walk: d.Walk,
                                             bridge: ChangeBridge) -> None:
    add_note(services, walk, tags=(0,), text="First")
    add_note(services, walk, tags=(0,), text="Second")
    wall = _wall(qtbot, services, walk.id, bridge)
    tree = wall.tree
    rows = wall.model.rowCount()
    tree.setFocus()
    tree.setCurrentIndex(wall.model.index(0, 0))
    qtbot.keyClick(tree, Qt.Key.Key_Left)
    assert wall.model.rowCount() == rows - 2
    assert "collapsed" in wall.model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    qtbot.keyClick(tree, Qt.Key.Key_Right)
    assert wall.model.rowCount() == rows
    rect = tree.visualRect(wall.model.index(0, 0))
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert wall.model.rowCount() == rows - 2
    # Switching the grouping opens every group again.
    wall.set_group_by(GroupBy.STEM)
    wall.set_group_by(GroupBy.LOOK_FOR)
    assert wall.model.rowCount() == rows


def test_empty_walk_and_no_match_say_so(qtbot, services: Services, walk: d.Walk,
                bridge: ChangeBridge) -> None:
    wall = _wall(qtbot, services, walk.id, bridge)
    assert wall.empty.isVisible() and "No notes yet" in wall.empty.text()
    add_note(services, walk, text="Something seen")
    wait_loaded(qtbot, wall, 1)
    assert wall.tree.isVisible()
    qtbot.keyClicks(wall.filter, "zebra")
    qtbot.waitUntil(lambda: wall.empty.isVisible(), timeout=2000)
    assert "zebra" in wall.empty.text()


def test_load_failure_is_shown_and_retry_works(qtbot, services: Services, walk: d.Walk,
                                               bridge: ChangeBridge, monkeypatch) -> None:
    from walkapp.errors import StorageError

    wall = _wall(qtbot, services, walk.id, bridge)
    original = services.notes.list_notes

    def broken(*args: object, **kwargs: object) -> list[d.Note]:
        raise StorageError("The database is locked by another program. Close it and retry.")

    monkeypatch.setattr(services.notes, "list_notes", broken)
    wall.refresh()
    qtbot.waitUntil(lambda: wall._notice.isVisible(), timeout=3000)
    assert "locked" in wall._notice_label.text()
    monkeypatch.setattr(services.notes, "list_notes", original)
    count = wall.refresh_count
    qtbot.mouseClick(wall._retry, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, wall, count)
    assert not wall._notice.isVisible()


def bulk_notes(services: Services, walk: d.Walk, per_walker_and_visit: int) -> int:
    """Insert many notes in one transaction (the service path would fsync each one)."""
    stems = list(d.Stem)
    count = 0
    with services.db.transaction("bulk notes for a test") as session:
        tags = [session.get(m.LookFor, lf.id) for lf in walk.look_fors]
        for visit in walk.visits:
            for walker in walk.walkers:
                for _ in range(per_walker_and_visit):
                    count += 1
                    note = m.Note(walk_id=walk.id, author_id=walker.id, visit_id=visit.id,
                                  stem=stems[count % 4].value, revision=1,
                                  text=f"Note {count}: " + "what was seen and heard " * 5)
                    note.look_fors = [t for t in tags[: count % 3] if t is not None]
                    session.add(note)
    return count


def test_a_big_walk_loads_without_freezing_the_window(qtbot, services: Services,
                                                      monkeypatch) -> None:
    # 6 walkers × 12 visits × 15 notes: reading them takes longer than the GUI may block.
    # (How long each part takes is a figure of tests/bench/bench_checks.py.)
    walk = make_walk(services, "Big walk", walkers=6, visits=12,
                     look_fors=("Talk", "Questions", "Wait time", "Feedback"))
    total = bulk_notes(services, walk, 15)
    assert total == 1080
    wall = EvidenceWall(services.notes, services.walks, walk.id)
    qtbot.addWidget(wall)
    wall.resize(1366, 700)
    # The read waits until the GUI thread lets it go: if it ran on the GUI thread,
    # refresh() would not return before it (and the thread check below fails).
    release = threading.Event()
    readers: list[int] = []
    real_load = wall.load

    def load():  # type: ignore[no-untyped-def]
        readers.append(threading.get_ident())
        release.wait(30)
        return real_load()

    monkeypatch.setattr(wall, "load", load)
    wall.show()
    wall.refresh()
    assert wall.is_loading()  # refresh() came back while the read is still to finish
    release.set()
    wait_loaded(qtbot, wall, timeout=20_000)
    assert readers and threading.get_ident() not in readers
    assert wall.summary.text() == "1,080 notes from 12 visits."
    # Regrouping what is loaded happens on the GUI thread: it reads nothing from the
    # database (no statement at all), so it costs only the grouping of what is in memory.
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        statements.append(statement)

    event.listen(services.db.engine, "before_cursor_execute", count)
    try:
        wall.set_group_by(GroupBy.VISIT)
    finally:
        event.remove(services.db.engine, "before_cursor_execute", count)
    assert statements == []
    assert [total for _, total, _ in _groups(wall)] == [90] * 12


def test_cards_keep_a_readable_line_on_a_wide_wall(qtbot, services: Services, walk: d.Walk,
                                                   bridge: ChangeBridge) -> None:
    """On a 1920-px wall a card's text runs at most about WALL_CHARS characters a line (its
    card stops there); on a narrow one it takes the room there is."""
    from walkapp.ui.screens.postbrief.cards import WALL_CHARS

    add_note(services, walk, tags=(0,), text="Pairs compared answers and explained why. " * 8)
    wall = _wall(qtbot, services, walk.id, bridge)
    delegate = wall.tree.itemDelegate()
    average = wall.tree.fontMetrics().averageCharWidth()
    wall.resize(1920, 700)
    qtbot.waitUntil(lambda: wall.tree.viewport().width() > 1700, timeout=2000)
    wide = delegate._text_width()
    assert wide <= average * WALL_CHARS < wall.tree.viewport().width() - 200
    wall.resize(700, 700)
    qtbot.waitUntil(lambda: wall.tree.viewport().width() < 700, timeout=2000)
    narrow = delegate._text_width()
    assert narrow < wide and narrow > wall.tree.viewport().width() - 100
