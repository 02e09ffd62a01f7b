"""Search everything (walkapp.services.search): the index kept in step by every write path,
accents, word starts, phrases, ranking, snippets, privacy, note states, walker mode, the
Trash, and any text at all as a query."""

from __future__ import annotations

import importlib
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers.builders import make_walk
from tests.helpers.laptops import laptops
from walkapp import domain as d
from walkapp.bundles import crypto
from walkapp.note_states import NoteState
from walkapp.services import NoteDraft, Services
from walkapp.services.commands import DebriefEdit, NoteWrite
from walkapp.services.search import ResultKind, SearchResults
from walkapp.storage.types import new_id


def note(services: Services, walk: d.Walk, text: str, *, visit: int = 0,
         author: d.Participant | None = None, note_id: str | None = None) -> d.Note:
    return services.notes.save_note(NoteDraft(
        id=note_id or new_id(), walk_id=walk.id,
        author_id=(author or walk.walkers[0]).id, visit_id=walk.visits[visit].id, text=text))


def found(services: Services, text: str, **kwargs: object) -> list[tuple[str, str]]:
    """(kind, the hit's whole snippet text) of each hit."""
    results: SearchResults = services.search.search(text, **kwargs)  # type: ignore[arg-type]
    return [(hit.kind.value, hit.text) for hit in results.hits]


def texts(services: Services, text: str, **kwargs: object) -> set[str]:
    return {snippet for _, snippet in found(services, text, **kwargs)}


def index_rows(services: Services) -> int:
    with services.db.connection() as raw:
        docs = raw.execute("SELECT count(*) FROM search_docs").fetchone()[0]
        # The FTS5 index agrees with its content table (FTS5's own check).
        raw.execute("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)")
        return int(docs)


@pytest.fixture(autouse=True)
def _fast_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "SCRYPT_N", 2**14)


# -- what is found ------------------------------------------------------------------------

def test_every_kind_of_text_is_found(services: Services) -> None:
    walk = make_walk(services, "Numeracy walk", walkers=2, visits=2)
    services.walks.update_walk(walk.id, focus="Reasoning aloud", school="Hillside")
    note(services, walk, "Pupils compared fractions aloud")
    services.notes.save_reflection(walk.id, walk.walkers[0].id, "What did you learn?",
                                   "Fractions stick when pupils explain")
    services.debrief.save_commitment(walk.id, walk.walkers[0].id, "I will try fraction walls")
    services.debrief.add_pattern(walk.id, "describe", "Fraction talk in every room")
    services.debrief.add_next_step(walk.id, "Share fraction tasks")
    item = services.debrief.add_action_item(walk.id, "Order fraction tiles", "Ann")
    later = make_walk(services, "Later walk", walkers=1, visits=1)
    services.debrief.follow_up(item.id, later.id, "done", "Fraction tiles arrived")
    kinds = {kind for kind, _ in found(services, "fraction")}
    assert kinds == {"note", "reflection", "commitment", "pattern", "next_step",
                     "action_item"}
    assert found(services, "hillside") == [("walk", "Hillside")]
    assert found(services, "reasoning") == [("walk", "Reasoning aloud")]
    hits = services.search.search("arrived").hits
    assert [(h.kind, h.follow_up, h.action_item_id, h.walk_id) for h in hits] == [
        (ResultKind.ACTION_ITEM, True, item.id, later.id)]
    assert found(services, "ann") == [("action_item", "Ann")]


def test_accents_and_case_do_not_matter_in_english_or_spanish(services: Services) -> None:
    walk = make_walk(services, walkers=1, visits=1)
    note(services, walk, "La educación física empezó con un juego")
    note(services, walk, "CAFÉ talk at the start")
    assert texts(services, "educacion") == {"La educación física empezó con un juego"}
    assert texts(services, "EDUCACIÓN FISICA") == texts(services, "educacion")
    assert texts(services, "empezo") == texts(services, "educacion")
    assert texts(services, "café") == {"CAFÉ talk at the start"}
    assert texts(services, "cafe") == texts(services, "café")


