"""Walk kits and notes files in the desktop app: import, save, open.

Controllers the main window wires into its menus and drag and drop:

- `ImportController.import_files(paths)` (File → Import notes…, files dropped on the
  window) imports in a child process (parsing and merging is pure Python: on a thread here
  it would starve the window of the interpreter lock) with a progress dialog whose Cancel
  ends the child, then publishes what changed here and shows the import report.
- `KitExportController.save_kit(walk_id, walker_id)` / `.save_notes(walk_id, walker_id)`
  ask where to save (and for an optional passphrase), then write the file in the
  background.
- `OpenKitController.open_kit()` (walker's laptop: File → Open walk kit…).

Dialogs that would block a test go through small seams: `FilePicker` for file dialogs,
`PassphraseAsker` for passphrases and the walker's name, `Asker` for messages.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from walkapp import formatting as fmt
from walkapp.bundles import (
    KIT_EXTENSION,
    NOTES_EXTENSION,
    BundleService,
    ImportReport,
    PassphraseNeededError,
    WalkerChoiceNeededError,
    WrongPassphraseError,
    import_job,
)
from walkapp.errors import WalkappError
from walkapp.services import Services
from walkapp.services.offload import ChildStoppedError, Job
from walkapp.ui.dialogs import Asker
from walkapp.ui.file_folders import FileKind
from walkapp.ui.help_sections import ShowGuide
from walkapp.ui.import_report import ImportReportDialog
from walkapp.ui.passphrase_dialogs import PassphraseAsker
from walkapp.ui.words import Words
from walkapp.ui.workers import Progress, Task, cancel, run_in_background, run_in_process

Bundles = Words("Bundles")

# What imports in the child process (a module-level function, found there by name); tests
# replace it to make the child fail or die.
IMPORT_JOB: Job = import_job



def notes_filter() -> str:
    return Bundles.tr("walkapp notes files (*.walknotes);;All files (*)")


def kit_filter() -> str:
    return Bundles.tr("walkapp walk kits (*.walkkit);;All files (*)")


def _kind_of(filters: str) -> FileKind:
    return FileKind.KIT if KIT_EXTENSION in filters else FileKind.NOTES


class FilePicker:
    """File dialogs for kits and notes files, through the Asker (which knows where each
    kind was saved or opened last); tests replace this with one that answers from a
    script."""

    def __init__(self, asker: Asker | None = None) -> None:
        self._asker = asker or Asker()

    def open_files(self, parent: QWidget | None, title: str, filters: str) -> list[str]:
        return self._asker.open_files(parent, title, filters, kind=_kind_of(filters))

    def open_file(self, parent: QWidget | None, title: str, filters: str) -> str | None:
        chosen = self._asker.open_files(parent, title, filters, kind=_kind_of(filters))
        return chosen[0] if chosen else None

    def save_file(self, parent: QWidget | None, title: str, suggested: str,
                  filters: str) -> str | None:
        return self._asker.save_file(parent, title, suggested, filters,
                                     kind=_kind_of(filters))


def safe_file_name(*parts: str) -> str:
    """A file name from words (walk title, walker): no path separators or odd characters."""
    text = " - ".join(p for p in parts if p)
    text = re.sub(r"[\\/:*?\"<>|\x00-\x1f]+", " ", text)
    return " ".join(text.split())[:120] or "walk"


class _Background(QObject):
    """Shared by the controllers: one task at a time, progress, errors to the Asker."""

    def __init__(self, services: Services, asker: Asker, parent: QWidget | None,
                 picker: FilePicker | None, passphrases: PassphraseAsker | None) -> None:
        super().__init__(parent)
        self._services = services
        self._asker = asker
        self._parent = parent
        self.picker = picker or FilePicker(asker)
        self.passphrases = passphrases or PassphraseAsker()
        self.bundles = BundleService(services.db, services.bus)
        self.busy = False
        self.progress: QProgressDialog | None = None
        self.task: Task | None = None

    def _start(self, title: str, work: Callable[[Progress], Any] | tuple[Job, tuple[Any, ...]],
               done: Callable[[Any], None]) -> None:
        """Run `work(progress)` on a worker thread, or a (job, args) in a child process;
        only the latter can be cancelled (its child is ended; one transaction, so nothing
        of it is kept)."""
        self.busy = True
        dialog = QProgressDialog(title, self.tr("Cancel"), 0, 0, self._parent)
        if not isinstance(work, tuple):
            dialog.setCancelButton(None)  # a thread cannot be stopped half-way
        dialog.setWindowTitle(self.tr("walkapp"))
        dialog.setMinimumDuration(300)
        dialog.setAccessibleName(self.tr("Progress"))
        dialog.setAutoClose(False)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress = dialog

        def on_progress(step: int, total: int, message: str) -> None:
            dialog.setMaximum(total)
            dialog.setValue(step)
            dialog.setLabelText(message)

        def finish() -> None:
            self.busy = False
            dialog.reset()
            dialog.hide()
            dialog.deleteLater()
            self.progress = None

        def on_done(result: Any) -> None:
            finish()
            done(result)

        def on_error(error: BaseException, details: str) -> None:
            finish()
            self._failed(error, details)

        if isinstance(work, tuple):
            job, args = work
            self.task = run_in_process(self._services, job, *args, on_done=on_done,
                                       on_error=on_error, on_progress=on_progress, owner=self)
            dialog.canceled.connect(self.cancel)
        else:
            self.task = run_in_background(work, on_done=on_done, on_error=on_error,
                                          on_progress=on_progress, owner=self)

    def cancel(self) -> None:
        """Stop the work running in a child process (the Cancel button)."""
        task, self.task = self.task, None
        if task is None or task.stop is None or not self.busy:
            return
        cancel(task)  # the child is ended; its result is dropped
        self.busy = False
        if self.progress is not None:
            self.progress.reset()
            self.progress.hide()
            self.progress.deleteLater()
            self.progress = None
        self._stopped()

    def _stopped(self) -> None:
        self._asker.inform(self._parent, self.tr("Stopped"), self.tr(
            "Stopped before it finished: nothing was changed."))

    def shutdown(self) -> None:
        """The window is closing: end work still running in a child process."""
        task, self.task = self.task, None
        if task is not None and task.stop is not None:
            cancel(task)

    def _failed(self, error: BaseException, details: str) -> None:
        if isinstance(error, ChildStoppedError):
            self._stopped()
            return
        if isinstance(error, WalkappError):
            self._asker.error(self._parent, self.tr("That did not work"), error.message)
        else:
            self._asker.error(self._parent, self.tr("Something went wrong"), self.tr(
                "walkapp hit an unexpected problem and changed nothing. Please report "
                "it with these details:\n\n{0}").format(details[-2000:]))


class ImportController(_Background):
    """Import walkers' notes files: from the menu or from files dropped on the window."""

    finished = Signal(object)  # ImportReport

    def __init__(self, services: Services, asker: Asker, parent: QWidget | None = None, *,
                 picker: FilePicker | None = None,
                 passphrases: PassphraseAsker | None = None,
                 guide: ShowGuide | None = None) -> None:
        super().__init__(services, asker, parent, picker, passphrases)
        self.report_dialog: ImportReportDialog | None = None
        self._guide = guide  # the window's guide: the report's "Learn more"

    def choose_and_import(self) -> None:
        paths = self.picker.open_files(self._parent, self.tr("Import notes files"),
                                       notes_filter())
        if paths:
            self.import_files(paths)

    @staticmethod
    def accepts(paths: Sequence[str]) -> bool:
        """For drag and drop: are these files worth offering to import?"""
        return any(Path(p).suffix.lower() == NOTES_EXTENSION for p in paths)

    @staticmethod
    def dropped_paths(mime: QMimeData) -> list[str]:
        """Local files in a drop (for the window's dragEnterEvent / dropEvent)."""
        if not mime.hasUrls():
            return []
        return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]

    def import_files(self, paths: Sequence[str | Path], passphrase: str | None = None,
                     earlier: ImportReport | None = None) -> None:
        if self.busy:
            self._asker.inform(self._parent, self.tr("Import"), self.tr(
                "An import is already running; wait for it to finish."))
            return
        chosen = [str(p) for p in paths]
        self._start(self.tr("Importing {0}…").format(
                        fmt.plural(len(chosen), "{n} file", "{n} files")),
                    (IMPORT_JOB, (chosen, passphrase)),
                    lambda report: self._imported(report, passphrase, earlier))

    def _imported(self, report: ImportReport, passphrase: str | None,
                  earlier: ImportReport | None) -> None:
        if earlier is not None:
            mine = {f.path: f for f in report.files}
            report = replace(earlier, files=tuple(mine.get(f.path, f) for f in earlier.files),
                             backup_path=earlier.backup_path or report.backup_path)
        # Told by the report, not read from its words (which are in the app's language).
        locked = [f.path for f in report.files if not f.accepted and f.locked]
        if locked:
            # Asked until the files open or Cancel: a wrong passphrase (given before)
            # asks again, with the same files; Cancel shows the report as it stands.
            answer = self.passphrases.passphrase(self._parent, Path(locked[0]).name) \
                if passphrase is None else \
                self.passphrases.passphrase(self._parent, Path(locked[0]).name, again=True)
            if answer:
                self.import_files(locked, answer, earlier=report)
                return
        self.show_report(report)
        self.finished.emit(report)

    def _stopped(self) -> None:
        # The child is killed at once; if that came just after its one commit, the notes
        # are in. Either way nothing is half-imported, and importing again changes nothing
        # that is already there.
        self._asker.inform(self._parent, self.tr("Import stopped"), self.tr(
            "The import was stopped before it reported back. Nothing was half-imported: "
            "the files are as they were, and you can import them again at any time."))

    def show_report(self, report: ImportReport) -> None:
        if self.report_dialog is not None:
            self.report_dialog.close()
        self.report_dialog = ImportReportDialog(report, self._parent, guide=self._guide)
        self.report_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.report_dialog.show()


