"""File ▸ Export portfolio…: a period, what goes in, which log entries, then one zip.

The period starts on the first of September of the school year under way (to today); the
boxes choose the artifacts (every one but the log at first). The walkers of the period are
listed with their consent to be named beside their reflections (a walker's own choice,
recorded here through the writer: off, they are "Walker A"…). The log's entries of the
period are listed unticked: only those ticked go in, and the preview shows each exactly
as the portfolio will print it — names replaced unless "Replace names" is unticked. Reads
run off the GUI thread; the portfolio is made in a child process (ReportLab never holds
the window's interpreter lock) and written atomically.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from walkapp import formatting as fmt
from walkapp.errors import WalkappError
from walkapp.exports.portfolio import PortfolioWritten, portfolio_job, preview_log
from walkapp.reports.build_portfolio import (
    ARTIFACT_LABELS,
    DEFAULT_ARTIFACTS,
    Artifact,
    PortfolioRequest,
)
from walkapp.services import Services
from walkapp.services.comm_log import KIND_LABELS, LogEntry, PortfolioWalker
from walkapp.services.log_commands import ConsentEdit
from walkapp.ui.dialogs import Asker
from walkapp.ui.file_folders import FileKind
from walkapp.ui.page import Stoppable
from walkapp.ui.widgets.date_field import DateField
from walkapp.ui.workers import cancel_owned_by, read_in_background, run_in_process
from walkapp.ui.writer import Writer


def school_year_start(today: date) -> date:
    return date(today.year if today.month >= 9 else today.year - 1, 9, 1)


class PortfolioDialog(QDialog, Stoppable):
    def __init__(self, services: Services, asker: Asker, writer: Writer,
                 parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._asker = asker
        self._writer = writer
        self.written: PortfolioWritten | None = None
        self._busy = False
        self.setWindowTitle(self.tr("Export portfolio"))
        self.setObjectName("portfolioDialog")
        day = today or date.today()
        self.from_field = DateField(self.tr("From"), school_year_start(day))
        self.to_field = DateField(self.tr("To"), day)
        for field in (self.from_field, self.to_field):
            field.date_changed.connect(lambda _d: self.reread())
        period = QHBoxLayout()
        for label, field in ((self.tr("&From"), self.from_field),
                             (self.tr("&To"), self.to_field)):
            caption = QLabel(label)
            caption.setBuddy(field.edit)
            period.addWidget(caption)
            period.addWidget(field)
        period.addStretch(1)

        self.boxes: dict[Artifact, QCheckBox] = {}
        what = QGroupBox(self.tr("What goes in"))
        grid = QGridLayout(what)
        for n, artifact in enumerate(a for a in Artifact if a is not Artifact.LOG):
            box = QCheckBox(fmt.tr(ARTIFACT_LABELS[artifact]))
            box.setChecked(artifact in DEFAULT_ARTIFACTS)
            self.boxes[artifact] = box
            grid.addWidget(box, n // 3, n % 3)
        self.sessions_label = QLabel()
        self.sessions_label.setWordWrap(True)
        grid.addWidget(self.sessions_label, 2, 0, 1, 3)

        self.walkers = QListWidget()
        self.walkers.setAccessibleName(self.tr("Walkers who agreed to be named beside "
                                               "their reflections"))
        self.walkers.itemChanged.connect(self._consent_changed)
        consent = QGroupBox(self.tr("Named beside their reflections"))
        consent_layout = QVBoxLayout(consent)
        consent_note = QLabel(self.tr("Tick a walker only if they agreed. The others' "
                                      "reflections are signed “Walker A”, “Walker B”…"))
        consent_note.setWordWrap(True)
        consent_layout.addWidget(consent_note)
        consent_layout.addWidget(self.walkers)

        self.entries = QListWidget()
        self.entries.setAccessibleName(self.tr("Log entries to put in the portfolio"))
        self.entries.itemChanged.connect(lambda _i: self.refresh_preview())
        self.anonymise = QCheckBox(self.tr("&Replace names with “a teacher” (recommended)"))
        self.anonymise.setChecked(True)
        self.anonymise.toggled.connect(lambda _on: self.refresh_preview())
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(self.tr("The chosen entries as the portfolio prints "
                                               "them"))
        log = QGroupBox(self.tr("Communication log: only the entries you tick"))
        log_layout = QGridLayout(log)
        log_layout.addWidget(self.entries, 0, 0)
        log_layout.addWidget(self.preview, 0, 1)
        log_layout.addWidget(self.anonymise, 1, 0, 1, 2)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("What the export did last"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.addButton(self.tr("&Save portfolio…"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        lower = QHBoxLayout()
        lower.addWidget(consent, 1)
        lower.addWidget(log, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(period)
        layout.addWidget(what)
        layout.addLayout(lower, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(900, 560)
        self.reread()

    # -- reading ---------------------------------------------------------------------------
    def period(self) -> tuple[date, date] | None:
        start, end = self.from_field.date(), self.to_field.date()
        return (start, end) if start and end else None

    def reread(self) -> None:
        period = self.period()
        if period is None:
            return
        services = self._services

        def read() -> tuple[list[PortfolioWalker], list[LogEntry], int]:
            walks = [w for w in services.walks.list_walks()
                     if period[0] <= w.walk_date <= period[1]
                     and w.local_mode.value == "facilitator"]
            return (services.log.walkers_between(*period),
                    services.log.list_entries(*period, newest_first=False), len(walks))

        read_in_background(read, self._apply, owner=self, on_error=self._read_failed)

    def _apply(self, result: Any) -> None:
        walkers, entries, sessions = result
        self.sessions_label.setText(
            self.tr("No walks in this period.") if not sessions else
            self.tr("{0} in this period.").format(fmt.plural(sessions, "walk", "walks")))
        self.walkers.blockSignals(True)
        self.walkers.clear()
        for walker in walkers:
            item = QListWidgetItem(walker.name)
            item.setData(Qt.ItemDataRole.UserRole, walker.person_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if walker.reflections_named
                               else Qt.CheckState.Unchecked)
            self.walkers.addItem(item)
        self.walkers.blockSignals(False)
        chosen = set(self.chosen_entries())
        self.entries.blockSignals(True)
        self.entries.clear()
        for entry in entries:
            who = f" · {entry.with_whom}" if entry.with_whom else ""
            item = QListWidgetItem(f"{fmt.short_date(entry.entry_date)} · "
                                   f"{fmt.tr(KIND_LABELS[entry.kind])}{who}")
            item.setToolTip(entry.text[:500])
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if entry.id in chosen
                               else Qt.CheckState.Unchecked)
            self.entries.addItem(item)
        self.entries.blockSignals(False)
        self.refresh_preview()

    def _read_failed(self, _error: BaseException, message: str) -> None:
        self.message.setText(message)

    def chosen_entries(self) -> tuple[str, ...]:
        return tuple(str(self.entries.item(i).data(Qt.ItemDataRole.UserRole))
                     for i in range(self.entries.count())
                     if self.entries.item(i).checkState() == Qt.CheckState.Checked)

    def request(self) -> PortfolioRequest | None:
        period = self.period()
        if period is None:
            return None
        artifacts = {a for a, box in self.boxes.items() if box.isChecked()}
        entries = self.chosen_entries()
        if entries:
            artifacts.add(Artifact.LOG)
        return PortfolioRequest(period[0], period[1], frozenset(artifacts), entries,
                                anonymise_log=self.anonymise.isChecked())

    def refresh_preview(self) -> None:
        request = self.request()
        if request is None or not request.log_entries:
            self.preview.setPlainText(self.tr("No entries ticked: the log stays out of "
                                              "the portfolio."))
            return
        services = self._services

        def show(items: Any) -> None:
            self.preview.setPlainText("\n\n".join(
                f"{fmt.short_date(i.entry_date)} · {i.kind}"
                + (f" · {i.with_whom}" if i.with_whom else "") + f"\n{i.text}"
                for i in items))

        read_in_background(lambda: preview_log(services, request), show, owner=self,
                           on_error=self._read_failed)

    # -- writing ---------------------------------------------------------------------------
    def _consent_changed(self, item: QListWidgetItem) -> None:
        person = str(item.data(Qt.ItemDataRole.UserRole))
        named = item.checkState() == Qt.CheckState.Checked
        self._writer.write(ConsentEdit("name_in_portfolio", (person, named)), origin=self,
                           on_failed=lambda error: self.message.setText(
                               error.message if isinstance(error, WalkappError)
                               else str(error)))

    def save(self) -> None:
        request = self.request()
        if request is None or self._busy:
            self.message.setText(self.tr("Give the period a first and a last day."))
            return
        suggested = self.tr("Portfolio {0} to {1}.zip").format(request.start.isoformat(),
                                                               request.end.isoformat())
        chosen = self._asker.save_file(self, self.tr("Save portfolio"), suggested,
                                       self.tr("Zip files (*.zip);;All files (*)"),
                                       kind=FileKind.DATA)
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".zip":
            path = path.with_name(path.name + ".zip")
        self._busy = True
        self.save_button.setEnabled(False)
        self.message.setText(self.tr("Making the portfolio…"))
        run_in_process(self._services, portfolio_job, request, str(path),
                       on_done=self._saved, on_error=self._failed,
                       on_progress=lambda _s, _t, text: self.message.setText(text),
                       owner=self)

    def _saved(self, written: Any) -> None:
        self._busy = False
        self.save_button.setEnabled(True)
        assert isinstance(written, PortfolioWritten)
        self.written = written
        self.message.setText(self.tr("The portfolio was saved to {0} ({1}).").format(
            written.path, fmt.plural(len(written.files), "file", "files")))

    def _failed(self, _error: BaseException, message: str) -> None:
        self._busy = False
        self.save_button.setEnabled(True)
        self.message.setText(message)

    def shutdown(self) -> None:
        cancel_owned_by(self)
