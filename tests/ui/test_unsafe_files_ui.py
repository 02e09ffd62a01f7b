"""The app's own files: ui-state.ini (window sizes) private whatever the umask and never
written through a link; a backups folder that is a link refused at start-up.

QSettings saves through a symbolic link (replacing the file it points at) and creates the
file with the umask's mode, so `ui_settings` prepares the file itself.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from tests.helpers.planted import Outside, mode, open_umask  # noqa: F401 (autouse)
from walkapp.config import resolve_settings
from walkapp.ui.app import ui_settings

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX modes and symlinks")

UI_STATE_FILENAME = "ui-state.ini"


def _save(settings: QSettings) -> QSettings.Status:
    settings.setValue("main_window/geometry", b"\x01\x02")
    settings.sync()
    return settings.status()


def test_a_new_ui_state_file_is_private(tmp_path: Path) -> None:
    settings = resolve_settings(tmp_path / "fresh" / "data")
    assert _save(ui_settings(settings)) == QSettings.Status.NoError
    path = settings.data_dir / UI_STATE_FILENAME
    assert stat.S_ISREG(path.lstat().st_mode) and mode(path) == 0o600
    assert mode(settings.data_dir) == 0o700 and mode(settings.data_dir.parent) == 0o700


@pytest.mark.parametrize("kind", ["symlink", "hardlink"])
def test_a_planted_link_is_moved_aside_and_its_target_untouched(tmp_path: Path,
                                                                kind: str) -> None:
    settings = resolve_settings(tmp_path / "data")
    settings.data_dir.mkdir(mode=0o700)
    outside = Outside(tmp_path, "outside.txt")
    path = settings.data_dir / UI_STATE_FILENAME
    if kind == "symlink":
        outside.link(path)
    else:
        os.link(outside.path, path)
    status = _save(ui_settings(settings))
    assert outside.unchanged()
    assert status == QSettings.Status.NoError
    assert stat.S_ISREG(path.lstat().st_mode) and path.lstat().st_nlink == 1
    assert mode(path) == 0o600 and b"geometry" in path.read_bytes()
    # The planted entry is kept (renamed), not deleted.
    aside = [p for p in settings.data_dir.iterdir() if p.name.startswith(f"{path.name}.unsafe")]
    assert len(aside) == 1


def test_an_existing_wide_file_is_made_private(tmp_path: Path) -> None:
    settings = resolve_settings(tmp_path / "data")
    settings.data_dir.mkdir(mode=0o700)
    path = settings.data_dir / UI_STATE_FILENAME
    path.write_bytes(b"[main_window]\n")
    os.chmod(path, 0o666)
    assert _save(ui_settings(settings)) == QSettings.Status.NoError
    assert mode(path) == 0o600


def test_the_app_refuses_a_backups_folder_that_is_a_link(qapp, tmp_path: Path) -> None:
    from tests.ui.conftest import ScriptedAsker
    from walkapp.ui.startup import prepare_data_folder

    settings = resolve_settings(tmp_path / "data")
    settings.data_dir.mkdir(mode=0o700)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    os.chmod(elsewhere, 0o755)
    settings.backup_dir.symlink_to(elsewhere, target_is_directory=True)
    asker = ScriptedAsker()
    assert prepare_data_folder(settings, asker) is None
    kind, title, text = asker.shown[-1]
    assert kind == "error" and title == "walkapp cannot use its data folder"
    assert "symbolic link" in text and str(settings.backup_dir) in text
    assert mode(elsewhere) == 0o755 and list(elsewhere.iterdir()) == []
    # The lock was given back and nothing was created in the data folder but the lock.
    assert sorted(p.name for p in settings.data_dir.iterdir()) == ["backups", "walkapp.lock"]