def test_words_are_word_starts_and_all_of_them_count(services: Services) -> None:
    walk = make_walk(services, walkers=1, visits=1)
    note(services, walk, "Partner talk before writing")
    note(services, walk, "Talking points on the board")
    note(services, walk, "Writing frames on every table")
    assert texts(services, "tal") == {"Partner talk before writing",
                                      "Talking points on the board"}
    assert texts(services, "tal writ") == {"Partner talk before writing"}
    assert texts(services, "alk") == set()  # the start of a word, not any part of it
    # One letter is a whole word, not the start of half the words there are.
    assert texts(services, "t") == set()


def test_quoted_words_are_a_phrase(services: Services) -> None:
    walk = make_walk(services, walkers=1, visits=1)
    note(services, walk, "Students asked open questions")
    note(services, walk, "Questions were open to everyone")
    assert texts(services, '"open questions"') == {"Students asked open questions"}
    assert len(texts(services, "open questions")) == 2
    # A phrase is matched word for word (no word starts inside it).
    assert texts(services, '"open quest"') == set()


def test_the_best_match_comes_first_with_its_words_marked(services: Services) -> None:
    walk = make_walk(services, walkers=1, visits=1)
    note(services, walk, "A long note about many things in the room, one of them wait time, "
                         "and then a great deal more about seating plans and displays")
    note(services, walk, "Wait time, wait time, wait time")
    hits = services.search.search("wait").hits
    assert hits[0].text == "Wait time, wait time, wait time"
    assert hits[0].rank <= hits[1].rank
    assert [(p.text, p.is_match) for p in hits[0].snippet] == [
        ("Wait", True), (" time, ", False), ("wait", True), (" time, ", False),
        ("wait", True), (" time", False)]


def test_a_long_text_gives_a_passage_around_the_match(services: Services) -> None:
    walk = make_walk(services, walkers=1, visits=1)
    note(services, walk, " ".join(["filler"] * 500 + ["needle"] + ["filler"] * 500))
    (hit,) = services.search.search("needle").hits
    assert hit.snippet[0].text.startswith("…") and hit.snippet[-1].text.endswith("…")
    assert [p.text for p in hit.snippet if p.is_match] == ["needle"]
    assert len(hit.text) < 200


def test_where_a_note_is(services: Services) -> None:
    walk = make_walk(services, walkers=1, visits=3)
    written = note(services, walk, "Exit tickets collected", visit=2)
    (hit,) = services.search.search("tickets").hits
    assert (hit.kind, hit.row_id, hit.walk_id, hit.walk_title, hit.walk_date) == (
        ResultKind.NOTE, written.id, walk.id, walk.title, walk.walk_date)
    assert (hit.visit_id, hit.visit_number, hit.visit_removed) == (
        walk.visits[2].id, 3, False)
    assert hit.stem is d.Stem.NOTICED and hit.note_state is NoteState.IN_RECORD
    services.plan.remove_visit(walk.visits[2].id)
    (hit,) = services.search.search("tickets").hits
    assert hit.visit_removed


