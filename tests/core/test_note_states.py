"""Note states (walkapp.note_states) and the facilitator's decisions (ReviewService): every
state and transition, the commands' undo, and what a merge, a deletion and a conflict
resolution do to a review.

Which texts the nudge flags is the nudge's call: each test checks its texts against
`walkapp.nudge.check` first, so a change of the word lists cannot make a test pass for the
wrong reason."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from tests.core.test_note_history import _edit, _setup
from tests.helpers.builders import make_walk
from tests.helpers.laptops import laptops
from walkapp import domain as d
from walkapp import note_states as ns
from walkapp import nudge
from walkapp.bundles import crypto
from walkapp.errors import ValidationError
from walkapp.events import Entity
from walkapp.note_states import NoteState
from walkapp.services import NoteDraft, Services
from walkapp.services.commands import ReviewEdit

JUDGEMENT = "The teacher was excellent at questioning"
NAMED = "I noticed that Mr Jones asked six questions"
PLAIN = "Students talked in pairs for four minutes"
REWORDED = "The teacher asked nine open questions in ten minutes"


@pytest.fixture(autouse=True)
def _fast_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "SCRYPT_N", 2**14)


def test_the_texts_are_what_the_nudge_says_they_are() -> None:
    assert {f.kind for f in nudge.check(JUDGEMENT, "en")} == {"evaluative"}
    assert {f.kind for f in nudge.check(NAMED, "en")} == {"name"}
    assert nudge.check(PLAIN, "en") == [] and nudge.check(REWORDED, "en") == []


# -- the pure rule -------------------------------------------------------------------------
def _review(state: str, text: str | None = None) -> d.NoteReview:
    return d.NoteReview("n1", state, ns.text_hash(text) if text is not None else None)


@pytest.mark.parametrize(("text", "review", "rewritten", "expected"), [
    (PLAIN, None, False, NoteState.IN_RECORD),
    (PLAIN, None, True, NoteState.REWRITTEN),
    (JUDGEMENT, None, False, NoteState.FLAGGED),
    (NAMED, None, False, NoteState.FLAGGED),
    (JUDGEMENT, None, True, NoteState.FLAGGED),          # a rewrite still flagged
    (JUDGEMENT, _review("kept", JUDGEMENT), False, NoteState.KEPT),
    (NAMED, _review("kept", JUDGEMENT), False, NoteState.FLAGGED),  # kept other words
    (PLAIN, _review("kept", JUDGEMENT), False, NoteState.IN_RECORD),
    (PLAIN, _review("set_aside"), False, NoteState.SET_ASIDE),
    (JUDGEMENT, _review("set_aside"), True, NoteState.SET_ASIDE),
])
def test_each_state_follows_from_the_text_the_review_and_the_history(
        text: str, review: d.NoteReview | None, rewritten: bool, expected: NoteState) -> None:
    status = ns.status_of(text, review, rewritten=rewritten, language="en")
    assert status.state is expected
    assert status.in_record is (expected in (NoteState.IN_RECORD, NoteState.KEPT,
                                             NoteState.REWRITTEN))
    assert status.flagged is bool(nudge.check(text, "en"))


def test_the_walks_language_decides_what_is_flagged() -> None:
    def english_only(text: str, lang: str) -> list[nudge.Flag]:
        return nudge.check(text, "en") if lang == "en" else []

    assert ns.status_of(JUDGEMENT, None, rewritten=False, language="es",
                        check=english_only).state is NoteState.IN_RECORD
    assert ns.status_of("   ", None, rewritten=False, language="en").state \
        is NoteState.IN_RECORD


# -- the service and its commands ---------------------------------------------------------
def _note(services: Services, walk: d.Walk, text: str, author: int | None = 0) -> str:
    author_id = walk.walkers[author].id if author is not None else None
    return services.notes.save_note(NoteDraft(walk.id, author_id, text,
                                              visit_id=walk.visits[0].id)).id


def _state(services: Services, walk_id: str, note_id: str) -> NoteState:
    return services.reviews.statuses(walk_id)[note_id].state


def test_set_aside_keep_put_back_and_rewrite(services: Services) -> None:
    walk = make_walk(services, walkers=2, visits=1)
    judged, plain = _note(services, walk, JUDGEMENT), _note(services, walk, PLAIN)
    assert _state(services, walk.id, judged) is NoteState.FLAGGED
    assert _state(services, walk.id, plain) is NoteState.IN_RECORD

    services.reviews.keep(judged)
    assert _state(services, walk.id, judged) is NoteState.KEPT
    services.reviews.set_aside(judged)
    assert _state(services, walk.id, judged) is NoteState.SET_ASIDE
    services.reviews.put_back(judged)
    assert _state(services, walk.id, judged) is NoteState.FLAGGED
    services.reviews.set_aside(plain)
    assert _state(services, walk.id, plain) is NoteState.SET_ASIDE
    services.reviews.put_back(plain)
    assert _state(services, walk.id, plain) is NoteState.IN_RECORD

    services.reviews.rewrite(judged, REWORDED)
    assert _state(services, walk.id, judged) is NoteState.REWRITTEN
    history = services.history.history(walk.id, Entity.NOTE, judged)
    assert [(e.text, e.current) for e in history] == [(JUDGEMENT, False), (REWORDED, True)]
    # A rewrite that is still flagged is held back, and a kept decision was for other words.
    services.reviews.keep(judged)
    services.reviews.rewrite(judged, NAMED)
    assert _state(services, walk.id, judged) is NoteState.FLAGGED
    assert [e.text for e in services.history.history(walk.id, Entity.NOTE, judged)] == [
        JUDGEMENT, NAMED]  # the facilitator's own earlier wording is not kept
    with pytest.raises(ValidationError, match="set it aside"):
        services.reviews.rewrite(judged, "  ")


def test_rewriting_keeps_the_walkers_words_also_for_a_note_typed_here(
        services: Services) -> None:
    walk = make_walk(services, walkers=1, visits=1)
    mine = _note(services, walk, JUDGEMENT, author=None)  # the facilitator's own note
    theirs = _note(services, walk, JUDGEMENT)
    assert services.reviews.rewrite(theirs, REWORDED).kept_history
    assert not services.reviews.rewrite(mine, REWORDED).kept_history
    record = services.records.walk_record(walk.id)
    assert record.rewritten == (theirs,)
    # The facilitator's own note rewritten: simply a clean note, in the record.
    assert _state(services, walk.id, mine) is NoteState.IN_RECORD


@pytest.mark.parametrize("method", ["set_aside", "keep", "put_back"])
def test_each_decision_is_undone_by_its_command(services: Services, method: str) -> None:
    walk = make_walk(services, walkers=1, visits=1)
    note = _note(services, walk, JUDGEMENT)
    services.reviews.keep(note) if method == "put_back" else None
    before = services.reviews.reviews(walk.id)
    command = ReviewEdit(method, (note,))
    result = command.run(services)
    assert services.reviews.reviews(walk.id) != before
    undo = command.undo(result)
    assert undo is not None and undo.describe()
    again = undo.run(services)
    assert services.reviews.reviews(walk.id) == before  # exactly as it was (hash, time)
    redo = undo.undo(again)
    assert redo is not None
    redo.run(services)
    assert [r.state for r in services.reviews.reviews(walk.id)] == [
        r.state for r in ([result.after] if result.after else [])]


def test_a_rewrite_is_undone_with_its_history_and_redone(services: Services) -> None:
    walk = make_walk(services, walkers=1, visits=1)
    note = _note(services, walk, JUDGEMENT)
    command = ReviewEdit("rewrite", (note, REWORDED))
    result = command.run(services)
    undo = command.undo(result)
    assert undo is not None
    undone = undo.run(services)
    assert services.notes.get_note(note).text == JUDGEMENT
    assert services.history.rows_with_history(walk.id) == set()  # the walker's own again
    assert _state(services, walk.id, note) is NoteState.FLAGGED
    redo = undo.undo(undone)
    assert redo is not None
    redo.run(services)
    assert services.notes.get_note(note).text == REWORDED
    assert [e.text for e in services.history.history(walk.id, Entity.NOTE, note)] == [
        JUDGEMENT, REWORDED]
    # A second rewrite, undone: the text shown is the facilitator's first wording, and the
    # history still says so.
    second = ReviewEdit("rewrite", (note, PLAIN))
    back = second.undo(second.run(services))
    assert back is not None
    back.run(services)
    entries = services.history.history(walk.id, Entity.NOTE, note)
    assert [(e.text, e.author_id) for e in entries] == [
        (JUDGEMENT, walk.walkers[0].id), (REWORDED, None)]
    assert ReviewEdit("rewrite", (note, REWORDED)).undo(
        services.reviews.rewrite(note, REWORDED)) is None  # no change: nothing to undo


def test_deleting_a_note_removes_its_review(services: Services) -> None:
    walk = make_walk(services, walkers=1, visits=1)
    note = _note(services, walk, JUDGEMENT)
    services.reviews.set_aside(note)
    services.notes.delete_note(note)
    with sqlite3.connect(services.db.path) as conn:
        assert conn.execute("SELECT count(*) FROM note_reviews").fetchone()[0] == 0


def test_a_walkers_laptop_refuses_decisions_and_never_gets_them(tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk_id, me, note_id = _setup(tmp_path, fac, amy)
        fac.services.reviews.set_aside(note_id)
        with pytest.raises(ValidationError, match="facilitator"):
            amy.services.reviews.set_aside(note_id)
        back = fac.bundles.write_notes(walk_id, me, tmp_path / "back.walknotes")
        assert amy.bundles.import_files([back]).clean
        assert amy.services.reviews.reviews(walk_id) == []


# -- merges and conflicts -------------------------------------------------------------------
def test_a_merge_never_overwrites_a_review(tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk_id, me, note_id = _setup(tmp_path, fac, amy)
        fac.services.reviews.set_aside(note_id)
        # The same file again, and a newer text: a set-aside note stays aside.
        again = amy.bundles.write_notes(walk_id, me, tmp_path / "again.walknotes")
        assert fac.bundles.import_files([again]).clean
        assert _state(fac.services, walk_id, note_id) is NoteState.SET_ASIDE
        _edit(amy, walk_id, me, note_id, JUDGEMENT)
        newer = amy.bundles.write_notes(walk_id, me, tmp_path / "newer.walknotes")
        assert fac.bundles.import_files([newer]).clean
        assert fac.services.notes.get_note(note_id).text == JUDGEMENT
        assert _state(fac.services, walk_id, note_id) is NoteState.SET_ASIDE


def test_a_kept_note_is_flagged_again_when_a_merge_brings_other_flagged_words(
        tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk_id, me, note_id = _setup(tmp_path, fac, amy)
        _edit(amy, walk_id, me, note_id, JUDGEMENT)
        first = amy.bundles.write_notes(walk_id, me, tmp_path / "first.walknotes")
        assert fac.bundles.import_files([first]).clean
        fac.services.reviews.keep(note_id)
        assert _state(fac.services, walk_id, note_id) is NoteState.KEPT
        again = amy.bundles.write_notes(walk_id, me, tmp_path / "again.walknotes")
        assert fac.bundles.import_files([again]).clean  # the same words: still kept
        assert _state(fac.services, walk_id, note_id) is NoteState.KEPT
        _edit(amy, walk_id, me, note_id, NAMED)
        newer = amy.bundles.write_notes(walk_id, me, tmp_path / "newer.walknotes")
        assert fac.bundles.import_files([newer]).clean
        assert _state(fac.services, walk_id, note_id) is NoteState.FLAGGED


def test_a_deletion_merged_in_removes_the_review(tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk_id, me, note_id = _setup(tmp_path, fac, amy)
        fac.services.reviews.set_aside(note_id)
        amy.services.notes.delete_note(note_id)
        gone = amy.bundles.write_notes(walk_id, me, tmp_path / "gone.walknotes")
        assert fac.bundles.import_files([gone]).clean
        assert fac.services.reviews.reviews(walk_id) == []
        with sqlite3.connect(fac.db_path) as conn:
            assert conn.execute("SELECT count(*) FROM note_reviews").fetchone()[0] == 0


def test_resolving_a_conflict_keeps_the_winning_versions_review(tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk_id, me, note_id = _setup(tmp_path, fac, amy)
        _edit(fac, walk_id, me, note_id, PLAIN)
        _edit(amy, walk_id, me, note_id, JUDGEMENT)
        path = amy.bundles.write_notes(walk_id, me, tmp_path / "amy2.walknotes")
        assert fac.bundles.import_files([path]).conflicts == 1
        amys = next(n.id for n in fac.services.notes.list_notes(walk_id)
                    if n.text == JUDGEMENT)
        family = fac.services.notes.get_note(amys).family
        fac.services.reviews.keep(amys)
        fac.services.conflicts.resolve(walk_id, family, keep=amys)
        assert fac.services.notes.get_note(note_id).text == JUDGEMENT
        assert _state(fac.services, walk_id, note_id) is NoteState.KEPT


def test_keeping_both_versions_keeps_each_ones_review(tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk_id, me, note_id = _setup(tmp_path, fac, amy)
        _edit(fac, walk_id, me, note_id, PLAIN)
        _edit(amy, walk_id, me, note_id, JUDGEMENT)
        path = amy.bundles.write_notes(walk_id, me, tmp_path / "amy2.walknotes")
        assert fac.bundles.import_files([path]).conflicts == 1
        amys = next(n.id for n in fac.services.notes.list_notes(walk_id)
                    if n.text == JUDGEMENT)
        family = fac.services.notes.get_note(amys).family
        fac.services.reviews.set_aside(amys)
        fac.services.conflicts.resolve(walk_id, family, keep_both=True)
        states = {n.text: _state(fac.services, walk_id, n.id)
                  for n in fac.services.notes.list_notes(walk_id)}
        assert states[JUDGEMENT] is NoteState.SET_ASIDE and states[PLAIN].in_record


def test_a_walk_in_spanish_is_judged_by_the_spanish_word_list(services: Services) -> None:
    from walkapp.reports.build_walk import debrief_data
    from walkapp.services import NewWalk

    praise = "La profesora fue excelente"
    assert nudge.check(praise, "es") and not nudge.check(praise, "en", detect=False)
    walk = services.walks.create_walk(NewWalk(title="Paseo", walk_date=date(2026, 11, 2),
                                              language="es"))
    services.plan.add_participant(walk.id, "Ana")
    visit = services.plan.add_visit(walk.id)
    walker = services.walks.get_walk(walk.id).walkers[0]
    note = services.notes.save_note(NoteDraft(walk.id, walker.id, praise, visit_id=visit.id))
    assert _state(services, walk.id, note.id) is NoteState.FLAGGED
    record = services.records.walk_record(walk.id)
    assert debrief_data(record).held_back_notes == 1
