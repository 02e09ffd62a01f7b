"""`walkapp note edit` and `walkapp note delete`: what changes, the history the app keeps,
a deletion as the app makes it, and bringing a deleted note back."""

from __future__ import annotations

import pytest

from tests.helpers.note_cli import Cli, note_walk, one_error_line
from walkapp import domain as d
from walkapp.errors import NotFoundError
from walkapp.events import Entity
from walkapp.services import NoteDraft, Services
from walkapp.storage import models as m

LAZY = "The class was lazy after lunch."
PLAIN = "Three students asked each other how they knew."


@pytest.fixture
def walk(services: Services) -> d.Walk:
    return note_walk(services)


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    return Cli(capsys, monkeypatch)


def _add(cli: Cli, *args: str, stdin: bytes = b"") -> str:
    ran = cli("note", "add", "--walk", "Maths", "--quiet", *args, stdin=stdin)
    assert ran.code == 0, ran.err
    return ran.out.strip()


# -- edit --------------------------------------------------------------------------------------

def test_edit_changes_only_what_is_given(services: Services, walk: d.Walk, cli: Cli) -> None:
    note_id = _add(cli, "--visit", "1", "--look-for", "1", PLAIN)
    ran = cli("note", "edit", note_id[:6], "--stem", "wonder")
    assert ran.code == 0 and ran.out == f"Changed the note {note_id[:8]}.\n" and ran.err == ""
    note = services.notes.get_note(note_id)
    assert (note.stem, note.text, note.look_for_ids, note.visit_id, note.revision) == (
        d.Stem.WONDER, PLAIN, (walk.look_fors[0].id,), walk.visits[0].id, 2)
    assert cli("note", "edit", note_id, "--look-for", "2", "--visit", "3").code == 0
    note = services.notes.get_note(note_id)
    assert note.look_for_ids == (walk.look_fors[1].id,) and note.visit_id == walk.visits[2].id
    assert cli("note", "edit", note_id, "--no-look-fors", "--text", "-",
               stdin=b"New words.\n").code == 0
    note = services.notes.get_note(note_id)
    assert (note.text, note.look_for_ids, note.stem) == ("New words.", (), d.Stem.WONDER)
    # The same again: nothing written.
    ran = cli("note", "edit", note_id, "--text", "New words.")
    assert ran.out == f"The note {note_id[:8]} already said that; nothing changed.\n"
    assert services.notes.get_note(note_id).revision == note.revision


def test_edit_speaks_the_nudge_and_json(services: Services, walk: d.Walk, cli: Cli) -> None:
    note_id = _add(cli, "--visit", "1", PLAIN)
    ran = cli("note", "edit", note_id, "--text", LAZY)
    assert ran.code == 0
    assert "The note is saved. The nudge suggests:" in ran.err and "“lazy” — " in ran.err
    assert cli("note", "edit", note_id, "--text", LAZY + " ", "--quiet").err == ""
    data = cli("note", "edit", note_id, "--text", PLAIN, "--json").json()
    assert data["id"] == note_id and data["changed"] and not data["created"]
    assert data["findings"] == [] and data["note"]["state"] == "in_record"
    assert data["note"]["revision"] == 4


def test_a_facilitators_new_words_for_a_walkers_note_keep_the_walkers_in_its_history(
        services: Services, walk: d.Walk, cli: Cli) -> None:
    """As the evidence wall's rewrite: the walker's words stay, shown by `show --history`."""
    note_id = _add(cli, "--visit", "1", "--walker", "Walker 1", PLAIN)
    ran = cli("note", "edit", note_id, "--text", "Three students asked how they knew.",
              "--look-for", "1")
    assert ran.code == 0, ran.err
    assert ran.out.splitlines() == [
        f"Changed the note {note_id[:8]}.",
        f"The walker's own words are kept in the note's history (`walkapp show {walk.id[:8]} "
        f"--history {note_id}`)."]
    note = services.notes.get_note(note_id)
    assert note.text == "Three students asked how they knew."
    assert note.look_for_ids == (walk.look_fors[0].id,)
    history = services.history.history(walk.id, Entity.NOTE, note_id)
    assert [h.text for h in history] == [PLAIN, "Three students asked how they knew."]
    assert history[0].author_name == "Walker 1" and history[1].author_name is None
    shown = cli("show", "Maths", "--history", note_id)
    assert PLAIN in shown.out and "changed by the facilitator" in shown.out
    listed = cli("note", "list", "--walk", "Maths", "--json").json()["notes"][0]
    assert listed["state"] == "rewritten" and listed["rewritten"] is True
    assert "[rewritten: the walker's words are in its history]" in cli(
        "note", "list", "--walk", "Maths").out
    assert cli("note", "edit", note_id, "--stem", "wonder", "--json").json()["kept_history"]


