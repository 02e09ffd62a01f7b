"""Fixtures for screen tests: real widgets over real services, dialogs scripted."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from walkapp.config import Settings
from walkapp.ui.dialogs import Asker


class ScriptedAsker(Asker):
    """Answers confirmations from a queue and records every message shown."""

    def __init__(self) -> None:
        self.answers: list[bool] = []
        self.choices: list[str | None] = []
        self.shown: list[tuple[str, str, str]] = []

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
