"""Hostile and broken files: each is refused with one clear line and a bounded amount of
work (bytes unzipped, counted), and the facilitator's database file (and its -wal) stays
byte-for-byte the same. How long refusing takes is measured in tests/bench/bench_checks.py."""

from __future__ import annotations

import contextlib
import io
import json
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers.builders import make_walk
from tests.helpers.laptops import Laptop, open_laptop
from walkapp.bundles import format as f
from walkapp.bundles.archive import read_bundle
from walkapp.services import NoteDraft


def make_world(root: Path) -> tuple[Laptop, bytes, tuple[bytes, bytes]]:
    """The facilitator's laptop, a good notes file for its walk, a walk kit and a notes file
    of another walk (shared with tests/bench/bench_checks.py)."""
    fac = open_laptop(root, "fac")
    walk = make_walk(fac.services, "Hostile walk", walkers=2, visits=2)
    amy = open_laptop(root, "amy")
    amy.bundles.open_kit(fac.bundles.write_kit(walk.id, root / "k.walkkit",
                                               walker_id=walk.walkers[0].id))
    me = walk.walkers[0].id
    for i in range(3):
        amy.services.notes.save_note(NoteDraft(walk.id, me, f"Note {i}: students talk.",
                                               visit_id=walk.visits[0].id,
                                               look_for_ids=(walk.look_fors[0].id,)))
    good = amy.bundles.write_notes(walk.id, me, root / "good.walknotes").read_bytes()
    kit = (root / "k.walkkit").read_bytes()
    other = open_laptop(root, "other")
    stranger = make_walk(other.services, "Some other walk", walkers=1)
    other.services.notes.save_note(NoteDraft(stranger.id, stranger.walkers[0].id, "x"))
    foreign = other.bundles.write_notes(stranger.id, stranger.walkers[0].id,
                                        root / "foreign.walknotes").read_bytes()
    amy.close()
    other.close()
    return fac, good, (kit, foreign)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory
          ) -> Iterator[tuple[Laptop, bytes, tuple[bytes, bytes]]]:
    made = make_world(tmp_path_factory.mktemp("hostile"))
    yield made
    made[0].close()


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {i.filename: archive.read(i) for i in archive.infolist()}