def test_the_facilitators_own_note_keeps_no_drafts(services: Services, walk: d.Walk,
                                                   cli: Cli) -> None:
    note_id = _add(cli, "--visit", "1", PLAIN)  # by Fran Facilitator
    data = cli("note", "edit", note_id, "--text", "Corrected.", "--json").json()
    assert data["kept_history"] is False
    assert [h.text for h in services.history.history(walk.id, Entity.NOTE, note_id)] == [
        "Corrected."]


def test_a_set_aside_note_stays_aside_when_rewritten(services: Services, walk: d.Walk,
                                                     cli: Cli) -> None:
    note_id = _add(cli, "--visit", "1", "--walker", "Walker 2", PLAIN)
    services.reviews.set_aside(note_id)
    ran = cli("note", "edit", note_id, "--text", "Three students asked.")
    assert "The note stays set aside: it is not in the record." in ran.err
    assert services.reviews.statuses(walk.id)[note_id].state.value == "set_aside"


@pytest.mark.parametrize(("args", "code", "said"), [
    (["abc", "--text", "x"], 1, "Give at least 4 characters of the note's id"),
    (["ffffffff", "--text", "x"], 1, "No note has an id starting with 'ffffffff'"),
    ([], 2, "Say what to change: --text, --stem, --look-for, --no-look-fors or --visit."),
    (["--look-for", "1", "--no-look-fors"], 2, "either --look-for or --no-look-fors"),
    (["--text", "  "], 1, "The note is empty"),
    (["--text", "x" * 2_000_001], 1, "the limit is 2,000,000"),
    (["--stem", "warm"], 1, "no stem 'warm'"),
    (["--look-for", "9"], 1, "no look-for '9'"),
    (["--visit", "5"], 1, "no visit 5"),
])
def test_edit_refusals_change_nothing(services: Services, walk: d.Walk, cli: Cli,
                                      args: list[str], code: int, said: str) -> None:
    note_id = _add(cli, "--visit", "1", PLAIN)
    key = [] if args and args[0] in ("abc", "ffffffff") else [note_id]
    ran = cli("note", "edit", *key, *args)
    assert ran.code == code
    assert said in (one_error_line(ran) if code == 1 else ran.err)
    note = services.notes.get_note(note_id)
    assert (note.text, note.revision) == (PLAIN, 1)


def test_ambiguous_ids_answers_and_deleted_notes(services: Services, walk: d.Walk,
                                                 cli: Cli) -> None:
    first = _add(cli, "--visit", "1", "--id", "abcd0000-0000-4000-8000-000000000001", PLAIN)
    _add(cli, "--visit", "1", "--id", "abcd0000-0000-4000-8000-000000000002", PLAIN)
    ran = cli("note", "edit", "abcd", "--text", "x")
    assert "is the start of more than one note's id" in one_error_line(ran)
    assert cli("note", "edit", first[:-1] + "1", "--stem", "wonder").code == 0  # whole id
    assert cli("note", "delete", first).code == 0
    ran = cli("note", "edit", first, "--text", "again")
    assert f"The note {first[:8]} was deleted." in one_error_line(ran)
    assert f"The note {first[:8]} was deleted." in one_error_line(cli("note", "delete", first))
    # An answer to the visit form is changed in the visit form.
    answer = services.notes.save_note(NoteDraft(walk_id=walk.id, author_id=None, text="Yes",
                                                visit_id=walk.visits[0].id, form_key="q1"))
    ran = cli("note", "edit", answer.id, "--text", "No")
    assert "is an answer to the visit form" in one_error_line(ran)
    assert "is an answer to the visit form" in one_error_line(cli("note", "delete",
                                                                  answer.id))


