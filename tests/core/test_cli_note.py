"""`walkapp note add` and `walkapp note list`: a note saved as the app saves it, the nudge's
findings as the app words them, standard input, odd and huge text, every refusal."""

from __future__ import annotations

import pytest

from tests.core.test_note_services import ODD_TEXTS
from tests.helpers.note_cli import Cli, note_walk, one_error_line
from walkapp import domain as d
from walkapp.errors import NotFoundError
from walkapp.nudge.findings import findings
from walkapp.services import Services

LAZY = "She was clearly lazy today and Maria answered first."
PLAIN = "Two students compared answers to 48 ÷ 6 before the teacher spoke."


@pytest.fixture
def walk(services: Services) -> d.Walk:
    return note_walk(services)


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    return Cli(capsys, monkeypatch)


def _notes(services: Services, walk: d.Walk) -> list[d.Note]:
    return services.notes.list_notes(walk.id)


# -- add ---------------------------------------------------------------------------------------

def test_add_prints_the_id_alone_and_saves_the_note_as_the_app_does(
        services: Services, walk: d.Walk, cli: Cli) -> None:
    ran = cli("note", "add", "--walk", "Maths", "--visit", "2", PLAIN)
    assert ran.code == 0 and ran.err == ""
    [note] = _notes(services, walk)
    assert ran.out == note.id + "\n"
    # As the note editor writes it: the protocol's first stem, the observation phase, the
    # "Write as" default (the first facilitator), no tags.
    assert (note.text, note.stem, note.stem_key, note.phase) == (PLAIN, d.Stem.NOTICED, "",
                                                                 "observation")
    assert note.visit_id == walk.visits[1].id and note.look_for_ids == ()
    assert note.author_id == walk.facilitators[0].id
    assert note.revision == 1


def test_add_with_a_stem_look_fors_and_a_walker(services: Services, walk: d.Walk,
                                                cli: Cli) -> None:
    ran = cli("note", "add", "--walk", walk.id[:8], "--visit", "1", "--stem", "wonder",
              "--look-for", "2", "--look-for", "student", "--look-for", "Open QUESTIONS",
              "--walker", "walker 2", "I wonder how the pairs were chosen.")
    assert ran.code == 0, ran.err
    [note] = _notes(services, walk)
    assert note.stem is d.Stem.WONDER
    # Each look-for once, in the walk's order, however it was named.
    assert note.look_for_ids == tuple(lf.id for lf in walk.look_fors)
    assert note.author_id == walk.walkers[1].id
    # A stem by its label, a walker by id.
    ran = cli("note", "add", "--walk", "Maths", "--visit", "3", "--stem", "i will try",
              "--walker", walk.walkers[0].id, "I will try a sentence strip.")
    assert ran.code == 0, ran.err
    again = services.notes.get_note(ran.out.strip())
    assert again.stem is d.Stem.WILL_TRY and again.author_id == walk.walkers[0].id


def test_the_nudge_speaks_as_the_app_and_never_blocks(services: Services, walk: d.Walk,
                                                      cli: Cli) -> None:
    ran = cli("note", "add", "--walk", "Maths", "--visit", "1", LAZY)
    assert ran.code == 0
    [note] = _notes(services, walk)
    assert ran.out == note.id + "\n" and note.text == LAZY  # saved all the same
    expected = findings(LAZY, "en")
    assert {f.kind for f in expected.items} == {"evaluative", "name"}
    lines = ran.err.splitlines()
    assert lines[0] == "The note is saved. The nudge suggests:"
    assert lines[1:-1] == [f"  {f.message}" for f in expected.items]
    assert any(line.startswith("  “lazy” — ") for line in lines)
    assert any(line.startswith("  “Maria” may be a name — ") for line in lines)
    assert "stays out of the debrief" in lines[-1]
    # --quiet: not a word; the note is saved.
    ran = cli("note", "add", "--walk", "Maths", "--visit", "1", "--quiet", LAZY)
    assert ran.code == 0 and ran.err == "" and len(_notes(services, walk)) == 2
    # A descriptive note: nothing to say.
    assert cli("note", "add", "--walk", "Maths", "--visit", "1", PLAIN).err == ""


