"""The Protocols menu: bring in a protocol file, copy one to adapt, open the folder where a
facilitator's own protocols live. Protocols are data files; editing one is done in any text
editor, and the app checks it the next time the library is read."""

from __future__ import annotations

import re

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QMenu, QWidget

from walkapp.errors import WalkappError
from walkapp.protocol.errors import ProtocolError
from walkapp.protocol.library import ProtocolLibrary
from walkapp.services.safety import make_private_dirs
from walkapp.ui.dialogs import Asker
from walkapp.ui.file_folders import FileKind


def _free_id(library: ProtocolLibrary, base: str) -> str:
    taken = {e.id for e in library.entries}
    stem = re.sub(r"[^a-z0-9-]+", "-", base.lower()).strip("-")[:40] or "protocol"
    candidate, number = f"{stem}-ours", 2
    while candidate in taken:
        candidate, number = f"{stem}-ours-{number}", number + 1
    return candidate


class ProtocolsMenu(QObject):
    # The library's files were read in the background (their titles are at hand now).
    read = Signal()

    def __init__(self, menu: QMenu, library: ProtocolLibrary, asker: Asker,
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.library = library
        self._asker = asker
        self._parent = parent
        self.import_action = QAction(self.tr("&Import a protocol file…"), parent)
        self.import_action.triggered.connect(lambda *_: self.import_protocol())
        self.copy_action = QAction(self.tr("&Copy a protocol to adapt…"), parent)
        self.copy_action.triggered.connect(lambda *_: self.copy_protocol())
        self.folder_action = QAction(self.tr("Open &my protocols folder"), parent)
        self.folder_action.triggered.connect(lambda *_: self.open_folder())
        self.problems_action = QAction(self.tr("&Check my protocol files"), parent)
        self.problems_action.triggered.connect(lambda *_: self.report_problems(always=True))
        for action in (self.import_action, self.copy_action, self.folder_action,
                       self.problems_action):
            menu.addAction(action)

    def import_protocol(self, path: str | None = None) -> bool:
        chosen = path or next(iter(self._asker.open_files(
            self._parent, self.tr("Import a protocol file"),
            self.tr("Protocol files (*.toml);;All files (*)"), kind=FileKind.PROTOCOL)), None)
        if not chosen:
            return False
        try:
            entry = self.library.import_file(chosen)
        except WalkappError as error:
            self._asker.warn(self._parent, self.tr("The protocol was not imported"),
                             error.message)
            return False
        self.library.reload()
        self._asker.inform(self._parent, self.tr("Protocol imported"), self.tr(
            "“{0}” is in your library; choose it when you start a new walk.").format(
            entry.title))
        return True

    def copy_protocol(self) -> bool:
        entries = self.library.entries
        titles = [f"{e.title} ({e.id})" for e in entries]
        chosen = self._asker.pick(self._parent, self.tr("Copy a protocol"), self.tr(
            "Which protocol do you want to adapt? The copy goes into your own protocols "
            "folder, where any text editor can change it."), titles)
        if chosen is None:
            return False
        source = entries[titles.index(chosen)]
        try:
            copy = self.library.duplicate(source.id, _free_id(self.library, source.id))
        except WalkappError as error:
            self._asker.warn(self._parent, self.tr("The protocol was not copied"),
                             error.message)
            return False
        self.library.reload()
        self._asker.inform(self._parent, self.tr("Protocol copied"), self.tr(
            "“{0}” was saved as {1}. Edit it in a text editor; walkapp checks it the next "
            "time it starts or you choose Protocols → Check my protocol files.").format(
            copy.title, copy.path))
        return True

    def open_folder(self) -> None:
        folder = self.library.user_dir
        make_private_dirs(folder)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def report_problems_in_background(self) -> None:
        """As `report_problems`, with the files read off the GUI thread (at start-up:
        parsing and checking every protocol file must not hold the first window up).
        Whoever needs the library first meanwhile reads it on its own; nothing waits."""
        from walkapp.ui.workers import run_in_background

        library = self.library

        def read(_progress: object) -> list[ProtocolError]:
            library.reload()
            return library.problems

        self._reading = run_in_background(read, on_done=self._show_problems,
                                          owner=self._parent)

    def _show_problems(self, problems: object) -> None:
        self.read.emit()
        if isinstance(problems, list) and problems:
            self._asker.warn(self._parent, self.tr("Some protocol files were skipped"),
                             "\n".join(p.message for p in problems[:10]))

    def report_problems(self, *, always: bool = False) -> None:
        self.library.reload()
        problems = self.library.problems
        if problems:
            self._asker.warn(self._parent, self.tr("Some protocol files were skipped"),
                             "\n".join(p.message for p in problems[:10]))
        elif always:
            self._asker.inform(self._parent, self.tr("Protocol files"),
                               self.tr("All {0} protocols in the library are fine.").format(
                                   len(self.library.entries)))
