"""The crash dialog: what happened in plain words, that typed text is kept, the details.

Shown by `walkapp.ui.crash.CrashHandler` with `open()` — never `exec()` — so the event loop,
autosave with it, runs on while it is up, and a test can look at it without blocking.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from walkapp import formatting as fmt
from walkapp.ui.crash_log import CrashReport

FolderOpener = Callable[[Path], bool]


def _open_folder(path: Path) -> bool:
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))


def _plain(label: QLabel) -> QLabel:
    # Text from an exception is shown as text, never read as rich text (HTML).
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class CrashDialog(QDialog):
    def __init__(self, report: CrashReport, parent: QWidget | None = None, *,
                 open_folder: FolderOpener = _open_folder) -> None:
        super().__init__(parent)
        self.report = report
        self.more = 0
        self._open_folder = open_folder
        self.setWindowTitle(self.tr("walkapp ran into a problem"))
        self.setAccessibleName(self.windowTitle())
        self.setObjectName("crashDialog")

        self.headline = _plain(QLabel(self.tr("Something went wrong inside walkapp.")))
        self.headline.setObjectName("crashHeadline")
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        self.message = _plain(QLabel(self.tr(
            "This is a fault in walkapp, not something you did. What you were doing just "
            "then may not have finished, but walkapp is still running and you can carry "
            "on.\n\n"
            "Text you typed is kept where you typed it: notes and reflections are saved as "
            "you type, and this problem does not stop that. If a note does not say “Saved” "
            "within a few seconds, copy its text somewhere safe before you close walkapp.")))
        self.message.setAccessibleName(self.tr("What happened"))
        self.summary = _plain(QLabel(report.summary))
        self.summary.setAccessibleName(self.tr("The error"))
        self.where = _plain(QLabel(self._where_text()))
        self.where.setAccessibleName(self.tr("Where the details are kept"))
        self.more_label = _plain(QLabel())
        self.more_label.hide()

        self.details = QPlainTextEdit(report.details)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Details of the error"))
        self.details.setMinimumHeight(160)
        self.details.hide()

        self.details_button = QPushButton(self.tr("Show details"))
        self.details_button.setAccessibleName(self.tr("Show or hide the details"))
        self.details_button.clicked.connect(self._toggle_details)
        self.copy_button = QPushButton(self.tr("Copy details"))
        self.copy_button.setAccessibleName(self.tr("Copy the details to the clipboard"))
        self.copy_button.clicked.connect(self.copy_details)
        self.folder_button = QPushButton(self.tr("Open log folder"))
        self.folder_button.setAccessibleName(self.tr("Open the folder with walkapp's log"))
        self.folder_button.setEnabled(report.log_path is not None)
        self.folder_button.clicked.connect(self.open_log_folder)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close this message"))
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.accept)

        buttons = QHBoxLayout()
        for button in (self.details_button, self.copy_button, self.folder_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        for widget in (self.headline, self.message, self.summary, self.where, self.more_label,
                       self.details):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        self.setMinimumWidth(520)
        self.resize(560, self.sizeHint().height())

    def _where_text(self) -> str:
        if self.report.log_path is not None:
            return self.tr("The details are saved in walkapp's log: {0}. If this keeps "
                           "happening, send them to whoever looks after walkapp for you "
                           "(“Copy details” puts them on the clipboard).").format(
                               self.report.log_path)
        return self.tr("The details could not be saved in walkapp's log ({0}). Use “Copy "
                       "details” to keep them.").format(self.report.log_problem or "")

    def add_another(self, report: CrashReport) -> None:
        """Another error while this dialog is open: count it rather than open another."""
        self.more += 1
        self.more_label.setText(
            fmt.plural(self.more, "{n} more problem happened after this one; it is in the log "
                       "too.", "{n} more problems happened after this one; they are in the "
                       "log too.") if report.log_path is not None else
            fmt.plural(self.more, "{n} more problem happened after this one.",
                       "{n} more problems happened after this one."))
        self.more_label.show()

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.report.details)
        self.copy_button.setText(self.tr("Copied"))

    def open_log_folder(self) -> None:
        if self.report.log_path is None:
            return
        folder = self.report.log_path.parent
        if not self._open_folder(folder):
            self.where.setText(self.tr("The log folder could not be opened from here; it is "
                                       "{0}.").format(folder))

    def _toggle_details(self) -> None:
        visible = self.details.isHidden()
        self.details.setVisible(visible)
        self.details_button.setText(self.tr("Hide details") if visible
                                    else self.tr("Show details"))


def open_crash_dialog(report: CrashReport) -> CrashDialog:
    """Show the dialog without blocking, over whichever window is in front."""
    dialog = CrashDialog(report, QApplication.activeWindow())
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.open()
    return dialog
