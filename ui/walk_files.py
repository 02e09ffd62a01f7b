"""Walk kits out and notes files back, as the main window offers them: the File menu's
import / make kit / save notes / open kit, and files dropped on the window.

The controllers (and with them walkapp.bundles: zip, crypto, merging) are made when first
used, not with the window: showing the walks library needs none of them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QMimeData, QObject, Signal
from PySide6.QtWidgets import QWidget

from walkapp.services import Services
from walkapp.ui.dialogs import Asker
from walkapp.ui.help_sections import ShowGuide

if TYPE_CHECKING:
    from walkapp.ui.bundles_ui import (
        FilePicker,
        ImportController,
        KitExportController,
        OpenKitController,
        PassphraseAsker,
    )
    from walkapp.ui.data_ui import DataController


class AskerPicker:
    """File choosers for walk kits and notes files go through the one dialog seam
    (walkapp.ui.bundles_ui.FilePicker's three methods), which knows where each kind of
    file was used last. Called only by the controllers, so bundles_ui is loaded by then."""

    def __init__(self, asker: Asker) -> None:
        self._asker = asker

    def _picker(self) -> FilePicker:
        from walkapp.ui.bundles_ui import FilePicker

        return FilePicker(self._asker)

    def open_files(self, parent: QWidget | None, title: str, filters: str) -> list[str]:
        return self._picker().open_files(parent, title, filters)

    def open_file(self, parent: QWidget | None, title: str, filters: str) -> str | None:
        return self._picker().open_file(parent, title, filters)

    def save_file(self, parent: QWidget | None, title: str, suggested: str,
                  filters: str) -> str | None:
        return self._picker().save_file(parent, title, suggested, filters)


class WalkFiles(QObject):
    walk_opened = Signal(str)  # a kit was opened on this laptop: show that walk
    announced = Signal(str)    # a short confirmation for the status bar (a kit was opened)

    def __init__(self, services: Services, asker: Asker, parent: QWidget,
                 current_walk: Callable[[], str | None], before_save: Callable[[], None],
                 *, passphrases: PassphraseAsker | None = None,
                 guide: ShowGuide | None = None) -> None:
        super().__init__(parent)
        self._guide = guide
        self._services = services
        self._asker = asker
        self._parent = parent
        self._current_walk = current_walk
        self._before_save = before_save
        self._picker = AskerPicker(asker)
        self._passphrases = passphrases
        self._importer: ImportController | None = None
        self._kits: KitExportController | None = None
        self._kit_opener: OpenKitController | None = None
        self._data: DataController | None = None

    def _file_picker(self) -> FilePicker:
        # AskerPicker has FilePicker's three methods; it is not a subclass so that this
        # module does not import walkapp.ui.bundles_ui before a controller is needed.
        return cast("FilePicker", self._picker)

    # Each made on first use (see the module docstring), then kept.
    @property
    def importer(self) -> ImportController:
        if self._importer is None:
            from walkapp.ui.bundles_ui import ImportController

            self._importer = ImportController(self._services, self._asker, self._parent,
                                              picker=self._file_picker(),
                                              passphrases=self._passphrases,
                                              guide=self._guide)
        return self._importer

    @property
    def kits(self) -> KitExportController:
        if self._kits is None:
            from walkapp.ui.bundles_ui import KitExportController

            self._kits = KitExportController(self._services, self._asker, self._parent,
                                             picker=self._file_picker(),
                                             passphrases=self._passphrases)
        return self._kits

    @property
    def kit_opener(self) -> OpenKitController:
        if self._kit_opener is None:
            from walkapp.ui.bundles_ui import OpenKitController

            self._kit_opener = OpenKitController(self._services, self._asker, self._parent,
                                                 picker=self._file_picker(),
                                                 passphrases=self._passphrases,
                                                 announce=self.announced.emit)
            self._kit_opener.opened.connect(self._kit_opened)
        return self._kit_opener

    @property
    def data(self) -> DataController:
        if self._data is None:
            from walkapp.ui.data_ui import DataController

            self._data = DataController(self._services, self._asker, self._parent,
                                        guide=self._guide)
        return self._data

    def export_data(self) -> None:
        """File → Export data… (the open walk chosen to start with)."""
        self._before_save()
        self.data.export_data(self._current_walk())

    def import_data(self) -> None:
        self.data.import_data()

    def import_notes(self, paths: list[str] | None = None) -> None:
        if paths:
            self.importer.import_files(paths)
        else:
            self.importer.choose_and_import()

    def _choose_walker(self, walk_id: str, any_label: str | None) -> tuple[bool, str | None]:
        """Ask which walker a file is for; (False, None) when the user cancels."""
        walk = self._services.walks.get_walk(walk_id)
        names = ([any_label] if any_label else []) + [p.display_name for p in walk.walkers]
        if not walk.walkers:
            self._asker.inform(self._parent, self.tr("No walkers yet"), self.tr(
                "Add walkers to the roster first (Plan → Roster and groups)."))
            return False, None
        chosen = self._asker.pick(self._parent, self.tr("Which walker?"),
                                  self.tr("Who is this file for?"), names)
        if chosen is None:
            return False, None
        walker = next((p for p in walk.walkers if p.display_name == chosen), None)
        return True, walker.id if walker else None

    def make_kit(self) -> None:
        walk_id = self._current_walk()
        if walk_id is None:
            return
        ok, walker_id = self._choose_walker(
            walk_id, self.tr("Any walker (they pick their name)"))
        if ok:
            self.kits.save_kit(walk_id, walker_id)

    def save_notes_file(self) -> None:
        """On a walker's laptop: their own notes. On the facilitator's: a chosen walker's
        (for example to send notes typed up from paper back to that walker)."""
        walk_id = self._current_walk()
        if walk_id is None:
            return
        walk = self._services.walks.get_walk(walk_id)
        walker_id = walk.local_participant_id if walk.local_mode.value == "walker" else None
        if walker_id is None:
            ok, walker_id = self._choose_walker(walk_id, None)
            if not ok or walker_id is None:
                return
        self._before_save()
        self.kits.save_notes(walk_id, walker_id)

    def open_kit(self, path: str | None = None) -> None:
        self.kit_opener.open_kit(path)

    def _kit_opened(self, result: object) -> None:
        walk_id = getattr(result, "walk_id", None)
        if walk_id:
            self.walk_opened.emit(str(walk_id))

    @staticmethod
    def _split(paths: Sequence[str]) -> tuple[list[str], list[str]]:
        """(notes files, walk kits) among `paths`, by their extension."""
        from walkapp.bundles import KIT_EXTENSION, NOTES_EXTENSION

        return ([p for p in paths if p.lower().endswith(NOTES_EXTENSION)],
                [p for p in paths if p.lower().endswith(KIT_EXTENSION)])

    def _paths(self, mime: QMimeData) -> tuple[list[str], list[str]]:
        paths: Sequence[str] = ([url.toLocalFile() for url in mime.urls() if url.isLocalFile()]
                                if mime.hasUrls() else [])
        return self._split(paths)

    def wants(self, mime: QMimeData) -> bool:
        notes, kits = self._paths(mime)
        return bool(notes or kits)

    def drop(self, mime: QMimeData) -> None:
        self.open_paths(*self._paths(mime))

    def open_files(self, paths: Sequence[str]) -> None:
        """Files given to walkapp (its command line: a double-click on a file), as if
        dropped on the window: notes files are imported, else a walk kit is opened (and
        its walk shown)."""
        self.open_paths(*self._split(paths))

    def open_paths(self, notes: Sequence[str], kits: Sequence[str]) -> None:
        if notes:
            self.import_notes(list(notes))
        elif kits:
            self.open_kit(kits[0])
