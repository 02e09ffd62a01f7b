"""Counts and timers in notes files: the optional `tallies` section of notes.json travels,
merges like notes (each author owns their own), imports idempotently, is skipped by a reader
that does not know it, and a damaged section is set aside with a reason, the notes kept."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.builders import make_walk
from tests.helpers.laptops import Laptop, laptops
from tests.helpers.seal import members_of, resealed, secret_of, write
from walkapp import domain as d
from walkapp.bundles import crypto, tally_part
from walkapp.bundles import notes_file as nf
from walkapp.bundles.versions import TALLY, version_id
from walkapp.services import NoteDraft, tallies


@pytest.fixture(autouse=True)
def _fast_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "SCRYPT_N", 2**14)


def _setup(fac: Laptop, walker: Laptop, tmp_path: Path, index: int = 0
           ) -> tuple[d.Walk, str]:
    walk = make_walk(fac.services, "Tally walk", walkers=2, visits=2)
    me = walk.walkers[index].id
    kit = fac.bundles.write_kit(walk.id, tmp_path / f"kit{index}.walkkit", walker_id=me)
    walker.bundles.open_kit(kit)
    return walk, me


def _counts(laptop: Laptop, walk_id: str) -> dict[tuple[str | None, str | None, str],
                                                     tuple[int, int]]:
    return {(v.visit_id, v.author_id, v.tally_key): (v.count, v.seconds)
            for v in laptop.services.tallies.list_tallies(walk_id)}


def test_counts_travel_and_importing_again_changes_nothing(tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk, me = _setup(fac, amy, tmp_path)
        v1, v2 = (v.id for v in walk.visits)
        amy.services.notes.save_note(NoteDraft(walk.id, me, "Pairs compare answers.",
                                               visit_id=v1))
        amy.services.tallies.add(walk.id, v1, me, "questions", 3)
        amy.services.tallies.add(walk.id, v2, me, "talk", seconds=95)
        path = amy.bundles.write_notes(walk.id, me, tmp_path / "amy.walknotes")
        first = fac.bundles.import_files([path])
        assert first.clean, first.summary()
        assert first.files[0].counts["tallies"].new == 2
        assert "counts: 2 new" in first.summary()
        assert _counts(fac, walk.id) == {(v1, me, "questions"): (3, 0),
                                         (v2, me, "talk"): (0, 95)}
        again = fac.bundles.import_files([path]).files[0]
        assert again.counts["tallies"].unchanged == 2 and again.new == 0
        # A later tap on the walker's laptop replaces the count; nothing is added twice.
        amy.services.tallies.add(walk.id, v1, me, "questions", 2)
        later = amy.bundles.write_notes(walk.id, me, tmp_path / "amy2.walknotes")
        report = fac.bundles.import_files([later, path]).files[0]
        assert report.counts["tallies"].updated == 1
        assert _counts(fac, walk.id)[(v1, me, "questions")] == (5, 0)


def test_each_author_owns_their_counts(tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "amy", "ben") as (fac, amy, ben):
        walk, me = _setup(fac, amy, tmp_path)
        kit = fac.bundles.write_kit(walk.id, tmp_path / "ben.walkkit",
                                    walker_id=walk.walkers[1].id)
        ben.bundles.open_kit(kit)
        ben_id, v1 = walk.walkers[1].id, walk.visits[0].id
        fran = walk.facilitators[0].id
        fac.services.tallies.add(walk.id, v1, fran, "questions", 7)  # the facilitator's own
        amy.services.tallies.add(walk.id, v1, me, "questions", 2)
        ben.services.tallies.add(walk.id, v1, ben_id, "questions", 4)
        report = fac.bundles.import_files([
            amy.bundles.write_notes(walk.id, me, tmp_path / "a.walknotes"),
            ben.bundles.write_notes(walk.id, ben_id, tmp_path / "b.walknotes")])
        assert report.clean, report.summary()
        assert _counts(fac, walk.id) == {(v1, fran, "questions"): (7, 0),
                                         (v1, me, "questions"): (2, 0),
                                         (v1, ben_id, "questions"): (4, 0)}
        # Amy's file carrying a version of Ben's count is rejected; Ben's count stays.
        good = amy.bundles.write_notes(walk.id, me, tmp_path / "a2.walknotes").read_bytes()
        forged = _rewritten(good, walk.id, lambda c: c.update(
            author_id=ben_id, count=99))
        head = json.loads(members_of(good)["manifest.json"])
        path = write(tmp_path / "forged.walknotes",
                     resealed(forged, secret=secret_of(fac, walk.id, head["walker_id"])))
        forged_report = fac.bundles.import_files([path]).files[0]
        assert forged_report.accepted and forged_report.rejected
        assert _counts(fac, walk.id)[(v1, ben_id, "questions")] == (4, 0)


def _rewritten(data: bytes, walk_id: str, change: Any) -> bytes:
    """`data` with the first tally's content changed and its version id made to match (as a
    walkapp that writes such values would)."""
    members = members_of(data)
    notes = json.loads(members["notes.json"])
    item = notes["tallies"]["items"][0]
    node = next(n for n in notes["tallies"]["versions"] if n["id"] == item["version"])
    change(item["content"])
    try:
        new = version_id(TALLY, walk_id, node["family"], node["lane"],
                         tuple(node["parents"]), item["content"])
    except ValueError:
        new = item["version"]
    node["id"] = item["version"] = new

    def put(value: dict[str, Any]) -> None:
        value.clear()
        value.update(notes)
    return resealed(data, {"notes.json": put})


@pytest.mark.parametrize(("change", "said"), [
    (lambda c: c.update(count=-3), "“count” should be a whole number from 0 to"),
    (lambda c: c.update(count=10**12), "“count” should be a whole number from 0 to"),
    (lambda c: c.update(seconds="a lot"), "“seconds” should be a whole number"),
    (lambda c: c.update(count=2.5), "“count” should be a whole number"),
    (lambda c: c.update(tally_key=""), "“tally_key” is empty"),
    (lambda c: c.update(visit_id=None), "“visit_id” should be an id"),
])
def test_a_hostile_count_is_set_aside_and_the_notes_still_arrive(
        tmp_path: Path, change: Any, said: str) -> None:
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk, me = _setup(fac, amy, tmp_path)
        v1 = walk.visits[0].id
        amy.services.notes.save_note(NoteDraft(walk.id, me, "Pairs compare answers.",
                                               visit_id=v1))
        amy.services.tallies.add(walk.id, v1, me, "questions", 3)
        good = amy.bundles.write_notes(walk.id, me, tmp_path / "a.walknotes").read_bytes()
        bad = _rewritten(good, walk.id, change)
        path = write(tmp_path / "bad.walknotes",
                     resealed(bad, secret=secret_of(fac, walk.id, me)))
        report = fac.bundles.import_files([path]).files[0]
        assert report.accepted and not fac.bundles.import_files([path]).clean
        reason = " ".join(r.reason for r in report.rejected)
        assert said in reason and "notes in it were imported" in reason, reason
        assert [n.text for n in fac.services.notes.list_notes(walk.id)] == [
            "Pairs compare answers."]
        assert _counts(fac, walk.id) == {}
        # Nothing is lost: the good file brings the count afterwards.
        assert fac.bundles.import_files([write(tmp_path / "good.walknotes", good)]).clean
        assert _counts(fac, walk.id) == {(v1, me, "questions"): (3, 0)}


def test_a_section_that_is_not_one_is_set_aside(tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk, me = _setup(fac, amy, tmp_path)
        amy.services.notes.save_note(NoteDraft(walk.id, me, "A note.",
                                               visit_id=walk.visits[0].id))
        good = amy.bundles.write_notes(walk.id, me, tmp_path / "a.walknotes").read_bytes()
        bad = resealed(good, {"notes.json": lambda v: v.update(tallies=[1, 2])},
                       secret=secret_of(fac, walk.id, me))
        report = fac.bundles.import_files([write(tmp_path / "b.walknotes", bad)]).files[0]
        assert report.accepted and report.counts["notes"].new == 1
        assert "should be an object" in report.rejected[0].reason


def test_a_reader_that_does_not_know_tallies_takes_the_rest(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The section rides inside notes.json, which the seal and checksums cover: a reader
    from before tallies (played here by one whose section reader finds nothing) accepts the
    file and imports every note in it."""
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk, me = _setup(fac, amy, tmp_path)
        v1 = walk.visits[0].id
        amy.services.notes.save_note(NoteDraft(walk.id, me, "A note.", visit_id=v1))
        amy.services.tallies.add(walk.id, v1, me, "questions", 3)
        path = amy.bundles.write_notes(walk.id, me, tmp_path / "a.walknotes")
        members = members_of(path.read_bytes())
        assert set(members) == {"manifest.json", "notes.json", "reflections.json",
                                "commitments.json", "feedback.json"}  # no new part
        notes = json.loads(members["notes.json"])
        assert set(notes) == {"items", "versions", "tallies"}
        monkeypatch.setattr(nf, "tally_section", lambda *_: None)
        report = fac.bundles.import_files([path])
        assert report.clean and report.files[0].counts["notes"].new == 1
        assert _counts(fac, walk.id) == {}
        monkeypatch.undo()
        assert fac.bundles.import_files([path]).files[0].counts["tallies"].new == 1


def test_a_walk_without_tallies_writes_no_section(tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk, me = _setup(fac, amy, tmp_path)
        amy.services.notes.save_note(NoteDraft(walk.id, me, "A note.",
                                               visit_id=walk.visits[0].id))
        path = amy.bundles.write_notes(walk.id, me, tmp_path / "a.walknotes")
        assert tally_part.TALLY_SECTION not in json.loads(members_of(
            path.read_bytes())["notes.json"])


def test_a_count_on_a_visit_removed_here_keeps_its_visit(tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk, me = _setup(fac, amy, tmp_path)
        v2 = walk.visits[1].id
        amy.services.tallies.add(walk.id, v2, me, "questions", 2)
        fac.services.plan.remove_visit(v2)
        path = amy.bundles.write_notes(walk.id, me, tmp_path / "a.walknotes")
        assert fac.bundles.import_files([path]).clean
        assert _counts(fac, walk.id) == {(v2, me, "questions"): (2, 0)}
        assert TALLY.fields[3].limit == tallies.MAX_COUNT  # one source for the limit