def test_add_json_gives_the_note_its_state_and_the_findings(walk: d.Walk,
                                                            cli: Cli) -> None:
    data = cli("note", "add", "--walk", "Maths", "--visit", "1", "--look-for", "1", "--json",
               LAZY).json()
    assert set(data) == {"id", "created", "changed", "walk", "note", "findings",
                         "nudge_language", "nudge_notice", "kept_history"}
    assert data["created"] and data["changed"] and not data["kept_history"]
    assert data["walk"] == {"id": walk.id, "title": "Maths walk"}
    note = data["note"]
    assert note["id"] == data["id"] and note["text"] == LAZY
    assert (note["visit"], note["visit_label"], note["author"]) == (1, "Visit 1",
                                                                    "Fran Facilitator")
    assert (note["stem"], note["stem_label"]) == ("noticed", "I noticed")
    assert note["look_fors"] == [{"id": walk.look_fors[0].id, "position": 1,
                                  "text": "Student talk"}]
    assert note["state"] == "flagged" and note["flagged"] == ["evaluative", "name"]
    assert data["nudge_language"] == "en" and data["nudge_notice"] == ""
    words = {f["word"]: f for f in data["findings"]}
    assert {"lazy", "Maria"} <= set(words)
    lazy = words["lazy"]
    assert LAZY[lazy["start"]:lazy["end"]] == "lazy"
    assert set(lazy) == {"kind", "start", "end", "word", "suggestion", "gentle", "message"}
    assert lazy["kind"] == "evaluative" and lazy["message"].startswith("“lazy” — ")
    assert words["Maria"]["kind"] == "name"


# -- standard input ----------------------------------------------------------------------------

def test_text_from_standard_input(services: Services, walk: d.Walk,
                                  cli: Cli) -> None:
    text = "First line.\n\nThird line, after a blank one.  "
    ran = cli("note", "add", "--walk", "Maths", "--visit", "1", "-",
              stdin=(text + "\n").encode())
    assert ran.code == 0, ran.err
    # The one line ending `echo` or a file puts last is not part of the note; the rest is.
    assert services.notes.get_note(ran.out.strip()).text == text
    ran = cli("note", "add", "--walk", "Maths", "--visit", "1", "-",
              stdin=b"\xef\xbb\xbfWindows file\r\n")
    assert services.notes.get_note(ran.out.strip()).text == "Windows file"


@pytest.mark.parametrize(("stdin", "said"), [
    (b"caf\xe9 au lait", "not UTF-8 text (byte 4 is not)"),
    (b"half\x00way", "NUL character"),
    (b"", "The note is empty"),
    (b" \n\t\n", "The note is empty"),
])
def test_unusable_standard_input_is_refused(services: Services, walk: d.Walk, cli: Cli,
                                            stdin: bytes, said: str) -> None:
    ran = cli("note", "add", "--walk", "Maths", "--visit", "1", "-", stdin=stdin)
    assert ran.code == 1 and said in one_error_line(ran)
    assert _notes(services, walk) == []


def test_a_megabyte_is_kept_and_over_the_limit_is_refused(
        services: Services, walk: d.Walk, cli: Cli) -> None:
    megabyte = ("Students counted in pairs; “¿por qué?” asked one. 🧮 " * 20_000)[:1_000_000]
    ran = cli("note", "add", "--walk", "Maths", "--visit", "1", "--quiet", "-",
              stdin=megabyte.encode())
    assert ran.code == 0, ran.err[:200]
    assert services.notes.get_note(ran.out.strip()).text == megabyte
    listed = cli("note", "list", "--walk", "Maths", "--json").json()
    assert [n["text"] for n in listed["notes"]] == [megabyte]
    ran = cli("note", "add", "--walk", "Maths", "--visit", "1", "-",
              stdin=b"x" * 2_000_001)
    assert ran.code == 1
    assert "2,000,001 characters long; the limit is 2,000,000" in one_error_line(ran)
    ran = cli("note", "add", "--walk", "Maths", "--visit", "1", "-",
              stdin=b"x" * 9_000_000)
    assert ran.code == 1 and "over 8 MB" in one_error_line(ran)
    assert len(_notes(services, walk)) == 1


