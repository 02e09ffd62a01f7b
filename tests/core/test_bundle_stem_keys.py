"""A note's own stem (`stem_key`, protocol format version 2) in notes files: an optional
content field, written only when set, that version-1 readers skip (they go by `stem`)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.core.test_bundle_hostile import _members
from tests.helpers.builders import make_walk
from tests.helpers.laptops import Laptop, laptops
from walkapp import domain as d
from walkapp.bundles import crypto
from walkapp.bundles import versions as bv
from walkapp.errors import ValidationError
from walkapp.services import NoteDraft


@pytest.fixture(autouse=True)
def _fast_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "SCRYPT_N", 2**14)


def _walker(fac: Laptop, amy: Laptop, tmp_path: Path) -> tuple[d.Walk, str]:
    walk = make_walk(fac.services, "Warm and cool walk", walkers=2, visits=2)
    me = walk.walkers[0].id
    amy.bundles.open_kit(fac.bundles.write_kit(walk.id, tmp_path / "k.walkkit",
                                               walker_id=me))
    return walk, me


def _contents(path: Path) -> list[dict[str, object]]:
    part = json.loads(_members(path.read_bytes())["notes.json"])
    return [item["content"] for item in part["items"]]


@contextmanager
def _version_one_reader() -> Iterator[None]:
    """This walkapp as a version-1 reader from before `stem_key`: it knows every note
    field but that one (the spec is shared by the writer, the reader and the merge)."""
    fields = bv.NOTE.fields
    object.__setattr__(bv.NOTE, "fields", tuple(f for f in fields if f.name != "stem_key"))
    try:
        yield
    finally:
        object.__setattr__(bv.NOTE, "fields", fields)


def test_a_notes_own_stem_travels_and_merges(tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk, me = _walker(fac, amy, tmp_path)
        warm = amy.services.notes.save_note(NoteDraft(
            walk.id, me, "Students explained their steps to each other.",
            stem=d.Stem.NOTICED, stem_key="warm", visit_id=walk.visits[0].id))
        plain = amy.services.notes.save_note(NoteDraft(walk.id, me, "How were pairs chosen?",
                                                       stem=d.Stem.WONDER))
        assert (warm.stem, warm.stem_key) == (d.Stem.NOTICED, "warm")
        path = amy.bundles.write_notes(walk.id, me, tmp_path / "amy.walknotes")
        written = {c["text"]: c for c in _contents(path)}
        assert written[warm.text]["stem"] == "noticed"
        assert written[warm.text]["stem_key"] == "warm"
        # Written only when set: a note of the four hashes as it did before the field.
        assert "stem_key" not in written[plain.text]
        report = fac.bundles.import_files([path])
        assert report.clean and report.new == 2
        got = {n.text: n for n in fac.services.notes.list_notes(walk.id)}
        assert (got[warm.text].stem, got[warm.text].stem_key) == (d.Stem.NOTICED, "warm")
        assert got[plain.text].stem_key == ""
        assert fac.bundles.import_files([path]).unchanged == 2
        # An edit on one laptop and another on the other: both versions keep the key.
        fac.services.notes.save_note(NoteDraft(walk.id, me, "Facilitator's words.",
                                               stem=d.Stem.NOTICED, stem_key="warm",
                                               id=warm.id))
        amy.services.notes.save_note(NoteDraft(walk.id, me, "Walker's words.",
                                               stem=d.Stem.NOTICED, stem_key="warm",
                                               id=warm.id))
        second = amy.bundles.write_notes(walk.id, me, tmp_path / "amy2.walknotes")
        assert fac.bundles.import_files([second]).conflicts == 1
        sides = [n for n in fac.services.notes.list_notes(walk.id) if n.family == warm.id]
        assert sorted(n.text for n in sides) == ["Facilitator's words.", "Walker's words."]
        assert {n.stem_key for n in sides} == {"warm"}


def test_a_version_one_reader_sees_the_plain_stem(tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk, me = _walker(fac, amy, tmp_path)
        amy.services.notes.save_note(NoteDraft(walk.id, me, "Kind words were used.",
                                               stem=d.Stem.NOTICED, stem_key="warm"))
        path = amy.bundles.write_notes(walk.id, me, tmp_path / "amy.walknotes")
        with _version_one_reader():
            report = fac.bundles.import_files([path])
            assert report.clean and report.new == 1, report.summary()
        (note,) = fac.services.notes.list_notes(walk.id)
        # The older reader checked the id over the content as written and stored the
        # fields it knows: the note is an "I noticed" one there, its text intact.
        assert (note.text, note.stem, note.stem_key) == ("Kind words were used.",
                                                         d.Stem.NOTICED, "")


def test_a_stem_key_naming_one_of_the_four_is_refused(tmp_path: Path) -> None:
    with laptops(tmp_path, "fac") as (fac,):
        walk = make_walk(fac.services, "Keys walk", walkers=1, visits=1)
        with pytest.raises(ValidationError, match="names another"):
            fac.services.notes.save_note(NoteDraft(walk.id, None, "x", stem=d.Stem.NOTICED,
                                                   stem_key="wonder"))
        with pytest.raises(ValidationError, match="not a protocol key"):
            fac.services.notes.save_note(NoteDraft(walk.id, None, "x", stem_key="Warm!"))
        # The stem's own name is no key of its own: stored as none.
        note = fac.services.notes.save_note(NoteDraft(walk.id, None, "x",
                                                      stem=d.Stem.WONDER, stem_key="wonder"))
        assert note.stem_key == ""