def test_past_many_matches_the_newest_come_first(services: Services,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from walkapp.services import search

    walk = make_walk(services, walkers=1, visits=1)
    written = [note(services, walk, f"Cold call {'again ' * index}").id for index in range(4)]
    ranked = [h.row_id for h in services.search.search("cold").hits]
    monkeypatch.setattr(search, "RANK_LIMIT", 3)  # four matches: too many to rank
    assert [h.row_id for h in services.search.search("cold").hits] == written[::-1]
    assert sorted(ranked) == sorted(written)
    # A rarer word in the query keeps the ranking.
    note(services, walk, "Cold call twice, cold call")
    assert len(services.search.search("cold twice").hits) == 1


def test_paging(services: Services) -> None:
    walk = make_walk(services, walkers=1, visits=1)
    for index in range(7):
        note(services, walk, f"Group work round {index}")
    first = services.search.search("group", limit=3)
    second = services.search.search("group", limit=3, offset=3)
    last = services.search.search("group", limit=3, offset=6)
    assert first.more and second.more and not last.more
    ids = [h.row_id for r in (first, second, last) for h in r.hits]
    assert len(ids) == len(set(ids)) == 7
    assert len(services.search.search("group").hits) == 7  # default limit 50


# -- what is left out ---------------------------------------------------------------------

def test_visit_details_are_found_only_when_the_privacy_settings_let_them_out(
        services: Services) -> None:
    walk = make_walk(services, walkers=1, visits=1)
    services.plan.update_visit(walk.visits[0].id, room="Room Zircon", grade="Grade Topaz",
                               subject="Geology", teacher_name="Ms Garnet")
    for word in ("zircon", "topaz", "geology", "garnet"):
        assert found(services, word) == []
        assert services.walks.list_walks(word) == []
    services.walks.update_walk(walk.id, include_visit_details=True)
    assert found(services, "zircon") == [("walk", "Room Zircon")]
    assert found(services, "geology") == [("walk", "Geology")]
    assert found(services, "garnet") == []  # teacher names have their own setting
    services.walks.update_walk(walk.id, show_teacher_names=True,
                               include_visit_details=False)
    assert found(services, "garnet") == [("walk", "Ms Garnet")]
    assert found(services, "zircon") == []
    hit = services.search.search("garnet").hits[0]
    assert (hit.field, hit.visit_number) == ("teacher_name", 1)


def test_note_states_are_marked(services: Services) -> None:
    walk = make_walk(services, walkers=1, visits=1)
    plain = note(services, walk, "Marker pens on tables")
    flagged = note(services, walk, "Marker pens used badly, a lazy lesson")
    aside = note(services, walk, "Marker pens everywhere")
    kept = note(services, walk, "Marker pens were good")
    services.reviews.set_aside(aside.id)
    services.reviews.keep(kept.id)
    states = {h.row_id: h.note_state for h in services.search.search("marker").hits}
    assert states == {plain.id: NoteState.IN_RECORD, flagged.id: NoteState.FLAGGED,
                      aside.id: NoteState.SET_ASIDE, kept.id: NoteState.KEPT}


def test_the_trash_is_searched_only_when_asked(services: Services) -> None:
    walk = make_walk(services, "Binned walk", walkers=1, visits=1)
    note(services, walk, "Seating in horseshoes")
    services.walks.delete_walk(walk.id)
    assert found(services, "horseshoes") == []
    assert services.walks.list_walks("horseshoes") == []
    hits = services.search.search("horseshoes", include_trashed=True).hits
    assert [(h.text, h.in_trash) for h in hits] == [("Seating in horseshoes", True)]
    services.trash.restore(walk.id)
    assert found(services, "horseshoes") == [("note", "Seating in horseshoes")]


def test_one_walk_only(services: Services) -> None:
    one = make_walk(services, "One", walkers=1, visits=1)
    two = make_walk(services, "Two", walkers=1, visits=1)
    note(services, one, "Mini whiteboards up")
    note(services, two, "Mini whiteboards down")
    assert texts(services, "whiteboards", walk_id=two.id) == {"Mini whiteboards down"}
    assert {w.title for w in services.walks.list_walks("whiteboards")} == {"One", "Two"}
    assert [w.title for w in services.walks.list_walks("down")] == ["Two"]


def test_a_walkers_laptop_finds_only_that_walkers_own_words(tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk = make_walk(fac.services, "Kit walk", walkers=2, visits=1)
        note(fac.services, walk, "Facilitator's own jotting about anchors")
        kit = fac.bundles.write_kit(walk.id, tmp_path / "k.walkkit",
                                    walker_id=walk.walkers[0].id)
        amy.bundles.open_kit(kit)
        copy = amy.services.walks.get_walk(walk.id)
        note(amy.services, copy, "Anchor charts by the door", author=copy.walkers[0])
        # Another walker's words on this laptop (as a test can put them there): never found.
        note(amy.services, copy, "Anchor words of someone else", author=copy.walkers[1])
        assert texts(amy.services, "anchor") == {"Anchor charts by the door"}
        assert found(amy.services, "kit") == [("walk", "Kit walk")]


# -- the index follows every write path ---------------------------------------------------

def test_saves_edits_and_deletions_move_the_index(services: Services) -> None:
    walk = make_walk(services, walkers=1, visits=1)
    written = note(services, walk, "Think pair share")
    assert texts(services, "pair") == {"Think pair share"}
    note(services, walk, "Think write share", note_id=written.id)
    assert texts(services, "pair") == set() and texts(services, "write") == {
        "Think write share"}
    services.notes.delete_note(written.id)
    assert texts(services, "write") == set()
    pattern = services.debrief.add_pattern(walk.id, "describe", "Choral reading")
    services.debrief.update_pattern(pattern.id, "Echo reading")
    assert texts(services, "choral") == set() and texts(services, "echo") == {"Echo reading"}
    services.debrief.delete_pattern(pattern.id)
    assert texts(services, "echo") == set()
    item = services.debrief.add_action_item(walk.id, "Buy timers")
    services.debrief.update_action_item(item.id, text="Borrow timers")
    assert texts(services, "borrow") == {"Borrow timers"} and texts(services, "buy") == set()
    services.walks.update_walk(walk.id, title="Renamed walk")
    assert found(services, "renamed") == [("walk", "Renamed walk")]
    index_rows(services)


def test_undo_and_redo_move_the_index(services: Services) -> None:
    walk = make_walk(services, walkers=1, visits=1)
    draft = NoteDraft(id=new_id(), walk_id=walk.id, author_id=walk.walkers[0].id,
                      visit_id=walk.visits[0].id, text="Hands up rarely")
    done = NoteWrite("save_note", (draft,)).perform(services)
    assert texts(services, "hands") == {"Hands up rarely"}
    assert done.undo is not None
    undone = done.undo.perform(services)
    assert texts(services, "hands") == set()
    assert undone.undo is not None
    undone.undo.perform(services)
    assert texts(services, "hands") == {"Hands up rarely"}
    added = DebriefEdit("add_next_step", (walk.id, "Visit the library")).perform(services)
    assert texts(services, "library") == {"Visit the library"}
    assert added.undo is not None
    added.undo.perform(services)
    assert texts(services, "library") == set()


def test_a_notes_file_and_its_merge_move_the_index(tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk = make_walk(fac.services, "Kit walk", walkers=1, visits=1)
        kit = fac.bundles.write_kit(walk.id, tmp_path / "k.walkkit",
                                    walker_id=walk.walkers[0].id)
        amy.bundles.open_kit(kit)
        copy = amy.services.walks.get_walk(walk.id)
        written = note(amy.services, copy, "Counting stick warm-up")
        path = amy.bundles.write_notes(walk.id, copy.walkers[0].id, tmp_path / "a.walknotes")
        fac.bundles.import_files([path])
        assert texts(fac.services, "counting") == {"Counting stick warm-up"}
        # The walker's newer text, merged over the older one; then their deletion.
        note(amy.services, copy, "Counting in threes warm-up", note_id=written.id)
        path = amy.bundles.write_notes(walk.id, copy.walkers[0].id, tmp_path / "b.walknotes")
        fac.bundles.import_files([path])
        assert texts(fac.services, "counting") == {"Counting in threes warm-up"}
        amy.services.notes.delete_note(written.id)
        path = amy.bundles.write_notes(walk.id, copy.walkers[0].id, tmp_path / "c.walknotes")
        fac.bundles.import_files([path])
        assert texts(fac.services, "counting") == set()
        index_rows(fac.services)


def test_removing_walks_for_good_leaves_nothing_of_them_in_the_index(
        services: Services) -> None:
    gone = make_walk(services, "Gone walk", walkers=1, visits=1)
    kept = make_walk(services, "Kept walk", walkers=1, visits=1)
    note(services, gone, "Quietly confidential words")
    note(services, kept, "Other words")
    services.walks.delete_walk(gone.id)
    services.trash.empty()
    assert found(services, "confidential", include_trashed=True) == []
    with services.db.connection() as raw:
        assert raw.execute("SELECT count(*) FROM search_docs WHERE walk_id = ?",
                           (gone.id,)).fetchone()[0] == 0
        # Merged into one segment: no page of the index keeps the removed words.
        terms = {r[0] for r in raw.execute(
            "SELECT term FROM search_fts_vocab")} if _vocab(raw) else set()
    assert "confidential" not in terms and "other" in terms
    assert services.db.path is not None
    assert b"confidential" not in services.db.path.read_bytes().lower()
    index_rows(services)


def _vocab(raw: sqlite3.Connection) -> bool:
    raw.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_fts_vocab USING"
                " fts5vocab(main, search_fts, row)")
    return True


# -- any text at all ----------------------------------------------------------------------

ODD = ['"', '"unbalanced', "*", "NEAR(a b)", "-", "(", ")", "AND OR NOT", "a*b", "^start",
       "col:umn", "🙂", "\x00\x01\x1b[2J", "\ud800", "", "   ", "'; DROP TABLE notes; --",
       "a" * 50_000, "word " * 10_000, '"' * 999]


@pytest.mark.parametrize("text", ODD)
def test_odd_text_is_searched_safely(services: Services, text: str) -> None:
    walk = make_walk(services, walkers=1, visits=1)
    note(services, walk, "NEAR the door, AND then some")
    result = services.search.search(text)
    assert isinstance(result.hits, tuple)
    services.walks.list_walks(text)


def test_a_huge_paste_looks_for_its_first_words(services: Services) -> None:
    walk = make_walk(services, walkers=1, visits=1)
    note(services, walk, "alpha beta")
    result = services.search.search("alpha " + " ".join(f"w{i}" for i in range(5000)))
    assert result.cut_short and result.hits == ()


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=200))
def test_any_text_is_a_query_that_never_fails(services: Services, text: str) -> None:
    result = services.search.search(text, limit=5)
    assert len(result.hits) <= 5
    for hit in result.hits:
        assert "\ufdd0" not in hit.text and "\ufdd1" not in hit.text


