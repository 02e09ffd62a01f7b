"""Issue 12, items 4–6: text every file field can hold, unknown version-1 content keys, and
limits that agree. (The import report has its own tests in test_import_report.py.)"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.core.test_bundle_hostile import _members, _refused, _resealed, _snapshot, make_world
from tests.helpers.laptops import Laptop, open_laptop
from tests.helpers.seal import resealed, secret_of
from walkapp.bundles import BundleError
from walkapp.bundles import format as f

World = tuple[Laptop, bytes, tuple[bytes, bytes]]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    made = make_world(tmp_path_factory.mktemp("ledger"))
    yield made
    made[0].close()


def _note(change: Callable[[dict[str, Any]], None]) -> Callable[[dict[str, Any]], None]:
    def edit(value: dict[str, Any]) -> None:
        change(value["items"][0]["content"])
    return edit


# -- every text field is storable text ------------------------------------------------------
BROKEN_NOTES: dict[str, tuple[dict[str, Any], str]] = {
    "lone surrogate in a note": (
        {"change": _note(lambda c: c.__setitem__("text", c["text"] + "\ud800"))},
        "notes.json, entry 1: “text” contains a character that cannot be stored "
        "(a lone surrogate"),
    "NUL in a note": (
        {"change": _note(lambda c: c.__setitem__("text", c["text"] + "\x00!"))},
        "notes.json, entry 1: “text” contains a character that cannot be stored "
        "(a NUL character"),
    "lone surrogate in the walker's name": (
        {"manifest_change": lambda m: m.__setitem__("walker_name", "Amy \udc00")},
        "manifest: “walker_name” contains a character that cannot be stored"),
    "NUL in the walk title": (
        {"manifest_change": lambda m: m.__setitem__("walk_title", "Walk\x00")},
        "manifest: “walk_title” contains a character that cannot be stored"),
    "lone surrogate in a field this walkapp does not know": (
        {"change": _note(lambda c: c.__setitem__("mood", "\udbff"))},
        "notes.json, entry 1: “mood” contains a character that cannot be stored"),
    "lone surrogate in a key": (
        {"change": _note(lambda c: c.__setitem__("bad\ud800key", 1))},
        "notes.json, entry 1: a field name contains a character that cannot be stored"),
    "lone surrogate in an id": (
        {"change": lambda v: v["versions"][0].__setitem__("family", "\ud800")},
        "notes.json, version 1: “family” contains a character that cannot be stored"),
}


@pytest.mark.parametrize("case", sorted(BROKEN_NOTES))
def test_text_that_cannot_be_stored_is_refused_naming_the_field(
        world: World, tmp_path: Path, case: str) -> None:
    kwargs, expect = BROKEN_NOTES[case]
    fac, good, _ = world
    reason = _refused(fac, tmp_path, _resealed(good, **kwargs), expect)
    assert "internal error" not in reason.lower()


def test_a_refused_walker_name_is_refused_before_the_import_commits(
        world: World, tmp_path: Path) -> None:
    """Today's failure: the manifest's walker name was checked after the merge committed.
    The file is refused as a whole; nothing is merged, no backup is made."""
    fac, good, _ = world
    bad = _resealed(good, manifest_change=lambda m: m.__setitem__("walker_name", "\ud83e"))
    path = tmp_path / "bad-name.walknotes"
    path.write_bytes(bad)
    before = _snapshot(fac)
    report = fac.bundles.import_files([path])
    assert _snapshot(fac) == before and report.backup_path is None
    assert not report.files[0].accepted
    json.dumps(report.files[0].rejected[0].reason)  # printable, storable text


KIT_TEXT = {
    "walker's name": (lambda p: p["participants"][0].__setitem__("display_name", "A\ud800"),
                      "walk.json, participants 1: “display_name” contains a character that "
                      "cannot be stored"),
    "visit room": (lambda p: p["visits"][0].__setitem__("room", "R\x00"),
                   "walk.json, visits 1: “room” contains a character that cannot be stored"),
    "walk focus": (lambda p: p["walk"].__setitem__("focus", "\udfff"),
                   "walk.json, walk: “focus” contains a character that cannot be stored"),
}


@pytest.mark.parametrize("case", sorted(KIT_TEXT))
def test_kit_text_that_cannot_be_stored_is_refused_naming_the_field(
        world: World, tmp_path: Path, case: str) -> None:
    change, expect = KIT_TEXT[case]
    kit, _ = world[2]
    path = tmp_path / "suspect.walkkit"
    path.write_bytes(_resealed(kit, change, member="walk.json"))
    laptop = open_laptop(tmp_path, "walker")
    try:
        before = _snapshot(laptop)
        with pytest.raises(BundleError) as caught:
            laptop.bundles.open_kit(path, walker="Walker 1")
        assert expect in caught.value.message, caught.value.message
        assert _snapshot(laptop) == before
    finally:
        laptop.close()


def test_members_are_still_listed_and_checked(world: World) -> None:
    assert "notes.json" in _members(world[1]) and f.MANIFEST in _members(world[1])


# -- unknown content keys within version 1 --------------------------------------------------
def _later_writer(good: bytes, extra: dict[str, Any], *, after: Callable[[dict[str, Any]],
                                                                          None] | None = None
                  ) -> bytes:
    """`good` as a later version-1 writer would make it: the first note's content carries
    fields this walkapp does not know, and its version id hashes the content as written.
    `after` then changes the content without fixing the id (an edit on the way)."""
    from walkapp.bundles.versions import NOTE, version_id

    walk_id = json.loads(_members(good)[f.MANIFEST])["walk_id"]

    def change(value: dict[str, Any]) -> None:
        item = value["items"][0]
        node = next(n for n in value["versions"] if n["id"] == item["version"])
        item["content"].update(extra)
        new = version_id(NOTE, walk_id, node["family"], node["lane"], tuple(node["parents"]),
                         item["content"])
        node["id"] = item["version"] = new
        if after is not None:
            after(item["content"])
    return _resealed(good, change)


def test_a_later_writers_extra_content_field_is_accepted(tmp_path: Path) -> None:
    from walkapp.bundles.archive import read_bundle
    from walkapp.bundles.notes_file import parse_notes_bundle

    fac, good, _ = make_world(tmp_path)
    try:
        path = tmp_path / "later.walknotes"
        later = _later_writer(good, {"mood": "calm", "photo": {"w": 3, "tags": []}})
        head = json.loads(_members(good)[f.MANIFEST])
        # Sealed again, as the walker's own (later) walkapp would seal it.
        path.write_bytes(resealed(later, secret=secret_of(fac, head["walk_id"],
                                                          head["walker_id"])))
        report = fac.bundles.import_files([path])
        assert report.clean, report.summary()
        walk_id = report.walk_ids[0]
        texts = sorted(n.text for n in fac.services.notes.list_notes(walk_id))
        assert texts == [f"Note {i}: students talk." for i in range(3)]
        # Only the fields this walkapp knows were stored, and a notes file written here
        # from what it holds is one its own reader (and any other) accepts.
        walker = json.loads(_members(good)[f.MANIFEST])["walker_id"]
        again = fac.bundles.write_notes(walk_id, walker, tmp_path / "again.walknotes")
        parsed = parse_notes_bundle(read_bundle(again.read_bytes(), (f.NOTES_FORMAT,)))
        assert sum(len(p.heads) for p in parsed.parts) == 3
        assert b"mood" not in _members(again.read_bytes())["notes.json"]
        # Importing the later writer's file again changes nothing.
        assert fac.bundles.import_files([path]).files[0].accepted
    finally:
        fac.close()


@pytest.mark.parametrize("edit", ["extra field", "known field"])
def test_content_edited_after_its_id_was_taken_is_still_refused(
        world: World, tmp_path: Path, edit: str) -> None:
    def after(content: dict[str, Any]) -> None:
        if edit == "extra field":
            content["mood"] = "stormy"
        else:
            content["text"] = "Not what she wrote."
    data = _later_writer(world[1], {"mood": "calm"}, after=after)
    _refused(world[0], tmp_path, data, "does not match its version id")


# -- what export writes, import reads -------------------------------------------------------
def _walker_with_notes(root: Path, texts: list[str]) -> tuple[Laptop, Laptop, str, str]:
    from tests.helpers.builders import make_walk
    from walkapp.services import NoteDraft

    fac = open_laptop(root, "fac")
    walk = make_walk(fac.services, "Limits walk", walkers=1, visits=1)
    me = walk.walkers[0].id
    amy = open_laptop(root, "amy")
    amy.bundles.open_kit(fac.bundles.write_kit(walk.id, root / "k.walkkit", walker_id=me))
    for text in texts:
        amy.services.notes.save_note(NoteDraft(walk.id, me, text, visit_id=walk.visits[0].id))
    return fac, amy, walk.id, me


def test_export_refuses_before_writing_a_file_import_would_refuse(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fac, amy, walk_id, me = _walker_with_notes(tmp_path, ["A long note. " * 400] * 3)
    try:
        target = tmp_path / "out" / "amy.walknotes"
        target.parent.mkdir()
        monkeypatch.setattr(f, "MAX_MEMBER_BYTES", 8 * 1024)
        with pytest.raises(BundleError, match=r"too large to read back: its part notes\.json"):
            amy.bundles.write_notes(walk_id, me, target)
        monkeypatch.setattr(f, "MAX_MEMBER_BYTES", 10**8)
        monkeypatch.setattr(f, "MAX_ITEMS", 2)
        with pytest.raises(BundleError, match="3 notes in this walk; a notes file holds at "
                                              "most 2"):
            amy.bundles.write_notes(walk_id, me, target)
        assert list(target.parent.iterdir()) == []
    finally:
        fac.close()
        amy.close()


def test_a_part_deflate_would_shrink_like_a_zip_bomb_is_written_readable(
        tmp_path: Path) -> None:
    from walkapp.services.validate import MAX_NOTE_CHARS

    fac, amy, walk_id, me = _walker_with_notes(tmp_path, ["a" * MAX_NOTE_CHARS] * 2)
    try:
        path = amy.bundles.write_notes(walk_id, me, tmp_path / "amy.walknotes")
        report = fac.bundles.import_files([path])
        assert report.clean, report.summary()
        assert [len(n.text) for n in fac.services.notes.list_notes(walk_id)] == \
            [MAX_NOTE_CHARS] * 2
    finally:
        fac.close()
        amy.close()


# -- scrypt settings a file may ask for ---------------------------------------------------
def _protected_with(good: bytes, n: int, r: int, p: int) -> bytes:
    """`good` protected with a passphrase, then its settings changed to (n, r, p)."""
    from walkapp.bundles import crypto

    inner = _members(good)
    manifest = json.loads(inner[f.MANIFEST])
    params, cipher = crypto.encrypt(good, "correct horse battery", f.canonical_json(
        {"format": manifest["format"], "format_version": manifest["format_version"]}))
    params.update(n=n, r=r, p=p)
    outer = {"format": manifest["format"], "format_version": 1, "encryption": params,
             "members": {f.ENCRYPTED_PAYLOAD: {"sha256": f.sha256(cipher),
                                               "size": len(cipher)}}}
    from tests.core.test_bundle_hostile import _zip
    return _zip({f.MANIFEST: json.dumps(outer).encode(), f.ENCRYPTED_PAYLOAD: cipher})


@pytest.mark.parametrize(("n", "r", "p", "mb"), [(2**20, 8, 1, 1024), (2**18, 8, 2, 512),
                                                 (2**17, 16, 4, 1024), (2**19, 8, 1, 512)])
def test_scrypt_settings_costing_more_than_256_mib_are_refused_before_deriving(
        world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        n: int, r: int, p: int, mb: int) -> None:
    from walkapp.bundles import crypto

    monkeypatch.setattr(crypto, "SCRYPT_N", 2**14)
    data = _protected_with(world[1], n, r, p)

    def never(*_args: object) -> bytes:
        raise AssertionError("scrypt ran on settings it should have refused")
    monkeypatch.setattr(crypto, "_derive", never)
    path = tmp_path / "costly.walknotes"
    path.write_bytes(data)
    before = _snapshot(world[0])
    for passphrase in (None, "correct horse battery"):
        report = world[0].bundles.import_files([path], passphrase)
        reason = report.files[0].rejected[0].reason
        assert f"would take {mb:,} MB" in reason and "at most 256 MB" in reason, reason
    assert _snapshot(world[0]) == before


def test_scrypt_settings_up_to_256_mib_are_accepted(world: World) -> None:
    from walkapp.bundles import crypto

    for n, r, p in ((2**18, 8, 1), (2**17, 8, 2), (2**20, 2, 1), (2**14, 8, 1)):
        crypto.check_params({"cipher": crypto.CIPHER, "kdf": crypto.KDF, "n": n, "r": r,
                             "p": p, "salt": "AAAAAAAAAAAAAAAAAAAAAA==",
                             "nonce": "AAAAAAAAAAAAAAAA"})
