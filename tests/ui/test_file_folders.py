"""File dialogs start in the folder used last for that kind of file (reports, walk kits,
notes files, protocols), else in Documents; never in the process's working folder; and
the folder is remembered across a restart (the window-state settings)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog

from walkapp.ui import bundles_ui
from walkapp.ui.dialogs import Asker
from walkapp.ui.file_folders import FileKind, FolderMemory, documents_folder


class Dialogs:
    """Stands in for Qt's file dialogs: records the folder each was opened in."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.started_in: list[str] = []
        self.answer = ""
        for name in ("getOpenFileNames", "getOpenFileName", "getSaveFileName"):
            monkeypatch.setattr(QFileDialog, name, staticmethod(self._make(name)))

    def _make(self, name: str) -> Any:
        def dialog(_parent: object, _title: str, start: str, _filters: str) -> object:
            self.started_in.append(start)
            if name == "getOpenFileNames":
                return ([self.answer] if self.answer else [], "")
            return (self.answer, "")
        return dialog


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Dialogs:
    # Started from somewhere else: the working folder must not show through.
    work = tmp_path / "started-here"
    work.mkdir()
    monkeypatch.chdir(work)
    (Path.home() / "Documents").mkdir(parents=True, exist_ok=True)
    QStandardPaths.setTestModeEnabled(False)
    return Dialogs(monkeypatch)


def _folder(started: str) -> Path:
    path = Path(started)
    return path if path.is_dir() else path.parent


def test_every_file_dialog_starts_in_documents_not_the_working_folder(
        qtbot, dialogs: Dialogs, qsettings: QSettings) -> None:  # type: ignore[no-untyped-def]
    asker = Asker()
    asker.folders = FolderMemory(qsettings)
    picker = bundles_ui.FilePicker(asker)
    asker.open_files(None, "Import a protocol file", "*.toml", kind=FileKind.PROTOCOL)
    picker.open_files(None, "Import notes files", bundles_ui.notes_filter())
    picker.open_file(None, "Open walk kit", bundles_ui.kit_filter())
    picker.save_file(None, "Save walk kit", "Walk - any walker.walkkit",
                     bundles_ui.kit_filter())
    bundles_ui.FilePicker().open_files(None, "Import notes files", bundles_ui.notes_filter())
    assert len(dialogs.started_in) == 5
    for started in dialogs.started_in:
        assert _folder(started) == documents_folder(), started
        assert _folder(started) != Path(os.getcwd())
    assert dialogs.started_in[3].endswith("Walk - any walker.walkkit")


def test_each_kind_starts_where_it_was_last_used_after_a_restart(
        qtbot, dialogs: Dialogs, settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sticks = tmp_path / "usb stick"
    downloads = tmp_path / "Downloads"
    for folder in (sticks, downloads):
        folder.mkdir()
    path = str(Path(settings.data_dir) / "ui-state.ini")
    Path(settings.data_dir).mkdir(parents=True, exist_ok=True)
    asker = Asker()
    asker.folders = FolderMemory(QSettings(path, QSettings.Format.IniFormat))
    picker = bundles_ui.FilePicker(asker)
    dialogs.answer = str(sticks / "walk.walkkit")
    picker.save_file(None, "Save walk kit", "walk.walkkit", bundles_ui.kit_filter())
    dialogs.answer = str(downloads / "protocol.toml")
    asker.open_files(None, "Import a protocol file", "*.toml", kind=FileKind.PROTOCOL)

    # A restart: new settings object on the same file, new asker.
    again = Asker()
    again.folders = FolderMemory(QSettings(path, QSettings.Format.IniFormat))
    picker = bundles_ui.FilePicker(again)
    dialogs.started_in.clear()
    dialogs.answer = ""
    picker.open_file(None, "Open walk kit", bundles_ui.kit_filter())
    again.open_files(None, "Import a protocol file", "*.toml", kind=FileKind.PROTOCOL)
    picker.open_files(None, "Import notes files", bundles_ui.notes_filter())
    assert [_folder(s) for s in dialogs.started_in] == [sticks, downloads, documents_folder()]
    # A folder that is gone (the stick taken out): Documents again.
    sticks.rmdir()
    assert again.folders.start(FileKind.KIT) == documents_folder()