def _zip(members: dict[str, bytes] | list[tuple[str, bytes]],
         method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    entries = members.items() if isinstance(members, dict) else members
    with zipfile.ZipFile(buffer, "w", compression=method) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return buffer.getvalue()


def _resealed(good: bytes, change: Callable[[dict[str, object]], None] | None = None,
              member: str = "notes.json", raw: bytes | None = None,
              manifest_change: Callable[[dict[str, object]], None] | None = None) -> bytes:
    """A copy of a good file with one member changed and the checksums made to match, so
    that the defence being tested is the one after the checksum."""
    members = _members(good)
    if raw is not None:
        members[member] = raw
    elif change is not None:
        value = json.loads(members[member])
        change(value)
        members[member] = json.dumps(value).encode()
    manifest = json.loads(members[f.MANIFEST])
    manifest["members"][member] = {"sha256": f.sha256(members[member]),
                                   "size": len(members[member])}
    if manifest_change is not None:
        manifest_change(manifest)
    members[f.MANIFEST] = json.dumps(manifest).encode()
    return _zip(members)


def _snapshot(fac: Laptop) -> tuple[bytes, bytes | None]:
    wal = Path(f"{fac.db_path}-wal")
    return fac.db_path.read_bytes(), wal.read_bytes() if wal.exists() else None


@contextlib.contextmanager
def _counting_unzipped_bytes() -> Iterator[list[int]]:
    """Count every byte walkapp takes out of a zip (the costly part of a hostile file)."""
    counted = [0]
    real = zipfile.ZipExtFile.read

    def read(self: zipfile.ZipExtFile, n: int | None = -1) -> bytes:
        data = real(self, n)
        counted[0] += len(data)
        return data

    zipfile.ZipExtFile.read = read  # type: ignore[method-assign]
    try:
        yield counted
    finally:
        zipfile.ZipExtFile.read = real  # type: ignore[method-assign]


def _work_bound(size: int) -> int:
    """The most a file of `size` bytes may make walkapp unzip: each allowed part up to the
    size from which the compression ratio is checked, and past that no more than the
    allowed ratio of what is on disk. A zip bomb's declared sizes are refused unread."""
    return f.MAX_MEMBERS * (f.RATIO_CHECK_FROM_BYTES + 1) + f.MAX_RATIO * size


def _refused(fac: Laptop, tmp_path: Path, data: bytes, expect: str) -> str:
    path = tmp_path / "suspect.walknotes"
    path.write_bytes(data)
    before = _snapshot(fac)
    # Bounded work, not seconds: the time it takes is a figure in tests/bench/bench_checks.
    with _counting_unzipped_bytes() as unzipped:
        report = fac.bundles.import_files([path])
    assert _snapshot(fac) == before, "a refused file changed the database"
    assert unzipped[0] <= _work_bound(len(data)), f"unzipped {unzipped[0]} bytes"
    file = report.files[0]
    assert not file.accepted and report.backup_path is None
    reason = file.rejected[0].reason
    assert "\n" not in reason and len(reason) < 300
    assert expect.lower() in reason.lower(), reason
    return reason


_BUILT: dict[int, dict[str, tuple[bytes, str]]] = {}


def _cases(world: tuple[Laptop, bytes, tuple[bytes, bytes]]) -> dict[str, tuple[bytes, str]]:
    if id(world) not in _BUILT:
        _BUILT.clear()
        _BUILT[id(world)] = build_cases(world)
    return _BUILT[id(world)]


def build_cases(world: tuple[Laptop, bytes, tuple[bytes, bytes]]
                 ) -> dict[str, tuple[bytes, str]]:
    _, good, (kit, foreign) = world
    deep = b'{"items": ' + b"[" * 200_000 + b"]" * 200_000 + b', "versions": []}'

    def wrong_type(value: dict) -> None:  # type: ignore[type-arg]
        value["items"][0]["content"]["text"] = 5

    def forged(value: dict) -> None:  # type: ignore[type-arg]
        value["items"][0]["content"]["text"] = "I changed what she wrote"

    def bad_walker(manifest: dict) -> None:  # type: ignore[type-arg]
        manifest["walker_id"] = "../../etc/passwd"

    def newer(manifest: dict) -> None:  # type: ignore[type-arg]
        manifest["format_version"] = f.NEWEST_FORMAT_VERSION + 1

    members = _members(good)
    tampered = dict(members)
    tampered["notes.json"] = members["notes.json"].replace(b"students", b"STUDENTS")
    bomb = _zip({**members, "notes.json": b" " * (45 * 1024 * 1024)})
    return {
        "empty": (b"", "empty"),
        "not a zip": (b"Dear colleagues, here are my notes." * 20, "not a walkapp"),
        "random bytes": (bytes(range(256)) * 40, "not a walkapp"),
        "truncated early": (good[: len(good) // 3], "cut short"),
        "truncated late": (good[:-30], "cut short"),
        "tampered": (_zip(tampered), "checksum"),
        "newer format": (_resealed(good, manifest_change=newer), "newer walkapp"),
        "zip bomb": (bomb, "zip bomb"),
        "too many parts": (_zip({f"part{i}.json": b"{}" for i in range(40)}), "parts"),
        "path traversal": (_zip({**members, "../../notes.json": b"{}"}), "outside"),
        "absolute path": (_zip({**members, "/etc/cron.d/x": b"{}"}), "outside"),
        "unexpected part": (_zip({**members, "evil.exe": b"MZ"}), "unexpected part"),
        "duplicate part": (_zip([*members.items(), ("notes.json", b"{}")]), "twice"),
        "deep json": (_resealed(good, raw=deep), "nested too deeply"),
        "not json": (_resealed(good, raw=b"\xff\xfe not json"), "not valid json"),
        "nan": (_resealed(good, raw=b'{"items": [], "versions": [NaN]}'), "not valid json"),
        "wrong types": (_resealed(good, wrong_type), "should be text"),
        "forged content": (_resealed(good, forged), "does not match its version id"),
        "bad walker id": (_resealed(good, manifest_change=bad_walker), "should be an id"),
        "no manifest": (_zip({"notes.json": b"{}"}), "no manifest"),
        "a kit": (kit, "walk kit, not a notes file"),
        "another walk": (foreign, "another walk"),
    }


CASES = ["empty", "not a zip", "random bytes", "truncated early", "truncated late",
         "tampered", "newer format", "zip bomb", "too many parts", "path traversal",
         "absolute path", "unexpected part", "duplicate part", "deep json", "not json", "nan",
         "wrong types", "forged content", "bad walker id", "no manifest", "a kit",
         "another walk"]


@pytest.mark.parametrize("case", CASES)
@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_hostile_file_is_refused_and_changes_nothing(world, tmp_path: Path, case: str) -> None:
    data, expect = _cases(world)[case]
    _refused(world[0], tmp_path, data, expect)


def test_huge_json_is_refused_before_parsing(world, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(f, "MAX_MEMBER_BYTES", 256 * 1024)
    huge = json.dumps({"items": [], "versions": [], "pad": "x" * 300_000}).encode()
    _refused(world[0], tmp_path, _resealed(world[1], raw=huge), "too large")


def test_a_header_that_understates_the_size_is_caught(world, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(f, "MAX_MEMBER_BYTES", 64 * 1024)
    members = _members(world[1])
    members["notes.json"] = b" " * 200_000
    data = bytearray(_zip(members))
    # Rewrite the declared (uncompressed) size of notes.json in both headers to 10 bytes.
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("notes.json")
    size = (200_000).to_bytes(4, "little")
    data = bytearray(bytes(data).replace(size, (10).to_bytes(4, "little")))
    _refused(world[0], tmp_path, bytes(data), "cut short")
    assert info.file_size == 200_000


def test_the_good_file_is_accepted_after_all_that(world, tmp_path: Path) -> None:
    fac, good, _ = world
    path = tmp_path / "good.walknotes"
    path.write_bytes(good)
    assert read_bundle(good, (f.NOTES_FORMAT,)).format == f.NOTES_FORMAT
    report = fac.bundles.import_files([path])
    assert report.clean and report.new + report.unchanged == 3


@settings(max_examples=int(__import__("os").environ.get("WALKAPP_FUZZ_EXAMPLES", "60")),
          deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(flips=st.lists(st.tuples(st.integers(0, 10**6), st.integers(1, 255)),
                      min_size=1, max_size=4),
       cut=st.one_of(st.none(), st.integers(0, 10**6)))
def test_fuzzed_files_never_crash_and_never_half_import(world, tmp_path_factory, flips,
                                                         cut) -> None:
    fac, good, _ = world
    data = bytearray(good)
    for position, xor in flips:
        data[position % len(data)] ^= xor
    if cut is not None:
        data = data[: cut % len(data)]
    path = tmp_path_factory.mktemp("fuzz") / "fuzzed.walknotes"
    path.write_bytes(bytes(data))
    before = _snapshot(fac)
    report = fac.bundles.import_files([path])  # must not raise
    file = report.files[0]
    if not file.accepted:
        assert _snapshot(fac) == before
        assert "\n" not in file.rejected[0].reason


def _kit_case(kit: bytes, change: Callable[[dict], None]) -> bytes:  # type: ignore[type-arg]
    return _resealed(kit, change, member="walk.json")


KIT_CASES = {
    "title is a number": (lambda p: p["walk"].__setitem__("title", 7), "should be text"),
    "unknown group": (lambda p: p["participants"][0].__setitem__(
        "group_id", "00000000-0000-4000-8000-00000000000f"), "group that is not in the kit"),
    "duplicate visit ids": (lambda p: p["visits"].append(dict(p["visits"][0])),
                            "same id appears twice"),
    "walker not on roster": (lambda p: p.__setitem__(
        "for_walker_id", "00000000-0000-4000-8000-00000000000e"), "not on its roster"),
    "visit length": (lambda p: p["walk"].__setitem__("visit_minutes", 10**9),
                     "whole number from 1 to 60"),
}


@pytest.mark.parametrize("case", sorted(KIT_CASES))
def test_hostile_kits_are_refused_and_change_nothing(world, tmp_path: Path, case: str) -> None:
    from walkapp.bundles import BundleError

    change, expect = KIT_CASES[case]
    kit, _ = world[2]
    path = tmp_path / "suspect.walkkit"
    path.write_bytes(_kit_case(kit, change))
    laptop = open_laptop(tmp_path, "walker")
    try:
        before = _snapshot(laptop)
        with pytest.raises(BundleError, match=expect):
            laptop.bundles.open_kit(path, walker="Walker 1")
        assert _snapshot(laptop) == before
    finally:
        laptop.close()
