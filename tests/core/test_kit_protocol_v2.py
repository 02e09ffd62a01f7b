"""A walk kit made with a protocol of format version 2 opens in an older walkapp too: its
`protocol_snapshot` is the version 1 rendering (walkapp.protocol.compat) and the full
protocol rides beside it, which this walkapp uses (docs/file-formats.md)."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest

from tests.core.test_protocol_loader import MINIMAL
from tests.helpers.laptops import open_laptop
from tests.helpers.protocol_carrier import carrier
from walkapp.bundles.errors import BundleError
from walkapp.protocol import load_text
from walkapp.protocol.compat import for_version_1
from walkapp.protocol.snapshot import content_hash
from walkapp.protocol.validate import build_protocol
from walkapp.services.protocol_walks import create_walk_from_protocol, walk_protocol


def _kit_walk(path: Path) -> dict[str, object]:
    with zipfile.ZipFile(path) as archive:
        return json.loads(archive.read("walk.json"))["walk"]


def _make(tmp_path: Path, visit_minutes: int = 7) -> tuple[Path, str, str]:
    fac = open_laptop(tmp_path, "fac")
    text = carrier().replace("visit_minutes = 7", f"visit_minutes = {visit_minutes}")
    protocol = load_text(text)
    walk = create_walk_from_protocol(fac.services, protocol, "Walk", "2026-11-02", visits=2)
    walker = fac.services.plan.add_participant(walk.id, "Amira Haddad")
    kit = fac.bundles.write_kit(walk.id, tmp_path / "k.walkkit", walker_id=walker.id)
    snapshot = fac.services.walks.protocol_snapshot(walk.id)
    fac.close()
    return kit, walk.id, snapshot


def test_an_older_walkapp_reads_the_kit_as_a_version_1_protocol(tmp_path: Path) -> None:
    kit, _, full = _make(tmp_path)
    walk = _kit_walk(kit)
    older = json.loads(str(walk["protocol_snapshot"]))
    assert older["schema_version"] == 1
    protocol, issues = build_protocol(older)  # what version 1 can read: no version 2 key
    assert issues == [] and protocol is not None
    assert content_hash(str(walk["protocol_snapshot"])) == walk["protocol_hash"]
    # One stem and one stage of each kind, in the protocol's own words where it had them.
    assert [s.stem.value for s in protocol.stems] == ["noticed", "wonder"]
    assert [s.kind.value for s in protocol.debrief_sequence] == ["describe", "analyse"]
    assert protocol.feedback[0].key == "pick"  # the 4-point rating is left out
    assert all(p.kind.value != "rating" or p.points == 5
               for _, _, s in protocol.steps() for p in s.prompts)
    assert walk["protocol_snapshot_v2"] == full


def test_this_walkapp_opens_the_kit_with_the_full_protocol(tmp_path: Path) -> None:
    kit, walk_id, full = _make(tmp_path)
    amy = open_laptop(tmp_path, "amy")
    amy.bundles.open_kit(kit)
    assert amy.services.walks.protocol_snapshot(walk_id) == full
    protocol = walk_protocol(amy.services, walk_id)
    assert protocol.schema_version == 2 and protocol.tallies and protocol.visit_form
    amy.close()


def test_visits_longer_than_version_1_allows_travel_beside_a_60_minute_length(
        tmp_path: Path) -> None:
    kit, walk_id, _ = _make(tmp_path, visit_minutes=90)
    walk = _kit_walk(kit)
    assert (walk["visit_minutes"], walk["long_visit_minutes"]) == (60, 90)
    amy = open_laptop(tmp_path, "amy")
    amy.bundles.open_kit(kit)
    assert amy.services.walks.get_walk(walk_id).visit_minutes == 90
    amy.close()


def test_a_full_protocol_that_does_not_match_its_fingerprint_is_refused(
        tmp_path: Path) -> None:
    kit, _, _ = _make(tmp_path)
    with zipfile.ZipFile(kit) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    plan = json.loads(members["walk.json"])
    plan["walk"]["protocol_snapshot_v2"] = plan["walk"]["protocol_snapshot_v2"].replace(
        "Plain", "Changed")
    members["walk.json"] = json.dumps(plan).encode()
    # Re-seal the manifest's checksums so that only the fingerprint can catch it.
    manifest = json.loads(members["manifest.json"])
    manifest["members"]["walk.json"] = {"sha256": hashlib.sha256(members["walk.json"])
                                        .hexdigest(), "size": len(members["walk.json"])}
    members["manifest.json"] = json.dumps(manifest).encode()
    bad = tmp_path / "bad.walkkit"
    with zipfile.ZipFile(bad, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    amy = open_laptop(tmp_path, "amy")
    with pytest.raises(BundleError, match="fingerprint"):
        amy.bundles.open_kit(bad)
    amy.close()


def test_a_version_1_walk_s_kit_is_as_it_always_was(tmp_path: Path) -> None:
    protocol = load_text(MINIMAL)
    assert for_version_1(protocol) is protocol
    fac = open_laptop(tmp_path, "fac")
    walk = create_walk_from_protocol(fac.services, protocol, "Walk", "2026-11-02", visits=1)
    fac.services.plan.add_participant(walk.id, "Amira Haddad")
    kit = _kit_walk(fac.bundles.write_kit(walk.id, tmp_path / "k.walkkit"))
    assert kit["protocol_snapshot"] == fac.services.walks.protocol_snapshot(walk.id)
    assert not {"protocol_snapshot_v2", "protocol_hash_v2", "long_visit_minutes"} & set(kit)
    fac.close()
