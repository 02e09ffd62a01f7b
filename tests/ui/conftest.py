"""Fixtures for screen tests: real widgets over real services, dialogs scripted."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog

from walkapp.config import Settings
from walkapp.ui.dialogs import Asker


class ScriptedAsker(Asker):
    """Answers confirmations from a queue and records every message shown.

    `dialog_actions` are called, in order, with each dialog the code under test would show
    modally; each returns True to accept it or False to cancel. File choosers answer from
    `files_to_open` / `file_to_save`."""

    def __init__(self) -> None:
        self.answers: list[bool] = []
        self.choices: list[str | None] = []
        self.picks: list[str | None] = []
        self.shown: list[tuple[str, str, str]] = []
        self.dialog_actions: list[Callable[[QDialog], bool]] = []
        self.files_to_open: list[list[str]] = []
        self.file_to_save: list[str | None] = []

    def run(self, dialog: QDialog) -> bool:
        self.shown.append(("dialog", dialog.windowTitle(), ""))
        if not self.dialog_actions:
            return False
        return self.dialog_actions.pop(0)(dialog)

    def pick(self, parent: Any, title: str, text: str, options: Any) -> str | None:
        self.shown.append(("pick", title, text))
        answer = self.picks.pop(0) if self.picks else None
        assert answer is None or answer in options, (answer, options)
        return answer

    def open_files(self, parent: Any, title: str, filters: str) -> list[str]:
        self.shown.append(("open_files", title, filters))
        return self.files_to_open.pop(0) if self.files_to_open else []

    def save_file(self, parent: Any, title: str, suggested: str, filters: str) -> str | None:
        self.shown.append(("save_file", title, suggested))
        return self.file_to_save.pop(0) if self.file_to_save else None

    def confirm(self, parent: Any, title: str, text: str, confirm_label: str = "OK") -> bool:
        self.shown.append(("confirm", title, text))
        return self.answers.pop(0) if self.answers else False

    def inform(self, parent: Any, title: str, text: str) -> None:
        self.shown.append(("inform", title, text))

    def warn(self, parent: Any, title: str, text: str) -> None:
        self.shown.append(("warn", title, text))

    def error(self, parent: Any, title: str, text: str) -> None:
        self.shown.append(("error", title, text))

    def choose(self, parent: Any, title: str, text: str, choices: Any,
               default: str | None = None) -> str | None:
        """Answers from `self.choices` (a key, or None for "closed"); asserts it was offered."""
        self.shown.append(("choose", title, text))
        answer = self.choices.pop(0) if self.choices else None
        assert answer is None or answer in [key for key, _ in choices], (answer, choices)
        return answer


@pytest.fixture
def asker() -> ScriptedAsker:
    return ScriptedAsker()


@pytest.fixture
def qsettings(settings: Settings) -> Iterator[QSettings]:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    yield QSettings(str(Path(settings.data_dir) / "ui-state.ini"), QSettings.Format.IniFormat)
