"""The walk setting `sign_thank_you_with_names` (migration 0009) end to end in the core:
stored off by default, changed and undone like its neighbours, copied by "Plan again",
carried by walk kits (a kit without it reads as off), shown by `walkapp show`; and
0009 turning `include_visit_details` off for the walks made before it became opt-in."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from tests.helpers.builders import make_walk
from tests.helpers.laptops import laptops
from tests.helpers.seal import resealed
from walkapp.bundles import BundleError, crypto
from walkapp.config import Settings
from walkapp.services import Services, open_services
from walkapp.services.commands import WalkDetailsEdit
from walkapp.storage import migrate


@pytest.fixture(autouse=True)
def _fast_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "SCRYPT_N", 2**14)


def _columns(settings: Settings) -> dict[str, dict[str, object]]:
    """Each walk's settings and last change as stored, read with plain SQL (the new column
    only when the schema has it)."""
    assert settings.sqlite_path is not None
    engine = create_engine(f"sqlite:///{settings.sqlite_path}")
    try:
        with engine.connect() as connection:
            names = {r[1] for r in connection.exec_driver_sql("PRAGMA table_info(walks)")}
            wanted = [c for c in ("id", "include_visit_details", "sign_thank_you_with_names",
                                  "show_teacher_names", "attribute_commitments", "updated_at")
                      if c in names]
            rows = connection.exec_driver_sql(f"SELECT {', '.join(wanted)} FROM walks").all()
    finally:
        engine.dispose()
    return {r[0]: dict(zip(wanted[1:], r[1:], strict=True)) for r in rows}


def _to_0008(settings: Settings) -> None:
    from alembic import command

    assert settings.sqlite_path is not None
    engine = create_engine(f"sqlite:///{settings.sqlite_path}")
    config = migrate.alembic_config()
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql("PRAGMA foreign_keys = ON")
            config.attributes["connection"] = connection
            command.downgrade(config, "0008")
        with engine.begin() as connection:
            columns = {r[1] for r in connection.exec_driver_sql("PRAGMA table_info(walks)")}
            assert "sign_thank_you_with_names" not in columns
            # As walkapp before 0009 left them: visit details on (the old default).
            connection.exec_driver_sql("UPDATE walks SET include_visit_details = 1")
            assert connection.exec_driver_sql(
                "SELECT version_num FROM alembic_version").scalar() == "0008"
    finally:
        engine.dispose()


def test_a_new_walk_has_it_off(services: Services) -> None:
    walk = make_walk(services, walkers=1, visits=1)
    assert walk.sign_thank_you_with_names is False
    assert walk.include_visit_details is False


def test_upgrading_from_0008_turns_visit_details_off_and_adds_the_setting_off(
        settings: Settings) -> None:
    services = open_services(settings)
    try:
        first = make_walk(services, "First", walkers=2, visits=2)
        second = make_walk(services, "Second", walkers=1, visits=1)
        services.walks.update_walk(second.id, show_teacher_names=True)
        notes_before = services.records.walk_record(first.id).notes
    finally:
        services.close()
    _to_0008(settings)
    before = _columns(settings)
    assert {walk: row["include_visit_details"] for walk, row in before.items()} == \
        {first.id: 1, second.id: 1}
    assert all("sign_thank_you_with_names" not in row for row in before.values())

    again = open_services(settings)  # migrates to the head, as every start does
    try:
        assert migrate.current_revision(again.db.engine) == migrate.head_revision()
        after = _columns(settings)
        assert set(after) == set(before)
        for walk_id, row in after.items():
            assert row["include_visit_details"] == 0, walk_id
            assert row["sign_thank_you_with_names"] == 0, walk_id
            # Nothing else changed: the other settings, and each walk's last change.
            unchanged = ("show_teacher_names", "attribute_commitments", "updated_at")
            assert {k: row[k] for k in unchanged} == {k: before[walk_id][k] for k in unchanged}
        assert again.walks.get_walk(first.id).sign_thank_you_with_names is False
        assert again.records.walk_record(first.id).notes == notes_before
        # The visits keep their rooms: only what records show changed.
        again.plan.update_visit(first.visits[0].id, room="Room 9")
        again.walks.update_walk(first.id, include_visit_details=True)
        assert again.walks.get_walk(first.id).visits[0].room == "Room 9"
    finally:
        again.close()
    assert list(settings.backup_dir.glob("pre-migration-0008-*.sqlite3"))


def test_update_undo_and_plan_again(services: Services) -> None:
    walk = make_walk(services, walkers=2, visits=1)
    done = WalkDetailsEdit(walk.id, {"sign_thank_you_with_names": True}).perform(services)
    assert services.walks.get_walk(walk.id).sign_thank_you_with_names is True
    assert done.undo is not None
    redo = done.undo.perform(services)
    assert services.walks.get_walk(walk.id).sign_thank_you_with_names is False
    assert redo.undo is not None
    redo.undo.perform(services)
    assert services.walks.get_walk(walk.id).sign_thank_you_with_names is True
    again = services.series.plan_again(walk.id)
    assert again.sign_thank_you_with_names is True


def test_a_kit_carries_the_setting_and_a_kit_without_it_reads_as_off(tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "amy", "ben") as (fac, amy, ben):
        walk = make_walk(fac.services, "Kit walk", walkers=2, visits=1)
        fac.services.walks.update_walk(walk.id, sign_thank_you_with_names=True)
        kit = fac.bundles.write_kit(walk.id, tmp_path / "k.walkkit")
        amy.bundles.open_kit(kit, walker="Walker 1")
        assert amy.services.walks.get_walk(walk.id).sign_thank_you_with_names is True

        def without(plan: dict[str, object]) -> None:
            walk_part = plan["walk"]
            assert isinstance(walk_part, dict)
            assert walk_part.pop("sign_thank_you_with_names") is True

        # As a walkapp from before the setting wrote it (format version 1 all the same).
        old = tmp_path / "old.walkkit"
        old.write_bytes(resealed(kit.read_bytes(), {"walk.json": without}))
        ben.bundles.open_kit(old, walker="Walker 2")
        assert ben.services.walks.get_walk(walk.id).sign_thank_you_with_names is False
        # Opening it over the newer kit's copy turns the setting off there too.
        amy.bundles.open_kit(old, walker="Walker 1")
        assert amy.services.walks.get_walk(walk.id).sign_thank_you_with_names is False

        def wrong(plan: dict[str, object]) -> None:
            walk_part = plan["walk"]
            assert isinstance(walk_part, dict)
            walk_part["sign_thank_you_with_names"] = "yes"

        bad = tmp_path / "bad.walkkit"
        bad.write_bytes(resealed(kit.read_bytes(), {"walk.json": wrong}))
        with pytest.raises(BundleError, match="sign_thank_you_with_names"):
            ben.bundles.open_kit(bad, walker="Walker 2")


def test_walkapp_show_says_the_setting_in_text_and_json(
        services: Services, settings: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    from walkapp.cli import main

    walk = make_walk(services, "Shown walk", walkers=1, visits=1)
    services.close()
    show = ["--data-dir", str(settings.data_dir), "show", walk.id]
    assert main(show) == 0
    assert "Privacy: no teacher names; commitments without names; thank-you notes signed by " \
        "the group; no room, grade or subject in records" in capsys.readouterr().out
    again = open_services(settings)
    again.walks.update_walk(walk.id, sign_thank_you_with_names=True)
    again.close()
    assert main(show) == 0
    assert "thank-you notes signed with walkers' names" in capsys.readouterr().out
    assert main([*show, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["walk"]["sign_thank_you_with_names"] is True
