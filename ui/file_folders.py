"""Where file dialogs start: the folder used last for that kind of file, else the user's
Documents folder; never the folder the app happened to be started from.

One `FolderMemory` per window, kept in the app's window-state settings (ui-state.ini, see
walkapp.ui.app.ui_settings), so the folder chosen for reports last week is where the
next report goes, after a restart too. Each kind of file has its own folder: reports
often go to a shared drive, walk kits to a USB stick, protocols come from a download
folder. A remembered folder that is gone (a USB stick taken out) falls back to Documents.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths


class FileKind(StrEnum):
    REPORT = "reports"
    KIT = "kits"
    NOTES = "notes"
    PROTOCOL = "protocols"
    DATA = "data"


_GROUP = "folders"


def documents_folder() -> Path:
    """The user's Documents folder as the system names it; home when there is none."""
    where = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(where) if where else Path.home()
    return folder if folder.is_dir() else Path.home()


class FolderMemory:
    """The last folder used for each kind of file; `settings` None: for this run only."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings
        self._here: dict[FileKind, str] = {}

    def start(self, kind: FileKind) -> Path:
        """Where a dialog for `kind` starts: the folder used last, if it is still there."""
        if self._settings is not None:
            value = self._settings.value(f"{_GROUP}/{kind.value}", "")
            last = value if isinstance(value, str) else ""
        else:
            last = self._here.get(kind, "")
        if last and Path(last).is_absolute() and Path(last).is_dir():
            return Path(last)
        return documents_folder()

    def remember(self, kind: FileKind, chosen: str | Path) -> None:
        """`chosen` (a file, or a folder) was used for `kind`: start there next time."""
        if not str(chosen):
            return
        path = Path(chosen)
        folder = path if path.is_dir() else path.parent
        if not folder.is_absolute():
            return
        self._here[kind] = str(folder)
        if self._settings is not None:
            self._settings.setValue(f"{_GROUP}/{kind.value}", str(folder))
            self._settings.sync()

    def suggested(self, kind: FileKind, name: str) -> str:
        """A file name to offer in a save dialog, in the folder a `kind` dialog starts in
        (a name that already names a folder is kept as it is)."""
        path = Path(name)
        if path.is_absolute():
            return name
        return str(self.start(kind) / path)
