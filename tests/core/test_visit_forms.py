"""Per-visit forms (walkapp.forms): answers saved as notes, checked, summarised for the walk
only, held back like notes, and carried in notes files with an optional `form_key`."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from tests.helpers.builders import make_walk
from tests.helpers.laptops import laptops
from walkapp import domain as d
from walkapp import forms
from walkapp.bundles import crypto
from walkapp.errors import ValidationError
from walkapp.protocol.schema import Prompt, PromptKind
from walkapp.services import NoteDraft, Services

TALK = Prompt("talk", "What were students talking about?")
SEEN = Prompt("seen", "Things on the walls", PromptKind.LIST)
GROUPING = Prompt("grouping", "How were students seated?", PromptKind.CHOICE,
                  ("Rows", "Groups", "Pairs"))
TOOLS = Prompt("tools", "Which tools were in use?", PromptKind.CHECKLIST,
               ("Whiteboards", "Manipulatives", "Laptops"))
FORM = (TALK, SEEN, GROUPING, TOOLS)


@pytest.fixture(autouse=True)
def _fast_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "SCRYPT_N", 2**14)


def test_answers_are_checked_against_their_question() -> None:
    assert forms.answer_text(GROUPING, "Pairs") == "Pairs"
    assert forms.answer_text(GROUPING, "") == ""
    with pytest.raises(ValidationError, match="not one of the options of “How were"):
        forms.answer_text(GROUPING, "Circle")
    # Ticks: a subset, written in the question's order whatever order they came in.
    assert forms.answer_text(TOOLS, ["Laptops", "Whiteboards"]) == "Whiteboards\nLaptops"
    with pytest.raises(ValidationError, match="“Tablets” is not one of the options"):
        forms.answer_text(TOOLS, ["Laptops", "Tablets"])
    assert forms.answer_text(SEEN, "  a number line \n\n word wall ") == \
        "a number line\nword wall"
    assert forms.answer_text(TALK, "   ") == ""
    with pytest.raises(ValidationError, match="rating"):
        forms.answer_text(Prompt("score", "Score", PromptKind.RATING), "3")
    assert forms.answer_values(TOOLS, "Whiteboards\nLaptops") == ("Whiteboards", "Laptops")


def test_one_note_per_walker_visit_and_question(services: Services) -> None:
    walk = make_walk(services, walkers=2, visits=2)
    amy, ben = walk.walkers[0].id, walk.walkers[1].id
    room = walk.visits[0].id
    first = services.notes.save_answer(walk.id, amy, room, GROUPING, "Rows")
    again = services.notes.save_answer(walk.id, amy, room, GROUPING, "Groups")
    assert first.note_id == again.note_id and again.note is not None
    assert again.note.revision == 2 and again.note.form_key == "grouping"
    services.notes.save_answer(walk.id, ben, room, GROUPING, "Groups")
    services.notes.save_note(NoteDraft(walk.id, amy, "A plain note.", visit_id=room))
    answers = services.notes.list_answers(walk.id)
    assert sorted((a.author_id, a.text) for a in answers) == sorted(
        [(amy, "Groups"), (ben, "Groups")])
    # Answers are not notes in the note lists (the wall, the note-taker, the records).
    assert [n.text for n in services.notes.list_notes(walk.id)] == ["A plain note."]
    record = services.records.walk_record(walk.id)
    assert [n.text for n in record.notes] == ["A plain note."]
    assert len(record.answers) == 2
    # A wrong choice is refused and changes nothing.
    with pytest.raises(ValidationError):
        services.notes.save_answer(walk.id, amy, room, GROUPING, "Circle")
    assert services.notes.get_note(first.note_id).text == "Groups"
    # Clearing deletes the answer's note; answering again brings it back.
    cleared = services.notes.save_answer(walk.id, amy, room, GROUPING, "")
    assert cleared.note is None
    assert [a.author_id for a in services.notes.list_answers(walk.id)] == [ben]
    back = services.notes.save_answer(walk.id, amy, room, GROUPING, "Pairs")
    assert back.note is not None and back.note_id == first.note_id
    # Clearing an answer never given is fine.
    assert services.notes.save_answer(walk.id, amy, walk.visits[1].id, TALK, "").note is None


def test_an_answer_is_never_saved_as_a_plain_note(services: Services) -> None:
    walk = make_walk(services, walkers=1, visits=1)
    me, room = walk.walkers[0].id, walk.visits[0].id
    saved = services.notes.save_answer(walk.id, me, room, TALK, "Fractions")
    with pytest.raises(ValidationError, match="visit form"):
        services.notes.save_note(NoteDraft(walk.id, me, "Other", visit_id=room,
                                           id=saved.note_id))


def test_the_walk_summary_counts_choices_and_ticks_never_per_visit(services: Services
                                                                    ) -> None:
    walk = make_walk(services, walkers=2, visits=2)
    amy, ben = walk.walkers[0].id, walk.walkers[1].id
    one, two = walk.visits[0].id, walk.visits[1].id
    notes = services.notes
    notes.save_answer(walk.id, amy, one, GROUPING, "Rows")
    notes.save_answer(walk.id, ben, one, GROUPING, "Groups")
    notes.save_answer(walk.id, amy, two, GROUPING, "Groups")
    notes.save_answer(walk.id, amy, one, TOOLS, ["Whiteboards", "Laptops"])
    notes.save_answer(walk.id, ben, two, TOOLS, ["Laptops"])
    notes.save_answer(walk.id, amy, one, TALK, "Equivalent fractions")
    summary = {s.prompt.key: s for s in forms.summarise(FORM, notes.list_answers(walk.id))}
    assert summary["grouping"].counts == (("Rows", 1), ("Groups", 2), ("Pairs", 0))
    assert summary["tools"].counts == (("Whiteboards", 1), ("Manipulatives", 0),
                                       ("Laptops", 2))
    assert summary["talk"].answers == ("Equivalent fractions",)
    assert summary["seen"].answered == 0
    # A summary holds no visit and no walker: nothing to rank by.
    assert not any(hasattr(s, "visit_id") or hasattr(s, "author_id")
                   for s in summary.values())


def test_set_aside_and_flagged_answers_are_held_back(services: Services) -> None:
    walk = make_walk(services, walkers=2, visits=1)
    amy, ben = walk.walkers[0].id, walk.walkers[1].id
    room = walk.visits[0].id
    judged = services.notes.save_answer(walk.id, amy, room, TALK, "A bad lesson, lazy kids")
    services.notes.save_answer(walk.id, ben, room, TALK, "Comparing fractions")
    aside = services.notes.save_answer(walk.id, amy, room, GROUPING, "Rows")
    services.notes.save_answer(walk.id, ben, room, GROUPING, "Groups")
    # "Good" as an option is the protocol's wording: the nudge never reads choices.
    good = Prompt("pace", "Pace", PromptKind.CHOICE, ("Good", "Slow"))
    services.notes.save_answer(walk.id, ben, room, good, "Good")
    services.reviews.set_aside(aside.note_id)
    record = services.records.walk_record(walk.id)
    printed = forms.for_print(record, (*FORM, good))
    texts = sorted(n.text for n in printed.answers)
    assert texts == ["Comparing fractions", "Good", "Groups"]
    assert printed.held_back == 2
    assert judged.note is not None
    services.reviews.keep(judged.note_id)
    again = forms.for_print(services.records.walk_record(walk.id), (*FORM, good))
    assert "A bad lesson, lazy kids" in [n.text for n in again.answers]


def test_answers_travel_in_notes_files_and_plain_notes_keep_their_version_ids(
        tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk = make_walk(fac.services, "Form walk", walkers=2, visits=2)
        me = walk.walkers[0]
        kit = fac.bundles.write_kit(walk.id, tmp_path / "k.walkkit", walker_id=me.id)
        amy.bundles.open_kit(kit)
        s = amy.services
        note = s.notes.save_note(NoteDraft(walk.id, me.id, "Students compared answers.",
                                           visit_id=walk.visits[0].id))
        s.notes.save_answer(walk.id, me.id, walk.visits[0].id, GROUPING, "Pairs")
        s.notes.save_answer(walk.id, me.id, walk.visits[1].id, TOOLS, ["Laptops"])
        gone = s.notes.save_answer(walk.id, me.id, walk.visits[1].id, TALK, "Typo")
        s.notes.save_answer(walk.id, me.id, walk.visits[1].id, TALK, "")
        path = amy.bundles.write_notes(walk.id, me.id, tmp_path / "amy.walknotes")
        with zipfile.ZipFile(path) as archive:
            items = json.loads(archive.read("notes.json"))["items"]
            by_text = {i["content"]["text"]: i["content"] for i in items}
            manifest = json.loads(archive.read("manifest.json"))
        # An ordinary note carries no form_key at all: its content is what version 1 wrote.
        assert "form_key" not in by_text["Students compared answers."]
        assert by_text["Pairs"]["form_key"] == "grouping"
        # A file with answers says so in its format version: an older walkapp, which would
        # keep "Pairs" as a plain note without its question, refuses it whole instead.
        assert manifest["format_version"] == 2
        report = fac.bundles.import_files([path])
        assert report.clean
        answers = fac.services.notes.list_answers(walk.id)
        assert sorted((a.form_key, a.text) for a in answers) == [
            ("grouping", "Pairs"), ("tools", "Laptops")]
        assert [n.id for n in fac.services.notes.list_notes(walk.id)] == [note.id]
        # The cleared answer arrived as nothing (written and deleted before the file).
        assert gone.note_id not in {a.id for a in answers}
        assert fac.bundles.import_files([path]).unchanged == 3
        # The facilitator's laptop writes the answers back with the same content.
        back = fac.bundles.write_notes(walk.id, me.id, tmp_path / "back.walknotes")
        assert amy.bundles.import_files([back]).clean
        assert sorted(a.text for a in amy.services.notes.list_answers(walk.id)) == [
            "Laptops", "Pairs"]


def test_answer_ids_are_the_same_on_every_laptop() -> None:
    first = forms.answer_id("w", "a", "v", "talk")
    assert first == forms.answer_id("w", "a", "v", "talk")
    assert first != forms.answer_id("w", "a", "v", "seen")
    assert first != forms.answer_id("w", "b", "v", "talk")


def test_by_prompt_prefers_the_familys_own_row() -> None:
    from datetime import UTC, datetime

    now = datetime.now(UTC)
    own = d.Note("n1", "w", "a", "v", None, d.Stem.NOTICED, "Rows", (), 1, now, now,
                 form_key="grouping")
    copy = d.Note("n2", "w", "a", "v", None, d.Stem.NOTICED, "Pairs", (), 1, now, now,
                  conflict_of="n1", form_key="grouping")
    assert forms.by_prompt([own, copy])[("a", "v", "grouping")] is own
    assert forms.by_prompt([copy, own])[("a", "v", "grouping")] is own


def test_an_older_reader_refuses_a_file_with_answers_and_reads_one_without(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from walkapp.bundles import BundleError
    from walkapp.bundles import format as f

    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk = make_walk(fac.services, "Form walk", walkers=1, visits=1)
        me = walk.walkers[0]
        amy.bundles.open_kit(fac.bundles.write_kit(walk.id, tmp_path / "k.walkkit",
                                                   walker_id=me.id))
        amy.services.notes.save_note(NoteDraft(walk.id, me.id, "A plain note.",
                                               visit_id=walk.visits[0].id))
        plain = amy.bundles.write_notes(walk.id, me.id, tmp_path / "plain.walknotes")
        amy.services.notes.save_answer(walk.id, me.id, walk.visits[0].id, GROUPING, "Rows")
        answered = amy.bundles.write_notes(walk.id, me.id, tmp_path / "answers.walknotes")
        monkeypatch.setattr(f, "NEWEST_FORMAT_VERSION", 1)  # a walkapp from before forms
        report = fac.bundles.import_files([answered])
        assert not report.clean and "newer walkapp" in report.files[0].rejected[0].reason
        assert fac.services.notes.list_notes(walk.id) == []  # nothing half-read
        assert fac.bundles.import_files([plain]).clean
        with pytest.raises(BundleError, match="newer walkapp"):
            from walkapp.bundles.archive import read_bundle_file

            read_bundle_file(answered, (f.NOTES_FORMAT,))


def test_a_version_2_walk_end_to_end_kit_answers_notes_file_debrief(tmp_path: Path) -> None:
    """No stand-in protocol: a walk of a version 2 file, its kit opened on a walker's
    laptop, the answer saved there, carried home and printed across the walk."""
    from tests.helpers.protocol_carrier import carrier
    from walkapp.protocol import load_text
    from walkapp.reports import ReportKind, ReportRequest
    from walkapp.reports.build_walk import build_debrief
    from walkapp.services.protocol_walks import create_walk_from_protocol, walk_protocol

    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        protocol = load_text(carrier(), "coverage.toml")
        walk = create_walk_from_protocol(fac.services, protocol, "V2 walk", "2026-11-02",
                                         visits=2)
        me = fac.services.plan.add_participant(walk.id, "Amira Haddad")
        amy.bundles.open_kit(fac.bundles.write_kit(walk.id, tmp_path / "k.walkkit",
                                                   walker_id=me.id))
        form = walk_protocol(amy.services, walk.id).visit_form
        assert [p.key for p in form] == ["seen"]
        visits = amy.services.walks.get_walk(walk.id).visits
        amy.services.notes.save_answer(walk.id, me.id, visits[0].id, form[0],
                                       ["Plain form option"])
        amy.services.notes.save_answer(walk.id, me.id, visits[1].id, form[0],
                                       ["Plain form option"])
        path = amy.bundles.write_notes(walk.id, me.id, tmp_path / "amy.walknotes")
        assert fac.bundles.import_files([path]).clean
        data = build_debrief(fac.services, ReportRequest(kind=ReportKind("debrief"),
                                                         walk_id=walk.id), None)
        (question,) = data.visit_questions
        assert question.answered == 2
        assert dict(question.counts)["Plain form option"] == 2


def test_an_answer_changed_on_two_laptops_is_one_answer_once_resolved(tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk = make_walk(fac.services, "Form walk", walkers=1, visits=1)
        me, room = walk.walkers[0], walk.visits[0].id
        amy.bundles.open_kit(fac.bundles.write_kit(walk.id, tmp_path / "k.walkkit",
                                                   walker_id=me.id))
        first = amy.services.notes.save_answer(walk.id, me.id, room, GROUPING, "Rows")
        assert fac.bundles.import_files([amy.bundles.write_notes(
            walk.id, me.id, tmp_path / "1.walknotes")]).clean
        fac.services.notes.save_answer(walk.id, me.id, room, GROUPING, "Groups")
        amy.services.notes.save_answer(walk.id, me.id, room, GROUPING, "Pairs")
        report = fac.bundles.import_files([amy.bundles.write_notes(
            walk.id, me.id, tmp_path / "2.walknotes")])
        assert report.conflicts == 1
        both = fac.services.notes.list_answers(walk.id)
        assert sorted(a.text for a in both) == ["Groups", "Pairs"]
        assert all(a.form_key == "grouping" for a in both)
        # Keeping both would make two answers of one walker to one question in one room.
        with pytest.raises(ValidationError, match="one answer per walker and visit"):
            fac.services.conflicts.resolve(walk.id, first.note_id, keep_both=True)
        copy = next(a for a in both if a.conflict_of is not None)
        fac.services.conflicts.resolve(walk.id, first.note_id, keep=copy.id)
        assert [(a.id, a.text) for a in fac.services.notes.list_answers(walk.id)] == [
            (first.note_id, copy.text)]
