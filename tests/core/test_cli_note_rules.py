"""`walkapp note` follows the app's rules: a walker's laptop, a closed walk, the Trash, the
app open on the same data folder, and a whole headless round ending in a debrief."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.reports.conftest import pdf_text
from tests.helpers.note_cli import Cli, note_walk, one_error_line
from walkapp import domain as d
from walkapp.bundles import crypto
from walkapp.config import resolve_settings
from walkapp.services import NoteDraft, Services, open_services
from walkapp.storage.lock import DataFolderLock

PLAIN = "Two students compared answers before the teacher spoke."


@pytest.fixture(autouse=True)
def _fast_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "SCRYPT_N", 2**14)


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    return Cli(capsys, monkeypatch)


# -- a walker's laptop -------------------------------------------------------------------------

def test_on_a_walkers_laptop_notes_are_the_walkers_own(tmp_path: Path, cli: Cli) -> None:
    fac = ["--data-dir", str(tmp_path / "fac")]
    amy = ["--data-dir", str(tmp_path / "amy")]
    kit = tmp_path / "amira.walkkit"
    assert cli(*fac, "demo").code == 0
    assert cli(*fac, "kit", "Learning", "--walker", "Amira Haddad", "-o", str(kit)).code == 0
    assert cli(*amy, "open-kit", str(kit)).code == 0

    # Written as Amira, with or without naming her; nobody else.
    mine = cli(*amy, "note", "add", "--walk", "Learning", "--visit", "2", "--look-for", "1",
               "Reporter said 'we think it melted faster because metal feels colder'.")
    assert mine.code == 0, mine.err
    named = cli(*amy, "note", "add", "--walk", "Learning", "--visit", "3", "--walker",
                "amira haddad", "--stem", "will_try", "I will try lanyard roles.")
    assert named.code == 0, named.err
    ran = cli(*amy, "note", "add", "--walk", "Learning", "--visit", "1", "--walker",
              "Ben Okafor", "x")
    assert "notes are written as Amira Haddad" in one_error_line(ran)

    # Someone else's note on her laptop (none comes in a kit; put one there): not hers to
    # change, and not listed.
    services = open_services(resolve_settings(tmp_path / "amy"))
    try:
        walk = services.walks.list_walks()[0]
        full = services.walks.get_walk(walk.id)
        assert full.local_mode is d.LocalMode.WALKER
        ben = next(p for p in full.walkers if p.display_name == "Ben Okafor")
        other = services.notes.save_note(NoteDraft(walk_id=walk.id, author_id=ben.id,
                                                   text="Ben's note", visit_id=full.visits[0].id))
    finally:
        services.close()
    for args in (["edit", other.id, "--text", "changed"], ["delete", other.id]):
        ran = cli(*amy, "note", *args)
        assert "only the walker's own notes" in one_error_line(ran)

    listed = cli(*amy, "note", "list", "--walk", "Learning", "--json").json()
    assert listed["mine_only"] is True and listed["walk"]["local_mode"] == "walker"
    assert {n["author"] for n in listed["notes"]} == {"Amira Haddad"}
    assert len(listed["notes"]) == 2
    text = cli(*amy, "note", "list", "--walk", "Learning", "--walker", "Ben Okafor")
    assert "On this laptop: your own notes only." in text.out and "Ben's note" not in text.out

    # Her own notes she changes as she likes; a walker revising her note keeps no drafts.
    edited = cli(*amy, "note", "edit", named.out.strip(), "--text",
                 "I will try lanyard roles next week.", "--json").json()
    assert edited["changed"] and edited["kept_history"] is False
    assert cli(*amy, "note", "delete", mine.out.strip()).code == 0

    # Handed back as a notes file, her note reaches the facilitator's list.
    notes = tmp_path / "amira.walknotes"
    assert cli(*amy, "export", "Learning", "-o", str(notes)).code == 0
    assert cli(*fac, "import", str(notes)).code == 0
    there = cli(*fac, "note", "list", "--walk", "Learning", "--walker", "Amira Haddad",
                "--json").json()["notes"]
    texts = [n["text"] for n in there]
    assert "I will try lanyard roles next week." in texts
    assert not any("melted faster because metal feels colder'" in t for t in texts)


# -- a closed walk, the Trash, the app open ----------------------------------------------------

def test_a_closed_walk_is_refused_unless_edit_anyway(services: Services, cli: Cli) -> None:
    walk = note_walk(services)
    note = cli("note", "add", "--walk", "Maths", "--visit", "1", PLAIN).out.strip()
    services.walks.update_walk(walk.id, status=d.WalkStatus.CLOSED)
    for args in (["add", "--walk", "Maths", "--visit", "1", "Late note."],
                 ["edit", note, "--text", "Changed."], ["delete", note]):
        ran = cli("note", *args)
        assert ran.code == 1
        said = one_error_line(ran)
        assert "This walk is closed, so its record was not changed" in said
        assert "--edit-anyway" in said
    assert [n.text for n in services.notes.list_notes(walk.id)] == [PLAIN]
    # "Edit anyway", as in the app; the walk stays closed.
    assert cli("note", "add", "--walk", "Maths", "--visit", "1", "--edit-anyway",
               "Late note.").code == 0
    assert cli("note", "edit", note, "--text", "Changed.", "--edit-anyway").code == 0
    assert [n.text for n in services.notes.list_notes(walk.id)] == ["Changed.", "Late note."]
    assert cli("note", "delete", note, "--edit-anyway").code == 0
    assert services.walks.get_walk(walk.id).status is d.WalkStatus.CLOSED
    # Reading a closed walk's notes needs nothing.
    assert cli("note", "list", "--walk", "Maths").code == 0


def test_a_walk_in_the_trash_says_so(services: Services, cli: Cli) -> None:
    walk = note_walk(services)
    note = cli("note", "add", "--walk", "Maths", "--visit", "1", PLAIN).out.strip()
    assert cli("delete", "Maths").code == 0
    ran = cli("note", "add", "--walk", "Maths", "--visit", "1", "x")
    assert "1 walk in the Trash does" in one_error_line(ran)
    ran = cli("note", "add", "--walk", walk.id, "--visit", "1", "x")
    assert "is in the Trash. Restore it first" in one_error_line(ran)
    for args in (["edit", note, "--text", "x"], ["delete", note],
                 ["list", "--walk", walk.id]):
        assert "is in the Trash" in one_error_line(cli("note", *args))
    assert cli("trash", "restore", "Maths").code == 0
    assert [n.text for n in services.notes.list_notes(walk.id)] == [PLAIN]


def test_with_the_app_open_writes_are_refused_and_reading_works(services: Services,
                                                                cli: Cli) -> None:
    walk = note_walk(services)
    note = cli("note", "add", "--walk", "Maths", "--visit", "1", PLAIN).out.strip()
    with DataFolderLock(resolve_settings().data_dir, "the walkapp desktop app"):
        for args in (["add", "--walk", "Maths", "--visit", "1", "x"],
                     ["edit", note, "--text", "x"], ["delete", note]):
            ran = cli("note", *args)
            said = one_error_line(ran)
            assert "the walkapp desktop app" in said and "already using the data folder" in said
        listed = cli("note", "list", "--walk", "Maths", "--json").json()
        assert [n["text"] for n in listed["notes"]] == [PLAIN]
    assert [n.text for n in services.notes.list_notes(walk.id)] == [PLAIN]


# -- a headless round --------------------------------------------------------------------------

def test_a_script_takes_a_whole_walks_notes_and_the_debrief_prints_them(
        services: Services, cli: Cli, tmp_path: Path) -> None:
    walk = note_walk(services)
    ids: dict[tuple[int, int], str] = {}
    for visit in (1, 2, 3):
        for walker in (1, 2, 3, 4):
            ran = cli("note", "add", "--walk", "Maths", "--visit", str(visit), "--walker",
                      f"Walker {walker}", "--look-for", str(1 + (visit + walker) % 2),
                      f"Visit{visit} walker{walker} heard partners explain.")
            assert ran.code == 0 and ran.err == "", ran.err
            ids[visit, walker] = ran.out.strip()
    judged = cli("note", "add", "--walk", "Maths", "--visit", "2", "--walker", "Walker 1",
                 "The teacher was lazy.")
    assert judged.code == 0 and "“lazy”" in judged.err
    # Edits: new words (a rewrite of a walker's note), a new stem, a new visit.
    assert cli("note", "edit", ids[1, 1], "--text", "Rewritten tally of partner talk.").code == 0
    assert cli("note", "edit", ids[1, 2], "--stem", "wonder", "--text",
               "I wonder how partners were chosen.").code == 0
    assert cli("note", "edit", ids[3, 4], "--visit", "1").code == 0
    assert cli("note", "delete", ids[2, 3]).code == 0

    listed = cli("note", "list", "--walk", "Maths", "--json").json()
    assert listed["counts"]["notes"] == 12
    assert listed["counts"]["flagged"] == 1 and listed["counts"]["rewritten"] == 2
    by_id = {n["id"]: n for n in listed["notes"]}
    assert ids[2, 3] not in by_id
    assert by_id[ids[3, 4]]["visit"] == 1 and by_id[ids[1, 2]]["stem"] == "wonder"
    visit_one = cli("note", "list", "--walk", "Maths", "--visit", "1", "--json").json()
    assert len(visit_one["notes"]) == 5

    pdf = tmp_path / "debrief.pdf"
    ran = cli("report", "Maths", "--kind", "debrief", "-o", str(pdf))
    assert ran.code == 0, ran.err
    assert "1 note is held back" in ran.err
    text = " ".join(pdf_text(pdf.read_bytes()).split())
    assert "Rewritten tally of partner talk." in text
    assert "I wonder how partners were chosen." in text
    assert "Visit3 walker4 heard partners explain." in text
    assert "Visit2 walker3" not in text        # deleted
    assert "lazy" not in text                  # flagged: held back, as the app holds it
    assert services.walks.get_walk(walk.id).title == "Maths walk"


def test_a_full_disk_is_one_clear_line_and_nothing_half_written(
        services: Services, cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    """The database cannot grow (SQLite's max_page_count: its real SQLITE_FULL): the
    command says the disk is full, saves nothing, and the same command works later."""
    from sqlalchemy import event

    import walkapp.services as services_module

    walk = note_walk(services)
    with services.db.engine.connect() as conn:
        pages = int(conn.exec_driver_sql("PRAGMA page_count").scalar() or 0)
    opened = services_module.open_services

    def cramped(*args: object, **kwargs: object) -> Services:
        made = opened(*args, **kwargs)  # type: ignore[arg-type]
        event.listen(made.db.engine, "connect", lambda connection, record: connection.execute(
            f"PRAGMA max_page_count = {pages + 2}"))
        made.db.engine.dispose()
        return made

    big = "Partners explained their counting aloud. " * 40_000
    monkeypatch.setattr(services_module, "open_services", cramped)
    ran = cli("note", "add", "--walk", "Maths", "--visit", "1", "-", stdin=big.encode())
    said = one_error_line(ran)
    assert "disk is full" in said and "Nothing was saved" in said
    assert services.notes.list_notes(walk.id) == []
    monkeypatch.setattr(services_module, "open_services", opened)
    ran = cli("note", "add", "--walk", "Maths", "--visit", "1", "--quiet", "-",
              stdin=big.encode())
    assert ran.code == 0 and services.notes.get_note(ran.out.strip()).text == big.rstrip("\n")