# -- delete ------------------------------------------------------------------------------------

def test_delete_as_the_app_does_and_bring_it_back(services: Services, walk: d.Walk,
                                                  cli: Cli) -> None:
    text = "First line.\nSecond line with “quotes” and 🧮."
    note_id = _add(cli, "--visit", "2", "--stem", "question", "--look-for", "2",
                   "--walker", "Walker 3", "-", stdin=text.encode())
    ran = cli("note", "delete", note_id[:8])
    assert ran.code == 0 and ran.err == ""
    walker = walk.walkers[2].id
    undo = (f"walkapp note add --walk {walk.id} --visit 2 --stem question --look-for 2 "
            f"--walker {walker} --id {note_id} -")
    assert ran.out.splitlines() == [
        f"Deleted the note {note_id[:8]} (Visit 2 · Question · Walker 3). Its words left the "
        "database with it, as in the app; they were:",
        "  First line.", "  Second line with “quotes” and 🧮.",
        "To bring it back, add it again under its own id, with those words on standard input:",
        "  " + undo]
    with pytest.raises(NotFoundError):
        services.notes.get_note(note_id)
    # A tombstone that travels, with no words left in it (the app's delete_note).
    with services.db.transaction() as session:
        row = session.get(m.Note, note_id)
        assert row is not None and row.deleted_at is not None
        assert (row.text, list(row.look_fors)) == ("", [])
    # Notes do not go to the Trash: that is for walks.
    assert cli("trash", "list").out == "The Trash is empty.\n"
    assert cli("note", "list", "--walk", "Maths").out == "No notes to list on “Maths walk”.\n"
    # The printed command brings it back, as the app's Undo: same id, same everything.
    back = cli(*undo.split()[1:], stdin=text.encode())
    assert back.code == 0 and back.out.strip() == note_id
    note = services.notes.get_note(note_id)
    assert (note.text, note.stem, note.visit_id, note.look_for_ids, note.author_id) == (
        text, d.Stem.QUESTION, walk.visits[1].id, (walk.look_fors[1].id,), walker)


def test_delete_json_and_its_undo(services: Services, walk: d.Walk, cli: Cli) -> None:
    note_id = _add(cli, "--visit", "1", "--walker", "Walker 1", PLAIN)
    services.reviews.set_aside(note_id)
    data = cli("note", "delete", note_id, "--json").json()
    assert set(data) == {"id", "deleted", "walk", "note", "undo"}
    assert data["id"] == note_id and data["deleted"] is True
    assert data["note"]["text"] == PLAIN and data["note"]["state"] == "set_aside"
    argv, stdin = data["undo"]["argv"], data["undo"]["stdin"]
    assert argv[:3] == ["walkapp", "note", "add"] and stdin == PLAIN
    assert cli(*argv[1:], stdin=stdin.encode()).code == 0
    assert services.notes.get_note(note_id).text == PLAIN
    # The facilitator's decision went with the deletion, as in the app.
    assert services.reviews.statuses(walk.id)[note_id].state.value == "in_record"


def test_a_deleted_notes_words_and_history_are_gone(services: Services, walk: d.Walk,
                                                    cli: Cli) -> None:
    note_id = _add(cli, "--visit", "1", "--walker", "Walker 1", PLAIN)
    assert cli("note", "edit", note_id, "--text", "Rewritten.").code == 0
    assert cli("note", "delete", note_id).code == 0
    with services.db.transaction() as session:
        assert session.query(m.NoteHistory).filter_by(note_id=note_id).count() == 0


def test_a_note_on_a_removed_visit_has_no_command_to_come_back(
        services: Services, walk: d.Walk, cli: Cli) -> None:
    note_id = _add(cli, "--visit", "3", PLAIN)
    services.plan.remove_visit(walk.visits[2].id)
    ran = cli("note", "delete", note_id)
    assert "(Removed visit (was visit 3) · I noticed · Fran Facilitator)" in ran.out
    assert "To bring it back" not in ran.out
    # Under its id it can still come back, on a visit of the route.
    assert cli("note", "add", "--walk", "Maths", "--visit", "1", "--id", note_id, "-",
               stdin=PLAIN.encode()).code == 0
    assert services.notes.get_note(note_id).visit_id == walk.visits[0].id
