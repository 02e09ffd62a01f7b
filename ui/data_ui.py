"""Open data in the desktop app: File → Export data… and File → Import data….

- `ExportDataDialog` asks what to export: the owner's export (every record, which imports
  back) or a shared one (what the debrief shows, privacy settings applied, for a coach or
  a researcher), which walks (chosen, or all), and JSON or CSV (a .zip of one file per
  table).
- `DataController` asks where to save (or which file to import) and runs the export or
  the import in a child process (walkapp.services.offload, as notes-file imports do), with
  a progress dialog whose Cancel ends it; an import ends with the import report the app
  shows for notes files.

Dialogs that would block a test go through seams: `choose` (the export dialog), the
`FilePicker`-like picker, and the `Asker`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from walkapp import domain as d
from walkapp import formatting as fmt
from walkapp.bundles import ImportReport
from walkapp.exports import OWNER, SHARED, ExportWritten, export_job, import_data_job
from walkapp.services import Services
from walkapp.services.offload import Job
from walkapp.ui.bundles_ui import _Background, safe_file_name
from walkapp.ui.dialogs import Asker
from walkapp.ui.file_folders import FileKind
from walkapp.ui.help_sections import ShowGuide
from walkapp.ui.import_report import ImportReportDialog

# What runs in the child process (module-level functions, found there by name); tests
# replace them to make the child fail.
EXPORT_JOB: Job = export_job
IMPORT_JOB: Job = import_data_job


@dataclass(frozen=True)
class DataChoice:
    kind: str                         # OWNER or SHARED
    walk_ids: tuple[str, ...] | None  # None: every walk not in the Trash
    form: str                         # "json" or "csv"


class ExportDataDialog(QDialog):
    """What to export: the kind, the walks and the format."""

    def __init__(self, walks: Sequence[d.WalkSummary], parent: QWidget | None = None,
                 chosen: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export data"))
        layout = QVBoxLayout(self)
        kinds = QGroupBox(self.tr("What to export"))
        box = QVBoxLayout(kinds)
        self.owner = QRadioButton(self.tr("Everything, for me (owner's export)"))
        owner_words = QLabel(self.tr(
            "Every record of the walks, with names, rooms and notes set aside. Keep it safe; "
            "“Import data…” reads it back with nothing lost."))
        self.shared = QRadioButton(self.tr("What the debrief shows, to share (shared export)"))
        shared_words = QLabel(self.tr(
            "For a coach or a researcher: each walk's privacy settings apply, set-aside and "
            "flagged notes stay out, and walkers are not named."))
        self.kind_group = QButtonGroup(self)
        for button in (self.owner, self.shared):
            self.kind_group.addButton(button)
        self.owner.setChecked(True)
        for words in (owner_words, shared_words):
            words.setWordWrap(True)
            words.setContentsMargins(24, 0, 0, 6)
        for widget in (self.owner, owner_words, self.shared, shared_words):
            box.addWidget(widget)
        layout.addWidget(kinds)

        which = QGroupBox(self.tr("Walks"))
        walks_box = QVBoxLayout(which)
        self.all_walks = QCheckBox(self.tr("All walks (not those in the Trash)"))
        self.walk_list = QListWidget()
        self.walk_list.setAccessibleName(self.tr("Walks to export"))
        for walk in walks:
            item = QListWidgetItem(self.tr("{0} — {1}").format(
                fmt.short_date(walk.walk_date), walk.title))
            item.setData(Qt.ItemDataRole.UserRole, walk.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if walk.id == chosen
                               else Qt.CheckState.Unchecked)
            self.walk_list.addItem(item)
        self.all_walks.setChecked(chosen is None)
        self.all_walks.toggled.connect(self._refresh)
        self.walk_list.itemChanged.connect(self._refresh)
        walks_box.addWidget(self.all_walks)
        walks_box.addWidget(self.walk_list)
        layout.addWidget(which)

        forms = QGroupBox(self.tr("Format"))
        forms_box = QVBoxLayout(forms)
        self.as_json = QRadioButton(self.tr("JSON: one file"))
        self.as_csv = QRadioButton(self.tr("CSV: one file per table, in a .zip (for "
                                           "spreadsheets)"))
        self.form_group = QButtonGroup(self)
        for button in (self.as_json, self.as_csv):
            self.form_group.addButton(button)
            forms_box.addWidget(button)
        self.as_json.setChecked(True)
        layout.addWidget(forms)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Export…"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self._refresh()

    def checked_walks(self) -> tuple[str, ...]:
        return tuple(str(item.data(Qt.ItemDataRole.UserRole))
                     for i in range(self.walk_list.count())
                     if (item := self.walk_list.item(i)).checkState() == Qt.CheckState.Checked)

    def _refresh(self, *_: Any) -> None:
        self.walk_list.setEnabled(not self.all_walks.isChecked())
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.all_walks.isChecked() or bool(self.checked_walks()))

    def choice(self) -> DataChoice:
        return DataChoice(kind=OWNER if self.owner.isChecked() else SHARED,
                          walk_ids=None if self.all_walks.isChecked() else self.checked_walks(),
                          form="csv" if self.as_csv.isChecked() else "json")


Chooser = Callable[[QWidget | None, Sequence[d.WalkSummary], str | None], DataChoice | None]


def ask_choice(parent: QWidget | None, walks: Sequence[d.WalkSummary],
               chosen: str | None) -> DataChoice | None:
    dialog = ExportDataDialog(walks, parent, chosen)
    return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None


class DataController(_Background):
    """File → Export data… and File → Import data…."""

    def __init__(self, services: Services, asker: Asker, parent: QWidget | None = None, *,
                 choose: Chooser | None = None, guide: ShowGuide | None = None) -> None:
        super().__init__(services, asker, parent, None, None)
        self._choose = choose or ask_choice
        self._guide = guide
        self.report_dialog: ImportReportDialog | None = None
        self.written: ExportWritten | None = None

    def export_data(self, current_walk: str | None = None) -> None:
        if self.busy:
            return
        walks = self._services.walks.list_walks()
        if not walks:
            self._asker.inform(self._parent, self.tr("Export data"),
                               self.tr("There are no walks to export yet."))
            return
        choice = self._choose(self._parent, walks, current_walk)
        if choice is None:
            return
        titles = [w.title for w in walks if choice.walk_ids and w.id in choice.walk_ids]
        base = safe_file_name(titles[0] if len(titles) == 1 else self.tr("walkapp data"),
                              self.tr("owner") if choice.kind == OWNER else self.tr("shared"))
        extension = ".json" if choice.form == "json" else ".zip"
        filters = (self.tr("JSON files (*.json);;All files (*)") if choice.form == "json"
                   else self.tr("Zip files (*.zip);;All files (*)"))
        chosen = self._asker.save_file(self._parent, self.tr("Export data"), base + extension,
                                       filters, kind=FileKind.DATA)
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != extension:
            path = path.with_name(path.name + extension)

        def done(written: ExportWritten) -> None:
            self.written = written
            self._asker.inform(self._parent, self.tr("Export data"), self.tr(
                "The export was saved to {0}.").format(written.path))

        self._start(self.tr("Exporting to {0}…").format(path.name),
                    (EXPORT_JOB, (choice.kind, choice.walk_ids, str(path), choice.form)),
                    done)

    def import_data(self, path: str | None = None) -> None:
        if self.busy:
            return
        chosen = [path] if path else self._asker.open_files(
            self._parent, self.tr("Import data"),
            self.tr("walkapp data exports (*.json);;All files (*)"), kind=FileKind.DATA)
        if not chosen:
            return
        self._start(self.tr("Importing {0}…").format(Path(chosen[0]).name),
                    (IMPORT_JOB, (chosen[0],)), self.show_report)

    def show_report(self, report: ImportReport) -> None:
        if self.report_dialog is not None:
            self.report_dialog.close()
        self.report_dialog = ImportReportDialog(report, self._parent, guide=self._guide)
        self.report_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.report_dialog.show()
