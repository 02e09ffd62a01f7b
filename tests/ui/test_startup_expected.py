"""Start-up where a database was expected: every missing, empty, cut-short or unreadable
database with backups around reaches the restore dialog, and nothing is created behind it."""

from __future__ import annotations

import pytest

from tests.helpers.db_states import NEEDS_NON_ROOT, STATES, running_as_root, snapshot
from tests.helpers.on_disk import walk_on_disk, walk_titles
from tests.ui.conftest import ScriptedAsker
from walkapp.config import Settings
from walkapp.services import open_services
from walkapp.storage.lock import LOCK_FILENAME
from walkapp.ui.startup import prepare_data_folder


def _state_params() -> list[object]:
    return [pytest.param(name, marks=pytest.mark.skipif(
        name in NEEDS_NON_ROOT and running_as_root(), reason="root reads any file"))
        for name in STATES]


def _files(settings: Settings) -> dict[str, object]:
    found = snapshot(settings.data_dir)
    found.pop(LOCK_FILENAME, None)
    return dict(found)


@pytest.mark.parametrize("state", _state_params())
def test_the_restore_dialog_is_offered_and_restores(
        qapp, state: str, settings: Settings, asker: ScriptedAsker) -> None:
    path = walk_on_disk(settings)
    STATES[state](path)
    asker.choices = ["restore"]
    result = prepare_data_folder(settings, asker)
    assert result is not None, asker.shown
    kind, _, text = asker.shown[0]
    assert kind == "choose" and "backup" in text
    assert result.recovery is not None and result.recovery.backup is not None
    result.lock.release()
    assert walk_titles(settings) == ["Kept walk"]


@pytest.mark.parametrize("state", _state_params())
def test_quitting_the_dialog_changes_nothing(
        qapp, state: str, settings: Settings, asker: ScriptedAsker) -> None:
    path = walk_on_disk(settings)
    STATES[state](path)
    before = _files(settings)
    asker.choices = ["quit"]
    assert prepare_data_folder(settings, asker) is None
    assert asker.shown[0][0] == "choose"
    assert _files(settings) == before


def test_start_empty_with_backups_opens_the_new_database(
        qapp, settings: Settings, asker: ScriptedAsker) -> None:
    """Starting empty is the user's explicit choice: the app then opens what it made."""
    path = walk_on_disk(settings)
    path.write_bytes(b"")
    asker.choices = ["empty"]
    result = prepare_data_folder(settings, asker)
    assert result is not None and result.recovery is not None
    services = open_services(settings)
    try:
        assert services.walks.list_walks() == []
    finally:
        services.close()
        result.lock.release()
    assert list(settings.data_dir.glob("damaged-*.sqlite3"))
