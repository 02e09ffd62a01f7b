"""Every refusal a facilitator or walker reads about a walk kit or notes file went through
the catalogue (issue 19, item 2): the hostile notes files and kits of test_bundle_hostile,
the seal and ownership attacks of test_bundle_trust, passphrases, the schema's checks and
what is refused before a file is written. Under the pseudo-locale each message must be
wrapped (⟦…⟧) but for the file's own values (titles, names, keys of the format), and hold
a wrapped part at all. The import report of accepted files is
test_import_report_translated's part."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.core.test_bundle_hostile import CASES, KIT_CASES, _kit_case, build_cases, make_world
from tests.core.test_bundle_trust import (
    World,
    _graft,
    _notes_json,
    open_world,
    template,  # noqa: F401 - the trust world's module fixture, used through `trust_world`
)
from tests.helpers.laptops import Laptop, open_laptop
from tests.helpers.pseudo_core import unwrapped, unwrapped_inside, wrapped_share
from tests.helpers.seal import resealed, secret_of
from walkapp import domain as d
from walkapp import formatting as fmt
from walkapp.bundles import BundleError, crypto
from walkapp.bundles import format as f
from walkapp.bundles import schema as s
from walkapp.bundles.versions import ENTITIES, TALLY
from walkapp.services import NoteDraft

# Words of the file format that messages name as written: its keys ("text", "items") and
# enum values ("observing"), which a Spanish message keeps too.
FORMAT_WORDS = sorted(
    {field.name for spec in (*ENTITIES, TALLY) for field in spec.all_fields}
    | {choice for spec in (*ENTITIES, TALLY) for field in spec.all_fields
       for choice in field.choices}
    | {x.value for x in (*d.WalkStatus, *d.Role)}
    | {"items", "versions", "parents", "content", "version", "id", "family", "lane",
       "revision", "walk", "participants", "groups", "visits", "look_fors", "norms", "title",
       "school", "focus", "language", "name", "role", "position", "description", "agreed",
       "key", "instructions", "tallies", "tally_key"})
# The titles and walkers of the worlds below (tests.helpers.builders' names).
PEOPLE = ["Hostile walk", "Some other walk", "Trust walk", "Walker 1", "Walker 2",
          "Fran Facilitator"]


@pytest.fixture(autouse=True)
def _fast_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "SCRYPT_N", 2**14)


def assert_wrapped(texts: Iterable[str], user: Iterable[str] = ()) -> None:
    """Each text came from the catalogue, but for `user`'s values and the format's words."""
    said = [text for text in texts if text]
    assert said, "nothing was said"
    known = [*FORMAT_WORDS, *PEOPLE, *user]
    assert unwrapped(said, user=known) == []
    assert unwrapped_inside(said, user=known) == []  # and each value put into a message
    assert wrapped_share(said) == len(said), said


def report_texts(laptop: Laptop, *paths: Path, passphrase: str | None = None) -> list[str]:
    """What an import of `paths` says: each file's line, its details, the totals."""
    report = laptop.bundles.import_files(list(paths), passphrase)
    return [*report.summary().splitlines(), *(r.reason for f in report.files
                                              for r in f.rejected)]


def refusal(action: Callable[[], object]) -> str:
    with pytest.raises(BundleError) as caught:
        action()
    return caught.value.message


# -- hostile notes files and kits (test_bundle_hostile's) ------------------------------------

@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory
            ) -> Iterator[tuple[Laptop, dict[str, tuple[bytes, str]], bytes]]:
    world = make_world(tmp_path_factory.mktemp("hostile-words"))
    yield world[0], build_cases(world), world[2][0]
    world[0].close()