ODD = [t for t in ODD_TEXTS if "\x00" not in t] + [
    "\u202eRTL override\u202c and \u200fmarks\u200e",
    "שלום, التلاميذ 😀 mixed",
    "zero\u200bwidth\ufeffBOM inside",
    "\x1b]0;window title\x07 and \x9b31m C1",
    "%s %d {0} {text} $(rm -rf /) `id`",
    "\U0001F9D1\u200D\U0001F3EB" * 300,
]


@pytest.mark.parametrize("text", ODD)
def test_odd_text_is_stored_exactly_and_printed_safely(
        services: Services, walk: d.Walk, cli: Cli, text: str) -> None:
    # Through the argument and through standard input alike.
    by_argument = cli("note", "add", "--walk", "Maths", "--visit", "1", "--quiet", text)
    assert by_argument.code == 0, by_argument.err
    by_stdin = cli("note", "add", "--walk", "Maths", "--visit", "1", "--quiet", "-",
                   stdin=text.encode() + b"\n")
    assert by_stdin.code == 0, by_stdin.err
    for ran in (by_argument, by_stdin):
        assert services.notes.get_note(ran.out.strip()).text == text
    listed = cli("note", "list", "--walk", "Maths", "--json").json()
    assert [n["text"] for n in listed["notes"]] == [text, text]
    shown = cli("note", "list", "--walk", "Maths")
    assert shown.code == 0
    # Nothing a terminal acts on reaches it raw: control and bidi characters are escapes.
    for raw in ("\x1b", "\x07", "\x9b", "\u202e", "\r"):
        assert raw not in shown.out
    assert shown.out.count("\n") == shown.out.count("\n  ") + 3  # one line per note


# -- refusals ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("args", "code", "said"), [
    (["--walk", "Nowhere", "--visit", "1", "x"], 1, "No walk matches 'Nowhere'"),
    (["--walk", "Maths", "--visit", "0", "x"], 1, "no visit 0 on “Maths walk”: its visits "
                                                  "are numbered 1 to 3"),
    (["--walk", "Maths", "--visit", "4", "x"], 1, "no visit 4"),
    (["--walk", "Maths", "--visit", "two", "x"], 1, "no visit two"),
    (["--walk", "Maths", "--visit", "1", "--stem", "warm", "x"], 1,
     "no stem 'warm'. Its stems: noticed (I noticed), wonder (I wonder)"),
    (["--walk", "Maths", "--visit", "1", "--look-for", "Wait time", "x"], 1,
     "no look-for 'Wait time'. Its look-fors: 1. Student talk; 2. Open questions."),
    (["--walk", "Maths", "--visit", "1", "--look-for", "3", "x"], 1, "no look-for '3'"),
    (["--walk", "Maths", "--visit", "1", "--walker", "Walker 9", "x"], 1,
     "Nobody called 'Walker 9' is on the roster of “Maths walk”. On it: Fran Facilitator, "
     "Walker 1"),
    (["--walk", "Maths", "--visit", "1", ""], 1, "The note is empty"),
    (["--walk", "Maths", "--visit", "1", "   \n "], 1, "The note is empty"),
    (["--walk", "Maths", "--visit", "1", "x" * 2_000_001], 1, "the limit is 2,000,000"),
    (["--walk", "Maths", "--visit", "1", "broken \ud83d half"], 2, "is not UTF-8 text"),
    (["--walk", "Maths", "--visit", "1", "nul\x00"], 2, "NUL character"),
    (["--walk", "Maths", "--visit", "1", "--id", "not-a-uuid", "x"], 1,
     "'not-a-uuid' is not a note id"),
    (["--walk", "Maths", "x"], 2, "the following arguments are required: --visit"),
    (["--visit", "1", "x"], 2, "the following arguments are required: --walk"),
])
def test_add_refusals_say_what_to_fix_and_save_nothing(
        services: Services, walk: d.Walk, cli: Cli, args: list[str], code: int,
        said: str) -> None:
    ran = cli("note", "add", *args)
    assert ran.code == code, ran.err
    assert said in (one_error_line(ran) if code == 1 else ran.err)
    assert _notes(services, walk) == []


