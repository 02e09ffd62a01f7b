"""The owner's data export: every table carried, and an export imported into an empty data
folder gives back the same records, row for row, histories included (issue 20's "done
when"); imported again, or into the laptop that has the walks, it changes nothing it
should not and reports what it did."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.full_walk import FullWalk, full_walk
from tests.helpers.laptops import Laptop, laptops
from walkapp.bundles import crypto
from walkapp.events import Entity
from walkapp.exports import DataService
from walkapp.exports.tables import LEFT_OUT, exported_tables, kind_of, scope_of
from walkapp.services import NoteDraft
from walkapp.storage import models as m


@pytest.fixture(autouse=True)
def _fast_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "SCRYPT_N", 2**14)


def dump(laptop: Laptop) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table of the models (the laptop's own facts apart), in order."""
    laptop.services.db.checkpoint()
    out: dict[str, list[tuple[Any, ...]]] = {}
    with sqlite3.connect(laptop.db_path) as conn:
        for table in m.Base.metadata.sorted_tables:
            if table.name == "app_meta":
                continue
            names = ", ".join(f'"{c.name}"' for c in table.columns)
            out[table.name] = sorted(conn.execute(f'SELECT {names} FROM "{table.name}"'),
                                     key=repr)
    return out


def _export(laptop: Laptop, path: Path, walks: list[str] | None = None) -> Path:
    written = DataService(laptop.services).export("owner", walks, path)
    return Path(written.path)


def test_every_table_and_column_is_exported_or_left_out_with_a_reason(tmp_path: Path) -> None:
    tables = {t.name for t in m.Base.metadata.sorted_tables}
    exported = {t.name for t in exported_tables()}
    assert exported | set(LEFT_OUT) == tables and not exported & set(LEFT_OUT)
    for table in exported_tables():
        scope_of(table)  # raises for a table that belongs to no walk
        for column in table.columns:
            kind_of(column)  # raises for a column the export cannot spell
    # The database has no table the models do not describe (the search index's virtual
    # tables and their shadow tables are rebuilt from the rows, not exported).
    with laptops(tmp_path, "one") as (one,):
        with sqlite3.connect(one.db_path) as conn:
            found = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'"
                                 " AND name NOT LIKE 'sqlite_%'").fetchall()
        virtual = {name for name, sql in found if sql.upper().startswith("CREATE VIRTUAL")}
        plain = {name for name, _ in found if name not in virtual
                 and not any(name.startswith(f"{v}_") for v in virtual)}
        # search_docs: the search index's rows (migration 0012), written by triggers from
        # the texts as they are imported, so never exported themselves.
        assert plain - {"alembic_version", "search_docs"} == tables


def test_the_full_walk_has_rows_in_every_exported_table(tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        full_walk(fac, amy, tmp_path)
        data = json.loads(_export(fac, tmp_path / "all.json").read_bytes())
        # The walker's laptop holds what only a walker's laptop has (its walker's secret).
        walkers = json.loads(_export(amy, tmp_path / "amy.json").read_bytes())
    empty = [name for name, count in data["counts"].items()
             if count == 0 and walkers["counts"][name] == 0]
    assert empty == []
    for table in exported_tables():
        assert data["tables"][table.name]["columns"] == [c.name for c in table.columns]


def test_an_owner_export_recreates_every_record_in_an_empty_data_folder(
        tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "amy", "new") as (fac, amy, new):
        walk: FullWalk = full_walk(fac, amy, tmp_path)
        path = _export(fac, tmp_path / "all.json")
        before = dump(fac)
        report = DataService(new.services).import_data(path)
        assert report.clean, report.summary()
        assert dump(new) == before
        assert [f.walk_id for f in report.files] == [walk.id, walk.next_id]
        assert report.files[0].counts["notes"].new == 3
        # The history and the conflict came along: the app shows them the same way.
        assert new.services.history.history(walk.id, Entity.NOTE, walk.note) == \
            fac.services.history.history(walk.id, Entity.NOTE, walk.note)
        assert new.services.conflicts.list_conflicts(walk.id) == \
            fac.services.conflicts.list_conflicts(walk.id)
        # Importing it again changes nothing at all.
        again = DataService(new.services).import_data(path)
        assert again.clean and again.new == 0 and not again.conflicts, again.summary()
        assert dump(new) == before


def test_one_walk_alone_and_the_rest_stay_as_they_are(tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "amy", "new") as (fac, amy, new):
        walk = full_walk(fac, amy, tmp_path)
        path = _export(fac, tmp_path / "one.json", [walk.next_id])
        data = json.loads(path.read_bytes())
        assert [w["id"] for w in data["walks"]] == [walk.next_id]
        assert all(r[1] == walk.next_id for r in data["tables"]["visits"]["rows"])
        report = DataService(new.services).import_data(path)
        # Its follow-up of the earlier walk's action item has nothing to follow here.
        assert [r.what for r in report.files[0].rejected] == [
            "a record of “action_follow_ups” (“Shared on Monday”)"], report.summary()
        assert [w.id for w in new.services.walks.list_walks()] == [walk.next_id]
        # With the earlier walk exported too, it arrives.
        both = _export(fac, tmp_path / "both.json", [walk.id, walk.next_id])
        assert DataService(new.services).import_data(both).clean


def test_changes_made_on_both_sides_since_the_export_are_merged_and_reported(
        tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "amy", "new") as (fac, amy, new):
        walk = full_walk(fac, amy, tmp_path)
        path = _export(fac, tmp_path / "all.json")
        assert DataService(new.services).import_data(path).clean
        # Both laptops change the same note and the walk's focus; the new one adds a note.
        current = fac.services.notes.get_note(walk.note)
        for laptop, text in ((fac, "Seen on the first laptop"), (new, "Seen on the second")):
            laptop.services.notes.save_note(NoteDraft(
                walk.id, walk.walker, text, id=walk.note, visit_id=current.visit_id,
                look_for_ids=current.look_for_ids))
        fac.services.walks.update_walk(walk.id, focus="Focus from the first laptop")
        added = new.services.notes.save_note(NoteDraft(walk.id, None, "Only on the second",
                                                       visit_id=current.visit_id))
        back = _export(new, tmp_path / "back.json")
        report = DataService(fac.services).import_data(back)
        first = report.files[0]
        assert first.accepted and first.counts["notes"].new == 1
        assert first.counts["notes"].conflicts == 1, report.summary()
        texts = {n.text for n in fac.services.notes.list_notes(walk.id)}
        assert {"Seen on the first laptop", "Seen on the second", added.text} <= texts
        # The walk's details: the later change (here, the first laptop's) is kept, and said.
        assert fac.services.walks.get_walk(walk.id).focus == "Focus from the first laptop"
        assert any("kept" in line for line in first.adjustments), first.adjustments
        assert report.backup_path is not None and Path(report.backup_path).exists()
