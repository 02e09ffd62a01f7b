"""The import report tells the truth (issue 12, item 4): counts per kind, a deletion counted
as a deletion, a note written and deleted on the laptop not counted as new, each conflict,
rejection and warning under its own file, the walker named from this laptop's roster, and
a warning when two laptops claimed the same walker."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers.builders import make_walk
from tests.helpers.laptops import Laptop, laptops
from walkapp import domain as d
from walkapp.bundles import crypto
from walkapp.cli import main
from walkapp.services import NoteDraft


@pytest.fixture(autouse=True)
def _fast_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "SCRYPT_N", 2**14)


def _walk(fac: Laptop) -> d.Walk:
    return make_walk(fac.services, "Report walk", walkers=2, visits=2)


def _kit_for(fac: Laptop, walker: Laptop, walk: d.Walk, index: int | None, tmp_path: Path,
             name: str | None = None) -> d.Participant:
    """Open a kit for walker `index` (None: an "any walker" kit, opened as `name`)."""
    chosen = walk.walkers[index].id if index is not None else None
    kit = fac.bundles.write_kit(walk.id, tmp_path / f"kit-{walker.name}.walkkit",
                                walker_id=chosen)
    opened = walker.bundles.open_kit(kit, walker=name)
    return next(p for p in walk.walkers if p.id == opened.walker_id)


def test_counts_are_per_kind(tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk = _walk(fac)
        me = _kit_for(fac, amy, walk, 0, tmp_path)
        s = amy.services
        for text in ("One", "Two", "Three"):
            s.notes.save_note(NoteDraft(walk.id, me.id, text, visit_id=walk.visits[0].id))
        s.notes.save_reflection(walk.id, me.id, "What will you take away?", "Wait time.")
        s.debrief.save_commitment(walk.id, me.id, "I will try a 5-second pause.")
        s.debrief.add_feedback(walk.id, "useful", "How useful was this walk?", "Very",
                               rating=5)
        s.debrief.add_feedback(walk.id, "next", "What next?", "More walks")
        path = amy.bundles.write_notes(walk.id, me.id, tmp_path / "amy.walknotes")
        file = fac.bundles.import_files([path]).files[0]
        assert {kind: c.new for kind, c in file.counts.items()} == {
            "notes": 3, "reflections": 1, "commitments": 1, "feedback": 2, "tallies": 0}
        assert "notes: 3 new" in file.summary() and "feedback answers: 2 new" in file.summary()
        assert "7 new" not in file.summary()


def test_a_deletion_is_counted_as_a_deletion_and_a_note_never_handed_in_as_nothing(
        tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk = _walk(fac)
        me = _kit_for(fac, amy, walk, 0, tmp_path)
        notes = amy.services.notes
        kept = notes.save_note(NoteDraft(walk.id, me.id, "Kept", visit_id=walk.visits[0].id))
        edited = notes.save_note(NoteDraft(walk.id, me.id, "Draft"))
        doomed = notes.save_note(NoteDraft(walk.id, me.id, "Later deleted"))
        typo = notes.save_note(NoteDraft(walk.id, me.id, "Typo, deleted at once"))
        notes.delete_note(typo.id)
        first = fac.bundles.import_files([amy.bundles.write_notes(
            walk.id, me.id, tmp_path / "1.walknotes")]).files[0].counts["notes"]
        assert (first.new, first.created_and_deleted, first.deleted) == (3, 1, 0)
        notes.save_note(NoteDraft(walk.id, me.id, "Final", id=edited.id))
        notes.delete_note(doomed.id)
        never = notes.save_note(NoteDraft(walk.id, me.id, "Never handed in"))
        notes.delete_note(never.id)
        file = fac.bundles.import_files([amy.bundles.write_notes(
            walk.id, me.id, tmp_path / "2.walknotes")]).files[0]
        second = file.counts["notes"]
        assert (second.new, second.updated, second.deleted, second.unchanged) == (0, 1, 1, 1)
        assert second.created_and_deleted == 1
        assert "notes: 1 updated, 1 deleted, 1 unchanged" in file.summary()
        assert kept.id in {n.id for n in fac.services.notes.list_notes(walk.id)}


def test_the_walker_is_named_from_this_laptops_roster(tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk = _walk(fac)
        me = _kit_for(fac, amy, walk, 0, tmp_path)
        amy.services.notes.save_note(NoteDraft(walk.id, me.id, "A note"))
        path = amy.bundles.write_notes(walk.id, me.id, tmp_path / "amy.walknotes")
        # The facilitator corrected the name on the roster after the kit went out: the file
        # still says "Walker 1", but the report names her as this laptop knows her.
        fac.services.plan.update_participant(me.id, display_name="Amira Haddad")
        file = fac.bundles.import_files([path]).files[0]
        assert file.walker_name == "Amira Haddad"
        assert file.summary().startswith("amy.walknotes (Amira Haddad): ")


def _conflicting_round(fac: Laptop, amy: Laptop, ben: Laptop, walk: d.Walk,
                       tmp_path: Path) -> tuple[Path, Path]:
    me = _kit_for(fac, amy, walk, 0, tmp_path)
    him = _kit_for(fac, ben, walk, 1, tmp_path)
    note = amy.services.notes.save_note(NoteDraft(walk.id, me.id, "Base text"))
    ben.services.notes.save_note(NoteDraft(walk.id, him.id, "Ben's note"))
    fac.bundles.import_files([amy.bundles.write_notes(walk.id, me.id, tmp_path / "a1")])
    fac.services.notes.save_note(NoteDraft(walk.id, me.id, "Facilitator fix", id=note.id))
    amy.services.notes.save_note(NoteDraft(walk.id, me.id, "Walker addition", id=note.id))
    return (amy.bundles.write_notes(walk.id, me.id, tmp_path / "amy.walknotes"),
            ben.bundles.write_notes(walk.id, him.id, tmp_path / "ben.walknotes"))


def test_conflicts_are_listed_under_their_file_in_the_cli(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with laptops(tmp_path, "fac", "amy", "ben") as (fac, amy, ben):
        walk = _walk(fac)
        files = _conflicting_round(fac, amy, ben, walk, tmp_path)
    capsys.readouterr()
    code = main(["--data-dir", str(tmp_path / "fac"), "import", *map(str, files)])
    lines = capsys.readouterr().out.splitlines()
    assert code == 0
    amy_at = next(i for i, x in enumerate(lines) if x.startswith("amy.walknotes (Walker 1)"))
    ben_at = next(i for i, x in enumerate(lines) if x.startswith("ben.walknotes (Walker 2)"))
    conflict_at = next(i for i, x in enumerate(lines) if "changed on two laptops" in x)
    totals_at = next(i for i, x in enumerate(lines) if x.startswith("In all"))
    assert amy_at < conflict_at < ben_at < totals_at, lines
    assert lines[conflict_at].startswith("  conflict: note “")


def test_the_json_report_has_counts_per_kind_and_details_under_each_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with laptops(tmp_path, "fac", "amy", "ben") as (fac, amy, ben):
        walk = _walk(fac)
        files = _conflicting_round(fac, amy, ben, walk, tmp_path)
    capsys.readouterr()
    code = main(["--data-dir", str(tmp_path / "fac"), "import", "--json", *map(str, files)])
    report = json.loads(capsys.readouterr().out)
    assert code == 0
    amy_file, ben_file = report["files"]
    assert amy_file["walker_name"] == "Walker 1"
    assert amy_file["counts"]["notes"] == {"new": 0, "updated": 0, "deleted": 0,
                                           "unchanged": 0, "conflicts": 1,
                                           "created_and_deleted": 0}
    assert len(amy_file["conflicts"]) == 1 and amy_file["warnings"] == []
    assert ben_file["counts"]["notes"]["new"] == 1 and ben_file["conflicts"] == []
    assert report["totals"]["notes"]["new"] == 1 and report["totals"]["notes"]["conflicts"] == 1
    assert report["totals"]["rejected"] == 0 and report["clean"] is True


def test_two_laptops_claiming_one_walker_are_warned_about(tmp_path: Path) -> None:
    """An "any walker" kit opened on two laptops with the same name: both files merge (no
    text is dropped), and the report says so, under the file, with what to do."""
    with laptops(tmp_path, "fac", "one", "two", "three") as (fac, one, two, three):
        walk = _walk(fac)
        first = _kit_for(fac, one, walk, None, tmp_path, name="Walker 1")
        second = _kit_for(fac, two, walk, None, tmp_path, name="Walker 1")
        one.services.notes.save_note(NoteDraft(walk.id, first.id, "From laptop one"))
        two.services.notes.save_note(NoteDraft(walk.id, second.id, "From laptop two"))
        a = one.bundles.write_notes(walk.id, first.id, tmp_path / "one.walknotes")
        b = two.bundles.write_notes(walk.id, second.id, tmp_path / "two.walknotes")
        report = fac.bundles.import_files([a, b])
        assert report.files[0].warnings == ()
        (warning,) = report.files[1].warnings
        assert "two laptops" in warning and "Walker 1" in warning and "one.walknotes" in warning
        assert "kit" in warning  # says what to do
        # Later, the first laptop's next file: the same laptop as before, no warning; the
        # second laptop's again: still a second laptop, still warned about.
        one.services.notes.save_note(NoteDraft(walk.id, first.id, "More from one"))
        a2 = one.bundles.write_notes(walk.id, first.id, tmp_path / "one-again.walknotes")
        assert fac.bundles.import_files([a2]).files[0].warnings == ()
        (later,) = fac.bundles.import_files([b]).files[0].warnings
        assert "imported before" in later
        # A third laptop, in another import altogether, is warned about too.
        third = _kit_for(fac, three, walk, None, tmp_path, name="Walker 1")
        three.services.notes.save_note(NoteDraft(walk.id, third.id, "From laptop three"))
        c = three.bundles.write_notes(walk.id, third.id, tmp_path / "three.walknotes")
        assert fac.bundles.import_files([c]).files[0].warnings
        texts = sorted(n.text for n in fac.services.notes.list_notes(walk.id))
        assert texts == ["From laptop one", "From laptop three", "From laptop two",
                         "More from one"]


def test_the_import_report_speaks_the_apps_language() -> None:
    """What an import did is said in the app's language, each count a phrase of its own
    (Spanish agrees the verb with the count: "llegaron 3", "cambió 1")."""
    from walkapp import formatting as fmt
    from walkapp.bundles.report import Counts, aside, counts_words

    fmt.set_locale("es")
    try:
        said = counts_words({"notes": Counts(new=3, updated=1, unchanged=10),
                             "reflections": Counts(new=1)})
        assert said == "notas: llegaron 3, cambió 1, 10 sin cambios; reflexiones: llegó 1"
        assert "2 notas que se escribieron y se borraron" in aside(
            {"notes": Counts(created_and_deleted=2)})
        assert counts_words({}) == "no trae nada nuevo"
    finally:
        fmt.set_locale(None)
    assert counts_words({"notes": Counts(new=3)}) == "notes: 3 new"
