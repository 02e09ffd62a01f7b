"""The facilitator-edit rule: editing a walker's note is a new version by the facilitator,
the walker's text stays in the note's history (shown on request), an edit on both sides is
a conflict, and deleting the note takes its history with it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.helpers.builders import make_walk
from tests.helpers.laptops import Laptop, laptops
from walkapp.bundles import crypto
from walkapp.cli import main
from walkapp.events import Entity
from walkapp.services import NoteDraft


@pytest.fixture(autouse=True)
def _fast_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "SCRYPT_N", 2**14)


def _kept(laptop: Laptop) -> int:
    with sqlite3.connect(laptop.db_path) as conn:
        return int(conn.execute("SELECT count(*) FROM note_history").fetchone()[0])


def _setup(tmp_path: Path, fac: Laptop, amy: Laptop) -> tuple[str, str, str]:
    walk = make_walk(fac.services, "History walk", walkers=1, visits=1)
    me = walk.walkers[0].id
    amy.bundles.open_kit(fac.bundles.write_kit(walk.id, tmp_path / "k.walkkit",
                                               walker_id=me))
    note = amy.services.notes.save_note(NoteDraft(walk.id, me, "What Amy saw",
                                                  visit_id=walk.visits[0].id))
    path = amy.bundles.write_notes(walk.id, me, tmp_path / "amy1.walknotes")
    assert fac.bundles.import_files([path]).clean
    return walk.id, me, note.id


def _edit(laptop: Laptop, walk_id: str, author: str, note_id: str, text: str) -> None:
    current = laptop.services.notes.get_note(note_id)
    laptop.services.notes.save_note(NoteDraft(walk_id, author, text, id=note_id,
                                              visit_id=current.visit_id))


def test_the_facilitators_edit_keeps_the_walkers_text(tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk_id, me, note_id = _setup(tmp_path, fac, amy)
        _edit(fac, walk_id, me, note_id, "Fixed by the facilitator")
        _edit(fac, walk_id, me, note_id, "Fixed again")  # the facilitator's own: not kept
        entries = fac.services.history.history(walk_id, Entity.NOTE, note_id)
        assert [(e.text, e.author_name, e.current) for e in entries] == [
            ("What Amy saw", "Walker 1", False), ("Fixed again", None, True)]
        assert entries[0].changed_by_name is None and entries[0].changed_at is not None
        # The walker's laptop gets the facilitator's version, and keeps her text too.
        back = fac.bundles.write_notes(walk_id, me, tmp_path / "back.walknotes")
        assert amy.bundles.import_files([back]).clean
        assert amy.services.notes.get_note(note_id).text == "Fixed again"
        mine = amy.services.history.history(walk_id, Entity.NOTE, note_id)
        assert [e.text for e in mine] == ["What Amy saw", "Fixed again"]


def test_an_edit_on_both_sides_is_a_conflict_and_keeps_both(tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk_id, me, note_id = _setup(tmp_path, fac, amy)
        _edit(fac, walk_id, me, note_id, "The facilitator's wording")
        _edit(amy, walk_id, me, note_id, "Amy's second thoughts")
        path = amy.bundles.write_notes(walk_id, me, tmp_path / "amy2.walknotes")
        report = fac.bundles.import_files([path])
        assert report.conflicts == 1, report.summary()
        texts = sorted(n.text for n in fac.services.notes.list_notes(walk_id))
        assert texts == ["Amy's second thoughts", "The facilitator's wording"]
        assert "What Amy saw" in [e.text for e in
                                  fac.services.history.history(walk_id, Entity.NOTE, note_id)]


def test_deleting_the_note_deletes_its_history(tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk_id, me, note_id = _setup(tmp_path, fac, amy)
        _edit(fac, walk_id, me, note_id, "Changed here")
        assert _kept(fac) == 1
        fac.services.notes.delete_note(note_id)
        assert _kept(fac) == 0


def test_a_merged_deletion_deletes_the_history(tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk_id, me, note_id = _setup(tmp_path, fac, amy)
        _edit(fac, walk_id, me, note_id, "Changed here")
        back = fac.bundles.write_notes(walk_id, me, tmp_path / "back.walknotes")
        assert amy.bundles.import_files([back]).clean
        amy.services.notes.delete_note(note_id)
        path = amy.bundles.write_notes(walk_id, me, tmp_path / "amy2.walknotes")
        assert fac.bundles.import_files([path]).clean
        assert _kept(fac) == 0 and _kept(amy) == 0


def test_show_history_on_the_command_line(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk_id, me, note_id = _setup(tmp_path, fac, amy)
        _edit(fac, walk_id, me, note_id, "Changed here")
        folder = fac.folder
    capsys.readouterr()
    assert main(["--data-dir", str(folder), "show", walk_id, "--history", note_id]) == 0
    out = capsys.readouterr().out
    assert "What Amy saw" in out and "changed by the facilitator" in out
    assert "Changed here" in out and "(shown now)" in out
    assert main(["--data-dir", str(folder), "show", walk_id, "--history",
                 "00000000-0000-4000-8000-000000000000"]) != 0
    err = capsys.readouterr().err
    assert "No such note" in err and "Traceback" not in err


def test_rows_with_history_names_the_notes_the_facilitator_changed(tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk_id, me, note_id = _setup(tmp_path, fac, amy)
        assert fac.services.history.rows_with_history(walk_id) == set()
        _edit(fac, walk_id, me, note_id, "Fixed by the facilitator")
        assert fac.services.history.rows_with_history(walk_id) == {note_id}
        fac.services.notes.delete_note(note_id)  # its history goes with it
        assert fac.services.history.rows_with_history(walk_id) == set()


def test_typing_up_a_paper_note_catcher_keeps_no_history(tmp_path: Path) -> None:
    # On the facilitator's laptop, a note written here for a (paper) walker is the
    # facilitator's typing from the start: revising it keeps no "walker's text".
    with laptops(tmp_path, "fac") as (fac,):
        walk = make_walk(fac.services, "Paper walk", walkers=1, visits=1)
        me, visit = walk.walkers[0].id, walk.visits[0].id
        note = fac.services.notes.save_note(NoteDraft(walk.id, me, "Pairs comp",
                                                      visit_id=visit))
        _edit(fac, walk.id, me, note.id, "Pairs compared methods")
        assert fac.services.history.rows_with_history(walk.id) == set()
        assert [e.text for e in fac.services.history.history(walk.id, Entity.NOTE, note.id)
                ] == ["Pairs compared methods"]