@pytest.mark.parametrize("case", CASES)
@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_every_refusal_of_a_hostile_notes_file_is_in_the_catalogue(
        hostile: Any, core_pseudo: Callable[[], Any], tmp_path: Path, case: str) -> None:
    fac, cases, _ = hostile
    path = tmp_path / "suspect.walknotes"
    path.write_bytes(cases[case][0])
    with core_pseudo():
        said = report_texts(fac, path)
    assert said[0].startswith("⟦suspect.walknotes: not imported. "), said
    assert_wrapped(said)


@pytest.mark.parametrize("case", [*sorted(KIT_CASES), "a notes file", "someone else's"])
def test_every_refusal_of_a_hostile_kit_is_in_the_catalogue(
        hostile: Any, core_pseudo: Callable[[], Any], tmp_path: Path, case: str) -> None:
    _, cases, kit = hostile
    path = tmp_path / "suspect.walkkit"
    walker = "Walker 1"
    if case in KIT_CASES:
        path.write_bytes(_kit_case(kit, KIT_CASES[case][0]))
    elif case == "a notes file":
        path.write_bytes(cases["another walk"][0])
    else:  # the kit is Walker 1's, opened by someone else
        path.write_bytes(kit)
        walker = "Mallory"
    laptop = open_laptop(tmp_path, "walker")
    try:
        with core_pseudo():
            said = refusal(lambda: laptop.bundles.open_kit(path, walker=walker))
    finally:
        laptop.close()
    assert_wrapped([said], user=["Mallory"])


def test_an_any_walker_kit_asks_for_a_name_in_the_catalogue(
        tmp_path: Path, core_pseudo: Callable[[], Any]) -> None:
    from tests.helpers.builders import make_walk

    fac, amy = open_laptop(tmp_path, "fac"), open_laptop(tmp_path, "amy")
    try:
        walk = make_walk(fac.services, "Hostile walk", walkers=2)
        kit = fac.bundles.write_kit(walk.id, tmp_path / "any.walkkit")
        with core_pseudo():
            said = [refusal(lambda: amy.bundles.open_kit(kit)),
                    refusal(lambda: amy.bundles.open_kit(kit, walker="Mallory"))]
    finally:
        fac.close()
        amy.close()
    assert_wrapped(said, user=["Mallory"])


# -- the seal, ownership and every version (test_bundle_trust's) -----------------------------

@pytest.fixture
def trust_world(template: Path, tmp_path: Path) -> Iterator[World]:  # noqa: F811
    made = open_world(template, tmp_path / "w")
    yield made
    made.close()


def test_refusals_of_the_seal_and_of_whose_notes_are_in_the_catalogue(
        trust_world: World, core_pseudo: Callable[[], Any]) -> None:
    w = trust_world
    amy_secret = secret_of(w.amy, w.walk_id, w.amy_id)
    ben_secret = secret_of(w.ben, w.walk_id, w.ben_id)
    amy_notes = _notes_json(w.amy_file)

    def loop(n: dict[str, Any]) -> None:
        item = n["items"][0]
        node = next(v for v in n["versions"] if v["id"] == item["version"])
        a, b = "a" * 64, "b" * 64
        n["versions"] += [{"id": a, "family": node["family"], "lane": node["lane"],
                           "parents": [node["id"], b]},
                          {"id": b, "family": node["family"], "lane": node["lane"],
                           "parents": [a]}]

    def copy_amy(n: dict[str, Any]) -> None:
        n["items"] += amy_notes["items"]
        n["versions"] += amy_notes["versions"]

    files = {
        "forged": resealed(w.ben_file, manifest=lambda m: m.update(walker_id=w.amy_id),
                           secret=ben_secret),
        "unsealed": resealed(w.amy_file),
        "bad-seal": resealed(w.amy_file, manifest=lambda m: m.update(auth="x")),
        "stranger": resealed(w.amy_file, manifest=lambda m: m.update(
            walker_id="00000000-0000-4000-8000-0000000000aa")),
        "loop": resealed(w.amy_file, {"notes.json": loop}, secret=amy_secret),
        "rewrites-amys": resealed(w.ben_file, {"notes.json": lambda n: _graft(
            w.walk_id, n, amy_notes, text="Ben rewrote this", author=w.ben_id)},
            secret=ben_secret),
        "copies-amys": resealed(w.ben_file, {"notes.json": copy_amy}, secret=ben_secret),
    }
    with core_pseudo():
        said = [line for name, data in files.items()
                for line in report_texts(w.fac, w.file(f"{name}.walknotes", data))]
        # A walker's laptop takes only its own walker's file.
        said += report_texts(w.amy, w.file("ben.walknotes", w.ben_file))
    assert any(line.startswith("  ⟦rejected ") for line in said), said  # items, not files
    assert_wrapped(said, user=["Amy's note 0", "Amy's note 1", "Ben rewrote this"])


