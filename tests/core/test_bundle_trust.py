"""The trust model: a walker's notes file is sealed with their secret, may change only what
that walker started, and every version in it is checked (docs/file-formats.md, "Trust").

A facilitator and two walkers on separate data folders: Amy opened a kit made for her,
Ben picked his name from an "any walker" kit. The facilitator has imported both files and
written a note of their own. Each test copies that world and attacks it.
"""

from __future__ import annotations

import copy
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.helpers.builders import make_walk
from tests.helpers.laptops import Laptop, open_laptop
from tests.helpers.seal import resealed, secret_of, write
from walkapp.bundles import crypto
from walkapp.services import NoteDraft


@pytest.fixture(autouse=True)
def _fast_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "SCRYPT_N", 2**14)


@dataclass
class World:
    root: Path
    fac: Laptop
    amy: Laptop
    ben: Laptop
    walk_id: str
    amy_id: str
    ben_id: str
    amy_file: bytes
    ben_file: bytes

    def close(self) -> None:
        for laptop in (self.fac, self.amy, self.ben):
            laptop.close()

    def texts(self, laptop: Laptop | None = None) -> dict[str, tuple[str | None, str]]:
        """Every note row: id -> (author, text), deleted ones included."""
        laptop = laptop or self.fac
        with sqlite3.connect(laptop.db_path) as conn:
            rows = conn.execute("SELECT id, author_id, text FROM notes").fetchall()
        return {r[0]: (r[1], r[2]) for r in rows}

    def file(self, name: str, data: bytes) -> Path:
        return write(self.root / name, data)


def _build(root: Path) -> None:
    fac = open_laptop(root, "fac", root)
    walk = make_walk(fac.services, "Trust walk", walkers=2, visits=2)
    amy_id, ben_id = walk.walkers[0].id, walk.walkers[1].id
    named = fac.bundles.write_kit(walk.id, root / "amy.walkkit", walker_id=amy_id)
    anyone = fac.bundles.write_kit(walk.id, root / "any.walkkit")
    amy, ben = open_laptop(root, "amy", root), open_laptop(root, "ben", root)
    amy.bundles.open_kit(named)
    ben.bundles.open_kit(anyone, walker=walk.walkers[1].display_name)
    for i in range(2):
        amy.services.notes.save_note(NoteDraft(walk.id, amy_id, f"Amy's note {i}",
                                               visit_id=walk.visits[0].id))
    ben.services.notes.save_note(NoteDraft(walk.id, ben_id, "Ben's note",
                                           visit_id=walk.visits[1].id))
    amy.bundles.write_notes(walk.id, amy_id, root / "amy.walknotes")
    ben.bundles.write_notes(walk.id, ben_id, root / "ben.walknotes")
    report = fac.bundles.import_files([root / "amy.walknotes", root / "ben.walknotes"])
    assert report.clean, report.summary()
    fac.services.notes.save_note(NoteDraft(walk.id, None, "The facilitator's own note"))
    for laptop in (fac, amy, ben):
        laptop.close()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("trust-template")
    _build(root)
    return root


def open_world(template: Path, root: Path) -> World:
    for name in ("fac", "amy", "ben"):
        shutil.copytree(template / name, root / name)
    fac, amy, ben = (open_laptop(root, n, template) for n in ("fac", "amy", "ben"))
    walk = fac.services.walks.list_walks()[0]
    full = fac.services.walks.get_walk(walk.id)
    return World(root, fac, amy, ben, walk.id, full.walkers[0].id, full.walkers[1].id,
                 (template / "amy.walknotes").read_bytes(),
                 (template / "ben.walknotes").read_bytes())


@pytest.fixture
def world(template: Path, tmp_path: Path) -> Any:
    made = open_world(template, tmp_path / "w")
    yield made
    made.close()