class KitExportController(_Background):
    """Save a walk kit (facilitator) or a walker's notes file, with an optional passphrase."""

    saved = Signal(object)  # Path

    def __init__(self, services: Services, asker: Asker, parent: QWidget | None = None, *,
                 picker: FilePicker | None = None,
                 passphrases: PassphraseAsker | None = None) -> None:
        super().__init__(services, asker, parent, picker, passphrases)

    def _names(self, walk_id: str, walker_id: str | None) -> tuple[str, str | None]:
        walk = self._services.walks.get_walk(walk_id)
        walker = walk.participant(walker_id)
        return walk.title, walker.display_name if walker else None

    def save_kit(self, walk_id: str, walker_id: str | None = None) -> None:
        title, walker = self._names(walk_id, walker_id)
        suggested = safe_file_name(title, walker or self.tr("any walker")) + KIT_EXTENSION
        self._save(self.tr("Save walk kit"), suggested, kit_filter(), KIT_EXTENSION,
                   lambda path, secret: self.bundles.write_kit(walk_id, path, walker_id,
                                                               secret),
                   self.tr("The walk kit for {0} was saved to {1}.").format(
                       walker or self.tr("any walker"), "{path}"))

    def save_notes(self, walk_id: str, walker_id: str) -> None:
        title, walker = self._names(walk_id, walker_id)
        suggested = safe_file_name(title, walker or "") + NOTES_EXTENSION
        self._save(self.tr("Save notes file"), suggested, notes_filter(), NOTES_EXTENSION,
                   lambda path, secret: self.bundles.write_notes(walk_id, walker_id, path,
                                                                 secret),
                   self.tr("{0}'s notes were saved to {1}. Give this file to the "
                           "facilitator.").format(walker or "", "{path}"))

    def _save(self, title: str, suggested: str, filters: str, extension: str,
              write: Callable[[Path, str | None], Path], message: str) -> None:
        if self.busy:
            return
        chosen = self.picker.save_file(self._parent, title, suggested, filters)
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != extension:
            path = path.with_name(path.name + extension)
        secret = self.passphrases.new_passphrase(self._parent)
        if secret is None:
            return

        def done(written: Path) -> None:
            self._asker.inform(self._parent, title, message.replace("{path}", str(written)))
            self.saved.emit(written)

        self._start(self.tr("Saving {0}…").format(path.name),
                    lambda progress: write(path, secret or None), done)