@pytest.fixture
def _odd_walk(services: Services) -> d.Walk:
    walk = make_walk(services, walkers=1, visits=1)
    note(services, walk, "Tokens: NEAR AND OR NOT * ( ) \" - ^ self-talk émigré 🙂 x")
    return walk


@settings(max_examples=100, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["near", "AND", "*", "(", "\"", "-", "self-talk", "emigre",
                                 "🙂", "tokens", "x", "NOT", "^", ":"]), max_size=8))
def test_operator_words_are_words(services: Services, _odd_walk: d.Walk,
                                  words: list[str]) -> None:
    result = services.search.search(" ".join(words))
    assert len(result.hits) <= 1


def test_an_existing_database_is_indexed_by_the_migration(settings: Any) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    from walkapp.services import open_services
    from walkapp.storage import migrate

    services = open_services(settings)
    walk = make_walk(services, "Before the index", walkers=1, visits=1)
    note(services, walk, "Written before the index existed")
    services.close()
    engine = create_engine(settings.database_url)
    with engine.begin() as connection:
        config = migrate.alembic_config()
        config.attributes["connection"] = connection
        command.downgrade(config, "0011")
        tables = {r[0] for r in connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")}
        assert not any(t.startswith("search_") for t in tables)
        # Written while at 0011 (an older walkapp): indexed on the way up.
        connection.exec_driver_sql("UPDATE notes SET text = 'Changed by an older walkapp'")
    engine.dispose()
    again = open_services(settings)
    try:
        assert found(again, "older") == [("note", "Changed by an older walkapp")]
        assert found(again, "before") == [("walk", "Before the index")]
        assert list(settings.backup_dir.glob("pre-migration-0011-*.sqlite3"))
        with again.db.connection() as raw:
            triggers = {r[0] for r in raw.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        revision = importlib.import_module(
            "walkapp.storage.migrations.versions.0012_search_index")
        assert set(revision.trigger_names()) <= triggers
        index_rows(again)
    finally:
        again.close()


def test_the_fallback_without_an_index_finds_the_same(services: Services) -> None:
    """The search PostgreSQL uses (ILIKE over the tables), run here on SQLite."""
    walk = make_walk(services, "Fallback walk", walkers=1, visits=1)
    note(services, walk, "Students sorted shapes")
    services.plan.update_visit(walk.visits[0].id, room="Room Quartz")
    services.debrief.add_pattern(walk.id, "describe", "Shapes everywhere")
    services.walks.delete_walk(make_walk(services, "Binned", walkers=1, visits=1).id)
    services.search.use_index = False
    try:
        assert texts(services, "shapes") == {"Students sorted shapes", "Shapes everywhere"}
        assert texts(services, "quartz") == set()  # privacy settings hold
        assert found(services, "binned") == []
        assert found(services, "binned", include_trashed=True) == [("walk", "Binned")]
        assert texts(services, "sorted shapes") == {"Students sorted shapes"}
        assert {w.title for w in services.walks.list_walks("shapes")} == {"Fallback walk"}
        hit = services.search.search("sorted").hits[0]
        assert [p.text for p in hit.snippet if p.is_match] == ["sorted"]
        assert services.search.search('"').hits == ()
    finally:
        services.search.use_index = None
