"""Export one report as a PDF: choose the kind and where to save, watch it being made in a
child process (ReportLab is pure Python: on a thread here it would starve the window of the
interpreter lock), then open it with the system's PDF viewer. "Stop" ends the child; the
file is written atomically, so a stopped export leaves no half-file.

Use `show_export_dialog(parent, services, walk_id, kind=…)` from a menu action; it opens the
dialog window-modal without blocking. The save-file chooser and the "open with the system
viewer" call are constructor arguments, so tests drive the dialog without native windows;
messages go through the `Asker` seam.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTime, QUrl
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from walkapp import domain as d
from walkapp import formatting as fmt
from walkapp.errors import WalkappError
from walkapp.reports import (
    REPORTS,
    ExportResult,
    Need,
    Paper,
    ReportKind,
    ReportRequest,
    default_paper,
    export_job,
    load_renderers,
    suggested_filename,
)
from walkapp.reports.output import remove_unfinished
from walkapp.services import Services
from walkapp.services.offload import ChildStoppedError, Job, can_run_in_child
from walkapp.ui.dialogs import Asker
from walkapp.ui.file_folders import FileKind
from walkapp.ui.qt_values import to_time
from walkapp.ui.words import Words
from walkapp.ui.workers import Task, cancel, run_in_process

ReportFile = Words("ReportFile")

# What renders the report in the child process (a module-level function, found there by
# name); tests replace it to make the child fail or die.
EXPORT_JOB: Job = export_job

ChoosePath = Callable[[QWidget, str], str]   # (parent, suggested path) -> chosen path or ""
OpenFile = Callable[[Path], bool]


def _choose_with_qt(parent: QWidget, suggested: str) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, ReportFile.tr("Save the report as"), suggested,
                                          ReportFile.tr("PDF documents (*.pdf)"))
    return path


def _open_with_system(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class ExportDialog(QDialog):
    """Pick a report kind and a file; export in the background; offer to open it."""

    def __init__(self, services: Services, walk_id: str | None, *,
                 kind: ReportKind = ReportKind.DEBRIEF, asker: Asker | None = None,
                 choose_path: ChoosePath | None = None, open_file: OpenFile | None = None,
                 review_held_back: Callable[[], object] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if not can_run_in_child(services.db.settings):
            # Rendered on a worker thread here, so ReportLab must be imported on the GUI
            # thread first (see load_renderers). A child process imports its own.
            load_renderers()
        self._services = services
        self._task: Task | None = None
        self._walk: d.Walk | None = services.walks.get_walk(walk_id) if walk_id else None
        self._asker = asker or Asker()
        self._choose_path = choose_path or _choose_with_qt
        self._open_file = open_file or _open_with_system
        # Takes the facilitator to the walk's evidence wall (None: nowhere to go, e.g. a
        # dialog opened alone; the message still says where to look).
        self._review_held_back = review_held_back
        self._running = False
        self.result_: ExportResult | None = None
        self.setWindowTitle(self.tr("Export a report"))
        self.setMinimumWidth(640)

        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Report"))
        for spec in REPORTS:
            if spec.kind.needs_walk and self._walk is None:
                continue
            self.kind.addItem(fmt.tr(spec.label), spec.kind.value)
        self.walker = QComboBox()
        self.walker.setAccessibleName(self.tr("Walker"))
        self.walker.setEditable(self._walk is None)
        for person in self._walk.walkers if self._walk else ():
            self.walker.addItem(person.display_name)
        self.visit = QSpinBox()
        self.visit.setAccessibleName(self.tr("Visit number"))
        self.visit.setRange(1, max(1, len(self._walk.visits) if self._walk else 1))
        self.visit.setPrefix(self.tr("Visit "))  # "Visit 3", as visits are named everywhere
        self.use_start = QCheckBox(self.tr("Print clock times, starting at"))
        self.use_start.setAccessibleName(self.tr("Print clock times"))
        self.start = QTimeEdit(QTime(9, 0))
        self.start.setDisplayFormat("HH:mm")
        self.start.setAccessibleName(self.tr("Start time"))
        self.start.setEnabled(False)
        self.use_start.toggled.connect(self.start.setEnabled)
        self.paper = QComboBox()
        self.paper.setAccessibleName(self.tr("Paper size"))
        for size in Paper:
            self.paper.addItem(size.label, size.value)
        self.paper.setCurrentIndex(self.paper.findData(default_paper().value))
        self.path = QLineEdit()
        self.path.setAccessibleName(self.tr("Save as"))
        self.browse = QPushButton(self.tr("Choose…"))
        self.browse.setAccessibleName(self.tr("Choose where to save"))
        self.browse.clicked.connect(self._browse)

        start_row = QHBoxLayout()
        start_row.addWidget(self.use_start)
        start_row.addWidget(self.start)
        start_row.addStretch(1)
        self._start_row = QWidget()
        self._start_row.setLayout(start_row)
        start_row.setContentsMargins(0, 0, 0, 0)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(self.browse)
        form = QFormLayout()
        form.addRow(self.tr("Report"), self.kind)
        form.addRow(self.tr("Walker"), self.walker)
        form.addRow(self.tr("Visit"), self.visit)
        form.addRow(self.tr("Agenda"), self._start_row)
        form.addRow(self.tr("Paper"), self.paper)
        form.addRow(self.tr("Save as"), path_row)
        self._form = form

        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Export progress"))
        self.progress.setRange(0, 3)
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setAccessibleName(self.tr("Export status"))

        self.export_button = QPushButton(self.tr("Export"))
        self.export_button.setAccessibleName(self.tr("Export the report"))
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setAccessibleName(self.tr("Open the saved report"))
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_result)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setAccessibleName(self.tr("Stop making the report"))
        self.stop_button.setVisible(False)
        self.stop_button.clicked.connect(self.stop_export)
        self.review_button = QPushButton(self.tr("Review them"))
        self.review_button.setAccessibleName(self.tr(
            "Review the held-back notes on the evidence wall"))
        self.review_button.setToolTip(self.tr(
            "Open the post-brief's evidence wall to keep, rewrite or set aside the notes "
            "held back from the record"))
        self.review_button.setVisible(False)
        self.review_button.clicked.connect(self.review_held_back)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close this window"))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.stop_button)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.export_button)

        layout = QVBoxLayout(self)
        if self._walk is not None:
            heading = QLabel(self.tr("Walk: {0} ({1})").format(
                self._walk.title, fmt.long_date(self._walk.walk_date)))
            heading.setWordWrap(True)
            layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        review_row = QHBoxLayout()
        review_row.addWidget(self.review_button)
        review_row.addStretch(1)
        layout.addLayout(review_row)
        layout.addStretch(1)
        layout.addLayout(buttons)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.walker.currentTextChanged.connect(self._suggest_path)
        self.visit.valueChanged.connect(self._suggest_path)
        index = self.kind.findData(kind.value)
        self.kind.setCurrentIndex(max(0, index))
        self._kind_changed()

    # -- form --------------------------------------------------------------------------
    def current_kind(self) -> ReportKind:
        return ReportKind(self.kind.currentData())

    def _uses(self, need: Need) -> bool:
        spec = self.current_kind().spec
        return need in spec.needs or need in spec.takes

    def _kind_changed(self) -> None:
        for widget, need in ((self.walker, Need.WALKER), (self.visit, Need.VISIT),
                             (self._start_row, Need.START)):
            self._form.setRowVisible(widget, self._uses(need))
        self._suggest_path()

    def _suggest_path(self) -> None:
        """A file name for the report chosen, in the folder typed or chosen so far (else
        where reports were saved last, else Documents); what the last export said is
        cleared: it was about another file."""
        if not self._running:
            self._forget_last_export()
        current = self.path.text().strip()
        folder = Path(current).parent if current and Path(current).is_absolute() else \
            self._asker.folder_memory().start(FileKind.REPORT)
        kind = self.current_kind()
        name = suggested_filename(kind, self._walk, walker=self.walker.currentText(),
                                  visit=self.visit.value())
        self.path.setText(str(folder / name))

    def _browse(self) -> None:
        if not Path(self.path.text().strip()).is_absolute():
            self.path.clear()
            self._suggest_path()  # the chooser starts in a real folder, never the cwd
        chosen = self._choose_path(self, self.path.text())
        if chosen:
            self.path.setText(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf")

    def _forget_last_export(self) -> None:
        """Back to a fresh form: no "Saved 4 pages" from a file that is not this one."""
        self.result_ = None
        self.status.setText("")
        self.status.setMinimumHeight(0)
        self.progress.setVisible(False)
        self.progress.setValue(0)
        self.open_button.setEnabled(False)

    def request(self) -> ReportRequest:
        kind = self.current_kind()
        start = None
        if self._uses(Need.START) and self.use_start.isChecked():
            start = to_time(self.start.time())
        return ReportRequest(
            kind=kind, walk_id=self._walk.id if self._walk else None,
            walker=self.walker.currentText().strip() if self._uses(Need.WALKER) else None,
            visit=self.visit.value() if self._uses(Need.VISIT) else None,
            paper=Paper(self.paper.currentData()), start=start)

    # -- export ------------------------------------------------------------------------
    def start_export(self) -> None:
        if self._running:
            return
        target = self.path.text().strip()
        if not target:
            self.status.setText(self.tr("Choose where to save the report first."))
            return
        request = self.request()
        self._set_running(True)
        self.result_ = None
        self.open_button.setEnabled(False)
        self.status.setText(self.tr("Making the report…"))
        self.progress.setValue(0)
        self._task = run_in_process(self._services, EXPORT_JOB, request, Path(target),
                                    on_done=self._done, on_error=self._failed,
                                    on_progress=self._progress, owner=self,
                                    cleanup=functools.partial(remove_unfinished, target))

    def stop_export(self) -> None:
        """End the export now (its child process with it); nothing is saved."""
        if not self._running or self._task is None:
            return
        task, self._task = self._task, None
        cancel(task)  # its result, if any, is dropped: we say what happened here
        self._set_running(False)
        self.progress.setVisible(False)
        self.status.setText(self.tr("Stopped. The report was not saved."))

    def shutdown(self) -> None:
        """The window is closing: end an export still running."""
        if self._task is not None:
            cancel(self._task)
            self._task = None
            self._running = False

    def _progress(self, done: int, total: int, message: str) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)
        self.status.setText(fmt.tr(message))

    def _done(self, result: object) -> None:
        assert isinstance(result, ExportResult)
        self._task = None
        self.result_ = result
        self._asker.folder_memory().remember(FileKind.REPORT, result.path)
        self._set_running(False)
        self.progress.setValue(self.progress.maximum())
        # One sentence per count: a language may agree the verb with it ("Se guardaron").
        saved = fmt.plural(result.pages, "Saved {n} page to {path}.",
                           "Saved {n} pages to {path}.").format(path=result.path)
        # Characters no font could draw: named, with the package that would draw them.
        # Notes held back from the record (flagged or set aside): said, with where to look.
        # With "Review them" below, the line alone; without it, where to go as well.
        where = "" if self._review_held_back is not None else self.tr(
            " Open the walk's Post-brief → Evidence wall to keep or rewrite them.")
        held = [self.tr("{0}.").format(result.held_back) + where] if result.held_back else []
        self.status.setText("\n\n".join([saved, *held, *result.warnings]))
        self._fit_to_text()
        self.review_button.setVisible(bool(held) and self._review_held_back is not None)
        self.open_button.setEnabled(True)
        self.open_button.setFocus()

    def _fit_to_text(self) -> None:
        """Grow the dialog to show the whole status (a few wrapped lines after an export
        that held notes back or found lines to reread), never past the screen."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        # A wrapped label in a dialog's own layout gets the height of its unwrapped size
        # hint, not the height its lines need at this width: ask for that height.
        needed = self.status.heightForWidth(self.status.width())
        self.status.setMinimumHeight(max(0, needed))
        wanted = self.height() + max(0, needed - self.status.height())
        screen = self.screen()
        if screen is not None:
            wanted = min(wanted, screen.availableGeometry().height() - 40)
        if wanted > self.height():
            self.resize(self.width(), wanted)

    def _failed(self, error: BaseException, details: str) -> None:
        self._task = None
        self._set_running(False)
        self.progress.setVisible(False)
        if isinstance(error, ChildStoppedError):
            self.status.setText(self.tr("Stopped. The report was not saved."))
            return
        if isinstance(error, WalkappError):
            message = error.message
        else:  # a bug: say so plainly; the details are for a bug report
            message = self.tr("The report could not be made because of an unexpected "
                              "problem ({0}). Nothing was saved.").format(
                                  type(error).__name__)
        self.status.setText(message)
        self._asker.error(self, self.tr("Report not saved"), message)

    def _set_running(self, running: bool) -> None:
        self._running = running
        self.progress.setVisible(True)
        self.stop_button.setVisible(running)
        if running:  # a new export: the last one's held-back notes may be decided now
            self.review_button.setVisible(False)
        for widget in (self.kind, self.walker, self.visit, self.use_start, self.paper,
                       self.path, self.browse, self.export_button, self.close_button):
            widget.setEnabled(not running)
        self.start.setEnabled(not running and self.use_start.isChecked())

    def review_held_back(self) -> None:
        """Go to the evidence wall, where the held-back notes are decided, and close."""
        if self._review_held_back is None or self._running:
            return
        self._review_held_back()
        self.accept()

    def open_result(self) -> None:
        if self.result_ is None:
            return
        if not self._open_file(self.result_.path):
            self._asker.warn(self, self.tr("Could not open the report"), self.tr(
                "No program to show PDF files was found. The report is saved at {0}.")
                .format(self.result_.path))

    # -- closing -------------------------------------------------------------------------
    def reject(self) -> None:
        if self._running:  # the worker still reports here; close once it has finished
            self.status.setText(self.tr("Please wait: the report is still being saved."))
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._running:
            event.ignore()
            self.status.setText(self.tr("Please wait: the report is still being saved."))
            return
        super().closeEvent(event)


def show_export_dialog(parent: QWidget | None, services: Services, walk_id: str | None,
                       kind: ReportKind = ReportKind.DEBRIEF,
                       asker: Asker | None = None,
                       review_held_back: Callable[[], object] | None = None) -> ExportDialog:
    """Open the export dialog for a walk (window-modal, does not block) and return it.
    `review_held_back` opens the walk's evidence wall ("Review them" after an export
    that held notes back)."""
    dialog = ExportDialog(services, walk_id, kind=kind, asker=asker,
                          review_held_back=review_held_back, parent=parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
