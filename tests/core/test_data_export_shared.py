"""The shared export holds nothing the walks' privacy settings and note states hold back:
the held-back values are planted, and every byte of the JSON and of the CSV (folder and
zip) is searched for them (tests/helpers/privacy.py: UTF-8, UTF-16, Latin-1, escapes,
case and accents folded)."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from tests.helpers.privacy import assert_private, find_leaks, make_private_walk
from walkapp.exports import DataService
from walkapp.services import NoteDraft, Services


def _secrets(services: Services) -> list[str]:
    """Ids of people and every secret or version the database holds."""
    assert services.db.path is not None
    with sqlite3.connect(services.db.path) as conn:
        found = [r[0] for q in ("SELECT id FROM participants", "SELECT id FROM people",
                                "SELECT secret FROM walk_keys", "SELECT id FROM sync_versions")
                 for r in conn.execute(q)]
    return found


def _all_bytes(path: Path) -> list[bytes]:
    if path.is_dir():
        return [p.read_bytes() for p in sorted(path.iterdir())]
    return [path.read_bytes()]


def _text(path: Path) -> str:
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            return "".join(archive.read(n).decode("utf-8") for n in archive.namelist())
    return b"".join(_all_bytes(path)).decode("utf-8")


@pytest.mark.parametrize("form,name", [("json", "shared.json"), ("csv", "shared.zip"),
                                       ("csv", "shared")])
def test_the_shared_export_holds_nothing_the_settings_hold_back(
        form: str, name: str, services: Services, tmp_path: Path) -> None:
    walk = make_private_walk(services)
    walker = walk.walkers[0]
    aside = services.notes.save_note(NoteDraft(walk.id, walker.id, "Zanzibar ostrich aside",
                                               visit_id=walk.visits[0].id))
    services.reviews.set_aside(aside.id)
    # Flagged by the nudge and not kept: held back too.
    services.notes.save_note(NoteDraft(walk.id, walker.id, "A lazy quokkafest lesson",
                                       visit_id=walk.visits[0].id))
    deleted = services.notes.save_note(NoteDraft(walk.id, walker.id, "Vanished marmoset",
                                                 visit_id=walk.visits[1].id))
    services.notes.delete_note(deleted.id)
    services.notes.save_reflection(walk.id, walker.id, "What will you try?",
                                   "Private reflection of a pangolin")
    services.debrief.add_feedback(walk.id, "useful", "Useful?", "Helpful", rating=4,
                                  author_id=walker.id)
    from walkapp.bundles import BundleService

    BundleService(services.db, services.bus).write_kit(walk.id, tmp_path / "k.walkkit")
    path = Path(DataService(services).export("shared", [walk.id], tmp_path / name,
                                             form).path)
    planted = ["Zanzibar ostrich aside", "quokkafest", "Vanished marmoset", "pangolin",
               *_secrets(services)]
    for data in _all_bytes(path):
        assert_private(data, walk, walker_names=False, extra=planted)
    # And what the debrief shows is there.
    text = _text(path)
    assert "Pairs explained their method" in text and "wait time" in text


def test_the_settings_let_out_what_they_allow(services: Services, tmp_path: Path) -> None:
    walk = make_private_walk(services, show_teacher_names=True, include_visit_details=True,
                             attribute_commitments=True)
    path = Path(DataService(services).export("shared", [walk.id], tmp_path / "s.json").path)
    data = path.read_bytes()
    text = data.decode("utf-8")
    # Teacher names, rooms, grades, subjects, and the walkers beside their commitments.
    for visit in walk.visits:
        for value in (visit.room, visit.grade, visit.subject, visit.teacher_name):
            assert value and value in text
    assert not find_leaks(data, walk, walker_names=True)
    value = json.loads(data)
    columns = value["tables"]["commitments"]["columns"]
    walkers = {row[columns.index("walker")] for row in value["tables"]["commitments"]["rows"]}
    assert walkers == {w.display_name for w in walk.walkers}
