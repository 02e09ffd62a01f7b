"""Start-up before the main window: one instance, a warning for unsafe folders, recovery."""

from __future__ import annotations

import pytest

from tests.helpers.damage import damage_pages
from tests.helpers.on_disk import walk_on_disk, walk_titles
from tests.ui.conftest import ScriptedAsker
from walkapp.config import Settings
from walkapp.storage.lock import DataFolderLock
from walkapp.storage.startup import StartupStatus
from walkapp.ui.startup import prepare_data_folder


def test_a_healthy_start_holds_the_lock(qapp, settings: Settings, asker: ScriptedAsker) -> None:
    result = prepare_data_folder(settings, asker)
    assert result is not None and result.lock.held
    assert result.report.status is StartupStatus.NEW and asker.shown == []
    # A second app on the same folder is told plainly and does not start.
    second = ScriptedAsker()
    assert prepare_data_folder(settings, second) is None
    kind, title, text = second.shown[0]
    assert kind == "error" and title == "walkapp is already open"
    assert "already using the data folder" in text
    result.lock.release()
    again = prepare_data_folder(settings, ScriptedAsker())
    assert again is not None
    again.lock.release()


def test_damage_offers_restore_and_restores(qapp, settings: Settings,
                                            asker: ScriptedAsker) -> None:
    path = walk_on_disk(settings)
    damage_pages(path)
    damaged = path.read_bytes()
    asker.choices = ["restore"]
    result = prepare_data_folder(settings, asker)
    assert result is not None and result.recovery is not None
    kind, title, text = asker.shown[0]
    assert kind == "choose" and "damaged" in title and "kept aside, untouched" in text
    assert asker.shown[-1][0] == "inform" and "Restored the backup" in asker.shown[-1][2]
    assert result.recovery.damaged_copy is not None
    assert result.recovery.damaged_copy.read_bytes() == damaged
    result.lock.release()
    assert walk_titles(settings) == ["Kept walk"]


def test_quit_leaves_every_file_as_it_was(qapp, settings: Settings,
                                          asker: ScriptedAsker) -> None:
    path = walk_on_disk(settings)
    damage_pages(path)
    before = sorted((p.name, p.read_bytes()) for p in settings.data_dir.iterdir()
                    if p.is_file() and p.name != "walkapp.lock")
    asker.choices = ["quit"]
    assert prepare_data_folder(settings, asker) is None
    after = sorted((p.name, p.read_bytes()) for p in settings.data_dir.iterdir()
                   if p.is_file() and p.name != "walkapp.lock")
    assert before == after
    # The lock was given back: the next start can try again.
    with DataFolderLock(settings.data_dir):
        pass


def test_no_good_backup_then_start_empty(qapp, settings: Settings,
                                         asker: ScriptedAsker) -> None:
    path = walk_on_disk(settings)
    for copy in settings.backup_dir.glob("*.sqlite3"):
        damage_pages(copy)
    damage_pages(path)
    asker.choices = ["restore", "empty"]
    result = prepare_data_folder(settings, asker)
    assert result is not None
    kinds = [k for k, _, _ in asker.shown]
    assert kinds == ["choose", "choose", "inform"]
    assert "No good backup" in asker.shown[1][2]
    assert "Started with an empty database" in asker.shown[2][2]
    assert list(settings.data_dir.glob("damaged-*.sqlite3"))
    result.lock.release()
    assert walk_titles(settings) == []


def test_a_missing_database_without_backups_is_a_first_start(
        qapp, settings: Settings, asker: ScriptedAsker) -> None:
    result = prepare_data_folder(settings, asker)
    assert result is not None and asker.shown == []
    result.lock.release()


def test_a_newer_database_is_explained_and_not_touched(
        qapp, settings: Settings, asker: ScriptedAsker) -> None:
    import sqlite3

    path = walk_on_disk(settings)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'zz99'")
    before = path.read_bytes()
    assert prepare_data_folder(settings, asker) is None
    assert asker.shown[0][0] == "error" and "newer walkapp" in asker.shown[0][2]
    assert path.read_bytes() == before


def test_an_unsafe_folder_is_warned_about(qapp, settings: Settings, asker: ScriptedAsker,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("walkapp.ui.startup.location_warning",
                        lambda folder: "on a network drive (nfs4)")
    result = prepare_data_folder(settings, asker)
    assert result is not None and result.location_warning == "on a network drive (nfs4)"
    assert asker.shown == [("warn", "walkapp's data folder may not be safe",
                            "on a network drive (nfs4)")]
    result.lock.release()