def test_an_ambiguous_look_for_or_a_walk_without_visits_or_roster(
        services: Services, walk: d.Walk, cli: Cli) -> None:
    services.plan.add_look_for(walk.id, "Student questions")
    ran = cli("note", "add", "--walk", "Maths", "--visit", "1", "--look-for", "student", "x")
    assert "could be more than one look-for" in one_error_line(ran) and "give its number" \
        in ran.err
    from walkapp.services import NewWalk

    bare = services.walks.create_walk(NewWalk(title="Bare walk", walk_date="2026-11-03"))
    ran = cli("note", "add", "--walk", "Bare", "--visit", "1", "x")
    assert "nobody on its roster yet" in one_error_line(ran)
    services.plan.add_participant(bare.id, "Walker A")
    ran = cli("note", "add", "--walk", "Bare", "--visit", "1", "x")
    assert "has no visits yet" in one_error_line(ran)
    assert _notes(services, walk) == [] and services.notes.list_notes(bare.id) == []


def test_a_chosen_id_makes_a_retry_harmless(services: Services, walk: d.Walk,
                                            cli: Cli) -> None:
    chosen = "0b7f2f3e-98c1-4b49-9a8f-6f5ad1c2e0aa"
    args = ("note", "add", "--walk", "Maths", "--visit", "1", "--id", chosen.upper(), PLAIN)
    first = cli(*args, "--json").json()
    assert first["id"] == chosen and first["created"]
    again = cli(*args, "--json").json()  # the script ran twice: still one note
    assert again["id"] == chosen and not again["created"] and not again["changed"]
    assert [n.id for n in _notes(services, walk)] == [chosen]
    assert services.notes.get_note(chosen).revision == 1
    ran = cli("note", "add", "--walk", "Maths", "--visit", "1", "--id", chosen, "Other words")
    assert "already a note with the id" in one_error_line(ran) and "note edit" in ran.err
    ran = cli("note", "add", "--walk", "Maths", "--visit", "1", "--walker", "Walker 1",
              "--id", chosen, PLAIN)
    assert "is another note's" in one_error_line(ran)
    assert services.notes.get_note(chosen).text == PLAIN


# -- list --------------------------------------------------------------------------------------

def _add(cli: Cli, *args: str) -> str:
    ran = cli("note", "add", "--walk", "Maths", "--quiet", *args)
    assert ran.code == 0, ran.err
    return str(ran.out.strip())


def test_list_marks_every_state_and_filters(services: Services, walk: d.Walk,
                                            cli: Cli) -> None:
    plain = _add(cli, "--visit", "1", "--look-for", "1", "--walker", "Walker 1", PLAIN)
    flagged = _add(cli, "--visit", "1", "--walker", "Walker 2", LAZY)
    kept = _add(cli, "--visit", "2", "--walker", "Walker 1", "The lesson was great!")
    aside = _add(cli, "--visit", "3", "--stem", "question", "--walker", "Walker 2",
                 "Were the groups chosen by the teacher?")
    services.reviews.keep(kept)
    services.reviews.set_aside(aside)
    ran = cli("note", "list", "--walk", "Maths")
    assert ran.code == 0 and ran.err == ""
    lines = ran.out.splitlines()
    assert lines[0] == ("“Maths walk”: 4 notes (flagged: 1; set aside: 1; both stay out of "
                        "the records)")
    assert lines[1:] == [
        "", "Visit 1",
        f"  {plain[:8]}  I noticed: {PLAIN} [Student talk] — Walker 1",
        f"  {flagged[:8]}  I noticed: {LAZY} — Walker 2  [flagged: not in the record]",
        "", "Visit 2",
        f"  {kept[:8]}  I noticed: The lesson was great! — Walker 1  "
        "[flagged, kept in the record]",
        "", "Visit 3",
        f"  {aside[:8]}  Question: Were the groups chosen by the teacher? — Walker 2  "
        "[set aside: not in the record]"]
    # One visit, one person.
    ran = cli("note", "list", "--walk", "Maths", "--visit", "1", "--walker", "walker 2")
    assert ran.out.splitlines()[2:] == ["Visit 1", f"  {flagged[:8]}  I noticed: {LAZY} — "
                                        "Walker 2  [flagged: not in the record]"]
    assert cli("note", "list", "--walk", "Maths", "--visit", "2", "--walker",
               "Walker 2").out == "No notes to list on “Maths walk”.\n"


