"""Helpers for the crash handler and crash log tests: a recording dialog seam (no exec()),
a faulty button, where the log is, and an exception to report."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from PySide6.QtWidgets import QPushButton

from walkapp.config import Settings
from walkapp.ui.crash import CrashDialog, CrashReport


class Recorder:
    """The dialog seam: records each report it is asked to show; the dialog is real but is
    never exec()'d."""

    def __init__(self) -> None:
        self.reports: list[CrashReport] = []
        self.dialogs: list[CrashDialog] = []

    def __call__(self, report: CrashReport) -> CrashDialog:
        self.reports.append(report)
        dialog = CrashDialog(report, open_folder=lambda path: True)
        self.dialogs.append(dialog)
        return dialog


def log_file(settings: Settings) -> Path:
    return settings.data_dir / "logs" / "walkapp.log"


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def faulty_button(qtbot, message: str = "the bug under test") -> QPushButton:
    button = QPushButton("Save")
    qtbot.addWidget(button)

    def on_click() -> None:
        raise ZeroDivisionError(message)

    button.clicked.connect(on_click)
    return button


def exc_info() -> tuple[type[BaseException], BaseException, object]:
    try:
        raise RuntimeError("made for the test")
    except RuntimeError as error:
        return type(error), error, error.__traceback__