class OpenKitController(_Background):
    """On a walker's laptop: open a walk kit, asking for the walker's name if needed.

    Once opened, `opened` is emitted and `announce` (the window's status bar) says so,
    without a dialog in the way: the window goes straight into the walk. Without
    `announce` (a controller on its own) the Asker says it."""

    opened = Signal(object)  # walkapp.bundles.KitOpened

    def __init__(self, services: Services, asker: Asker, parent: QWidget | None = None, *,
                 picker: FilePicker | None = None,
                 passphrases: PassphraseAsker | None = None,
                 announce: Callable[[str], None] | None = None) -> None:
        super().__init__(services, asker, parent, picker, passphrases)
        self._announce = announce

    def open_kit(self, path: str | Path | None = None) -> None:
        chosen = str(path) if path else self.picker.open_file(
            self._parent, self.tr("Open walk kit"), kit_filter())
        if not chosen or self.busy:
            return
        secret: str | None = None
        name = Path(chosen).name
        while True:  # until the kit opens, or Cancel: the file chosen is kept meanwhile
            try:
                preview = self.bundles.preview_kit(chosen, secret)
                break
            except PassphraseNeededError:
                secret = self.passphrases.passphrase(self._parent, name)
            except WrongPassphraseError:
                secret = self.passphrases.passphrase(self._parent, name, again=True)
            except WalkappError as error:
                self._asker.error(self._parent, self.tr("Cannot open the walk kit"),
                                  error.message)
                return
            if secret is None:
                return  # cancelled: nothing opened, nothing to say
        walker = preview.for_walker_name
        if walker is None:
            walker = self.passphrases.choose_walker(self._parent, preview.walker_names)
            if walker is None:
                return

        def done(result: Any) -> None:
            verb = self.tr("is ready") if result.created else self.tr("was updated")
            message = self.tr("“{0}” {1} on this laptop for {2}.").format(
                result.walk_title, verb, result.walker_name)
            if self._announce is None:
                self._asker.inform(self._parent, self.tr("Walk kit opened"), message)
            else:
                self._announce(message)
            self.opened.emit(result)  # the window opens the walk

        self._start(self.tr("Opening the walk kit…"),
                    lambda progress: self.bundles.open_kit(chosen, walker, secret), done)


__all__ = ["FilePicker", "ImportController", "ImportReportDialog", "KitExportController",
           "OpenKitController", "PassphraseAsker", "WalkerChoiceNeededError", "safe_file_name"]