def test_a_file_refused_for_its_passphrase_says_so_and_is_flagged(
        trust_world: World, core_pseudo: Callable[[], Any]) -> None:
    """Locked (no passphrase, or a wrong one) is told by the report, not by its words, so
    the retry that asks for a passphrase works in any language."""
    w = trust_world
    path = w.amy.bundles.write_notes(w.walk_id, w.amy_id, w.root / "locked.walknotes",
                                     passphrase="correct horse")
    with core_pseudo():
        said = [*report_texts(w.fac, path), *report_texts(w.fac, path, passphrase="wrong one")]
        flags = [w.fac.bundles.import_files([path], p).files[0].locked
                 for p in (None, "wrong one", "correct horse")]
    assert flags == [True, True, False]
    assert_wrapped(said)
    report = w.fac.bundles.import_files([path]).as_json()
    assert "locked" not in report["files"][0]  # type: ignore[index]


# -- the schema's checks, one by one ---------------------------------------------------------

_ID = "00000000-0000-4000-8000-000000000001"


def _at(what: str) -> str:
    """"notes.json, entry 1" as walkapp.bundles.merge words it, in the language in force."""
    words = "{part}, entry {n}" if what == "entry" else "{part}, version {n}"
    return fmt.tr(words).format(part="notes.json", n=1)

SCHEMA_CASES: dict[str, Callable[[], object]] = {
    "object": lambda: s.obj([], "notes.json"),
    "list": lambda: s.items({}, "notes.json: items"),
    "too many": lambda: s.items([1, 2, 3], "notes.json: items", limit=2),
    "text type": lambda: s.text({"text": 5}, "text", _at("entry"), 10),
    "too long": lambda: s.text({"text": "x" * 11}, "text", _at("entry"), 10),
    "NUL": lambda: s.text({"text": "a\x00b"}, "text", _at("entry"), 10),
    "surrogate": lambda: s.text({"text": "a\ud800"}, "text", _at("entry"), 10),
    "empty": lambda: s.text({"text": " "}, "text", _at("entry"), 10, required=True),
    "id": lambda: s.uid({"family": "nope"}, "family", _at("version")),
    "ids": lambda: s.uids({"look_for_ids": ["nope"]}, "look_for_ids", _at("entry")),
    "version id": lambda: s.version_id("abc", _at("version")),
    "integer": lambda: s.integer({"revision": -1}, "revision", _at("entry"), 0, 9),
    "boolean": lambda: s.boolean({"agreed": "yes"}, "agreed", "walk.json, norms 1"),
    "time": lambda: s.time({"created_at": "today"}, "created_at", _at("entry")),
    "real time": lambda: s.time({"created_at": "2026-02-30T09:30:00.000000Z"}, "created_at",
                                _at("entry")),
    "day": lambda: s.day({"walk_date": "soon"}, "walk_date", "walk.json: walk"),
    "real day": lambda: s.day({"walk_date": "2026-02-30"}, "walk_date", "walk.json: walk"),
    "choice": lambda: s.choice({"stem": "sing"}, "stem", _at("entry"),
                               ("notice", "wonder")),
}