def dump(laptop: Laptop) -> list[str]:
    """The whole database as SQL, table by table: equal dumps mean nothing changed."""
    conn = sqlite3.connect(laptop.db_path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def refused(laptop: Laptop, path: Path, expect: str) -> str:
    before = dump(laptop)
    report = laptop.bundles.import_files([path])
    assert report.refused_files == 1, report.summary()
    message = report.files[0].rejected[0].reason
    assert expect in message, message
    assert dump(laptop) == before, "a refused file changed the database"
    return message


# -- the seal ------------------------------------------------------------------------------

def test_a_file_claiming_another_walker_is_refused(world: World) -> None:
    # Ben rewrites his own file to say it is Amy's: he has no way to seal it as hers.
    forged = resealed(world.ben_file, manifest=lambda m: m.update(
        walker_id=world.amy_id, walker_name="Amy"),
        secret=secret_of(world.ben, world.walk_id, world.ben_id))
    refused(world.fac, world.file("forged.walknotes", forged), "seal does not match")


def test_an_unsealed_file_is_refused_with_what_to_do(world: World) -> None:
    bare = resealed(world.amy_file)
    message = refused(world.fac, world.file("bare.walknotes", bare), "fresh walk kit")
    assert "older walkapp" in message


def test_a_changed_byte_after_sealing_is_refused(world: World) -> None:
    secret = secret_of(world.amy, world.walk_id, world.amy_id)

    def bump(manifest: dict[str, Any]) -> None:
        manifest["created_at"] = "2030-01-01T00:00:00.000000Z"

    sealed = resealed(world.amy_file, secret=secret)
    retouched = resealed(sealed, manifest=bump)  # checksums right, seal left off
    refused(world.fac, world.file("t.walknotes", retouched), "not sealed")


def test_a_walker_not_on_the_roster_is_refused(world: World) -> None:
    stranger = "00000000-0000-4000-8000-0000000000aa"
    data = resealed(world.amy_file, manifest=lambda m: m.update(walker_id=stranger))
    refused(world.fac, world.file("s.walknotes", data), "not on the roster")


def test_the_walker_is_named_from_the_roster_not_the_file(world: World) -> None:
    secret = secret_of(world.amy, world.walk_id, world.amy_id)
    data = resealed(world.amy_file, manifest=lambda m: m.update(walker_name="Mallory"),
                    secret=secret)
    report = world.fac.bundles.import_files([world.file("n.walknotes", data)])
    assert report.clean and report.files[0].walker_name == "Walker 1"


def test_a_walkers_laptop_refuses_another_walkers_file(world: World) -> None:
    path = world.file("ben.walknotes", world.ben_file)
    message = refused(world.amy, path, "Walker 2's notes file")
    assert "facilitator's laptop" in message


def test_the_any_walker_kit_gives_the_secret_the_facilitator_expects(world: World) -> None:
    assert secret_of(world.ben, world.walk_id, world.ben_id) == \
        secret_of(world.fac, world.walk_id, world.ben_id)
    assert secret_of(world.amy, world.walk_id, world.amy_id) == \
        secret_of(world.fac, world.walk_id, world.amy_id)
    assert secret_of(world.amy, world.walk_id, world.amy_id) != \
        secret_of(world.fac, world.walk_id, world.ben_id)


# -- ownership -----------------------------------------------------------------------------

def _family_of(notes: dict[str, Any], index: int = 0) -> tuple[dict[str, Any], dict[str, Any]]:
    item = notes["items"][index]
    node = next(n for n in notes["versions"] if n["id"] == item["version"])
    return item, node


def _graft(walk_id: str, target: dict[str, Any], source: dict[str, Any], *, text: str,
           author: str, deleted: bool = False) -> None:
    """Put into `target` (a notes.json) a new version on top of `source`'s first note."""
    from walkapp.bundles.versions import NOTE, version_id

    item, node = _family_of(source)
    content = copy.deepcopy(item["content"])
    content.update(text="" if deleted else text, author_id=author,
                   revision=content["revision"] + 1, updated_at="2026-11-02T15:00:00.000000Z",
                   deleted_at="2026-11-02T15:00:00.000000Z" if deleted else None)
    vid = version_id(NOTE, walk_id, node["family"], node["lane"], (node["id"],), content)
    target["versions"] += [n for n in source["versions"] if n["family"] == node["family"]]
    target["versions"].append({"id": vid, "family": node["family"], "lane": node["lane"],
                               "parents": [node["id"]]})
    target["items"].append({"version": vid, "content": content})



def _notes_json(data: bytes) -> dict[str, Any]:
    import json

    from tests.helpers.seal import members_of

    value: dict[str, Any] = json.loads(members_of(data)["notes.json"])
    return value


@pytest.mark.parametrize("deleted", [False, True], ids=["rewrite", "delete"])
def test_a_walker_cannot_change_another_walkers_note(world: World, deleted: bool) -> None:
    amy_notes = _notes_json(world.amy_file)
    before = world.texts()
    secret = secret_of(world.ben, world.walk_id, world.ben_id)
    attack = resealed(world.ben_file, {"notes.json": lambda n: _graft(
        world.walk_id, n, amy_notes, text="Ben rewrote this", author=world.ben_id,
        deleted=deleted)},
        secret=secret)
    report = world.fac.bundles.import_files([world.file("attack.walknotes", attack)])
    assert report.updated == 0 and report.new == 0, report.summary()
    assert report.rejected >= 1
    assert world.texts() == before
    # The real owner's file again keeps the note as she wrote it.
    again = world.fac.bundles.import_files([world.file("amy.walknotes", world.amy_file)])
    assert again.clean and world.texts() == before


def test_copied_version_ids_of_another_walker_change_nothing(world: World) -> None:
    amy_notes = _notes_json(world.amy_file)
    secret = secret_of(world.ben, world.walk_id, world.ben_id)

    def copy_amy(n: dict[str, Any]) -> None:
        n["items"] += amy_notes["items"]
        n["versions"] += amy_notes["versions"]

    before = world.texts()
    attack = resealed(world.ben_file, {"notes.json": copy_amy}, secret=secret)
    report = world.fac.bundles.import_files([world.file("copy.walknotes", attack)])
    assert report.updated == report.new == 0 and report.rejected == 2, report.summary()
    assert world.texts() == before


def _facilitator_note(world: World) -> dict[str, Any]:
    """The facilitator's own note as a notes.json part (which walkapp never sends)."""
    from walkapp.bundles.versions import NOTE, LocalState

    own = next(n for n in world.fac.services.notes.list_notes(world.walk_id)
               if n.author_id is None)
    with world.fac.services.db.transaction() as session:
        local = LocalState(session, NOTE, world.walk_id)
        local.commit_dirty()
        node = local.version_of(own.id)
        assert node is not None
        content = local.content(local.rows[own.id])
    return {"items": [{"version": node.id, "content": content}],
            "versions": [node.as_json()]}


def test_a_walker_cannot_change_the_facilitators_note(world: World) -> None:
    fake = _facilitator_note(world)
    before = world.texts()
    attack = resealed(world.ben_file, {"notes.json": lambda n: _graft(
        world.walk_id, n, fake, text="Ben rewrote it", author=world.ben_id)},
        secret=secret_of(world.ben, world.walk_id, world.ben_id))
    report = world.fac.bundles.import_files([world.file("f.walknotes", attack)])
    assert report.updated == 0 and report.rejected >= 1, report.summary()
    assert world.texts() == before


# -- every version checked -----------------------------------------------------------------

def _own(world: World, change: Any) -> bytes:
    return resealed(world.amy_file, {"notes.json": change},
                    secret=secret_of(world.amy, world.walk_id, world.amy_id))


def test_a_loop_of_versions_is_refused_and_the_note_stays(world: World) -> None:
    def loop(n: dict[str, Any]) -> None:
        _, node = _family_of(n)
        a, b = "a" * 64, "b" * 64
        n["versions"] += [{"id": a, "family": node["family"], "lane": node["lane"],
                           "parents": [node["id"], b]},
                          {"id": b, "family": node["family"], "lane": node["lane"],
                           "parents": [a]}]

    refused(world.fac, world.file("loop.walknotes", _own(world, loop)), "loop")


def test_a_deletion_that_carries_text_is_refused(world: World) -> None:
    amy_notes = _notes_json(world.amy_file)

    def tomb(n: dict[str, Any]) -> None:
        _graft(world.walk_id, n, copy.deepcopy(amy_notes), text="", author=world.amy_id,
               deleted=True)
        from walkapp.bundles.versions import NOTE, version_id

        item = n["items"][-1]
        node = n["versions"][-1]
        item["content"]["text"] = "still here after deletion"
        item["version"] = node["id"] = version_id(
            NOTE, world.walk_id, node["family"], node["lane"], tuple(node["parents"]),
            item["content"])

    refused(world.fac, world.file("tomb.walknotes", _own(world, tomb)), "still carries")


def test_an_older_versions_text_is_not_stored(world: World) -> None:
    amy_notes = _notes_json(world.amy_file)

    def keep_old(n: dict[str, Any]) -> None:
        _graft(world.walk_id, n, copy.deepcopy(amy_notes), text="newer", author=world.amy_id)
        n["items"][0]["content"]["text"] = "older text smuggled in"

    # The older item no longer matches its version id once its text is changed...
    refused(world.fac, world.file("old.walknotes", _own(world, keep_old)),
            "does not match its version id")

    # ...and with its real content it is simply not used: the newest text is shown.
    def keep_real(n: dict[str, Any]) -> None:
        _graft(world.walk_id, n, copy.deepcopy(amy_notes), text="newer", author=world.amy_id)

    report = world.fac.bundles.import_files([world.file("o.walknotes",
                                                        _own(world, keep_real))])
    assert report.clean and report.updated == 1, report.summary()
    texts = {t for _, t in world.texts().values()}
    assert "newer" in texts and "Amy's note 0" not in texts


def test_a_version_aimed_at_another_row_is_refused(world: World) -> None:
    def aim(n: dict[str, Any]) -> None:
        n["versions"][0]["lane"] = "00000000-0000-4000-8000-0000000000bb"

    # The lane is part of the version id, so the item no longer matches it, or (when the
    # version has no item) the row is not of its family: refused either way.
    refused(world.fac, world.file("aim.walknotes", _own(world, aim)), "")


def test_a_newest_version_without_content_is_refused(world: World) -> None:
    def drop(n: dict[str, Any]) -> None:
        n["items"].pop(0)

    refused(world.fac, world.file("drop.walknotes", _own(world, drop)), "without its content")


# -- adversarial files, generated ----------------------------------------------------------

ATTACKS = ("other_family", "copied_ids", "facilitator_note", "loop", "empty_family",
           "text_tombstone", "older_text", "wrong_laptop")
SEALS = ("right", "none", "other_walkers", "claims_other")


def _loop(n: dict[str, Any], index: int, length: int) -> None:
    """Versions without content that replace each other in a circle, on top of a note."""
    _, node = _family_of(n, index)
    ids = [f"{k:x}" * 64 for k in range(10, 10 + length)]
    for k, vid in enumerate(ids):
        parents = [ids[k - 1]] if k else [node["id"], ids[-1]]
        n["versions"].append({"id": vid, "family": node["family"], "lane": node["lane"],
                              "parents": parents})


def _attack_file(world: World, attack: str, index: int, text: str, deleted: bool,
                 length: int) -> tuple[bytes, str]:
    """The changed notes.json and whose file it pretends to be ("amy" or "ben")."""
    from walkapp.bundles.versions import NOTE, version_id

    amy_notes = _notes_json(world.amy_file)
    walk = world.walk_id
    if attack in ("other_family", "copied_ids", "facilitator_note", "wrong_laptop"):
        base, who = world.ben_file, "ben"
        if attack == "other_family":
            def change(n: dict[str, Any]) -> None:
                source = copy.deepcopy(amy_notes)
                source["items"] = source["items"][index % 2:]
                _graft(walk, n, source, text=text, author=world.ben_id, deleted=deleted)
        elif attack == "copied_ids":
            def change(n: dict[str, Any]) -> None:
                n["items"] += amy_notes["items"][index % 2:]
                n["versions"] += amy_notes["versions"]
        elif attack == "facilitator_note":
            fake = _facilitator_note(world)

            def change(n: dict[str, Any]) -> None:
                _graft(walk, n, fake, text=text, author=world.ben_id, deleted=deleted)
        else:
            def change(n: dict[str, Any]) -> None:
                if deleted:
                    _graft(walk, n, copy.deepcopy(n), text=text or "x", author=world.ben_id)
        return resealed(base, {"notes.json": change}), who
    base, who = world.amy_file, "amy"
    if attack == "loop":
        def change(n: dict[str, Any]) -> None:
            _loop(n, index % 2, length)
    elif attack == "empty_family":
        def change(n: dict[str, Any]) -> None:
            n["items"].pop(index % 2)
    elif attack == "text_tombstone":
        def change(n: dict[str, Any]) -> None:
            _graft(walk, n, copy.deepcopy(amy_notes), text="", author=world.amy_id,
                   deleted=True)
            item, node = n["items"][-1], n["versions"][-1]
            item["content"]["text"] = text or "kept"
            item["version"] = node["id"] = version_id(
                NOTE, walk, node["family"], node["lane"], tuple(node["parents"]),
                item["content"])
    else:  # older_text
        def change(n: dict[str, Any]) -> None:
            _graft(walk, n, copy.deepcopy(amy_notes), text=text or "newer",
                   author=world.amy_id, deleted=deleted)
    return resealed(base, {"notes.json": change}), who


def _sealed(world: World, data: bytes, who: str, seal: str) -> bytes:
    mine, theirs = ((world.amy_id, world.ben_id) if who == "amy"
                    else (world.ben_id, world.amy_id))
    laptop = world.amy if who == "amy" else world.ben
    if seal == "none":
        return data
    if seal == "right":
        return resealed(data, secret=secret_of(laptop, world.walk_id, mine))
    if seal == "other_walkers":
        return resealed(data, secret=secret_of(world.fac, world.walk_id, theirs))
    return resealed(data, manifest=lambda m: m.update(walker_id=theirs),
                    secret=secret_of(laptop, world.walk_id, mine))


@settings(max_examples=int(os.environ.get("WALKAPP_TRUST_EXAMPLES", "25")),
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(attack=st.sampled_from(ATTACKS), seal=st.sampled_from(SEALS),
       index=st.integers(0, 3), text=st.text(max_size=20), deleted=st.booleans(),
       length=st.integers(1, 3))
# Every attack at least once with a good seal: the defence is the one after the seal.
@example(attack="other_family", seal="right", index=0, text="mine now", deleted=False,
         length=1)
@example(attack="other_family", seal="right", index=1, text="", deleted=True, length=1)
@example(attack="copied_ids", seal="right", index=0, text="", deleted=False, length=1)
@example(attack="facilitator_note", seal="right", index=0, text="x", deleted=False, length=1)
@example(attack="loop", seal="right", index=0, text="", deleted=False, length=1)
@example(attack="loop", seal="right", index=1, text="", deleted=False, length=3)
@example(attack="empty_family", seal="right", index=0, text="", deleted=False, length=1)
@example(attack="text_tombstone", seal="right", index=0, text="kept", deleted=True, length=1)
@example(attack="older_text", seal="right", index=0, text="new", deleted=False, length=1)
@example(attack="wrong_laptop", seal="right", index=0, text="", deleted=False, length=1)
@example(attack="other_family", seal="claims_other", index=0, text="", deleted=False,
         length=1)
def test_no_adversarial_file_changes_another_walkers_text(
        template: Path, tmp_path_factory: pytest.TempPathFactory, attack: str, seal: str,
        index: int, text: str, deleted: bool, length: int) -> None:
    world = open_world(template, tmp_path_factory.mktemp("adv"))
    try:
        data, who = _attack_file(world, attack, index, text, deleted, length)
        data = _sealed(world, data, who, seal)
        target = world.amy if attack == "wrong_laptop" else world.fac
        before_rows, before = world.texts(target), dump(target)
        report = target.bundles.import_files([world.file("adv.walknotes", data)])
        after = world.texts(target)
        if report.refused_files:
            assert dump(target) == before, "a refused file changed the database"
            assert report.files[0].rejected[0].reason.endswith((".", ")")), report.summary()
        else:
            # Only a file sealed by its own walker gets in, and then only that walker's own
            # notes may change: everyone else's rows are exactly as they were.
            assert seal == "right" and attack not in ("loop", "text_tombstone",
                                                      "empty_family", "wrong_laptop"), \
                report.summary()
            for row, (author, body) in before_rows.items():
                if author != (world.ben_id if who == "ben" else world.amy_id):
                    assert after.get(row) == (author, body), row
            assert report.updated == 0 or who == "amy", report.summary()
        assert set(before_rows) <= set(after), "a note row was removed"
        # The real owners' files afterwards keep (or bring back) what they wrote.
        again = world.fac.bundles.import_files([world.file("a.walknotes", world.amy_file),
                                                world.file("b.walknotes", world.ben_file)])
        assert again.clean, again.summary()
        final = {t for _, t in world.texts().values()}
        expected = {"amy": ["Amy's note 0", "Amy's note 1"], "ben": ["Ben's note"],
                    "fac": ["The facilitator's own note"]}
        if not report.refused_files:
            expected.pop(who)  # a walker's own sealed file may change their own notes
        for body in (b for bodies in expected.values() for b in bodies):
            assert body in final, body
    finally:
        world.close()


# -- files and kits from before walkers were authenticated ---------------------------------

def _old_kit(kit: bytes) -> bytes:
    """A kit as an older walkapp wrote it: no secret in walk.json."""
    def strip(plan: dict[str, Any]) -> None:
        plan.pop("kit_secret", None)
        plan.pop("walker_secret", None)

    return resealed(kit, {"walk.json": strip})


def test_a_laptop_with_an_older_kit_says_to_open_a_fresh_one(world: World,
                                                             tmp_path: Path) -> None:
    from walkapp.bundles import BundleError

    kit = world.fac.bundles.write_kit(world.walk_id, tmp_path / "k.walkkit")
    cara = open_laptop(tmp_path, "cara", tmp_path)
    try:
        cara.bundles.open_kit(world.file("old.walkkit", _old_kit(kit.read_bytes())),
                              walker="Walker 2")
        with pytest.raises(BundleError, match="fresh walk kit"):
            cara.bundles.write_notes(world.walk_id, world.ben_id, tmp_path / "n.walknotes")
        cara.bundles.open_kit(kit, walker="Walker 2")
        path = cara.bundles.write_notes(world.walk_id, world.ben_id, tmp_path / "n.walknotes")
        assert world.fac.bundles.import_files([path]).clean
    finally:
        cara.close()


def test_a_walkers_laptop_writes_only_its_own_walkers_file(world: World) -> None:
    from walkapp.bundles import BundleError

    with pytest.raises(BundleError, match="only Walker 1's notes file"):
        world.amy.bundles.write_notes(world.walk_id, world.ben_id,
                                      world.root / "x.walknotes")


def test_the_command_line_refusal_is_one_clear_line(world: World,
                                                    capsys: pytest.CaptureFixture[str]
                                                    ) -> None:
    from walkapp.cli import main

    path = world.file("bare.walknotes", resealed(world.amy_file))
    folder = world.fac.folder
    world.close()
    before = dump_path(folder)
    code = main(["--data-dir", str(folder), "import", str(path)])
    captured = capsys.readouterr()
    assert code != 0 and code != 70
    assert "fresh walk kit" in captured.out + captured.err
    assert "Traceback" not in captured.out + captured.err
    assert dump_path(folder) == before
    world.fac = open_laptop(world.root, "fac")
    world.amy = open_laptop(world.root, "amy")
    world.ben = open_laptop(world.root, "ben")


def dump_path(folder: Path) -> list[str]:
    from walkapp.config import DATABASE_FILENAME

    conn = sqlite3.connect(folder / DATABASE_FILENAME)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()