def test_list_json_shape(services: Services, walk: d.Walk, cli: Cli) -> None:
    plain = _add(cli, "--visit", "2", "--walker", "Walker 1", PLAIN)
    flagged = _add(cli, "--visit", "1", "--walker", "Walker 2", LAZY)
    services.reviews.set_aside(plain)
    data = cli("note", "list", "--walk", "Maths", "--json").json()
    assert set(data) == {"walk", "mine_only", "notes", "counts"}
    assert data["walk"] == {"id": walk.id, "title": "Maths walk", "local_mode": "facilitator"}
    assert data["mine_only"] is False
    assert data["counts"] == {"notes": 2, "in_record": 0, "set_aside": 1, "flagged": 1,
                              "kept": 0, "rewritten": 0}
    # Route order: visit 1 first, though written second.
    assert [n["id"] for n in data["notes"]] == [flagged, plain]
    first = data["notes"][0]
    assert set(first) == {"id", "walk_id", "author_id", "visit_id", "phase", "stem",
                          "stem_key", "text", "look_for_ids", "revision", "created_at",
                          "updated_at", "conflict_of", "form_key", "visit", "visit_label",
                          "author", "stem_label", "look_fors", "state", "flagged",
                          "rewritten"}
    assert (first["state"], first["flagged"], first["author"]) == ("flagged",
                                                                   ["evaluative", "name"],
                                                                   "Walker 2")
    assert data["notes"][1]["state"] == "set_aside"


def test_list_refusals(walk: d.Walk, cli: Cli) -> None:
    assert "No walk matches" in one_error_line(cli("note", "list", "--walk", "Nope"))
    assert "no visit 7" in one_error_line(cli("note", "list", "--walk", "Maths", "--visit",
                                              "7"))
    assert "Nobody called" in one_error_line(cli("note", "list", "--walk", "Maths",
                                                 "--walker", "Zed"))
    ran = cli("note")
    assert ran.code == 2 and "choose an action: add, edit, delete or list" in ran.err


def test_a_note_of_no_visit_or_a_removed_visit_is_listed_under_it(
        services: Services, walk: d.Walk, cli: Cli) -> None:
    from walkapp.services import NoteDraft

    on_third = _add(cli, "--visit", "3", PLAIN)
    services.notes.save_note(NoteDraft(walk_id=walk.id, author_id=None, text="Corridor."))
    services.plan.remove_visit(walk.visits[2].id)
    lines = cli("note", "list", "--walk", "Maths").out.splitlines()
    assert lines[2:] == ["Removed visit (was visit 3)",
                         f"  {on_third[:8]}  I noticed: {PLAIN} — Fran Facilitator",
                         "", "No visit", lines[-1]]
    assert lines[-1].endswith("I noticed: Corridor. — ?")
    with pytest.raises(NotFoundError):
        services.notes.get_note("0" * 8)


def test_a_protocols_own_appreciative_stem_gets_the_kinder_words(
        services: Services, cli: Cli) -> None:
    from walkapp.nudge import appreciative_suggestion
    from walkapp.protocol.library import builtin_protocol
    from walkapp.services.protocol_walks import create_walk_from_protocol

    walk = create_walk_from_protocol(services, builtin_protocol("tuning-protocol"),
                                     "Tuning walk", "2026-11-04", visits=1)
    services.plan.add_participant(walk.id, "Walker A")
    data = cli("note", "add", "--walk", "Tuning", "--visit", "1", "--stem", "warm", "--json",
               "The task was great.").json()
    note = data["note"]
    # Stored as the app stores a protocol's own stem: written like "noticed", keyed "warm".
    assert (note["stem"], note["stem_key"], note["stem_label"]) == ("noticed", "warm",
                                                                    "Warm feedback")
    [great] = [f for f in data["findings"] if f["word"] == "great"]
    assert great["gentle"] is True and great["suggestion"] == appreciative_suggestion("en")
    assert great["message"] == f"“great” — {appreciative_suggestion('en')}"
    # Cool feedback, by its label: neutral words.
    data = cli("note", "add", "--walk", "Tuning", "--visit", "1", "--stem", "cool feedback",
               "--json", "The task was great.").json()
    assert data["note"]["stem_key"] == "cool"
    assert all(not f["gentle"] for f in data["findings"])
    assert "Warm feedback: The task was great." in cli("note", "list", "--walk",
                                                       "Tuning").out