@pytest.mark.parametrize("case", sorted(SCHEMA_CASES))
def test_each_check_of_the_schema_is_in_the_catalogue(
        core_pseudo: Callable[[], Any], case: str) -> None:
    with core_pseudo():
        said = refusal(SCHEMA_CASES[case])
    assert_wrapped([said], user=["notice", "wonder", "sing"])


def test_where_a_bad_value_is_is_said_in_the_catalogue(core_pseudo: Callable[[], Any]) -> None:
    """A part, entry and field named in the message, and the parts of a kit."""
    from walkapp.bundles.archive import parse_json
    from walkapp.bundles.merge import parse_incoming
    from walkapp.bundles.versions import NOTE

    item = {"version": "a" * 64, "content": {"text": 5}}
    with core_pseudo():
        said = [refusal(lambda: parse_json(b'{"items": [{"content": {"text": "\\u0000"}}]}',
                                           "notes.json")),
                refusal(lambda: parse_json(b'{"walker_name": "\\ud800"}', f.MANIFEST)),
                refusal(lambda: parse_json(b'{"a\\u0000": 1}', "feedback.json")),
                refusal(lambda: parse_incoming(NOTE, {"versions": [], "items": [item]}, _ID)),
                refusal(lambda: parse_incoming(NOTE, {"versions": [{"id": "a" * 64,
                                                                   "family": _ID,
                                                                   "lane": _ID,
                                                                   "parents": ["a" * 64]}],
                                                     "items": []}, _ID))]
    assert "⟦manifest⟧" in said[1] and "⟦notes.json, entry 1⟧" in said[3], said
    assert_wrapped(said)


# -- refused before anything is written ------------------------------------------------------

def test_refusals_before_writing_a_file_are_in_the_catalogue(
        trust_world: World, core_pseudo: Callable[[], Any],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from walkapp.bundles.archive import check_writable, read_file_bytes, write_atomically

    w = trust_world
    (w.root / "empty.walknotes").write_bytes(b"")
    with core_pseudo():
        said = [refusal(lambda: crypto.check_passphrase("abc")),
                refusal(lambda: crypto.check_params({"cipher": "rot13"})),
                refusal(lambda: crypto.check_params({"cipher": crypto.CIPHER,
                                                     "kdf": crypto.KDF, "n": 2**20, "r": 16,
                                                     "p": 4})),
                refusal(lambda: crypto.check_params({"cipher": crypto.CIPHER,
                                                     "kdf": crypto.KDF, "n": 3, "r": 1,
                                                     "p": 1})),
                refusal(lambda: check_writable(fmt.tr(f.KIND_NAMES[f.NOTES_FORMAT]),
                                               {"notes.json": b"x" * (f.MAX_MEMBER_BYTES + 1)})),
                refusal(lambda: read_file_bytes(w.root / "missing.walknotes")),
                refusal(lambda: read_file_bytes(w.root)),
                refusal(lambda: read_file_bytes(w.root / "empty.walknotes")),
                refusal(lambda: write_atomically(w.root / "no" / "such" / "x.walknotes", b"x")),
                # A walker's laptop writes only its own walker's notes file.
                refusal(lambda: w.amy.bundles.write_notes(w.walk_id, w.ben_id,
                                                          w.root / "ben.walknotes")),
                # Walk kits are made on the facilitator's laptop.
                refusal(lambda: w.amy.bundles.write_kit(w.walk_id, w.root / "k.walkkit"))]
        monkeypatch.setattr(f, "MAX_ITEMS", 1)
        w.amy.services.notes.save_note(NoteDraft(w.walk_id, w.amy_id, "One more"))
        said.append(refusal(lambda: w.amy.bundles.write_notes(w.walk_id, w.amy_id,
                                                              w.root / "big.walknotes")))
    # The system's own words for a missing folder are the system's, not walkapp's.
    assert_wrapped(said, user=[str(w.root), "No such file or directory"])
